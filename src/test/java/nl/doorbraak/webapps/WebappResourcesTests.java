package nl.doorbraak.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The application's overrides of the Camunda webapps' resources, fetched from the running
 * application as a browser fetches them: the Dutch Tasklist locale (complete, key for key
 * against Camunda's English one), the configurations and the stylesheets.
 */
@PostgresIntegrationTest
class WebappResourcesTests {

    private static final String TASKLIST = "/camunda/app/tasklist/";
    /** Deliberately empty: the banner urging a migration is hidden, and says nothing when it is not. */
    private static final String BANNER = "BANNER_CE_EOL_TEXT";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void theDutchTasklistLocaleHasEveryKeyOfTheEnglishOneAndATextForEach() throws Exception {
        JsonNode english = fetchJson(TASKLIST + "locales/en.json");
        JsonNode dutch = fetchJson(TASKLIST + "locales/nl.json");

        assertThat(keys(dutch, "")).isEqualTo(keys(english, ""));
        List<String> untranslated = new ArrayList<>();
        english.path("labels").fields().forEachRemaining(label -> {
            String text = dutch.path("labels").path(label.getKey()).asText();
            boolean englishEmpty = label.getValue().asText().isEmpty();
            if (!label.getKey().equals(BANNER) && text.isEmpty() != englishEmpty) {
                untranslated.add(label.getKey());
            }
        });
        assertThat(untranslated).as("labels without a Dutch text").isEmpty();
        assertThat(dutch.path("labels").path(BANNER).asText()).isEmpty();
        assertThat(dutch.path("labels").path("COMPLETE").asText()).isEqualTo("Afronden");
        assertThat(dutch.path("dateLocales").path("months").get(2).asText()).isEqualTo("maart");
        assertThat(dutch.path("dateLocales").path("longDateFormat").path("L").asText()).isEqualTo("DD-MM-YYYY");
    }

    @Test
    void tasklistIsConfiguredDutchByDefaultWithDutchDatesAndOurName() {
        String config = fetch(TASKLIST + "scripts/config.js");
        assertThat(config).contains("availableLocales: ['nl', 'en']").contains("fallbackLocale: 'nl'")
                .contains("normal: 'D MMMM YYYY HH:mm'").contains("vendor: 'Doorbraak'");
    }

    @Test
    void everyWebappHidesTheMigrationBannerAndCarriesOurName() {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(fetch("/camunda/app/" + app + "/styles/user-styles.css")).as(app)
                    .containsPattern("\\.ce-eol-banner \\{\\s*display: none !important;");
            assertThat(fetch("/camunda/app/" + app + "/scripts/config.js")).as(app).contains("vendor: 'Doorbraak'");
        }
    }

    private String fetch(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode fetchJson(String path) throws Exception {
        String body = fetch(path);
        return new ObjectMapper().readTree(body.startsWith("\uFEFF") ? body.substring(1) : body);
    }

    /** Every key path in the document, e.g. {@code labels.COMPLETE}, {@code dateLocales.week.dow}. */
    private static TreeSet<String> keys(JsonNode node, String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String path = prefix + field.getKey();
                keys.add(path);
                keys.addAll(keys(field.getValue(), path + "."));
            }
        }
        return keys;
    }
}

package nl.doorbraak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.ProblemAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The quick start, `./mvnw spring-boot:run`, in a test: the default profile on its H2 file
 * database (moved under target/ so the test leaves ./data alone) with the demo users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "doorbraak.data-dir=./target/h2-default-profile-${random.uuid}")
@DirtiesContext
@Tag("own-application-context")
class DefaultProfileTests {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void servesTheApiToDemoUsersOnH2() {
        HttpResponse<String> municipalities = http.get("/api/v1/municipalities", "rotterdam");
        assertThat(municipalities.statusCode()).isEqualTo(200);
        assertThat(Http.json(municipalities)).hasSize(19);
        assertThat(Http.json(http.get("/api/v1/focus-areas", "reviewer-szw"))).hasSize(20);
        ProblemAssertions.assertProblem(http.get("/api/v1/municipalities"), 401);
        assertThat(http.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void showsTheDemoRequestsAtTheirStepsOnH2() {
        JsonNode requests = Http.json(http.get("/api/v1/requests", "programme-office")).path("items");
        Map<String, String> statusByTitle = new HashMap<>();
        requests.forEach(request -> statusByTitle.put(request.path("title").asText(), request.path("status").asText()));
        assertThat(statusByTitle).containsEntry("Kostendelersnorm voor thuiswonende jongvolwassenen", "assessment")
                .containsEntry("Gegevens delen rond gezinnen met meervoudige problematiek", "assessment")
                .containsEntry("Woonscreening uitbreiden naar meer straten", "intake")
                .containsEntry("Publieke schulden van inwoners in één regeling", "information-requested")
                .containsEntry("Kostendelersnorm houdt jongeren uit het gezin", "assessment");
        // Rotterdam-Zuid and Nieuwland-Oost name the same rule: one open signal asks SZW for a structural answer
        JsonNode signals = Http.json(http.get("/api/v1/signals", "programme-office")).path("items");
        assertThat(signals).hasSize(1);
        assertThat(signals.get(0).path("nationalRule").path("id").asText()).isEqualTo("participatiewet");
        assertThat(signals.get(0).path("article").asText()).isEqualTo("19a en 22a");
        assertThat(signals.get(0).path("ministry").asText()).isEqualTo("szw");
        assertThat(signals.get(0).path("status").asText()).isEqualTo("open");
        assertThat(signals.get(0).path("linkedRequests").asInt()).isEqualTo(2);
        // Rotterdam sees its own request only, with the ministry's task and its due date
        JsonNode own = Http.json(http.get("/api/v1/requests", "rotterdam")).path("items");
        assertThat(own).hasSize(1);
        JsonNode detail = Http.json(http.get(own.get(0).path("_links").path("self").asText(), "rotterdam"));
        assertThat(detail.path("openTasks").get(0).path("name").asText()).startsWith("Beoordelen verzoek NPLV-");
        assertThat(detail.path("openTasks").get(0).path("due").asText()).isNotBlank();
        assertThat(detail.path("signal").path("reference").asText())
                .isEqualTo(signals.get(0).path("reference").asText());
    }
}

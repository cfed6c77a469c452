package nl.doorbraak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logging in to the Camunda webapps as a browser does: session cookie, CSRF token, form post. */
@PostgresIntegrationTest
class TasklistLoginTests {

    @LocalServerPort
    int port;

    /** One browser session against the webapps. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String app, String user, String password) throws Exception {
            get("/camunda/app/" + app + "/default/");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .header("X-XSRF-TOKEN", csrfToken())
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String csrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
    }

    @Test
    void aMinistryReviewerLogsInToTasklistAndSeesTheFiltersOfTheirMinistry() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("tasklist", "reviewer-szw", "demo");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode authentication = Http.json(login);
        assertThat(authentication.path("userId").asText()).isEqualTo("reviewer-szw");
        assertThat(names(authentication.path("authorizedApps"))).contains("tasklist").doesNotContain("cockpit", "admin");

        HttpResponse<String> filters = browser.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
        assertThat(filters.statusCode()).isEqualTo(200);
        List<String> filterNames = StreamSupport.stream(Http.json(filters).spliterator(), false)
                .map(filter -> filter.path("name").asText()).toList();
        assertThat(filterNames).contains("Open beoordelingen SZW", "Termijn verstreken SZW", "Mijn taken")
                .doesNotContain("Open beoordelingen VWS", "Te besluiten", "Gevraagde informatie");
    }

    @Test
    void aMunicipalityMayNotEnterCockpit() throws Exception {
        HttpResponse<String> login = new Browser().login("cockpit", "rotterdam", "demo");
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void anAuditorEntersCockpit() throws Exception {
        HttpResponse<String> login = new Browser().login("cockpit", "auditor", "demo");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(names(Http.json(login).path("authorizedApps"))).contains("cockpit", "tasklist").doesNotContain("admin");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> login = new Browser().login("tasklist", "lead-jenv", "not-the-password");
        assertThat(login.statusCode()).isEqualTo(401);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

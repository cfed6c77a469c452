package nl.doorbraak.platform;

import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** NL GOV API Design Rules as a client sees them: headers, no trailing slashes, problem+json. */
@PostgresIntegrationTest
class ApiConventionsTests {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void everyApiResponseCarriesTheSecurityAndVersionHeaders() {
        for (HttpResponse<String> response : new HttpResponse[] {
                http.get("/api/v1/municipalities", TestUsers.ROTTERDAM),
                http.get("/api/v1/municipalities"),
                http.get("/api/v1/nothing-here", TestUsers.ROTTERDAM)}) {
            assertThat(response.headers().firstValue("API-Version")).hasValue("1.0.0");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void aTrailingSlashIsNotFoundNotARedirect() {
        JsonNode problem = assertProblem(http.get("/api/v1/municipalities/", TestUsers.ROTTERDAM), 404);
        assertThat(problem.path("title").asText()).isEqualTo("Niet gevonden");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/municipalities/");
    }

    @Test
    void anUnknownPathIsAProblem404() {
        assertProblem(http.get("/api/v1/unknown-things", TestUsers.AUDITOR), 404);
    }

    @Test
    void anUnknownPathOutsideTheApiLeadsToTheLoginOfTheWebPages() {
        // every address outside the API, Camunda, health and the API documentation is the web pages':
        // their login first, Basic credentials or not (after a page login, their Dutch 404: web/PageErrorsTests)
        assertLeadsToTheLogin(http.get("/secret-admin-page"));
        assertLeadsToTheLogin(http.get("/secret-admin-page", TestUsers.ADMIN));
    }

    @Test
    void theEngineRestApiIsNotReachable() {
        assertLeadsToTheLogin(http.get("/engine-rest/process-definition"));
        assertLeadsToTheLogin(http.get("/engine-rest/process-definition", TestUsers.AUDITOR));
    }

    private static void assertLeadsToTheLogin(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aWrongMethodIsAProblem405WithTheAllowedMethods() {
        HttpResponse<String> response = http.send(http.request("/api/v1/municipalities", TestUsers.ROTTERDAM)
                .DELETE().build());
        JsonNode problem = assertProblem(response, 405);
        assertThat(problem.path("detail").asText()).contains("DELETE");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void anUnacceptableMediaTypeIsAProblem406() {
        HttpResponse<String> response = http.send(http.request("/api/v1/municipalities", TestUsers.ROTTERDAM)
                .header("Accept", "text/csv").GET().build());
        assertProblem(response, 406);
    }

    @Test
    void wrongCredentialsAreAProblem401() {
        HttpResponse<String> response = http.send(http.request("/api/v1/municipalities")
                .header("Authorization", Http.basic("den-haag", "wrong")).GET().build());
        assertProblem(response, 401);
    }

    @Test
    void theOpenApiDocumentIsPublic() {
        HttpResponse<String> response = http.get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = Http.json(response);
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("version").asText()).isEqualTo("1.0.0");
        assertThat(document.path("paths").has("/api/v1/municipalities")).isTrue();
        assertThat(document.path("paths").has("/api/v1/rule-domains/{code}")).isTrue();
        assertThat(document.path("components").path("securitySchemes").has("basicAuth")).isTrue();
    }

    @Test
    void healthIsPublicAndUp() {
        HttpResponse<String> response = http.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theRootLeadsToTheLoginOfTheWebPages() {
        HttpResponse<String> response = http.send(http.request("/").GET().build());
        assertThat(response.statusCode()).isBetween(301, 308);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }
}

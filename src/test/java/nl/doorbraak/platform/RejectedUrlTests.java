package nl.doorbraak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.RawHttp;
import nl.doorbraak.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request targets that Tomcat or Spring Security's firewall refuse before any controller runs
 * still get problem+json with a Dutch text, never the servlet container's HTML page.
 */
@PostgresIntegrationTest
class RejectedUrlTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // Tomcat: encoded slash and backslash, a path that climbs out of the root
            "/api/v1/requests/NPLV-2026-00001%2F..%2Fdocuments",
            "/api/v1/requests/a%5Cb",
            "/api/v1/requests/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/%00",
            "/api/v1/requests/<script>alert(1)</script>",
            "/api/v1/requests?q={x}|y",
            "/../../etc/passwd",
            // Spring Security's StrictHttpFirewall: path parameters, encoded percent, double slashes
            "/api/v1/requests;jsessionid=abc",
            "/api/v1/requests/%25252e",
            "/api//v1/requests",
            "/api/v1/municipalities/%0d%0aSet-Cookie:x=y",
            "/camunda/app/tasklist/%2e/",
    })
    void aRejectedRequestTargetIsAProblem400InDutch(String target) throws Exception {
        for (String authorization : new String[] {null, Http.basic(TestUsers.AUDITOR, TestUsers.PASSWORD)}) {
            RawHttp.Response response = RawHttp.get(port, target, authorization);
            assertThat(response.status()).as("%s: %s", target, response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(target).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("title").asText()).isEqualTo("Ongeldig verzoek");
            assertThat(problem.path("detail").asText()).isEqualTo(
                    "Het adres van het verzoek bevat tekens of reeksen die niet zijn toegestaan.");
            assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("<html");
        }
    }
}

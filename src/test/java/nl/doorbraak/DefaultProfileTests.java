package nl.doorbraak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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
        properties = {"doorbraak.data-dir=./target/h2-default-profile-${random.uuid}",
                // engines register in a JVM-wide registry by name; the shared PostgreSQL context owns "default"
                "camunda.bpm.process-engine-name=quickstart"})
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
}

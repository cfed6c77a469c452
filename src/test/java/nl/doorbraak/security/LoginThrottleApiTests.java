package nl.doorbraak.security;

import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.OwnUsers;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Repeated failed API logins of one user: 401 five times, then 429 with Retry-After, also for
 * the right password, each refusal on the audit trail. The users are this test's own, so no
 * demo user is slowed down by Camunda's delay after a failed password.
 */
@PostgresIntegrationTest
class LoginThrottleApiTests {

    private static final String PASSWORD = "juist-wachtwoord";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    Http http;
    String user;

    @BeforeEach
    void ownUser() {
        http = new Http(port);
        user = OwnUsers.create(identityService, "throttle-" + UUID.randomUUID().toString().substring(0, 8), "auditor",
                PASSWORD);
    }

    @AfterEach
    void removeUser() {
        identityService.deleteUser(user);
    }

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedWith429AndAudited() {
        for (int i = 0; i < 5; i++) {
            assertProblem(login("fout-" + i), 401);
        }
        for (String password : new String[] {"fout-5", PASSWORD}) {
            HttpResponse<String> refused = login(password);
            JsonNode problem = assertProblem(refused, 429);
            assertThat(problem.path("title").asText()).isEqualTo("Te veel verzoeken");
            assertThat(problem.path("detail").asText())
                    .isEqualTo("Te veel mislukte aanmeldpogingen voor deze gebruiker. Probeer het over 15 minuten opnieuw.");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(800L, 900L));
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE chain = 'system' AND action = 'login-throttled'
                  AND result = 'refused' AND user_id IS NULL AND explanation = ?""", Long.class,
                "Aanmeldpoging als '" + user + "'")).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE chain = 'system' AND action = 'access-unauthenticated'
                  AND explanation = ?""", Long.class, "Aanmeldpoging als '" + user + "'")).isEqualTo(5);
        // nobody else is affected
        assertThat(http.get("/api/v1/municipalities", TestUsers.AUDITOR).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertProblem(login("fout-" + i), 401);
        }
        // Camunda counts the first failure and delays the user; the next ones fall in that delay
        assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = ?", Integer.class, user))
                .as("Camunda's own count of failed passwords is kept, though the check shares a transaction")
                .isPositive();
        identityService.unlockUser(user); // Camunda's own delay after a failed password, not ours
        assertThat(login(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = ?", Integer.class, user))
                .isZero();
        for (int i = 0; i < 4; i++) {
            assertProblem(login("fout-" + i), 401);
        }
        identityService.unlockUser(user);
        assertThat(login(PASSWORD).statusCode()).as("four failures since the last success").isEqualTo(200);
    }

    private HttpResponse<String> login(String password) {
        return http.send(http.request("/api/v1/municipalities").header("Authorization", Http.basic(user, password))
                .GET().build());
    }
}

package nl.doorbraak.security;

import static nl.doorbraak.security.LoginChannels.refusals;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TestClock;

/**
 * Failed API logins (HTTP Basic) as an attacker makes them: counted per user and source, so the
 * user from their own address keeps working; growing waits (the test clock is moved, nothing
 * sleeps); the truthful Dutch 429; Camunda's own lockout never locks anyone; a source spraying
 * one password over many names waits as a whole. Every user and every source (sent as
 * X-Forwarded-For) is this test's own.
 */
@PostgresIntegrationTest
class LoginThrottleApiTests extends LoginTestCase {

    @Autowired
    TestClock clock;

    @Test
    void fiveFailuresFromOneSourceMakeItWaitWhileTheUserFromTheirOwnAddressGetsIn() {
        for (int i = 0; i < 5; i++) {
            assertProblem(channels.api(user, "fout-" + i, attacker), 401);
        }
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        for (String password : new String[] {"fout-5", PASSWORD}) {
            HttpResponse<String> refused = channels.api(user, password, attacker);
            JsonNode problem = assertProblem(refused, 429);
            assertThat(problem.path("title").asText()).isEqualTo("Te veel verzoeken");
            assertThat(problem.path("detail").asText()).as("whatever the password")
                    .isEqualTo("Te veel pogingen. Probeer het over 1 minuut opnieuw.");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(55L, 60L));
        }
        assertThat(TableCounts.besidesRefusals(jdbc)).as("a refusal stores nothing but its audit entry")
                .isEqualTo(before);

        assertThat(channels.api(user, PASSWORD, own).statusCode()).as("the user from their own address").isEqualTo(200);

        assertThat(jdbc.queryForList("""
                SELECT explanation FROM audit_event WHERE chain = 'system' AND action = 'login-throttled'
                  AND result = 'refused' AND user_id IS NULL AND explanation LIKE ?""", String.class,
                "Aanmeldpoging als '" + user + "'%")).hasSize(2).allSatisfy(explanation -> assertThat(explanation)
                .isEqualTo("Aanmeldpoging als '" + user + "'. Vanaf IP-adres " + attacker
                        + "; geweigerd voor nog 1 minuut"));
        assertThat(jdbc.queryForList("""
                SELECT explanation FROM audit_event WHERE chain = 'system' AND action = 'access-unauthenticated'
                  AND explanation LIKE ?""", String.class, "Aanmeldpoging als '" + user + "'%"))
                .hasSize(5).containsOnly("Aanmeldpoging als '" + user + "'. Vanaf IP-adres " + attacker);
    }

    @Test
    void eachFurtherFailureAfterTheWaitDoublesIt() {
        for (int i = 0; i < 5; i++) {
            assertProblem(channels.api(user, "fout-" + i, attacker), 401);
        }
        for (String wait : new String[] {"2 minuten", "4 minuten", "8 minuten"}) {
            clock.advance(Duration.ofSeconds(Long.parseLong(channels.api(user, PASSWORD, attacker).headers()
                    .firstValue("Retry-After").orElseThrow())));
            assertProblem(channels.api(user, "nog-een-gok", attacker), 401);
            assertThat(assertProblem(channels.api(user, PASSWORD, attacker), 429).path("detail").asText())
                    .isEqualTo("Te veel pogingen. Probeer het over " + wait + " opnieuw.");
        }
        clock.advance(Duration.ofMinutes(8));
        assertThat(channels.api(user, PASSWORD, attacker).statusCode()).as("after the wait, the right password")
                .isEqualTo(200);
        assertProblem(channels.api(user, "fout", attacker), 401);
        assertThat(channels.api(user, PASSWORD, attacker).statusCode()).as("the success started the count again")
                .isEqualTo(200);
    }

    @Test
    void camundasOwnLockoutNeverLocksTheUser() {
        // twelve failures reach Camunda's password check, four from each of three sources (none of them waits)
        for (int source = 1; source <= 3; source++) {
            String elsewhere = LoginChannels.newSource();
            for (int i = 0; i < 4; i++) {
                assertProblem(channels.api(user, "fout-" + i, elsewhere), 401);
            }
        }
        assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = ?", Integer.class, user))
                .as("Camunda counted every failure (the check commits in its transaction also when it fails)")
                .isGreaterThanOrEqualTo(12);
        assertThat(channels.api(user, PASSWORD, own).statusCode()).as("more than Camunda's default 10, yet in")
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = ?", Integer.class, user))
                .isZero();
    }

    @Test
    void oneSourceSprayingOnePasswordOverManyNamesWaitsAsAWhole() {
        String sprayer = LoginChannels.newSource();
        for (int i = 0; i < 30; i++) {
            assertProblem(channels.api("onbekend-" + i + "-" + user, "Welkom01!", sprayer), 401);
        }
        assertThat(assertProblem(channels.api(user, PASSWORD, sprayer), 429).path("detail").asText())
                .as("any name from that source, even with the right password")
                .isEqualTo("Te veel pogingen. Probeer het over 1 minuut opnieuw.");
        assertThat(refusals(jdbc, "login-throttled", user)).isEqualTo(1);
        assertThat(channels.api(user, PASSWORD, own).statusCode()).as("from elsewhere").isEqualTo(200);
    }
}

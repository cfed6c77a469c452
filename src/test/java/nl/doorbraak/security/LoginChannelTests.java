package nl.doorbraak.security;

import static nl.doorbraak.security.LoginChannels.refusals;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;

/**
 * The web pages' login form and the Camunda webapps' login under the one throttle: failed logins
 * on the audit trail as {@code login-failed} with the tried name, throttled ones as
 * {@code login-throttled}, the truthful Dutch message where the person reads it, and the user
 * from their own address unaffected. Every user and source is this test's own.
 */
@PostgresIntegrationTest
class LoginChannelTests extends LoginTestCase {

    private static final String WAIT_A_MINUTE = "Te veel pogingen. Probeer het over 1 minuut opnieuw.";

    @Test
    void aWrongPasswordOnTheLoginFormIsAFailedLoginOnTheAuditTrail() {
        HttpResponse<String> refused = channels.session(attacker).pageLogin(user, "fout");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?fout"));
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT user_id, resource_id, explanation FROM audit_event WHERE chain = 'system'
                  AND action = 'login-failed' AND result = 'refused' AND explanation LIKE ?""",
                "Aanmeldpoging als '" + user + "'%");
        assertThat(entry.get("user_id")).as("a tried name is no user who acted").isNull();
        assertThat(entry.get("resource_id")).isEqualTo("POST /login");
        assertThat(entry.get("explanation")).isEqualTo("Aanmeldpoging als '" + user + "'. Vanaf IP-adres " + attacker);
    }

    @Test
    void theLoginFormSaysHowLongToWaitWhileTheUserElsewhereLogsIn() {
        for (int i = 0; i < 5; i++) {
            channels.session(attacker).pageLogin(user, "fout-" + i);
        }
        LoginChannels.Session session = channels.session(attacker);
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        HttpResponse<String> refused = session.pageLogin(user, PASSWORD);
        assertThat(TableCounts.besidesRefusals(jdbc)).isEqualTo(before);

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?te-veel"));
        String page = session.get("/login?te-veel").body();
        assertThat(page).contains(WAIT_A_MINUTE).doesNotContain("Onjuiste gebruikersnaam of wachtwoord");
        assertThat(channels.session(attacker).get("/login?te-veel").body()).as("a link alone shows no wait")
                .doesNotContain("Te veel pogingen");
        assertThat(refusals(jdbc, "login-failed", user)).isEqualTo(5);
        assertThat(refusals(jdbc, "login-throttled", user)).isEqualTo(1);

        HttpResponse<String> in = channels.session(own).pageLogin(user, PASSWORD);
        assertThat(in.headers().firstValue("Location")).as("the user from their own address").hasValueSatisfying(
                location -> assertThat(location).doesNotContain("/login"));
    }

    @Test
    void aWrongPasswordInTasklistCockpitOrAdminIsAFailedLoginOnTheAuditTrail() {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(channels.session(attacker).webappLogin(app, user, "fout").statusCode()).isEqualTo(401);
        }
        assertThat(jdbc.queryForList("""
                SELECT resource_id FROM audit_event WHERE chain = 'system' AND action = 'login-failed'
                  AND user_id IS NULL AND explanation = ? ORDER BY id""", String.class,
                "Aanmeldpoging als '" + user + "'. Vanaf IP-adres " + attacker)).containsExactly(
                "POST /camunda/api/admin/auth/user/default/login/tasklist",
                "POST /camunda/api/admin/auth/user/default/login/cockpit",
                "POST /camunda/api/admin/auth/user/default/login/admin");
    }

    @Test
    void tasklistAnswersAThrottledLogin429WithTheMessageItsLoginFormShows() {
        for (int i = 0; i < 5; i++) {
            assertThat(channels.session(attacker).webappLogin("tasklist", user, "fout-" + i).statusCode())
                    .isEqualTo(401);
        }
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        HttpResponse<String> refused = channels.session(attacker).webappLogin("tasklist", user, PASSWORD);
        assertThat(TableCounts.besidesRefusals(jdbc)).isEqualTo(before);

        JsonNode problem = assertProblem(refused, 429);
        assertThat(problem.path("message").asText()).as("what Tasklist's login form shows").isEqualTo(WAIT_A_MINUTE);
        assertThat(problem.path("detail").asText()).isEqualTo(WAIT_A_MINUTE);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.queryForObject("""
                SELECT explanation FROM audit_event WHERE chain = 'system' AND action = 'login-throttled'
                  AND resource_id = 'POST /camunda/api/admin/auth/user/default/login/tasklist' AND explanation LIKE ?""",
                String.class, "Aanmeldpoging als '" + user + "'%"))
                .isEqualTo("Aanmeldpoging als '" + user + "'. Vanaf IP-adres " + attacker
                        + "; geweigerd voor nog 1 minuut");

        HttpResponse<String> in = channels.session(own).webappLogin("tasklist", user, PASSWORD);
        assertThat(in.statusCode()).as("the user from their own address").isEqualTo(200);
        assertThat(Http.json(in).path("userId").asText()).isEqualTo(user);
    }

    @Test
    void oneThrottleCountsTheFailuresOfAllThreeChannels() {
        assertProblem(channels.api(user, "fout-1", attacker), 401);
        assertProblem(channels.api(user, "fout-2", attacker), 401);
        channels.session(attacker).pageLogin(user, "fout-3");
        channels.session(attacker).pageLogin(user, "fout-4");
        assertThat(channels.session(attacker).webappLogin("cockpit", user, "fout-5").statusCode()).isEqualTo(401);

        assertProblem(channels.api(user, PASSWORD, attacker), 429);
        assertThat(channels.session(attacker).pageLogin(user, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?te-veel"));
        assertProblem(channels.session(attacker).webappLogin("tasklist", user, PASSWORD), 429);
        assertThat(refusals(jdbc, "login-throttled", user)).isEqualTo(3);
    }

    @Test
    void theThrottleCountsTheNameCamundaChecksHoweverTheLoginIsWritten() {
        LoginChannels.Session session = channels.session(attacker);
        String body = "username=" + user + "&password=fout";
        // a name in the query string, which Camunda does not read
        assertThat(session.webappPost("/camunda/api/admin/auth/user/default/login/tasklist?username=iemand-anders",
                "tasklist", body).statusCode()).isEqualTo(401);
        // the name encoded, and the field twice (Camunda takes the first)
        assertThat(session.webappPost("/camunda/api/admin/auth/user/default/login/tasklist", "tasklist",
                "username=" + user.replace("-", "%2D") + "&password=fout&username=iemand-anders").statusCode())
                .isEqualTo(401);
        // an encoded letter in the path, which Tomcat decodes before Camunda matches it
        assertThat(session.webappPost("/camunda/api/admin/auth/user/default/%6Cogin/tasklist", "tasklist", body)
                .statusCode()).isEqualTo(401);
        // a trailing slash
        assertThat(session.webappPost("/camunda/api/admin/auth/user/default/login/tasklist/", "tasklist", body)
                .statusCode()).isEqualTo(401);
        assertThat(session.webappLogin("cockpit", user, "fout").statusCode()).isEqualTo(401);

        assertProblem(session.webappLogin("tasklist", user, PASSWORD), 429);
        assertThat(refusals(jdbc, "login-failed", user)).isEqualTo(5);
    }

    @Test
    void aNormalSessionOnEveryChannelLeavesNoRefusalOnTheAuditTrail() {
        long before = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE result = 'refused'", Long.class);

        assertThat(channels.api(user, PASSWORD, own).statusCode()).isEqualTo(200);
        LoginChannels.Session pages = channels.session(own);
        assertThat(pages.pageLogin(user, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("/login"));
        assertThat(pages.get("/audit/zaken").statusCode()).isEqualTo(200);
        LoginChannels.Session tasklist = channels.session(own);
        assertThat(tasklist.webappLogin("tasklist", user, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task").statusCode())
                .isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE result = 'refused'", Long.class))
                .isEqualTo(before);
    }
}

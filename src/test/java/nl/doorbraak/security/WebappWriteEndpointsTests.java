package nl.doorbraak.security;

import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.security.WebappEndpoints.Operation;
import nl.doorbraak.security.WebappRestEndpoints.Endpoint;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;
import nl.doorbraak.webapps.StoredNothing;
import nl.doorbraak.webapps.WebappSession;

/**
 * Every write the Camunda webapps can take, from their own JAX-RS classes: each is a write or a
 * read by the rule ({@link WebappEndpoints}), and through Tasklist's session with its CSRF token
 * the auditor is refused every write, a municipality and a ministry reviewer every write that is
 * not theirs to make, with 403 and nothing stored. A Camunda release that adds an endpoint adds
 * it to this test.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappWriteEndpointsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    private List<Endpoint> endpoints;
    private Map<String, String> ids;

    /** A Rotterdam case at intake gives the paths real ids: a refusal must not depend on a missing task. */
    @BeforeAll
    void endpointsAndACase() {
        endpoints = WebappRestEndpoints.all();
        String reference = submit(new Http(port), TestUsers.ROTTERDAM,
                ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        Task intake = openTask(engine.getTaskService(), reference, "Task_Intake");
        String definition = intake.getProcessDefinitionId();
        ids = Map.of("task", intake.getId(), "process-instance", intake.getProcessInstanceId(),
                "execution", intake.getExecutionId(), "process-definition", definition,
                "deployment", engine.getRepositoryService().getProcessDefinition(definition).getDeploymentId(),
                "filter", engine.getFilterService().createFilterQuery().list().get(0).getId(),
                "key", "rule-change-request", "group", Groups.ADMIN);
    }

    @Test
    void theWebappsServeTheEndpointsTheTestExpects() {
        assertThat(endpoints).hasSizeGreaterThan(400);
        assertThat(endpoints).map(Endpoint::toString).anyMatch(e -> e.startsWith("POST api/engine/engine/{name}/task/{id}/comment/create"))
                .anyMatch(e -> e.startsWith("POST api/engine/engine/{name}/message "))
                .anyMatch(e -> e.startsWith("PUT api/engine/engine/{name}/group/{id}/members/{userId}"))
                .anyMatch(e -> e.startsWith("POST api/cockpit/plugin/base/{engine}/process-instance "))
                .anyMatch(e -> e.startsWith("POST api/admin/auth/user/{processEngineName}/login/{appName}"));
    }

    /** Reads stay reads, every other endpoint is a write the rule decides on; none is left unclassified. */
    @Test
    void everyEndpointIsAReadOrAWriteByTheRule() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            Operation operation = WebappEndpoints.classify(endpoint.method(), concrete(endpoint, "auditor")).operation();
            boolean login = endpoint.javaMethod().getName().equals("doLogin")
                    || endpoint.javaMethod().getName().equals("doLogout");
            if (login) {
                softly.assertThat(operation).as("%s", endpoint).isEqualTo(Operation.LOGIN_OR_LOGOUT);
            } else if (endpoint.isRead()) {
                softly.assertThat(operation).as("%s is a read; list it in WebappEndpoints.QUERIES", endpoint)
                        .isEqualTo(Operation.READ);
            } else {
                softly.assertThat(operation).as("%s writes", endpoint)
                        .isNotIn(Operation.READ, Operation.LOGIN_OR_LOGOUT);
            }
        }
        softly.assertAll();
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of(TestUsers.AUDITOR, "cockpit", WebappWriteRules.READ_ONLY, true),
                Arguments.of(TestUsers.ROTTERDAM, "tasklist", WebappWriteRules.ADMINISTRATORS_ONLY, false),
                Arguments.of(TestUsers.REVIEWER_SZW, "tasklist", WebappWriteRules.ADMINISTRATORS_ONLY, false),
                Arguments.of(null, "tasklist", WebappWriteRules.NOT_LOGGED_IN, true));
    }

    /**
     * Each write as the caller, with the session's CSRF token: 403 with the reason, one refusal on
     * the audit trail, nothing else stored. The auditor and someone who did not log in are refused
     * even the writes Tasklist's users may make; for the others those are covered by the form and
     * identity tests (webapps package).
     */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("callers")
    void everyWriteThatIsNotTheCallersIsRefusedAndStoresNothing(String user, String app, String reason,
                                                                 boolean refusedEverything) {
        WebappSession session = user == null ? WebappSession.anonymous(port, app) : WebappSession.login(port, app, user);
        String pathUser = user == null ? TestUsers.ROTTERDAM : user;
        SoftAssertions softly = new SoftAssertions();
        int tried = 0;
        for (Endpoint endpoint : endpoints) {
            Operation operation = WebappEndpoints.classify(endpoint.method(), concrete(endpoint, pathUser)).operation();
            if (!operation.isWrite() || operation == Operation.LOGIN_OR_LOGOUT
                    || (!refusedEverything && operation != Operation.OTHER_WRITE)) {
                continue;
            }
            tried++;
            StoredNothing stored = StoredNothing.since(jdbc);

            HttpResponse<String> response = session.send(endpoint.method(), "/camunda/" + concrete(endpoint, pathUser),
                    endpoint.method().equals("DELETE") ? null : "{}");

            softly.assertThat(response.statusCode()).as("%s as %s: %s", endpoint, user, response.body()).isEqualTo(403);
            if (response.statusCode() == 403) {
                JsonNode problem = Http.json(response);
                softly.assertThat(problem.path("message").asText()).as("%s as %s", endpoint, user).isEqualTo(reason);
            }
            softly.assertThat(stored.assertStoredNothingBut(endpoint + " as " + user)).as("refusals of %s", endpoint)
                    .isEqualTo(1);
            softly.assertThat(stored.refusals()).as("refusal of %s as %s", endpoint, user)
                    .extracting(refusal -> refusal.get("action") + " " + refusal.get("user_id"))
                    .containsExactly("access-denied " + user);
        }
        softly.assertAll();
        assertThat(tried).as("writes tried as %s", user).isGreaterThan(refusedEverything ? 150 : 140);
    }

    /** The endpoint's path below /camunda with a real or plausible value for every parameter. */
    private String concrete(Endpoint endpoint, String user) {
        String[] segments = endpoint.template().split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                String parameter = segment.substring(1, segment.length() - 1);
                String previous = i == 0 ? "" : segments[i - 1];
                segment = switch (parameter) {
                    case "name", "engine", "processEngineName" -> "default";
                    case "appName", "app" -> "tasklist";
                    default -> switch (previous) {
                        case "user", "members", "user-members" -> user;
                        case "variables", "localVariables" -> "reference";
                        default -> ids.getOrDefault(previous, "onbekend");
                    };
                };
            }
            path.append(i == 0 ? "" : "/").append(segment);
        }
        return path.toString();
    }
}

package nl.doorbraak.platform;

import static nl.doorbraak.support.CaseSteps.PDF;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.CaseSteps.upload;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TestUsers;

/**
 * A 404 of the JSON API for another party's case, task or document is a refused attempt on the
 * audit trail, naming what was asked for; a path that leads nowhere, or a reference code that
 * does not exist, is not.
 */
@PostgresIntegrationTest
class NotFoundRefusalTests {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    Http http;
    String reference;

    @BeforeEach
    void rotterdamsCase() {
        http = new Http(port);
        reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
    }

    @Test
    void anotherMunicipalitysCaseTaskAndDocumentAreRefusedAttemptsOnTheAuditTrail() {
        String document = Http.json(upload(http, TestUsers.ROTTERDAM, reference, "nota.pdf", "application/pdf", PDF))
                .path("id").asText();
        String intake = openTask(taskService, reference, "Task_Intake").getId();
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);

        assertProblem(http.get("/api/v1/requests/" + reference, TestUsers.AMSTERDAM), 404);
        assertProblem(http.get("/api/v1/tasks/" + intake, TestUsers.AMSTERDAM), 404);
        assertProblem(http.get("/api/v1/requests/" + reference + "/documents/" + document, TestUsers.AMSTERDAM), 404);
        assertProblem(http.get("/api/v1/tasks/" + intake, TestUsers.REVIEWER_SZW), 404);

        assertThat(TableCounts.besidesRefusals(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForList("""
                SELECT user_id || ' | ' || resource_id || ' | ' || explanation FROM audit_event
                 WHERE chain = 'system' AND action = 'access-not-found' AND result = 'refused'
                   AND (resource_id LIKE ? OR resource_id LIKE ?) ORDER BY id""", String.class,
                "%" + reference + "%", "%" + intake + "%")).containsExactly(
                "amsterdam | GET /api/v1/requests/" + reference + " | Verzoek '" + reference + "' bestaat niet.",
                "amsterdam | GET /api/v1/tasks/" + intake + " | Taak '" + intake + "' bestaat niet of is niet voor u.",
                "amsterdam | GET /api/v1/requests/" + reference + "/documents/" + document
                        + " | Verzoek '" + reference + "' bestaat niet.",
                "reviewer-szw | GET /api/v1/tasks/" + intake + " | Taak '" + intake + "' bestaat niet of is niet voor u.");
    }

    @Test
    void aPathThatLeadsNowhereOrAnUnknownCodeIsNoRefusedAttempt() {
        long before = refusals();
        for (String path : List.of("/api/v1/nothing-here", "/api/v1/municipalities/9999", "/api/v1/regulations/x")) {
            assertProblem(http.get(path, TestUsers.AMSTERDAM), 404);
        }
        assertThat(refusals()).isEqualTo(before);
    }

    private long refusals() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE result = 'refused'", Long.class);
    }
}

package nl.doorbraak;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.CaseSteps.upload;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.catalogue.CatalogueTestEntries;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Every endpoint of the API against every role, as one table. The
 * endpoints come from the application's own OpenAPI document: an operation without a rule in
 * {@link #TABLE} is a failing row, and a rule for an operation the document lacks fails too.
 * Anonymous callers get 401 everywhere. A municipality never learns that another
 * municipality's request or task exists (404); a ministry sees a request once it is routed to
 * it; programme office, director, auditor and administrator read every request but change only
 * what is theirs to change (403 where they can see it, 404 for tasks not meant for them).
 *
 * <p>The cases belong to Tilburg (0855) and are routed to SZW; Heerlen (0917) is the other
 * municipality, VWS the other ministry. Calls that would change a case get a fresh case of
 * their own, so the rows of the table do not depend on each other.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationTests {

    enum Role {
        ANONYMOUS(null),
        MUNICIPALITY("tilburg"),
        OTHER_MUNICIPALITY("heerlen"),
        REVIEWER("reviewer-szw"),
        OTHER_MINISTRY_REVIEWER("reviewer-vws"),
        LEAD("lead-szw"),
        PROGRAMME_OFFICE(TestUsers.PROGRAMME_OFFICE),
        PROGRAMME_DIRECTOR(TestUsers.PROGRAMME_DIRECTOR),
        AUDITOR(TestUsers.AUDITOR),
        ADMIN(TestUsers.ADMIN);

        final String user;

        Role(String user) {
            this.user = user;
        }

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', ' ') + (user == null ? "" : " (" + user + ")");
        }
    }

    /**
     * One rule of the table: an operation of the OpenAPI document ("METHOD /path/{template}") in
     * one situation (a case in intake, a task of the decision, ...).
     */
    enum Endpoint {
        LIST_REQUESTS("GET /api/v1/requests", ""),
        SUBMIT_REQUEST("POST /api/v1/requests", ""),
        READ_REQUEST_IN_INTAKE("GET /api/v1/requests/{reference}", "in intake"),
        READ_REQUEST_IN_ASSESSMENT("GET /api/v1/requests/{reference}", "routed to SZW"),
        WITHDRAW_REQUEST("POST /api/v1/requests/{reference}/withdrawal", ""),
        LIST_TASKS("GET /api/v1/tasks", ""),
        READ_INTAKE_TASK("GET /api/v1/tasks/{id}", "of the intake"),
        COMPLETE_INTAKE_TASK("POST /api/v1/tasks/{id}/completion", "of the intake"),
        READ_INFORMATION_TASK("GET /api/v1/tasks/{id}", "of the municipality's answer"),
        COMPLETE_INFORMATION_TASK("POST /api/v1/tasks/{id}/completion", "of the municipality's answer"),
        READ_ASSESSMENT_TASK("GET /api/v1/tasks/{id}", "of the SZW assessment"),
        COMPLETE_ASSESSMENT_TASK("POST /api/v1/tasks/{id}/completion", "of the SZW assessment"),
        READ_DECISION_TASK("GET /api/v1/tasks/{id}", "of the decision"),
        COMPLETE_DECISION_TASK("POST /api/v1/tasks/{id}/completion", "of the decision"),
        MUNICIPALITIES("GET /api/v1/municipalities", ""),
        MUNICIPALITY("GET /api/v1/municipalities/{code}", ""),
        FOCUS_AREAS("GET /api/v1/focus-areas", ""),
        FOCUS_AREAS_OF_A_MUNICIPALITY("GET /api/v1/focus-areas", "?municipality={code}"),
        FOCUS_AREA("GET /api/v1/focus-areas/{code}", ""),
        MINISTRIES("GET /api/v1/ministries", ""),
        MINISTRY("GET /api/v1/ministries/{code}", ""),
        RULE_DOMAINS("GET /api/v1/rule-domains", ""),
        RULE_DOMAIN("GET /api/v1/rule-domains/{code}", ""),
        REGULATIONS("GET /api/v1/regulations", ""),
        REGULATION("GET /api/v1/regulations/{code}", ""),
        PROGRESS_REPORT("GET /api/v1/reports/progress", "?period=2026-H2"),
        STORED_REPORTS("GET /api/v1/reports/progress/stored", ""),
        STORED_REPORT("GET /api/v1/reports/progress/stored/{period}", "of a period never stored"),
        TIMELINE("GET /api/v1/requests/{reference}/timeline", "routed to SZW"),
        DOCUMENTS("GET /api/v1/requests/{reference}/documents", "routed to SZW"),
        UPLOAD_DOCUMENT("POST /api/v1/requests/{reference}/documents", "routed to SZW"),
        DOWNLOAD_DOCUMENT("GET /api/v1/requests/{reference}/documents/{id}", "routed to SZW"),
        REMOVE_DOCUMENT("DELETE /api/v1/requests/{reference}/documents/{id}", "the municipality's, in intake"),
        DECISIONS("GET /api/v1/decisions", ""),
        DECISIONS_CSV("GET /api/v1/decisions", "?format=csv"),
        AUDIT_TRAIL("GET /api/v1/requests/{reference}/audit-trail", ""),
        AUDIT_EXPORT("GET /api/v1/audit/export", ""),
        AUDIT_VERIFICATION("GET /api/v1/audit/verification", "?reference={reference}"),
        NATIONAL_RULES("GET /api/v1/national-rules", ""),
        NATIONAL_RULE("GET /api/v1/national-rules/{id}", ""),
        ADD_NATIONAL_RULE("POST /api/v1/national-rules", ""),
        CHANGE_NATIONAL_RULE("PUT /api/v1/national-rules/{id}", "an entry the programme office added"),
        PRECEDENTS("GET /api/v1/precedents", "?nationalRule=participatiewet"),
        PRECEDENTS_WHILE_DRAFTING("POST /api/v1/requests/precedents", ""),
        SIGNALS("GET /api/v1/signals", ""),
        SIGNAL("GET /api/v1/signals/{reference}", "at SZW"),
        START_SIGNAL("POST /api/v1/signals", "on a fresh request"),
        LINK_TO_SIGNAL("POST /api/v1/signals/{reference}/links", "a fresh request"),
        UNLINK_FROM_SIGNAL("POST /api/v1/signals/{reference}/unlinks", "a request linked to it"),
        MY_NOTIFICATION_PREFERENCES("GET /api/v1/me/notification-preferences", ""),
        SET_MY_NOTIFICATION_PREFERENCES("PUT /api/v1/me/notification-preferences", "the defaults again"),
        DECISION_VERSIONS("GET /api/v1/requests/{reference}/decision/versions", "decided, routed to SZW"),
        AMEND_DECISION("POST /api/v1/requests/{reference}/decision/amendments", "decided, routed to SZW"),
        REVOKE_DECISION("POST /api/v1/requests/{reference}/decision/revocation", "decided, routed to SZW"),
        SUSPEND_CASE_DEADLINE("POST /api/v1/requests/{reference}/case-deadline/suspension", "routed to SZW"),
        RESUME_CASE_DEADLINE("POST /api/v1/requests/{reference}/case-deadline/resumption", "suspended, routed to SZW"),
        EXTEND_CASE_DEADLINE("POST /api/v1/requests/{reference}/case-deadline/extension", "routed to SZW");

        final String operation;
        final String situation;

        Endpoint(String operation, String situation) {
            this.operation = operation;
            this.situation = situation;
        }

        @Override
        public String toString() {
            return situation.isEmpty() ? operation : operation + (situation.startsWith("?") ? "" : " ") + situation;
        }
    }

    /** Expected status per endpoint, for the roles in the order of {@link Role}. */
    private static final Object[][] TABLE = {
            //                                  anon  mun  other  rev  o.rev lead  po   pd   aud  admin
            {Endpoint.LIST_REQUESTS,              401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.SUBMIT_REQUEST,             401, 201, 201,  403, 403,  403,  403, 403, 403, 403},
            {Endpoint.READ_REQUEST_IN_INTAKE,     401, 200, 404,  404, 404,  404,  200, 200, 200, 200},
            {Endpoint.READ_REQUEST_IN_ASSESSMENT, 401, 200, 404,  200, 404,  200,  200, 200, 200, 200},
            {Endpoint.WITHDRAW_REQUEST,           401, 200, 404,  403, 404,  403,  403, 403, 403, 403},
            {Endpoint.LIST_TASKS,                 401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.READ_INTAKE_TASK,           401, 404, 404,  404, 404,  404,  200, 404, 404, 404},
            {Endpoint.COMPLETE_INTAKE_TASK,       401, 404, 404,  404, 404,  404,  204, 404, 404, 404},
            {Endpoint.READ_INFORMATION_TASK,      401, 200, 404,  404, 404,  404,  404, 404, 404, 404},
            {Endpoint.COMPLETE_INFORMATION_TASK,  401, 204, 404,  404, 404,  404,  404, 404, 404, 404},
            {Endpoint.READ_ASSESSMENT_TASK,       401, 404, 404,  200, 404,  404,  404, 404, 404, 404},
            {Endpoint.COMPLETE_ASSESSMENT_TASK,   401, 404, 404,  204, 404,  404,  404, 404, 404, 404},
            {Endpoint.READ_DECISION_TASK,         401, 404, 404,  404, 404,  404,  404, 200, 404, 404},
            {Endpoint.COMPLETE_DECISION_TASK,     401, 404, 404,  404, 404,  404,  404, 204, 404, 404},
            {Endpoint.MUNICIPALITIES,             401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.MUNICIPALITY,               401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.FOCUS_AREAS,                401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.FOCUS_AREAS_OF_A_MUNICIPALITY, 401, 200, 200, 200, 200, 200,  200, 200, 200, 200},
            {Endpoint.FOCUS_AREA,                 401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.MINISTRIES,                 401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.MINISTRY,                   401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.RULE_DOMAINS,               401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.RULE_DOMAIN,                401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.REGULATIONS,                401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.REGULATION,                 401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            // the full report for the programme and its auditors; a municipality's own; none for ministries
            {Endpoint.PROGRESS_REPORT,            401, 200, 200,  403, 403,  403,  200, 200, 200, 200},
            {Endpoint.STORED_REPORTS,             401, 403, 403,  403, 403,  403,  200, 200, 200, 200},
            {Endpoint.STORED_REPORT,              401, 403, 403,  403, 403,  403,  404, 404, 404, 404},
            {Endpoint.TIMELINE,                   401, 200, 404,  200, 404,  200,  200, 200, 200, 200},
            {Endpoint.DOCUMENTS,                  401, 200, 404,  200, 404,  200,  200, 200, 200, 200},
            // documents come from the municipality, the ministries it is routed to and the programme office
            {Endpoint.UPLOAD_DOCUMENT,            401, 201, 404,  201, 404,  201,  201, 403, 403, 403},
            {Endpoint.DOWNLOAD_DOCUMENT,          401, 200, 404,  200, 404,  200,  200, 200, 200, 200},
            // only the uploader removes, and only until the intake is done
            {Endpoint.REMOVE_DOCUMENT,            401, 204, 404,  404, 404,  404,  403, 403, 403, 403},
            // everyone lists the decisions on the requests they may see
            {Endpoint.DECISIONS,                  401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.DECISIONS_CSV,              401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            // the audit trail is for auditors and the programme office only, whoever's case it is
            {Endpoint.AUDIT_TRAIL,                401, 403, 403,  403, 403,  403,  200, 403, 200, 403},
            {Endpoint.AUDIT_EXPORT,               401, 403, 403,  403, 403,  403,  200, 403, 200, 403},
            {Endpoint.AUDIT_VERIFICATION,         401, 403, 403,  403, 403,  403,  200, 403, 200, 403},
            // everyone reads the catalogue of national rules; the programme office maintains it
            {Endpoint.NATIONAL_RULES,             401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.NATIONAL_RULE,              401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.ADD_NATIONAL_RULE,          401, 403, 403,  403, 403,  403,  201, 403, 403, 403},
            {Endpoint.CHANGE_NATIONAL_RULE,       401, 403, 403,  403, 403,  403,  200, 403, 403, 403},
            // precedents hold no personal data: every signed-in role reads them, from every municipality
            {Endpoint.PRECEDENTS,                 401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.PRECEDENTS_WHILE_DRAFTING,  401, 200, 200,  200, 200,  200,  200, 200, 200, 200},
            // signals: the programme, its auditors and the administrator read all, a ministry its own,
            // municipalities none (they see the signal on their own request); only the programme office writes
            {Endpoint.SIGNALS,                    401, 403, 403,  200, 200,  200,  200, 200, 200, 200},
            {Endpoint.SIGNAL,                     401, 403, 403,  200, 404,  200,  200, 200, 200, 200},
            {Endpoint.START_SIGNAL,               401, 403, 403,  403, 403,  403,  201, 403, 403, 403},
            {Endpoint.LINK_TO_SIGNAL,             401, 403, 403,  403, 403,  403,  200, 403, 403, 403},
            {Endpoint.UNLINK_FROM_SIGNAL,         401, 403, 403,  403, 403,  403,  200, 403, 403, 403},
            // every signed-in user reads and sets their own e-mail preferences (there is no one else's to ask for)
            {Endpoint.MY_NOTIFICATION_PREFERENCES, 401, 200, 200, 200, 200,  200,  200, 200, 200, 200},
            {Endpoint.SET_MY_NOTIFICATION_PREFERENCES, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200},
            // whoever sees the request reads the versions of its decision; only the programme director changes it
            {Endpoint.DECISION_VERSIONS,          401, 200, 404,  200, 404,  200,  200, 200, 200, 200},
            {Endpoint.AMEND_DECISION,             401, 403, 404,  403, 404,  403,  403, 200, 403, 403},
            {Endpoint.REVOKE_DECISION,            401, 403, 404,  403, 404,  403,  403, 200, 403, 403},
            // whoever sees the request reads its case deadline (in its detail); only the programme office changes it
            {Endpoint.SUSPEND_CASE_DEADLINE,      401, 403, 404,  403, 404,  403,  200, 403, 403, 403},
            {Endpoint.RESUME_CASE_DEADLINE,       401, 403, 404,  403, 404,  403,  200, 403, 403, 403},
            {Endpoint.EXTEND_CASE_DEADLINE,       401, 403, 404,  403, 404,  403,  200, 403, 403, 403},
    };

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final String OWNER = Role.MUNICIPALITY.user;
    private static final Map<String, String> FOCUS_AREAS = Map.of("tilburg", "tilburg-noordwest",
            "heerlen", "heerlen-noord");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;

    Http http;

    /** Cases the read-only rows share: nothing in this class changes them. */
    String inIntake;
    String inAssessment;
    String intakeTask;
    String informationTask;
    String assessmentTask;
    String decisionTask;
    String documentInAssessment;
    String catalogueEntry;
    /** An open signal at SZW, to read, link to and unlink from. */
    String signal;
    /** A case granted as a policy change, whose decision only a successful change may change. */
    String decided;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    void sharedCases() {
        http = new Http(port);
        catalogueEntry = CatalogueTestEntries.add(http);
        inIntake = newCase();
        intakeTask = openTask(taskService, inIntake, "Task_Intake").getId();
        inAssessment = caseInAssessment();
        assessmentTask = openTask(taskService, inAssessment, "Task_Assess", "ministry-szw").getId();
        documentInAssessment = documentOf(inAssessment);
        informationTask = openTask(taskService, caseAwaitingInformation(), "Task_ProvideInformation").getId();
        decisionTask = openTask(taskService, caseAwaitingDecision(), "Task_Decide").getId();
        signal = Http.json(startSignal(TestUsers.PROGRAMME_OFFICE, newCase())).path("reference").asText();
        decided = decidedCase();
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @org.junit.jupiter.api.AfterAll
    void removeTheCatalogueEntriesAdded() {
        CatalogueTestEntries.removeAll(jdbc);
    }

    private int currentVersion(String catalogueEntry) {
        return Http.json(http.get("/api/v1/national-rules/" + catalogueEntry, TestUsers.AUDITOR)).path("version").asInt();
    }

    /** Every operation of the OpenAPI document, as "METHOD /path/{template}". */
    private Set<String> documentedOperations() {
        HttpResponse<String> response = new Http(port).get("/api/v1/openapi.json");
        assertThat(response.statusCode()).as("the OpenAPI document").isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        Http.json(response).path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> {
                    if (HTTP_METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
        return operations;
    }

    /**
     * The rows come from the OpenAPI document: each operation with each of its rules, for every
     * role; an operation without a rule is a row that fails, so a new endpoint cannot go untested.
     */
    Stream<Arguments> table() {
        Map<Endpoint, Object[]> rules = new EnumMap<>(Endpoint.class);
        for (Object[] row : TABLE) {
            assertThat(row).as("a status for every role of %s", row[0]).hasSize(Role.values().length + 1);
            assertThat(rules.put((Endpoint) row[0], row)).as("one row for %s", row[0]).isNull();
        }
        List<Arguments> rows = new ArrayList<>();
        for (String operation : documentedOperations()) {
            List<Endpoint> endpoints = Arrays.stream(Endpoint.values())
                    .filter(endpoint -> endpoint.operation.equals(operation)).toList();
            if (endpoints.isEmpty()) {
                rows.add(Arguments.of(operation, null, null, 0));
            }
            for (Endpoint endpoint : endpoints) {
                for (Role role : Role.values()) {
                    Object[] row = rules.get(endpoint);
                    rows.add(Arguments.of(operation, endpoint, role, row == null ? 0 : row[role.ordinal() + 1]));
                }
            }
        }
        return rows.stream();
    }

    @Test
    void everyRuleIsAnOperationOfTheOpenApiDocument() {
        Set<String> documented = documentedOperations();
        assertThat(Arrays.stream(Endpoint.values()).filter(endpoint -> !documented.contains(endpoint.operation)))
                .as("rules for operations the API does not have (any more)").isEmpty();
        assertThat(Arrays.stream(TABLE).map(row -> row[0]))
                .as("every rule has its row of statuses").containsExactlyInAnyOrder((Object[]) Endpoint.values());
    }

    @ParameterizedTest(name = "{1} as {2} → {3}")
    @MethodSource("table")
    void everyEndpointAnswersEveryRoleAsDesigned(String operation, Endpoint endpoint, Role role, int expected) {
        assertThat(endpoint).as("a rule in TABLE for every role of %s, which the OpenAPI document lists", operation)
                .isNotNull();
        assertThat(expected).as("a status for %s as %s in TABLE", endpoint, role).isPositive();
        String user = role.user;
        HttpResponse<String> response = switch (endpoint) {
            case LIST_REQUESTS -> get("/api/v1/requests", user);
            case SUBMIT_REQUEST -> postJson(http, "/api/v1/requests", user,
                    ruleChange(user == null ? "tilburg-noordwest" : FOCUS_AREAS.getOrDefault(user, "tilburg-noordwest"),
                            uniqueEmail("tilburg")));
            case READ_REQUEST_IN_INTAKE -> get("/api/v1/requests/" + inIntake, user);
            case READ_REQUEST_IN_ASSESSMENT -> get("/api/v1/requests/" + inAssessment, user);
            case WITHDRAW_REQUEST -> withdraw(user, expected);
            case LIST_TASKS -> get("/api/v1/tasks", user);
            case READ_INTAKE_TASK -> get("/api/v1/tasks/" + intakeTask, user);
            case COMPLETE_INTAKE_TASK -> completeFresh(openTask(taskService, newCase(), "Task_Intake").getId(), user,
                    Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support")), expected);
            case READ_INFORMATION_TASK -> get("/api/v1/tasks/" + informationTask, user);
            case COMPLETE_INFORMATION_TASK -> completeFresh(
                    openTask(taskService, caseAwaitingInformation(), "Task_ProvideInformation").getId(), user,
                    Map.of("informationAnswer", "Zie de wijkanalyse."), expected);
            case READ_ASSESSMENT_TASK -> get("/api/v1/tasks/" + assessmentTask, user);
            case COMPLETE_ASSESSMENT_TASK -> completeFresh(
                    openTask(taskService, caseInAssessment(), "Task_Assess", "ministry-szw").getId(), user,
                    Map.of("assessmentOutcome", "advice", "advice", "support", "rationale", "Akkoord."), expected);
            case READ_DECISION_TASK -> get("/api/v1/tasks/" + decisionTask, user);
            case COMPLETE_DECISION_TASK -> completeFresh(
                    openTask(taskService, caseAwaitingDecision(), "Task_Decide").getId(), user,
                    decision("rejected", "Geen ruimte binnen de wet."), expected);
            case PRECEDENTS -> get("/api/v1/precedents?nationalRule=participatiewet", user);
            case PRECEDENTS_WHILE_DRAFTING -> postJson(http, "/api/v1/requests/precedents", user,
                    Map.of("nationalRule", "participatiewet", "article", "22a"));
            case SIGNALS -> get("/api/v1/signals", user);
            case SIGNAL -> get("/api/v1/signals/" + signal, user);
            case START_SIGNAL -> startSignal(user, expected == 201 ? newCase() : inIntake);
            case LINK_TO_SIGNAL -> postJson(http, "/api/v1/signals/" + signal + "/links", user,
                    Map.of("request", expected == 200 ? newCase() : inIntake, "reason", "Zelfde knelpunt."));
            case UNLINK_FROM_SIGNAL -> postJson(http, "/api/v1/signals/" + signal + "/unlinks", user,
                    Map.of("request", linkedToTheSignal(), "reason", "Toch een ander knelpunt."));
            case DECISION_VERSIONS -> get("/api/v1/requests/" + decided + "/decision/versions", user);
            case AMEND_DECISION -> changeDecision(user, expected, "amendments", Map.of("decisionOutcome", "granted",
                    "rationale", "Aangepaste motivering.", "instrument", "policy-change",
                    "effectiveDate", java.time.LocalDate.now().plusMonths(2).toString(), "version", 1,
                    "reason", "Toets van de autorisatie."));
            case REVOKE_DECISION -> changeDecision(user, expected, "revocation",
                    Map.of("version", 1, "reason", "Toets van de autorisatie."));
            case SUSPEND_CASE_DEADLINE -> changeCaseDeadline(user, expected, "suspension", false);
            case RESUME_CASE_DEADLINE -> changeCaseDeadline(user, expected, "resumption", true);
            case EXTEND_CASE_DEADLINE -> changeCaseDeadline(user, expected, "extension", false);
            case MUNICIPALITIES -> get("/api/v1/municipalities", user);
            case MUNICIPALITY -> get("/api/v1/municipalities/0855", user);
            case FOCUS_AREAS -> get("/api/v1/focus-areas", user);
            case FOCUS_AREAS_OF_A_MUNICIPALITY -> get("/api/v1/focus-areas?municipality=0917", user);
            case FOCUS_AREA -> get("/api/v1/focus-areas/tilburg-noordwest", user);
            case MINISTRIES -> get("/api/v1/ministries", user);
            case MINISTRY -> get("/api/v1/ministries/szw", user);
            case RULE_DOMAINS -> get("/api/v1/rule-domains", user);
            case RULE_DOMAIN -> get("/api/v1/rule-domains/income-support", user);
            case REGULATIONS -> get("/api/v1/regulations", user);
            case REGULATION -> get("/api/v1/regulations/ocw-school-en-omgeving", user);
            case PROGRESS_REPORT -> get("/api/v1/reports/progress?period=2026-H2", user);
            case STORED_REPORTS -> get("/api/v1/reports/progress/stored", user);
            case STORED_REPORT -> get("/api/v1/reports/progress/stored/2020-H1", user);
            case TIMELINE -> get("/api/v1/requests/" + inAssessment + "/timeline", user);
            case DOCUMENTS -> get("/api/v1/requests/" + inAssessment + "/documents", user);
            case UPLOAD_DOCUMENT -> uploadFresh(user);
            case DOWNLOAD_DOCUMENT -> get("/api/v1/requests/" + inAssessment + "/documents/" + documentInAssessment, user);
            case REMOVE_DOCUMENT -> removeFresh(user);
            case DECISIONS -> get("/api/v1/decisions", user);
            case DECISIONS_CSV -> get("/api/v1/decisions?format=csv", user);
            case AUDIT_TRAIL -> get("/api/v1/requests/" + inAssessment + "/audit-trail?pageSize=5", user);
            case AUDIT_EXPORT -> get("/api/v1/audit/export?from=2026-11-01&to=2026-11-02", user);
            case AUDIT_VERIFICATION -> get("/api/v1/audit/verification?reference=" + inAssessment, user);
            case NATIONAL_RULES -> get("/api/v1/national-rules?ministry=szw", user);
            case NATIONAL_RULE -> get("/api/v1/national-rules/participatiewet", user);
            case ADD_NATIONAL_RULE -> postJson(http, "/api/v1/national-rules", user,
                    CatalogueTestEntries.body(CatalogueTestEntries.newId(), CatalogueTestEntries.newBwbId()));
            case MY_NOTIFICATION_PREFERENCES -> get("/api/v1/me/notification-preferences", user);
            case SET_MY_NOTIFICATION_PREFERENCES -> http.send((user == null
                    ? http.request("/api/v1/me/notification-preferences")
                    : http.request("/api/v1/me/notification-preferences", user))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"newTasks\":\"immediately\",\"deadlines\":\"immediately\"}")).build());
            case CHANGE_NATIONAL_RULE -> http.send((user == null ? http.request("/api/v1/national-rules/"
                    + catalogueEntry) : http.request("/api/v1/national-rules/" + catalogueEntry, user))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(CaseSteps.json(CatalogueTestEntries.change(
                            CatalogueTestEntries.newBwbId(), "Gewijzigd", currentVersion(catalogueEntry))))).build());
        };

        if (expected >= 400) {
            assertProblem(response, expected);
            if (expected == 401) {
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        value -> assertThat(value).startsWith("Basic"));
            }
        } else {
            assertThat(response.statusCode()).as("%s as %s: %s", endpoint, role, response.body()).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------ calls that change a case

    /** A signal on the Participatiewet at an article no other signal has, so it never conflicts. */
    private HttpResponse<String> startSignal(String user, String request) {
        HttpResponse<String> response = postJson(http, "/api/v1/signals", user, Map.of("nationalRule", "participatiewet",
                "article", "art. " + UUID.randomUUID(), "reason", "Toets van de autorisatie.",
                "requests", List.of(request)));
        if (TestUsers.PROGRAMME_OFFICE.equals(user)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        return response;
    }

    /** A fresh request, linked to the shared signal by the programme office. */
    private String linkedToTheSignal() {
        String reference = newCase();
        HttpResponse<String> linked = postJson(http, "/api/v1/signals/" + signal + "/links", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", reference, "reason", "Zelfde knelpunt."));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        return reference;
    }

    /** Withdraws a fresh case routed to SZW; only a successful withdrawal may change it. */
    private HttpResponse<String> withdraw(String user, int expected) {
        String reference = caseInAssessment();
        HttpResponse<String> response = postJson(http, "/api/v1/requests/" + reference + "/withdrawal", user,
                Map.of("reason", "Toets van de autorisatie"));
        String status = request(http, OWNER, reference).path("status").asText();
        assertThat(status).as("status after a withdrawal answered %s", response.statusCode())
                .isEqualTo(response.statusCode() == 200 ? "withdrawn" : "assessment");
        return response;
    }

    /** Amends or revokes a decision: a fresh one when the change should succeed; only a successful change adds a version. */
    private HttpResponse<String> changeDecision(String user, int expected, String change, Map<String, Object> body) {
        String reference = expected == 200 ? decidedCase() : decided;
        HttpResponse<String> response = postJson(http, "/api/v1/requests/" + reference + "/decision/" + change, user, body);
        assertThat(Http.json(http.get("/api/v1/requests/" + reference + "/decision/versions", OWNER)).path("versions"))
                .as("versions after a change answered %s", response.statusCode())
                .hasSize(response.statusCode() == 200 ? 2 : 1);
        return response;
    }

    /**
     * Suspends, resumes or extends the case deadline of a case routed to SZW (a fresh one for a
     * success, suspended first by the programme office for a resumption); only a success changes it.
     */
    private HttpResponse<String> changeCaseDeadline(String user, int expected, String change, boolean suspendedFirst) {
        String reference = expected == 200 ? caseInAssessment() : inAssessment;
        if (expected == 200 && suspendedFirst) {
            assertThat(postJson(http, "/api/v1/requests/" + reference + "/case-deadline/suspension",
                    TestUsers.PROGRAMME_OFFICE, Map.of("reason", "Wacht op een uitspraak van de rechter.")).statusCode())
                    .isEqualTo(200);
        }
        JsonNode before = Http.json(http.get("/api/v1/requests/" + reference, OWNER)).path("caseDeadline");
        Map<String, Object> body = "extension".equals(change)
                ? Map.of("reason", "Toets van de autorisatie.",
                        "newDueDate", java.time.LocalDate.parse(before.path("dueDate").asText()).plusDays(7).toString())
                : Map.of("reason", "Toets van de autorisatie.");
        HttpResponse<String> response = postJson(http, "/api/v1/requests/" + reference + "/case-deadline/" + change,
                user, body);
        assertThat(Http.json(http.get("/api/v1/requests/" + reference, OWNER)).path("caseDeadline").path("history"))
                .as("deadline history after a change answered %s", response.statusCode())
                .hasSize(before.path("history").size() + (response.statusCode() == 200 ? 1 : 0));
        return response;
    }

    /** Completes a task of a fresh case; only a successful completion may close it. */
    private HttpResponse<String> completeFresh(String taskId, String user, Map<String, Object> values, int expected) {
        HttpResponse<String> response = postJson(http, "/api/v1/tasks/" + taskId + "/completion", user, values);
        assertThat(taskService.createTaskQuery().taskId(taskId).count())
                .as("task open after a completion answered %s", response.statusCode())
                .isEqualTo(response.statusCode() == 204 ? 0 : 1);
        return response;
    }

    /** Uploads to a fresh case routed to SZW; only a successful upload may add a document. */
    private HttpResponse<String> uploadFresh(String user) {
        String reference = caseInAssessment();
        HttpResponse<String> response = upload(http, user, reference, "notitie.pdf", "application/pdf", CaseSteps.PDF);
        assertThat(Http.json(http.get("/api/v1/requests/" + reference + "/documents", OWNER)))
                .as("documents after an upload answered %s", response.statusCode())
                .hasSize(response.statusCode() == 201 ? 1 : 0);
        return response;
    }

    /** Removes the municipality's document from a fresh case in intake; only a successful removal may remove it. */
    private HttpResponse<String> removeFresh(String user) {
        String reference = newCase();
        String document = documentOf(reference);
        String path = "/api/v1/requests/" + reference + "/documents/" + document;
        HttpResponse<String> response = http.send((user == null ? http.request(path) : http.request(path, user))
                .DELETE().build());
        assertThat(http.get(path, OWNER).statusCode()).as("the document after a removal answered %s",
                response.statusCode()).isEqualTo(response.statusCode() == 204 ? 404 : 200);
        return response;
    }

    /** A document the municipality adds to the case; its id. */
    private String documentOf(String reference) {
        HttpResponse<String> response = upload(http, OWNER, reference, "wijkanalyse.pdf", "application/pdf", CaseSteps.PDF);
        assertThat(response.statusCode()).as("upload: %s", response.body()).isEqualTo(201);
        return Http.json(response).path("id").asText();
    }

    // ------------------------------------------------------------------ cases

    private String newCase() {
        return submit(http, OWNER, ruleChange("tilburg-noordwest", uniqueEmail("tilburg"), "income-support"));
    }

    private String caseInAssessment() {
        String reference = newCase();
        intakeComplete(http, taskService, reference, "income-support");
        return reference;
    }

    private String caseAwaitingInformation() {
        String reference = newCase();
        intakeAsks(http, processEngine, reference, "Hoeveel huishoudens gaat het om?");
        return reference;
    }

    private String caseAwaitingDecision() {
        String reference = caseInAssessment();
        advise(http, processEngine, reference, "szw", "support", "Past binnen de experimenteerbepaling.");
        return reference;
    }

    private String decidedCase() {
        String reference = caseAwaitingDecision();
        CaseSteps.completeCurrentTask(http, taskService, reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Past binnen het beleid."));
        nl.doorbraak.support.Jobs.runDue(processEngine);
        return reference;
    }

    private HttpResponse<String> get(String path, String user) {
        return user == null ? http.get(path) : http.get(path, user);
    }
}

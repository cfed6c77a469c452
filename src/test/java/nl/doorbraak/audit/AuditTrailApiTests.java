package nl.doorbraak.audit;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Reading the audit trail: one case's trail page by page as JSON and CSV, the export of a
 * period as NDJSON and CSV, who may read them (and that refusals and reads are themselves on
 * the trail), and bad input. The case is submitted by Lelystad (0995) and driven through the
 * real process to its decision; Nieuwegein (0356) is the municipality that is turned away.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailApiTests {

    static final String LELYSTAD = "lelystad";
    static final String LELYSTAD_AREA = "lelystad-oost";
    static final String NIEUWEGEIN = "nieuwegein";

    /** A rationale a spreadsheet would split or run, were it not quoted and escaped. */
    static final String ADVICE_RATIONALE = "Past binnen de experimenteerbepaling, mits \"de zorg\" blijft.";
    static final String DECISION_RATIONALE = "Het experiment draagt bij aan de integrale aanpak in Lelystad-Oost.";
    /** A user name (so no colon: HTTP Basic ends the name there) that is a formula with a comma and quotes. */
    static final String FORMULA_USER = "=HYPERLINK(\"evil.example/x\",\"klik, hier\")";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENTENCE_START = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} — \\S.*";
    private static final Set<String> ENGINE_ACTIONS = Set.of("process-started", "task-created", "task-completed",
            "variable-created", "decision-evaluated");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditQueries queries;

    Http http;
    Instant caseStarted;
    Instant caseDecided;
    String reference;

    @BeforeAll
    void aDecidedCase() {
        http = new Http(port);
        caseStarted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        reference = submit(http, LELYSTAD, ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD), "income-support"));
        intakeComplete(http, taskService, reference, "income-support");
        advise(http, processEngine, reference, "szw", "support", ADVICE_RATIONALE);
        completeCurrentTask(http, taskService, reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", DECISION_RATIONALE));
        Jobs.runDue(processEngine);
        caseDecided = Instant.now();
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    // ------------------------------------------------------------------ one case's trail

    @Test
    void anAuditorReadsTheWholeTrailOfADecidedCaseInChainOrderWithASentencePerEntry() {
        HttpResponse<String> response = http.get(trail(reference) + "?pageSize=500", TestUsers.AUDITOR);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertApiHeaders(response);
        JsonNode body = Http.json(response);
        List<JsonNode> items = list(body.path("items"));
        assertThat(body.path("page").asInt()).isEqualTo(1);
        assertThat(body.path("pageSize").asInt()).isEqualTo(500);
        assertThat(body.path("total").asLong()).isEqualTo(items.size());
        assertThat(items.size()).as("the whole trail fits on one page").isBetween(20, 499);
        assertThat(body.path("_links").path("self").asText())
                .isEqualTo("/api/v1/requests/" + reference + "/audit-trail?page=1&pageSize=500");
        assertThat(body.path("_links").has("next")).isFalse();
        assertThat(body.path("_links").has("prev")).isFalse();

        String previousHash = AuditHashes.GENESIS;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            assertThat(item.path("chain").asText()).isEqualTo(reference);
            assertThat(item.path("sequence").asLong()).as("entries in chain order from 1").isEqualTo(i + 1);
            assertThat(item.path("sentence").asText()).as("sentence of %s", item).matches(SENTENCE_START);
            assertThat(item.path("application").asText()).isEqualTo("doorbraak");
            assertThat(item.path("prevHash").asText()).as("entry %s links on its predecessor", i + 1)
                    .isEqualTo(previousHash);
            assertThat(AuditHashes.hash(entryOf(item))).as("the hash of entry %s as the API shows it", i + 1)
                    .isEqualTo(item.path("hash").asText());
            previousHash = item.path("hash").asText();
            Instant occurred = Instant.parse(item.path("occurredAt").asText());
            assertThat(occurred).isBetween(caseStarted, Instant.now());
        }

        Set<String> engineActions = new HashSet<>();
        items.stream().filter(item -> item.path("source").asText().equals("engine"))
                .forEach(item -> engineActions.add(item.path("action").asText()));
        assertThat(engineActions).containsAll(ENGINE_ACTIONS);

        // the engine's entries name who did it
        assertThat(find(items, "task-completed", TestUsers.PROGRAMME_OFFICE))
                .as("intake completed by the programme office").isNotEmpty();
        JsonNode advice = find(items, "task-completed", TestUsers.REVIEWER_SZW).get(0);
        assertThat(advice.path("userDisplay").asText()).isEqualTo("Beoordelaar SZW");
        assertThat(advice.path("resourceDisplay").asText()).contains(reference).contains("SZW");
        assertThat(advice.path("sentence").asText()).contains(" — Taak afgerond: ")
                .contains(advice.path("resourceDisplay").asText()).endsWith(", door Beoordelaar SZW");
        JsonNode decided = find(items, "task-completed", TestUsers.PROGRAMME_DIRECTOR).get(0);
        assertThat(decided.path("sentence").asText()).contains("Taak afgerond").contains("door Programmadirecteur NPLV");
        JsonNode rationale = items.stream()
                .filter(item -> item.path("action").asText().startsWith("variable-")
                        && item.path("resourceDisplay").asText().equals("rationale")
                        && item.path("userId").asText().equals(TestUsers.PROGRAMME_DIRECTOR))
                .findFirst().orElseThrow(() -> new AssertionError("no rationale variable of the decision"));
        assertThat(rationale.path("changes").asText()).contains(DECISION_RATIONALE);
        assertThat(rationale.path("sentence").asText()).contains("rationale = " + DECISION_RATIONALE);
        assertThat(items).anySatisfy(item -> {
            assertThat(item.path("action").asText()).isEqualTo("decision-evaluated");
            assertThat(item.path("sentence").asText()).contains("uitkomst: ");
        });

        // application actions, as far as the application records them already
        items.stream().filter(item -> item.path("action").asText().equals("request-submitted")).forEach(item -> {
            assertThat(item.path("source").asText()).isEqualTo("application");
            assertThat(item.path("userId").asText()).isEqualTo(LELYSTAD);
            assertThat(item.path("sentence").asText()).contains("door Indiener Lelystad");
        });
        items.stream().filter(item -> item.path("action").asText().equals("decision-taken")).forEach(item -> {
            assertThat(item.path("userId").asText()).isEqualTo(TestUsers.PROGRAMME_DIRECTOR);
            assertThat(item.path("explanation").asText()).isEqualTo(DECISION_RATIONALE);
            assertThat(item.path("sentence").asText()).contains(", door Programmadirecteur NPLV. Toelichting: "
                    + DECISION_RATIONALE);
        });
    }

    @Test
    void theNextAndPrevLinksWalkTheTrailPageByPage() {
        JsonNode first = Http.json(okAs(TestUsers.AUDITOR, trail(reference) + "?page=1&pageSize=10"));
        assertThat(first.path("_links").has("prev")).isFalse();
        assertThat(first.path("_links").path("next").asText())
                .isEqualTo("/api/v1/requests/" + reference + "/audit-trail?page=2&pageSize=10");
        long totalAtStart = first.path("total").asLong();
        assertThat(totalAtStart).isGreaterThan(20);

        List<Long> sequences = new ArrayList<>();
        list(first.path("items")).forEach(item -> sequences.add(item.path("sequence").asLong()));
        JsonNode page = first;
        int pages = 1;
        while (page.path("_links").has("next")) {
            String next = page.path("_links").path("next").asText();
            page = Http.json(okAs(TestUsers.AUDITOR, next));
            pages++;
            assertThat(page.path("page").asInt()).isEqualTo(pages);
            assertThat(page.path("_links").path("prev").asText())
                    .isEqualTo("/api/v1/requests/" + reference + "/audit-trail?page=" + (pages - 1) + "&pageSize=10");
            assertThat(page.path("items").size()).isBetween(1, 10);
            list(page.path("items")).forEach(item -> sequences.add(item.path("sequence").asLong()));
            assertThat(pages).as("paging ends").isLessThan(100);
        }
        // every read adds an entry to this chain, so the walk ends somewhat beyond where it started
        assertThat(sequences.size()).isGreaterThanOrEqualTo((int) totalAtStart);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i + 1L);
        }
        assertThat(pages).isEqualTo((int) ((page.path("total").asLong() + 9) / 10));

        JsonNode beyond = Http.json(okAs(TestUsers.AUDITOR, trail(reference) + "?page=" + (pages + 5) + "&pageSize=10"));
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("_links").has("next")).isFalse();
        assertThat(beyond.path("_links").has("prev")).isTrue();
    }

    @Test
    void everyReadIsItselfOnTheCasesTrailWithTheReader() {
        long before = lastSequence(reference);

        okAs(TestUsers.AUDITOR, trail(reference) + "?pageSize=5");
        okAs(TestUsers.PROGRAMME_OFFICE, trail(reference) + "?format=csv&pageSize=5");

        List<Map<String, Object>> reads = jdbc.sql("""
                        SELECT user_id, user_display, action, action_display, result, resource_type, resource_id,
                               resource_display, source
                          FROM audit_event WHERE chain = ? AND sequence > ? ORDER BY sequence""")
                .params(reference, before).query().listOfRows();
        assertThat(reads).hasSize(2);
        assertThat(reads).extracting(row -> row.get("action")).containsOnly("audit-trail-read");
        assertThat(reads).extracting(row -> row.get("user_id"))
                .containsExactly(TestUsers.AUDITOR, TestUsers.PROGRAMME_OFFICE);
        assertThat(reads.get(0).get("user_display")).isEqualTo("Auditor Auditdienst Rijk");
        assertThat(reads.get(0).get("action_display")).isEqualTo("Audittrail ingezien");
        assertThat(reads.get(0).get("resource_type")).isEqualTo("audit-trail");
        assertThat(reads.get(0).get("resource_id")).isEqualTo(reference);
        assertThat(reads.get(0).get("source")).isEqualTo("application");
        assertThat(reads.get(0).get("result")).isEqualTo("success");

        // and the next reader sees that read, as one sentence
        JsonNode last = Http.json(okAs(TestUsers.AUDITOR, trail(reference) + "?pageSize=500"));
        List<JsonNode> items = list(last.path("items"));
        JsonNode read = items.stream().filter(item -> item.path("sequence").asLong() == before + 1).findFirst()
                .orElseThrow();
        assertThat(read.path("sentence").asText())
                .endsWith(" — Audittrail ingezien: " + reference + ", door Auditor Auditdienst Rijk");
    }

    @Test
    void theTrailAsCsvHasAHeaderAndOneRecordPerEntryProperlyQuoted() {
        HttpResponse<String> byParameter = okAs(TestUsers.AUDITOR, trail(reference) + "?format=csv&pageSize=500");
        JsonNode json = Http.json(okAs(TestUsers.AUDITOR, trail(reference) + "?pageSize=500"));
        HttpResponse<String> byAccept = http.send(http.request(trail(reference) + "?pageSize=500", TestUsers.AUDITOR)
                .header("Accept", "text/csv").GET().build());

        for (HttpResponse<String> response : List.of(byParameter, byAccept)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment").contains(reference).contains(".csv"));
            assertApiHeaders(response);
            assertThat(response.body()).contains("\r\n").endsWith("\r\n");
        }

        List<List<String>> records = csv(byParameter.body());
        assertThat(records.get(0)).containsExactly("chain", "sequence", "occurredAt", "source", "application",
                "userId", "userDisplay", "action", "actionDisplay", "result", "resourceType", "resourceId",
                "resourceDisplay", "explanation", "changes", "traceId", "prevHash", "hash", "sentence");
        List<List<String>> rows = records.subList(1, records.size());
        // the JSON read came after the CSV read, and the CSV read is on the trail: one entry more
        List<JsonNode> items = list(json.path("items"));
        assertThat(rows).hasSize(items.size() - 1);
        assertThat(csv(byAccept.body())).hasSize(items.size() + 2);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            JsonNode item = items.get(i);
            assertThat(row).hasSize(19);
            for (int column = 0; column < 19; column++) {
                String name = records.get(0).get(column);
                String expected = item.path(name).isMissingNode() || item.path(name).isNull() ? ""
                        : item.path(name).asText();
                if (!expected.isEmpty() && "=+-@".indexOf(expected.charAt(0)) >= 0) {
                    expected = "'" + expected;
                }
                assertThat(row.get(column)).as("%s of entry %s", name, i + 1).isEqualTo(expected);
            }
        }

        // the advice rationale has a comma and quotes: one quoted cell with doubled quotes
        JsonNode adviceRationale = items.stream()
                .filter(item -> item.path("action").asText().equals("variable-created")
                        && item.path("changes").asText().contains("de zorg"))
                .findFirst().orElseThrow();
        String changes = adviceRationale.path("changes").asText();
        assertThat(changes).contains(",").contains("\"");
        assertThat(byParameter.body()).contains(",\"" + changes.replace("\"", "\"\"") + "\",");
    }

    @Test
    void anUnknownCaseHasNoTrail() {
        JsonNode problem = assertProblem(http.get(trail("NPLV-1999-99999"), TestUsers.AUDITOR), 404);
        assertThat(problem.path("detail").asText()).contains("NPLV-1999-99999");
        assertProblem(http.get(trail(AuditTrail.SYSTEM), TestUsers.AUDITOR), 404);
        assertProblem(http.get(trail("NPLV-1999-99999") + "?format=csv", TestUsers.PROGRAMME_OFFICE), 404);
    }

    @Test
    void badPagingIsOneProblemListingEveryError() {
        JsonNode problem = assertProblem(
                http.get(trail(reference) + "?page=0&pageSize=501&format=xml", TestUsers.AUDITOR), 400);
        assertThat(errorFields(problem)).containsExactly("page", "pageSize", "format");
        assertThat(errorMessage(problem, "pageSize")).contains("500");

        assertThat(errorFields(assertProblem(http.get(trail(reference) + "?page=abc&pageSize=",
                TestUsers.AUDITOR), 400))).containsExactly("page", "pageSize");
        assertThat(errorFields(assertProblem(http.get(trail(reference) + "?page=1000001&pageSize=-1",
                TestUsers.AUDITOR), 400))).containsExactly("page", "pageSize");
        // a problem, not CSV, when CSV was asked for
        HttpResponse<String> csvAsked = http.send(http.request(trail(reference) + "?page=0", TestUsers.AUDITOR)
                .header("Accept", "text/csv").GET().build());
        assertThat(errorFields(assertProblem(csvAsked, 400))).containsExactly("page");
        assertThat(okAs(TestUsers.AUDITOR, trail(reference) + "?page=1&pageSize=500").statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ who may read

    @Test
    void onlyAuditorsAndTheProgrammeOfficeReadTrailsAndEveryRefusalIsOnTheSystemChain() {
        for (String user : List.of(NIEUWEGEIN, LELYSTAD, TestUsers.REVIEWER_SZW, TestUsers.LEAD_SZW,
                TestUsers.PROGRAMME_DIRECTOR, TestUsers.ADMIN)) {
            for (String path : List.of(trail(reference), trail(reference) + "?format=csv", trail("NPLV-1999-99999"),
                    "/api/v1/audit/export?from=2026-01-01&to=2026-12-31", "/api/v1/audit/export")) {
                String endpoint = "GET " + URI.create(path).getPath();
                long before = refusals("access-denied", user, endpoint);

                HttpResponse<String> response = http.send(http.request(path, user)
                        .header("Accept", path.contains("csv") ? "text/csv" : "application/json").GET().build());

                assertProblem(response, 403);
                assertThat(refusals("access-denied", user, endpoint)).as("refusal of %s for %s", path, user)
                        .isEqualTo(before + 1);
            }
        }
        Map<String, Object> refusal = jdbc.sql("""
                        SELECT user_display, action_display, result, resource_type FROM audit_event
                         WHERE chain = 'system' AND action = 'access-denied' AND user_id = ? AND resource_id = ?
                         ORDER BY sequence DESC LIMIT 1""")
                .params(TestUsers.REVIEWER_SZW, "GET " + trail(reference)).query().singleRow();
        assertThat(refusal.get("user_display")).isEqualTo("Beoordelaar SZW");
        assertThat(refusal.get("result")).isEqualTo("refused");
        assertThat(refusal.get("resource_type")).isEqualTo("endpoint");
        assertThat(refusal.get("action_display")).isEqualTo("Toegang geweigerd");

        assertThat(okAs(TestUsers.AUDITOR, trail(reference)).statusCode()).isEqualTo(200);
        assertThat(okAs(TestUsers.PROGRAMME_OFFICE, trail(reference)).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallersMustLogInAndThatIsOnTheSystemChainToo() {
        for (String path : List.of(trail(reference), "/api/v1/audit/export?from=2026-01-01&to=2026-12-31")) {
            String endpoint = "GET " + URI.create(path).getPath();
            long before = refusals("access-unauthenticated", null, endpoint);

            assertProblem(http.get(path), 401);

            assertThat(refusals("access-unauthenticated", null, endpoint)).isEqualTo(before + 1);
        }
    }

    // ------------------------------------------------------------------ export

    @Test
    void theExportOfAPeriodIsOneCanonicalJsonLinePerEntryCoveringTheCase() throws Exception {
        Instant from = caseStarted.minusSeconds(1);
        Instant to = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Set<String> caseEntries = new HashSet<>();
        jdbc.sql("SELECT sequence FROM audit_event WHERE chain = ?").param(reference).query(Long.class).list()
                .forEach(sequence -> caseEntries.add(reference + "#" + sequence));

        HttpResponse<String> response = okAs(TestUsers.AUDITOR,
                "/api/v1/audit/export?from=" + from + "&to=" + to + "&format=ndjson");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"audit-" + compact(from) + "-" + compact(to) + ".ndjson\"");
        assertApiHeaders(response);
        assertThat(response.body()).endsWith("\n");
        String[] lines = response.body().split("\n");
        Set<String> exported = new HashSet<>();
        String previousChain = "";
        long previousSequence = 0;
        boolean exportRecorded = false;
        for (String line : lines) {
            Map<String, Object> members = JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            assertThat(CanonicalJson.of(members)).as("each line is canonical JSON").isEqualTo(line);
            String hash = (String) members.remove("hash");
            String prevHash = (String) members.remove("prevHash");
            assertThat(AuditHashes.hash(prevHash, CanonicalJson.of(members))).as(line).isEqualTo(hash);
            Instant occurred = Instant.parse((String) members.get("occurredAt"));
            assertThat(occurred).isAfterOrEqualTo(from).isBefore(to);
            // each chain's lines follow each other in sequence order, as the offline verifier reads them
            String chain = (String) members.get("chain");
            long sequence = ((Number) members.get("sequence")).longValue();
            assertThat(chain).isGreaterThanOrEqualTo(previousChain);
            if (chain.equals(previousChain)) {
                assertThat(sequence).isGreaterThan(previousSequence);
            }
            previousChain = chain;
            previousSequence = sequence;
            exported.add(members.get("chain") + "#" + members.get("sequence"));
            exportRecorded |= "audit-trail-exported".equals(members.get("action"))
                    && TestUsers.AUDITOR.equals(members.get("userId"))
                    && (from + "/" + to).equals(members.get("resourceId"));
        }
        assertThat(exported).hasSize(lines.length);
        assertThat(caseEntries).hasSizeGreaterThan(20);
        assertThat(exported).containsAll(caseEntries);
        assertThat(exportRecorded).as("the export is on the trail before the entries leave").isTrue();

        Map<String, Object> recorded = jdbc.sql("""
                        SELECT user_display, action_display, resource_type, resource_display, source FROM audit_event
                         WHERE chain = 'system' AND action = 'audit-trail-exported' AND user_id = ?
                           AND resource_id = ?""")
                .params(TestUsers.AUDITOR, from + "/" + to).query().singleRow();
        assertThat(recorded.get("action_display")).isEqualTo("Audittrail geëxporteerd (NDJSON)");
        assertThat(recorded.get("resource_type")).isEqualTo("audit-period");
        assertThat(recorded.get("resource_display")).isEqualTo("Periode " + from + " tot " + to);
        assertThat(recorded.get("user_display")).isEqualTo("Auditor Auditdienst Rijk");
        assertThat(recorded.get("source")).isEqualTo("application");
    }

    @Test
    void anExportByDatesTakesWholeDutchDaysFromInclusiveToInclusive() {
        LocalDate today = LocalDate.now(CaseClock.DUTCH_TIME);
        LocalDate fromDate = LocalDate.ofInstant(caseStarted, CaseClock.DUTCH_TIME);
        LocalDate toDate = today.plusDays(1);

        HttpResponse<String> response = okAs(TestUsers.PROGRAMME_OFFICE,
                "/api/v1/audit/export?from=" + fromDate + "&to=" + toDate);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-" + fromDate + "-" + toDate + ".ndjson\"");
        String caseEntry = "\"chain\":\"" + reference + "\",";
        assertThat(response.body().lines().filter(line -> line.contains(caseEntry)).count())
                .isGreaterThanOrEqualTo(20);

        Instant start = fromDate.atStartOfDay(CaseClock.DUTCH_TIME).toInstant();
        Instant end = toDate.plusDays(1).atStartOfDay(CaseClock.DUTCH_TIME).toInstant();
        Map<String, Object> recorded = jdbc.sql("""
                        SELECT action_display, resource_display FROM audit_event
                         WHERE chain = 'system' AND action = 'audit-trail-exported' AND user_id = ?
                           AND resource_id = ? ORDER BY sequence DESC LIMIT 1""")
                .params(TestUsers.PROGRAMME_OFFICE, start + "/" + end).query().singleRow();
        assertThat(recorded.get("resource_display")).isEqualTo("Periode " + fromDate + " t/m " + toDate);

        // an offset written with an unescaped '+' still counts
        HttpResponse<String> withOffset = okAs(TestUsers.AUDITOR,
                // the end a day later: at +02:00 midnight is 22:00 UTC, before which this case may not be
                "/api/v1/audit/export?from=" + fromDate + "T00:00:00+02:00&to=" + toDate.plusDays(1)
                        + "T00:00:00%2B02:00");
        assertThat(withOffset.body().lines().filter(line -> line.contains(caseEntry)).count())
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void theExportAsCsvQuotesAndDisarmsFormulas() {
        Instant from = Instant.now();
        // text a submitter typed starts a cell (the request's title is the submission's resource display)
        List<String> formulas = List.of(FORMULA_USER, "+31612345678", "-2+3", "@SUM(A1)");
        for (String title : formulas) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(
                    ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD), "income-support"));
            body.put("title", title);
            submit(http, LELYSTAD, body);
        }
        Instant to = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> response = okAs(TestUsers.AUDITOR,
                "/api/v1/audit/export?from=" + from + "&to=" + to + "&format=csv");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).endsWith(".csv\""));
        List<List<String>> records = csv(response.body());
        assertThat(records.get(0)).hasSize(19).startsWith("chain", "sequence", "occurredAt").endsWith("sentence");
        List<List<String>> submissions = records.stream()
                .filter(row -> row.get(7).equals("request-submitted") && !row.get(12).isEmpty()
                        && formulas.contains(row.get(12).substring(1))).toList();
        assertThat(submissions).extracting(row -> row.get(12)).containsExactlyInAnyOrder(
                "'" + FORMULA_USER, "'+31612345678", "'-2+3", "'@SUM(A1)");
        assertThat(submissions).allSatisfy(row -> {
            assertThat(row.get(5)).isEqualTo(LELYSTAD);
            assertThat(row.get(18)).matches(SENTENCE_START).contains("Verzoek ingediend");
        });
        assertThat(response.body()).contains(",\"'=HYPERLINK(\"\"evil.example/x\"\",\"\"klik, hier\"\")\",");
        assertThat(records).allSatisfy(row -> assertThat(row).hasSize(19));
        assertThat(records.stream().skip(1).filter(row -> row.get(7).equals("audit-trail-exported")
                && row.get(5).equals(TestUsers.AUDITOR) && row.get(11).equals(from + "/" + to))).hasSize(1);
        assertThat(jdbc.sql("""
                        SELECT action_display FROM audit_event WHERE chain = 'system' AND action = 'audit-trail-exported'
                           AND resource_id = ?""").param(from + "/" + to).query(String.class).single())
                .isEqualTo("Audittrail geëxporteerd (CSV)");
    }

    @Test
    void aBadPeriodIsOneProblemListingEveryErrorAndExportsNothing() {
        long exportsBefore = exports();

        JsonNode missing = assertProblem(http.get("/api/v1/audit/export", TestUsers.AUDITOR), 400);
        assertThat(errorFields(missing)).containsExactly("from", "to");
        assertThat(errorMessage(missing, "from")).contains("verplicht");

        JsonNode wrong = assertProblem(http.get("/api/v1/audit/export?from=2026-13-01&to=gisteren&format=xml",
                TestUsers.AUDITOR), 400);
        assertThat(errorFields(wrong)).containsExactly("from", "to", "format");

        JsonNode reversed = assertProblem(http.get("/api/v1/audit/export?from=2026-02-01&to=2026-01-31",
                TestUsers.AUDITOR), 400);
        assertThat(errorFields(reversed)).containsExactly("to");
        assertThat(errorMessage(reversed, "to")).contains("na from");

        JsonNode empty = assertProblem(http.get(
                "/api/v1/audit/export?from=2026-02-01T10:00:00Z&to=2026-02-01T10:00:00Z&format=csv",
                TestUsers.AUDITOR), 400);
        assertThat(errorFields(empty)).containsExactly("to");

        JsonNode outOfRange = assertProblem(http.get("/api/v1/audit/export?from=0001-01-01&to=2026-01-01T25:00:00Z",
                TestUsers.AUDITOR), 400);
        assertThat(errorFields(outOfRange)).containsExactly("from", "to");

        HttpResponse<String> csvAsked = http.send(http.request("/api/v1/audit/export?from=x", TestUsers.AUDITOR)
                .header("Accept", "text/csv").GET().build());
        assertThat(errorFields(assertProblem(csvAsked, 400))).containsExactly("from", "to");

        assertThat(exports()).as("nothing exported, nothing recorded").isEqualTo(exportsBefore);

        // one whole day is a valid period
        assertThat(okAs(TestUsers.AUDITOR, "/api/v1/audit/export?from=2026-01-01&to=2026-01-01").statusCode())
                .isEqualTo(200);
        assertThat(exports()).isEqualTo(exportsBefore + 1);
    }

    @Test
    void theFormatParameterOverridesTheAcceptHeaderWhichOtherwiseDecides() {
        String page = trail(reference) + "?pageSize=5";
        assertThat(getAccepting(page, TestUsers.AUDITOR, "text/csv, */*").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(getAccepting(page, TestUsers.AUDITOR, "text/csv;q=0.5, application/json")
                .headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(getAccepting(page + "&format=json", TestUsers.AUDITOR, "text/csv")
                .headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertProblem(getAccepting(page, TestUsers.AUDITOR, "application/xml"), 406);

        String export = "/api/v1/audit/export?from=2026-01-01&to=2026-01-02";
        assertThat(getAccepting(export, TestUsers.AUDITOR, "text/csv").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(getAccepting(export, TestUsers.AUDITOR, "*/*").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(getAccepting(export + "&format=ndjson", TestUsers.AUDITOR, "application/json")
                .headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertProblem(getAccepting(export, TestUsers.AUDITOR, "application/json"), 406);
    }

    @Test
    void aPeriodIsReadThroughACursorInAReadOnlyTransaction() {
        List<Boolean> inReadOnlyTransaction = new ArrayList<>();
        long count = queries.forEachInPeriod(caseStarted, caseDecided, entry -> inReadOnlyTransaction.add(
                TransactionSynchronizationManager.isActualTransactionActive()
                        && TransactionSynchronizationManager.isCurrentTransactionReadOnly()));

        assertThat(count).isEqualTo(inReadOnlyTransaction.size()).isGreaterThan(20);
        assertThat(inReadOnlyTransaction).containsOnly(true);
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private static String trail(String reference) {
        return "/api/v1/requests/" + reference + "/audit-trail";
    }

    private HttpResponse<String> getAccepting(String path, String user, String accept) {
        return http.send(http.request(path, user).header("Accept", accept).GET().build());
    }

    private static void assertApiHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("API-Version")).hasValue("1.0.0");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    private HttpResponse<String> okAs(String user, String path) {
        HttpResponse<String> response = http.get(path, user);
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
        return response;
    }

    private long lastSequence(String chain) {
        return jdbc.sql("SELECT COALESCE(MAX(sequence), 0) FROM audit_event WHERE chain = ?").param(chain)
                .query(Long.class).single();
    }

    private long refusals(String action, String user, String endpoint) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM audit_event
                         WHERE chain = 'system' AND action = ? AND result = 'refused'
                           AND user_id IS NOT DISTINCT FROM ? AND resource_id = ?""")
                .params(action, user, endpoint).query(Long.class).single();
    }

    private long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE chain = 'system' AND action = 'audit-trail-exported'")
                .query(Long.class).single();
    }

    private static List<JsonNode> find(List<JsonNode> items, String action, String user) {
        return items.stream().filter(item -> item.path("action").asText().equals(action)
                && item.path("userId").asText().equals(user)).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The entry as the API shows it, so that its hash can be recomputed. */
    private static AuditEntry entryOf(JsonNode item) {
        return new AuditEntry(0, text(item, "chain"), item.path("sequence").asLong(),
                Instant.parse(text(item, "occurredAt")), text(item, "source"), text(item, "application"),
                text(item, "userId"), text(item, "userDisplay"), text(item, "action"), text(item, "actionDisplay"),
                text(item, "result"), text(item, "resourceType"), text(item, "resourceId"),
                text(item, "resourceDisplay"), text(item, "explanation"), text(item, "changes"),
                text(item, "traceId"), text(item, "prevHash"), text(item, "hash"));
    }

    private static String compact(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "");
    }

    /** A strict RFC 4180 parser: records of cells, quoted cells with doubled quotes, CRLF between records. */
    static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean atCellStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (atCellStart && c == '"') {
                i++;
                while (true) {
                    assertThat(i).as("closing quote").isLessThan(text.length());
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    cell.append(q);
                    i++;
                }
                atCellStart = false;
                assertThat(i == text.length() || text.charAt(i) == ',' || text.charAt(i) == '\r')
                        .as("a quoted cell ends at a separator, at %s", i).isTrue();
                continue;
            }
            if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                atCellStart = true;
                i++;
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CRLF").isEqualTo('\n');
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                atCellStart = true;
                i += 2;
            } else {
                assertThat(c).as("no bare quote or line feed in an unquoted cell").isNotIn('"', '\n');
                cell.append(c);
                atCellStart = false;
                i++;
            }
        }
        assertThat(record).as("the last record ends with CRLF").isEmpty();
        assertThat(cell.length()).isZero();
        return records;
    }
}

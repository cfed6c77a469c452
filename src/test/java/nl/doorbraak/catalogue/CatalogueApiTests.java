package nl.doorbraak.catalogue;

import static nl.doorbraak.support.CaseSteps.json;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * The catalogue of national rules through the API: the seed, reading and filtering it, and the
 * programme office's additions and corrections with their validation, conflicts and audit entries.
 * Entries added here are removed afterwards, so the catalogue other test classes see is the seed.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueApiTests {

    private static final String PATH = "/api/v1/national-rules";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterAll
    void removeWhatTheTestsAdded() {
        CatalogueTestEntries.removeAll(jdbc);
    }

    // ------------------------------------------------------------------ the seed

    @Test
    void theSeedHasTwentyOrMoreRegulationsByTheirBwbIdentifierAcrossTheProgrammesDomains() {
        JsonNode entries = ok(http.get(PATH, TestUsers.ROTTERDAM));
        assertThat(entries.size()).isGreaterThanOrEqualTo(20);
        Set<String> bwbIds = new HashSet<>();
        for (JsonNode entry : entries) {
            assertThat(entry.path("bwbId").asText()).as(entry.toString()).matches("BWBR\\d{7}");
            assertThat(bwbIds.add(entry.path("bwbId").asText())).as("one entry per BWB id: %s", entry).isTrue();
            assertThat(entry.path("url").asText()).isEqualTo("https://wetten.overheid.nl/" + entry.path("bwbId").asText());
            assertThat(entry.path("ruleDomains")).as("domains of %s", entry.path("id")).isNotEmpty();
        }
        List<Integer> bwbColumn = jdbc.sql("SELECT 1 FROM national_rule WHERE bwb_id NOT LIKE 'BWBR_______'")
                .query(Integer.class).list();
        assertThat(bwbColumn).as("every bwb_id in the table is BWBR + 7 characters").isEmpty();
        // social security and benefits, debt relief, youth care, education, housing, safety and policing,
        // health, spatial planning
        assertThat(idsIn(entries, "domain", "income-support")).contains("participatiewet");
        assertThat(idsIn(entries, "domain", "benefits-and-allowances")).contains("awir");
        assertThat(idsIn(entries, "domain", "debt-assistance")).contains("wet-schuldhulpverlening");
        assertThat(idsIn(entries, "domain", "youth-care")).contains("jeugdwet");
        assertThat(idsIn(entries, "domain", "education")).contains("leerplichtwet", "wet-primair-onderwijs");
        assertThat(idsIn(entries, "domain", "housing-allocation")).contains("huisvestingswet");
        assertThat(idsIn(entries, "domain", "safety-and-crime")).contains("politiewet", "wetboek-van-strafrecht");
        assertThat(idsIn(entries, "domain", "public-health")).contains("wet-publieke-gezondheid");
        assertThat(idsIn(entries, "domain", "housing-and-building")).contains("omgevingswet", "woningwet");
    }

    @Test
    void everyRoleReadsAnEntryWithItsBwbIdentifierAndLink() {
        for (String user : TestUsers.ONE_OF_EACH_ROLE) {
            JsonNode entry = ok(http.get(PATH + "/participatiewet", user));
            assertThat(entry.path("id").asText()).isEqualTo("participatiewet");
            assertThat(entry.path("bwbId").asText()).isEqualTo("BWBR0015703");
            assertThat(entry.path("name").asText()).isEqualTo("Participatiewet");
            assertThat(entry.path("abbreviation").asText()).isEqualTo("PW");
            assertThat(entry.path("ministry").asText()).isEqualTo("szw");
            assertThat(texts(entry.path("ruleDomains"))).containsExactly("income-support", "work-and-reintegration");
            assertThat(entry.path("url").asText()).isEqualTo("https://wetten.overheid.nl/BWBR0015703");
            assertThat(entry.has("version")).isTrue();
        }
    }

    @Test
    void theListIsNarrowedByMinistryAndByRuleDomain() {
        JsonNode szw = ok(http.get(PATH + "?ministry=szw", TestUsers.REVIEWER_SZW));
        assertThat(szw).isNotEmpty();
        szw.forEach(entry -> assertThat(entry.path("ministry").asText()).isEqualTo("szw"));
        assertThat(ids(szw)).contains("participatiewet", "wet-schuldhulpverlening").doesNotContain("jeugdwet");

        JsonNode education = ok(http.get(PATH + "?domain=education", TestUsers.AUDITOR));
        assertThat(ids(education)).contains("leerplichtwet", "wet-primair-onderwijs").doesNotContain("participatiewet");

        JsonNode both = ok(http.get(PATH + "?ministry=szw&domain=debt-assistance", TestUsers.PROGRAMME_OFFICE));
        assertThat(ids(both)).containsExactly("wet-schuldhulpverlening");
        assertThat(ok(http.get(PATH + "?ministry=fin&domain=education", TestUsers.PROGRAMME_OFFICE))).isEmpty();
    }

    @Test
    void anUnknownMinistryDomainOrParameterIsRefusedInDutch() {
        JsonNode problem = assertProblem(http.get(PATH + "?ministry=defensie&domain=astrology", TestUsers.ROTTERDAM), 400);
        assertThat(errorFields(problem)).containsExactly("ministry", "domain");
        assertThat(errorMessage(problem, "ministry")).startsWith("Ministerie heeft een onbekende waarde 'defensie'. Kies uit:");
        assertThat(errorMessage(problem, "domain")).contains("astrology");

        JsonNode unknown = assertProblem(http.get(PATH + "?ministerie=szw", TestUsers.ROTTERDAM), 400);
        assertThat(errorMessage(unknown, "ministerie")).isEqualTo("Onbekend veld 'ministerie'.");
    }

    @Test
    void anEntryThatIsNotInTheCatalogueIsNotFound() {
        JsonNode problem = assertProblem(http.get(PATH + "/wet-op-de-maan", TestUsers.ROTTERDAM), 404);
        assertThat(problem.path("detail").asText()).isEqualTo("Regeling 'wet-op-de-maan' staat niet in de catalogus.");
    }

    // ------------------------------------------------------------------ additions

    @Test
    void theProgrammeOfficeAddsAnEntryAndTheAdditionIsAudited() {
        Map<String, Object> body = CatalogueTestEntries.body(CatalogueTestEntries.newId(), CatalogueTestEntries.newBwbId());
        long before = lastSystemEntry();
        HttpResponse<String> response = postJson(http, PATH, TestUsers.PROGRAMME_OFFICE, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = (String) body.get("id");
        assertThat(response.headers().firstValue("Location")).hasValue(PATH + "/" + id);
        JsonNode created = Http.json(response);
        assertThat(created.path("bwbId").asText()).isEqualTo(body.get("bwbId"));
        assertThat(created.path("version").asInt()).isZero();

        JsonNode read = ok(http.get(PATH + "/" + id, TestUsers.ROTTERDAM));
        assertThat(read.path("name").asText()).isEqualTo("Wet proef op de catalogus");
        assertThat(read.path("ministry").asText()).isEqualTo("bzk");
        assertThat(texts(read.path("ruleDomains"))).containsExactly("data-sharing", "municipal-finance");
        assertThat(ids(ok(http.get(PATH + "?domain=data-sharing", TestUsers.ROTTERDAM)))).contains(id);

        List<Map<String, Object>> audited = systemEntriesAfter(before, "national-rule-added");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("user_id")).isEqualTo(TestUsers.PROGRAMME_OFFICE);
        assertThat(audited.get(0).get("resource_id")).isEqualTo(id);
        JsonNode changes = parse(audited.get(0).get("changes"));
        assertThat(changes.path("old").isNull() || changes.path("old").isMissingNode()).as("no old values").isTrue();
        assertThat(changes.path("new").path("bwbId").asText()).isEqualTo(body.get("bwbId"));
    }

    @Test
    void anAdditionWithManyMistakesReportsThemAllAndStoresNothing() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "Wet Op De Maan!");
        body.put("bwbId", "BWB123");
        body.put("name", "n".repeat(201));
        body.put("abbreviation", "a".repeat(33));
        body.put("ministry", "defensie");
        body.put("ruleDomains", List.of());
        body.put("remark", "niet bekend");
        long before = lastSystemEntry();
        JsonNode problem = assertProblem(postJson(http, PATH, TestUsers.PROGRAMME_OFFICE, body), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("remark", "id", "bwbId", "name", "abbreviation",
                "ministry", "ruleDomains");
        assertThat(errorMessage(problem, "id")).contains("kleine letters");
        assertThat(errorMessage(problem, "bwbId")).contains("BWBR").contains("7 cijfers");
        assertThat(errorMessage(problem, "ruleDomains")).isEqualTo("Regeldomeinen is verplicht.");
        assertThat(count("Wet Op De Maan!")).isZero();
        assertThat(systemEntriesAfter(before, "national-rule-added")).isEmpty();

        JsonNode empty = assertProblem(postJson(http, PATH, TestUsers.PROGRAMME_OFFICE, Map.of()), 400);
        assertThat(errorFields(empty)).containsExactlyInAnyOrder("id", "bwbId", "name", "ministry", "ruleDomains");
    }

    @Test
    void aDuplicateIdOrBwbIdentifierIsAConflict() {
        long before = lastSystemEntry();
        JsonNode sameId = assertProblem(postJson(http, PATH, TestUsers.PROGRAMME_OFFICE,
                CatalogueTestEntries.body("participatiewet", CatalogueTestEntries.newBwbId())), 409);
        assertThat(sameId.path("detail").asText()).isEqualTo("Er staat al een regeling met id 'participatiewet' in de catalogus.");

        String id = CatalogueTestEntries.newId();
        JsonNode sameBwb = assertProblem(postJson(http, PATH, TestUsers.PROGRAMME_OFFICE,
                CatalogueTestEntries.body(id, "BWBR0015703")), 409);
        assertThat(sameBwb.path("detail").asText())
                .isEqualTo("BWB-identificatie BWBR0015703 staat al in de catalogus, bij 'participatiewet'.");
        assertThat(count(id)).isZero();
        assertThat(systemEntriesAfter(before, "national-rule-added")).isEmpty();
    }

    @Test
    void onlyTheProgrammeOfficeMaintainsTheCatalogue() {
        String existing = CatalogueTestEntries.add(http);
        for (String user : List.of(TestUsers.ROTTERDAM, TestUsers.REVIEWER_SZW, TestUsers.LEAD_SZW,
                TestUsers.PROGRAMME_DIRECTOR, TestUsers.AUDITOR, TestUsers.ADMIN)) {
            String id = CatalogueTestEntries.newId();
            assertProblem(postJson(http, PATH, user, CatalogueTestEntries.body(id, CatalogueTestEntries.newBwbId())), 403);
            assertThat(count(id)).as("added by %s", user).isZero();
            Map<String, Object> change = CatalogueTestEntries.change(CatalogueTestEntries.newBwbId(), "Door " + user, 0);
            assertProblem(put(PATH + "/" + existing, user, change), 403);
        }
        JsonNode unchanged = ok(http.get(PATH + "/" + existing, TestUsers.AUDITOR));
        assertThat(unchanged.path("name").asText()).isEqualTo("Wet proef op de catalogus");
        assertThat(unchanged.path("version").asInt()).isZero();
    }

    // ------------------------------------------------------------------ corrections

    @Test
    void theProgrammeOfficeCorrectsAnEntryWithTheVersionItReadAndTheChangeIsAudited() {
        String id = CatalogueTestEntries.add(http);
        String bwbId = CatalogueTestEntries.newBwbId();
        long before = lastSystemEntry();
        Map<String, Object> change = CatalogueTestEntries.change(bwbId, "Wet proef op de catalogus 2027", 0);
        change.put("ruleDomains", List.of("social-support"));
        change.put("ministry", "vws");
        HttpResponse<String> response = put(PATH + "/" + id, TestUsers.PROGRAMME_OFFICE, change);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode changed = Http.json(response);
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(changed.path("bwbId").asText()).isEqualTo(bwbId);

        JsonNode read = ok(http.get(PATH + "/" + id, TestUsers.ROTTERDAM));
        assertThat(read.path("name").asText()).isEqualTo("Wet proef op de catalogus 2027");
        assertThat(read.path("ministry").asText()).isEqualTo("vws");
        assertThat(texts(read.path("ruleDomains"))).containsExactly("social-support");

        List<Map<String, Object>> audited = systemEntriesAfter(before, "national-rule-changed");
        assertThat(audited).hasSize(1);
        JsonNode changes = parse(audited.get(0).get("changes"));
        assertThat(changes.path("old").path("name").asText()).isEqualTo("Wet proef op de catalogus");
        assertThat(changes.path("old").path("ministry").asText()).isEqualTo("bzk");
        assertThat(changes.path("new").path("name").asText()).isEqualTo("Wet proef op de catalogus 2027");
        assertThat(changes.path("new").path("version").asInt()).isEqualTo(1);

        // a colleague who read version 0 is told the entry changed in between
        JsonNode stale = assertProblem(put(PATH + "/" + id, TestUsers.PROGRAMME_OFFICE,
                CatalogueTestEntries.change(CatalogueTestEntries.newBwbId(), "Verouderd", 0)), 409);
        assertThat(stale.path("detail").asText()).contains("intussen gewijzigd").contains("versie 1");
        assertThat(ok(http.get(PATH + "/" + id, TestUsers.ROTTERDAM)).path("name").asText())
                .isEqualTo("Wet proef op de catalogus 2027");
        assertThat(systemEntriesAfter(before, "national-rule-changed")).hasSize(1);
    }

    @Test
    void aCorrectionIsCheckedLikeAnAddition() {
        String id = CatalogueTestEntries.add(http);
        Map<String, Object> withoutVersion = CatalogueTestEntries.change("BWBR12", "", 0);
        withoutVersion.remove("version");
        withoutVersion.put("id", "andere-id");
        JsonNode problem = assertProblem(put(PATH + "/" + id, TestUsers.PROGRAMME_OFFICE, withoutVersion), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("id", "bwbId", "name", "version");

        JsonNode otherEntrysBwb = assertProblem(put(PATH + "/" + id, TestUsers.PROGRAMME_OFFICE,
                CatalogueTestEntries.change("BWBR0034925", "Wet proef op de catalogus", 0)), 409);
        assertThat(otherEntrysBwb.path("detail").asText()).contains("bij 'jeugdwet'");

        JsonNode notFound = assertProblem(put(PATH + "/wet-op-de-maan", TestUsers.PROGRAMME_OFFICE,
                CatalogueTestEntries.change(CatalogueTestEntries.newBwbId(), "Wet op de maan", 0)), 404);
        assertThat(notFound.path("detail").asText()).isEqualTo("Regeling 'wet-op-de-maan' staat niet in de catalogus.");
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> put(String path, String user, Object body) {
        return http.send(http.request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    private long lastSystemEntry() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    private List<Map<String, Object>> systemEntriesAfter(long id, String action) {
        return jdbc.sql("SELECT * FROM audit_event WHERE chain = 'system' AND id > ? AND action = ? ORDER BY id")
                .params(id, action).query().listOfRows();
    }

    private int count(String id) {
        return jdbc.sql("SELECT count(*) FROM national_rule WHERE id = ?").param(id).query(Integer.class).single();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return Http.json(response);
    }

    private List<String> idsIn(JsonNode entries, String filter, String code) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> {
            if (texts(entry.path("ruleDomains")).contains(code)) {
                ids.add(entry.path("id").asText());
            }
        });
        assertThat(ids(ok(http.get(PATH + "?" + filter + "=" + code, TestUsers.ROTTERDAM))))
                .as("the %s filter agrees with the list", code).containsExactlyInAnyOrderElementsOf(ids);
        return ids;
    }

    private static List<String> ids(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false).map(entry -> entry.path("id").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode parse(Object json) {
        try {
            return new ObjectMapper().readTree(json.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

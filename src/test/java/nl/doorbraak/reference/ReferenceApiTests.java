package nl.doorbraak.reference;

import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@PostgresIntegrationTest
class ReferenceApiTests {

    static final List<String> ENDPOINTS = List.of(
            "/api/v1/municipalities", "/api/v1/municipalities/0599",
            "/api/v1/focus-areas", "/api/v1/focus-areas/rotterdam-zuid",
            "/api/v1/ministries", "/api/v1/ministries/szw",
            "/api/v1/rule-domains", "/api/v1/rule-domains/income-support");

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void listsTheNineteenMunicipalitiesOfTheProgramme() {
        JsonNode municipalities = Http.json(ok(http.get("/api/v1/municipalities", TestUsers.ROTTERDAM)));
        assertThat(municipalities).hasSize(19);
        assertThat(codes(municipalities)).contains("0599", "0363", "0518", "1674");
        JsonNode denHaag = find(municipalities, "0518");
        assertThat(denHaag.path("name").asText()).isEqualTo("Den Haag");
        assertThat(denHaag.path("officialName").asText()).isEqualTo("'s-Gravenhage");
    }

    @Test
    void listsTheTwentyFocusAreasWithTheirMunicipality() {
        JsonNode focusAreas = Http.json(ok(http.get("/api/v1/focus-areas", TestUsers.REVIEWER_SZW)));
        assertThat(focusAreas).hasSize(20);
        assertThat(find(focusAreas, "rotterdam-zuid").path("municipalityCode").asText()).isEqualTo("0599");

        JsonNode amsterdam = Http.json(ok(http.get("/api/v1/focus-areas?municipality=0363", TestUsers.AUDITOR)));
        assertThat(codes(amsterdam)).containsExactly("amsterdam-nieuw-west", "amsterdam-zuidoost");
    }

    @Test
    void listsMinistriesAndTheRuleDomainsTheyOwn() {
        assertThat(codes(Http.json(ok(http.get("/api/v1/ministries", TestUsers.PROGRAMME_OFFICE)))))
                .containsExactly("bzk", "fin", "jenv", "ocw", "szw", "vro", "vws");
        JsonNode domains = Http.json(ok(http.get("/api/v1/rule-domains", TestUsers.PROGRAMME_OFFICE)));
        assertThat(domains).hasSize(14);
        assertThat(find(domains, "income-support").path("ministryCode").asText()).isEqualTo("szw");
        assertThat(find(domains, "income-support").path("name").asText()).isEqualTo("Inkomensondersteuning");
        assertThat(find(domains, "data-sharing").path("ministryCode").asText()).isEqualTo("jenv");
        assertThat(find(domains, "benefits-and-allowances").path("ministryCode").asText()).isEqualTo("fin");
    }

    @Test
    void readsOneItemByCode() {
        assertThat(Http.json(ok(http.get("/api/v1/ministries/szw", TestUsers.ROTTERDAM))).path("abbreviation").asText())
                .isEqualTo("SZW");
        assertThat(Http.json(ok(http.get("/api/v1/focus-areas/heerlen-noord", TestUsers.ROTTERDAM))).path("name").asText())
                .isEqualTo("Heerlen-Noord");
    }

    @Test
    void anUnknownCodeIsAProblem404() {
        JsonNode problem = assertProblem(http.get("/api/v1/municipalities/9999", TestUsers.ROTTERDAM), 404);
        assertThat(problem.path("detail").asText()).isEqualTo("Gemeente '9999' bestaat niet.");
        assertProblem(http.get("/api/v1/rule-domains/astrology", TestUsers.ROTTERDAM), 404);
    }

    static List<String> endpoints() {
        return ENDPOINTS;
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyRoleMayReadReferenceData(String endpoint) {
        for (String user : TestUsers.ONE_OF_EACH_ROLE) {
            assertThat(http.get(endpoint, user).statusCode()).as("%s as %s", endpoint, user).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anonymousCallersAreTurnedAway(String endpoint) {
        HttpResponse<String> response = http.get(endpoint);
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return response;
    }

    private static List<String> codes(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("code").asText()).toList();
    }

    private static JsonNode find(JsonNode items, String code) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> code.equals(item.path("code").asText())).findFirst().orElseThrow();
    }
}

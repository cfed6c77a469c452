package nl.doorbraak.catalogue;

import static nl.doorbraak.support.CaseSteps.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.TestUsers;

/**
 * Catalogue entries tests add through the API, with ids and BWB identifiers no real entry has
 * ({@code proef-…}, {@code BWBR9…}); {@link #removeAll} takes them out again, so that every test
 * class sees the catalogue as the migrations seeded it (the start form's options are compared with it).
 */
public final class CatalogueTestEntries {

    public static final String PREFIX = "proef-";

    private CatalogueTestEntries() {
    }

    public static String newId() {
        return PREFIX + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static String newBwbId() {
        return "BWBR9" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    public static Map<String, Object> body(String id, String bwbId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("bwbId", bwbId);
        body.put("name", "Wet proef op de catalogus");
        body.put("abbreviation", "Wpc");
        body.put("ministry", "bzk");
        body.put("ruleDomains", List.of("municipal-finance", "data-sharing"));
        return body;
    }

    public static Map<String, Object> change(String bwbId, String name, int version) {
        Map<String, Object> body = body(null, bwbId);
        body.remove("id");
        body.put("name", name);
        body.put("version", version);
        return body;
    }

    /** Adds an entry as the programme office; its id. */
    public static String add(Http http) {
        String id = newId();
        HttpResponse<String> response = postJson(http, "/api/v1/national-rules", TestUsers.PROGRAMME_OFFICE,
                body(id, newBwbId()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id;
    }

    /** Removes every entry the tests added (and a test request's link to one). */
    public static void removeAll(JdbcClient jdbc) {
        jdbc.sql("UPDATE request SET national_rule_id = NULL WHERE national_rule_id LIKE ?").param(PREFIX + "%").update();
        jdbc.sql("DELETE FROM national_rule_domain WHERE national_rule_id LIKE ?").param(PREFIX + "%").update();
        jdbc.sql("DELETE FROM national_rule WHERE id LIKE ?").param(PREFIX + "%").update();
    }
}

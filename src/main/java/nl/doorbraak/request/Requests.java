package nl.doorbraak.request;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.catalogue.NationalRules;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case file table, and who may see which rows of it. */
@Repository
public class Requests {

    private static final String COLUMNS = """
            id, reference, kind, municipality_code, focus_area_code, title, payload, status, urgency, contact_email,
            submitted_by, submitted_at, updated_at, closed_at, process_instance_id, version""";

    /** Rows the caller may see: their municipality's, those routed to their ministries, or all. */
    private static final String VISIBLE = """
            (:all OR municipality_code = :municipality
             OR id IN (SELECT request_id FROM request_ministry WHERE ministry_code IN (:ministries)))""";

    private final JdbcClient jdbc;

    Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RequestRecord request, String idempotencyKey) {
        jdbc.sql("INSERT INTO request (" + COLUMNS + ", idempotency_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(request.id(), request.reference(), request.kind(), request.municipalityCode(),
                        request.focusAreaCode(), request.title(), request.payload(), request.status(), request.urgency(),
                        request.contactEmail(), request.submittedBy(), request.submittedAt(), request.updatedAt(),
                        request.closedAt(), request.processInstanceId(), request.version(), idempotencyKey)
                .update();
    }

    /** The rule a rule-change request is about: its catalogue entry (if any), its name in words, its article. */
    void recordRule(UUID requestId, String nationalRule, String regulation, String article) {
        jdbc.sql("UPDATE request SET national_rule_id = ?, regulation = ?, rule_article = ? WHERE id = ?")
                .params(nationalRule, regulation, NationalRules.articleKey(article), requestId).update();
    }

    /** The catalogue entry a request is linked to now (null when none) and its article as a comparable key. */
    public record LinkedRule(String nationalRule, String article) {
    }

    public LinkedRule linkedRule(UUID requestId) {
        return jdbc.sql("SELECT national_rule_id, rule_article FROM request WHERE id = ?").param(requestId)
                .query((rs, row) -> new LinkedRule(rs.getString(1), rs.getString(2))).single();
    }

    /**
     * Links the request to a catalogue entry and article as the intake confirmed or corrected them
     * (or to none); the free text the municipality wrote stays as it was.
     */
    public void linkRule(UUID requestId, String nationalRule, String article) {
        jdbc.sql("UPDATE request SET national_rule_id = ?, rule_article = ? WHERE id = ?")
                .params(nationalRule, NationalRules.articleKey(article), requestId).update();
    }

    /** The rule domains as the programme office classified them at intake. */
    public void reclassify(UUID requestId, List<String> ruleDomains) {
        jdbc.sql("DELETE FROM request_rule_domain WHERE request_id = ?").param(requestId).update();
        insertRuleDomains(requestId, ruleDomains);
    }

    /** One statement for all of them instead of a database round trip per domain. */
    void insertRuleDomains(UUID requestId, List<String> ruleDomains) {
        if (ruleDomains.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        ruleDomains.forEach(domain -> {
            params.add(requestId);
            params.add(domain);
        });
        jdbc.sql("INSERT INTO request_rule_domain (request_id, rule_domain_code) VALUES "
                + String.join(", ", Collections.nCopies(ruleDomains.size(), "(?, ?)"))).params(params).update();
    }

    void linkProcessInstance(UUID requestId, String processInstanceId) {
        jdbc.sql("UPDATE request SET process_instance_id = ?, version = version + 1 WHERE id = ?")
                .params(processInstanceId, requestId).update();
    }

    void updateStatus(UUID requestId, String status, boolean close) {
        OffsetDateTime now = CaseClock.now();
        jdbc.sql("""
                UPDATE request SET status = ?, updated_at = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END,
                       version = version + 1
                WHERE id = ?""")
                .params(status, now, close, now, requestId).update();
    }

    void close(UUID requestId) {
        OffsetDateTime now = CaseClock.now();
        jdbc.sql("UPDATE request SET closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(now, now, requestId).update();
    }

    /**
     * Locks the case file row until the transaction ends, so that steps on one case happen one
     * after the other: a second completion of the same task waits, then finds the task gone.
     */
    public void lock(UUID requestId) {
        jdbc.sql("SELECT id FROM request WHERE id = ? FOR UPDATE").param(requestId).query(UUID.class).list();
    }

    public Optional<RequestRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE id = ?").param(id)
                .query(RequestRecord.class).optional();
    }

    public RequestRecord get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No case file " + id));
    }

    public Optional<RequestRecord> findByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE reference = ?").param(reference)
                .query(RequestRecord.class).optional();
    }

    Optional<RequestRecord> findByIdempotencyKey(String municipalityCode, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE municipality_code = ? AND idempotency_key = ?")
                .params(municipalityCode, key).query(RequestRecord.class).optional();
    }

    /** The request, if the user may see it; otherwise nothing, as if it did not exist. */
    public Optional<RequestRecord> findVisible(String reference, DoorbraakUser user) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE reference = :reference AND " + VISIBLE)
                .paramSource(visibility(user).addValue("reference", reference))
                .query(RequestRecord.class).optional();
    }

    /** A page of the requests the user may see that pass the filter. */
    public List<RequestRecord> list(DoorbraakUser user, RequestFilter filter, long offset, int limit) {
        MapSqlParameterSource params = visibility(user);
        String conditions = filter.conditions(params);
        params.addValue("limit", limit).addValue("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE " + VISIBLE + conditions
                        + " ORDER BY " + filter.orderBy() + " LIMIT :limit OFFSET :offset")
                .paramSource(params).query(RequestRecord.class).list();
    }

    public long count(DoorbraakUser user, RequestFilter filter) {
        MapSqlParameterSource params = visibility(user);
        String conditions = filter.conditions(params);
        return jdbc.sql("SELECT count(*) FROM request WHERE " + VISIBLE + conditions).paramSource(params)
                .query(Long.class).single();
    }

    public List<String> ruleDomainsOf(UUID requestId) {
        return jdbc.sql("SELECT rule_domain_code FROM request_rule_domain WHERE request_id = ? ORDER BY rule_domain_code")
                .param(requestId).query(String.class).list();
    }

    public List<String> ministriesOf(UUID requestId) {
        return jdbc.sql("SELECT ministry_code FROM request_ministry WHERE request_id = ? ORDER BY ministry_code")
                .param(requestId).query(String.class).list();
    }

    /** Records the ministries a request was routed to; routing again adds the new ones. */
    public void routeTo(UUID requestId, Set<String> ministries) {
        OffsetDateTime now = CaseClock.now();
        List<String> known = ministriesOf(requestId);
        for (String ministry : ministries) {
            if (!known.contains(ministry)) {
                jdbc.sql("INSERT INTO request_ministry (request_id, ministry_code, routed_at) VALUES (?, ?, ?)")
                        .params(requestId, ministry, now).update();
            }
        }
    }

    private static MapSqlParameterSource visibility(DoorbraakUser user) {
        Set<String> ministries = user.involvedMinistryCodes();
        return new MapSqlParameterSource()
                .addValue("all", user.seesAllRequests())
                .addValue("municipality", user.municipalityCode().orElse("----"))
                // an empty IN list is not valid SQL; no ministry has this code
                .addValue("ministries", ministries.isEmpty() ? List.of("-") : List.copyOf(ministries));
    }
}

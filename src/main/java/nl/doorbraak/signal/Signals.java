package nl.doorbraak.signal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.CaseClock;

/** The signals and their links to requests: what other modules read, and the writes of this module. */
@Repository
public class Signals {

    private static final String COLUMNS = """
            id, reference, national_rule_id, article_key, ministry_code, status, started_by, start_reason,
            process_instance_id, created_at, due_at, answer_kind, answer, answer_reasons, answered_by, answered_at,
            version""";
    private static final String LINK_COLUMNS = """
            signal_id, request_id, linked_at, linked_by, link_reason, unlinked_at, unlinked_by, unlink_reason""";

    private final JdbcClient jdbc;

    Signals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Signal> find(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal WHERE reference = ?").param(reference)
                .query(Signal.class).optional();
    }

    public Optional<Signal> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal WHERE id = ?").param(id).query(Signal.class).optional();
    }

    /** The signals, newest first, narrowed by status, ministry and catalogue entry when given. */
    public List<Signal> list(String status, String ministryCode, String nationalRuleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal"
                        + " WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)"
                        + " AND (CAST(:ministry AS VARCHAR(16)) IS NULL OR ministry_code = :ministry)"
                        + " AND (CAST(:rule AS VARCHAR(64)) IS NULL OR national_rule_id = :rule)"
                        + " ORDER BY created_at DESC, reference DESC")
                .param("status", status).param("ministry", ministryCode).param("rule", nationalRuleId)
                .query(Signal.class).list();
    }

    /** Every link of the signal, current and former, in the order they were made. */
    public List<SignalLink> linksOf(UUID signalId) {
        return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM signal_request WHERE signal_id = ? ORDER BY linked_at, request_id")
                .param(signalId).query(SignalLink.class).list();
    }

    /** The requests linked to the signal now. */
    public List<UUID> linkedRequestIds(UUID signalId) {
        return jdbc.sql("""
                SELECT request_id FROM signal_request WHERE signal_id = ? AND unlinked_at IS NULL
                ORDER BY linked_at, request_id""").param(signalId).query(UUID.class).list();
    }

    /** The signal the request is linked to now, if any (an open one before an answered one). */
    public Optional<Signal> ofRequest(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "s.$1") + " FROM signal s"
                        + " JOIN signal_request l ON l.signal_id = s.id"
                        + " WHERE l.request_id = ? AND l.unlinked_at IS NULL"
                        + " ORDER BY CASE WHEN s.status = 'open' THEN 0 ELSE 1 END, s.created_at DESC")
                .param(requestId).query(Signal.class).list().stream().findFirst();
    }

    // ------------------------------------------------------------------ writes of this module

    /** The open signal on exactly this rule and article key (none: the regulation as a whole). */
    Optional<Signal> openOn(String nationalRuleId, String articleKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal WHERE open_key = ?")
                .param(openKey(nationalRuleId, articleKey)).query(Signal.class).optional();
    }

    void insert(Signal signal) {
        jdbc.sql("""
                INSERT INTO signal (id, reference, national_rule_id, article_key, ministry_code, status, open_key,
                                    started_by, start_reason, created_at)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)""")
                .params(signal.id(), signal.reference(), signal.nationalRuleId(), signal.articleKey(),
                        signal.ministryCode(), openKey(signal.nationalRuleId(), signal.articleKey()), signal.startedBy(),
                        signal.startReason(), signal.createdAt())
                .update();
    }

    void processStarted(UUID signalId, String processInstanceId) {
        jdbc.sql("UPDATE signal SET process_instance_id = ?, version = version + 1 WHERE id = ?")
                .params(processInstanceId, signalId).update();
    }

    void due(UUID signalId, OffsetDateTime dueAt) {
        jdbc.sql("UPDATE signal SET due_at = ?, version = version + 1 WHERE id = ?").params(dueAt, signalId).update();
    }

    /** Holds the signal's row until the transaction ends: links, unlinks and the answer one after the other. */
    public void lock(UUID signalId) {
        jdbc.sql("SELECT id FROM signal WHERE id = ? FOR UPDATE").param(signalId).query(UUID.class).list();
    }

    void answer(UUID signalId, String kind, String answer, String reasons, String answeredBy) {
        jdbc.sql("""
                UPDATE signal SET status = 'answered', open_key = NULL, answer_kind = ?, answer = ?, answer_reasons = ?,
                                  answered_by = ?, answered_at = ?, version = version + 1
                WHERE id = ? AND status = 'open'""")
                .params(kind, answer, reasons, answeredBy, CaseClock.now(), signalId).update();
    }

    void link(UUID signalId, UUID requestId, String by, String reason) {
        jdbc.sql("""
                INSERT INTO signal_request (signal_id, request_id, linked_at, linked_by, link_reason)
                VALUES (?, ?, ?, ?, ?)""")
                .params(signalId, requestId, CaseClock.now(), by, reason).update();
    }

    /** @return whether the request was linked (and is unlinked now) */
    boolean unlink(UUID signalId, UUID requestId, String by, String reason) {
        return jdbc.sql("""
                UPDATE signal_request SET unlinked_at = ?, unlinked_by = ?, unlink_reason = ?
                WHERE signal_id = ? AND request_id = ? AND unlinked_at IS NULL""")
                .params(CaseClock.now(), by, reason, signalId, requestId).update() == 1;
    }

    static String openKey(String nationalRuleId, String articleKey) {
        return nationalRuleId + "|" + (articleKey == null ? "" : articleKey);
    }
}

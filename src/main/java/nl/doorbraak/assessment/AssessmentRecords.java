package nl.doorbraak.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.CaseClock;

/** The advice and information-request tables. */
@Repository
public class AssessmentRecords {

    private final JdbcClient jdbc;

    AssessmentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertAdvice(UUID requestId, Advice advice) {
        jdbc.sql("""
                INSERT INTO advice (id, request_id, ministry_code, advice, rationale, proposed_instrument, conditions,
                                    advised_by, requested_at, advised_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), requestId, advice.ministryCode(), advice.advice(), advice.rationale(),
                        advice.proposedInstrument(), advice.conditions(), advice.advisedBy(), advice.requestedAt(),
                        advice.advisedAt(), advice.dueAt())
                .update();
    }

    public List<Advice> advicesOn(UUID requestId) {
        return jdbc.sql("""
                SELECT ministry_code, advice, rationale, proposed_instrument, conditions, advised_by, requested_at,
                       advised_at, due_at
                FROM advice WHERE request_id = ? ORDER BY advised_at, ministry_code""")
                .param(requestId).query(Advice.class).list();
    }

    UUID insertInformationRequest(UUID requestId, String askedBy, String question) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO information_request (id, request_id, asked_by, question, asked_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(id, requestId, askedBy, question, now()).update();
        return id;
    }

    void answer(UUID informationRequestId, String answer, String answeredBy) {
        jdbc.sql("UPDATE information_request SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ?")
                .params(answer, answeredBy, now(), informationRequestId).update();
    }

    void lapse(UUID informationRequestId) {
        jdbc.sql("UPDATE information_request SET lapsed_at = ? WHERE id = ? AND answered_at IS NULL")
                .params(now(), informationRequestId).update();
    }

    public List<InformationRequest> informationRequestsOn(UUID requestId) {
        return jdbc.sql("""
                SELECT id, asked_by, question, asked_at, answer, answered_by, answered_at, lapsed_at
                FROM information_request WHERE request_id = ? ORDER BY asked_at, id""")
                .param(requestId).query(InformationRequest.class).list();
    }

    static OffsetDateTime now() {
        return CaseClock.now();
    }

    static OffsetDateTime at(Object date) {
        return date instanceof Date d ? d.toInstant().atOffset(ZoneOffset.UTC) : null;
    }
}

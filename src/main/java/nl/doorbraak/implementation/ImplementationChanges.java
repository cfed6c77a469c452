package nl.doorbraak.implementation;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;

/** The implementation_change and implementation_stage tables: the one place that reads and writes them. */
@Repository
public class ImplementationChanges {

    private final JdbcClient jdbc;
    private final ReferenceData referenceData;

    ImplementationChanges(JdbcClient jdbc, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
    }

    /** The change followed for the request, if any. */
    public Optional<ImplementationChange> ofRequest(UUID requestId) {
        return jdbc.sql("SELECT id FROM implementation_change WHERE request_id = ?").param(requestId)
                .query(UUID.class).optional().map(this::get);
    }

    /** What the request's reader sees of the change followed for it, if any. */
    public Optional<ImplementationView> viewOf(UUID requestId) {
        return ofRequest(requestId).map(change -> ImplementationView.of(change, referenceData
                .ministry(change.ministryCode()).map(ministry -> ministry.abbreviation()).orElse(change.ministryCode())));
    }

    /** The change by its id. */
    public Optional<ImplementationChange> find(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM implementation_change WHERE id = ?").param(id).query(Long.class).single() == 0
                ? Optional.empty() : Optional.of(get(id));
    }

    ImplementationChange get(UUID id) {
        List<ImplementationChange.Stage> stages = jdbc.sql("""
                        SELECT stage, sequence, label, optional, target_on, reminder_before, reached_on, skipped, note
                        FROM implementation_stage WHERE change_id = ? ORDER BY sequence""").param(id)
                .query((rs, row) -> new ImplementationChange.Stage(rs.getString("stage"), rs.getInt("sequence"),
                        rs.getString("label"), rs.getBoolean("optional"), rs.getObject("target_on", LocalDate.class),
                        rs.getString("reminder_before"),
                        rs.getObject("reached_on", LocalDate.class), rs.getBoolean("skipped"), rs.getString("note")))
                .list();
        return jdbc.sql("""
                        SELECT id, request_id, change_kind, started_by_step, instrument, ministry_code, current_stage,
                               started_at, in_force_on, stopped_at, stop_reason
                        FROM implementation_change WHERE id = ?""").param(id)
                .query((rs, row) -> new ImplementationChange(rs.getObject("id", UUID.class),
                        rs.getObject("request_id", UUID.class), rs.getString("change_kind"),
                        rs.getString("started_by_step"), rs.getString("instrument"), rs.getString("ministry_code"),
                        rs.getString("current_stage"), rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("in_force_on", LocalDate.class), rs.getObject("stopped_at", OffsetDateTime.class),
                        rs.getString("stop_reason"), stages))
                .single();
    }

    void insert(ImplementationChange change) {
        jdbc.sql("""
                        INSERT INTO implementation_change (id, request_id, change_kind, started_by_step, instrument,
                                                           ministry_code, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(change.id(), change.requestId(), change.changeKind(), change.startedByStep(),
                        change.instrument(), change.ministryCode(), change.startedAt())
                .update();
        for (ImplementationChange.Stage stage : change.stages()) {
            jdbc.sql("""
                            INSERT INTO implementation_stage (change_id, stage, sequence, label, optional, target_on,
                                                              reminder_before)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(change.id(), stage.stage(), stage.sequence(), stage.label(), stage.optional(),
                            Date.valueOf(stage.targetOn()), stage.reminderBefore())
                    .update();
        }
    }

    void processStarted(UUID changeId, String processInstanceId) {
        jdbc.sql("UPDATE implementation_change SET process_instance_id = ? WHERE id = ?")
                .params(processInstanceId, changeId).update();
    }

    /** Following the change stops, as its decision was revoked; false if it had stopped already. */
    boolean stop(UUID changeId, OffsetDateTime at, String reason) {
        return jdbc.sql("""
                        UPDATE implementation_change SET stopped_at = ?, stop_reason = ?, version = version + 1
                        WHERE id = ? AND stopped_at IS NULL""")
                .params(at, reason, changeId).update() == 1;
    }

    /**
     * The stage is reached on the date given; the optional stages before it that are still open
     * are skipped. Reaching "in force" records the date the changed rule came into force.
     */
    void reached(UUID changeId, ImplementationChange.Stage stage, LocalDate on, String note, String by) {
        jdbc.sql("""
                        UPDATE implementation_stage SET skipped = TRUE, reported_by = ?, reported_at = ?
                        WHERE change_id = ? AND sequence < ? AND reached_on IS NULL AND skipped = FALSE""")
                .params(by, CaseClock.now(), changeId, stage.sequence()).update();
        jdbc.sql("""
                        UPDATE implementation_stage SET reached_on = ?, note = ?, reported_by = ?, reported_at = ?
                        WHERE change_id = ? AND stage = ?""")
                .params(Date.valueOf(on), note, by, CaseClock.now(), changeId, stage.stage()).update();
        jdbc.sql("""
                        UPDATE implementation_change SET current_stage = ?, version = version + 1,
                               in_force_on = CASE WHEN ? THEN ? ELSE in_force_on END
                        WHERE id = ?""")
                .params(stage.stage(), ImplementationChange.IN_FORCE.equals(stage.stage()), Date.valueOf(on), changeId)
                .update();
    }
}

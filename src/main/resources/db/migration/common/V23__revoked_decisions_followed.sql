-- A revoked decision stops the change of rules it promised, where the change is not yet in force:
-- the implementation module records when and why. The progress report reads both the stop and the
-- revocation itself (report_decision.revoked_at), so a revoked decision is no longer counted as a
-- breakthrough that stands.
ALTER TABLE implementation_change ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE implementation_change ADD COLUMN stop_reason VARCHAR(5000);

DROP VIEW report_implementation_changes;
CREATE VIEW report_implementation_changes AS
SELECT id, request_id, change_kind, started_by_step, instrument, ministry_code, started_at, in_force_on, stopped_at
FROM implementation_change;

DROP VIEW report_decision;
CREATE VIEW report_decision AS
SELECT id, request_id, outcome, instrument, decided_at, evaluation_date, evaluation_delivered_at, revoked_at FROM decision;

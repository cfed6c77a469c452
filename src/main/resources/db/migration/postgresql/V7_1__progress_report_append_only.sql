-- A stored progress report is what was sent to parliament: it is never changed or removed.
CREATE TRIGGER progress_report_append_only BEFORE UPDATE OR DELETE ON progress_report
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER progress_report_no_truncate BEFORE TRUNCATE ON progress_report
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

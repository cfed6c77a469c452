-- For the progress report: which requests a signal covered, and when (an unlinked request keeps
-- its row with the moment it was unlinked), so a report counts the links as of the end of its
-- period and a municipality's report shows only the signals its own requests are linked to.
CREATE VIEW report_signal_request AS
SELECT signal_id, request_id, linked_at, unlinked_at
FROM signal_request;

-- What the assessment module lets other modules read of the ministries' advice, as a view.
CREATE VIEW report_advice AS
SELECT request_id, ministry_code, requested_at, advised_at, due_at FROM advice;

-- Reference numbers that were taken from request_number_seq but never became a request: a submission
-- that failed after taking its number (recorded when its transaction rolled back), or one interrupted
-- so hard that nothing could be recorded then (found later as a gap). Each is also on the audit trail.
CREATE TABLE unused_reference_number (
    number      BIGINT        PRIMARY KEY,
    reference   VARCHAR(20)   NOT NULL,
    reason      VARCHAR(200)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

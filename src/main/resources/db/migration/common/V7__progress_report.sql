-- The progress report to parliament, stored at the end of every period exactly as it was
-- generated; its hash is also in the audit trail.
CREATE TABLE progress_report (
    period        VARCHAR(30)  PRIMARY KEY,   -- e.g. 2026-H1
    first_day     DATE         NOT NULL,
    last_day      DATE         NOT NULL,
    generated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    content       TEXT         NOT NULL,      -- the report as canonical JSON
    content_hash  CHAR(64)     NOT NULL       -- SHA-256 of content, hex
);

-- The national rule a rule-change request is about, as submitted, so that recurring bottlenecks
-- are found without reading every case file's JSON.
ALTER TABLE request ADD COLUMN regulation VARCHAR(200);
CREATE INDEX request_kind_submitted_idx ON request (kind, submitted_at);
CREATE INDEX decision_decided_at_idx ON decision (decided_at);
CREATE INDEX advice_advised_at_idx ON advice (advised_at);

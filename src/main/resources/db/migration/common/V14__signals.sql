-- Recurring obstacles: when requests from several focus areas name the same national rule (and
-- article), one signal asks the responsible ministry for a structural answer. Owned by the signal
-- module; the progress report reads report_signals.
CREATE SEQUENCE signal_number_seq START WITH 1;

CREATE TABLE signal (
    id                  UUID          PRIMARY KEY,
    reference           VARCHAR(20)   NOT NULL UNIQUE,      -- SIG-2026-001
    national_rule_id    VARCHAR(64)   NOT NULL REFERENCES national_rule (id),
    article_key         VARCHAR(100),                       -- NULL: the regulation as a whole
    ministry_code       VARCHAR(16)   NOT NULL REFERENCES ministry (code),
    status              VARCHAR(16)   NOT NULL,             -- open, answered
    -- rule and article while the signal is open, NULL after: a unique column allows many NULLs in
    -- both H2 and PostgreSQL, so this is "at most one open signal per rule and article" without a
    -- partial index (which H2 lacks)
    open_key            VARCHAR(170)  UNIQUE,
    started_by          VARCHAR(64)   NOT NULL,             -- 'automatic' or the user id
    start_reason        VARCHAR(2000) NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE,
    answer_kind         VARCHAR(32),                        -- change-rule, guidance, general-exemption, no-change
    answer              TEXT,
    answer_reasons      TEXT,
    answered_by         VARCHAR(64),
    answered_at         TIMESTAMP WITH TIME ZONE,
    version             INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT signal_status_check CHECK (status IN ('open', 'answered')),
    CONSTRAINT signal_open_key_check CHECK ((status = 'open') = (open_key IS NOT NULL))
);
CREATE INDEX signal_rule_idx ON signal (national_rule_id, article_key);
CREATE INDEX signal_ministry_idx ON signal (ministry_code, status);

-- Which requests a signal covers; an unlinked request keeps its row, with who unlinked it and why.
CREATE TABLE signal_request (
    signal_id     UUID          NOT NULL REFERENCES signal (id),
    request_id    UUID          NOT NULL REFERENCES request (id),
    linked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by     VARCHAR(64)   NOT NULL,
    link_reason   VARCHAR(2000) NOT NULL,
    unlinked_at   TIMESTAMP WITH TIME ZONE,
    unlinked_by   VARCHAR(64),
    unlink_reason VARCHAR(2000),
    PRIMARY KEY (signal_id, request_id, linked_at)
);
CREATE INDEX signal_request_request_idx ON signal_request (request_id);

-- For the progress report: each signal with its rule, state, answer and the number of requests
-- (and focus areas) linked to it now.
CREATE VIEW report_signals AS
SELECT s.id, s.reference, s.national_rule_id, s.article_key, s.ministry_code, s.status, s.started_by,
       s.created_at, s.due_at, s.answer_kind, s.answer, s.answered_at,
       (SELECT COUNT(*) FROM signal_request l WHERE l.signal_id = s.id AND l.unlinked_at IS NULL) AS linked_requests
FROM signal s;

-- The case deadline (doorlooptijd) of each request, from submission to decision, in working days
-- as the case-deadlines table gives them: suspended while the municipality is asked for
-- information (Awb 4:15) or by hand, extended once. Owned by the casedeadline module; the progress
-- report reads report_case_deadlines.
CREATE TABLE case_deadline (
    request_id              UUID          PRIMARY KEY REFERENCES request (id),
    period_days             INTEGER       NOT NULL,           -- working days, from the table
    max_extension_days      INTEGER       NOT NULL,           -- the longest extension, from the table
    started_on              DATE          NOT NULL,           -- the day of submission
    original_due_on         DATE          NOT NULL,
    due_on                  DATE          NOT NULL,           -- now, without a running suspension
    suspended_since         DATE,                             -- NULL: not suspended
    suspension_reason       VARCHAR(5000),
    suspended_automatically BOOLEAN       NOT NULL DEFAULT FALSE,  -- by an information request
    extended_on             DATE,                             -- NULL: not extended
    extension_reason        VARCHAR(5000),
    closed_at               TIMESTAMP WITH TIME ZONE,
    outcome                 VARCHAR(16),                      -- met, exceeded, withdrawn, lapsed, ended
    exceeded_by             INTEGER,                          -- working days past due_on when decided
    passed_noticed_at       TIMESTAMP WITH TIME ZONE,         -- the programme office was told it passed
    version                 INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT case_deadline_outcome_check CHECK (outcome IN ('met', 'exceeded', 'withdrawn', 'lapsed', 'ended'))
);
CREATE INDEX case_deadline_open_idx ON case_deadline (due_on, closed_at);

-- Every change of a case deadline, oldest first: set at submission, suspended and resumed (by whom,
-- or automatically for an information request), extended, passed, closed.
CREATE TABLE case_deadline_change (
    id            UUID          PRIMARY KEY,
    request_id    UUID          NOT NULL REFERENCES request (id),
    sequence      INTEGER       NOT NULL,                     -- 1, 2, ... per request
    change_kind   VARCHAR(16)   NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    VARCHAR(64),                                -- NULL: automatically
    reason        VARCHAR(5000),
    due_on        DATE          NOT NULL,                     -- the deadline after the change
    working_days  INTEGER,                                    -- resumed: days suspended; closed: exceeded by
    CONSTRAINT case_deadline_change_check CHECK (change_kind IN ('set', 'suspended', 'resumed', 'extended', 'passed',
                                                            'closed')),
    CONSTRAINT case_deadline_change_sequence_unique UNIQUE (request_id, sequence)
);

-- For the progress report: each case deadline, to tell which cases were past it at the end of a
-- period and which were decided late in it.
CREATE VIEW report_case_deadlines AS
SELECT request_id, started_on, original_due_on, due_on, suspended_since, closed_at, outcome, exceeded_by
FROM case_deadline;

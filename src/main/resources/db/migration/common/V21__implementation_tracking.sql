-- Implementation tracking: a granted law or policy change, or an evaluation concluding "make
-- structural", is followed at the responsible ministry until the changed rule is in force. Owned
-- by the implementation module; the progress report reads report_implementation_changes and
-- report_implementation_stages.
CREATE TABLE implementation_change (
    id                  UUID          PRIMARY KEY,
    request_id          UUID          NOT NULL UNIQUE REFERENCES request (id),
    change_kind         VARCHAR(16)   NOT NULL,             -- law, policy (implementation-trigger table)
    started_by_step     VARCHAR(20)   NOT NULL,             -- decision, make-structural
    instrument          VARCHAR(32)   NOT NULL,             -- the decision's instrument
    ministry_code       VARCHAR(16)   NOT NULL REFERENCES ministry (code),
    current_stage       VARCHAR(32),                        -- the last stage reached; NULL: none yet
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    in_force_on         DATE,                               -- when the changed rule came into force
    process_instance_id VARCHAR(64),
    version             INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT implementation_change_kind_check CHECK (change_kind IN ('law', 'policy')),
    CONSTRAINT implementation_change_step_check CHECK (started_by_step IN ('decision', 'make-structural'))
);
CREATE INDEX implementation_change_ministry_idx ON implementation_change (ministry_code);

-- The stages of a change as the implementation-stages table planned them, each with its target
-- date and, once the ministry reported it, the date it was reached (or that it was skipped, for an
-- optional stage).
CREATE TABLE implementation_stage (
    change_id    UUID          NOT NULL REFERENCES implementation_change (id),
    stage        VARCHAR(32)   NOT NULL,
    sequence     INTEGER       NOT NULL,
    label        VARCHAR(100)  NOT NULL,
    optional     BOOLEAN       NOT NULL,
    target_on    DATE          NOT NULL,
    reminder_before VARCHAR(16) NOT NULL,                   -- ISO period: the reminder before target_on
    reached_on   DATE,
    skipped      BOOLEAN       NOT NULL DEFAULT FALSE,
    note         VARCHAR(5000),
    reported_by  VARCHAR(64),
    reported_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (change_id, stage),
    CONSTRAINT implementation_stage_sequence_unique UNIQUE (change_id, sequence)
);

-- For the progress report: each change (promised when started, in force from in_force_on) and
-- each stage with its target and reached dates, so a report counts them as of the end of its period.
CREATE VIEW report_implementation_changes AS
SELECT id, request_id, change_kind, started_by_step, instrument, ministry_code, started_at, in_force_on
FROM implementation_change;

CREATE VIEW report_implementation_stages AS
SELECT change_id, stage, sequence, label, target_on, reached_on, skipped
FROM implementation_stage;

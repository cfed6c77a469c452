-- The case files of requests and what happens to them. The engine keeps the process state;
-- these tables keep the case itself (DESIGN.md, "Data").

-- Reference numbers: NPLV-<year>-<number>. A sequence never blocks concurrent submissions;
-- a number taken by a rolled-back submission stays unused.
CREATE SEQUENCE request_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE request (
    id                  UUID          PRIMARY KEY,
    reference           VARCHAR(20)   NOT NULL UNIQUE,
    kind                VARCHAR(20)   NOT NULL,
    municipality_code   CHAR(4)       NOT NULL REFERENCES municipality (code),
    focus_area_code     VARCHAR(64)   NOT NULL REFERENCES focus_area (code),
    title               VARCHAR(200)  NOT NULL,
    payload             TEXT          NOT NULL,   -- the submission as validated, canonical JSON
    status              VARCHAR(32)   NOT NULL,
    urgency             VARCHAR(16)   NOT NULL,
    contact_email       VARCHAR(254)  NOT NULL,
    submitted_by        VARCHAR(64)   NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64),
    idempotency_key     VARCHAR(100),
    version             INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT request_idempotency UNIQUE (municipality_code, idempotency_key)
);
CREATE INDEX request_municipality_idx ON request (municipality_code, submitted_at);
CREATE INDEX request_status_idx ON request (status);

CREATE TABLE request_rule_domain (
    request_id       UUID        NOT NULL REFERENCES request (id),
    rule_domain_code VARCHAR(64) NOT NULL REFERENCES rule_domain (code),
    PRIMARY KEY (request_id, rule_domain_code)
);

-- The ministries a request was routed to after intake.
CREATE TABLE request_ministry (
    request_id    UUID        NOT NULL REFERENCES request (id),
    ministry_code VARCHAR(16) NOT NULL REFERENCES ministry (code),
    routed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, ministry_code)
);
CREATE INDEX request_ministry_ministry_idx ON request_ministry (ministry_code);

-- Questions to the municipality (from intake or from a ministry) and their answers.
CREATE TABLE information_request (
    id            UUID          PRIMARY KEY,
    request_id    UUID          NOT NULL REFERENCES request (id),
    asked_by      VARCHAR(64)   NOT NULL,   -- group that asked: programme-office or ministry-<code>
    question      TEXT          NOT NULL,
    asked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    answer        TEXT,
    answered_by   VARCHAR(64),
    answered_at   TIMESTAMP WITH TIME ZONE,
    lapsed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX information_request_request_idx ON information_request (request_id);

CREATE TABLE advice (
    id                  UUID          PRIMARY KEY,
    request_id          UUID          NOT NULL REFERENCES request (id),
    ministry_code       VARCHAR(16)   NOT NULL REFERENCES ministry (code),
    advice              VARCHAR(32)   NOT NULL,
    rationale           TEXT          NOT NULL,
    proposed_instrument VARCHAR(32),
    conditions          TEXT,
    advised_by          VARCHAR(64)   NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    advised_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT advice_once_per_ministry UNIQUE (request_id, ministry_code)
);

-- The decision register (besluitenregister).
CREATE TABLE decision (
    id              UUID          PRIMARY KEY,
    request_id      UUID          NOT NULL UNIQUE REFERENCES request (id),
    outcome         VARCHAR(20)   NOT NULL,
    instrument      VARCHAR(32),
    conditions      TEXT,
    rationale       TEXT          NOT NULL,
    effective_date  DATE,
    evaluation_date DATE,
    decided_by      VARCHAR(64)   NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- follow-up of a granted experiment or exemption
    evaluation_report       TEXT,
    evaluation_delivered_at TIMESTAMP WITH TIME ZONE,
    evaluation_delivered_by VARCHAR(64),
    evaluation_conclusion   VARCHAR(20),
    evaluation_note         TEXT,
    evaluation_assessed_at  TIMESTAMP WITH TIME ZONE,
    evaluation_assessed_by  VARCHAR(64)
);

-- E-mails to municipalities, written in the transaction of the step that causes them and
-- sent afterwards by an asynchronous process step with retries.
CREATE TABLE outbox (
    id          UUID          PRIMARY KEY,
    request_id  UUID          REFERENCES request (id),
    topic       VARCHAR(40)   NOT NULL,
    recipient   VARCHAR(254)  NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    discarded_at TIMESTAMP WITH TIME ZONE,   -- made obsolete before it was sent (e.g. by a withdrawal)
    attempts    INTEGER       NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000)
);
CREATE INDEX outbox_unsent_idx ON outbox (request_id, sent_at);

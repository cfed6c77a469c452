-- Amending and revoking a decision (issue 20, item 6). The row in "decision" stays the decision
-- as it stands now; "decision_version" keeps every version of it, the first included, with who
-- made it, when and why, so the register shows what was decided at any moment.
ALTER TABLE decision ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE decision ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE decision_version (
    decision_id     UUID          NOT NULL REFERENCES decision (id),
    version         INTEGER       NOT NULL CHECK (version >= 1),
    -- what made this version: the decision itself, an amendment or the revocation
    change_kind     VARCHAR(16)   NOT NULL CHECK (change_kind IN ('decided', 'amended', 'revoked')),
    outcome         VARCHAR(20)   NOT NULL,
    instrument      VARCHAR(32),
    conditions      TEXT,
    rationale       TEXT          NOT NULL,
    effective_date  DATE,
    evaluation_date DATE,
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          TEXT,
    PRIMARY KEY (decision_id, version)
);

-- the granted amount per budget line as each version of a budget-pooling decision had it
CREATE TABLE decision_version_budget_line (
    decision_id      UUID          NOT NULL,
    version          INTEGER       NOT NULL,
    ministry_code    VARCHAR(16)   NOT NULL REFERENCES ministry (code),
    regulation_code  VARCHAR(64)   NOT NULL REFERENCES regulation (code),
    requested_amount NUMERIC(15,2) NOT NULL,
    granted_amount   NUMERIC(15,2) NOT NULL CHECK (granted_amount >= 0 AND granted_amount <= requested_amount),
    PRIMARY KEY (decision_id, version, ministry_code),
    FOREIGN KEY (decision_id, version) REFERENCES decision_version (decision_id, version)
);

-- the decisions taken before this migration are their own first version
INSERT INTO decision_version (decision_id, version, change_kind, outcome, instrument, conditions, rationale, effective_date,
                              evaluation_date, changed_by, changed_at, reason)
SELECT id, 1, 'decided', outcome, instrument, conditions, rationale, effective_date, evaluation_date, decided_by,
       decided_at, NULL
FROM decision;

INSERT INTO decision_version_budget_line (decision_id, version, ministry_code, regulation_code, requested_amount,
                                          granted_amount)
SELECT decision_id, 1, ministry_code, regulation_code, requested_amount, granted_amount FROM decision_budget_line;

-- The periodic seal of the audit trail (docs/audit.md, "Seals"; AuditSeals).

-- One row that a sealing transaction locks (SELECT ... FOR UPDATE), so that two application
-- instances never seal at the same time. Writers of audit entries never touch it.
CREATE TABLE audit_seal_lock (
    name VARCHAR(20) PRIMARY KEY
);
INSERT INTO audit_seal_lock (name) VALUES ('seal');

-- The head of every chain as it was last sealed: bookkeeping for the seal job, so that a chain
-- is sealed again exactly when its head has moved on. Not evidence: everything in it can be
-- derived from audit_seal, and verification never trusts it.
CREATE TABLE audit_sealed_head (
    chain         VARCHAR(255) PRIMARY KEY,
    sequence      BIGINT      NOT NULL,
    hash          CHAR(64)    NOT NULL,
    seal_sequence BIGINT      NOT NULL
);

-- The seal looks only at heads that moved recently.
CREATE INDEX audit_chain_head_updated_idx ON audit_chain_head (updated_at);

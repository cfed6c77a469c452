-- Budget pooling (ontschotting): the earmarked regulations a municipality can ask to pool, the
-- budget lines of a request, what the decision granted per line, and the yearly accountability.

-- Earmarked national budgets (mostly specific grants, SPUK) and the ministry that owns each.
CREATE TABLE regulation (
    code          VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    ministry_code VARCHAR(16)  NOT NULL REFERENCES ministry (code)
);

INSERT INTO regulation (code, name, ministry_code) VALUES
    ('ocw-school-en-omgeving',       'Programma School en Omgeving (verlengde leertijd)',            'ocw'),
    ('ocw-onderwijsachterstanden',   'Specifieke uitkering onderwijsachterstandenbeleid',            'ocw'),
    ('szw-baangarantie-jongeren',    'Baangarantie voor jongeren',                                  'szw'),
    ('szw-armoede-en-schulden',      'Aanpak armoede en schulden in focusgebieden',                 'szw'),
    ('vws-gezonde-leefomgeving',     'Gezonde leefomgeving (Gezond en Actief Leven Akkoord)',        'vws'),
    ('vws-sport-en-bewegen',         'Brede specifieke uitkering sport en bewegen',                 'vws'),
    ('jenv-preventie-met-gezag',     'Preventie met gezag',                                         'jenv'),
    ('vro-volkshuisvestingsfonds',   'Volkshuisvestingsfonds',                                      'vro'),
    ('bzk-leefbaarheid-veiligheid',  'Specifieke uitkering leefbaarheid en veiligheid (NPLV)',       'bzk');

-- One line per ministry (its assessment covers its line); amounts are exact euros and cents.
CREATE TABLE request_budget_line (
    request_id      UUID          NOT NULL REFERENCES request (id),
    line_number     INTEGER       NOT NULL,
    ministry_code   VARCHAR(16)   NOT NULL REFERENCES ministry (code),
    regulation_code VARCHAR(64)   NOT NULL REFERENCES regulation (code),
    amount          NUMERIC(15,2) NOT NULL CHECK (amount > 0),
    years           VARCHAR(100)  NOT NULL,   -- budget years, comma separated, ascending
    PRIMARY KEY (request_id, line_number),
    CONSTRAINT budget_line_once_per_ministry UNIQUE (request_id, ministry_code)
);

-- What the decision granted per budget line (0 for a line refused, all 0 when rejected).
CREATE TABLE decision_budget_line (
    decision_id      UUID          NOT NULL REFERENCES decision (id),
    ministry_code    VARCHAR(16)   NOT NULL REFERENCES ministry (code),
    regulation_code  VARCHAR(64)   NOT NULL REFERENCES regulation (code),
    requested_amount NUMERIC(15,2) NOT NULL,
    granted_amount   NUMERIC(15,2) NOT NULL CHECK (granted_amount >= 0 AND granted_amount <= requested_amount),
    PRIMARY KEY (decision_id, ministry_code)
);
CREATE INDEX decision_budget_line_ministry_idx ON decision_budget_line (ministry_code);

-- Above the threshold in the decision-authority table, Financiën co-signs the director's decision.
ALTER TABLE decision ADD COLUMN co_sign_outcome VARCHAR(20);
ALTER TABLE decision ADD COLUMN co_sign_note TEXT;
ALTER TABLE decision ADD COLUMN co_signed_by VARCHAR(64);
ALTER TABLE decision ADD COLUMN co_signed_at TIMESTAMP WITH TIME ZONE;

-- Follow-up of granted pooling: one accountability report per budget year, checked by the programme office.
CREATE TABLE accountability_report (
    id            UUID          PRIMARY KEY,
    request_id    UUID          NOT NULL REFERENCES request (id),
    budget_year   INTEGER       NOT NULL,
    report        TEXT          NOT NULL,
    spent_amount  NUMERIC(15,2) NOT NULL CHECK (spent_amount >= 0),
    delivered_by  VARCHAR(64)   NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    conclusion    VARCHAR(32),
    note          TEXT,
    checked_by    VARCHAR(64),
    checked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT accountability_once_per_year UNIQUE (request_id, budget_year)
);

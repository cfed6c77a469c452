-- The catalogue of national rules: the regulations this programme's requests are about, by their
-- identifier in the national legislation register (BWB, wetten.overheid.nl); every identifier below
-- was checked against a published copy of the register before it went in. A request names an
-- entry and an article; requests on the same entry and article are one recurring obstacle.
CREATE TABLE national_rule (
    id            VARCHAR(64)  PRIMARY KEY,      -- a readable slug, e.g. participatiewet
    bwb_id        CHAR(11)     NOT NULL UNIQUE,  -- BWBR + 7 digits
    name          VARCHAR(200) NOT NULL,         -- the citation title
    abbreviation  VARCHAR(32),
    ministry_code VARCHAR(16)  NOT NULL REFERENCES ministry (code),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version       INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX national_rule_ministry_idx ON national_rule (ministry_code);

-- The rule domains an entry proposes when a request names it (intake confirms or corrects them).
CREATE TABLE national_rule_domain (
    national_rule_id VARCHAR(64) NOT NULL REFERENCES national_rule (id),
    rule_domain_code VARCHAR(64) NOT NULL REFERENCES rule_domain (code),
    PRIMARY KEY (national_rule_id, rule_domain_code)
);

-- The rule a request is about: the catalogue entry (from the submission, or linked at intake) and
-- the article as a comparable key ("19a en 22a"), next to the free text the municipality wrote.
ALTER TABLE request ADD COLUMN national_rule_id VARCHAR(64) REFERENCES national_rule (id);
ALTER TABLE request ADD COLUMN rule_article VARCHAR(100);
CREATE INDEX request_national_rule_idx ON request (national_rule_id, rule_article);

INSERT INTO national_rule (id, bwb_id, name, abbreviation, ministry_code) VALUES
    ('participatiewet',                 'BWBR0015703', 'Participatiewet', 'PW', 'szw'),
    ('wet-schuldhulpverlening',         'BWBR0031331', 'Wet gemeentelijke schuldhulpverlening', 'Wgs', 'szw'),
    ('wet-kinderopvang',                'BWBR0017017', 'Wet kinderopvang', 'Wko', 'szw'),
    ('wet-suwi',                        'BWBR0013060', 'Wet structuur uitvoeringsorganisatie werk en inkomen', 'Wet SUWI', 'szw'),
    ('jeugdwet',                        'BWBR0034925', 'Jeugdwet', NULL, 'vws'),
    ('wmo-2015',                        'BWBR0035362', 'Wet maatschappelijke ondersteuning 2015', 'Wmo 2015', 'vws'),
    ('wet-publieke-gezondheid',         'BWBR0024705', 'Wet publieke gezondheid', 'Wpg', 'vws'),
    ('wet-primair-onderwijs',           'BWBR0003420', 'Wet op het primair onderwijs', 'WPO', 'ocw'),
    ('wet-voortgezet-onderwijs',        'BWBR0044212', 'Wet voortgezet onderwijs 2020', 'WVO 2020', 'ocw'),
    ('leerplichtwet',                   'BWBR0002628', 'Leerplichtwet 1969', NULL, 'ocw'),
    ('wetboek-van-strafrecht',          'BWBR0001854', 'Wetboek van Strafrecht', 'Sr', 'jenv'),
    ('wetboek-van-strafvordering',      'BWBR0001903', 'Wetboek van Strafvordering', 'Sv', 'jenv'),
    ('uitvoeringswet-avg',              'BWBR0040940', 'Uitvoeringswet Algemene verordening gegevensbescherming', 'UAVG', 'jenv'),
    ('politiewet',                      'BWBR0031788', 'Politiewet 2012', NULL, 'jenv'),
    ('opiumwet',                        'BWBR0001941', 'Opiumwet', NULL, 'jenv'),
    ('huisvestingswet',                 'BWBR0035303', 'Huisvestingswet 2014', NULL, 'vro'),
    ('wet-grootstedelijke-problematiek','BWBR0019388', 'Wet bijzondere maatregelen grootstedelijke problematiek', 'Wbmgp', 'vro'),
    ('woningwet',                       'BWBR0005181', 'Woningwet', NULL, 'vro'),
    ('omgevingswet',                    'BWBR0037885', 'Omgevingswet', NULL, 'vro'),
    ('financiele-verhoudingswet',       'BWBR0008290', 'Financiële-verhoudingswet', 'Fvw', 'bzk'),
    ('gemeentewet',                     'BWBR0005416', 'Gemeentewet', NULL, 'bzk'),
    ('awir',                            'BWBR0018472', 'Algemene wet inkomensafhankelijke regelingen', 'Awir', 'fin');

INSERT INTO national_rule_domain (national_rule_id, rule_domain_code) VALUES
    ('participatiewet', 'income-support'),
    ('participatiewet', 'work-and-reintegration'),
    ('wet-schuldhulpverlening', 'debt-assistance'),
    ('wet-kinderopvang', 'childcare'),
    ('wet-suwi', 'work-and-reintegration'),
    ('jeugdwet', 'youth-care'),
    ('wmo-2015', 'social-support'),
    ('wet-publieke-gezondheid', 'public-health'),
    ('wet-primair-onderwijs', 'education'),
    ('wet-voortgezet-onderwijs', 'education'),
    ('leerplichtwet', 'education'),
    ('wetboek-van-strafrecht', 'safety-and-crime'),
    ('wetboek-van-strafvordering', 'safety-and-crime'),
    ('uitvoeringswet-avg', 'data-sharing'),
    ('politiewet', 'safety-and-crime'),
    ('opiumwet', 'safety-and-crime'),
    ('huisvestingswet', 'housing-allocation'),
    ('wet-grootstedelijke-problematiek', 'housing-allocation'),
    ('woningwet', 'housing-and-building'),
    ('omgevingswet', 'housing-and-building'),
    ('financiele-verhoudingswet', 'municipal-finance'),
    ('gemeentewet', 'municipal-finance'),
    ('awir', 'benefits-and-allowances');

-- Requests submitted before the catalogue named their rule in free text only; link the ones
-- whose text begins with a catalogue entry's name (the demo requests among them).
UPDATE request SET national_rule_id = 'participatiewet'
    WHERE national_rule_id IS NULL AND kind = 'rule-change' AND LOWER(regulation) LIKE 'participatiewet%';
UPDATE request SET national_rule_id = 'uitvoeringswet-avg'
    WHERE national_rule_id IS NULL AND kind = 'rule-change' AND LOWER(regulation) LIKE 'uitvoeringswet avg%';
UPDATE request SET national_rule_id = 'wet-schuldhulpverlening'
    WHERE national_rule_id IS NULL AND kind = 'rule-change' AND LOWER(regulation) LIKE 'wet gemeentelijke schuldhulpverlening%';
UPDATE request SET national_rule_id = 'wet-grootstedelijke-problematiek'
    WHERE national_rule_id IS NULL AND kind = 'rule-change' AND LOWER(regulation) LIKE 'wet bijzondere maatregelen grootstedelijke problematiek%';
UPDATE request SET national_rule_id = 'jeugdwet'
    WHERE national_rule_id IS NULL AND kind = 'rule-change' AND LOWER(regulation) LIKE 'jeugdwet%';

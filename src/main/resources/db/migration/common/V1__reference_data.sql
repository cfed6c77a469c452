-- Reference data of the programme (source: shared/domain/reference-data.md).
-- Kept as data, not code: names marked uncertain in the source can be corrected here.

CREATE TABLE ministry (
    code          VARCHAR(16)  PRIMARY KEY,
    abbreviation  VARCHAR(16)  NOT NULL,
    name          VARCHAR(200) NOT NULL
);

CREATE TABLE municipality (
    code          CHAR(4)      PRIMARY KEY,   -- CBS municipality code
    name          VARCHAR(100) NOT NULL,      -- the name people use
    official_name VARCHAR(100) NOT NULL       -- the name in the CBS register
);

CREATE TABLE focus_area (
    code              VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    municipality_code CHAR(4)      NOT NULL REFERENCES municipality (code)
);

CREATE TABLE rule_domain (
    code          VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    typical_rules VARCHAR(500) NOT NULL,
    ministry_code VARCHAR(16)  NOT NULL REFERENCES ministry (code)
);

INSERT INTO ministry (code, abbreviation, name) VALUES
    ('bzk',  'BZK',  'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties'),
    ('vro',  'VRO',  'Ministerie van Volkshuisvesting en Ruimtelijke Ordening'),
    ('szw',  'SZW',  'Ministerie van Sociale Zaken en Werkgelegenheid'),
    ('ocw',  'OCW',  'Ministerie van Onderwijs, Cultuur en Wetenschap'),
    ('jenv', 'JenV', 'Ministerie van Justitie en Veiligheid'),
    ('vws',  'VWS',  'Ministerie van Volksgezondheid, Welzijn en Sport'),
    ('fin',  'Fin',  'Ministerie van Financiën');

INSERT INTO municipality (code, name, official_name) VALUES
    ('0080', 'Leeuwarden',  'Leeuwarden'),
    ('0014', 'Groningen',   'Groningen'),
    ('0202', 'Arnhem',      'Arnhem'),
    ('0917', 'Heerlen',     'Heerlen'),
    ('0758', 'Breda',       'Breda'),
    ('0772', 'Eindhoven',   'Eindhoven'),
    ('0855', 'Tilburg',     'Tilburg'),
    ('0606', 'Schiedam',    'Schiedam'),
    ('0599', 'Rotterdam',   'Rotterdam'),
    ('0518', 'Den Haag',    '''s-Gravenhage'),
    ('0363', 'Amsterdam',   'Amsterdam'),
    ('0479', 'Zaanstad',    'Zaanstad'),
    ('0995', 'Lelystad',    'Lelystad'),
    ('0344', 'Utrecht',     'Utrecht'),
    ('0356', 'Nieuwegein',  'Nieuwegein'),
    ('0622', 'Vlaardingen', 'Vlaardingen'),
    ('0503', 'Delft',       'Delft'),
    ('0505', 'Dordrecht',   'Dordrecht'),
    ('1674', 'Roosendaal',  'Roosendaal');

INSERT INTO focus_area (code, name, municipality_code) VALUES
    ('leeuwarden-oost',        'Leeuwarden-Oost',       '0080'),
    ('groningen-noord',        'Groningen-Noord',       '0014'),
    ('arnhem-oost',            'Arnhem-Oost',           '0202'),
    ('heerlen-noord',          'Heerlen-Noord',         '0917'),
    ('breda-noord',            'Breda-Noord',           '0758'),
    ('eindhoven-woensel-zuid', 'Woensel-Zuid',          '0772'),
    ('tilburg-noordwest',      'Tilburg-Noordwest',     '0855'),
    ('schiedam-nieuwland',     'Nieuwland-Oost',        '0606'),
    ('rotterdam-zuid',         'Rotterdam-Zuid',        '0599'),
    ('den-haag-zuidwest',      'Den Haag Zuidwest',     '0518'),
    ('amsterdam-zuidoost',     'Amsterdam Zuidoost',    '0363'),
    ('amsterdam-nieuw-west',   'Amsterdam Nieuw-West',  '0363'),
    ('zaandam-oost',           'Zaandam-Oost',          '0479'),
    ('lelystad-oost',          'Lelystad-Oost',         '0995'),
    ('utrecht-overvecht',      'Overvecht',             '0344'),
    ('nieuwegein-centrale-as', 'Centrale As',           '0356'),
    ('vlaardingen-west',       'Vlaardingen-West',      '0622'),
    ('delft-west',             'Delft-West',            '0503'),
    ('dordrecht-west',         'Dordrecht-West',        '0505'),
    ('roosendaal-stad',        'Roosendaal-Stad',       '1674');

INSERT INTO rule_domain (code, name, typical_rules, ministry_code) VALUES
    ('income-support',          'Inkomensondersteuning',          'Participatiewet (o.a. kostendelersnorm, art. 19a/22a)', 'szw'),
    ('debt-assistance',         'Schuldhulpverlening',            'Wet gemeentelijke schuldhulpverlening', 'szw'),
    ('childcare',               'Kinderopvang',                   'Wet kinderopvang', 'szw'),
    ('work-and-reintegration',  'Werk en re-integratie',          'Participatiewet (re-integratie), Wet SUWI', 'szw'),
    ('youth-care',              'Jeugdhulp',                      'Jeugdwet', 'vws'),
    ('social-support',          'Maatschappelijke ondersteuning', 'Wmo 2015', 'vws'),
    ('public-health',           'Publieke gezondheid',            'Wet publieke gezondheid', 'vws'),
    ('education',               'Onderwijs',                      'WPO, WVO, Leerplichtwet', 'ocw'),
    ('safety-and-crime',        'Veiligheid en criminaliteit',    'Wetboek van Strafrecht en Strafvordering, preventie jeugdcriminaliteit', 'jenv'),
    ('data-sharing',            'Gegevensdeling',                 'Uitvoeringswet AVG, Wet gegevensverwerking door samenwerkingsverbanden', 'jenv'),
    ('housing-allocation',      'Woonruimteverdeling',            'Huisvestingswet, Wet bijzondere maatregelen grootstedelijke problematiek', 'vro'),
    ('housing-and-building',    'Wonen en bouwen',                'Woningwet, Omgevingswet', 'vro'),
    ('municipal-finance',       'Gemeentefinanciën',              'Financiële-verhoudingswet, specifieke uitkeringen (SPUK)', 'bzk'),
    ('benefits-and-allowances', 'Toeslagen',                      'Algemene wet inkomensafhankelijke regelingen (Awir)', 'fin');

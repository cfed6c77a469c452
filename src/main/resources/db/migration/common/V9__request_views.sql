-- What the request module lets other modules read of its case files, as views: the progress report
-- reads these, never the tables themselves, so the tables can change behind them.
CREATE VIEW report_request AS
SELECT id, reference, kind, municipality_code, focus_area_code, title, status, urgency, regulation,
       payload, submitted_at, closed_at
FROM request;

CREATE VIEW report_request_rule_domain AS
SELECT request_id, rule_domain_code FROM request_rule_domain;

CREATE VIEW report_request_budget_line AS
SELECT request_id, ministry_code, amount FROM request_budget_line;

-- What the request module lets other modules read of the rule a request names (the catalogue entry
-- and the article key, see V12), and what the catalogue lets them read of its entries, as views:
-- the precedents of the decision module and the progress report's bottlenecks read these, never
-- the tables themselves.
CREATE VIEW report_request_rule AS
SELECT id AS request_id, national_rule_id, rule_article FROM request WHERE national_rule_id IS NOT NULL;

CREATE VIEW report_national_rule AS
SELECT id, bwb_id, name, abbreviation, ministry_code FROM national_rule;

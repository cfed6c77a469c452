-- What the decision module lets other modules read of the decision register, as views.
CREATE VIEW report_decision AS
SELECT id, request_id, outcome, instrument, decided_at, evaluation_date, evaluation_delivered_at FROM decision;

CREATE VIEW report_decision_budget_line AS
SELECT decision_id, ministry_code, granted_amount FROM decision_budget_line;

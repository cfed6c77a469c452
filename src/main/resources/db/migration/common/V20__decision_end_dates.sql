-- The end of a granted experiment or temporary exemption (issue 20): the end date in the
-- decision register, when and why it ended, and every change to its term (an evaluation that
-- continued or stopped it, the end date reached) as a row of its own, so the register keeps
-- each evaluation round's effect.
ALTER TABLE decision ADD COLUMN end_date DATE;
ALTER TABLE decision ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE decision ADD COLUMN end_reason VARCHAR(20);

CREATE TABLE decision_term_change (
    id                   UUID          PRIMARY KEY,
    decision_id          UUID          NOT NULL REFERENCES decision (id),
    effect               VARCHAR(20)   NOT NULL,
    old_end_date         DATE,
    new_end_date         DATE,
    next_evaluation_date DATE,
    note                 TEXT,
    changed_by           VARCHAR(64)   NOT NULL,
    changed_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX decision_term_change_decision ON decision_term_change (decision_id);

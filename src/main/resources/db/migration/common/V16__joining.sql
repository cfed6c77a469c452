-- Joining an existing breakthrough ("aansluiten"): a join request names the earlier request whose
-- granted experiment or exemption it asks to apply in its own focus area. The rule it is about
-- (national_rule_id, rule_article) is copied from that request at submission.
ALTER TABLE request ADD COLUMN precedent_request_id UUID REFERENCES request (id);
CREATE INDEX request_precedent_idx ON request (precedent_request_id);

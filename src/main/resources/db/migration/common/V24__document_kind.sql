-- What a document of a case is: one the users added ('upload'), or a letter Doorbraak wrote and
-- archived with the case, such as a decision ('decision-letter').
ALTER TABLE document ADD COLUMN kind VARCHAR(30) DEFAULT 'upload' NOT NULL;

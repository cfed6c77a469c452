-- E-mails to the people who must act and the receipt of a request (docs/processes.md, section 14).

-- Per user what they want to hear of new tasks and of tasks past their due date: immediately,
-- daily-digest or off. The user id only: e-mail addresses stay in the engine's identity tables.
-- A user without a row gets the default, immediately for both.
CREATE TABLE notification_preference (
    user_id    VARCHAR(255) PRIMARY KEY,
    new_tasks  VARCHAR(20)  NOT NULL,
    deadlines  VARCHAR(20)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What a user who chose the daily digest will read in the next one: collected when the task was
-- created or its due date passed, marked when the digest that holds it was written.
CREATE TABLE notification_digest_item (
    id           UUID          PRIMARY KEY,
    user_id      VARCHAR(255)  NOT NULL,
    kind         VARCHAR(20)   NOT NULL,   -- new-task | deadline
    task_id      VARCHAR(64)   NOT NULL,
    task_name    VARCHAR(300)  NOT NULL,
    reference    VARCHAR(40),
    due_at       TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    digested_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_digest_item_open_idx ON notification_digest_item (digested_at, user_id);

-- Each task whose due date passed is announced once: its row here is the proof.
CREATE TABLE task_deadline_notice (
    task_id     VARCHAR(64) PRIMARY KEY,
    noticed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per scheduled notification job that a run locks (SELECT ... FOR UPDATE), so that with
-- several application instances one runs it and the others find the work done (as audit_seal_lock).
CREATE TABLE notification_job_lock (
    name VARCHAR(20) PRIMARY KEY
);
INSERT INTO notification_job_lock (name) VALUES ('digest');
INSERT INTO notification_job_lock (name) VALUES ('deadlines');

-- Messages that no process step sends (the receipt, task and digest e-mails) are sent by the
-- outbox relay, which retries with a pause between attempts.
ALTER TABLE outbox ADD COLUMN relayed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX outbox_relayed_idx ON outbox (relayed, sent_at);

-- Documents of a case (legal analyses, letters, spreadsheets), stored in the database.
CREATE TABLE document (
    id           UUID          PRIMARY KEY,
    request_id   UUID          NOT NULL REFERENCES request (id),
    file_name    VARCHAR(255)  NOT NULL,
    media_type   VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    content      BYTEA,                      -- null once removed (H2 reads BYTEA as BINARY VARYING)
    uploaded_by  VARCHAR(64)   NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_by   VARCHAR(64),
    removed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX document_request_idx ON document (request_id, uploaded_at);

-- PostgreSQL: the same tables as the SQLite migration 0008 (registrar applications and their
-- attachments). Times are Unix seconds (BIGINT), set by the server. The file is BYTEA.
CREATE TABLE attachments (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_key TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    size        BIGINT NOT NULL,
    content     BYTEA NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE INDEX attachments_uploader ON attachments (account_key, id);
CREATE INDEX attachments_age ON attachments (created_at);

CREATE TABLE registrar_applications (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES customer_accounts (id),
    contract_id      BIGINT NOT NULL REFERENCES card_contracts (id),
    account_key      TEXT NOT NULL,
    applicant_name   TEXT,
    email            TEXT NOT NULL,
    language         TEXT NOT NULL,
    attachment_id    BIGINT NOT NULL UNIQUE REFERENCES attachments (id),
    state            TEXT NOT NULL,
    rejection_reason TEXT,
    created_at       BIGINT NOT NULL,
    decided_at       BIGINT,
    decided_by       TEXT
);

CREATE UNIQUE INDEX registrar_applications_pending
    ON registrar_applications (contract_id, account_key) WHERE state = 'pending';
CREATE INDEX registrar_applications_state ON registrar_applications (state, id);
CREATE INDEX registrar_applications_applicant
    ON registrar_applications (account_key, account_id, id);

CREATE TABLE registrar_application_points (
    application_id BIGINT NOT NULL REFERENCES registrar_applications (id),
    point_id       BIGINT NOT NULL REFERENCES registration_points (id),
    PRIMARY KEY (application_id, point_id)
);

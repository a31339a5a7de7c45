-- PostgreSQL: the same as the SQLite migration 0009 (registrars' contact email and the
-- agency's notices). Times are Unix seconds (BIGINT), set by the server.
CREATE TABLE registrar_contacts (
    account_key       TEXT PRIMARY KEY,
    email             TEXT,
    language          TEXT,
    confirmed_at      BIGINT,
    resend_window_at  BIGINT,
    resends_in_window BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE contact_confirmations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_key TEXT NOT NULL,
    email       TEXT NOT NULL,
    language    TEXT NOT NULL,
    token_hash  BYTEA NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    sent_at     BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    state       TEXT NOT NULL,
    closed_at   BIGINT,
    message_id  BIGINT REFERENCES outbox (id)
);

CREATE UNIQUE INDEX contact_confirmations_pending ON contact_confirmations (account_key)
    WHERE state = 'pending';

CREATE TABLE notices (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    sent_by     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    registrars  BIGINT NOT NULL,
    not_reached BIGINT NOT NULL
);

CREATE TABLE notice_unreached (
    notice_id    BIGINT NOT NULL REFERENCES notices (id),
    registrar_id BIGINT NOT NULL REFERENCES registrars (id),
    PRIMARY KEY (notice_id, registrar_id)
);

ALTER TABLE outbox ADD COLUMN notice_id BIGINT REFERENCES notices (id);

CREATE INDEX outbox_notice ON outbox (notice_id) WHERE notice_id IS NOT NULL;

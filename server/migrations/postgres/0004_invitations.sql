-- PostgreSQL: the same as the SQLite migration 0006 (users and invitations, and the outbox of
-- email). Times are Unix seconds (BIGINT), set by the server.

-- Memberships get an id of their own (the administrators' list pages by it and names a member
-- by it) and the name the person's identity provider gave when they accepted an invitation.
ALTER TABLE memberships ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE;
ALTER TABLE memberships ADD COLUMN display_name TEXT;
ALTER TABLE memberships ADD COLUMN invited_as TEXT;

CREATE INDEX memberships_account ON memberships (account_id, id);

-- Email waiting to be sent, and sent (see the SQLite migration; `secret` is cut out of `body`
-- once sent). Replicas claim a message with
-- `FOR UPDATE SKIP LOCKED` and a lease (`claimed_by` until `claimed_until`).
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       TEXT NOT NULL,
    language        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    secret          TEXT,
    created_at      BIGINT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until   BIGINT,
    claimed_by      TEXT,
    sent_at         BIGINT,
    last_error      TEXT
);

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL;

-- Invitations to an account (see the SQLite migration).
CREATE TABLE invitations (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         BIGINT NOT NULL REFERENCES customer_accounts (id),
    email              TEXT NOT NULL,
    language           TEXT NOT NULL,
    role               TEXT NOT NULL,
    token_hash         BYTEA NOT NULL UNIQUE,
    invited_by         TEXT NOT NULL,
    created_at         BIGINT NOT NULL,
    sent_at            BIGINT NOT NULL,
    expires_at         BIGINT NOT NULL,
    state              TEXT NOT NULL,
    resend_window_at   BIGINT,
    resends_in_window  BIGINT NOT NULL DEFAULT 0,
    accepted_by        TEXT,
    closed_at          BIGINT,
    message_id         BIGINT REFERENCES outbox (id)
);

CREATE UNIQUE INDEX invitations_pending ON invitations (account_id, email)
    WHERE state = 'pending';
CREATE INDEX invitations_account ON invitations (account_id, id);

-- The registration-point administration (SPEC §5), users and invitations, and the outbox of
-- email. Times are Unix seconds (INTEGER), set by the server, the same on both backends.

-- Memberships get an id of their own (the administrators' list pages by it and names a member
-- by it, never by the person's identifier) and the name the person's identity provider gave
-- when they accepted an invitation. SQLite cannot add a primary key to a table, so the table
-- is made anew and its rows copied.
CREATE TABLE memberships_new (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES customer_accounts (id),
    account_key  TEXT NOT NULL,
    role         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    display_name TEXT,
    invited_as   TEXT,
    UNIQUE (account_id, account_key)
) STRICT;

INSERT INTO memberships_new (account_id, account_key, role, created_at)
    SELECT account_id, account_key, role, created_at FROM memberships ORDER BY created_at;

DROP TABLE memberships;

ALTER TABLE memberships_new RENAME TO memberships;

CREATE INDEX memberships_person ON memberships (account_key);
CREATE INDEX memberships_account ON memberships (account_id, id);

-- Email waiting to be sent, and sent. `secret` is the part of `body` that works as a key (an
-- invitation's link with its token): once the message is sent it is cut out of the body and
-- the column cleared, so the database keeps a working link only while it is queued. A message is written in the same transaction as the
-- change that causes it; a worker claims one due message at a time (`claimed_by` until
-- `claimed_until`), sends it and sets `sent_at`, or releases it with `last_error` and a later
-- `next_attempt_at`. Nothing is deleted by the worker.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    recipient       TEXT NOT NULL,
    language        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    secret          TEXT,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER,
    claimed_by      TEXT,
    sent_at         INTEGER,
    last_error      TEXT
) STRICT;

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL;

-- Invitations to an account. `token_hash` is the SHA-256 of the link's token (the token itself
-- is only in the email); a resend replaces it. `state` is pending, accepted or withdrawn (a
-- pending one past `expires_at` reads as expired). At most one pending invitation per account
-- and address. `message_id` is the latest email's, for its delivery state.
CREATE TABLE invitations (
    id                 INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES customer_accounts (id),
    email              TEXT NOT NULL,
    language           TEXT NOT NULL,
    role               TEXT NOT NULL,
    token_hash         BLOB NOT NULL UNIQUE,
    invited_by         TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    sent_at            INTEGER NOT NULL,
    expires_at         INTEGER NOT NULL,
    state              TEXT NOT NULL,
    resend_window_at   INTEGER,
    resends_in_window  INTEGER NOT NULL DEFAULT 0,
    accepted_by        TEXT,
    closed_at          INTEGER,
    message_id         INTEGER REFERENCES outbox (id)
) STRICT;

CREATE UNIQUE INDEX invitations_pending ON invitations (account_id, email)
    WHERE state = 'pending';
CREATE INDEX invitations_account ON invitations (account_id, id);

-- The registration-point administration (SPEC §5), part 2: registrars' contact email and the
-- agency's notices to them. Times are Unix seconds (INTEGER), set by the server.

-- A registrar's contact email in use: the confirmed address (none until one is confirmed), the
-- language they chose with it (the notices' framing text), and the window of the limit on
-- confirmation emails (a new address or a resend). One row per person.
CREATE TABLE registrar_contacts (
    account_key       TEXT PRIMARY KEY,
    email             TEXT,
    language          TEXT,
    confirmed_at      INTEGER,
    resend_window_at  INTEGER,
    resends_in_window INTEGER NOT NULL DEFAULT 0
) STRICT;

-- An address waiting for its confirmation link to be followed. `token_hash` is the SHA-256
-- of the link's token (the token itself is only in the email); a resend replaces it. `state`
-- is pending, confirmed or replaced (a newer address was asked for); a pending one past
-- `expires_at` reads as expired. At most one pending per person. `message_id` is the latest
-- email's, for its delivery state.
CREATE TABLE contact_confirmations (
    id          INTEGER PRIMARY KEY,
    account_key TEXT NOT NULL,
    email       TEXT NOT NULL,
    language    TEXT NOT NULL,
    token_hash  BLOB NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    state       TEXT NOT NULL,
    closed_at   INTEGER,
    message_id  INTEGER REFERENCES outbox (id)
) STRICT;

CREATE UNIQUE INDEX contact_confirmations_pending ON contact_confirmations (account_key)
    WHERE state = 'pending';

-- The agency's notices (tiedote): what the officer wrote, who and when, how many registrars
-- (people) had rights then and how many of them had no confirmed address (not reached). The
-- messages are outbox rows with the notice's id; their states are the delivery counts.
CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    sent_by     TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    registrars  INTEGER NOT NULL,
    not_reached INTEGER NOT NULL
) STRICT;

-- The registrar rights (one row per point) of the people a notice did not reach.
CREATE TABLE notice_unreached (
    notice_id    INTEGER NOT NULL REFERENCES notices (id),
    registrar_id INTEGER NOT NULL REFERENCES registrars (id),
    PRIMARY KEY (notice_id, registrar_id)
) STRICT;

ALTER TABLE outbox ADD COLUMN notice_id INTEGER REFERENCES notices (id);

CREATE INDEX outbox_notice ON outbox (notice_id) WHERE notice_id IS NOT NULL;

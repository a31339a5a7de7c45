-- PostgreSQL: the same tables as the SQLite migrations 0001-0003 leave, in one step (this
-- backend starts at their final shape). Times are timestamptz, set by the database.

-- The professional's account: one registration and one profile per account key.
CREATE TABLE registrations (
    account_key TEXT PRIMARY KEY NOT NULL,
    phone       TEXT NOT NULL,
    email       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The cooperation organisations of a registration, in the order the user chose them.
CREATE TABLE registration_organisations (
    account_key TEXT NOT NULL REFERENCES registrations (account_key) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    code        TEXT NOT NULL,
    PRIMARY KEY (account_key, code),
    UNIQUE (account_key, position)
);

CREATE TABLE profiles (
    account_key         TEXT PRIMARY KEY NOT NULL REFERENCES registrations (account_key) ON DELETE CASCADE,
    professional_group  TEXT NOT NULL,
    wellbeing_county    TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- Server-side sessions (tower-sessions records). The cookie holds only the random id.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        TEXT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE INDEX sessions_expires_at ON sessions (expires_at);

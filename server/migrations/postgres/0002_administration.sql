-- PostgreSQL: the same tables as the SQLite migration 0004 (the registration-point
-- administration, part 1). Times are Unix seconds (BIGINT), set by the server, the same on
-- both backends.

-- Agency officers. The first of a deployment is named in the server's configuration and
-- added at start; membership is data of this service, never a claim of the identity provider.
CREATE TABLE officers (
    account_key TEXT PRIMARY KEY NOT NULL,
    created_at  BIGINT NOT NULL
);

-- Customer accounts: an organisation, its business ID (Y-tunnus, unique) and its kind; a
-- wellbeing county's account also names its county (unique: one account per county).
CREATE TABLE customer_accounts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    business_id TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    county      TEXT UNIQUE,
    created_at  BIGINT NOT NULL
);

-- Who belongs to an account, and as what (administrator or member).
CREATE TABLE memberships (
    account_id  BIGINT NOT NULL REFERENCES customer_accounts (id),
    account_key TEXT NOT NULL,
    role        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, account_key)
);

CREATE INDEX memberships_person ON memberships (account_key);

-- Card contracts (toimikorttisopimus) an account applies for and the agency decides.
CREATE TABLE card_contracts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES customer_accounts (id),
    kind             TEXT NOT NULL,
    state            TEXT NOT NULL,
    rejection_reason TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE INDEX card_contracts_account ON card_contracts (account_id, id);

-- Every change: who (an account key, never a personal identity code), when, which account,
-- what, and the state before and after as JSON.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    account_id  BIGINT,
    action      TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);

CREATE INDEX audit_log_account ON audit_log (account_id, id);

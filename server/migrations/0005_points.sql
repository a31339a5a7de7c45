-- The registration-point administration (SPEC §5), part 1 step 2: a wellbeing county's
-- registration points (each begins as an order the agency officer approves or rejects; the
-- electronic service number is assigned at approval) and the authorisations by which an
-- organisation lets one point order its cards. Times are Unix seconds, set by the server.

-- Registration points (rekisteröintipiste) of a county's account. `state` is the order's:
-- ordered, approved or rejected. `service_number` is unique across the service and set at
-- approval; on SQLite, whose single writer serialises every change, the next one is the
-- greatest assigned serial plus one. `is_main` marks the point that came with the county's
-- granted contract (at most one per account); its address is not known then (NULL).
CREATE TABLE registration_points (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES customer_accounts (id),
    name             TEXT NOT NULL,
    postal_address   TEXT,
    state            TEXT NOT NULL,
    service_number   TEXT UNIQUE,
    is_main          INTEGER NOT NULL DEFAULT 0,
    rejection_reason TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;

CREATE INDEX registration_points_account ON registration_points (account_id, id);
CREATE INDEX registration_points_state ON registration_points (state, id);
CREATE UNIQUE INDEX registration_points_main ON registration_points (account_id) WHERE is_main = 1;

-- Authorisations (valtuutus): the organisation's account lets the point order its cards.
-- Revoking sets `revoked_at`; at most one active authorisation per account and point.
CREATE TABLE authorisations (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id),
    point_id   INTEGER NOT NULL REFERENCES registration_points (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;

CREATE UNIQUE INDEX authorisations_active ON authorisations (account_id, point_id)
    WHERE revoked_at IS NULL;
CREATE INDEX authorisations_account ON authorisations (account_id, id);
CREATE INDEX authorisations_point ON authorisations (point_id, id);

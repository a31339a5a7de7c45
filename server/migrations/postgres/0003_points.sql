-- PostgreSQL: the same tables as the SQLite migration 0005 (registration points and
-- authorisations). Times are Unix seconds (BIGINT), set by the server.

-- Registration points (rekisteröintipiste) of a county's account. `state` is the order's:
-- ordered, approved or rejected. `service_number` is unique across the service and set at
-- approval from `service_number_serials`, which every replica draws from without
-- coordination (ServiceNumber::from_serial adds the check digit). `is_main` marks the point
-- that came with the county's granted contract (at most one per account); its address is not
-- known then (NULL).
CREATE TABLE registration_points (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES customer_accounts (id),
    name             TEXT NOT NULL,
    postal_address   TEXT,
    state            TEXT NOT NULL,
    service_number   TEXT UNIQUE,
    is_main          BOOLEAN NOT NULL DEFAULT FALSE,
    rejection_reason TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE INDEX registration_points_account ON registration_points (account_id, id);
CREATE INDEX registration_points_state ON registration_points (state, id);
CREATE UNIQUE INDEX registration_points_main ON registration_points (account_id) WHERE is_main;

-- domain::administration::FIRST_SERVICE_NUMBER_SERIAL ..= LAST_SERVICE_NUMBER_SERIAL.
CREATE SEQUENCE service_number_serials AS BIGINT
    START WITH 1000000 MINVALUE 1000000 MAXVALUE 9999999 NO CYCLE;

-- Authorisations (valtuutus): the organisation's account lets the point order its cards.
-- Revoking sets `revoked_at`; at most one active authorisation per account and point.
CREATE TABLE authorisations (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES customer_accounts (id),
    point_id   BIGINT NOT NULL REFERENCES registration_points (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE UNIQUE INDEX authorisations_active ON authorisations (account_id, point_id)
    WHERE revoked_at IS NULL;
CREATE INDEX authorisations_account ON authorisations (account_id, id);
CREATE INDEX authorisations_point ON authorisations (point_id, id);

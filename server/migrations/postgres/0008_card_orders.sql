-- PostgreSQL: the same tables as the SQLite migration 0010 (service-relationship certificates
-- and card orders). Times are Unix seconds (BIGINT), set by the server. Identity codes are
-- stored only sealed (`identity_code_sealed`) and as a keyed blind index
-- (`identity_code_index`), never in clear (server/src/identity_codes.rs).
CREATE TABLE service_certificates (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    point_id                BIGINT NOT NULL REFERENCES registration_points (id),
    organisation_account_id BIGINT NOT NULL REFERENCES customer_accounts (id),
    person_name             TEXT NOT NULL,
    identity_code_sealed    TEXT NOT NULL,
    identity_code_index     TEXT NOT NULL,
    received_on             TEXT NOT NULL,
    delivery                TEXT NOT NULL,
    recorded_by             TEXT NOT NULL,
    recorded_at             BIGINT NOT NULL
);

-- One certificate per point, organisation and person, also between replicas.
CREATE UNIQUE INDEX service_certificates_person
    ON service_certificates (point_id, organisation_account_id, identity_code_index);
CREATE INDEX service_certificates_point ON service_certificates (point_id, id);

CREATE TABLE card_orders (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    point_id             BIGINT NOT NULL REFERENCES registration_points (id),
    customer_account_id  BIGINT NOT NULL REFERENCES customer_accounts (id),
    card_kind            TEXT NOT NULL,
    person_name          TEXT,
    identity_code_sealed TEXT,
    identity_code_index  TEXT,
    certificate_id       BIGINT REFERENCES service_certificates (id),
    ordered_by           TEXT NOT NULL,
    ordered_at           BIGINT NOT NULL
);

CREATE INDEX card_orders_point ON card_orders (point_id, id);
CREATE INDEX card_orders_customer ON card_orders (point_id, customer_account_id, id);

-- The registration-point administration (SPEC §5), part 2: service-relationship certificates
-- (palvelusuhdetodistus) and card orders, recorded by a point's registrars. Times are Unix
-- seconds, set by the server.
--
-- A personal identity code is never stored: `identity_code_sealed` is the code sealed with
-- XChaCha20-Poly1305 under the server's configured key (`v1.<key id>.<base64url>`), and
-- `identity_code_index` its HMAC-SHA-256 blind index (hex) under a key derived from the same
-- key, so equal codes can be matched without either being readable (server/src/identity_codes.rs).

-- A certificate received for a staff member of an authorising private organisation, at one
-- point. One per point, organisation and person: a second is refused.
CREATE TABLE service_certificates (
    id                      INTEGER PRIMARY KEY,
    point_id                INTEGER NOT NULL REFERENCES registration_points (id),
    organisation_account_id INTEGER NOT NULL REFERENCES customer_accounts (id),
    person_name             TEXT NOT NULL,
    identity_code_sealed    TEXT NOT NULL,
    identity_code_index     TEXT NOT NULL,
    received_on             TEXT NOT NULL,
    delivery                TEXT NOT NULL,
    recorded_by             TEXT NOT NULL,
    recorded_at             INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX service_certificates_person
    ON service_certificates (point_id, organisation_account_id, identity_code_index);
CREATE INDEX service_certificates_point ON service_certificates (point_id, id);

-- A card ordered at a point for one of its customers: a staff card (a person, by name and
-- sealed code, and the certificate it rests on for a private organisation's staff member) or
-- an organisation card (no person).
CREATE TABLE card_orders (
    id                   INTEGER PRIMARY KEY,
    point_id             INTEGER NOT NULL REFERENCES registration_points (id),
    customer_account_id  INTEGER NOT NULL REFERENCES customer_accounts (id),
    card_kind            TEXT NOT NULL,
    person_name          TEXT,
    identity_code_sealed TEXT,
    identity_code_index  TEXT,
    certificate_id       INTEGER REFERENCES service_certificates (id),
    ordered_by           TEXT NOT NULL,
    ordered_at           INTEGER NOT NULL
) STRICT;

CREATE INDEX card_orders_point ON card_orders (point_id, id);
CREATE INDEX card_orders_customer ON card_orders (point_id, customer_account_id, id);

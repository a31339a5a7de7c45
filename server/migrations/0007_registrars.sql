-- The registration-point administration (SPEC §5), part 2 step 1: registrars (rekisteröijä).
-- A person's registrar rights are per registration point. Rights come from the agency
-- officer's grant of a registrar application, or were there before this service (demo data:
-- existing registrars keep their rights and apply for nothing). Removing rights sets
-- `removed_at`; at most one active row per point and person. Times are Unix seconds.
CREATE TABLE registrars (
    id          INTEGER PRIMARY KEY,
    point_id    INTEGER NOT NULL REFERENCES registration_points (id),
    account_key TEXT NOT NULL,
    granted_at  INTEGER NOT NULL,
    removed_at  INTEGER
) STRICT;

CREATE UNIQUE INDEX registrars_active ON registrars (point_id, account_key)
    WHERE removed_at IS NULL;
CREATE INDEX registrars_person ON registrars (account_key, point_id);

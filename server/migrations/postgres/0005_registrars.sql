-- PostgreSQL: the same table as the SQLite migration 0007 (registrars). A person's registrar
-- rights are per registration point; removing them sets `removed_at`; at most one active row
-- per point and person. Times are Unix seconds (BIGINT), set by the server.
CREATE TABLE registrars (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    point_id    BIGINT NOT NULL REFERENCES registration_points (id),
    account_key TEXT NOT NULL,
    granted_at  BIGINT NOT NULL,
    removed_at  BIGINT
);

CREATE UNIQUE INDEX registrars_active ON registrars (point_id, account_key)
    WHERE removed_at IS NULL;
CREATE INDEX registrars_person ON registrars (account_key, point_id);

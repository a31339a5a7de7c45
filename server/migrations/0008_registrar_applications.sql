-- The registration-point administration (SPEC §5), part 2: registrar applications
-- (rekisteröijähakemus) and their attachments. Times are Unix seconds (INTEGER), set by the
-- server, the same on both backends.

-- Uploaded files (the training certificate). The uploader's (`account_key`) until an
-- application names it. Each upload deletes the uploads no application names of its uploader,
-- and of anybody when older than a day. `kind` is what the file's leading bytes are (pdf, png,
-- jpeg), never its name's or the browser's word; `name` is the name it was uploaded with.
-- The file itself is `content`, at most 5 MiB. Uploads are deleted, so their ids are
-- AUTOINCREMENT: never given again, or a stale id would name another person's newer file.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_key TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    content     BLOB NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX attachments_uploader ON attachments (account_key, id);
CREATE INDEX attachments_age ON attachments (created_at);

-- A person's application for registrar rights at one or more of a county's approved points,
-- on the county's granted card contract. `state` is pending, granted or rejected (with
-- `rejection_reason`); the decision's email goes to `email` in `language`. At most one pending
-- application per person and contract; an attachment belongs to one application.
CREATE TABLE registrar_applications (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES customer_accounts (id),
    contract_id      INTEGER NOT NULL REFERENCES card_contracts (id),
    account_key      TEXT NOT NULL,
    applicant_name   TEXT,
    email            TEXT NOT NULL,
    language         TEXT NOT NULL,
    attachment_id    INTEGER NOT NULL UNIQUE REFERENCES attachments (id),
    state            TEXT NOT NULL,
    rejection_reason TEXT,
    created_at       INTEGER NOT NULL,
    decided_at       INTEGER,
    decided_by       TEXT
) STRICT;

CREATE UNIQUE INDEX registrar_applications_pending
    ON registrar_applications (contract_id, account_key) WHERE state = 'pending';
CREATE INDEX registrar_applications_state ON registrar_applications (state, id);
CREATE INDEX registrar_applications_applicant
    ON registrar_applications (account_key, account_id, id);

-- The points an application names.
CREATE TABLE registrar_application_points (
    application_id INTEGER NOT NULL REFERENCES registrar_applications (id),
    point_id       INTEGER NOT NULL REFERENCES registration_points (id),
    PRIMARY KEY (application_id, point_id)
) STRICT;

-- The professional's account: one registration and one profile per signed-in identity.
-- An identity is its provider's stable subject within its sign-in method.

CREATE TABLE registrations (
    subject     TEXT PRIMARY KEY NOT NULL,
    phone       TEXT NOT NULL,
    email       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- The cooperation organisations of a registration, in the order the user chose them.
CREATE TABLE registration_organisations (
    subject     TEXT NOT NULL REFERENCES registrations (subject) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    code        TEXT NOT NULL,
    PRIMARY KEY (subject, code),
    UNIQUE (subject, position)
) STRICT;

CREATE TABLE profiles (
    subject             TEXT PRIMARY KEY NOT NULL REFERENCES registrations (subject) ON DELETE CASCADE,
    professional_group  TEXT NOT NULL,
    wellbeing_county    TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

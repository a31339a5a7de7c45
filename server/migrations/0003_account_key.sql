-- The professionals' records are keyed by the account key (`suomifi:SUBJECT` or
-- `organisation:CODE:SUBJECT`, domain::AccountKey), not by a bare subject: the column says so
-- before the registration-point administration's customer accounts arrive. SQLite renames the
-- references of the other tables' foreign keys with the column.
ALTER TABLE registrations RENAME COLUMN subject TO account_key;
ALTER TABLE registration_organisations RENAME COLUMN subject TO account_key;
ALTER TABLE profiles RENAME COLUMN subject TO account_key;

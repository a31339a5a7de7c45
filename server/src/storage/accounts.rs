//! A professional's account: the registration and the profile, keyed by the account key of
//! the signed-in identity. What is read is parsed with `domain` again (one parser for both
//! backends), so a row that no longer passes the rules is reported, not shown. The SQLite SQL
//! is here; PostgreSQL's is in `postgres.rs`.

use domain::AccountKey;
use domain::registration::{Profile, ProfileInput, Registration, RegistrationInput};
use rusqlite::OptionalExtension;

use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

impl Sqlite {
    /// The registration of `account`, if there is one.
    pub(crate) async fn registration_of(
        &self,
        account: &AccountKey,
    ) -> Result<Option<Registration>, StorageError> {
        let key = account.clone();
        let account = account.as_str().to_owned();
        self.read(move |connection| {
            let row = connection
                .query_row(
                    "SELECT phone, email FROM registrations WHERE account_key = ?1",
                    [&account],
                    |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
                )
                .optional()?;
            let Some((phone, email)) = row else {
                return Ok(None);
            };
            let mut statement = connection.prepare_cached(
                "SELECT code FROM registration_organisations WHERE account_key = ?1 ORDER BY position",
            )?;
            let organisations = statement
                .query_map([&account], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            registration_from_row(&key, phone, email, organisations).map(Some)
        })
        .await
    }

    /// The profile of `account`, if there is one.
    pub(crate) async fn profile_of(
        &self,
        account: &AccountKey,
    ) -> Result<Option<Profile>, StorageError> {
        let key = account.clone();
        let account = account.as_str().to_owned();
        self.read(move |connection| {
            let row = connection
                .query_row(
                    "SELECT professional_group, wellbeing_county FROM profiles WHERE account_key = ?1",
                    [&account],
                    |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?)),
                )
                .optional()?;
            let Some((professional_group, wellbeing_county)) = row else {
                return Ok(None);
            };
            profile_from_row(&key, professional_group, wellbeing_county).map(Some)
        })
        .await
    }
}

/// The typed interface, the same on both backends.
impl Storage {
    /// The registration of `account`, if there is one.
    pub async fn registration_of(
        &self,
        account: &AccountKey,
    ) -> Result<Option<Registration>, StorageError> {
        on_backend!(self, registration_of(account))
    }

    /// The profile of `account`, if there is one.
    pub async fn profile_of(&self, account: &AccountKey) -> Result<Option<Profile>, StorageError> {
        on_backend!(self, profile_of(account))
    }

    /// Stores the first registration of `account`. Two concurrent first registrations end with
    /// exactly one row: the second finds the first.
    pub async fn registration_create(
        &self,
        account: &AccountKey,
        registration: Registration,
    ) -> Result<Result<Registration, AccountConflict>, StorageError> {
        on_backend!(self, registration_create(account, registration))
    }

    /// Replaces the registration of `account`.
    pub async fn registration_update(
        &self,
        account: &AccountKey,
        registration: Registration,
    ) -> Result<Result<Registration, AccountConflict>, StorageError> {
        on_backend!(self, registration_update(account, registration))
    }

    /// Stores the first profile of `account`, which must be registered.
    pub async fn profile_create(
        &self,
        account: &AccountKey,
        profile: Profile,
    ) -> Result<Result<Profile, AccountConflict>, StorageError> {
        on_backend!(self, profile_create(account, profile))
    }

    /// Replaces the profile of `account`.
    pub async fn profile_update(
        &self,
        account: &AccountKey,
        profile: Profile,
    ) -> Result<Result<Profile, AccountConflict>, StorageError> {
        on_backend!(self, profile_update(account, profile))
    }
}

/// A stored registration, checked by the domain's rules again.
pub(crate) fn registration_from_row(
    account: &AccountKey,
    phone: String,
    email: String,
    organisations: Vec<String>,
) -> Result<Registration, StorageError> {
    RegistrationInput {
        phone,
        email,
        organisations,
    }
    .validate()
    .map_err(|errors| StorageError::Corrupt(format!("registration of {account}: {errors:?}")))
}

/// A stored profile, checked by the domain's rules again.
pub(crate) fn profile_from_row(
    account: &AccountKey,
    professional_group: String,
    wellbeing_county: Option<String>,
) -> Result<Profile, StorageError> {
    ProfileInput {
        professional_group,
        wellbeing_county,
    }
    .validate()
    .map_err(|errors| StorageError::Corrupt(format!("profile of {account}: {errors:?}")))
}

/// What a write to an account came to, besides success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountConflict {
    /// A registration exists already (a second `POST /api/registration`).
    AlreadyRegistered,
    /// No registration exists (a `PUT` before the `POST`, or a profile before registering).
    NotRegistered,
    /// A profile exists already.
    ProfileExists,
    /// No profile exists.
    NoProfile,
}

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn insert_organisations(
    connection: &rusqlite::Connection,
    account: &str,
    registration: &Registration,
) -> Result<(), StorageError> {
    let mut statement = connection.prepare_cached(
        "INSERT INTO registration_organisations (account_key, position, code) VALUES (?1, ?2, ?3)",
    )?;
    for (position, organisation) in registration.organisations.as_slice().iter().enumerate() {
        statement.execute(rusqlite::params![
            account,
            position as i64,
            organisation.code()
        ])?;
    }
    Ok(())
}

impl Sqlite {
    /// Stores the first registration of `account`. Two concurrent first registrations end with
    /// exactly one row: the second finds the first.
    pub(crate) async fn registration_create(
        &self,
        account: &AccountKey,
        registration: Registration,
    ) -> Result<Result<Registration, AccountConflict>, StorageError> {
        let account = account.as_str().to_owned();
        self.write(move |connection| {
            let at = now();
            let inserted = connection.execute(
                "INSERT INTO registrations (account_key, phone, email, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (account_key) DO NOTHING",
                rusqlite::params![
                    account,
                    registration.phone.as_str(),
                    registration.email.as_str(),
                    at
                ],
            )?;
            if inserted == 0 {
                return Ok(Err(AccountConflict::AlreadyRegistered));
            }
            insert_organisations(connection, &account, &registration)?;
            Ok(Ok(registration))
        })
        .await
    }

    /// Replaces the registration of `account`.
    pub(crate) async fn registration_update(
        &self,
        account: &AccountKey,
        registration: Registration,
    ) -> Result<Result<Registration, AccountConflict>, StorageError> {
        let account = account.as_str().to_owned();
        self.write(move |connection| {
            let updated = connection.execute(
                "UPDATE registrations SET phone = ?2, email = ?3, updated_at = ?4 WHERE account_key = ?1",
                rusqlite::params![account, registration.phone.as_str(), registration.email.as_str(), now()],
            )?;
            if updated == 0 {
                return Ok(Err(AccountConflict::NotRegistered));
            }
            connection.execute(
                "DELETE FROM registration_organisations WHERE account_key = ?1",
                [&account],
            )?;
            insert_organisations(connection, &account, &registration)?;
            Ok(Ok(registration))
        })
        .await
    }

    /// Stores the first profile of `account`, which must be registered.
    pub(crate) async fn profile_create(
        &self,
        account: &AccountKey,
        profile: Profile,
    ) -> Result<Result<Profile, AccountConflict>, StorageError> {
        let account = account.as_str().to_owned();
        self.write(move |connection| {
            let registered: bool = connection.query_row(
                "SELECT EXISTS (SELECT 1 FROM registrations WHERE account_key = ?1)",
                [&account],
                |row| row.get(0),
            )?;
            if !registered {
                return Ok(Err(AccountConflict::NotRegistered));
            }
            let at = now();
            let inserted = connection.execute(
                "INSERT INTO profiles (account_key, professional_group, wellbeing_county, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (account_key) DO NOTHING",
                rusqlite::params![
                    account,
                    profile.professional_group.code(),
                    profile.wellbeing_county.map(|county| county.as_str()),
                    at
                ],
            )?;
            if inserted == 0 {
                return Ok(Err(AccountConflict::ProfileExists));
            }
            Ok(Ok(profile))
        })
        .await
    }

    /// Replaces the profile of `account`.
    pub(crate) async fn profile_update(
        &self,
        account: &AccountKey,
        profile: Profile,
    ) -> Result<Result<Profile, AccountConflict>, StorageError> {
        let account = account.as_str().to_owned();
        self.write(move |connection| {
            let updated = connection.execute(
                "UPDATE profiles SET professional_group = ?2, wellbeing_county = ?3, updated_at = ?4 \
                 WHERE account_key = ?1",
                rusqlite::params![
                    account,
                    profile.professional_group.code(),
                    profile.wellbeing_county.map(|county| county.as_str()),
                    now()
                ],
            )?;
            if updated == 0 {
                return Ok(Err(AccountConflict::NoProfile));
            }
            Ok(Ok(profile))
        })
        .await
    }
}

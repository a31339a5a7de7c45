//! Reading a professional's account: the registration and the profile, keyed by the account
//! key of the signed-in identity. What is read is parsed with `domain` again, so a row that no
//! longer passes the rules is reported, not shown.

use domain::registration::{Profile, ProfileInput, Registration, RegistrationInput};
use rusqlite::OptionalExtension;

use crate::storage::{Storage, StorageError};

impl Storage {
    /// The registration of `account`, if there is one.
    pub async fn registration_of(
        &self,
        account: &str,
    ) -> Result<Option<Registration>, StorageError> {
        let account = account.to_owned();
        self.read(move |connection| {
            let row = connection
                .query_row(
                    "SELECT phone, email FROM registrations WHERE subject = ?1",
                    [&account],
                    |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
                )
                .optional()?;
            let Some((phone, email)) = row else {
                return Ok(None);
            };
            let mut statement = connection.prepare_cached(
                "SELECT code FROM registration_organisations WHERE subject = ?1 ORDER BY position",
            )?;
            let organisations = statement
                .query_map([&account], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            let input = RegistrationInput {
                phone,
                email,
                organisations,
            };
            input.validate().map(Some).map_err(|errors| {
                StorageError::Corrupt(format!("registration of {account}: {errors:?}"))
            })
        })
        .await
    }

    /// The profile of `account`, if there is one.
    pub async fn profile_of(&self, account: &str) -> Result<Option<Profile>, StorageError> {
        let account = account.to_owned();
        self.read(move |connection| {
            let row = connection
                .query_row(
                    "SELECT professional_group, wellbeing_county FROM profiles WHERE subject = ?1",
                    [&account],
                    |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?)),
                )
                .optional()?;
            let Some((professional_group, wellbeing_county)) = row else {
                return Ok(None);
            };
            ProfileInput {
                professional_group,
                wellbeing_county,
            }
            .validate()
            .map(Some)
            .map_err(|errors| StorageError::Corrupt(format!("profile of {account}: {errors:?}")))
        })
        .await
    }
}

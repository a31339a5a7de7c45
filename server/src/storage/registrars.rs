//! Registrar rights (rekisteröijä), per registration point (SPEC §5, part 2). The table is
//! `registrars`: a row per grant, `removed_at` set when the rights end, at most one active row
//! per point and person. The methods here are the plain ones every part builds on: a grant
//! without an audit entry (demo data, existing registrars who keep their rights, and tests),
//! where a person is a registrar, and how many a point has. Grants and removals that people
//! make go through their own transactions, with the audit entry. The SQLite SQL is here;
//! PostgreSQL's is in `postgres/registrars.rs`.

use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

impl Sqlite {
    pub(crate) async fn add_registrar(
        &self,
        point_id: i64,
        account_key: String,
        at: i64,
    ) -> Result<bool, StorageError> {
        self.write(move |connection| {
            let added = connection
                .prepare_cached(
                    "INSERT INTO registrars (point_id, account_key, granted_at) \
                     VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                )?
                .execute(rusqlite::params![point_id, account_key, at])?;
            Ok(added == 1)
        })
        .await
    }

    pub(crate) async fn registrar_point_ids(
        &self,
        account_key: String,
    ) -> Result<Vec<i64>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(
                "SELECT point_id FROM registrars \
                 WHERE account_key = ?1 AND removed_at IS NULL ORDER BY point_id",
            )?;
            let ids = statement
                .query_map([account_key], |row| row.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            Ok(ids)
        })
        .await
    }

    pub(crate) async fn active_registrar_count(&self, point_id: i64) -> Result<i64, StorageError> {
        self.read(move |connection| {
            Ok(connection
                .prepare_cached(
                    "SELECT count(*) FROM registrars WHERE point_id = ?1 AND removed_at IS NULL",
                )?
                .query_row([point_id], |row| row.get(0))?)
        })
        .await
    }
}

impl Storage {
    /// Gives `account_key` active registrar rights at the point, without an audit entry: for
    /// the registrars who were there before this service (demo data) and for tests. False when
    /// the person already has active rights there.
    pub async fn add_registrar(
        &self,
        point_id: i64,
        account_key: &str,
        at: i64,
    ) -> Result<bool, StorageError> {
        on_backend!(self, add_registrar(point_id, account_key.to_owned(), at))
    }

    /// The points where the person has active registrar rights, ascending.
    pub async fn registrar_point_ids(&self, account_key: &str) -> Result<Vec<i64>, StorageError> {
        on_backend!(self, registrar_point_ids(account_key.to_owned()))
    }

    /// How many people have active registrar rights at the point.
    pub async fn active_registrar_count(&self, point_id: i64) -> Result<i64, StorageError> {
        on_backend!(self, active_registrar_count(point_id))
    }
}

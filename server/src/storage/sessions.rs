//! The `sessions` table: what the tower-sessions store (`crate::sessions`) keeps. A session is
//! its random id, its data as JSON text and its expiry in Unix seconds; an expired row is never
//! read and is deleted by the periodic sweep.

use rusqlite::OptionalExtension;

use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// A stored session: its data (JSON text) and its expiry (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    /// The session's data, as the store encoded it.
    pub data: String,
    /// When it expires, in Unix seconds.
    pub expires_at: i64,
}

impl Sqlite {
    /// Stores a new session under `id`, unless that id is taken: `false` then, and nothing
    /// is changed (the caller picks another id).
    pub(crate) async fn session_insert_new(
        &self,
        id: String,
        session: StoredSession,
    ) -> Result<bool, StorageError> {
        self.write(move |connection| {
            let inserted = connection.execute(
                "INSERT INTO sessions (id, data, expires_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (id) DO NOTHING",
                rusqlite::params![id, session.data, session.expires_at],
            )?;
            Ok(inserted == 1)
        })
        .await
    }

    /// Stores the session under `id`, replacing what was there.
    pub(crate) async fn session_save(
        &self,
        id: String,
        session: StoredSession,
    ) -> Result<(), StorageError> {
        self.write(move |connection| {
            connection.execute(
                "INSERT INTO sessions (id, data, expires_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
                rusqlite::params![id, session.data, session.expires_at],
            )?;
            Ok(())
        })
        .await
    }

    /// The session under `id`, unless it has expired by `now` (Unix seconds).
    pub(crate) async fn session_load(
        &self,
        id: String,
        now: i64,
    ) -> Result<Option<StoredSession>, StorageError> {
        self.read(move |connection| {
            Ok(connection
                .query_row(
                    "SELECT data, expires_at FROM sessions WHERE id = ?1 AND expires_at > ?2",
                    rusqlite::params![id, now],
                    |row| {
                        Ok(StoredSession {
                            data: row.get(0)?,
                            expires_at: row.get(1)?,
                        })
                    },
                )
                .optional()?)
        })
        .await
    }

    /// Deletes the session under `id` (sign-out), if there is one.
    pub(crate) async fn session_delete(&self, id: String) -> Result<(), StorageError> {
        self.write(move |connection| {
            connection.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
            Ok(())
        })
        .await
    }

    /// Deletes every session that has expired by `now` (Unix seconds).
    pub(crate) async fn sessions_delete_expired(&self, now: i64) -> Result<(), StorageError> {
        self.write(move |connection| {
            connection.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])?;
            Ok(())
        })
        .await
    }
}

/// The typed interface, the same on both backends.
impl Storage {
    /// Stores a new session under `id`, unless that id is taken: `false` then, and nothing
    /// is changed (the caller picks another id).
    pub async fn session_insert_new(
        &self,
        id: String,
        session: StoredSession,
    ) -> Result<bool, StorageError> {
        match &self.backend {
            Backend::Sqlite(db) => db.session_insert_new(id, session).await,
            Backend::Postgres(db) => db.session_insert_new(&id, &session).await,
        }
    }

    /// Stores the session under `id`, replacing what was there.
    pub async fn session_save(
        &self,
        id: String,
        session: StoredSession,
    ) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Sqlite(db) => db.session_save(id, session).await,
            Backend::Postgres(db) => db.session_save(&id, &session).await,
        }
    }

    /// The session under `id`, unless it has expired by `now` (Unix seconds).
    pub async fn session_load(
        &self,
        id: String,
        now: i64,
    ) -> Result<Option<StoredSession>, StorageError> {
        match &self.backend {
            Backend::Sqlite(db) => db.session_load(id, now).await,
            Backend::Postgres(db) => db.session_load(&id, now).await,
        }
    }

    /// Deletes the session under `id` (sign-out), if there is one.
    pub async fn session_delete(&self, id: String) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Sqlite(db) => db.session_delete(id).await,
            Backend::Postgres(db) => db.session_delete(&id).await,
        }
    }

    /// Deletes every session that has expired by `now` (Unix seconds).
    pub async fn sessions_delete_expired(&self, now: i64) -> Result<(), StorageError> {
        on_backend!(self, sessions_delete_expired(now))
    }
}

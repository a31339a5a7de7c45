//! The session store of tower-sessions, in the server's own SQLite database: a session survives
//! a restart, and an expired one is gone. The cookie carries only the random id.

use std::collections::HashMap;

use async_trait::async_trait;
use rusqlite::OptionalExtension;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use crate::storage::{Storage, StorageError};

/// Sessions in the `sessions` table.
#[derive(Debug, Clone)]
pub struct SqliteSessionStore {
    storage: Storage,
}

impl SqliteSessionStore {
    /// A store over `storage`.
    pub fn new(storage: Storage) -> Self {
        SqliteSessionStore { storage }
    }
}

fn backend(error: StorageError) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

fn encode(record: &Record) -> session_store::Result<String> {
    serde_json::to_string(&record.data)
        .map_err(|error| session_store::Error::Encode(error.to_string()))
}

#[async_trait]
impl SessionStore for SqliteSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A new id until one is free: ids are random 128-bit numbers, so a clash is only
        // theoretical, but a clash must never hand one person another's session.
        loop {
            let id = record.id.to_string();
            let data = encode(record)?;
            let expires_at = record.expiry_date.unix_timestamp();
            let inserted = self
                .storage
                .write(move |connection| {
                    Ok(connection.execute(
                        "INSERT INTO sessions (id, data, expires_at) VALUES (?1, ?2, ?3) \
                         ON CONFLICT (id) DO NOTHING",
                        rusqlite::params![id, data, expires_at],
                    )?)
                })
                .await
                .map_err(backend)?;
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let id = record.id.to_string();
        let data = encode(record)?;
        let expires_at = record.expiry_date.unix_timestamp();
        self.storage
            .write(move |connection| {
                connection.execute(
                    "INSERT INTO sessions (id, data, expires_at) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
                    rusqlite::params![id, data, expires_at],
                )?;
                Ok(())
            })
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let key = id.to_string();
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let row = self
            .storage
            .read(move |connection| {
                Ok(connection
                    .query_row(
                        "SELECT data, expires_at FROM sessions WHERE id = ?1 AND expires_at > ?2",
                        rusqlite::params![key, now],
                        |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)),
                    )
                    .optional()?)
            })
            .await
            .map_err(backend)?;
        let Some((data, expires_at)) = row else {
            return Ok(None);
        };
        let data: HashMap<String, serde_json::Value> = serde_json::from_str(&data)
            .map_err(|error| session_store::Error::Decode(error.to_string()))?;
        let expiry_date = OffsetDateTime::from_unix_timestamp(expires_at)
            .map_err(|error| session_store::Error::Decode(error.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let key = id.to_string();
        self.storage
            .write(move |connection| {
                connection.execute("DELETE FROM sessions WHERE id = ?1", [key])?;
                Ok(())
            })
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl ExpiredDeletion for SqliteSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        self.storage
            .write(move |connection| {
                connection.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])?;
                Ok(())
            })
            .await
            .map_err(backend)
    }
}

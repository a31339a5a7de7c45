//! The session store of tower-sessions, in the server's own database (its SQL is in
//! `storage/sessions.rs`): a session survives a restart, and an expired one is gone. The cookie
//! carries only the random id.

use std::collections::HashMap;

use async_trait::async_trait;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use crate::storage::{Storage, StorageError, StoredSession};

/// Sessions in the `sessions` table.
#[derive(Debug, Clone)]
pub struct DatabaseSessionStore {
    storage: Storage,
}

impl DatabaseSessionStore {
    /// A store over `storage`.
    pub fn new(storage: Storage) -> Self {
        DatabaseSessionStore { storage }
    }
}

/// How the store's errors begin when the database cannot be reached or written just now:
/// tower-sessions carries a store's errors as text only, so this prefix is how
/// [`is_unavailable`] (and so the 503) recognises them.
const UNAVAILABLE: &str = "database unavailable: ";

fn backend(error: StorageError) -> session_store::Error {
    if error.is_unavailable() {
        session_store::Error::Backend(format!("{UNAVAILABLE}{error}"))
    } else {
        session_store::Error::Backend(error.to_string())
    }
}

/// Whether a session error is the store's "the database cannot be reached or written".
pub fn is_unavailable(error: &tower_sessions::session::Error) -> bool {
    matches!(
        error,
        tower_sessions::session::Error::Store(session_store::Error::Backend(message))
            if message.starts_with(UNAVAILABLE)
    )
}

fn stored(record: &Record) -> session_store::Result<StoredSession> {
    Ok(StoredSession {
        data: serde_json::to_string(&record.data)
            .map_err(|error| session_store::Error::Encode(error.to_string()))?,
        expires_at: record.expiry_date.unix_timestamp(),
    })
}

#[async_trait]
impl SessionStore for DatabaseSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A new id until one is free: ids are random 128-bit numbers, so a clash is only
        // theoretical, but a clash must never hand one person another's session.
        loop {
            let inserted = self
                .storage
                .session_insert_new(record.id.to_string(), stored(record)?)
                .await
                .map_err(backend)?;
            if inserted {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.storage
            .session_save(record.id.to_string(), stored(record)?)
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let Some(session) = self
            .storage
            .session_load(id.to_string(), now)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let data: HashMap<String, serde_json::Value> = serde_json::from_str(&session.data)
            .map_err(|error| session_store::Error::Decode(error.to_string()))?;
        let expiry_date = OffsetDateTime::from_unix_timestamp(session.expires_at)
            .map_err(|error| session_store::Error::Decode(error.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.storage
            .session_delete(id.to_string())
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl ExpiredDeletion for DatabaseSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        self.storage
            .sessions_delete_expired(now)
            .await
            .map_err(backend)
    }
}

/// tower-sessions saves a changed session after the handler has answered (a sign-in; the idle
/// expiry renewed once a minute), and when that save fails it replaces the answer with a bare
/// 500: no body, no code, although the handler succeeded. In this server that bare 500 comes
/// from nowhere else (every handler's refusal has a coded JSON body), so this layer, just
/// outside the session layer, answers it as the session store's failure: the session could not
/// be written (the disk is full, the database cannot be reached), so 503
/// `database_unavailable`, or for a browser's sign-in navigation under `/auth` the
/// identification step with `sign_in_failed`, as the other refused sign-ins. Nothing was saved
/// and nothing earlier is lost; signing in again works once the database does.
pub async fn save_failures(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    let sign_in_page = request.uri().path().starts_with("/auth/")
        && crate::auth::sign_in::accepts_html(request.headers());
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    tracing::warn!("the session could not be saved: answered as the database unavailable");
    if sign_in_page {
        crate::auth::sign_in::sign_in_failed(None)
    } else {
        crate::error::refusal(contract::error::ErrorCode::DatabaseUnavailable)
    }
}

//! All SQL of the server lives behind [`Storage`], whose typed methods are the one interface
//! of the two backends:
//!
//! - SQLite (`sqlite:PATH`, the embedded default): one file, one writer thread with group
//!   commit (`sqlite.rs`);
//! - PostgreSQL (`postgres://…`), for several stateless replicas on one database
//!   (`postgres.rs`).
//!
//! Every write is answered only after it is durable. `backup` copies a SQLite database while it
//! is in use (SQLite's online backup API); PostgreSQL's own tools back up PostgreSQL. The typed methods live beside the data
//! they keep (`accounts.rs`, `sessions.rs`); each says its SQL once per backend.

/// Calls `method(args…)` on whichever backend `storage` has, and awaits it: the typed
/// interface's methods are the same on both backends.
macro_rules! on_backend {
    ($storage:ident, $method:ident($($argument:expr),* $(,)?)) => {
        match &$storage.backend {
            Backend::Sqlite(db) => db.$method($($argument),*).await,
            Backend::Postgres(db) => db.$method($($argument),*).await,
        }
    };
}

mod accounts;
pub mod administration;
mod backup;
pub mod card_orders;
pub mod invitations;
pub mod points;
pub mod postgres;
pub mod registrar_applications;
pub mod registrar_contacts;
pub mod registrars;
mod sessions;
pub mod sqlite;

pub use accounts::AccountConflict;
pub use backup::{BackupReport, IfExists, backup};
pub use sessions::StoredSession;

use std::path::PathBuf;

use crate::storage::postgres::Postgres;
use crate::storage::sqlite::Sqlite;

/// Why the database failed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database URL is not one this server understands.
    #[error("unsupported database URL (expected sqlite:PATH or postgres://…): {0}")]
    UnsupportedUrl(String),
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// A SQLite migration failed.
    #[error(transparent)]
    Migration(#[from] rusqlite_migration::Error),
    /// PostgreSQL failed.
    #[error("postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// No PostgreSQL connection could be had in time.
    #[error("postgres pool: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    /// A stored row no longer passes the domain's rules.
    #[error("stored data does not pass the rules: {0}")]
    Corrupt(String),
    /// The writer's transaction could not begin or commit.
    #[error("transaction: {0}")]
    Transaction(String),
    /// The writer's transaction could not begin or commit because the database cannot be
    /// written just now (SQLite: the disk is full, or an I/O error).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A backup was asked of a PostgreSQL database, which its own tools back up.
    #[error(
        "`server backup` copies SQLite databases; back up PostgreSQL with \
         `pg_dump -Fc` (and restore with `pg_restore`)"
    )]
    BackupOfPostgres,
    /// There is no database file to back up (none is created).
    #[error("no database at {}", .0.display())]
    NoDatabase(PathBuf),
    /// The backup's destination exists, and replacing it was not asked for.
    #[error("{} exists; not replaced", .0.display())]
    BackupExists(PathBuf),
    /// The backup's destination is the database itself (or a file SQLite keeps beside it).
    #[error("{} is the database itself; a backup cannot replace it", .0.display())]
    BackupOverDatabase(PathBuf),
    /// A file could not be written, synced or renamed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The writer thread or a blocking task is gone (the server is shutting down).
    #[error("the database worker stopped")]
    WorkerGone,
}

impl StorageError {
    /// Whether the error means "the database cannot be reached or written just now" (it is
    /// down or restarting, a connection broke, its disk is full) rather than a fault of this
    /// server or of the data: the API answers 503 `database_unavailable` for these, 500
    /// `internal` for the rest.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StorageError::Unavailable(_) => true,
            StorageError::Sqlite(error) => sqlite::is_unavailable(error),
            StorageError::Postgres(error) => postgres::is_unavailable(error),
            StorageError::Pool(error) => postgres::pool_is_unavailable(error),
            _ => false,
        }
    }
}

/// The database, whichever backend. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Storage {
    backend: Backend,
}

#[derive(Clone, Debug)]
enum Backend {
    Sqlite(Sqlite),
    Postgres(Postgres),
}

impl Storage {
    /// Opens the database at `url`: `sqlite:PATH` (the file and its tables are created on
    /// first start) or `postgres://…` (the tables are created in that database); applies the
    /// migrations.
    pub async fn open(url: &str) -> Result<Storage, StorageError> {
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(Postgres::open(url).await?)
        } else {
            Backend::Sqlite(Sqlite::open(sqlite_path(url)?).await?)
        };
        Ok(Storage { backend })
    }

    /// The SQLite backend, for what only it has (its tests' raw SQL, the backup).
    pub fn sqlite(&self) -> Option<&Sqlite> {
        match &self.backend {
            Backend::Sqlite(sqlite) => Some(sqlite),
            Backend::Postgres(_) => None,
        }
    }

    /// Answers when the database answers a query.
    pub async fn check(&self) -> Result<(), StorageError> {
        on_backend!(self, check())
    }

    /// The names of the tables the migrations created, sorted (for tests and diagnostics).
    pub async fn table_names(&self) -> Result<Vec<String>, StorageError> {
        on_backend!(self, table_names())
    }
}

fn sqlite_path(url: &str) -> Result<PathBuf, StorageError> {
    let rest = url
        .strip_prefix("sqlite:")
        .ok_or_else(|| StorageError::UnsupportedUrl(url.to_owned()))?;
    let path = rest.strip_prefix("//").unwrap_or(rest);
    if path.is_empty() {
        return Err(StorageError::UnsupportedUrl(url.to_owned()));
    }
    Ok(PathBuf::from(path))
}

//! All SQL of the server lives behind [`Storage`]. The default backend is SQLite in a file that
//! is created on first start, in WAL mode with `synchronous=FULL` so that an answered write
//! survives a power cut; migrations under `server/migrations/` are applied on every start.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

/// Why the database failed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database URL is not one this server understands.
    #[error("unsupported database URL (expected sqlite:PATH): {0}")]
    UnsupportedUrl(String),
    /// The database driver failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migration(#[from] sqlx::migrate::MigrateError),
}

/// The database. Cheap to clone: it is a connection pool.
#[derive(Debug, Clone)]
pub struct Storage {
    pool: SqlitePool,
}

impl Storage {
    /// Opens the database at `url` (`sqlite:PATH`), creating the file if it does not exist, and
    /// applies the migrations.
    pub async fn open(url: &str) -> Result<Storage, StorageError> {
        if !url.starts_with("sqlite:") {
            return Err(StorageError::UnsupportedUrl(url.to_owned()));
        }
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Storage { pool })
    }

    /// Answers when the database answers a query.
    pub async fn check(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The names of the tables the migrations created, sorted (for tests and diagnostics).
    pub async fn table_names(&self) -> Result<Vec<String>, StorageError> {
        let names = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(names)
    }

    /// Closes every connection, checkpointing the write-ahead log.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

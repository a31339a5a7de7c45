//! The SQLite backend: one file, created on first start, in WAL mode with `synchronous=FULL`,
//! so that an answered write survives a power cut. Writes go to one writer thread that commits
//! whatever has queued up in one transaction (group commit), each write in its own savepoint so
//! that one failing write does not undo the others; a write's caller hears back only after the
//! commit is on disk. Reads run on a small pool of connections beside it. Migrations under
//! `server/migrations/` are compiled in and applied on every start.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};
use tokio::sync::{mpsc, oneshot};

use crate::storage::StorageError;

/// How many queued writes one transaction takes at the most.
const MAX_GROUP: usize = 256;
/// How many idle read connections are kept.
const MAX_IDLE_READERS: usize = 8;

/// The migrations, in order. Never edit one that has shipped: add the next.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/0001_initial.sql")),
        M::up(include_str!("../../migrations/0002_sessions.sql")),
        M::up(include_str!("../../migrations/0003_account_key.sql")),
        M::up(include_str!("../../migrations/0004_administration.sql")),
        M::up(include_str!("../../migrations/0005_points.sql")),
        M::up(include_str!("../../migrations/0006_invitations.sql")),
        M::up(include_str!("../../migrations/0007_registrars.sql")),
        M::up(include_str!(
            "../../migrations/0008_registrar_applications.sql"
        )),
        M::up(include_str!("../../migrations/0009_registrar_contacts.sql")),
        M::up(include_str!("../../migrations/0010_card_orders.sql")),
    ])
}

/// Why a group's transaction did not commit: the reason, and whether it means the database
/// cannot be written just now ([`is_unavailable`]).
#[derive(Clone)]
struct CommitFailure {
    reason: String,
    unavailable: bool,
}

impl CommitFailure {
    fn of(error: &rusqlite::Error) -> CommitFailure {
        CommitFailure {
            reason: error.to_string(),
            unavailable: is_unavailable(error),
        }
    }

    fn into_error(self) -> StorageError {
        if self.unavailable {
            StorageError::Unavailable(self.reason)
        } else {
            StorageError::Transaction(self.reason)
        }
    }
}

/// Whether `error` means the database cannot be read or written just now rather than a fault
/// of the data or the SQL: the disk is full, an I/O error, the file cannot be opened.
pub fn is_unavailable(error: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode;
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DiskFull | ErrorCode::SystemIoFailure | ErrorCode::CannotOpen)
    )
}

type Completion = Box<dyn FnOnce(Result<(), CommitFailure>) + Send>;
/// A queued write. Given no connection, it does not run and only answers its caller.
type WriteJob = Box<dyn FnOnce(Option<&Connection>) -> (bool, Completion) + Send>;

/// The database. Cheap to clone.
#[derive(Clone)]
pub struct Sqlite {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writes: mpsc::Sender<WriteJob>,
    idle_readers: Mutex<Vec<Connection>>,
}

impl std::fmt::Debug for Sqlite {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Sqlite")
            .field("path", &self.inner.path)
            .finish_non_exhaustive()
    }
}

impl Sqlite {
    /// Opens the database at `path`, creating the file if it does not exist, and applies the
    /// migrations.
    pub async fn open(path: PathBuf) -> Result<Sqlite, StorageError> {
        let opened_path = path.clone();
        let mut writer =
            tokio::task::spawn_blocking(move || -> Result<Connection, StorageError> {
                let mut connection = connect(&opened_path)?;
                migrations().to_latest(&mut connection)?;
                Ok(connection)
            })
            .await
            .map_err(|_| StorageError::WorkerGone)??;
        let (writes, queue) = mpsc::channel::<WriteJob>(4 * MAX_GROUP);
        std::thread::Builder::new()
            .name("storage-writer".into())
            .spawn(move || write_loop(&mut writer, queue))
            .map_err(|_| StorageError::WorkerGone)?;
        Ok(Sqlite {
            inner: Arc::new(Inner {
                path,
                writes,
                idle_readers: Mutex::new(Vec::new()),
            }),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `work` in the writer's transaction and answers once it is committed to disk. An
    /// error from `work` undoes only its own changes.
    pub async fn write<T, F>(&self, work: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StorageError> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job: WriteJob = Box::new(move |connection| {
            let outcome = match connection {
                Some(connection) => work(connection),
                None => Err(StorageError::Transaction("not begun".into())),
            };
            let succeeded = outcome.is_ok();
            let completion: Completion = Box::new(move |committed| {
                let result = match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    // Nothing was written; that the database cannot be written says more than
                    // the write's own failure (which may only be "not begun").
                    (_, Err(failure)) if failure.unavailable => Err(failure.into_error()),
                    (Err(error), _) => Err(error),
                    (Ok(_), Err(failure)) => Err(failure.into_error()),
                };
                let _ = answer.send(result);
            });
            (succeeded, completion)
        });
        self.inner
            .writes
            .send(job)
            .await
            .map_err(|_| StorageError::WorkerGone)?;
        answered.await.map_err(|_| StorageError::WorkerGone)?
    }

    /// Runs `work` on a read connection, off the async threads.
    pub async fn read<T, F>(&self, work: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StorageError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let idle = inner
                .idle_readers
                .lock()
                .ok()
                .and_then(|mut idle| idle.pop());
            let connection = match idle {
                Some(connection) => connection,
                None => connect(&inner.path)?,
            };
            let result = work(&connection);
            if let Ok(mut idle) = inner.idle_readers.lock()
                && idle.len() < MAX_IDLE_READERS
            {
                idle.push(connection);
            }
            result
        })
        .await
        .map_err(|_| StorageError::WorkerGone)?
    }

    /// Answers when the database answers a query.
    pub async fn check(&self) -> Result<(), StorageError> {
        self.read(|connection| {
            connection.query_row("SELECT 1", [], |_| Ok(()))?;
            Ok(())
        })
        .await
    }

    /// The names of the tables the migrations created, sorted (for tests and diagnostics).
    pub async fn table_names(&self) -> Result<Vec<String>, StorageError> {
        self.read(|connection| {
            let mut statement = connection.prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?;
            let names = statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(names)
        })
        .await
    }
}

fn connect(path: &Path) -> Result<Connection, StorageError> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(std::time::Duration::from_secs(5))?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    Ok(connection)
}

/// The writer thread: takes the first queued write and everything queued behind it (up to
/// [`MAX_GROUP`]), runs them in one transaction, commits once, then answers each.
fn write_loop(connection: &mut Connection, mut queue: mpsc::Receiver<WriteJob>) {
    while let Some(first) = queue.blocking_recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let mut completions = Vec::with_capacity(group.len());
        if let Err(error) = connection.execute_batch("BEGIN IMMEDIATE") {
            tracing::error!("cannot begin a write transaction: {error}");
            let failure = CommitFailure::of(&error);
            for job in group {
                let (_, completion) = job(None);
                completion(Err(failure.clone()));
            }
            continue;
        }
        for job in group {
            let savepoint = connection.execute_batch("SAVEPOINT write");
            // A write that cannot have its own savepoint does not run: it could not be undone
            // alone.
            let (succeeded, completion) = job(savepoint.is_ok().then_some(&*connection));
            if savepoint.is_ok() {
                let end = if succeeded {
                    "RELEASE write"
                } else {
                    "ROLLBACK TO write; RELEASE write"
                };
                if let Err(error) = connection.execute_batch(end) {
                    tracing::error!("savepoint: {error}");
                }
            }
            completions.push(completion);
        }
        let committed = connection
            .execute_batch("COMMIT")
            .map_err(|error| CommitFailure::of(&error));
        if let Err(failure) = &committed {
            tracing::error!("commit failed: {}", failure.reason);
            let _ = connection.execute_batch("ROLLBACK");
        }
        for completion in completions {
            completion(committed.clone());
        }
    }
}

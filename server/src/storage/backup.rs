//! Online backups of the SQLite database with SQLite's backup API, taken while the server
//! keeps serving.
//!
//! The pages are copied from a connection of the backup's own into a temporary file beside the
//! destination, [`PAGES_PER_STEP`] at a time with a pause between steps. In WAL mode a step is a
//! read, which never blocks the server's writer; the short steps keep each read snapshot short,
//! so checkpoints go on and the copy shares the disk with the server. A write by another
//! connection between two steps makes SQLite start the copy again from the first page (the
//! copy is always one consistent snapshot); under steady writes that would never end, so after
//! [`MAX_RESTARTS`] restarts the rest is copied in one step, one read snapshot, which in WAL mode
//! still does not block writes. Whatever snapshot the copy ends with is taken after the backup
//! began, so it holds every write acknowledged before that.
//!
//! The copy is checked (`PRAGMA quick_check`), closed and fsynced under its temporary name, and
//! only then given the destination's name (and the folder fsynced), so a half-written backup
//! never has the final name.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::storage::{Storage, StorageError, sqlite_path};

/// Pages copied per step: 1 MiB at SQLite's default page size of 4 KiB.
const PAGES_PER_STEP: i32 = 256;
/// The pause between steps.
const PAUSE: Duration = Duration::from_millis(5);
/// Restarts (the source changed between steps) after which the rest is copied in one step.
const MAX_RESTARTS: u32 = 3;
/// Steps in a row that may find the source busy or locked before the backup gives up.
const MAX_BUSY_STEPS: u32 = 1_000;

/// What to do when the destination exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    /// Refuse ([`StorageError::BackupExists`]); nothing is written.
    Refuse,
    /// Replace it, in one rename, once the backup is complete.
    Replace,
}

/// What a finished backup copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupReport {
    /// Pages in the backup.
    pub pages: u32,
    /// Bytes in the backup file.
    pub bytes: u64,
    /// How often a write between two steps made SQLite start the copy again.
    pub restarts: u32,
}

impl Storage {
    /// Writes a backup of this database to `destination` while reads and writes go on (see
    /// the module's documentation).
    pub async fn backup_to(
        &self,
        destination: &Path,
        if_exists: IfExists,
    ) -> Result<BackupReport, StorageError> {
        let source = self
            .sqlite()
            .ok_or(StorageError::BackupOfPostgres)?
            .path()
            .to_owned();
        let destination = destination.to_owned();
        tokio::task::spawn_blocking(move || backup_file(&source, &destination, if_exists))
            .await
            .map_err(|_| StorageError::WorkerGone)?
    }
}

/// Writes a backup of the database at `url` to `destination` without opening it as a
/// [`Storage`]: no migration, no write, and no database created where there is none. For
/// `server backup`, beside a running server or not.
pub async fn backup(
    url: &str,
    destination: &Path,
    if_exists: IfExists,
) -> Result<BackupReport, StorageError> {
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        return Err(StorageError::BackupOfPostgres);
    }
    let source = sqlite_path(url)?;
    let destination = destination.to_owned();
    tokio::task::spawn_blocking(move || backup_file(&source, &destination, if_exists))
        .await
        .map_err(|_| StorageError::WorkerGone)?
}

fn backup_file(
    source: &Path,
    destination: &Path,
    if_exists: IfExists,
) -> Result<BackupReport, StorageError> {
    if !source.is_file() {
        return Err(StorageError::NoDatabase(source.to_owned()));
    }
    if destination.exists() {
        if if_exists == IfExists::Refuse {
            return Err(StorageError::BackupExists(destination.to_owned()));
        }
        if sqlite_files(source)
            .iter()
            .any(|file| same_file(file, destination))
        {
            return Err(StorageError::BackupOverDatabase(destination.to_owned()));
        }
    }
    let source = open_source(source)?;
    let partial = partial_path(destination)?;
    // `create_new`: a temporary name is never shared with another backup, or anything else.
    File::create_new(&partial).map_err(io_error(&partial))?;
    let result = copy_into(&source, &partial)
        .and_then(|report| publish(&partial, destination, if_exists).map(|()| report));
    if result.is_err() {
        for leftover in sqlite_files(&partial) {
            let _ = fs::remove_file(leftover);
        }
    }
    result
}

/// Opens the database to copy: read and write (a reader of a WAL database may need to create
/// the `-shm` file), but never created, and with `query_only` so nothing is written through it.
fn open_source(path: &Path) -> Result<Connection, StorageError> {
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    connection.busy_timeout(Duration::from_secs(5))?;
    connection.pragma_update(None, "query_only", true)?;
    Ok(connection)
}

fn copy_into(source: &Connection, partial: &Path) -> Result<BackupReport, StorageError> {
    let mut copy = Connection::open(partial)?;
    let (pages, restarts) = {
        let backup = Backup::new(source, &mut copy)?;
        let mut pages_per_step = PAGES_PER_STEP;
        let mut restarts = 0;
        let mut busy_steps = 0;
        let mut last_remaining: Option<i32> = None;
        loop {
            match backup.step(pages_per_step)? {
                StepResult::Done => break,
                StepResult::More => {
                    busy_steps = 0;
                    let remaining = backup.progress().remaining;
                    // A copy that did not get closer to the end was started again.
                    if last_remaining.is_some_and(|last| remaining >= last) {
                        restarts += 1;
                        if restarts >= MAX_RESTARTS {
                            pages_per_step = -1;
                        }
                    }
                    last_remaining = Some(remaining);
                }
                // Busy, locked, or a result of a newer rusqlite: try again after the pause.
                _ => {
                    busy_steps += 1;
                    if busy_steps >= MAX_BUSY_STEPS {
                        return Err(StorageError::Transaction(
                            "the database stayed busy; backup abandoned".into(),
                        ));
                    }
                }
            }
            std::thread::sleep(PAUSE);
        }
        (backup.progress().pagecount, restarts)
    };
    let check: String = copy.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(StorageError::Corrupt(format!(
            "the backup's quick_check: {check}"
        )));
    }
    copy.close().map_err(|(_, error)| error)?;
    let file = File::open(partial).map_err(io_error(partial))?;
    file.sync_all().map_err(io_error(partial))?;
    Ok(BackupReport {
        pages: u32::try_from(pages).unwrap_or(0),
        bytes: file.metadata().map_err(io_error(partial))?.len(),
        restarts,
    })
}

/// Gives the complete backup its final name. Without [`IfExists::Replace`] a hard link does
/// it, which fails rather than replace a file that appeared meanwhile.
fn publish(partial: &Path, destination: &Path, if_exists: IfExists) -> Result<(), StorageError> {
    let io = io_error(destination);
    match if_exists {
        IfExists::Replace => fs::rename(partial, destination).map_err(&io)?,
        IfExists::Refuse => match fs::hard_link(partial, destination) {
            Ok(()) => fs::remove_file(partial).map_err(&io)?,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StorageError::BackupExists(destination.to_owned()));
            }
            // A file system without hard links: check, then rename.
            Err(_) if destination.exists() => {
                return Err(StorageError::BackupExists(destination.to_owned()));
            }
            Err(_) => fs::rename(partial, destination).map_err(&io)?,
        },
    }
    sync_folder(destination).map_err(io)
}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_folder(file: &Path) -> io::Result<()> {
    File::open(folder_of(file))?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_file: &Path) -> io::Result<()> {
    Ok(())
}

fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// `.NAME.partial-PID` beside `destination`: the same file system, so the rename is atomic.
fn partial_path(destination: &Path) -> Result<PathBuf, StorageError> {
    let name = destination.file_name().ok_or_else(|| {
        io_error(destination)(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a file name",
        ))
    })?;
    let mut partial = std::ffi::OsString::from(".");
    partial.push(name);
    partial.push(format!(".partial-{}", std::process::id()));
    Ok(folder_of(destination).join(partial))
}

/// The file and the ones SQLite may keep beside it.
fn sqlite_files(path: &Path) -> [PathBuf; 4] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [
        path.to_owned(),
        with("-journal"),
        with("-wal"),
        with("-shm"),
    ]
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> StorageError {
    let path = path.to_owned();
    move |source| StorageError::Io {
        path: path.clone(),
        source,
    }
}

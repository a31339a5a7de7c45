//! Backups: one taken while writers keep writing restores every write acknowledged before it
//! began, and passes SQLite's integrity check; `server backup` never replaces a file it was
//! not told to, never leaves a half-written file under the final name, and creates no
//! database where there was none.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use domain::AccountKey;
use domain::registration::{Registration, RegistrationInput};
use server::storage::{IfExists, Storage, StorageError};

fn url(path: &Path) -> String {
    format!("sqlite:{}", path.display())
}

fn registration() -> Registration {
    RegistrationInput {
        phone: "040 123 4567".into(),
        email: "maija@esimerkki.fi".into(),
        organisations: vec!["organisation:HUS".into(), "municipality:091".into()],
    }
    .validate()
    .expect("a valid registration")
}

fn account(name: &str) -> AccountKey {
    domain::Identity {
        subject: name.to_owned(),
        method: domain::IdentityMethod::SuomiFi {
            means: domain::PersonalMeans::OnlineBank,
        },
        first_name: "Maija".into(),
        last_name: "Meikäläinen".into(),
    }
    .account_key()
}

async fn register(storage: &Storage, name: &str) -> AccountKey {
    let account = account(name);
    storage
        .registration_create(&account, registration())
        .await
        .expect("storage")
        .expect("a new account");
    account
}

async fn integrity(storage: &Storage) -> String {
    storage
        .sqlite()
        .expect("a SQLite database")
        .read(
            |connection| Ok(connection.query_row("PRAGMA integrity_check", [], |row| row.get(0))?),
        )
        .await
        .unwrap()
}

/// The files in `folder`, sorted.
fn files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_write_load_restores_every_write_acknowledged_before_it_began() {
    let folder = tempfile::tempdir().unwrap();
    let live = folder.path().join("live.sqlite3");
    let storage = Storage::open(&url(&live)).await.unwrap();
    // Some megabytes first, so that the copy takes several steps while the writers go on.
    let preload: Vec<_> = (0..4_000)
        .map(|index| {
            let storage = storage.clone();
            tokio::spawn(async move { register(&storage, &format!("preload-{index}")).await })
        })
        .collect();
    for write in preload {
        write.await.unwrap();
    }

    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let (storage, acknowledged, stop) = (
                storage.clone(),
                Arc::clone(&acknowledged),
                Arc::clone(&stop),
            );
            tokio::spawn(async move {
                let mut index = 0;
                while !stop.load(Ordering::Relaxed) {
                    let account = register(&storage, &format!("writer-{writer}-{index}")).await;
                    acknowledged.lock().unwrap().push(account);
                    index += 1;
                }
            })
        })
        .collect();
    // Every writer under way before the backup begins.
    while acknowledged.lock().unwrap().len() < 100 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }

    let before: Vec<AccountKey> = acknowledged.lock().unwrap().clone();
    let copy = folder.path().join("backup.sqlite3");
    let report = storage.backup_to(&copy, IfExists::Refuse).await.unwrap();
    let during = acknowledged.lock().unwrap().len() - before.len();
    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.await.unwrap();
    }
    eprintln!("{report:?}; {during} writes acknowledged during the backup");
    assert!(report.pages > 256, "{report:?}");

    // The restore: the backup copied into place, opened as the server opens its database.
    let restored_folder = tempfile::tempdir().unwrap();
    let restored_path = restored_folder.path().join("restored.sqlite3");
    std::fs::copy(&copy, &restored_path).unwrap();
    let restored = Storage::open(&url(&restored_path)).await.unwrap();
    assert_eq!(integrity(&restored).await, "ok");
    for account in &before {
        assert_eq!(
            restored.registration_of(account).await.unwrap(),
            Some(registration()),
            "{account} was acknowledged before the backup began"
        );
    }
    assert!(
        restored
            .registration_of(&account("preload-3999"))
            .await
            .unwrap()
            .is_some()
    );
    // The live database is untouched and still takes writes.
    register(&storage, "after").await;
    assert_eq!(integrity(&storage).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_replaces_an_existing_file_only_when_told_to() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder.path().join("live.sqlite3")))
        .await
        .unwrap();
    register(&storage, "first").await;
    let copy = folder.path().join("backup.sqlite3");
    std::fs::write(&copy, "an older backup").unwrap();

    let error = storage
        .backup_to(&copy, IfExists::Refuse)
        .await
        .unwrap_err();
    assert!(matches!(error, StorageError::BackupExists(_)), "{error}");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "an older backup");

    storage.backup_to(&copy, IfExists::Replace).await.unwrap();
    let restored = Storage::open(&url(&copy)).await.unwrap();
    assert!(
        restored
            .registration_of(&account("first"))
            .await
            .unwrap()
            .is_some()
    );
    drop(restored);

    // Not even with `Replace` over the database itself.
    let error = storage
        .backup_to(&folder.path().join("live.sqlite3"), IfExists::Replace)
        .await
        .unwrap_err();
    assert!(
        matches!(error, StorageError::BackupOverDatabase(_)),
        "{error}"
    );
}

/// `server backup ARGS`, with no configuration from the environment.
fn server_backup(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("MTT_") {
            command.env_remove(name);
        }
    }
    command
        .arg("backup")
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_backs_up_refuses_to_overwrite_and_leaves_nothing_half_written() {
    let folder = tempfile::tempdir().unwrap();
    let live = folder.path().join("live.sqlite3");
    let storage = Storage::open(&url(&live)).await.unwrap();
    register(&storage, "first").await;
    let live_url = url(&live);
    let copy: PathBuf = folder.path().join("backup.sqlite3");

    // While the server's storage is open.
    let output = server_backup(&["--to", path(&copy), "--database-url", &live_url]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("backed up"));

    // A second backup to the same name is refused and the first is left as it was.
    register(&storage, "second").await;
    let first_backup = std::fs::read(&copy).unwrap();
    let output = server_backup(&["--to", path(&copy), "--database-url", &live_url]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&copy).unwrap(), first_backup);

    let output = server_backup(&["--to", path(&copy), "--database-url", &live_url, "--force"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let restored = Storage::open(&url(&copy)).await.unwrap();
    assert!(
        restored
            .registration_of(&account("second"))
            .await
            .unwrap()
            .is_some()
    );
    drop(restored);
    drop(storage);

    // A missing database: a clean failure, no database created, nothing under the final name
    // and no temporary file left behind.
    let empty = tempfile::tempdir().unwrap();
    let missing = empty.path().join("missing.sqlite3");
    let target = empty.path().join("backup.sqlite3");
    let output = server_backup(&["--to", path(&target), "--database-url", &url(&missing)]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no database at"),
        "{}",
        stderr(&output)
    );
    assert_eq!(files(empty.path()), Vec::<String>::new());

    // A file that is no database fails in the copy: the temporary file is removed.
    let not_a_database = empty.path().join("notes.sqlite3");
    std::fs::write(&not_a_database, vec![b'x'; 8192]).unwrap();
    let output = server_backup(&[
        "--to",
        path(&target),
        "--database-url",
        &url(&not_a_database),
    ]);
    assert!(!output.status.success());
    assert_eq!(files(empty.path()), ["notes.sqlite3"]);
}

#[test]
fn the_command_sends_postgresql_to_pg_dump() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("backup.dump");
    let output = server_backup(&[
        "--to",
        path(&target),
        "--database-url",
        "postgres://localhost/mtt",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("pg_dump"), "{}", stderr(&output));
    assert!(!target.exists());
}

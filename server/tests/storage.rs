//! The storage layer against a real SQLite file: group commit keeps each write's outcome its
//! own, and what was answered as written is there after the database is opened again.

use server::storage::{Storage, StorageError};

fn url(folder: &tempfile::TempDir) -> String {
    format!("sqlite:{}", folder.path().join("storage.sqlite3").display())
}

async fn insert_registration(storage: &Storage, subject: &str) -> Result<(), StorageError> {
    let subject = subject.to_owned();
    storage
        .write(move |connection| {
            connection.execute(
                "INSERT INTO registrations (subject, phone, email, created_at, updated_at) \
                 VALUES (?1, '+358401234567', 'a@example.fi', 'now', 'now')",
                [&subject],
            )?;
            Ok(())
        })
        .await
}

async fn count(storage: &Storage) -> i64 {
    storage
        .read(|connection| {
            Ok(connection.query_row("SELECT count(*) FROM registrations", [], |row| row.get(0))?)
        })
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_all_land_and_survive_reopening() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder)).await.unwrap();
    let writes = (0..200).map(|index| {
        let storage = storage.clone();
        tokio::spawn(
            async move { insert_registration(&storage, &format!("subject-{index}")).await },
        )
    });
    for write in writes.collect::<Vec<_>>() {
        write.await.unwrap().unwrap();
    }
    assert_eq!(count(&storage).await, 200);
    drop(storage);

    let reopened = Storage::open(&url(&folder)).await.unwrap();
    assert_eq!(count(&reopened).await, 200);
}

// Guards the savepoint per write: in a group commit, a write that fails (here a duplicate
// primary key) must undo only itself, never the writes committed beside it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_write_undoes_only_itself() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder)).await.unwrap();
    insert_registration(&storage, "first").await.unwrap();

    let duplicate = {
        let storage = storage.clone();
        tokio::spawn(async move {
            storage
                .write(|connection| {
                    connection.execute(
                        "INSERT INTO registrations (subject, phone, email, created_at, updated_at) \
                         VALUES ('half', '+358401234567', 'a@example.fi', 'now', 'now')",
                        [],
                    )?;
                    // The second statement fails: the first must be undone with it.
                    connection.execute(
                        "INSERT INTO registrations (subject, phone, email, created_at, updated_at) \
                         VALUES ('first', '+358401234567', 'a@example.fi', 'now', 'now')",
                        [],
                    )?;
                    Ok(())
                })
                .await
        })
    };
    let other = {
        let storage = storage.clone();
        tokio::spawn(async move { insert_registration(&storage, "second").await })
    };
    assert!(matches!(
        duplicate.await.unwrap(),
        Err(StorageError::Sqlite(_))
    ));
    other.await.unwrap().unwrap();

    let subjects = storage
        .read(|connection| {
            let mut statement =
                connection.prepare("SELECT subject FROM registrations ORDER BY subject")?;
            let subjects = statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(subjects)
        })
        .await
        .unwrap();
    assert_eq!(subjects, ["first", "second"]);
}

#[tokio::test]
async fn refuses_a_database_url_it_does_not_understand() {
    let error = Storage::open("postgres://localhost/db").await.unwrap_err();
    assert!(matches!(error, StorageError::UnsupportedUrl(_)));
}

#[tokio::test]
async fn the_database_is_in_wal_mode_with_full_sync() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder)).await.unwrap();
    let (journal_mode, synchronous) = storage
        .read(|connection| {
            let journal_mode: String =
                connection.query_row("PRAGMA journal_mode", [], |row| row.get(0))?;
            let synchronous: i64 =
                connection.query_row("PRAGMA synchronous", [], |row| row.get(0))?;
            Ok((journal_mode, synchronous))
        })
        .await
        .unwrap();
    assert_eq!(journal_mode, "wal");
    // 2 is FULL.
    assert_eq!(synchronous, 2);
}

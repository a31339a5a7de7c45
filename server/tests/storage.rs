//! The storage layer against a real SQLite file: group commit keeps each write's outcome its
//! own, what was answered as written is there after the database is opened again, and the
//! sessions table keeps its promises (no overwritten id, no expired session read).

use server::storage::{Storage, StorageError, StoredSession};

fn url(folder: &tempfile::TempDir) -> String {
    format!("sqlite:{}", folder.path().join("storage.sqlite3").display())
}

async fn insert_registration(storage: &Storage, account_key: &str) -> Result<(), StorageError> {
    let account_key = account_key.to_owned();
    storage
        .write(move |connection| {
            connection.execute(
                "INSERT INTO registrations (account_key, phone, email, created_at, updated_at) \
                 VALUES (?1, '+358401234567', 'a@example.fi', 'now', 'now')",
                [&account_key],
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
            async move { insert_registration(&storage, &format!("suomifi:s-{index}")).await },
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
                        "INSERT INTO registrations (account_key, phone, email, created_at, updated_at) \
                         VALUES ('half', '+358401234567', 'a@example.fi', 'now', 'now')",
                        [],
                    )?;
                    // The second statement fails: the first must be undone with it.
                    connection.execute(
                        "INSERT INTO registrations (account_key, phone, email, created_at, updated_at) \
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

    let account_keys = storage
        .read(|connection| {
            let mut statement =
                connection.prepare("SELECT account_key FROM registrations ORDER BY account_key")?;
            let account_keys = statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(account_keys)
        })
        .await
        .unwrap();
    assert_eq!(account_keys, ["first", "second"]);
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

fn session(data: &str, expires_at: i64) -> StoredSession {
    StoredSession {
        data: data.to_owned(),
        expires_at,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_survives_a_restart_and_a_taken_id_is_never_overwritten() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder)).await.unwrap();
    let saved = session(r#"{"identity":"first"}"#, 2_000);
    assert!(
        storage
            .session_insert_new("id-1".into(), saved.clone())
            .await
            .unwrap()
    );
    // A second session drawing the same id must not take over the first one's row.
    let clash = session(r#"{"identity":"second"}"#, 3_000);
    assert!(
        !storage
            .session_insert_new("id-1".into(), clash)
            .await
            .unwrap()
    );
    drop(storage);

    let storage = Storage::open(&url(&folder)).await.unwrap();
    assert_eq!(
        storage.session_load("id-1".into(), 1_000).await.unwrap(),
        Some(saved)
    );
    let renewed = session(r#"{"identity":"first","seen":1}"#, 2_500);
    storage
        .session_save("id-1".into(), renewed.clone())
        .await
        .unwrap();
    assert_eq!(
        storage.session_load("id-1".into(), 1_000).await.unwrap(),
        Some(renewed)
    );
    storage.session_delete("id-1".into()).await.unwrap();
    assert_eq!(
        storage.session_load("id-1".into(), 1_000).await.unwrap(),
        None
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_is_never_read_and_the_sweep_deletes_only_expired_ones() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder)).await.unwrap();
    storage
        .session_save("old".into(), session("{}", 1_000))
        .await
        .unwrap();
    storage
        .session_save("live".into(), session("{}", 5_000))
        .await
        .unwrap();
    // Expiry is exclusive: at its second the session is over.
    assert_eq!(
        storage.session_load("old".into(), 1_000).await.unwrap(),
        None
    );
    assert!(
        storage
            .session_load("old".into(), 999)
            .await
            .unwrap()
            .is_some()
    );

    storage.sessions_delete_expired(1_000).await.unwrap();
    let remaining: Vec<String> = storage
        .read(|connection| {
            let mut statement = connection.prepare("SELECT id FROM sessions ORDER BY id")?;
            let ids = statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(ids)
        })
        .await
        .unwrap();
    assert_eq!(remaining, ["live"]);
}

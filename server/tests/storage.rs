//! The storage layer against a real SQLite file and, where `MTT_TEST_POSTGRES_URL` names a
//! PostgreSQL server (`cargo xtask test` starts one), a real PostgreSQL database: every test
//! of the typed interface runs on both backends. What was answered as written is there after
//! the database is opened again, the accounts' conflicts are the same on both, and the
//! sessions table keeps its promises (no overwritten id, no expired session read). SQLite's
//! own tests (group commit, WAL) use its connections directly.

mod support;

use domain::registration::{Profile, ProfileInput, Registration, RegistrationInput};
use domain::{AccountKey, Identity, IdentityMethod, PersonalMeans};
use server::storage::{AccountConflict, Storage, StorageError, StoredSession};
use support::Database;

fn url(folder: &tempfile::TempDir) -> String {
    format!("sqlite:{}", folder.path().join("storage.sqlite3").display())
}

async fn insert_registration(storage: &Storage, account_key: &str) -> Result<(), StorageError> {
    let account_key = account_key.to_owned();
    storage
        .sqlite()
        .unwrap()
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
        .sqlite()
        .unwrap()
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
                .sqlite()
                .unwrap()
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
        .sqlite()
        .unwrap()
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
    let error = Storage::open("mysql://localhost/db").await.unwrap_err();
    assert!(matches!(error, StorageError::UnsupportedUrl(_)));
}

#[tokio::test]
async fn the_database_is_in_wal_mode_with_full_sync() {
    let folder = tempfile::tempdir().unwrap();
    let storage = Storage::open(&url(&folder)).await.unwrap();
    let (journal_mode, synchronous) = storage
        .sqlite()
        .unwrap()
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
    for database in support::databases().await {
        a_session_survives_a_restart_on(&database).await;
    }
}

async fn a_session_survives_a_restart_on(database: &Database) {
    let storage = Storage::open(&database.url).await.unwrap();
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

    let storage = Storage::open(&database.url).await.unwrap();
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
    for database in support::databases().await {
        let storage = Storage::open(&database.url).await.unwrap();
        expired_sessions_on(&storage).await;
    }
}

async fn expired_sessions_on(storage: &Storage) {
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
    // The sweep deleted the expired one only: the live one is still read.
    assert!(
        storage
            .session_load("live".into(), 1_000)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        storage.session_load("old".into(), 999).await.unwrap(),
        None,
        "the sweep leaves no expired row behind"
    );
}

fn account(index: usize) -> AccountKey {
    Identity {
        subject: format!("s-{index}"),
        method: IdentityMethod::SuomiFi {
            means: PersonalMeans::OnlineBank,
        },
        first_name: "Maija".into(),
        last_name: "Meikäläinen".into(),
    }
    .account_key()
}

fn registration(phone: &str, organisations: &[&str]) -> Registration {
    RegistrationInput {
        phone: phone.into(),
        email: "maija@esimerkki.fi".into(),
        organisations: organisations.iter().map(|code| code.to_string()).collect(),
    }
    .validate()
    .unwrap()
}

fn profile(group: &str, county: Option<&str>) -> Profile {
    ProfileInput {
        professional_group: group.into(),
        wellbeing_county: county.map(String::from),
    }
    .validate()
    .unwrap()
}

// Every answered registration is there, in the user's order, after reopening; on each backend.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answered_registrations_all_land_and_survive_reopening() {
    for database in support::databases().await {
        let storage = Storage::open(&database.url).await.unwrap();
        let writes = (0..100).map(|index| {
            let storage = storage.clone();
            tokio::spawn(async move {
                storage
                    .registration_create(
                        &account(index),
                        registration("040 123 4567", &["municipality:091", "organisation:HUS"]),
                    )
                    .await
            })
        });
        for write in writes.collect::<Vec<_>>() {
            write.await.unwrap().unwrap().unwrap();
        }
        drop(storage);
        let reopened = Storage::open(&database.url).await.unwrap();
        for index in 0..100 {
            let stored = reopened
                .registration_of(&account(index))
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("{}: registration {index} lost", database.name));
            assert_eq!(
                stored.to_input().organisations,
                ["municipality:091", "organisation:HUS"]
            );
        }
    }
}

// The accounts' conflicts are the same on both backends: one registration and one profile per
// account, edits only of what exists, a profile only after the registration.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_conflicts_are_the_same_on_every_backend() {
    for database in support::databases().await {
        let storage = Storage::open(&database.url).await.unwrap();
        let name = &database.name;
        let maija = account(1);
        assert_eq!(
            storage
                .registration_update(&maija, registration("040 123 4567", &["organisation:HUS"]))
                .await
                .unwrap(),
            Err(AccountConflict::NotRegistered),
            "{name}"
        );
        assert_eq!(
            storage
                .profile_create(&maija, profile("student", None))
                .await
                .unwrap(),
            Err(AccountConflict::NotRegistered),
            "{name}"
        );
        let first = registration("040 123 4567", &["organisation:HUS"]);
        assert_eq!(
            storage
                .registration_create(&maija, first.clone())
                .await
                .unwrap(),
            Ok(first),
            "{name}"
        );
        assert_eq!(
            storage
                .registration_create(&maija, registration("050 765 4321", &["county:06"]))
                .await
                .unwrap(),
            Err(AccountConflict::AlreadyRegistered),
            "{name}"
        );
        let edited = registration("050 765 4321", &["county:06", "municipality:091"]);
        storage
            .registration_update(&maija, edited.clone())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            storage.registration_of(&maija).await.unwrap(),
            Some(edited),
            "{name}"
        );
        assert_eq!(
            storage
                .profile_update(&maija, profile("student", None))
                .await
                .unwrap(),
            Err(AccountConflict::NoProfile),
            "{name}"
        );
        storage
            .profile_create(&maija, profile("psychologist", Some("08")))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            storage
                .profile_create(&maija, profile("student", None))
                .await
                .unwrap(),
            Err(AccountConflict::ProfileExists),
            "{name}"
        );
        storage
            .profile_update(&maija, profile("student", None))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            storage.profile_of(&maija).await.unwrap(),
            Some(profile("student", None)),
            "{name}"
        );
        assert_eq!(storage.profile_of(&account(2)).await.unwrap(), None);
    }
}

// Both backends have the same tables.
#[tokio::test]
async fn both_backends_have_the_same_tables() {
    let mut tables = Vec::new();
    for database in support::databases().await {
        let storage = Storage::open(&database.url).await.unwrap();
        storage.check().await.unwrap();
        tables.push(storage.table_names().await.unwrap());
    }
    for names in &tables {
        assert_eq!(
            names,
            &[
                "attachments",
                "audit_log",
                "authorisations",
                "card_contracts",
                "card_orders",
                "contact_confirmations",
                "customer_accounts",
                "invitations",
                "memberships",
                "notice_unreached",
                "notices",
                "officers",
                "outbox",
                "profiles",
                "registrar_application_points",
                "registrar_applications",
                "registrar_contacts",
                "registrars",
                "registration_organisations",
                "registration_points",
                "registrations",
                "service_certificates",
                "sessions"
            ]
        );
    }
}

// Replicas starting together on a new PostgreSQL database: the migrations run under an
// advisory lock, so every replica opens and each migration is applied exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_starting_together_migrate_once() {
    let Ok(admin_url) = std::env::var(support::POSTGRES_VARIABLE) else {
        // Says what was skipped (and refuses to skip in CI).
        support::databases().await;
        return;
    };
    let database = support::postgres_database(&admin_url).await;
    let opens: Vec<_> = (0..4)
        .map(|_| {
            let url = database.url.clone();
            tokio::spawn(async move { Storage::open(&url).await })
        })
        .collect();
    for open in opens {
        open.await.unwrap().unwrap();
    }
    let (client, connection) = tokio_postgres::connect(&database.url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let row = client
        .query_one(
            "SELECT count(*), max(version)::bigint FROM schema_migrations",
            &[],
        )
        .await
        .unwrap();
    let (applied, newest): (i64, i64) = (row.get(0), row.get(1));
    // Versions 1, 2, … each once.
    assert!(newest >= 2);
    assert_eq!(applied, newest);
}

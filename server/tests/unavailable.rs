//! A database that cannot be reached or written just now is a 503 `database_unavailable`, not
//! a 500, and the service returns by itself when the database does; genuine faults stay 500
//! `internal`. The outage drill (`cargo xtask drill outage`) shows the same against the real
//! binary with PostgreSQL stopped and SQLite's disk full.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::IntoResponse;
use contract::paths::api;
use server::config::Config;
use server::error::AppError;
use server::storage::{Storage, StorageError};
use server::{AppState, app};
use tower::ServiceExt;

fn status_and_code(error: AppError) -> (StatusCode, String) {
    let response = error.into_response();
    let status = response.status();
    let body = futures_body(response);
    (status, body)
}

fn futures_body(response: axum::response::Response) -> String {
    use http_body_util::BodyExt;
    let bytes = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(response.into_body().collect())
        .unwrap()
        .to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    json["code"].as_str().unwrap().to_owned()
}

fn sqlite_error(code: std::ffi::c_int) -> StorageError {
    StorageError::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(code),
        None,
    ))
}

#[test]
fn a_full_disk_is_503_and_a_broken_constraint_500() {
    for unavailable in [
        sqlite_error(rusqlite::ffi::SQLITE_FULL),
        sqlite_error(rusqlite::ffi::SQLITE_IOERR),
        StorageError::Unavailable("database or disk is full".into()),
    ] {
        assert!(unavailable.is_unavailable(), "{unavailable}");
        assert_eq!(
            status_and_code(AppError::Storage(unavailable)),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable".into()
            )
        );
    }
    for fault in [
        sqlite_error(rusqlite::ffi::SQLITE_CONSTRAINT),
        StorageError::Corrupt("bad row".into()),
        StorageError::Transaction("cannot commit".into()),
    ] {
        assert!(!fault.is_unavailable(), "{fault}");
        assert_eq!(
            status_and_code(AppError::Storage(fault)),
            (StatusCode::INTERNAL_SERVER_ERROR, "internal".into())
        );
    }
}

#[tokio::test]
async fn a_postgres_server_that_refuses_connections_is_unavailable() {
    // Nothing listens on port 1.
    let error = Storage::open("postgres://postgres@127.0.0.1:1/none")
        .await
        .unwrap_err();
    assert!(error.is_unavailable(), "{error}");
}

/// A `GET` through the whole router.
async fn get(state: &AppState, path: &str) -> (StatusCode, String) {
    use http_body_util::BodyExt;
    let response = app(state.clone())
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn connections_postgres_ended_are_answered_503_then_replaced() {
    let Ok(admin_url) = std::env::var(support::POSTGRES_VARIABLE) else {
        eprintln!("note: skipped ({} is not set)", support::POSTGRES_VARIABLE);
        return;
    };
    let database = support::postgres_database(&admin_url).await;
    let name = database.url.rsplit('/').next().unwrap().to_owned();
    let storage = Storage::open(&database.url).await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let state = AppState::new(
        storage,
        Config::for_tests(database.url.clone(), folder.path().to_owned()),
    )
    .unwrap();
    assert_eq!(get(&state, api::HEALTH).await.0, StatusCode::OK);

    // PostgreSQL ends every connection to the database (as a restart would).
    let (admin, connection) = tokio_postgres::connect(&admin_url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
            &[&name],
        )
        .await
        .unwrap();

    // A request may meet the broken connection before the pool notices: then it is a 503,
    // never a 500; within a few requests the pool has made new connections.
    let mut answers = Vec::new();
    for _ in 0..20 {
        let (status, body) = get(&state, api::HEALTH).await;
        answers.push(status);
        assert!(
            status == StatusCode::OK
                || (status == StatusCode::SERVICE_UNAVAILABLE
                    && body.contains("database_unavailable")),
            "{status} {body}"
        );
        if status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(answers.last(), Some(&StatusCode::OK), "{answers:?}");
}

/// Leaves the SQLite database no room: its size is capped where it is (`max_page_count` below
/// the current size sets it to the current size, on the writer's connection, where every write
/// runs), then rows of shrinking sizes fill the free space of its pages until not even a byte
/// fits. Every later write that adds a row fails as on a full disk (`SQLITE_FULL`).
async fn fill_the_disk(storage: &Storage) {
    let sqlite = storage.sqlite().expect("a SQLite database");
    sqlite
        .write(|connection| Ok(connection.pragma_update(None, "max_page_count", 1)?))
        .await
        .unwrap();
    let mut filler = 0;
    for size in [4096, 512, 64, 8, 1] {
        loop {
            filler += 1;
            let id = format!("filler-{filler}");
            let written = sqlite
                .write(move |connection| {
                    connection.execute(
                        "INSERT INTO sessions (id, data, expires_at) \
                         VALUES (?1, substr(hex(zeroblob(?2)), 1, ?2), 4102444800)",
                        rusqlite::params![id, size],
                    )?;
                    Ok(())
                })
                .await;
            match written {
                Ok(()) => continue,
                Err(error) if error.is_unavailable() => break,
                Err(error) => panic!("{error}"),
            }
        }
    }
}

/// Gives the SQLite database room again.
async fn free_the_disk(storage: &Storage) {
    storage
        .sqlite()
        .unwrap()
        .write(|connection| Ok(connection.pragma_update(None, "max_page_count", 1_073_741_823)?))
        .await
        .unwrap();
}

/// A sign-in's session is saved by tower-sessions after the handler has answered; when that
/// save fails on a full disk the answer is the coded 503 (or, for a browser, the identification
/// step with `sign_in_failed`), never a bare 500; a session saved before is still there, and
/// signing in works again once the disk has room.
#[tokio::test]
async fn a_session_that_cannot_be_saved_is_503_with_a_code() {
    let (state, _folder) = support::test_state(|_| {}).await;
    let earlier = support::Client::signed_in(&state, "hus").await;
    assert_eq!(earlier.session().await.status, StatusCode::OK);

    fill_the_disk(&state.storage).await;

    let api_client = support::send(&state, support::dev_sign_in("hus", "/", support::ORIGIN)).await;
    assert_eq!(
        api_client.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        api_client.body
    );
    assert_eq!(api_client.json()["code"], "database_unavailable");
    assert!(api_client.headers.get("set-cookie").is_none());

    let mut navigation = support::dev_sign_in("hus", "/", support::ORIGIN);
    navigation.headers_mut().insert(
        axum::http::header::ACCEPT,
        "text/html,application/xhtml+xml".parse().unwrap(),
    );
    let browser = support::send(&state, navigation).await;
    assert_eq!(browser.status, StatusCode::SEE_OTHER, "{}", browser.body);
    let location = browser.headers["location"].to_str().unwrap();
    assert!(location.ends_with("&error=sign_in_failed"), "{location}");

    // Reads go on: the session signed in before the disk filled still answers.
    assert_eq!(earlier.session().await.status, StatusCode::OK);

    free_the_disk(&state.storage).await;
    let again = support::send(&state, support::dev_sign_in("hus", "/", support::ORIGIN)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert!(again.headers.get("set-cookie").is_some());
}

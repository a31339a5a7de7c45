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

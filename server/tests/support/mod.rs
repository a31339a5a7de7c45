//! What the server's integration tests share: a state over a real SQLite file and a small built
//! app in a temporary folder, and one way to send a request through the real router.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use server::config::Config;
use server::storage::Storage;
use server::{AppState, app};
use tower::ServiceExt;

/// The app's inline loader in the test `index.html` (the CSP must name it by its hash).
pub const LOADER: &str = "import init from '/app-0123.js';";

/// A state with the embedded test configuration changed by `configure`, a database file and a
/// `dist/` holding `index.html`, a hashed script and its brotli form. Keep the folder alive.
pub async fn test_state(configure: impl FnOnce(&mut Config)) -> (AppState, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let dist_dir = folder.path().join("dist");
    std::fs::create_dir(&dist_dir).unwrap();
    std::fs::write(
        dist_dir.join("index.html"),
        format!("<!doctype html><title>app</title><script type=module>{LOADER}</script>"),
    )
    .unwrap();
    std::fs::write(dist_dir.join("app-0123.js"), "export {}").unwrap();
    std::fs::write(dist_dir.join("app-0123.js.br"), "brotli bytes").unwrap();
    let database_url = format!("sqlite:{}", folder.path().join("test.sqlite3").display());
    let mut config = Config::for_tests(database_url.clone(), dist_dir);
    configure(&mut config);
    let storage = Storage::open(&database_url).await.unwrap();
    (AppState::new(storage, config).unwrap(), folder)
}

/// A response, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    /// The body as JSON (`null` when it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// `name=value` of the session cookie this answer set.
    pub fn session_cookie(&self) -> String {
        let set_cookie = self.headers[header::SET_COOKIE].to_str().unwrap();
        set_cookie.split(';').next().unwrap().to_owned()
    }
}

/// Sends `request` through the whole router.
pub async fn send(state: &AppState, request: Request<Body>) -> Answer {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// A POST of the development provider's sign-in form, from `origin`.
pub fn dev_sign_in(identity: &str, return_to: &str, origin: &str) -> Request<Body> {
    Request::post("/auth/dev")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "identity={identity}&return_to={return_to}"
        )))
        .unwrap()
}

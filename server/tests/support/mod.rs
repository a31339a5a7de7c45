//! What the server's integration tests share: a state over a real SQLite file and a small built
//! app in a temporary folder, one way to send a request through the real router, and
//! [`Client`], a typed client of the API that sends what the app sends.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use contract::CSRF_HEADER;
use contract::paths::api;
use domain::registration::{ProfileInput, RegistrationInput};
use http_body_util::BodyExt;
use server::config::Config;
use server::storage::Storage;
use server::{AppState, app};
use tower::ServiceExt;

/// The app's inline loader in the test `index.html` (the CSP must name it by its hash).
pub const LOADER: &str = "import init from '/app-0123.js';";

/// The administration's inline loader in the test `hallinta/index.html`.
pub const ADMIN_LOADER: &str = "import init from '/hallinta/admin-0123.js';";

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
    std::fs::create_dir(dist_dir.join("hallinta")).unwrap();
    std::fs::write(
        dist_dir.join("hallinta").join("index.html"),
        format!("<!doctype html><title>admin</title><script type=module>{ADMIN_LOADER}</script>"),
    )
    .unwrap();
    std::fs::write(dist_dir.join("app-0123.js.br"), "brotli bytes").unwrap();
    let database_url = format!("sqlite:{}", folder.path().join("test.sqlite3").display());
    let mut config = Config::for_tests(database_url.clone(), dist_dir);
    configure(&mut config);
    let storage = Storage::open(&database_url).await.unwrap();
    (AppState::new(storage, config).unwrap(), folder)
}

/// The real server on a free loopback port, over [`test_state`]; stopped when dropped.
pub struct RunningServer {
    /// Where it listens.
    pub address: std::net::SocketAddr,
    pub state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _folder: tempfile::TempDir,
}

impl RunningServer {
    /// Starts the server with the test configuration changed by `configure`.
    pub async fn start(configure: impl FnOnce(&mut Config)) -> RunningServer {
        let (state, folder) = test_state(configure).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(server::serve_on(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        RunningServer {
            address,
            state,
            stop: Some(stop),
            _folder: folder,
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
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

/// The server's own origin, as the test requests name it in Host and Origin.
pub const HOST: &str = "127.0.0.1:8080";
/// The server's own origin, for the Origin header.
pub const ORIGIN: &str = "http://127.0.0.1:8080";

/// A POST of the development provider's sign-in form, from `origin`.
pub fn dev_sign_in(identity: &str, return_to: &str, origin: &str) -> Request<Body> {
    Request::post("/auth/dev")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "identity={identity}&return_to={return_to}"
        )))
        .unwrap()
}

/// The app as the server sees it: the test state and, once signed in, the session cookie.
/// Every API request carries what the app's own requests carry: the CSRF header, this
/// server's Host and Origin, the JSON content type where there is a body, and the cookie.
#[derive(Clone)]
pub struct Client {
    state: AppState,
    cookie: Option<String>,
}

impl Client {
    /// A client nobody has signed in with.
    pub fn new(state: &AppState) -> Client {
        Client {
            state: state.clone(),
            cookie: None,
        }
    }

    /// A client signed in as the development provider's test identity `identity` (`hus`,
    /// `online-bank`, …).
    pub async fn signed_in(state: &AppState, identity: &str) -> Client {
        let mut client = Client::new(state);
        client.sign_in(identity, "/").await;
        client
    }

    /// Signs in through the development provider's form, from this server's origin, and keeps
    /// the session cookie. Returns the provider's answer (where the user lands).
    pub async fn sign_in(&mut self, identity: &str, return_to: &str) -> Answer {
        let answer = send(&self.state, dev_sign_in(identity, return_to, ORIGIN)).await;
        self.cookie = Some(answer.session_cookie());
        answer
    }

    /// `POST /api/registration`.
    pub async fn post_registration(&self, input: &RegistrationInput) -> Answer {
        self.send_json(Method::POST, api::REGISTRATION, input).await
    }

    /// `PUT /api/registration`.
    pub async fn put_registration(&self, input: &RegistrationInput) -> Answer {
        self.send_json(Method::PUT, api::REGISTRATION, input).await
    }

    /// `POST /api/profile`.
    pub async fn post_profile(&self, input: &ProfileInput) -> Answer {
        self.send_json(Method::POST, api::PROFILE, input).await
    }

    /// `PUT /api/profile`.
    pub async fn put_profile(&self, input: &ProfileInput) -> Answer {
        self.send_json(Method::PUT, api::PROFILE, input).await
    }

    /// `GET /api/session`.
    pub async fn session(&self) -> Answer {
        self.get(api::SESSION).await
    }

    /// `GET /api/content`.
    pub async fn content(&self) -> Answer {
        self.get(api::CONTENT).await
    }

    /// `POST /api/sign-out`.
    pub async fn sign_out(&self) -> Answer {
        self.send_body(Method::POST, api::SIGN_OUT, None, String::new())
            .await
    }

    /// `GET path` with the session cookie.
    pub async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// `input` as JSON to `path`.
    pub async fn send_json(
        &self,
        method: Method,
        path: &str,
        input: &impl serde::Serialize,
    ) -> Answer {
        let body = serde_json::to_string(input).unwrap();
        self.send_body(method, path, Some("application/json"), body)
            .await
    }

    /// `body`, as it is, to `path` as the app sends it, with `content_type` where given.
    pub async fn send_body(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: String,
    ) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(CSRF_HEADER, "1")
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// `request` with the session cookie added, its answer's body as bytes (a file).
    pub async fn send_for_bytes(
        &self,
        mut request: Request<Body>,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        if let Some(cookie) = &self.cookie {
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// `request` with the session cookie added and nothing else (for requests that are not
    /// the app's: without the CSRF header, from another origin).
    pub async fn send(&self, mut request: Request<Body>) -> Answer {
        if let Some(cookie) = &self.cookie {
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        send(&self.state, request).await
    }
}

/// A fresh database for a storage test, of one backend. Keep it alive while the test runs.
pub struct Database {
    /// `sqlite` or `postgres`, for the test's messages.
    pub name: String,
    /// What `Storage::open` takes.
    pub url: String,
    _folder: Option<tempfile::TempDir>,
}

impl Database {
    /// A state over this database with the embedded test configuration (the app folder is
    /// not needed: these tests use the API).
    pub async fn state(&self) -> AppState {
        let storage = Storage::open(&self.url).await.unwrap();
        let config = Config::for_tests(self.url.clone(), std::path::PathBuf::from("no-dist"));
        AppState::new(storage, config).unwrap()
    }
}

/// The variable naming a PostgreSQL server for the tests (a URL of its `postgres` database as a
/// superuser); `cargo xtask test` starts a throw-away cluster and sets it.
pub const POSTGRES_VARIABLE: &str = "MTT_TEST_POSTGRES_URL";

/// A fresh database of each backend: SQLite always; PostgreSQL where [`POSTGRES_VARIABLE`]
/// names a server. Without it the PostgreSQL half is skipped with a note, except in CI
/// (`CI=true`), which always runs both.
pub async fn databases() -> Vec<Database> {
    let folder = tempfile::tempdir().unwrap();
    let mut databases = vec![Database {
        name: "sqlite".into(),
        url: format!("sqlite:{}", folder.path().join("storage.sqlite3").display()),
        _folder: Some(folder),
    }];
    match std::env::var(POSTGRES_VARIABLE) {
        Ok(admin_url) => databases.push(postgres_database(&admin_url).await),
        Err(_) if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("CI runs every storage test on PostgreSQL too: set {POSTGRES_VARIABLE}")
        }
        Err(_) => {
            // Straight to the terminal, past the test harness's capture: the note must be seen.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "note: storage tests ran on SQLite only; their PostgreSQL half was skipped \
                 ({POSTGRES_VARIABLE} is not set; `cargo xtask test` sets it)"
            );
        }
    }
    databases
}

/// A new, empty PostgreSQL database on the server of `admin_url`.
pub async fn postgres_database(admin_url: &str) -> Database {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "test_{}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let (client, connection) = tokio_postgres::connect(admin_url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|error| panic!("cannot reach PostgreSQL at {admin_url}: {error}"));
    tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .expect("a URL with a database path");
    Database {
        name: "postgres".into(),
        url: format!("{base}/{name}"),
        _folder: None,
    }
}

/// The registration-point administration's tests: the development identities signed in, over
/// the demonstration data.
pub mod admin {
    use axum::http::StatusCode;
    use contract::paths::api;
    use server::AppState;

    use super::{Answer, Client, Database};

    /// The demonstration data's accounts, as the development identities belong to them.
    pub struct World {
        pub state: AppState,
        pub officer: Client,
        pub county_admin: Client,
        pub private_admin: Client,
        pub rescue_admin: Client,
        pub member: Client,
        pub professional: Client,
        pub signed_out: Client,
        pub county: i64,
        pub private: i64,
        pub rescue: i64,
    }

    pub async fn world(database: &Database) -> World {
        let state = database.state().await;
        server::demo::seed(&state.storage, 1_700_000_000)
            .await
            .unwrap();
        let officer = Client::signed_in(&state, "officer").await;
        let county_admin = Client::signed_in(&state, "county-admin").await;
        let private_admin = Client::signed_in(&state, "private-admin").await;
        let rescue_admin = Client::signed_in(&state, "rescue-admin").await;
        let member = Client::signed_in(&state, "member").await;
        let professional = Client::signed_in(&state, "hus").await;
        let signed_out = Client::new(&state);
        let own_account = |answer: Answer| answer.json()["accounts"][0]["id"].as_i64().unwrap();
        let county = own_account(county_admin.get(api::ADMIN_ME).await);
        let private = own_account(private_admin.get(api::ADMIN_ME).await);
        let rescue = own_account(rescue_admin.get(api::ADMIN_ME).await);
        World {
            state,
            officer,
            county_admin,
            private_admin,
            rescue_admin,
            member,
            professional,
            signed_out,
            county,
            private,
            rescue,
        }
    }

    pub fn path(template: &str, values: &[i64]) -> String {
        let values: Vec<String> = values.iter().map(i64::to_string).collect();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        api::with(template, &values)
    }

    #[track_caller]
    pub fn assert_refused(answer: &Answer, status: StatusCode, code: &str) {
        assert_eq!(answer.status, status, "{}", answer.body);
        assert_eq!(answer.json()["code"], code, "{}", answer.body);
    }
}

//! The server of the professionals' section: a JSON API under `/api`, the trunk-built app with
//! a fallback to `index.html` for the app's own routes, and the database behind them.
//!
//! [`app`] builds the whole router from an [`AppState`], so tests drive it with
//! `tower::ServiceExt::oneshot` and no socket; [`serve`] binds it to the configured address.

pub mod accounts;
pub mod administration;
pub mod api;
pub mod auth;
pub mod config;
pub mod connections;
pub mod demo;
pub mod dev_idp;
pub mod error;
pub mod identity_codes;
pub mod mail;
pub mod oidc;
pub mod openapi;
pub mod rate_limit;
pub mod security_headers;
pub mod sessions;
pub mod static_files;
pub mod storage;

use std::sync::Arc;

use axum::{Router, middleware};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::config::Config;
use crate::sessions::DatabaseSessionStore;
use crate::storage::Storage;

/// What every handler may use. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub storage: Storage,
    /// The configuration the server started with.
    pub config: Arc<Config>,
    /// The rate limit of sign-in attempts, kept here so one task can forget old clients.
    pub sign_in_limit: rate_limit::SignInLimit,
    /// The OpenID Connect relying party (its configured providers, their metadata).
    pub oidc: oidc::Oidc,
    /// Wakes the email worker when a change has queued a message.
    pub outbox: mail::Outbox,
    /// The keys that seal personal identity codes and index them (the configured key, or in
    /// development the embedded example).
    pub identity_codes: Arc<identity_codes::IdentityCodes>,
}

impl AppState {
    /// The state for `storage` and `config`. Fails only if the OpenID Connect client cannot
    /// be made (a public URL that is no URL).
    pub fn new(storage: Storage, config: Config) -> Result<Self, oidc::OidcError> {
        let oidc = oidc::Oidc::new(config.oidc.clone(), &config.public_url())?;
        // Production never gets here without a key of its own: `Config::check` refuses.
        let identity_codes = Arc::new(match &config.identity_code_key {
            Some(key) => identity_codes::IdentityCodes::new(key),
            None => identity_codes::IdentityCodes::development_example(),
        });
        Ok(AppState {
            identity_codes,
            storage,
            sign_in_limit: rate_limit::sign_in_limit(
                config.sign_in_burst,
                config.trust_proxy_headers,
            ),
            config: Arc::new(config),
            oidc,
            outbox: mail::Outbox::default(),
        })
    }
}

/// The whole HTTP surface: `/api/...`, sign-in under `/auth` (`/auth/start`, `/auth/callback`
/// and the development identity provider under `/auth/dev`), and the app.
pub fn app(state: AppState) -> Router {
    let config = &state.config;
    let sessions = SessionManagerLayer::new(DatabaseSessionStore::new(state.storage.clone()))
        .with_name(config.session_cookie_name())
        .with_secure(config.production)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(i64::from(
            config.session_idle_minutes,
        ))));
    let dist_dir = config.dist_dir.clone();
    let security_headers = security_headers::SecurityHeaders::new(&dist_dir, config.production);
    Router::new()
        .nest(
            "/api",
            api::router()
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    auth::csrf::csrf_guard,
                ))
                .layer(middleware::from_fn(api::no_store)),
        )
        .nest(
            "/auth",
            Router::new()
                .nest("/dev", dev_idp::router())
                .route("/start", axum::routing::get(auth::sign_in::start_show))
                .route(
                    "/callback",
                    axum::routing::get(auth::sign_in::callback_show),
                )
                .layer(rate_limit::layer(&state.sign_in_limit)),
        )
        .route("/dev/outbox", axum::routing::get(mail::outbox_page))
        .fallback_service(static_files::router(dist_dir))
        .layer(sessions)
        .layer(middleware::from_fn(crate::sessions::save_failures))
        .layer(middleware::from_fn_with_state(
            security_headers,
            security_headers::add,
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            std::time::Duration::from_secs(config.body_read_timeout_secs),
            connections::body_deadline,
        ))
        .with_state(state)
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The settings do not go together.
    #[error("configuration: {0}")]
    Config(#[from] config::ConfigError),
    /// The OpenID Connect relying party could not be made.
    #[error("OpenID Connect: {0}")]
    Oidc(#[from] oidc::OidcError),
    /// The database could not be opened or migrated.
    #[error("database: {0}")]
    Storage(#[from] storage::StorageError),
    /// The address could not be bound or the connection loop failed.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The configured address.
        address: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// Opens the database and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<(), StartError> {
    config.check()?;
    let storage = Storage::open(&config.database_url).await?;
    prepare_administration(&storage, &config).await?;
    let expired_sessions = DatabaseSessionStore::new(storage.clone());
    tokio::spawn(async move {
        let mut every_ten_minutes = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every_ten_minutes.tick().await;
            if let Err(error) = expired_sessions.delete_expired().await {
                tracing::warn!("deleting expired sessions: {error}");
            }
        }
    });
    let address = config.address.clone();
    if !config.dist_dir.join("index.html").is_file() {
        tracing::warn!(
            "{} has no index.html: build the app first (`cargo xtask run` does)",
            config.dist_dir.display()
        );
    }
    if config.identity_code_key.is_none() {
        tracing::warn!(
            "no MTT_IDENTITY_CODE_KEY: personal identity codes are sealed with the embedded \
             development example key, which protects nothing (production refuses to start so)"
        );
    }
    let state = AppState::new(storage, config)?;
    match mail::spawn_worker(&state) {
        Ok(Some(_worker)) => tracing::info!("sending email through the configured SMTP server"),
        Ok(None) if state.config.production => tracing::warn!(
            "no SMTP server configured (MTT_SMTP_HOST): email stays in the outbox, unsent"
        ),
        Ok(None) => tracing::info!(
            "no SMTP server configured: email stays in the outbox, listed at /dev/outbox"
        ),
        Err(error) => return Err(StartError::Config(error.into())),
    }
    let limit = Arc::clone(&state.sign_in_limit);
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            limit.limiter().retain_recent();
        }
    });
    let listener = TcpListener::bind(&address)
        .await
        .map_err(|source| StartError::Listen {
            address: address.clone(),
            source,
        })?;
    let local = listener.local_addr().map_err(|source| StartError::Listen {
        address: address.clone(),
        source,
    })?;
    if let Some(limit) = connections::open_files_limit() {
        // The database, the log and the listener need a few of their own.
        if limit < state.config.max_connections as u64 + 64 {
            tracing::warn!(
                "up to {} connections, but only {limit} open files (ulimit -n): raise the \
                 limit or lower MTT_MAX_CONNECTIONS",
                state.config.max_connections
            );
        }
    }
    tracing::info!("listening on http://{local}");
    // A line on standard output that scripts (xtask, the end-to-end tests) wait for.
    println!("listening on http://{local}");
    serve_on(listener, state, shutdown_signal())
        .await
        .map_err(|source| StartError::Listen { address, source })
}

/// Serves [`app`] on `listener` within the configured connection limits (see
/// [`connections`]) until `shutdown` completes, then lets the requests under way finish. The
/// client's address reaches the handlers as `ConnectInfo<SocketAddr>`.
/// The first agency officer named in the configuration, and, with the development identity
/// provider on, the administration's demonstration data (`demo`).
pub async fn prepare_administration(
    storage: &Storage,
    config: &Config,
) -> Result<(), storage::StorageError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    // `Config::check` refused a first officer that does not parse.
    if let Some(officer) = config
        .first_officer
        .as_deref()
        .and_then(domain::AccountKey::parse)
    {
        storage.officer_add(&officer, now).await?;
    }
    if config.dev_identity_provider {
        demo::seed(storage, now).await?;
    }
    Ok(())
}

pub async fn serve_on(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let limits = connections::Limits {
        header_read_timeout: std::time::Duration::from_secs(state.config.header_read_timeout_secs),
        max_connections: state.config.max_connections,
    };
    connections::serve(listener, app(state), limits, shutdown).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

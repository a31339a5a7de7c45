//! The relying party's side of sign-in: the signed-in identity lives in the server-side
//! session, whichever provider vouched for it. Every provider (the development provider, and
//! OpenID Connect later) ends in [`complete_sign_in`], so all share one code path from there.
//!
//! Also the guard against cross-site requests: a state-changing request must carry the
//! `X-MTT-CSRF` header (which a cross-site form or a simple request cannot set) and, where the
//! browser sends an Origin, come from this server's own origin.

use axum::Json;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use contract::body::SessionResponse;
use contract::links::{identification_path, landing_path, percent_encode};
use contract::{CSRF_HEADER, ErrorBody, ErrorCode, paths};
use domain::{AccountProgress, Identity, SignInProvider, safe_return_path};
use time::OffsetDateTime;
use tower_sessions::Session;

use crate::AppState;
use crate::error::AppError;
use crate::oidc::{self, SignInFailure};

const IDENTITY: &str = "identity";
const SIGNED_IN_AT: &str = "signed_in_at";
const LAST_SEEN: &str = "last_seen";
/// How often a request of a signed-in user renews the idle expiry (a write to the session
/// store): at most once a minute per session, not on every request.
const RENEW_AFTER_SECONDS: i64 = 60;

/// Starts a fresh session for `identity`: a new session id (so an id planted before sign-in is
/// worthless), the identity, and the time of sign-in for the absolute timeout. Returns where
/// the user lands: the next step of the flow their account needs, with the path they came
/// for (`return_to`) kept for after it.
pub async fn complete_sign_in(
    session: &Session,
    state: &AppState,
    identity: Identity,
    return_to: Option<&str>,
) -> Result<String, AppError> {
    let account = identity.account_key();
    let registered = state.storage.registration_of(&account).await?.is_some();
    let profiled = registered && state.storage.profile_of(&account).await?.is_some();
    let progress = AccountProgress::of(registered, profiled);
    session.cycle_id().await?;
    session.insert(IDENTITY, identity).await?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    session.insert(SIGNED_IN_AT, now).await?;
    session.insert(LAST_SEEN, now).await?;
    Ok(landing_path(progress, return_to))
}

/// The signed-in identity, or `None`. A session older than the absolute limit is ended here.
pub async fn current_identity(
    session: &Session,
    state: &AppState,
) -> Result<Option<Identity>, AppError> {
    let Some(identity) = session.get::<Identity>(IDENTITY).await? else {
        return Ok(None);
    };
    let signed_in_at = session.get::<i64>(SIGNED_IN_AT).await?.unwrap_or(0);
    let limit = i64::from(state.config.session_absolute_hours) * 3600;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    if now - signed_in_at >= limit {
        session.flush().await?;
        return Ok(None);
    }
    // Activity renews the idle expiry: the session store only writes a modified session, so
    // the time of the last request is written now and then.
    let last_seen = session.get::<i64>(LAST_SEEN).await?.unwrap_or(0);
    if now - last_seen >= RENEW_AFTER_SECONDS {
        session.insert(LAST_SEEN, now).await?;
    }
    Ok(Some(identity))
}

/// The signed-in identity, or 401.
pub async fn require_identity(session: &Session, state: &AppState) -> Result<Identity, AppError> {
    current_identity(session, state)
        .await?
        .ok_or(AppError::Refused(ErrorCode::Unauthenticated))
}

/// The query of `GET /auth/start`.
#[derive(Debug, serde::Deserialize)]
pub struct StartQuery {
    /// `organisation:CODE` or `suomifi`.
    pub provider: String,
    /// Where the app wants the user after sign-in.
    pub return_to: Option<String>,
}

/// `GET /auth/start?provider=…&return_to=…`: hands the user over to the identity provider
/// configured for that method: its OpenID Connect provider where one is configured, else the
/// development provider where it is on. A provider the server does not know is 400
/// `unknown_provider`; one with no identity service, or whose service cannot be reached, is
/// 503 `provider_unavailable`.
pub async fn start_show(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<StartQuery>,
) -> Result<Response, AppError> {
    let provider: SignInProvider = query
        .provider
        .parse()
        .map_err(|_| AppError::Refused(ErrorCode::UnknownProvider))?;
    let return_to = safe_return_path(query.return_to.as_deref());
    let unavailable = AppError::Refused(ErrorCode::ProviderUnavailable);
    if state.oidc.serves(provider) {
        let (url, pending) = state
            .oidc
            .begin(provider, return_to)
            .await
            .map_err(|error| {
                tracing::warn!("OpenID Connect sign-in at {provider}: {error}");
                unavailable
            })?;
        session.insert(oidc::PENDING, pending).await?;
        return Ok(Redirect::to(&url).into_response());
    }
    if !state.config.dev_identity_provider {
        return Err(unavailable);
    }
    let target = format!(
        "{}?provider={}&return_to={}",
        paths::auth::DEV,
        percent_encode(&provider.to_string()),
        percent_encode(&return_to)
    );
    Ok(Redirect::to(&target).into_response())
}

/// The query a provider returns the user with: `code` and `state`, or an `error`.
#[derive(Debug, serde::Deserialize)]
pub struct CallbackQuery {
    /// The authorization code.
    pub code: Option<String>,
    /// The state we sent.
    pub state: Option<String>,
    /// The provider's error code (`access_denied` when the user cancelled).
    pub error: Option<String>,
}

/// `GET /auth/callback`: the return from an OpenID Connect provider. On success the user is
/// signed in (the same [`complete_sign_in`] as every provider) and lands on the next step of
/// the flow; otherwise they go back to the identification step with the failure's code, which
/// the app explains.
pub async fn callback_show(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, AppError> {
    // One return per sign-in: the pending sign-in is taken out whatever happens next.
    let pending = session.remove::<oidc::PendingSignIn>(oidc::PENDING).await?;
    let outcome = match (&pending, &query) {
        (None, _) => Err(SignInFailure::Expired),
        (
            Some(_),
            CallbackQuery {
                error: Some(error), ..
            },
        ) => Err(if error == "access_denied" {
            SignInFailure::Cancelled
        } else {
            tracing::warn!("OpenID Connect provider returned the error {error}");
            SignInFailure::Failed
        }),
        (
            Some(pending),
            CallbackQuery {
                code: Some(code),
                state: Some(returned_state),
                ..
            },
        ) => state.oidc.finish(pending, returned_state, code).await,
        (Some(_), _) => Err(SignInFailure::Expired),
    };
    let return_to = pending.map(|pending| pending.return_to);
    match outcome {
        Ok(identity) => {
            let landing =
                complete_sign_in(&session, &state, identity, return_to.as_deref()).await?;
            Ok(Redirect::to(&landing).into_response())
        }
        Err(failure) => Ok(Redirect::to(&format!(
            "{}&error={}",
            identification_path(return_to.as_deref().unwrap_or(paths::HOME)),
            failure.as_str()
        ))
        .into_response()),
    }
}

#[utoipa::path(get, path = "/session", tag = "session",
    responses(
        (status = 200, description = "The signed-in identity, its registration and profile (or null).", body = SessionResponse),
        (status = 401, description = "`unauthenticated`: nobody is signed in.", body = ErrorBody),
    ))]
/// `GET /api/session`: who is signed in, with their registration and profile (or null).
pub async fn session_show(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<SessionResponse>, AppError> {
    let identity = require_identity(&session, &state).await?;
    let account = identity.account_key();
    let registration = state.storage.registration_of(&account).await?;
    let profile = state.storage.profile_of(&account).await?;
    Ok(Json(SessionResponse {
        identity,
        registration,
        profile,
        idle_minutes: state.config.session_idle_minutes,
    }))
}

#[utoipa::path(post, path = "/sign-out", tag = "session",
    responses((status = 204, description = "Signed out (also when nobody was signed in).")))]
/// `POST /api/sign-out`: ends the session. 204 whether or not one existed.
pub async fn session_delete(session: Session) -> Result<StatusCode, AppError> {
    session.flush().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Refuses state-changing requests that do not prove they come from the app (403
/// `csrf_refused`).
pub async fn csrf_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let from_the_app = request.headers().contains_key(CSRF_HEADER)
        && same_origin(request.headers(), &state.config.allowed_origins());
    if safe || from_the_app {
        next.run(request).await
    } else {
        crate::error::refusal(ErrorCode::CsrfRefused)
    }
}

/// Whether the Origin header, where the browser sent one, names this server's own host, or
/// one of the `allowed` origins (the designers' `trunk serve`, whose proxy forwards the
/// browser's Origin with its own Host).
pub fn same_origin(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    if origin
        .to_str()
        .is_ok_and(|origin| allowed.iter().any(|allowed| allowed == origin))
    {
        return true;
    }
    let Some(host) = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
    else {
        return false;
    };
    origin
        .to_str()
        .ok()
        .and_then(|origin| origin.split_once("://"))
        .is_some_and(|(_, origin_host)| origin_host == host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_must_be_this_host() {
        let headers = |origin: Option<&str>| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
            if let Some(origin) = origin {
                headers.insert(header::ORIGIN, origin.parse().unwrap());
            }
            headers
        };
        assert!(same_origin(&headers(None), &[]));
        assert!(same_origin(&headers(Some("http://127.0.0.1:8080")), &[]));
        assert!(!same_origin(&headers(Some("http://evil.example")), &[]));
        assert!(!same_origin(&headers(Some("null")), &[]));
        let designers = ["http://127.0.0.1:8081".to_owned()];
        assert!(same_origin(
            &headers(Some("http://127.0.0.1:8081")),
            &designers
        ));
        assert!(!same_origin(
            &headers(Some("http://127.0.0.1:8082")),
            &designers
        ));
        assert!(!same_origin(
            &headers(Some("http://evil.example")),
            &designers
        ));
    }
}

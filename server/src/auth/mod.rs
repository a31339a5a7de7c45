//! The relying party's side of sign-in: the signed-in identity lives in the server-side
//! session, whichever provider vouched for it. Every provider (the development provider and the
//! OpenID Connect providers) ends in [`complete_sign_in`], so all share one code path from
//! there; handlers read the identity with [`current_identity`] or [`require_identity`], which
//! also end a session past its absolute timeout.
//!
//! - [`sign_in`]: `GET /auth/start` and `GET /auth/callback`, the hand-over to a provider and
//!   the return from it;
//! - [`session_api`]: `GET /api/session` and `POST /api/sign-out`;
//! - [`csrf`]: the guard against cross-site state changes on `/api`.

pub mod csrf;
pub mod session_api;
pub mod sign_in;

use contract::ErrorCode;
use contract::links::landing_path_of;
use domain::{AccountProgress, Identity};
use time::OffsetDateTime;
use tower_sessions::Session;

use crate::AppState;
use crate::error::AppError;

const IDENTITY: &str = "identity";
const SIGNED_IN_AT: &str = "signed_in_at";
const LAST_SEEN: &str = "last_seen";
/// How often a request of a signed-in user renews the idle expiry (a write to the session
/// store): at most once a minute per session, not on every request.
const RENEW_AFTER_SECONDS: i64 = 60;

/// What a signed-in session holds, as [`complete_sign_in`] writes it, for the benchmarks and
/// drills that make signed-in sessions in the database directly (one place for the layout).
pub fn signed_in_data(
    identity: &Identity,
    now: i64,
) -> std::collections::HashMap<String, serde_json::Value> {
    std::collections::HashMap::from([
        (
            IDENTITY.to_owned(),
            serde_json::to_value(identity).unwrap_or_default(),
        ),
        (SIGNED_IN_AT.to_owned(), now.into()),
        (LAST_SEEN.to_owned(), now.into()),
    ])
}

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
    // An officer or a member of a customer account lands in the administration (SPEC §5).
    let administration = state.storage.is_officer(&account).await?
        || !state.storage.memberships_of(&account).await?.is_empty();
    session.cycle_id().await?;
    session.insert(IDENTITY, identity).await?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    session.insert(SIGNED_IN_AT, now).await?;
    session.insert(LAST_SEEN, now).await?;
    Ok(landing_path_of(progress, administration, return_to))
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

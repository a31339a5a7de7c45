//! `GET /api/session` (who is signed in, with their registration and profile) and
//! `POST /api/sign-out`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use contract::ErrorBody;
use contract::body::SessionResponse;
use tower_sessions::Session;

use super::require_identity;
use crate::AppState;
use crate::error::AppError;

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

//! The professional's account: registration (`/api/registration`), profile (`/api/profile`)
//! and the content the profile's group unlocks (`/api/content`). Every body is parsed and
//! validated with `domain`; the browser is trusted with nothing.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use domain::registration::{Profile, ProfileInput, Registration, RegistrationInput};
use domain::wire::ContentResponse;
use tower_sessions::Session;

use crate::AppState;
use crate::auth::require_identity;
use crate::error::AppError;
use crate::storage::AccountConflict;

/// A JSON body whose every refusal is a coded 4xx: 400 `malformed_json` or `invalid_body`,
/// 413 `payload_too_large`, 415 `unsupported_media_type`.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::Client(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            )),
            Err(JsonRejection::JsonSyntaxError(_)) => {
                Err(AppError::Client(StatusCode::BAD_REQUEST, "malformed_json"))
            }
            Err(JsonRejection::JsonDataError(_)) => {
                Err(AppError::Client(StatusCode::BAD_REQUEST, "invalid_body"))
            }
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(
                AppError::Client(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ),
            Err(_) => Err(AppError::Client(StatusCode::BAD_REQUEST, "bad_request")),
        }
    }
}

fn conflict(conflict: AccountConflict) -> AppError {
    match conflict {
        AccountConflict::AlreadyRegistered => {
            AppError::Client(StatusCode::CONFLICT, "already_registered")
        }
        AccountConflict::NotRegistered => {
            AppError::Client(StatusCode::NOT_FOUND, "registration_not_found")
        }
        AccountConflict::ProfileExists => AppError::Client(StatusCode::CONFLICT, "already_exists"),
        AccountConflict::NoProfile => AppError::Client(StatusCode::NOT_FOUND, "profile_not_found"),
    }
}

/// `POST /api/registration`: 201, or 401, 409 `already_registered`, 422.
pub async fn registrations_create(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<RegistrationInput>,
) -> Result<(StatusCode, Json<Registration>), AppError> {
    let identity = require_identity(&session, &state).await?;
    let registration = input.validate()?;
    let stored = state
        .storage
        .registration_create(&identity.account_key(), registration)
        .await?
        .map_err(conflict)?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// `PUT /api/registration`: 200, or 401, 404 `registration_not_found`, 422.
pub async fn registrations_update(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<RegistrationInput>,
) -> Result<Json<Registration>, AppError> {
    let identity = require_identity(&session, &state).await?;
    let registration = input.validate()?;
    let stored = state
        .storage
        .registration_update(&identity.account_key(), registration)
        .await?
        .map_err(conflict)?;
    Ok(Json(stored))
}

/// `POST /api/profile`: 201, or 401, 409 `registration_required` or `already_exists`, 422.
pub async fn profiles_create(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<ProfileInput>,
) -> Result<(StatusCode, Json<Profile>), AppError> {
    let identity = require_identity(&session, &state).await?;
    let profile = input.validate()?;
    let stored = state
        .storage
        .profile_create(&identity.account_key(), profile)
        .await?
        .map_err(|error| match error {
            AccountConflict::NotRegistered => {
                AppError::Client(StatusCode::CONFLICT, "registration_required")
            }
            other => conflict(other),
        })?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// `PUT /api/profile`: 200, or 401, 404 `profile_not_found`, 422.
pub async fn profiles_update(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<ProfileInput>,
) -> Result<Json<Profile>, AppError> {
    let identity = require_identity(&session, &state).await?;
    let profile = input.validate()?;
    let stored = state
        .storage
        .profile_update(&identity.account_key(), profile)
        .await?
        .map_err(conflict)?;
    Ok(Json(stored))
}

/// `GET /api/content`: the items the user's group may see (and only those), or 401, 409
/// `profile_required`.
pub async fn content_index(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<ContentResponse>, AppError> {
    let identity = require_identity(&session, &state).await?;
    let profile = state
        .storage
        .profile_of(&identity.account_key())
        .await?
        .ok_or(AppError::Client(StatusCode::CONFLICT, "profile_required"))?;
    Ok(Json(ContentResponse::for_group(profile.professional_group)))
}

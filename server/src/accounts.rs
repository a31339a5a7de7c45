//! The professional's account: registration (`/api/registration`), profile (`/api/profile`)
//! and the content the profile's group unlocks (`/api/content`). Every body is parsed and
//! validated with `domain`; the browser is trusted with nothing.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use contract::body::{ContentEntry, ContentResponse};
use contract::{ErrorBody, ErrorCode};
use domain::content::content_for;
use domain::registration::{Profile, ProfileInput, Registration, RegistrationInput};
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
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ErrorCode::UnsupportedMediaType.into())
            }
            Err(JsonRejection::JsonSyntaxError(_)) => Err(ErrorCode::MalformedJson.into()),
            Err(JsonRejection::JsonDataError(_)) => Err(ErrorCode::InvalidBody.into()),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ErrorCode::PayloadTooLarge.into())
            }
            Err(_) => Err(ErrorCode::BadRequest.into()),
        }
    }
}

fn conflict(conflict: AccountConflict) -> AppError {
    AppError::Refused(match conflict {
        AccountConflict::AlreadyRegistered => ErrorCode::AlreadyRegistered,
        AccountConflict::NotRegistered => ErrorCode::RegistrationNotFound,
        AccountConflict::ProfileExists => ErrorCode::AlreadyExists,
        AccountConflict::NoProfile => ErrorCode::ProfileNotFound,
    })
}

#[utoipa::path(post, path = "/registration", tag = "account",
    request_body = RegistrationInput,
    responses(
        (status = 201, description = "Registered.", body = Registration),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 409, description = "`already_registered`: edit it instead.", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with the codes per field.", body = ErrorBody),
    ))]
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

#[utoipa::path(put, path = "/registration", tag = "account",
    request_body = RegistrationInput,
    responses(
        (status = 200, description = "Saved.", body = Registration),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`registration_not_found`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with the codes per field.", body = ErrorBody),
    ))]
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

#[utoipa::path(post, path = "/profile", tag = "account",
    request_body = ProfileInput,
    responses(
        (status = 201, description = "Saved.", body = Profile),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 409, description = "`registration_required` or `already_exists`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with the codes per field.", body = ErrorBody),
    ))]
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
            AccountConflict::NotRegistered => AppError::Refused(ErrorCode::RegistrationRequired),
            other => conflict(other),
        })?;
    Ok((StatusCode::CREATED, Json(stored)))
}

#[utoipa::path(put, path = "/profile", tag = "account",
    request_body = ProfileInput,
    responses(
        (status = 200, description = "Saved.", body = Profile),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`profile_not_found`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with the codes per field.", body = ErrorBody),
    ))]
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

#[utoipa::path(get, path = "/content", tag = "account",
    responses(
        (status = 200, description = "The items of the profile's professional group.", body = ContentResponse),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 409, description = "`profile_required`.", body = ErrorBody),
    ))]
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
        .ok_or(AppError::Refused(ErrorCode::ProfileRequired))?;
    Ok(Json(ContentResponse {
        professional_group: profile.professional_group,
        items: content_for(profile.professional_group)
            .map(ContentEntry::from)
            .collect(),
    }))
}

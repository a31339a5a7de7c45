//! The one error type of the handlers. Every refusal is a `contract::ErrorCode`, whose status
//! the contract gives; server errors are logged with their details and answered with the bare
//! code `internal` (or `database_unavailable` when the database cannot be reached or written
//! just now), never with the details.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use contract::{ErrorBody, ErrorCode};
use domain::{FieldError, FieldErrors};

use crate::storage::StorageError;

/// What a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is refused with this code (and the code's status).
    #[error("refused: {0:?}")]
    Refused(ErrorCode),
    /// The input broke domain rules (422 `validation_failed` with codes per field).
    #[error("validation failed")]
    Validation(FieldErrors),
    /// The database failed: 503 `database_unavailable` when it cannot be reached or written
    /// just now ([`StorageError::is_unavailable`]), else 500 `internal`; details only in the
    /// log.
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    /// Refused with this code until the Unix second given (the body's `retry_at`, and
    /// `Retry-After` in seconds from now).
    #[error("refused until {1}: {0:?}")]
    RefusedUntil(ErrorCode, i64),
    /// The session store failed (503 or 500 as [`AppError::Storage`]; details only in the log).
    #[error("session: {0}")]
    Session(#[from] tower_sessions::session::Error),
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        AppError::Refused(code)
    }
}

impl From<domain::registration::RegistrationErrors> for AppError {
    fn from(errors: domain::registration::RegistrationErrors) -> Self {
        AppError::Validation(errors.to_field_errors())
    }
}

impl From<domain::registration::ProfileErrors> for AppError {
    fn from(errors: domain::registration::ProfileErrors) -> Self {
        AppError::Validation(errors.to_field_errors())
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Validation(errors)
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::Validation(domain::fields::collect([error]))
    }
}

/// The answer for `code`: its status and its coded body.
pub fn refusal(code: ErrorCode) -> Response {
    answer(ErrorBody::new(code))
}

fn answer(body: ErrorBody) -> Response {
    let status =
        StatusCode::from_u16(body.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(body)).into_response()
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Refused(code) => refusal(code),
            AppError::RefusedUntil(code, retry_at) => {
                let seconds = retry_at
                    .saturating_sub(time::OffsetDateTime::now_utc().unix_timestamp())
                    .max(1);
                let mut response = answer(ErrorBody {
                    retry_at: Some(retry_at),
                    ..ErrorBody::new(code)
                });
                if let Ok(value) = axum::http::HeaderValue::from_str(&seconds.to_string()) {
                    response
                        .headers_mut()
                        .insert(axum::http::header::RETRY_AFTER, value);
                }
                response
            }
            AppError::Validation(errors) => answer(ErrorBody::validation(&errors)),
            AppError::Storage(error) if error.is_unavailable() => {
                tracing::warn!("database unavailable: {error}");
                refusal(ErrorCode::DatabaseUnavailable)
            }
            AppError::Storage(error) => {
                tracing::error!("storage error: {error}");
                refusal(ErrorCode::Internal)
            }
            AppError::Session(error) if crate::sessions::is_unavailable(&error) => {
                tracing::warn!("database unavailable (session): {error}");
                refusal(ErrorCode::DatabaseUnavailable)
            }
            AppError::Session(error) => {
                tracing::error!("session error: {error}");
                refusal(ErrorCode::Internal)
            }
        }
    }
}

//! The one error type of the handlers. Client errors carry codes; server errors are logged
//! with their details and answered with a bare code, never with the details.

use std::collections::BTreeMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::wire::ErrorBody;

use crate::storage::StorageError;

/// What a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nobody is signed in (401 `unauthenticated`).
    #[error("unauthenticated")]
    Unauthenticated,
    /// A client error with its status and code (400, 404, 409, 413, 415 …).
    #[error("{1}")]
    Client(axum::http::StatusCode, &'static str),
    /// The request is refused (403 with the code).
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// No such resource (404 `not_found`).
    #[error("not found")]
    NotFound,
    /// The input broke a domain rule (422 with codes per field).
    #[error("validation failed")]
    Validation(BTreeMap<String, Vec<String>>),
    /// The database failed (500 `internal`; details only in the log).
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    /// The session store failed (500 `internal`; details only in the log).
    #[error("session: {0}")]
    Session(#[from] tower_sessions::session::Error),
}

impl From<domain::registration::RegistrationErrors> for AppError {
    fn from(errors: domain::registration::RegistrationErrors) -> Self {
        AppError::Validation(errors.to_codes())
    }
}

impl From<domain::registration::ProfileErrors> for AppError {
    fn from(errors: domain::registration::ProfileErrors) -> Self {
        AppError::Validation(errors.to_codes())
    }
}

impl AppError {
    /// A 422 for one field with one code.
    pub fn field(field: &str, code: &str) -> AppError {
        AppError::Validation(BTreeMap::from([(field.to_owned(), vec![code.to_owned()])]))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let coded = |status, code: &str| {
            (
                status,
                ErrorBody {
                    code: Some(code.to_owned()),
                    ..ErrorBody::default()
                },
            )
        };
        let (status, body) = match self {
            AppError::Unauthenticated => coded(StatusCode::UNAUTHORIZED, "unauthenticated"),
            AppError::Forbidden(code) => coded(StatusCode::FORBIDDEN, code),
            AppError::Client(status, code) => coded(status, code),
            AppError::Session(error) => {
                tracing::error!("session error: {error}");
                coded(StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                ErrorBody {
                    code: Some("not_found".into()),
                    ..ErrorBody::default()
                },
            ),
            AppError::Validation(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody { code: None, errors },
            ),
            AppError::Storage(error) => {
                tracing::error!("storage error: {error}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody {
                        code: Some("internal".into()),
                        ..ErrorBody::default()
                    },
                )
            }
        };
        (status, Json(body)).into_response()
    }
}

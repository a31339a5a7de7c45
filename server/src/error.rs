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
    /// No such resource (404 `not_found`).
    #[error("not found")]
    NotFound,
    /// The input broke a domain rule (422 with codes per field).
    #[error("validation failed")]
    Validation(BTreeMap<String, Vec<String>>),
    /// The database failed (500 `internal`; details only in the log).
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
}

impl AppError {
    /// A 422 for one field with one code.
    pub fn field(field: &str, code: &str) -> AppError {
        AppError::Validation(BTreeMap::from([(field.to_owned(), vec![code.to_owned()])]))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
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

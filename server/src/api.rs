//! The JSON API under `/api`. Every input is re-validated with `domain`; every answer is a wire
//! type of `domain::wire`.

use axum::extract::DefaultBodyLimit;
use axum::extract::{Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::SignInMethod;
use domain::wire::{HealthResponse, ReferenceResponse, SignInMethodQuery};

use crate::AppState;
use crate::accounts::{
    content_index, profiles_create, profiles_update, registrations_create, registrations_update,
};
use crate::auth::{session_delete, session_show};
use crate::error::AppError;

/// The largest request body the API reads (413 `payload_too_large` beyond).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The routes under `/api`; unknown paths answer 404 JSON, not the app.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health_show))
        .route("/reference", get(reference_show))
        .route("/sign-in-method", get(sign_in_method_show))
        .route("/session", get(session_show))
        .route("/sign-out", post(session_delete))
        .route(
            "/registration",
            post(registrations_create).put(registrations_update),
        )
        .route("/profile", post(profiles_create).put(profiles_update))
        .route("/content", get(content_index))
        .route("/openapi.json", get(crate::openapi::openapi_show))
        // No form of this API needs more; a larger body is refused before it is read.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .fallback(not_found)
}

/// `GET /api/health`: 200 when the database answers.
async fn health_show(State(state): State<AppState>) -> Result<Json<HealthResponse>, AppError> {
    state.storage.check().await?;
    Ok(Json(HealthResponse {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// `GET /api/reference`: the organisation catalogue and its groups.
async fn reference_show() -> Json<ReferenceResponse> {
    Json(ReferenceResponse::current())
}

/// `GET /api/sign-in-method?organisation=CODE`: the sign-in method rule's verdict.
async fn sign_in_method_show(
    Query(query): Query<SignInMethodQuery>,
) -> Result<Json<SignInMethod>, AppError> {
    SignInMethod::for_workplace(query.organisation.as_deref())
        .map(Json)
        .map_err(|error| AppError::field("organisation", error.code()))
}

async fn not_found() -> AppError {
    AppError::NotFound
}

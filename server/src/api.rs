//! The JSON API under `/api`. Every input is re-validated with `domain`; every answer is a
//! body of `contract::body` or a `contract::ErrorBody`.
//!
//! [`routes`] is the one list of the API's routes: the router and the OpenAPI document
//! (`crate::openapi`) are both made from it, so a route cannot be served undocumented.

use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, OriginalUri, Query, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;
use axum::{Json, Router};
use contract::body::{HealthResponse, OperatorResponse, ReferenceResponse, SignInMethodQuery};
use contract::{ErrorBody, ErrorCode};
use domain::{FieldError, SignInMethod};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::AppError;
use crate::{accounts, administration, auth, openapi};

/// The largest request body the API reads (413 `payload_too_large` beyond).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Every route of `/api`, each with its OpenAPI description. Paths are relative to `/api`.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health_show))
        .routes(routes!(reference_show))
        .routes(routes!(sign_in_method_show))
        .routes(routes!(auth::session_api::session_show))
        .routes(routes!(auth::session_api::session_delete))
        .routes(routes!(
            accounts::registrations_create,
            accounts::registrations_update
        ))
        .routes(routes!(
            accounts::profiles_create,
            accounts::profiles_update
        ))
        .routes(routes!(accounts::content_index))
        .routes(routes!(administration::me_show))
        .routes(routes!(
            administration::accounts_index,
            administration::accounts_create
        ))
        .routes(routes!(administration::account_show))
        .routes(routes!(administration::contracts_create))
        .routes(routes!(administration::contract_submission_create))
        .routes(routes!(administration::contracts_index))
        .routes(routes!(administration::contract_decision_create))
        .routes(routes!(administration::audit_index))
        .routes(routes!(
            administration::points::points_index,
            administration::points::points_create
        ))
        .routes(routes!(administration::points::point_customers_index))
        .routes(routes!(administration::points::point_orders_index))
        .routes(routes!(administration::points::point_order_decision_create))
        .routes(routes!(administration::points::point_lookup_show))
        .routes(routes!(
            administration::points::authorisations_index,
            administration::points::authorisations_create
        ))
        .routes(routes!(
            administration::points::authorisation_revocation_create
        ))
        .routes(routes!(administration::users::users_index))
        .routes(routes!(
            administration::users::user_update,
            administration::users::user_delete
        ))
        .routes(routes!(administration::users::invitations_create))
        .routes(routes!(administration::users::invitation_resend_create))
        .routes(routes!(administration::users::invitation_withdrawal_create))
        .routes(routes!(administration::users::invitation_lookup_show))
        .routes(routes!(administration::users::invitation_acceptance_create))
        .routes(routes!(
            administration::registrar_applications::attachments_create
        ))
        .routes(routes!(
            administration::registrar_applications::attachment_show
        ))
        .routes(routes!(
            administration::registrar_applications::applications_create
        ))
        .routes(routes!(
            administration::registrar_applications::own_applications_index
        ))
        .routes(routes!(
            administration::registrar_applications::applications_index
        ))
        .routes(routes!(
            administration::registrar_applications::application_decision_create
        ))
        .routes(routes!(administration::registrars::point_registrars_index))
        .routes(routes!(
            administration::registrars::registrar_removal_create
        ))
        .routes(routes!(administration::registrars::point_closure_create))
        .routes(routes!(
            administration::registrars::my_contact_show,
            administration::registrars::my_contact_update
        ))
        .routes(routes!(
            administration::registrars::my_contact_resend_create
        ))
        .routes(routes!(
            administration::registrars::my_contact_confirmation_create
        ))
        .routes(routes!(
            administration::registrars::notices_index,
            administration::registrars::notices_create
        ))
        .routes(routes!(administration::registrars::notice_show))
        .routes(routes!(
            administration::registrar::registrar_customers_index
        ))
        .routes(routes!(
            administration::registrar::certificates_index,
            administration::registrar::certificates_create
        ))
        .routes(routes!(
            administration::registrar::card_orders_index,
            administration::registrar::card_orders_create
        ))
        .routes(routes!(operator_show))
        .routes(routes!(openapi::openapi_show))
}

/// The routes under `/api`; unknown paths answer 404 JSON, not the app.
pub fn router() -> Router<AppState> {
    let (router, _) = routes().split_for_parts();
    router
        // No form of this API needs more; a larger body is refused before it is read. The
        // attachment upload takes its body unread (`axum::body::Body`, which this limit does
        // not apply to) and caps it itself while streaming
        // (`administration::registrar_applications::read_upload`).
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

/// `GET /api/health`: 200 when the database answers.
#[utoipa::path(get, path = "/health", tag = "service",
    responses(
        (status = 200, description = "The server and its database answer.", body = HealthResponse),
        (status = 500, description = "`internal`: the database failed.", body = ErrorBody),
        (status = 503, description = "`database_unavailable`: the database cannot be reached or written just now.", body = ErrorBody),
    ))]
pub async fn health_show(State(state): State<AppState>) -> Result<Json<HealthResponse>, AppError> {
    state.storage.check().await?;
    Ok(Json(HealthResponse {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// `GET /api/reference`: the organisation catalogue and its groups, the municipalities, the
/// regions and the professional groups.
#[utoipa::path(get, path = "/reference", tag = "service",
    responses((status = 200, description = "The reference data.", body = ReferenceResponse)))]
pub async fn reference_show() -> Json<ReferenceResponse> {
    Json(ReferenceResponse::current())
}

/// `GET /api/sign-in-method?organisation=CODE`: the sign-in method rule's verdict.
#[utoipa::path(get, path = "/sign-in-method", tag = "service",
    params(SignInMethodQuery),
    responses(
        (status = 200, description = "How the staff of the organisation sign in (personally without one).", body = SignInMethod),
        (status = 400, description = "`bad_request`: the query is not of this form (e.g. `organisation` twice).", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `organisation` is no catalogue organisation.", body = ErrorBody),
    ))]
pub async fn sign_in_method_show(
    query: Result<Query<SignInMethodQuery>, QueryRejection>,
) -> Result<Json<SignInMethod>, AppError> {
    // axum's own refusal is plain text; the API's refusals are coded.
    let Query(query) = query.map_err(|_| ErrorCode::BadRequest)?;
    SignInMethod::for_workplace(query.organisation.as_deref())
        .map(Json)
        .map_err(|error| FieldError::Workplace(error).into())
}

/// How long browsers and shared caches may keep the operator's facts. They change only with
/// the configuration (a restart), and rarely: an hour-old statement date is harmless, while
/// every visit to the two pages would otherwise ask again.
pub const OPERATOR_CACHE_CONTROL: &str = "public, max-age=3600";

/// `GET /api/operator`: the operator's facts the accessibility statement and the privacy
/// notice show (controller, contacts, feedback address, dates), from the configuration.
#[utoipa::path(get, path = "/operator", tag = "service",
    responses((status = 200, description = "The operator's facts; in development, marked examples where not configured. Public, cacheable for an hour.", body = OperatorResponse)))]
pub async fn operator_show(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CACHE_CONTROL,
            HeaderValue::from_static(OPERATOR_CACHE_CONTROL),
        )],
        Json(state.config.operator_facts()),
    )
}

/// The answers anybody may cache: the same for everyone, with no personal data.
const PUBLIC: [&str; 5] = [
    contract::paths::api::HEALTH,
    contract::paths::api::REFERENCE,
    contract::paths::api::SIGN_IN_METHOD,
    contract::paths::api::OPERATOR,
    contract::paths::api::OPENAPI,
];

/// `Cache-Control: no-store` on every `/api` answer but the [`PUBLIC`] ones: the others are
/// personal (the session, the registration, the profile, the content a group may see) or
/// refusals of personal requests, and no shared or browser cache may keep them.
pub async fn no_store(request: Request, next: Next) -> Response {
    let path = request
        .extensions()
        .get::<OriginalUri>()
        .map_or(request.uri().path(), |original| original.path());
    let public = PUBLIC.contains(&path);
    let mut response = next.run(request).await;
    if !public {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

async fn not_found() -> AppError {
    ErrorCode::NotFound.into()
}

async fn method_not_allowed() -> AppError {
    ErrorCode::MethodNotAllowed.into()
}

//! `GET /api/openapi.json`: the API described as OpenAPI 3.1, generated from the handlers'
//! `#[utoipa::path]` attributes and the contract's types, over the same route list
//! (`crate::api::routes`) as the router.

use std::sync::OnceLock;

use axum::Json;
use contract::CSRF_HEADER;
use contract::ErrorBody;
use utoipa::OpenApi;
use utoipa::openapi::path::{HttpMethod, Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::{ContentBuilder, Ref, Required, ResponseBuilder};
use utoipa_axum::router::OpenApiRouter;

/// The document's fixed parts; the paths come from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mielenterveystalo professionals' section",
        description = "Sign-in happens under /auth (not JSON). Every state-changing request needs the X-MTT-CSRF header and a same-origin Origin. Every refusal is a coded body (`ErrorBody`), never text.",
        license(name = "MIT"),
    ),
    tags(
        (name = "service", description = "Health and reference data; no sign-in needed."),
        (name = "session", description = "The signed-in identity."),
        (name = "account", description = "The professional's registration, profile and content."),
    ),
    components(schemas(contract::ErrorCode)),
)]
struct ApiDoc;

/// The document, made once.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOCUMENT: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
            .nest("/api", crate::api::routes())
            .split_for_parts();
        add_csrf_guard(&mut document);
        document
    })
}

/// Every state-changing operation needs the CSRF header and may be refused with 403
/// `csrf_refused` (the guard on all of `/api`), or with 408 `request_timeout` and 413
/// `payload_too_large` for its body (the server's body deadline and size limit): said once
/// here for all of them.
fn add_csrf_guard(document: &mut utoipa::openapi::OpenApi) {
    for item in document.paths.paths.values_mut() {
        let operations = [
            item.post.as_mut(),
            item.put.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ];
        for operation in operations.into_iter().flatten() {
            guard(operation);
        }
    }
}

fn guard(operation: &mut Operation) {
    let header = ParameterBuilder::new()
        .name(CSRF_HEADER)
        .parameter_in(ParameterIn::Header)
        .required(Required::True)
        .description(Some(
            "Any non-empty value: proves the request comes from the app (with a same-origin Origin).",
        ))
        .schema(Some(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .min_length(Some(1)),
        ))
        .build();
    operation
        .parameters
        .get_or_insert_with(Vec::new)
        .push(header);
    for (status, description) in [
        ("403", "`csrf_refused`: not from the app."),
        (
            "408",
            "`request_timeout`: the body did not arrive in time (`--body-read-timeout-secs`).",
        ),
        (
            "413",
            "`payload_too_large`: the body is larger than the API reads (16 KB).",
        ),
    ] {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| refusal(description).into());
    }
}

/// A refusal's response: its description and the coded body.
fn refusal(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(
                    <ErrorBody as utoipa::ToSchema>::name(),
                )))
                .build(),
        )
        .build()
}

/// Every (method, path) the document describes, for tests.
pub fn operations() -> Vec<(HttpMethod, String)> {
    let mut operations = Vec::new();
    for (path, item) in &document().paths.paths {
        for (method, operation) in [
            (HttpMethod::Get, &item.get),
            (HttpMethod::Post, &item.post),
            (HttpMethod::Put, &item.put),
            (HttpMethod::Patch, &item.patch),
            (HttpMethod::Delete, &item.delete),
        ] {
            if operation.is_some() {
                operations.push((method, path.clone()));
            }
        }
    }
    operations
}

/// `GET /api/openapi.json`.
#[utoipa::path(get, path = "/openapi.json", tag = "service",
    responses((status = 200, description = "This document (OpenAPI 3.1).", content_type = "application/json")))]
pub async fn openapi_show() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(document())
}

//! Serves the trunk-built apps. Files that exist are served as they are; any other path without
//! a file extension is one of an app's own routes and gets its page, so a deep link or a reload
//! works: `hallinta/index.html` (the administration's app) under `/hallinta`, `index.html`
//! elsewhere; a missing file with an extension is a plain 404. Where xtask left a `NAME.br`
//! beside a file (brotli at the highest quality), browsers that accept brotli get that.

use std::path::PathBuf;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The router that answers every path outside `/api`.
pub fn router(dist_dir: PathBuf) -> Router {
    let fallback: MethodRouter = get(index_html).with_state(dist_dir.clone());
    // trunk names the wasm, js and css files by their hash, so they may be cached for good;
    // index.html (and so the app's routes) must be revalidated to pick up a new build.
    Router::new()
        .fallback_service(
            // A folder (`/hallinta`) is an app's route, not a redirect to `/hallinta/`.
            ServeDir::new(dist_dir)
                .append_index_html_on_directories(false)
                .precompressed_br()
                .fallback(fallback),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            cache_control,
        ))
}

fn cache_control<B>(response: &axum::http::Response<B>) -> Option<HeaderValue> {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !response.status().is_success() || is_html {
        Some(HeaderValue::from_static("no-cache"))
    } else {
        Some(HeaderValue::from_static(
            "public, max-age=31536000, immutable",
        ))
    }
}

async fn index_html(State(dist_dir): State<PathBuf>, request: Request) -> Response {
    let path = request.uri().path();
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    if last_segment.contains('.') {
        return StatusCode::NOT_FOUND.into_response();
    }
    // The administration's pages are its own app, built into `hallinta/` (SPEC §5: none of
    // it is in the professionals' download).
    let page = if contract::paths::admin::contains(path) {
        dist_dir.join("hallinta").join("index.html")
    } else {
        dist_dir.join("index.html")
    };
    match tokio::fs::read(&page).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes).into_response(),
        Err(error) => {
            tracing::error!("cannot read {}: {error}", page.display());
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "The app has not been built.",
            )
                .into_response()
        }
    }
}

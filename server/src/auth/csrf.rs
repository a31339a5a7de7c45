//! The guard against cross-site requests: a state-changing request must carry the
//! `X-MTT-CSRF` header (which a cross-site form or a simple request cannot set) and, where the
//! browser sends an Origin, come from this server's own origin.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use contract::{CSRF_HEADER, ErrorCode};

use crate::AppState;

/// Refuses state-changing requests that do not prove they come from the app (403
/// `csrf_refused`).
pub async fn csrf_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let from_the_app = request.headers().contains_key(CSRF_HEADER)
        && same_origin(request.headers(), &state.config.allowed_origins());
    if safe || from_the_app {
        next.run(request).await
    } else {
        crate::error::refusal(ErrorCode::CsrfRefused)
    }
}

/// Whether the Origin header, where the browser sent one, names this server's own host, or
/// one of the `allowed` origins (the designers' `trunk serve`, whose proxy forwards the
/// browser's Origin with its own Host).
pub fn same_origin(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    if origin
        .to_str()
        .is_ok_and(|origin| allowed.iter().any(|allowed| allowed == origin))
    {
        return true;
    }
    let Some(host) = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
    else {
        return false;
    };
    origin
        .to_str()
        .ok()
        .and_then(|origin| origin.split_once("://"))
        .is_some_and(|(_, origin_host)| origin_host == host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_must_be_this_host() {
        let headers = |origin: Option<&str>| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
            if let Some(origin) = origin {
                headers.insert(header::ORIGIN, origin.parse().unwrap());
            }
            headers
        };
        assert!(same_origin(&headers(None), &[]));
        assert!(same_origin(&headers(Some("http://127.0.0.1:8080")), &[]));
        assert!(!same_origin(&headers(Some("http://evil.example")), &[]));
        assert!(!same_origin(&headers(Some("null")), &[]));
        let designers = ["http://127.0.0.1:8081".to_owned()];
        assert!(same_origin(
            &headers(Some("http://127.0.0.1:8081")),
            &designers
        ));
        assert!(!same_origin(
            &headers(Some("http://127.0.0.1:8082")),
            &designers
        ));
        assert!(!same_origin(
            &headers(Some("http://evil.example")),
            &designers
        ));
    }
}

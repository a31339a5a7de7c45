//! The guard against cross-site requests: a state-changing request must carry a non-empty
//! `X-MTT-CSRF` header (which a cross-site form or a simple request cannot set) and, where the
//! browser sends an Origin, come from this server's origin: scheme, host and port exactly.

use axum::extract::{Request, State};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use contract::{CSRF_HEADER, ErrorCode};

use crate::AppState;
use crate::config::Config;

/// Refuses state-changing requests that do not prove they come from the app (403
/// `csrf_refused`).
pub async fn csrf_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || (has_token(request.headers()) && same_origin(request.headers(), &state.config)) {
        next.run(request).await
    } else {
        crate::error::refusal(ErrorCode::CsrfRefused)
    }
}

/// Whether the request carries exactly one CSRF header, and not an empty one.
fn has_token(headers: &HeaderMap) -> bool {
    let mut tokens = headers.get_all(CSRF_HEADER).iter();
    matches!((tokens.next(), tokens.next()), (Some(token), None) if !token.is_empty())
}

/// Whether the Origin header, where the browser sent one (and only one), is this server's
/// origin or one of the allowed origins (the designers' `trunk serve`, whose proxy forwards
/// the browser's Origin with its own Host).
///
/// This server's origin is its public URL's (`--public-url`), which behind a TLS-terminating
/// load balancer is not what the socket sees. Without a public URL (development, tests), it is
/// `http://` and the Host the request was sent to: the server then speaks plain HTTP, and a
/// browser's Origin names the address it used (`127.0.0.1:8080` or `localhost:8080`).
pub fn same_origin(headers: &HeaderMap, config: &Config) -> bool {
    let mut origins = headers.get_all(header::ORIGIN).iter();
    let origin = match (origins.next(), origins.next()) {
        (None, _) => return true,
        (Some(origin), None) => origin,
        (Some(_), Some(_)) => return false,
    };
    let Some(origin) = origin.to_str().ok().and_then(Origin::parse) else {
        return false;
    };
    if config
        .allowed_origins()
        .iter()
        .filter_map(|allowed| Origin::parse(allowed))
        .any(|allowed| allowed == origin)
    {
        return true;
    }
    let own = match &config.public_url {
        Some(public_url) => Origin::of_url(public_url),
        None => {
            let mut hosts = headers.get_all(header::HOST).iter();
            match (hosts.next(), hosts.next()) {
                (Some(host), None) => host
                    .to_str()
                    .ok()
                    .and_then(|host| Origin::parse(&format!("http://{host}"))),
                _ => None,
            }
        }
    };
    own == Some(origin)
}

/// A web origin: scheme, host and port (the scheme's default where none is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    /// An origin as a browser sends it: `http://host[:port]` or `https://host[:port]`, nothing
    /// more (no user, no path).
    pub fn parse(text: &str) -> Option<Origin> {
        Origin::read(text, false)
    }

    /// The origin of a URL (`https://example.fi/` or with a path).
    pub fn of_url(url: &str) -> Option<Origin> {
        Origin::read(url, true)
    }

    fn read(text: &str, path_allowed: bool) -> Option<Origin> {
        let (scheme, rest) = text.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        let (authority, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
        if (!path.is_empty() && !path_allowed) || authority.contains('@') {
            return None;
        }
        let authority: Authority = authority.parse().ok()?;
        if authority.host().is_empty() || authority.as_str().ends_with(':') {
            return None;
        }
        Some(Origin {
            scheme,
            host: authority.host().to_ascii_lowercase(),
            port: authority.port_u16().unwrap_or(default_port),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let origin = |text| Origin::parse(text);
        assert_eq!(origin("http://127.0.0.1:80"), origin("http://127.0.0.1"));
        assert_eq!(
            origin("HTTPS://Example.FI"),
            origin("https://example.fi:443")
        );
        assert_ne!(origin("http://example.fi"), origin("https://example.fi"));
        assert_ne!(
            origin("http://example.fi"),
            origin("http://example.fi:8080")
        );
        for refused in [
            "evil://example.fi",
            "null",
            "",
            "http://",
            "http://example.fi:",
            "http://user@example.fi",
            "http://example.fi/",
            "example.fi",
        ] {
            assert_eq!(origin(refused), None, "{refused}");
        }
        assert_eq!(
            Origin::of_url("https://example.fi/palvelu/"),
            origin("https://example.fi")
        );
    }
}

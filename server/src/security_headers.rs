//! Security headers on every response: a Content-Security-Policy without `unsafe-inline` or
//! `unsafe-eval`, `frame-ancestors 'none'`, `nosniff`, a strict Referrer-Policy, and HSTS in
//! production (which runs behind TLS).
//!
//! trunk writes each app's loader into its page (`index.html`, `hallinta/index.html`) as an inline module script; rather than
//! allowing inline scripts, the policy names that script by its SHA-256 hash, computed from
//! the built `index.html` when the router is made. WebAssembly needs `'wasm-unsafe-eval'`,
//! which allows compiling wasm and nothing else.

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The headers every response gets.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    headers: Arc<Vec<(HeaderName, HeaderValue)>>,
}

impl SecurityHeaders {
    /// The headers for the app built into `dist_dir`; HSTS when `production`.
    pub fn new(dist_dir: &Path, production: bool) -> Self {
        // Both apps' pages: the professionals' and the administration's (`hallinta/`).
        let index = ["index.html", "hallinta/index.html"]
            .map(|page| std::fs::read_to_string(dist_dir.join(page)).unwrap_or_default())
            .concat();
        let script_hashes: String = inline_scripts(&index)
            .map(|script| {
                let digest = Sha256::digest(script.as_bytes());
                format!(
                    " 'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                )
            })
            .collect();
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; \
             style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        );
        let mut headers = vec![
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_str(&policy).expect("the policy is ASCII"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ),
            (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
            (
                HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
            ),
        ];
        if production {
            headers.push((
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=31536000; includeSubDomains"),
            ));
        }
        SecurityHeaders {
            headers: Arc::new(headers),
        }
    }
}

/// The contents of the inline `<script>` elements of an HTML page (those without `src`).
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        let (body, _) = after.split_once("</script>")?;
        Some(body)
    })
}

/// The middleware that adds the headers.
pub async fn add(State(headers): State<SecurityHeaders>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    for (name, value) in headers.headers.iter() {
        response.headers_mut().insert(name.clone(), value.clone());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_but_not_external_ones() {
        let html = "<script type=module>import init from '/app.js';\ninit();</script>\
                    <script src=\"/x.js\"></script><p>text</p>";
        let scripts: Vec<_> = inline_scripts(html).collect();
        assert_eq!(scripts, ["import init from '/app.js';\ninit();"]);
    }
}

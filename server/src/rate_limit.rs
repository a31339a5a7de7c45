//! The rate limit of sign-in attempts (`/auth/...`) per client address, on tower_governor:
//! a burst of `--sign-in-burst` attempts, then one more every three seconds; beyond that,
//! 429 `too_many_attempts` with `Retry-After`. The client's address is the socket's, or, with
//! `--trust-proxy-headers` (behind a load balancer), the last hop of `X-Forwarded-For` (else
//! of `Forwarded`): the address the balancer itself saw and appended.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, HeaderValue, Request, header};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use contract::ErrorCode;

/// How often one more attempt is allowed once the burst is spent.
const REFILL: Duration = Duration::from_secs(3);

/// The client's address as the key. A request that came with no address (only the in-process
/// tests make those) shares one key.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress {
    /// Whether the proxy headers name the client (`--trust-proxy-headers`).
    pub trust_proxy_headers: bool,
}

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        let forwarded = self
            .trust_proxy_headers
            .then(|| forwarded_client(request.headers()))
            .flatten();
        Ok(forwarded
            .or_else(|| {
                request
                    .extensions()
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|ConnectInfo(address)| address.ip())
            })
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))
    }
}

/// The last hop of `X-Forwarded-For`, else the last `for=` of `Forwarded` (RFC 7239): what
/// the nearest proxy appended. Earlier hops are the client's to write and are not read.
pub fn forwarded_client(headers: &HeaderMap) -> Option<IpAddr> {
    if let Some(last) = headers.get_all("x-forwarded-for").iter().next_back() {
        return last.to_str().ok()?.rsplit(',').next().and_then(address);
    }
    let last = headers.get_all(header::FORWARDED).iter().next_back()?;
    let element = last.to_str().ok()?.rsplit(',').next()?;
    element.split(';').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("for") {
            address(value)
        } else {
            None
        }
    })
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
/// `"[2001:db8::1]:4711"`.
fn address(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| text.strip_prefix('[')?.split(']').next()?.parse().ok())
}

/// The limiter's settings, shared by the layer and the task that forgets old clients.
pub type SignInLimit = Arc<GovernorConfig<ClientAddress, NoOpMiddleware>>;

/// The settings for a burst of `burst` attempts, keyed as `--trust-proxy-headers` says.
pub fn sign_in_limit(burst: u32, trust_proxy_headers: bool) -> SignInLimit {
    Arc::new(
        GovernorConfigBuilder::default()
            .key_extractor(ClientAddress {
                trust_proxy_headers,
            })
            .period(REFILL)
            .burst_size(burst)
            .finish()
            .expect("a positive period and burst"),
    )
}

/// The layer that applies `limit`.
pub fn layer(limit: &SignInLimit) -> GovernorLayer<ClientAddress, NoOpMiddleware, Body> {
    GovernorLayer::new(Arc::clone(limit)).error_handler(|error| match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let mut response = crate::error::refusal(ErrorCode::TooManyAttempts);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait_time.max(1)));
            response
        }
        other => {
            tracing::error!("rate limit: {other}");
            crate::error::refusal(ErrorCode::Internal)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forwarded_client_is_the_last_hop() {
        let headers = |name: &'static str, values: &[&str]| {
            let mut headers = HeaderMap::new();
            for value in values {
                headers.append(name, value.parse().unwrap());
            }
            forwarded_client(&headers)
        };
        let ip = |text: &str| Some(text.parse::<IpAddr>().unwrap());
        assert_eq!(
            headers("x-forwarded-for", &["1.1.1.1, 192.0.2.1"]),
            ip("192.0.2.1")
        );
        assert_eq!(
            headers("x-forwarded-for", &["1.1.1.1", "192.0.2.1:80"]),
            ip("192.0.2.1")
        );
        assert_eq!(
            headers("x-forwarded-for", &["1.1.1.1, 2001:db8::1"]),
            ip("2001:db8::1")
        );
        assert_eq!(headers("x-forwarded-for", &["1.1.1.1, nonsense"]), None);
        assert_eq!(
            headers(
                "forwarded",
                &["for=1.1.1.1, for=\"[2001:db8::1]:4711\";proto=https"]
            ),
            ip("2001:db8::1")
        );
        assert_eq!(
            headers("forwarded", &["proto=https;For=192.0.2.1"]),
            ip("192.0.2.1")
        );
        assert_eq!(headers("forwarded", &["for=unknown"]), None);
    }
}

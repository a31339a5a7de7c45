//! The rate limit of sign-in attempts (`/auth/...`) per client address, on tower_governor:
//! a burst of `--sign-in-burst` attempts, then one more every three seconds; beyond that,
//! 429 `too_many_attempts`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use contract::ErrorCode;

/// The client's address as the key. A request that came with no address (only the in-process
/// tests make those) shares one key.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress;

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        Ok(request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))
    }
}

/// The limiter's settings, shared by the layer and the task that forgets old clients.
pub type SignInLimit = Arc<GovernorConfig<ClientAddress, NoOpMiddleware>>;

/// The settings for a burst of `burst` attempts.
pub fn sign_in_limit(burst: u32) -> SignInLimit {
    Arc::new(
        GovernorConfigBuilder::default()
            .key_extractor(ClientAddress)
            .period(Duration::from_secs(3))
            .burst_size(burst)
            .finish()
            .expect("a positive period and burst"),
    )
}

/// The layer that applies `limit`.
pub fn layer(limit: &SignInLimit) -> GovernorLayer<ClientAddress, NoOpMiddleware, Body> {
    GovernorLayer::new(Arc::clone(limit)).error_handler(|error| match error {
        GovernorError::TooManyRequests { .. } => crate::error::refusal(ErrorCode::TooManyAttempts),
        other => {
            tracing::error!("rate limit: {other}");
            crate::error::refusal(ErrorCode::Internal)
        }
    })
}

//! `GET /auth/start` and `GET /auth/callback`: handing the user over to the identity provider
//! of the chosen sign-in method (its OpenID Connect provider, or the development provider), and
//! their return from an OpenID Connect provider, which ends in [`complete_sign_in`].

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use contract::links::{identification_path, percent_encode};
use contract::{ErrorCode, paths};
use domain::{SignInProvider, safe_return_path};
use tower_sessions::Session;

use super::complete_sign_in;
use crate::AppState;
use crate::error::AppError;
use crate::oidc::{self, SignInFailure};

/// The query of `GET /auth/start`.
#[derive(Debug, serde::Deserialize)]
pub struct StartQuery {
    /// `organisation:CODE` or `suomifi`.
    pub provider: String,
    /// Where the app wants the user after sign-in.
    pub return_to: Option<String>,
}

/// `GET /auth/start?provider=…&return_to=…`: hands the user over to the identity provider
/// configured for that method: its OpenID Connect provider where one is configured, else the
/// development provider where it is on. A provider the server does not know is 400
/// `unknown_provider`; one with no identity service, or whose service cannot be reached, is
/// 503 `provider_unavailable`.
pub async fn start_show(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    uri: Uri,
    query: Result<Query<StartQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Ok(Query(query)) = query else {
        return Ok(refused_sign_in(&headers, query_return_to(&uri).as_deref()));
    };
    let provider: SignInProvider = query
        .provider
        .parse()
        .map_err(|_| AppError::Refused(ErrorCode::UnknownProvider))?;
    let return_to = safe_return_path(query.return_to.as_deref());
    let unavailable = AppError::Refused(ErrorCode::ProviderUnavailable);
    if state.oidc.serves(provider) {
        let (url, pending) = state
            .oidc
            .begin(provider, return_to)
            .await
            .map_err(|error| {
                tracing::warn!("OpenID Connect sign-in at {provider}: {error}");
                unavailable
            })?;
        session.insert(oidc::PENDING, pending).await?;
        return Ok(Redirect::to(&url).into_response());
    }
    if !state.config.dev_identity_provider {
        return Err(unavailable);
    }
    let target = format!(
        "{}?provider={}&return_to={}",
        paths::auth::DEV,
        percent_encode(&provider.to_string()),
        percent_encode(&return_to)
    );
    Ok(Redirect::to(&target).into_response())
}

/// The query a provider returns the user with: `code` and `state`, or an `error`.
#[derive(Debug, serde::Deserialize)]
pub struct CallbackQuery {
    /// The authorization code.
    pub code: Option<String>,
    /// The state we sent.
    pub state: Option<String>,
    /// The provider's error code (`access_denied` when the user cancelled).
    pub error: Option<String>,
}

/// `GET /auth/callback`: the return from an OpenID Connect provider. On success the user is
/// signed in (the same [`complete_sign_in`] as every provider) and lands on the next step of
/// the flow; otherwise they go back to the identification step with the failure's code, which
/// the app explains.
pub async fn callback_show(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    query: Result<Query<CallbackQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Ok(Query(query)) = query else {
        return Ok(refused_sign_in(&headers, None));
    };
    // One return per sign-in: the pending sign-in is taken out whatever happens next.
    let pending = session.remove::<oidc::PendingSignIn>(oidc::PENDING).await?;
    let outcome = match (&pending, &query) {
        (None, _) => Err(SignInFailure::Expired),
        (
            Some(_),
            CallbackQuery {
                error: Some(error), ..
            },
        ) => Err(if error == "access_denied" {
            SignInFailure::Cancelled
        } else {
            tracing::warn!("OpenID Connect provider returned the error {error}");
            SignInFailure::Failed
        }),
        (
            Some(pending),
            CallbackQuery {
                code: Some(code),
                state: Some(returned_state),
                ..
            },
        ) => state.oidc.finish(pending, returned_state, code).await,
        (Some(_), _) => Err(SignInFailure::Expired),
    };
    let return_to = pending.map(|pending| pending.return_to);
    match outcome {
        Ok(identity) => {
            let landing =
                complete_sign_in(&session, &state, identity, return_to.as_deref()).await?;
            Ok(Redirect::to(&landing).into_response())
        }
        Err(failure) => Ok(Redirect::to(&format!(
            "{}&error={}",
            identification_path(return_to.as_deref().unwrap_or(paths::HOME)),
            failure.as_str()
        ))
        .into_response()),
    }
}

/// A sign-in request the server cannot read (a query or form not of its shape, an unknown
/// test identity), answered as the rest of the service answers, never with a text naming
/// fields: a browser (`Accept: text/html`) goes back to the identification step with
/// `sign_in_failed`, which the app explains; another client gets 400 `bad_request`.
pub fn refused_sign_in(headers: &HeaderMap, return_to: Option<&str>) -> Response {
    if accepts_html(headers) {
        sign_in_failed(return_to)
    } else {
        crate::error::refusal(ErrorCode::BadRequest)
    }
}

/// The identification step again, with `sign_in_failed` for the app to explain.
pub fn sign_in_failed(return_to: Option<&str>) -> Response {
    Redirect::to(&format!(
        "{}&error={}",
        identification_path(return_to.unwrap_or(paths::HOME)),
        SignInFailure::Failed.as_str()
    ))
    .into_response()
}

/// Whether the client asks for a page (a browser navigating) rather than data.
pub fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|accept| accept.to_str().ok())
        .flat_map(|accept| accept.split(','))
        .any(|media| {
            media
                .split(';')
                .next()
                .is_some_and(|media| media.trim().eq_ignore_ascii_case("text/html"))
        })
}

/// The `return_to` of a query that is otherwise unreadable.
fn query_return_to(uri: &Uri) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct ReturnTo {
        return_to: Option<String>,
    }
    Query::<ReturnTo>::try_from_uri(uri)
        .ok()
        .and_then(|Query(query)| query.return_to)
}

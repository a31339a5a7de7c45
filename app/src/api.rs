//! The HTTP client of the app: one function per API call, one error type for all of them.

use std::cell::Cell;
use std::fmt;

use contract::body::{ContentResponse, OperatorResponse, SessionResponse};
use contract::paths::api;
use contract::{CSRF_HEADER, ErrorBody, ErrorCode};
use domain::FieldErrors;
use domain::registration::{Profile, ProfileInput, Registration, RegistrationInput};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Whether a form makes the record (`POST`) or edits it (`PUT`, in "Omat tiedot").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMode {
    /// The first time, in the flow after sign-in.
    Create,
    /// Editing later, in settings.
    Edit,
}

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request did not reach the server or no answer came (offline, server down).
    Network,
    /// The server answered with an error status and, where it sent one, a coded body.
    Status {
        /// The HTTP status.
        status: u16,
        /// The body's code (`None` when the answer had no coded body, e.g. a proxy's 502).
        code: Option<ErrorCode>,
        /// With `validation_failed`: the errors per field.
        fields: FieldErrors,
    },
    /// The answer was not what this version of the app understands.
    Decode,
}

impl fmt::Display for ApiError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network => formatter.write_str("network error"),
            ApiError::Status { status, .. } => write!(formatter, "HTTP {status}"),
            ApiError::Decode => formatter.write_str("unexpected answer"),
        }
    }
}

impl std::error::Error for ApiError {}

thread_local! {
    /// When the server last answered (ms since the epoch): every answer renews the session's
    /// idle time on the server, so the app's inactivity warning counts from here.
    static LAST_CONTACT: Cell<f64> = Cell::new(js_sys::Date::now());
}

/// When the server last answered, in milliseconds since the epoch.
pub fn last_contact() -> f64 {
    LAST_CONTACT.with(Cell::get)
}

fn contacted() {
    LAST_CONTACT.with(|last| last.set(js_sys::Date::now()));
}

/// `GET /api/session`: the signed-in user, or `None` when nobody is (401).
pub async fn session() -> Result<Option<SessionResponse>, ApiError> {
    let response = get(api::SESSION).await?;
    if response.status() == 401 {
        return Ok(None);
    }
    json(response).await.map(Some)
}

/// `GET /api/content`: the items the user's professional group may see.
pub async fn content() -> Result<ContentResponse, ApiError> {
    json(get(api::CONTENT).await?).await
}

/// `GET /api/operator`: the operator's facts for the accessibility statement and the privacy
/// notice. Not a contact for the inactivity count: the server does not read the session for
/// it, so it renews nothing (and a cache may answer it).
pub async fn operator() -> Result<OperatorResponse, ApiError> {
    let response = Request::get(api::OPERATOR)
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    json(response).await
}

impl ApiError {
    /// The server's code for the whole request (`unauthenticated`, `profile_required` …).
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Status { code, .. } => *code,
            _ => None,
        }
    }
}

/// `POST /api/sign-out`.
pub async fn sign_out() -> Result<(), ApiError> {
    let response = Request::post(api::SIGN_OUT)
        .header(CSRF_HEADER, "1")
        .send()
        .await
        .map_err(|_| ApiError::Network)
        .inspect(|_| contacted())?;
    successful(response).await.map(|_| ())
}

/// `POST /api/registration` (create) or `PUT /api/registration` (edit).
pub async fn save_registration(
    input: &RegistrationInput,
    mode: FormMode,
) -> Result<Registration, ApiError> {
    json(send_json(write_request(api::REGISTRATION, mode), input).await?).await
}

/// `POST /api/profile` (create) or `PUT /api/profile` (edit).
pub async fn save_profile(input: &ProfileInput, mode: FormMode) -> Result<Profile, ApiError> {
    json(send_json(write_request(api::PROFILE, mode), input).await?).await
}

fn write_request(path: &str, mode: FormMode) -> RequestBuilder {
    match mode {
        FormMode::Create => Request::post(path),
        FormMode::Edit => Request::put(path),
    }
}

async fn send_json<T: Serialize>(request: RequestBuilder, body: &T) -> Result<Response, ApiError> {
    request
        .header(CSRF_HEADER, "1")
        .json(body)
        .map_err(|_| ApiError::Decode)?
        .send()
        .await
        .map_err(|_| ApiError::Network)
        .inspect(|_| contacted())
}

async fn get(path: &str) -> Result<Response, ApiError> {
    Request::get(path)
        .send()
        .await
        .map_err(|_| ApiError::Network)
        .inspect(|_| contacted())
}

/// The response if its status is 2xx, else the error with the server's coded body.
async fn successful(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let body = response.json::<ErrorBody>().await.ok();
    Err(ApiError::Status {
        status,
        code: body.as_ref().map(|body| body.code),
        fields: body.map(|body| body.field_errors()).unwrap_or_default(),
    })
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    successful(response)
        .await?
        .json()
        .await
        .map_err(|_| ApiError::Decode)
}

/// The client's parts the administration's app (`admin/`) shares, at the end of this file so
/// that the professionals' wasm (which carries this file's line numbers in its panic locations)
/// stays byte for byte the same: `GET path`, a JSON body sent with the CSRF header, and a 2xx
/// answer's JSON or the error.
pub mod shared {
    use super::*;

    /// `GET path`.
    pub async fn get(path: &str) -> Result<Response, ApiError> {
        super::get(path).await
    }

    /// Sends `body` as JSON with the CSRF header.
    pub async fn send_json<T: Serialize>(
        request: RequestBuilder,
        body: &T,
    ) -> Result<Response, ApiError> {
        super::send_json(request, body).await
    }

    /// Sends `body` (a file: a `Blob`) as it is, with its content type and the CSRF header.
    pub async fn send_blob(
        request: RequestBuilder,
        content_type: &str,
        body: wasm_bindgen::JsValue,
    ) -> Result<Response, ApiError> {
        request
            .header(CSRF_HEADER, "1")
            .header("Content-Type", content_type)
            .body(body)
            .map_err(|_| ApiError::Decode)?
            .send()
            .await
            .map_err(|_| ApiError::Network)
            .inspect(|_| contacted())
    }

    /// The 2xx answer's JSON, or the error with the server's coded body.
    pub async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
        super::json(response).await
    }

    /// Nothing for a 2xx answer (a `204`), or the error with the server's coded body.
    pub async fn no_content(response: Response) -> Result<(), ApiError> {
        super::successful(response).await.map(|_| ())
    }
}

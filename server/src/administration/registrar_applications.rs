//! Becoming a registrar (SPEC §5 "Registrar rights"): the training certificate's upload and
//! download, the registrar application on a county's granted contract ("Tee
//! rekisteröijähakemus"), the applicant's own list, and the agency officer's queue and
//! decision, which grants the rights per point and tells the applicant by email. The access
//! rules are the parent module's [`Actor`]; a file is readable by its uploader and, once an
//! application names it, by agency officers, and by nobody else (404, as a missing one).
//!
//! **The upload streams with a cap.** `POST /api/admin/attachments` takes the file as the raw
//! body. Its handler takes the body as `axum::body::Body`, which axum hands over unread: the
//! API's `DefaultBodyLimit` (16 KiB) applies only to the extractors that collect a body
//! (`Json`, `Bytes`, `String`, `Form`), not to `Body`, so the route needs no exception and no
//! extractor buffers the file first. [`read_upload`] refuses a declared `Content-Length` over
//! the cap before reading a byte, then reads a frame at a time and stops at the first frame
//! that would take the total past [`MAX_ATTACHMENT_BYTES`] (413 `attachment_too_large`), so
//! at most the cap plus the one frame in hand is ever held: a 50 MB upload is refused after
//! ~5 MiB, never collected. The type is decided from the first [`SNIFF_BYTES`] as soon as
//! they arrive, so an executable is refused (415) after its first frame whatever its length.

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use contract::admin::{
    AfterQuery, Attachment, AttachmentQuery, RegistrarApplication, RegistrarApplicationsPage,
};
use contract::{ErrorBody, ErrorCode};
use domain::administration::{
    AttachmentError, AttachmentKind, AttachmentName, Decision, DecisionInput, MAX_ATTACHMENT_BYTES,
    RegistrarApplicationInput, RegistrarApplicationInputError, RegistrarApplicationRefusal,
    SNIFF_BYTES,
};
use http_body_util::BodyExt;
use tower_sessions::Session;

use super::{Actor, ids, next_after, query};
use crate::AppState;
use crate::accounts::ApiJson;
use crate::error::AppError;
use crate::storage::registrar_applications::{
    ApplicationDecision, ApplicationsFilter, NewApplication, NewAttachment, RegistrarConflict,
};

/// The smallest step the upload's buffer grows by (then doubling, never past the cap).
const FIRST_BUFFER_BYTES: usize = 64 * 1024;

fn attachment_refusal(error: AttachmentError) -> AppError {
    match error {
        AttachmentError::Empty => ErrorCode::AttachmentEmpty,
        AttachmentError::TooLarge => ErrorCode::AttachmentTooLarge,
        AttachmentError::TypeNotAllowed => ErrorCode::AttachmentTypeRefused,
    }
    .into()
}

fn registrar_conflict(conflict: RegistrarConflict) -> AppError {
    match conflict {
        RegistrarConflict::NotFound => ErrorCode::NotFound,
        RegistrarConflict::AttachmentNotFound => ErrorCode::AttachmentNotFound,
        RegistrarConflict::AlreadyDecided => ErrorCode::RegistrarApplicationAlreadyDecided,
        RegistrarConflict::Refused(refusal) => match refusal {
            RegistrarApplicationRefusal::NotAWellbeingCounty => ErrorCode::NotAWellbeingCounty,
            RegistrarApplicationRefusal::ContractNotGranted => ErrorCode::ContractNotGranted,
            RegistrarApplicationRefusal::PointUnavailable => ErrorCode::RegistrarPointUnavailable,
            RegistrarApplicationRefusal::AlreadyRegistrar => ErrorCode::AlreadyRegistrar,
            RegistrarApplicationRefusal::Pending => ErrorCode::RegistrarApplicationPending,
        },
    }
    .into()
}

/// Makes room for `more` bytes in `buffer`: doubling from [`FIRST_BUFFER_BYTES`], never
/// reserving past `cap`, so the buffer itself never holds more than the cap.
fn make_room(buffer: &mut Vec<u8>, more: usize, cap: usize) {
    let needed = buffer.len() + more;
    if needed <= buffer.capacity() {
        return;
    }
    let target = (buffer.capacity() * 2)
        .max(FIRST_BUFFER_BYTES)
        .min(cap)
        .max(needed);
    buffer.reserve_exact(target - buffer.len());
}

/// The upload's bytes and the type they are, read a frame at a time with the cap (see the
/// module's documentation): 413 past the cap, 415 for bytes of another type as soon as the
/// leading bytes are in, 422 for an empty body, 400 for a body that broke off.
pub async fn read_upload(
    headers: &HeaderMap,
    mut body: Body,
) -> Result<(AttachmentKind, Vec<u8>), AppError> {
    let cap = usize::try_from(MAX_ATTACHMENT_BYTES).unwrap_or(usize::MAX);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .and_then(|length| length.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_ATTACHMENT_BYTES) {
        return Err(ErrorCode::AttachmentTooLarge.into());
    }
    let mut content = Vec::with_capacity(
        declared
            .and_then(|length| usize::try_from(length).ok())
            .unwrap_or(0),
    );
    let mut kind = None;
    while let Some(frame) = body.frame().await {
        // A body that broke off (or ran out of time: `connections::body_deadline` answers
        // that one 408 in place of this).
        let frame = frame.map_err(|_| AppError::from(ErrorCode::BadRequest))?;
        let Ok(chunk) = frame.into_data() else {
            continue;
        };
        if content.len() + chunk.len() > cap {
            return Err(ErrorCode::AttachmentTooLarge.into());
        }
        make_room(&mut content, chunk.len(), cap);
        content.extend_from_slice(&chunk);
        if kind.is_none() && content.len() >= SNIFF_BYTES {
            kind =
                Some(AttachmentKind::sniff(&content[..SNIFF_BYTES]).map_err(attachment_refusal)?);
        }
    }
    let kind = match kind {
        Some(kind) => kind,
        // Shorter than the longest signature: the whole file decides.
        None => AttachmentKind::sniff(&content).map_err(attachment_refusal)?,
    };
    Ok((kind, content))
}

#[utoipa::path(post, path = "/admin/attachments", tag = "administration",
    params(AttachmentQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file's bytes as they are (any Content-Type is taken; the bytes decide): PDF, PNG or JPEG, at most 5 MiB (5,242,880 bytes)."),
    responses(
        (status = 201, description = "Stored as the uploader's; an application names it by its id. The uploader's earlier unused uploads are deleted.", body = Attachment),
        (status = 400, description = "`bad_request`: the query is not of this form, or the body broke off.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only members of a customer account upload.", body = ErrorBody),
        (status = 413, description = "`attachment_too_large`: more than 5 MiB (refused without reading the rest).", body = ErrorBody),
        (status = 415, description = "`attachment_type_refused`: the bytes are not a PDF, PNG or JPEG, whatever the name says.", body = ErrorBody),
        (status = 422, description = "`attachment_empty`, or `attachment_name_invalid` (the `name`).", body = ErrorBody),
    ))]
/// `POST /api/admin/attachments?name=FILE`: uploads a file, streamed with a cap.
pub async fn attachments_create(
    State(state): State<AppState>,
    session: Session,
    name: Result<Query<AttachmentQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<Attachment>), AppError> {
    let name = query(name)?.name.unwrap_or_default();
    let actor = Actor::of(&session, &state).await?;
    // Uploads are for applications, which members of an account file: nobody else stores
    // files here.
    if actor.memberships.is_empty() {
        return Err(ErrorCode::Forbidden.into());
    }
    let name = name
        .parse::<AttachmentName>()
        .map_err(|_| AppError::from(ErrorCode::AttachmentNameInvalid))?;
    let (kind, content) = read_upload(&headers, body).await?;
    let stored = state
        .storage
        .attachment_store(
            actor.audit("attachment_uploaded"),
            NewAttachment {
                uploader: actor.person.clone(),
                name,
                kind,
                content,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

#[utoipa::path(get, path = "/admin/attachments/{attachment}", tag = "administration",
    params(("attachment" = i64, Path, description = "The attachment's id.")),
    responses(
        (status = 200, description = "The file, as a download (`Content-Disposition: attachment` with an ASCII name whose extension is its type's), its type as its bytes say, with `X-Content-Type-Options: nosniff`.",
            content(
                (Vec<u8> = "application/pdf"),
                (Vec<u8> = "image/png"),
                (Vec<u8> = "image/jpeg"),
            )),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such file, or not one the person may read (its uploader may; agency officers once an application names it).", body = ErrorBody),
    ))]
/// `GET /api/admin/attachments/{attachment}`: the file, to its uploader and agency officers.
pub async fn attachment_show(
    State(state): State<AppState>,
    session: Session,
    attachment_id: Result<Path<i64>, PathRejection>,
) -> Result<Response, AppError> {
    let attachment_id = ids(attachment_id)?;
    let actor = Actor::of(&session, &state).await?;
    let access = state
        .storage
        .attachment_access(attachment_id)
        .await?
        .filter(|access| {
            access.uploader == actor.person.as_str() || (actor.officer && access.in_application)
        })
        .ok_or(AppError::from(ErrorCode::NotFound))?;
    let content = state
        .storage
        .attachment_content(attachment_id)
        .await?
        .ok_or(AppError::from(ErrorCode::NotFound))?;
    let attachment = access.attachment;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        attachment.name.download_name(attachment.kind)
    );
    let disposition = HeaderValue::from_str(&disposition)
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(attachment.kind.media_type()),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        content,
    )
        .into_response())
}

#[utoipa::path(post, path = "/admin/accounts/{account}/contracts/{contract}/registrar-applications", tag = "administration",
    params(
        ("account" = i64, Path, description = "The county's account's id."),
        ("contract" = i64, Path, description = "The granted contract's id."),
    ),
    request_body = RegistrarApplicationInput,
    responses(
        (status = 201, description = "Filed: waiting for the agency officer.", body = RegistrarApplication),
        (status = 400, description = "`invalid_body`: more than 50 points, or a language other than fi, sv, en.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the account's members apply; `not_a_wellbeing_county`: only a county's contract has points.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such contract of the account, or an account the person may not see; `attachment_not_found`: not the applicant's unused upload (upload again).", body = ErrorBody),
        (status = 409, description = "`contract_not_granted`, `registrar_point_unavailable` (a point not an approved point of the county), `already_registrar` (at every chosen point) or `registrar_application_pending` (the applicant's on this contract).", body = ErrorBody),
        (status = 422, description = "`validation_failed` (the `email` field), `registrar_points_required` or `attachment_required`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/contracts/{contract}/registrar-applications`.
pub async fn applications_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
    ApiJson(input): ApiJson<RegistrarApplicationInput>,
) -> Result<(StatusCode, Json<RegistrarApplication>), AppError> {
    let (account, contract_id) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.visible_account(&state, account).await?;
    if actor.role_in(account).is_none() {
        return Err(ErrorCode::Forbidden.into());
    }
    let request = input.validate().map_err(|error| match error {
        RegistrarApplicationInputError::Fields(errors) => AppError::Validation(errors),
        RegistrarApplicationInputError::PointsRequired => ErrorCode::RegistrarPointsRequired.into(),
        RegistrarApplicationInputError::TooManyPoints => ErrorCode::InvalidBody.into(),
        RegistrarApplicationInputError::AttachmentRequired => ErrorCode::AttachmentRequired.into(),
    })?;
    let applicant_name = Some(actor.name.clone()).filter(|name| !name.is_empty());
    let filed = state
        .storage
        .registrar_apply(
            actor.audit("registrar_application_filed"),
            NewApplication {
                applicant: actor.person.clone(),
                applicant_name,
                account_id: account,
                contract_id,
                request,
            },
        )
        .await?
        .map_err(registrar_conflict)?;
    Ok((StatusCode::CREATED, Json(filed)))
}

#[utoipa::path(get, path = "/admin/accounts/{account}/registrar-applications", tag = "administration",
    params(("account" = i64, Path, description = "The county's account's id."), AfterQuery),
    responses(
        (status = 200, description = "The signed-in person's own registrar applications on the account, every state, by id.", body = RegistrarApplicationsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such account, or not one the person may see.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}/registrar-applications?after=ID`.
pub async fn own_applications_index(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<RegistrarApplicationsPage>, AppError> {
    let account = ids(account)?;
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.visible_account(&state, account).await?;
    let applications = state
        .storage
        .registrar_applications_page(
            ApplicationsFilter::OfApplicant {
                account_key: actor.person.as_str().to_owned(),
                account_id: account,
            },
            after,
        )
        .await?;
    let next_after = next_after(&applications, |application| application.id);
    Ok(Json(RegistrarApplicationsPage {
        applications,
        accounts: Vec::new(),
        next_after,
    }))
}

#[utoipa::path(get, path = "/admin/registrar-applications", tag = "administration",
    params(AfterQuery),
    responses(
        (status = 200, description = "Registrar applications awaiting a decision, oldest first, with their accounts.", body = RegistrarApplicationsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
    ))]
/// `GET /api/admin/registrar-applications?after=ID`.
pub async fn applications_index(
    State(state): State<AppState>,
    session: Session,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<RegistrarApplicationsPage>, AppError> {
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let applications = state
        .storage
        .registrar_applications_page(ApplicationsFilter::Pending, after)
        .await?;
    let next_after = next_after(&applications, |application| application.id);
    let accounts = super::accounts_of(
        &state,
        &actor,
        applications
            .iter()
            .map(|application| application.account_id),
    )
    .await?;
    Ok(Json(RegistrarApplicationsPage {
        applications,
        accounts,
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/registrar-applications/{application}/decision", tag = "administration",
    params(("application" = i64, Path, description = "The application's id.")),
    request_body = DecisionInput,
    responses(
        (status = 200, description = "Granted (the applicant is a registrar at each point applied for) or rejected; the applicant's email is queued in their language.", body = RegistrarApplication),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 409, description = "`registrar_application_already_decided`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: a rejection needs its reason (`rejection_reason`).", body = ErrorBody),
    ))]
/// `POST /api/admin/registrar-applications/{application}/decision`.
pub async fn application_decision_create(
    State(state): State<AppState>,
    session: Session,
    application_id: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Json<RegistrarApplication>, AppError> {
    let application_id = ids(application_id)?;
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let (action, decision) = match input.validate()? {
        Decision::Grant => ("registrar_application_granted", ApplicationDecision::Grant),
        Decision::Reject(reason) => (
            "registrar_application_rejected",
            ApplicationDecision::Reject(reason),
        ),
    };
    let link = format!(
        "{}{}",
        state.config.public_url().trim_end_matches('/'),
        contract::paths::admin::HOME
    );
    let decided = state
        .storage
        .registrar_application_decide(actor.audit(action), application_id, decision, link)
        .await?
        .map_err(registrar_conflict)?;
    Ok(Json(decided))
}

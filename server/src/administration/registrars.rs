//! Registrars (SPEC §5, part 2): a point's registrars and removing one's rights (never below
//! `MIN_REGISTRARS_PER_POINT`, unless the point is closed, which ends them all), a registrar's
//! own contact email ("Muuta henkilötietoja") confirmed by a link sent to the new address, and
//! the agency officer's notices to every registrar's confirmed address.
//!
//! Access, by the parent module's [`Actor`]: a point's registrars are read by the county
//! account's administrators and members and by agency officers; rights are removed and points
//! closed by the county's administrators and by officers; the contact email is a registrar's
//! own (403 `not_a_registrar` for a person with no active rights); notices are the officers'.
//!
//! A confirmation link's token is 256 bits from the operating system's CSPRNG, as an
//! invitation's, kept as its SHA-256, valid 24 hours. It is confirmed only by the person who
//! asked for the address, signed in: another person who follows it is refused
//! (`confirmation_other_person`) and the link stays usable for its owner, so a forwarded or
//! misdelivered email cannot move anyone's notices to an address they did not choose.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use contract::admin::{
    AfterQuery, BeforeQuery, ConfirmationTokenInput, NoticeDetail, NoticeSummary, NoticesPage,
    PointClosure, PointRegistrar, PointRegistrarsPage, RegistrarContact,
};
use contract::{ErrorBody, ErrorCode};
use domain::administration::{
    AccountRole, CONTACT_CONFIRMATION_VALID_SECONDS, ContactEmailInput, NoticeInput,
};
use tower_sessions::Session;

use super::users::{new_token, now, token_hash};
use super::{Actor, conflict, ids, next_after, query};
use crate::AppState;
use crate::accounts::ApiJson;
use crate::error::AppError;
use crate::mail::texts::ConfirmationMail;
use crate::storage::registrar_contacts::NewConfirmation;

impl Actor {
    /// 404 unless the person may see the account; 403 unless they may manage its points'
    /// registrars (its administrator, or an agency officer).
    async fn managing_points_of(&self, state: &AppState, account: i64) -> Result<(), AppError> {
        self.visible_account(state, account).await?;
        if self.officer || self.role_in(account) == Some(AccountRole::Administrator) {
            Ok(())
        } else {
            Err(ErrorCode::Forbidden.into())
        }
    }
}

/// What the confirmation's email says, with the link to `token`.
fn confirmation_mail(state: &AppState, token: &str, at: i64) -> ConfirmationMail {
    ConfirmationMail {
        link: format!(
            "{}{}?token={token}",
            state.config.public_url().trim_end_matches('/'),
            contract::paths::admin::CONTACT_CONFIRMATION
        ),
        valid_until: at + CONTACT_CONFIRMATION_VALID_SECONDS,
    }
}

#[utoipa::path(get, path = "/admin/accounts/{account}/points/{point}/registrars", tag = "administration",
    params(
        ("account" = i64, Path, description = "The county's account's id."),
        ("point" = i64, Path, description = "The point's id."),
        AfterQuery,
    ),
    responses(
        (status = 200, description = "A page of the point's active registrars by id (name as the identity provider gave it, since when), with the count of them all and whether it is fewer than two.", body = PointRegistrarsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such point of the account, or an account the person may not see (its members and administrators, agency officers).", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}/points/{point}/registrars?after=ID`.
pub async fn point_registrars_index(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<PointRegistrarsPage>, AppError> {
    let (account, point_id) = ids(path)?;
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.visible_account(&state, account).await?;
    let point = state
        .storage
        .point(point_id)
        .await?
        .filter(|point| point.account_id == account)
        .ok_or(AppError::from(ErrorCode::NotFound))?;
    let registrars: Vec<PointRegistrar> = state.storage.point_registrars(point_id, after).await?;
    Ok(Json(PointRegistrarsPage {
        next_after: next_after(&registrars, |registrar| registrar.id),
        registrars,
        active_registrars: point.active_registrars,
        too_few_registrars: point.too_few_registrars,
    }))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/points/{point}/registrars/{registrar}/removal", tag = "administration",
    params(
        ("account" = i64, Path, description = "The county's account's id."),
        ("point" = i64, Path, description = "The point's id."),
        ("registrar" = i64, Path, description = "The registrar's rights' id (of the point's list)."),
    ),
    responses(
        (status = 200, description = "The rights ended.", body = PointRegistrar),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the county's administrators and agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such rights at the account's point.", body = ErrorBody),
        (status = 409, description = "`too_few_registrars`: fewer than two active registrars would remain (close the point instead); `registrar_already_removed`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/points/{point}/registrars/{registrar}/removal`.
pub async fn registrar_removal_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64, i64)>, PathRejection>,
) -> Result<Json<PointRegistrar>, AppError> {
    let (account, point_id, registrar) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.managing_points_of(&state, account).await?;
    let removed = state
        .storage
        .registrar_remove(
            actor.audit("registrar_removed"),
            account,
            point_id,
            registrar,
        )
        .await?
        .map_err(conflict)?;
    Ok(Json(removed))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/points/{point}/closure", tag = "administration",
    params(
        ("account" = i64, Path, description = "The county's account's id."),
        ("point" = i64, Path, description = "The point's id."),
    ),
    responses(
        (status = 200, description = "Closed: the point's state `closed`; every registrar's rights and every authorisation of it ended in the same transaction.", body = PointClosure),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the county's administrators and agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such point of the account.", body = ErrorBody),
        (status = 409, description = "`point_not_approved`: an order waiting or rejected; `point_closed`: closed already.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/points/{point}/closure`.
pub async fn point_closure_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Json<PointClosure>, AppError> {
    let (account, point_id) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.managing_points_of(&state, account).await?;
    let closed = state
        .storage
        .point_close(actor.audit("point_closed"), account, point_id)
        .await?
        .map_err(conflict)?;
    Ok(Json(closed))
}

#[utoipa::path(get, path = "/admin/me/contact", tag = "administration",
    responses(
        (status = 200, description = "The registrar's contact email: the confirmed one in use and the one waiting for confirmation.", body = RegistrarContact),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_a_registrar`: the person has no active registrar rights.", body = ErrorBody),
    ))]
/// `GET /api/admin/me/contact`.
pub async fn my_contact_show(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<RegistrarContact>, AppError> {
    let actor = Actor::of(&session, &state).await?;
    let contact = state
        .storage
        .contact(&actor.person, now())
        .await?
        .map_err(conflict)?;
    Ok(Json(contact))
}

#[utoipa::path(put, path = "/admin/me/contact", tag = "administration",
    request_body = ContactEmailInput,
    responses(
        (status = 202, description = "The new address waits for confirmation: a link (valid 24 hours) is queued to it; the confirmed address stays in use until then. A pending one before is replaced (its link dead).", body = RegistrarContact),
        (status = 400, description = "`invalid_body`: e.g. a language other than fi, sv or en.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_a_registrar`.", body = ErrorBody),
        (status = 409, description = "`contact_email_unchanged`: it is the confirmed address already.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `email`.", body = ErrorBody),
        (status = 429, description = "`contact_resend_limit`: five confirmation emails within the hour; `retry_at` (and `Retry-After`).", body = ErrorBody),
    ))]
/// `PUT /api/admin/me/contact`: "Muuta henkilötietoja".
pub async fn my_contact_update(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<ContactEmailInput>,
) -> Result<(StatusCode, Json<RegistrarContact>), AppError> {
    let actor = Actor::of(&session, &state).await?;
    let contact = input.validate()?;
    let (token, token_hash) = new_token()?;
    let audit = actor.audit("contact_email_requested");
    let mail = confirmation_mail(&state, &token, audit.at);
    let answer = state
        .storage
        .contact_request(
            audit,
            NewConfirmation {
                contact,
                token_hash,
                mail,
            },
        )
        .await?
        .map_err(conflict)?;
    state.outbox.wake();
    Ok((StatusCode::ACCEPTED, Json(answer)))
}

#[utoipa::path(post, path = "/admin/me/contact/resend", tag = "administration",
    responses(
        (status = 200, description = "The pending address's confirmation again: a new link (the old one dead), valid 24 hours, queued.", body = RegistrarContact),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_a_registrar`.", body = ErrorBody),
        (status = 409, description = "`no_pending_contact_email`.", body = ErrorBody),
        (status = 429, description = "`contact_resend_limit`; `retry_at` (and `Retry-After`).", body = ErrorBody),
    ))]
/// `POST /api/admin/me/contact/resend`.
pub async fn my_contact_resend_create(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<RegistrarContact>, AppError> {
    let actor = Actor::of(&session, &state).await?;
    let (token, token_hash) = new_token()?;
    let audit = actor.audit("contact_email_resent");
    let mail = confirmation_mail(&state, &token, audit.at);
    let answer = state
        .storage
        .contact_resend(audit, token_hash, mail)
        .await?
        .map_err(conflict)?;
    state.outbox.wake();
    Ok(Json(answer))
}

#[utoipa::path(post, path = "/admin/me/contact/confirmation", tag = "administration",
    request_body = ConfirmationTokenInput,
    responses(
        (status = 200, description = "Confirmed: the address is the registrar's contact email from now on.", body = RegistrarContact),
        (status = 400, description = "`invalid_body`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`: sign in first, as the person who asked for the address.", body = ErrorBody),
        (status = 403, description = "`confirmation_other_person`: the link is another person's (it stays usable for them).", body = ErrorBody),
        (status = 404, description = "`confirmation_unknown`: no confirmation has this link (mistyped, forged, or replaced by a resend).", body = ErrorBody),
        (status = 409, description = "`confirmation_used`, `confirmation_expired` or `confirmation_replaced`.", body = ErrorBody),
    ))]
/// `POST /api/admin/me/contact/confirmation`: the signed-in person follows their link.
pub async fn my_contact_confirmation_create(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<ConfirmationTokenInput>,
) -> Result<Json<RegistrarContact>, AppError> {
    let actor = Actor::of(&session, &state).await?;
    let hash = token_hash(&input.token).ok_or(ErrorCode::ConfirmationUnknown)?;
    let answer = state
        .storage
        .contact_confirm(actor.audit("contact_email_confirmed"), hash)
        .await?
        .map_err(conflict)?;
    Ok(Json(answer))
}

#[utoipa::path(get, path = "/admin/notices", tag = "administration",
    params(BeforeQuery),
    responses(
        (status = 200, description = "The agency's notices, newest first, each with its recipients and how many of its messages are sent, queued and retrying, and how many registrars it did not reach.", body = NoticesPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
    ))]
/// `GET /api/admin/notices?before=ID`.
pub async fn notices_index(
    State(state): State<AppState>,
    session: Session,
    before: Result<Query<BeforeQuery>, QueryRejection>,
) -> Result<Json<NoticesPage>, AppError> {
    let before = query(before)?.before.unwrap_or(i64::MAX);
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let notices = state.storage.notices_page(before).await?;
    Ok(Json(NoticesPage {
        next_before: next_after(&notices, |notice| notice.id),
        notices,
    }))
}

#[utoipa::path(post, path = "/admin/notices", tag = "administration",
    request_body = NoticeInput,
    responses(
        (status = 201, description = "Sent: one message per distinct confirmed contact address of the registrars with active rights, queued in the outbox with the notice (never lost, retried until sent); the registrars without one counted as not reached.", body = NoticeSummary),
        (status = 400, description = "`invalid_body`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `notice_subject`, `notice_body`.", body = ErrorBody),
    ))]
/// `POST /api/admin/notices`: the officer sends a notice to every registrar.
pub async fn notices_create(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<NoticeInput>,
) -> Result<(StatusCode, Json<NoticeSummary>), AppError> {
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let notice = input.validate()?;
    let sent = state
        .storage
        .notice_send(actor.audit("notice_sent"), notice)
        .await?;
    state.outbox.wake();
    Ok((StatusCode::CREATED, Json(sent)))
}

#[utoipa::path(get, path = "/admin/notices/{notice}", tag = "administration",
    params(("notice" = i64, Path, description = "The notice's id.")),
    responses(
        (status = 200, description = "The notice with its counts and the registrars it did not reach (name as the identity provider gave it, and their points).", body = NoticeDetail),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
    ))]
/// `GET /api/admin/notices/{notice}`.
pub async fn notice_show(
    State(state): State<AppState>,
    session: Session,
    notice: Result<Path<i64>, PathRejection>,
) -> Result<Json<NoticeDetail>, AppError> {
    let notice = ids(notice)?;
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let detail = state
        .storage
        .notice(notice)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    Ok(Json(detail))
}

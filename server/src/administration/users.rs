//! Users and invitations of a customer account (Käyttäjien hallinta, SPEC §5): its
//! administrators list the members and the invitations, invite by email, resend and withdraw
//! invitations, change a member's role and remove a member (never the last administrator);
//! an agency officer may list and invite too (they open an account and invite its first
//! administrator), but changes no membership; any signed-in person accepts an invitation by
//! its link's token.
//!
//! The token is 256 bits from the operating system's CSPRNG, sent in the email (base64url,
//! 43 characters) and kept as its SHA-256; its link is in the outbox only until the email is
//! sent (`storage::invitations`). A token that is not of that form reads as unknown, as a
//! forged one.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use contract::admin::{
    AccountInvitation, AccountSummary, AccountUser, InvitationLookup, InvitationTokenInput,
    InvitationTokenQuery, MemberRoleInput, UsersPage, UsersQuery,
};
use contract::{ErrorBody, ErrorCode};
use domain::administration::{AccountRole, INVITATION_VALID_SECONDS, InvitationInput};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use tower_sessions::Session;

use super::{Actor, conflict, ids, next_after, query, summary};
use crate::AppState;
use crate::accounts::ApiJson;
use crate::error::AppError;
use crate::mail::texts::InvitationMail;
use crate::storage::administration::CustomerAccount;
use crate::storage::invitations::NewInvitation;

/// A new token and its hash.
pub(super) fn new_token() -> Result<(String, [u8; 32]), AppError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| {
        tracing::error!("no randomness for an invitation token: {error}");
        AppError::Refused(ErrorCode::Internal)
    })?;
    Ok((URL_SAFE_NO_PAD.encode(bytes), Sha256::digest(bytes).into()))
}

/// The hash of a token as the link carries it; none for one that is not of its form.
pub(super) fn token_hash(token: &str) -> Option<[u8; 32]> {
    let bytes = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
    (bytes.len() == 32).then(|| Sha256::digest(&bytes).into())
}

pub(super) fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// What the invitation's email says, with the link to `token`.
fn mail(
    state: &AppState,
    actor: &Actor,
    account: &CustomerAccount,
    role: AccountRole,
    token: &str,
    at: i64,
) -> InvitationMail {
    InvitationMail {
        inviter: actor.name.clone(),
        account_name: account.name.as_str().to_owned(),
        administrator: role == AccountRole::Administrator,
        link: format!(
            "{}{}?token={token}",
            state.config.public_url().trim_end_matches('/'),
            contract::paths::admin::INVITATION
        ),
        valid_until: at + INVITATION_VALID_SECONDS,
    }
}

#[utoipa::path(get, path = "/admin/accounts/{account}/users", tag = "administration",
    params(("account" = i64, Path, description = "The account's id."), UsersQuery),
    responses(
        (status = 200, description = "A page of the members and a page of the invitations (with their states and whether their email is sent), each by id.", body = UsersPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the account's administrators and agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such account, or not one the person may see.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}/users?users_after=ID&invitations_after=ID`.
pub async fn users_index(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    users_query: Result<Query<UsersQuery>, QueryRejection>,
) -> Result<Json<UsersPage>, AppError> {
    let account = ids(account)?;
    let UsersQuery {
        users_after,
        invitations_after,
    } = query(users_query)?;
    let actor = Actor::of(&session, &state).await?;
    actor.inviting_account(&state, account).await?;
    let users: Vec<AccountUser> = state
        .storage
        .members_page(account, users_after.unwrap_or(0))
        .await?;
    let invitations: Vec<AccountInvitation> = state
        .storage
        .invitations_page(account, invitations_after.unwrap_or(0), now())
        .await?;
    Ok(Json(UsersPage {
        users_next_after: next_after(&users, |user| user.id),
        users,
        invitations_next_after: next_after(&invitations, |invitation| invitation.id),
        invitations,
    }))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/invitations", tag = "administration",
    params(("account" = i64, Path, description = "The account's id.")),
    request_body = InvitationInput,
    responses(
        (status = 201, description = "Invited: the invitation, its email queued (sent by the worker).", body = AccountInvitation),
        (status = 400, description = "`invalid_body`: e.g. a language other than fi, sv or en, or an unknown role.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the account's administrators and agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 409, description = "`invitation_pending`: the address has a pending invitation to the account.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `invitation_email`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/invitations`: Kutsu käyttäjä.
pub async fn invitations_create(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<InvitationInput>,
) -> Result<(StatusCode, Json<AccountInvitation>), AppError> {
    let account = ids(account)?;
    let actor = Actor::of(&session, &state).await?;
    let found = actor.inviting_account(&state, account).await?;
    let invitation = input.validate()?;
    let (token, token_hash) = new_token()?;
    let audit = actor.audit("invitation_sent");
    let mail = mail(&state, &actor, &found, invitation.role, &token, audit.at);
    let created = state
        .storage
        .invitation_create(
            audit,
            account,
            NewInvitation {
                email: invitation.email,
                language: invitation.language,
                role: invitation.role,
                token_hash,
                mail,
            },
        )
        .await?
        .map_err(conflict)?;
    state.outbox.wake();
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/invitations/{invitation}/resend", tag = "administration",
    params(
        ("account" = i64, Path, description = "The account's id."),
        ("invitation" = i64, Path, description = "The invitation's id."),
    ),
    responses(
        (status = 200, description = "A new link (the old one dead), valid seven days, its email queued.", body = AccountInvitation),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the account's administrators and agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such invitation of the account.", body = ErrorBody),
        (status = 409, description = "`invitation_used`, `invitation_withdrawn`, or `invitation_pending` (an expired one whose address has a newer pending invitation).", body = ErrorBody),
        (status = 429, description = "`invitation_resend_limit`: three resends within the hour; `retry_at` (and `Retry-After`) say when the next is allowed.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/invitations/{invitation}/resend`.
pub async fn invitation_resend_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Json<AccountInvitation>, AppError> {
    let (account, invitation) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    let found = actor.inviting_account(&state, account).await?;
    let (token, token_hash) = new_token()?;
    // The text's role is the invitation's, which the storage sets from its row.
    let audit = actor.audit("invitation_resent");
    let mail = mail(
        &state,
        &actor,
        &found,
        AccountRole::Member,
        &token,
        audit.at,
    );
    let resent = state
        .storage
        .invitation_resend(audit, account, invitation, token_hash, mail)
        .await?
        .map_err(conflict)?;
    state.outbox.wake();
    Ok(Json(resent))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/invitations/{invitation}/withdrawal", tag = "administration",
    params(
        ("account" = i64, Path, description = "The account's id."),
        ("invitation" = i64, Path, description = "The invitation's id."),
    ),
    responses(
        (status = 200, description = "Withdrawn: its link no longer works.", body = AccountInvitation),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the account's administrators and agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such invitation of the account.", body = ErrorBody),
        (status = 409, description = "`invitation_used` or `invitation_withdrawn`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/invitations/{invitation}/withdrawal`.
pub async fn invitation_withdrawal_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Json<AccountInvitation>, AppError> {
    let (account, invitation) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.inviting_account(&state, account).await?;
    let withdrawn = state
        .storage
        .invitation_withdraw(actor.audit("invitation_withdrawn"), account, invitation)
        .await?
        .map_err(conflict)?;
    Ok(Json(withdrawn))
}

#[utoipa::path(put, path = "/admin/accounts/{account}/users/{member}", tag = "administration",
    params(
        ("account" = i64, Path, description = "The account's id."),
        ("member" = i64, Path, description = "The membership's id."),
    ),
    request_body = MemberRoleInput,
    responses(
        (status = 200, description = "The member with the new role.", body = AccountUser),
        (status = 400, description = "`invalid_body`: an unknown role.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the account's administrators (not officers).", body = ErrorBody),
        (status = 404, description = "`not_found`: no such member of the account.", body = ErrorBody),
        (status = 409, description = "`last_administrator`: the account would have no administrator.", body = ErrorBody),
    ))]
/// `PUT /api/admin/accounts/{account}/users/{member}`: a member's role.
pub async fn user_update(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
    ApiJson(input): ApiJson<MemberRoleInput>,
) -> Result<Json<AccountUser>, AppError> {
    let (account, member) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.administered_account(&state, account).await?;
    let changed = state
        .storage
        .member_change(
            actor.audit("member_role_changed"),
            account,
            member,
            Some(input.role),
        )
        .await?
        .map_err(conflict)?
        .ok_or(AppError::Refused(ErrorCode::Internal))?;
    Ok(Json(changed))
}

#[utoipa::path(delete, path = "/admin/accounts/{account}/users/{member}", tag = "administration",
    params(
        ("account" = i64, Path, description = "The account's id."),
        ("member" = i64, Path, description = "The membership's id."),
    ),
    responses(
        (status = 204, description = "Removed from the account."),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for the account's administrators (not officers).", body = ErrorBody),
        (status = 404, description = "`not_found`: no such member of the account.", body = ErrorBody),
        (status = 409, description = "`last_administrator`: the account would have no administrator.", body = ErrorBody),
    ))]
/// `DELETE /api/admin/accounts/{account}/users/{member}`.
pub async fn user_delete(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<StatusCode, AppError> {
    let (account, member) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.administered_account(&state, account).await?;
    state
        .storage
        .member_change(actor.audit("member_removed"), account, member, None)
        .await?
        .map_err(conflict)?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/admin/invitations/lookup", tag = "administration",
    params(InvitationTokenQuery),
    responses(
        (status = 200, description = "The invitation of the link: its account's name, the role, until when valid.", body = InvitationLookup),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`: accepting needs sign-in.", body = ErrorBody),
        (status = 404, description = "`invitation_unknown`: no invitation has this link (mistyped, forged, replaced by a resend).", body = ErrorBody),
        (status = 409, description = "`invitation_used`, `invitation_expired`, `invitation_withdrawn` or `already_member`.", body = ErrorBody),
    ))]
/// `GET /api/admin/invitations/lookup?token=…`.
pub async fn invitation_lookup_show(
    State(state): State<AppState>,
    session: Session,
    token_query: Result<Query<InvitationTokenQuery>, QueryRejection>,
) -> Result<Json<InvitationLookup>, AppError> {
    let token = query(token_query)?.token.unwrap_or_default();
    let actor = Actor::of(&session, &state).await?;
    let hash = token_hash(&token).ok_or(ErrorCode::InvitationUnknown)?;
    let found = state
        .storage
        .invitation_lookup(hash, &actor.person, now())
        .await?
        .map_err(conflict)?;
    Ok(Json(found))
}

#[utoipa::path(post, path = "/admin/invitations/acceptance", tag = "administration",
    request_body = InvitationTokenInput,
    responses(
        (status = 200, description = "Accepted: the signed-in person is a member of the account, with the invitation's role.", body = AccountSummary),
        (status = 401, description = "`unauthenticated`: accepting needs sign-in.", body = ErrorBody),
        (status = 404, description = "`invitation_unknown`.", body = ErrorBody),
        (status = 409, description = "`invitation_used`, `invitation_expired`, `invitation_withdrawn` or `already_member`.", body = ErrorBody),
    ))]
/// `POST /api/admin/invitations/acceptance`: binds the signed-in person to the account.
pub async fn invitation_acceptance_create(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<InvitationTokenInput>,
) -> Result<Json<AccountSummary>, AppError> {
    let actor = Actor::of(&session, &state).await?;
    let hash = token_hash(&input.token).ok_or(ErrorCode::InvitationUnknown)?;
    let name = actor.name.clone();
    let account = state
        .storage
        .invitation_accept(actor.audit("invitation_accepted"), hash, name)
        .await?
        .map_err(conflict)?;
    // The role is the invitation's, read back with the memberships.
    let role = state
        .storage
        .memberships_of(&actor.person)
        .await?
        .into_iter()
        .find(|(member_of, _)| member_of.id == account.id)
        .map(|(_, role)| role);
    Ok(Json(summary(account, role)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_256_random_bits_and_only_its_form_hashes() {
        let (token, hash) = new_token().unwrap();
        assert_eq!(token.len(), 43);
        assert_eq!(token_hash(&token), Some(hash));
        let (other, other_hash) = new_token().unwrap();
        assert_ne!(token, other);
        assert_ne!(hash, other_hash);
        for malformed in ["", "abc", &token[..42], &format!("{token}A"), "!!!!"] {
            assert_eq!(token_hash(malformed), None, "{malformed:?}");
        }
    }
}

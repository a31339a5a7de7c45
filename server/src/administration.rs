//! The registration-point administration's API (SPEC §5), part 1: who the signed-in person is
//! here, customer accounts, card contracts and the audit log. Roles are data of this service
//! (`officers`, `memberships`), read from the database on every request, never taken from the
//! browser or the identity provider. The rules of access, in one place ([`Actor`]):
//! - signed out: 401 `unauthenticated`;
//! - an account the person may not see (not a member, not an officer) is 404 `not_found`, the
//!   same as an account that does not exist, so ids reveal nothing;
//! - an account they may see but not change (a member; an officer where only the account's
//!   administrator acts) and the officers' own lists and decisions for others: 403 `forbidden`.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use contract::admin::{
    AccountDetail, AccountSummary, AccountsPage, AdminMe, AfterQuery, AuditEntry, AuditPage,
    AuditQuery, Contract, ContractsPage,
};
use contract::{ErrorBody, ErrorCode};
use domain::AccountKey;
use domain::administration::{
    AccountOpenInput, AccountRole, AuthorisationRefusal, ContractInput, ContractStateError,
    Decision, DecisionInput, PointOrderStateError,
};
use time::OffsetDateTime;
use tower_sessions::Session;

use crate::AppState;
use crate::accounts::ApiJson;
use crate::auth::require_identity;
use crate::error::AppError;
use crate::storage::administration::{
    AdminConflict, Audit, ContractChange, CustomerAccount, NewAccount, PAGE_SIZE,
};

pub mod points;
pub mod registrar;
pub mod registrar_applications;
pub mod registrars;
pub mod users;

/// The signed-in person as this area sees them.
pub struct Actor {
    pub person: AccountKey,
    /// Their name, as their identity provider gave it (for what they send: an invitation says
    /// who invites).
    pub name: String,
    pub officer: bool,
    pub memberships: Vec<(CustomerAccount, AccountRole)>,
}

impl Actor {
    /// The signed-in person and their roles, or 401.
    pub async fn of(session: &Session, state: &AppState) -> Result<Actor, AppError> {
        let identity = require_identity(session, state).await?;
        let person = identity.account_key();
        let officer = state.storage.is_officer(&person).await?;
        let memberships = state.storage.memberships_of(&person).await?;
        Ok(Actor {
            person,
            name: format!("{} {}", identity.first_name, identity.last_name)
                .trim()
                .to_owned(),
            officer,
            memberships,
        })
    }

    fn role_in(&self, account: i64) -> Option<AccountRole> {
        self.memberships
            .iter()
            .find(|(member_of, _)| member_of.id == account)
            .map(|(_, role)| *role)
    }

    /// 403 unless the person is an agency officer.
    fn require_officer(&self) -> Result<(), AppError> {
        if self.officer {
            Ok(())
        } else {
            Err(ErrorCode::Forbidden.into())
        }
    }

    /// The account, if the person may see it (an officer any, a member their own); 404 for
    /// any other id, as for one that does not exist.
    async fn visible_account(
        &self,
        state: &AppState,
        account: i64,
    ) -> Result<CustomerAccount, AppError> {
        // A member's accounts came with their roles: read again only for an officer.
        if let Some((found, _)) = self
            .memberships
            .iter()
            .find(|(found, _)| found.id == account)
        {
            return Ok(found.clone());
        }
        if !self.officer {
            return Err(ErrorCode::NotFound.into());
        }
        state
            .storage
            .account(account)
            .await?
            .ok_or(ErrorCode::NotFound.into())
    }

    /// The account, if the person is its administrator: 404 when they may not see it, 403
    /// when they may see it but not act for it.
    async fn administered_account(
        &self,
        state: &AppState,
        account: i64,
    ) -> Result<CustomerAccount, AppError> {
        let found = self.visible_account(state, account).await?;
        match self.role_in(account) {
            Some(AccountRole::Administrator) => Ok(found),
            _ => Err(ErrorCode::Forbidden.into()),
        }
    }

    /// The account, if the person may invite to it: its administrator, or an agency officer
    /// (who opens an account and invites its first administrator, SPEC §5). 404 when they
    /// may not see it, 403 when they see it but may not.
    async fn inviting_account(
        &self,
        state: &AppState,
        account: i64,
    ) -> Result<CustomerAccount, AppError> {
        let found = self.visible_account(state, account).await?;
        if self.officer || self.role_in(account) == Some(AccountRole::Administrator) {
            Ok(found)
        } else {
            Err(ErrorCode::Forbidden.into())
        }
    }

    pub(crate) fn audit(&self, action: &'static str) -> Audit {
        Audit {
            actor: self.person.clone(),
            at: OffsetDateTime::now_utc().unix_timestamp(),
            action,
        }
    }

    fn summary(&self, account: CustomerAccount) -> AccountSummary {
        let role = self.role_in(account.id);
        summary(account, role)
    }
}

/// The accounts of a page's rows, once each, in the order first named (at most a page's
/// worth of reads: the officer's lists name whose each row is).
pub async fn accounts_of(
    state: &AppState,
    actor: &Actor,
    ids: impl Iterator<Item = i64>,
) -> Result<Vec<AccountSummary>, AppError> {
    let mut seen = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    let mut accounts = Vec::with_capacity(seen.len());
    for id in seen {
        if let Some(account) = state.storage.account(id).await? {
            accounts.push(actor.summary(account));
        }
    }
    Ok(accounts)
}

fn summary(account: CustomerAccount, role: Option<AccountRole>) -> AccountSummary {
    AccountSummary {
        id: account.id,
        name: account.name,
        business_id: account.business_id,
        kind: account.kind,
        county: account.county,
        role,
    }
}

fn conflict(conflict: AdminConflict) -> AppError {
    use domain::administration::{ConfirmationRefusal, InvitationRefusal, RegistrarRemovalRefusal};
    AppError::Refused(match conflict {
        AdminConflict::ResendLimit(retry_at) => {
            return AppError::RefusedUntil(ErrorCode::InvitationResendLimit, retry_at);
        }
        AdminConflict::InvitationPending => ErrorCode::InvitationPending,
        AdminConflict::InvitationUnknown => ErrorCode::InvitationUnknown,
        AdminConflict::Invitation(InvitationRefusal::Used) => ErrorCode::InvitationUsed,
        AdminConflict::Invitation(InvitationRefusal::Expired) => ErrorCode::InvitationExpired,
        AdminConflict::Invitation(InvitationRefusal::Withdrawn) => ErrorCode::InvitationWithdrawn,
        AdminConflict::AlreadyMember => ErrorCode::AlreadyMember,
        AdminConflict::LastAdministrator => ErrorCode::LastAdministrator,
        AdminConflict::BusinessIdTaken => ErrorCode::BusinessIdTaken,
        AdminConflict::CountyTaken => ErrorCode::CountyTaken,
        AdminConflict::NotFound => ErrorCode::NotFound,
        AdminConflict::State(ContractStateError::AlreadySubmitted) => {
            ErrorCode::ContractAlreadySubmitted
        }
        AdminConflict::State(ContractStateError::NotSubmitted) => ErrorCode::ContractNotSubmitted,
        AdminConflict::State(ContractStateError::AlreadyDecided) => {
            ErrorCode::ContractAlreadyDecided
        }
        AdminConflict::Refused(AuthorisationRefusal::NoGrantedContract) => {
            ErrorCode::NoGrantedContract
        }
        AdminConflict::PointState(PointOrderStateError::AlreadyDecided) => {
            ErrorCode::PointOrderAlreadyDecided
        }
        AdminConflict::PointState(PointOrderStateError::NotApproved) => ErrorCode::PointNotApproved,
        AdminConflict::PointState(PointOrderStateError::AlreadyClosed) => ErrorCode::PointClosed,
        AdminConflict::RegistrarRemoval(RegistrarRemovalRefusal::TooFewRegistrars) => {
            ErrorCode::TooFewRegistrars
        }
        AdminConflict::RegistrarRemoval(RegistrarRemovalRefusal::AlreadyRemoved) => {
            ErrorCode::RegistrarAlreadyRemoved
        }
        AdminConflict::NotARegistrar => ErrorCode::NotARegistrar,
        AdminConflict::ContactEmailUnchanged => ErrorCode::ContactEmailUnchanged,
        AdminConflict::NoPendingContactEmail => ErrorCode::NoPendingContactEmail,
        AdminConflict::ContactResendLimit(retry_at) => {
            return AppError::RefusedUntil(ErrorCode::ContactResendLimit, retry_at);
        }
        AdminConflict::ConfirmationUnknown => ErrorCode::ConfirmationUnknown,
        AdminConflict::Confirmation(ConfirmationRefusal::Used) => ErrorCode::ConfirmationUsed,
        AdminConflict::Confirmation(ConfirmationRefusal::Expired) => ErrorCode::ConfirmationExpired,
        AdminConflict::Confirmation(ConfirmationRefusal::Replaced) => {
            ErrorCode::ConfirmationReplaced
        }
        AdminConflict::ConfirmationOtherPerson => ErrorCode::ConfirmationOtherPerson,
        // The authorisation's handler answers it as the field's error before this.
        AdminConflict::PointNotFound => ErrorCode::NotFound,
        AdminConflict::Refused(AuthorisationRefusal::CountyLacksStateAdministrationContract) => {
            ErrorCode::CountyLacksStateAdministrationContract
        }
        AdminConflict::Refused(AuthorisationRefusal::CountyCannotAuthorise) => {
            ErrorCode::CountyCannotAuthorise
        }
        AdminConflict::AlreadyAuthorised => ErrorCode::AlreadyAuthorised,
        AdminConflict::AlreadyRevoked => ErrorCode::AuthorisationAlreadyRevoked,
    })
}

/// A path's ids: a malformed one is 404, as an id that does not exist.
fn ids<T>(path: Result<Path<T>, PathRejection>) -> Result<T, AppError> {
    path.map(|Path(ids)| ids)
        .map_err(|_| ErrorCode::NotFound.into())
}

fn query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, AppError> {
    query
        .map(|Query(query)| query)
        .map_err(|_| ErrorCode::BadRequest.into())
}

/// The `after` of the next page: the last row's id when the page was full.
fn next_after<T>(rows: &[T], id: impl Fn(&T) -> i64) -> Option<i64> {
    (rows.len() == usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX))
        .then(|| rows.last().map(id))
        .flatten()
}

#[utoipa::path(get, path = "/admin/me", tag = "administration",
    responses(
        (status = 200, description = "The person's roles in this area (none for most): agency officer, the accounts they belong to, the points where they are an active registrar.", body = AdminMe),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
    ))]
/// `GET /api/admin/me`.
pub async fn me_show(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<AdminMe>, AppError> {
    let actor = Actor::of(&session, &state).await?;
    let accounts = actor
        .memberships
        .iter()
        .map(|(account, role)| summary(account.clone(), Some(*role)))
        .collect();
    let registrar_points = state
        .storage
        .registrar_points(actor.person.as_str())
        .await?;
    Ok(Json(AdminMe {
        officer: actor.officer,
        accounts,
        registrar_points,
    }))
}

#[utoipa::path(get, path = "/admin/accounts", tag = "administration",
    params(AfterQuery),
    responses(
        (status = 200, description = "A page of the accounts the person may see, by id: an officer all, others their own.", body = AccountsPage),
        (status = 400, description = "`bad_request`: `after` is not a number.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts?after=ID`.
pub async fn accounts_index(
    State(state): State<AppState>,
    session: Session,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<AccountsPage>, AppError> {
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    let accounts: Vec<AccountSummary> = if actor.officer {
        state
            .storage
            .accounts_page(after)
            .await?
            .into_iter()
            .map(|account| actor.summary(account))
            .collect()
    } else {
        // A person belongs to a few accounts: they are all in `memberships` already.
        let mut own: Vec<AccountSummary> = actor
            .memberships
            .iter()
            .filter(|(account, _)| account.id > after)
            .map(|(account, role)| summary(account.clone(), Some(*role)))
            .collect();
        own.sort_by_key(|account| account.id);
        own.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
        own
    };
    let next_after = next_after(&accounts, |account| account.id);
    Ok(Json(AccountsPage {
        accounts,
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/accounts", tag = "administration",
    request_body = AccountOpenInput,
    responses(
        (status = 201, description = "Opened.", body = AccountSummary),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only an agency officer opens accounts.", body = ErrorBody),
        (status = 409, description = "`business_id_taken` or `county_taken`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`, with the codes per field.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts`: an officer opens a customer account.
pub async fn accounts_create(
    State(state): State<AppState>,
    session: Session,
    ApiJson(input): ApiJson<AccountOpenInput>,
) -> Result<(StatusCode, Json<AccountSummary>), AppError> {
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let opening = input.validate()?;
    let opened = state
        .storage
        .account_open(
            actor.audit("account_opened"),
            NewAccount {
                name: opening.name,
                business_id: opening.business_id,
                kind: opening.kind,
                county: opening.county,
            },
        )
        .await?
        .map_err(conflict)?;
    Ok((StatusCode::CREATED, Json(actor.summary(opened))))
}

#[utoipa::path(get, path = "/admin/accounts/{account}", tag = "administration",
    params(("account" = i64, Path, description = "The account's id.")),
    responses(
        (status = 200, description = "The account and its contracts, newest first.", body = AccountDetail),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such account, or not one the person may see.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}`.
pub async fn account_show(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
) -> Result<Json<AccountDetail>, AppError> {
    let account = ids(account)?;
    let actor = Actor::of(&session, &state).await?;
    let found = actor.visible_account(&state, account).await?;
    let contracts = state.storage.contracts_of(account).await?;
    Ok(Json(AccountDetail {
        account: actor.summary(found),
        contracts,
    }))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/contracts", tag = "administration",
    params(("account" = i64, Path, description = "The account's id.")),
    request_body = ContractInput,
    responses(
        (status = 201, description = "A draft application.", body = Contract),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the account's administrator applies.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/contracts`: a draft card-contract application.
pub async fn contracts_create(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<ContractInput>,
) -> Result<(StatusCode, Json<Contract>), AppError> {
    let account = ids(account)?;
    let actor = Actor::of(&session, &state).await?;
    let found = actor.administered_account(&state, account).await?;
    let kind = input.validate(found.kind)?;
    let created = state
        .storage
        .contract_create(actor.audit("contract_created"), account, kind)
        .await?
        .map_err(conflict)?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/contracts/{contract}/submission", tag = "administration",
    params(
        ("account" = i64, Path, description = "The account's id."),
        ("contract" = i64, Path, description = "The contract's id."),
    ),
    responses(
        (status = 200, description = "Submitted to the agency.", body = Contract),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the account's administrator submits.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such contract of the account.", body = ErrorBody),
        (status = 409, description = "`contract_already_submitted` or `contract_already_decided`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/contracts/{contract}/submission`.
pub async fn contract_submission_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Json<Contract>, AppError> {
    let (account, contract_id) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.administered_account(&state, account).await?;
    let submitted = state
        .storage
        .contract_change(
            actor.audit("contract_submitted"),
            Some(account),
            contract_id,
            ContractChange::Submit,
        )
        .await?
        .map_err(conflict)?;
    Ok(Json(submitted))
}

#[utoipa::path(get, path = "/admin/contracts", tag = "administration",
    params(AfterQuery),
    responses(
        (status = 200, description = "Submitted contracts awaiting a decision, oldest first.", body = ContractsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
    ))]
/// `GET /api/admin/contracts?after=ID`.
pub async fn contracts_index(
    State(state): State<AppState>,
    session: Session,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<ContractsPage>, AppError> {
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let contracts: Vec<Contract> = state.storage.contracts_submitted(after).await?;
    let next_after = next_after(&contracts, |contract| contract.id);
    let accounts = accounts_of(
        &state,
        &actor,
        contracts.iter().map(|contract| contract.account_id),
    )
    .await?;
    Ok(Json(ContractsPage {
        contracts,
        accounts,
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/contracts/{contract}/decision", tag = "administration",
    params(("contract" = i64, Path, description = "The contract's id.")),
    request_body = DecisionInput,
    responses(
        (status = 200, description = "Granted or rejected.", body = Contract),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 409, description = "`contract_not_submitted` or `contract_already_decided`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: a rejection needs its reason.", body = ErrorBody),
    ))]
/// `POST /api/admin/contracts/{contract}/decision`.
pub async fn contract_decision_create(
    State(state): State<AppState>,
    session: Session,
    contract_id: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Json<Contract>, AppError> {
    let contract_id = ids(contract_id)?;
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let (action, change) = match input.validate()? {
        Decision::Grant => ("contract_granted", ContractChange::Grant),
        Decision::Reject(reason) => ("contract_rejected", ContractChange::Reject(reason)),
    };
    let decided = state
        .storage
        .contract_change(actor.audit(action), None, contract_id, change)
        .await?
        .map_err(conflict)?;
    Ok(Json(decided))
}

#[utoipa::path(get, path = "/admin/audit", tag = "administration",
    params(AuditQuery),
    responses(
        (status = 200, description = "Audit entries, newest first.", body = AuditPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: a member who is not the account's administrator, or a log of all accounts asked by another than an officer.", body = ErrorBody),
        (status = 404, description = "`not_found`: an account the person may not see.", body = ErrorBody),
    ))]
/// `GET /api/admin/audit?account=ID&before=ID`.
pub async fn audit_index(
    State(state): State<AppState>,
    session: Session,
    audit_query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPage>, AppError> {
    let AuditQuery { account, before } = query(audit_query)?;
    let actor = Actor::of(&session, &state).await?;
    match account {
        None => actor.require_officer()?,
        Some(account) if !actor.officer => {
            actor.administered_account(&state, account).await?;
        }
        Some(_) => {}
    }
    let entries: Vec<AuditEntry> = state
        .storage
        .audit_page(account, before.unwrap_or(i64::MAX))
        .await?;
    let next_before = next_after(&entries, |entry| entry.id);
    Ok(Json(AuditPage {
        entries,
        next_before,
    }))
}

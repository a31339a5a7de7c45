//! The registration-point administration's API, part 1 step 2: a county's registration points
//! (ordered by its administrator, approved or rejected by an agency officer, who assigns the
//! service number by approving) and organisations' authorisations of points. The access rules
//! are the parent module's [`Actor`]: signed out 401; an account the person may not see 404
//! (as a missing one); one they may see but not act for 403.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use contract::ErrorBody;
use contract::ErrorCode;
use contract::admin::{
    AfterQuery, Authorisation, AuthorisationsPage, PointCustomersPage, PointLookup, PointsPage,
    RegistrationPoint, ServiceNumberQuery,
};
use domain::FieldError;
use domain::administration::{
    AccountKind, AuthorisationInput, Decision, DecisionInput, PointOrderInput, PointOrderState,
    ServiceNumberError,
};
use tower_sessions::Session;

use super::{Actor, conflict, ids, next_after, query};
use crate::AppState;
use crate::accounts::ApiJson;
use crate::error::AppError;
use crate::storage::administration::AdminConflict;
use crate::storage::points::PointDecision;

/// A well-formed number no approved point has: the field's own error, as the form shows it.
fn unknown_service_number() -> AppError {
    FieldError::ServiceNumber(ServiceNumberError::NotFound).into()
}

fn authorisation_conflict(refused: AdminConflict) -> AppError {
    match refused {
        AdminConflict::PointNotFound => unknown_service_number(),
        other => conflict(other),
    }
}

#[utoipa::path(get, path = "/admin/accounts/{account}/points", tag = "administration",
    params(("account" = i64, Path, description = "The account's id."), AfterQuery),
    responses(
        (status = 200, description = "A page of the account's registration points and point orders, by id, with their states and service numbers (\"Näytä rekisteröintipistetilaukset\").", body = PointsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such account, or not one the person may see.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}/points?after=ID`.
pub async fn points_index(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<PointsPage>, AppError> {
    let account = ids(account)?;
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.visible_account(&state, account).await?;
    let points = state
        .storage
        .points_page(Some(account), None, after)
        .await?;
    let next_after = next_after(&points, |point| point.id);
    Ok(Json(PointsPage {
        points,
        accounts: Vec::new(),
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/points", tag = "administration",
    params(("account" = i64, Path, description = "The county's account's id.")),
    request_body = PointOrderInput,
    responses(
        (status = 201, description = "Ordered: waiting for the agency officer.", body = RegistrationPoint),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the account's administrator orders; `not_a_wellbeing_county`: points are a county's.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 409, description = "`no_granted_contract`: the county has no granted card contract.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `point_name`, `postal_address`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/points`: a county's administrator orders a point.
pub async fn points_create(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<PointOrderInput>,
) -> Result<(StatusCode, Json<RegistrationPoint>), AppError> {
    let account = ids(account)?;
    let actor = Actor::of(&session, &state).await?;
    let found = actor.administered_account(&state, account).await?;
    if !found.kind.owns_registration_points() {
        return Err(ErrorCode::NotAWellbeingCounty.into());
    }
    let order = input.validate()?;
    let ordered = state
        .storage
        .point_order(actor.audit("point_ordered"), account, order)
        .await?
        .map_err(conflict)?;
    Ok((StatusCode::CREATED, Json(ordered)))
}

#[utoipa::path(get, path = "/admin/accounts/{account}/points/{point}/customers", tag = "administration",
    params(
        ("account" = i64, Path, description = "The county's account's id."),
        ("point" = i64, Path, description = "The point's id."),
        AfterQuery,
    ),
    responses(
        (status = 200, description = "The organisations that authorise the point: its customers (\"YS sote/organisaatio\"), by authorisation.", body = PointCustomersPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such point of the account, or an account the person may not see.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}/points/{point}/customers?after=ID`.
pub async fn point_customers_index(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<PointCustomersPage>, AppError> {
    let (account, point_id) = ids(path)?;
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.visible_account(&state, account).await?;
    state
        .storage
        .point(point_id)
        .await?
        .filter(|point| point.account_id == account)
        .ok_or(AppError::from(ErrorCode::NotFound))?;
    let customers = state.storage.point_customers(point_id, after).await?;
    let next_after = next_after(&customers, |customer| customer.authorisation_id);
    Ok(Json(PointCustomersPage {
        customers,
        next_after,
    }))
}

#[utoipa::path(get, path = "/admin/point-orders", tag = "administration",
    params(AfterQuery),
    responses(
        (status = 200, description = "Point orders awaiting a decision, oldest first.", body = PointsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
    ))]
/// `GET /api/admin/point-orders?after=ID`.
pub async fn point_orders_index(
    State(state): State<AppState>,
    session: Session,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<PointsPage>, AppError> {
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let points = state
        .storage
        .points_page(None, Some(PointOrderState::Ordered), after)
        .await?;
    let next_after = next_after(&points, |point| point.id);
    let accounts =
        super::accounts_of(&state, &actor, points.iter().map(|point| point.account_id)).await?;
    Ok(Json(PointsPage {
        points,
        accounts,
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/point-orders/{point}/decision", tag = "administration",
    params(("point" = i64, Path, description = "The point's id.")),
    request_body = DecisionInput,
    responses(
        (status = 200, description = "Approved (with its service number) or rejected.", body = RegistrationPoint),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 409, description = "`point_order_already_decided`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: a rejection needs its reason.", body = ErrorBody),
    ))]
/// `POST /api/admin/point-orders/{point}/decision`: `grant` approves.
pub async fn point_order_decision_create(
    State(state): State<AppState>,
    session: Session,
    point_id: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Json<RegistrationPoint>, AppError> {
    let point_id = ids(point_id)?;
    let actor = Actor::of(&session, &state).await?;
    actor.require_officer()?;
    let (action, decision) = match input.validate()? {
        Decision::Grant => ("point_approved", PointDecision::Approve),
        Decision::Reject(reason) => ("point_rejected", PointDecision::Reject(reason)),
    };
    let decided = state
        .storage
        .point_decide(actor.audit(action), point_id, decision)
        .await?
        .map_err(conflict)?;
    Ok(Json(decided))
}

#[utoipa::path(get, path = "/admin/points/lookup", tag = "administration",
    params(ServiceNumberQuery),
    responses(
        (status = 200, description = "The approved point with this number: its name and county, to confirm before authorising it.", body = PointLookup),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: for agency officers and accounts' administrators.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the service_number field's code is required, format, check_digit or not_found (no approved point has it).", body = ErrorBody),
    ))]
/// `GET /api/admin/points/lookup?service_number=N`.
pub async fn point_lookup_show(
    State(state): State<AppState>,
    session: Session,
    number: Result<Query<ServiceNumberQuery>, QueryRejection>,
) -> Result<Json<PointLookup>, AppError> {
    let number = query(number)?.service_number.unwrap_or_default();
    let actor = Actor::of(&session, &state).await?;
    let administrator = actor
        .memberships
        .iter()
        .any(|(_, role)| *role == domain::administration::AccountRole::Administrator);
    if !actor.officer && !administrator {
        return Err(ErrorCode::Forbidden.into());
    }
    let number = AuthorisationInput {
        service_number: number,
    }
    .validate()?;
    let found = state
        .storage
        .point_lookup(number)
        .await?
        .ok_or_else(unknown_service_number)?;
    Ok(Json(found))
}

#[utoipa::path(get, path = "/admin/accounts/{account}/authorisations", tag = "administration",
    params(("account" = i64, Path, description = "The account's id."), AfterQuery),
    responses(
        (status = 200, description = "A page of the account's authorisations, revoked ones too, by id.", body = AuthorisationsPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such account, or not one the person may see.", body = ErrorBody),
    ))]
/// `GET /api/admin/accounts/{account}/authorisations?after=ID`.
pub async fn authorisations_index(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<AuthorisationsPage>, AppError> {
    let account = ids(account)?;
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    actor.visible_account(&state, account).await?;
    let authorisations = state.storage.authorisations_page(account, after).await?;
    let next_after = next_after(&authorisations, |authorisation| authorisation.id);
    Ok(Json(AuthorisationsPage {
        authorisations,
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/authorisations", tag = "administration",
    params(("account" = i64, Path, description = "The authorising account's id.")),
    request_body = AuthorisationInput,
    responses(
        (status = 201, description = "Authorised: the point may order the organisation's cards.", body = Authorisation),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the account's administrator authorises; `county_cannot_authorise`.", body = ErrorBody),
        (status = 404, description = "`not_found`.", body = ErrorBody),
        (status = 409, description = "`no_granted_contract`, `county_lacks_state_administration_contract` (a rescue department) or `already_authorised`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the service_number field's code is required, format, check_digit or not_found (no approved point has it).", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/authorisations`: authorise a point by its number.
pub async fn authorisations_create(
    State(state): State<AppState>,
    session: Session,
    account: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<AuthorisationInput>,
) -> Result<(StatusCode, Json<Authorisation>), AppError> {
    let account = ids(account)?;
    let actor = Actor::of(&session, &state).await?;
    let found = actor.administered_account(&state, account).await?;
    if found.kind == AccountKind::WellbeingCounty {
        // Said before the number is read: a county never can, whatever it types.
        return Err(ErrorCode::CountyCannotAuthorise.into());
    }
    let number = input.validate()?;
    let authorised = state
        .storage
        .authorise(actor.audit("point_authorised"), account, found.kind, number)
        .await?
        .map_err(authorisation_conflict)?;
    Ok((StatusCode::CREATED, Json(authorised)))
}

#[utoipa::path(post, path = "/admin/accounts/{account}/authorisations/{authorisation}/revocation", tag = "administration",
    params(
        ("account" = i64, Path, description = "The authorising account's id."),
        ("authorisation" = i64, Path, description = "The authorisation's id."),
    ),
    responses(
        (status = 200, description = "Revoked: the point can no longer order the organisation's cards.", body = Authorisation),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the account's administrator revokes.", body = ErrorBody),
        (status = 404, description = "`not_found`: no such authorisation of the account.", body = ErrorBody),
        (status = 409, description = "`authorisation_already_revoked`.", body = ErrorBody),
    ))]
/// `POST /api/admin/accounts/{account}/authorisations/{authorisation}/revocation`.
pub async fn authorisation_revocation_create(
    State(state): State<AppState>,
    session: Session,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Json<Authorisation>, AppError> {
    let (account, authorisation_id) = ids(path)?;
    let actor = Actor::of(&session, &state).await?;
    actor.administered_account(&state, account).await?;
    let revoked = state
        .storage
        .authorisation_revoke(
            actor.audit("authorisation_revoked"),
            account,
            authorisation_id,
        )
        .await?
        .map_err(conflict)?;
    Ok(Json(revoked))
}

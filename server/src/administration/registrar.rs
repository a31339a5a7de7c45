//! The registrar's side of the administration (SPEC §5, part 2), under
//! `/api/admin/registrar/points/{point}/…`: a point's customers (the county and
//! each authorising organisation, "YS sote/organisaatio", with the authorisation's state),
//! service-relationship certificates and card orders.
//!
//! Access is a registrar's right at one point (`registrars`, not removed), never an account
//! role: anyone else, a registrar of another point included, is 403 `not_point_registrar`,
//! the same for a point that does not exist, so ids reveal nothing. A write checks the right
//! again in its own transaction. Identity codes arrive only in request bodies, never in a
//! path or a query, and leave only masked.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use contract::admin::{
    AfterQuery, CardOrder, CardOrdersPage, CertificatesPage, CustomerQuery, RegistrarCustomersPage,
    ServiceCertificate,
};
use contract::{ErrorBody, ErrorCode};
use domain::CalendarDate;
use domain::administration::{CardOrderInput, CertificateInput, CustomerRefusal};
use time::OffsetDateTime;
use tower_sessions::Session;

use super::{Actor, ids, next_after, query};
use crate::AppState;
use crate::accounts::ApiJson;
use crate::error::AppError;
use crate::storage::card_orders::CardConflict;

/// 403 unless the person is an active registrar of the point.
async fn require_registrar(state: &AppState, actor: &Actor, point_id: i64) -> Result<(), AppError> {
    let points = state
        .storage
        .registrar_point_ids(actor.person.as_str())
        .await?;
    if points.contains(&point_id) {
        Ok(())
    } else {
        Err(ErrorCode::NotPointRegistrar.into())
    }
}

fn refused(conflict: CardConflict) -> AppError {
    AppError::Refused(match conflict {
        CardConflict::NotRegistrar => ErrorCode::NotPointRegistrar,
        CardConflict::CertificateAlreadyRecorded => ErrorCode::CertificateAlreadyRecorded,
        CardConflict::CardAlreadyOrdered => ErrorCode::CardAlreadyOrdered,
        CardConflict::Customer(refusal) => match refusal {
            CustomerRefusal::NotACustomer => ErrorCode::NotACustomer,
            CustomerRefusal::AuthorisationRevoked => ErrorCode::CustomerAuthorisationRevoked,
            CustomerRefusal::CertificateNotApplicable => ErrorCode::CertificateNotApplicable,
            CustomerRefusal::CertificateRequired => ErrorCode::CertificateRequired,
            CustomerRefusal::NoGrantedContract => ErrorCode::NoGrantedContract,
            CustomerRefusal::CountyLacksStateAdministrationContract => {
                ErrorCode::CountyLacksStateAdministrationContract
            }
        },
    })
}

/// The latest date it may be in Finland now: the UTC date three hours on (Finnish time is
/// UTC+2, in summer UTC+3), so a certificate received today is never refused as in the
/// future, at the cost of taking tomorrow's date for the last hours of a UTC day.
fn today_in_finland() -> CalendarDate {
    let date = (OffsetDateTime::now_utc() + time::Duration::hours(3)).date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
    .parse()
    .expect("a date of the calendar")
}

#[utoipa::path(get, path = "/admin/registrar/points/{point}/customers", tag = "administration",
    params(("point" = i64, Path, description = "The point's id."), AfterQuery),
    responses(
        (status = 200, description = "The point and its customers: on the first page the county that holds it (`county`), then each organisation by authorisation (\"YS sote/organisaatio\", `active` or `revoked`).", body = RegistrarCustomersPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_point_registrar`: not an active registrar of this point (also for a point that does not exist).", body = ErrorBody),
    ))]
/// `GET /api/admin/registrar/points/{point}/customers?after=ID`.
pub async fn registrar_customers_index(
    State(state): State<AppState>,
    session: Session,
    point_id: Result<Path<i64>, PathRejection>,
    after: Result<Query<AfterQuery>, QueryRejection>,
) -> Result<Json<RegistrarCustomersPage>, AppError> {
    let point_id = ids(point_id)?;
    let after = query(after)?.after.unwrap_or(0);
    let actor = Actor::of(&session, &state).await?;
    require_registrar(&state, &actor, point_id).await?;
    let found = state
        .storage
        .registrar_customers(point_id, after)
        .await?
        .ok_or(AppError::from(ErrorCode::NotPointRegistrar))?;
    let next_after = next_after(&found.organisations, |customer| {
        customer.authorisation_id.unwrap_or_default()
    });
    let mut customers = Vec::with_capacity(found.organisations.len() + 1);
    if after == 0 {
        customers.push(found.county);
    }
    customers.extend(found.organisations);
    Ok(Json(RegistrarCustomersPage {
        point: found.point,
        customers,
        next_after,
    }))
}

#[utoipa::path(get, path = "/admin/registrar/points/{point}/certificates", tag = "administration",
    params(("point" = i64, Path, description = "The point's id."), CustomerQuery),
    responses(
        (status = 200, description = "A page of the point's service-relationship certificates by id (of one organisation with `customer`), identity codes masked.", body = CertificatesPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_point_registrar`.", body = ErrorBody),
    ))]
/// `GET /api/admin/registrar/points/{point}/certificates?after=ID&customer=ID`.
pub async fn certificates_index(
    State(state): State<AppState>,
    session: Session,
    point_id: Result<Path<i64>, PathRejection>,
    filter: Result<Query<CustomerQuery>, QueryRejection>,
) -> Result<Json<CertificatesPage>, AppError> {
    let point_id = ids(point_id)?;
    let CustomerQuery { after, customer } = query(filter)?;
    let actor = Actor::of(&session, &state).await?;
    require_registrar(&state, &actor, point_id).await?;
    let certificates = state
        .storage
        .certificates_page(
            state.identity_codes.clone(),
            point_id,
            customer,
            after.unwrap_or(0),
        )
        .await?;
    let next_after = next_after(&certificates, |certificate| certificate.id);
    Ok(Json(CertificatesPage {
        certificates,
        next_after,
    }))
}

#[utoipa::path(post, path = "/admin/registrar/points/{point}/certificates", tag = "administration",
    params(("point" = i64, Path, description = "The point's id.")),
    request_body = CertificateInput,
    responses(
        (status = 201, description = "Recorded; the identity code is answered masked.", body = ServiceCertificate),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_point_registrar`.", body = ErrorBody),
        (status = 409, description = "`not_a_customer`, `customer_authorisation_revoked`, `certificate_not_applicable` (not an authorising private organisation) or `certificate_already_recorded`.", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `person_name`, `identity_code` (required, format, century_sign, date, individual_number, temporary_number, check_character), `received_on` (required, format, no_such_day, in_future), `delivery`.", body = ErrorBody),
    ))]
/// `POST /api/admin/registrar/points/{point}/certificates`.
pub async fn certificates_create(
    State(state): State<AppState>,
    session: Session,
    point_id: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<CertificateInput>,
) -> Result<(StatusCode, Json<ServiceCertificate>), AppError> {
    let point_id = ids(point_id)?;
    let actor = Actor::of(&session, &state).await?;
    require_registrar(&state, &actor, point_id).await?;
    let certificate = input.validate(&today_in_finland())?;
    let recorded = state
        .storage
        .certificate_record(
            actor.audit("certificate_recorded"),
            state.identity_codes.clone(),
            point_id,
            certificate,
        )
        .await?
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(recorded)))
}

#[utoipa::path(get, path = "/admin/registrar/points/{point}/orders", tag = "administration",
    params(("point" = i64, Path, description = "The point's id."), CustomerQuery),
    responses(
        (status = 200, description = "A page of the point's card orders by id (of one customer with `customer`), identity codes masked.", body = CardOrdersPage),
        (status = 400, description = "`bad_request`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_point_registrar`.", body = ErrorBody),
    ))]
/// `GET /api/admin/registrar/points/{point}/orders?after=ID&customer=ID`.
pub async fn card_orders_index(
    State(state): State<AppState>,
    session: Session,
    point_id: Result<Path<i64>, PathRejection>,
    filter: Result<Query<CustomerQuery>, QueryRejection>,
) -> Result<Json<CardOrdersPage>, AppError> {
    let point_id = ids(point_id)?;
    let CustomerQuery { after, customer } = query(filter)?;
    let actor = Actor::of(&session, &state).await?;
    require_registrar(&state, &actor, point_id).await?;
    let orders = state
        .storage
        .card_orders_page(
            state.identity_codes.clone(),
            point_id,
            customer,
            after.unwrap_or(0),
        )
        .await?;
    let next_after = next_after(&orders, |order| order.id);
    Ok(Json(CardOrdersPage { orders, next_after }))
}

#[utoipa::path(post, path = "/admin/registrar/points/{point}/orders", tag = "administration",
    params(("point" = i64, Path, description = "The point's id.")),
    request_body = CardOrderInput,
    responses(
        (status = 201, description = "Ordered; a staff card's identity code is answered masked.", body = CardOrder),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`not_point_registrar`.", body = ErrorBody),
        (status = 409, description = "`not_a_customer`, `customer_authorisation_revoked`, `certificate_required` (a private organisation's staff member without a recorded certificate), `no_granted_contract`, `county_lacks_state_administration_contract` (a rescue department's cards) or `card_already_ordered` (the same card within 24 hours).", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `card_kind`, and for a staff card `person_name` and `identity_code`.", body = ErrorBody),
    ))]
/// `POST /api/admin/registrar/points/{point}/orders`.
pub async fn card_orders_create(
    State(state): State<AppState>,
    session: Session,
    point_id: Result<Path<i64>, PathRejection>,
    ApiJson(input): ApiJson<CardOrderInput>,
) -> Result<(StatusCode, Json<CardOrder>), AppError> {
    let point_id = ids(point_id)?;
    let actor = Actor::of(&session, &state).await?;
    require_registrar(&state, &actor, point_id).await?;
    let order = input.validate()?;
    let ordered = state
        .storage
        .card_order(
            actor.audit("card_ordered"),
            state.identity_codes.clone(),
            point_id,
            order,
        )
        .await?
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(ordered)))
}

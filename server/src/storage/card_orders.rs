//! The registrar's work at a point (SPEC §5, part 2): the point's customers as its registrars
//! see them, service-relationship certificates and card orders. Every change checks, in its
//! own transaction, that the person is an active registrar of the point (`registrars`, not
//! removed) and where the customer stands, and writes its audit entry (on the customer's
//! account, with the masked code only) in the same transaction. The SQLite SQL is here;
//! PostgreSQL's is in `postgres/card_orders.rs`.
//!
//! Identity codes are sealed and blind-indexed by [`IdentityCodes`] before they reach a
//! statement, and opened (to be masked) only when a row is read: the tables hold neither the
//! code nor its digits.

use std::sync::Arc;

use domain::administration::{
    AccountKind, CardKind, CertificateDelivery, ContractKind, Customer, CustomerRefusal,
    CustomerState, NewCardOrder, NewCertificate, PointOrderState,
};
use rusqlite::OptionalExtension;

pub use contract::admin::{
    CardOrder, PointLookup, RegistrarCustomer, RegistrarPoint, ServiceCertificate,
};

use crate::identity_codes::{IdentityCodes, SealedColumn};
use crate::storage::administration::{Audit, PAGE_SIZE, json, sqlite_audit};
use crate::storage::points::{LOOKUP_COLUMNS, LookupRow, lookup_of, sqlite_has_granted_contract};
use crate::storage::registrar_applications::{PERSON_POINTS, PointRow, point_of};
use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// How long after an order the same card (same point, customer, kind and person) is refused
/// as ordered already: a second press, or a second registrar doing the same job.
pub const REPEAT_ORDER_SECONDS: i64 = 24 * 60 * 60;

/// Why a registrar's change was not made although the database worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardConflict {
    /// The person is no active registrar of the point (or the point is not approved).
    NotRegistrar,
    /// The customer rules refuse it.
    Customer(CustomerRefusal),
    /// The person's certificate for the organisation is recorded at the point already.
    CertificateAlreadyRecorded,
    /// The same card was ordered within [`REPEAT_ORDER_SECONDS`].
    CardAlreadyOrdered,
}

/// A point, its county as a customer, and a page of the organisations by authorisation.
pub struct PointCustomers {
    pub point: PointLookup,
    pub county: RegistrarCustomer,
    pub organisations: Vec<RegistrarCustomer>,
}

/// The columns of a point and its county: [`LOOKUP_COLUMNS`], then the county's account id,
/// business ID, kind and the point's creation time.
pub(crate) const POINT_COUNTY_COLUMNS: &str = "a.id, a.business_id, a.kind, p.created_at";

/// An authorisation as the registrar's list reads it: id, account id, name, business ID, kind,
/// created, revoked.
pub(crate) type AuthorisationRow = (i64, i64, String, String, String, i64, Option<i64>);

pub(crate) fn point_customers_of(
    lookup: LookupRow,
    county: (i64, String, String, i64),
    rows: Vec<AuthorisationRow>,
) -> Result<PointCustomers, StorageError> {
    let county_name = lookup.3.clone();
    let point = lookup_of(lookup)?;
    let (county_id, business_id, kind, since) = county;
    let corrupt =
        |id: i64, what: &str| StorageError::Corrupt(format!("customer account {id}: {what}"));
    let county = RegistrarCustomer {
        account_id: county_id,
        name: county_name
            .parse()
            .map_err(|_| corrupt(county_id, "name"))?,
        business_id: business_id
            .parse()
            .map_err(|_| corrupt(county_id, "business ID"))?,
        kind: kind.parse().map_err(|_| corrupt(county_id, "kind"))?,
        state: CustomerState::County,
        authorisation_id: None,
        since,
        revoked_at: None,
    };
    let organisations = rows
        .into_iter()
        .map(
            |(authorisation_id, account_id, name, business_id, kind, since, revoked_at)| {
                Ok(RegistrarCustomer {
                    account_id,
                    name: name.parse().map_err(|_| corrupt(account_id, "name"))?,
                    business_id: business_id
                        .parse()
                        .map_err(|_| corrupt(account_id, "business ID"))?,
                    kind: kind.parse().map_err(|_| corrupt(account_id, "kind"))?,
                    state: if revoked_at.is_some() {
                        CustomerState::Revoked
                    } else {
                        CustomerState::Active
                    },
                    authorisation_id: Some(authorisation_id),
                    since,
                    revoked_at,
                })
            },
        )
        .collect::<Result<_, StorageError>>()?;
    Ok(PointCustomers {
        point,
        county,
        organisations,
    })
}

/// Where `customer` stands at a point held by `point_account`, from its authorisations of the
/// point (each its account's kind and whether it is active).
pub(crate) fn standing(
    point_account: i64,
    customer: i64,
    authorisations: &[(String, bool)],
) -> Result<Customer, StorageError> {
    if customer == point_account {
        return Ok(Customer::County);
    }
    let Some((kind, _)) = authorisations.first() else {
        return Ok(Customer::Stranger);
    };
    if !authorisations.iter().any(|(_, active)| *active) {
        return Ok(Customer::Revoked);
    }
    let kind = AccountKind::from_code(kind)
        .ok_or_else(|| StorageError::Corrupt(format!("customer account {customer}: kind")))?;
    Ok(Customer::Authorising(kind))
}

/// A certificate as stored: id, point, organisation, name, sealed code, received on, delivery,
/// recorded at.
pub(crate) type CertificateRow = (i64, i64, i64, String, String, String, String, i64);

pub(crate) const CERTIFICATE_COLUMNS: &str = "id, point_id, organisation_account_id, \
     person_name, identity_code_sealed, received_on, delivery, recorded_at";

pub(crate) fn certificate_of(
    row: CertificateRow,
    codes: &IdentityCodes,
) -> Result<ServiceCertificate, StorageError> {
    let (id, point_id, organisation_account_id, name, sealed, received_on, delivery, at) = row;
    let corrupt = |what: &str| StorageError::Corrupt(format!("certificate {id}: {what}"));
    let code = codes
        .open(&sealed, SealedColumn::Certificates)
        .map_err(|error| corrupt(&format!("identity code: {error}")))?;
    Ok(ServiceCertificate {
        id,
        point_id,
        organisation_account_id,
        person_name: name.parse().map_err(|_| corrupt("name"))?,
        identity_code: code.masked(),
        received_on: received_on.parse().map_err(|_| corrupt("received on"))?,
        delivery: CertificateDelivery::from_code(&delivery).ok_or_else(|| corrupt("delivery"))?,
        recorded_at: at,
    })
}

/// An order as stored: id, point, customer, kind, name, sealed code, certificate, ordered at.
pub(crate) type OrderRow = (
    i64,
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
);

pub(crate) const ORDER_COLUMNS: &str = "id, point_id, customer_account_id, card_kind, \
     person_name, identity_code_sealed, certificate_id, ordered_at";

pub(crate) fn order_of(row: OrderRow, codes: &IdentityCodes) -> Result<CardOrder, StorageError> {
    let (id, point_id, customer_account_id, kind, name, sealed, certificate_id, at) = row;
    let corrupt = |what: &str| StorageError::Corrupt(format!("card order {id}: {what}"));
    let code = sealed
        .map(|sealed| codes.open(&sealed, SealedColumn::CardOrders))
        .transpose()
        .map_err(|error| corrupt(&format!("identity code: {error}")))?;
    Ok(CardOrder {
        id,
        point_id,
        customer_account_id,
        card_kind: CardKind::from_code(&kind).ok_or_else(|| corrupt("kind"))?,
        person_name: name
            .map(|name| name.parse())
            .transpose()
            .map_err(|_| corrupt("name"))?,
        identity_code: code.map(|code| code.masked()),
        certificate_id,
        ordered_at: at,
    })
}

/// A new order's person as stored: name, sealed code, blind index.
pub(crate) struct SealedPerson {
    pub name: String,
    pub sealed: String,
    pub index: String,
    pub masked: domain::administration::MaskedIdentityCode,
}

pub(crate) fn sealed_person(order: &NewCardOrder, codes: &IdentityCodes) -> Option<SealedPerson> {
    match order {
        NewCardOrder::Staff {
            person_name,
            identity_code,
            ..
        } => Some(SealedPerson {
            name: person_name.as_str().to_owned(),
            sealed: codes.seal(identity_code, SealedColumn::CardOrders),
            index: codes.blind_index(identity_code),
            masked: identity_code.masked(),
        }),
        NewCardOrder::Organisation { .. } => None,
    }
}

fn sqlite_is_registrar(
    connection: &rusqlite::Connection,
    point_id: i64,
    person: &str,
) -> Result<bool, StorageError> {
    Ok(connection
        .prepare_cached(
            "SELECT 1 FROM registrars r JOIN registration_points p ON p.id = r.point_id \
             WHERE r.point_id = ?1 AND r.account_key = ?2 AND r.removed_at IS NULL \
             AND p.state = ?3",
        )?
        .exists(rusqlite::params![
            point_id,
            person,
            PointOrderState::Approved.code()
        ])?)
}

/// The registrar check, the point's county and the customer's standing, in the write.
fn sqlite_customer(
    connection: &rusqlite::Connection,
    audit: &Audit,
    point_id: i64,
    customer: i64,
) -> Result<Result<(i64, Customer), CardConflict>, StorageError> {
    if !sqlite_is_registrar(connection, point_id, audit.actor.as_str())? {
        return Ok(Err(CardConflict::NotRegistrar));
    }
    let point_account: i64 = connection
        .prepare_cached("SELECT account_id FROM registration_points WHERE id = ?1")?
        .query_row([point_id], |row| row.get(0))?;
    let authorisations = connection
        .prepare_cached(
            "SELECT c.kind, z.revoked_at IS NULL FROM authorisations z \
             JOIN customer_accounts c ON c.id = z.account_id \
             WHERE z.account_id = ?1 AND z.point_id = ?2",
        )?
        .query_map([customer, point_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<Vec<(String, bool)>, _>>()?;
    Ok(Ok((
        point_account,
        standing(point_account, customer, &authorisations)?,
    )))
}

impl Sqlite {
    pub(crate) async fn registrar_points(
        &self,
        person: String,
    ) -> Result<Vec<RegistrarPoint>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(&PERSON_POINTS.replace("{1}", "?1").replace("{2}", "?2"))?;
            let rows = statement
                .query_map(
                    rusqlite::params![person, PointOrderState::Approved.code()],
                    |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                            row.get(5)?,
                        ))
                    },
                )?
                .collect::<Result<Vec<PointRow>, _>>()?;
            rows.into_iter().map(point_of).collect()
        })
        .await
    }

    pub(crate) async fn registrar_customers(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Option<PointCustomers>, StorageError> {
        self.read(move |connection| {
            let Some((lookup, county)) = connection
                .prepare_cached(&format!(
                    "SELECT {LOOKUP_COLUMNS}, {POINT_COUNTY_COLUMNS} FROM registration_points p \
                     JOIN customer_accounts a ON a.id = p.account_id \
                     WHERE p.id = ?1 AND p.state = ?2"
                ))?
                .query_row(
                    rusqlite::params![point_id, PointOrderState::Approved.code()],
                    |row| {
                        Ok((
                            (
                                row.get(0)?,
                                row.get(1)?,
                                row.get(2)?,
                                row.get(3)?,
                                row.get(4)?,
                                row.get(5)?,
                            ),
                            (row.get(6)?, row.get(7)?, row.get(8)?, row.get(9)?),
                        ))
                    },
                )
                .optional()?
            else {
                return Ok(None);
            };
            let rows = connection
                .prepare_cached(
                    "SELECT z.id, c.id, c.name, c.business_id, c.kind, z.created_at, \
                     z.revoked_at FROM authorisations z \
                     JOIN customer_accounts c ON c.id = z.account_id \
                     WHERE z.point_id = ?1 AND z.id > ?2 ORDER BY z.id LIMIT ?3",
                )?
                .query_map(rusqlite::params![point_id, after, PAGE_SIZE], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                    ))
                })?
                .collect::<Result<Vec<AuthorisationRow>, _>>()?;
            point_customers_of(lookup, county, rows).map(Some)
        })
        .await
    }

    pub(crate) async fn certificate_record(
        &self,
        audit: Audit,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        certificate: NewCertificate,
    ) -> Result<Result<ServiceCertificate, CardConflict>, StorageError> {
        self.write(move |connection| {
            let organisation = certificate.organisation_account_id;
            let customer = match sqlite_customer(connection, &audit, point_id, organisation)? {
                Ok((_, customer)) => customer,
                Err(conflict) => return Ok(Err(conflict)),
            };
            if let Err(refusal) = domain::administration::may_record_certificate(customer) {
                return Ok(Err(CardConflict::Customer(refusal)));
            }
            let index = codes.blind_index(&certificate.identity_code);
            let recorded = connection
                .prepare_cached(
                    "SELECT 1 FROM service_certificates WHERE point_id = ?1 \
                     AND organisation_account_id = ?2 AND identity_code_index = ?3",
                )?
                .exists(rusqlite::params![point_id, organisation, index])?;
            if recorded {
                return Ok(Err(CardConflict::CertificateAlreadyRecorded));
            }
            let sealed = codes.seal(&certificate.identity_code, SealedColumn::Certificates);
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO service_certificates (point_id, organisation_account_id, \
                     person_name, identity_code_sealed, identity_code_index, received_on, \
                     delivery, recorded_by, recorded_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        point_id,
                        organisation,
                        certificate.person_name.as_str(),
                        sealed,
                        index,
                        certificate.received_on.as_str(),
                        certificate.delivery.code(),
                        audit.actor.as_str(),
                        audit.at
                    ],
                    |row| row.get(0),
                )?;
            let recorded = ServiceCertificate {
                id,
                point_id,
                organisation_account_id: organisation,
                person_name: certificate.person_name,
                identity_code: certificate.identity_code.masked(),
                received_on: certificate.received_on,
                delivery: certificate.delivery,
                recorded_at: audit.at,
            };
            sqlite_audit(
                connection,
                &audit,
                Some(organisation),
                None,
                Some(json(&recorded)),
            )?;
            Ok(Ok(recorded))
        })
        .await
    }

    pub(crate) async fn certificates_page(
        &self,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        customer: Option<i64>,
        after: i64,
    ) -> Result<Vec<ServiceCertificate>, StorageError> {
        self.read(move |connection| {
            let rows = connection
                .prepare_cached(&format!(
                    "SELECT {CERTIFICATE_COLUMNS} FROM service_certificates \
                     WHERE point_id = ?1 AND (?2 IS NULL OR organisation_account_id = ?2) \
                     AND id > ?3 ORDER BY id LIMIT ?4"
                ))?
                .query_map(
                    rusqlite::params![point_id, customer, after, PAGE_SIZE],
                    |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                            row.get(5)?,
                            row.get(6)?,
                            row.get(7)?,
                        ))
                    },
                )?
                .collect::<Result<Vec<CertificateRow>, _>>()?;
            rows.into_iter()
                .map(|row| certificate_of(row, &codes))
                .collect()
        })
        .await
    }

    pub(crate) async fn card_order(
        &self,
        audit: Audit,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        order: NewCardOrder,
    ) -> Result<Result<CardOrder, CardConflict>, StorageError> {
        self.write(move |connection| {
            let customer_id = order.customer_account_id();
            let (point_account, customer) =
                match sqlite_customer(connection, &audit, point_id, customer_id)? {
                    Ok(found) => found,
                    Err(conflict) => return Ok(Err(conflict)),
                };
            let person = sealed_person(&order, &codes);
            let certificate_id: Option<i64> = match &person {
                Some(person) => connection
                    .prepare_cached(
                        "SELECT id FROM service_certificates WHERE point_id = ?1 \
                         AND organisation_account_id = ?2 AND identity_code_index = ?3",
                    )?
                    .query_row(
                        rusqlite::params![point_id, customer_id, person.index],
                        |row| row.get(0),
                    )
                    .optional()?,
                None => None,
            };
            let verdict = domain::administration::may_order(
                customer,
                order.kind(),
                sqlite_has_granted_contract(connection, customer_id, None)?,
                sqlite_has_granted_contract(
                    connection,
                    point_account,
                    Some(ContractKind::StateAdministration),
                )?,
                certificate_id.is_some(),
            );
            if let Err(refusal) = verdict {
                return Ok(Err(CardConflict::Customer(refusal)));
            }
            let index = person.as_ref().map(|person| person.index.as_str());
            let repeated = connection
                .prepare_cached(
                    "SELECT 1 FROM card_orders WHERE point_id = ?1 AND customer_account_id = ?2 \
                     AND card_kind = ?3 AND identity_code_index IS ?4 AND ordered_at > ?5",
                )?
                .exists(rusqlite::params![
                    point_id,
                    customer_id,
                    order.kind().code(),
                    index,
                    audit.at - REPEAT_ORDER_SECONDS
                ])?;
            if repeated {
                return Ok(Err(CardConflict::CardAlreadyOrdered));
            }
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO card_orders (point_id, customer_account_id, card_kind, \
                     person_name, identity_code_sealed, identity_code_index, certificate_id, \
                     ordered_by, ordered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                     RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        point_id,
                        customer_id,
                        order.kind().code(),
                        person.as_ref().map(|person| person.name.as_str()),
                        person.as_ref().map(|person| person.sealed.as_str()),
                        index,
                        certificate_id,
                        audit.actor.as_str(),
                        audit.at
                    ],
                    |row| row.get(0),
                )?;
            let ordered = ordered(id, point_id, &order, person, certificate_id, audit.at);
            sqlite_audit(
                connection,
                &audit,
                Some(customer_id),
                None,
                Some(json(&ordered)),
            )?;
            Ok(Ok(ordered))
        })
        .await
    }

    pub(crate) async fn card_orders_page(
        &self,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        customer: Option<i64>,
        after: i64,
    ) -> Result<Vec<CardOrder>, StorageError> {
        self.read(move |connection| {
            let rows = connection
                .prepare_cached(&format!(
                    "SELECT {ORDER_COLUMNS} FROM card_orders \
                     WHERE point_id = ?1 AND (?2 IS NULL OR customer_account_id = ?2) \
                     AND id > ?3 ORDER BY id LIMIT ?4"
                ))?
                .query_map(
                    rusqlite::params![point_id, customer, after, PAGE_SIZE],
                    |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                            row.get(5)?,
                            row.get(6)?,
                            row.get(7)?,
                        ))
                    },
                )?
                .collect::<Result<Vec<OrderRow>, _>>()?;
            rows.into_iter().map(|row| order_of(row, &codes)).collect()
        })
        .await
    }
}

/// The order as answered and audited (the code masked).
pub(crate) fn ordered(
    id: i64,
    point_id: i64,
    order: &NewCardOrder,
    person: Option<SealedPerson>,
    certificate_id: Option<i64>,
    at: i64,
) -> CardOrder {
    let person_name = match order {
        NewCardOrder::Staff { person_name, .. } => Some(person_name.clone()),
        NewCardOrder::Organisation { .. } => None,
    };
    CardOrder {
        id,
        point_id,
        customer_account_id: order.customer_account_id(),
        card_kind: order.kind(),
        person_name,
        identity_code: person.map(|person| person.masked),
        certificate_id,
        ordered_at: at,
    }
}

/// The typed interface, the same on both backends.
impl Storage {
    /// The approved points where `person` is an active registrar, by id.
    pub async fn registrar_points(
        &self,
        person: &str,
    ) -> Result<Vec<RegistrarPoint>, StorageError> {
        on_backend!(self, registrar_points(person.to_owned()))
    }

    /// The approved point, its county, and at most [`PAGE_SIZE`] of its authorisations
    /// (revoked ones too) with an id above `after`; none for no such approved point.
    pub async fn registrar_customers(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Option<PointCustomers>, StorageError> {
        on_backend!(self, registrar_customers(point_id, after))
    }

    /// The audit's actor, a registrar of the point, records a certificate.
    pub async fn certificate_record(
        &self,
        audit: Audit,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        certificate: NewCertificate,
    ) -> Result<Result<ServiceCertificate, CardConflict>, StorageError> {
        on_backend!(
            self,
            certificate_record(audit, codes, point_id, certificate)
        )
    }

    /// At most [`PAGE_SIZE`] of the point's certificates (of one organisation when given)
    /// with an id above `after`, codes masked.
    pub async fn certificates_page(
        &self,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        customer: Option<i64>,
        after: i64,
    ) -> Result<Vec<ServiceCertificate>, StorageError> {
        on_backend!(self, certificates_page(codes, point_id, customer, after))
    }

    /// The audit's actor, a registrar of the point, orders a card for a customer.
    pub async fn card_order(
        &self,
        audit: Audit,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        order: NewCardOrder,
    ) -> Result<Result<CardOrder, CardConflict>, StorageError> {
        on_backend!(self, card_order(audit, codes, point_id, order))
    }

    /// At most [`PAGE_SIZE`] of the point's orders (of one customer when given) with an id
    /// above `after`, codes masked.
    pub async fn card_orders_page(
        &self,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        customer: Option<i64>,
        after: i64,
    ) -> Result<Vec<CardOrder>, StorageError> {
        on_backend!(self, card_orders_page(codes, point_id, customer, after))
    }
}

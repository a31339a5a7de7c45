//! The registration-point administration's data (SPEC §5), part 1 step 2: a county's
//! registration points (ordered, approved with their electronic service number, or rejected)
//! and organisations' authorisations of points. Every change writes its audit entry in the
//! same transaction. The SQLite SQL is here; PostgreSQL's is in `postgres/points.rs`.
//!
//! Service numbers are assigned at approval from a counter unique across replicas: SQLite's
//! single writer takes the greatest serial assigned plus one; PostgreSQL draws from the
//! sequence `service_number_serials`. `ServiceNumber::from_serial` adds the check digit.

use domain::administration::{
    AccountKind, ContractKind, ContractState, FIRST_SERVICE_NUMBER_SERIAL, PointOrder,
    PointOrderState, RejectionReason, ServiceNumber, has_too_few_registrars,
    is_short_of_registrars,
};
use rusqlite::OptionalExtension;

pub use contract::admin::{Authorisation, PointCustomer, PointLookup, RegistrationPoint};

use crate::storage::administration::{AdminConflict, Audit, PAGE_SIZE, json, sqlite_audit};
use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// What the officer decides on a point order.
#[derive(Debug, Clone)]
pub enum PointDecision {
    /// Approve it: the point gets its service number.
    Approve,
    /// Reject it, for a reason.
    Reject(RejectionReason),
}

/// A point as stored, before the domain's rules check it again.
pub(crate) struct PointRow {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub postal_address: Option<String>,
    pub state: String,
    pub service_number: Option<String>,
    pub is_main: bool,
    pub rejection_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Its registrars with active rights, counted in the same statement.
    pub active_registrars: i64,
}

/// The columns of a [`PointRow`], of `registration_points` (not aliased). The last is the
/// point's active registrars, a subquery over the partial index `registrars_active`, so a
/// list of points counts them in its one statement (no query per point).
pub(crate) const POINT_COLUMNS: &str = "id, account_id, name, postal_address, state, \
     service_number, is_main, rejection_reason, created_at, updated_at, \
     (SELECT COUNT(*) FROM registrars r WHERE r.point_id = registration_points.id \
     AND r.removed_at IS NULL)";

/// The columns of a [`LookupRow`], of `registration_points p JOIN customer_accounts a`; the
/// point's active registrars counted in the same statement.
pub(crate) const LOOKUP_COLUMNS: &str = "p.id, p.service_number, p.name, a.name, a.county, \
     (SELECT COUNT(*) FROM registrars r WHERE r.point_id = p.id AND r.removed_at IS NULL)";
/// How many columns [`LOOKUP_COLUMNS`] has: a statement's own columns follow from here.
pub(crate) const LOOKUP_WIDTH: usize = 6;

impl PointRow {
    pub(crate) fn point(self) -> Result<RegistrationPoint, StorageError> {
        let id = self.id;
        let corrupt =
            |what: &str| StorageError::Corrupt(format!("registration point {id}: {what}"));
        let state = PointOrderState::from_code(&self.state).ok_or_else(|| corrupt("state"))?;
        Ok(RegistrationPoint {
            id,
            account_id: self.account_id,
            name: self.name.parse().map_err(|_| corrupt("name"))?,
            postal_address: self
                .postal_address
                .map(|address| address.parse())
                .transpose()
                .map_err(|_| corrupt("postal address"))?,
            state,
            service_number: self
                .service_number
                .map(|number| number.parse())
                .transpose()
                .map_err(|_| corrupt("service number"))?,
            is_main: self.is_main,
            rejection_reason: self
                .rejection_reason
                .map(|reason| reason.parse())
                .transpose()
                .map_err(|_| corrupt("rejection reason"))?,
            created_at: self.created_at,
            updated_at: self.updated_at,
            active_registrars: self.active_registrars,
            too_few_registrars: is_short_of_registrars(state, self.active_registrars),
        })
    }
}

/// A point's look-up as stored: id, service number, name, county account's name and county,
/// its active registrars.
pub(crate) type LookupRow = (i64, Option<String>, String, String, Option<String>, i64);

pub(crate) fn lookup_of(row: LookupRow) -> Result<PointLookup, StorageError> {
    let (id, number, name, county_name, county, active_registrars) = row;
    let corrupt = |what: &str| StorageError::Corrupt(format!("registration point {id}: {what}"));
    Ok(PointLookup {
        point_id: id,
        service_number: number
            .ok_or_else(|| corrupt("no service number"))?
            .parse()
            .map_err(|_| corrupt("service number"))?,
        name: name.parse().map_err(|_| corrupt("name"))?,
        county_name: county_name.parse().map_err(|_| corrupt("county's name"))?,
        county: county
            .map(|county| county.parse())
            .transpose()
            .map_err(|_| corrupt("county"))?,
        active_registrars,
        too_few_registrars: has_too_few_registrars(active_registrars),
    })
}

/// A customer of a point as stored: authorisation id, account id, name, business ID, kind,
/// since.
pub(crate) type CustomerRow = (i64, i64, String, String, String, i64);

pub(crate) fn customer_of(row: CustomerRow) -> Result<PointCustomer, StorageError> {
    let (authorisation_id, account_id, name, business_id, kind, since) = row;
    let corrupt =
        |what: &str| StorageError::Corrupt(format!("customer account {account_id}: {what}"));
    Ok(PointCustomer {
        authorisation_id,
        account_id,
        name: name.parse().map_err(|_| corrupt("name"))?,
        business_id: business_id.parse().map_err(|_| corrupt("business ID"))?,
        kind: kind.parse().map_err(|_| corrupt("kind"))?,
        since,
    })
}

/// The service number of `serial`, or an error when the numbers have run out.
pub(crate) fn service_number(serial: i64) -> Result<ServiceNumber, StorageError> {
    u32::try_from(serial)
        .ok()
        .and_then(ServiceNumber::from_serial)
        .ok_or_else(|| StorageError::Corrupt(format!("no service number for serial {serial}")))
}

/// The point after `decision` (the domain's state rule), assigning `number` on approval.
pub(crate) fn decided(
    before: &RegistrationPoint,
    decision: &PointDecision,
    number: impl FnOnce() -> Result<ServiceNumber, StorageError>,
    at: i64,
) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
    let state = match decision {
        PointDecision::Approve => before.state.approve(),
        PointDecision::Reject(_) => before.state.reject(),
    };
    let state = match state {
        Ok(state) => state,
        Err(error) => return Ok(Err(AdminConflict::PointState(error))),
    };
    let (service_number, rejection_reason) = match decision {
        PointDecision::Approve => (Some(number()?), None),
        PointDecision::Reject(reason) => (None, Some(reason.clone())),
    };
    Ok(Ok(RegistrationPoint {
        state,
        service_number,
        rejection_reason,
        updated_at: at,
        // An approved point has no registrars yet: it is short of them from the start.
        too_few_registrars: is_short_of_registrars(state, before.active_registrars),
        ..before.clone()
    }))
}

/// The action a county's main point is audited under when its contract's grant creates it.
pub(crate) const MAIN_POINT_ACTION: &str = "main_point_created";

fn sqlite_point(row: &rusqlite::Row<'_>) -> rusqlite::Result<PointRow> {
    Ok(PointRow {
        id: row.get(0)?,
        account_id: row.get(1)?,
        name: row.get(2)?,
        postal_address: row.get(3)?,
        state: row.get(4)?,
        service_number: row.get(5)?,
        is_main: row.get(6)?,
        rejection_reason: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        active_registrars: row.get(10)?,
    })
}

fn sqlite_lookup(row: &rusqlite::Row<'_>) -> rusqlite::Result<LookupRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

/// The next service number: the single writer serialises every change, so the greatest
/// serial assigned plus one is unique.
fn sqlite_next_service_number(
    connection: &rusqlite::Connection,
) -> Result<ServiceNumber, StorageError> {
    let greatest: Option<i64> = connection
        .prepare_cached(
            "SELECT MAX(CAST(substr(service_number, 1, 7) AS INTEGER)) FROM registration_points",
        )?
        .query_row([], |row| row.get(0))?;
    service_number(greatest.map_or(i64::from(FIRST_SERVICE_NUMBER_SERIAL), |serial| serial + 1))
}

pub(crate) fn sqlite_has_granted_contract(
    connection: &rusqlite::Connection,
    account_id: i64,
    kind: Option<ContractKind>,
) -> Result<bool, StorageError> {
    Ok(connection
        .prepare_cached(
            "SELECT 1 FROM card_contracts WHERE account_id = ?1 AND state = ?2 \
             AND (?3 IS NULL OR kind = ?3)",
        )?
        .exists(rusqlite::params![
            account_id,
            ContractState::Granted.code(),
            kind.map(ContractKind::code)
        ])?)
}

fn sqlite_point_by_id(
    connection: &rusqlite::Connection,
    id: i64,
) -> Result<Option<RegistrationPoint>, StorageError> {
    connection
        .prepare_cached(&format!(
            "SELECT {POINT_COLUMNS} FROM registration_points WHERE id = ?1"
        ))?
        .query_row([id], sqlite_point)
        .optional()?
        .map(PointRow::point)
        .transpose()
}

/// Within a contract's grant: creates the county's approved main point, named after the
/// account, with its service number, unless it has one. Audited on the county's account.
pub(crate) fn sqlite_main_point(
    connection: &rusqlite::Connection,
    audit: &Audit,
    account_id: i64,
    contract: ContractKind,
) -> Result<(), StorageError> {
    let Some((name, kind)): Option<(String, String)> = connection
        .prepare_cached("SELECT name, kind FROM customer_accounts WHERE id = ?1")?
        .query_row([account_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
    else {
        return Ok(());
    };
    let kind = AccountKind::from_code(&kind)
        .ok_or_else(|| StorageError::Corrupt(format!("customer account {account_id}: kind")))?;
    let has_main = connection
        .prepare_cached("SELECT 1 FROM registration_points WHERE account_id = ?1 AND is_main = 1")?
        .exists([account_id])?;
    if !contract.brings_main_point(kind) || has_main {
        return Ok(());
    }
    let number = sqlite_next_service_number(connection)?;
    let id: i64 = connection
        .prepare_cached(
            "INSERT INTO registration_points (account_id, name, postal_address, state, \
             service_number, is_main, created_at, updated_at) \
             VALUES (?1, ?2, NULL, ?3, ?4, 1, ?5, ?5) RETURNING id",
        )?
        .query_row(
            rusqlite::params![
                account_id,
                name,
                PointOrderState::Approved.code(),
                number.as_str(),
                audit.at
            ],
            |row| row.get(0),
        )?;
    let point = sqlite_point_by_id(connection, id)?
        .ok_or_else(|| StorageError::Corrupt(format!("registration point {id} vanished")))?;
    sqlite_audit(
        connection,
        &Audit {
            action: MAIN_POINT_ACTION,
            ..audit.clone()
        },
        Some(account_id),
        None,
        Some(json(&point)),
    )
}

impl Sqlite {
    pub(crate) async fn point_order(
        &self,
        audit: Audit,
        account_id: i64,
        order: PointOrder,
    ) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            if !sqlite_has_granted_contract(connection, account_id, None)? {
                return Ok(Err(AdminConflict::Refused(
                    domain::administration::AuthorisationRefusal::NoGrantedContract,
                )));
            }
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO registration_points (account_id, name, postal_address, state, \
                     is_main, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5) \
                     RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        account_id,
                        order.name.as_str(),
                        order.postal_address.as_str(),
                        PointOrderState::Ordered.code(),
                        at
                    ],
                    |row| row.get(0),
                )?;
            let point = RegistrationPoint {
                id,
                account_id,
                name: order.name,
                postal_address: Some(order.postal_address),
                state: PointOrderState::Ordered,
                service_number: None,
                is_main: false,
                rejection_reason: None,
                created_at: at,
                updated_at: at,
                active_registrars: 0,
                too_few_registrars: false,
            };
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                None,
                Some(json(&point)),
            )?;
            Ok(Ok(point))
        })
        .await
    }

    pub(crate) async fn point_decide(
        &self,
        audit: Audit,
        point_id: i64,
        decision: PointDecision,
    ) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some(before) = sqlite_point_by_id(connection, point_id)? else {
                return Ok(Err(AdminConflict::NotFound));
            };
            let after = match decided(
                &before,
                &decision,
                || sqlite_next_service_number(connection),
                at,
            )? {
                Ok(after) => after,
                Err(conflict) => return Ok(Err(conflict)),
            };
            connection
                .prepare_cached(
                    "UPDATE registration_points SET state = ?2, service_number = ?3, \
                     rejection_reason = ?4, updated_at = ?5 WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    point_id,
                    after.state.code(),
                    after.service_number.as_ref().map(ServiceNumber::as_str),
                    after.rejection_reason.as_ref().map(RejectionReason::as_str),
                    at
                ])?;
            sqlite_audit(
                connection,
                &audit,
                Some(before.account_id),
                Some(json(&before)),
                Some(json(&after)),
            )?;
            Ok(Ok(after))
        })
        .await
    }

    pub(crate) async fn point(&self, id: i64) -> Result<Option<RegistrationPoint>, StorageError> {
        self.read(move |connection| sqlite_point_by_id(connection, id))
            .await
    }

    pub(crate) async fn points_page(
        &self,
        account_id: Option<i64>,
        state: Option<PointOrderState>,
        after: i64,
    ) -> Result<Vec<RegistrationPoint>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {POINT_COLUMNS} FROM registration_points \
                 WHERE (?1 IS NULL OR account_id = ?1) AND (?2 IS NULL OR state = ?2) \
                 AND id > ?3 ORDER BY id LIMIT ?4"
            ))?;
            let rows = statement
                .query_map(
                    rusqlite::params![
                        account_id,
                        state.map(PointOrderState::code),
                        after,
                        PAGE_SIZE
                    ],
                    sqlite_point,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(PointRow::point).collect()
        })
        .await
    }

    pub(crate) async fn point_lookup(
        &self,
        number: ServiceNumber,
    ) -> Result<Option<PointLookup>, StorageError> {
        self.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {LOOKUP_COLUMNS} FROM registration_points p \
                     JOIN customer_accounts a ON a.id = p.account_id \
                     WHERE p.service_number = ?1 AND p.state = ?2"
                ))?
                .query_row(
                    rusqlite::params![number.as_str(), PointOrderState::Approved.code()],
                    sqlite_lookup,
                )
                .optional()?
                .map(lookup_of)
                .transpose()
        })
        .await
    }

    pub(crate) async fn authorise(
        &self,
        audit: Audit,
        account_id: i64,
        kind: AccountKind,
        number: ServiceNumber,
    ) -> Result<Result<Authorisation, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some((lookup, county_account)) = connection
                .prepare_cached(&format!(
                    "SELECT {LOOKUP_COLUMNS}, p.account_id FROM registration_points p \
                     JOIN customer_accounts a ON a.id = p.account_id \
                     WHERE p.service_number = ?1 AND p.state = ?2"
                ))?
                .query_row(
                    rusqlite::params![number.as_str(), PointOrderState::Approved.code()],
                    |row| Ok((sqlite_lookup(row)?, row.get::<_, i64>(LOOKUP_WIDTH)?)),
                )
                .optional()?
            else {
                return Ok(Err(AdminConflict::PointNotFound));
            };
            let point = lookup_of(lookup)?;
            let verdict = domain::administration::may_authorise(
                kind,
                sqlite_has_granted_contract(connection, account_id, None)?,
                sqlite_has_granted_contract(
                    connection,
                    county_account,
                    Some(ContractKind::StateAdministration),
                )?,
            );
            if let Err(refusal) = verdict {
                return Ok(Err(AdminConflict::Refused(refusal)));
            }
            let active = connection
                .prepare_cached(
                    "SELECT 1 FROM authorisations WHERE account_id = ?1 AND point_id = ?2 \
                     AND revoked_at IS NULL",
                )?
                .exists(rusqlite::params![account_id, point.point_id])?;
            if active {
                return Ok(Err(AdminConflict::AlreadyAuthorised));
            }
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO authorisations (account_id, point_id, created_at) \
                     VALUES (?1, ?2, ?3) RETURNING id",
                )?
                .query_row(rusqlite::params![account_id, point.point_id, at], |row| {
                    row.get(0)
                })?;
            let authorisation = Authorisation {
                id,
                account_id,
                point,
                created_at: at,
                revoked_at: None,
            };
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                None,
                Some(json(&authorisation)),
            )?;
            Ok(Ok(authorisation))
        })
        .await
    }

    pub(crate) async fn authorisations_page(
        &self,
        account_id: i64,
        after: i64,
    ) -> Result<Vec<Authorisation>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {LOOKUP_COLUMNS}, z.id, z.account_id, z.created_at, z.revoked_at \
                 FROM authorisations z JOIN registration_points p ON p.id = z.point_id \
                 JOIN customer_accounts a ON a.id = p.account_id \
                 WHERE z.account_id = ?1 AND z.id > ?2 ORDER BY z.id LIMIT ?3"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![account_id, after, PAGE_SIZE], |row| {
                    Ok((
                        sqlite_lookup(row)?,
                        row.get::<_, i64>(LOOKUP_WIDTH)?,
                        row.get::<_, i64>(LOOKUP_WIDTH + 1)?,
                        row.get::<_, i64>(LOOKUP_WIDTH + 2)?,
                        row.get::<_, Option<i64>>(LOOKUP_WIDTH + 3)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(lookup, id, account_id, created_at, revoked_at)| {
                    Ok(Authorisation {
                        id,
                        account_id,
                        point: lookup_of(lookup)?,
                        created_at,
                        revoked_at,
                    })
                })
                .collect()
        })
        .await
    }

    pub(crate) async fn authorisation_revoke(
        &self,
        audit: Audit,
        account_id: i64,
        authorisation_id: i64,
    ) -> Result<Result<Authorisation, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some((lookup, created_at, revoked_at)) = connection
                .prepare_cached(&format!(
                    "SELECT {LOOKUP_COLUMNS}, z.created_at, z.revoked_at \
                     FROM authorisations z JOIN registration_points p ON p.id = z.point_id \
                     JOIN customer_accounts a ON a.id = p.account_id \
                     WHERE z.id = ?1 AND z.account_id = ?2"
                ))?
                .query_row(rusqlite::params![authorisation_id, account_id], |row| {
                    Ok((
                        sqlite_lookup(row)?,
                        row.get::<_, i64>(LOOKUP_WIDTH)?,
                        row.get::<_, Option<i64>>(LOOKUP_WIDTH + 1)?,
                    ))
                })
                .optional()?
            else {
                return Ok(Err(AdminConflict::NotFound));
            };
            if revoked_at.is_some() {
                return Ok(Err(AdminConflict::AlreadyRevoked));
            }
            let before = Authorisation {
                id: authorisation_id,
                account_id,
                point: lookup_of(lookup)?,
                created_at,
                revoked_at: None,
            };
            connection
                .prepare_cached("UPDATE authorisations SET revoked_at = ?2 WHERE id = ?1")?
                .execute(rusqlite::params![authorisation_id, at])?;
            let after = Authorisation {
                revoked_at: Some(at),
                ..before.clone()
            };
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                Some(json(&before)),
                Some(json(&after)),
            )?;
            Ok(Ok(after))
        })
        .await
    }

    pub(crate) async fn point_customers(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Vec<PointCustomer>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(
                "SELECT z.id, c.id, c.name, c.business_id, c.kind, z.created_at \
                 FROM authorisations z JOIN customer_accounts c ON c.id = z.account_id \
                 WHERE z.point_id = ?1 AND z.revoked_at IS NULL AND z.id > ?2 \
                 ORDER BY z.id LIMIT ?3",
            )?;
            let rows = statement
                .query_map(rusqlite::params![point_id, after, PAGE_SIZE], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                    ))
                })?
                .collect::<Result<Vec<CustomerRow>, _>>()?;
            rows.into_iter().map(customer_of).collect()
        })
        .await
    }
}

/// The typed interface, the same on both backends.
impl Storage {
    /// A county's administrator orders a point; refused without a granted contract of the
    /// account.
    pub async fn point_order(
        &self,
        audit: Audit,
        account_id: i64,
        order: PointOrder,
    ) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
        on_backend!(self, point_order(audit, account_id, order))
    }

    /// The officer approves (assigning the service number) or rejects an order.
    pub async fn point_decide(
        &self,
        audit: Audit,
        point_id: i64,
        decision: PointDecision,
    ) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
        on_backend!(self, point_decide(audit, point_id, decision))
    }

    /// The point `id`, if there is one.
    pub async fn point(&self, id: i64) -> Result<Option<RegistrationPoint>, StorageError> {
        on_backend!(self, point(id))
    }

    /// At most [`PAGE_SIZE`] points with an id above `after`, by id: of one account and in one
    /// state when given.
    pub async fn points_page(
        &self,
        account_id: Option<i64>,
        state: Option<PointOrderState>,
        after: i64,
    ) -> Result<Vec<RegistrationPoint>, StorageError> {
        on_backend!(self, points_page(account_id, state, after))
    }

    /// The approved point with this service number.
    pub async fn point_lookup(
        &self,
        number: ServiceNumber,
    ) -> Result<Option<PointLookup>, StorageError> {
        on_backend!(self, point_lookup(number))
    }

    /// The account (of `kind`) authorises the approved point with this number, as
    /// `domain::administration::may_authorise` allows.
    pub async fn authorise(
        &self,
        audit: Audit,
        account_id: i64,
        kind: AccountKind,
        number: ServiceNumber,
    ) -> Result<Result<Authorisation, AdminConflict>, StorageError> {
        on_backend!(self, authorise(audit, account_id, kind, number))
    }

    /// At most [`PAGE_SIZE`] of the account's authorisations (revoked ones too) with an id
    /// above `after`, by id.
    pub async fn authorisations_page(
        &self,
        account_id: i64,
        after: i64,
    ) -> Result<Vec<Authorisation>, StorageError> {
        on_backend!(self, authorisations_page(account_id, after))
    }

    /// Revokes the account's authorisation.
    pub async fn authorisation_revoke(
        &self,
        audit: Audit,
        account_id: i64,
        authorisation_id: i64,
    ) -> Result<Result<Authorisation, AdminConflict>, StorageError> {
        on_backend!(
            self,
            authorisation_revoke(audit, account_id, authorisation_id)
        )
    }

    /// At most [`PAGE_SIZE`] of the organisations that actively authorise the point, by
    /// authorisation id above `after`.
    pub async fn point_customers(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Vec<PointCustomer>, StorageError> {
        on_backend!(self, point_customers(point_id, after))
    }
}

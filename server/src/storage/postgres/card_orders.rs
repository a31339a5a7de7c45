//! The registrar's work on PostgreSQL: the same operations as the SQLite ones in
//! `storage/card_orders.rs`, each one transaction with its audit entry. What a change rests on
//! is locked for its transaction: the registrar's row and the customer's authorisations
//! `FOR SHARE` (a removal or a revocation at the same moment waits, or is seen), and for an
//! order the point's row `FOR UPDATE`, so two replicas' orders at one point take turns and the
//! repeated-order check sees the other's. The unique index on certificates keeps one per
//! point, organisation and person between replicas.

use std::sync::Arc;

use deadpool_postgres::Transaction;
use domain::administration::{
    ContractKind, Customer, NewCardOrder, NewCertificate, PointOrderState,
};
use tokio_postgres::Row;

use crate::identity_codes::{IdentityCodes, SealedColumn};
use crate::storage::StorageError;
use crate::storage::administration::{Audit, PAGE_SIZE, json};
use crate::storage::card_orders::{
    CERTIFICATE_COLUMNS, CardConflict, CardOrder, ORDER_COLUMNS, POINT_COUNTY_COLUMNS,
    PointCustomers, REPEAT_ORDER_SECONDS, RegistrarPoint, ServiceCertificate, certificate_of,
    order_of, ordered, point_customers_of, sealed_person, standing,
};
use crate::storage::points::LOOKUP_COLUMNS;
use crate::storage::postgres::Postgres;
use crate::storage::postgres::administration::write_audit;
use crate::storage::postgres::points::has_granted_contract;
use crate::storage::registrar_applications::{PERSON_POINTS, point_of};

fn certificate_row(row: &Row) -> (i64, i64, i64, String, String, String, String, i64) {
    (
        row.get(0),
        row.get(1),
        row.get(2),
        row.get(3),
        row.get(4),
        row.get(5),
        row.get(6),
        row.get(7),
    )
}

/// The registrar check, the point's county and the customer's standing, locked for the
/// transaction; `lock_point` takes the point's row for update (orders take turns per point).
async fn customer(
    transaction: &Transaction<'_>,
    audit: &Audit,
    point_id: i64,
    customer: i64,
    lock_point: bool,
) -> Result<Result<(i64, Customer), CardConflict>, StorageError> {
    let statement = transaction
        .prepare_cached(
            "SELECT 1 FROM registrars WHERE point_id = $1 AND account_key = $2 \
             AND removed_at IS NULL FOR SHARE",
        )
        .await?;
    if transaction
        .query_opt(&statement, &[&point_id, &audit.actor.as_str()])
        .await?
        .is_none()
    {
        return Ok(Err(CardConflict::NotRegistrar));
    }
    let statement = transaction
        .prepare_cached(if lock_point {
            "SELECT account_id FROM registration_points WHERE id = $1 AND state = $2 FOR UPDATE"
        } else {
            "SELECT account_id FROM registration_points WHERE id = $1 AND state = $2 FOR SHARE"
        })
        .await?;
    let Some(row) = transaction
        .query_opt(&statement, &[&point_id, &PointOrderState::Approved.code()])
        .await?
    else {
        return Ok(Err(CardConflict::NotRegistrar));
    };
    let point_account: i64 = row.get(0);
    let statement = transaction
        .prepare_cached(
            "SELECT c.kind, z.revoked_at IS NULL FROM authorisations z \
             JOIN customer_accounts c ON c.id = z.account_id \
             WHERE z.account_id = $1 AND z.point_id = $2 FOR SHARE OF z",
        )
        .await?;
    let authorisations: Vec<(String, bool)> = transaction
        .query(&statement, &[&customer, &point_id])
        .await?
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    Ok(Ok((
        point_account,
        standing(point_account, customer, &authorisations)?,
    )))
}

impl Postgres {
    pub(crate) async fn registrar_points(
        &self,
        person: String,
    ) -> Result<Vec<RegistrarPoint>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&PERSON_POINTS.replace("{1}", "$1").replace("{2}", "$2"))
            .await?;
        client
            .query(&statement, &[&person, &PointOrderState::Approved.code()])
            .await?
            .iter()
            .map(|row| {
                point_of((
                    row.get(0),
                    row.get(1),
                    row.get(2),
                    row.get(3),
                    row.get(4),
                    row.get(5),
                ))
            })
            .collect()
    }

    pub(crate) async fn registrar_customers(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Option<PointCustomers>, StorageError> {
        let mut client = self.pool.get().await?;
        // One snapshot for the point and its authorisations.
        let transaction = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {LOOKUP_COLUMNS}, {POINT_COUNTY_COLUMNS} FROM registration_points p \
                 JOIN customer_accounts a ON a.id = p.account_id \
                 WHERE p.id = $1 AND p.state = $2"
            ))
            .await?;
        let Some(row) = transaction
            .query_opt(&statement, &[&point_id, &PointOrderState::Approved.code()])
            .await?
        else {
            return Ok(None);
        };
        let lookup = (
            row.get(0),
            row.get(1),
            row.get(2),
            row.get(3),
            row.get(4),
            row.get(5),
        );
        let county = (row.get(6), row.get(7), row.get(8), row.get(9));
        let statement = transaction
            .prepare_cached(
                "SELECT z.id, c.id, c.name, c.business_id, c.kind, z.created_at, z.revoked_at \
                 FROM authorisations z JOIN customer_accounts c ON c.id = z.account_id \
                 WHERE z.point_id = $1 AND z.id > $2 ORDER BY z.id LIMIT $3",
            )
            .await?;
        let rows = transaction
            .query(&statement, &[&point_id, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| {
                (
                    row.get(0),
                    row.get(1),
                    row.get(2),
                    row.get(3),
                    row.get(4),
                    row.get(5),
                    row.get(6),
                )
            })
            .collect();
        transaction.commit().await?;
        point_customers_of(lookup, county, rows).map(Some)
    }

    pub(crate) async fn certificate_record(
        &self,
        audit: Audit,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        certificate: NewCertificate,
    ) -> Result<Result<ServiceCertificate, CardConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let organisation = certificate.organisation_account_id;
        let found = match customer(&transaction, &audit, point_id, organisation, false).await? {
            Ok((_, found)) => found,
            Err(conflict) => return Ok(Err(conflict)),
        };
        if let Err(refusal) = domain::administration::may_record_certificate(found) {
            return Ok(Err(CardConflict::Customer(refusal)));
        }
        let index = codes.blind_index(&certificate.identity_code);
        let sealed = codes.seal(&certificate.identity_code, SealedColumn::Certificates);
        // Another replica may record the same person's certificate at once: the unique index
        // keeps one, and this one is told it exists.
        let statement = transaction
            .prepare_cached(
                "INSERT INTO service_certificates (point_id, organisation_account_id, \
                 person_name, identity_code_sealed, identity_code_index, received_on, delivery, \
                 recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT DO NOTHING RETURNING id",
            )
            .await?;
        let Some(row) = transaction
            .query_opt(
                &statement,
                &[
                    &point_id,
                    &organisation,
                    &certificate.person_name.as_str(),
                    &sealed,
                    &index,
                    &certificate.received_on.as_str(),
                    &certificate.delivery.code(),
                    &audit.actor.as_str(),
                    &audit.at,
                ],
            )
            .await?
        else {
            return Ok(Err(CardConflict::CertificateAlreadyRecorded));
        };
        let recorded = ServiceCertificate {
            id: row.get(0),
            point_id,
            organisation_account_id: organisation,
            person_name: certificate.person_name,
            identity_code: certificate.identity_code.masked(),
            received_on: certificate.received_on,
            delivery: certificate.delivery,
            recorded_at: audit.at,
        };
        write_audit(
            &transaction,
            &audit,
            Some(organisation),
            None,
            Some(json(&recorded)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(recorded))
    }

    pub(crate) async fn certificates_page(
        &self,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        customer: Option<i64>,
        after: i64,
    ) -> Result<Vec<ServiceCertificate>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {CERTIFICATE_COLUMNS} FROM service_certificates \
                 WHERE point_id = $1 AND ($2::bigint IS NULL OR organisation_account_id = $2) \
                 AND id > $3 ORDER BY id LIMIT $4"
            ))
            .await?;
        client
            .query(&statement, &[&point_id, &customer, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| certificate_of(certificate_row(row), &codes))
            .collect()
    }

    pub(crate) async fn card_order(
        &self,
        audit: Audit,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        order: NewCardOrder,
    ) -> Result<Result<CardOrder, CardConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let customer_id = order.customer_account_id();
        let (point_account, found) =
            match customer(&transaction, &audit, point_id, customer_id, true).await? {
                Ok(found) => found,
                Err(conflict) => return Ok(Err(conflict)),
            };
        let person = sealed_person(&order, &codes);
        let certificate_id: Option<i64> = match &person {
            Some(person) => {
                let statement = transaction
                    .prepare_cached(
                        "SELECT id FROM service_certificates WHERE point_id = $1 \
                         AND organisation_account_id = $2 AND identity_code_index = $3",
                    )
                    .await?;
                transaction
                    .query_opt(&statement, &[&point_id, &customer_id, &person.index])
                    .await?
                    .map(|row| row.get(0))
            }
            None => None,
        };
        let verdict = domain::administration::may_order(
            found,
            order.kind(),
            has_granted_contract(&transaction, customer_id, None).await?,
            has_granted_contract(
                &transaction,
                point_account,
                Some(ContractKind::StateAdministration),
            )
            .await?,
            certificate_id.is_some(),
        );
        if let Err(refusal) = verdict {
            return Ok(Err(CardConflict::Customer(refusal)));
        }
        let index = person.as_ref().map(|person| person.index.clone());
        let statement = transaction
            .prepare_cached(
                "SELECT 1 FROM card_orders WHERE point_id = $1 AND customer_account_id = $2 \
                 AND card_kind = $3 AND identity_code_index IS NOT DISTINCT FROM $4 \
                 AND ordered_at > $5 LIMIT 1",
            )
            .await?;
        let repeated = transaction
            .query_opt(
                &statement,
                &[
                    &point_id,
                    &customer_id,
                    &order.kind().code(),
                    &index,
                    &(audit.at - REPEAT_ORDER_SECONDS),
                ],
            )
            .await?
            .is_some();
        if repeated {
            return Ok(Err(CardConflict::CardAlreadyOrdered));
        }
        let statement = transaction
            .prepare_cached(
                "INSERT INTO card_orders (point_id, customer_account_id, card_kind, person_name, \
                 identity_code_sealed, identity_code_index, certificate_id, ordered_by, \
                 ordered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .await?;
        let row = transaction
            .query_one(
                &statement,
                &[
                    &point_id,
                    &customer_id,
                    &order.kind().code(),
                    &person.as_ref().map(|person| person.name.as_str()),
                    &person.as_ref().map(|person| person.sealed.as_str()),
                    &index,
                    &certificate_id,
                    &audit.actor.as_str(),
                    &audit.at,
                ],
            )
            .await?;
        let ordered = ordered(
            row.get(0),
            point_id,
            &order,
            person,
            certificate_id,
            audit.at,
        );
        write_audit(
            &transaction,
            &audit,
            Some(customer_id),
            None,
            Some(json(&ordered)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(ordered))
    }

    pub(crate) async fn card_orders_page(
        &self,
        codes: Arc<IdentityCodes>,
        point_id: i64,
        customer: Option<i64>,
        after: i64,
    ) -> Result<Vec<CardOrder>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {ORDER_COLUMNS} FROM card_orders \
                 WHERE point_id = $1 AND ($2::bigint IS NULL OR customer_account_id = $2) \
                 AND id > $3 ORDER BY id LIMIT $4"
            ))
            .await?;
        client
            .query(&statement, &[&point_id, &customer, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| {
                order_of(
                    (
                        row.get(0),
                        row.get(1),
                        row.get(2),
                        row.get(3),
                        row.get(4),
                        row.get(5),
                        row.get(6),
                        row.get(7),
                    ),
                    &codes,
                )
            })
            .collect()
    }
}

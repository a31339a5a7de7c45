//! Registration points and authorisations on PostgreSQL: the same operations as the SQLite
//! ones in `storage/points.rs`, each one transaction with its audit entry. A change that reads
//! before it writes locks the row it reads (`FOR UPDATE`); service numbers come from the
//! sequence `service_number_serials`, unique across replicas; the partial unique index on
//! active authorisations keeps a second one of the same point from two replicas at once.

use deadpool_postgres::Transaction;
use domain::administration::{
    AccountKind, ContractKind, ContractState, PointOrder, PointOrderState, RejectionReason,
    ServiceNumber,
};
use tokio_postgres::Row;

use crate::storage::StorageError;
use crate::storage::administration::{AdminConflict, Audit, PAGE_SIZE, json};
use crate::storage::points::{
    Authorisation, LOOKUP_COLUMNS, LOOKUP_WIDTH, MAIN_POINT_ACTION, POINT_COLUMNS, PointCustomer,
    PointDecision, PointLookup, PointRow, RegistrationPoint, customer_of, decided, lookup_of,
    service_number,
};
use crate::storage::postgres::Postgres;
use crate::storage::postgres::administration::write_audit;

fn point(row: &Row) -> Result<RegistrationPoint, StorageError> {
    PointRow {
        id: row.get(0),
        account_id: row.get(1),
        name: row.get(2),
        postal_address: row.get(3),
        state: row.get(4),
        service_number: row.get(5),
        is_main: row.get(6),
        rejection_reason: row.get(7),
        created_at: row.get(8),
        updated_at: row.get(9),
        active_registrars: row.get(10),
    }
    .point()
}

fn lookup(row: &Row) -> Result<PointLookup, StorageError> {
    lookup_of((
        row.get(0),
        row.get(1),
        row.get(2),
        row.get(3),
        row.get(4),
        row.get(5),
    ))
}

async fn next_service_number(transaction: &Transaction<'_>) -> Result<ServiceNumber, StorageError> {
    let statement = transaction
        .prepare_cached("SELECT nextval('service_number_serials')")
        .await?;
    let serial: i64 = transaction.query_one(&statement, &[]).await?.get(0);
    service_number(serial)
}

pub(crate) async fn has_granted_contract(
    transaction: &Transaction<'_>,
    account_id: i64,
    kind: Option<ContractKind>,
) -> Result<bool, StorageError> {
    let statement = transaction
        .prepare_cached(
            "SELECT 1 FROM card_contracts WHERE account_id = $1 AND state = $2 \
             AND ($3::text IS NULL OR kind = $3) LIMIT 1",
        )
        .await?;
    Ok(transaction
        .query_opt(
            &statement,
            &[
                &account_id,
                &ContractState::Granted.code(),
                &kind.map(ContractKind::code),
            ],
        )
        .await?
        .is_some())
}

/// Within a contract's grant: creates the county's approved main point, named after the
/// account, with its service number, unless it has one. Audited on the county's account.
pub(crate) async fn main_point(
    transaction: &Transaction<'_>,
    audit: &Audit,
    account_id: i64,
    contract: ContractKind,
) -> Result<(), StorageError> {
    let statement = transaction
        .prepare_cached("SELECT name, kind FROM customer_accounts WHERE id = $1 FOR UPDATE")
        .await?;
    let Some(row) = transaction.query_opt(&statement, &[&account_id]).await? else {
        return Ok(());
    };
    let (name, kind): (String, String) = (row.get(0), row.get(1));
    let kind = AccountKind::from_code(&kind)
        .ok_or_else(|| StorageError::Corrupt(format!("customer account {account_id}: kind")))?;
    if !contract.brings_main_point(kind) {
        return Ok(());
    }
    let statement = transaction
        .prepare_cached("SELECT 1 FROM registration_points WHERE account_id = $1 AND is_main")
        .await?;
    if transaction
        .query_opt(&statement, &[&account_id])
        .await?
        .is_some()
    {
        return Ok(());
    }
    let number = next_service_number(transaction).await?;
    let statement = transaction
        .prepare_cached(&format!(
            "INSERT INTO registration_points (account_id, name, postal_address, state, \
             service_number, is_main, created_at, updated_at) \
             VALUES ($1, $2, NULL, $3, $4, TRUE, $5, $5) RETURNING {POINT_COLUMNS}"
        ))
        .await?;
    let created = point(
        &transaction
            .query_one(
                &statement,
                &[
                    &account_id,
                    &name,
                    &PointOrderState::Approved.code(),
                    &number.as_str(),
                    &audit.at,
                ],
            )
            .await?,
    )?;
    write_audit(
        transaction,
        &Audit {
            action: MAIN_POINT_ACTION,
            ..audit.clone()
        },
        Some(account_id),
        None,
        Some(json(&created)),
    )
    .await
}

impl Postgres {
    pub(crate) async fn point_order(
        &self,
        audit: Audit,
        account_id: i64,
        order: PointOrder,
    ) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        if !has_granted_contract(&transaction, account_id, None).await? {
            return Ok(Err(AdminConflict::Refused(
                domain::administration::AuthorisationRefusal::NoGrantedContract,
            )));
        }
        let statement = transaction
            .prepare_cached(&format!(
                "INSERT INTO registration_points (account_id, name, postal_address, state, \
                 is_main, created_at, updated_at) VALUES ($1, $2, $3, $4, FALSE, $5, $5) \
                 RETURNING {POINT_COLUMNS}"
            ))
            .await?;
        let created = point(
            &transaction
                .query_one(
                    &statement,
                    &[
                        &account_id,
                        &order.name.as_str(),
                        &order.postal_address.as_str(),
                        &PointOrderState::Ordered.code(),
                        &audit.at,
                    ],
                )
                .await?,
        )?;
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            None,
            Some(json(&created)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(created))
    }

    pub(crate) async fn point_decide(
        &self,
        audit: Audit,
        point_id: i64,
        decision: PointDecision,
    ) -> Result<Result<RegistrationPoint, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {POINT_COLUMNS} FROM registration_points WHERE id = $1 FOR UPDATE"
            ))
            .await?;
        let Some(before) = transaction
            .query_opt(&statement, &[&point_id])
            .await?
            .as_ref()
            .map(point)
            .transpose()?
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        // The number is drawn before the rule is asked only when approving: a refused
        // approval returns before it is drawn.
        if let Err(error) = match decision {
            PointDecision::Approve => before.state.approve(),
            PointDecision::Reject(_) => before.state.reject(),
        } {
            return Ok(Err(AdminConflict::PointState(error)));
        }
        let number = match decision {
            PointDecision::Approve => Some(next_service_number(&transaction).await?),
            PointDecision::Reject(_) => None,
        };
        let after = match decided(
            &before,
            &decision,
            || number.ok_or_else(|| StorageError::Corrupt("no number drawn".into())),
            audit.at,
        )? {
            Ok(after) => after,
            Err(conflict) => return Ok(Err(conflict)),
        };
        let statement = transaction
            .prepare_cached(
                "UPDATE registration_points SET state = $2, service_number = $3, \
                 rejection_reason = $4, updated_at = $5 WHERE id = $1",
            )
            .await?;
        transaction
            .execute(
                &statement,
                &[
                    &point_id,
                    &after.state.code(),
                    &after.service_number.as_ref().map(ServiceNumber::as_str),
                    &after.rejection_reason.as_ref().map(RejectionReason::as_str),
                    &audit.at,
                ],
            )
            .await?;
        write_audit(
            &transaction,
            &audit,
            Some(before.account_id),
            Some(json(&before)),
            Some(json(&after)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn point(&self, id: i64) -> Result<Option<RegistrationPoint>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {POINT_COLUMNS} FROM registration_points WHERE id = $1"
            ))
            .await?;
        client
            .query_opt(&statement, &[&id])
            .await?
            .as_ref()
            .map(point)
            .transpose()
    }

    pub(crate) async fn points_page(
        &self,
        account_id: Option<i64>,
        state: Option<PointOrderState>,
        after: i64,
    ) -> Result<Vec<RegistrationPoint>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {POINT_COLUMNS} FROM registration_points \
                 WHERE ($1::bigint IS NULL OR account_id = $1) \
                 AND ($2::text IS NULL OR state = $2) AND id > $3 ORDER BY id LIMIT $4"
            ))
            .await?;
        client
            .query(
                &statement,
                &[
                    &account_id,
                    &state.map(PointOrderState::code),
                    &after,
                    &PAGE_SIZE,
                ],
            )
            .await?
            .iter()
            .map(point)
            .collect()
    }

    pub(crate) async fn point_lookup(
        &self,
        number: ServiceNumber,
    ) -> Result<Option<PointLookup>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {LOOKUP_COLUMNS} FROM registration_points p \
                 JOIN customer_accounts a ON a.id = p.account_id \
                 WHERE p.service_number = $1 AND p.state = $2"
            ))
            .await?;
        client
            .query_opt(
                &statement,
                &[&number.as_str(), &PointOrderState::Approved.code()],
            )
            .await?
            .as_ref()
            .map(lookup)
            .transpose()
    }

    pub(crate) async fn authorise(
        &self,
        audit: Audit,
        account_id: i64,
        kind: AccountKind,
        number: ServiceNumber,
    ) -> Result<Result<Authorisation, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {LOOKUP_COLUMNS}, p.account_id FROM registration_points p \
                 JOIN customer_accounts a ON a.id = p.account_id \
                 WHERE p.service_number = $1 AND p.state = $2"
            ))
            .await?;
        let Some(row) = transaction
            .query_opt(
                &statement,
                &[&number.as_str(), &PointOrderState::Approved.code()],
            )
            .await?
        else {
            return Ok(Err(AdminConflict::PointNotFound));
        };
        let found = lookup(&row)?;
        let county_account: i64 = row.get(LOOKUP_WIDTH);
        let verdict = domain::administration::may_authorise(
            kind,
            has_granted_contract(&transaction, account_id, None).await?,
            has_granted_contract(
                &transaction,
                county_account,
                Some(ContractKind::StateAdministration),
            )
            .await?,
        );
        if let Err(refusal) = verdict {
            return Ok(Err(AdminConflict::Refused(refusal)));
        }
        // Another replica may authorise the same point at once: the partial unique index
        // keeps one, and this one is told it exists.
        let statement = transaction
            .prepare_cached(
                "INSERT INTO authorisations (account_id, point_id, created_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id",
            )
            .await?;
        let Some(row) = transaction
            .query_opt(&statement, &[&account_id, &found.point_id, &audit.at])
            .await?
        else {
            return Ok(Err(AdminConflict::AlreadyAuthorised));
        };
        let authorisation = Authorisation {
            id: row.get(0),
            account_id,
            point: found,
            created_at: audit.at,
            revoked_at: None,
        };
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            None,
            Some(json(&authorisation)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(authorisation))
    }

    pub(crate) async fn authorisations_page(
        &self,
        account_id: i64,
        after: i64,
    ) -> Result<Vec<Authorisation>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {LOOKUP_COLUMNS}, z.id, z.account_id, z.created_at, z.revoked_at \
                 FROM authorisations z JOIN registration_points p ON p.id = z.point_id \
                 JOIN customer_accounts a ON a.id = p.account_id \
                 WHERE z.account_id = $1 AND z.id > $2 ORDER BY z.id LIMIT $3"
            ))
            .await?;
        client
            .query(&statement, &[&account_id, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| {
                Ok(Authorisation {
                    id: row.get(LOOKUP_WIDTH),
                    account_id: row.get(LOOKUP_WIDTH + 1),
                    point: lookup(row)?,
                    created_at: row.get(LOOKUP_WIDTH + 2),
                    revoked_at: row.get(LOOKUP_WIDTH + 3),
                })
            })
            .collect()
    }

    pub(crate) async fn authorisation_revoke(
        &self,
        audit: Audit,
        account_id: i64,
        authorisation_id: i64,
    ) -> Result<Result<Authorisation, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {LOOKUP_COLUMNS}, z.created_at, z.revoked_at \
                 FROM authorisations z JOIN registration_points p ON p.id = z.point_id \
                 JOIN customer_accounts a ON a.id = p.account_id \
                 WHERE z.id = $1 AND z.account_id = $2 FOR UPDATE OF z"
            ))
            .await?;
        let Some(row) = transaction
            .query_opt(&statement, &[&authorisation_id, &account_id])
            .await?
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        let revoked_at: Option<i64> = row.get(LOOKUP_WIDTH + 1);
        if revoked_at.is_some() {
            return Ok(Err(AdminConflict::AlreadyRevoked));
        }
        let before = Authorisation {
            id: authorisation_id,
            account_id,
            point: lookup(&row)?,
            created_at: row.get(LOOKUP_WIDTH),
            revoked_at: None,
        };
        let statement = transaction
            .prepare_cached("UPDATE authorisations SET revoked_at = $2 WHERE id = $1")
            .await?;
        transaction
            .execute(&statement, &[&authorisation_id, &audit.at])
            .await?;
        let after = Authorisation {
            revoked_at: Some(audit.at),
            ..before.clone()
        };
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            Some(json(&before)),
            Some(json(&after)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn point_customers(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Vec<PointCustomer>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT z.id, c.id, c.name, c.business_id, c.kind, z.created_at \
                 FROM authorisations z JOIN customer_accounts c ON c.id = z.account_id \
                 WHERE z.point_id = $1 AND z.revoked_at IS NULL AND z.id > $2 \
                 ORDER BY z.id LIMIT $3",
            )
            .await?;
        client
            .query(&statement, &[&point_id, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| {
                customer_of((
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
}

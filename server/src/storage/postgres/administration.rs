//! The registration-point administration on PostgreSQL: the same operations as the SQLite
//! ones in `storage/administration.rs`, each one transaction with its audit entry. A change
//! that reads before it writes locks the row it reads (`FOR UPDATE`), so two replicas deciding
//! the same contract at once cannot both succeed.

use deadpool_postgres::Transaction;
use domain::AccountKey;
use domain::administration::{AccountRole, ContractKind, ContractState, RejectionReason};
use tokio_postgres::Row;

use crate::storage::StorageError;
use crate::storage::administration::{
    ACCOUNT_COLUMNS, AdminConflict, Audit, AuditEntry, CONTRACT_COLUMNS, CardContract,
    ContractChange, CustomerAccount, NewAccount, PAGE_SIZE, account_from_row, contract_from_row,
    json,
};
use crate::storage::postgres::Postgres;

fn account(row: &Row) -> Result<CustomerAccount, StorageError> {
    account_from_row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))
}

fn contract(row: &Row) -> Result<CardContract, StorageError> {
    contract_from_row(
        row.get(0),
        row.get(1),
        row.get(2),
        row.get(3),
        row.get(4),
        row.get(5),
        row.get(6),
    )
}

/// Writes `audit`'s entry for `account_id` with the state before and after, in `transaction`
/// (the one audit writer of PostgreSQL).
pub(crate) async fn write_audit(
    transaction: &Transaction<'_>,
    audit: &Audit,
    account_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
) -> Result<(), StorageError> {
    let statement = transaction
        .prepare_cached(
            "INSERT INTO audit_log (at, actor, account_id, action, before, after) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[
                &audit.at,
                &audit.actor.as_str(),
                &account_id,
                &audit.action,
                &before,
                &after,
            ],
        )
        .await?;
    Ok(())
}

async fn exists(
    transaction: &Transaction<'_>,
    sql: &str,
    parameter: &(dyn tokio_postgres::types::ToSql + Sync),
) -> Result<bool, StorageError> {
    let statement = transaction.prepare_cached(sql).await?;
    Ok(transaction
        .query_opt(&statement, &[parameter])
        .await?
        .is_some())
}

impl Postgres {
    pub(crate) async fn officer_add(
        &self,
        person: &AccountKey,
        at: i64,
    ) -> Result<(), StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "INSERT INTO officers (account_key, created_at) VALUES ($1, $2) \
                 ON CONFLICT (account_key) DO NOTHING",
            )
            .await?;
        client.execute(&statement, &[&person.as_str(), &at]).await?;
        Ok(())
    }

    pub(crate) async fn is_officer(&self, person: &AccountKey) -> Result<bool, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached("SELECT 1 FROM officers WHERE account_key = $1")
            .await?;
        Ok(client
            .query_opt(&statement, &[&person.as_str()])
            .await?
            .is_some())
    }

    pub(crate) async fn memberships_of(
        &self,
        person: &AccountKey,
    ) -> Result<Vec<(CustomerAccount, AccountRole)>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT a.id, a.name, a.business_id, a.kind, a.county, m.role \
                 FROM memberships m JOIN customer_accounts a ON a.id = m.account_id \
                 WHERE m.account_key = $1 ORDER BY a.name, a.id",
            )
            .await?;
        client
            .query(&statement, &[&person.as_str()])
            .await?
            .iter()
            .map(|row| {
                let role: &str = row.get(5);
                let role = AccountRole::from_code(role)
                    .ok_or_else(|| StorageError::Corrupt(format!("membership role {role}")))?;
                Ok((account(row)?, role))
            })
            .collect()
    }

    pub(crate) async fn account_open(
        &self,
        audit: Audit,
        new: NewAccount,
    ) -> Result<Result<CustomerAccount, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        if exists(
            &transaction,
            "SELECT 1 FROM customer_accounts WHERE business_id = $1",
            &new.business_id.as_str(),
        )
        .await?
        {
            return Ok(Err(AdminConflict::BusinessIdTaken));
        }
        if let Some(county) = new.county
            && exists(
                &transaction,
                "SELECT 1 FROM customer_accounts WHERE county = $1",
                &county.as_str(),
            )
            .await?
        {
            return Ok(Err(AdminConflict::CountyTaken));
        }
        // Another replica may open the same organisation between the check and the insert:
        // the unique constraints keep one, and this one is told the business ID is taken.
        let statement = transaction
            .prepare_cached(
                "INSERT INTO customer_accounts (name, business_id, kind, county, created_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id",
            )
            .await?;
        let Some(row) = transaction
            .query_opt(
                &statement,
                &[
                    &new.name.as_str(),
                    &new.business_id.as_str(),
                    &new.kind.code(),
                    &new.county.map(|county| county.as_str()),
                    &audit.at,
                ],
            )
            .await?
        else {
            return Ok(Err(AdminConflict::BusinessIdTaken));
        };
        let opened = CustomerAccount {
            id: row.get(0),
            name: new.name,
            business_id: new.business_id,
            kind: new.kind,
            county: new.county,
        };
        write_audit(
            &transaction,
            &audit,
            Some(opened.id),
            None,
            Some(json(&opened)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(opened))
    }

    pub(crate) async fn account(&self, id: i64) -> Result<Option<CustomerAccount>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM customer_accounts WHERE id = $1"
            ))
            .await?;
        client
            .query_opt(&statement, &[&id])
            .await?
            .as_ref()
            .map(account)
            .transpose()
    }

    pub(crate) async fn accounts_page(
        &self,
        after: i64,
    ) -> Result<Vec<CustomerAccount>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM customer_accounts WHERE id > $1 ORDER BY id LIMIT $2"
            ))
            .await?;
        client
            .query(&statement, &[&after, &PAGE_SIZE])
            .await?
            .iter()
            .map(account)
            .collect()
    }

    pub(crate) async fn member_add(
        &self,
        audit: Audit,
        account_id: i64,
        person: &AccountKey,
        role: AccountRole,
        display_name: Option<String>,
    ) -> Result<Result<(), AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        if !exists(
            &transaction,
            "SELECT 1 FROM customer_accounts WHERE id = $1 FOR UPDATE",
            &account_id,
        )
        .await?
        {
            return Ok(Err(AdminConflict::NotFound));
        }
        let statement = transaction
            .prepare_cached(
                "SELECT role FROM memberships WHERE account_id = $1 AND account_key = $2",
            )
            .await?;
        let before: Option<String> = transaction
            .query_opt(&statement, &[&account_id, &person.as_str()])
            .await?
            .map(|row| row.get(0));
        let statement = transaction
            .prepare_cached(
                "INSERT INTO memberships (account_id, account_key, role, created_at, display_name) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (account_id, account_key) DO UPDATE SET role = excluded.role",
            )
            .await?;
        transaction
            .execute(
                &statement,
                &[
                    &account_id,
                    &person.as_str(),
                    &role.code(),
                    &audit.at,
                    &display_name,
                ],
            )
            .await?;
        let membership =
            |role: &str| json(&serde_json::json!({ "person": person.as_str(), "role": role }));
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            before.as_deref().map(membership),
            Some(membership(role.code())),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(()))
    }

    pub(crate) async fn contract_create(
        &self,
        audit: Audit,
        account_id: i64,
        kind: ContractKind,
    ) -> Result<Result<CardContract, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        if !exists(
            &transaction,
            "SELECT 1 FROM customer_accounts WHERE id = $1",
            &account_id,
        )
        .await?
        {
            return Ok(Err(AdminConflict::NotFound));
        }
        let statement = transaction
            .prepare_cached(
                "INSERT INTO card_contracts (account_id, kind, state, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $4) RETURNING id",
            )
            .await?;
        let row = transaction
            .query_one(
                &statement,
                &[
                    &account_id,
                    &kind.code(),
                    &ContractState::Draft.code(),
                    &audit.at,
                ],
            )
            .await?;
        let contract = CardContract {
            id: row.get(0),
            account_id,
            kind,
            state: ContractState::Draft,
            rejection_reason: None,
            created_at: audit.at,
            updated_at: audit.at,
        };
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            None,
            Some(json(&contract)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(contract))
    }

    pub(crate) async fn contract_change(
        &self,
        audit: Audit,
        account_id: Option<i64>,
        contract_id: i64,
        change: ContractChange,
    ) -> Result<Result<CardContract, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {CONTRACT_COLUMNS} FROM card_contracts WHERE id = $1 FOR UPDATE"
            ))
            .await?;
        let Some(before) = transaction
            .query_opt(&statement, &[&contract_id])
            .await?
            .as_ref()
            .map(contract)
            .transpose()?
            .filter(|contract| account_id.is_none_or(|id| id == contract.account_id))
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        let after = match change.apply(&before, audit.at) {
            Ok(after) => after,
            Err(conflict) => return Ok(Err(conflict)),
        };
        let statement = transaction
            .prepare_cached(
                "UPDATE card_contracts SET state = $2, rejection_reason = $3, updated_at = $4 \
                 WHERE id = $1",
            )
            .await?;
        transaction
            .execute(
                &statement,
                &[
                    &contract_id,
                    &after.state.code(),
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
        if matches!(change, ContractChange::Grant) {
            crate::storage::postgres::points::main_point(
                &transaction,
                &audit,
                before.account_id,
                before.kind,
            )
            .await?;
        }
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn contracts_of(
        &self,
        account_id: i64,
    ) -> Result<Vec<CardContract>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {CONTRACT_COLUMNS} FROM card_contracts WHERE account_id = $1 \
                 ORDER BY id DESC LIMIT $2"
            ))
            .await?;
        client
            .query(&statement, &[&account_id, &PAGE_SIZE])
            .await?
            .iter()
            .map(contract)
            .collect()
    }

    pub(crate) async fn contracts_submitted(
        &self,
        after: i64,
    ) -> Result<Vec<CardContract>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {CONTRACT_COLUMNS} FROM card_contracts WHERE state = $1 AND id > $2 \
                 ORDER BY id LIMIT $3"
            ))
            .await?;
        client
            .query(
                &statement,
                &[&ContractState::Submitted.code(), &after, &PAGE_SIZE],
            )
            .await?
            .iter()
            .map(contract)
            .collect()
    }

    pub(crate) async fn audit_page(
        &self,
        account_id: Option<i64>,
        before: i64,
    ) -> Result<Vec<AuditEntry>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT id, at, actor, account_id, action, before, after FROM audit_log \
                 WHERE ($1::bigint IS NULL OR account_id = $1) AND id < $2 \
                 ORDER BY id DESC LIMIT $3",
            )
            .await?;
        Ok(client
            .query(&statement, &[&account_id, &before, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| AuditEntry {
                id: row.get(0),
                at: row.get(1),
                actor: row.get(2),
                account_id: row.get(3),
                action: row.get(4),
                before: row.get(5),
                after: row.get(6),
            })
            .collect())
    }
}

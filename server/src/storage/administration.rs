//! The registration-point administration's data (SPEC §5), part 1: agency officers, customer
//! accounts and their members, card contracts, and the audit log. Every change writes its audit
//! entry in the same transaction as the change, so the log never misses one and never shows one
//! that did not happen. Rows are parsed with `domain` again when read. The SQLite SQL is here;
//! PostgreSQL's is in `postgres/administration.rs`.

use domain::AccountKey;
use domain::administration::{
    AccountKind, AccountRole, BusinessId, ContractKind, ContractState, OrganisationName,
    RejectionReason,
};
use domain::reference::WellbeingCountyCode;
use rusqlite::OptionalExtension;
use serde::Serialize;

pub use contract::admin::{AuditEntry, Contract as CardContract};

use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// How many rows a page of a list has at the most.
pub const PAGE_SIZE: i64 = 50;

/// A customer account as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerAccount {
    pub id: i64,
    pub name: OrganisationName,
    pub business_id: BusinessId,
    pub kind: AccountKind,
    /// The county, for a wellbeing county's account.
    pub county: Option<WellbeingCountyCode>,
}

/// What an officer gives to open an account.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub name: OrganisationName,
    pub business_id: BusinessId,
    pub kind: AccountKind,
    pub county: Option<WellbeingCountyCode>,
}

/// Why a change was not made although the database worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminConflict {
    /// Another account has this business ID.
    BusinessIdTaken,
    /// The county has an account already.
    CountyTaken,
    /// No such account, or no such contract of the account.
    NotFound,
    /// The contract's state does not allow the change.
    State(domain::administration::ContractStateError),
    /// The point order's state does not allow the decision.
    PointState(domain::administration::PointOrderStateError),
    /// No approved point has the service number.
    PointNotFound,
    /// The domain's authorisation rule refuses it.
    Refused(domain::administration::AuthorisationRefusal),
    /// The account authorises the point already.
    AlreadyAuthorised,
    /// The authorisation is revoked already.
    AlreadyRevoked,
    /// The address has a pending invitation to the account already.
    InvitationPending,
    /// No invitation has the link's token.
    InvitationUnknown,
    /// The invitation's state does not allow it (used, expired, withdrawn).
    Invitation(domain::administration::InvitationRefusal),
    /// The person is a member of the account already.
    AlreadyMember,
    /// The invitation was resent as often as the limit allows; the next resend from then
    /// (Unix seconds).
    ResendLimit(i64),
    /// The change would leave the account without an administrator.
    LastAdministrator,
    /// The domain's rule on removing a registrar refuses it (too few would remain, or
    /// removed already).
    RegistrarRemoval(domain::administration::RegistrarRemovalRefusal),
    /// The person has no active registrar rights.
    NotARegistrar,
    /// The address is the confirmed contact email already.
    ContactEmailUnchanged,
    /// No contact email waits for confirmation.
    NoPendingContactEmail,
    /// Confirmation emails were sent as often as the limit allows; the next from then (Unix
    /// seconds).
    ContactResendLimit(i64),
    /// No confirmation has the link's token.
    ConfirmationUnknown,
    /// The confirmation's state does not allow it (used, expired, replaced).
    Confirmation(domain::administration::ConfirmationRefusal),
    /// The link is another person's confirmation.
    ConfirmationOtherPerson,
}

/// Who makes an audited change, when, and what it is; the storage method adds the account and
/// the state before and after. Owned, so a SQLite write's closure takes it as it is.
#[derive(Debug, Clone)]
pub struct Audit {
    pub actor: AccountKey,
    pub at: i64,
    pub action: &'static str,
}

pub(crate) fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A stored account, checked by the domain's rules again.
pub(crate) fn account_from_row(
    id: i64,
    name: &str,
    business_id: &str,
    kind: &str,
    county: Option<&str>,
) -> Result<CustomerAccount, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("customer account {id}: {what}"));
    Ok(CustomerAccount {
        id,
        name: name.parse().map_err(|_| corrupt("name"))?,
        business_id: business_id.parse().map_err(|_| corrupt("business ID"))?,
        kind: kind.parse().map_err(|_| corrupt("kind"))?,
        county: county
            .map(str::parse)
            .transpose()
            .map_err(|_| corrupt("county"))?,
    })
}

/// A stored contract, checked by the domain's rules again.
pub(crate) fn contract_from_row(
    id: i64,
    account_id: i64,
    kind: &str,
    state: &str,
    rejection_reason: Option<&str>,
    created_at: i64,
    updated_at: i64,
) -> Result<CardContract, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("card contract {id}: {what}"));
    Ok(CardContract {
        id,
        account_id,
        kind: kind.parse().map_err(|_| corrupt("kind"))?,
        state: ContractState::from_code(state).ok_or_else(|| corrupt("state"))?,
        rejection_reason: rejection_reason
            .map(str::parse)
            .transpose()
            .map_err(|_| corrupt("rejection reason"))?,
        created_at,
        updated_at,
    })
}

/// The columns `account_from_row` and `contract_from_row` read, in order (both backends).
pub(crate) const ACCOUNT_COLUMNS: &str = "id, name, business_id, kind, county";
pub(crate) const CONTRACT_COLUMNS: &str =
    "id, account_id, kind, state, rejection_reason, created_at, updated_at";

fn sqlite_account(
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<(i64, String, String, String, Option<String>)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

/// The customer account `id`, if there is one.
pub(crate) fn sqlite_account_by_id(
    connection: &rusqlite::Connection,
    id: i64,
) -> Result<Option<CustomerAccount>, StorageError> {
    connection
        .prepare_cached(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM customer_accounts WHERE id = ?1"
        ))?
        .query_row([id], sqlite_account)
        .optional()?
        .map(|(id, name, business_id, kind, county)| {
            account_from_row(id, &name, &business_id, &kind, county.as_deref())
        })
        .transpose()
}

type ContractRow = (i64, i64, String, String, Option<String>, i64, i64);

fn sqlite_contract(row: &rusqlite::Row<'_>) -> rusqlite::Result<ContractRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn contract_of(row: ContractRow) -> Result<CardContract, StorageError> {
    contract_from_row(row.0, row.1, &row.2, &row.3, row.4.as_deref(), row.5, row.6)
}

/// Writes `audit`'s entry for `account_id` with the state before and after, in the write's
/// transaction (the one audit writer of SQLite).
pub(crate) fn sqlite_audit(
    connection: &rusqlite::Connection,
    audit: &Audit,
    account_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
) -> Result<(), StorageError> {
    connection
        .prepare_cached(
            "INSERT INTO audit_log (at, actor, account_id, action, before, after) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(rusqlite::params![
            audit.at,
            audit.actor.as_str(),
            account_id,
            audit.action,
            before,
            after
        ])?;
    Ok(())
}

fn sqlite_contract_by_id(
    connection: &rusqlite::Connection,
    id: i64,
) -> Result<Option<CardContract>, StorageError> {
    connection
        .prepare_cached(&format!(
            "SELECT {CONTRACT_COLUMNS} FROM card_contracts WHERE id = ?1"
        ))?
        .query_row([id], sqlite_contract)
        .optional()?
        .map(contract_of)
        .transpose()
}

impl Sqlite {
    pub(crate) async fn officer_add(
        &self,
        person: &AccountKey,
        at: i64,
    ) -> Result<(), StorageError> {
        let person = person.as_str().to_owned();
        self.write(move |connection| {
            connection.execute(
                "INSERT INTO officers (account_key, created_at) VALUES (?1, ?2) \
                 ON CONFLICT (account_key) DO NOTHING",
                rusqlite::params![person, at],
            )?;
            Ok(())
        })
        .await
    }

    pub(crate) async fn is_officer(&self, person: &AccountKey) -> Result<bool, StorageError> {
        let person = person.as_str().to_owned();
        self.read(move |connection| {
            Ok(connection
                .prepare_cached("SELECT 1 FROM officers WHERE account_key = ?1")?
                .exists([person])?)
        })
        .await
    }

    pub(crate) async fn memberships_of(
        &self,
        person: &AccountKey,
    ) -> Result<Vec<(CustomerAccount, AccountRole)>, StorageError> {
        let person = person.as_str().to_owned();
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(
                "SELECT a.id, a.name, a.business_id, a.kind, a.county, m.role \
                 FROM memberships m JOIN customer_accounts a ON a.id = m.account_id \
                 WHERE m.account_key = ?1 ORDER BY a.name, a.id",
            )?;
            let rows = statement
                .query_map([person], |row| {
                    Ok((sqlite_account(row)?, row.get::<_, String>(5)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|((id, name, business_id, kind, county), role)| {
                    let account =
                        account_from_row(id, &name, &business_id, &kind, county.as_deref())?;
                    let role = AccountRole::from_code(&role)
                        .ok_or_else(|| StorageError::Corrupt(format!("membership role {role}")))?;
                    Ok((account, role))
                })
                .collect()
        })
        .await
    }

    pub(crate) async fn account_open(
        &self,
        audit: Audit,
        account: NewAccount,
    ) -> Result<Result<CustomerAccount, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let taken = connection
                .prepare_cached("SELECT 1 FROM customer_accounts WHERE business_id = ?1")?
                .exists([account.business_id.as_str()])?;
            if taken {
                return Ok(Err(AdminConflict::BusinessIdTaken));
            }
            if let Some(county) = account.county {
                let taken = connection
                    .prepare_cached("SELECT 1 FROM customer_accounts WHERE county = ?1")?
                    .exists([county.as_str()])?;
                if taken {
                    return Ok(Err(AdminConflict::CountyTaken));
                }
            }
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO customer_accounts (name, business_id, kind, county, created_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        account.name.as_str(),
                        account.business_id.as_str(),
                        account.kind.code(),
                        account.county.map(|county| county.as_str()),
                        at
                    ],
                    |row| row.get(0),
                )?;
            let opened = CustomerAccount {
                id,
                name: account.name,
                business_id: account.business_id,
                kind: account.kind,
                county: account.county,
            };
            sqlite_audit(connection, &audit, Some(id), None, Some(json(&opened)))?;
            Ok(Ok(opened))
        })
        .await
    }

    pub(crate) async fn account(&self, id: i64) -> Result<Option<CustomerAccount>, StorageError> {
        self.read(move |connection| sqlite_account_by_id(connection, id))
            .await
    }

    pub(crate) async fn accounts_page(
        &self,
        after: i64,
    ) -> Result<Vec<CustomerAccount>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM customer_accounts WHERE id > ?1 ORDER BY id LIMIT ?2"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![after, PAGE_SIZE], sqlite_account)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(id, name, business_id, kind, county)| {
                    account_from_row(id, &name, &business_id, &kind, county.as_deref())
                })
                .collect()
        })
        .await
    }

    pub(crate) async fn member_add(
        &self,
        audit: Audit,
        account_id: i64,
        person: &AccountKey,
        role: AccountRole,
        display_name: Option<String>,
    ) -> Result<Result<(), AdminConflict>, StorageError> {
        let person = person.as_str().to_owned();
        let at = audit.at;
        self.write(move |connection| {
            let exists = connection
                .prepare_cached("SELECT 1 FROM customer_accounts WHERE id = ?1")?
                .exists([account_id])?;
            if !exists {
                return Ok(Err(AdminConflict::NotFound));
            }
            let before: Option<String> = connection
                .prepare_cached(
                    "SELECT role FROM memberships WHERE account_id = ?1 AND account_key = ?2",
                )?
                .query_row(rusqlite::params![account_id, person], |row| row.get(0))
                .optional()?;
            connection
                .prepare_cached(
                    "INSERT INTO memberships (account_id, account_key, role, created_at, \
                     display_name) VALUES (?1, ?2, ?3, ?4, ?5) \
                     ON CONFLICT (account_id, account_key) DO UPDATE SET role = excluded.role",
                )?
                .execute(rusqlite::params![
                    account_id,
                    person,
                    role.code(),
                    at,
                    display_name
                ])?;
            let membership =
                |role: &str| json(&serde_json::json!({ "person": person, "role": role }));
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                before.as_deref().map(membership),
                Some(membership(role.code())),
            )?;
            Ok(Ok(()))
        })
        .await
    }

    pub(crate) async fn contract_create(
        &self,
        audit: Audit,
        account_id: i64,
        kind: ContractKind,
    ) -> Result<Result<CardContract, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let exists = connection
                .prepare_cached("SELECT 1 FROM customer_accounts WHERE id = ?1")?
                .exists([account_id])?;
            if !exists {
                return Ok(Err(AdminConflict::NotFound));
            }
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO card_contracts (account_id, kind, state, created_at, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![account_id, kind.code(), ContractState::Draft.code(), at],
                    |row| row.get(0),
                )?;
            let contract = CardContract {
                id,
                account_id,
                kind,
                state: ContractState::Draft,
                rejection_reason: None,
                created_at: at,
                updated_at: at,
            };
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                None,
                Some(json(&contract)),
            )?;
            Ok(Ok(contract))
        })
        .await
    }

    /// Moves a contract on by `change` (the domain's state rule), keeping the reason given;
    /// `account_id` limits it to that account's contracts when given.
    pub(crate) async fn contract_change(
        &self,
        audit: Audit,
        account_id: Option<i64>,
        contract_id: i64,
        change: ContractChange,
    ) -> Result<Result<CardContract, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some(before) = sqlite_contract_by_id(connection, contract_id)?
                .filter(|contract| account_id.is_none_or(|id| id == contract.account_id))
            else {
                return Ok(Err(AdminConflict::NotFound));
            };
            let after = match change.apply(&before, at) {
                Ok(after) => after,
                Err(conflict) => return Ok(Err(conflict)),
            };
            connection
                .prepare_cached(
                    "UPDATE card_contracts SET state = ?2, rejection_reason = ?3, updated_at = ?4 \
                     WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    contract_id,
                    after.state.code(),
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
            if matches!(change, ContractChange::Grant) {
                crate::storage::points::sqlite_main_point(
                    connection,
                    &audit,
                    before.account_id,
                    before.kind,
                )?;
            }
            Ok(Ok(after))
        })
        .await
    }

    pub(crate) async fn contracts_of(
        &self,
        account_id: i64,
    ) -> Result<Vec<CardContract>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {CONTRACT_COLUMNS} FROM card_contracts WHERE account_id = ?1 \
                 ORDER BY id DESC LIMIT ?2"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![account_id, PAGE_SIZE], sqlite_contract)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(contract_of).collect()
        })
        .await
    }

    pub(crate) async fn contracts_submitted(
        &self,
        after: i64,
    ) -> Result<Vec<CardContract>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {CONTRACT_COLUMNS} FROM card_contracts WHERE state = ?1 AND id > ?2 \
                 ORDER BY id LIMIT ?3"
            ))?;
            let rows = statement
                .query_map(
                    rusqlite::params![ContractState::Submitted.code(), after, PAGE_SIZE],
                    sqlite_contract,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(contract_of).collect()
        })
        .await
    }

    pub(crate) async fn audit_page(
        &self,
        account_id: Option<i64>,
        before: i64,
    ) -> Result<Vec<AuditEntry>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(
                "SELECT id, at, actor, account_id, action, before, after FROM audit_log \
                 WHERE (?1 IS NULL OR account_id = ?1) AND id < ?2 ORDER BY id DESC LIMIT ?3",
            )?;
            let rows = statement
                .query_map(rusqlite::params![account_id, before, PAGE_SIZE], |row| {
                    Ok(AuditEntry {
                        id: row.get(0)?,
                        at: row.get(1)?,
                        actor: row.get(2)?,
                        account_id: row.get(3)?,
                        action: row.get(4)?,
                        before: row.get(5)?,
                        after: row.get(6)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

/// A change of a contract's state.
#[derive(Debug, Clone)]
pub enum ContractChange {
    /// The applicant submits the draft.
    Submit,
    /// The agency grants it.
    Grant,
    /// The agency rejects it, for a reason.
    Reject(RejectionReason),
}

impl ContractChange {
    /// The contract after the change, or why the domain's rule refuses it.
    pub(crate) fn apply(
        &self,
        before: &CardContract,
        at: i64,
    ) -> Result<CardContract, AdminConflict> {
        let state = match self {
            ContractChange::Submit => before.state.submit(),
            ContractChange::Grant => before.state.decide(true),
            ContractChange::Reject(_) => before.state.decide(false),
        }
        .map_err(AdminConflict::State)?;
        Ok(CardContract {
            state,
            rejection_reason: match self {
                ContractChange::Reject(reason) => Some(reason.clone()),
                _ => before.rejection_reason.clone(),
            },
            updated_at: at,
            ..before.clone()
        })
    }
}

/// The typed interface, the same on both backends.
impl Storage {
    /// Makes `person` an agency officer (nothing changes if they are one).
    pub async fn officer_add(&self, person: &AccountKey, at: i64) -> Result<(), StorageError> {
        on_backend!(self, officer_add(person, at))
    }

    /// Whether `person` is an agency officer.
    pub async fn is_officer(&self, person: &AccountKey) -> Result<bool, StorageError> {
        on_backend!(self, is_officer(person))
    }

    /// The accounts `person` belongs to, with their role in each, by name.
    pub async fn memberships_of(
        &self,
        person: &AccountKey,
    ) -> Result<Vec<(CustomerAccount, AccountRole)>, StorageError> {
        on_backend!(self, memberships_of(person))
    }

    /// Opens a customer account (an officer's change).
    pub async fn account_open(
        &self,
        audit: Audit,
        account: NewAccount,
    ) -> Result<Result<CustomerAccount, AdminConflict>, StorageError> {
        on_backend!(self, account_open(audit, account))
    }

    /// The account `id`, if there is one.
    pub async fn account(&self, id: i64) -> Result<Option<CustomerAccount>, StorageError> {
        on_backend!(self, account(id))
    }

    /// At most [`PAGE_SIZE`] accounts with an id above `after`, by id.
    pub async fn accounts_page(&self, after: i64) -> Result<Vec<CustomerAccount>, StorageError> {
        on_backend!(self, accounts_page(after))
    }

    /// Makes `person` a member of the account with `role` (or changes their role), named
    /// `display_name` when new.
    pub async fn member_add(
        &self,
        audit: Audit,
        account_id: i64,
        person: &AccountKey,
        role: AccountRole,
        display_name: Option<String>,
    ) -> Result<Result<(), AdminConflict>, StorageError> {
        on_backend!(
            self,
            member_add(audit, account_id, person, role, display_name)
        )
    }

    /// A new draft contract of the account.
    pub async fn contract_create(
        &self,
        audit: Audit,
        account_id: i64,
        kind: ContractKind,
    ) -> Result<Result<CardContract, AdminConflict>, StorageError> {
        on_backend!(self, contract_create(audit, account_id, kind))
    }

    /// Submits, grants or rejects a contract (of `account_id`'s, when given), as the domain's
    /// state rule allows.
    pub async fn contract_change(
        &self,
        audit: Audit,
        account_id: Option<i64>,
        contract_id: i64,
        change: ContractChange,
    ) -> Result<Result<CardContract, AdminConflict>, StorageError> {
        on_backend!(
            self,
            contract_change(audit, account_id, contract_id, change)
        )
    }

    /// The account's newest [`PAGE_SIZE`] contracts, newest first.
    pub async fn contracts_of(&self, account_id: i64) -> Result<Vec<CardContract>, StorageError> {
        on_backend!(self, contracts_of(account_id))
    }

    /// At most [`PAGE_SIZE`] submitted contracts (awaiting the agency) with an id above
    /// `after`, oldest first.
    pub async fn contracts_submitted(&self, after: i64) -> Result<Vec<CardContract>, StorageError> {
        on_backend!(self, contracts_submitted(after))
    }

    /// At most [`PAGE_SIZE`] audit entries with an id below `before`, newest first; of one
    /// account when given.
    pub async fn audit_page(
        &self,
        account_id: Option<i64>,
        before: i64,
    ) -> Result<Vec<AuditEntry>, StorageError> {
        on_backend!(self, audit_page(account_id, before))
    }
}

//! Users, invitations and the outbox on PostgreSQL: the same operations as the SQLite ones in
//! `storage/invitations.rs`. A change that reads before it writes locks what it read: the
//! invitation's row (`FOR UPDATE`), and for a change of memberships the account's row, so two
//! administrators demoting each other at once cannot leave the account without one. A worker
//! claims a message with `FOR UPDATE SKIP LOCKED`, so replicas never claim the same one.

use deadpool_postgres::Transaction;
use domain::administration::{
    AccountRole, DeliveryState, INVITATION_VALID_SECONDS, InvitationState, ResendWindow,
    keeps_an_administrator,
};
use domain::{AccountKey, Email, Language};
use tokio_postgres::Row;

use crate::mail::texts::InvitationMail;
use crate::storage::StorageError;
use crate::storage::administration::{
    ACCOUNT_COLUMNS, AdminConflict, Audit, CustomerAccount, PAGE_SIZE, account_from_row, json,
};
use crate::storage::invitations::{
    AccountInvitation, AccountUser, ClaimedMessage, INVITATION_COLUMNS, InvitationLookup,
    NewInvitation, OUTBOX_COLUMNS, OutboxMessage, SECRET_REMOVED, USER_COLUMNS,
    invitation_from_row, invitation_json, lookup_of, membership_json, user_from_row,
};
use crate::storage::postgres::Postgres;
use crate::storage::postgres::administration::write_audit;

fn invitation(row: &Row, now: i64) -> Result<AccountInvitation, StorageError> {
    invitation_from_row(
        row.get(0),
        row.get(1),
        row.get(2),
        row.get(3),
        row.get(4),
        row.get(5),
        row.get(6),
        row.get(7),
        now,
    )
}

fn user(row: &Row) -> Result<AccountUser, StorageError> {
    user_from_row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))
}

fn outbox(row: &Row) -> OutboxMessage {
    OutboxMessage {
        id: row.get(0),
        recipient: row.get(1),
        language: row.get(2),
        subject: row.get(3),
        body: row.get(4),
        created_at: row.get(5),
        attempts: i64::from(row.get::<_, i32>(6)),
        next_attempt_at: row.get(7),
        sent_at: row.get(8),
        last_error: row.get(9),
    }
}

/// Marks the account's pending invitations to `email` whose time has passed as expired (see the
/// SQLite version).
async fn expire_lapsed(
    transaction: &Transaction<'_>,
    account_id: i64,
    email: &str,
    now: i64,
) -> Result<(), StorageError> {
    let statement = transaction
        .prepare_cached(
            "UPDATE invitations SET state = 'expired', closed_at = $3 \
             WHERE account_id = $1 AND email = $2 AND state = 'pending' AND expires_at <= $3",
        )
        .await?;
    transaction
        .execute(&statement, &[&account_id, &email, &now])
        .await?;
    Ok(())
}

/// An invitation's email that has not left and never should now (withdrawn, or resent with a
/// new link): taken out of the outbox with its link, in the change's transaction (see the
/// SQLite version).
async fn drop_unsent(
    transaction: &Transaction<'_>,
    message: Option<i64>,
) -> Result<(), StorageError> {
    if let Some(message) = message {
        let statement = transaction
            .prepare_cached("DELETE FROM outbox WHERE id = $1 AND sent_at IS NULL")
            .await?;
        transaction.execute(&statement, &[&message]).await?;
    }
    Ok(())
}

/// The invitation's latest email.
async fn message_of(
    transaction: &Transaction<'_>,
    invitation: i64,
) -> Result<Option<i64>, StorageError> {
    let statement = transaction
        .prepare_cached("SELECT message_id FROM invitations WHERE id = $1")
        .await?;
    Ok(transaction
        .query_one(&statement, &[&invitation])
        .await?
        .get(0))
}

async fn enqueue(
    transaction: &Transaction<'_>,
    recipient: &Email,
    language: Language,
    mail: &InvitationMail,
    at: i64,
) -> Result<i64, StorageError> {
    let text = mail.text(language);
    let statement = transaction
        .prepare_cached(
            "INSERT INTO outbox (recipient, language, subject, body, secret, created_at, \
             next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .await?;
    Ok(transaction
        .query_one(
            &statement,
            &[
                &recipient.as_str(),
                &language.tag(),
                &text.subject,
                &text.body,
                &mail.link,
                &at,
            ],
        )
        .await?
        .get(0))
}

/// The account's invitation, its row locked.
async fn invitation_for_update(
    transaction: &Transaction<'_>,
    account_id: i64,
    id: i64,
    now: i64,
) -> Result<Option<(AccountInvitation, Option<i64>, i64)>, StorageError> {
    let statement = transaction
        .prepare_cached(&format!(
            "SELECT {INVITATION_COLUMNS}, i.resend_window_at, i.resends_in_window \
             FROM invitations i LEFT JOIN outbox o ON o.id = i.message_id \
             WHERE i.id = $1 AND i.account_id = $2 FOR UPDATE OF i"
        ))
        .await?;
    transaction
        .query_opt(&statement, &[&id, &account_id])
        .await?
        .map(|row| Ok((invitation(&row, now)?, row.get(8), row.get(9))))
        .transpose()
}

async fn lookup(
    transaction: &Transaction<'_>,
    token_hash: &[u8; 32],
    person: &str,
    now: i64,
    lock: bool,
) -> Result<Result<(InvitationLookup, (i64, String, String)), AdminConflict>, StorageError> {
    let statement = transaction
        .prepare_cached(if lock {
            "SELECT i.id, i.account_id, i.role, i.state, i.email, i.expires_at, i.language, \
             a.name FROM invitations i JOIN customer_accounts a ON a.id = i.account_id \
             WHERE i.token_hash = $1 FOR UPDATE OF i"
        } else {
            "SELECT i.id, i.account_id, i.role, i.state, i.email, i.expires_at, i.language, \
             a.name FROM invitations i JOIN customer_accounts a ON a.id = i.account_id \
             WHERE i.token_hash = $1"
        })
        .await?;
    let Some(row) = transaction
        .query_opt(&statement, &[&token_hash.as_slice()])
        .await?
    else {
        return Ok(Err(AdminConflict::InvitationUnknown));
    };
    let account_id: i64 = row.get(1);
    let statement = transaction
        .prepare_cached("SELECT 1 FROM memberships WHERE account_id = $1 AND account_key = $2")
        .await?;
    let member = transaction
        .query_opt(&statement, &[&account_id, &person])
        .await?
        .is_some();
    lookup_of(
        row.get(0),
        account_id,
        row.get(2),
        row.get(3),
        row.get(4),
        row.get(5),
        row.get(6),
        row.get(7),
        member,
        now,
    )
}

impl Postgres {
    pub(crate) async fn invitation_create(
        &self,
        audit: Audit,
        account_id: i64,
        new: NewInvitation,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        let now = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let email = new.email.as_str();
        expire_lapsed(&transaction, account_id, email, now).await?;
        let message = enqueue(&transaction, &new.email, new.language, &new.mail, now).await?;
        let expires_at = now + INVITATION_VALID_SECONDS;
        // The partial unique index keeps one pending invitation per address, also between
        // replicas inviting at once: the second is told the address has one.
        let statement = transaction
            .prepare_cached(
                "INSERT INTO invitations (account_id, email, language, role, token_hash, \
                 invited_by, created_at, sent_at, expires_at, state, message_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, 'pending', $9) \
                 ON CONFLICT (account_id, email) WHERE state = 'pending' DO NOTHING RETURNING id",
            )
            .await?;
        let Some(row) = transaction
            .query_opt(
                &statement,
                &[
                    &account_id,
                    &email,
                    &new.language.tag(),
                    &new.role.code(),
                    &new.token_hash.as_slice(),
                    &audit.actor.as_str(),
                    &now,
                    &expires_at,
                    &message,
                ],
            )
            .await?
        else {
            // Dropping the transaction rolls the message back.
            return Ok(Err(AdminConflict::InvitationPending));
        };
        let id: i64 = row.get(0);
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            None,
            Some(invitation_json(
                id,
                new.role,
                new.language.tag(),
                "pending",
                expires_at,
            )),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(AccountInvitation {
            id,
            email: new.email,
            language: new.language,
            role: new.role,
            sent_at: now,
            valid_until: expires_at,
            state: InvitationState::Pending,
            delivery: DeliveryState::Queued,
        }))
    }

    pub(crate) async fn invitation_resend(
        &self,
        audit: Audit,
        account_id: i64,
        invitation_id: i64,
        token_hash: [u8; 32],
        mail: InvitationMail,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        let now = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let Some((before, started_at, count)) =
            invitation_for_update(&transaction, account_id, invitation_id, now).await?
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        if let Err(refusal) = before.state.change() {
            return Ok(Err(AdminConflict::Invitation(refusal)));
        }
        let window = match (ResendWindow { started_at, count }).resend(now) {
            Ok(window) => window,
            Err(retry_at) => return Ok(Err(AdminConflict::ResendLimit(retry_at))),
        };
        // Another, newer invitation may hold the address meanwhile (a lapsed one does not).
        expire_lapsed(&transaction, account_id, before.email.as_str(), now).await?;
        let statement = transaction
            .prepare_cached(
                "SELECT 1 FROM invitations WHERE account_id = $1 AND email = $2 \
                 AND state = 'pending' AND id <> $3",
            )
            .await?;
        if transaction
            .query_opt(
                &statement,
                &[&account_id, &before.email.as_str(), &invitation_id],
            )
            .await?
            .is_some()
        {
            return Ok(Err(AdminConflict::InvitationPending));
        }
        let mail = InvitationMail {
            administrator: before.role == AccountRole::Administrator,
            ..mail
        };
        let previous = message_of(&transaction, invitation_id).await?;
        let message = enqueue(&transaction, &before.email, before.language, &mail, now).await?;
        let expires_at = now + INVITATION_VALID_SECONDS;
        let statement = transaction
            .prepare_cached(
                "UPDATE invitations SET token_hash = $2, sent_at = $3, expires_at = $4, \
                 state = 'pending', closed_at = NULL, resend_window_at = $5, \
                 resends_in_window = $6, message_id = $7 WHERE id = $1",
            )
            .await?;
        let updated = transaction
            .execute(
                &statement,
                &[
                    &invitation_id,
                    &token_hash.as_slice(),
                    &now,
                    &expires_at,
                    &window.started_at,
                    &window.count,
                    &message,
                ],
            )
            .await;
        // An expired invitation comes back as pending; another replica may have invited the
        // same address meanwhile, and the partial unique index keeps one pending: this one
        // is told so (the transaction, with its message, is rolled back).
        if let Err(error) = &updated
            && error.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION)
        {
            return Ok(Err(AdminConflict::InvitationPending));
        }
        updated?;
        drop_unsent(&transaction, previous).await?;
        let after = AccountInvitation {
            sent_at: now,
            valid_until: expires_at,
            state: InvitationState::Pending,
            delivery: DeliveryState::Queued,
            ..before.clone()
        };
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            Some(invitation_json(
                invitation_id,
                before.role,
                before.language.tag(),
                before.state.code(),
                before.valid_until,
            )),
            Some(invitation_json(
                invitation_id,
                after.role,
                after.language.tag(),
                after.state.code(),
                expires_at,
            )),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn invitation_withdraw(
        &self,
        audit: Audit,
        account_id: i64,
        invitation_id: i64,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        let now = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let Some((before, _, _)) =
            invitation_for_update(&transaction, account_id, invitation_id, now).await?
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        if let Err(refusal) = before.state.change() {
            return Ok(Err(AdminConflict::Invitation(refusal)));
        }
        let previous = message_of(&transaction, invitation_id).await?;
        let statement = transaction
            .prepare_cached(
                "UPDATE invitations SET state = 'withdrawn', closed_at = $2, \
                 message_id = CASE WHEN message_id IN \
                 (SELECT id FROM outbox WHERE sent_at IS NULL) THEN NULL ELSE message_id END \
                 WHERE id = $1",
            )
            .await?;
        transaction
            .execute(&statement, &[&invitation_id, &now])
            .await?;
        drop_unsent(&transaction, previous).await?;
        let after = AccountInvitation {
            state: InvitationState::Withdrawn,
            ..before.clone()
        };
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            Some(invitation_json(
                invitation_id,
                before.role,
                before.language.tag(),
                before.state.code(),
                before.valid_until,
            )),
            Some(invitation_json(
                invitation_id,
                after.role,
                after.language.tag(),
                after.state.code(),
                after.valid_until,
            )),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn invitation_lookup(
        &self,
        token_hash: [u8; 32],
        person: &AccountKey,
        now: i64,
    ) -> Result<Result<InvitationLookup, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        Ok(
            lookup(&transaction, &token_hash, person.as_str(), now, false)
                .await?
                .map(|(found, _)| found),
        )
    }

    pub(crate) async fn invitation_accept(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
        display_name: String,
    ) -> Result<Result<CustomerAccount, AdminConflict>, StorageError> {
        let now = audit.at;
        let person = audit.actor.as_str().to_owned();
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let (found, (invitation_id, email, language)) =
            match lookup(&transaction, &token_hash, &person, now, true).await? {
                Ok(found) => found,
                Err(conflict) => return Ok(Err(conflict)),
            };
        // Another replica may make the person a member meanwhile (another invitation of the
        // same account): the key keeps one membership, and this one is told so.
        let statement = transaction
            .prepare_cached(
                "INSERT INTO memberships (account_id, account_key, role, created_at, \
                 display_name, invited_as) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (account_id, account_key) DO NOTHING RETURNING id",
            )
            .await?;
        let Some(row) = transaction
            .query_opt(
                &statement,
                &[
                    &found.account_id,
                    &person,
                    &found.role.code(),
                    &now,
                    &display_name,
                    &email,
                ],
            )
            .await?
        else {
            return Ok(Err(AdminConflict::AlreadyMember));
        };
        let member: i64 = row.get(0);
        let statement = transaction
            .prepare_cached(
                "UPDATE invitations SET state = 'accepted', accepted_by = $2, closed_at = $3 \
                 WHERE id = $1",
            )
            .await?;
        transaction
            .execute(&statement, &[&invitation_id, &person, &now])
            .await?;
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM customer_accounts WHERE id = $1"
            ))
            .await?;
        let row = transaction
            .query_one(&statement, &[&found.account_id])
            .await?;
        let account = account_from_row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))?;
        write_audit(
            &transaction,
            &audit,
            Some(found.account_id),
            Some(invitation_json(
                invitation_id,
                found.role,
                &language,
                "pending",
                found.valid_until,
            )),
            Some(json(&serde_json::json!({
                "invitation": invitation_id,
                "state": "accepted",
                "member": member,
                "person": person,
                "role": found.role,
            }))),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(account))
    }

    pub(crate) async fn members_page(
        &self,
        account_id: i64,
        after: i64,
    ) -> Result<Vec<AccountUser>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM memberships WHERE account_id = $1 AND id > $2 \
                 ORDER BY id LIMIT $3"
            ))
            .await?;
        client
            .query(&statement, &[&account_id, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(user)
            .collect()
    }

    pub(crate) async fn invitations_page(
        &self,
        account_id: i64,
        after: i64,
        now: i64,
    ) -> Result<Vec<AccountInvitation>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {INVITATION_COLUMNS} FROM invitations i \
                 LEFT JOIN outbox o ON o.id = i.message_id \
                 WHERE i.account_id = $1 AND i.id > $2 ORDER BY i.id LIMIT $3"
            ))
            .await?;
        client
            .query(&statement, &[&account_id, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| invitation(row, now))
            .collect()
    }

    pub(crate) async fn member_change(
        &self,
        audit: Audit,
        account_id: i64,
        member: i64,
        role: Option<AccountRole>,
    ) -> Result<Result<Option<AccountUser>, AdminConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        // The account's row is the lock every change of its memberships takes first.
        let statement = transaction
            .prepare_cached("SELECT 1 FROM customer_accounts WHERE id = $1 FOR UPDATE")
            .await?;
        if transaction
            .query_opt(&statement, &[&account_id])
            .await?
            .is_none()
        {
            return Ok(Err(AdminConflict::NotFound));
        }
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT {USER_COLUMNS}, account_key FROM memberships \
                 WHERE id = $1 AND account_id = $2"
            ))
            .await?;
        let Some(row) = transaction
            .query_opt(&statement, &[&member, &account_id])
            .await?
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        let before = user(&row)?;
        let person: String = row.get(5);
        let statement = transaction
            .prepare_cached("SELECT count(*) FROM memberships WHERE account_id = $1 AND role = $2")
            .await?;
        let administrators: i64 = transaction
            .query_one(
                &statement,
                &[&account_id, &AccountRole::Administrator.code()],
            )
            .await?
            .get(0);
        let removes_administrator =
            before.role == AccountRole::Administrator && role != Some(AccountRole::Administrator);
        if !keeps_an_administrator(administrators, removes_administrator) {
            return Ok(Err(AdminConflict::LastAdministrator));
        }
        let after = match role {
            Some(role) => {
                let statement = transaction
                    .prepare_cached("UPDATE memberships SET role = $2 WHERE id = $1")
                    .await?;
                transaction
                    .execute(&statement, &[&member, &role.code()])
                    .await?;
                Some(AccountUser {
                    role,
                    ..before.clone()
                })
            }
            None => {
                let statement = transaction
                    .prepare_cached("DELETE FROM memberships WHERE id = $1")
                    .await?;
                transaction.execute(&statement, &[&member]).await?;
                None
            }
        };
        write_audit(
            &transaction,
            &audit,
            Some(account_id),
            Some(membership_json(&before, &person)),
            after.as_ref().map(|after| membership_json(after, &person)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn outbox_claim(
        &self,
        worker: &str,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<ClaimedMessage>, StorageError> {
        let client = self.pool.get().await?;
        // One statement: the inner SELECT locks the row it picks and skips rows another
        // replica's claim has locked, and the UPDATE claims it before anything is sent.
        let statement = client
            .prepare_cached(
                "UPDATE outbox SET claimed_by = $1, claimed_until = $2 + $3, \
                 attempts = attempts + 1 \
                 WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL \
                   AND next_attempt_at <= $2 \
                   AND (claimed_until IS NULL OR claimed_until <= $2) \
                   ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, recipient, subject, body, attempts",
            )
            .await?;
        Ok(client
            .query_opt(&statement, &[&worker, &now, &lease_seconds])
            .await?
            .map(|row| ClaimedMessage {
                id: row.get(0),
                recipient: row.get(1),
                subject: row.get(2),
                body: row.get(3),
                attempts: i64::from(row.get::<_, i32>(4)),
            }))
    }

    pub(crate) async fn outbox_sent(
        &self,
        id: i64,
        worker: &str,
        now: i64,
    ) -> Result<bool, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "UPDATE outbox SET sent_at = $3, claimed_by = NULL, claimed_until = NULL, \
                 last_error = NULL, body = replace(body, coalesce(secret, ''), $4), \
                 secret = NULL WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL",
            )
            .await?;
        Ok(client
            .execute(&statement, &[&id, &worker, &now, &SECRET_REMOVED])
            .await?
            == 1)
    }

    pub(crate) async fn outbox_failed(
        &self,
        id: i64,
        worker: &str,
        next_attempt_at: i64,
        error: String,
    ) -> Result<bool, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "UPDATE outbox SET next_attempt_at = $3, last_error = $4, claimed_by = NULL, \
                 claimed_until = NULL WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL",
            )
            .await?;
        Ok(client
            .execute(&statement, &[&id, &worker, &next_attempt_at, &error])
            .await?
            == 1)
    }

    pub(crate) async fn outbox_page(
        &self,
        before: i64,
    ) -> Result<Vec<OutboxMessage>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id < $1 ORDER BY id DESC LIMIT $2"
            ))
            .await?;
        Ok(client
            .query(&statement, &[&before, &PAGE_SIZE])
            .await?
            .iter()
            .map(outbox)
            .collect())
    }
}

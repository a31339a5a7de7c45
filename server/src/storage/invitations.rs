//! Users and invitations of a customer account, and the outbox of email (SPEC §5 "Users and
//! invitations", "Email"). An invitation and its email are written in one transaction with
//! the audit entry, so an invitation is never without its message and a message never without
//! its invitation. The link's token is stored only as its SHA-256. The SQLite SQL is here;
//! PostgreSQL's is in `postgres/invitations.rs`.

use domain::administration::{
    AccountRole, DeliveryState, INVITATION_VALID_SECONDS, InvitationState, ResendWindow,
    keeps_an_administrator,
};
use domain::{AccountKey, Email, Language};
use rusqlite::OptionalExtension;

pub use contract::admin::{AccountInvitation, AccountUser, InvitationLookup};

use crate::mail::texts::InvitationMail;
use crate::storage::administration::{
    AdminConflict, Audit, CustomerAccount, PAGE_SIZE, json, sqlite_account_by_id, sqlite_audit,
};
use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// A new invitation: to whom, in which language, as what, and the hash of its link's token.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub email: Email,
    pub language: Language,
    pub role: AccountRole,
    /// SHA-256 of the link's token.
    pub token_hash: [u8; 32],
    /// What the email says (its text is made in `language`).
    pub mail: InvitationMail,
}

/// A message of the outbox, as the development page and the tests read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: i64,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub last_error: Option<String>,
}

/// A message a worker has claimed: it alone sends it until its lease ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedMessage {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// The columns `invitation_from_row` reads, in order (both backends; `i` the invitation, `o`
/// its latest message).
pub(crate) const INVITATION_COLUMNS: &str = "i.id, i.email, i.language, i.role, i.sent_at, \
     i.expires_at, i.state, o.sent_at";

/// The columns `user_from_row` reads, in order.
pub(crate) const USER_COLUMNS: &str = "id, display_name, invited_as, role, created_at";

/// The columns `outbox_from_row` reads, in order.
pub(crate) const OUTBOX_COLUMNS: &str = "id, recipient, language, subject, body, created_at, \
     attempts, next_attempt_at, sent_at, last_error";

#[allow(clippy::too_many_arguments)]
pub(crate) fn invitation_from_row(
    id: i64,
    email: &str,
    language: &str,
    role: &str,
    sent_at: i64,
    expires_at: i64,
    state: &str,
    message_sent_at: Option<i64>,
    now: i64,
) -> Result<AccountInvitation, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("invitation {id}: {what}"));
    Ok(AccountInvitation {
        id,
        email: email.parse().map_err(|_| corrupt("email"))?,
        language: language.parse().map_err(|_| corrupt("language"))?,
        role: AccountRole::from_code(role).ok_or_else(|| corrupt("role"))?,
        sent_at,
        valid_until: expires_at,
        state: InvitationState::from_code(state)
            .ok_or_else(|| corrupt("state"))?
            .at(expires_at, now),
        delivery: if message_sent_at.is_some() {
            DeliveryState::Sent
        } else {
            DeliveryState::Queued
        },
    })
}

pub(crate) fn user_from_row(
    id: i64,
    display_name: Option<String>,
    invited_as: Option<&str>,
    role: &str,
    since: i64,
) -> Result<AccountUser, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("membership {id}: {what}"));
    Ok(AccountUser {
        id,
        display_name,
        invited_as: invited_as
            .map(str::parse)
            .transpose()
            .map_err(|_| corrupt("invited_as"))?,
        role: AccountRole::from_code(role).ok_or_else(|| corrupt("role"))?,
        since,
    })
}

/// The audit's record of a membership: which, whose, as what.
pub(crate) fn membership_json(user: &AccountUser, person: &str) -> String {
    json(&serde_json::json!({ "member": user.id, "person": person, "role": user.role }))
}

/// The audit's record of an invitation. Not its address: the log outlives the invitation and
/// names the invitation by id; the address is in the invitation's own row.
pub(crate) fn invitation_json(
    id: i64,
    role: AccountRole,
    language: &str,
    state: &str,
    expires_at: i64,
) -> String {
    json(&serde_json::json!({
        "invitation": id,
        "role": role,
        "language": language,
        "state": state,
        "valid_until": expires_at,
    }))
}

/// What a sent message's body says where its secret (an invitation's link) was.
pub const SECRET_REMOVED: &str = "[link removed once sent]";

/// When a message that failed `attempts` times is tried again: 5 s, 30 s, 2 min, 10 min, then
/// every 10 min. Never given up: a message is never dropped.
pub fn backoff_seconds(attempts: i64) -> i64 {
    match attempts {
        ..=1 => 5,
        2 => 30,
        3 => 120,
        _ => 600,
    }
}

type InvitationRow = (i64, String, String, String, i64, i64, String, Option<i64>);

fn sqlite_invitation(row: &rusqlite::Row<'_>) -> rusqlite::Result<InvitationRow> {
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
}

fn invitation_of(row: InvitationRow, now: i64) -> Result<AccountInvitation, StorageError> {
    invitation_from_row(
        row.0, &row.1, &row.2, &row.3, row.4, row.5, &row.6, row.7, now,
    )
}

type UserRow = (i64, Option<String>, Option<String>, String, i64);

fn sqlite_user(row: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn user_of(row: UserRow) -> Result<AccountUser, StorageError> {
    user_from_row(row.0, row.1, row.2.as_deref(), &row.3, row.4)
}

fn sqlite_outbox(row: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxMessage> {
    Ok(OutboxMessage {
        id: row.get(0)?,
        recipient: row.get(1)?,
        language: row.get(2)?,
        subject: row.get(3)?,
        body: row.get(4)?,
        created_at: row.get(5)?,
        attempts: row.get(6)?,
        next_attempt_at: row.get(7)?,
        sent_at: row.get(8)?,
        last_error: row.get(9)?,
    })
}

/// Marks the account's pending invitations to `email` whose time has passed as expired: a
/// lapsed invitation no longer holds the address (for a new invitation, or a resent older one).
fn sqlite_expire_lapsed(
    connection: &rusqlite::Connection,
    account_id: i64,
    email: &str,
    now: i64,
) -> rusqlite::Result<()> {
    connection
        .prepare_cached(
            "UPDATE invitations SET state = 'expired', closed_at = ?3 \
             WHERE account_id = ?1 AND email = ?2 AND state = 'pending' AND expires_at <= ?3",
        )?
        .execute(rusqlite::params![account_id, email, now])?;
    Ok(())
}

/// An invitation's email that has not left and never should now (the invitation was withdrawn,
/// or resent with a new link): taken out of the outbox, with its link, in the transaction of
/// the change. One the worker is handing to the SMTP server at this moment may still leave; its
/// link is dead by then.
fn sqlite_drop_unsent(
    connection: &rusqlite::Connection,
    message: Option<i64>,
) -> rusqlite::Result<()> {
    if let Some(message) = message {
        connection
            .prepare_cached("DELETE FROM outbox WHERE id = ?1 AND sent_at IS NULL")?
            .execute([message])?;
    }
    Ok(())
}

/// The invitation's latest email.
fn sqlite_message_of(
    connection: &rusqlite::Connection,
    invitation: i64,
) -> rusqlite::Result<Option<i64>> {
    connection
        .prepare_cached("SELECT message_id FROM invitations WHERE id = ?1")?
        .query_row([invitation], |row| row.get(0))
}

/// Writes a message to the outbox in the caller's transaction; its id.
fn sqlite_enqueue(
    connection: &rusqlite::Connection,
    recipient: &Email,
    language: Language,
    mail: &InvitationMail,
    at: i64,
) -> Result<i64, StorageError> {
    let text = mail.text(language);
    Ok(connection
        .prepare_cached(
            "INSERT INTO outbox (recipient, language, subject, body, secret, created_at, \
             next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
        )?
        .query_row(
            rusqlite::params![
                recipient.as_str(),
                language.tag(),
                text.subject,
                text.body,
                mail.link,
                at
            ],
            |row| row.get(0),
        )?)
}

fn sqlite_invitation_by_id(
    connection: &rusqlite::Connection,
    account_id: i64,
    id: i64,
    now: i64,
) -> Result<Option<AccountInvitation>, StorageError> {
    connection
        .prepare_cached(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations i \
             LEFT JOIN outbox o ON o.id = i.message_id WHERE i.id = ?1 AND i.account_id = ?2"
        ))?
        .query_row([id, account_id], sqlite_invitation)
        .optional()?
        .map(|row| invitation_of(row, now))
        .transpose()
}

/// The account's membership `member` and whose it is.
fn sqlite_member(
    connection: &rusqlite::Connection,
    account_id: i64,
    member: i64,
) -> Result<Option<(AccountUser, String)>, StorageError> {
    connection
        .prepare_cached(&format!(
            "SELECT {USER_COLUMNS}, account_key FROM memberships WHERE id = ?1 AND account_id = ?2"
        ))?
        .query_row([member, account_id], |row| {
            Ok((sqlite_user(row)?, row.get::<_, String>(5)?))
        })
        .optional()?
        .map(|(row, person)| Ok((user_of(row)?, person)))
        .transpose()
}

fn sqlite_administrators(
    connection: &rusqlite::Connection,
    account_id: i64,
) -> Result<i64, StorageError> {
    Ok(connection
        .prepare_cached("SELECT count(*) FROM memberships WHERE account_id = ?1 AND role = ?2")?
        .query_row(
            rusqlite::params![account_id, AccountRole::Administrator.code()],
            |row| row.get(0),
        )?)
}

impl Sqlite {
    pub(crate) async fn invitation_create(
        &self,
        audit: Audit,
        account_id: i64,
        invitation: NewInvitation,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        let now = audit.at;
        self.write(move |connection| {
            let email = invitation.email.as_str();
            sqlite_expire_lapsed(connection, account_id, email, now)?;
            let pending = connection
                .prepare_cached(
                    "SELECT 1 FROM invitations WHERE account_id = ?1 AND email = ?2 \
                     AND state = 'pending'",
                )?
                .exists(rusqlite::params![account_id, email])?;
            if pending {
                return Ok(Err(AdminConflict::InvitationPending));
            }
            let message = sqlite_enqueue(
                connection,
                &invitation.email,
                invitation.language,
                &invitation.mail,
                now,
            )?;
            let expires_at = now + INVITATION_VALID_SECONDS;
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO invitations (account_id, email, language, role, token_hash, \
                     invited_by, created_at, sent_at, expires_at, state, message_id) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, 'pending', ?9) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        account_id,
                        email,
                        invitation.language.tag(),
                        invitation.role.code(),
                        invitation.token_hash.as_slice(),
                        audit.actor.as_str(),
                        now,
                        expires_at,
                        message
                    ],
                    |row| row.get(0),
                )?;
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                None,
                Some(invitation_json(
                    id,
                    invitation.role,
                    invitation.language.tag(),
                    "pending",
                    expires_at,
                )),
            )?;
            Ok(Ok(AccountInvitation {
                id,
                email: invitation.email,
                language: invitation.language,
                role: invitation.role,
                sent_at: now,
                valid_until: expires_at,
                state: InvitationState::Pending,
                delivery: DeliveryState::Queued,
            }))
        })
        .await
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
        self.write(move |connection| {
            let Some(before) = sqlite_invitation_by_id(connection, account_id, invitation_id, now)?
            else {
                return Ok(Err(AdminConflict::NotFound));
            };
            if let Err(refusal) = before.state.change() {
                return Ok(Err(AdminConflict::Invitation(refusal)));
            }
            let (started_at, count): (Option<i64>, i64) = connection
                .prepare_cached(
                    "SELECT resend_window_at, resends_in_window FROM invitations WHERE id = ?1",
                )?
                .query_row([invitation_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
            let window = match (ResendWindow { started_at, count }).resend(now) {
                Ok(window) => window,
                Err(retry_at) => return Ok(Err(AdminConflict::ResendLimit(retry_at))),
            };
            // An expired invitation comes back to life: unless another, newer one holds the
            // address meanwhile (a lapsed one does not).
            sqlite_expire_lapsed(connection, account_id, before.email.as_str(), now)?;
            let other_pending = connection
                .prepare_cached(
                    "SELECT 1 FROM invitations WHERE account_id = ?1 AND email = ?2 \
                     AND state = 'pending' AND id <> ?3",
                )?
                .exists(rusqlite::params![
                    account_id,
                    before.email.as_str(),
                    invitation_id
                ])?;
            if other_pending {
                return Ok(Err(AdminConflict::InvitationPending));
            }
            let mail = InvitationMail {
                administrator: before.role == AccountRole::Administrator,
                ..mail
            };
            let previous = sqlite_message_of(connection, invitation_id)?;
            let message = sqlite_enqueue(connection, &before.email, before.language, &mail, now)?;
            let expires_at = now + INVITATION_VALID_SECONDS;
            connection
                .prepare_cached(
                    "UPDATE invitations SET token_hash = ?2, sent_at = ?3, expires_at = ?4, \
                     state = 'pending', closed_at = NULL, resend_window_at = ?5, \
                     resends_in_window = ?6, message_id = ?7 WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    invitation_id,
                    token_hash.as_slice(),
                    now,
                    expires_at,
                    window.started_at,
                    window.count,
                    message
                ])?;
            sqlite_drop_unsent(connection, previous)?;
            let after = AccountInvitation {
                sent_at: now,
                valid_until: expires_at,
                state: InvitationState::Pending,
                delivery: DeliveryState::Queued,
                ..before.clone()
            };
            sqlite_audit(
                connection,
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
            )?;
            Ok(Ok(after))
        })
        .await
    }

    pub(crate) async fn invitation_withdraw(
        &self,
        audit: Audit,
        account_id: i64,
        invitation_id: i64,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        let now = audit.at;
        self.write(move |connection| {
            let Some(before) = sqlite_invitation_by_id(connection, account_id, invitation_id, now)?
            else {
                return Ok(Err(AdminConflict::NotFound));
            };
            if let Err(refusal) = before.state.change() {
                return Ok(Err(AdminConflict::Invitation(refusal)));
            }
            let previous = sqlite_message_of(connection, invitation_id)?;
            connection
                .prepare_cached(
                    "UPDATE invitations SET state = 'withdrawn', closed_at = ?2, \
                     message_id = CASE WHEN message_id IN \
                     (SELECT id FROM outbox WHERE sent_at IS NULL) THEN NULL ELSE message_id END \
                     WHERE id = ?1",
                )?
                .execute([invitation_id, now])?;
            sqlite_drop_unsent(connection, previous)?;
            let after = AccountInvitation {
                state: InvitationState::Withdrawn,
                ..before.clone()
            };
            sqlite_audit(
                connection,
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
            )?;
            Ok(Ok(after))
        })
        .await
    }

    pub(crate) async fn invitation_lookup(
        &self,
        token_hash: [u8; 32],
        person: &AccountKey,
        now: i64,
    ) -> Result<Result<InvitationLookup, AdminConflict>, StorageError> {
        let person = person.as_str().to_owned();
        self.read(move |connection| {
            sqlite_lookup(connection, &token_hash, &person, now)
                .map(|found| found.map(|(lookup, _)| lookup))
        })
        .await
    }

    pub(crate) async fn invitation_accept(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
        display_name: String,
    ) -> Result<Result<CustomerAccount, AdminConflict>, StorageError> {
        let now = audit.at;
        let person = audit.actor.as_str().to_owned();
        self.write(move |connection| {
            let (lookup, (invitation_id, email, language)) =
                match sqlite_lookup(connection, &token_hash, &person, now)? {
                    Ok(found) => found,
                    Err(conflict) => return Ok(Err(conflict)),
                };
            let member: i64 = connection
                .prepare_cached(
                    "INSERT INTO memberships (account_id, account_key, role, created_at, \
                     display_name, invited_as) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        lookup.account_id,
                        person,
                        lookup.role.code(),
                        now,
                        display_name,
                        email
                    ],
                    |row| row.get(0),
                )?;
            connection
                .prepare_cached(
                    "UPDATE invitations SET state = 'accepted', accepted_by = ?2, closed_at = ?3 \
                     WHERE id = ?1",
                )?
                .execute(rusqlite::params![invitation_id, person, now])?;
            // The invitation's account exists: it is referenced by the invitation.
            let account = sqlite_account_by_id(connection, lookup.account_id)?
                .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            sqlite_audit(
                connection,
                &audit,
                Some(lookup.account_id),
                Some(invitation_json(
                    invitation_id,
                    lookup.role,
                    &language,
                    "pending",
                    lookup.valid_until,
                )),
                Some(json(&serde_json::json!({
                    "invitation": invitation_id,
                    "state": "accepted",
                    "member": member,
                    "person": person,
                    "role": lookup.role,
                }))),
            )?;
            Ok(Ok(account))
        })
        .await
    }

    pub(crate) async fn members_page(
        &self,
        account_id: i64,
        after: i64,
    ) -> Result<Vec<AccountUser>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM memberships WHERE account_id = ?1 AND id > ?2 \
                 ORDER BY id LIMIT ?3"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![account_id, after, PAGE_SIZE], sqlite_user)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(user_of).collect()
        })
        .await
    }

    pub(crate) async fn invitations_page(
        &self,
        account_id: i64,
        after: i64,
        now: i64,
    ) -> Result<Vec<AccountInvitation>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {INVITATION_COLUMNS} FROM invitations i \
                 LEFT JOIN outbox o ON o.id = i.message_id \
                 WHERE i.account_id = ?1 AND i.id > ?2 ORDER BY i.id LIMIT ?3"
            ))?;
            let rows = statement
                .query_map(
                    rusqlite::params![account_id, after, PAGE_SIZE],
                    sqlite_invitation,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|row| invitation_of(row, now))
                .collect()
        })
        .await
    }

    pub(crate) async fn member_change(
        &self,
        audit: Audit,
        account_id: i64,
        member: i64,
        role: Option<AccountRole>,
    ) -> Result<Result<Option<AccountUser>, AdminConflict>, StorageError> {
        self.write(move |connection| {
            let Some((before, person)) = sqlite_member(connection, account_id, member)? else {
                return Ok(Err(AdminConflict::NotFound));
            };
            let removes_administrator = before.role == AccountRole::Administrator
                && role != Some(AccountRole::Administrator);
            if !keeps_an_administrator(
                sqlite_administrators(connection, account_id)?,
                removes_administrator,
            ) {
                return Ok(Err(AdminConflict::LastAdministrator));
            }
            let after = match role {
                Some(role) => {
                    connection
                        .prepare_cached("UPDATE memberships SET role = ?2 WHERE id = ?1")?
                        .execute(rusqlite::params![member, role.code()])?;
                    Some(AccountUser {
                        role,
                        ..before.clone()
                    })
                }
                None => {
                    connection
                        .prepare_cached("DELETE FROM memberships WHERE id = ?1")?
                        .execute([member])?;
                    None
                }
            };
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                Some(membership_json(&before, &person)),
                after.as_ref().map(|after| membership_json(after, &person)),
            )?;
            Ok(Ok(after))
        })
        .await
    }

    pub(crate) async fn outbox_claim(
        &self,
        worker: &str,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<ClaimedMessage>, StorageError> {
        let worker = worker.to_owned();
        // The single writer runs one write at a time, so the one statement both picks and
        // claims: no other claimer can come between.
        self.write(move |connection| {
            Ok(connection
                .prepare_cached(
                    "UPDATE outbox SET claimed_by = ?1, claimed_until = ?2 + ?3, \
                     attempts = attempts + 1 \
                     WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL \
                       AND next_attempt_at <= ?2 \
                       AND (claimed_until IS NULL OR claimed_until <= ?2) \
                       ORDER BY next_attempt_at, id LIMIT 1) \
                     RETURNING id, recipient, subject, body, attempts",
                )?
                .query_row(rusqlite::params![worker, now, lease_seconds], |row| {
                    Ok(ClaimedMessage {
                        id: row.get(0)?,
                        recipient: row.get(1)?,
                        subject: row.get(2)?,
                        body: row.get(3)?,
                        attempts: row.get(4)?,
                    })
                })
                .optional()?)
        })
        .await
    }

    pub(crate) async fn outbox_sent(
        &self,
        id: i64,
        worker: &str,
        now: i64,
    ) -> Result<bool, StorageError> {
        let worker = worker.to_owned();
        self.write(move |connection| {
            Ok(connection
                .prepare_cached(
                    "UPDATE outbox SET sent_at = ?3, claimed_by = NULL, claimed_until = NULL, \
                     last_error = NULL, body = replace(body, coalesce(secret, ''), ?4), \
                     secret = NULL WHERE id = ?1 AND claimed_by = ?2 AND sent_at IS NULL",
                )?
                .execute(rusqlite::params![id, worker, now, SECRET_REMOVED])?
                == 1)
        })
        .await
    }

    pub(crate) async fn outbox_failed(
        &self,
        id: i64,
        worker: &str,
        next_attempt_at: i64,
        error: String,
    ) -> Result<bool, StorageError> {
        let worker = worker.to_owned();
        self.write(move |connection| {
            Ok(connection
                .prepare_cached(
                    "UPDATE outbox SET next_attempt_at = ?3, last_error = ?4, claimed_by = NULL, \
                     claimed_until = NULL WHERE id = ?1 AND claimed_by = ?2 AND sent_at IS NULL",
                )?
                .execute(rusqlite::params![id, worker, next_attempt_at, error])?
                == 1)
        })
        .await
    }

    pub(crate) async fn outbox_page(
        &self,
        before: i64,
    ) -> Result<Vec<OutboxMessage>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id < ?1 ORDER BY id DESC LIMIT ?2"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![before, PAGE_SIZE], sqlite_outbox)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

/// The invitation of `token_hash` as `person` would accept it at `now`, with its id, address
/// and language; or why it cannot be.
#[allow(clippy::type_complexity)]
fn sqlite_lookup(
    connection: &rusqlite::Connection,
    token_hash: &[u8; 32],
    person: &str,
    now: i64,
) -> Result<Result<(InvitationLookup, (i64, String, String)), AdminConflict>, StorageError> {
    let found: Option<(i64, i64, String, String, String, i64, String, String)> = connection
        .prepare_cached(
            "SELECT i.id, i.account_id, i.role, i.state, i.email, i.expires_at, i.language, \
             a.name FROM invitations i JOIN customer_accounts a ON a.id = i.account_id \
             WHERE i.token_hash = ?1",
        )?
        .query_row([token_hash.as_slice()], |row| {
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
        })
        .optional()?;
    let Some((id, account_id, role, state, email, expires_at, language, name)) = found else {
        return Ok(Err(AdminConflict::InvitationUnknown));
    };
    let member = connection
        .prepare_cached("SELECT 1 FROM memberships WHERE account_id = ?1 AND account_key = ?2")?
        .exists(rusqlite::params![account_id, person])?;
    lookup_of(
        id, account_id, &role, &state, email, expires_at, language, &name, member, now,
    )
}

/// The verdict of a look-up from the invitation's row (both backends): its state's rule first,
/// then whether the person is a member already.
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub(crate) fn lookup_of(
    id: i64,
    account_id: i64,
    role: &str,
    state: &str,
    email: String,
    expires_at: i64,
    language: String,
    name: &str,
    member: bool,
    now: i64,
) -> Result<Result<(InvitationLookup, (i64, String, String)), AdminConflict>, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("invitation {id}: {what}"));
    let state = InvitationState::from_code(state).ok_or_else(|| corrupt("state"))?;
    if let Err(refusal) = state.at(expires_at, now).accept() {
        return Ok(Err(AdminConflict::Invitation(refusal)));
    }
    if member {
        return Ok(Err(AdminConflict::AlreadyMember));
    }
    Ok(Ok((
        InvitationLookup {
            account_id,
            account_name: name.parse().map_err(|_| corrupt("account name"))?,
            role: AccountRole::from_code(role).ok_or_else(|| corrupt("role"))?,
            valid_until: expires_at,
        },
        (id, email, language),
    )))
}

/// The typed interface, the same on both backends.
impl Storage {
    /// Invites `invitation.email` to the account: the invitation, its email in the outbox and
    /// the audit entry in one transaction. Refused while the address has a pending invitation
    /// to the account.
    pub async fn invitation_create(
        &self,
        audit: Audit,
        account_id: i64,
        invitation: NewInvitation,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        on_backend!(self, invitation_create(audit, account_id, invitation))
    }

    /// A new link (`token_hash`) and seven days for the account's invitation, and a new email;
    /// the old link is dead. Within the resend limit only.
    pub async fn invitation_resend(
        &self,
        audit: Audit,
        account_id: i64,
        invitation_id: i64,
        token_hash: [u8; 32],
        mail: InvitationMail,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        on_backend!(
            self,
            invitation_resend(audit, account_id, invitation_id, token_hash, mail)
        )
    }

    /// Withdraws the account's pending (or expired) invitation.
    pub async fn invitation_withdraw(
        &self,
        audit: Audit,
        account_id: i64,
        invitation_id: i64,
    ) -> Result<Result<AccountInvitation, AdminConflict>, StorageError> {
        on_backend!(self, invitation_withdraw(audit, account_id, invitation_id))
    }

    /// What the link of `token_hash` would give `person` at `now`, or why it cannot.
    pub async fn invitation_lookup(
        &self,
        token_hash: [u8; 32],
        person: &AccountKey,
        now: i64,
    ) -> Result<Result<InvitationLookup, AdminConflict>, StorageError> {
        on_backend!(self, invitation_lookup(token_hash, person, now))
    }

    /// The audit's actor accepts the invitation of `token_hash`: a member of its account with
    /// its role, named `display_name`; the invitation is used.
    pub async fn invitation_accept(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
        display_name: String,
    ) -> Result<Result<CustomerAccount, AdminConflict>, StorageError> {
        on_backend!(self, invitation_accept(audit, token_hash, display_name))
    }

    /// At most [`PAGE_SIZE`] members of the account with an id above `after`, by id.
    pub async fn members_page(
        &self,
        account_id: i64,
        after: i64,
    ) -> Result<Vec<AccountUser>, StorageError> {
        on_backend!(self, members_page(account_id, after))
    }

    /// At most [`PAGE_SIZE`] invitations of the account with an id above `after`, by id, their
    /// states as at `now`.
    pub async fn invitations_page(
        &self,
        account_id: i64,
        after: i64,
        now: i64,
    ) -> Result<Vec<AccountInvitation>, StorageError> {
        on_backend!(self, invitations_page(account_id, after, now))
    }

    /// Changes the member's role (`Some`) or removes the member (`None`); refused when it would
    /// leave the account without an administrator. The member after the change.
    pub async fn member_change(
        &self,
        audit: Audit,
        account_id: i64,
        member: i64,
        role: Option<AccountRole>,
    ) -> Result<Result<Option<AccountUser>, AdminConflict>, StorageError> {
        on_backend!(self, member_change(audit, account_id, member, role))
    }

    /// Claims one due message for `worker` until `now + lease_seconds`, counting the attempt;
    /// none when nothing is due. A claimed message is no other worker's until its lease ends.
    pub async fn outbox_claim(
        &self,
        worker: &str,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<ClaimedMessage>, StorageError> {
        on_backend!(self, outbox_claim(worker, now, lease_seconds))
    }

    /// Marks `worker`'s claimed message sent; false if it is not theirs any more.
    pub async fn outbox_sent(&self, id: i64, worker: &str, now: i64) -> Result<bool, StorageError> {
        on_backend!(self, outbox_sent(id, worker, now))
    }

    /// Releases `worker`'s claimed message after a failed attempt, to be tried again at
    /// `next_attempt_at`, with the error.
    pub async fn outbox_failed(
        &self,
        id: i64,
        worker: &str,
        next_attempt_at: i64,
        error: String,
    ) -> Result<bool, StorageError> {
        on_backend!(self, outbox_failed(id, worker, next_attempt_at, error))
    }

    /// At most [`PAGE_SIZE`] messages with an id below `before`, newest first.
    pub async fn outbox_page(&self, before: i64) -> Result<Vec<OutboxMessage>, StorageError> {
        on_backend!(self, outbox_page(before))
    }
}

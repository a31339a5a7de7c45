//! Registrars at a point (the list, removing one's rights, closing the point), a registrar's
//! contact email with its confirmation link, and the agency's notices to every registrar
//! (SPEC §5, part 2). Every change writes its audit entry, and its email to the outbox, in the
//! same transaction. The count of a point's registrars that a removal checks is read inside
//! the removal's transaction: SQLite's single writer serialises it with every other write;
//! PostgreSQL's locks the point's row first (`postgres/registrar_contacts.rs`). The SQLite SQL
//! is here.

use std::collections::BTreeMap;

use domain::administration::{
    CONTACT_CONFIRMATION_VALID_SECONDS, CONTACT_EMAILS_PER_WINDOW, ConfirmationState, ContactEmail,
    DeliveryState, Notice, RegistrarRemovalRefusal, ResendWindow, may_remove_registrar,
};
use domain::{AccountKey, Email, Language};
use rusqlite::OptionalExtension;

pub use contract::admin::{
    NoticeDetail, NoticeSummary, PendingContactEmail, PointClosure, PointRegistrar,
    RegistrarContact, UnreachedRegistrar,
};

use crate::mail::texts::{ConfirmationMail, NoticeMail, Text};
use crate::storage::administration::{AdminConflict, Audit, PAGE_SIZE, json, sqlite_audit};
use crate::storage::points::{POINT_COLUMNS, PointRow, RegistrationPoint};
use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// A registrar's name as shown: the display name of their membership of an account, the
/// point's county's first (`r` the registrar row, `p` its point).
pub(crate) const REGISTRAR_NAME: &str = "(SELECT m.display_name FROM memberships m \
     WHERE m.account_key = r.account_key AND m.display_name IS NOT NULL \
     ORDER BY CASE WHEN m.account_id = p.account_id THEN 0 ELSE 1 END, m.id LIMIT 1)";

/// The columns of a notice with its delivery counts, of `notices n LEFT JOIN outbox o ON
/// o.notice_id = n.id` grouped by `n.id`: one statement for a page of notices.
pub(crate) const NOTICE_COLUMNS: &str = "n.id, n.subject, n.body, n.created_at, n.registrars, \
     n.not_reached, COUNT(o.id), COUNT(o.sent_at), \
     COALESCE(SUM(CASE WHEN o.id IS NOT NULL AND o.sent_at IS NULL AND o.last_error IS NULL \
     THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN o.id IS NOT NULL AND o.sent_at IS NULL AND o.last_error IS NOT NULL \
     THEN 1 ELSE 0 END), 0)";

/// A notice as stored with its counts: id, subject, body, created_at, registrars, not_reached,
/// messages, sent, queued, retrying.
pub(crate) type NoticeRow = (i64, String, String, i64, i64, i64, i64, i64, i64, i64);

pub(crate) fn notice_of(row: NoticeRow) -> Result<NoticeSummary, StorageError> {
    let (
        id,
        subject,
        body,
        created_at,
        registrars,
        not_reached,
        recipients,
        sent,
        queued,
        retrying,
    ) = row;
    let corrupt = |what: &str| StorageError::Corrupt(format!("notice {id}: {what}"));
    Ok(NoticeSummary {
        id,
        subject: subject.parse().map_err(|_| corrupt("subject"))?,
        body: body.parse().map_err(|_| corrupt("body"))?,
        created_at,
        registrars,
        recipients,
        sent,
        queued,
        retrying,
        not_reached,
    })
}

/// The people a notice did not reach, from their rows (account key, point name, name) in
/// order of the account key: one entry per person, with every point.
pub(crate) fn unreached_of(
    rows: Vec<(String, String, Option<String>)>,
) -> Result<Vec<UnreachedRegistrar>, StorageError> {
    let mut people: Vec<(String, UnreachedRegistrar)> = Vec::new();
    for (person, point, name) in rows {
        let point = point
            .parse()
            .map_err(|_| StorageError::Corrupt("a point's name".to_owned()))?;
        match people.last_mut() {
            Some((last, entry)) if *last == person => entry.points.push(point),
            _ => people.push((
                person,
                UnreachedRegistrar {
                    display_name: name,
                    points: vec![point],
                },
            )),
        }
    }
    Ok(people.into_iter().map(|(_, entry)| entry).collect())
}

/// A person's contact as stored: the confirmed address, its language and time, and the pending
/// confirmation (id, address, language, sent_at, expires_at, its message's sent_at).
pub(crate) struct ContactRow {
    pub email: Option<String>,
    pub confirmed_at: Option<i64>,
    pub pending: Option<(i64, String, String, i64, i64, Option<i64>)>,
}

pub(crate) fn contact_of(row: ContactRow, now: i64) -> Result<RegistrarContact, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("registrar contact: {what}"));
    let pending = match row.pending {
        None => None,
        Some((_, email, language, sent_at, expires_at, message_sent_at)) => {
            Some(PendingContactEmail {
                email: email.parse().map_err(|_| corrupt("pending email"))?,
                language: language.parse().map_err(|_| corrupt("language"))?,
                sent_at,
                valid_until: expires_at,
                state: ConfirmationState::Pending.at(expires_at, now),
                delivery: if message_sent_at.is_some() {
                    DeliveryState::Sent
                } else {
                    DeliveryState::Queued
                },
            })
        }
    };
    Ok(RegistrarContact {
        confirmed_email: row
            .email
            .map(|email| email.parse::<Email>())
            .transpose()
            .map_err(|_| corrupt("email"))?,
        confirmed_at: row.confirmed_at,
        pending,
    })
}

/// The audit's record of a confirmation: which, its language, state and validity. Not its
/// address, as with invitations: the log outlives it, and the address is in its own row.
pub(crate) fn confirmation_json(id: i64, language: &str, state: &str, expires_at: i64) -> String {
    json(&serde_json::json!({
        "confirmation": id,
        "language": language,
        "state": state,
        "valid_until": expires_at,
    }))
}

/// The audit's record of a registrar's rights.
pub(crate) fn registrar_json(
    id: i64,
    point_id: i64,
    person: &str,
    granted_at: i64,
    removed_at: Option<i64>,
) -> String {
    json(&serde_json::json!({
        "registrar": id,
        "point": point_id,
        "person": person,
        "granted_at": granted_at,
        "removed_at": removed_at,
    }))
}

/// The audit's record of a notice: what it said and to how many.
pub(crate) fn notice_json(
    id: i64,
    notice: &Notice,
    registrars: i64,
    recipients: i64,
    not_reached: i64,
) -> String {
    json(&serde_json::json!({
        "notice": id,
        "subject": notice.subject.as_str(),
        "body": notice.body.as_str(),
        "registrars": registrars,
        "recipients": recipients,
        "not_reached": not_reached,
    }))
}

/// Who a notice goes to, from the active registrar rights and their people's confirmed
/// addresses (`(registrar id, person, address, language)`, in order of the person): one message
/// per distinct address (the first person's language for an address two people share), the
/// rights of the people without one, and how many people there are.
pub(crate) struct NoticeRecipients {
    pub messages: Vec<(Email, Language)>,
    pub unreached: Vec<i64>,
    pub people: i64,
    pub people_unreached: i64,
}

pub(crate) fn notice_recipients(
    rows: Vec<(i64, String, Option<String>, Option<String>)>,
) -> Result<NoticeRecipients, StorageError> {
    let mut addresses: BTreeMap<String, (Email, Language)> = BTreeMap::new();
    let mut order = Vec::new();
    let mut people = BTreeMap::new();
    let mut unreached = Vec::new();
    for (registrar, person, email, language) in rows {
        match email {
            Some(email) => {
                let parsed: Email = email
                    .parse()
                    .map_err(|_| StorageError::Corrupt("a contact email".to_owned()))?;
                let language = language
                    .as_deref()
                    .unwrap_or("fi")
                    .parse()
                    .unwrap_or(Language::Fi);
                people.insert(person, true);
                if !addresses.contains_key(parsed.as_str()) {
                    order.push(parsed.as_str().to_owned());
                    addresses.insert(parsed.as_str().to_owned(), (parsed, language));
                }
            }
            None => {
                people.entry(person).or_insert(false);
                unreached.push(registrar);
            }
        }
    }
    let people_unreached = people.values().filter(|reached| !**reached).count();
    Ok(NoticeRecipients {
        messages: order
            .into_iter()
            .filter_map(|address| addresses.remove(&address))
            .collect(),
        unreached,
        people: i64::try_from(people.len()).unwrap_or(i64::MAX),
        people_unreached: i64::try_from(people_unreached).unwrap_or(i64::MAX),
    })
}

/// A new confirmation: the address, the hash of its link's token, and what its email says.
#[derive(Debug, Clone)]
pub struct NewConfirmation {
    pub contact: ContactEmail,
    /// SHA-256 of the link's token.
    pub token_hash: [u8; 32],
    pub mail: ConfirmationMail,
}

fn sqlite_enqueue(
    connection: &rusqlite::Connection,
    recipient: &Email,
    language: Language,
    text: &Text,
    secret: Option<&str>,
    notice: Option<i64>,
    at: i64,
) -> Result<i64, StorageError> {
    Ok(connection
        .prepare_cached(
            "INSERT INTO outbox (recipient, language, subject, body, secret, created_at, \
             next_attempt_at, notice_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7) RETURNING id",
        )?
        .query_row(
            rusqlite::params![
                recipient.as_str(),
                language.tag(),
                text.subject,
                text.body,
                secret,
                at,
                notice
            ],
            |row| row.get(0),
        )?)
}

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

fn sqlite_is_registrar(connection: &rusqlite::Connection, person: &str) -> rusqlite::Result<bool> {
    connection
        .prepare_cached("SELECT 1 FROM registrars WHERE account_key = ?1 AND removed_at IS NULL")?
        .exists([person])
}

fn sqlite_contact(
    connection: &rusqlite::Connection,
    person: &str,
) -> Result<ContactRow, StorageError> {
    let confirmed: Option<(Option<String>, Option<i64>)> = connection
        .prepare_cached(
            "SELECT email, confirmed_at FROM registrar_contacts WHERE account_key = ?1",
        )?
        .query_row([person], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let pending = connection
        .prepare_cached(
            "SELECT c.id, c.email, c.language, c.sent_at, c.expires_at, o.sent_at \
             FROM contact_confirmations c LEFT JOIN outbox o ON o.id = c.message_id \
             WHERE c.account_key = ?1 AND c.state = 'pending'",
        )?
        .query_row([person], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        })
        .optional()?;
    let (email, confirmed_at) = confirmed.unwrap_or((None, None));
    Ok(ContactRow {
        email,
        confirmed_at,
        pending,
    })
}

/// The person's confirmation-email window after one more email at `now`, written back; the
/// Unix second of the next allowed one when the limit is reached.
fn sqlite_count_email(
    connection: &rusqlite::Connection,
    person: &str,
    now: i64,
) -> Result<Result<(), i64>, StorageError> {
    let (started_at, count): (Option<i64>, i64) = connection
        .prepare_cached(
            "SELECT resend_window_at, resends_in_window FROM registrar_contacts \
             WHERE account_key = ?1",
        )?
        .query_row([person], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .unwrap_or((None, 0));
    let window =
        match (ResendWindow { started_at, count }).resend_within(now, CONTACT_EMAILS_PER_WINDOW) {
            Ok(window) => window,
            Err(retry_at) => return Ok(Err(retry_at)),
        };
    connection
        .prepare_cached(
            "INSERT INTO registrar_contacts (account_key, resend_window_at, resends_in_window) \
             VALUES (?1, ?2, ?3) ON CONFLICT (account_key) DO UPDATE SET \
             resend_window_at = excluded.resend_window_at, \
             resends_in_window = excluded.resends_in_window",
        )?
        .execute(rusqlite::params![person, window.started_at, window.count])?;
    Ok(Ok(()))
}

fn sqlite_point_of(
    connection: &rusqlite::Connection,
    account_id: i64,
    point_id: i64,
) -> Result<Option<RegistrationPoint>, StorageError> {
    connection
        .prepare_cached(&format!(
            "SELECT {POINT_COLUMNS} FROM registration_points WHERE id = ?1 AND account_id = ?2"
        ))?
        .query_row([point_id, account_id], |row| {
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
        })
        .optional()?
        .map(PointRow::point)
        .transpose()
}

impl Sqlite {
    pub(crate) async fn point_registrars(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Vec<PointRegistrar>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT r.id, {REGISTRAR_NAME}, r.granted_at FROM registrars r \
                 JOIN registration_points p ON p.id = r.point_id \
                 WHERE r.point_id = ?1 AND r.removed_at IS NULL AND r.id > ?2 \
                 ORDER BY r.id LIMIT ?3"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![point_id, after, PAGE_SIZE], |row| {
                    Ok(PointRegistrar {
                        id: row.get(0)?,
                        display_name: row.get(1)?,
                        granted_at: row.get(2)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    pub(crate) async fn registrar_remove(
        &self,
        audit: Audit,
        account_id: i64,
        point_id: i64,
        registrar_id: i64,
    ) -> Result<Result<PointRegistrar, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some(point) = sqlite_point_of(connection, account_id, point_id)? else {
                return Ok(Err(AdminConflict::NotFound));
            };
            let Some((person, granted_at, removed_at, name)) = connection
                .prepare_cached(&format!(
                    "SELECT r.account_key, r.granted_at, r.removed_at, {REGISTRAR_NAME} \
                     FROM registrars r JOIN registration_points p ON p.id = r.point_id \
                     WHERE r.id = ?1 AND r.point_id = ?2"
                ))?
                .query_row([registrar_id, point_id], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, i64>(1)?,
                        row.get::<_, Option<i64>>(2)?,
                        row.get::<_, Option<String>>(3)?,
                    ))
                })
                .optional()?
            else {
                return Ok(Err(AdminConflict::NotFound));
            };
            if removed_at.is_some() {
                return Ok(Err(AdminConflict::RegistrarRemoval(
                    RegistrarRemovalRefusal::AlreadyRemoved,
                )));
            }
            // Counted in this write: the single writer runs no other change meanwhile.
            if let Err(refusal) = may_remove_registrar(point.active_registrars) {
                return Ok(Err(AdminConflict::RegistrarRemoval(refusal)));
            }
            connection
                .prepare_cached("UPDATE registrars SET removed_at = ?2 WHERE id = ?1")?
                .execute([registrar_id, at])?;
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                Some(registrar_json(
                    registrar_id,
                    point_id,
                    &person,
                    granted_at,
                    None,
                )),
                Some(registrar_json(
                    registrar_id,
                    point_id,
                    &person,
                    granted_at,
                    Some(at),
                )),
            )?;
            Ok(Ok(PointRegistrar {
                id: registrar_id,
                display_name: name,
                granted_at,
            }))
        })
        .await
    }

    pub(crate) async fn point_close(
        &self,
        audit: Audit,
        account_id: i64,
        point_id: i64,
    ) -> Result<Result<PointClosure, AdminConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some(before) = sqlite_point_of(connection, account_id, point_id)? else {
                return Ok(Err(AdminConflict::NotFound));
            };
            let state = match before.state.close() {
                Ok(state) => state,
                Err(error) => return Ok(Err(AdminConflict::PointState(error))),
            };
            connection
                .prepare_cached(
                    "UPDATE registration_points SET state = ?2, updated_at = ?3 WHERE id = ?1",
                )?
                .execute(rusqlite::params![point_id, state.code(), at])?;
            let registrars = connection
                .prepare_cached(
                    "UPDATE registrars SET removed_at = ?2 \
                     WHERE point_id = ?1 AND removed_at IS NULL \
                     RETURNING id, account_key, granted_at",
                )?
                .query_map([point_id, at], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, i64>(2)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let authorisations = connection
                .prepare_cached(
                    "UPDATE authorisations SET revoked_at = ?2 \
                     WHERE point_id = ?1 AND revoked_at IS NULL \
                     RETURNING id, account_id, created_at",
                )?
                .query_map([point_id, at], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, i64>(1)?,
                        row.get::<_, i64>(2)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let after = RegistrationPoint {
                state,
                updated_at: at,
                active_registrars: 0,
                too_few_registrars: false,
                ..before.clone()
            };
            sqlite_audit(
                connection,
                &audit,
                Some(account_id),
                Some(json(&before)),
                Some(json(&after)),
            )?;
            let removed = Audit {
                action: "registrar_removed",
                ..audit.clone()
            };
            for (id, person, granted_at) in &registrars {
                sqlite_audit(
                    connection,
                    &removed,
                    Some(account_id),
                    Some(registrar_json(*id, point_id, person, *granted_at, None)),
                    Some(registrar_json(*id, point_id, person, *granted_at, Some(at))),
                )?;
            }
            let revoked = Audit {
                action: "authorisation_revoked",
                ..audit.clone()
            };
            for (id, organisation, created_at) in &authorisations {
                let record = |revoked_at: Option<i64>| {
                    json(&serde_json::json!({
                        "authorisation": id,
                        "point": point_id,
                        "created_at": created_at,
                        "revoked_at": revoked_at,
                        "because": "point_closed",
                    }))
                };
                sqlite_audit(
                    connection,
                    &revoked,
                    Some(*organisation),
                    Some(record(None)),
                    Some(record(Some(at))),
                )?;
            }
            Ok(Ok(PointClosure {
                point: after,
                registrars_removed: i64::try_from(registrars.len()).unwrap_or(i64::MAX),
                authorisations_revoked: i64::try_from(authorisations.len()).unwrap_or(i64::MAX),
            }))
        })
        .await
    }

    pub(crate) async fn contact(
        &self,
        person: AccountKey,
        now: i64,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        self.read(move |connection| {
            if !sqlite_is_registrar(connection, person.as_str())? {
                return Ok(Err(AdminConflict::NotARegistrar));
            }
            Ok(Ok(contact_of(
                sqlite_contact(connection, person.as_str())?,
                now,
            )?))
        })
        .await
    }

    pub(crate) async fn contact_request(
        &self,
        audit: Audit,
        confirmation: NewConfirmation,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let now = audit.at;
        self.write(move |connection| {
            let person = audit.actor.as_str();
            if !sqlite_is_registrar(connection, person)? {
                return Ok(Err(AdminConflict::NotARegistrar));
            }
            let before = sqlite_contact(connection, person)?;
            if before.email.as_deref() == Some(confirmation.contact.email.as_str()) {
                return Ok(Err(AdminConflict::ContactEmailUnchanged));
            }
            if let Err(retry_at) = sqlite_count_email(connection, person, now)? {
                return Ok(Err(AdminConflict::ContactResendLimit(retry_at)));
            }
            if let Some((id, _, language, _, expires_at, _)) = &before.pending {
                let message: Option<i64> = connection
                    .prepare_cached("SELECT message_id FROM contact_confirmations WHERE id = ?1")?
                    .query_row([*id], |row| row.get(0))?;
                // Its unsent email leaves the outbox (a dead link): the row lets go of it
                // first.
                connection
                    .prepare_cached(
                        "UPDATE contact_confirmations SET state = 'replaced', closed_at = ?2, \
                         message_id = CASE WHEN message_id IN \
                         (SELECT id FROM outbox WHERE sent_at IS NULL) THEN NULL \
                         ELSE message_id END WHERE id = ?1",
                    )?
                    .execute([*id, now])?;
                sqlite_drop_unsent(connection, message)?;
                sqlite_audit(
                    connection,
                    &Audit {
                        action: "contact_email_replaced",
                        ..audit.clone()
                    },
                    None,
                    Some(confirmation_json(*id, language, "pending", *expires_at)),
                    Some(confirmation_json(*id, language, "replaced", *expires_at)),
                )?;
            }
            let ContactEmail { email, language } = &confirmation.contact;
            let message = sqlite_enqueue(
                connection,
                email,
                *language,
                &confirmation.mail.text(*language),
                Some(&confirmation.mail.link),
                None,
                now,
            )?;
            let expires_at = now + CONTACT_CONFIRMATION_VALID_SECONDS;
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO contact_confirmations (account_key, email, language, \
                     token_hash, created_at, sent_at, expires_at, state, message_id) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, 'pending', ?7) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        person,
                        email.as_str(),
                        language.tag(),
                        confirmation.token_hash.as_slice(),
                        now,
                        expires_at,
                        message
                    ],
                    |row| row.get(0),
                )?;
            sqlite_audit(
                connection,
                &audit,
                None,
                None,
                Some(confirmation_json(id, language.tag(), "pending", expires_at)),
            )?;
            Ok(Ok(contact_of(sqlite_contact(connection, person)?, now)?))
        })
        .await
    }

    pub(crate) async fn contact_resend(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
        mail: ConfirmationMail,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let now = audit.at;
        self.write(move |connection| {
            let person = audit.actor.as_str();
            if !sqlite_is_registrar(connection, person)? {
                return Ok(Err(AdminConflict::NotARegistrar));
            }
            let before = sqlite_contact(connection, person)?;
            let Some((id, email, language, _, expires_before, _)) = before.pending else {
                return Ok(Err(AdminConflict::NoPendingContactEmail));
            };
            if let Err(retry_at) = sqlite_count_email(connection, person, now)? {
                return Ok(Err(AdminConflict::ContactResendLimit(retry_at)));
            }
            let email: Email = email
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("confirmation {id}: email")))?;
            let language: Language = language
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("confirmation {id}: language")))?;
            let previous: Option<i64> = connection
                .prepare_cached("SELECT message_id FROM contact_confirmations WHERE id = ?1")?
                .query_row([id], |row| row.get(0))?;
            let message = sqlite_enqueue(
                connection,
                &email,
                language,
                &mail.text(language),
                Some(&mail.link),
                None,
                now,
            )?;
            let expires_at = now + CONTACT_CONFIRMATION_VALID_SECONDS;
            connection
                .prepare_cached(
                    "UPDATE contact_confirmations SET token_hash = ?2, sent_at = ?3, \
                     expires_at = ?4, message_id = ?5 WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    id,
                    token_hash.as_slice(),
                    now,
                    expires_at,
                    message
                ])?;
            sqlite_drop_unsent(connection, previous)?;
            sqlite_audit(
                connection,
                &audit,
                None,
                Some(confirmation_json(
                    id,
                    language.tag(),
                    ConfirmationState::Pending.at(expires_before, now).code(),
                    expires_before,
                )),
                Some(confirmation_json(id, language.tag(), "pending", expires_at)),
            )?;
            Ok(Ok(contact_of(sqlite_contact(connection, person)?, now)?))
        })
        .await
    }

    pub(crate) async fn contact_confirm(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let now = audit.at;
        self.write(move |connection| {
            let person = audit.actor.as_str();
            let Some((id, owner, email, language, expires_at, state)) = connection
                .prepare_cached(
                    "SELECT id, account_key, email, language, expires_at, state \
                     FROM contact_confirmations WHERE token_hash = ?1",
                )?
                .query_row([token_hash.as_slice()], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, i64>(4)?,
                        row.get::<_, String>(5)?,
                    ))
                })
                .optional()?
            else {
                return Ok(Err(AdminConflict::ConfirmationUnknown));
            };
            // Another person's link: said before its state, which is the owner's business.
            if owner != person {
                return Ok(Err(AdminConflict::ConfirmationOtherPerson));
            }
            let state = ConfirmationState::from_code(&state)
                .ok_or_else(|| StorageError::Corrupt(format!("confirmation {id}: state")))?
                .at(expires_at, now);
            if let Err(refusal) = state.confirm() {
                return Ok(Err(AdminConflict::Confirmation(refusal)));
            }
            connection
                .prepare_cached(
                    "UPDATE contact_confirmations SET state = 'confirmed', closed_at = ?2 \
                     WHERE id = ?1",
                )?
                .execute([id, now])?;
            connection
                .prepare_cached(
                    "INSERT INTO registrar_contacts (account_key, email, language, confirmed_at) \
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_key) DO UPDATE SET \
                     email = excluded.email, language = excluded.language, \
                     confirmed_at = excluded.confirmed_at",
                )?
                .execute(rusqlite::params![person, email, language, now])?;
            sqlite_audit(
                connection,
                &audit,
                None,
                Some(confirmation_json(id, &language, "pending", expires_at)),
                Some(confirmation_json(id, &language, "confirmed", expires_at)),
            )?;
            Ok(Ok(contact_of(sqlite_contact(connection, person)?, now)?))
        })
        .await
    }

    pub(crate) async fn notice_send(
        &self,
        audit: Audit,
        notice: Notice,
    ) -> Result<NoticeSummary, StorageError> {
        let now = audit.at;
        self.write(move |connection| {
            let rows = connection
                .prepare_cached(
                    "SELECT r.id, r.account_key, c.email, c.language FROM registrars r \
                     LEFT JOIN registrar_contacts c ON c.account_key = r.account_key \
                     WHERE r.removed_at IS NULL ORDER BY r.account_key, r.id",
                )?
                .query_map([], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let recipients = notice_recipients(rows)?;
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO notices (subject, body, sent_by, created_at, registrars, \
                     not_reached) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        notice.subject.as_str(),
                        notice.body.as_str(),
                        audit.actor.as_str(),
                        now,
                        recipients.people,
                        recipients.people_unreached
                    ],
                    |row| row.get(0),
                )?;
            let mail = NoticeMail {
                subject: notice.subject.as_str().to_owned(),
                body: notice.body.as_str().to_owned(),
            };
            for (email, language) in &recipients.messages {
                sqlite_enqueue(
                    connection,
                    email,
                    *language,
                    &mail.text(*language),
                    None,
                    Some(id),
                    now,
                )?;
            }
            for registrar in &recipients.unreached {
                connection
                    .prepare_cached(
                        "INSERT INTO notice_unreached (notice_id, registrar_id) VALUES (?1, ?2)",
                    )?
                    .execute([id, *registrar])?;
            }
            let messages = i64::try_from(recipients.messages.len()).unwrap_or(i64::MAX);
            sqlite_audit(
                connection,
                &audit,
                None,
                None,
                Some(notice_json(
                    id,
                    &notice,
                    recipients.people,
                    messages,
                    recipients.people_unreached,
                )),
            )?;
            Ok(NoticeSummary {
                id,
                subject: notice.subject,
                body: notice.body,
                created_at: now,
                registrars: recipients.people,
                recipients: messages,
                sent: 0,
                queued: messages,
                retrying: 0,
                not_reached: recipients.people_unreached,
            })
        })
        .await
    }

    pub(crate) async fn notices_page(
        &self,
        id: Option<i64>,
        before: i64,
    ) -> Result<Vec<NoticeSummary>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {NOTICE_COLUMNS} FROM notices n LEFT JOIN outbox o ON o.notice_id = n.id \
                 WHERE (?1 IS NULL OR n.id = ?1) AND n.id < ?2 \
                 GROUP BY n.id ORDER BY n.id DESC LIMIT ?3"
            ))?;
            let rows = statement
                .query_map(rusqlite::params![id, before, PAGE_SIZE], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                        row.get(7)?,
                        row.get(8)?,
                        row.get(9)?,
                    ))
                })?
                .collect::<Result<Vec<NoticeRow>, _>>()?;
            rows.into_iter().map(notice_of).collect()
        })
        .await
    }

    pub(crate) async fn notice_unreached(
        &self,
        notice: i64,
    ) -> Result<Vec<UnreachedRegistrar>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare_cached(&format!(
                "SELECT r.account_key, p.name, {REGISTRAR_NAME} FROM notice_unreached u \
                 JOIN registrars r ON r.id = u.registrar_id \
                 JOIN registration_points p ON p.id = r.point_id \
                 WHERE u.notice_id = ?1 ORDER BY r.account_key, p.id"
            ))?;
            let rows = statement
                .query_map([notice], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            unreached_of(rows)
        })
        .await
    }
}

impl Storage {
    /// A page of the point's active registrars, by id.
    pub async fn point_registrars(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Vec<PointRegistrar>, StorageError> {
        on_backend!(self, point_registrars(point_id, after))
    }

    /// Ends one registrar's rights at the account's point, unless fewer than
    /// `MIN_REGISTRARS_PER_POINT` would remain: counted in the same transaction (PostgreSQL
    /// locks the point's row first), so two removals at once cannot both pass. Audited on the
    /// county's account (`registrar_removed`).
    pub async fn registrar_remove(
        &self,
        audit: Audit,
        account_id: i64,
        point_id: i64,
        registrar_id: i64,
    ) -> Result<Result<PointRegistrar, AdminConflict>, StorageError> {
        on_backend!(
            self,
            registrar_remove(audit, account_id, point_id, registrar_id)
        )
    }

    /// Closes the account's approved point: its state, every registrar's rights and every
    /// authorisation end in one transaction, each with its audit entry (`point_closed` and
    /// `registrar_removed` on the county's account, `authorisation_revoked` on each
    /// organisation's).
    pub async fn point_close(
        &self,
        audit: Audit,
        account_id: i64,
        point_id: i64,
    ) -> Result<Result<PointClosure, AdminConflict>, StorageError> {
        on_backend!(self, point_close(audit, account_id, point_id))
    }

    /// The registrar's contact email (refused for a person with no active rights).
    pub async fn contact(
        &self,
        person: &AccountKey,
        now: i64,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        on_backend!(self, contact(person.clone(), now))
    }

    /// The registrar (`audit.actor`) asks for a new contact email: a pending one before is
    /// replaced (its unsent email dropped), the confirmation and its email written, audited
    /// (`contact_email_requested`). The confirmed address stays until the link is followed.
    pub async fn contact_request(
        &self,
        audit: Audit,
        confirmation: NewConfirmation,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        on_backend!(self, contact_request(audit, confirmation))
    }

    /// The pending confirmation again with a new link (the old one dead) and a new validity.
    pub async fn contact_resend(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
        mail: ConfirmationMail,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        on_backend!(self, contact_resend(audit, token_hash, mail))
    }

    /// The signed-in person (`audit.actor`) follows a confirmation link: only their own, once,
    /// in time; the address becomes their contact email.
    pub async fn contact_confirm(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        on_backend!(self, contact_confirm(audit, token_hash))
    }

    /// Sends an agency notice: the notice, one outbox message per distinct confirmed address
    /// of the registrars with active rights, the rights of those without one (not reached) and
    /// its audit entry (`notice_sent`), in one transaction.
    pub async fn notice_send(
        &self,
        audit: Audit,
        notice: Notice,
    ) -> Result<NoticeSummary, StorageError> {
        on_backend!(self, notice_send(audit, notice))
    }

    /// A page of the notices, newest first, each with its delivery counts (one statement).
    pub async fn notices_page(&self, before: i64) -> Result<Vec<NoticeSummary>, StorageError> {
        on_backend!(self, notices_page(None, before))
    }

    /// One notice with the registrars it did not reach.
    pub async fn notice(&self, id: i64) -> Result<Option<NoticeDetail>, StorageError> {
        let Some(notice) = on_backend!(self, notices_page(Some(id), i64::MAX))?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let not_reached = on_backend!(self, notice_unreached(id))?;
        Ok(Some(NoticeDetail {
            notice,
            not_reached,
        }))
    }
}

//! PostgreSQL's SQL for a point's registrars, closing a point, registrars' contact email and
//! the agency's notices (`storage/registrar_contacts.rs` has SQLite's and the interface). A
//! removal and a closure lock the point's row (`FOR UPDATE`) before they count or change its
//! registrars, so two removals at once on any replicas are serialised on that row and the
//! second counts what the first left. A confirmation's row is locked before it is used.

use deadpool_postgres::{GenericClient, Transaction};
use domain::administration::{
    CONTACT_CONFIRMATION_VALID_SECONDS, CONTACT_EMAILS_PER_WINDOW, ConfirmationState, ContactEmail,
    Notice, RegistrarRemovalRefusal, ResendWindow, may_remove_registrar,
};
use domain::{AccountKey, Email, Language};

use crate::mail::texts::{ConfirmationMail, NoticeMail, Text};
use crate::storage::StorageError;
use crate::storage::administration::{AdminConflict, Audit, PAGE_SIZE, json};
use crate::storage::points::{POINT_COLUMNS, PointRow, RegistrationPoint};
use crate::storage::postgres::Postgres;
use crate::storage::postgres::administration::write_audit;
use crate::storage::registrar_contacts::{
    ContactRow, NOTICE_COLUMNS, NewConfirmation, NoticeSummary, PointClosure, PointRegistrar,
    REGISTRAR_NAME, RegistrarContact, UnreachedRegistrar, confirmation_json, contact_of,
    notice_json, notice_of, notice_recipients, registrar_json, unreached_of,
};

async fn enqueue(
    transaction: &Transaction<'_>,
    recipient: &Email,
    language: Language,
    text: &Text,
    secret: Option<&str>,
    notice: Option<i64>,
    at: i64,
) -> Result<i64, StorageError> {
    let statement = transaction
        .prepare_cached(
            "INSERT INTO outbox (recipient, language, subject, body, secret, created_at, \
             next_attempt_at, notice_id) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
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
                &secret,
                &at,
                &notice,
            ],
        )
        .await?
        .get(0))
}

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

async fn is_registrar(client: &impl GenericClient, person: &str) -> Result<bool, StorageError> {
    let statement = client
        .prepare_cached(
            "SELECT 1 FROM registrars WHERE account_key = $1 AND removed_at IS NULL LIMIT 1",
        )
        .await?;
    Ok(client.query_opt(&statement, &[&person]).await?.is_some())
}

async fn contact_row(
    client: &impl GenericClient,
    person: &str,
) -> Result<ContactRow, StorageError> {
    let statement = client
        .prepare_cached("SELECT email, confirmed_at FROM registrar_contacts WHERE account_key = $1")
        .await?;
    let (email, confirmed_at) = client
        .query_opt(&statement, &[&person])
        .await?
        .map_or((None, None), |row| (row.get(0), row.get(1)));
    let statement = client
        .prepare_cached(
            "SELECT c.id, c.email, c.language, c.sent_at, c.expires_at, o.sent_at \
             FROM contact_confirmations c LEFT JOIN outbox o ON o.id = c.message_id \
             WHERE c.account_key = $1 AND c.state = 'pending'",
        )
        .await?;
    let pending = client.query_opt(&statement, &[&person]).await?.map(|row| {
        (
            row.get(0),
            row.get(1),
            row.get(2),
            row.get(3),
            row.get(4),
            row.get(5),
        )
    });
    Ok(ContactRow {
        email,
        confirmed_at,
        pending,
    })
}

/// The person's contact row, made if missing and locked: every change of a person's contact
/// goes through it, so two at once (two tabs, two replicas) are serialised.
async fn lock_contact(transaction: &Transaction<'_>, person: &str) -> Result<(), StorageError> {
    let statement = transaction
        .prepare_cached(
            "INSERT INTO registrar_contacts (account_key) VALUES ($1) \
             ON CONFLICT (account_key) DO NOTHING",
        )
        .await?;
    transaction.execute(&statement, &[&person]).await?;
    let statement = transaction
        .prepare_cached("SELECT 1 FROM registrar_contacts WHERE account_key = $1 FOR UPDATE")
        .await?;
    transaction.query_one(&statement, &[&person]).await?;
    Ok(())
}

/// One more confirmation email in the person's window (the row locked by [`lock_contact`]).
async fn count_email(
    transaction: &Transaction<'_>,
    person: &str,
    now: i64,
) -> Result<Result<(), i64>, StorageError> {
    let statement = transaction
        .prepare_cached(
            "SELECT resend_window_at, resends_in_window FROM registrar_contacts \
             WHERE account_key = $1",
        )
        .await?;
    let row = transaction.query_one(&statement, &[&person]).await?;
    let window = ResendWindow {
        started_at: row.get(0),
        count: row.get(1),
    };
    let window = match window.resend_within(now, CONTACT_EMAILS_PER_WINDOW) {
        Ok(window) => window,
        Err(retry_at) => return Ok(Err(retry_at)),
    };
    let statement = transaction
        .prepare_cached(
            "UPDATE registrar_contacts SET resend_window_at = $2, resends_in_window = $3 \
             WHERE account_key = $1",
        )
        .await?;
    transaction
        .execute(&statement, &[&person, &window.started_at, &window.count])
        .await?;
    Ok(Ok(()))
}

/// The account's point, its row locked for the rest of the transaction.
async fn lock_point(
    transaction: &Transaction<'_>,
    account_id: i64,
    point_id: i64,
) -> Result<Option<RegistrationPoint>, StorageError> {
    let statement = transaction
        .prepare_cached(&format!(
            "SELECT {POINT_COLUMNS} FROM registration_points \
             WHERE id = $1 AND account_id = $2 FOR UPDATE"
        ))
        .await?;
    transaction
        .query_opt(&statement, &[&point_id, &account_id])
        .await?
        .map(|row| {
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
        })
        .transpose()
}

impl Postgres {
    pub(crate) async fn point_registrars(
        &self,
        point_id: i64,
        after: i64,
    ) -> Result<Vec<PointRegistrar>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT r.id, {REGISTRAR_NAME}, r.granted_at FROM registrars r \
                 JOIN registration_points p ON p.id = r.point_id \
                 WHERE r.point_id = $1 AND r.removed_at IS NULL AND r.id > $2 \
                 ORDER BY r.id LIMIT $3"
            ))
            .await?;
        Ok(client
            .query(&statement, &[&point_id, &after, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| PointRegistrar {
                id: row.get(0),
                display_name: row.get(1),
                granted_at: row.get(2),
            })
            .collect())
    }

    pub(crate) async fn registrar_remove(
        &self,
        audit: Audit,
        account_id: i64,
        point_id: i64,
        registrar_id: i64,
    ) -> Result<Result<PointRegistrar, AdminConflict>, StorageError> {
        let at = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        // The point's row first: a second removal waits here until this one commits, and
        // then counts what it left.
        if lock_point(&transaction, account_id, point_id)
            .await?
            .is_none()
        {
            return Ok(Err(AdminConflict::NotFound));
        }
        let statement = transaction
            .prepare_cached(&format!(
                "SELECT r.account_key, r.granted_at, r.removed_at, {REGISTRAR_NAME} \
                 FROM registrars r JOIN registration_points p ON p.id = r.point_id \
                 WHERE r.id = $1 AND r.point_id = $2"
            ))
            .await?;
        let Some(row) = transaction
            .query_opt(&statement, &[&registrar_id, &point_id])
            .await?
        else {
            return Ok(Err(AdminConflict::NotFound));
        };
        let person: String = row.get(0);
        let granted_at: i64 = row.get(1);
        let removed_at: Option<i64> = row.get(2);
        let name: Option<String> = row.get(3);
        if removed_at.is_some() {
            return Ok(Err(AdminConflict::RegistrarRemoval(
                RegistrarRemovalRefusal::AlreadyRemoved,
            )));
        }
        // Counted after the lock, not with the point's row: under READ COMMITTED the count's
        // statement sees every removal committed before it began.
        let statement = transaction
            .prepare_cached(
                "SELECT count(*) FROM registrars WHERE point_id = $1 AND removed_at IS NULL",
            )
            .await?;
        let active: i64 = transaction
            .query_one(&statement, &[&point_id])
            .await?
            .get(0);
        if let Err(refusal) = may_remove_registrar(active) {
            return Ok(Err(AdminConflict::RegistrarRemoval(refusal)));
        }
        let statement = transaction
            .prepare_cached("UPDATE registrars SET removed_at = $2 WHERE id = $1")
            .await?;
        transaction
            .execute(&statement, &[&registrar_id, &at])
            .await?;
        write_audit(
            &transaction,
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
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(PointRegistrar {
            id: registrar_id,
            display_name: name,
            granted_at,
        }))
    }

    pub(crate) async fn point_close(
        &self,
        audit: Audit,
        account_id: i64,
        point_id: i64,
    ) -> Result<Result<PointClosure, AdminConflict>, StorageError> {
        let at = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let Some(before) = lock_point(&transaction, account_id, point_id).await? else {
            return Ok(Err(AdminConflict::NotFound));
        };
        let state = match before.state.close() {
            Ok(state) => state,
            Err(error) => return Ok(Err(AdminConflict::PointState(error))),
        };
        let statement = transaction
            .prepare_cached(
                "UPDATE registration_points SET state = $2, updated_at = $3 WHERE id = $1",
            )
            .await?;
        transaction
            .execute(&statement, &[&point_id, &state.code(), &at])
            .await?;
        let statement = transaction
            .prepare_cached(
                "UPDATE registrars SET removed_at = $2 WHERE point_id = $1 AND removed_at IS NULL \
                 RETURNING id, account_key, granted_at",
            )
            .await?;
        let registrars: Vec<(i64, String, i64)> = transaction
            .query(&statement, &[&point_id, &at])
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1), row.get(2)))
            .collect();
        let statement = transaction
            .prepare_cached(
                "UPDATE authorisations SET revoked_at = $2 \
                 WHERE point_id = $1 AND revoked_at IS NULL \
                 RETURNING id, account_id, created_at",
            )
            .await?;
        let authorisations: Vec<(i64, i64, i64)> = transaction
            .query(&statement, &[&point_id, &at])
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1), row.get(2)))
            .collect();
        let after = RegistrationPoint {
            state,
            updated_at: at,
            active_registrars: 0,
            too_few_registrars: false,
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
        let removed = Audit {
            action: "registrar_removed",
            ..audit.clone()
        };
        for (id, person, granted_at) in &registrars {
            write_audit(
                &transaction,
                &removed,
                Some(account_id),
                Some(registrar_json(*id, point_id, person, *granted_at, None)),
                Some(registrar_json(*id, point_id, person, *granted_at, Some(at))),
            )
            .await?;
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
            write_audit(
                &transaction,
                &revoked,
                Some(*organisation),
                Some(record(None)),
                Some(record(Some(at))),
            )
            .await?;
        }
        transaction.commit().await?;
        Ok(Ok(PointClosure {
            point: after,
            registrars_removed: i64::try_from(registrars.len()).unwrap_or(i64::MAX),
            authorisations_revoked: i64::try_from(authorisations.len()).unwrap_or(i64::MAX),
        }))
    }

    pub(crate) async fn contact(
        &self,
        person: AccountKey,
        now: i64,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let client = self.pool.get().await?;
        if !is_registrar(&client, person.as_str()).await? {
            return Ok(Err(AdminConflict::NotARegistrar));
        }
        Ok(Ok(contact_of(
            contact_row(&client, person.as_str()).await?,
            now,
        )?))
    }

    pub(crate) async fn contact_request(
        &self,
        audit: Audit,
        confirmation: NewConfirmation,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let now = audit.at;
        let person = audit.actor.as_str().to_owned();
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        if !is_registrar(&transaction, &person).await? {
            return Ok(Err(AdminConflict::NotARegistrar));
        }
        lock_contact(&transaction, &person).await?;
        let before = contact_row(&transaction, &person).await?;
        if before.email.as_deref() == Some(confirmation.contact.email.as_str()) {
            return Ok(Err(AdminConflict::ContactEmailUnchanged));
        }
        if let Err(retry_at) = count_email(&transaction, &person, now).await? {
            return Ok(Err(AdminConflict::ContactResendLimit(retry_at)));
        }
        if let Some((id, _, language, _, expires_at, _)) = &before.pending {
            let statement = transaction
                .prepare_cached("SELECT message_id FROM contact_confirmations WHERE id = $1")
                .await?;
            let message: Option<i64> = transaction.query_one(&statement, &[id]).await?.get(0);
            // Its unsent email leaves the outbox (a dead link): the row lets go of it first.
            let statement = transaction
                .prepare_cached(
                    "UPDATE contact_confirmations SET state = 'replaced', closed_at = $2, \
                     message_id = CASE WHEN message_id IN \
                     (SELECT id FROM outbox WHERE sent_at IS NULL) THEN NULL \
                     ELSE message_id END WHERE id = $1",
                )
                .await?;
            transaction.execute(&statement, &[id, &now]).await?;
            drop_unsent(&transaction, message).await?;
            write_audit(
                &transaction,
                &Audit {
                    action: "contact_email_replaced",
                    ..audit.clone()
                },
                None,
                Some(confirmation_json(*id, language, "pending", *expires_at)),
                Some(confirmation_json(*id, language, "replaced", *expires_at)),
            )
            .await?;
        }
        let ContactEmail { email, language } = &confirmation.contact;
        let message = enqueue(
            &transaction,
            email,
            *language,
            &confirmation.mail.text(*language),
            Some(&confirmation.mail.link),
            None,
            now,
        )
        .await?;
        let expires_at = now + CONTACT_CONFIRMATION_VALID_SECONDS;
        let statement = transaction
            .prepare_cached(
                "INSERT INTO contact_confirmations (account_key, email, language, token_hash, \
                 created_at, sent_at, expires_at, state, message_id) \
                 VALUES ($1, $2, $3, $4, $5, $5, $6, 'pending', $7) RETURNING id",
            )
            .await?;
        let id: i64 = transaction
            .query_one(
                &statement,
                &[
                    &person,
                    &email.as_str(),
                    &language.tag(),
                    &confirmation.token_hash.as_slice(),
                    &now,
                    &expires_at,
                    &message,
                ],
            )
            .await?
            .get(0);
        write_audit(
            &transaction,
            &audit,
            None,
            None,
            Some(confirmation_json(id, language.tag(), "pending", expires_at)),
        )
        .await?;
        let after = contact_of(contact_row(&transaction, &person).await?, now)?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn contact_resend(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
        mail: ConfirmationMail,
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let now = audit.at;
        let person = audit.actor.as_str().to_owned();
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        if !is_registrar(&transaction, &person).await? {
            return Ok(Err(AdminConflict::NotARegistrar));
        }
        lock_contact(&transaction, &person).await?;
        let before = contact_row(&transaction, &person).await?;
        let Some((id, email, language, _, expires_before, _)) = before.pending else {
            return Ok(Err(AdminConflict::NoPendingContactEmail));
        };
        if let Err(retry_at) = count_email(&transaction, &person, now).await? {
            return Ok(Err(AdminConflict::ContactResendLimit(retry_at)));
        }
        let email: Email = email
            .parse()
            .map_err(|_| StorageError::Corrupt(format!("confirmation {id}: email")))?;
        let language: Language = language
            .parse()
            .map_err(|_| StorageError::Corrupt(format!("confirmation {id}: language")))?;
        let statement = transaction
            .prepare_cached("SELECT message_id FROM contact_confirmations WHERE id = $1")
            .await?;
        let previous: Option<i64> = transaction.query_one(&statement, &[&id]).await?.get(0);
        let message = enqueue(
            &transaction,
            &email,
            language,
            &mail.text(language),
            Some(&mail.link),
            None,
            now,
        )
        .await?;
        let expires_at = now + CONTACT_CONFIRMATION_VALID_SECONDS;
        let statement = transaction
            .prepare_cached(
                "UPDATE contact_confirmations SET token_hash = $2, sent_at = $3, \
                 expires_at = $4, message_id = $5 WHERE id = $1",
            )
            .await?;
        transaction
            .execute(
                &statement,
                &[&id, &token_hash.as_slice(), &now, &expires_at, &message],
            )
            .await?;
        drop_unsent(&transaction, previous).await?;
        write_audit(
            &transaction,
            &audit,
            None,
            Some(confirmation_json(
                id,
                language.tag(),
                ConfirmationState::Pending.at(expires_before, now).code(),
                expires_before,
            )),
            Some(confirmation_json(id, language.tag(), "pending", expires_at)),
        )
        .await?;
        let after = contact_of(contact_row(&transaction, &person).await?, now)?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn contact_confirm(
        &self,
        audit: Audit,
        token_hash: [u8; 32],
    ) -> Result<Result<RegistrarContact, AdminConflict>, StorageError> {
        let now = audit.at;
        let person = audit.actor.as_str().to_owned();
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(
                "SELECT id, account_key, email, language, expires_at, state \
                 FROM contact_confirmations WHERE token_hash = $1 FOR UPDATE",
            )
            .await?;
        let Some(row) = transaction
            .query_opt(&statement, &[&token_hash.as_slice()])
            .await?
        else {
            return Ok(Err(AdminConflict::ConfirmationUnknown));
        };
        let id: i64 = row.get(0);
        let owner: String = row.get(1);
        let email: String = row.get(2);
        let language: String = row.get(3);
        let expires_at: i64 = row.get(4);
        let state: String = row.get(5);
        if owner != person {
            return Ok(Err(AdminConflict::ConfirmationOtherPerson));
        }
        let state = ConfirmationState::from_code(&state)
            .ok_or_else(|| StorageError::Corrupt(format!("confirmation {id}: state")))?
            .at(expires_at, now);
        if let Err(refusal) = state.confirm() {
            return Ok(Err(AdminConflict::Confirmation(refusal)));
        }
        let statement = transaction
            .prepare_cached(
                "UPDATE contact_confirmations SET state = 'confirmed', closed_at = $2 \
                 WHERE id = $1",
            )
            .await?;
        transaction.execute(&statement, &[&id, &now]).await?;
        let statement = transaction
            .prepare_cached(
                "INSERT INTO registrar_contacts (account_key, email, language, confirmed_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (account_key) DO UPDATE SET \
                 email = excluded.email, language = excluded.language, \
                 confirmed_at = excluded.confirmed_at",
            )
            .await?;
        transaction
            .execute(&statement, &[&person, &email, &language, &now])
            .await?;
        write_audit(
            &transaction,
            &audit,
            None,
            Some(confirmation_json(id, &language, "pending", expires_at)),
            Some(confirmation_json(id, &language, "confirmed", expires_at)),
        )
        .await?;
        let after = contact_of(contact_row(&transaction, &person).await?, now)?;
        transaction.commit().await?;
        Ok(Ok(after))
    }

    pub(crate) async fn notice_send(
        &self,
        audit: Audit,
        notice: Notice,
    ) -> Result<NoticeSummary, StorageError> {
        let now = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(
                "SELECT r.id, r.account_key, c.email, c.language FROM registrars r \
                 LEFT JOIN registrar_contacts c ON c.account_key = r.account_key \
                 WHERE r.removed_at IS NULL ORDER BY r.account_key, r.id",
            )
            .await?;
        let rows = transaction
            .query(&statement, &[])
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1), row.get(2), row.get(3)))
            .collect();
        let recipients = notice_recipients(rows)?;
        let statement = transaction
            .prepare_cached(
                "INSERT INTO notices (subject, body, sent_by, created_at, registrars, \
                 not_reached) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .await?;
        let id: i64 = transaction
            .query_one(
                &statement,
                &[
                    &notice.subject.as_str(),
                    &notice.body.as_str(),
                    &audit.actor.as_str(),
                    &now,
                    &recipients.people,
                    &recipients.people_unreached,
                ],
            )
            .await?
            .get(0);
        let mail = NoticeMail {
            subject: notice.subject.as_str().to_owned(),
            body: notice.body.as_str().to_owned(),
        };
        for (email, language) in &recipients.messages {
            enqueue(
                &transaction,
                email,
                *language,
                &mail.text(*language),
                None,
                Some(id),
                now,
            )
            .await?;
        }
        if !recipients.unreached.is_empty() {
            let statement = transaction
                .prepare_cached(
                    "INSERT INTO notice_unreached (notice_id, registrar_id) \
                     SELECT $1, unnest($2::bigint[])",
                )
                .await?;
            transaction
                .execute(&statement, &[&id, &recipients.unreached])
                .await?;
        }
        let messages = i64::try_from(recipients.messages.len()).unwrap_or(i64::MAX);
        write_audit(
            &transaction,
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
        )
        .await?;
        transaction.commit().await?;
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
    }

    pub(crate) async fn notices_page(
        &self,
        id: Option<i64>,
        before: i64,
    ) -> Result<Vec<NoticeSummary>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {NOTICE_COLUMNS} FROM notices n LEFT JOIN outbox o ON o.notice_id = n.id \
                 WHERE ($1::bigint IS NULL OR n.id = $1) AND n.id < $2 \
                 GROUP BY n.id ORDER BY n.id DESC LIMIT $3"
            ))
            .await?;
        client
            .query(&statement, &[&id, &before, &PAGE_SIZE])
            .await?
            .iter()
            .map(|row| {
                notice_of((
                    row.get(0),
                    row.get(1),
                    row.get(2),
                    row.get(3),
                    row.get(4),
                    row.get(5),
                    row.get(6),
                    row.get(7),
                    row.get(8),
                    row.get(9),
                ))
            })
            .collect()
    }

    pub(crate) async fn notice_unreached(
        &self,
        notice: i64,
    ) -> Result<Vec<UnreachedRegistrar>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT r.account_key, p.name, {REGISTRAR_NAME} FROM notice_unreached u \
                 JOIN registrars r ON r.id = u.registrar_id \
                 JOIN registration_points p ON p.id = r.point_id \
                 WHERE u.notice_id = $1 ORDER BY r.account_key, p.id"
            ))
            .await?;
        let rows = client
            .query(&statement, &[&notice])
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1), row.get(2)))
            .collect();
        unreached_of(rows)
    }
}

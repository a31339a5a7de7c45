//! Registrar applications and their attachments on PostgreSQL: the same operations as the
//! SQLite ones in `storage/registrar_applications.rs`, each one transaction with its audit
//! entry. Between replicas: an application locks its attachment's row (`FOR UPDATE`) before it
//! checks that no application names it, and the clean-up of unused uploads skips a row
//! another transaction holds (`FOR UPDATE SKIP LOCKED`), so a file is never deleted under an
//! application being filed; the partial unique index on pending applications answers a second
//! pending one of the same person and contract (`ON CONFLICT … DO NOTHING`); a decision locks
//! the application's row, so two officers cannot both decide it.

use deadpool_postgres::Transaction;
use domain::administration::{RegistrarApplicationState, RejectionReason, may_apply};
use domain::{Email, Language};
use serde_json::json;
use tokio_postgres::Row;

use crate::mail::texts::RegistrarDecisionMail;
use crate::storage::StorageError;
use crate::storage::administration::{Audit, PAGE_SIZE};
use crate::storage::postgres::Postgres;
use crate::storage::postgres::administration::write_audit;
use crate::storage::registrar_applications::{
    APPLICATION_COLUMNS, APPLICATION_POINTS, ATTACHMENT_COLUMNS, ApplicationDecision,
    ApplicationRow, ApplicationsFilter, Attachment, AttachmentAccess, NewApplication,
    NewAttachment, RegistrarApplication, RegistrarConflict, RegistrarPoint, UNUSED_UPLOAD_SECONDS,
    application_audit, attachment_audit, attachment_of, chosen_point, decision_mail, facts,
    point_of,
};

fn application_row(row: &Row) -> ApplicationRow {
    ApplicationRow {
        id: row.get(0),
        account_id: row.get(1),
        contract_id: row.get(2),
        applicant_name: row.get(3),
        email: row.get(4),
        language: row.get(5),
        state: row.get(6),
        rejection_reason: row.get(7),
        created_at: row.get(8),
        decided_at: row.get(9),
        attachment: (
            row.get(10),
            row.get(11),
            row.get(12),
            row.get(13),
            row.get(14),
        ),
    }
}

async fn points_of(
    client: &impl deadpool_postgres::GenericClient,
    application_id: i64,
) -> Result<Vec<RegistrarPoint>, StorageError> {
    let statement = client
        .prepare_cached(&APPLICATION_POINTS.replace("{}", "$1"))
        .await?;
    client
        .query(&statement, &[&application_id])
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

/// The application `id`, its row locked when `lock`.
async fn application(
    transaction: &Transaction<'_>,
    id: i64,
    lock: bool,
) -> Result<Option<RegistrarApplication>, StorageError> {
    let statement = transaction
        .prepare_cached(&format!(
            "SELECT {APPLICATION_COLUMNS} FROM registrar_applications r \
             JOIN attachments t ON t.id = r.attachment_id WHERE r.id = $1{}",
            if lock { " FOR UPDATE OF r" } else { "" }
        ))
        .await?;
    let Some(row) = transaction.query_opt(&statement, &[&id]).await? else {
        return Ok(None);
    };
    let points = points_of(transaction, id).await?;
    application_row(&row).application(points).map(Some)
}

async fn enqueue(
    transaction: &Transaction<'_>,
    recipient: &Email,
    language: Language,
    mail: &RegistrarDecisionMail,
    at: i64,
) -> Result<i64, StorageError> {
    let text = mail.text(language);
    let statement = transaction
        .prepare_cached(
            "INSERT INTO outbox (recipient, language, subject, body, created_at, \
             next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
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
                &at,
            ],
        )
        .await?
        .get(0))
}

impl Postgres {
    pub(crate) async fn attachment_store(
        &self,
        audit: Audit,
        new: NewAttachment,
    ) -> Result<Attachment, StorageError> {
        let at = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(
                "DELETE FROM attachments WHERE id IN (SELECT a.id FROM attachments a \
                 WHERE (a.account_key = $1 OR a.created_at < $2) AND NOT EXISTS \
                 (SELECT 1 FROM registrar_applications r WHERE r.attachment_id = a.id) \
                 FOR UPDATE SKIP LOCKED) RETURNING id",
            )
            .await?;
        let discarded: Vec<i64> = transaction
            .query(
                &statement,
                &[&new.uploader.as_str(), &(at - UNUSED_UPLOAD_SECONDS)],
            )
            .await?
            .iter()
            .map(|row| row.get(0))
            .collect();
        let size = i64::try_from(new.content.len())
            .map_err(|_| StorageError::Corrupt("attachment size".into()))?;
        let statement = transaction
            .prepare_cached(
                "INSERT INTO attachments (account_key, name, kind, size, content, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .await?;
        let id: i64 = transaction
            .query_one(
                &statement,
                &[
                    &new.uploader.as_str(),
                    &new.name.as_str(),
                    &new.kind.code(),
                    &size,
                    &new.content.as_slice(),
                    &at,
                ],
            )
            .await?
            .get(0);
        let attachment = Attachment {
            id,
            name: new.name,
            kind: new.kind,
            media_type: new.kind.media_type().to_owned(),
            size,
            created_at: at,
        };
        let mut after = attachment_audit(&attachment);
        after["discarded_unused"] = json!(discarded);
        write_audit(&transaction, &audit, None, None, Some(after.to_string())).await?;
        transaction.commit().await?;
        Ok(attachment)
    }

    pub(crate) async fn attachment_access(
        &self,
        id: i64,
    ) -> Result<Option<AttachmentAccess>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {ATTACHMENT_COLUMNS}, account_key, EXISTS (SELECT 1 FROM \
                 registrar_applications r WHERE r.attachment_id = attachments.id) \
                 FROM attachments WHERE id = $1"
            ))
            .await?;
        client
            .query_opt(&statement, &[&id])
            .await?
            .map(|row| {
                Ok(AttachmentAccess {
                    attachment: attachment_of((
                        row.get(0),
                        row.get(1),
                        row.get(2),
                        row.get(3),
                        row.get(4),
                    ))?,
                    uploader: row.get(5),
                    in_application: row.get(6),
                })
            })
            .transpose()
    }

    pub(crate) async fn attachment_content(
        &self,
        id: i64,
    ) -> Result<Option<Vec<u8>>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached("SELECT content FROM attachments WHERE id = $1")
            .await?;
        Ok(client
            .query_opt(&statement, &[&id])
            .await?
            .map(|row| row.get(0)))
    }

    pub(crate) async fn registrar_apply(
        &self,
        audit: Audit,
        new: NewApplication,
    ) -> Result<Result<RegistrarApplication, RegistrarConflict>, StorageError> {
        let at = audit.at;
        let applicant = new.applicant.as_str();
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        // The contract's row is read with a share lock: it cannot be decided otherwise while
        // an application is filed on it.
        let statement = transaction
            .prepare_cached(
                "SELECT c.account_id, c.state, a.kind FROM card_contracts c \
                 JOIN customer_accounts a ON a.id = c.account_id WHERE c.id = $1 \
                 FOR SHARE OF c",
            )
            .await?;
        let Some(contract) = transaction
            .query_opt(&statement, &[&new.contract_id])
            .await?
            .filter(|row| row.get::<_, i64>(0) == new.account_id)
        else {
            return Ok(Err(RegistrarConflict::NotFound));
        };
        let (contract_account, contract_state, account_kind): (i64, String, String) =
            (contract.get(0), contract.get(1), contract.get(2));
        let point_statement = transaction
            .prepare_cached("SELECT account_id, state FROM registration_points WHERE id = $1")
            .await?;
        let registrar_statement = transaction
            .prepare_cached(
                "SELECT 1 FROM registrars WHERE point_id = $1 AND account_key = $2 \
                 AND removed_at IS NULL",
            )
            .await?;
        let mut points = Vec::with_capacity(new.request.point_ids.len());
        for point_id in &new.request.point_ids {
            let found = transaction
                .query_opt(&point_statement, &[point_id])
                .await?
                .map(|row| (row.get::<_, i64>(0), row.get::<_, String>(1)));
            let registrar = transaction
                .query_opt(&registrar_statement, &[point_id, &applicant])
                .await?
                .is_some();
            points.push(chosen_point(found, contract_account, registrar));
        }
        let statement = transaction
            .prepare_cached(
                "SELECT 1 FROM registrar_applications WHERE contract_id = $1 \
                 AND account_key = $2 AND state = 'pending'",
            )
            .await?;
        let pending = transaction
            .query_opt(&statement, &[&new.contract_id, &applicant])
            .await?
            .is_some();
        if let Err(refusal) = may_apply(&facts(&account_kind, &contract_state, points, pending)?) {
            return Ok(Err(RegistrarConflict::Refused(refusal)));
        }
        // The upload's row first, locked; then, in a statement of its own (so it sees what
        // committed while it waited), whether an application names it already.
        let statement = transaction
            .prepare_cached(
                "SELECT 1 FROM attachments WHERE id = $1 AND account_key = $2 FOR UPDATE",
            )
            .await?;
        let owned = transaction
            .query_opt(&statement, &[&new.request.attachment_id, &applicant])
            .await?
            .is_some();
        let statement = transaction
            .prepare_cached("SELECT 1 FROM registrar_applications WHERE attachment_id = $1")
            .await?;
        let used = transaction
            .query_opt(&statement, &[&new.request.attachment_id])
            .await?
            .is_some();
        if !owned || used {
            return Ok(Err(RegistrarConflict::AttachmentNotFound));
        }
        let statement = transaction
            .prepare_cached(
                "INSERT INTO registrar_applications (account_id, contract_id, account_key, \
                 applicant_name, email, language, attachment_id, state, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8) \
                 ON CONFLICT (contract_id, account_key) WHERE state = 'pending' DO NOTHING \
                 RETURNING id",
            )
            .await?;
        let Some(inserted) = transaction
            .query_opt(
                &statement,
                &[
                    &new.account_id,
                    &new.contract_id,
                    &applicant,
                    &new.applicant_name,
                    &new.request.email.as_str(),
                    &new.request.language.tag(),
                    &new.request.attachment_id,
                    &at,
                ],
            )
            .await?
        else {
            // Another replica filed this person's application on the contract meanwhile.
            return Ok(Err(RegistrarConflict::Refused(
                domain::administration::RegistrarApplicationRefusal::Pending,
            )));
        };
        let id: i64 = inserted.get(0);
        let statement = transaction
            .prepare_cached(
                "INSERT INTO registrar_application_points (application_id, point_id) \
                 VALUES ($1, $2)",
            )
            .await?;
        for point_id in &new.request.point_ids {
            transaction.execute(&statement, &[&id, point_id]).await?;
        }
        let created = application(&transaction, id, false)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("registrar application {id} vanished")))?;
        write_audit(
            &transaction,
            &audit,
            Some(new.account_id),
            None,
            Some(application_audit(&created)),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(created))
    }

    pub(crate) async fn registrar_applications_page(
        &self,
        filter: ApplicationsFilter,
        after: i64,
    ) -> Result<Vec<RegistrarApplication>, StorageError> {
        let (state, account_key, account_id) = match filter {
            ApplicationsFilter::Pending => {
                (Some(RegistrarApplicationState::Pending.code()), None, None)
            }
            ApplicationsFilter::OfApplicant {
                account_key,
                account_id,
            } => (None, Some(account_key), Some(account_id)),
        };
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(&format!(
                "SELECT {APPLICATION_COLUMNS} FROM registrar_applications r \
                 JOIN attachments t ON t.id = r.attachment_id \
                 WHERE ($1::text IS NULL OR r.state = $1) \
                 AND ($2::text IS NULL OR r.account_key = $2) \
                 AND ($3::bigint IS NULL OR r.account_id = $3) AND r.id > $4 \
                 ORDER BY r.id LIMIT $5"
            ))
            .await?;
        let rows = client
            .query(
                &statement,
                &[&state, &account_key, &account_id, &after, &PAGE_SIZE],
            )
            .await?;
        let mut applications = Vec::with_capacity(rows.len());
        for row in &rows {
            let row = application_row(row);
            let points = points_of(&client, row.id).await?;
            applications.push(row.application(points)?);
        }
        Ok(applications)
    }

    pub(crate) async fn registrar_application_decide(
        &self,
        audit: Audit,
        application_id: i64,
        decision: ApplicationDecision,
        link: String,
    ) -> Result<Result<RegistrarApplication, RegistrarConflict>, StorageError> {
        let at = audit.at;
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let Some(before) = application(&transaction, application_id, true).await? else {
            return Ok(Err(RegistrarConflict::NotFound));
        };
        let grant = matches!(decision, ApplicationDecision::Grant);
        let Ok(state) = before.state.decide(grant) else {
            return Ok(Err(RegistrarConflict::AlreadyDecided));
        };
        let rejection_reason = match decision {
            ApplicationDecision::Grant => None,
            ApplicationDecision::Reject(reason) => Some(reason),
        };
        let statement = transaction
            .prepare_cached(
                "UPDATE registrar_applications SET state = $2, rejection_reason = $3, \
                 decided_at = $4, decided_by = $5 WHERE id = $1 RETURNING account_key",
            )
            .await?;
        let applicant: String = transaction
            .query_one(
                &statement,
                &[
                    &application_id,
                    &state.code(),
                    &rejection_reason.as_ref().map(RejectionReason::as_str),
                    &at,
                    &audit.actor.as_str(),
                ],
            )
            .await?
            .get(0);
        let mut granted_points = Vec::new();
        if grant {
            // Each point's row is read with a share lock: a point closed meanwhile (its
            // closure locks the row for update) gives no rights; one being closed waits.
            let open = transaction
                .prepare_cached(
                    "SELECT 1 FROM registration_points WHERE id = $1 AND state = 'approved' \
                     FOR SHARE",
                )
                .await?;
            let statement = transaction
                .prepare_cached(
                    "INSERT INTO registrars (point_id, account_key, granted_at) \
                     VALUES ($1, $2, $3) \
                     ON CONFLICT (point_id, account_key) WHERE removed_at IS NULL DO NOTHING",
                )
                .await?;
            for point in &before.points {
                if transaction
                    .query_opt(&open, &[&point.point_id])
                    .await?
                    .is_none()
                {
                    continue;
                }
                let added = transaction
                    .execute(&statement, &[&point.point_id, &applicant, &at])
                    .await?;
                if added == 1 {
                    granted_points.push(point.point_id);
                }
            }
        }
        let after = RegistrarApplication {
            state,
            rejection_reason,
            decided_at: Some(at),
            ..before.clone()
        };
        let statement = transaction
            .prepare_cached("SELECT name FROM customer_accounts WHERE id = $1")
            .await?;
        let account_name: String = transaction
            .query_one(&statement, &[&after.account_id])
            .await?
            .get(0);
        enqueue(
            &transaction,
            &after.email,
            after.language,
            &decision_mail(account_name, &after, link),
            at,
        )
        .await?;
        let mut after_json: serde_json::Value =
            serde_json::from_str(&application_audit(&after)).unwrap_or_default();
        after_json["registrar_rights_granted_at_points"] = json!(granted_points);
        write_audit(
            &transaction,
            &audit,
            Some(after.account_id),
            Some(application_audit(&before)),
            Some(after_json.to_string()),
        )
        .await?;
        transaction.commit().await?;
        Ok(Ok(after))
    }
}

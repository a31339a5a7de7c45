//! Registrar applications (rekisteröijähakemus, SPEC §5 "Registrar rights") and their
//! attachments. An upload, an application and a decision are each one transaction with its
//! audit entry; a decision also writes the registrar rights it grants and the applicant's email
//! to the outbox in the same transaction. The audit names a file by its name, size and type,
//! never its contents, and an application without its contact address (the log outlives it).
//! The SQLite SQL is here; PostgreSQL's is in `postgres/registrar_applications.rs`.
//!
//! An upload no application names is its uploader's alone. Each upload deletes its uploader's
//! earlier unused ones and anybody's unused for a day ([`UNUSED_UPLOAD_SECONDS`]), so unused
//! files never pile up and no background task is needed.

use domain::administration::{
    AccountKind, ApplicationFacts, AttachmentKind, AttachmentName, ChosenPoint, ContractState,
    PointOrderState, RegistrarApplicationRefusal, RegistrarApplicationRequest,
    RegistrarApplicationState, RejectionReason, is_short_of_registrars, may_apply,
};
use domain::{AccountKey, Email, Language};
use rusqlite::OptionalExtension;
use serde_json::json;

pub use contract::admin::{Attachment, RegistrarApplication, RegistrarPoint};

use crate::mail::texts::RegistrarDecisionMail;
use crate::storage::administration::{Audit, PAGE_SIZE, sqlite_audit};
use crate::storage::sqlite::Sqlite;
use crate::storage::{Backend, Storage, StorageError};

/// How long an upload no application names is kept: a day.
pub const UNUSED_UPLOAD_SECONDS: i64 = 24 * 60 * 60;

/// A file to store, its type decided by its bytes already.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub uploader: AccountKey,
    pub name: AttachmentName,
    pub kind: AttachmentKind,
    pub content: Vec<u8>,
}

/// An attachment and what decides who may read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentAccess {
    pub attachment: Attachment,
    /// The uploader's account key.
    pub uploader: String,
    /// Whether an application names it (then agency officers may read it too).
    pub in_application: bool,
}

/// A new application: who applies (the signed-in person and their name), on which account's
/// contract, and what they sent.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub applicant: AccountKey,
    pub applicant_name: Option<String>,
    pub account_id: i64,
    pub contract_id: i64,
    pub request: RegistrarApplicationRequest,
}

/// The officer's decision.
#[derive(Debug, Clone)]
pub enum ApplicationDecision {
    Grant,
    Reject(RejectionReason),
}

/// Which applications a page lists.
#[derive(Debug, Clone)]
pub enum ApplicationsFilter {
    /// Every pending one (the officer's queue).
    Pending,
    /// One person's on one account, every state.
    OfApplicant {
        account_key: String,
        account_id: i64,
    },
}

/// Why an application or a decision was not made although the database worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrarConflict {
    /// No such contract of the account, or no such application.
    NotFound,
    /// The domain's rule refuses it.
    Refused(RegistrarApplicationRefusal),
    /// The attachment is not the applicant's unused upload.
    AttachmentNotFound,
    /// The application has been decided already.
    AlreadyDecided,
}

/// The columns an [`ApplicationRow`] reads, of `registrar_applications r JOIN attachments t`.
pub(crate) const APPLICATION_COLUMNS: &str = "r.id, r.account_id, r.contract_id, \
     r.applicant_name, r.email, r.language, r.state, r.rejection_reason, r.created_at, \
     r.decided_at, t.id, t.name, t.kind, t.size, t.created_at";

/// The columns an [`AttachmentRow`] reads, of `attachments`.
pub(crate) const ATTACHMENT_COLUMNS: &str = "id, name, kind, size, created_at";

/// The columns a [`PointRow`] reads, of `registration_points p`.
macro_rules! registrar_point_columns {
    () => {
        "p.id, p.name, p.service_number, p.account_id, p.state, (SELECT COUNT(*) FROM \
         registrars r WHERE r.point_id = p.id AND r.removed_at IS NULL)"
    };
}

/// The points of an application, by id: `?1`/`$1` the application.
pub(crate) const APPLICATION_POINTS: &str = concat!(
    "SELECT ",
    registrar_point_columns!(),
    " FROM registrar_application_points x \
     JOIN registration_points p ON p.id = x.point_id WHERE x.application_id = {} ORDER BY p.id"
);

/// The points where `?1`/`$1` has active registrar rights, approved ones, by id; `?2`/`$2`
/// the approved state's code.
pub(crate) const PERSON_POINTS: &str = concat!(
    "SELECT ",
    registrar_point_columns!(),
    " FROM registrars rr JOIN registration_points p ON p.id = rr.point_id \
     WHERE rr.account_key = {1} AND rr.removed_at IS NULL AND p.state = {2} ORDER BY p.id"
);

/// An attachment as stored: id, name, kind, size, created at.
pub(crate) type AttachmentRow = (i64, String, String, i64, i64);

pub(crate) fn attachment_of(row: AttachmentRow) -> Result<Attachment, StorageError> {
    let (id, name, kind, size, created_at) = row;
    let corrupt = |what: &str| StorageError::Corrupt(format!("attachment {id}: {what}"));
    let kind = AttachmentKind::from_code(&kind).ok_or_else(|| corrupt("kind"))?;
    Ok(Attachment {
        id,
        name: name.parse().map_err(|_| corrupt("name"))?,
        kind,
        media_type: kind.media_type().to_owned(),
        size,
        created_at,
    })
}

/// A point as an application names it: id, name, service number, account, state and the
/// count of its active registrars.
pub(crate) type PointRow = (i64, String, Option<String>, i64, String, i64);

pub(crate) fn point_of(row: PointRow) -> Result<RegistrarPoint, StorageError> {
    let (point_id, name, number, account_id, state, active_registrars) = row;
    let corrupt =
        |what: &str| StorageError::Corrupt(format!("registration point {point_id}: {what}"));
    let state = PointOrderState::from_code(&state).ok_or_else(|| corrupt("state"))?;
    Ok(RegistrarPoint {
        point_id,
        name: name.parse().map_err(|_| corrupt("name"))?,
        service_number: number
            .ok_or_else(|| corrupt("no service number"))?
            .parse()
            .map_err(|_| corrupt("service number"))?,
        account_id,
        active_registrars,
        too_few_registrars: is_short_of_registrars(state, active_registrars),
    })
}

/// An application as stored, before its points.
pub(crate) struct ApplicationRow {
    pub id: i64,
    pub account_id: i64,
    pub contract_id: i64,
    pub applicant_name: Option<String>,
    pub email: String,
    pub language: String,
    pub state: String,
    pub rejection_reason: Option<String>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    pub attachment: AttachmentRow,
}

impl ApplicationRow {
    pub(crate) fn application(
        self,
        points: Vec<RegistrarPoint>,
    ) -> Result<RegistrarApplication, StorageError> {
        let id = self.id;
        let corrupt =
            |what: &str| StorageError::Corrupt(format!("registrar application {id}: {what}"));
        Ok(RegistrarApplication {
            id,
            account_id: self.account_id,
            contract_id: self.contract_id,
            applicant_name: self.applicant_name,
            email: self.email.parse::<Email>().map_err(|_| corrupt("email"))?,
            language: self
                .language
                .parse::<Language>()
                .map_err(|_| corrupt("language"))?,
            points,
            attachment: attachment_of(self.attachment)?,
            state: RegistrarApplicationState::from_code(&self.state)
                .ok_or_else(|| corrupt("state"))?,
            rejection_reason: self
                .rejection_reason
                .map(|reason| reason.parse())
                .transpose()
                .map_err(|_| corrupt("rejection reason"))?,
            created_at: self.created_at,
            decided_at: self.decided_at,
        })
    }
}

/// What the audit log keeps of an application: no contact address or name (the log outlives
/// the application), the file by its name, size and type only.
pub(crate) fn application_audit(application: &RegistrarApplication) -> String {
    json!({
        "id": application.id,
        "contract_id": application.contract_id,
        "point_ids": application
            .points
            .iter()
            .map(|point| point.point_id)
            .collect::<Vec<_>>(),
        "attachment": attachment_audit(&application.attachment),
        "language": application.language,
        "state": application.state,
        "rejection_reason": application.rejection_reason,
    })
    .to_string()
}

/// What the audit log keeps of a file: its name, size and type, never its contents.
pub(crate) fn attachment_audit(attachment: &Attachment) -> serde_json::Value {
    json!({
        "id": attachment.id,
        "name": attachment.name,
        "size": attachment.size,
        "media_type": attachment.media_type,
    })
}

/// The decision's email: the account's name, the points, the reason of a rejection.
pub(crate) fn decision_mail(
    account_name: String,
    application: &RegistrarApplication,
    link: String,
) -> RegistrarDecisionMail {
    RegistrarDecisionMail {
        account_name,
        points: application
            .points
            .iter()
            .map(|point| format!("{} ({})", point.name, point.service_number))
            .collect(),
        rejection_reason: application
            .rejection_reason
            .as_ref()
            .map(|reason| reason.as_str().to_owned()),
        link,
    }
}

/// The facts of [`may_apply`] about one chosen point.
pub(crate) fn chosen_point(
    found: Option<(i64, String)>,
    county_account: i64,
    registrar: bool,
) -> ChosenPoint {
    match found {
        Some((account_id, state)) => ChosenPoint {
            of_county: account_id == county_account,
            approved: state == PointOrderState::Approved.code(),
            registrar,
        },
        None => ChosenPoint {
            of_county: false,
            approved: false,
            registrar,
        },
    }
}

/// The rule's facts besides the points: the account's kind and the contract's state, as
/// stored.
pub(crate) fn facts(
    account_kind: &str,
    contract_state: &str,
    points: Vec<ChosenPoint>,
    pending: bool,
) -> Result<ApplicationFacts, StorageError> {
    Ok(ApplicationFacts {
        account_kind: AccountKind::from_code(account_kind)
            .ok_or_else(|| StorageError::Corrupt("customer account: kind".into()))?,
        contract_state: ContractState::from_code(contract_state)
            .ok_or_else(|| StorageError::Corrupt("card contract: state".into()))?,
        points,
        pending,
    })
}

fn sqlite_attachment_row(row: &rusqlite::Row<'_>, from: usize) -> rusqlite::Result<AttachmentRow> {
    Ok((
        row.get(from)?,
        row.get(from + 1)?,
        row.get(from + 2)?,
        row.get(from + 3)?,
        row.get(from + 4)?,
    ))
}

fn sqlite_application_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ApplicationRow> {
    Ok(ApplicationRow {
        id: row.get(0)?,
        account_id: row.get(1)?,
        contract_id: row.get(2)?,
        applicant_name: row.get(3)?,
        email: row.get(4)?,
        language: row.get(5)?,
        state: row.get(6)?,
        rejection_reason: row.get(7)?,
        created_at: row.get(8)?,
        decided_at: row.get(9)?,
        attachment: sqlite_attachment_row(row, 10)?,
    })
}

fn sqlite_points(
    connection: &rusqlite::Connection,
    application_id: i64,
) -> Result<Vec<RegistrarPoint>, StorageError> {
    let mut statement = connection.prepare_cached(&APPLICATION_POINTS.replace("{}", "?1"))?;
    let rows = statement
        .query_map([application_id], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        })?
        .collect::<Result<Vec<PointRow>, _>>()?;
    rows.into_iter().map(point_of).collect()
}

fn sqlite_application(
    connection: &rusqlite::Connection,
    id: i64,
) -> Result<Option<RegistrarApplication>, StorageError> {
    let Some(row) = connection
        .prepare_cached(&format!(
            "SELECT {APPLICATION_COLUMNS} FROM registrar_applications r \
             JOIN attachments t ON t.id = r.attachment_id WHERE r.id = ?1"
        ))?
        .query_row([id], sqlite_application_row)
        .optional()?
    else {
        return Ok(None);
    };
    let points = sqlite_points(connection, id)?;
    row.application(points).map(Some)
}

/// Writes a message to the outbox in the caller's transaction (no secret: the link is the
/// area's front page); its id.
fn sqlite_enqueue(
    connection: &rusqlite::Connection,
    recipient: &Email,
    language: Language,
    mail: &RegistrarDecisionMail,
    at: i64,
) -> Result<i64, StorageError> {
    let text = mail.text(language);
    Ok(connection
        .prepare_cached(
            "INSERT INTO outbox (recipient, language, subject, body, created_at, \
             next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
        )?
        .query_row(
            rusqlite::params![
                recipient.as_str(),
                language.tag(),
                text.subject,
                text.body,
                at
            ],
            |row| row.get(0),
        )?)
}

impl Sqlite {
    pub(crate) async fn attachment_store(
        &self,
        audit: Audit,
        new: NewAttachment,
    ) -> Result<Attachment, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let discarded = connection
                .prepare_cached(
                    "DELETE FROM attachments WHERE (account_key = ?1 OR created_at < ?2) \
                     AND NOT EXISTS (SELECT 1 FROM registrar_applications r \
                     WHERE r.attachment_id = attachments.id) RETURNING id",
                )?
                .query_map(
                    rusqlite::params![new.uploader.as_str(), at - UNUSED_UPLOAD_SECONDS],
                    |row| row.get::<_, i64>(0),
                )?
                .collect::<Result<Vec<i64>, _>>()?;
            let size = i64::try_from(new.content.len())
                .map_err(|_| StorageError::Corrupt("attachment size".into()))?;
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO attachments (account_key, name, kind, size, content, \
                     created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        new.uploader.as_str(),
                        new.name.as_str(),
                        new.kind.code(),
                        size,
                        new.content,
                        at
                    ],
                    |row| row.get(0),
                )?;
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
            sqlite_audit(connection, &audit, None, None, Some(after.to_string()))?;
            Ok(attachment)
        })
        .await
    }

    pub(crate) async fn attachment_access(
        &self,
        id: i64,
    ) -> Result<Option<AttachmentAccess>, StorageError> {
        self.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {ATTACHMENT_COLUMNS}, account_key, EXISTS (SELECT 1 FROM \
                     registrar_applications r WHERE r.attachment_id = attachments.id) \
                     FROM attachments WHERE id = ?1"
                ))?
                .query_row([id], |row| {
                    Ok((
                        sqlite_attachment_row(row, 0)?,
                        row.get::<_, String>(5)?,
                        row.get::<_, bool>(6)?,
                    ))
                })
                .optional()?
                .map(|(row, uploader, in_application)| {
                    Ok(AttachmentAccess {
                        attachment: attachment_of(row)?,
                        uploader,
                        in_application,
                    })
                })
                .transpose()
        })
        .await
    }

    pub(crate) async fn attachment_content(
        &self,
        id: i64,
    ) -> Result<Option<Vec<u8>>, StorageError> {
        self.read(move |connection| {
            Ok(connection
                .prepare_cached("SELECT content FROM attachments WHERE id = ?1")?
                .query_row([id], |row| row.get(0))
                .optional()?)
        })
        .await
    }

    pub(crate) async fn registrar_apply(
        &self,
        audit: Audit,
        new: NewApplication,
    ) -> Result<Result<RegistrarApplication, RegistrarConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let applicant = new.applicant.as_str();
            let Some((contract_account, contract_state)): Option<(i64, String)> = connection
                .prepare_cached("SELECT account_id, state FROM card_contracts WHERE id = ?1")?
                .query_row([new.contract_id], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?
                .filter(|(account, _)| *account == new.account_id)
            else {
                return Ok(Err(RegistrarConflict::NotFound));
            };
            let account_kind: String = connection
                .prepare_cached("SELECT kind FROM customer_accounts WHERE id = ?1")?
                .query_row([contract_account], |row| row.get(0))?;
            let mut points = Vec::with_capacity(new.request.point_ids.len());
            for point_id in &new.request.point_ids {
                let found: Option<(i64, String)> = connection
                    .prepare_cached(
                        "SELECT account_id, state FROM registration_points WHERE id = ?1",
                    )?
                    .query_row([point_id], |row| Ok((row.get(0)?, row.get(1)?)))
                    .optional()?;
                let registrar = connection
                    .prepare_cached(
                        "SELECT 1 FROM registrars WHERE point_id = ?1 AND account_key = ?2 \
                         AND removed_at IS NULL",
                    )?
                    .exists(rusqlite::params![point_id, applicant])?;
                points.push(chosen_point(found, contract_account, registrar));
            }
            let pending = connection
                .prepare_cached(
                    "SELECT 1 FROM registrar_applications WHERE contract_id = ?1 \
                     AND account_key = ?2 AND state = 'pending'",
                )?
                .exists(rusqlite::params![new.contract_id, applicant])?;
            if let Err(refusal) =
                may_apply(&facts(&account_kind, &contract_state, points, pending)?)
            {
                return Ok(Err(RegistrarConflict::Refused(refusal)));
            }
            let unused = connection
                .prepare_cached(
                    "SELECT 1 FROM attachments WHERE id = ?1 AND account_key = ?2 \
                     AND NOT EXISTS (SELECT 1 FROM registrar_applications r \
                     WHERE r.attachment_id = attachments.id)",
                )?
                .exists(rusqlite::params![new.request.attachment_id, applicant])?;
            if !unused {
                return Ok(Err(RegistrarConflict::AttachmentNotFound));
            }
            let id: i64 = connection
                .prepare_cached(
                    "INSERT INTO registrar_applications (account_id, contract_id, account_key, \
                     applicant_name, email, language, attachment_id, state, created_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8) RETURNING id",
                )?
                .query_row(
                    rusqlite::params![
                        new.account_id,
                        new.contract_id,
                        applicant,
                        new.applicant_name,
                        new.request.email.as_str(),
                        new.request.language.tag(),
                        new.request.attachment_id,
                        at
                    ],
                    |row| row.get(0),
                )?;
            for point_id in &new.request.point_ids {
                connection
                    .prepare_cached(
                        "INSERT INTO registrar_application_points (application_id, point_id) \
                         VALUES (?1, ?2)",
                    )?
                    .execute([id, *point_id])?;
            }
            let application = sqlite_application(connection, id)?.ok_or_else(|| {
                StorageError::Corrupt(format!("registrar application {id} vanished"))
            })?;
            sqlite_audit(
                connection,
                &audit,
                Some(new.account_id),
                None,
                Some(application_audit(&application)),
            )?;
            Ok(Ok(application))
        })
        .await
    }

    pub(crate) async fn registrar_applications_page(
        &self,
        filter: ApplicationsFilter,
        after: i64,
    ) -> Result<Vec<RegistrarApplication>, StorageError> {
        self.read(move |connection| {
            let (state, account_key, account_id) = match filter {
                ApplicationsFilter::Pending => {
                    (Some(RegistrarApplicationState::Pending.code()), None, None)
                }
                ApplicationsFilter::OfApplicant {
                    account_key,
                    account_id,
                } => (None, Some(account_key), Some(account_id)),
            };
            let mut statement = connection.prepare_cached(&format!(
                "SELECT {APPLICATION_COLUMNS} FROM registrar_applications r \
                 JOIN attachments t ON t.id = r.attachment_id \
                 WHERE (?1 IS NULL OR r.state = ?1) AND (?2 IS NULL OR r.account_key = ?2) \
                 AND (?3 IS NULL OR r.account_id = ?3) AND r.id > ?4 ORDER BY r.id LIMIT ?5"
            ))?;
            let rows = statement
                .query_map(
                    rusqlite::params![state, account_key, account_id, after, PAGE_SIZE],
                    sqlite_application_row,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|row| {
                    let points = sqlite_points(connection, row.id)?;
                    row.application(points)
                })
                .collect()
        })
        .await
    }

    pub(crate) async fn registrar_application_decide(
        &self,
        audit: Audit,
        application_id: i64,
        decision: ApplicationDecision,
        link: String,
    ) -> Result<Result<RegistrarApplication, RegistrarConflict>, StorageError> {
        let at = audit.at;
        self.write(move |connection| {
            let Some(before) = sqlite_application(connection, application_id)? else {
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
            connection
                .prepare_cached(
                    "UPDATE registrar_applications SET state = ?2, rejection_reason = ?3, \
                     decided_at = ?4, decided_by = ?5 WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    application_id,
                    state.code(),
                    rejection_reason.as_ref().map(RejectionReason::as_str),
                    at,
                    audit.actor.as_str()
                ])?;
            let applicant: String = connection
                .prepare_cached("SELECT account_key FROM registrar_applications WHERE id = ?1")?
                .query_row([application_id], |row| row.get(0))?;
            let mut granted_points = Vec::new();
            if grant {
                for point in &before.points {
                    // A point closed since the application was filed gives no rights.
                    let added = connection
                        .prepare_cached(
                            "INSERT INTO registrars (point_id, account_key, granted_at) \
                             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM registration_points \
                             WHERE id = ?1 AND state = 'approved') ON CONFLICT DO NOTHING",
                        )?
                        .execute(rusqlite::params![point.point_id, applicant, at])?;
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
            let account_name: String = connection
                .prepare_cached("SELECT name FROM customer_accounts WHERE id = ?1")?
                .query_row([after.account_id], |row| row.get(0))?;
            sqlite_enqueue(
                connection,
                &after.email,
                after.language,
                &decision_mail(account_name, &after, link),
                at,
            )?;
            let mut after_json: serde_json::Value =
                serde_json::from_str(&application_audit(&after)).unwrap_or_default();
            after_json["registrar_rights_granted_at_points"] = json!(granted_points);
            sqlite_audit(
                connection,
                &audit,
                Some(after.account_id),
                Some(application_audit(&before)),
                Some(after_json.to_string()),
            )?;
            Ok(Ok(after))
        })
        .await
    }
}

/// The typed interface, the same on both backends.
impl Storage {
    /// Stores an upload as its uploader's, deleting their earlier unused uploads and anybody's
    /// unused for a day; audited with the file's name, size and type.
    pub async fn attachment_store(
        &self,
        audit: Audit,
        new: NewAttachment,
    ) -> Result<Attachment, StorageError> {
        on_backend!(self, attachment_store(audit, new))
    }

    /// The attachment `id` without its contents, with its uploader and whether an application
    /// names it.
    pub async fn attachment_access(
        &self,
        id: i64,
    ) -> Result<Option<AttachmentAccess>, StorageError> {
        on_backend!(self, attachment_access(id))
    }

    /// The file of the attachment `id`.
    pub async fn attachment_content(&self, id: i64) -> Result<Option<Vec<u8>>, StorageError> {
        on_backend!(self, attachment_content(id))
    }

    /// Files a registrar application, as `domain::administration::may_apply` allows, with
    /// the applicant's unused upload.
    pub async fn registrar_apply(
        &self,
        audit: Audit,
        new: NewApplication,
    ) -> Result<Result<RegistrarApplication, RegistrarConflict>, StorageError> {
        on_backend!(self, registrar_apply(audit, new))
    }

    /// At most [`PAGE_SIZE`] applications with an id above `after`, by id.
    pub async fn registrar_applications_page(
        &self,
        filter: ApplicationsFilter,
        after: i64,
    ) -> Result<Vec<RegistrarApplication>, StorageError> {
        on_backend!(self, registrar_applications_page(filter, after))
    }

    /// The officer grants (registrar rights at each point applied for) or rejects a pending
    /// application; the applicant's email (with `link`) goes to the outbox in the same
    /// transaction.
    pub async fn registrar_application_decide(
        &self,
        audit: Audit,
        application_id: i64,
        decision: ApplicationDecision,
        link: String,
    ) -> Result<Result<RegistrarApplication, RegistrarConflict>, StorageError> {
        on_backend!(
            self,
            registrar_application_decide(audit, application_id, decision, link)
        )
    }
}

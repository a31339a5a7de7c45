//! The bodies of the registration-point administration's API (`/api/admin/…`). What a person
//! types travels as the domain's `…Input` (plain strings, validated on both sides); answers
//! carry the domain's typed values.

use domain::administration::{
    AccountKind, AccountRole, AttachmentKind, AttachmentName, BusinessId, CardKind,
    CertificateDelivery, ConfirmationState, ContractKind, ContractState, CustomerState,
    DeliveryState, InvitationState, MaskedIdentityCode, NoticeBody, NoticeSubject,
    OrganisationName, PersonName, PointOrderState, PostalAddress, RegistrarApplicationState,
    RejectionReason, ServiceNumber,
};
use domain::reference::WellbeingCountyCode;
use domain::{CalendarDate, Email, Language};
use serde::{Deserialize, Serialize};

/// A customer account, and the asking person's role in it (none for an officer who is not a
/// member).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountSummary {
    pub id: i64,
    pub name: OrganisationName,
    pub business_id: BusinessId,
    pub kind: AccountKind,
    /// The county, for a wellbeing county's account.
    pub county: Option<WellbeingCountyCode>,
    /// The asking person's role in the account, if they are a member.
    pub role: Option<AccountRole>,
}

/// `GET /api/admin/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminMe {
    /// Whether the person is an agency officer.
    pub officer: bool,
    /// The accounts the person belongs to, by name.
    pub accounts: Vec<AccountSummary>,
    /// The registration points where the person is an active registrar (rekisteröijä), by
    /// point id.
    #[serde(default)]
    pub registrar_points: Vec<RegistrarPoint>,
}

/// A registration point as a registrar's rights and a registrar application name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarPoint {
    pub point_id: i64,
    pub name: OrganisationName,
    pub service_number: ServiceNumber,
    /// The county's account the point belongs to.
    pub account_id: i64,
    /// How many registrars have active rights at the point now.
    pub active_registrars: i64,
    /// An approved point with fewer than two active registrars: shown as such.
    pub too_few_registrars: bool,
}

/// `GET /api/admin/accounts`: a page, and where the next begins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountsPage {
    pub accounts: Vec<AccountSummary>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// A card contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contract {
    pub id: i64,
    pub account_id: i64,
    pub kind: ContractKind,
    pub state: ContractState,
    /// Why the agency rejected it.
    pub rejection_reason: Option<RejectionReason>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds of the last change.
    pub updated_at: i64,
}

/// `GET /api/admin/accounts/{account}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountDetail {
    pub account: AccountSummary,
    /// The newest contracts first.
    pub contracts: Vec<Contract>,
}

/// `GET /api/admin/contracts`: submitted contracts awaiting a decision, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractsPage {
    pub contracts: Vec<Contract>,
    /// The accounts the page's contracts belong to, once each, so the officer sees whose
    /// they are.
    pub accounts: Vec<AccountSummary>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// One change in the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    /// Unix seconds.
    pub at: i64,
    /// Who made the change: the account key of the signed-in person (a pseudonymous
    /// identifier of the identity provider, never a personal identity code).
    pub actor: String,
    pub account_id: Option<i64>,
    /// What was done (`account_opened`, `contract_granted`, …).
    pub action: String,
    /// The state before, as JSON (none for a creation).
    pub before: Option<String>,
    /// The state after, as JSON.
    pub after: Option<String>,
}

/// `GET /api/admin/audit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// `before` for the next (older) page; none on the last.
    pub next_before: Option<i64>,
}

/// `?after=ID` of a list by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AfterQuery {
    /// Only rows with a greater id (the previous page's `next_after`).
    pub after: Option<i64>,
}

/// `?account=ID&before=ID` of the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AuditQuery {
    /// Only this account's entries (an administrator must name their account).
    pub account: Option<i64>,
    /// Only entries with a smaller id (the previous page's `next_before`).
    pub before: Option<i64>,
}

/// A county's registration point (rekisteröintipiste), from its order on: ordered, approved
/// (with its service number) or rejected (with the reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationPoint {
    pub id: i64,
    /// The county's account.
    pub account_id: i64,
    pub name: OrganisationName,
    /// None for a county's main point, which comes with its granted contract.
    pub postal_address: Option<PostalAddress>,
    pub state: PointOrderState,
    /// Assigned when the order is approved.
    pub service_number: Option<ServiceNumber>,
    /// The point bound to the county's granted contract.
    pub is_main: bool,
    /// Why the agency rejected the order.
    pub rejection_reason: Option<RejectionReason>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds of the last change.
    pub updated_at: i64,
    /// How many registrars have active rights at the point now (0 for an order, a rejected
    /// or a closed point).
    pub active_registrars: i64,
    /// An approved point with fewer than `domain::administration::MIN_REGISTRARS_PER_POINT`
    /// (two) active registrars: shown as such wherever the point is.
    pub too_few_registrars: bool,
}

/// `GET /api/admin/accounts/{account}/points` and `GET /api/admin/point-orders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointsPage {
    pub points: Vec<RegistrationPoint>,
    /// The officer's list of orders: the counties the page's points belong to, once each.
    /// Empty on a county's own list.
    pub accounts: Vec<AccountSummary>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// An approved point as an organisation's administrator confirms it before authorising it:
/// `GET /api/admin/points/lookup`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointLookup {
    pub point_id: i64,
    pub service_number: ServiceNumber,
    pub name: OrganisationName,
    /// The county's account's name.
    pub county_name: OrganisationName,
    /// The county, of the reference data.
    pub county: Option<WellbeingCountyCode>,
    /// How many registrars have active rights at the point now.
    pub active_registrars: i64,
    /// Fewer than two active registrars.
    pub too_few_registrars: bool,
}

/// An organisation's authorisation (valtuutus) of one registration point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Authorisation {
    pub id: i64,
    /// The authorising organisation's account.
    pub account_id: i64,
    /// The point authorised.
    pub point: PointLookup,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds of the revocation; none while it is active.
    pub revoked_at: Option<i64>,
}

/// `GET /api/admin/accounts/{account}/authorisations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorisationsPage {
    pub authorisations: Vec<Authorisation>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// An organisation that authorises a point: to the point, a customer "YS sote/organisaatio".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointCustomer {
    /// The authorisation's id (pages go by it).
    pub authorisation_id: i64,
    pub account_id: i64,
    pub name: OrganisationName,
    pub business_id: BusinessId,
    pub kind: AccountKind,
    /// Unix seconds: since when it authorises the point.
    pub since: i64,
}

/// `GET /api/admin/accounts/{account}/points/{point}/customers`: the active authorisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointCustomersPage {
    pub customers: Vec<PointCustomer>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// `?service_number=N` of the look-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ServiceNumberQuery {
    /// The number as typed (spaces and hyphens between the digits are taken).
    pub service_number: Option<String>,
}

/// A member of a customer account, as its administrators see them (Käyttäjien hallinta).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountUser {
    /// The membership's id (`{member}` of the paths).
    pub id: i64,
    /// The person's name as their identity provider gave it when they accepted an invitation
    /// (the demonstration data's members: the development provider's names); none where the
    /// service was never told one. Never a personal identity code.
    pub display_name: Option<String>,
    /// The address the accepted invitation was sent to, if the membership came from one.
    pub invited_as: Option<Email>,
    pub role: AccountRole,
    /// Unix seconds: member since.
    pub since: i64,
}

/// An invitation to a customer account, as its administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountInvitation {
    pub id: i64,
    /// Where it was sent.
    pub email: Email,
    /// The language of its email.
    pub language: Language,
    /// The role it gives.
    pub role: AccountRole,
    /// Unix seconds of the latest (re)send.
    pub sent_at: i64,
    /// Unix seconds: its link is valid until then.
    pub valid_until: i64,
    pub state: InvitationState,
    /// Whether the latest email has been accepted by the SMTP server (`queued` until then).
    pub delivery: DeliveryState,
}

/// `GET /api/admin/accounts/{account}/users`: a page of the members and a page of the
/// invitations, each by id, each with where its next page begins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UsersPage {
    pub users: Vec<AccountUser>,
    /// `users_after` for the next page of members; none on the last.
    pub users_next_after: Option<i64>,
    pub invitations: Vec<AccountInvitation>,
    /// `invitations_after` for the next page of invitations; none on the last.
    pub invitations_next_after: Option<i64>,
}

/// `?users_after=ID&invitations_after=ID` of the users' list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct UsersQuery {
    /// Only members with a greater id (the previous page's `users_next_after`).
    pub users_after: Option<i64>,
    /// Only invitations with a greater id (the previous page's `invitations_next_after`).
    pub invitations_after: Option<i64>,
}

/// `PUT /api/admin/accounts/{account}/users/{member}`: the member's new role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberRoleInput {
    pub role: AccountRole,
}

/// An invitation's token, from its link: `POST /api/admin/invitations/acceptance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationTokenInput {
    pub token: String,
}

/// `?token=…` of the invitation's look-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct InvitationTokenQuery {
    /// The token of the invitation's link.
    pub token: Option<String>,
}

/// `GET /api/admin/invitations/lookup`: what the acceptance page shows before accepting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationLookup {
    pub account_id: i64,
    /// The inviting account's organisation.
    pub account_name: OrganisationName,
    /// The role accepting gives.
    pub role: AccountRole,
    /// Unix seconds: the link is valid until then.
    pub valid_until: i64,
}

/// `?name=FILE` of an upload: the file's name on the uploader's computer (percent-encoded
/// UTF-8, as any query).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AttachmentQuery {
    /// The file's name (shown as it is; the type never comes from it).
    pub name: Option<String>,
}

/// An uploaded file: `POST /api/admin/attachments` answers it; a registrar application names
/// it by `id`. Its contents are `GET /api/admin/attachments/{attachment}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub id: i64,
    /// The file's name as uploaded.
    pub name: AttachmentName,
    /// The type its bytes are (never its name's or the browser's word).
    pub kind: AttachmentKind,
    /// Its media type (`application/pdf`, `image/png`, `image/jpeg`), as it is served.
    pub media_type: String,
    /// Bytes.
    pub size: i64,
    /// Unix seconds.
    pub created_at: i64,
}

/// A registrar application (rekisteröijähakemus) on a county's granted card contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarApplication {
    pub id: i64,
    /// The county's account.
    pub account_id: i64,
    /// The granted contract it was filed on.
    pub contract_id: i64,
    /// The applicant's name, as their identity provider gave it (never an identifier).
    pub applicant_name: Option<String>,
    /// Where the decision is sent.
    pub email: Email,
    /// The language of the decision's email (the applicant's).
    pub language: Language,
    /// The points applied for, by id.
    pub points: Vec<RegistrarPoint>,
    /// The training certificate.
    pub attachment: Attachment,
    pub state: RegistrarApplicationState,
    /// Why the agency rejected it.
    pub rejection_reason: Option<RejectionReason>,
    /// Unix seconds: filed.
    pub created_at: i64,
    /// Unix seconds: decided.
    pub decided_at: Option<i64>,
}

/// `GET /api/admin/registrar-applications` (the officer's pending ones, oldest first, with
/// the accounts they are on) and `GET /api/admin/accounts/{account}/registrar-applications`
/// (the signed-in person's own on the account, every state; `accounts` empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarApplicationsPage {
    pub applications: Vec<RegistrarApplication>,
    /// The officer's list: the counties' accounts of the page's applications, once each.
    pub accounts: Vec<AccountSummary>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// A registrar with active rights at a point, as the county's account and the agency officer
/// see them. Never an account key or a personal identity code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointRegistrar {
    /// The rights' id (`{registrar}` of the removal's path).
    pub id: i64,
    /// The person's name as their identity provider gave it (from their membership of an
    /// account, the point's county's first); none where the service was never told one.
    pub display_name: Option<String>,
    /// Unix seconds: registrar at this point since.
    pub granted_at: i64,
}

/// `GET /api/admin/accounts/{account}/points/{point}/registrars`: the point's active
/// registrars by id, with the count of them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointRegistrarsPage {
    pub registrars: Vec<PointRegistrar>,
    /// All the point's active registrars (not only this page's).
    pub active_registrars: i64,
    /// Fewer than two.
    pub too_few_registrars: bool,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// `POST …/points/{point}/closure`: the closed point, and what ended with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointClosure {
    pub point: RegistrationPoint,
    /// The registrars' rights that ended.
    pub registrars_removed: i64,
    /// The organisations' authorisations that were revoked.
    pub authorisations_revoked: i64,
}

/// A contact email waiting for its confirmation link to be followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingContactEmail {
    pub email: Email,
    /// The language of its email (and later of the notices' framing text).
    pub language: Language,
    /// Unix seconds of the latest (re)send.
    pub sent_at: i64,
    /// Unix seconds: the link is valid until then.
    pub valid_until: i64,
    /// `pending`, or `expired` once `valid_until` has passed (resend it).
    pub state: ConfirmationState,
    /// Whether its latest email has been accepted by the SMTP server.
    pub delivery: DeliveryState,
}

/// `GET`/`PUT /api/admin/me/contact` ("Muuta henkilötietoja"): the registrar's contact email
/// in use (the confirmed one) and the one waiting for confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarContact {
    /// The address the agency's notices go to; none until one is confirmed.
    pub confirmed_email: Option<Email>,
    /// Unix seconds of its confirmation.
    pub confirmed_at: Option<i64>,
    /// The address asked for and not yet confirmed (the confirmed one stays in use until then).
    pub pending: Option<PendingContactEmail>,
}

/// The token of a contact email's confirmation link:
/// `POST /api/admin/me/contact/confirmation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmationTokenInput {
    pub token: String,
}

/// An agency notice (tiedote) to every registrar, and how its email has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeSummary {
    pub id: i64,
    pub subject: NoticeSubject,
    pub body: NoticeBody,
    /// Unix seconds: when the officer sent it.
    pub created_at: i64,
    /// The registrars (people, not rights) with active rights when it was sent.
    pub registrars: i64,
    /// The messages written: one per distinct confirmed contact address.
    pub recipients: i64,
    /// Accepted by the SMTP server.
    pub sent: i64,
    /// In the outbox, no attempt failed yet (or no SMTP server configured).
    pub queued: i64,
    /// In the outbox after a failed attempt; retried until sent.
    pub retrying: i64,
    /// Registrars without a confirmed contact email when it was sent: not reached.
    pub not_reached: i64,
}

/// `GET /api/admin/notices`: the notices, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticesPage {
    pub notices: Vec<NoticeSummary>,
    /// `before` for the next (older) page; none on the last.
    pub next_before: Option<i64>,
}

/// A registrar a notice did not reach (no confirmed contact email when it was sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnreachedRegistrar {
    /// The person's name as their identity provider gave it; none where never told one.
    pub display_name: Option<String>,
    /// The points where they had rights, by name.
    pub points: Vec<OrganisationName>,
}

/// `GET /api/admin/notices/{notice}`: one notice with the registrars it did not reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeDetail {
    pub notice: NoticeSummary,
    pub not_reached: Vec<UnreachedRegistrar>,
}

/// `?before=ID` of a list newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct BeforeQuery {
    /// Only rows with a smaller id (the previous page's `next_before`).
    pub before: Option<i64>,
}

/// A customer of a registration point as its registrars see it: the county that holds the
/// point (`county`), or an organisation by one of its authorisations ("YS sote/organisaatio",
/// `active` or `revoked`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarCustomer {
    pub account_id: i64,
    pub name: OrganisationName,
    pub business_id: BusinessId,
    pub kind: AccountKind,
    pub state: CustomerState,
    /// The authorisation the row is about; none for the county.
    pub authorisation_id: Option<i64>,
    /// Unix seconds: since when it authorises the point (for the county: since the point
    /// was ordered).
    pub since: i64,
    /// Unix seconds of the revocation, for a revoked authorisation.
    pub revoked_at: Option<i64>,
}

/// `GET /api/admin/registrar/points/{point}/customers?after=ID`: the point, and a page of its
/// customers: on the first page (no `after`) the county first, then the organisations by
/// authorisation id (revoked ones too, marked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarCustomersPage {
    pub point: PointLookup,
    pub customers: Vec<RegistrarCustomer>,
    /// `after` for the next page (an authorisation id); none on the last.
    pub next_after: Option<i64>,
}

/// A service-relationship certificate (palvelusuhdetodistus) recorded at a point. The identity
/// code is only ever sent masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceCertificate {
    pub id: i64,
    pub point_id: i64,
    /// The staff member's organisation (a private social or health-care organisation).
    pub organisation_account_id: i64,
    pub person_name: PersonName,
    /// `010190-***M`.
    pub identity_code: MaskedIdentityCode,
    pub received_on: CalendarDate,
    pub delivery: CertificateDelivery,
    /// Unix seconds: when it was recorded.
    pub recorded_at: i64,
}

/// `GET /api/admin/registrar/points/{point}/certificates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificatesPage {
    pub certificates: Vec<ServiceCertificate>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// A card ordered at a point: a staff card (its person's name and masked identity code, and
/// for a private organisation's staff member the certificate it rests on) or an organisation
/// card (no person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardOrder {
    pub id: i64,
    pub point_id: i64,
    /// The customer: the county that holds the point or an authorising organisation.
    pub customer_account_id: i64,
    pub card_kind: CardKind,
    pub person_name: Option<PersonName>,
    /// `010190-***M`.
    pub identity_code: Option<MaskedIdentityCode>,
    /// The certificate of a private organisation's staff member.
    pub certificate_id: Option<i64>,
    /// Unix seconds.
    pub ordered_at: i64,
}

/// `GET /api/admin/registrar/points/{point}/orders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardOrdersPage {
    pub orders: Vec<CardOrder>,
    /// `after` for the next page; none on the last.
    pub next_after: Option<i64>,
}

/// `?after=ID&customer=ID` of the point's certificates and orders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct CustomerQuery {
    /// Only rows with a greater id (the previous page's `next_after`).
    pub after: Option<i64>,
    /// Only the rows of this customer account (per customer).
    pub customer: Option<i64>,
}

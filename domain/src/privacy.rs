//! What personal data the service stores, column by column: the one list the privacy notice
//! is rendered from and the server's test holds against the database migrations.
//!
//! Every column of every table is in [`STORED_COLUMNS`] with the piece of personal data
//! ([`PersonalData`]) the notice describes it under. Every column today belongs to one
//! professional's records (even the times and the order of the chosen organisations say
//! something about that person), so every column is personal data; a column that is not
//! would need a classification of its own here, not silence. The server's test
//! (`server/tests/privacy.rs`) parses the migrations of both backends and fails when a
//! column exists that this list does not name, or the list names one that does not exist.

/// A piece of personal data, as the privacy notice lists it (why, legal basis, how long,
/// who receives it). The texts are the app's; this is the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonalData {
    /// The account's identifier: the sign-in method and the identifier the identification
    /// service gave (for some services the personal identity code).
    Identifier,
    /// The phone number and the e-mail address given at registration.
    ContactDetails,
    /// The cooperation organisations chosen at registration, in the order chosen.
    CooperationOrganisations,
    /// The professional group of the profile.
    ProfessionalGroup,
    /// The wellbeing services county of the profile, if given.
    WellbeingCounty,
    /// When the registration and the profile were made and last changed.
    RecordTimes,
    /// The sign-in session: its random id, the name and identifier the identification
    /// service gave, the times of sign-in and of the last activity, and when it expires.
    SignInSession,
    /// The roles in the registration-point administration: agency officer, the customer
    /// accounts a person belongs to and the role in each, and when they were given.
    AdministrationRoles,
    /// The administration's audit log: who changed what and when, before and after.
    AuditLog,
    /// Organisations' customer accounts, card contracts, registration points and
    /// authorisations: organisations' data, personal only as far as it concerns the account's
    /// users.
    OrganisationRecords,
    /// Service-relationship certificates and card orders of a point's registrars: the staff
    /// member's name and personal identity code (sealed, never in clear), the organisation,
    /// the dates, and who recorded or ordered them.
    CardOrders,
}

impl PersonalData {
    /// Every piece, in the notice's order.
    pub const ALL: [PersonalData; 11] = [
        PersonalData::Identifier,
        PersonalData::ContactDetails,
        PersonalData::CooperationOrganisations,
        PersonalData::ProfessionalGroup,
        PersonalData::WellbeingCounty,
        PersonalData::RecordTimes,
        PersonalData::SignInSession,
        PersonalData::AdministrationRoles,
        PersonalData::AuditLog,
        PersonalData::OrganisationRecords,
        PersonalData::CardOrders,
    ];
}

/// One column of the database and the personal data it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredColumn {
    /// The table.
    pub table: &'static str,
    /// The column.
    pub column: &'static str,
    /// What the notice lists it under.
    pub data: PersonalData,
}

const fn column(table: &'static str, column: &'static str, data: PersonalData) -> StoredColumn {
    StoredColumn {
        table,
        column,
        data,
    }
}

/// Every column of the database (the same on SQLite and PostgreSQL), classified.
pub const STORED_COLUMNS: [StoredColumn; 163] = [
    column("registrations", "account_key", PersonalData::Identifier),
    column("registrations", "phone", PersonalData::ContactDetails),
    column("registrations", "email", PersonalData::ContactDetails),
    column("registrations", "created_at", PersonalData::RecordTimes),
    column("registrations", "updated_at", PersonalData::RecordTimes),
    column(
        "registration_organisations",
        "account_key",
        PersonalData::Identifier,
    ),
    column(
        "registration_organisations",
        "position",
        PersonalData::CooperationOrganisations,
    ),
    column(
        "registration_organisations",
        "code",
        PersonalData::CooperationOrganisations,
    ),
    column("profiles", "account_key", PersonalData::Identifier),
    column(
        "profiles",
        "professional_group",
        PersonalData::ProfessionalGroup,
    ),
    column(
        "profiles",
        "wellbeing_county",
        PersonalData::WellbeingCounty,
    ),
    column("profiles", "created_at", PersonalData::RecordTimes),
    column("profiles", "updated_at", PersonalData::RecordTimes),
    column("sessions", "id", PersonalData::SignInSession),
    column("sessions", "data", PersonalData::SignInSession),
    column("sessions", "expires_at", PersonalData::SignInSession),
    column("officers", "account_key", PersonalData::AdministrationRoles),
    column("officers", "created_at", PersonalData::AdministrationRoles),
    column(
        "memberships",
        "account_id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "memberships",
        "account_key",
        PersonalData::AdministrationRoles,
    ),
    column("memberships", "role", PersonalData::AdministrationRoles),
    column(
        "memberships",
        "created_at",
        PersonalData::AdministrationRoles,
    ),
    column("audit_log", "id", PersonalData::AuditLog),
    column("audit_log", "at", PersonalData::AuditLog),
    column("audit_log", "actor", PersonalData::AuditLog),
    column("audit_log", "account_id", PersonalData::AuditLog),
    column("audit_log", "action", PersonalData::AuditLog),
    column("audit_log", "before", PersonalData::AuditLog),
    column("audit_log", "after", PersonalData::AuditLog),
    column("customer_accounts", "id", PersonalData::OrganisationRecords),
    column(
        "customer_accounts",
        "name",
        PersonalData::OrganisationRecords,
    ),
    column(
        "customer_accounts",
        "business_id",
        PersonalData::OrganisationRecords,
    ),
    column(
        "customer_accounts",
        "kind",
        PersonalData::OrganisationRecords,
    ),
    column(
        "customer_accounts",
        "county",
        PersonalData::OrganisationRecords,
    ),
    column(
        "customer_accounts",
        "created_at",
        PersonalData::OrganisationRecords,
    ),
    column("card_contracts", "id", PersonalData::OrganisationRecords),
    column(
        "card_contracts",
        "account_id",
        PersonalData::OrganisationRecords,
    ),
    column("card_contracts", "kind", PersonalData::OrganisationRecords),
    column("card_contracts", "state", PersonalData::OrganisationRecords),
    column(
        "card_contracts",
        "rejection_reason",
        PersonalData::OrganisationRecords,
    ),
    column(
        "card_contracts",
        "created_at",
        PersonalData::OrganisationRecords,
    ),
    column(
        "card_contracts",
        "updated_at",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "id",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "account_id",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "name",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "postal_address",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "state",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "service_number",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "is_main",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "rejection_reason",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "created_at",
        PersonalData::OrganisationRecords,
    ),
    column(
        "registration_points",
        "updated_at",
        PersonalData::OrganisationRecords,
    ),
    column("authorisations", "id", PersonalData::OrganisationRecords),
    column(
        "authorisations",
        "account_id",
        PersonalData::OrganisationRecords,
    ),
    column(
        "authorisations",
        "point_id",
        PersonalData::OrganisationRecords,
    ),
    column(
        "authorisations",
        "created_at",
        PersonalData::OrganisationRecords,
    ),
    column(
        "authorisations",
        "revoked_at",
        PersonalData::OrganisationRecords,
    ),
    // Registrars (rekisteröijä): whose rights at which point, since when, until when.
    column("registrars", "id", PersonalData::AdministrationRoles),
    column("registrars", "point_id", PersonalData::AdministrationRoles),
    column(
        "registrars",
        "account_key",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrars",
        "granted_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrars",
        "removed_at",
        PersonalData::AdministrationRoles,
    ),
    // Users and invitations (Käyttäjien hallinta): the name a member's identity provider gave
    // at acceptance and the address they were invited at; the invitations (the address, the
    // inviter, the hash of the link's token) and the email sent for them (the outbox: the
    // address, the text, which names the inviter and the account, and its delivery).
    column("memberships", "id", PersonalData::AdministrationRoles),
    column(
        "memberships",
        "display_name",
        PersonalData::AdministrationRoles,
    ),
    column(
        "memberships",
        "invited_as",
        PersonalData::AdministrationRoles,
    ),
    column("invitations", "id", PersonalData::AdministrationRoles),
    column(
        "invitations",
        "account_id",
        PersonalData::AdministrationRoles,
    ),
    column("invitations", "email", PersonalData::AdministrationRoles),
    column("invitations", "language", PersonalData::AdministrationRoles),
    column("invitations", "role", PersonalData::AdministrationRoles),
    column(
        "invitations",
        "token_hash",
        PersonalData::AdministrationRoles,
    ),
    column(
        "invitations",
        "invited_by",
        PersonalData::AdministrationRoles,
    ),
    column(
        "invitations",
        "created_at",
        PersonalData::AdministrationRoles,
    ),
    column("invitations", "sent_at", PersonalData::AdministrationRoles),
    column(
        "invitations",
        "expires_at",
        PersonalData::AdministrationRoles,
    ),
    column("invitations", "state", PersonalData::AdministrationRoles),
    column(
        "invitations",
        "resend_window_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "invitations",
        "resends_in_window",
        PersonalData::AdministrationRoles,
    ),
    column(
        "invitations",
        "accepted_by",
        PersonalData::AdministrationRoles,
    ),
    column(
        "invitations",
        "closed_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "invitations",
        "message_id",
        PersonalData::AdministrationRoles,
    ),
    column("outbox", "id", PersonalData::AdministrationRoles),
    column("outbox", "recipient", PersonalData::AdministrationRoles),
    column("outbox", "language", PersonalData::AdministrationRoles),
    column("outbox", "subject", PersonalData::AdministrationRoles),
    column("outbox", "body", PersonalData::AdministrationRoles),
    column("outbox", "secret", PersonalData::AdministrationRoles),
    column("outbox", "created_at", PersonalData::AdministrationRoles),
    column("outbox", "attempts", PersonalData::AdministrationRoles),
    column(
        "outbox",
        "next_attempt_at",
        PersonalData::AdministrationRoles,
    ),
    column("outbox", "claimed_until", PersonalData::AdministrationRoles),
    column("outbox", "claimed_by", PersonalData::AdministrationRoles),
    column("outbox", "sent_at", PersonalData::AdministrationRoles),
    column("outbox", "last_error", PersonalData::AdministrationRoles),
    // Registrar applications (rekisteröijähakemus): who applied for rights at which points,
    // where the decision is sent, the training certificate (the file itself), the decision.
    column("attachments", "id", PersonalData::AdministrationRoles),
    column(
        "attachments",
        "account_key",
        PersonalData::AdministrationRoles,
    ),
    column("attachments", "name", PersonalData::AdministrationRoles),
    column("attachments", "kind", PersonalData::AdministrationRoles),
    column("attachments", "size", PersonalData::AdministrationRoles),
    column("attachments", "content", PersonalData::AdministrationRoles),
    column(
        "attachments",
        "created_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "account_id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "contract_id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "account_key",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "applicant_name",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "email",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "language",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "attachment_id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "state",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "rejection_reason",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "created_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "decided_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_applications",
        "decided_by",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_application_points",
        "application_id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_application_points",
        "point_id",
        PersonalData::AdministrationRoles,
    ),
    // Registrars' contact email and its confirmations, and the agency's notices to them
    // (which registrars each did not reach): administration data of the registrars.
    column(
        "registrar_contacts",
        "account_key",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_contacts",
        "email",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_contacts",
        "language",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_contacts",
        "confirmed_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_contacts",
        "resend_window_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "registrar_contacts",
        "resends_in_window",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "account_key",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "email",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "language",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "token_hash",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "created_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "sent_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "expires_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "state",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "closed_at",
        PersonalData::AdministrationRoles,
    ),
    column(
        "contact_confirmations",
        "message_id",
        PersonalData::AdministrationRoles,
    ),
    column("notices", "id", PersonalData::AdministrationRoles),
    column("notices", "subject", PersonalData::AdministrationRoles),
    column("notices", "body", PersonalData::AdministrationRoles),
    column("notices", "sent_by", PersonalData::AdministrationRoles),
    column("notices", "created_at", PersonalData::AdministrationRoles),
    column("notices", "registrars", PersonalData::AdministrationRoles),
    column("notices", "not_reached", PersonalData::AdministrationRoles),
    column(
        "notice_unreached",
        "notice_id",
        PersonalData::AdministrationRoles,
    ),
    column(
        "notice_unreached",
        "registrar_id",
        PersonalData::AdministrationRoles,
    ),
    column("outbox", "notice_id", PersonalData::AdministrationRoles),
    // Service-relationship certificates and card orders (a point's registrars): the staff
    // member's name, the identity code only sealed and as a keyed blind index, who recorded
    // or ordered, and when.
    column("service_certificates", "id", PersonalData::CardOrders),
    column("service_certificates", "point_id", PersonalData::CardOrders),
    column(
        "service_certificates",
        "organisation_account_id",
        PersonalData::CardOrders,
    ),
    column(
        "service_certificates",
        "person_name",
        PersonalData::CardOrders,
    ),
    column(
        "service_certificates",
        "identity_code_sealed",
        PersonalData::CardOrders,
    ),
    column(
        "service_certificates",
        "identity_code_index",
        PersonalData::CardOrders,
    ),
    column(
        "service_certificates",
        "received_on",
        PersonalData::CardOrders,
    ),
    column("service_certificates", "delivery", PersonalData::CardOrders),
    column(
        "service_certificates",
        "recorded_by",
        PersonalData::CardOrders,
    ),
    column(
        "service_certificates",
        "recorded_at",
        PersonalData::CardOrders,
    ),
    column("card_orders", "id", PersonalData::CardOrders),
    column("card_orders", "point_id", PersonalData::CardOrders),
    column(
        "card_orders",
        "customer_account_id",
        PersonalData::CardOrders,
    ),
    column("card_orders", "card_kind", PersonalData::CardOrders),
    column("card_orders", "person_name", PersonalData::CardOrders),
    column(
        "card_orders",
        "identity_code_sealed",
        PersonalData::CardOrders,
    ),
    column(
        "card_orders",
        "identity_code_index",
        PersonalData::CardOrders,
    ),
    column("card_orders", "certificate_id", PersonalData::CardOrders),
    column("card_orders", "ordered_by", PersonalData::CardOrders),
    column("card_orders", "ordered_at", PersonalData::CardOrders),
];

/// Whether some column holds `data` (a `const fn`, so [`HELD`] is decided when compiling).
const fn is_held(data: PersonalData) -> bool {
    let mut index = 0;
    while index < STORED_COLUMNS.len() {
        if STORED_COLUMNS[index].data as u8 == data as u8 {
            return true;
        }
        index += 1;
    }
    false
}

/// For each piece of [`PersonalData::ALL`], whether some column holds it. Computed when
/// compiling, so the app's privacy notice does not carry [`STORED_COLUMNS`] itself (its table
/// names and column names): a new column leaves the professionals' download as it was.
const HELD: [bool; PersonalData::ALL.len()] = {
    let mut held = [false; PersonalData::ALL.len()];
    let mut index = 0;
    while index < held.len() {
        held[index] = is_held(PersonalData::ALL[index]);
        index += 1;
    }
    held
};

/// The pieces of personal data the notice lists: those some column holds, in the order of
/// [`PersonalData::ALL`].
pub fn notice_items() -> impl Iterator<Item = PersonalData> {
    PersonalData::ALL
        .into_iter()
        .zip(HELD)
        .filter_map(|(data, held)| held.then_some(data))
}

/// The columns that hold `data`, as `table.column`.
pub fn columns_of(data: PersonalData) -> impl Iterator<Item = String> {
    STORED_COLUMNS
        .iter()
        .filter(move |column| column.data == data)
        .map(|column| format!("{}.{}", column.table, column.column))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    // Guards the notice against an item no column holds (a text about data the service does
    // not keep) and against listing one column twice.
    #[test]
    fn every_item_is_stored_and_every_column_listed_once() {
        assert_eq!(
            notice_items().collect::<Vec<_>>(),
            PersonalData::ALL.to_vec()
        );
        // The table decided when compiling is the columns' own verdict.
        for data in PersonalData::ALL {
            assert_eq!(
                notice_items().any(|item| item == data),
                STORED_COLUMNS.iter().any(|column| column.data == data),
                "{data:?}"
            );
        }
        let distinct: BTreeSet<(&str, &str)> = STORED_COLUMNS
            .iter()
            .map(|column| (column.table, column.column))
            .collect();
        assert_eq!(distinct.len(), STORED_COLUMNS.len());
        assert_eq!(
            columns_of(PersonalData::ContactDetails).collect::<Vec<_>>(),
            ["registrations.phone", "registrations.email"]
        );
    }
}

//! The OpenAPI schemas of the checked text types, which serialise as text through their rule
//! (`text_form!`) and so cannot be derived: each lists exactly what its rule accepts, from the
//! same reference data. Only with the `openapi` feature (the server's document).

use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::administration::{
    AttachmentName, BusinessId, MAX_ATTACHMENT_NAME_LENGTH, MAX_NOTICE_BODY_LENGTH,
    MAX_NOTICE_SUBJECT_LENGTH, MAX_ORGANISATION_NAME_LENGTH, MAX_PERSON_NAME_LENGTH,
    MAX_POSTAL_ADDRESS_LENGTH, MAX_REJECTION_REASON_LENGTH, MIN_ORGANISATION_NAME_LENGTH,
    MIN_PERSON_NAME_LENGTH, MIN_POSTAL_ADDRESS_LENGTH, MaskedIdentityCode, NoticeBody,
    NoticeSubject, OrganisationName, PersonName, PostalAddress, RejectionReason, ServiceNumber,
};
use crate::cooperation::{
    CooperationOrganisation, CooperationOrganisations, MAX_COOPERATION_ORGANISATIONS,
};
use crate::date::CalendarDate;
use crate::email::{Email, MAX_EMAIL_LENGTH};
use crate::localised::Language;
use crate::organisation::OrganisationCode;
use crate::phone::PhoneNumber;
use crate::reference::WellbeingCountyCode;

fn text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

impl PartialSchema for PhoneNumber {
    fn schema() -> RefOr<Schema> {
        text("A phone number in E.164 form, as the server normalised it.")
            .pattern(Some(r"^\+[1-9][0-9]{7,14}$"))
            .examples(["+358401234567"])
            .into()
    }
}
impl ToSchema for PhoneNumber {}

impl PartialSchema for Email {
    fn schema() -> RefOr<Schema> {
        text("An e-mail address (RFC 5321/5322, internationalised), its domain in lower case.")
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::IdnEmail)))
            .max_length(Some(MAX_EMAIL_LENGTH))
            .examples(["maija@esimerkki.fi"])
            .into()
    }
}
impl ToSchema for Email {}

impl PartialSchema for Language {
    fn schema() -> RefOr<Schema> {
        text("A language of the service.")
            .enum_values(Some(Language::ALL.map(Language::tag)))
            .into()
    }
}
impl ToSchema for Language {}

impl PartialSchema for CalendarDate {
    fn schema() -> RefOr<Schema> {
        text("A calendar date, `YYYY-MM-DD` (ISO 8601).")
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples(["2025-06-01"])
            .into()
    }
}
impl ToSchema for CalendarDate {}

impl PartialSchema for OrganisationCode {
    fn schema() -> RefOr<Schema> {
        text("The code of an organisation of the catalogue.")
            .enum_values(Some(OrganisationCode::all().map(|code| code.as_str())))
            .into()
    }
}
impl ToSchema for OrganisationCode {}

impl PartialSchema for WellbeingCountyCode {
    fn schema() -> RefOr<Schema> {
        text("The two-digit code of a wellbeing services county (or the City of Helsinki).")
            .enum_values(Some(WellbeingCountyCode::all().map(|code| code.as_str())))
            .into()
    }
}
impl ToSchema for WellbeingCountyCode {}

impl PartialSchema for CooperationOrganisation {
    fn schema() -> RefOr<Schema> {
        text("An entry of the organisation picker: `organisation:CODE`, `county:NN` or `municipality:NNN`.")
            .enum_values(Some(CooperationOrganisation::all().map(|entry| entry.code())))
            .into()
    }
}
impl ToSchema for CooperationOrganisation {}

impl PartialSchema for CooperationOrganisations {
    fn schema() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(CooperationOrganisation::schema())
            .min_items(Some(1))
            .max_items(Some(MAX_COOPERATION_ORGANISATIONS))
            .unique_items(true)
            .description(Some("The cooperation organisations, in the user's order."))
            .into()
    }
}
impl ToSchema for CooperationOrganisations {}

impl PartialSchema for BusinessId {
    fn schema() -> RefOr<Schema> {
        text("A Finnish business ID (Y-tunnus) with its modulus-11 check digit, as the server normalised it (an old six-digit ID gets its leading zero).")
            .pattern(Some(r"^[0-9]{7}-[0-9]$"))
            .examples(["0201256-6"])
            .into()
    }
}
impl ToSchema for BusinessId {}

impl PartialSchema for ServiceNumber {
    fn schema() -> RefOr<Schema> {
        text("A registration point's electronic service number: a seven-digit serial and a Luhn check digit, as eight plain digits (requests may group them with spaces or hyphens).")
            .pattern(Some(r"^[0-9]{8}$"))
            .examples(["12345674"])
            .into()
    }
}
impl ToSchema for ServiceNumber {}

impl PartialSchema for OrganisationName {
    fn schema() -> RefOr<Schema> {
        text("An organisation's or a registration point's name: trimmed, one line, no control characters.")
            .min_length(Some(MIN_ORGANISATION_NAME_LENGTH))
            .max_length(Some(MAX_ORGANISATION_NAME_LENGTH))
            .examples(["Keski-Uudenmaan hyvinvointialue"])
            .into()
    }
}
impl ToSchema for OrganisationName {}

impl PartialSchema for PostalAddress {
    fn schema() -> RefOr<Schema> {
        text("A registration point's postal address on one line: trimmed, no control characters.")
            .min_length(Some(MIN_POSTAL_ADDRESS_LENGTH))
            .max_length(Some(MAX_POSTAL_ADDRESS_LENGTH))
            .examples(["Sibeliuksenkatu 3, 00260 Helsinki"])
            .into()
    }
}
impl ToSchema for PostalAddress {}

impl PartialSchema for RejectionReason {
    fn schema() -> RefOr<Schema> {
        text("Why a contract or a point order was rejected: trimmed, line breaks as \\n, no other control characters.")
            .min_length(Some(1))
            .max_length(Some(MAX_REJECTION_REASON_LENGTH))
            .into()
    }
}
impl ToSchema for RejectionReason {}

impl PartialSchema for AttachmentName {
    fn schema() -> RefOr<Schema> {
        text("An attachment's file name as uploaded: trimmed, no control characters, no folder separators.")
            .min_length(Some(1))
            .max_length(Some(MAX_ATTACHMENT_NAME_LENGTH))
            .examples(["koulutustodistus.pdf"])
            .into()
    }
}
impl ToSchema for AttachmentName {}
impl PartialSchema for PersonName {
    fn schema() -> RefOr<Schema> {
        text("A staff member's name: trimmed, one line, no control characters.")
            .min_length(Some(MIN_PERSON_NAME_LENGTH))
            .max_length(Some(MAX_PERSON_NAME_LENGTH))
            .examples(["Maija Meikäläinen"])
            .into()
    }
}
impl ToSchema for PersonName {}

impl PartialSchema for MaskedIdentityCode {
    fn schema() -> RefOr<Schema> {
        text("A personal identity code, masked: the date of birth, the century sign and the check character, the individual number as ***. The code itself is never sent in an answer.")
            .pattern(Some(r"^[0-9]{6}[-+YXWVUABCDEF]\*\*\*[0-9A-Y]$"))
            .examples(["131052-***T"])
            .into()
    }
}
impl ToSchema for MaskedIdentityCode {}

impl PartialSchema for NoticeSubject {
    fn schema() -> RefOr<Schema> {
        text("An agency notice's subject: trimmed, one line, no control characters.")
            .min_length(Some(1))
            .max_length(Some(MAX_NOTICE_SUBJECT_LENGTH))
            .into()
    }
}
impl ToSchema for NoticeSubject {}

impl PartialSchema for NoticeBody {
    fn schema() -> RefOr<Schema> {
        text("An agency notice's text: trimmed, line breaks as \\n, no other control characters.")
            .min_length(Some(1))
            .max_length(Some(MAX_NOTICE_BODY_LENGTH))
            .into()
    }
}
impl ToSchema for NoticeBody {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::administration::{
        AccountKind, AccountRole, ContractKind, ContractState, PointOrderState, Role,
    };

    fn json<T: ToSchema>() -> String {
        serde_json::to_string(&T::schema()).unwrap()
    }

    /// The derived schemas list exactly the codes the enums send.
    #[test]
    fn the_enums_list_their_codes() {
        fn check<T: ToSchema>(codes: &[&str]) {
            let schema = json::<T>();
            for code in codes {
                assert!(
                    schema.contains(&format!("\"{code}\"")),
                    "{code} in {schema}"
                );
            }
        }
        check::<AccountKind>(&AccountKind::ALL.map(AccountKind::code));
        check::<ContractKind>(&ContractKind::ALL.map(ContractKind::code));
        check::<ContractState>(&ContractState::ALL.map(ContractState::code));
        check::<PointOrderState>(&PointOrderState::ALL.map(PointOrderState::code));
        check::<AccountRole>(&AccountRole::ALL.map(AccountRole::code));
        check::<Role>(&Role::ALL.map(Role::code));
    }

    #[test]
    fn the_numbers_carry_their_patterns() {
        assert!(json::<BusinessId>().contains(r#""pattern":"^[0-9]{7}-[0-9]$""#));
        assert!(json::<ServiceNumber>().contains(r#""pattern":"^[0-9]{8}$""#));
    }
}

//! The OpenAPI schemas of the checked text types, which serialise as text through their rule
//! (`text_form!`) and so cannot be derived: each lists exactly what its rule accepts, from the
//! same reference data. Only with the `openapi` feature (the server's document).

use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::cooperation::{
    CooperationOrganisation, CooperationOrganisations, MAX_COOPERATION_ORGANISATIONS,
};
use crate::email::{Email, MAX_EMAIL_LENGTH};
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

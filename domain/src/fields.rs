//! The forms' fields and their errors as one typed value: which field, and which of the
//! domain's errors. The app shows a message per variant (an exhaustive match, so a new error
//! cannot ship without its message), and the API's 422 answers carry the same pairs as text
//! (`field` → `[code]`), read back with [`FieldError::parse`].

use std::collections::BTreeMap;

use crate::administration::{
    AccountKindError, BusinessIdError, CardKindError, ContractKindError, DeliveryError,
    IdentityCodeError, NoticeBodyError, NoticeSubjectError, OrganisationNameError, PersonNameError,
    PostalAddressError, ReceivedOnError, RejectionReasonError, ServiceNumberError,
};
use crate::cooperation::CooperationOrganisationsError;
use crate::email::EmailError;
use crate::organisation::OrganisationCodeError;
use crate::phone::PhoneNumberError;
use crate::profession::ProfessionalGroupError;
use crate::reference::RegionCodeError;

/// A field of the professionals' and the administration's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Puhelinnumero.
    Phone,
    /// Sähköpostiosoite.
    Email,
    /// Yhteistyöorganisaatiot.
    Organisations,
    /// Ammattiryhmä.
    ProfessionalGroup,
    /// Hyvinvointialue.
    WellbeingCounty,
    /// The workplace whose sign-in method is asked (`GET /api/sign-in-method`).
    Workplace,
    /// Y-tunnus of a customer account.
    BusinessId,
    /// Sähköinen asiointinumero of a registration point (authorising a point).
    ServiceNumber,
    /// Organisaation nimi (a customer account's name).
    OrganisationName,
    /// Rekisteröintipisteen nimi (a point order's name; the same rule as an organisation's).
    PointName,
    /// Rekisteröintipisteen osoite.
    PostalAddress,
    /// Asiakastilin tyyppi.
    AccountKind,
    /// The wellbeing county of a county's account (required, unlike the profile's county).
    WellbeingCountyOfAccount,
    /// Sopimuksen tyyppi.
    ContractKind,
    /// Hylkäämisen perustelu.
    RejectionReason,
    /// Kutsuttavan sähköpostiosoite (Kutsu käyttäjä).
    InvitationEmail,
    /// Henkilön nimi (a certificate's and a staff card's person).
    PersonName,
    /// Henkilötunnus.
    IdentityCode,
    /// Palvelusuhdetodistuksen saapumispäivä.
    ReceivedOn,
    /// Miten todistus saapui (post or in person).
    Delivery,
    /// Tilattava kortti (henkilökortti or toimijakortti).
    CardKind,
    /// Tiedotteen otsikko.
    NoticeSubject,
    /// Tiedotteen teksti.
    NoticeBody,
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 23] = [
        Field::Phone,
        Field::Email,
        Field::Organisations,
        Field::ProfessionalGroup,
        Field::WellbeingCounty,
        Field::Workplace,
        Field::BusinessId,
        Field::ServiceNumber,
        Field::OrganisationName,
        Field::PointName,
        Field::PostalAddress,
        Field::AccountKind,
        Field::WellbeingCountyOfAccount,
        Field::ContractKind,
        Field::RejectionReason,
        Field::InvitationEmail,
        Field::PersonName,
        Field::IdentityCode,
        Field::ReceivedOn,
        Field::Delivery,
        Field::CardKind,
        Field::NoticeSubject,
        Field::NoticeBody,
    ];

    /// The field's name in the API's bodies.
    pub const fn name(self) -> &'static str {
        match self {
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Organisations => "organisations",
            Field::ProfessionalGroup => "professional_group",
            Field::WellbeingCounty => "wellbeing_county",
            Field::Workplace => "organisation",
            Field::BusinessId => "business_id",
            Field::ServiceNumber => "service_number",
            Field::OrganisationName => "organisation_name",
            Field::PointName => "point_name",
            Field::PostalAddress => "postal_address",
            Field::AccountKind => "account_kind",
            Field::WellbeingCountyOfAccount => "wellbeing_county_of_account",
            Field::ContractKind => "contract_kind",
            Field::RejectionReason => "rejection_reason",
            Field::InvitationEmail => "invitation_email",
            Field::PersonName => "person_name",
            Field::IdentityCode => "identity_code",
            Field::ReceivedOn => "received_on",
            Field::Delivery => "delivery",
            Field::CardKind => "card_kind",
            Field::NoticeSubject => "notice_subject",
            Field::NoticeBody => "notice_body",
        }
    }

    /// The field called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.name() == name)
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldError {
    /// The phone number's error.
    Phone(PhoneNumberError),
    /// The e-mail address's error.
    Email(EmailError),
    /// The cooperation organisations' error.
    Organisations(CooperationOrganisationsError),
    /// The professional group's error.
    ProfessionalGroup(ProfessionalGroupError),
    /// The wellbeing county's error.
    WellbeingCounty(RegionCodeError),
    /// The workplace's error.
    Workplace(OrganisationCodeError),
    /// The business ID's error.
    BusinessId(BusinessIdError),
    /// The service number's error (`NotFound` comes from the server's look-up).
    ServiceNumber(ServiceNumberError),
    /// The organisation name's error.
    OrganisationName(OrganisationNameError),
    /// The point name's error.
    PointName(OrganisationNameError),
    /// The postal address's error.
    PostalAddress(PostalAddressError),
    /// The account kind's error.
    AccountKind(AccountKindError),
    /// The account's wellbeing county's error.
    WellbeingCountyOfAccount(RegionCodeError),
    /// The contract kind's error.
    ContractKind(ContractKindError),
    /// The rejection reason's error.
    RejectionReason(RejectionReasonError),
    /// The invitation's e-mail address's error.
    InvitationEmail(EmailError),
    /// The person's name's error.
    PersonName(PersonNameError),
    /// The personal identity code's error.
    IdentityCode(IdentityCodeError),
    /// The certificate's received date's error.
    ReceivedOn(ReceivedOnError),
    /// The certificate's way of delivery's error.
    Delivery(DeliveryError),
    /// The card kind's error.
    CardKind(CardKindError),
    /// The notice subject's error.
    NoticeSubject(NoticeSubjectError),
    /// The notice text's error.
    NoticeBody(NoticeBodyError),
    /// A code this version does not know (from a newer server): the field is wrong, but how
    /// is not known here.
    Unknown(Field),
}

impl FieldError {
    /// The field the error is about.
    pub const fn field(self) -> Field {
        match self {
            FieldError::Phone(_) => Field::Phone,
            FieldError::Email(_) => Field::Email,
            FieldError::Organisations(_) => Field::Organisations,
            FieldError::ProfessionalGroup(_) => Field::ProfessionalGroup,
            FieldError::WellbeingCounty(_) => Field::WellbeingCounty,
            FieldError::Workplace(_) => Field::Workplace,
            FieldError::BusinessId(_) => Field::BusinessId,
            FieldError::ServiceNumber(_) => Field::ServiceNumber,
            FieldError::OrganisationName(_) => Field::OrganisationName,
            FieldError::PointName(_) => Field::PointName,
            FieldError::PostalAddress(_) => Field::PostalAddress,
            FieldError::AccountKind(_) => Field::AccountKind,
            FieldError::WellbeingCountyOfAccount(_) => Field::WellbeingCountyOfAccount,
            FieldError::ContractKind(_) => Field::ContractKind,
            FieldError::RejectionReason(_) => Field::RejectionReason,
            FieldError::InvitationEmail(_) => Field::InvitationEmail,
            FieldError::PersonName(_) => Field::PersonName,
            FieldError::IdentityCode(_) => Field::IdentityCode,
            FieldError::ReceivedOn(_) => Field::ReceivedOn,
            FieldError::Delivery(_) => Field::Delivery,
            FieldError::CardKind(_) => Field::CardKind,
            FieldError::NoticeSubject(_) => Field::NoticeSubject,
            FieldError::NoticeBody(_) => Field::NoticeBody,
            FieldError::Unknown(field) => field,
        }
    }

    /// The error's stable code (`unknown` for [`FieldError::Unknown`]).
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Phone(error) => error.code(),
            FieldError::Email(error) => error.code(),
            FieldError::Organisations(error) => error.code(),
            FieldError::ProfessionalGroup(error) => error.code(),
            FieldError::WellbeingCounty(error) => error.code(),
            FieldError::Workplace(error) => error.code(),
            FieldError::BusinessId(error) => error.code(),
            FieldError::ServiceNumber(error) => error.code(),
            FieldError::OrganisationName(error) | FieldError::PointName(error) => error.code(),
            FieldError::PostalAddress(error) => error.code(),
            FieldError::AccountKind(error) => error.code(),
            FieldError::WellbeingCountyOfAccount(error) => error.code(),
            FieldError::ContractKind(error) => error.code(),
            FieldError::RejectionReason(error) => error.code(),
            FieldError::InvitationEmail(error) => error.code(),
            FieldError::PersonName(error) => error.code(),
            FieldError::IdentityCode(error) => error.code(),
            FieldError::ReceivedOn(error) => error.code(),
            FieldError::Delivery(error) => error.code(),
            FieldError::CardKind(error) => error.code(),
            FieldError::NoticeSubject(error) => error.code(),
            FieldError::NoticeBody(error) => error.code(),
            FieldError::Unknown(_) => "unknown",
        }
    }

    /// The error a field name and a code stand for; `None` for a field this version does not
    /// have, [`FieldError::Unknown`] for a code it does not know.
    pub fn parse(field: &str, code: &str) -> Option<FieldError> {
        fn find<T: Copy>(all: &[T], code: &str, code_of: fn(T) -> &'static str) -> Option<T> {
            all.iter().copied().find(|error| code_of(*error) == code)
        }
        let field = Field::from_name(field)?;
        let known = match field {
            Field::Phone => {
                find(&PhoneNumberError::ALL, code, PhoneNumberError::code).map(FieldError::Phone)
            }
            Field::Email => find(&EmailError::ALL, code, EmailError::code).map(FieldError::Email),
            Field::Organisations => find(
                &CooperationOrganisationsError::ALL,
                code,
                CooperationOrganisationsError::code,
            )
            .map(FieldError::Organisations),
            Field::ProfessionalGroup => find(
                &ProfessionalGroupError::ALL,
                code,
                ProfessionalGroupError::code,
            )
            .map(FieldError::ProfessionalGroup),
            Field::WellbeingCounty => find(&RegionCodeError::ALL, code, RegionCodeError::code)
                .map(FieldError::WellbeingCounty),
            Field::Workplace => find(
                &OrganisationCodeError::ALL,
                code,
                OrganisationCodeError::code,
            )
            .map(FieldError::Workplace),
            Field::BusinessId => BusinessIdError::from_code(code).map(FieldError::BusinessId),
            Field::ServiceNumber => {
                ServiceNumberError::from_code(code).map(FieldError::ServiceNumber)
            }
            Field::OrganisationName => {
                OrganisationNameError::from_code(code).map(FieldError::OrganisationName)
            }
            Field::PointName => OrganisationNameError::from_code(code).map(FieldError::PointName),
            Field::PostalAddress => {
                PostalAddressError::from_code(code).map(FieldError::PostalAddress)
            }
            Field::AccountKind => AccountKindError::from_code(code).map(FieldError::AccountKind),
            Field::WellbeingCountyOfAccount => {
                find(&RegionCodeError::ALL, code, RegionCodeError::code)
                    .map(FieldError::WellbeingCountyOfAccount)
            }
            Field::ContractKind => ContractKindError::from_code(code).map(FieldError::ContractKind),
            Field::RejectionReason => {
                RejectionReasonError::from_code(code).map(FieldError::RejectionReason)
            }
            Field::InvitationEmail => {
                find(&EmailError::ALL, code, EmailError::code).map(FieldError::InvitationEmail)
            }
            Field::PersonName => PersonNameError::from_code(code).map(FieldError::PersonName),
            Field::IdentityCode => IdentityCodeError::from_code(code).map(FieldError::IdentityCode),
            Field::ReceivedOn => ReceivedOnError::from_code(code).map(FieldError::ReceivedOn),
            Field::Delivery => DeliveryError::from_code(code).map(FieldError::Delivery),
            Field::CardKind => CardKindError::from_code(code).map(FieldError::CardKind),
            Field::NoticeSubject => {
                NoticeSubjectError::from_code(code).map(FieldError::NoticeSubject)
            }
            Field::NoticeBody => NoticeBodyError::from_code(code).map(FieldError::NoticeBody),
        };
        Some(known.unwrap_or(FieldError::Unknown(field)))
    }

    /// Every error the domain can give, for tests that each has its own message.
    pub fn all() -> impl Iterator<Item = FieldError> {
        let phone = PhoneNumberError::ALL.into_iter().map(FieldError::Phone);
        let email = EmailError::ALL.into_iter().map(FieldError::Email);
        let organisations = CooperationOrganisationsError::ALL
            .into_iter()
            .map(FieldError::Organisations);
        let group = ProfessionalGroupError::ALL
            .into_iter()
            .map(FieldError::ProfessionalGroup);
        let county = RegionCodeError::ALL
            .into_iter()
            .map(FieldError::WellbeingCounty);
        let workplace = OrganisationCodeError::ALL
            .into_iter()
            .map(FieldError::Workplace);
        let administration = BusinessIdError::ALL
            .into_iter()
            .map(FieldError::BusinessId)
            .chain(ServiceNumberError::ALL.map(FieldError::ServiceNumber))
            .chain(OrganisationNameError::ALL.map(FieldError::OrganisationName))
            .chain(OrganisationNameError::ALL.map(FieldError::PointName))
            .chain(PostalAddressError::ALL.map(FieldError::PostalAddress))
            .chain(AccountKindError::ALL.map(FieldError::AccountKind))
            .chain(RegionCodeError::ALL.map(FieldError::WellbeingCountyOfAccount))
            .chain(ContractKindError::ALL.map(FieldError::ContractKind))
            .chain(RejectionReasonError::ALL.map(FieldError::RejectionReason))
            .chain(EmailError::ALL.map(FieldError::InvitationEmail))
            .chain(PersonNameError::ALL.map(FieldError::PersonName))
            .chain(IdentityCodeError::ALL.map(FieldError::IdentityCode))
            .chain(ReceivedOnError::ALL.map(FieldError::ReceivedOn))
            .chain(DeliveryError::ALL.map(FieldError::Delivery))
            .chain(CardKindError::ALL.map(FieldError::CardKind))
            .chain(NoticeSubjectError::ALL.map(FieldError::NoticeSubject))
            .chain(NoticeBodyError::ALL.map(FieldError::NoticeBody));
        phone
            .chain(email)
            .chain(organisations)
            .chain(group)
            .chain(county)
            .chain(workplace)
            .chain(administration)
    }
}

/// The errors of a form, at most one per field (the one the user sees).
pub type FieldErrors = BTreeMap<Field, FieldError>;

/// Collects `errors` into [`FieldErrors`], the first per field kept.
pub fn collect(errors: impl IntoIterator<Item = FieldError>) -> FieldErrors {
    let mut collected = FieldErrors::new();
    for error in errors {
        collected.entry(error.field()).or_insert(error);
    }
    collected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_survives_its_text_form() {
        for error in FieldError::all() {
            assert_eq!(
                FieldError::parse(error.field().name(), error.code()),
                Some(error),
                "{error:?}"
            );
        }
    }

    #[test]
    fn codes_are_unique_within_a_field() {
        for field in Field::ALL {
            let codes: Vec<_> = FieldError::all()
                .filter(|error| error.field() == field)
                .map(FieldError::code)
                .collect();
            let mut unique = codes.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), codes.len(), "{field:?}: {codes:?}");
        }
    }

    /// Every field has its errors in `all()`: a field added without them would have no
    /// message test and no way back from the API's text form.
    #[test]
    fn every_field_has_errors() {
        for field in Field::ALL {
            assert!(
                FieldError::all().any(|error| error.field() == field),
                "{field:?}"
            );
        }
    }

    /// Two fields with one name would be told apart nowhere on the wire.
    #[test]
    fn field_names_are_unique() {
        let mut names: Vec<_> = Field::ALL.iter().map(|field| field.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Field::ALL.len());
    }

    /// A name and an invitation address share their rules with other fields but are their
    /// own fields: the same code comes back as the field it was sent for.
    #[test]
    fn shared_rules_keep_their_field() {
        assert_eq!(
            FieldError::parse("point_name", "too_short"),
            Some(FieldError::PointName(OrganisationNameError::TooShort))
        );
        assert_eq!(
            FieldError::parse("invitation_email", "missing_at"),
            Some(FieldError::InvitationEmail(EmailError::MissingAt))
        );
        assert_eq!(
            FieldError::parse("service_number", "not_found"),
            Some(FieldError::ServiceNumber(ServiceNumberError::NotFound))
        );
    }

    #[test]
    fn unknown_codes_and_fields_are_told_apart() {
        assert_eq!(
            FieldError::parse("phone", "from_a_newer_server"),
            Some(FieldError::Unknown(Field::Phone))
        );
        assert_eq!(FieldError::parse("fax", "required"), None);
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.name()), Some(field));
        }
    }
}

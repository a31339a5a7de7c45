//! The messages of the area's own fields, for each of the domain's codes (the same codes the
//! server's 422 answers carry), in the area's strings (`admin/locales/`). The app registers
//! [`field_error`] with the professionals' form machinery at its start
//! (`app::messages::set_area_messages`), so these texts are in this bundle only.

use domain::administration::{
    AccountKindError, BusinessIdError, CardKindError, ContractKindError, DeliveryError,
    IdentityCodeError, NoticeBodyError, NoticeSubjectError, OrganisationNameError, PersonNameError,
    PostalAddressError, ReceivedOnError, RejectionReasonError, ServiceNumberError,
};
use domain::email::EmailError;
use domain::reference::RegionCodeError;
use domain::{Field, FieldError, Language};

use crate::i18n::Text;

/// The message for `error` in `language`, when the field is one of the area's; `None` for
/// the professionals' fields (their messages are the app's). The match is exhaustive: a new
/// error in `domain` does not build until it has its message.
pub fn field_error(error: FieldError, language: Language) -> Option<&'static str> {
    Some(
        match error {
            FieldError::BusinessId(error) => match error {
                BusinessIdError::Required => Text::ErrorBusinessIdRequired,
                BusinessIdError::CheckDigit => Text::ErrorBusinessIdCheckDigit,
                // The general message shows the form, which is all a format error can say.
                BusinessIdError::Format => Text::ErrorBusinessIdOther,
            },
            FieldError::ServiceNumber(error) => match error {
                ServiceNumberError::Required => Text::ErrorServiceNumberRequired,
                ServiceNumberError::CheckDigit => Text::ErrorServiceNumberCheckDigit,
                ServiceNumberError::NotFound => Text::ErrorServiceNumberNotFound,
                ServiceNumberError::Format => Text::ErrorServiceNumberOther,
            },
            FieldError::OrganisationName(error) => match error {
                OrganisationNameError::Required => Text::ErrorOrganisationNameRequired,
                OrganisationNameError::TooShort => Text::ErrorOrganisationNameTooShort,
                OrganisationNameError::TooLong => Text::ErrorOrganisationNameTooLong,
                OrganisationNameError::InvalidCharacters => {
                    Text::ErrorOrganisationNameInvalidCharacters
                }
            },
            FieldError::PointName(error) => match error {
                OrganisationNameError::Required => Text::ErrorPointNameRequired,
                OrganisationNameError::TooShort => Text::ErrorPointNameTooShort,
                OrganisationNameError::TooLong => Text::ErrorPointNameTooLong,
                OrganisationNameError::InvalidCharacters => Text::ErrorPointNameInvalidCharacters,
            },
            FieldError::PostalAddress(error) => match error {
                PostalAddressError::Required => Text::ErrorPostalAddressRequired,
                PostalAddressError::TooShort => Text::ErrorPostalAddressTooShort,
                PostalAddressError::TooLong => Text::ErrorPostalAddressTooLong,
                PostalAddressError::InvalidCharacters => Text::ErrorPostalAddressInvalidCharacters,
            },
            FieldError::AccountKind(error) => match error {
                AccountKindError::Required => Text::ErrorAccountKindRequired,
                AccountKindError::Unknown => Text::ErrorAccountKindOther,
            },
            // Chosen from a list like the profile's county, but required: there is no "Ei valittu".
            FieldError::WellbeingCountyOfAccount(error) => match error {
                RegionCodeError::Empty => Text::ErrorAccountCountyRequired,
                RegionCodeError::Malformed | RegionCodeError::Unknown => {
                    Text::ErrorAccountCountyOther
                }
            },
            FieldError::ContractKind(error) => match error {
                ContractKindError::Required => Text::ErrorContractKindRequired,
                ContractKindError::NotForAccountKind => Text::ErrorContractKindNotForAccountKind,
                ContractKindError::Unknown => Text::ErrorContractKindOther,
            },
            FieldError::RejectionReason(error) => match error {
                RejectionReasonError::Required => Text::ErrorRejectionReasonRequired,
                RejectionReasonError::TooLong => Text::ErrorRejectionReasonTooLong,
                RejectionReasonError::InvalidCharacters => {
                    Text::ErrorRejectionReasonInvalidCharacters
                }
            },
            // The address rules and their texts are the e-mail field's, except that the empty
            // field asks for the invited person's address, not "your" address.
            FieldError::InvitationEmail(error) => match error {
                EmailError::Required => Text::ErrorInvitationEmailRequired,
                other => {
                    return Some(app::messages::field_error(
                        FieldError::Email(other),
                        language,
                    ));
                }
            },
            FieldError::NoticeSubject(error) => match error {
                NoticeSubjectError::Required => Text::ErrorNoticeSubjectRequired,
                NoticeSubjectError::TooLong => Text::ErrorNoticeSubjectTooLong,
                NoticeSubjectError::InvalidCharacters => Text::ErrorNoticeSubjectInvalidCharacters,
            },
            FieldError::NoticeBody(error) => match error {
                NoticeBodyError::Required => Text::ErrorNoticeBodyRequired,
                NoticeBodyError::TooLong => Text::ErrorNoticeBodyTooLong,
                NoticeBodyError::InvalidCharacters => Text::ErrorNoticeBodyInvalidCharacters,
            },
            FieldError::PersonName(error) => match error {
                PersonNameError::Required => Text::ErrorPersonNameRequired,
                PersonNameError::TooShort => Text::ErrorPersonNameTooShort,
                PersonNameError::TooLong => Text::ErrorPersonNameTooLong,
                PersonNameError::InvalidCharacters => Text::ErrorPersonNameInvalidCharacters,
            },
            FieldError::IdentityCode(error) => match error {
                IdentityCodeError::Required => Text::ErrorIdentityCodeRequired,
                IdentityCodeError::Format => Text::ErrorIdentityCodeFormat,
                IdentityCodeError::CenturySign => Text::ErrorIdentityCodeCenturySign,
                IdentityCodeError::Date => Text::ErrorIdentityCodeDate,
                IdentityCodeError::IndividualNumber => Text::ErrorIdentityCodeIndividualNumber,
                IdentityCodeError::TemporaryNumber => Text::ErrorIdentityCodeTemporaryNumber,
                IdentityCodeError::CheckCharacter => Text::ErrorIdentityCodeCheckCharacter,
            },
            FieldError::ReceivedOn(error) => match error {
                ReceivedOnError::Required => Text::ErrorReceivedOnRequired,
                ReceivedOnError::Format => Text::ErrorReceivedOnFormat,
                ReceivedOnError::NoSuchDay => Text::ErrorReceivedOnNoSuchDay,
                ReceivedOnError::InFuture => Text::ErrorReceivedOnInFuture,
            },
            // Chosen from two options: whatever is wrong, the way out is the options.
            FieldError::Delivery(error) => match error {
                DeliveryError::Required => Text::ErrorDeliveryRequired,
                DeliveryError::Unknown => Text::ErrorDeliveryOther,
            },
            FieldError::CardKind(error) => match error {
                CardKindError::Required => Text::ErrorCardKindRequired,
                CardKindError::Unknown => Text::ErrorCardKindOther,
            },
            FieldError::Unknown(field) => general(field)?,
            FieldError::Phone(_)
            | FieldError::Email(_)
            | FieldError::Organisations(_)
            | FieldError::ProfessionalGroup(_)
            | FieldError::WellbeingCounty(_)
            | FieldError::Workplace(_) => return None,
        }
        .get(language),
    )
}

/// The field's general message, for an error the user can do nothing more specific about.
fn general(field: Field) -> Option<Text> {
    Some(match field {
        Field::BusinessId => Text::ErrorBusinessIdOther,
        Field::ServiceNumber => Text::ErrorServiceNumberOther,
        Field::OrganisationName => Text::ErrorOrganisationNameOther,
        Field::PointName => Text::ErrorPointNameOther,
        Field::PostalAddress => Text::ErrorPostalAddressOther,
        Field::AccountKind => Text::ErrorAccountKindOther,
        Field::WellbeingCountyOfAccount => Text::ErrorAccountCountyOther,
        Field::ContractKind => Text::ErrorContractKindOther,
        Field::RejectionReason => Text::ErrorRejectionReasonOther,
        Field::InvitationEmail => Text::ErrorInvitationEmailOther,
        Field::NoticeSubject => Text::ErrorNoticeSubjectOther,
        Field::NoticeBody => Text::ErrorNoticeBodyOther,
        Field::PersonName => Text::ErrorPersonNameOther,
        Field::IdentityCode => Text::ErrorIdentityCodeOther,
        Field::ReceivedOn => Text::ErrorReceivedOnOther,
        Field::Delivery => Text::ErrorDeliveryOther,
        Field::CardKind => Text::ErrorCardKindOther,
        Field::Phone
        | Field::Email
        | Field::Organisations
        | Field::ProfessionalGroup
        | Field::WellbeingCounty
        | Field::Workplace => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use domain::administration::{
        MAX_NOTICE_BODY_LENGTH, MAX_NOTICE_SUBJECT_LENGTH, MAX_ORGANISATION_NAME_LENGTH,
        MAX_POSTAL_ADDRESS_LENGTH, MAX_REJECTION_REASON_LENGTH, MIN_ORGANISATION_NAME_LENGTH,
    };

    use super::*;

    fn message(error: FieldError, language: Language) -> &'static str {
        field_error(error, language).expect("one of the area's fields")
    }

    /// Exactly the fields the professionals' app leaves to this area have messages here.
    #[test]
    fn the_area_answers_for_its_own_fields_only() {
        for error in FieldError::all() {
            assert_eq!(
                field_error(error, Language::Fi).is_some(),
                !app::messages::is_professionals(error.field()),
                "{error:?}"
            );
        }
    }

    /// Within a field, two errors read the same only when both are the field's general
    /// message; every other error has a message of its own, in every language.
    #[test]
    fn each_error_of_a_field_reads_differently() {
        for language in Language::ALL {
            let mut seen: BTreeMap<(Field, &str), FieldError> = BTreeMap::new();
            for error in FieldError::all().filter(|error| field_error(*error, language).is_some()) {
                let text = message(error, language);
                assert!(!text.is_empty(), "{error:?}");
                let field = error.field();
                if general(field).is_some_and(|general| text == general.get(language)) {
                    continue;
                }
                if let Some(earlier) = seen.insert((field, text), error) {
                    panic!("{earlier:?} and {error:?} read the same in {language:?}: {text}");
                }
            }
        }
    }

    /// A code from a newer server still names the field's problem.
    #[test]
    fn an_unknown_code_gets_its_fields_general_message() {
        for field in Field::ALL
            .into_iter()
            .filter(|field| !app::messages::is_professionals(*field))
        {
            assert_eq!(
                field_error(FieldError::Unknown(field), Language::Sv),
                general(field).map(|text| text.get(Language::Sv)),
                "{field:?}"
            );
        }
    }

    /// The administration's limits are written out in their messages; they must be the
    /// domain's.
    #[test]
    fn length_messages_name_the_domains_limits() {
        let cases = [
            (
                FieldError::OrganisationName(OrganisationNameError::TooShort),
                MIN_ORGANISATION_NAME_LENGTH,
            ),
            (
                FieldError::OrganisationName(OrganisationNameError::TooLong),
                MAX_ORGANISATION_NAME_LENGTH,
            ),
            (
                FieldError::PointName(OrganisationNameError::TooShort),
                MIN_ORGANISATION_NAME_LENGTH,
            ),
            (
                FieldError::PointName(OrganisationNameError::TooLong),
                MAX_ORGANISATION_NAME_LENGTH,
            ),
            (
                FieldError::PostalAddress(PostalAddressError::TooLong),
                MAX_POSTAL_ADDRESS_LENGTH,
            ),
            (
                FieldError::RejectionReason(RejectionReasonError::TooLong),
                MAX_REJECTION_REASON_LENGTH,
            ),
            (
                FieldError::NoticeSubject(NoticeSubjectError::TooLong),
                MAX_NOTICE_SUBJECT_LENGTH,
            ),
            (
                FieldError::NoticeBody(NoticeBodyError::TooLong),
                MAX_NOTICE_BODY_LENGTH,
            ),
        ];
        for language in Language::ALL {
            for (error, limit) in cases {
                let message = message(error, language);
                assert!(message.contains(&limit.to_string()), "{error:?}: {message}");
            }
        }
    }

    /// An invited person's address reads as the e-mail field's, except when it is missing.
    #[test]
    fn an_invitation_address_reads_like_an_email_address() {
        for language in Language::ALL {
            for error in EmailError::ALL {
                let invitation = message(FieldError::InvitationEmail(error), language);
                let email = app::messages::field_error(FieldError::Email(error), language);
                assert_eq!(
                    invitation == email,
                    error != EmailError::Required,
                    "{error:?}"
                );
            }
        }
        assert_eq!(
            field_error(
                FieldError::BusinessId(BusinessIdError::CheckDigit),
                Language::Fi
            ),
            Some("Y-tunnuksen tarkistusmerkki ei täsmää. Tarkista Y-tunnus.")
        );
    }
}

//! The messages that depend on a code or a number: each field's error for each of the
//! domain's codes (the same codes the server's 422 answers carry), and the organisation
//! picker's count and added announcements (the others are the generated structs, used where
//! they are said). The texts are in `app/locales/*.ftl` like every other string.

use domain::administration::{
    AccountKindError, BusinessIdError, ContractKindError, OrganisationNameError,
    PostalAddressError, RejectionReasonError, ServiceNumberError,
};
use domain::cooperation::{CooperationOrganisationsError, MAX_COOPERATION_ORGANISATIONS};
use domain::email::EmailError;
use domain::phone::PhoneNumberError;
use domain::profession::ProfessionalGroupError;
use domain::reference::RegionCodeError;
use domain::{Field, FieldError, Language};

use crate::i18n::{PickerAdded, PickerResults, PickerResultsTruncated, Text};

/// The message for `error`, in `language`. The match is exhaustive: a new error in `domain`
/// does not build until it has its message. An error the user can do nothing specific about
/// (a county code that is no county, a code from a newer server) gets its field's general
/// message.
pub fn field_error(error: FieldError, language: Language) -> &'static str {
    field_text(error).get(language)
}

fn field_text(error: FieldError) -> Text {
    match error {
        FieldError::Phone(error) => match error {
            PhoneNumberError::Required => Text::ErrorPhoneRequired,
            PhoneNumberError::InvalidCharacters => Text::ErrorPhoneInvalidCharacters,
            PhoneNumberError::TooShort => Text::ErrorPhoneTooShort,
            PhoneNumberError::TooLong => Text::ErrorPhoneTooLong,
            PhoneNumberError::Invalid => Text::ErrorPhoneOther,
        },
        FieldError::Email(error) => match error {
            EmailError::Required => Text::ErrorEmailRequired,
            EmailError::TooLong => Text::ErrorEmailTooLong,
            EmailError::MissingAt => Text::ErrorEmailMissingAt,
            EmailError::MissingLocalPart => Text::ErrorEmailMissingLocalPart,
            EmailError::InvalidDomain => Text::ErrorEmailInvalidDomain,
            EmailError::InvalidCharacters => Text::ErrorEmailInvalidCharacters,
            EmailError::Invalid => Text::ErrorEmailOther,
        },
        FieldError::Organisations(error) => match error {
            CooperationOrganisationsError::Required => Text::ErrorOrganisationsRequired,
            CooperationOrganisationsError::TooMany { .. } => Text::ErrorOrganisationsTooMany,
            CooperationOrganisationsError::Duplicate => Text::ErrorOrganisationsDuplicate,
            CooperationOrganisationsError::Unknown => Text::ErrorOrganisationsOther,
        },
        FieldError::ProfessionalGroup(error) => match error {
            ProfessionalGroupError::Required => Text::ErrorProfessionalGroupRequired,
            ProfessionalGroupError::Unknown => Text::ErrorProfessionalGroupOther,
        },
        // The county is chosen from a list: whatever is wrong, the way out is the list.
        FieldError::WellbeingCounty(_) => Text::ErrorWellbeingCountyOther,
        // No form of the app has the workplace as a field (the sign-in guide is a picker).
        FieldError::Workplace(_) => Text::ErrorOther,
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
            RegionCodeError::Malformed | RegionCodeError::Unknown => Text::ErrorAccountCountyOther,
        },
        FieldError::ContractKind(error) => match error {
            ContractKindError::Required => Text::ErrorContractKindRequired,
            ContractKindError::NotForAccountKind => Text::ErrorContractKindNotForAccountKind,
            ContractKindError::Unknown => Text::ErrorContractKindOther,
        },
        FieldError::RejectionReason(error) => match error {
            RejectionReasonError::Required => Text::ErrorRejectionReasonRequired,
            RejectionReasonError::TooLong => Text::ErrorRejectionReasonTooLong,
            RejectionReasonError::InvalidCharacters => Text::ErrorRejectionReasonInvalidCharacters,
        },
        // The address rules and their texts are the e-mail field's, except that the empty
        // field asks for the invited person's address, not "your" address.
        FieldError::InvitationEmail(error) => match error {
            EmailError::Required => Text::ErrorInvitationEmailRequired,
            other => field_text(FieldError::Email(other)),
        },
        FieldError::Unknown(field) => general(field),
    }
}

/// The field's general message, for an error the user can do nothing more specific about.
fn general(field: Field) -> Text {
    match field {
        Field::Phone => Text::ErrorPhoneOther,
        Field::Email => Text::ErrorEmailOther,
        Field::Organisations => Text::ErrorOrganisationsOther,
        Field::ProfessionalGroup => Text::ErrorProfessionalGroupOther,
        Field::WellbeingCounty => Text::ErrorWellbeingCountyOther,
        Field::Workplace => Text::ErrorOther,
        Field::BusinessId => Text::ErrorBusinessIdOther,
        Field::ServiceNumber => Text::ErrorServiceNumberOther,
        Field::OrganisationName => Text::ErrorOrganisationNameOther,
        Field::PointName => Text::ErrorPointNameOther,
        Field::PostalAddress => Text::ErrorPostalAddressOther,
        Field::AccountKind => Text::ErrorAccountKindOther,
        Field::WellbeingCountyOfAccount => Text::ErrorAccountCountyOther,
        Field::ContractKind => Text::ErrorContractKindOther,
        Field::RejectionReason => Text::ErrorRejectionReasonOther,
        Field::InvitationEmail => Text::ErrorEmailOther,
    }
}

/// What the picker's live region says after the user typed: how many entries match, and how
/// many of them the list shows.
pub fn picker_results(total: usize, shown: usize, language: Language) -> String {
    if shown < total {
        PickerResultsTruncated {
            total: &total,
            shown: &shown,
        }
        .get(language)
    } else {
        PickerResults { total }.get(language)
    }
}

/// What the live region says when an entry was added; `count` is how many are chosen now.
pub fn picker_added(name: &str, count: usize, language: Language) -> String {
    PickerAdded {
        name: &name,
        count: &count,
        max: &MAX_COOPERATION_ORGANISATIONS,
    }
    .get(language)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use domain::administration::{
        MAX_ORGANISATION_NAME_LENGTH, MAX_POSTAL_ADDRESS_LENGTH, MAX_REJECTION_REASON_LENGTH,
        MIN_ORGANISATION_NAME_LENGTH,
    };

    use super::*;

    /// Within a field, two errors read the same only when both are the field's general
    /// message; every other error the domain can give has a message of its own, in every
    /// language. Fails when a new domain error is mapped to another error's message.
    #[test]
    fn each_error_of_a_field_reads_differently() {
        for language in Language::ALL {
            let mut seen: BTreeMap<(Field, &str), FieldError> = BTreeMap::new();
            for error in FieldError::all() {
                let message = field_error(error, language);
                assert!(!message.is_empty(), "{error:?}");
                let field = error.field();
                if message == general(field).get(language) {
                    continue;
                }
                if let Some(earlier) = seen.insert((field, message), error) {
                    panic!("{earlier:?} and {error:?} read the same in {language:?}: {message}");
                }
            }
        }
    }

    /// The errors that read as the field's general message are exactly these; any other
    /// error falling back to it would tell the user less than the domain knows.
    #[test]
    fn only_vague_errors_get_the_general_message() {
        let general_ones: Vec<FieldError> = FieldError::all()
            .filter(|error| field_text(*error) == general(error.field()))
            .collect();
        let county = domain::reference::RegionCodeError::ALL.map(FieldError::WellbeingCounty);
        let workplace = domain::OrganisationCodeError::ALL.map(FieldError::Workplace);
        let mut expected = vec![
            FieldError::Phone(PhoneNumberError::Invalid),
            FieldError::Email(EmailError::Invalid),
            FieldError::Organisations(CooperationOrganisationsError::Unknown),
            FieldError::ProfessionalGroup(ProfessionalGroupError::Unknown),
        ];
        expected.extend(county);
        expected.extend(workplace);
        expected.extend([
            FieldError::BusinessId(BusinessIdError::Format),
            FieldError::ServiceNumber(ServiceNumberError::Format),
            FieldError::AccountKind(AccountKindError::Unknown),
            FieldError::WellbeingCountyOfAccount(RegionCodeError::Malformed),
            FieldError::WellbeingCountyOfAccount(RegionCodeError::Unknown),
            FieldError::ContractKind(ContractKindError::Unknown),
            FieldError::InvitationEmail(EmailError::Invalid),
        ]);
        assert_eq!(general_ones, expected);
    }

    /// A code from a newer server still names the field's problem.
    #[test]
    fn an_unknown_code_gets_its_fields_general_message() {
        for field in Field::ALL {
            assert_eq!(
                field_text(FieldError::Unknown(field)),
                general(field),
                "{field:?}"
            );
        }
    }

    /// The limit is written out in the too-many message; it must be the domain's.
    #[test]
    fn the_too_many_message_names_the_domains_limit() {
        for language in Language::ALL {
            let message = field_error(
                FieldError::Organisations(CooperationOrganisationsError::TooMany {
                    max: MAX_COOPERATION_ORGANISATIONS,
                }),
                language,
            );
            assert!(
                message.contains(&MAX_COOPERATION_ORGANISATIONS.to_string()),
                "{message}"
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
        ];
        for language in Language::ALL {
            for (error, limit) in cases {
                let message = field_error(error, language);
                assert!(message.contains(&limit.to_string()), "{error:?}: {message}");
            }
        }
    }

    /// An invited person's address reads as the e-mail field's, except when it is missing.
    #[test]
    fn an_invitation_address_reads_like_an_email_address() {
        for language in Language::ALL {
            for error in EmailError::ALL {
                let invitation = field_error(FieldError::InvitationEmail(error), language);
                let email = field_error(FieldError::Email(error), language);
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
            "Y-tunnuksen tarkistusmerkki ei täsmää. Tarkista Y-tunnus."
        );
    }

    #[test]
    fn picker_announcements_count_in_each_language() {
        assert_eq!(
            picker_results(0, 0, Language::Fi),
            "Ei hakutuloksia. Kokeile toista hakusanaa tai valitse kotikuntasi."
        );
        assert_eq!(picker_results(1, 1, Language::En), "1 result.");
        assert_eq!(picker_results(1, 1, Language::Sv), "1 resultat.");
        assert_eq!(picker_results(7, 7, Language::Fi), "7 tulosta.");
        assert_eq!(
            picker_results(120, 50, Language::En),
            "120 results, showing the first 50. Refine your search."
        );
        assert_eq!(
            picker_added("Tampere", 2, Language::Sv),
            "Tillagd: Tampere. Valda 2/20."
        );
        assert_eq!(
            crate::i18n::PickerRemoveLabel { name: &"Tampere" }.get(Language::Fi),
            "Poista Tampere"
        );
    }
}

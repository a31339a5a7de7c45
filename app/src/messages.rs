//! The messages that depend on a code or a number: each field's error for each of the
//! domain's codes (the same codes the server's 422 answers carry), and the organisation
//! picker's count and added announcements (the others are the generated structs, used where
//! they are said). The texts are in `app/locales/*.ftl` like every other string.
//!
//! The fields of the registration-point administration's forms have their messages in that
//! area's own app (`admin`), which registers them with [`set_area_messages`] when it starts:
//! none of their texts is part of the professionals' download.

use std::cell::Cell;

use domain::cooperation::{CooperationOrganisationsError, MAX_COOPERATION_ORGANISATIONS};
use domain::email::EmailError;
use domain::phone::PhoneNumberError;
use domain::profession::ProfessionalGroupError;
use domain::{Field, FieldError, Language};

use crate::i18n::{PickerAdded, PickerResults, PickerResultsTruncated, Text};

/// The messages of another area's fields: `None` for a field that is not its own.
pub type AreaMessages = fn(FieldError, Language) -> Option<&'static str>;

thread_local! {
    static AREA_MESSAGES: Cell<Option<AreaMessages>> = const { Cell::new(None) };
}

/// Registers the messages of an area's own fields (the administration's app, at its start).
pub fn set_area_messages(messages: AreaMessages) {
    AREA_MESSAGES.with(|area| area.set(Some(messages)));
}

/// The message for `error`, in `language`. The professionals' fields' matches are
/// exhaustive: a new error in `domain` does not build until it has its message. An error the
/// user can do nothing specific about (a county code that is no county, a code from a newer
/// server) gets its field's general message. Another area's fields get that area's message
/// (see [`set_area_messages`]), else the general one.
pub fn field_error(error: FieldError, language: Language) -> &'static str {
    AREA_MESSAGES
        .with(Cell::get)
        .and_then(|area| area(error, language))
        .unwrap_or_else(|| field_text(error).get(language))
}

/// Whether `field` is one of the professionals' forms' (the others are the administration's).
pub const fn is_professionals(field: Field) -> bool {
    matches!(
        field,
        Field::Phone
            | Field::Email
            | Field::Organisations
            | Field::ProfessionalGroup
            | Field::WellbeingCounty
            | Field::Workplace
    )
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
        // The administration's fields: their messages are the area's own.
        FieldError::BusinessId(_)
        | FieldError::ServiceNumber(_)
        | FieldError::OrganisationName(_)
        | FieldError::PointName(_)
        | FieldError::PostalAddress(_)
        | FieldError::AccountKind(_)
        | FieldError::WellbeingCountyOfAccount(_)
        | FieldError::ContractKind(_)
        | FieldError::RejectionReason(_)
        | FieldError::InvitationEmail(_)
        | FieldError::NoticeSubject(_)
        | FieldError::NoticeBody(_)
        | FieldError::PersonName(_)
        | FieldError::IdentityCode(_)
        | FieldError::ReceivedOn(_)
        | FieldError::Delivery(_)
        | FieldError::CardKind(_) => Text::ErrorOther,
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
        Field::BusinessId
        | Field::ServiceNumber
        | Field::OrganisationName
        | Field::PointName
        | Field::PostalAddress
        | Field::AccountKind
        | Field::WellbeingCountyOfAccount
        | Field::ContractKind
        | Field::RejectionReason
        | Field::InvitationEmail
        | Field::NoticeSubject
        | Field::NoticeBody
        | Field::PersonName
        | Field::IdentityCode
        | Field::ReceivedOn
        | Field::Delivery
        | Field::CardKind => Text::ErrorOther,
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

    use super::*;

    /// Within a field, two errors read the same only when both are the field's general
    /// message; every other error the domain can give has a message of its own, in every
    /// language. Fails when a new domain error is mapped to another error's message.
    #[test]
    fn each_error_of_a_field_reads_differently() {
        for language in Language::ALL {
            let mut seen: BTreeMap<(Field, &str), FieldError> = BTreeMap::new();
            for error in FieldError::all().filter(|error| is_professionals(error.field())) {
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
            .filter(|error| is_professionals(error.field()))
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

//! The messages that depend on a code or a number: each field's error for each of the
//! domain's codes (the same codes the server's 422 answers carry), and the organisation
//! picker's count and added announcements (the others are the generated structs, used where
//! they are said). The texts are in `app/locales/*.ftl` like every other string.

use domain::Language;
use domain::cooperation::MAX_COOPERATION_ORGANISATIONS;
use domain::registration::fields;

use crate::i18n::{PickerAdded, PickerResults, PickerResultsTruncated, Text};

/// The message for `code` on `field`, in `language`. A code this version of the app does not
/// know (a newer server) still gets a message that names the field's problem.
pub fn field_error(field: &str, code: &str, language: Language) -> &'static str {
    let text = match (field, code) {
        (fields::PHONE, "required") => Text::ErrorPhoneRequired,
        (fields::PHONE, "invalid_characters") => Text::ErrorPhoneInvalidCharacters,
        (fields::PHONE, "too_short") => Text::ErrorPhoneTooShort,
        (fields::PHONE, "too_long") => Text::ErrorPhoneTooLong,
        (fields::PHONE, _) => Text::ErrorPhoneOther,
        (fields::EMAIL, "required") => Text::ErrorEmailRequired,
        (fields::EMAIL, "too_long") => Text::ErrorEmailTooLong,
        (fields::EMAIL, "missing_at") => Text::ErrorEmailMissingAt,
        (fields::EMAIL, "missing_local_part") => Text::ErrorEmailMissingLocalPart,
        (fields::EMAIL, "invalid_domain") => Text::ErrorEmailInvalidDomain,
        (fields::EMAIL, "invalid_characters") => Text::ErrorEmailInvalidCharacters,
        (fields::EMAIL, _) => Text::ErrorEmailOther,
        (fields::ORGANISATIONS, "required") => Text::ErrorOrganisationsRequired,
        (fields::ORGANISATIONS, "too_many") => Text::ErrorOrganisationsTooMany,
        (fields::ORGANISATIONS, "duplicate") => Text::ErrorOrganisationsDuplicate,
        (fields::ORGANISATIONS, _) => Text::ErrorOrganisationsOther,
        (fields::PROFESSIONAL_GROUP, "required") => Text::ErrorProfessionalGroupRequired,
        (fields::PROFESSIONAL_GROUP, _) => Text::ErrorProfessionalGroupOther,
        (fields::WELLBEING_COUNTY, _) => Text::ErrorWellbeingCountyOther,
        _ => Text::ErrorOther,
    };
    text.get(language)
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
    use domain::email::EmailError;
    use domain::phone::PhoneNumberError;

    use super::*;

    /// Every code the domain can give has its own message, never the catch-all.
    #[test]
    fn every_domain_code_has_a_message_in_every_language() {
        let catch_all = field_error("nonexistent", "x", Language::Fi);
        let phone = [
            PhoneNumberError::Required,
            PhoneNumberError::InvalidCharacters,
            PhoneNumberError::TooShort,
            PhoneNumberError::TooLong,
            PhoneNumberError::Invalid,
        ];
        let email = [
            EmailError::Required,
            EmailError::TooLong,
            EmailError::MissingAt,
            EmailError::MissingLocalPart,
            EmailError::InvalidDomain,
            EmailError::InvalidCharacters,
            EmailError::Invalid,
        ];
        let mut cases: Vec<(&str, &str)> = phone
            .iter()
            .map(|error| (fields::PHONE, error.code()))
            .chain(email.iter().map(|error| (fields::EMAIL, error.code())))
            .collect();
        cases.extend([
            (fields::ORGANISATIONS, "required"),
            (fields::ORGANISATIONS, "too_many"),
            (fields::ORGANISATIONS, "duplicate"),
            (fields::ORGANISATIONS, "unknown"),
            (fields::PROFESSIONAL_GROUP, "required"),
            (fields::PROFESSIONAL_GROUP, "unknown"),
            (fields::WELLBEING_COUNTY, "unknown"),
        ]);
        for (field, code) in cases {
            for language in [Language::Fi, Language::Sv, Language::En] {
                let message = field_error(field, code, language);
                assert!(!message.is_empty());
                assert_ne!(message, catch_all, "{field}/{code}");
            }
        }
    }

    /// The limit is written out in the too-many message; it must be the domain's.
    #[test]
    fn the_too_many_message_names_the_domains_limit() {
        for language in [Language::Fi, Language::Sv, Language::En] {
            let message = field_error(fields::ORGANISATIONS, "too_many", language);
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

    #[test]
    fn each_phone_code_reads_differently() {
        let messages: std::collections::BTreeSet<_> = [
            "required",
            "invalid_characters",
            "too_short",
            "too_long",
            "invalid",
        ]
        .iter()
        .map(|code| field_error(fields::PHONE, code, Language::Sv))
        .collect();
        assert_eq!(messages.len(), 5);
    }
}

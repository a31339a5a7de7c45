//! The messages that depend on a code or a number: each field's error for each of the
//! domain's codes (the same codes the server's 422 answers carry), and the organisation
//! picker's announcements. Like `i18n::Text`, every arm names all three languages.

use domain::Language;
use domain::cooperation::MAX_COOPERATION_ORGANISATIONS;
use domain::registration::fields;

/// The message for `code` on `field`, in `language`. A code this version of the app does not
/// know (a newer server) still gets a message that names the field's problem.
pub fn field_error(field: &str, code: &str, language: Language) -> &'static str {
    let (fi, sv, en) = match (field, code) {
        (fields::PHONE, "required") => (
            "Kirjoita puhelinnumero.",
            "Skriv ditt telefonnummer.",
            "Enter your phone number.",
        ),
        (fields::PHONE, "invalid_characters") => (
            "Puhelinnumerossa voi olla vain numeroita, välilyöntejä, väliviivoja ja alussa +-merkki.",
            "Telefonnumret får bara innehålla siffror, mellanslag, bindestreck och ett + i början.",
            "A phone number can only contain digits, spaces, hyphens and a + at the start.",
        ),
        (fields::PHONE, "too_short") => (
            "Puhelinnumero on liian lyhyt. Tarkista numero.",
            "Telefonnumret är för kort. Kontrollera numret.",
            "The phone number is too short. Check the number.",
        ),
        (fields::PHONE, "too_long") => (
            "Puhelinnumero on liian pitkä. Tarkista numero.",
            "Telefonnumret är för långt. Kontrollera numret.",
            "The phone number is too long. Check the number.",
        ),
        (fields::PHONE, _) => (
            "Puhelinnumero ei ole kelvollinen. Kirjoita suomalainen numero, esimerkiksi 040 123 4567, tai ulkomainen numero maatunnuksella, esimerkiksi +46 8 123 456 78.",
            "Telefonnumret är inte giltigt. Skriv ett finskt nummer, till exempel 040 123 4567, eller ett utländskt nummer med landsnummer, till exempel +46 8 123 456 78.",
            "The phone number is not valid. Enter a Finnish number, for example 040 123 4567, or a foreign number with its country code, for example +46 8 123 456 78.",
        ),
        (fields::EMAIL, "required") => (
            "Kirjoita sähköpostiosoite.",
            "Skriv din e-postadress.",
            "Enter your email address.",
        ),
        (fields::EMAIL, "too_long") => (
            "Sähköpostiosoite on liian pitkä.",
            "E-postadressen är för lång.",
            "The email address is too long.",
        ),
        (fields::EMAIL, "missing_at") => (
            "Sähköpostiosoitteesta puuttuu @-merkki. Kirjoita osoite muodossa nimi@esimerkki.fi.",
            "E-postadressen saknar tecknet @. Skriv adressen i formen namn@exempel.fi.",
            "The email address is missing an @. Enter it in the form name@example.fi.",
        ),
        (fields::EMAIL, "missing_local_part") => (
            "Kirjoita sähköpostiosoitteeseen nimi ennen @-merkkiä.",
            "Skriv namnet före tecknet @ i e-postadressen.",
            "Enter the name before the @ in the email address.",
        ),
        (fields::EMAIL, "invalid_domain") => (
            "Sähköpostiosoitteen @-merkin jälkeinen osa ei ole kelvollinen. Sen pitää olla muotoa esimerkki.fi.",
            "Delen efter @ i e-postadressen är inte giltig. Den ska vara i formen exempel.fi.",
            "The part after the @ is not valid. It must be like example.fi.",
        ),
        (fields::EMAIL, "invalid_characters") => (
            "Sähköpostiosoitteessa on merkki, jota osoitteessa ei voi olla, kuten välilyönti tai toinen @-merkki.",
            "E-postadressen innehåller ett tecken som inte kan finnas i en adress, till exempel ett mellanslag eller ett andra @.",
            "The email address has a character an address cannot have, such as a space or a second @.",
        ),
        (fields::EMAIL, _) => (
            "Sähköpostiosoite ei ole kelvollinen. Kirjoita osoite muodossa nimi@esimerkki.fi.",
            "E-postadressen är inte giltig. Skriv adressen i formen namn@exempel.fi.",
            "The email address is not valid. Enter it in the form name@example.fi.",
        ),
        (fields::ORGANISATIONS, "required") => (
            "Valitse vähintään yksi yhteistyöorganisaatio.",
            "Välj minst en samarbetsorganisation.",
            "Choose at least one cooperation organisation.",
        ),
        (fields::ORGANISATIONS, "too_many") => (
            "Voit valita enintään 20 yhteistyöorganisaatiota. Poista ylimääräiset.",
            "Du kan välja högst 20 samarbetsorganisationer. Ta bort de överskjutande.",
            "You can choose at most 20 cooperation organisations. Remove the extra ones.",
        ),
        (fields::ORGANISATIONS, "duplicate") => (
            "Sama organisaatio on valittu kahdesti. Poista toinen.",
            "Samma organisation har valts två gånger. Ta bort den ena.",
            "The same organisation is chosen twice. Remove one of them.",
        ),
        (fields::ORGANISATIONS, _) => (
            "Valittua organisaatiota ei ole enää listalla. Poista se ja valitse uudelleen.",
            "En vald organisation finns inte längre i listan. Ta bort den och välj på nytt.",
            "A chosen organisation is no longer on the list. Remove it and choose again.",
        ),
        (fields::PROFESSIONAL_GROUP, "required") => (
            "Valitse ammattiryhmä.",
            "Välj yrkesgrupp.",
            "Choose your professional group.",
        ),
        (fields::PROFESSIONAL_GROUP, _) => (
            "Valitse ammattiryhmä listasta.",
            "Välj yrkesgrupp i listan.",
            "Choose a professional group from the list.",
        ),
        (fields::WELLBEING_COUNTY, _) => (
            "Valitse hyvinvointialue listasta tai ”Ei valittu”.",
            "Välj välfärdsområde i listan eller ”Inte valt”.",
            "Choose a county from the list, or “Not selected”.",
        ),
        _ => (
            "Tarkista tämä kohta.",
            "Kontrollera den här uppgiften.",
            "Check this field.",
        ),
    };
    pick(language, fi, sv, en)
}

/// What the picker's live region says after the user typed: how many entries match, and how
/// many of them the list shows.
pub fn picker_results(total: usize, shown: usize, language: Language) -> String {
    match (total, shown < total, language) {
        (0, _, Language::Fi) => {
            "Ei hakutuloksia. Kokeile toista hakusanaa tai valitse kotikuntasi.".to_owned()
        }
        (0, _, Language::Sv) => {
            "Inga sökresultat. Pröva ett annat sökord eller välj din hemkommun.".to_owned()
        }
        (0, _, Language::En) => {
            "No results. Try another search or choose your home municipality.".to_owned()
        }
        (1, _, Language::Fi) => "1 tulos.".to_owned(),
        (1, _, Language::Sv) => "1 resultat.".to_owned(),
        (1, _, Language::En) => "1 result.".to_owned(),
        (total, false, Language::Fi) => format!("{total} tulosta."),
        (total, false, Language::Sv) => format!("{total} resultat."),
        (total, false, Language::En) => format!("{total} results."),
        (total, true, Language::Fi) => {
            format!("{total} tulosta, näytetään {shown} ensimmäistä. Tarkenna hakua.")
        }
        (total, true, Language::Sv) => {
            format!("{total} resultat, de {shown} första visas. Förfina sökningen.")
        }
        (total, true, Language::En) => {
            format!("{total} results, showing the first {shown}. Refine your search.")
        }
    }
}

/// What the live region says when an entry was added; `count` is how many are chosen now.
pub fn picker_added(name: &str, count: usize, language: Language) -> String {
    match language {
        Language::Fi => {
            format!("Lisätty: {name}. Valittuja {count}/{MAX_COOPERATION_ORGANISATIONS}.")
        }
        Language::Sv => format!("Tillagd: {name}. Valda {count}/{MAX_COOPERATION_ORGANISATIONS}."),
        Language::En => format!("Added: {name}. Chosen {count}/{MAX_COOPERATION_ORGANISATIONS}."),
    }
}

/// What the live region says when an entry was removed.
pub fn picker_removed(name: &str, language: Language) -> String {
    match language {
        Language::Fi => format!("Poistettu: {name}."),
        Language::Sv => format!("Borttagen: {name}."),
        Language::En => format!("Removed: {name}."),
    }
}

/// The remove button's accessible name: "Poista Tampere".
pub fn picker_remove_label(name: &str, language: Language) -> String {
    match language {
        Language::Fi => format!("Poista {name}"),
        Language::Sv => format!("Ta bort {name}"),
        Language::En => format!("Remove {name}"),
    }
}

fn pick(language: Language, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::Fi => fi,
        Language::Sv => sv,
        Language::En => en,
    }
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

//! The texts of the service's email, in the recipient's language: plain text, written here
//! (not in the app's Fluent files, which are the browser's). Times are written in Finnish time
//! (Europe/Helsinki's offset is not known without a time-zone database, so the text says UTC
//! beside the date where it names a moment).

use domain::Language;
use time::OffsetDateTime;
use time::macros::format_description;

/// What an invitation's email says: who invited, to which account, as what, the link, and until
/// when it is valid.
#[derive(Debug, Clone)]
pub struct InvitationMail {
    /// The inviter's name, as their identity provider gave it.
    pub inviter: String,
    /// The account's organisation.
    pub account_name: String,
    /// The role accepting gives.
    pub administrator: bool,
    /// The acceptance page with the token.
    pub link: String,
    /// Unix seconds: the link is valid until then.
    pub valid_until: i64,
}

/// A message's subject and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub subject: String,
    pub body: String,
}

fn moment(unix_seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|at| {
            at.format(format_description!(
                "[day].[month].[year] [hour]:[minute] UTC"
            ))
            .ok()
        })
        .unwrap_or_else(|| unix_seconds.to_string())
}

impl InvitationMail {
    /// The email in `language`.
    pub fn text(&self, language: Language) -> Text {
        let InvitationMail {
            inviter,
            account_name,
            administrator,
            link,
            valid_until,
        } = self;
        let until = moment(*valid_until);
        match language {
            Language::Fi => Text {
                subject: format!("Kutsu asiakastilille: {account_name}"),
                body: format!(
                    "Hei,\n\n{inviter} kutsuu sinut asiakastilin {account_name} {role} \
                     rekisteröintipisteiden hallintaan.\n\nHyväksy kutsu kirjautumalla palveluun \
                     tästä linkistä:\n{link}\n\nLinkki on voimassa {until} asti, ja sen voi \
                     käyttää kerran. Jos et odottanut kutsua, voit jättää tämän viestin \
                     huomiotta.\n",
                    role = if *administrator {
                        "pääkäyttäjäksi"
                    } else {
                        "käyttäjäksi"
                    },
                ),
            },
            Language::Sv => Text {
                subject: format!("Inbjudan till kundkontot: {account_name}"),
                body: format!(
                    "Hej,\n\n{inviter} bjuder in dig som {role} för kundkontot {account_name} i \
                     administrationen av registreringsställen.\n\nGodkänn inbjudan genom att \
                     logga in i tjänsten via denna länk:\n{link}\n\nLänken gäller till {until} \
                     och kan användas en gång. Om du inte väntade dig inbjudan kan du lämna \
                     detta meddelande utan åtgärd.\n",
                    role = if *administrator {
                        "huvudanvändare"
                    } else {
                        "användare"
                    },
                ),
            },
            Language::En => Text {
                subject: format!("Invitation to the customer account: {account_name}"),
                body: format!(
                    "Hello,\n\n{inviter} invites you to the customer account {account_name} as \
                     {role} in the registration-point administration.\n\nAccept the invitation \
                     by signing in to the service through this link:\n{link}\n\nThe link is \
                     valid until {until} and can be used once. If you did not expect this \
                     invitation, you can ignore this message.\n",
                    role = if *administrator {
                        "an administrator"
                    } else {
                        "a user"
                    },
                ),
            },
        }
    }
}

/// What a registrar application's decision says: the county's account, the points applied
/// for, granted or rejected (with the officer's reason), and where to sign in. No user names
/// or passwords: a registrar signs in with their own means of identification (SPEC §5).
#[derive(Debug, Clone)]
pub struct RegistrarDecisionMail {
    /// The county's account's organisation.
    pub account_name: String,
    /// Each point applied for, as "name (service number)".
    pub points: Vec<String>,
    /// The rejection's reason; none for a grant.
    pub rejection_reason: Option<String>,
    /// The administration's front page.
    pub link: String,
}

impl RegistrarDecisionMail {
    /// The email in `language`.
    pub fn text(&self, language: Language) -> Text {
        let RegistrarDecisionMail {
            account_name,
            points,
            rejection_reason,
            link,
        } = self;
        let points: String = points.iter().map(|point| format!("- {point}\n")).collect();
        match (language, rejection_reason) {
            (Language::Fi, None) => Text {
                subject: "Rekisteröijähakemuksesi on myönnetty".into(),
                body: format!(
                    "Hei,\n\nrekisteröijähakemuksesi ({account_name}) on myönnetty. Sinulla on \
                     nyt rekisteröijän oikeudet näissä rekisteröintipisteissä:\n{points}\n\
                     Kirjaudu palveluun omilla tunnistautumisvälineilläsi:\n{link}\n\n\
                     Palvelu ei lähetä käyttäjätunnuksia eikä salasanoja.\n"
                ),
            },
            (Language::Fi, Some(reason)) => Text {
                subject: "Rekisteröijähakemuksesi on hylätty".into(),
                body: format!(
                    "Hei,\n\nrekisteröijähakemuksesi ({account_name}) on hylätty.\n\n\
                     Perustelu:\n{reason}\n\nHaetut rekisteröintipisteet:\n{points}\n\
                     Voit tehdä uuden hakemuksen palvelussa:\n{link}\n"
                ),
            },
            (Language::Sv, None) => Text {
                subject: "Din ansökan om registrerarrättigheter har beviljats".into(),
                body: format!(
                    "Hej,\n\ndin ansökan om registrerarrättigheter ({account_name}) har \
                     beviljats. Du har nu registrerarrättigheter vid dessa \
                     registreringspunkter:\n{points}\nLogga in i tjänsten med dina egna \
                     identifieringsverktyg:\n{link}\n\nTjänsten skickar inga användarnamn \
                     eller lösenord.\n"
                ),
            },
            (Language::Sv, Some(reason)) => Text {
                subject: "Din ansökan om registrerarrättigheter har avslagits".into(),
                body: format!(
                    "Hej,\n\ndin ansökan om registrerarrättigheter ({account_name}) har \
                     avslagits.\n\nMotivering:\n{reason}\n\nRegistreringspunkter som \
                     ansökan gällde:\n{points}\nDu kan göra en ny ansökan i tjänsten:\n{link}\n"
                ),
            },
            (Language::En, None) => Text {
                subject: "Your registrar application has been granted".into(),
                body: format!(
                    "Hello,\n\nyour registrar application ({account_name}) has been granted. \
                     You now have registrar rights at these registration points:\n{points}\n\
                     Sign in to the service with your own means of identification:\n{link}\n\n\
                     The service does not send user names or passwords.\n"
                ),
            },
            (Language::En, Some(reason)) => Text {
                subject: "Your registrar application has been rejected".into(),
                body: format!(
                    "Hello,\n\nyour registrar application ({account_name}) has been \
                     rejected.\n\nReason:\n{reason}\n\nRegistration points applied \
                     for:\n{points}\nYou can make a new application in the service:\n{link}\n"
                ),
            },
        }
    }
}

/// What a contact email's confirmation says: the link, and until when it is valid. Sent to
/// the new address, so following it shows the registrar can read that mailbox.
#[derive(Debug, Clone)]
pub struct ConfirmationMail {
    /// The confirmation page with the token.
    pub link: String,
    /// Unix seconds: the link is valid until then.
    pub valid_until: i64,
}

impl ConfirmationMail {
    /// The email in `language`.
    pub fn text(&self, language: Language) -> Text {
        let ConfirmationMail { link, valid_until } = self;
        let until = moment(*valid_until);
        match language {
            Language::Fi => Text {
                subject: "Vahvista rekisteröijän yhteystietosähköposti".to_owned(),
                body: format!(
                    "Hei,\n\nolet antanut tämän osoitteen rekisteröijän \
                     yhteystietosähköpostiksi rekisteröintipisteiden hallinnassa. Viraston \
                     tiedotteet lähetetään siihen, kun olet vahvistanut sen.\n\nVahvista \
                     osoite kirjautumalla palveluun omilla tunnuksillasi tästä linkistä:\n\
                     {link}\n\nLinkki on voimassa {until} asti, ja sen voi käyttää kerran. \
                     Siihen asti tiedotteet menevät aiempaan vahvistettuun osoitteeseesi. Jos \
                     et antanut tätä osoitetta, voit jättää tämän viestin huomiotta.\n"
                ),
            },
            Language::Sv => Text {
                subject: "Bekräfta registrerarens kontakt-e-postadress".to_owned(),
                body: format!(
                    "Hej,\n\ndu har angett den här adressen som registrerarens \
                     kontakt-e-postadress i administrationen av registreringsställen. \
                     Myndighetens meddelanden skickas dit när du har bekräftat den.\n\n\
                     Bekräfta adressen genom att logga in i tjänsten med dina egna uppgifter \
                     via denna länk:\n{link}\n\nLänken gäller till {until} och kan användas \
                     en gång. Till dess går meddelandena till din tidigare bekräftade adress. \
                     Om du inte angav den här adressen kan du lämna detta meddelande utan \
                     åtgärd.\n"
                ),
            },
            Language::En => Text {
                subject: "Confirm your registrar contact email".to_owned(),
                body: format!(
                    "Hello,\n\nyou have entered this address as your registrar contact email \
                     in the registration-point administration. The agency's notices are sent \
                     to it once you have confirmed it.\n\nConfirm the address by signing in \
                     to the service as yourself through this link:\n{link}\n\nThe link is \
                     valid until {until} and can be used once. Until then, notices go to your \
                     earlier confirmed address. If you did not enter this address, you can \
                     ignore this message.\n"
                ),
            },
        }
    }
}

/// What an agency notice's email says: the officer's subject and text as written (in the one
/// language they wrote it in), framed by a line in the registrar's language saying what it is.
#[derive(Debug, Clone)]
pub struct NoticeMail {
    pub subject: String,
    pub body: String,
}

impl NoticeMail {
    /// The email in `language` (the frame's; the notice's own text is as written).
    pub fn text(&self, language: Language) -> Text {
        let NoticeMail { subject, body } = self;
        let (prefix, intro, outro) = match language {
            Language::Fi => (
                "Viraston tiedote",
                "Tämä on viraston tiedote kaikille rekisteröijille.",
                "Saat tämän viestin, koska olet rekisteröijä ja tämä on vahvistettu \
                 yhteystietosähköpostisi. Voit muuttaa osoitetta kohdasta Muuta \
                 henkilötietoja.",
            ),
            Language::Sv => (
                "Myndighetens meddelande",
                "Detta är myndighetens meddelande till alla registrerare.",
                "Du får detta meddelande eftersom du är registrerare och detta är din \
                 bekräftade kontakt-e-postadress. Du kan ändra adressen under Ändra \
                 personuppgifter.",
            ),
            Language::En => (
                "Agency notice",
                "This is the agency's notice to all registrars.",
                "You receive this message because you are a registrar and this is your \
                 confirmed contact email. You can change the address under Change personal \
                 details.",
            ),
        };
        Text {
            subject: format!("{prefix}: {subject}"),
            body: format!("{intro}\n\n{subject}\n\n{body}\n\n-- \n{outro}\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_carries_its_link_and_time_in_each_language() {
        let mail = ConfirmationMail {
            link: "https://palvelu.example/hallinta/vahvista-sahkoposti?token=abc".into(),
            valid_until: 1_700_000_000,
        };
        let mut bodies = Vec::new();
        for language in Language::ALL {
            let text = mail.text(language);
            assert!(text.body.contains(&mail.link), "{language}");
            assert!(text.body.contains("14.11.2023 22:13 UTC"), "{language}");
            bodies.push(text.body);
        }
        bodies.dedup();
        assert_eq!(bodies.len(), 3);
    }

    #[test]
    fn a_notice_keeps_its_text_and_frames_it_in_the_registrars_language() {
        let mail = NoticeMail {
            subject: "Huoltokatko".into(),
            body: "Palvelu on poissa käytöstä\nla klo 8–10.".into(),
        };
        for language in Language::ALL {
            let text = mail.text(language);
            assert!(text.subject.ends_with(": Huoltokatko"), "{language}");
            assert!(text.body.contains(&mail.body), "{language}");
        }
        assert!(mail.text(Language::Sv).subject.starts_with("Myndighetens"));
    }

    #[test]
    fn a_registrar_decision_names_the_points_the_account_and_a_rejections_reason() {
        let granted = RegistrarDecisionMail {
            account_name: "Keski-Uudenmaan hyvinvointialue".into(),
            points: vec![
                "Keski-Uudenmaan hyvinvointialue (1000 0008)".into(),
                "Piste 2 (1000 0016)".into(),
            ],
            rejection_reason: None,
            link: "https://palvelu.example/hallinta".into(),
        };
        let rejected = RegistrarDecisionMail {
            rejection_reason: Some("Koulutustodistus puuttuu.".into()),
            ..granted.clone()
        };
        let mut subjects = std::collections::BTreeSet::new();
        for language in Language::ALL {
            for mail in [&granted, &rejected] {
                let text = mail.text(language);
                for part in [
                    "Keski-Uudenmaan hyvinvointialue (1000 0008)",
                    "Piste 2 (1000 0016)",
                    "https://palvelu.example/hallinta",
                ] {
                    assert!(
                        text.body.contains(part),
                        "{language}: {part}: {}",
                        text.body
                    );
                }
                assert_eq!(
                    text.body.contains("Koulutustodistus puuttuu."),
                    mail.rejection_reason.is_some(),
                    "{language}"
                );
                subjects.insert(text.subject);
            }
        }
        // Six different subjects: each language, granted or rejected.
        assert_eq!(subjects.len(), 6);
    }

    #[test]
    fn each_language_names_the_inviter_the_account_the_link_and_the_time() {
        let mail = InvitationMail {
            inviter: "Pia Parviainen".into(),
            account_name: "Esimerkki Terveyspalvelut Oy".into(),
            administrator: false,
            link: "https://palvelu.example/hallinta/kutsu?token=abc".into(),
            valid_until: 1_700_000_000,
        };
        for language in Language::ALL {
            let text = mail.text(language);
            assert!(
                text.subject.contains("Esimerkki Terveyspalvelut Oy"),
                "{language}"
            );
            for part in [
                "Pia Parviainen",
                "Esimerkki Terveyspalvelut Oy",
                "https://palvelu.example/hallinta/kutsu?token=abc",
                "14.11.2023 22:13 UTC",
            ] {
                assert!(
                    text.body.contains(part),
                    "{language}: {part}: {}",
                    text.body
                );
            }
        }
        assert_ne!(mail.text(Language::Fi).body, mail.text(Language::Sv).body);
        let administrator = InvitationMail {
            administrator: true,
            ..mail
        };
        assert!(
            administrator
                .text(Language::Fi)
                .body
                .contains("pääkäyttäjäksi")
        );
    }
}

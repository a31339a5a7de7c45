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

#[cfg(test)]
mod tests {
    use super::*;

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

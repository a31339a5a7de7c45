//! Registrars (rekisteröijä) at a county's registration points: how many a point needs, when
//! a registrar's rights may be removed, a registrar's own contact email and its confirmation
//! link, and the agency's notices to every registrar. Pure rules over the facts the server
//! reads in its transaction.

use serde::{Deserialize, Serialize};

use super::{NoticeBody, NoticeSubject};
use crate::email::Email;
use crate::fields::{self, FieldError, FieldErrors};
use crate::localised::Language;

/// The fewest active registrars a registration point should have: one may be away, and the
/// point still orders cards. A point with fewer is shown as such everywhere.
pub const MIN_REGISTRARS_PER_POINT: i64 = 2;

/// How long a contact email's confirmation link is valid: 24 hours. The registrar asked for it
/// a moment ago and can resend it; a short life keeps a link that reached the wrong mailbox
/// from deciding where the agency's notices go for long.
pub const CONTACT_CONFIRMATION_VALID_SECONDS: i64 = 24 * 60 * 60;

/// How many confirmation emails (a new address or a resend) a registrar may cause within
/// [`super::RESEND_WINDOW_SECONDS`]: enough to correct a typo and resend, too few to use the
/// service to mail a stranger's address repeatedly.
pub const CONTACT_EMAILS_PER_WINDOW: i64 = 5;

/// Whether a point with `active` registrars is short of [`MIN_REGISTRARS_PER_POINT`].
pub const fn has_too_few_registrars(active: i64) -> bool {
    active < MIN_REGISTRARS_PER_POINT
}

/// Whether a point in `state` with `active` registrars is shown as short of them: only an
/// approved point is (an order, a rejected or a closed point has no registrars to count).
pub const fn is_short_of_registrars(state: super::PointOrderState, active: i64) -> bool {
    matches!(state, super::PointOrderState::Approved) && has_too_few_registrars(active)
}

coded_enum! {
    error
    /// Why a registrar's rights at a point may not be removed.
    RegistrarRemovalRefusal {
        /// The point would be left with fewer than [`MIN_REGISTRARS_PER_POINT`] active
        /// registrars (closing the point ends them all instead).
        TooFewRegistrars = "too_few_registrars",
        /// The rights were removed already.
        AlreadyRemoved = "registrar_already_removed",
    }
}

/// Whether one registrar's active rights may be removed from a point that has `active`
/// registrars now (the one removed among them). Closing a point is not a removal: it ends all
/// of them at once, and the point with them.
pub const fn may_remove_registrar(active: i64) -> Result<(), RegistrarRemovalRefusal> {
    if active - 1 < MIN_REGISTRARS_PER_POINT {
        Err(RegistrarRemovalRefusal::TooFewRegistrars)
    } else {
        Ok(())
    }
}

coded_enum! {
    value
    /// Where a contact email's confirmation is. Stored are `pending`, `confirmed` and
    /// `replaced` (a newer address was asked for); a pending one past its time reads as
    /// `expired` ([`ConfirmationState::at`]).
    ConfirmationState {
        /// Sent, waiting for its link to be followed.
        Pending = "pending",
        /// Followed: the address is the registrar's contact email.
        Confirmed = "confirmed",
        /// Not followed within [`CONTACT_CONFIRMATION_VALID_SECONDS`].
        Expired = "expired",
        /// The registrar asked for another address since.
        Replaced = "replaced",
    }
}

coded_enum! {
    error
    /// Why a confirmation link cannot be followed.
    ConfirmationRefusal {
        /// Followed already: the link is single-use.
        Used = "confirmation_used",
        /// Its time has passed (the registrar can resend it).
        Expired = "confirmation_expired",
        /// The registrar asked for another address since; only the newest link counts.
        Replaced = "confirmation_replaced",
    }
}

impl ConfirmationState {
    /// The state as shown at `now`: a stored `pending` one whose `expires_at` has come is
    /// `expired`.
    pub const fn at(self, expires_at: i64, now: i64) -> ConfirmationState {
        match self {
            ConfirmationState::Pending if now >= expires_at => ConfirmationState::Expired,
            state => state,
        }
    }

    /// Whether the link may be followed (only a pending confirmation's).
    pub const fn confirm(self) -> Result<(), ConfirmationRefusal> {
        match self {
            ConfirmationState::Pending => Ok(()),
            ConfirmationState::Confirmed => Err(ConfirmationRefusal::Used),
            ConfirmationState::Expired => Err(ConfirmationRefusal::Expired),
            ConfirmationState::Replaced => Err(ConfirmationRefusal::Replaced),
        }
    }

    /// Whether the confirmation may be sent again (a new link, its time again): a pending or
    /// an expired one.
    pub const fn resend(self) -> Result<(), ConfirmationRefusal> {
        match self {
            ConfirmationState::Pending | ConfirmationState::Expired => Ok(()),
            ConfirmationState::Confirmed => Err(ConfirmationRefusal::Used),
            ConfirmationState::Replaced => Err(ConfirmationRefusal::Replaced),
        }
    }
}

/// A registrar sets or changes their own contact email ("Muuta henkilötietoja").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactEmailInput {
    /// The new address (the field `email`, by the service's e-mail rule).
    pub email: String,
    /// The language of the confirmation email and of the agency's notices' framing text:
    /// `fi`, `sv` or `en`.
    pub language: Language,
}

/// A checked [`ContactEmailInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactEmail {
    pub email: Email,
    pub language: Language,
}

impl ContactEmailInput {
    /// The address, or its error.
    pub fn validate(&self) -> Result<ContactEmail, FieldErrors> {
        let email = self
            .email
            .parse::<Email>()
            .map_err(|error| fields::collect([FieldError::Email(error)]))?;
        Ok(ContactEmail {
            email,
            language: self.language,
        })
    }
}

/// The agency officer writes a notice (tiedote) to every registrar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeInput {
    /// The subject, one line (the email's subject).
    pub notice_subject: String,
    /// The text, line breaks kept, in the language the officer writes it in.
    pub notice_body: String,
}

/// A checked [`NoticeInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub subject: NoticeSubject,
    pub body: NoticeBody,
}

impl NoticeInput {
    /// The notice, or each field's error.
    pub fn validate(&self) -> Result<Notice, FieldErrors> {
        match (
            self.notice_subject.parse::<NoticeSubject>(),
            self.notice_body.parse::<NoticeBody>(),
        ) {
            (Ok(subject), Ok(body)) => Ok(Notice { subject, body }),
            (subject, body) => Err(fields::collect(
                [
                    subject.err().map(FieldError::NoticeSubject),
                    body.err().map(FieldError::NoticeBody),
                ]
                .into_iter()
                .flatten(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    #[test]
    fn a_point_keeps_two_registrars() {
        use RegistrarRemovalRefusal::TooFewRegistrars;
        for (active, verdict) in [
            (0, Err(TooFewRegistrars)),
            (1, Err(TooFewRegistrars)),
            (2, Err(TooFewRegistrars)),
            (3, Ok(())),
            (10, Ok(())),
        ] {
            assert_eq!(may_remove_registrar(active), verdict, "{active}");
        }
        for (active, short) in [(0, true), (1, true), (2, false), (5, false)] {
            assert_eq!(has_too_few_registrars(active), short, "{active}");
            for state in super::super::PointOrderState::ALL {
                assert_eq!(
                    is_short_of_registrars(state, active),
                    short && state == super::super::PointOrderState::Approved,
                    "{state:?} {active}"
                );
            }
        }
    }

    #[test]
    fn only_a_pending_confirmation_is_followed() {
        use ConfirmationRefusal as R;
        use ConfirmationState as S;
        assert_eq!(S::Pending.at(100, 99), S::Pending);
        assert_eq!(S::Pending.at(100, 100), S::Expired);
        assert_eq!(S::Confirmed.at(100, 500), S::Confirmed);
        assert_eq!(S::Replaced.at(100, 500), S::Replaced);
        for (state, confirm, resend) in [
            (S::Pending, Ok(()), Ok(())),
            (S::Confirmed, Err(R::Used), Err(R::Used)),
            (S::Expired, Err(R::Expired), Ok(())),
            (S::Replaced, Err(R::Replaced), Err(R::Replaced)),
        ] {
            assert_eq!(state.confirm(), confirm, "{state}");
            assert_eq!(state.resend(), resend, "{state}");
        }
    }

    #[test]
    fn the_codes_round_trip() {
        for state in ConfirmationState::ALL {
            assert_eq!(ConfirmationState::from_code(state.code()), Some(state));
        }
        assert_eq!(
            ConfirmationRefusal::ALL.map(ConfirmationRefusal::code),
            [
                "confirmation_used",
                "confirmation_expired",
                "confirmation_replaced"
            ]
        );
        assert_eq!(
            RegistrarRemovalRefusal::ALL.map(RegistrarRemovalRefusal::code),
            ["too_few_registrars", "registrar_already_removed"]
        );
    }

    #[test]
    fn inputs_check_every_field() {
        let contact = ContactEmailInput {
            email: " Maija@Esimerkki.FI ".into(),
            language: Language::Sv,
        };
        assert_eq!(
            contact.validate().unwrap().email.as_str(),
            "Maija@esimerkki.fi"
        );
        let wrong = ContactEmailInput {
            email: "maija".into(),
            language: Language::Fi,
        };
        assert_eq!(
            wrong.validate().unwrap_err()[&Field::Email].code(),
            "missing_at"
        );
        let empty = NoticeInput::default().validate().unwrap_err();
        assert_eq!(empty[&Field::NoticeSubject].code(), "required");
        assert_eq!(empty[&Field::NoticeBody].code(), "required");
        let notice = NoticeInput {
            notice_subject: " Katko ".into(),
            notice_body: "Palvelu on poissa käytöstä.".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(notice.subject.as_str(), "Katko");
    }
}

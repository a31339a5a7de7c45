//! Invitations to a customer account (Käyttäjien hallinta → Kutsu käyttäjä): the rules of an
//! invitation's life as pure functions of the facts the server reads. An invitation is a
//! single-use link valid for [`INVITATION_VALID_SECONDS`]; it is pending until accepted or
//! withdrawn, and reads as expired once its time has passed. Resending gives a new link (the
//! old one dead) and a new validity, at most [`RESENDS_PER_WINDOW`] times in
//! [`RESEND_WINDOW_SECONDS`]. An account always keeps an administrator.

use serde::{Deserialize, Serialize};

use super::AccountRole;
use crate::email::Email;
use crate::fields::{self, FieldError, FieldErrors};
use crate::localised::Language;

/// How long an invitation's link is valid: seven days.
pub const INVITATION_VALID_SECONDS: i64 = 7 * 24 * 60 * 60;
/// How many times an invitation may be resent within [`RESEND_WINDOW_SECONDS`].
pub const RESENDS_PER_WINDOW: i64 = 3;
/// The window of the resend limit: an hour from the window's first resend.
pub const RESEND_WINDOW_SECONDS: i64 = 60 * 60;

coded_enum! {
    value
    /// Where an invitation is, as the administrator's list shows it. Stored are `pending`,
    /// `accepted` and `withdrawn`; a pending one whose time has passed reads as `expired`
    /// ([`InvitationState::at`]).
    InvitationState {
        /// Sent, not yet accepted, still valid.
        Pending = "pending",
        /// Accepted: its person is a member of the account.
        Accepted = "accepted",
        /// Not accepted within its validity.
        Expired = "expired",
        /// Withdrawn by an administrator.
        Withdrawn = "withdrawn",
    }
}

coded_enum! {
    value
    /// Whether an invitation's latest email has left the service: queued in the outbox
    /// until the SMTP server has accepted it.
    DeliveryState {
        /// In the outbox, not yet accepted by the SMTP server (or no SMTP server configured).
        Queued = "queued",
        /// Accepted by the SMTP server.
        Sent = "sent",
    }
}

coded_enum! {
    error
    /// Why an invitation's link cannot be accepted, or the invitation resent or withdrawn.
    InvitationRefusal {
        /// Accepted already: the link is single-use.
        Used = "invitation_used",
        /// Its seven days have passed.
        Expired = "invitation_expired",
        /// An administrator withdrew it.
        Withdrawn = "invitation_withdrawn",
    }
}

impl InvitationState {
    /// The state as shown at `now`: a stored `pending` one whose `expires_at` has come is
    /// `expired`.
    pub const fn at(self, expires_at: i64, now: i64) -> InvitationState {
        match self {
            InvitationState::Pending if now >= expires_at => InvitationState::Expired,
            state => state,
        }
    }

    /// Whether the link may be accepted (only a pending invitation's).
    pub const fn accept(self) -> Result<(), InvitationRefusal> {
        match self {
            InvitationState::Pending => Ok(()),
            InvitationState::Accepted => Err(InvitationRefusal::Used),
            InvitationState::Expired => Err(InvitationRefusal::Expired),
            InvitationState::Withdrawn => Err(InvitationRefusal::Withdrawn),
        }
    }

    /// Whether the invitation may be resent (a new link, seven days again) or withdrawn: a
    /// pending or an expired one; an accepted or withdrawn one is done.
    pub const fn change(self) -> Result<(), InvitationRefusal> {
        match self {
            InvitationState::Pending | InvitationState::Expired => Ok(()),
            InvitationState::Accepted => Err(InvitationRefusal::Used),
            InvitationState::Withdrawn => Err(InvitationRefusal::Withdrawn),
        }
    }
}

/// The resend limit's window of an invitation: when its first resend was and how many fell
/// in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResendWindow {
    /// Unix seconds of the window's first resend; none before any resend.
    pub started_at: Option<i64>,
    /// Resends within the window.
    pub count: i64,
}

impl ResendWindow {
    /// The window after one more resend at `now`, or the Unix second from which the next
    /// resend is allowed.
    pub const fn resend(self, now: i64) -> Result<ResendWindow, i64> {
        self.resend_within(now, RESENDS_PER_WINDOW)
    }

    /// [`ResendWindow::resend`] with `limit` sends allowed in the window (a contact email's
    /// confirmations have a limit of their own).
    pub const fn resend_within(self, now: i64, limit: i64) -> Result<ResendWindow, i64> {
        match self.started_at {
            Some(started_at) if now < started_at + RESEND_WINDOW_SECONDS => {
                if self.count >= limit {
                    Err(started_at + RESEND_WINDOW_SECONDS)
                } else {
                    Ok(ResendWindow {
                        started_at: Some(started_at),
                        count: self.count + 1,
                    })
                }
            }
            _ => Ok(ResendWindow {
                started_at: Some(now),
                count: 1,
            }),
        }
    }
}

/// Whether a change of memberships leaves the account an administrator: `administrators` is
/// how many it has now, `removes_one` whether the change takes one away (a role changed from
/// administrator, or an administrator removed).
pub const fn keeps_an_administrator(administrators: i64, removes_one: bool) -> bool {
    !removes_one || administrators > 1
}

/// An administrator invites a person by email (Kutsu käyttäjä).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationInput {
    /// The invited person's address.
    pub invitation_email: String,
    /// The language of the email (the inviter's choice): `fi`, `sv` or `en`.
    pub language: Language,
    /// The role the person gets on accepting; a member when not given.
    #[serde(default)]
    pub role: Option<AccountRole>,
}

/// A checked [`InvitationInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub email: Email,
    pub language: Language,
    pub role: AccountRole,
}

impl InvitationInput {
    /// The invitation, or the address's error.
    pub fn validate(&self) -> Result<Invitation, FieldErrors> {
        let email = self
            .invitation_email
            .parse::<Email>()
            .map_err(|error| fields::collect([FieldError::InvitationEmail(error)]))?;
        Ok(Invitation {
            email,
            language: self.language,
            role: self.role.unwrap_or(AccountRole::Member),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    #[test]
    fn a_pending_invitation_expires_at_its_time_and_nothing_else_changes() {
        let expires = 1_000;
        for (state, now, shown) in [
            (InvitationState::Pending, 999, InvitationState::Pending),
            (InvitationState::Pending, 1_000, InvitationState::Expired),
            (InvitationState::Accepted, 5_000, InvitationState::Accepted),
            (
                InvitationState::Withdrawn,
                5_000,
                InvitationState::Withdrawn,
            ),
        ] {
            assert_eq!(state.at(expires, now), shown, "{state} at {now}");
        }
    }

    #[test]
    fn only_a_pending_link_is_accepted_and_a_done_one_is_not_changed() {
        use InvitationRefusal as R;
        use InvitationState as S;
        let table = [
            (S::Pending, Ok(()), Ok(())),
            (S::Accepted, Err(R::Used), Err(R::Used)),
            (S::Expired, Err(R::Expired), Ok(())),
            (S::Withdrawn, Err(R::Withdrawn), Err(R::Withdrawn)),
        ];
        for (state, accept, change) in table {
            assert_eq!(state.accept(), accept, "{state}");
            assert_eq!(state.change(), change, "{state}");
        }
    }

    #[test]
    fn three_resends_an_hour_then_the_time_of_the_next() {
        let mut window = ResendWindow::default();
        for at in [100, 200, 300] {
            window = window.resend(at).unwrap();
        }
        assert_eq!(window.count, 3);
        assert_eq!(window.resend(400), Err(100 + RESEND_WINDOW_SECONDS));
        assert_eq!(
            window.resend(100 + RESEND_WINDOW_SECONDS - 1),
            Err(100 + RESEND_WINDOW_SECONDS)
        );
        // An hour after the window's first resend a new window begins.
        let next = window.resend(100 + RESEND_WINDOW_SECONDS).unwrap();
        assert_eq!(
            next,
            ResendWindow {
                started_at: Some(100 + RESEND_WINDOW_SECONDS),
                count: 1
            }
        );
    }

    #[test]
    fn the_last_administrator_stays() {
        assert!(!keeps_an_administrator(1, true));
        assert!(keeps_an_administrator(2, true));
        assert!(keeps_an_administrator(1, false));
    }

    #[test]
    fn an_invitation_checks_its_address_and_defaults_to_a_member() {
        let input = |email: &str, role: Option<AccountRole>| InvitationInput {
            invitation_email: email.into(),
            language: Language::Sv,
            role,
        };
        let valid = input(" maija@Esimerkki.FI ", None).validate().unwrap();
        assert_eq!(valid.email.as_str(), "maija@esimerkki.fi");
        assert_eq!(valid.role, AccountRole::Member);
        assert_eq!(valid.language, Language::Sv);
        let admin = input("a@b.fi", Some(AccountRole::Administrator));
        assert_eq!(admin.validate().unwrap().role, AccountRole::Administrator);
        let errors = input("maija.esimerkki.fi", None).validate().unwrap_err();
        assert_eq!(errors[&Field::InvitationEmail].code(), "missing_at");
        // The language is one of the service's three, or the body is not of this form.
        let unknown = serde_json::from_str::<InvitationInput>(
            r#"{"invitation_email":"a@b.fi","language":"de"}"#,
        );
        assert!(unknown.is_err());
    }
}

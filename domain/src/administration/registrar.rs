//! Becoming a registrar (rekisteröijä, SPEC §5 "Registrar rights"): a member of the account
//! that holds a wellbeing county's granted card contract applies on that contract for one or
//! more of the county's approved registration points, with the training certificate attached;
//! the agency officer grants (the rights, per point) or rejects with a reason.
//!
//! Pure: [`may_apply`] takes the facts the server read in the application's transaction.

use serde::{Deserialize, Serialize};

use super::{AccountKind, ContractState};
use crate::fields::{self, FieldError, FieldErrors};
use crate::{Email, Language};

/// The most points one application may name (a county has a handful).
pub const MAX_APPLICATION_POINTS: usize = 50;

coded_enum! {
    value
    /// Where a registrar application is: pending until the agency officer grants or rejects
    /// it, once.
    RegistrarApplicationState {
        /// Odottaa käsittelyä.
        Pending = "pending",
        /// Myönnetty: the applicant is a registrar at each point applied for.
        Granted = "granted",
        /// Hylätty, with a reason.
        Rejected = "rejected",
    }
}

coded_enum! {
    error
    /// Why an application cannot make the move asked for.
    RegistrarApplicationStateError {
        /// It has been granted or rejected already.
        AlreadyDecided = "already_decided",
    }
}

impl RegistrarApplicationState {
    /// The officer decides a pending application: granted (`grant`) or rejected. Final.
    pub const fn decide(
        self,
        grant: bool,
    ) -> Result<RegistrarApplicationState, RegistrarApplicationStateError> {
        match self {
            RegistrarApplicationState::Pending if grant => Ok(RegistrarApplicationState::Granted),
            RegistrarApplicationState::Pending => Ok(RegistrarApplicationState::Rejected),
            RegistrarApplicationState::Granted | RegistrarApplicationState::Rejected => {
                Err(RegistrarApplicationStateError::AlreadyDecided)
            }
        }
    }

    /// Whether it still waits for the officer.
    pub const fn is_pending(self) -> bool {
        matches!(self, RegistrarApplicationState::Pending)
    }
}

coded_enum! {
    error
    /// Why an application is refused, by [`may_apply`].
    RegistrarApplicationRefusal {
        /// The contract is not a wellbeing county's (only a county has points).
        NotAWellbeingCounty = "not_a_wellbeing_county",
        /// The contract is not granted.
        ContractNotGranted = "contract_not_granted",
        /// A chosen point is not one of the county's approved points.
        PointUnavailable = "point_unavailable",
        /// The applicant is an active registrar at every chosen point already.
        AlreadyRegistrar = "already_registrar",
        /// The applicant has a pending application on this contract already.
        Pending = "pending",
    }
}

/// What the server read about one chosen point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChosenPoint {
    /// The point belongs to the contract's county's account.
    pub of_county: bool,
    /// The point is approved (has its service number).
    pub approved: bool,
    /// The applicant is an active registrar there already.
    pub registrar: bool,
}

/// What the server read for an application, in its transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationFacts {
    /// The kind of the account whose contract it is.
    pub account_kind: AccountKind,
    /// The contract's state.
    pub contract_state: ContractState,
    /// Each chosen point (at least one).
    pub points: Vec<ChosenPoint>,
    /// The applicant has a pending application on the same contract.
    pub pending: bool,
}

/// Whether the application may be filed, in this order: the contract is a county's, and
/// granted; every chosen point is an approved point of that county; the applicant is not a
/// registrar at every one of them already (rights at some are fine: the grant adds the rest);
/// no application of theirs on the contract is pending.
pub fn may_apply(facts: &ApplicationFacts) -> Result<(), RegistrarApplicationRefusal> {
    if !facts.account_kind.owns_registration_points() {
        return Err(RegistrarApplicationRefusal::NotAWellbeingCounty);
    }
    if facts.contract_state != ContractState::Granted {
        return Err(RegistrarApplicationRefusal::ContractNotGranted);
    }
    if facts.points.is_empty()
        || facts
            .points
            .iter()
            .any(|point| !point.of_county || !point.approved)
    {
        return Err(RegistrarApplicationRefusal::PointUnavailable);
    }
    if facts.points.iter().all(|point| point.registrar) {
        return Err(RegistrarApplicationRefusal::AlreadyRegistrar);
    }
    if facts.pending {
        return Err(RegistrarApplicationRefusal::Pending);
    }
    Ok(())
}

/// "Tee rekisteröijähakemus" as sent: the points, the uploaded certificate, the address the
/// decision is sent to, and the language the applicant used (the decision's email is in it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrarApplicationInput {
    /// The county's approved points applied for (ids; duplicates are taken once).
    #[serde(default)]
    pub point_ids: Vec<i64>,
    /// The uploaded training certificate (`POST /api/admin/attachments`).
    #[serde(default)]
    pub attachment_id: Option<i64>,
    /// Where the decision is sent (the `email` field's rule).
    pub email: String,
    /// The language of the decision's email: `fi`, `sv` or `en`.
    pub language: Language,
}

/// A checked [`RegistrarApplicationInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrarApplicationRequest {
    /// Ascending, each once, at least one.
    pub point_ids: Vec<i64>,
    pub attachment_id: i64,
    pub email: Email,
    pub language: Language,
}

/// Why a [`RegistrarApplicationInput`] is not a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistrarApplicationInputError {
    /// The address broke its rule (the field `email`).
    Fields(FieldErrors),
    /// No point was chosen.
    PointsRequired,
    /// More than [`MAX_APPLICATION_POINTS`] points.
    TooManyPoints,
    /// No certificate was attached.
    AttachmentRequired,
}

impl RegistrarApplicationInput {
    /// The request, or the first of: the address's error, no points, too many, no
    /// attachment.
    pub fn validate(&self) -> Result<RegistrarApplicationRequest, RegistrarApplicationInputError> {
        let email = self.email.parse::<Email>().map_err(|error| {
            RegistrarApplicationInputError::Fields(fields::collect([FieldError::Email(error)]))
        })?;
        let mut point_ids = self.point_ids.clone();
        point_ids.sort_unstable();
        point_ids.dedup();
        if point_ids.is_empty() {
            return Err(RegistrarApplicationInputError::PointsRequired);
        }
        if point_ids.len() > MAX_APPLICATION_POINTS {
            return Err(RegistrarApplicationInputError::TooManyPoints);
        }
        let attachment_id = self
            .attachment_id
            .ok_or(RegistrarApplicationInputError::AttachmentRequired)?;
        Ok(RegistrarApplicationRequest {
            point_ids,
            attachment_id,
            email,
            language: self.language,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    const OPEN: ChosenPoint = ChosenPoint {
        of_county: true,
        approved: true,
        registrar: false,
    };

    fn facts(points: Vec<ChosenPoint>) -> ApplicationFacts {
        ApplicationFacts {
            account_kind: AccountKind::WellbeingCounty,
            contract_state: ContractState::Granted,
            points,
            pending: false,
        }
    }

    #[test]
    fn the_rule_refuses_in_its_order() {
        use RegistrarApplicationRefusal as R;
        let registrar = ChosenPoint {
            registrar: true,
            ..OPEN
        };
        let cases: Vec<(ApplicationFacts, Result<(), R>)> = vec![
            (facts(vec![OPEN]), Ok(())),
            // Rights at one point, not at the other: the grant adds the other.
            (facts(vec![OPEN, registrar]), Ok(())),
            (facts(vec![registrar, registrar]), Err(R::AlreadyRegistrar)),
            (
                ApplicationFacts {
                    account_kind: AccountKind::PrivateSote,
                    contract_state: ContractState::Submitted,
                    ..facts(vec![OPEN])
                },
                Err(R::NotAWellbeingCounty),
            ),
            (
                ApplicationFacts {
                    contract_state: ContractState::Submitted,
                    ..facts(vec![OPEN])
                },
                Err(R::ContractNotGranted),
            ),
            (
                ApplicationFacts {
                    contract_state: ContractState::Rejected,
                    ..facts(vec![OPEN])
                },
                Err(R::ContractNotGranted),
            ),
            (
                facts(vec![
                    OPEN,
                    ChosenPoint {
                        of_county: false,
                        ..OPEN
                    },
                ]),
                Err(R::PointUnavailable),
            ),
            (
                facts(vec![ChosenPoint {
                    approved: false,
                    ..OPEN
                }]),
                Err(R::PointUnavailable),
            ),
            (facts(Vec::new()), Err(R::PointUnavailable)),
            (
                ApplicationFacts {
                    pending: true,
                    ..facts(vec![OPEN])
                },
                Err(R::Pending),
            ),
            // A point of another county is said before a pending application.
            (
                ApplicationFacts {
                    pending: true,
                    ..facts(vec![ChosenPoint {
                        of_county: false,
                        ..OPEN
                    }])
                },
                Err(R::PointUnavailable),
            ),
        ];
        for (facts, expected) in cases {
            assert_eq!(may_apply(&facts), expected, "{facts:?}");
        }
    }

    #[test]
    fn an_application_is_decided_once() {
        use RegistrarApplicationState as S;
        assert_eq!(S::Pending.decide(true), Ok(S::Granted));
        assert_eq!(S::Pending.decide(false), Ok(S::Rejected));
        for decided in [S::Granted, S::Rejected] {
            for grant in [true, false] {
                assert_eq!(
                    decided.decide(grant),
                    Err(RegistrarApplicationStateError::AlreadyDecided)
                );
            }
        }
        assert!(S::Pending.is_pending());
        assert!(!S::Granted.is_pending());
    }

    #[test]
    fn the_input_needs_an_address_points_and_an_attachment() {
        let input = |email: &str, points: Vec<i64>, attachment: Option<i64>| {
            RegistrarApplicationInput {
                point_ids: points,
                attachment_id: attachment,
                email: email.into(),
                language: Language::Sv,
            }
            .validate()
        };
        let valid = input(" reija@Esimerkki.FI ", vec![7, 3, 7], Some(4)).unwrap();
        assert_eq!(valid.point_ids, [3, 7]);
        assert_eq!(valid.email.as_str(), "reija@esimerkki.fi");
        assert_eq!(valid.language, Language::Sv);
        assert_eq!(valid.attachment_id, 4);
        match input("not an address", vec![1], Some(1)) {
            Err(RegistrarApplicationInputError::Fields(errors)) => {
                assert_eq!(errors[&Field::Email].code(), "missing_at");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            input("a@b.fi", Vec::new(), Some(1)),
            Err(RegistrarApplicationInputError::PointsRequired)
        );
        assert_eq!(
            input("a@b.fi", (0..=50).collect(), Some(1)),
            Err(RegistrarApplicationInputError::TooManyPoints)
        );
        assert_eq!(
            input("a@b.fi", vec![1], None),
            Err(RegistrarApplicationInputError::AttachmentRequired)
        );
    }
}

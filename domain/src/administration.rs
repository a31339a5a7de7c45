//! The rules of the registration-point administration (SPEC §5): customer accounts and their
//! business IDs, card contracts and their states, registration points with their electronic
//! service numbers, point orders, roles, and when an organisation may authorise a point.
//!
//! Everything here is pure: the states are values with the moves they allow, and the
//! authorisation rule takes the facts the server looked up. Storage, sessions and who is signed
//! in are the server's.

use std::str::FromStr;

/// An enum with a stable code per variant (as stored and sent): the enum, serde through the
/// code (`rename`, so the wire form cannot drift from [`code`]), `ALL`, `code()`,
/// `from_code()` and `Display` as the code. `value` enums also derive their OpenAPI schema;
/// `error` enums implement `std::error::Error`.
macro_rules! coded_enum {
    (@common $type:ident { $($variant:ident = $code:literal,)+ }) => {
        impl $type {
            /// Every variant, in declaration order.
            pub const ALL: [$type; [$($code),+].len()] = [$($type::$variant),+];

            /// The stable code, as stored and sent.
            pub const fn code(self) -> &'static str {
                match self {
                    $($type::$variant => $code,)+
                }
            }

            /// The variant whose code is exactly `code`.
            pub fn from_code(code: &str) -> Option<$type> {
                $type::ALL.into_iter().find(|variant| variant.code() == code)
            }
        }

        impl ::std::fmt::Display for $type {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                formatter.write_str(self.code())
            }
        }
    };
    (value $(#[$attribute:meta])* $type:ident {
        $($(#[$variant_attribute:meta])* $variant:ident = $code:literal,)+
    }) => {
        $(#[$attribute])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            ::serde::Serialize, ::serde::Deserialize,
        )]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        // utoipa's derive does not read a `rename` whose value came through a macro
        // fragment, so the enum also says the case; `openapi`'s tests check the two agree.
        #[serde(rename_all = "snake_case")]
        pub enum $type {
            $($(#[$variant_attribute])* #[serde(rename = $code)] $variant,)+
        }
        coded_enum!(@common $type { $($variant = $code,)+ });
    };
    (error $(#[$attribute:meta])* $type:ident {
        $($(#[$variant_attribute:meta])* $variant:ident = $code:literal,)+
    }) => {
        $(#[$attribute])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $type {
            $($(#[$variant_attribute])* #[serde(rename = $code)] $variant,)+
        }
        coded_enum!(@common $type { $($variant = $code,)+ });
        impl ::std::error::Error for $type {}
    };
}

mod attachment;
mod business_id;
mod card_orders;
mod identity_code;
mod inputs;
mod invitation;
mod registrar;
mod registrars;
mod service_number;
mod text;

pub use attachment::{
    AttachmentError, AttachmentKind, AttachmentName, AttachmentNameError, MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENT_NAME_LENGTH, SNIFF_BYTES,
};
pub use business_id::{BusinessId, BusinessIdError};
pub use card_orders::{
    CardKind, CardKindError, CardOrderInput, CertificateDelivery, CertificateInput, Customer,
    CustomerRefusal, CustomerState, DeliveryError, MAX_PERSON_NAME_LENGTH, MIN_PERSON_NAME_LENGTH,
    NewCardOrder, NewCertificate, PersonName, PersonNameError, ReceivedOnError, may_order,
    may_record_certificate, received_on,
};
pub use identity_code::{
    IdentityCode, IdentityCodeError, MaskedIdentityCode, MaskedIdentityCodeError,
};
pub use inputs::{
    AccountOpenInput, AccountOpening, AuthorisationInput, ContractInput, Decision, DecisionInput,
    PointOrder, PointOrderInput,
};
pub use invitation::{
    DeliveryState, INVITATION_VALID_SECONDS, Invitation, InvitationInput, InvitationRefusal,
    InvitationState, RESEND_WINDOW_SECONDS, RESENDS_PER_WINDOW, ResendWindow,
    keeps_an_administrator,
};
pub use registrar::{
    ApplicationFacts, ChosenPoint, MAX_APPLICATION_POINTS, RegistrarApplicationInput,
    RegistrarApplicationInputError, RegistrarApplicationRefusal, RegistrarApplicationRequest,
    RegistrarApplicationState, RegistrarApplicationStateError, may_apply,
};
pub use registrars::{
    CONTACT_CONFIRMATION_VALID_SECONDS, CONTACT_EMAILS_PER_WINDOW, ConfirmationRefusal,
    ConfirmationState, ContactEmail, ContactEmailInput, MIN_REGISTRARS_PER_POINT, Notice,
    NoticeInput, RegistrarRemovalRefusal, has_too_few_registrars, is_short_of_registrars,
    may_remove_registrar,
};
pub use service_number::{
    FIRST_SERVICE_NUMBER_SERIAL, LAST_SERVICE_NUMBER_SERIAL, ServiceNumber, ServiceNumberError,
};
pub use text::{
    MAX_NOTICE_BODY_LENGTH, MAX_NOTICE_SUBJECT_LENGTH, MAX_ORGANISATION_NAME_LENGTH,
    MAX_POSTAL_ADDRESS_LENGTH, MAX_REJECTION_REASON_LENGTH, MIN_ORGANISATION_NAME_LENGTH,
    MIN_POSTAL_ADDRESS_LENGTH, NoticeBody, NoticeBodyError, NoticeSubject, NoticeSubjectError,
    OrganisationName, OrganisationNameError, PostalAddress, PostalAddressError, RejectionReason,
    RejectionReasonError,
};

pub use crate::reference::WellbeingCountyCode;

coded_enum! {
    value
    /// What kind of organisation a customer account (asiakastili) is. A wellbeing county's
    /// account also names its county, a [`WellbeingCountyCode`] of the reference data (the 21
    /// counties and the City of Helsinki).
    AccountKind {
        /// Hyvinvointialue (or the City of Helsinki): owns registration points.
        WellbeingCounty = "wellbeing_county",
        /// Yksityinen sosiaali- tai terveydenhuollon organisaatio.
        PrivateSote = "private_sote",
        /// Pelastuslaitos: its points need the county's "Valtionhallinnon sopimus".
        RescueDepartment = "rescue_department",
    }
}

coded_enum! {
    error
    /// Why a text is not an account kind.
    AccountKindError {
        /// Nothing was chosen.
        Required = "required",
        /// No kind has this code.
        Unknown = "unknown",
    }
}

impl FromStr for AccountKind {
    type Err = AccountKindError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AccountKindError::Required);
        }
        AccountKind::from_code(text).ok_or(AccountKindError::Unknown)
    }
}

impl AccountKind {
    /// Whether an account of this kind owns registration points (only a county does).
    pub const fn owns_registration_points(self) -> bool {
        matches!(self, AccountKind::WellbeingCounty)
    }
}

coded_enum! {
    value
    /// The kind of a card contract (toimikorttisopimus). Its Finnish, Swedish and English names
    /// are the app's.
    ContractKind {
        /// Sote-organisaation sopimus: any customer account may apply for it.
        SoteOrganisation = "sote_organisation",
        /// Valtionhallinnon sopimus: a county makes it for the points that order a rescue
        /// department's cards, so only a wellbeing county's account may apply for it.
        StateAdministration = "state_administration",
    }
}

coded_enum! {
    error
    /// Why a contract kind cannot be applied for.
    ContractKindError {
        /// Nothing was chosen.
        Required = "required",
        /// No kind has this code.
        Unknown = "unknown",
        /// The kind exists but this account's kind cannot hold it (a "Valtionhallinnon
        /// sopimus" of a private organisation or a rescue department).
        NotForAccountKind = "not_for_account_kind",
    }
}

impl FromStr for ContractKind {
    type Err = ContractKindError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ContractKindError::Required);
        }
        ContractKind::from_code(text).ok_or(ContractKindError::Unknown)
    }
}

impl ContractKind {
    /// Whether an account of `account` kind may apply for a contract of this kind.
    pub const fn is_open_to(self, account: AccountKind) -> bool {
        match self {
            ContractKind::SoteOrganisation => true,
            ContractKind::StateAdministration => matches!(account, AccountKind::WellbeingCounty),
        }
    }

    /// [`ContractKind::is_open_to`] as a verdict for the application form.
    pub const fn check_open_to(self, account: AccountKind) -> Result<(), ContractKindError> {
        if self.is_open_to(account) {
            Ok(())
        } else {
            Err(ContractKindError::NotForAccountKind)
        }
    }

    /// Whether granting a contract of this kind to an account of `account` kind brings the
    /// account's main registration point (bound to the contract, with its service number): a
    /// wellbeing county's sote organisation contract does, once per county.
    pub const fn brings_main_point(self, account: AccountKind) -> bool {
        matches!(
            (self, account),
            (ContractKind::SoteOrganisation, AccountKind::WellbeingCounty)
        )
    }
}

coded_enum! {
    value
    /// Where a card contract is: draft → submitted → granted or rejected. Only the moves of
    /// [`ContractState::submit`] and [`ContractState::decide`] change it.
    ContractState {
        /// Luonnos: the administrator is still writing it.
        Draft = "draft",
        /// Lähetetty: waiting for the agency officer.
        Submitted = "submitted",
        /// Myönnetty.
        Granted = "granted",
        /// Hylätty (with a [`RejectionReason`]).
        Rejected = "rejected",
    }
}

coded_enum! {
    error
    /// Why a contract cannot make the move asked for.
    ContractStateError {
        /// Submitting a contract that was already submitted.
        AlreadySubmitted = "already_submitted",
        /// Deciding on a draft, which the officer does not see yet.
        NotSubmitted = "not_submitted",
        /// Submitting or deciding a contract that is already granted or rejected.
        AlreadyDecided = "already_decided",
    }
}

impl ContractState {
    /// The administrator sends the draft to the agency: only a draft can be sent.
    pub const fn submit(self) -> Result<ContractState, ContractStateError> {
        match self {
            ContractState::Draft => Ok(ContractState::Submitted),
            ContractState::Submitted => Err(ContractStateError::AlreadySubmitted),
            ContractState::Granted | ContractState::Rejected => {
                Err(ContractStateError::AlreadyDecided)
            }
        }
    }

    /// The agency officer grants (`grant`) or rejects a submitted contract. A decision is
    /// final: deciding again is refused, so two officers cannot overwrite each other.
    pub const fn decide(self, grant: bool) -> Result<ContractState, ContractStateError> {
        match self {
            ContractState::Submitted if grant => Ok(ContractState::Granted),
            ContractState::Submitted => Ok(ContractState::Rejected),
            ContractState::Draft => Err(ContractStateError::NotSubmitted),
            ContractState::Granted | ContractState::Rejected => {
                Err(ContractStateError::AlreadyDecided)
            }
        }
    }

    /// Listed under "Keskeneräiset asiat": a draft or a submitted contract.
    pub const fn is_pending(self) -> bool {
        matches!(self, ContractState::Draft | ContractState::Submitted)
    }

    /// Listed under "Valmiit asiat": granted or rejected.
    pub const fn is_decided(self) -> bool {
        !self.is_pending()
    }
}

coded_enum! {
    value
    /// Where a county's registration-point order (rekisteröintipistetilaus) is. The point's
    /// service number is assigned when the order is approved.
    PointOrderState {
        /// Tilattu: waiting for the agency officer.
        Ordered = "ordered",
        /// Hyväksytty: the point exists and has its service number.
        Approved = "approved",
        /// Hylätty.
        Rejected = "rejected",
        /// Suljettu: an approved point that the county's administrator or the agency officer
        /// closed; its registrars' rights and its authorisations ended with it.
        Closed = "closed",
    }
}

coded_enum! {
    error
    /// Why a point order cannot make the move asked for.
    PointOrderStateError {
        /// The order is already approved or rejected.
        AlreadyDecided = "already_decided",
        /// Only an approved point can be closed (an order still waiting or rejected is not a
        /// point yet).
        NotApproved = "not_approved",
        /// The point is closed already.
        AlreadyClosed = "already_closed",
    }
}

impl PointOrderState {
    /// The officer approves an order that waits.
    pub const fn approve(self) -> Result<PointOrderState, PointOrderStateError> {
        match self {
            PointOrderState::Ordered => Ok(PointOrderState::Approved),
            PointOrderState::Approved | PointOrderState::Rejected | PointOrderState::Closed => {
                Err(PointOrderStateError::AlreadyDecided)
            }
        }
    }

    /// The officer rejects an order that waits.
    pub const fn reject(self) -> Result<PointOrderState, PointOrderStateError> {
        match self {
            PointOrderState::Ordered => Ok(PointOrderState::Rejected),
            PointOrderState::Approved | PointOrderState::Rejected | PointOrderState::Closed => {
                Err(PointOrderStateError::AlreadyDecided)
            }
        }
    }

    /// The county's administrator or the agency officer closes an approved point.
    pub const fn close(self) -> Result<PointOrderState, PointOrderStateError> {
        match self {
            PointOrderState::Approved => Ok(PointOrderState::Closed),
            PointOrderState::Ordered | PointOrderState::Rejected => {
                Err(PointOrderStateError::NotApproved)
            }
            PointOrderState::Closed => Err(PointOrderStateError::AlreadyClosed),
        }
    }

    /// Whether the order still waits for the officer.
    pub const fn is_pending(self) -> bool {
        matches!(self, PointOrderState::Ordered)
    }
}

coded_enum! {
    value
    /// A person's role in one customer account (data of this service, not a claim of the
    /// identity provider).
    AccountRole {
        /// Pääkäyttäjä: invites users, applies for contracts, authorises points.
        Administrator = "administrator",
        /// Jäsen: sees the account, its contracts and authorisations, read only.
        Member = "member",
    }
}

coded_enum! {
    value
    /// What a signed-in person is in the administration area. A person may be an officer and
    /// also a member of accounts; the server decides from its data which applies to a request.
    ///
    /// Registrars (rekisteröijä) come with part 2 (issue "registration-point administration,
    /// part 2"), as a variant with the point their rights are for.
    Role {
        /// Viraston virkailija: opens accounts, decides contracts and point orders, reads the
        /// audit log.
        Officer = "officer",
        /// An account's administrator.
        Administrator = "administrator",
        /// An account's member.
        Member = "member",
    }
}

impl From<AccountRole> for Role {
    fn from(role: AccountRole) -> Role {
        match role {
            AccountRole::Administrator => Role::Administrator,
            AccountRole::Member => Role::Member,
        }
    }
}

coded_enum! {
    error
    /// Why an organisation may not authorise (valtuuttaa) a registration point.
    AuthorisationRefusal {
        /// The organisation has no granted card contract.
        NoGrantedContract = "no_granted_contract",
        /// A rescue department, and the point's county has no granted "Valtionhallinnon
        /// sopimus" covering the point.
        CountyLacksStateAdministrationContract = "county_lacks_state_administration_contract",
        /// A wellbeing county does not authorise points: see [`may_authorise`].
        CountyCannotAuthorise = "county_cannot_authorise",
    }
}

/// Whether an organisation of kind `organisation` may authorise a registration point, given
/// whether it holds a granted card contract and whether the point's county holds a granted
/// "Valtionhallinnon sopimus" covering that point.
///
/// A wellbeing county cannot authorise: it owns its points and orders its own cards at them on
/// its own contract (its main point is bound to that contract), so an authorisation would say
/// nothing that ownership does not already say, and a county authorising another county's
/// point is not something the bulletin provides for. The refusals are checked in that order,
/// so a county is told why it never can rather than what it lacks.
pub const fn may_authorise(
    organisation: AccountKind,
    has_granted_contract: bool,
    point_county_has_state_administration_contract: bool,
) -> Result<(), AuthorisationRefusal> {
    match organisation {
        AccountKind::WellbeingCounty => Err(AuthorisationRefusal::CountyCannotAuthorise),
        _ if !has_granted_contract => Err(AuthorisationRefusal::NoGrantedContract),
        AccountKind::RescueDepartment if !point_county_has_state_administration_contract => {
            Err(AuthorisationRefusal::CountyLacksStateAdministrationContract)
        }
        AccountKind::PrivateSote | AccountKind::RescueDepartment => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_countys_sote_organisation_contract_brings_a_main_point() {
        use super::{AccountKind, ContractKind};
        for kind in ContractKind::ALL {
            for account in AccountKind::ALL {
                assert_eq!(
                    kind.brings_main_point(account),
                    kind == ContractKind::SoteOrganisation
                        && account == AccountKind::WellbeingCounty,
                    "{kind} {account}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn only_an_approved_point_is_closed_and_once() {
        use PointOrderState as S;
        use PointOrderStateError as E;
        for (state, close, approve) in [
            (S::Ordered, Err(E::NotApproved), Ok(S::Approved)),
            (S::Approved, Ok(S::Closed), Err(E::AlreadyDecided)),
            (S::Rejected, Err(E::NotApproved), Err(E::AlreadyDecided)),
            (S::Closed, Err(E::AlreadyClosed), Err(E::AlreadyDecided)),
        ] {
            assert_eq!(state.close(), close, "{state}");
            assert_eq!(state.approve(), approve, "{state}");
        }
    }

    /// The codes are what the storage and the wire hold: each must round-trip through serde
    /// as itself and through `from_code`, and be unique within its enum.
    fn check_codes<T>(all: &[T], code: fn(T) -> &'static str, from_code: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        let mut codes: Vec<_> = all.iter().map(|value| code(*value)).collect();
        for value in all {
            let json = serde_json::to_string(value).unwrap();
            assert_eq!(json, format!("\"{}\"", code(*value)));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *value);
            assert_eq!(from_code(code(*value)), Some(*value));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }

    #[test]
    fn every_enum_round_trips_through_its_codes() {
        check_codes(&AccountKind::ALL, AccountKind::code, AccountKind::from_code);
        check_codes(
            &AccountKindError::ALL,
            AccountKindError::code,
            AccountKindError::from_code,
        );
        check_codes(
            &ContractKind::ALL,
            ContractKind::code,
            ContractKind::from_code,
        );
        check_codes(
            &ContractKindError::ALL,
            ContractKindError::code,
            ContractKindError::from_code,
        );
        check_codes(
            &ContractState::ALL,
            ContractState::code,
            ContractState::from_code,
        );
        check_codes(
            &ContractStateError::ALL,
            ContractStateError::code,
            ContractStateError::from_code,
        );
        check_codes(
            &PointOrderState::ALL,
            PointOrderState::code,
            PointOrderState::from_code,
        );
        check_codes(
            &PointOrderStateError::ALL,
            PointOrderStateError::code,
            PointOrderStateError::from_code,
        );
        check_codes(&AccountRole::ALL, AccountRole::code, AccountRole::from_code);
        check_codes(
            &InvitationState::ALL,
            InvitationState::code,
            InvitationState::from_code,
        );
        check_codes(
            &DeliveryState::ALL,
            DeliveryState::code,
            DeliveryState::from_code,
        );
        check_codes(
            &InvitationRefusal::ALL,
            InvitationRefusal::code,
            InvitationRefusal::from_code,
        );
        check_codes(&Role::ALL, Role::code, Role::from_code);
        check_codes(
            &AuthorisationRefusal::ALL,
            AuthorisationRefusal::code,
            AuthorisationRefusal::from_code,
        );
        check_codes(&CardKind::ALL, CardKind::code, CardKind::from_code);
        check_codes(
            &CertificateDelivery::ALL,
            CertificateDelivery::code,
            CertificateDelivery::from_code,
        );
        check_codes(
            &CustomerState::ALL,
            CustomerState::code,
            CustomerState::from_code,
        );
        check_codes(
            &CustomerRefusal::ALL,
            CustomerRefusal::code,
            CustomerRefusal::from_code,
        );
        check_codes(
            &IdentityCodeError::ALL,
            IdentityCodeError::code,
            IdentityCodeError::from_code,
        );
    }

    #[test]
    fn the_wire_codes_are_the_agreed_ones() {
        assert_eq!(
            AccountKind::ALL.map(AccountKind::code),
            ["wellbeing_county", "private_sote", "rescue_department"]
        );
        assert_eq!(
            ContractKind::ALL.map(ContractKind::code),
            ["sote_organisation", "state_administration"]
        );
        assert_eq!(
            ContractState::ALL.map(ContractState::code),
            ["draft", "submitted", "granted", "rejected"]
        );
        assert_eq!(
            PointOrderState::ALL.map(PointOrderState::code),
            ["ordered", "approved", "rejected", "closed"]
        );
        assert_eq!(
            Role::ALL.map(Role::code),
            ["officer", "administrator", "member"]
        );
    }

    #[test]
    fn kinds_parse_from_form_values() {
        assert_eq!(" private_sote ".parse(), Ok(AccountKind::PrivateSote));
        assert_eq!("".parse::<AccountKind>(), Err(AccountKindError::Required));
        assert_eq!(
            "municipality".parse::<AccountKind>(),
            Err(AccountKindError::Unknown)
        );
        assert_eq!(
            "Private_Sote".parse::<AccountKind>(),
            Err(AccountKindError::Unknown)
        );
        assert!(serde_json::from_str::<AccountKind>("\"municipality\"").is_err());
        assert_eq!(
            "state_administration".parse(),
            Ok(ContractKind::StateAdministration)
        );
        assert_eq!(
            " ".parse::<ContractKind>(),
            Err(ContractKindError::Required)
        );
        assert_eq!(
            "sote".parse::<ContractKind>(),
            Err(ContractKindError::Unknown)
        );
    }

    #[test]
    fn only_a_county_may_hold_a_state_administration_contract() {
        for account in AccountKind::ALL {
            assert_eq!(
                ContractKind::SoteOrganisation.check_open_to(account),
                Ok(())
            );
            let expected = if account == AccountKind::WellbeingCounty {
                Ok(())
            } else {
                Err(ContractKindError::NotForAccountKind)
            };
            assert_eq!(
                ContractKind::StateAdministration.check_open_to(account),
                expected,
                "{account:?}"
            );
        }
    }

    /// Every state against every move: the whole table, so a new state or move cannot slip
    /// through unrefused.
    #[test]
    fn contract_moves_follow_the_table() {
        use ContractState::*;
        use ContractStateError::*;
        let table = [
            (Draft, Ok(Submitted), Err(NotSubmitted), Err(NotSubmitted)),
            (Submitted, Err(AlreadySubmitted), Ok(Granted), Ok(Rejected)),
            (
                Granted,
                Err(AlreadyDecided),
                Err(AlreadyDecided),
                Err(AlreadyDecided),
            ),
            (
                Rejected,
                Err(AlreadyDecided),
                Err(AlreadyDecided),
                Err(AlreadyDecided),
            ),
        ];
        assert_eq!(table.len(), ContractState::ALL.len());
        for (state, submit, grant, reject) in table {
            assert_eq!(state.submit(), submit, "{state:?} submit");
            assert_eq!(state.decide(true), grant, "{state:?} grant");
            assert_eq!(state.decide(false), reject, "{state:?} reject");
        }
        let pending: Vec<_> = ContractState::ALL
            .into_iter()
            .filter(|state| state.is_pending())
            .collect();
        assert_eq!(pending, [Draft, Submitted]);
        for state in ContractState::ALL {
            assert_ne!(state.is_pending(), state.is_decided(), "{state:?}");
        }
    }

    #[test]
    fn point_orders_are_decided_once() {
        use PointOrderState::*;
        assert_eq!(Ordered.approve(), Ok(Approved));
        assert_eq!(Ordered.reject(), Ok(Rejected));
        for decided in [Approved, Rejected] {
            assert_eq!(decided.approve(), Err(PointOrderStateError::AlreadyDecided));
            assert_eq!(decided.reject(), Err(PointOrderStateError::AlreadyDecided));
            assert!(!decided.is_pending());
        }
        assert!(Ordered.is_pending());
    }

    /// Every combination of the three facts, with SPEC §5's verdict.
    #[test]
    fn authorisation_follows_the_bulletin() {
        use AccountKind::*;
        use AuthorisationRefusal::*;
        let table = [
            (PrivateSote, true, true, Ok(())),
            (PrivateSote, true, false, Ok(())),
            (PrivateSote, false, true, Err(NoGrantedContract)),
            (PrivateSote, false, false, Err(NoGrantedContract)),
            (RescueDepartment, true, true, Ok(())),
            (
                RescueDepartment,
                true,
                false,
                Err(CountyLacksStateAdministrationContract),
            ),
            (RescueDepartment, false, true, Err(NoGrantedContract)),
            (RescueDepartment, false, false, Err(NoGrantedContract)),
            (WellbeingCounty, true, true, Err(CountyCannotAuthorise)),
            (WellbeingCounty, true, false, Err(CountyCannotAuthorise)),
            (WellbeingCounty, false, true, Err(CountyCannotAuthorise)),
            (WellbeingCounty, false, false, Err(CountyCannotAuthorise)),
        ];
        for (kind, contract, county_contract, expected) in table {
            assert_eq!(
                may_authorise(kind, contract, county_contract),
                expected,
                "{kind:?} {contract} {county_contract}"
            );
        }
    }

    #[test]
    fn account_roles_are_roles() {
        assert_eq!(Role::from(AccountRole::Administrator), Role::Administrator);
        assert_eq!(Role::from(AccountRole::Member), Role::Member);
    }
}

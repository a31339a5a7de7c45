//! The registrar's work at a registration point (SPEC §5, part 2): service-relationship
//! certificates (palvelusuhdetodistus) and card orders (henkilökortti, toimijakortti), the
//! forms as sent with their checks, and the rules of who may be ordered for, as pure functions
//! of the facts the server looks up.
//!
//! A point's customers are the county that holds the point and every organisation with an
//! active authorisation of it ("YS sote/organisaatio"). An organisation whose authorisation
//! was revoked is no customer for new certificates or orders from that moment.

use serde::{Deserialize, Serialize};

use super::{AccountKind, AuthorisationRefusal, IdentityCode, may_authorise};
use crate::date::{CalendarDate, DateError};
use crate::fields::{self, FieldError, FieldErrors};

/// The fewest characters of a person's name.
pub const MIN_PERSON_NAME_LENGTH: usize = 2;
/// The most characters of a person's name.
pub const MAX_PERSON_NAME_LENGTH: usize = 200;

/// A staff member's name as a certificate and a staff card's order give it: trimmed, 2–200
/// characters, one line, no control or invisible direction characters (the organisation
/// name's rule).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

coded_enum! {
    error
    /// Why a text is not a person's name.
    PersonNameError {
        /// Nothing but white space was given.
        Required = "required",
        /// Fewer than [`MIN_PERSON_NAME_LENGTH`] characters.
        TooShort = "too_short",
        /// More than [`MAX_PERSON_NAME_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character, line break or invisible direction mark.
        InvalidCharacters = "invalid_characters",
    }
}

impl PersonName {
    /// The name as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for PersonName {
    type Err = PersonNameError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // The organisation name's rule has the same lengths and characters; its errors are
        // renamed so each field keeps its own.
        use super::OrganisationNameError as Same;
        text.parse::<super::OrganisationName>()
            .map(|name| PersonName(name.as_str().to_owned()))
            .map_err(|error| match error {
                Same::Required => PersonNameError::Required,
                Same::TooShort => PersonNameError::TooShort,
                Same::TooLong => PersonNameError::TooLong,
                Same::InvalidCharacters => PersonNameError::InvalidCharacters,
            })
    }
}

crate::text_form!(PersonName);

coded_enum! {
    value
    /// What a registrar orders.
    CardKind {
        /// Henkilökortti: a staff member's card, on their name and identity code.
        StaffCard = "staff_card",
        /// Toimijakortti: the organisation's own card, on no person.
        OrganisationCard = "organisation_card",
    }
}

coded_enum! {
    error
    /// Why a text is not a card kind.
    CardKindError {
        /// Nothing was chosen.
        Required = "required",
        /// No kind has this code.
        Unknown = "unknown",
    }
}

impl std::str::FromStr for CardKind {
    type Err = CardKindError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CardKindError::Required);
        }
        CardKind::from_code(text).ok_or(CardKindError::Unknown)
    }
}

coded_enum! {
    value
    /// How a service-relationship certificate reached the point.
    CertificateDelivery {
        /// Postitse.
        Post = "post",
        /// Henkilökohtaisesti (brought in person).
        InPerson = "in_person",
    }
}

coded_enum! {
    error
    /// Why a text is not a way of delivery.
    DeliveryError {
        /// Nothing was chosen.
        Required = "required",
        /// No way has this code.
        Unknown = "unknown",
    }
}

impl std::str::FromStr for CertificateDelivery {
    type Err = DeliveryError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DeliveryError::Required);
        }
        CertificateDelivery::from_code(text).ok_or(DeliveryError::Unknown)
    }
}

coded_enum! {
    error
    /// Why a text is not the date a certificate was received.
    ReceivedOnError {
        /// Nothing was given.
        Required = "required",
        /// Not of the form `YYYY-MM-DD`.
        Format = "format",
        /// Of the form, but no such day.
        NoSuchDay = "no_such_day",
        /// After today: a certificate cannot have been received yet.
        InFuture = "in_future",
    }
}

/// The date a certificate was received: a calendar date, not after `today`.
pub fn received_on(text: &str, today: &CalendarDate) -> Result<CalendarDate, ReceivedOnError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ReceivedOnError::Required);
    }
    let date = text.parse::<CalendarDate>().map_err(|error| match error {
        DateError::Format => ReceivedOnError::Format,
        DateError::NoSuchDay => ReceivedOnError::NoSuchDay,
    })?;
    if &date > today {
        return Err(ReceivedOnError::InFuture);
    }
    Ok(date)
}

coded_enum! {
    value
    /// A customer's standing at the point, as the registrar's list shows it.
    CustomerState {
        /// The county that holds the point: its own customer.
        County = "county",
        /// An organisation whose authorisation of the point is active ("YS sote/organisaatio").
        Active = "active",
        /// An organisation whose authorisation of the point was revoked: no new orders.
        Revoked = "revoked",
    }
}

/// What the server found about an account as a customer of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Customer {
    /// The county that holds the point.
    County,
    /// An organisation of this kind with an active authorisation of the point.
    Authorising(AccountKind),
    /// An organisation whose authorisations of the point are all revoked.
    Revoked,
    /// No account, or one that never authorised the point.
    Stranger,
}

coded_enum! {
    error
    /// Why a registrar may not record a certificate or order a card for a customer.
    CustomerRefusal {
        /// The account is no customer of the point (it never authorised it, or does not
        /// exist).
        NotACustomer = "not_a_customer",
        /// The organisation's authorisation of the point is revoked.
        AuthorisationRevoked = "customer_authorisation_revoked",
        /// A certificate is only for a staff member of a private social or health-care
        /// organisation.
        CertificateNotApplicable = "certificate_not_applicable",
        /// A private organisation's staff member has no certificate recorded at the point for
        /// that organisation.
        CertificateRequired = "certificate_required",
        /// The organisation has no granted card contract (the authorisation's own rule).
        NoGrantedContract = "no_granted_contract",
        /// A rescue department's cards at a point whose county has no granted
        /// "Valtionhallinnon sopimus" (the authorisation's own rule).
        CountyLacksStateAdministrationContract = "county_lacks_state_administration_contract",
    }
}

/// Whether a certificate may be recorded for a staff member of `customer`: only a private
/// social or health-care organisation's, with an active authorisation of the point.
pub const fn may_record_certificate(customer: Customer) -> Result<(), CustomerRefusal> {
    match customer {
        Customer::Stranger => Err(CustomerRefusal::NotACustomer),
        Customer::Revoked => Err(CustomerRefusal::AuthorisationRevoked),
        Customer::Authorising(AccountKind::PrivateSote) => Ok(()),
        Customer::County | Customer::Authorising(_) => {
            Err(CustomerRefusal::CertificateNotApplicable)
        }
    }
}

/// Whether a registrar may order a card of `card` kind for `customer`, given whether the
/// organisation holds a granted card contract, whether the point's county holds a granted
/// "Valtionhallinnon sopimus" (which covers all its points), and, for a staff card, whether a
/// certificate of the person is recorded at the point for the organisation.
///
/// An organisation's order must still meet the rule its authorisation met
/// ([`may_authorise`]): so a rescue department's cards, staff and organisation cards alike,
/// need the county's "Valtionhallinnon sopimus". A private organisation's staff card needs
/// the certificate; its organisation card, the county's cards and a rescue department's staff
/// need none.
pub const fn may_order(
    customer: Customer,
    card: CardKind,
    has_granted_contract: bool,
    county_has_state_administration_contract: bool,
    has_certificate: bool,
) -> Result<(), CustomerRefusal> {
    let kind = match customer {
        Customer::Stranger => return Err(CustomerRefusal::NotACustomer),
        Customer::Revoked => return Err(CustomerRefusal::AuthorisationRevoked),
        Customer::County => return Ok(()),
        Customer::Authorising(kind) => kind,
    };
    match may_authorise(
        kind,
        has_granted_contract,
        county_has_state_administration_contract,
    ) {
        Ok(()) => {}
        Err(AuthorisationRefusal::NoGrantedContract) => {
            return Err(CustomerRefusal::NoGrantedContract);
        }
        Err(AuthorisationRefusal::CountyLacksStateAdministrationContract) => {
            return Err(CustomerRefusal::CountyLacksStateAdministrationContract);
        }
        // A county never authorises, so it is never `Authorising`; were it, it is no
        // customer by authorisation.
        Err(AuthorisationRefusal::CountyCannotAuthorise) => {
            return Err(CustomerRefusal::NotACustomer);
        }
    }
    match (kind, card) {
        (AccountKind::PrivateSote, CardKind::StaffCard) if !has_certificate => {
            Err(CustomerRefusal::CertificateRequired)
        }
        _ => Ok(()),
    }
}

/// A registrar records a received service-relationship certificate. The identity code is
/// never printed by `Debug` (see [`IdentityCode`]).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateInput {
    /// The staff member's organisation: an authorising private organisation's account id.
    pub organisation_account_id: i64,
    /// The staff member's name.
    pub person_name: String,
    /// The staff member's personal identity code, `DDMMYYCZZZQ`.
    pub identity_code: String,
    /// When the certificate was received, `YYYY-MM-DD`, not after today.
    pub received_on: String,
    /// `post` or `in_person`.
    pub delivery: String,
}

/// A checked [`CertificateInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCertificate {
    pub organisation_account_id: i64,
    pub person_name: PersonName,
    pub identity_code: IdentityCode,
    pub received_on: CalendarDate,
    pub delivery: CertificateDelivery,
}

impl std::fmt::Debug for CertificateInput {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("CertificateInput")
            .field("organisation_account_id", &self.organisation_account_id)
            .field("person_name", &self.person_name)
            .field("identity_code", &"<not shown>")
            .field("received_on", &self.received_on)
            .field("delivery", &self.delivery)
            .finish()
    }
}

impl CertificateInput {
    /// The certificate, or each field's error; `today` is the date the received date may not
    /// be after.
    pub fn validate(&self, today: &CalendarDate) -> Result<NewCertificate, FieldErrors> {
        let name = self.person_name.parse::<PersonName>();
        let code = self.identity_code.parse::<IdentityCode>();
        let received = received_on(&self.received_on, today);
        let delivery = self.delivery.parse::<CertificateDelivery>();
        match (name, code, received, delivery) {
            (Ok(person_name), Ok(identity_code), Ok(received_on), Ok(delivery)) => {
                Ok(NewCertificate {
                    organisation_account_id: self.organisation_account_id,
                    person_name,
                    identity_code,
                    received_on,
                    delivery,
                })
            }
            (name, code, received, delivery) => Err(fields::collect(
                [
                    name.err().map(FieldError::PersonName),
                    code.err().map(FieldError::IdentityCode),
                    received.err().map(FieldError::ReceivedOn),
                    delivery.err().map(FieldError::Delivery),
                ]
                .into_iter()
                .flatten(),
            )),
        }
    }
}

/// A registrar orders a card for a customer of the point. A staff card names the person (name
/// and identity code); an organisation card names none (a person sent with it is not kept).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardOrderInput {
    /// The customer: the county that holds the point or an authorising organisation.
    pub customer_account_id: i64,
    /// `staff_card` or `organisation_card`.
    pub card_kind: String,
    /// The staff member's name (a staff card only).
    #[serde(default)]
    pub person_name: Option<String>,
    /// The staff member's personal identity code (a staff card only).
    #[serde(default)]
    pub identity_code: Option<String>,
}

impl std::fmt::Debug for CardOrderInput {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("CardOrderInput")
            .field("customer_account_id", &self.customer_account_id)
            .field("card_kind", &self.card_kind)
            .field("person_name", &self.person_name)
            .field(
                "identity_code",
                &self.identity_code.as_ref().map(|_| "<not shown>"),
            )
            .finish()
    }
}

/// A checked [`CardOrderInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewCardOrder {
    /// Henkilökortti for the person.
    Staff {
        customer_account_id: i64,
        person_name: PersonName,
        identity_code: IdentityCode,
    },
    /// Toimijakortti.
    Organisation { customer_account_id: i64 },
}

impl NewCardOrder {
    /// The customer the card is for.
    pub const fn customer_account_id(&self) -> i64 {
        match self {
            NewCardOrder::Staff {
                customer_account_id,
                ..
            }
            | NewCardOrder::Organisation {
                customer_account_id,
            } => *customer_account_id,
        }
    }

    /// The kind of card.
    pub const fn kind(&self) -> CardKind {
        match self {
            NewCardOrder::Staff { .. } => CardKind::StaffCard,
            NewCardOrder::Organisation { .. } => CardKind::OrganisationCard,
        }
    }
}

impl CardOrderInput {
    /// The order, or each field's error: a staff card needs the person's name and code.
    pub fn validate(&self) -> Result<NewCardOrder, FieldErrors> {
        let kind = self.card_kind.parse::<CardKind>();
        let person = match kind {
            Ok(CardKind::StaffCard) => {
                let name = self
                    .person_name
                    .as_deref()
                    .unwrap_or_default()
                    .parse::<PersonName>();
                let code = self
                    .identity_code
                    .as_deref()
                    .unwrap_or_default()
                    .parse::<IdentityCode>();
                Some((name, code))
            }
            _ => None,
        };
        match (kind, person) {
            (Ok(CardKind::StaffCard), Some((Ok(person_name), Ok(identity_code)))) => {
                Ok(NewCardOrder::Staff {
                    customer_account_id: self.customer_account_id,
                    person_name,
                    identity_code,
                })
            }
            (Ok(CardKind::OrganisationCard), _) => Ok(NewCardOrder::Organisation {
                customer_account_id: self.customer_account_id,
            }),
            (kind, person) => {
                let (name, code) = match person {
                    Some((name, code)) => (name.err(), code.err()),
                    None => (None, None),
                };
                Err(fields::collect(
                    [
                        kind.err().map(FieldError::CardKind),
                        name.map(FieldError::PersonName),
                        code.map(FieldError::IdentityCode),
                    ]
                    .into_iter()
                    .flatten(),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    fn today() -> CalendarDate {
        "2026-12-03".parse().unwrap()
    }

    fn certificate() -> CertificateInput {
        CertificateInput {
            organisation_account_id: 7,
            person_name: " Maija Meikäläinen ".into(),
            identity_code: "131052-308t".into(),
            received_on: "2026-12-03".into(),
            delivery: "post".into(),
        }
    }

    #[test]
    fn a_certificate_checks_every_field() {
        let checked = certificate().validate(&today()).unwrap();
        assert_eq!(checked.person_name.as_str(), "Maija Meikäläinen");
        assert_eq!(checked.identity_code.in_clear(), "131052-308T");
        assert_eq!(checked.delivery, CertificateDelivery::Post);
        let errors = CertificateInput {
            organisation_account_id: 7,
            person_name: "M".into(),
            identity_code: "131052-308U".into(),
            received_on: "2026-12-04".into(),
            delivery: "fax".into(),
        }
        .validate(&today())
        .unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert_eq!(errors[&Field::PersonName].code(), "too_short");
        assert_eq!(errors[&Field::IdentityCode].code(), "check_character");
        assert_eq!(errors[&Field::ReceivedOn].code(), "in_future");
        assert_eq!(errors[&Field::Delivery].code(), "unknown");
        for (text, code) in [
            ("", "required"),
            ("3.12.2026", "format"),
            ("2026-02-29", "no_such_day"),
        ] {
            let input = CertificateInput {
                received_on: text.into(),
                ..certificate()
            };
            let errors = input.validate(&today()).unwrap_err();
            assert_eq!(errors[&Field::ReceivedOn].code(), code, "{text:?}");
        }
    }

    // Guards the promise that a `{:?}` of a form in a log never holds the code in clear.
    #[test]
    fn inputs_never_debug_the_code() {
        let shown = format!("{:?}", certificate());
        assert!(!shown.contains("308"), "{shown}");
        let order = CardOrderInput {
            customer_account_id: 1,
            card_kind: "staff_card".into(),
            person_name: Some("Maija".into()),
            identity_code: Some("131052-308T".into()),
        };
        let shown = format!("{order:?}");
        assert!(!shown.contains("308"), "{shown}");
        let shown = format!("{:?}", order.validate().unwrap());
        assert!(!shown.contains("308"), "{shown}");
    }

    #[test]
    fn a_staff_card_needs_its_person_and_an_organisation_card_none() {
        let order = |kind: &str, name: Option<&str>, code: Option<&str>| CardOrderInput {
            customer_account_id: 3,
            card_kind: kind.into(),
            person_name: name.map(str::to_owned),
            identity_code: code.map(str::to_owned),
        };
        assert!(matches!(
            order("staff_card", Some("Maija M"), Some("131052-308T")).validate(),
            Ok(NewCardOrder::Staff { .. })
        ));
        assert_eq!(
            order("organisation_card", Some("ignored"), Some("bad")).validate(),
            Ok(NewCardOrder::Organisation {
                customer_account_id: 3
            })
        );
        let errors = order("staff_card", None, Some("131052+308T"))
            .validate()
            .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[&Field::PersonName].code(), "required");
        let errors = order("staff_card", Some("Maija M"), Some("131052S308T"))
            .validate()
            .unwrap_err();
        assert_eq!(errors[&Field::IdentityCode].code(), "century_sign");
        let errors = order("", None, None).validate().unwrap_err();
        assert_eq!(errors[&Field::CardKind].code(), "required");
        let errors = order("gold_card", None, None).validate().unwrap_err();
        assert_eq!(errors[&Field::CardKind].code(), "unknown");
    }

    /// Every customer against every card and fact, with the verdict.
    #[test]
    fn orders_follow_the_rules() {
        use AccountKind::*;
        use CardKind::*;
        use Customer::*;
        use CustomerRefusal::*;
        for card in CardKind::ALL {
            for facts in 0..8u8 {
                let (contract, state, certificate) =
                    (facts & 1 != 0, facts & 2 != 0, facts & 4 != 0);
                let verdict = |customer| may_order(customer, card, contract, state, certificate);
                assert_eq!(verdict(County), Ok(()));
                assert_eq!(verdict(Stranger), Err(NotACustomer));
                assert_eq!(verdict(Revoked), Err(AuthorisationRevoked));
                let private = match (contract, card, certificate) {
                    (false, _, _) => Err(NoGrantedContract),
                    (true, StaffCard, false) => Err(CertificateRequired),
                    _ => Ok(()),
                };
                assert_eq!(verdict(Authorising(PrivateSote)), private, "{card} {facts}");
                let rescue = match (contract, state) {
                    (false, _) => Err(NoGrantedContract),
                    (true, false) => Err(CountyLacksStateAdministrationContract),
                    (true, true) => Ok(()),
                };
                assert_eq!(
                    verdict(Authorising(RescueDepartment)),
                    rescue,
                    "{card} {facts}"
                );
            }
        }
    }

    #[test]
    fn certificates_are_for_authorising_private_organisations() {
        use Customer::*;
        use CustomerRefusal::*;
        assert_eq!(
            may_record_certificate(Authorising(AccountKind::PrivateSote)),
            Ok(())
        );
        assert_eq!(
            may_record_certificate(Authorising(AccountKind::RescueDepartment)),
            Err(CertificateNotApplicable)
        );
        assert_eq!(
            may_record_certificate(County),
            Err(CertificateNotApplicable)
        );
        assert_eq!(may_record_certificate(Revoked), Err(AuthorisationRevoked));
        assert_eq!(may_record_certificate(Stranger), Err(NotACustomer));
    }

    #[test]
    fn the_wire_codes_are_the_agreed_ones() {
        assert_eq!(
            CardKind::ALL.map(CardKind::code),
            ["staff_card", "organisation_card"]
        );
        assert_eq!(
            CertificateDelivery::ALL.map(CertificateDelivery::code),
            ["post", "in_person"]
        );
        assert_eq!(
            CustomerState::ALL.map(CustomerState::code),
            ["county", "active", "revoked"]
        );
    }
}

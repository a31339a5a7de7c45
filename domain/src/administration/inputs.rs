//! What a person types in the administration's forms, as sent (plain strings, so a wrong
//! value reaches the rules and gets its own code rather than failing the body), and the one
//! check of each that the app runs before sending and the server runs again.

use serde::{Deserialize, Serialize};

use super::{
    AccountKind, BusinessId, ContractKind, OrganisationName, PostalAddress, RejectionReason,
    ServiceNumber, WellbeingCountyCode,
};
use crate::fields::{self, FieldError, FieldErrors};

/// An agency officer opens a customer account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountOpenInput {
    /// The organisation's name.
    pub organisation_name: String,
    /// Y-tunnus, `1234567-8`.
    pub business_id: String,
    /// `wellbeing_county`, `private_sote` or `rescue_department`.
    pub account_kind: String,
    /// The county's code (`01`–`21`, `90`), for a wellbeing county's account only.
    #[serde(default)]
    pub wellbeing_county_of_account: Option<String>,
}

/// A checked [`AccountOpenInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountOpening {
    pub name: OrganisationName,
    pub business_id: BusinessId,
    pub kind: AccountKind,
    /// Present exactly when `kind` is a wellbeing county.
    pub county: Option<WellbeingCountyCode>,
}

impl AccountOpenInput {
    /// Every field's verdict: the opening, or each field's error. A wellbeing county's account
    /// needs its county; another kind's has none (a county sent with it is not kept).
    pub fn validate(&self) -> Result<AccountOpening, FieldErrors> {
        let name = self.organisation_name.parse::<OrganisationName>();
        let business_id = self.business_id.parse::<BusinessId>();
        let kind = self.account_kind.parse::<AccountKind>();
        let county_text = self
            .wellbeing_county_of_account
            .as_deref()
            .map(str::trim)
            .filter(|county| !county.is_empty());
        let county = match (&kind, county_text) {
            (Ok(AccountKind::WellbeingCounty), Some(county)) => {
                county.parse::<WellbeingCountyCode>().map(Some)
            }
            (Ok(AccountKind::WellbeingCounty), None) => {
                Err(crate::reference::RegionCodeError::Empty)
            }
            (_, _) => Ok(None),
        };
        match (name, business_id, kind, county) {
            (Ok(name), Ok(business_id), Ok(kind), Ok(county)) => Ok(AccountOpening {
                name,
                business_id,
                kind,
                county,
            }),
            (name, business_id, kind, county) => Err(fields::collect(
                [
                    name.err().map(FieldError::OrganisationName),
                    business_id.err().map(FieldError::BusinessId),
                    kind.err().map(FieldError::AccountKind),
                    county.err().map(FieldError::WellbeingCountyOfAccount),
                ]
                .into_iter()
                .flatten(),
            )),
        }
    }
}

/// An account's administrator starts a card-contract application.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractInput {
    /// `sote_organisation` or `state_administration`.
    pub contract_kind: String,
}

impl ContractInput {
    /// The kind, if an account of `account` kind may apply for it.
    pub fn validate(&self, account: AccountKind) -> Result<ContractKind, FieldErrors> {
        self.contract_kind
            .parse::<ContractKind>()
            .and_then(|kind| kind.check_open_to(account).map(|()| kind))
            .map_err(|error| fields::collect([FieldError::ContractKind(error)]))
    }
}

/// An agency officer's decision on a submitted contract.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionInput {
    /// Grant (`true`) or reject (`false`).
    pub grant: bool,
    /// Why it is rejected: required for a rejection, ignored for a grant.
    #[serde(default)]
    pub rejection_reason: Option<String>,
}

/// A checked [`DecisionInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Grant,
    Reject(RejectionReason),
}

impl DecisionInput {
    /// The decision; a rejection without a reason is refused.
    pub fn validate(&self) -> Result<Decision, FieldErrors> {
        if self.grant {
            return Ok(Decision::Grant);
        }
        self.rejection_reason
            .as_deref()
            .unwrap_or_default()
            .parse::<RejectionReason>()
            .map(Decision::Reject)
            .map_err(|error| fields::collect([FieldError::RejectionReason(error)]))
    }
}

/// A wellbeing county's administrator orders a registration point (rekisteröintipistetilaus).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointOrderInput {
    /// The point's name (the organisation-name rule).
    pub point_name: String,
    /// The point's postal address, on one line.
    pub postal_address: String,
}

/// A checked [`PointOrderInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointOrder {
    pub name: OrganisationName,
    pub postal_address: PostalAddress,
}

impl PointOrderInput {
    /// The order, or each field's error.
    pub fn validate(&self) -> Result<PointOrder, FieldErrors> {
        let name = self.point_name.parse::<OrganisationName>();
        let postal_address = self.postal_address.parse::<PostalAddress>();
        match (name, postal_address) {
            (Ok(name), Ok(postal_address)) => Ok(PointOrder {
                name,
                postal_address,
            }),
            (name, postal_address) => Err(fields::collect(
                [
                    name.err().map(FieldError::PointName),
                    postal_address.err().map(FieldError::PostalAddress),
                ]
                .into_iter()
                .flatten(),
            )),
        }
    }
}

/// An organisation's administrator authorises (valtuuttaa) a registration point by its
/// electronic service number; the same field looks the point up for confirmation first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorisationInput {
    /// The point's service number, eight digits (spaces and hyphens between them are taken).
    pub service_number: String,
}

impl AuthorisationInput {
    /// The well-formed number; whether a point has it is the server's question
    /// ([`super::ServiceNumberError::NotFound`]).
    pub fn validate(&self) -> Result<ServiceNumber, FieldErrors> {
        self.service_number
            .parse::<ServiceNumber>()
            .map_err(|error| fields::collect([FieldError::ServiceNumber(error)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    fn opening(kind: &str, county: Option<&str>) -> AccountOpenInput {
        AccountOpenInput {
            organisation_name: "Testi Hoiva Oy".into(),
            business_id: "1572860-0".into(),
            account_kind: kind.into(),
            wellbeing_county_of_account: county.map(str::to_owned),
        }
    }

    #[test]
    fn a_county_account_needs_its_county_and_others_none() {
        let county = opening("wellbeing_county", Some("02")).validate().unwrap();
        assert_eq!(county.county.map(|county| county.as_str()), Some("02"));
        let missing = opening("wellbeing_county", None).validate().unwrap_err();
        assert!(missing.contains_key(&Field::WellbeingCountyOfAccount));
        let extra = opening("private_sote", Some("02")).validate().unwrap();
        assert_eq!(extra.county, None);
    }

    #[test]
    fn every_field_reports_its_own_error() {
        let errors = AccountOpenInput {
            organisation_name: " ".into(),
            business_id: "1572860-1".into(),
            account_kind: "bank".into(),
            wellbeing_county_of_account: None,
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[&Field::BusinessId].code(), "check_digit");
    }

    #[test]
    fn a_state_administration_contract_is_a_countys_only_and_a_rejection_needs_a_reason() {
        let input = ContractInput {
            contract_kind: "state_administration".into(),
        };
        assert!(input.validate(AccountKind::WellbeingCounty).is_ok());
        assert!(input.validate(AccountKind::RescueDepartment).is_err());
        let reject = |reason: Option<&str>| DecisionInput {
            grant: false,
            rejection_reason: reason.map(str::to_owned),
        };
        assert!(reject(None).validate().is_err());
        assert!(reject(Some("  ")).validate().is_err());
        assert!(matches!(
            reject(Some("Liite puuttuu")).validate(),
            Ok(Decision::Reject(_))
        ));
        let grant = DecisionInput {
            grant: true,
            rejection_reason: Some("ignored".into()),
        };
        assert_eq!(grant.validate(), Ok(Decision::Grant));
    }

    #[test]
    fn a_point_order_checks_its_name_and_address_each() {
        let order = PointOrderInput {
            point_name: " Vantaan rekisteröintipiste ".into(),
            postal_address: "Kielotie 20, 01300 Vantaa".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(order.name.as_str(), "Vantaan rekisteröintipiste");
        assert_eq!(order.postal_address.as_str(), "Kielotie 20, 01300 Vantaa");
        let errors = PointOrderInput {
            point_name: "V".into(),
            postal_address: " ".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[&Field::PointName].code(), "too_short");
        assert_eq!(errors[&Field::PostalAddress].code(), "required");
        assert!(!errors.contains_key(&Field::OrganisationName));
    }

    #[test]
    fn an_authorisation_takes_a_well_formed_service_number() {
        let number = ServiceNumber::from_serial(1_234_567).unwrap();
        let input = |text: &str| AuthorisationInput {
            service_number: text.into(),
        };
        assert_eq!(input("1234 5674").validate(), Ok(number.clone()));
        assert_eq!(input("1234-5674").validate(), Ok(number));
        for (text, code) in [
            ("", "required"),
            ("1234567", "format"),
            ("12345675", "check_digit"),
        ] {
            let errors = input(text).validate().unwrap_err();
            assert_eq!(errors[&Field::ServiceNumber].code(), code, "{text:?}");
        }
    }
}

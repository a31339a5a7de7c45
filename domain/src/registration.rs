//! The registration form (phone, email, cooperation organisations) and the profile form
//! (professional group, wellbeing county): what the user sends, and `validate()` that gives
//! either the valid value or every field's error at once.

use serde::{Deserialize, Serialize};

use crate::cooperation::{CooperationOrganisations, CooperationOrganisationsError};
use crate::email::{Email, EmailError};
use crate::fields::{self, FieldError, FieldErrors};
use crate::phone::{PhoneNumber, PhoneNumberError};
use crate::profession::{ProfessionalGroup, ProfessionalGroupError};
use crate::reference::{RegionCodeError, WellbeingCountyCode};

/// The registration form as the user filled it in (the body of `POST`/`PUT /api/registration`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationInput {
    /// Puhelinnumero, as typed.
    pub phone: String,
    /// Sähköpostiosoite, as typed.
    pub email: String,
    /// Yhteistyöorganisaatiot: codes of the picker's entries, in the user's order.
    pub organisations: Vec<String>,
}

/// A registration that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    /// E.164.
    pub phone: PhoneNumber,
    /// Trimmed, domain lower-cased.
    pub email: Email,
    /// At least one, no duplicates.
    pub organisations: CooperationOrganisations,
}

/// Every field's error of a registration form; `None` where the field is fine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegistrationErrors {
    /// The phone number's error.
    pub phone: Option<PhoneNumberError>,
    /// The e-mail address's error.
    pub email: Option<EmailError>,
    /// The organisations' error.
    pub organisations: Option<CooperationOrganisationsError>,
}

impl RegistrationInput {
    /// Checks every field and returns the registration or every field's error.
    pub fn validate(&self) -> Result<Registration, RegistrationErrors> {
        let phone = self.phone.parse::<PhoneNumber>();
        let email = self.email.parse::<Email>();
        let organisations = CooperationOrganisations::parse(&self.organisations);
        match (phone, email, organisations) {
            (Ok(phone), Ok(email), Ok(organisations)) => Ok(Registration {
                phone,
                email,
                organisations,
            }),
            (phone, email, organisations) => Err(RegistrationErrors {
                phone: phone.err(),
                email: email.err(),
                organisations: organisations.err(),
            }),
        }
    }
}

impl RegistrationErrors {
    /// The errors per field, as the app shows them and the API's 422 body carries them.
    pub fn to_field_errors(&self) -> FieldErrors {
        fields::collect(
            [
                self.phone.map(FieldError::Phone),
                self.email.map(FieldError::Email),
                self.organisations.map(FieldError::Organisations),
            ]
            .into_iter()
            .flatten(),
        )
    }
}

impl Registration {
    /// The form filled in with this registration, for editing it.
    pub fn to_input(&self) -> RegistrationInput {
        RegistrationInput {
            phone: self.phone.as_str().to_owned(),
            email: self.email.as_str().to_owned(),
            organisations: self
                .organisations
                .as_slice()
                .iter()
                .map(|organisation| organisation.code())
                .collect(),
        }
    }
}

/// The profile form (the body of `POST`/`PUT /api/profile`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileInput {
    /// Ammattiryhmä: a group's code.
    pub professional_group: String,
    /// Hyvinvointialue: a county's code, or empty for "not selected".
    #[serde(default)]
    pub wellbeing_county: Option<String>,
}

/// A profile that passed every rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    /// Decides what content the user is shown.
    pub professional_group: ProfessionalGroup,
    /// Optional.
    pub wellbeing_county: Option<WellbeingCountyCode>,
}

/// Every field's error of a profile form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileErrors {
    /// The group's error.
    pub professional_group: Option<ProfessionalGroupError>,
    /// The county's error (only `malformed` or `unknown`: the field is optional).
    pub wellbeing_county: Option<RegionCodeError>,
}

impl ProfileInput {
    /// Checks every field and returns the profile or every field's error.
    pub fn validate(&self) -> Result<Profile, ProfileErrors> {
        let group = self.professional_group.parse::<ProfessionalGroup>();
        let county = match self.wellbeing_county.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(code) => code.parse::<WellbeingCountyCode>().map(Some),
        };
        match (group, county) {
            (Ok(professional_group), Ok(wellbeing_county)) => Ok(Profile {
                professional_group,
                wellbeing_county,
            }),
            (group, county) => Err(ProfileErrors {
                professional_group: group.err(),
                wellbeing_county: county.err(),
            }),
        }
    }
}

impl ProfileErrors {
    /// The errors per field, as the app shows them and the API's 422 body carries them.
    pub fn to_field_errors(&self) -> FieldErrors {
        fields::collect(
            [
                self.professional_group.map(FieldError::ProfessionalGroup),
                self.wellbeing_county.map(FieldError::WellbeingCounty),
            ]
            .into_iter()
            .flatten(),
        )
    }
}

impl Profile {
    /// The form filled in with this profile, for editing it.
    pub fn to_input(&self) -> ProfileInput {
        ProfileInput {
            professional_group: self.professional_group.code().to_owned(),
            wellbeing_county: self.wellbeing_county.map(|code| code.as_str().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn input(phone: &str, email: &str, organisations: &[&str]) -> RegistrationInput {
        RegistrationInput {
            phone: phone.into(),
            email: email.into(),
            organisations: organisations.iter().map(|code| code.to_string()).collect(),
        }
    }

    #[test]
    fn a_valid_form_gives_the_normalised_registration() {
        let registration = input(
            "040 123 4567",
            " Maija@Esimerkki.FI ",
            &["organisation:HUS", "municipality:091"],
        )
        .validate()
        .unwrap();
        assert_eq!(registration.phone.as_str(), "+358401234567");
        assert_eq!(registration.email.as_str(), "Maija@esimerkki.fi");
        assert_eq!(registration.organisations.as_slice().len(), 2);
    }

    #[test]
    fn every_field_error_is_collected_not_just_the_first() {
        let errors = input("12", "maija", &[]).validate().unwrap_err();
        assert_eq!(
            errors,
            RegistrationErrors {
                phone: Some(PhoneNumberError::Invalid),
                email: Some(EmailError::MissingAt),
                organisations: Some(CooperationOrganisationsError::Required),
            }
        );
        assert_eq!(
            errors.to_field_errors().into_values().collect::<Vec<_>>(),
            [
                FieldError::Phone(PhoneNumberError::Invalid),
                FieldError::Email(EmailError::MissingAt),
                FieldError::Organisations(CooperationOrganisationsError::Required),
            ]
        );
    }

    #[test]
    fn only_the_broken_field_has_an_error() {
        let errors = input("040 123 4567", "maija@esimerkki", &["organisation:HUS"])
            .validate()
            .unwrap_err();
        assert_eq!(
            errors,
            RegistrationErrors {
                email: Some(EmailError::InvalidDomain),
                ..RegistrationErrors::default()
            }
        );
    }

    #[test]
    fn profile_requires_a_group_and_takes_an_optional_county() {
        let check = |group: &str, county: Option<&str>| {
            ProfileInput {
                professional_group: group.into(),
                wellbeing_county: county.map(String::from),
            }
            .validate()
        };
        let profile = check("psychologist", Some("08")).unwrap();
        assert_eq!(profile.professional_group, ProfessionalGroup::Psychologist);
        assert_eq!(
            profile.wellbeing_county.map(|code| code.as_str()),
            Some("08")
        );
        assert_eq!(check("student", None).unwrap().wellbeing_county, None);
        assert_eq!(check("student", Some("")).unwrap().wellbeing_county, None);
        assert_eq!(
            check("", Some("91")).unwrap_err(),
            ProfileErrors {
                professional_group: Some(ProfessionalGroupError::Required),
                wellbeing_county: Some(RegionCodeError::Unknown),
            }
        );
    }

    proptest! {
        // A registration that validated serialises and deserialises to the same value.
        #[test]
        fn a_valid_registration_survives_json(
            subscriber in 1_000_000u32..9_999_999,
            local in "[a-z]{1,10}",
            count in 1usize..5,
        ) {
            let organisations: Vec<String> = crate::reference::municipalities()
                .iter()
                .take(count)
                .map(|municipality| format!("municipality:{}", municipality.code))
                .collect();
            let form = RegistrationInput {
                phone: format!("040 {subscriber}"),
                email: format!("{local}@esimerkki.fi"),
                organisations,
            };
            let registration = form.validate().unwrap();
            let json = serde_json::to_string(&registration).unwrap();
            prop_assert_eq!(serde_json::from_str::<Registration>(&json).unwrap(), registration.clone());
            prop_assert_eq!(registration.to_input().validate().unwrap(), registration);
        }
    }
}

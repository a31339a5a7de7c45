//! Every refusal the server sends: one [`ErrorCode`] per request, with its HTTP status here
//! and nowhere else, and the field errors of a 422. The app matches on the variants; a code
//! from a newer server that this build does not know reads as [`ErrorCode::Unknown`], which
//! the app answers with a general message, never a specific one.

use std::cell::Cell;
use std::collections::BTreeMap;

use domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// What went wrong with a request, as a whole. On the wire, its [`ErrorCode::as_str`] name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// 400: the request is not of this API's form.
    BadRequest,
    /// 400: the body is not JSON.
    MalformedJson,
    /// 400: the body is JSON, but not of the expected shape.
    InvalidBody,
    /// 400: a sign-in was asked of a provider that does not exist.
    UnknownProvider,
    /// 401: nobody is signed in.
    Unauthenticated,
    /// 403: a state-changing request without the CSRF header, or from another origin.
    CsrfRefused,
    /// 404: no such resource (or not this user's).
    NotFound,
    /// 405: the path exists, but not with this method.
    MethodNotAllowed,
    /// 404: the account has no registration to edit.
    RegistrationNotFound,
    /// 404: the account has no profile to edit.
    ProfileNotFound,
    /// 409: the account is registered already (edit it instead).
    AlreadyRegistered,
    /// 409: the account has a profile already (edit it instead).
    AlreadyExists,
    /// 409: the profile needs a registration first.
    RegistrationRequired,
    /// 409: the content needs a profile first.
    ProfileRequired,
    /// 413: the body is larger than the API reads.
    PayloadTooLarge,
    /// 408: the request's body did not arrive in time (`--body-read-timeout-secs`).
    RequestTimeout,
    /// 415: the body is not `application/json`.
    UnsupportedMediaType,
    /// 422: fields broke their rules; `errors` says which and how.
    ValidationFailed,
    /// 429: too many sign-in attempts from this address; try again shortly.
    TooManyAttempts,
    /// 500: the server failed; the details are in its log only.
    Internal,
    /// 503: the sign-in method's provider cannot be reached or is not configured.
    ProviderUnavailable,
    /// 503: the database cannot be reached or written just now (down, restarting, its disk
    /// full); nothing was changed. Try again shortly.
    DatabaseUnavailable,
    /// 403: signed in, but this is for another role (an agency officer's, an administrator's).
    Forbidden,
    /// 409: another customer account has this business ID.
    BusinessIdTaken,
    /// 409: the wellbeing county has its customer account already.
    CountyTaken,
    /// 409: the contract has been submitted already.
    ContractAlreadySubmitted,
    /// 409: the contract is still a draft; it must be submitted before it is decided.
    ContractNotSubmitted,
    /// 409: the contract has been granted or rejected already.
    ContractAlreadyDecided,
    /// 403: registration points are a wellbeing county's; this account is of another kind.
    NotAWellbeingCounty,
    /// 409: the account has no granted card contract (a county ordering a point, an
    /// organisation authorising one).
    NoGrantedContract,
    /// 409: the point order has been approved or rejected already.
    PointOrderAlreadyDecided,
    /// 409: a rescue department authorising a point whose county has no granted
    /// "Valtionhallinnon sopimus".
    CountyLacksStateAdministrationContract,
    /// 403: a wellbeing county does not authorise registration points.
    CountyCannotAuthorise,
    /// 409: the account has an active authorisation of this point already.
    AlreadyAuthorised,
    /// 409: the authorisation has been revoked already.
    AuthorisationAlreadyRevoked,
    /// 409: the address has a pending invitation to the account already (resend it instead).
    InvitationPending,
    /// 404: no invitation has this link (mistyped, forged, or replaced by a resend).
    InvitationUnknown,
    /// 409: the invitation has been accepted already; its link is single-use.
    InvitationUsed,
    /// 409: the invitation's seven days have passed (an administrator can resend it).
    InvitationExpired,
    /// 409: an administrator withdrew the invitation.
    InvitationWithdrawn,
    /// 409: the signed-in person is a member of the account already.
    AlreadyMember,
    /// 429: the invitation was resent three times within the hour; `retry_at` says from when it may be resent again.
    InvitationResendLimit,
    /// 409: the change would leave the account without an administrator.
    LastAdministrator,
    /// 409: the contract is not granted (a registrar application is made on a granted contract).
    ContractNotGranted,
    /// 409: a chosen point is not an approved registration point of the contract's county.
    RegistrarPointUnavailable,
    /// 409: the applicant is an active registrar at every chosen point already.
    AlreadyRegistrar,
    /// 409: the applicant has a registrar application on this contract waiting for a decision.
    RegistrarApplicationPending,
    /// 409: the registrar application has been granted or rejected already.
    RegistrarApplicationAlreadyDecided,
    /// 422: a registrar application names no registration point.
    RegistrarPointsRequired,
    /// 422: a registrar application has no training certificate attached.
    AttachmentRequired,
    /// 404: no upload of the applicant's has this id (never uploaded, replaced by a newer upload, removed after a day unused, or attached to another application); upload the file again.
    AttachmentNotFound,
    /// 422: the uploaded file is empty.
    AttachmentEmpty,
    /// 413: the uploaded file is larger than 5 MiB (5,242,880 bytes).
    AttachmentTooLarge,
    /// 415: the uploaded file's bytes are not a PDF, PNG or JPEG (whatever its name says).
    AttachmentTypeRefused,
    /// 422: the upload's `name` is missing, longer than 255 characters, or has control characters or folder separators.
    AttachmentNameInvalid,
    /// 403: the signed-in person is no active registrar of this registration point.
    NotPointRegistrar,
    /// 409: the account is no customer of the point (it never authorised the point, or does not exist).
    NotACustomer,
    /// 409: the organisation's authorisation of the point is revoked: no new certificates or orders.
    CustomerAuthorisationRevoked,
    /// 409: certificates are for staff members of an authorising private social or health-care organisation only.
    CertificateNotApplicable,
    /// 409: a private organisation's staff card needs the person's service-relationship certificate recorded at the point first.
    CertificateRequired,
    /// 409: the person's certificate for this organisation is recorded at the point already.
    CertificateAlreadyRecorded,
    /// 409: the same card was ordered at the point within the last 24 hours.
    CardAlreadyOrdered,
    /// 409: removing the registrar would leave the point fewer than two active registrars (close the point instead, or add a registrar first).
    TooFewRegistrars,
    /// 409: the registrar's rights at the point were removed already.
    RegistrarAlreadyRemoved,
    /// 409: only an approved point can be closed (this order waits or was rejected).
    PointNotApproved,
    /// 409: the point is closed already.
    PointClosed,
    /// 403: the contact email is a registrar's; the person has no active registrar rights.
    NotARegistrar,
    /// 409: the address is the confirmed contact email already.
    ContactEmailUnchanged,
    /// 409: there is no contact email waiting for confirmation to resend.
    NoPendingContactEmail,
    /// 429: five confirmation emails within the hour; `retry_at` says from when another may be sent.
    ContactResendLimit,
    /// 404: no confirmation has this link (mistyped, forged, or replaced by a resend).
    ConfirmationUnknown,
    /// 409: the link was followed already; it is single-use.
    ConfirmationUsed,
    /// 409: the link's 24 hours have passed (resend it).
    ConfirmationExpired,
    /// 409: a newer address was asked for since; only its link counts.
    ConfirmationReplaced,
    /// 403: the link is another person's: only the registrar who asked for the address can confirm it (the link stays usable for them).
    ConfirmationOtherPerson,
    /// A code this build does not know (from a newer server). Never sent.
    Unknown,
}

impl ErrorCode {
    /// Every code the server sends.
    pub const ALL: [ErrorCode; 75] = [
        ErrorCode::BadRequest,
        ErrorCode::MalformedJson,
        ErrorCode::InvalidBody,
        ErrorCode::UnknownProvider,
        ErrorCode::Unauthenticated,
        ErrorCode::CsrfRefused,
        ErrorCode::NotFound,
        ErrorCode::RegistrationNotFound,
        ErrorCode::ProfileNotFound,
        ErrorCode::AlreadyRegistered,
        ErrorCode::AlreadyExists,
        ErrorCode::RegistrationRequired,
        ErrorCode::ProfileRequired,
        ErrorCode::PayloadTooLarge,
        ErrorCode::RequestTimeout,
        ErrorCode::MethodNotAllowed,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::ValidationFailed,
        ErrorCode::TooManyAttempts,
        ErrorCode::Internal,
        ErrorCode::ProviderUnavailable,
        ErrorCode::DatabaseUnavailable,
        ErrorCode::Forbidden,
        ErrorCode::BusinessIdTaken,
        ErrorCode::CountyTaken,
        ErrorCode::ContractAlreadySubmitted,
        ErrorCode::ContractNotSubmitted,
        ErrorCode::ContractAlreadyDecided,
        ErrorCode::NotAWellbeingCounty,
        ErrorCode::NoGrantedContract,
        ErrorCode::PointOrderAlreadyDecided,
        ErrorCode::CountyLacksStateAdministrationContract,
        ErrorCode::CountyCannotAuthorise,
        ErrorCode::AlreadyAuthorised,
        ErrorCode::AuthorisationAlreadyRevoked,
        ErrorCode::InvitationPending,
        ErrorCode::InvitationUnknown,
        ErrorCode::InvitationUsed,
        ErrorCode::InvitationExpired,
        ErrorCode::InvitationWithdrawn,
        ErrorCode::AlreadyMember,
        ErrorCode::InvitationResendLimit,
        ErrorCode::LastAdministrator,
        ErrorCode::ContractNotGranted,
        ErrorCode::RegistrarPointUnavailable,
        ErrorCode::AlreadyRegistrar,
        ErrorCode::RegistrarApplicationPending,
        ErrorCode::RegistrarApplicationAlreadyDecided,
        ErrorCode::RegistrarPointsRequired,
        ErrorCode::AttachmentRequired,
        ErrorCode::AttachmentNotFound,
        ErrorCode::AttachmentEmpty,
        ErrorCode::AttachmentTooLarge,
        ErrorCode::AttachmentTypeRefused,
        ErrorCode::AttachmentNameInvalid,
        ErrorCode::NotPointRegistrar,
        ErrorCode::NotACustomer,
        ErrorCode::CustomerAuthorisationRevoked,
        ErrorCode::CertificateNotApplicable,
        ErrorCode::CertificateRequired,
        ErrorCode::CertificateAlreadyRecorded,
        ErrorCode::CardAlreadyOrdered,
        ErrorCode::TooFewRegistrars,
        ErrorCode::RegistrarAlreadyRemoved,
        ErrorCode::PointNotApproved,
        ErrorCode::PointClosed,
        ErrorCode::NotARegistrar,
        ErrorCode::ContactEmailUnchanged,
        ErrorCode::NoPendingContactEmail,
        ErrorCode::ContactResendLimit,
        ErrorCode::ConfirmationUnknown,
        ErrorCode::ConfirmationUsed,
        ErrorCode::ConfirmationExpired,
        ErrorCode::ConfirmationReplaced,
        ErrorCode::ConfirmationOtherPerson,
    ];

    /// The code's name on the wire.
    pub const fn as_str(self) -> &'static str {
        match self.common_name() {
            Some(name) => name,
            None => self.area_name(),
        }
    }

    /// The name of a code every app reads; `None` for the registration-point administration's
    /// own codes, which the professionals' app never receives (so their names are not in its
    /// download: see [`read_area_codes`]).
    const fn common_name(self) -> Option<&'static str> {
        Some(match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::InvalidBody => "invalid_body",
            ErrorCode::UnknownProvider => "unknown_provider",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::CsrfRefused => "csrf_refused",
            ErrorCode::NotFound => "not_found",
            ErrorCode::RegistrationNotFound => "registration_not_found",
            ErrorCode::ProfileNotFound => "profile_not_found",
            ErrorCode::AlreadyRegistered => "already_registered",
            ErrorCode::AlreadyExists => "already_exists",
            ErrorCode::RegistrationRequired => "registration_required",
            ErrorCode::ProfileRequired => "profile_required",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::RequestTimeout => "request_timeout",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::Internal => "internal",
            ErrorCode::ProviderUnavailable => "provider_unavailable",
            ErrorCode::DatabaseUnavailable => "database_unavailable",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Unknown => "unknown",
            _ => return None,
        })
    }

    /// The name of one of the registration-point administration's own codes.
    const fn area_name(self) -> &'static str {
        match self {
            ErrorCode::BusinessIdTaken => "business_id_taken",
            ErrorCode::CountyTaken => "county_taken",
            ErrorCode::ContractAlreadySubmitted => "contract_already_submitted",
            ErrorCode::ContractNotSubmitted => "contract_not_submitted",
            ErrorCode::ContractAlreadyDecided => "contract_already_decided",
            ErrorCode::NotAWellbeingCounty => "not_a_wellbeing_county",
            ErrorCode::NoGrantedContract => "no_granted_contract",
            ErrorCode::PointOrderAlreadyDecided => "point_order_already_decided",
            ErrorCode::CountyLacksStateAdministrationContract => {
                "county_lacks_state_administration_contract"
            }
            ErrorCode::CountyCannotAuthorise => "county_cannot_authorise",
            ErrorCode::AlreadyAuthorised => "already_authorised",
            ErrorCode::AuthorisationAlreadyRevoked => "authorisation_already_revoked",
            ErrorCode::InvitationPending => "invitation_pending",
            ErrorCode::InvitationUnknown => "invitation_unknown",
            ErrorCode::InvitationUsed => "invitation_used",
            ErrorCode::InvitationExpired => "invitation_expired",
            ErrorCode::InvitationWithdrawn => "invitation_withdrawn",
            ErrorCode::AlreadyMember => "already_member",
            ErrorCode::InvitationResendLimit => "invitation_resend_limit",
            ErrorCode::LastAdministrator => "last_administrator",
            ErrorCode::ContractNotGranted => "contract_not_granted",
            ErrorCode::RegistrarPointUnavailable => "registrar_point_unavailable",
            ErrorCode::AlreadyRegistrar => "already_registrar",
            ErrorCode::RegistrarApplicationPending => "registrar_application_pending",
            ErrorCode::RegistrarApplicationAlreadyDecided => {
                "registrar_application_already_decided"
            }
            ErrorCode::RegistrarPointsRequired => "registrar_points_required",
            ErrorCode::AttachmentRequired => "attachment_required",
            ErrorCode::AttachmentNotFound => "attachment_not_found",
            ErrorCode::AttachmentEmpty => "attachment_empty",
            ErrorCode::AttachmentTooLarge => "attachment_too_large",
            ErrorCode::AttachmentTypeRefused => "attachment_type_refused",
            ErrorCode::AttachmentNameInvalid => "attachment_name_invalid",
            ErrorCode::NotPointRegistrar => "not_point_registrar",
            ErrorCode::NotACustomer => "not_a_customer",
            ErrorCode::CustomerAuthorisationRevoked => "customer_authorisation_revoked",
            ErrorCode::CertificateNotApplicable => "certificate_not_applicable",
            ErrorCode::CertificateRequired => "certificate_required",
            ErrorCode::CertificateAlreadyRecorded => "certificate_already_recorded",
            ErrorCode::CardAlreadyOrdered => "card_already_ordered",
            ErrorCode::TooFewRegistrars => "too_few_registrars",
            ErrorCode::RegistrarAlreadyRemoved => "registrar_already_removed",
            ErrorCode::PointNotApproved => "point_not_approved",
            ErrorCode::PointClosed => "point_closed",
            ErrorCode::NotARegistrar => "not_a_registrar",
            ErrorCode::ContactEmailUnchanged => "contact_email_unchanged",
            ErrorCode::NoPendingContactEmail => "no_pending_contact_email",
            ErrorCode::ContactResendLimit => "contact_resend_limit",
            ErrorCode::ConfirmationUnknown => "confirmation_unknown",
            ErrorCode::ConfirmationUsed => "confirmation_used",
            ErrorCode::ConfirmationExpired => "confirmation_expired",
            ErrorCode::ConfirmationReplaced => "confirmation_replaced",
            ErrorCode::ConfirmationOtherPerson => "confirmation_other_person",
            _ => "unknown",
        }
    }

    /// Whether the code is the registration-point administration's own.
    pub const fn is_area(self) -> bool {
        self.common_name().is_none()
    }

    /// The code called `name`; [`ErrorCode::Unknown`] for a name this build does not know. The
    /// administration's codes are read where [`read_area_codes`] was called (its app, at start)
    /// and always natively (the server and its tests).
    pub fn from_name(name: &str) -> ErrorCode {
        ErrorCode::ALL
            .into_iter()
            .find(|code| code.common_name() == Some(name))
            .or_else(|| AREA_CODES.with(Cell::get).and_then(|area| area(name)))
            .unwrap_or(ErrorCode::Unknown)
    }

    /// One of the administration's codes by its name.
    pub fn area_from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL
            .into_iter()
            .find(|code| code.is_area() && code.area_name() == name)
    }

    /// The HTTP status the code is sent with.
    pub const fn status(self) -> u16 {
        match self {
            ErrorCode::BadRequest
            | ErrorCode::MalformedJson
            | ErrorCode::InvalidBody
            | ErrorCode::UnknownProvider => 400,
            ErrorCode::Unauthenticated => 401,
            ErrorCode::CsrfRefused
            | ErrorCode::Forbidden
            | ErrorCode::NotAWellbeingCounty
            | ErrorCode::CountyCannotAuthorise
            | ErrorCode::NotPointRegistrar
            | ErrorCode::NotARegistrar
            | ErrorCode::ConfirmationOtherPerson => 403,
            ErrorCode::NotFound
            | ErrorCode::RegistrationNotFound
            | ErrorCode::ProfileNotFound
            | ErrorCode::InvitationUnknown
            | ErrorCode::AttachmentNotFound
            | ErrorCode::ConfirmationUnknown => 404,
            ErrorCode::AlreadyRegistered
            | ErrorCode::AlreadyExists
            | ErrorCode::RegistrationRequired
            | ErrorCode::ProfileRequired
            | ErrorCode::BusinessIdTaken
            | ErrorCode::CountyTaken
            | ErrorCode::ContractAlreadySubmitted
            | ErrorCode::ContractNotSubmitted
            | ErrorCode::ContractAlreadyDecided
            | ErrorCode::NoGrantedContract
            | ErrorCode::PointOrderAlreadyDecided
            | ErrorCode::CountyLacksStateAdministrationContract
            | ErrorCode::AlreadyAuthorised
            | ErrorCode::AuthorisationAlreadyRevoked
            | ErrorCode::InvitationPending
            | ErrorCode::InvitationUsed
            | ErrorCode::InvitationExpired
            | ErrorCode::InvitationWithdrawn
            | ErrorCode::AlreadyMember
            | ErrorCode::LastAdministrator
            | ErrorCode::ContractNotGranted
            | ErrorCode::RegistrarPointUnavailable
            | ErrorCode::AlreadyRegistrar
            | ErrorCode::RegistrarApplicationPending
            | ErrorCode::RegistrarApplicationAlreadyDecided
            | ErrorCode::NotACustomer
            | ErrorCode::CustomerAuthorisationRevoked
            | ErrorCode::CertificateNotApplicable
            | ErrorCode::CertificateRequired
            | ErrorCode::CertificateAlreadyRecorded
            | ErrorCode::CardAlreadyOrdered
            | ErrorCode::TooFewRegistrars
            | ErrorCode::RegistrarAlreadyRemoved
            | ErrorCode::PointNotApproved
            | ErrorCode::PointClosed
            | ErrorCode::ContactEmailUnchanged
            | ErrorCode::NoPendingContactEmail
            | ErrorCode::ConfirmationUsed
            | ErrorCode::ConfirmationExpired
            | ErrorCode::ConfirmationReplaced => 409,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::RequestTimeout => 408,
            ErrorCode::PayloadTooLarge | ErrorCode::AttachmentTooLarge => 413,
            ErrorCode::UnsupportedMediaType | ErrorCode::AttachmentTypeRefused => 415,
            ErrorCode::ValidationFailed
            | ErrorCode::RegistrarPointsRequired
            | ErrorCode::AttachmentRequired
            | ErrorCode::AttachmentEmpty
            | ErrorCode::AttachmentNameInvalid => 422,
            ErrorCode::TooManyAttempts
            | ErrorCode::InvitationResendLimit
            | ErrorCode::ContactResendLimit => 429,
            ErrorCode::Internal | ErrorCode::Unknown => 500,
            ErrorCode::ProviderUnavailable | ErrorCode::DatabaseUnavailable => 503,
        }
    }
}

/// How [`ErrorCode::from_name`] reads the administration's codes.
type AreaCodes = fn(&str) -> Option<ErrorCode>;

// In the browser, only the administration's app reads its codes: the professionals' app
// never calls [`read_area_codes`], so the names are not linked into its wasm.
#[cfg(not(target_arch = "wasm32"))]
const AREA_DEFAULT: Option<AreaCodes> = Some(ErrorCode::area_from_name);
#[cfg(target_arch = "wasm32")]
const AREA_DEFAULT: Option<AreaCodes> = None;

thread_local! {
    static AREA_CODES: Cell<Option<AreaCodes>> = const { Cell::new(AREA_DEFAULT) };
}

/// Lets [`ErrorCode::from_name`] read the registration-point administration's own codes (its
/// app calls this when it starts; natively they are always read).
pub fn read_area_codes() {
    AREA_CODES.with(|codes| codes.set(Some(ErrorCode::area_from_name)));
}

// By hand rather than derived: the names are written once (`as_str`), an unknown name reads
// as `Unknown`, and the app's wasm carries a table lookup instead of serde's generated
// visitor (~2 KB).
impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(ErrorCode::from_name(&name))
    }
}

/// The schema lists every code the server sends (not `Unknown`, which is only the app's
/// reading of a code it does not know).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ErrorCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "What went wrong with the request; each code has one HTTP status.",
            ))
            .enum_values(Some(ErrorCode::ALL.map(ErrorCode::as_str)))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ErrorCode {}

/// The body of every 4xx and 5xx answer of the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// What went wrong, for the request as a whole.
    pub code: ErrorCode,
    /// With `validation_failed`: each field's codes (field name to codes; the codes are the
    /// domain's, e.g. `phone`: `too_short`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
    /// With `invitation_resend_limit` and `contact_resend_limit`: the Unix second from which the request may be made
    /// again (also in `Retry-After`, as seconds from now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<i64>,
}

impl ErrorBody {
    /// A body with `code` and no field errors.
    pub fn new(code: ErrorCode) -> ErrorBody {
        ErrorBody {
            code,
            errors: BTreeMap::new(),
            retry_at: None,
        }
    }

    /// A `validation_failed` body with `errors`.
    pub fn validation(errors: &FieldErrors) -> ErrorBody {
        ErrorBody {
            code: ErrorCode::ValidationFailed,
            errors: errors
                .values()
                .map(|error| {
                    (
                        error.field().name().to_owned(),
                        vec![error.code().to_owned()],
                    )
                })
                .collect(),
            retry_at: None,
        }
    }

    /// The field errors, read back: a field this build does not have is left out, a code it
    /// does not know is [`FieldError::Unknown`].
    pub fn field_errors(&self) -> FieldErrors {
        domain::fields::collect(self.errors.iter().flat_map(|(field, codes)| {
            codes
                .iter()
                .filter_map(|code| FieldError::parse(field, code))
        }))
    }
}

/// Why a sign-in came back without signing anybody in: the `error` of the server's redirect
/// to the identification step, which the app explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignInFailure {
    /// The user cancelled at the provider.
    Cancelled,
    /// The sign-in took too long, or its state was lost.
    Expired,
    /// The provider's answer did not pass the checks.
    Failed,
    /// Suomi.fi identification with a means this service does not accept.
    MeansNotAccepted,
    /// A code this build does not know.
    Unknown,
}

impl SignInFailure {
    /// The code in the redirect's query.
    pub const fn as_str(self) -> &'static str {
        match self {
            SignInFailure::Cancelled => "sign_in_cancelled",
            SignInFailure::Expired => "sign_in_expired",
            SignInFailure::Failed => "sign_in_failed",
            SignInFailure::MeansNotAccepted => "means_not_accepted",
            SignInFailure::Unknown => "unknown",
        }
    }

    /// The failure `code` stands for ([`SignInFailure::Unknown`] for one this build does not
    /// know).
    pub fn parse(code: &str) -> SignInFailure {
        [
            SignInFailure::Cancelled,
            SignInFailure::Expired,
            SignInFailure::Failed,
            SignInFailure::MeansNotAccepted,
        ]
        .into_iter()
        .find(|failure| failure.as_str() == code)
        .unwrap_or(SignInFailure::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use domain::Field;
    use domain::phone::PhoneNumberError;

    use super::*;

    /// `ALL` must list every code but `Unknown`, or a code would neither be read back nor be
    /// in the OpenAPI schema. The match is exhaustive: a new variant does not compile until it
    /// is counted here, and then this fails until `ALL` has it.
    #[test]
    fn all_lists_every_code_the_server_sends() {
        let sent = |code: ErrorCode| match code {
            ErrorCode::BadRequest
            | ErrorCode::MalformedJson
            | ErrorCode::InvalidBody
            | ErrorCode::UnknownProvider
            | ErrorCode::Unauthenticated
            | ErrorCode::CsrfRefused
            | ErrorCode::NotFound
            | ErrorCode::MethodNotAllowed
            | ErrorCode::RegistrationNotFound
            | ErrorCode::ProfileNotFound
            | ErrorCode::AlreadyRegistered
            | ErrorCode::AlreadyExists
            | ErrorCode::RegistrationRequired
            | ErrorCode::ProfileRequired
            | ErrorCode::PayloadTooLarge
            | ErrorCode::RequestTimeout
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::ValidationFailed
            | ErrorCode::TooManyAttempts
            | ErrorCode::Internal
            | ErrorCode::ProviderUnavailable
            | ErrorCode::DatabaseUnavailable
            | ErrorCode::Forbidden
            | ErrorCode::BusinessIdTaken
            | ErrorCode::CountyTaken
            | ErrorCode::ContractAlreadySubmitted
            | ErrorCode::ContractNotSubmitted
            | ErrorCode::ContractAlreadyDecided
            | ErrorCode::NotAWellbeingCounty
            | ErrorCode::NoGrantedContract
            | ErrorCode::PointOrderAlreadyDecided
            | ErrorCode::CountyLacksStateAdministrationContract
            | ErrorCode::CountyCannotAuthorise
            | ErrorCode::AlreadyAuthorised
            | ErrorCode::AuthorisationAlreadyRevoked
            | ErrorCode::InvitationPending
            | ErrorCode::InvitationUnknown
            | ErrorCode::InvitationUsed
            | ErrorCode::InvitationExpired
            | ErrorCode::InvitationWithdrawn
            | ErrorCode::AlreadyMember
            | ErrorCode::InvitationResendLimit
            | ErrorCode::LastAdministrator
            | ErrorCode::ContractNotGranted
            | ErrorCode::RegistrarPointUnavailable
            | ErrorCode::AlreadyRegistrar
            | ErrorCode::RegistrarApplicationPending
            | ErrorCode::RegistrarApplicationAlreadyDecided
            | ErrorCode::RegistrarPointsRequired
            | ErrorCode::AttachmentRequired
            | ErrorCode::AttachmentNotFound
            | ErrorCode::AttachmentEmpty
            | ErrorCode::AttachmentTooLarge
            | ErrorCode::AttachmentTypeRefused
            | ErrorCode::AttachmentNameInvalid
            | ErrorCode::NotPointRegistrar
            | ErrorCode::NotACustomer
            | ErrorCode::CustomerAuthorisationRevoked
            | ErrorCode::CertificateNotApplicable
            | ErrorCode::CertificateRequired
            | ErrorCode::CertificateAlreadyRecorded
            | ErrorCode::CardAlreadyOrdered
            | ErrorCode::TooFewRegistrars
            | ErrorCode::RegistrarAlreadyRemoved
            | ErrorCode::PointNotApproved
            | ErrorCode::PointClosed
            | ErrorCode::NotARegistrar
            | ErrorCode::ContactEmailUnchanged
            | ErrorCode::NoPendingContactEmail
            | ErrorCode::ContactResendLimit
            | ErrorCode::ConfirmationUnknown
            | ErrorCode::ConfirmationUsed
            | ErrorCode::ConfirmationExpired
            | ErrorCode::ConfirmationReplaced
            | ErrorCode::ConfirmationOtherPerson => 1,
            ErrorCode::Unknown => 0,
        };
        let counted: usize = ErrorCode::ALL.iter().map(|code| sent(*code)).sum();
        // Each variant the match counts, once: 75 codes are sent.
        assert_eq!(counted, 75);
        assert_eq!(ErrorCode::ALL.len(), 75);
        let mut names: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len(), "a code listed twice");
    }

    #[test]
    fn a_code_from_a_newer_server_is_unknown_not_a_guess() {
        let body: ErrorBody = serde_json::from_str(r#"{"code":"quota_exceeded"}"#).unwrap();
        assert_eq!(body.code, ErrorCode::Unknown);
        assert_eq!(body.code.status(), 500);
    }

    #[test]
    fn codes_have_their_wire_names_and_statuses() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&ErrorBody::new(code)).unwrap();
            let read: ErrorBody = serde_json::from_str(&json).unwrap();
            assert_eq!(read.code, code, "{json}");
            assert!((400..600).contains(&code.status()), "{code:?}");
        }
        assert_eq!(
            serde_json::to_string(&ErrorBody::new(ErrorCode::AlreadyRegistered)).unwrap(),
            r#"{"code":"already_registered"}"#
        );
        assert_eq!(ErrorCode::AlreadyRegistered.status(), 409);
        assert_eq!(ErrorCode::DatabaseUnavailable.status(), 503);
        assert_eq!(
            ErrorCode::DatabaseUnavailable.as_str(),
            "database_unavailable"
        );
        // Names are unique, so each reads back as itself.
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_name(code.as_str()), code);
        }
        assert_eq!(ErrorCode::from_name("unknown"), ErrorCode::Unknown);
    }

    #[test]
    fn field_errors_travel_as_names_and_codes() {
        let errors = domain::fields::collect([FieldError::Phone(PhoneNumberError::TooShort)]);
        let body = ErrorBody::validation(&errors);
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            serde_json::json!({"code": "validation_failed", "errors": {"phone": ["too_short"]}})
        );
        assert_eq!(body.field_errors(), errors);
        let newer: ErrorBody = serde_json::from_str(
            r#"{"code":"validation_failed","errors":{"phone":["new_rule"],"fax":["required"]}}"#,
        )
        .unwrap();
        assert_eq!(
            newer.field_errors().into_values().collect::<Vec<_>>(),
            [FieldError::Unknown(Field::Phone)]
        );
    }

    #[test]
    fn sign_in_failures_read_back_their_codes() {
        for failure in [
            SignInFailure::Cancelled,
            SignInFailure::Expired,
            SignInFailure::Failed,
            SignInFailure::MeansNotAccepted,
        ] {
            assert_eq!(SignInFailure::parse(failure.as_str()), failure);
        }
        assert_eq!(SignInFailure::parse("other"), SignInFailure::Unknown);
    }

    /// Without [`read_area_codes`] (the professionals' app in the browser), the
    /// administration's codes read as unknown; every other code by its name.
    #[test]
    fn the_area_codes_are_read_only_where_asked_for() {
        AREA_CODES.with(|codes| codes.set(None));
        for code in ErrorCode::ALL {
            let read = ErrorCode::from_name(code.as_str());
            if code.is_area() {
                assert_eq!(read, ErrorCode::Unknown, "{code:?}");
            } else {
                assert_eq!(read, code);
            }
        }
        read_area_codes();
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_name(code.as_str()), code);
        }
        assert!(!ErrorCode::Forbidden.is_area());
        assert!(ErrorCode::TooFewRegistrars.is_area());
    }
}

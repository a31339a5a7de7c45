//! Every path of the app and of the API, for the app, the server's redirects and the tests. The
//! server's OpenAPI document is checked against `api::ALL`.

/// The front page of the professionals' section.
pub const HOME: &str = "/";
/// The identification step.
pub const IDENTIFICATION: &str = "/tunnistautuminen";
/// The registration form (once per identity).
pub const REGISTRATION: &str = "/rekisteroityminen";
/// The profile form (once).
pub const PROFILE: &str = "/profiili";
/// The professionals' section: the content list.
pub const SECTION: &str = "/osio";
/// "Omat tiedot": editing the registration and the profile.
pub const SETTINGS: &str = "/omat-tiedot";
/// The accessibility statement (saavutettavuusseloste), public.
pub const ACCESSIBILITY_STATEMENT: &str = "/saavutettavuusseloste";
/// The privacy notice (tietosuojaseloste), public.
pub const PRIVACY_NOTICE: &str = "/tietosuojaseloste";

/// The server's sign-in paths (not JSON: browsers are redirected through them).
pub mod auth {
    /// Starts a sign-in: `?provider=…&return_to=…`.
    pub const START: &str = "/auth/start";
    /// Where OpenID Connect providers return users.
    pub const CALLBACK: &str = "/auth/callback";
    /// The development identity provider.
    pub const DEV: &str = "/auth/dev";
}

/// The JSON API's paths.
pub mod api {
    /// Everything of the API is under this prefix.
    pub const PREFIX: &str = "/api";
    /// `GET`: the server and its database answer.
    pub const HEALTH: &str = "/api/health";
    /// `GET`: the reference data.
    pub const REFERENCE: &str = "/api/reference";
    /// `GET ?organisation=CODE`: the sign-in method rule's verdict.
    pub const SIGN_IN_METHOD: &str = "/api/sign-in-method";
    /// `GET`: who is signed in.
    pub const SESSION: &str = "/api/session";
    /// `POST`: sign out.
    pub const SIGN_OUT: &str = "/api/sign-out";
    /// `POST` (create) and `PUT` (edit): the registration.
    pub const REGISTRATION: &str = "/api/registration";
    /// `POST` (create) and `PUT` (edit): the profile.
    pub const PROFILE: &str = "/api/profile";
    /// `GET`: the content the profile's group unlocks.
    pub const CONTENT: &str = "/api/content";
    /// `GET`: the operator's facts the accessibility statement and the privacy notice show.
    pub const OPERATOR: &str = "/api/operator";
    /// `GET`: this API's OpenAPI document.
    pub const OPENAPI: &str = "/api/openapi.json";

    /// `GET`: what the signed-in person is in the registration-point administration (an
    /// agency officer; the accounts they belong to, with their role in each).
    pub const ADMIN_ME: &str = "/api/admin/me";
    /// `GET ?after=ID` (a page of the accounts the person may see) and `POST` (an officer
    /// opens a customer account).
    pub const ADMIN_ACCOUNTS: &str = "/api/admin/accounts";
    /// `GET`: one customer account and its card contracts.
    pub const ADMIN_ACCOUNT: &str = "/api/admin/accounts/{account}";
    /// `POST`: an account's administrator starts a card-contract application (a draft).
    pub const ADMIN_ACCOUNT_CONTRACTS: &str = "/api/admin/accounts/{account}/contracts";
    /// `POST`: the administrator submits the draft to the agency.
    pub const ADMIN_CONTRACT_SUBMISSION: &str =
        "/api/admin/accounts/{account}/contracts/{contract}/submission";
    /// `GET ?after=ID`: the submitted contracts awaiting the agency's decision (officers).
    pub const ADMIN_CONTRACTS_SUBMITTED: &str = "/api/admin/contracts";
    /// `POST`: an officer grants or rejects a submitted contract.
    pub const ADMIN_CONTRACT_DECISION: &str = "/api/admin/contracts/{contract}/decision";
    /// `GET ?after=ID` (the county's registration points and point orders, "Näytä
    /// rekisteröintipistetilaukset") and `POST` (its administrator orders a point).
    pub const ADMIN_ACCOUNT_POINTS: &str = "/api/admin/accounts/{account}/points";
    /// `GET ?after=ID`: the organisations that authorise one of the county's points, its
    /// customers ("YS sote/organisaatio").
    pub const ADMIN_POINT_CUSTOMERS: &str =
        "/api/admin/accounts/{account}/points/{point}/customers";
    /// `GET ?after=ID`: the point orders awaiting the agency's decision (officers).
    pub const ADMIN_POINT_ORDERS: &str = "/api/admin/point-orders";
    /// `POST`: an officer approves (the service number is assigned then) or rejects an order.
    pub const ADMIN_POINT_ORDER_DECISION: &str = "/api/admin/point-orders/{point}/decision";
    /// `GET ?service_number=N`: the approved point with this number, its name and county, to
    /// confirm before authorising it.
    pub const ADMIN_POINT_LOOKUP: &str = "/api/admin/points/lookup";
    /// `GET ?after=ID` (the account's authorisations, revoked ones too) and `POST` (its
    /// administrator authorises a point by its service number).
    pub const ADMIN_ACCOUNT_AUTHORISATIONS: &str = "/api/admin/accounts/{account}/authorisations";
    /// `POST`: the administrator revokes an authorisation; it stops at once.
    pub const ADMIN_AUTHORISATION_REVOCATION: &str =
        "/api/admin/accounts/{account}/authorisations/{authorisation}/revocation";
    /// `GET ?account=ID&before=ID`: the audit log, newest first (officers: all of it; an
    /// account's administrators: their account's).
    pub const ADMIN_AUDIT: &str = "/api/admin/audit";
    /// `GET ?users_after=ID&invitations_after=ID`: the account's members and its invitations
    /// (Käyttäjien hallinta), for its administrators.
    pub const ADMIN_ACCOUNT_USERS: &str = "/api/admin/accounts/{account}/users";
    /// `PUT` (change the member's role) and `DELETE` (remove the member): never the account's
    /// last administrator.
    pub const ADMIN_ACCOUNT_USER: &str = "/api/admin/accounts/{account}/users/{member}";
    /// `POST`: an administrator invites a person by email (Kutsu käyttäjä).
    pub const ADMIN_ACCOUNT_INVITATIONS: &str = "/api/admin/accounts/{account}/invitations";
    /// `POST`: a new link for the invitation (the old one dead), valid seven days again.
    pub const ADMIN_INVITATION_RESEND: &str =
        "/api/admin/accounts/{account}/invitations/{invitation}/resend";
    /// `POST`: the administrator withdraws the invitation.
    pub const ADMIN_INVITATION_WITHDRAWAL: &str =
        "/api/admin/accounts/{account}/invitations/{invitation}/withdrawal";
    /// `GET ?token=…`: the invitation of a link (its account's name), before accepting it.
    pub const ADMIN_INVITATION_LOOKUP: &str = "/api/admin/invitations/lookup";
    /// `POST`: the signed-in person accepts the invitation of a link.
    pub const ADMIN_INVITATION_ACCEPTANCE: &str = "/api/admin/invitations/acceptance";

    /// `POST ?name=FILE`: uploads a file (the raw bytes as the body, at most 5 MiB; PDF, PNG
    /// or JPEG by its bytes), the uploader's until an application names it.
    pub const ADMIN_ATTACHMENTS: &str = "/api/admin/attachments";
    /// `GET`: an attachment's file, for its uploader and agency officers only, served as an
    /// attachment (`Content-Disposition`), never shown inline.
    pub const ADMIN_ATTACHMENT: &str = "/api/admin/attachments/{attachment}";
    /// `POST`: a member of the county's account files a registrar application on the granted
    /// contract ("Tee rekisteröijähakemus").
    pub const ADMIN_CONTRACT_REGISTRAR_APPLICATIONS: &str =
        "/api/admin/accounts/{account}/contracts/{contract}/registrar-applications";
    /// `GET ?after=ID`: the signed-in person's own registrar applications on the account, with
    /// their states.
    pub const ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS: &str =
        "/api/admin/accounts/{account}/registrar-applications";
    /// `GET ?after=ID`: the registrar applications awaiting the agency's decision (officers).
    pub const ADMIN_REGISTRAR_APPLICATIONS: &str = "/api/admin/registrar-applications";
    /// `POST`: an officer grants (the rights at each point applied for) or rejects (with a
    /// reason) an application; the applicant is told by email.
    pub const ADMIN_REGISTRAR_APPLICATION_DECISION: &str =
        "/api/admin/registrar-applications/{application}/decision";

    /// `GET ?after=ID`: the point's active registrars with their count (the county's
    /// administrators and members, the agency officer).
    pub const ADMIN_POINT_REGISTRARS: &str =
        "/api/admin/accounts/{account}/points/{point}/registrars";
    /// `POST`: the county's administrator or the officer removes a registrar's rights at the
    /// point; refused (`too_few_registrars`) when fewer than two would remain.
    pub const ADMIN_POINT_REGISTRAR_REMOVAL: &str =
        "/api/admin/accounts/{account}/points/{point}/registrars/{registrar}/removal";
    /// `POST`: the county's administrator or the officer closes an approved point; its
    /// registrars' rights and its authorisations end with it.
    pub const ADMIN_POINT_CLOSURE: &str = "/api/admin/accounts/{account}/points/{point}/closure";
    /// `GET` (the registrar's contact email, confirmed and pending) and `PUT` (a new address:
    /// a confirmation link goes to it).
    pub const ADMIN_MY_CONTACT: &str = "/api/admin/me/contact";
    /// `POST`: the pending address's confirmation again, with a new link.
    pub const ADMIN_MY_CONTACT_RESEND: &str = "/api/admin/me/contact/resend";
    /// `POST`: the signed-in person follows their confirmation link.
    pub const ADMIN_MY_CONTACT_CONFIRMATION: &str = "/api/admin/me/contact/confirmation";
    /// `GET ?before=ID` (the agency's notices, newest first, with their delivery counts) and
    /// `POST` (the officer sends a notice to every registrar).
    pub const ADMIN_NOTICES: &str = "/api/admin/notices";
    /// `GET`: one notice with the registrars it did not reach.
    pub const ADMIN_NOTICE: &str = "/api/admin/notices/{notice}";

    /// `GET ?after=ID`: the point's customers as its registrars see them: the county and each
    /// authorising organisation ("YS sote/organisaatio") with the authorisation's state.
    pub const ADMIN_REGISTRAR_CUSTOMERS: &str = "/api/admin/registrar/points/{point}/customers";
    /// `GET ?after=ID&customer=ID` (the point's service-relationship certificates, codes
    /// masked) and `POST` (a registrar records a received certificate).
    pub const ADMIN_REGISTRAR_CERTIFICATES: &str =
        "/api/admin/registrar/points/{point}/certificates";
    /// `GET ?after=ID&customer=ID` (the point's card orders, per customer with `customer`)
    /// and `POST` (a registrar orders a staff card or an organisation card).
    pub const ADMIN_REGISTRAR_ORDERS: &str = "/api/admin/registrar/points/{point}/orders";

    /// Every path of the API (the server's test checks its OpenAPI document against it).
    pub const ALL: [&str; 49] = [
        HEALTH,
        REFERENCE,
        SIGN_IN_METHOD,
        SESSION,
        SIGN_OUT,
        REGISTRATION,
        PROFILE,
        CONTENT,
        OPERATOR,
        OPENAPI,
        ADMIN_ME,
        ADMIN_ACCOUNTS,
        ADMIN_ACCOUNT,
        ADMIN_ACCOUNT_CONTRACTS,
        ADMIN_CONTRACT_SUBMISSION,
        ADMIN_CONTRACTS_SUBMITTED,
        ADMIN_CONTRACT_DECISION,
        ADMIN_AUDIT,
        ADMIN_ACCOUNT_POINTS,
        ADMIN_POINT_CUSTOMERS,
        ADMIN_POINT_ORDERS,
        ADMIN_POINT_ORDER_DECISION,
        ADMIN_POINT_LOOKUP,
        ADMIN_ACCOUNT_AUTHORISATIONS,
        ADMIN_AUTHORISATION_REVOCATION,
        ADMIN_ACCOUNT_USERS,
        ADMIN_ACCOUNT_USER,
        ADMIN_ACCOUNT_INVITATIONS,
        ADMIN_INVITATION_RESEND,
        ADMIN_INVITATION_WITHDRAWAL,
        ADMIN_INVITATION_LOOKUP,
        ADMIN_INVITATION_ACCEPTANCE,
        ADMIN_ATTACHMENTS,
        ADMIN_ATTACHMENT,
        ADMIN_CONTRACT_REGISTRAR_APPLICATIONS,
        ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS,
        ADMIN_REGISTRAR_APPLICATIONS,
        ADMIN_REGISTRAR_APPLICATION_DECISION,
        ADMIN_POINT_REGISTRARS,
        ADMIN_POINT_REGISTRAR_REMOVAL,
        ADMIN_POINT_CLOSURE,
        ADMIN_MY_CONTACT,
        ADMIN_MY_CONTACT_RESEND,
        ADMIN_MY_CONTACT_CONFIRMATION,
        ADMIN_NOTICES,
        ADMIN_NOTICE,
        ADMIN_REGISTRAR_CUSTOMERS,
        ADMIN_REGISTRAR_CERTIFICATES,
        ADMIN_REGISTRAR_ORDERS,
    ];

    /// `path` with its `{name}` parameters replaced by `values`, in order (for clients).
    pub fn with(path: &str, values: &[&str]) -> String {
        let mut filled = String::with_capacity(path.len());
        let mut rest = path;
        let mut values = values.iter();
        while let Some(open) = rest.find('{') {
            filled.push_str(&rest[..open]);
            let close = rest[open..]
                .find('}')
                .map_or(rest.len(), |close| open + close + 1);
            filled.push_str(values.next().copied().unwrap_or_default());
            rest = &rest[close..];
        }
        filled.push_str(rest);
        filled
    }
}

// The administration's paths come last in this file: the professionals' app's wasm carries the
// line numbers of this file's code before it (panic locations), so an addition here leaves
// that download byte for byte the same.
/// The registration-point administration (SPEC §5): its own app and bundle, under this prefix,
/// so that none of it is part of the professionals' download.
pub mod admin {
    /// The area's front page: what the signed-in person may do here.
    pub const HOME: &str = "/hallinta";
    /// The agency officer's list of customer accounts, with "Avaa asiakkuus".
    pub const ACCOUNTS: &str = "/hallinta/asiakkuudet";
    /// One customer account: its matters, points, authorisations and users.
    pub const ACCOUNT: &str = "/hallinta/asiakkuudet/{account}";
    /// A contract's printable page.
    pub const CONTRACT_PRINT: &str = "/hallinta/asiakkuudet/{account}/sopimukset/{contract}";
    /// The agency officer's contracts awaiting a decision.
    pub const CONTRACTS: &str = "/hallinta/sopimukset";
    /// The agency officer's registration-point orders awaiting a decision.
    pub const POINT_ORDERS: &str = "/hallinta/rekisterointipistetilaukset";
    /// The audit log (`?account=ID` for one account's).
    pub const AUDIT: &str = "/hallinta/muutosloki";
    /// Accepting an invitation (`?token=…`), after sign-in.
    pub const INVITATION: &str = "/hallinta/kutsu";
    /// Confirming a registrar's new contact email (`?token=…`), after sign-in as the same
    /// person: the link of the confirmation email.
    pub const CONTACT_CONFIRMATION: &str = "/hallinta/vahvista-sahkoposti";
    /// A registrar's registration point: its customers, card orders and certificates.
    pub const REGISTRAR_POINT: &str = "/hallinta/rekisterointipisteet/{point}";
    /// "Tee rekisteröijähakemus" on a county's granted contract.
    pub const REGISTRAR_APPLICATION: &str =
        "/hallinta/asiakkuudet/{account}/sopimukset/{contract}/rekisteroijahakemus";
    /// The agency officer's registrar applications awaiting a decision.
    pub const REGISTRAR_APPLICATIONS: &str = "/hallinta/rekisteroijahakemukset";
    /// "Muuta henkilötietoja": the registrar's contact email.
    pub const CONTACT_DETAILS: &str = "/hallinta/henkilotiedot";
    /// The agency officer's notices to every registrar.
    pub const NOTICES: &str = "/hallinta/tiedotteet";

    /// Whether `path` (without its query) is one of the area's pages.
    pub fn contains(path: &str) -> bool {
        path == HOME || path.starts_with("/hallinta/") || path.starts_with("/hallinta?")
    }
}

#[cfg(test)]
mod tests {
    use super::api;

    #[test]
    fn with_fills_each_parameter_in_order() {
        assert_eq!(
            api::with(api::ADMIN_CONTRACT_SUBMISSION, &["7", "42"]),
            "/api/admin/accounts/7/contracts/42/submission"
        );
        assert_eq!(
            api::with(api::ADMIN_ACCOUNT, &["7"]),
            "/api/admin/accounts/7"
        );
        assert_eq!(api::with(api::HEALTH, &[]), api::HEALTH);
        // Too few values leave the parameter empty, never the template's braces.
        assert_eq!(api::with(api::ADMIN_ACCOUNT, &[]), "/api/admin/accounts/");
    }
}

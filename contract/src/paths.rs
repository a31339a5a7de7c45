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
    /// `GET`: this API's OpenAPI document.
    pub const OPENAPI: &str = "/api/openapi.json";

    /// Every path of the API (the server's test checks its OpenAPI document against it).
    pub const ALL: [&str; 9] = [
        HEALTH,
        REFERENCE,
        SIGN_IN_METHOD,
        SESSION,
        SIGN_OUT,
        REGISTRATION,
        PROFILE,
        CONTENT,
        OPENAPI,
    ];
}

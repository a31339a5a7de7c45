//! The links the app writes and the server redirects to, built in one place so both write
//! the same URL: sign-in starts, the identification step, and where a sign-in lands.

use domain::{AccountProgress, FlowStep, SignInProvider, safe_return_path};

use crate::paths;

/// Percent-encodes a query value: everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The server path that starts a sign-in with `provider` and returns to `return_to` (made
/// safe with [`safe_return_path`]).
pub fn start_path(provider: SignInProvider, return_to: Option<&str>) -> String {
    format!(
        "{}?provider={}&return_to={}",
        paths::auth::START,
        percent_encode(&provider.to_string()),
        percent_encode(&safe_return_path(return_to))
    )
}

/// The identification step, to come back to `return_to` (made safe with
/// [`safe_return_path`]) after sign-in: every "sign in" link of the app and the server's
/// return after a failed sign-in.
pub fn identification_path(return_to: &str) -> String {
    format!(
        "{}?return_to={}",
        paths::IDENTIFICATION,
        percent_encode(&safe_return_path(Some(return_to)))
    )
}

/// The page of a step of the flow.
pub fn step_path(step: FlowStep) -> &'static str {
    match step {
        FlowStep::Registration => paths::REGISTRATION,
        FlowStep::Profile => paths::PROFILE,
    }
}

/// Where the user lands after signing in (SPEC §1–§3): the step the account needs next, else
/// the path they came for (the section when they came for nothing in particular). A deep link
/// survives the steps as their `return_to`.
pub fn landing_path(progress: AccountProgress, return_to: Option<&str>) -> String {
    let wanted = safe_return_path(return_to);
    let Some(step) = progress.next_step().map(step_path) else {
        return if wanted == paths::HOME {
            paths::SECTION.to_owned()
        } else {
            wanted
        };
    };
    if wanted == paths::HOME || wanted.starts_with(step) {
        step.to_owned()
    } else {
        format!("{step}?return_to={}", percent_encode(&wanted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use AccountProgress::{Profiled, Registered, Unregistered};

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            percent_encode("organisation:PÄIJÄTHA"),
            "organisation%3AP%C3%84IJ%C3%84THA"
        );
        assert_eq!(percent_encode("/a b?c=d&e~"), "%2Fa%20b%3Fc%3Dd%26e~");
    }

    #[test]
    fn sign_in_links_return_to_this_site_only() {
        assert_eq!(
            identification_path("/osio?x=1"),
            "/tunnistautuminen?return_to=%2Fosio%3Fx%3D1"
        );
        assert_eq!(
            identification_path("https://evil.example/"),
            "/tunnistautuminen?return_to=%2F"
        );
        let pirha = SignInProvider::Organisation("PÄIJÄTHA".parse().unwrap());
        assert_eq!(
            start_path(pirha, Some("//evil.example")),
            "/auth/start?provider=organisation%3AP%C3%84IJ%C3%84THA&return_to=%2F"
        );
    }

    #[test]
    fn sign_in_lands_on_the_next_step_of_the_flow() {
        assert_eq!(landing_path(Unregistered, None), "/rekisteroityminen");
        assert_eq!(landing_path(Unregistered, Some("/")), "/rekisteroityminen");
        assert_eq!(landing_path(Registered, None), "/profiili");
        assert_eq!(landing_path(Profiled, None), "/osio");
        assert_eq!(landing_path(Profiled, Some("/")), "/osio");
    }

    #[test]
    fn a_deep_link_survives_the_registration_and_profile_steps() {
        assert_eq!(
            landing_path(Unregistered, Some("/omat-tiedot")),
            "/rekisteroityminen?return_to=%2Fomat-tiedot"
        );
        assert_eq!(
            landing_path(Registered, Some("/osio")),
            "/profiili?return_to=%2Fosio"
        );
        assert_eq!(landing_path(Profiled, Some("/omat-tiedot")), "/omat-tiedot");
        // Coming for the step itself does not loop back to it.
        assert_eq!(
            landing_path(Unregistered, Some("/rekisteroityminen")),
            "/rekisteroityminen"
        );
        // Another site is never a landing.
        assert_eq!(landing_path(Profiled, Some("//evil.example")), "/osio");
    }
}

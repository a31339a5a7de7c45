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

/// [`landing_path`] for the server's sign-in, which knows whether the person is in the
/// registration-point administration (`administration`: an agency officer or a member of a
/// customer account). A page of the area asked for is always where one lands (an invitation's
/// link is for someone who is not a member yet), whatever the professional steps. Otherwise a
/// person of the area lands on its front page, which also offers the professionals' section to
/// one who is registered there, unless they came for a page of that section: never on a
/// professional form that is not theirs. (The professionals' app calls [`landing_path`] only,
/// so these rules are not in its download.)
pub fn landing_path_of(
    progress: AccountProgress,
    administration: bool,
    return_to: Option<&str>,
) -> String {
    let wanted = safe_return_path(return_to);
    if paths::admin::contains(&wanted) {
        return wanted;
    }
    if administration && (wanted == paths::HOME || progress == AccountProgress::Unregistered) {
        return paths::admin::HOME.to_owned();
    }
    landing_path(progress, Some(&wanted))
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
    fn a_person_of_the_administration_lands_in_it_never_on_a_form_not_theirs() {
        // An officer or administrator without a professional registration: the area.
        assert_eq!(landing_path_of(Unregistered, true, None), "/hallinta");
        assert_eq!(
            landing_path_of(Unregistered, true, Some("/osio")),
            "/hallinta"
        );
        // Both: the area's front page, which offers the section too; a page of the section
        // asked for is kept.
        assert_eq!(landing_path_of(Profiled, true, Some("/")), "/hallinta");
        assert_eq!(landing_path_of(Profiled, true, Some("/osio")), "/osio");
        assert_eq!(
            landing_path_of(Registered, true, Some("/osio")),
            "/profiili?return_to=%2Fosio"
        );
        // A page of the area asked for (an invitation's link) is where anyone lands.
        assert_eq!(
            landing_path_of(Unregistered, false, Some("/hallinta/kutsu?token=abc")),
            "/hallinta/kutsu?token=abc"
        );
        assert_eq!(
            landing_path_of(Profiled, false, Some("/hallinta/asiakkuudet/7")),
            "/hallinta/asiakkuudet/7"
        );
        // Not the area: a path that only begins alike.
        assert_eq!(
            landing_path_of(Unregistered, true, Some("/hallintax")),
            "/hallinta"
        );
        assert_eq!(
            landing_path_of(Unregistered, false, Some("/hallintax")),
            "/rekisteroityminen?return_to=%2Fhallintax"
        );
        // A professional is not sent to the area.
        assert_eq!(
            landing_path_of(Unregistered, false, None),
            "/rekisteroityminen"
        );
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

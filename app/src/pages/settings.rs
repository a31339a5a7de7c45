//! "Omat tiedot" (settings): the registration and the profile, edited with the same forms
//! that made them. A change of the professional group changes the section's list.

use contract::paths;
use leptos::prelude::*;

use crate::components::profile_form::ProfileForm;
use crate::components::registration_form::RegistrationForm;
use crate::form::{FormMode, FormState};
use crate::i18n::{Text, use_i18n, use_page_title_flagged};
use crate::pages::gate::{AccountGate, Step};
use crate::session::use_session;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let registration_form = FormState::new();
    let profile_form = FormState::new();
    let registration_errors = registration_form.summary_shown();
    let profile_errors = profile_form.summary_shown();
    use_page_title_flagged(
        Text::SettingsTitle,
        Signal::derive(move || registration_errors.get() || profile_errors.get()),
    );
    let session = use_session();
    // The forms start from what the server holds now, not from what this tab loaded at
    // start: another tab may have registered or edited meanwhile.
    let fresh = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        session.refresh().await;
        fresh.set(true);
    });

    let on_registration_saved = Callback::new(move |registration| {
        session.session.update(|session| {
            if let Some(session) = session {
                session.registration = Some(registration);
            }
        });
    });
    let on_profile_saved = Callback::new(move |profile| {
        session.session.update(|session| {
            if let Some(session) = session {
                session.profile = Some(profile);
            }
        });
    });

    view! {
        <h1>{i18n.t(Text::SettingsTitle)}</h1>
        <Show when=move || fresh.get() fallback=move || view! { <p>{i18n.t(Text::Loading)}</p> }>
        <AccountGate
            step=Step::Settings
            here=paths::SETTINGS
            ready=move |_name: String| {
                // The forms start from what is stored now; they keep their own state after.
                let (registration, profile) = session
                    .session
                    .with_untracked(|session| {
                        session
                            .as_ref()
                            .map(|session| (session.registration.clone(), session.profile))
                            .unwrap_or_default()
                    });
                view! {
                    <p>{i18n.t(Text::SettingsLead)}</p>
                    <section aria-labelledby="settings-contact">
                        <h2 id="settings-contact">{i18n.t(Text::SettingsContactHeading)}</h2>
                        {registration
                            .map(|registration| {
                                view! {
                                    <RegistrationForm
                                        mode=FormMode::Edit
                                        initial=registration.to_input()
                                        form=registration_form
                                        on_saved=on_registration_saved
                                        return_to=paths::SETTINGS
                                        nested=true
                                    />
                                }
                            })}
                    </section>
                    <section aria-labelledby="settings-profile">
                        <h2 id="settings-profile">{i18n.t(Text::SettingsProfileHeading)}</h2>
                        {match profile {
                            Some(profile) => {
                                view! {
                                    <ProfileForm
                                        mode=FormMode::Edit
                                        initial=profile.to_input()
                                        form=profile_form
                                        on_saved=on_profile_saved
                                        return_to=paths::SETTINGS
                                    />
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <p>
                                        <a href=paths::PROFILE>{i18n.t(Text::GoToProfile)}</a>
                                    </p>
                                }
                                    .into_any()
                            }
                        }}
                    </section>
                }
            }
        />
        </Show>
    }
}

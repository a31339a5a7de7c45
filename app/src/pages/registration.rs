//! The registration page (SPEC §2): after the first sign-in, a user with no registration
//! fills in phone, email and cooperation organisations once. The name comes from the
//! identity. After saving, the flow goes on to the profile, with the deep link kept.

use contract::links::landing_path;
use contract::paths;
use domain::AccountProgress;
use domain::registration::RegistrationInput;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::registration_form::RegistrationForm;
use crate::form::{FormMode, FormState};
use crate::i18n::{Text, use_i18n, use_page_title_flagged};
use crate::pages::gate::{AccountGate, Step};

/// The registration page.
#[component]
pub fn RegistrationPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    use_page_title_flagged(Text::RegistrationTitle, form.summary_shown());
    let return_to = use_query_map().with_untracked(|query| query.get("return_to"));
    let navigate = use_navigate();
    let session = crate::session::use_session();

    let on_saved = Callback::new(move |registration| {
        let profiled = session
            .session
            .with_untracked(|session| session.as_ref().is_some_and(|s| s.profile.is_some()));
        navigate(
            &landing_path(AccountProgress::of(true, profiled), return_to.as_deref()),
            Default::default(),
        );
        session.session.update(|session| {
            if let Some(session) = session {
                session.registration = Some(registration);
            }
        });
    });

    view! {
        <h1>{i18n.t(Text::RegistrationTitle)}</h1>
        <AccountGate
            step=Step::Registration
            here=paths::REGISTRATION
            ready=move |name: String| {
                view! {
                    <p>{i18n.t(Text::RegistrationLead)}</p>
                    <p class="app-form__required">{i18n.t(Text::AllRequired)}</p>
                    <div class="app-field">
                        <p class="app-field__label" id="name-label">
                            {i18n.t(Text::NameLabel)}
                        </p>
                        <p class="app-readonly" aria-labelledby="name-label">
                            {name}
                        </p>
                        <p class="app-field__hint">{i18n.t(Text::NameHint)}</p>
                    </div>
                    <RegistrationForm
                        mode=FormMode::Create
                        initial=RegistrationInput::default()
                        form=form
                        on_saved=on_saved
                        return_to=paths::REGISTRATION
                    />
                }
            }
        />
    }
}

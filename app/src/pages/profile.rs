//! The profile page (SPEC §3): after registering, the user chooses the professional group
//! (and, if they want, the wellbeing county) once. Saving says the user is now registered and
//! puts the link into the section at the top of the page, focused.

use contract::links::landing_path;
use contract::paths;
use domain::AccountProgress;
use domain::registration::ProfileInput;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::profile_form::ProfileForm;
use crate::form::{FormMode, FormState};
use crate::i18n::{Text, use_i18n, use_page_title_flagged};
use crate::pages::gate::{AccountGate, Step};
use crate::session::use_session;

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    use_page_title_flagged(Text::ProfileTitle, form.summary_shown());
    let return_to = use_query_map().with_untracked(|query| query.get("return_to"));
    let session = use_session();
    // Set after saving: the way into the section.
    let done = RwSignal::new(None::<String>);
    let done_heading = NodeRef::<leptos::html::H2>::new();

    let on_saved = Callback::new(move |profile| {
        done.set(Some(landing_path(
            AccountProgress::Profiled,
            return_to.as_deref(),
        )));
        session.session.update(|session| {
            if let Some(session) = session {
                session.profile = Some(profile);
            }
        });
        request_animation_frame(move || {
            if let Some(heading) = done_heading.get_untracked() {
                let _ = heading.focus();
            }
        });
    });

    view! {
        <h1>{i18n.t(Text::ProfileTitle)}</h1>
        {move || match done.get() {
            Some(section) => {
                view! {
                    <div class="app-confirmation">
                        <h2 tabindex="-1" node_ref=done_heading>
                            {i18n.t(Text::ProfileSavedTitle)}
                        </h2>
                        <p>
                            <a class="app-button app-button--primary" href=section>
                                {i18n.t(Text::OpenSection)}
                            </a>
                        </p>
                    </div>
                }
                    .into_any()
            }
            None => {
                view! {
                    <AccountGate
                        step=Step::Profile
                        here=paths::PROFILE
                        ready=move |_name: String| {
                            view! {
                                <p>{i18n.t(Text::ProfileLead)}</p>
                                <ProfileForm
                                    mode=FormMode::Create
                                    initial=ProfileInput::default()
                                    form=form
                                    on_saved=on_saved
                                    return_to=paths::PROFILE
                                />
                            }
                        }
                    />
                }
                    .into_any()
            }
        }}
    }
}

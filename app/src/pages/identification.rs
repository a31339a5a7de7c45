//! The identification step (SPEC §1): the role "Olen ammattilainen", then the two methods side
//! by side, organisation identification (group, then organisation) and personal Suomi.fi
//! identification, with the guide "which one is mine?" on the same page. The chosen method
//! hands over to the server's `/auth/start`, which takes the user to the identity provider;
//! the path the user came for travels along and is where they return.

use contract::error::SignInFailure;
use contract::links::start_path;
use domain::{OrganisationCode, OrganisationGroup, SignInProvider};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::sign_in_guide::SignInGuide;
use crate::i18n::{Text, use_i18n, use_page_title};

/// The identification page.
#[component]
pub fn IdentificationPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::IdentificationTitle);
    let query = use_query_map();
    let return_to = Memo::new(move |_| query.with(|query| query.get("return_to")));
    // A sign-in that came back without signing anybody in says why (the server's code).
    let failure = query
        .with_untracked(|query| query.get("error"))
        .map(|code| match SignInFailure::parse(&code) {
            SignInFailure::Cancelled => Text::SignInCancelled,
            SignInFailure::Expired => Text::SignInExpired,
            SignInFailure::MeansNotAccepted => Text::MeansNotAccepted,
            SignInFailure::Failed | SignInFailure::Unknown => Text::SignInFailed,
        });
    let professional = RwSignal::new(false);
    let group = RwSignal::new(None::<OrganisationGroup>);
    let organisation = RwSignal::new(None::<OrganisationCode>);
    let methods_heading = NodeRef::<leptos::html::H2>::new();

    let start_link =
        move |provider: SignInProvider| start_path(provider, return_to.get().as_deref());

    let group_options = move || {
        let language = i18n.language();
        OrganisationGroup::ALL
            .into_iter()
            .map(|option| {
                radio_choice(
                    "organisation-group",
                    format!("group-{option:?}"),
                    option.name().get(language).to_owned(),
                    group,
                    option,
                    move || organisation.set(None),
                )
            })
            .collect_view()
    };

    let organisation_options = move || {
        let language = i18n.language();
        let chosen_group = group.get()?;
        Some(view! {
            <fieldset class="app-fieldset">
                <legend>{i18n.t(Text::ChooseOrganisation)}</legend>
                {OrganisationCode::all()
                    .filter(|code| code.organisation().group == chosen_group)
                    .map(|code| {
                        radio_choice(
                            "organisation",
                            format!("organisation-{}", code.as_str()),
                            format!("{} ({})", code.organisation().name.get(language), code.as_str()),
                            organisation,
                            code,
                            || {},
                        )
                    })
                    .collect_view()}
            </fieldset>
        })
    };

    view! {
        <h1>{i18n.t(Text::IdentificationTitle)}</h1>
        {failure
            .map(|text| {
                view! {
                    <div class="app-alert" role="alert">
                        <p>{i18n.t(text)}</p>
                    </div>
                }
            })}
        <fieldset class="app-fieldset">
            <legend>{i18n.t(Text::RoleLegend)}</legend>
            <button
                type="button"
                class="app-button"
                aria-pressed=move || professional.get().to_string()
                on:click=move |_| {
                    professional.set(true);
                    request_animation_frame(move || {
                        if let Some(heading) = methods_heading.get() {
                            let _ = heading.focus();
                        }
                    });
                }
            >
                {i18n.t(Text::RoleProfessional)}
            </button>
        </fieldset>
        <Show when=move || professional.get()>
            <p>{i18n.t(Text::MethodsLead)}</p>
            <div class="app-methods">
                <section class="app-method" aria-labelledby="method-organisation">
                    <h2 id="method-organisation" tabindex="-1" node_ref=methods_heading>
                        {i18n.t(Text::MethodOrganisationTitle)}
                    </h2>
                    <p>{i18n.t(Text::MethodOrganisationLead)}</p>
                    <fieldset class="app-fieldset">
                        <legend>{i18n.t(Text::ChooseGroup)}</legend>
                        {group_options}
                    </fieldset>
                    {organisation_options}
                    {move || {
                        organisation
                            .get()
                            .map(|code| {
                                view! {
                                    <a
                                        class="app-button app-button--primary"
                                        href=start_link(SignInProvider::Organisation(code))
                                        rel="external"
                                    >
                                        {i18n.t(Text::ContinueOrganisation)}
                                    </a>
                                }
                            })
                    }}
                </section>
                <section class="app-method" aria-labelledby="method-personal">
                    <h2 id="method-personal">{i18n.t(Text::MethodPersonalTitle)}</h2>
                    <p>{i18n.t(Text::MethodPersonalLead)}</p>
                    <a
                        class="app-button app-button--primary"
                        href=move || start_link(SignInProvider::SuomiFi)
                        rel="external"
                        aria-label=i18n.t(Text::ContinuePersonalLabel)
                    >
                        {i18n.t(Text::ContinuePersonal)}
                    </a>
                </section>
            </div>
        </Show>
        <div class="app-identification__guide">
            <SignInGuide />
        </div>
    }
}

/// One radio button with its label: checked while `chosen` holds `value`; choosing it sets
/// `chosen` and then runs `and_then`.
fn radio_choice<T>(
    name: &'static str,
    id: String,
    label: String,
    chosen: RwSignal<Option<T>>,
    value: T,
    and_then: impl Fn() + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <div class="app-choice">
            <input
                type="radio"
                id=id.clone()
                name=name
                prop:checked=move || chosen.get() == Some(value)
                on:change=move |_| {
                    chosen.set(Some(value));
                    and_then();
                }
            />
            <label for=id>{label}</label>
        </div>
    }
}

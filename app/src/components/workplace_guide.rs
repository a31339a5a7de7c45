//! "Which sign-in method is mine?": the organisations that offer organisation identification,
//! by group, and a question whose answer is the domain's sign-in method rule.

use domain::{Language, OrganisationCode, OrganisationGroup, SignInMethod};
use leptos::prelude::*;

use crate::i18n::{Text, organisation_code_error, use_i18n};

/// The organisations that offer organisation identification, in catalogue order.
fn catalogue() -> impl Iterator<Item = OrganisationCode> {
    OrganisationCode::all().filter(|code| code.organisation().offers_organisation_identification)
}

/// The sign-in guide over the organisation catalogue compiled into `domain` (the same data
/// `GET /api/reference` serves), so it shows without waiting for a request.
#[component]
pub fn WorkplaceGuide() -> impl IntoView {
    let i18n = use_i18n();
    let workplace = RwSignal::new(String::new());
    let verdict =
        Memo::new(move |_| workplace.with(|code| SignInMethod::for_workplace(Some(code.as_str()))));

    let groups = move || {
        let language = i18n.language();
        OrganisationGroup::ALL
            .into_iter()
            .map(|group| {
                let items = catalogue()
                    .filter(|code| code.organisation().group == group)
                    .map(|code| {
                        view! {
                            <li>
                                {code.organisation().name.get(language)} " ("
                                <abbr>{code.as_str()}</abbr> ")"
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h3 class="app-workplace-guide__group">{group.name().get(language)}</h3>
                    <ul class="app-workplace-guide__list">{items}</ul>
                }
            })
            .collect_view()
    };

    let options = move || {
        let language = i18n.language();
        catalogue()
            .map(|organisation| {
                let code = organisation.as_str();
                view! {
                    <option value=code selected=move || workplace.with(|chosen| chosen == code)>
                        {format!("{} ({code})", organisation.organisation().name.get(language))}
                    </option>
                }
            })
            .collect_view()
    };

    let verdict_text = move || verdict_text(verdict.get(), i18n.language());

    view! {
        <section class="app-workplace-guide" aria-labelledby="workplace-guide-title">
            <h2 id="workplace-guide-title">{i18n.t(Text::GuideTitle)}</h2>
            <p class="app-workplace-guide__question">{i18n.t(Text::GuideQuestion)}</p>
            <p>{i18n.t(Text::GuideOrganisationsLead)}</p>
            {groups}
            <div class="app-workplace-guide__field">
                <label for="workplace">{i18n.t(Text::WorkplaceLabel)}</label>
                <select
                    id="workplace"
                    aria-describedby="workplace-verdict"
                    on:change:target=move |event| workplace.set(event.target().value())
                >
                    <option value="" selected=move || workplace.with(String::is_empty)>
                        {i18n.t(Text::WorkplaceNone)}
                    </option>
                    {options}
                </select>
            </div>
            <p id="workplace-verdict" class="app-workplace-guide__verdict" role="status">
                {verdict_text}
            </p>
        </section>
    }
}

fn verdict_text(
    verdict: Result<SignInMethod, domain::OrganisationCodeError>,
    language: Language,
) -> String {
    match verdict {
        Ok(SignInMethod::Organisation {
            organisation,
            group,
        }) => {
            let group_name = group.name().get(language);
            format!(
                "{} {group_name} → {}",
                Text::VerdictOrganisation.get(language),
                organisation.as_str()
            )
        }
        Ok(SignInMethod::Personal) => format!(
            "{} {}",
            Text::VerdictPersonal.get(language),
            Text::PersonalMethodName.get(language)
        ),
        Err(error) => organisation_code_error(error, language).to_owned(),
    }
}

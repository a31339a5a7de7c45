//! The profile form (SPEC §3): "Ammattiryhmä" (required) and "Hyvinvointialue" (optional,
//! with an explicit "not selected"). The same form makes the profile and edits it in
//! "Omat tiedot"; checks, summary, draft and failures work as in the registration form.

use domain::Field;
use domain::profession::ProfessionalGroup;
use domain::reference::WellbeingCountyCode;
use domain::registration::{Profile, ProfileInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api;
use crate::form::{
    ErrorSummary, FieldInfo, FormActions, FormMode, FormParts, FormState, load_draft,
};
use crate::i18n::{Text, use_i18n};

const GROUP_ID: &str = "professional-group";
const COUNTY_ID: &str = "wellbeing-county";

const FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::ProfessionalGroup,
        target: GROUP_ID,
    },
    FieldInfo {
        field: Field::WellbeingCounty,
        target: COUNTY_ID,
    },
];

fn draft_key(mode: FormMode) -> &'static str {
    match mode {
        FormMode::Create => "profile",
        FormMode::Edit => "profile-edit",
    }
}

/// The form.
#[component]
pub fn ProfileForm(
    /// Create or edit.
    mode: FormMode,
    /// The starting values.
    initial: ProfileInput,
    /// The form's state, owned by the page.
    form: FormState,
    /// Runs with the stored profile after a successful save.
    on_saved: Callback<Profile>,
    /// Where "sign in again" returns to.
    return_to: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = draft_key(mode);
    let start = load_draft::<ProfileInput>(key).unwrap_or_else(|| initial.clone());
    let initial = StoredValue::new(initial);
    let group = RwSignal::new(start.professional_group);
    let county = RwSignal::new(start.wellbeing_county.unwrap_or_default());
    let summary_ref = NodeRef::new();

    let current = move || ProfileInput {
        professional_group: group.get_untracked(),
        wellbeing_county: Some(county.get_untracked()).filter(|code| !code.is_empty()),
    };
    let codes = move || {
        current()
            .validate()
            .err()
            .map(|errors| errors.to_field_errors())
            .unwrap_or_default()
    };
    let changed = move |field: Field| {
        initial.with_value(|initial| form.changed(key, initial, &current(), field, &codes()));
    };

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let value = current();
        let check = value
            .validate()
            .map(|_| ())
            .map_err(|errors| errors.to_field_errors());
        form.submit(
            FormParts {
                fields: FIELDS,
                summary: summary_ref,
                draft: key,
            },
            check,
            async move { api::save_profile(&value, mode).await },
            move |profile: Profile| {
                form.saved.set(mode == FormMode::Edit);
                initial.set_value(profile.to_input());
                on_saved.run(profile);
            },
            |_| {},
        );
    };

    let group_error = form.message(Field::ProfessionalGroup);
    let county_error = form.message(Field::WellbeingCounty);
    let group_options = move || {
        let language = i18n.language();
        ProfessionalGroup::ALL
            .into_iter()
            .map(|option| {
                let code = option.code();
                view! {
                    <option value=code selected=move || group.with(|group| group == code)>
                        {option.name().get(language)}
                    </option>
                }
            })
            .collect_view()
    };
    let county_options = move || {
        let language = i18n.language();
        WellbeingCountyCode::all()
            .map(|option| {
                let code = option.as_str();
                view! {
                    <option value=code selected=move || county.with(|county| county == code)>
                        {option.region().name.get(language)}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <form class="app-form" novalidate=true on:submit=submit>
            <ErrorSummary form=form fields=FIELDS heading_id="profile-errors" node_ref=summary_ref />
            <div class="app-field" class:app-field--error=move || group_error.get().is_some()>
                <label class="app-field__label" for=GROUP_ID>
                    {i18n.t(Text::GroupLabel)}
                </label>
                <p class="app-field__hint" id="professional-group-hint">
                    {i18n.t(Text::GroupHint)}
                </p>
                <p
                    class="app-field__error"
                    id="professional-group-error"
                    hidden=move || group_error.get().is_none()
                >
                    {move || group_error.get()}
                </p>
                <select
                    id=GROUP_ID
                    name=GROUP_ID
                    aria-describedby=move || {
                        if group_error.get().is_some() {
                            "professional-group-hint professional-group-error"
                        } else {
                            "professional-group-hint"
                        }
                    }
                    aria-invalid=move || group_error.get().is_some().then_some("true")
                    on:change=move |event| {
                        group.set(event_target_value(&event));
                        changed(Field::ProfessionalGroup);
                    }
                    on:blur=move |_| form.show_field(Field::ProfessionalGroup, &codes())
                >
                    <option value="" selected=move || group.with(String::is_empty)>
                        {i18n.t(Text::GroupChoose)}
                    </option>
                    {group_options}
                </select>
            </div>
            <div class="app-field" class:app-field--error=move || county_error.get().is_some()>
                <label class="app-field__label" for=COUNTY_ID>
                    {i18n.t(Text::CountyLabel)}
                </label>
                <p class="app-field__hint" id="wellbeing-county-hint">
                    {i18n.t(Text::CountyHint)}
                </p>
                <p
                    class="app-field__error"
                    id="wellbeing-county-error"
                    hidden=move || county_error.get().is_none()
                >
                    {move || county_error.get()}
                </p>
                <select
                    id=COUNTY_ID
                    name=COUNTY_ID
                    aria-describedby=move || {
                        if county_error.get().is_some() {
                            "wellbeing-county-hint wellbeing-county-error"
                        } else {
                            "wellbeing-county-hint"
                        }
                    }
                    aria-invalid=move || county_error.get().is_some().then_some("true")
                    on:change=move |event| {
                        county.set(event_target_value(&event));
                        changed(Field::WellbeingCounty);
                    }
                >
                    <option value="" selected=move || county.with(String::is_empty)>
                        {i18n.t(Text::CountyNotSelected)}
                    </option>
                    {county_options}
                </select>
            </div>
            <FormActions
                form=form
                return_to=return_to
                label=match mode {
                    FormMode::Create => Text::SaveProfile,
                    FormMode::Edit => Text::SaveChanges,
                }
            />
        </form>
    }
}

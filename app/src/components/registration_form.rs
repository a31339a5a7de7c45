//! The registration form (SPEC §2): phone, email and the cooperation organisations. The same
//! form makes the registration after the first sign-in and edits it in "Omat tiedot".
//!
//! Checks are the domain's `RegistrationInput::validate`, the same the server runs: a field's
//! error shows once the field is left, every error on submit with the summary focused, and a
//! server 422 lands in the same places. What the user types is kept in `sessionStorage` at
//! every change, so a reload or a failed save loses nothing; a successful save clears it.

use domain::Field;
use domain::registration::{Registration, RegistrationInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api;
use crate::components::organisation_picker::{OrganisationPicker, PICKER_INPUT_ID};
use crate::form::{
    ErrorSummary, Failure, FieldInfo, FormActions, FormMode, FormParts, FormState, TextField,
    load_draft, save_draft,
};
use crate::i18n::Text;

/// The form's fields in page order, for the error summary.
const FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::Phone,
        target: "phone",
    },
    FieldInfo {
        field: Field::Email,
        target: "email",
    },
    FieldInfo {
        field: Field::Organisations,
        target: PICKER_INPUT_ID,
    },
];

/// The draft's key for a mode: the first registration and an edit keep separate drafts.
fn draft_key(mode: FormMode) -> &'static str {
    match mode {
        FormMode::Create => "registration",
        FormMode::Edit => "registration-edit",
    }
}

/// The form. `initial` is what the fields start with when the tab has no draft.
#[component]
pub fn RegistrationForm(
    /// Create or edit.
    mode: FormMode,
    /// The starting values (empty, or the stored registration).
    initial: RegistrationInput,
    /// The form's state, owned by the page (for the title's error prefix).
    form: FormState,
    /// Runs with the stored registration after a successful save.
    on_saved: Callback<Registration>,
    /// Where "sign in again" returns to.
    return_to: &'static str,
    /// Whether the form sits under a section heading.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let key = draft_key(mode);
    let start = load_draft::<RegistrationInput>(key).unwrap_or_else(|| initial.clone());
    let initial = StoredValue::new(initial);
    let phone = RwSignal::new(start.phone);
    let email = RwSignal::new(start.email);
    let organisations = RwSignal::new(start.organisations);
    let summary_ref = NodeRef::new();

    let current = move || RegistrationInput {
        phone: phone.get_untracked(),
        email: email.get_untracked(),
        organisations: organisations.get_untracked(),
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
    let left = move |field: Field| form.show_field(field, &codes());

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let value = current();
        let check = value
            .validate()
            .map(|_| ())
            .map_err(|errors| errors.to_field_errors());
        let typed = value.clone();
        form.submit(
            FormParts {
                fields: FIELDS,
                summary: summary_ref,
                draft: key,
            },
            check,
            async move { api::save_registration(&value, mode).await },
            move |registration: Registration| {
                form.saved.set(mode == FormMode::Edit);
                initial.set_value(registration.to_input());
                on_saved.run(registration);
            },
            move |failure| {
                if failure == Failure::AlreadyRegistered {
                    // What was typed goes along to the editing form.
                    save_draft(draft_key(FormMode::Edit), &typed);
                }
            },
        );
    };

    view! {
        <form class="app-form" novalidate=true on:submit=submit>
            <ErrorSummary
                form=form
                fields=FIELDS
                heading_id="registration-errors"
                node_ref=summary_ref
            />
            <TextField
                id="phone"
                label=Text::PhoneLabel
                hint=Text::PhoneHint
                value=phone
                error=form.message(Field::Phone)
                input_type="tel"
                autocomplete="tel"
                inputmode="tel"
                on_leave=Callback::new(move |()| left(Field::Phone))
                on_change=Callback::new(move |()| changed(Field::Phone))
            />
            <TextField
                id="email"
                label=Text::EmailLabel
                hint=Text::EmailHint
                value=email
                error=form.message(Field::Email)
                input_type="email"
                autocomplete="email"
                inputmode="email"
                on_leave=Callback::new(move |()| left(Field::Email))
                on_change=Callback::new(move |()| changed(Field::Email))
            />
            <OrganisationPicker
                chosen=organisations
                error=form.message(Field::Organisations)
                on_leave=Callback::new(move |()| left(Field::Organisations))
                on_change=Callback::new(move |()| changed(Field::Organisations))
                nested=nested
            />
            <FormActions
                form=form
                return_to=return_to
                label=match mode {
                    FormMode::Create => Text::SaveAndContinue,
                    FormMode::Edit => Text::SaveChanges,
                }
            />
        </form>
    }
}

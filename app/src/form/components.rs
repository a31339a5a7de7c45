//! The forms' shared components: the error summary, a labelled text field, the submit button,
//! and what a failed or successful save says beside it.

use contract::links::identification_path;
use contract::paths;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Failure, FieldInfo, FormState};
use crate::i18n::{Text, use_i18n};
use crate::messages::field_error;

/// The error summary at the top of a form: a heading and a link to each invalid field. It
/// receives focus after a submit that found errors (the caller focuses `node_ref`).
#[component]
pub fn ErrorSummary(
    /// The form.
    form: FormState,
    /// The form's fields, in page order.
    fields: &'static [FieldInfo],
    /// Unique id of the heading.
    heading_id: &'static str,
    /// The summary's element, to focus.
    node_ref: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = form.summary_shown();
    view! {
        <div
            class="app-error-summary"
            tabindex="-1"
            aria-labelledby=heading_id
            node_ref=node_ref
            hidden=move || !shown.get()
        >
            <h2 id=heading_id class="app-error-summary__title">
                {i18n.t(Text::ErrorSummaryTitle)}
            </h2>
            <ul class="app-error-summary__list">
                {move || {
                    let language = i18n.language();
                    form.errors
                        .with(|errors| {
                            fields
                                .iter()
                                .filter_map(|info| {
                                    let error = *errors.get(&info.field)?;
                                    let target = info.target;
                                    Some(
                                        view! {
                                            <li>
                                                <a
                                                    href=format!("#{target}")
                                                    on:click=move |event| {
                                                        event.prevent_default();
                                                        focus_by_id(target);
                                                    }
                                                >
                                                    {field_error(error, language)}
                                                </a>
                                            </li>
                                        },
                                    )
                                })
                                .collect_view()
                        })
                }}
            </ul>
        </div>
    }
}

/// A labelled text input with its hint and error, tied together with `aria-describedby`.
#[component]
pub fn TextField(
    /// The input's id (also the summary's link target).
    id: &'static str,
    /// The visible label.
    label: Text,
    /// The hint under the label.
    hint: Text,
    /// The value.
    value: RwSignal<String>,
    /// The error message, when there is one.
    error: Signal<Option<&'static str>>,
    /// `type`: `tel`, `email`, `text`.
    input_type: &'static str,
    /// `autocomplete`.
    autocomplete: &'static str,
    /// `inputmode`.
    inputmode: &'static str,
    /// Runs when the field is left (its check).
    on_leave: Callback<()>,
    /// Runs after each change.
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="app-field" class:app-field--error=move || error.get().is_some()>
            <label class="app-field__label" for=id>
                {i18n.t(label)}
            </label>
            <p class="app-field__hint" id=hint_id>
                {i18n.t(hint)}
            </p>
            <p class="app-field__error" id=error_id hidden=move || error.get().is_none()>
                {move || error.get()}
            </p>
            <input
                class="app-input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |event| {
                    value.set(event_target_value(&event));
                    on_change.run(());
                }
                on:blur=move |_| on_leave.run(())
            />
        </div>
    }
}

/// The submit button: shows progress while a save is in flight and ignores further presses
/// (it stays focusable, so focus is not lost).
#[component]
pub fn SubmitButton(form: FormState, label: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="submit"
            class="app-button app-button--primary"
            aria-disabled=move || form.pending.get().then_some("true")
        >
            {move || {
                if form.pending.get() { i18n.t(Text::Saving)() } else { i18n.t(label)() }
            }}
        </button>
    }
}

/// The end of every form: what a failed save says, "saved", and the submit button.
#[component]
pub fn FormActions(
    form: FormState,
    /// Where "sign in again" returns to.
    return_to: &'static str,
    /// The button's label.
    label: Text,
) -> impl IntoView {
    view! {
        <FailureMessage form=form return_to=return_to />
        <SavedMessage form=form />
        <SubmitButton form=form label=label />
    }
}

/// What a failed save says, beside the button; with the way on where there is one.
#[component]
pub fn FailureMessage(
    form: FormState,
    /// Where "sign in again" returns to.
    return_to: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        form.failure.get().map(|failure| {
            let (text, link) = match failure {
                Failure::Network => (Text::FailureNetwork, None),
                Failure::Server => (Text::FailureServer, None),
                Failure::Session => (
                    Text::FailureSession,
                    Some((identification_path(return_to), Text::SignInAgain)),
                ),
                Failure::AlreadyRegistered => (
                    Text::AlreadyRegistered,
                    Some((paths::SETTINGS.to_owned(), Text::GoToSettings)),
                ),
                Failure::AlreadyProfiled => (
                    Text::AlreadyProfiled,
                    Some((paths::SETTINGS.to_owned(), Text::GoToSettings)),
                ),
                Failure::RegistrationRequired => (
                    Text::RegisterFirst,
                    Some((paths::REGISTRATION.to_owned(), Text::GoToRegistration)),
                ),
            };
            view! {
                <div class="app-alert" role="alert">
                    <p>{i18n.t(text)}</p>
                    {link.map(|(href, label)| view! { <p><a href=href>{i18n.t(label)}</a></p> })}
                </div>
            }
        })
    }
}

/// "Saved" after an edit, in a status region that is always there so it is announced.
#[component]
pub fn SavedMessage(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="status" class="app-saved">
            {move || form.saved.get().then(|| view! { <p>{i18n.t(Text::Saved)}</p> })}
        </div>
    }
}

/// Focuses the element with `id`, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Focuses `node` after the view has updated.
pub fn focus_later(node: NodeRef<leptos::html::Div>) {
    request_animation_frame(move || {
        if let Some(element) = node.get_untracked() {
            let _ = element.focus();
        }
    });
}

//! What the registration and the profile forms share: the errors shown per field (domain
//! codes, whether the app or the server found them), the error summary, a labelled text
//! field, the draft kept in `sessionStorage`, and what a failed save tells the user.

use std::collections::BTreeMap;
use std::future::Future;

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::i18n::{Text, use_i18n};
use crate::messages::field_error;

/// Whether a form makes the record (`POST`) or edits it (`PUT`, in "Omat tiedot").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMode {
    /// The first time, in the flow after sign-in.
    Create,
    /// Editing later, in settings.
    Edit,
}

/// Why a save failed, other than field errors: what the user is told beside the button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer: offline, or the server is down.
    Network,
    /// The server failed (5xx) or answered something this app does not understand.
    Server,
    /// The session ended (401): sign in again, the draft waits in this tab.
    Session,
    /// The registration already exists (409 `already_registered`): edit it in settings.
    AlreadyRegistered,
    /// The profile already exists (409 `already_exists`): edit it in settings.
    AlreadyProfiled,
    /// The profile needs a registration first (409 `registration_required`).
    RegistrationRequired,
}

impl Failure {
    /// The failure an API error stands for; `None` for a 422, which shows as field errors.
    pub fn of(error: &ApiError) -> Option<Failure> {
        match error {
            ApiError::Network => Some(Failure::Network),
            ApiError::Decode => Some(Failure::Server),
            ApiError::Status { status: 422, .. } => None,
            ApiError::Status { status: 401, .. } => Some(Failure::Session),
            ApiError::Status { status: 409, .. } => Some(match error.code() {
                Some("registration_required") => Failure::RegistrationRequired,
                Some("already_exists") => Failure::AlreadyProfiled,
                _ => Failure::AlreadyRegistered,
            }),
            ApiError::Status { .. } => Some(Failure::Server),
        }
    }
}

/// One field of a form: its API name and the id of the element the error summary links to.
#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    /// The field's name in the API (`domain::registration::fields`).
    pub name: &'static str,
    /// The id of the input to focus.
    pub target: &'static str,
}

/// What [`FormState::submit`] needs to know of a form besides its state.
#[derive(Debug, Clone, Copy)]
pub struct FormParts {
    /// The fields, in page order, for the summary.
    pub fields: &'static [FieldInfo],
    /// The summary, to focus.
    pub summary: NodeRef<leptos::html::Div>,
    /// The draft's key.
    pub draft: &'static str,
}

/// The state of one form: the errors shown, whether the summary is up, the save in flight,
/// and the last failure.
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    /// Field name to the domain code shown under it.
    pub errors: RwSignal<BTreeMap<&'static str, String>>,
    /// Set by a submit that found errors; the summary and the title prefix show while errors
    /// remain.
    pub summary: RwSignal<bool>,
    /// A save is in flight: the button shows progress and ignores clicks.
    pub pending: RwSignal<bool>,
    /// Why the last save failed, if it did.
    pub failure: RwSignal<Option<Failure>>,
    /// Set after a successful save in edit mode, for the "saved" message.
    pub saved: RwSignal<bool>,
}

impl FormState {
    /// A form with nothing shown.
    pub fn new() -> Self {
        FormState {
            errors: RwSignal::new(BTreeMap::new()),
            summary: RwSignal::new(false),
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
            saved: RwSignal::new(false),
        }
    }

    /// Shows `field`'s code from a fresh check, or clears it.
    pub fn show_field(self, field: &'static str, codes: &BTreeMap<String, Vec<String>>) {
        let code = codes.get(field).and_then(|codes| codes.first()).cloned();
        self.errors.update(|errors| match code {
            Some(code) => {
                errors.insert(field, code);
            }
            None => {
                errors.remove(field);
            }
        });
    }

    /// Re-checks `field` only if it shows an error now, so a fixed field clears at once but
    /// an untouched one is not scolded while the user types.
    pub fn recheck_field(self, field: &'static str, codes: &BTreeMap<String, Vec<String>>) {
        if self
            .errors
            .with_untracked(|errors| errors.contains_key(field))
        {
            self.show_field(field, codes);
        }
    }

    /// Shows every field's code (on submit, or from a 422) and the summary.
    pub fn show_all(self, fields: &[FieldInfo], codes: &BTreeMap<String, Vec<String>>) {
        self.errors.set(
            fields
                .iter()
                .filter_map(|field| {
                    let code = codes.get(field.name)?.first()?.clone();
                    Some((field.name, code))
                })
                .collect(),
        );
        self.summary.set(true);
    }

    /// The message under `field`, in the current language (reactive).
    pub fn message(self, field: &'static str) -> Signal<Option<&'static str>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            let language = i18n.language();
            self.errors.with(|errors| {
                errors
                    .get(field)
                    .map(|code| field_error(field, code, language))
            })
        })
    }

    /// After a change of `field`: keeps the draft (or drops it where the form is back to
    /// `initial`) and re-checks the field if it shows an error.
    pub fn changed<T: Serialize + PartialEq>(
        self,
        draft: &str,
        initial: &T,
        value: &T,
        field: &'static str,
        codes: &BTreeMap<String, Vec<String>>,
    ) {
        if initial == value {
            clear_draft(draft);
        } else {
            save_draft(draft, value);
        }
        self.recheck_field(field, codes);
        self.saved.set(false);
    }

    /// Submits the form: with `check`'s errors, the summary (focused) and nothing sent;
    /// else `request`, once (further presses are ignored while it is out). On success the
    /// draft is cleared and `on_saved` runs; a 422 lands on the fields like the app's own
    /// check; any other failure is shown beside the button, after `on_failure`.
    pub fn submit<R: 'static>(
        self,
        parts: FormParts,
        check: Result<(), BTreeMap<String, Vec<String>>>,
        request: impl Future<Output = Result<R, ApiError>> + 'static,
        on_saved: impl FnOnce(R) + 'static,
        on_failure: impl FnOnce(Failure) + 'static,
    ) {
        if self.pending.get_untracked() {
            return;
        }
        let FormParts {
            fields,
            summary,
            draft,
        } = parts;
        self.failure.set(None);
        self.saved.set(false);
        if let Err(codes) = check {
            self.show_all(fields, &codes);
            focus_later(summary);
            return;
        }
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            let result = request.await;
            self.pending.set(false);
            match result {
                Ok(saved) => {
                    clear_draft(draft);
                    self.errors.set(BTreeMap::new());
                    self.summary.set(false);
                    on_saved(saved);
                }
                Err(error) => match Failure::of(&error) {
                    None => {
                        let codes = match error {
                            ApiError::Status {
                                body: Some(body), ..
                            } => body.errors,
                            _ => BTreeMap::new(),
                        };
                        self.show_all(fields, &codes);
                        focus_later(summary);
                    }
                    Some(failure) => {
                        on_failure(failure);
                        self.failure.set(Some(failure));
                    }
                },
            }
        });
    }

    /// Whether the summary (and the title's error prefix) shows.
    pub fn summary_shown(self) -> Signal<bool> {
        Signal::derive(move || self.summary.get() && self.errors.with(|errors| !errors.is_empty()))
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

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
                                .filter_map(|field| {
                                    let code = errors.get(field.name)?;
                                    let target = field.target;
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
                                                    {field_error(field.name, code, language)}
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
                    Some((domain::identification_path(return_to), Text::SignInAgain)),
                ),
                Failure::AlreadyRegistered => (
                    Text::AlreadyRegistered,
                    Some((domain::paths::SETTINGS.to_owned(), Text::GoToSettings)),
                ),
                Failure::AlreadyProfiled => (
                    Text::AlreadyProfiled,
                    Some((domain::paths::SETTINGS.to_owned(), Text::GoToSettings)),
                ),
                Failure::RegistrationRequired => (
                    Text::RegisterFirst,
                    Some((
                        domain::paths::REGISTRATION.to_owned(),
                        Text::GoToRegistration,
                    )),
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

const DRAFT_PREFIX: &str = "mtt.draft.";

thread_local! {
    /// Whose drafts the forms read and write: a hash of the signed-in account's key, so a
    /// second person signing in on the same tab never sees the first one's typing.
    static DRAFT_OWNER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Sets whose drafts are in use (the signed-in account, by its key), and forgets the drafts of
/// anybody else in this tab.
pub fn set_draft_owner(account_key: &str) {
    let owner = owner_of(account_key);
    if let Some(storage) = session_storage() {
        let mine = format!("{DRAFT_PREFIX}{owner}.");
        for key in draft_keys(&storage) {
            if !key.starts_with(&mine) {
                let _ = storage.remove_item(&key);
            }
        }
    }
    DRAFT_OWNER.with(|current| *current.borrow_mut() = Some(owner));
}

/// FNV-1a of the account key, in hex: stable, short, and not the subject itself (which may be
/// a personal identity code).
fn owner_of(account_key: &str) -> String {
    let hash = account_key
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// The storage key of the draft `key` of the current owner; none while nobody is signed in.
fn storage_key(key: &str) -> Option<String> {
    DRAFT_OWNER.with(|owner| {
        owner
            .borrow()
            .as_ref()
            .map(|owner| format!("{DRAFT_PREFIX}{owner}.{key}"))
    })
}

/// The draft stored under `key`, if the tab has one that this version can read.
pub fn load_draft<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = session_storage()?.get_item(&storage_key(key)?).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps `value` as the draft under `key` (for this tab only, as `sessionStorage` is).
pub fn save_draft<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Some(key), Ok(text)) = (
        session_storage(),
        storage_key(key),
        serde_json::to_string(value),
    ) {
        let _ = storage.set_item(&key, &text);
    }
}

/// Forgets the draft under `key`.
pub fn clear_draft(key: &str) {
    if let (Some(storage), Some(key)) = (session_storage(), storage_key(key)) {
        let _ = storage.remove_item(&key);
    }
}

/// Forgets every draft of this tab (at sign-out, so the next user of the tab sees none).
pub fn clear_all_drafts() {
    let Some(storage) = session_storage() else {
        return;
    };
    for key in draft_keys(&storage) {
        let _ = storage.remove_item(&key);
    }
}

fn draft_keys(storage: &web_sys::Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .collect()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

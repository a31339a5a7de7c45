//! What the registration and the profile forms share, by job: the form's state (this module:
//! the errors shown per field, whether the app or the server found them, the save in flight
//! and what a failed save was), its components (`components`: the error summary, a labelled
//! text field, the submit button and the failure beside it) and the drafts kept in
//! `sessionStorage` (`drafts`).

mod components;
mod drafts;

pub use components::{
    ErrorSummary, FailureMessage, FormActions, SavedMessage, SubmitButton, TextField, focus_by_id,
    focus_later,
};
pub use drafts::{clear_all_drafts, clear_draft, load_draft, save_draft, set_draft_owner};

use std::future::Future;

use contract::ErrorCode;
use domain::{Field, FieldErrors};
use leptos::prelude::*;
use serde::Serialize;

use crate::api::ApiError;
pub use crate::api::FormMode;
use crate::i18n::use_i18n;
use crate::messages::field_error;

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
    /// The failure an API error stands for; `None` for `validation_failed`, which shows as
    /// field errors. A code this app does not know (a newer server's) is a server failure,
    /// never a guess at a specific one.
    pub fn of(error: &ApiError) -> Option<Failure> {
        match error {
            ApiError::Network => Some(Failure::Network),
            ApiError::Decode => Some(Failure::Server),
            ApiError::Status { code, .. } => match code {
                Some(ErrorCode::ValidationFailed) => None,
                Some(ErrorCode::Unauthenticated) => Some(Failure::Session),
                Some(ErrorCode::AlreadyRegistered) => Some(Failure::AlreadyRegistered),
                Some(ErrorCode::AlreadyExists) => Some(Failure::AlreadyProfiled),
                Some(ErrorCode::RegistrationRequired) => Some(Failure::RegistrationRequired),
                Some(_) | None => Some(Failure::Server),
            },
        }
    }
}

/// One field of a form and the id of the element the error summary links to.
#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    /// The field.
    pub field: Field,
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
    /// The error shown under each field that has one.
    pub errors: RwSignal<FieldErrors>,
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
            errors: RwSignal::new(FieldErrors::new()),
            summary: RwSignal::new(false),
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
            saved: RwSignal::new(false),
        }
    }

    /// Shows `field`'s error from a fresh check, or clears it.
    pub fn show_field(self, field: Field, checked: &FieldErrors) {
        let error = checked.get(&field).copied();
        self.errors.update(|errors| match error {
            Some(error) => {
                errors.insert(field, error);
            }
            None => {
                errors.remove(&field);
            }
        });
    }

    /// Re-checks `field` only if it shows an error now, so a fixed field clears at once but
    /// an untouched one is not scolded while the user types.
    pub fn recheck_field(self, field: Field, checked: &FieldErrors) {
        if self
            .errors
            .with_untracked(|errors| errors.contains_key(&field))
        {
            self.show_field(field, checked);
        }
    }

    /// Shows every field's error (on submit, or from a 422) and the summary.
    pub fn show_all(self, fields: &[FieldInfo], checked: &FieldErrors) {
        // `fields::collect`, not `collect()`: a BTreeMap built from an iterator sorts it first,
        // and that sort costs ~6 KB of wasm for maps of a handful of fields.
        self.errors.set(domain::fields::collect(
            fields
                .iter()
                .filter_map(|info| checked.get(&info.field).copied()),
        ));
        self.summary.set(true);
    }

    /// The message under `field`, in the current language (reactive).
    pub fn message(self, field: Field) -> Signal<Option<&'static str>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            let language = i18n.language();
            self.errors.with(|errors| {
                errors
                    .get(&field)
                    .map(|error| field_error(*error, language))
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
        field: Field,
        checked: &FieldErrors,
    ) {
        if initial == value {
            clear_draft(draft);
        } else {
            save_draft(draft, value);
        }
        self.recheck_field(field, checked);
        self.saved.set(false);
    }

    /// Submits the form: with `check`'s errors, the summary (focused) and nothing sent;
    /// else `request`, once (further presses are ignored while it is out). On success the
    /// draft is cleared and `on_saved` runs; a 422 lands on the fields like the app's own
    /// check; any other failure is shown beside the button, after `on_failure`.
    pub fn submit<R: 'static>(
        self,
        parts: FormParts,
        check: Result<(), FieldErrors>,
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
        if let Err(checked) = check {
            self.show_all(fields, &checked);
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
                    self.errors.set(FieldErrors::new());
                    self.summary.set(false);
                    on_saved(saved);
                }
                Err(error) => {
                    // The server's field errors, where they name this form's fields; a 422
                    // that names none of them (a newer server's field) is a server failure.
                    let checked = match (&error, Failure::of(&error)) {
                        (ApiError::Status { fields: errors, .. }, None) => {
                            domain::fields::collect(errors.values().copied().filter(|error| {
                                fields.iter().any(|info| info.field == error.field())
                            }))
                        }
                        _ => FieldErrors::new(),
                    };
                    match Failure::of(&error) {
                        None if !checked.is_empty() => {
                            self.show_all(fields, &checked);
                            focus_later(summary);
                        }
                        failure => {
                            let failure = failure.unwrap_or(Failure::Server);
                            on_failure(failure);
                            self.failure.set(Some(failure));
                        }
                    }
                }
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

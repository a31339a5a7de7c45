//! The area's own components: a row's action menu (WAI-ARIA APG menu button), labelled fields
//! with the area's strings, the submit button, and what a refused or failed request says.

use app::api::ApiError;
use app::form::{FailureMessage, FormState};
use contract::ErrorCode;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{Text, language, t};

/// What a menu entry does.
#[derive(Clone)]
pub enum MenuAction {
    /// Goes to a page of the area.
    Link(String),
    /// Runs an action on this page.
    Run(Callback<()>),
}

/// One entry of an [`ActionMenu`].
#[derive(Clone)]
pub struct MenuItem {
    pub label: Text,
    pub action: MenuAction,
}

fn focus_item(menu: NodeRef<leptos::html::Ul>, index: usize) {
    let Some(menu) = menu.get_untracked() else {
        return;
    };
    let Ok(items) = menu.query_selector_all("[role=menuitem]") else {
        return;
    };
    let count = items.length();
    if count == 0 {
        return;
    }
    let index = u32::try_from(index).unwrap_or(0) % count;
    if let Some(item) = items
        .item(index)
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = item.focus();
    }
}

fn focused_index(menu: NodeRef<leptos::html::Ul>) -> Option<usize> {
    let menu = menu.get_untracked()?;
    let items = menu.query_selector_all("[role=menuitem]").ok()?;
    let active = document().active_element()?;
    (0..items.length())
        .find(|index| {
            items
                .item(*index)
                .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
        })
        .and_then(|index| usize::try_from(index).ok())
}

/// A row's actions behind one button (WAI-ARIA APG menu button): Enter, Space or the arrow
/// keys open it and focus an entry; the arrows, Home and End move; Escape closes it and returns
/// focus to the button; Tab closes it. `label` names what the actions are of ("Toiminnot:
/// Toimikorttisopimus, myönnetty"), so each row's button is told apart.
#[component]
pub fn ActionMenu(
    /// The button's accessible name.
    label: Signal<String>,
    /// The entries.
    items: Vec<MenuItem>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Ul>::new();
    let count = items.len();
    let open_at = move |index: usize| {
        open.set(true);
        request_animation_frame(move || focus_item(menu, index));
    };
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_button_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            event.prevent_default();
            open_at(0);
        }
        "ArrowUp" => {
            event.prevent_default();
            open_at(count.saturating_sub(1));
        }
        "Escape" => open.set(false),
        _ => {}
    };
    let on_menu_keydown = move |event: KeyboardEvent| {
        let current = focused_index(menu).unwrap_or(0);
        match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                close();
            }
            "ArrowDown" => {
                event.prevent_default();
                focus_item(menu, current + 1);
            }
            "ArrowUp" => {
                event.prevent_default();
                focus_item(menu, current + count - 1);
            }
            "Home" => {
                event.prevent_default();
                focus_item(menu, 0);
            }
            "End" => {
                event.prevent_default();
                focus_item(menu, count.saturating_sub(1));
            }
            "Tab" => open.set(false),
            _ => {}
        }
    };
    let entries = items
        .into_iter()
        .map(|item| {
            let MenuItem { label, action } = item;
            match action {
                MenuAction::Link(href) => view! {
                    <li role="none">
                        <a role="menuitem" tabindex="-1" href=href>
                            {t(label)}
                        </a>
                    </li>
                }
                .into_any(),
                MenuAction::Run(callback) => view! {
                    <li role="none">
                        <button
                            type="button"
                            role="menuitem"
                            tabindex="-1"
                            on:click=move |_| {
                                open.set(false);
                                callback.run(());
                            }
                        >
                            {t(label)}
                        </button>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <div class="admin-menu">
            <button
                type="button"
                class="app-button admin-menu__button"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-label=move || label.get()
                node_ref=button
                on:click=move |_| {
                    if open.get_untracked() { open.set(false) } else { open_at(0) }
                }
                on:keydown=on_button_keydown
            >
                {t(Text::Actions)}
                <span aria-hidden="true">" ▾"</span>
            </button>
            <ul
                class="admin-menu__list"
                role="menu"
                aria-label=move || label.get()
                node_ref=menu
                hidden=move || !open.get()
                on:keydown=on_menu_keydown
            >
                {entries}
            </ul>
        </div>
    }
}

/// A labelled input with its hint and error, tied together with `aria-describedby`.
#[component]
pub fn Field(
    /// The input's id (also the error summary's link target).
    id: &'static str,
    label: Text,
    /// The hint under the label.
    #[prop(optional)]
    hint: Option<Text>,
    value: RwSignal<String>,
    /// The error message, when there is one.
    error: Signal<Option<&'static str>>,
    /// `type`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// `autocomplete`.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// `inputmode`.
    #[prop(default = "text")]
    inputmode: &'static str,
    /// Runs after each change.
    #[prop(optional)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="app-field" class:app-field--error=move || error.get().is_some()>
            <label class="app-field__label" for=id>
                {t(label)}
            </label>
            {hint.map(|hint| view! { <p class="app-field__hint" id=hint_id.clone()>{t(hint)}</p> })}
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
                    if let Some(on_change) = on_change {
                        on_change.run(());
                    }
                }
            />
        </div>
    }
}

/// A labelled `<select>` of coded options (`(code, name)`), with its error.
#[component]
pub fn SelectField(
    id: &'static str,
    label: Text,
    value: RwSignal<String>,
    /// The options: the code sent and the name shown (reactive, for the language).
    options: Signal<Vec<(String, String)>>,
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    view! {
        <div class="app-field" class:app-field--error=move || error.get().is_some()>
            <label class="app-field__label" for=id>
                {t(label)}
            </label>
            <p class="app-field__error" id=error_id hidden=move || error.get().is_none()>
                {move || error.get()}
            </p>
            <select
                class="app-input"
                id=id
                name=id
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
                on:change=move |event| value.set(event_target_value(&event))
            >
                <option value="" selected=move || value.get().is_empty()>
                    {t(Text::ChooseOne)}
                </option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, name)| {
                            let selected = {
                                let code = code.clone();
                                move || value.get() == code
                            };
                            view! {
                                <option value=code selected=selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The submit button: shows progress while a save is out and ignores further presses (it stays
/// focusable, so focus is not lost).
#[component]
pub fn Submit(form: FormState, label: Text) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="app-button app-button--primary"
            aria-disabled=move || form.pending.get().then_some("true")
        >
            {move || if form.pending.get() { t(Text::Saving)() } else { t(label)() }}
        </button>
    }
}

/// The area's message for a refusal the server answered with a code, if it has one.
pub fn refusal(code: ErrorCode) -> Option<Text> {
    Some(match code {
        ErrorCode::Forbidden => Text::RefusedForbidden,
        ErrorCode::NotFound => Text::RefusedNotFound,
        ErrorCode::BusinessIdTaken => Text::RefusedBusinessIdTaken,
        ErrorCode::CountyTaken => Text::RefusedCountyTaken,
        ErrorCode::ContractAlreadySubmitted => Text::RefusedContractAlreadySubmitted,
        ErrorCode::ContractNotSubmitted => Text::RefusedContractNotSubmitted,
        ErrorCode::ContractAlreadyDecided => Text::RefusedContractAlreadyDecided,
        ErrorCode::NotAWellbeingCounty => Text::RefusedNotAWellbeingCounty,
        ErrorCode::NoGrantedContract => Text::RefusedNoGrantedContract,
        ErrorCode::PointOrderAlreadyDecided => Text::RefusedPointOrderAlreadyDecided,
        ErrorCode::CountyLacksStateAdministrationContract => {
            Text::RefusedCountyLacksStateAdministrationContract
        }
        ErrorCode::CountyCannotAuthorise => Text::RefusedCountyCannotAuthorise,
        ErrorCode::AlreadyAuthorised => Text::RefusedAlreadyAuthorised,
        ErrorCode::AuthorisationAlreadyRevoked => Text::RefusedAuthorisationAlreadyRevoked,
        ErrorCode::InvitationPending => Text::RefusedInvitationPending,
        ErrorCode::InvitationUnknown => Text::RefusedInvitationUnknown,
        ErrorCode::InvitationUsed => Text::RefusedInvitationUsed,
        ErrorCode::InvitationExpired => Text::RefusedInvitationExpired,
        ErrorCode::InvitationWithdrawn => Text::RefusedInvitationWithdrawn,
        ErrorCode::AlreadyMember => Text::RefusedAlreadyMember,
        ErrorCode::InvitationResendLimit => Text::RefusedInvitationResendLimit,
        ErrorCode::LastAdministrator => Text::RefusedLastAdministrator,
        ErrorCode::ContractNotGranted => Text::RefusedContractNotGranted,
        ErrorCode::RegistrarPointUnavailable => Text::RefusedRegistrarPointUnavailable,
        ErrorCode::AlreadyRegistrar => Text::RefusedAlreadyRegistrar,
        ErrorCode::RegistrarApplicationPending => Text::RefusedRegistrarApplicationPending,
        ErrorCode::RegistrarApplicationAlreadyDecided => {
            Text::RefusedRegistrarApplicationAlreadyDecided
        }
        ErrorCode::RegistrarPointsRequired => Text::RefusedRegistrarPointsRequired,
        ErrorCode::AttachmentRequired => Text::RefusedAttachmentRequired,
        ErrorCode::AttachmentNotFound => Text::RefusedAttachmentNotFound,
        ErrorCode::AttachmentEmpty => Text::RefusedAttachmentEmpty,
        ErrorCode::AttachmentTooLarge => Text::RefusedAttachmentTooLarge,
        ErrorCode::AttachmentTypeRefused => Text::RefusedAttachmentTypeRefused,
        ErrorCode::AttachmentNameInvalid => Text::RefusedAttachmentNameInvalid,
        ErrorCode::TooFewRegistrars => Text::RefusedTooFewRegistrars,
        ErrorCode::RegistrarAlreadyRemoved => Text::RefusedRegistrarAlreadyRemoved,
        ErrorCode::PointNotApproved => Text::RefusedPointNotApproved,
        ErrorCode::PointClosed => Text::RefusedPointClosed,
        ErrorCode::NotARegistrar => Text::RefusedNotARegistrar,
        ErrorCode::ContactEmailUnchanged => Text::RefusedContactEmailUnchanged,
        ErrorCode::NoPendingContactEmail => Text::RefusedNoPendingContactEmail,
        ErrorCode::ContactResendLimit => Text::RefusedContactResendLimit,
        ErrorCode::ConfirmationUnknown => Text::RefusedConfirmationUnknown,
        ErrorCode::ConfirmationUsed => Text::RefusedConfirmationUsed,
        ErrorCode::ConfirmationExpired => Text::RefusedConfirmationExpired,
        ErrorCode::ConfirmationReplaced => Text::RefusedConfirmationReplaced,
        ErrorCode::ConfirmationOtherPerson => Text::RefusedConfirmationOtherPerson,
        ErrorCode::NotPointRegistrar => Text::RefusedNotPointRegistrar,
        ErrorCode::NotACustomer => Text::RefusedNotACustomer,
        ErrorCode::CustomerAuthorisationRevoked => Text::RefusedCustomerAuthorisationRevoked,
        ErrorCode::CertificateNotApplicable => Text::RefusedCertificateNotApplicable,
        ErrorCode::CertificateRequired => Text::RefusedCertificateRequired,
        ErrorCode::CertificateAlreadyRecorded => Text::RefusedCertificateAlreadyRecorded,
        ErrorCode::CardAlreadyOrdered => Text::RefusedCardAlreadyOrdered,
        _ => return None,
    })
}

/// A request's answer code, kept for [`Refusal`] while the form shows its own failure.
pub fn keep_code<R>(
    code: RwSignal<Option<ErrorCode>>,
    request: impl Future<Output = Result<R, ApiError>> + 'static,
) -> impl Future<Output = Result<R, ApiError>> + 'static {
    code.set(None);
    async move {
        let answer = request.await;
        if let Err(error) = &answer {
            code.set(error.code());
        }
        answer
    }
}

/// What a failed save says beside the button: the area's own message for a refusal it knows
/// (with the code, so a support person can find it), else the professionals' app's (network,
/// server, session ended).
#[component]
pub fn Refusal(
    form: FormState,
    code: RwSignal<Option<ErrorCode>>,
    /// Where "sign in again" returns to.
    return_to: &'static str,
) -> impl IntoView {
    move || {
        let known = form
            .failure
            .get()
            .and(code.get())
            .and_then(|code| refusal(code).map(|text| (code, text)));
        match known {
            Some((code, text)) => view! {
                <div class="app-alert" role="alert">
                    <p>{t(text)}</p>
                    <p class="admin-code">{move || format!("{} {}", t(Text::ErrorCodeLabel)(), code.as_str())}</p>
                </div>
            }
            .into_any(),
            None => view! { <FailureMessage form=form return_to=return_to /> }.into_any(),
        }
    }
}

/// "Loading", or a failed load's message with a retry, for a list or a page.
#[component]
pub fn LoadFailed(error: ApiError, retry: Callback<()>) -> impl IntoView {
    let text = match error.code() {
        Some(code) => refusal(code).unwrap_or(Text::LoadFailed),
        None => Text::LoadFailed,
    };
    view! {
        <div class="app-alert" role="alert">
            <p>{t(text)}</p>
            <p>
                <button type="button" class="app-button" on:click=move |_| retry.run(())>
                    {t(Text::TryAgain)}
                </button>
            </p>
        </div>
    }
}

/// A point's registrars as a fact of a `<dl>`: how many, and "Alle kaksi rekisteröijää" in
/// words where an approved point has fewer than two (SPEC §5: everywhere a point appears).
#[component]
pub fn RegistrarCount(count: i64, too_few: bool) -> impl IntoView {
    view! {
        <dt>{t(Text::RegistrarsCount)}</dt>
        <dd>
            {count}
            {too_few.then(|| view! { " " <strong class="admin-warning">{t(Text::FewerThanTwoRegistrars)}</strong> })}
        </dd>
    }
}

/// The options of a "which language" select: each language's tag and its own name.
pub fn language_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        domain::Language::ALL
            .into_iter()
            .map(|option| {
                (
                    option.tag().to_owned(),
                    app::i18n::language_name(option).to_owned(),
                )
            })
            .collect()
    })
}

/// The language of the page now, untracked (for building strings in event handlers).
pub fn language_now() -> domain::Language {
    untrack(language)
}

/// A row's actions: each runs one request and, on success, `changed` (which loads the list
/// again); a refusal's code stays for the row's [`RowStatus`].
#[derive(Debug, Clone, Copy)]
pub struct RowAction {
    code: RwSignal<Option<ErrorCode>>,
    changed: Callback<()>,
}

impl RowAction {
    /// The actions of one row, with what runs after a success.
    pub fn new(changed: Callback<()>) -> Self {
        RowAction {
            code: RwSignal::new(None),
            changed,
        }
    }

    /// A menu entry's callback that sends `request()`.
    pub fn callback<R, Fut>(self, request: impl Fn() -> Fut + Send + Sync + 'static) -> Callback<()>
    where
        R: 'static,
        Fut: Future<Output = Result<R, ApiError>> + 'static,
    {
        Callback::new(move |()| {
            let answer = request();
            leptos::task::spawn_local(async move {
                self.code.set(None);
                match answer.await {
                    Ok(_) => self.changed.run(()),
                    Err(error) => self
                        .code
                        .set(Some(error.code().unwrap_or(ErrorCode::Unknown))),
                }
            });
        })
    }
}

/// What a row's failed action says, in a status region that is always there.
#[component]
pub fn RowStatus(action: RowAction) -> impl IntoView {
    view! {
        <div role="status" class="admin-row__status">
            {move || action.code.get().map(|code| {
                let text = refusal(code).unwrap_or(Text::ActionFailed);
                let shown = (code != ErrorCode::Unknown).then(|| {
                    view! { <p class="admin-code">{move || format!("{} {}", t(Text::ErrorCodeLabel)(), code.as_str())}</p> }
                });
                view! { <div class="app-alert"><p>{t(text)}</p>{shown}</div> }
            })}
        </div>
    }
}

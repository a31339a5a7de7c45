//! "Muuta henkilötietoja": a registrar's contact email, to which the agency's notices go. A new
//! address is used only after the link sent to it is followed (`/hallinta/vahvista-sahkoposti`,
//! after sign-in as the same person); until then the confirmed one stays in use.

use app::api::ApiError;
use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::RegistrarContact;
use contract::links::identification_path;
use contract::paths;
use domain::administration::{ConfirmationState, ContactEmailInput, DeliveryState};
use domain::{Field, Language};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::i18n::{Text, language, moment, t, use_title};
use crate::pages::{here, not_loaded};
use crate::widgets::{
    Field as InputField, Refusal, SelectField, Submit, keep_code, language_options, refusal,
};

const DRAFT: &str = "admin.contact-email";

const FIELDS: &[FieldInfo] = &[FieldInfo {
    field: Field::Email,
    target: "contact-email",
}];

/// The page.
#[component]
pub fn ContactPage() -> impl IntoView {
    use_title(Text::ContactDetailsTitle, Signal::derive(|| false));
    let contact = RwSignal::new(None::<Result<RegistrarContact, ApiError>>);
    let load = move || {
        leptos::task::spawn_local(async move {
            contact.set(Some(api::my_contact().await));
        });
    };
    load();
    view! {
        <h1>{t(Text::ContactDetailsTitle)}</h1>
        {move || {
            let state = contact.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load())) {
                return shown;
            }
            let Some(Ok(now)) = state else { return ().into_any() };
            view! { <Current contact=now /> }.into_any()
        }}
        <ChangeContact changed=Callback::new(move |answer: RegistrarContact| contact.set(Some(Ok(answer)))) />
        <p><a href=paths::admin::HOME>{t(Text::BackToAreaFront)}</a></p>
    }
}

#[component]
fn Current(contact: RegistrarContact) -> impl IntoView {
    let confirmed = contact.confirmed_email.map(|email| email.to_string());
    let pending = contact
        .pending
        .filter(|pending| pending.state != ConfirmationState::Confirmed);
    view! {
        <dl class="admin-facts">
            <dt>{t(Text::ContactEmailCurrent)}</dt>
            <dd>{match confirmed {
                Some(email) => view! { {email} }.into_any(),
                None => view! { {t(Text::ContactEmailNone)} }.into_any(),
            }}</dd>
            {pending.map(|pending| {
                let delivery = match pending.delivery {
                    DeliveryState::Queued => Text::DeliveryQueued,
                    DeliveryState::Sent => Text::DeliverySent,
                };
                let expired = pending.state == ConfirmationState::Expired;
                view! {
                    <dt>{t(Text::ContactEmailPending)}</dt>
                    <dd>
                        {pending.email.to_string()}
                        " (" {t(Text::DeliveryLabel)} ": " {t(delivery)} ")"
                    </dd>
                    <dt>{t(Text::InvitationValidUntil)}</dt>
                    <dd>
                        {move || moment(pending.valid_until, language())}
                        {expired.then(|| view! { " – " {t(Text::InvitationExpired)} })}
                    </dd>
                }
            })}
        </dl>
    }
}

/// What the form keeps on reload.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct ContactDraft {
    email: String,
    language: String,
}

#[component]
fn ChangeContact(changed: Callback<RegistrarContact>) -> impl IntoView {
    let form = FormState::new();
    let draft = load_draft::<ContactDraft>(DRAFT).unwrap_or_default();
    let email = RwSignal::new(draft.email);
    let chosen_language = RwSignal::new(if draft.language.is_empty() {
        untrack(language).tag().to_owned()
    } else {
        draft.language
    });
    let input = move || ContactEmailInput {
        email: email.get_untracked(),
        language: chosen_language
            .get_untracked()
            .parse()
            .unwrap_or(Language::Fi),
    };
    let on_change = Callback::new(move |()| {
        save_draft(
            DRAFT,
            &ContactDraft {
                email: email.get_untracked(),
                language: chosen_language.get_untracked(),
            },
        );
        let checked = input().validate().err().unwrap_or_default();
        form.recheck_field(Field::Email, &checked);
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let refused = RwSignal::new(None::<ErrorCode>);
    let sent_to = RwSignal::new(None::<String>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        sent_to.set(None);
        let value = input();
        let check = value.validate().map(|_| ());
        let address = value.email.trim().to_owned();
        form.submit(
            FormParts {
                fields: FIELDS,
                summary,
                draft: DRAFT,
            },
            check,
            keep_code(refused, api::change_contact(value)),
            move |answer| {
                email.set(String::new());
                sent_to.set(Some(address));
                changed.run(answer);
            },
            |_| {},
        );
    };
    view! {
        <form class="app-form" novalidate on:submit=on_submit>
            <ErrorSummary form=form fields=FIELDS heading_id="contact-errors" node_ref=summary />
            <InputField
                id="contact-email"
                label=Text::ContactEmailNewLabel
                hint=Text::ContactEmailHint
                value=email
                error=form.message(Field::Email)
                input_type="email"
                autocomplete="email"
                inputmode="email"
                on_change=on_change
            />
            <SelectField
                id="contact-language"
                label=Text::InviteLanguageLabel
                value=chosen_language
                options=language_options()
                error=Signal::derive(|| None)
            />
            <div role="status">
                {move || sent_to.get().map(|address| view! { <p>{t(Text::ContactEmailLinkSent)} " " {address}</p> })}
            </div>
            <Refusal form=form code=refused return_to=paths::admin::CONTACT_DETAILS />
            <Submit form=form label=Text::ContactEmailButton />
        </form>
    }
}

/// The confirmation link's page: sign-in first (the link survives it), then one button.
#[component]
pub fn ConfirmContactPage() -> impl IntoView {
    use_title(Text::ConfirmEmailTitle, Signal::derive(|| false));
    let query = use_query_map();
    let token = Memo::new(move |_| query.with(|query| query.get("token")).unwrap_or_default());
    let session = app::session::use_session();
    let signed_in = move || session.session.with(Option::is_some);
    let confirmed = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let confirm = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        let token = token.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = api::confirm_contact(token).await;
            pending.set(false);
            match answer {
                Ok(contact) => confirmed.set(Some(
                    contact
                        .confirmed_email
                        .map(|email| email.to_string())
                        .unwrap_or_default(),
                )),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h1>{t(Text::ConfirmEmailTitle)}</h1>
        {move || {
            if let Some(address) = confirmed.get() {
                return view! {
                    <div class="app-alert app-alert--info" role="status">
                        <p>{t(Text::EmailConfirmed)} " " {address}</p>
                        <p><a href=paths::admin::CONTACT_DETAILS>{t(Text::ContactDetailsTitle)}</a></p>
                    </div>
                }
                .into_any();
            }
            if !session.loaded.get() {
                return view! { <p role="status">{t(Text::Loading)}</p> }.into_any();
            }
            if !signed_in() {
                return view! {
                    <p>
                        <a href=identification_path(&here()) rel="external">{t(Text::SignInFirst)}</a>
                    </p>
                }
                .into_any();
            }
            view! {
                {move || failure.get().map(|error| match error.code().and_then(refusal) {
                    Some(text) => view! { <div class="app-alert" role="alert"><p>{t(text)}</p></div> }.into_any(),
                    None => view! { <div class="app-alert" role="alert"><p>{t(Text::ActionFailed)}</p></div> }.into_any(),
                })}
                <button
                    type="button"
                    class="app-button app-button--primary"
                    aria-disabled=move || pending.get().then_some("true")
                    on:click=confirm
                >
                    {t(Text::ConfirmEmailButton)}
                </button>
            }
            .into_any()
        }}
    }
}

//! The agency officer's notices (tiedote) to every registrar: writing one sends it through the
//! outbox to each active registrar's confirmed contact email (never lost, retried); the list
//! shows per notice how many were sent, how many are still queued, and how many registrars it
//! could not reach (no confirmed address).

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::NoticeSummary;
use contract::paths;
use domain::Field;
use domain::administration::NoticeInput;
use leptos::prelude::*;

use crate::api;
use crate::i18n::{Text, language, moment, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::{here, not_loaded};
use crate::widgets::{Field as InputField, Refusal, Submit, keep_code};

const DRAFT: &str = "admin.notice";

const FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::NoticeSubject,
        target: "notice-subject",
    },
    FieldInfo {
        field: Field::NoticeBody,
        target: "notice-body",
    },
];

/// The page.
#[component]
pub fn NoticesPage() -> impl IntoView {
    use_title(Text::NoticesTitle, Signal::derive(|| false));
    let notices = Paged::<NoticeSummary>::new();
    let load = move |before: Option<i64>| {
        notices.load(before, move |before| async move {
            api::notices(before)
                .await
                .map(|page| (page.notices, page.next_before))
        });
    };
    load(None);
    view! {
        <h1>{t(Text::NoticesTitle)}</h1>
        <WriteNotice sent=Callback::new(move |()| load(None)) />
        <section aria-labelledby="notices-sent">
            <h2 id="notices-sent">{t(Text::NoticesSentHeading)}</h2>
            {move || {
                let state = notices.answer.get();
                if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                    return shown;
                }
                let rows = notices.rows.get();
                if rows.is_empty() {
                    return view! { <p>{t(Text::NoNotices)}</p> }.into_any();
                }
                view! {
                    <ul class="admin-rows">
                        {rows.into_iter().map(|notice| view! { <NoticeRow notice=notice /> }).collect_view()}
                    </ul>
                    <ShowMore next=notices.next load=Callback::new(load) label=Text::ShowOlder />
                }
                .into_any()
            }}
        </section>
        <p><a href=paths::admin::HOME>{t(Text::BackToAreaFront)}</a></p>
    }
}

#[component]
fn NoticeRow(notice: NoticeSummary) -> impl IntoView {
    let queued = notice.queued + notice.retrying;
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                <h3 class="admin-row__title">{notice.subject.to_string()}</h3>
                <dl class="admin-facts">
                    <dt>{t(Text::Created)}</dt>
                    <dd>{move || moment(notice.created_at, language())}</dd>
                    <dt>{t(Text::NoticesSentLabel)}</dt>
                    <dd>{notice.sent}</dd>
                    <dt>{t(Text::NoticesQueuedLabel)}</dt>
                    <dd>{queued}</dd>
                    <dt>{t(Text::NoticesUnreachedLabel)}</dt>
                    <dd>{notice.not_reached}</dd>
                </dl>
                <p class="admin-notice-body">{notice.body.to_string()}</p>
            </div>
        </li>
    }
}

#[component]
fn WriteNotice(sent: Callback<()>) -> impl IntoView {
    let form = FormState::new();
    let draft: NoticeInput = load_draft(DRAFT).unwrap_or_default();
    let subject = RwSignal::new(draft.notice_subject);
    let body = RwSignal::new(draft.notice_body);
    let input = move || NoticeInput {
        notice_subject: subject.get_untracked(),
        notice_body: body.get_untracked(),
    };
    let changed = Callback::new(move |()| {
        let value = input();
        save_draft(DRAFT, &value);
        let checked = value.validate().err().unwrap_or_default();
        for info in FIELDS {
            form.recheck_field(info.field, &checked);
        }
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let refused = RwSignal::new(None::<ErrorCode>);
    let done = RwSignal::new(None::<NoticeSummary>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        done.set(None);
        let value = input();
        let check = value.validate().map(|_| ());
        form.submit(
            FormParts {
                fields: FIELDS,
                summary,
                draft: DRAFT,
            },
            check,
            keep_code(refused, api::send_notice(value)),
            move |notice| {
                subject.set(String::new());
                body.set(String::new());
                done.set(Some(notice));
                sent.run(());
            },
            |_| {},
        );
    };
    let body_error = form.message(Field::NoticeBody);
    view! {
        <form class="app-form" novalidate on:submit=on_submit>
            <ErrorSummary form=form fields=FIELDS heading_id="notice-errors" node_ref=summary />
            <InputField
                id="notice-subject"
                label=Text::NoticeSubjectLabel
                value=subject
                error=form.message(Field::NoticeSubject)
                on_change=changed
            />
            <div class="app-field" class:app-field--error=move || body_error.get().is_some()>
                <label class="app-field__label" for="notice-body">{t(Text::NoticeBodyLabel)}</label>
                <p class="app-field__error" id="notice-body-error" hidden=move || body_error.get().is_none()>
                    {move || body_error.get()}
                </p>
                <textarea
                    class="app-input app-textarea"
                    id="notice-body"
                    name="notice-body"
                    rows="8"
                    aria-describedby=move || body_error.get().map(|_| "notice-body-error")
                    aria-invalid=move || body_error.get().is_some().then_some("true")
                    prop:value=move || body.get()
                    on:input=move |event| {
                        body.set(event_target_value(&event));
                        changed.run(());
                    }
                ></textarea>
            </div>
            <div role="status">
                {move || done.get().map(|notice| view! {
                    <p>
                        {t(Text::NoticeSent)} " "
                        {t(Text::NoticesQueuedLabel)} ": " {notice.recipients} ", "
                        {t(Text::NoticesUnreachedLabel)} ": " {notice.not_reached}
                    </p>
                })}
            </div>
            <Refusal form=form code=refused return_to=paths::admin::NOTICES />
            <Submit form=form label=Text::SendNotice />
        </form>
    }
}

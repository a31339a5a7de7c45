//! The audit log: every change, newest first, a page at a time; the agency officer sees all of
//! it (or one account's with `?account=ID`), an account's administrator their account's. Each
//! entry says who (the pseudonymous account key of the identity, never a personal identity
//! code), when, which account, what, and the state before and after.

use contract::admin::AuditEntry;
use contract::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::i18n::{Text, language, moment, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::{here, not_loaded};

/// The name of an audited action; an action this version does not know shows its code.
fn action_text(action: &str) -> Option<Text> {
    Some(match action {
        "account_opened" => Text::AuditAccountOpened,
        "member_added" => Text::AuditMemberAdded,
        "contract_created" => Text::AuditContractCreated,
        "contract_submitted" => Text::AuditContractSubmitted,
        "contract_granted" => Text::AuditContractGranted,
        "contract_rejected" => Text::AuditContractRejected,
        "point_ordered" => Text::AuditPointOrdered,
        "point_approved" => Text::AuditPointApproved,
        "main_point_created" => Text::AuditMainPointCreated,
        "point_rejected" => Text::AuditPointRejected,
        "point_authorised" => Text::AuditPointAuthorised,
        "authorisation_revoked" => Text::AuditAuthorisationRevoked,
        "invitation_sent" => Text::AuditInvitationSent,
        "invitation_resent" => Text::AuditInvitationResent,
        "invitation_withdrawn" => Text::AuditInvitationWithdrawn,
        "invitation_accepted" => Text::AuditInvitationAccepted,
        "member_role_changed" => Text::AuditMemberRoleChanged,
        "member_removed" => Text::AuditMemberRemoved,
        "attachment_uploaded" => Text::AuditAttachmentUploaded,
        "registrar_application_filed" => Text::AuditRegistrarApplicationFiled,
        "registrar_application_granted" => Text::AuditRegistrarApplicationGranted,
        "registrar_application_rejected" => Text::AuditRegistrarApplicationRejected,
        "registrar_removed" => Text::AuditRegistrarRemoved,
        "point_closed" => Text::AuditPointClosed,
        "contact_email_requested" => Text::AuditContactEmailRequested,
        "contact_email_resent" => Text::AuditContactEmailResent,
        "contact_email_replaced" => Text::AuditContactEmailReplaced,
        "contact_email_confirmed" => Text::AuditContactEmailConfirmed,
        "notice_sent" => Text::AuditNoticeSent,
        "certificate_recorded" => Text::AuditCertificateRecorded,
        "card_ordered" => Text::AuditCardOrdered,
        _ => return None,
    })
}

/// The audit log page.
#[component]
pub fn AuditPage() -> impl IntoView {
    use_title(Text::AuditTitle, Signal::derive(|| false));
    let query = use_query_map();
    let account = Memo::new(move |_| {
        query.with(|query| query.get("account").and_then(|id| id.parse::<i64>().ok()))
    });
    // Newest first: a page's "next" is where the older entries begin.
    let entries = Paged::<AuditEntry>::new();
    let load = move |before: Option<i64>| {
        let account = account.get_untracked();
        entries.load(before, move |before| async move {
            api::audit(account, before)
                .await
                .map(|page| (page.entries, page.next_before))
        });
    };
    Effect::new(move |_| {
        account.track();
        load(None);
    });
    view! {
        <h1>{t(Text::AuditTitle)}</h1>
        {move || account.get().map(|id| {
            let href = paths::api::with(paths::admin::ACCOUNT, &[&id.to_string()]);
            view! { <p><a href=href>{t(Text::BackToAccount)}</a></p> }
        })}
        {move || {
            let state = entries.answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                return shown;
            }
            let rows = entries.rows.get();
            if rows.is_empty() {
                return view! { <p>{t(Text::AuditEmpty)}</p> }.into_any();
            }
            view! {
                <ol class="admin-rows">
                    {rows.into_iter().map(|entry| view! { <Entry entry=entry /> }).collect_view()}
                </ol>
                <ShowMore next=entries.next load=Callback::new(load) label=Text::ShowOlder />
            }
            .into_any()
        }}
    }
}

#[component]
fn Entry(entry: AuditEntry) -> impl IntoView {
    let AuditEntry {
        at,
        actor,
        account_id,
        action,
        before,
        after,
        ..
    } = entry;
    let known = action_text(&action);
    let title = move || match known {
        Some(text) => t(text)().to_owned(),
        None => action.clone(),
    };
    let account = account_id.map(|id| {
        let href = paths::api::with(paths::admin::ACCOUNT, &[&id.to_string()]);
        view! { <dt>{t(Text::AccountLabel)}</dt><dd><a href=href>{id}</a></dd> }
    });
    let states = (before.is_some() || after.is_some()).then(|| {
        view! {
            <details>
                <summary>{t(Text::AuditChange)}</summary>
                {before.map(|before| view! { <p>{t(Text::AuditBefore)}</p><pre>{before}</pre> })}
                {after.map(|after| view! { <p>{t(Text::AuditAfter)}</p><pre>{after}</pre> })}
            </details>
        }
    });
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                <h2 class="admin-row__title">{title}</h2>
                <dl class="admin-facts">
                    <dt>{t(Text::AuditWhen)}</dt>
                    <dd>{move || moment(at, language())}</dd>
                    <dt>{t(Text::AuditWho)}</dt>
                    <dd class="admin-actor">{actor}</dd>
                    {account}
                </dl>
                {states}
            </div>
        </li>
    }
}

//! Accepting an invitation (`/hallinta/kutsu?token=…`, the link of the email): sign-in first
//! (the link survives it as the sign-in's return), then the inviting account and the role to
//! confirm, then acceptance binds the signed-in person to the account. A used, expired,
//! withdrawn or unknown link says so.

use app::api::ApiError;
use contract::ErrorCode;
use contract::admin::InvitationLookup;
use contract::links::identification_path;
use contract::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::i18n::{Text, language, moment, role, t, use_title};
use crate::pages::here;
use crate::use_me;
use crate::widgets::{LoadFailed, refusal};

/// The invitation page.
#[component]
pub fn InvitationPage() -> impl IntoView {
    use_title(Text::InvitationTitle, Signal::derive(|| false));
    let query = use_query_map();
    let token = Memo::new(move |_| query.with(|query| query.get("token")).unwrap_or_default());
    let lookup = RwSignal::new(None::<Result<InvitationLookup, ApiError>>);
    let load = move || {
        let token = token.get_untracked();
        leptos::task::spawn_local(async move {
            lookup.set(Some(api::invitation_lookup(token).await));
        });
    };
    Effect::new(move |_| {
        token.track();
        load();
    });
    let accepted = RwSignal::new(None::<i64>);
    let failure = RwSignal::new(None::<ErrorCode>);
    let pending = RwSignal::new(false);
    let me = use_me();
    let accept = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        let token = token.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = api::accept_invitation(token).await;
            pending.set(false);
            match answer {
                Ok(account) => {
                    accepted.set(Some(account));
                    me.reload();
                }
                Err(error) => failure.set(Some(error.code().unwrap_or(ErrorCode::Unknown))),
            }
        });
    };
    view! {
        <h1>{t(Text::InvitationTitle)}</h1>
        {move || {
            if let Some(account) = accepted.get() {
                let href = paths::api::with(paths::admin::ACCOUNT, &[&account.to_string()]);
                return view! {
                    <div class="app-alert app-alert--info" role="status">
                        <p>{t(Text::InvitationAcceptedNow)}</p>
                        <p><a href=href>{t(Text::GoToAccount)}</a></p>
                    </div>
                }
                .into_any();
            }
            match lookup.get() {
                None => view! { <p role="status">{t(Text::Loading)}</p> }.into_any(),
                Some(Err(error)) if error.code() == Some(ErrorCode::Unauthenticated) => view! {
                    <p>{t(Text::InvitationSignInFirst)}</p>
                    <p>
                        <a href=identification_path(&here()) rel="external">{t(Text::SignInFirst)}</a>
                    </p>
                }
                .into_any(),
                Some(Err(error)) => match error.code().and_then(refusal) {
                    Some(text) => view! {
                        <div class="app-alert" role="alert"><p>{t(text)}</p></div>
                        <p><a href=paths::admin::HOME>{t(Text::BackToAreaFront)}</a></p>
                    }
                    .into_any(),
                    None => view! { <LoadFailed error=error retry=Callback::new(move |()| load()) /> }.into_any(),
                },
                Some(Ok(invitation)) => {
                    let given = role(invitation.role);
                    view! {
                        <dl class="admin-facts">
                            <dt>{t(Text::AccountLabel)}</dt>
                            <dd>{invitation.account_name.to_string()}</dd>
                            <dt>{t(Text::RoleLabel)}</dt>
                            <dd>{t(given)}</dd>
                            <dt>{t(Text::InvitationValidUntil)}</dt>
                            <dd>{move || moment(invitation.valid_until, language())}</dd>
                        </dl>
                        <p>{t(Text::InvitationAcceptIntro)}</p>
                        {move || failure.get().map(|code| {
                            let text = refusal(code).unwrap_or(Text::ActionFailed);
                            view! { <div class="app-alert" role="alert"><p>{t(text)}</p></div> }
                        })}
                        <button
                            type="button"
                            class="app-button app-button--primary"
                            aria-disabled=move || pending.get().then_some("true")
                            on:click=accept
                        >
                            {t(Text::AcceptInvitation)}
                        </button>
                    }
                    .into_any()
                }
            }
        }}
    }
}

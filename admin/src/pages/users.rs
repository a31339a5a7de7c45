//! "Käyttäjien hallinta" of a customer account: its members (name, role, since; changing a
//! role or removing a member, never the last administrator) and its invitations (address, when
//! sent, until when valid, state, and whether the email has left or is still queued; resending
//! and withdrawing a pending one), and "Kutsu käyttäjä". For the account's administrators and
//! agency officers (who invite a new account's first administrator).

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::{AccountInvitation, AccountUser, MemberRoleInput};
use contract::paths;
use domain::administration::{AccountRole, DeliveryState, InvitationInput, InvitationState};
use domain::{Field, Language};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api;
use crate::i18n::{Text, language, moment, role, t};
use crate::paged::ShowMore;
use crate::pages::{here, not_loaded};
use crate::widgets::{
    ActionMenu, Field as InputField, MenuAction, MenuItem, Refusal, RowAction, RowStatus,
    SelectField, Submit, keep_code, language_options,
};

fn invitation_state(state: InvitationState) -> Text {
    match state {
        InvitationState::Pending => Text::InvitationPending,
        InvitationState::Accepted => Text::InvitationAccepted,
        InvitationState::Expired => Text::InvitationExpired,
        InvitationState::Withdrawn => Text::InvitationWithdrawn,
    }
}

fn delivery(state: DeliveryState) -> Text {
    match state {
        DeliveryState::Queued => Text::DeliveryQueued,
        DeliveryState::Sent => Text::DeliverySent,
    }
}

/// The users' section of an account's page.
#[component]
pub fn Users(account: i64, administrator: bool) -> impl IntoView {
    let users = RwSignal::new(Vec::<AccountUser>::new());
    let invitations = RwSignal::new(Vec::<AccountInvitation>::new());
    let users_next = RwSignal::new(None::<i64>);
    let invitations_next = RwSignal::new(None::<i64>);
    let answer = RwSignal::new(None::<Result<(), app::api::ApiError>>);
    let load = move |users_after: Option<i64>, invitations_after: Option<i64>| {
        leptos::task::spawn_local(async move {
            match api::users(account, users_after, invitations_after).await {
                Ok(page) => {
                    if users_after.is_none() && invitations_after.is_none() {
                        users.set(page.users);
                        invitations.set(page.invitations);
                    } else {
                        if users_after.is_some() {
                            users.update(|shown| shown.extend(page.users));
                        }
                        if invitations_after.is_some() {
                            invitations.update(|shown| shown.extend(page.invitations));
                        }
                    }
                    if users_after.is_some() || invitations_after.is_none() {
                        users_next.set(page.users_next_after);
                    }
                    if invitations_after.is_some() || users_after.is_none() {
                        invitations_next.set(page.invitations_next_after);
                    }
                    answer.set(Some(Ok(())));
                }
                Err(error) => answer.set(Some(Err(error))),
            }
        });
    };
    load(None, None);
    let reload = Callback::new(move |()| load(None, None));
    let lists = move || {
        let state = answer.get();
        if let Some(view) = not_loaded(&state, here(), reload) {
            return view;
        }
        let member_rows = users.get();
        let invitation_rows = invitations.get();
        view! {
            <h3>{t(Text::UsersHeading)}</h3>
            <ul class="admin-rows">
                {member_rows
                    .into_iter()
                    .map(|user| view! { <UserRow account=account user=user administrator=administrator changed=reload /> })
                    .collect_view()}
            </ul>
            <ShowMore next=users_next load=Callback::new(move |after| load(after, None)) />
            <h3>{t(Text::InvitationsHeading)}</h3>
            {if invitation_rows.is_empty() {
                view! { <p>{t(Text::NoInvitations)}</p> }.into_any()
            } else {
                view! {
                    <ul class="admin-rows">
                        {invitation_rows
                            .into_iter()
                            .map(|invitation| view! { <InvitationRow account=account invitation=invitation changed=reload /> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <ShowMore next=invitations_next load=Callback::new(move |after| load(None, after)) />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="users">
            <h2 id="users">{t(Text::UsersManagement)}</h2>
            {lists}
            <Invite account=account invited=reload />
        </section>
    }
}

#[component]
fn UserRow(
    account: i64,
    user: AccountUser,
    administrator: bool,
    changed: Callback<()>,
) -> impl IntoView {
    let AccountUser {
        id,
        display_name,
        invited_as,
        role: user_role,
        since,
    } = user;
    let name = display_name
        .or_else(|| invited_as.map(|email| email.to_string()))
        .unwrap_or_else(|| format!("#{id}"));
    let action = RowAction::new(changed);
    let mut items = Vec::new();
    if administrator {
        let (label, new_role) = match user_role {
            AccountRole::Administrator => (Text::MakeMember, AccountRole::Member),
            AccountRole::Member => (Text::MakeAdministrator, AccountRole::Administrator),
        };
        items.push(MenuItem {
            label,
            action: MenuAction::Run(action.callback(move || {
                api::change_role(account, id, MemberRoleInput { role: new_role })
            })),
        });
        items.push(MenuItem {
            label: Text::RemoveUser,
            action: MenuAction::Run(action.callback(move || api::remove_member(account, id))),
        });
    }
    let menu_label = {
        let name = name.clone();
        Signal::derive(move || format!("{}: {name}", t(Text::Actions)()))
    };
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                <h4 class="admin-row__title">{name}</h4>
                <dl class="admin-facts">
                    <dt>{t(Text::RoleLabel)}</dt>
                    <dd>{t(role(user_role))}</dd>
                    <dt>{t(Text::MemberSince)}</dt>
                    <dd>{move || moment(since, language())}</dd>
                </dl>
            </div>
            {(!items.is_empty()).then(|| view! { <ActionMenu label=menu_label items=items /> })}
            <RowStatus action=action />
        </li>
    }
}

#[component]
fn InvitationRow(
    account: i64,
    invitation: AccountInvitation,
    changed: Callback<()>,
) -> impl IntoView {
    let AccountInvitation {
        id,
        email,
        role: invited_role,
        sent_at,
        valid_until,
        state,
        delivery: delivered,
        ..
    } = invitation;
    let address = email.to_string();
    let action = RowAction::new(changed);
    let mut items = Vec::new();
    if state == InvitationState::Pending || state == InvitationState::Expired {
        items.push(MenuItem {
            label: Text::ResendInvitation,
            action: MenuAction::Run(action.callback(move || api::resend_invitation(account, id))),
        });
    }
    if state == InvitationState::Pending {
        items.push(MenuItem {
            label: Text::WithdrawInvitation,
            action: MenuAction::Run(action.callback(move || api::withdraw_invitation(account, id))),
        });
    }
    let menu_label = {
        let address = address.clone();
        Signal::derive(move || format!("{}: {address}", t(Text::Actions)()))
    };
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                <h4 class="admin-row__title">{address}</h4>
                <dl class="admin-facts">
                    <dt>{t(Text::StateLabel)}</dt>
                    <dd>{t(invitation_state(state))}</dd>
                    <dt>{t(Text::RoleLabel)}</dt>
                    <dd>{t(role(invited_role))}</dd>
                    <dt>{t(Text::InvitationSent)}</dt>
                    <dd>{move || moment(sent_at, language())}</dd>
                    <dt>{t(Text::InvitationValidUntil)}</dt>
                    <dd>{move || moment(valid_until, language())}</dd>
                    {(state == InvitationState::Pending).then(|| view! {
                        <dt>{t(Text::DeliveryLabel)}</dt>
                        <dd>{t(delivery(delivered))}</dd>
                    })}
                </dl>
            </div>
            {(!items.is_empty()).then(|| view! { <ActionMenu label=menu_label items=items /> })}
            <RowStatus action=action />
        </li>
    }
}

const INVITE_FIELDS: &[FieldInfo] = &[FieldInfo {
    field: Field::InvitationEmail,
    target: "invite-email",
}];

const INVITE_DRAFT: &str = "admin.invite";

/// What the invite form keeps as its draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct InviteDraft {
    /// The account it was typed for.
    account: i64,
    email: String,
    language: String,
    role: String,
}

/// "Kutsu käyttäjä": an address, the email's language and the role.
#[component]
fn Invite(account: i64, invited: Callback<()>) -> impl IntoView {
    let form = FormState::new();
    let draft: InviteDraft = load_draft(INVITE_DRAFT)
        .filter(|draft: &InviteDraft| draft.account == account)
        .unwrap_or_default();
    let email = RwSignal::new(draft.email);
    let chosen_language = RwSignal::new(if draft.language.is_empty() {
        untrack(language).tag().to_owned()
    } else {
        draft.language
    });
    let chosen_role = RwSignal::new(if draft.role.is_empty() {
        AccountRole::Member.code().to_owned()
    } else {
        draft.role
    });
    let input = move || InvitationInput {
        invitation_email: email.get_untracked(),
        language: chosen_language
            .get_untracked()
            .parse()
            .unwrap_or(Language::Fi),
        role: AccountRole::from_code(&chosen_role.get_untracked()),
    };
    let keep = move || {
        save_draft(
            INVITE_DRAFT,
            &InviteDraft {
                account,
                email: email.get_untracked(),
                language: chosen_language.get_untracked(),
                role: chosen_role.get_untracked(),
            },
        );
    };
    let changed = Callback::new(move |()| {
        keep();
        let checked = input().validate().err().unwrap_or_default();
        form.recheck_field(Field::InvitationEmail, &checked);
    });
    Effect::new(move |_| {
        chosen_language.track();
        chosen_role.track();
        keep();
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let code = RwSignal::new(None::<ErrorCode>);
    let sent = RwSignal::new(None::<(String, DeliveryState)>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        sent.set(None);
        let value = input();
        let check = value.validate().map(|_| ());
        form.submit(
            FormParts {
                fields: INVITE_FIELDS,
                summary,
                draft: INVITE_DRAFT,
            },
            check,
            keep_code(code, api::invite(account, value)),
            move |invitation| {
                sent.set(Some((invitation.email.to_string(), invitation.delivery)));
                email.set(String::new());
                invited.run(());
            },
            |_| {},
        );
    };
    let languages = language_options();
    let roles = Signal::derive(move || {
        let now = language();
        AccountRole::ALL
            .into_iter()
            .map(|option| (option.code().to_owned(), role(option).get(now).to_owned()))
            .collect()
    });
    view! {
        <h3>{t(Text::InviteHeading)}</h3>
        <form class="app-form" novalidate on:submit=on_submit>
            <ErrorSummary form=form fields=INVITE_FIELDS heading_id="invite-errors" node_ref=summary />
            <InputField
                id="invite-email"
                label=Text::InviteEmailLabel
                hint=Text::InviteEmailHint
                value=email
                error=form.message(Field::InvitationEmail)
                input_type="email"
                autocomplete="off"
                inputmode="email"
                on_change=changed
            />
            <SelectField id="invite-language" label=Text::InviteLanguageLabel value=chosen_language options=languages error=Signal::derive(|| None) />
            <SelectField id="invite-role" label=Text::RoleLabel value=chosen_role options=roles error=Signal::derive(|| None) />
            <div role="status">
                {move || sent.get().map(|(address, state)| {
                    let text = match state {
                        DeliveryState::Sent => Text::InvitationSentTo,
                        DeliveryState::Queued => Text::InvitationQueuedFor,
                    };
                    view! { <p>{t(text)} " " {address}</p> }
                })}
            </div>
            <Refusal form=form code=code return_to=paths::admin::HOME />
            <Submit form=form label=Text::InviteButton />
        </form>
    }
}

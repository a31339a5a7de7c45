//! Registration points as rows (name, address, state, service number), and the agency
//! officer's page of point orders awaiting a decision: approving one assigns its electronic
//! service number; a rejection needs a reason.

use contract::admin::RegistrationPoint;
use contract::paths;
use domain::administration::{DecisionInput, PointOrderState};
use leptos::prelude::*;

use crate::api;
use crate::i18n::{Text, language, moment, point_state, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::contracts::{REJECT_INPUT, RejectForm, Rejecting};
use crate::pages::{here, not_loaded};
use crate::widgets::{ActionMenu, MenuAction, MenuItem, RegistrarCount, RowAction, RowStatus};

/// One point, with the officer's decision where it awaits one.
#[component]
pub fn PointRow(
    point: RegistrationPoint,
    /// An agency officer: decides an order.
    officer: bool,
    changed: Callback<()>,
    rejecting: RwSignal<Option<Rejecting>>,
    /// Whose point it is, on the officer's list of several counties' orders.
    #[prop(optional)]
    owner: Option<String>,
    /// The county's administrator (or an officer on the county's page): closes an approved
    /// point.
    #[prop(optional)]
    may_close: bool,
) -> impl IntoView {
    let id = point.id;
    let account = point.account_id;
    let state = point_state(point.state);
    let name = point.name.to_string();
    let action = RowAction::new(changed);
    let mut items = Vec::new();
    if officer && point.state == PointOrderState::Ordered {
        items.push(MenuItem {
            label: Text::Approve,
            action: MenuAction::Run(action.callback(move || {
                api::decide_point_order(
                    id,
                    DecisionInput {
                        grant: true,
                        rejection_reason: None,
                    },
                )
            })),
        });
        items.push(MenuItem {
            label: Text::Reject,
            action: MenuAction::Run(Callback::new(move |()| {
                rejecting.set(Some(Rejecting::PointOrder(id)));
                request_animation_frame(|| app::form::focus_by_id(REJECT_INPUT));
            })),
        });
        items.push(MenuItem {
            label: Text::OpenAccount,
            action: MenuAction::Link(paths::api::with(
                paths::admin::ACCOUNT,
                &[&account.to_string()],
            )),
        });
    }
    if may_close && point.state == PointOrderState::Approved {
        items.push(MenuItem {
            label: Text::ClosePoint,
            action: MenuAction::Run(action.callback(move || {
                let sure = window()
                    .confirm_with_message(t(Text::ClosePointConfirm)())
                    .unwrap_or(false);
                async move {
                    if !sure {
                        return Ok(None);
                    }
                    api::close_point(account, id).await.map(Some)
                }
            })),
        });
    }
    let menu_label = {
        let name = name.clone();
        Signal::derive(move || format!("{}: {name}", t(Text::Actions)()))
    };

    let address = point.postal_address.map(|address| address.to_string());
    let number = point.service_number.map(|number| number.to_string());
    let reason = point.rejection_reason.map(|reason| reason.to_string());
    let main = point.is_main;
    let too_few = point.too_few_registrars;
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                {owner.filter(|owner| !owner.is_empty()).map(|owner| view! { <p class="admin-row__owner">{owner}</p> })}
                <h3 class="admin-row__title">
                    {name}
                    {main.then(|| view! { <span class="admin-muted">" (" {t(Text::MainPoint)} ")"</span> })}
                </h3>
                <dl class="admin-facts">
                    <dt>{t(Text::StateLabel)}</dt>
                    <dd>{t(state)}</dd>
                    {address.map(|address| view! { <dt>{t(Text::PostalAddressLabel)}</dt><dd>{address}</dd> })}
                    <dt>{t(Text::ServiceNumberLabel)}</dt>
                    <dd>{number.unwrap_or_else(|| "–".to_owned())}</dd>
                    {(point.state == PointOrderState::Approved).then(|| view! {
                        <RegistrarCount count=point.active_registrars too_few=too_few />
                    })}
                    <dt>{t(Text::Created)}</dt>
                    <dd>{move || moment(point.created_at, language())}</dd>
                    {reason.map(|reason| view! { <dt>{t(Text::RejectionReasonShown)}</dt><dd>{reason}</dd> })}
                </dl>
            </div>
            {(!items.is_empty()).then(|| view! { <ActionMenu label=menu_label items=items /> })}
            <RowStatus action=action />
            <Show when=move || rejecting.get() == Some(Rejecting::PointOrder(id))>
                <RejectForm
                    decide=Callback::new(move |reason: String| -> crate::pages::contracts::Deciding {
                        let request = api::decide_point_order(
                            id,
                            DecisionInput { grant: false, rejection_reason: Some(reason) },
                        );
                        Box::pin(async move { request.await.map(|_| ()) })
                    })
                    done=Callback::new(move |()| {
                        rejecting.set(None);
                        changed.run(());
                    })
                />
            </Show>
        </li>
    }
}

/// The agency officer's page: orders awaiting a decision, oldest first.
#[component]
pub fn PointOrdersPage() -> impl IntoView {
    use_title(Text::PointOrdersTitle, Signal::derive(|| false));
    let points = Paged::<RegistrationPoint>::new();
    let owners = RwSignal::new(Vec::<contract::admin::AccountSummary>::new());
    let load = move |after: Option<i64>| {
        points.load(after, move |after| async move {
            api::point_orders(after).await.map(|page| {
                owners.update(|known| known.extend(page.accounts));
                (page.points, page.next_after)
            })
        });
    };
    load(None);
    let rejecting = RwSignal::new(None::<Rejecting>);
    view! {
        <h1>{t(Text::PointOrdersTitle)}</h1>
        {move || {
            let state = points.answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                return shown;
            }
            let rows = points.rows.get();
            if rows.is_empty() {
                return view! { <p>{t(Text::NothingToDecide)}</p> }.into_any();
            }
            view! {
                <ul class="admin-rows">
                    {rows
                        .into_iter()
                        .map(|point| {
                            let owner = owners.with_untracked(|known| {
                                known
                                    .iter()
                                    .find(|account| account.id == point.account_id)
                                    .map(|account| account.name.to_string())
                            });
                            view! {
                            <PointRow
                                owner=owner.unwrap_or_default()
                                point=point
                                officer=true
                                changed=Callback::new(move |()| load(None))
                                rejecting=rejecting
                            />
                        }})
                        .collect_view()}
                </ul>
                <ShowMore next=points.next load=Callback::new(load) />
            }
            .into_any()
        }}
    }
}

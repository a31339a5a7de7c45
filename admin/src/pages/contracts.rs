//! Card contracts as rows ("Toimikorttisopimus, myönnetty") with the actions each allows, and
//! the agency officer's page of submitted contracts awaiting a decision. A rejection needs a
//! reason, asked for in the row itself.

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState};
use contract::ErrorCode;
use contract::admin::{AccountSummary, Contract};
use contract::paths;
use domain::Field;
use domain::administration::{ContractKind, ContractState, DecisionInput};
use leptos::prelude::*;

use crate::api;
use crate::i18n::{Text, contract_kind, contract_state, language, moment, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::{here, not_loaded};
use crate::widgets::{
    ActionMenu, Field as InputField, MenuAction, MenuItem, Refusal, RowAction, RowStatus, Submit,
    keep_code,
};

/// The row whose rejection reason is being asked for: one at a time on a page, a contract's or
/// a point order's (so one form, with one set of ids, is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejecting {
    Contract(i64),
    PointOrder(i64),
    RegistrarApplication(i64),
}

/// What the person may do with a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractRights {
    /// The account's administrator: submits its drafts.
    pub administrator: bool,
    /// An agency officer: decides submitted ones.
    pub officer: bool,
    /// A member of a wellbeing county's account: applies for registrar rights on its granted
    /// card contract ("Tee rekisteröijähakemus").
    pub registrar_applicant: bool,
}

/// One contract: its kind and state, dates, the reason of a rejection, and its actions.
#[component]
pub fn ContractRow(
    contract: Contract,
    rights: ContractRights,
    /// Runs after a change, to load the list again.
    changed: Callback<()>,
    /// The row whose rejection reason is being asked for (one at a time on a page).
    rejecting: RwSignal<Option<Rejecting>>,
    /// Whose contract it is, on the officer's list of several accounts' contracts.
    #[prop(optional)]
    owner: Option<String>,
) -> impl IntoView {
    let kind = contract_kind(contract.kind);
    let state = contract_state(contract.state);
    let title = Signal::derive(move || format!("{}, {}", t(kind)(), t(state)()));
    let (account, id) = (contract.account_id, contract.id);
    let action = RowAction::new(changed);
    let mut items = Vec::new();
    if contract.state == ContractState::Draft && rights.administrator {
        items.push(MenuItem {
            label: Text::SubmitContract,
            action: MenuAction::Run(action.callback(move || api::submit_contract(account, id))),
        });
    }
    if contract.state == ContractState::Submitted && rights.officer {
        items.push(MenuItem {
            label: Text::Grant,
            action: MenuAction::Run(action.callback(move || {
                api::decide_contract(
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
                rejecting.set(Some(Rejecting::Contract(id)));
                request_animation_frame(move || app::form::focus_by_id(REJECT_INPUT));
            })),
        });
    }
    if contract.state == ContractState::Granted
        && contract.kind == ContractKind::SoteOrganisation
        && rights.registrar_applicant
    {
        items.push(MenuItem {
            label: Text::RegistrarApplicationAction,
            action: MenuAction::Link(paths::api::with(
                paths::admin::REGISTRAR_APPLICATION,
                &[&account.to_string(), &id.to_string()],
            )),
        });
    }
    if contract.state == ContractState::Granted {
        items.push(MenuItem {
            label: Text::PrintContract,
            action: MenuAction::Link(paths::api::with(
                paths::admin::CONTRACT_PRINT,
                &[&account.to_string(), &id.to_string()],
            )),
        });
    }
    if rights.officer {
        items.push(MenuItem {
            label: Text::OpenAccount,
            action: MenuAction::Link(paths::api::with(
                paths::admin::ACCOUNT,
                &[&account.to_string()],
            )),
        });
    }
    let menu_label = {
        let owner = owner.clone();
        Signal::derive(move || match &owner {
            Some(owner) => format!("{}: {} – {owner}", t(Text::Actions)(), title.get()),
            None => format!("{}: {}", t(Text::Actions)(), title.get()),
        })
    };
    let reason = contract.rejection_reason.map(|reason| reason.to_string());
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                {owner.filter(|owner| !owner.is_empty()).map(|owner| view! { <p class="admin-row__owner">{owner}</p> })}
                <h3 class="admin-row__title">{move || title.get()}</h3>
                <p class="admin-muted">
                    {move || {
                        let language = language();
                        format!(
                            "{} {} · {} {}",
                            t(Text::Created)(),
                            moment(contract.created_at, language),
                            t(Text::Updated)(),
                            moment(contract.updated_at, language),
                        )
                    }}
                </p>
                {reason.map(|reason| view! { <p>{t(Text::RejectionReasonShown)} ": " {reason}</p> })}
            </div>
            {(!items.is_empty()).then(|| view! { <ActionMenu label=menu_label items=items /> })}
            <RowStatus action=action />
            <Show when=move || rejecting.get() == Some(Rejecting::Contract(id))>
                <RejectForm
                    decide=Callback::new(move |reason: String| -> crate::pages::contracts::Deciding {
                        let request = api::decide_contract(
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

/// A decision's request, given the rejection's reason.
pub type Deciding = std::pin::Pin<Box<dyn Future<Output = Result<(), app::api::ApiError>>>>;

type Decide = Callback<String, Deciding>;

/// The id of the rejection reason's input (one such form is open at a time).
pub const REJECT_INPUT: &str = "reject-reason";

const REJECT_FIELDS: &[FieldInfo] = &[FieldInfo {
    field: Field::RejectionReason,
    target: REJECT_INPUT,
}];

/// The reason of a rejection, asked for where the rejection was chosen.
#[component]
pub fn RejectForm(decide: Decide, done: Callback<()>) -> impl IntoView {
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let summary = NodeRef::<leptos::html::Div>::new();
    let code = RwSignal::new(None::<ErrorCode>);
    let fields = REJECT_FIELDS;
    let heading = "reject-errors";
    let input_id = REJECT_INPUT;
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = DecisionInput {
            grant: false,
            rejection_reason: Some(reason.get_untracked()),
        };
        let check = input.validate().map(|_| ());
        form.submit(
            FormParts {
                fields,
                summary,
                draft: "admin.reject",
            },
            check,
            keep_code(code, decide.run(reason.get_untracked())),
            move |()| done.run(()),
            |_| {},
        );
    };
    view! {
        <form class="app-form admin-inline-form" novalidate on:submit=on_submit>
            <ErrorSummary form=form fields=fields heading_id=heading node_ref=summary />
            <InputField
                id=input_id
                label=Text::RejectionReasonLabel
                hint=Text::RejectionReasonHint
                value=reason
                error=form.message(Field::RejectionReason)
            />
            <Refusal form=form code=code return_to=paths::admin::HOME />
            <Submit form=form label=Text::Reject />
        </form>
    }
}

/// The agency officer's page: submitted contracts, oldest first.
#[component]
pub fn ContractsPage() -> impl IntoView {
    use_title(Text::ContractsTitle, Signal::derive(|| false));
    let contracts = Paged::<Contract>::new();
    let owners = RwSignal::new(Vec::<AccountSummary>::new());
    let load = move |after: Option<i64>| {
        contracts.load(after, move |after| async move {
            api::submitted_contracts(after).await.map(|page| {
                owners.update(|known| known.extend(page.accounts));
                (page.contracts, page.next_after)
            })
        });
    };
    load(None);
    let rights = ContractRights {
        administrator: false,
        officer: true,
        registrar_applicant: false,
    };
    let rejecting = RwSignal::new(None::<Rejecting>);
    view! {
        <h1>{t(Text::ContractsTitle)}</h1>
        <p>{t(Text::ContractsIntro)}</p>
        {move || {
            let state = contracts.answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                return shown;
            }
            let rows = contracts.rows.get();
            if rows.is_empty() {
                return view! { <p>{t(Text::NothingToDecide)}</p> }.into_any();
            }
            view! {
                <ul class="admin-rows">
                    {rows
                        .into_iter()
                        .map(|contract| {
                            let owner = owners.with_untracked(|known| {
                                known
                                    .iter()
                                    .find(|account| account.id == contract.account_id)
                                    .map(|account| format!("{} ({})", account.name, account.business_id))
                            });
                            view! {
                            <ContractRow
                                owner=owner.unwrap_or_default()
                                contract=contract
                                rights=rights
                                changed=Callback::new(move |()| load(None))
                                rejecting=rejecting
                            />
                        }})
                        .collect_view()}
                </ul>
                <ShowMore next=contracts.next load=Callback::new(load) />
            }
            .into_any()
        }}
    }
}

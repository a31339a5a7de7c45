//! One customer account: its facts; its matters as "Keskeneräiset asiat" (drafts, submitted)
//! and "Valmiit asiat" (decided), each with its actions; applying for a card contract; a
//! county's registration points ("Näytä rekisteröintipistetilaukset") with their orders and
//! each point's customers ("YS sote/organisaatio"); and an organisation's authorisations of
//! points by service number. The server decides every right; the page offers what the person's
//! role allows.

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::{
    AccountDetail, Authorisation, PointCustomer, PointLookup, PointRegistrar, RegistrationPoint,
};
use contract::paths;
use domain::Field;
use domain::administration::{
    AccountKind, AccountRole, AuthorisationInput, ContractInput, ContractKind, PointOrderInput,
    PointOrderState,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::i18n::{Text, account_kind, contract_kind, language, moment, role, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::contracts::{ContractRights, ContractRow, Rejecting};
use crate::pages::point_orders::PointRow;
use crate::pages::users::Users;
use crate::pages::{here, not_loaded};
use crate::use_me;
use crate::widgets::{
    ActionMenu, Field as InputField, MenuAction, MenuItem, Refusal, RegistrarCount, RowAction,
    RowStatus, SelectField, Submit, keep_code,
};

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    use_title(Text::AccountTitle, Signal::derive(|| false));
    let params = use_params_map();
    let account = Memo::new(move |_| {
        params.with(|params| params.get("account").and_then(|id| id.parse::<i64>().ok()))
    });
    let detail = RwSignal::new(None::<Result<AccountDetail, app::api::ApiError>>);
    let load = move || {
        let Some(id) = account.get_untracked() else {
            detail.set(Some(Err(app::api::ApiError::Status {
                status: 404,
                code: Some(ErrorCode::NotFound),
                fields: Default::default(),
            })));
            return;
        };
        leptos::task::spawn_local(async move {
            detail.set(Some(api::account(id).await));
        });
    };
    Effect::new(move |_| {
        account.track();
        load();
    });
    let me = use_me();
    let officer = move || me.me.with(|me| matches!(me, Some(Ok(me)) if me.officer));
    view! {
        {move || {
            let answer = detail.get();
            if let Some(shown) = not_loaded(&answer, here(), Callback::new(move |()| load())) {
                return view! { <h1>{t(Text::AccountTitle)}</h1> {shown} }.into_any();
            }
            let Some(Ok(detail)) = answer else { return ().into_any() };
            view! { <Account detail=detail officer=officer() reload=Callback::new(move |()| load()) /> }
                .into_any()
        }}
    }
}

#[component]
fn Account(detail: AccountDetail, officer: bool, reload: Callback<()>) -> impl IntoView {
    let AccountDetail { account, contracts } = detail;
    let id = account.id;
    let administrator = account.role == Some(AccountRole::Administrator);
    let rights = ContractRights {
        administrator,
        officer,
        registrar_applicant: account.kind == AccountKind::WellbeingCounty && account.role.is_some(),
    };
    let kind = account.kind;
    let county_name = account
        .county
        .map(|county| move || county.region().name.get(language()));
    let your_role = account.role.map(role);
    let (pending, decided): (Vec<_>, Vec<_>) = contracts
        .into_iter()
        .partition(|contract| contract.state.is_pending());
    let has_granted = decided
        .iter()
        .any(|contract| contract.state == domain::administration::ContractState::Granted);
    let rejecting = RwSignal::new(None::<Rejecting>);
    let rows = move |contracts: Vec<contract::admin::Contract>| {
        if contracts.is_empty() {
            return view! { <p>{t(Text::NoMatters)}</p> }.into_any();
        }
        view! {
            <ul class="admin-rows">
                {contracts
                    .into_iter()
                    .map(|contract| view! {
                        <ContractRow contract=contract rights=rights changed=reload rejecting=rejecting />
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let audit = format!("{}?account={id}", paths::admin::AUDIT);
    view! {
        <h1>{account.name.to_string()}</h1>
        <dl class="admin-facts">
            <dt>{t(Text::BusinessIdLabel)}</dt>
            <dd>{account.business_id.to_string()}</dd>
            <dt>{t(Text::AccountKindLabel)}</dt>
            <dd>{t(account_kind(kind))}</dd>
            {county_name.map(|name| view! { <dt>{t(Text::CountyLabel)}</dt><dd>{name}</dd> })}
            {your_role.map(|text| view! { <dt>{t(Text::YourRoleLabel)}</dt><dd>{t(text)}</dd> })}
        </dl>
        <p><a href=audit>{t(Text::AccountAuditLink)}</a></p>
        <section aria-labelledby="matters-pending">
            <h2 id="matters-pending">{t(Text::PendingMatters)}</h2>
            {rows(pending)}
        </section>
        <section aria-labelledby="matters-decided">
            <h2 id="matters-decided">{t(Text::DecidedMatters)}</h2>
            {rows(decided)}
        </section>
        {administrator.then(|| view! { <ApplyContract account=id kind=kind reload=reload /> })}
        {kind.owns_registration_points().then(|| view! {
            <Points account=id administrator=administrator officer=officer has_granted=has_granted rejecting=rejecting />
        })}
        {(!kind.owns_registration_points()).then(|| view! {
            <Authorisations account=id administrator=administrator has_granted=has_granted />
        })}
        {rights.registrar_applicant.then(|| view! {
            <crate::pages::registrar_application::MyApplications account=id changed=RwSignal::new(0) />
        })}
        {(administrator || officer).then(|| view! { <Users account=id administrator=administrator /> })}
    }
}

/// A one-value form's draft, kept for the account it was typed for (the drafts of this tab are
/// per signed-in person; an administrator of two accounts gets each its own).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct AccountDraft {
    account: i64,
    value: String,
}

fn load_account_draft(key: &str, account: i64) -> String {
    load_draft::<AccountDraft>(key)
        .filter(|draft| draft.account == account)
        .map(|draft| draft.value)
        .unwrap_or_default()
}

const CONTRACT_DRAFT: &str = "admin.contract";
const AUTHORISE_DRAFT: &str = "admin.authorise";

const CONTRACT_FIELDS: &[FieldInfo] = &[FieldInfo {
    field: Field::ContractKind,
    target: "contract-kind",
}];

/// "Hae toimikorttisopimusta": a draft of the chosen kind, then "Lähetä käsiteltäväksi".
#[component]
fn ApplyContract(account: i64, kind: AccountKind, reload: Callback<()>) -> impl IntoView {
    let form = FormState::new();
    let chosen = RwSignal::new(load_account_draft(CONTRACT_DRAFT, account));
    Effect::new(move |_| {
        let value = chosen.get();
        if !value.is_empty() {
            save_draft(CONTRACT_DRAFT, &AccountDraft { account, value });
        }
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let code = RwSignal::new(None::<ErrorCode>);
    let options = Signal::derive(move || {
        let language = language();
        ContractKind::ALL
            .into_iter()
            .filter(|contract| contract.is_open_to(kind))
            .map(|contract| {
                (
                    contract.code().to_owned(),
                    contract_kind(contract).get(language).to_owned(),
                )
            })
            .collect()
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = ContractInput {
            contract_kind: chosen.get_untracked(),
        };
        let check = input.validate(kind).map(|_| ());
        form.submit(
            FormParts {
                fields: CONTRACT_FIELDS,
                summary,
                draft: CONTRACT_DRAFT,
            },
            check,
            keep_code(code, api::apply_contract(account, input)),
            move |_| {
                chosen.set(String::new());
                reload.run(());
            },
            |_| {},
        );
    };
    view! {
        <section aria-labelledby="apply-contract">
            <h2 id="apply-contract">{t(Text::ApplyContractHeading)}</h2>
            <p>{t(Text::ApplyContractIntro)}</p>
            <form class="app-form" novalidate on:submit=on_submit>
                <ErrorSummary form=form fields=CONTRACT_FIELDS heading_id="apply-contract-errors" node_ref=summary />
                <SelectField
                    id="contract-kind"
                    label=Text::ContractKindLabel
                    value=chosen
                    options=options
                    error=form.message(Field::ContractKind)
                />
                <Refusal form=form code=code return_to=paths::admin::HOME />
                <Submit form=form label=Text::CreateDraft />
            </form>
        </section>
    }
}

const POINT_FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::PointName,
        target: "point-name",
    },
    FieldInfo {
        field: Field::PostalAddress,
        target: "point-address",
    },
];

const POINT_DRAFT: &str = "admin.point-order";

/// A county's registration points: shown on request ("Näytä rekisteröintipistetilaukset"), a
/// page at a time; each approved point's customers; and the administrator's order form.
#[component]
fn Points(
    account: i64,
    administrator: bool,
    officer: bool,
    has_granted: bool,
    /// Shared with the contracts' rows: one rejection form open on the page.
    rejecting: RwSignal<Option<Rejecting>>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let points = Paged::<RegistrationPoint>::new();
    let load = move |after: Option<i64>| {
        points.load(after, move |after| async move {
            api::points(account, after)
                .await
                .map(|page| (page.points, page.next_after))
        });
    };
    let toggle = move |_| {
        let now = !shown.get_untracked();
        shown.set(now);
        if now {
            load(None);
        }
    };
    let list = move || {
        let state = points.answer.get();
        if let Some(view) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
            return view;
        }
        let rows = points.rows.get();
        if rows.is_empty() {
            return view! { <p>{t(Text::NoPoints)}</p> }.into_any();
        }
        view! {
            <ul class="admin-rows">
                {rows
                    .into_iter()
                    .map(|point| {
                        let approved = point.state == PointOrderState::Approved;
                        let point_id = point.id;
                        let point_name = point.name.to_string();
                        view! {
                            <PointRow point=point officer=officer may_close=administrator || officer changed=Callback::new(move |()| load(None)) rejecting=rejecting />
                            {approved.then(|| view! {
                                <Customers account=account point=point_id name=point_name.clone() />
                                <Registrars account=account point=point_id name=point_name may_remove=administrator || officer changed=Callback::new(move |()| load(None)) />
                            })}
                        }
                    })
                    .collect_view()}
            </ul>
            <ShowMore next=points.next load=Callback::new(load) />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="points">
            <h2 id="points">{t(Text::PointsHeading)}</h2>
            <button
                type="button"
                class="app-button"
                aria-expanded=move || shown.get().to_string()
                aria-controls="points-list"
                on:click=toggle
            >
                {move || if shown.get() { t(Text::HidePointOrders)() } else { t(Text::ShowPointOrders)() }}
            </button>
            <div id="points-list" hidden=move || !shown.get()>
                {move || shown.get().then(list)}
            </div>
            {(administrator && has_granted).then(|| view! { <OrderPoint account=account ordered=Callback::new(move |()| { shown.set(true); load(None); }) /> })}
            {(administrator && !has_granted).then(|| view! { <p>{t(Text::PointsNeedContract)}</p> })}
        </section>
    }
}

/// The customers of an approved point: the organisations that authorise it, shown to the
/// point's registrars (until part 2, to the county's administrator) as "YS sote/organisaatio".
#[component]
fn Customers(account: i64, point: i64, name: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    let customers = Paged::<PointCustomer>::new();
    let load = move |after: Option<i64>| {
        customers.load(after, move |after| async move {
            api::point_customers(account, point, after)
                .await
                .map(|page| (page.customers, page.next_after))
        });
    };
    let region = format!("customers-{point}");
    view! {
        <li class="admin-row admin-row--nested">
            <button
                type="button"
                class="app-button"
                aria-expanded=move || shown.get().to_string()
                aria-controls=region.clone()
                aria-label=move || format!("{}: {name}", t(Text::ShowCustomers)())
                on:click=move |_| {
                    let now = !shown.get_untracked();
                    shown.set(now);
                    if now { load(None) }
                }
            >
                {t(Text::ShowCustomers)}
            </button>
            <div id=region hidden=move || !shown.get()>
                {move || {
                    let answer = customers.answer.get();
                    if let Some(view) = not_loaded(&answer, here(), Callback::new(move |()| load(None))) {
                        return view;
                    }
                    let list = customers.rows.get();
                    if list.is_empty() {
                        return view! { <p>{t(Text::NoCustomers)}</p> }.into_any();
                    }
                    view! {
                        <ul class="admin-links">
                            {list
                                .into_iter()
                                .map(|customer| {
                                    let kind = account_kind(customer.kind);
                                    view! {
                                        <li>
                                            <strong>{t(Text::CustomerKindYs)}</strong>
                                            ": "
                                            {customer.name.to_string()}
                                            <span class="admin-muted">
                                                {move || format!(
                                                    " ({}, {}, {} {})",
                                                    customer.business_id,
                                                    t(kind)(),
                                                    t(Text::Since)(),
                                                    moment(customer.since, language()),
                                                )}
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <ShowMore next=customers.next load=Callback::new(load) />
                    }
                    .into_any()
                }}
            </div>
        </li>
    }
}

/// An approved point's registrars (shown on request), with the removal of one's rights for the
/// county's administrator and the officer: refused, with its reason, when fewer than two would
/// remain.
#[component]
fn Registrars(
    account: i64,
    point: i64,
    name: String,
    may_remove: bool,
    /// Runs after a removal (the point's count changes).
    changed: Callback<()>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let registrars = Paged::<PointRegistrar>::new();
    let load = move |after: Option<i64>| {
        registrars.load(after, move |after| async move {
            api::point_registrars(account, point, after)
                .await
                .map(|page| (page.registrars, page.next_after))
        });
    };
    let region = format!("registrars-{point}");
    let label_name = name.clone();
    view! {
        <li class="admin-row admin-row--nested">
            <button
                type="button"
                class="app-button"
                aria-expanded=move || shown.get().to_string()
                aria-controls=region.clone()
                aria-label=move || format!("{}: {label_name}", t(Text::ShowRegistrars)())
                on:click=move |_| {
                    let now = !shown.get_untracked();
                    shown.set(now);
                    if now { load(None) }
                }
            >
                {t(Text::ShowRegistrars)}
            </button>
            <div id=region hidden=move || !shown.get()>
                {move || {
                    let answer = registrars.answer.get();
                    if let Some(view) = not_loaded(&answer, here(), Callback::new(move |()| load(None))) {
                        return view;
                    }
                    let list = registrars.rows.get();
                    if list.is_empty() {
                        return view! { <p>{t(Text::NoRegistrars)}</p> }.into_any();
                    }
                    let name = name.clone();
                    view! {
                        <ul class="admin-rows">
                            {list
                                .into_iter()
                                .map(|registrar| {
                                    let who = registrar.display_name.clone().unwrap_or_else(|| format!("#{}", registrar.id));
                                    let action = RowAction::new(Callback::new(move |()| {
                                        load(None);
                                        changed.run(());
                                    }));
                                    let id = registrar.id;
                                    let items = vec![MenuItem {
                                        label: Text::RemoveRegistrar,
                                        action: MenuAction::Run(action.callback(move || api::remove_registrar(account, point, id))),
                                    }];
                                    let menu_label = {
                                        let (who, name) = (who.clone(), name.clone());
                                        Signal::derive(move || format!("{}: {who}, {name}", t(Text::Actions)()))
                                    };
                                    view! {
                                        <li class="admin-row">
                                            <div class="admin-row__main">
                                                <h3 class="admin-row__title">{who}</h3>
                                                <dl class="admin-facts">
                                                    <dt>{t(Text::Since)}</dt>
                                                    <dd>{move || moment(registrar.granted_at, language())}</dd>
                                                </dl>
                                            </div>
                                            {may_remove.then(|| view! { <ActionMenu label=menu_label items=items /> })}
                                            <RowStatus action=action />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <ShowMore next=registrars.next load=Callback::new(load) />
                    }
                    .into_any()
                }}
            </div>
        </li>
    }
}

/// "Tilaa rekisteröintipiste": name and address; the officer approves it.
#[component]
fn OrderPoint(account: i64, ordered: Callback<()>) -> impl IntoView {
    let form = FormState::new();
    let draft: PointOrderInput = load_draft(POINT_DRAFT).unwrap_or_default();
    let name = RwSignal::new(draft.point_name);
    let address = RwSignal::new(draft.postal_address);
    let input = move || PointOrderInput {
        point_name: name.get_untracked(),
        postal_address: address.get_untracked(),
    };
    let changed = Callback::new(move |()| {
        let value = input();
        save_draft(POINT_DRAFT, &value);
        let checked = value.validate().err().unwrap_or_default();
        for info in POINT_FIELDS {
            form.recheck_field(info.field, &checked);
        }
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let code = RwSignal::new(None::<ErrorCode>);
    let saved = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = input();
        let check = value.validate().map(|_| ());
        saved.set(false);
        form.submit(
            FormParts {
                fields: POINT_FIELDS,
                summary,
                draft: POINT_DRAFT,
            },
            check,
            keep_code(code, api::order_point(account, value)),
            move |_| {
                name.set(String::new());
                address.set(String::new());
                saved.set(true);
                ordered.run(());
            },
            |_| {},
        );
    };
    view! {
        <h3>{t(Text::OrderPointHeading)}</h3>
        <form class="app-form" novalidate on:submit=on_submit>
            <ErrorSummary form=form fields=POINT_FIELDS heading_id="order-point-errors" node_ref=summary />
            <InputField id="point-name" label=Text::PointNameLabel value=name error=form.message(Field::PointName) on_change=changed />
            <InputField
                id="point-address"
                label=Text::PostalAddressLabel
                hint=Text::PostalAddressHint
                value=address
                error=form.message(Field::PostalAddress)
                autocomplete="street-address"
                on_change=changed
            />
            <div role="status">{move || saved.get().then(|| view! { <p>{t(Text::PointOrderSent)}</p> })}</div>
            <Refusal form=form code=code return_to=paths::admin::HOME />
            <Submit form=form label=Text::OrderPointButton />
        </form>
    }
}

const AUTHORISE_FIELDS: &[FieldInfo] = &[FieldInfo {
    field: Field::ServiceNumber,
    target: "service-number",
}];

/// An organisation's authorisations: the list, revoking one, and authorising a point by its
/// service number (look it up, confirm its name and county, save).
#[component]
fn Authorisations(account: i64, administrator: bool, has_granted: bool) -> impl IntoView {
    let list = Paged::<Authorisation>::new();
    let load = move |after: Option<i64>| {
        list.load(after, move |after| async move {
            api::authorisations(account, after)
                .await
                .map(|page| (page.authorisations, page.next_after))
        });
    };
    load(None);
    let rows = move || {
        let state = list.answer.get();
        if let Some(view) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
            return view;
        }
        let rows = list.rows.get();
        if rows.is_empty() {
            return view! { <p>{t(Text::NoAuthorisations)}</p> }.into_any();
        }
        view! {
            <ul class="admin-rows">
                {rows
                    .into_iter()
                    .map(|authorisation| view! {
                        <AuthorisationRow
                            authorisation=authorisation
                            administrator=administrator
                            changed=Callback::new(move |()| load(None))
                        />
                    })
                    .collect_view()}
            </ul>
            <ShowMore next=list.next load=Callback::new(load) />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="authorisations">
            <h2 id="authorisations">{t(Text::AuthorisationsHeading)}</h2>
            <p>{t(Text::AuthorisationsIntro)}</p>
            {rows}
            {(administrator && has_granted).then(|| view! { <Authorise account=account authorised=Callback::new(move |()| load(None)) /> })}
            {(administrator && !has_granted).then(|| view! { <p>{t(Text::AuthorisationNeedsContract)}</p> })}
        </section>
    }
}

#[component]
fn AuthorisationRow(
    authorisation: Authorisation,
    administrator: bool,
    changed: Callback<()>,
) -> impl IntoView {
    let Authorisation {
        id,
        account_id,
        point,
        created_at,
        revoked_at,
    } = authorisation;
    let name = point.name.to_string();
    let county = point.county_name.to_string();
    let number = point.service_number.to_string();
    let (registrars, too_few) = (point.active_registrars, point.too_few_registrars);
    let action = RowAction::new(changed);
    let mut items = Vec::new();
    if administrator && revoked_at.is_none() {
        items.push(MenuItem {
            label: Text::Revoke,
            action: MenuAction::Run(action.callback(move || api::revoke(account_id, id))),
        });
    }
    let menu_label = {
        let name = name.clone();
        Signal::derive(move || format!("{}: {name}", t(Text::Actions)()))
    };
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                <h3 class="admin-row__title">{name}</h3>
                <dl class="admin-facts">
                    <dt>{t(Text::ServiceNumberLabel)}</dt>
                    <dd>{number}</dd>
                    <dt>{t(Text::CountyLabel)}</dt>
                    <dd>{county}</dd>
                    <RegistrarCount count=registrars too_few=too_few />
                    <dt>{t(Text::StateLabel)}</dt>
                    <dd>
                        {move || match revoked_at {
                            None => format!("{} {}", t(Text::AuthorisedSince)(), moment(created_at, language())),
                            Some(at) => format!("{} {}", t(Text::RevokedAt)(), moment(at, language())),
                        }}
                    </dd>
                </dl>
            </div>
            {(!items.is_empty()).then(|| view! { <ActionMenu label=menu_label items=items /> })}
            <RowStatus action=action />
        </li>
    }
}

/// "Valtuuta rekisteröintipiste": the number, then the point it belongs to, to confirm.
#[component]
fn Authorise(account: i64, authorised: Callback<()>) -> impl IntoView {
    let form = FormState::new();
    let number = RwSignal::new(load_account_draft(AUTHORISE_DRAFT, account));
    let found = RwSignal::new(None::<PointLookup>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let code = RwSignal::new(None::<ErrorCode>);
    let saved = RwSignal::new(None::<String>);
    let confirm = NodeRef::<leptos::html::Div>::new();
    let changed = Callback::new(move |()| {
        found.set(None);
        save_draft(
            AUTHORISE_DRAFT,
            &AccountDraft {
                account,
                value: number.get_untracked(),
            },
        );
        let checked = AuthorisationInput {
            service_number: number.get_untracked(),
        }
        .validate()
        .err()
        .unwrap_or_default();
        form.recheck_field(Field::ServiceNumber, &checked);
    });
    let look_up = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(None);
        let input = AuthorisationInput {
            service_number: number.get_untracked(),
        };
        let check = input.validate().map(|_| ());
        form.submit(
            FormParts {
                fields: AUTHORISE_FIELDS,
                summary,
                draft: "admin.authorise-lookup",
            },
            check,
            keep_code(code, api::lookup_point(input.service_number)),
            move |point| {
                found.set(Some(point));
                app::form::focus_later(confirm);
            },
            |_| {},
        );
    };
    let save = move |_| {
        let Some(point) = found.get_untracked() else {
            return;
        };
        let input = AuthorisationInput {
            service_number: point.service_number.to_string(),
        };
        form.submit(
            FormParts {
                fields: AUTHORISE_FIELDS,
                summary,
                draft: AUTHORISE_DRAFT,
            },
            Ok(()),
            keep_code(code, api::authorise(account, input)),
            move |authorisation| {
                found.set(None);
                number.set(String::new());
                saved.set(Some(authorisation.point.name.to_string()));
                authorised.run(());
            },
            |_| {},
        );
    };
    view! {
        <h3>{t(Text::AuthoriseHeading)}</h3>
        <form class="app-form" novalidate on:submit=look_up>
            <ErrorSummary form=form fields=AUTHORISE_FIELDS heading_id="authorise-errors" node_ref=summary />
            <InputField
                id="service-number"
                label=Text::ServiceNumberLabel
                hint=Text::ServiceNumberHint
                value=number
                error=form.message(Field::ServiceNumber)
                inputmode="numeric"
                on_change=changed
            />
            <button type="submit" class="app-button">{t(Text::FindPoint)}</button>
        </form>
        <div class="admin-confirm" role="group" tabindex="-1" node_ref=confirm hidden=move || found.with(Option::is_none) aria-labelledby="authorise-confirm">
            {move || found.get().map(|point| {
                let county = point.county_name.to_string();
                view! {
                    <h4 id="authorise-confirm">{t(Text::ConfirmPointHeading)}</h4>
                    <dl class="admin-facts">
                        <dt>{t(Text::PointNameLabel)}</dt>
                        <dd>{point.name.to_string()}</dd>
                        <dt>{t(Text::CountyLabel)}</dt>
                        <dd>{county}</dd>
                        <dt>{t(Text::ServiceNumberLabel)}</dt>
                        <dd>{point.service_number.to_string()}</dd>
                        <RegistrarCount count=point.active_registrars too_few=point.too_few_registrars />
                    </dl>
                    <button type="button" class="app-button app-button--primary" on:click=save>
                        {t(Text::AuthoriseButton)}
                    </button>
                }
            })}
        </div>
        <Refusal form=form code=code return_to=paths::admin::HOME />
        <div role="status">
            {move || saved.get().map(|name| view! { <p>{t(Text::Authorised)} " " {name}</p> })}
        </div>
    }
}

//! A contract's printable page (print CSS: only the contract is printed): the organisation, the
//! contract's kind and state, its dates, and for a county's granted contract its main
//! registration point with the point's electronic service number.

use contract::admin::{AccountDetail, RegistrationPoint};
use contract::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::i18n::{
    Text, account_kind, contract_kind, contract_state, language, moment, t, use_title,
};
use crate::pages::{here, not_loaded};

type Printed = (AccountDetail, Option<RegistrationPoint>);

/// The printable contract.
#[component]
pub fn ContractPrintPage() -> impl IntoView {
    use_title(Text::PrintTitle, Signal::derive(|| false));
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        params.with(|params| {
            let account = params.get("account")?.parse::<i64>().ok()?;
            let contract = params.get("contract")?.parse::<i64>().ok()?;
            Some((account, contract))
        })
    });
    let answer = RwSignal::new(None::<Result<Printed, app::api::ApiError>>);
    let load = move || {
        let Some((account, _)) = ids.get_untracked() else {
            answer.set(Some(Err(app::api::ApiError::Status {
                status: 404,
                code: Some(contract::ErrorCode::NotFound),
                fields: Default::default(),
            })));
            return;
        };
        leptos::task::spawn_local(async move {
            let loaded = async {
                let detail = api::account(account).await?;
                // The main point is the county's first (it comes with the contract's grant).
                let main = if detail.account.kind.owns_registration_points() {
                    api::points(account, None)
                        .await?
                        .points
                        .into_iter()
                        .find(|point| point.is_main)
                } else {
                    None
                };
                Ok((detail, main))
            }
            .await;
            answer.set(Some(loaded));
        });
    };
    Effect::new(move |_| {
        ids.track();
        load();
    });
    view! {
        {move || {
            let state = answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load())) {
                return view! { <h1>{t(Text::PrintTitle)}</h1> {shown} }.into_any();
            }
            let Some(Ok((detail, main))) = state else { return ().into_any() };
            let wanted = ids.get_untracked().map(|(_, contract)| contract);
            let Some(found) = detail.contracts.iter().find(|contract| Some(contract.id) == wanted).cloned() else {
                return view! { <h1>{t(Text::PrintTitle)}</h1><p>{t(Text::RefusedNotFound)}</p> }.into_any();
            };
            let account = detail.account;
            let back = paths::api::with(paths::admin::ACCOUNT, &[&account.id.to_string()]);
            // Only the contract that binds the main point (a county's sote organisation
            // contract) shows it; a "Valtionhallinnon sopimus" does not.
            let main = main.filter(|_| {
                found.state == domain::administration::ContractState::Granted
                    && found.kind.brings_main_point(account.kind)
            });
            view! {
                <article class="admin-print">
                    <h1>{t(contract_kind(found.kind))}</h1>
                    <dl class="admin-facts">
                        <dt>{t(Text::OrganisationNameLabel)}</dt>
                        <dd>{account.name.to_string()}</dd>
                        <dt>{t(Text::BusinessIdLabel)}</dt>
                        <dd>{account.business_id.to_string()}</dd>
                        <dt>{t(Text::AccountKindLabel)}</dt>
                        <dd>{t(account_kind(account.kind))}</dd>
                        <dt>{t(Text::StateLabel)}</dt>
                        <dd>{t(contract_state(found.state))}</dd>
                        <dt>{t(Text::Updated)}</dt>
                        <dd>{move || moment(found.updated_at, language())}</dd>
                        <dt>{t(Text::ContractNumberLabel)}</dt>
                        <dd>{found.id}</dd>
                    </dl>
                    {main.map(|point| view! {
                        <h2>{t(Text::MainPoint)}</h2>
                        <dl class="admin-facts">
                            <dt>{t(Text::PointNameLabel)}</dt>
                            <dd>{point.name.to_string()}</dd>
                            <dt>{t(Text::ServiceNumberLabel)}</dt>
                            <dd class="admin-service-number">
                                {point.service_number.map(|number| number.to_string()).unwrap_or_default()}
                            </dd>
                        </dl>
                    })}
                </article>
                <p class="admin-no-print">
                    <button type="button" class="app-button app-button--primary" on:click=|_| { let _ = window().print(); }>
                        {t(Text::PrintButton)}
                    </button>
                    " "
                    <a href=back>{t(Text::BackToAccount)}</a>
                </p>
            }
            .into_any()
        }}
    }
}

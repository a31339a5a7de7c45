//! The agency officer's customer accounts: the list, a page at a time, and "Avaa asiakkuus"
//! (name, business ID, kind, and the county for a wellbeing county's account). The account's
//! first administrator is invited on the account's page.

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::AccountSummary;
use contract::paths;
use domain::Field;
use domain::administration::{AccountKind, AccountOpenInput, WellbeingCountyCode};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::i18n::{Text, account_kind, language, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::{here, not_loaded};
use crate::widgets::{Field as InputField, Refusal, SelectField, Submit, keep_code};

const FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::OrganisationName,
        target: "open-name",
    },
    FieldInfo {
        field: Field::BusinessId,
        target: "open-business-id",
    },
    FieldInfo {
        field: Field::AccountKind,
        target: "open-kind",
    },
    FieldInfo {
        field: Field::WellbeingCountyOfAccount,
        target: "open-county",
    },
];

const DRAFT: &str = "admin.open-account";

/// The accounts page.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let form = FormState::new();
    use_title(Text::AccountsTitle, form.summary_shown());
    let accounts = Paged::<AccountSummary>::new();
    let load = move |after: Option<i64>| {
        accounts.load(after, |after| async move {
            api::accounts(after)
                .await
                .map(|page| (page.accounts, page.next_after))
        });
    };
    load(None);
    let list = move || {
        let state = accounts.answer.get();
        if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
            return shown;
        }
        let rows = accounts
            .rows
            .get()
            .into_iter()
            .map(|account| {
                let href = paths::api::with(paths::admin::ACCOUNT, &[&account.id.to_string()]);
                let kind = account_kind(account.kind);
                view! {
                    <li>
                        <a href=href>{account.name.to_string()}</a>
                        <span class="admin-muted">
                            {move || format!(" ({}, {})", account.business_id, t(kind)())}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="admin-links">{rows}</ul>
            <ShowMore next=accounts.next load=Callback::new(load) />
        }
        .into_any()
    };
    view! {
        <h1>{t(Text::AccountsTitle)}</h1>
        <OpenAccountForm form=form />
        <section aria-labelledby="accounts-list">
            <h2 id="accounts-list">{t(Text::AccountsListHeading)}</h2>
            {list}
        </section>
    }
}

#[component]
fn OpenAccountForm(form: FormState) -> impl IntoView {
    let draft: AccountOpenInput = load_draft(DRAFT).unwrap_or_default();
    let name = RwSignal::new(draft.organisation_name);
    let business_id = RwSignal::new(draft.business_id);
    let kind = RwSignal::new(draft.account_kind);
    let county = RwSignal::new(draft.wellbeing_county_of_account.unwrap_or_default());
    let input = move || AccountOpenInput {
        organisation_name: name.get_untracked(),
        business_id: business_id.get_untracked(),
        account_kind: kind.get_untracked(),
        wellbeing_county_of_account: Some(county.get_untracked()).filter(|code| !code.is_empty()),
    };
    let changed = Callback::new(move |()| {
        let value = input();
        save_draft(DRAFT, &value);
        if let Err(errors) = value.validate() {
            for info in FIELDS {
                form.recheck_field(info.field, &errors);
            }
        } else {
            for info in FIELDS {
                form.recheck_field(info.field, &Default::default());
            }
        }
    });
    Effect::new(move |_| {
        kind.track();
        county.track();
        changed.run(());
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let code = RwSignal::new(None::<ErrorCode>);
    let navigate = use_navigate();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = input();
        let check = value.validate().map(|_| ());
        let navigate = navigate.clone();
        form.submit(
            FormParts {
                fields: FIELDS,
                summary,
                draft: DRAFT,
            },
            check,
            keep_code(code, api::open_account(value)),
            move |account| {
                navigate(
                    &paths::api::with(paths::admin::ACCOUNT, &[&account.id.to_string()]),
                    Default::default(),
                );
            },
            |_| {},
        );
    };
    let kinds = Signal::derive(move || {
        let language = language();
        AccountKind::ALL
            .into_iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    account_kind(kind).get(language).to_owned(),
                )
            })
            .collect()
    });
    let counties = Signal::derive(move || {
        let language = language();
        WellbeingCountyCode::all()
            .map(|code| {
                (
                    code.as_str().to_owned(),
                    code.region().name.get(language).to_owned(),
                )
            })
            .collect()
    });
    let is_county = move || kind.get() == AccountKind::WellbeingCounty.code();
    view! {
        <section aria-labelledby="open-account">
            <h2 id="open-account">{t(Text::OpenAccountHeading)}</h2>
            <form class="app-form" novalidate on:submit=on_submit>
                <ErrorSummary form=form fields=FIELDS heading_id="open-account-errors" node_ref=summary />
                <InputField
                    id="open-name"
                    label=Text::OrganisationNameLabel
                    value=name
                    error=form.message(Field::OrganisationName)
                    autocomplete="organization"
                    on_change=changed
                />
                <InputField
                    id="open-business-id"
                    label=Text::BusinessIdLabel
                    hint=Text::BusinessIdHint
                    value=business_id
                    error=form.message(Field::BusinessId)
                    on_change=changed
                />
                <SelectField
                    id="open-kind"
                    label=Text::AccountKindLabel
                    value=kind
                    options=kinds
                    error=form.message(Field::AccountKind)
                />
                <Show when=is_county>
                    <SelectField
                        id="open-county"
                        label=Text::CountyLabel
                        value=county
                        options=counties
                        error=form.message(Field::WellbeingCountyOfAccount)
                    />
                </Show>
                <Refusal form=form code=code return_to=paths::admin::ACCOUNTS />
                <Submit form=form label=Text::OpenAccountButton />
            </form>
        </section>
    }
}

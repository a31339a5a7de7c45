//! A registrar's registration point: its customers (the county itself and each authorising
//! organisation as "YS sote/organisaatio", with the authorisation's state), its card orders
//! and "Tilaa kortti", and its service-relationship certificates and "Kirjaa
//! palvelusuhdetodistus". Only the point's active registrars get this page's data; the server
//! decides every refusal (a private organisation's staff card without a certificate, a revoked
//! authorisation, a rescue department's organisation card without the county's
//! Valtionhallinnon sopimus) and the page shows it with its code.
//!
//! A personal identity code is typed here and sent once; it is never kept in a draft (the
//! browser's storage) and only ever shown masked.

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::{CardOrder, RegistrarCustomer, RegistrarCustomersPage, ServiceCertificate};
use contract::paths;
use domain::Field;
use domain::administration::{
    AccountKind, CardKind, CardOrderInput, CertificateDelivery, CertificateInput, CustomerState,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::i18n::{Text, account_kind, language, moment, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::{here, not_loaded};
use crate::widgets::{
    Field as InputField, Refusal, RegistrarCount, SelectField, Submit, keep_code,
};

/// The page.
#[component]
pub fn RegistrarPointPage() -> impl IntoView {
    use_title(Text::RegistrarPointTitle, Signal::derive(|| false));
    let params = use_params_map();
    let point = move || {
        params
            .with_untracked(|params| params.get("point"))
            .and_then(|point| point.parse::<i64>().ok())
            .unwrap_or_default()
    };
    let point = point();
    let answer = RwSignal::new(None::<Result<RegistrarCustomersPage, app::api::ApiError>>);
    let customers = Paged::<RegistrarCustomer>::new();
    let load = move |after: Option<i64>| {
        customers.load(after, move |after| async move {
            api::registrar_customers(point, after).await.map(|page| {
                if after.is_none() {
                    answer.set(Some(Ok(page.clone())));
                }
                (page.customers, page.next_after)
            })
        });
    };
    load(None);
    // A failed first page is the page's failure.
    Effect::new(move |_| {
        if let Some(Err(error)) = customers.answer.get() {
            answer.set(Some(Err(error)));
        }
    });
    let orders_changed = RwSignal::new(0_u32);
    let certificates_changed = RwSignal::new(0_u32);
    view! {
        {move || {
            let state = answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                return view! { <h1>{t(Text::RegistrarPointTitle)}</h1> {shown} }.into_any();
            }
            let Some(Ok(page)) = state else { return ().into_any() };
            let lookup = page.point;
            let name = lookup.name.to_string();
            let too_few = lookup.too_few_registrars;
            view! {
                <h1>{name}</h1>
                <dl class="admin-facts">
                    <dt>{t(Text::ServiceNumberLabel)}</dt>
                    <dd>{lookup.service_number.to_string()}</dd>
                    <dt>{t(Text::CountyLabel)}</dt>
                    <dd>{lookup.county_name.to_string()}</dd>
                    <RegistrarCount count=lookup.active_registrars too_few=too_few />
                </dl>
                <Customers customers=customers load=Callback::new(load) />
                <Orders point=point customers=customers changed=orders_changed />
                <OrderCard point=point customers=customers ordered=orders_changed />
                <Certificates point=point customers=customers changed=certificates_changed />
                <RecordCertificate point=point customers=customers recorded=certificates_changed />
            }
            .into_any()
        }}
        <p><a href=paths::admin::HOME>{t(Text::BackToAreaFront)}</a></p>
    }
}

fn customer_state(state: CustomerState) -> Text {
    match state {
        CustomerState::County => Text::CustomerCountyItself,
        CustomerState::Active => Text::AuthorisationActive,
        CustomerState::Revoked => Text::AuthorisationRevoked,
    }
}

fn customer_name(customers: Paged<RegistrarCustomer>, account: i64) -> String {
    customers.rows.with(|rows| {
        rows.iter()
            .find(|customer| customer.account_id == account)
            .map(|customer| customer.name.to_string())
            .unwrap_or_default()
    })
}

#[component]
fn Customers(customers: Paged<RegistrarCustomer>, load: Callback<Option<i64>>) -> impl IntoView {
    view! {
        <section aria-labelledby="point-customers">
            <h2 id="point-customers">{t(Text::PointCustomersHeading)}</h2>
            {move || {
                let rows = customers.rows.get();
                if rows.is_empty() {
                    return view! { <p>{t(Text::NoCustomers)}</p> }.into_any();
                }
                view! {
                    <ul class="admin-rows">
                        {rows
                            .into_iter()
                            .map(|customer| {
                                let kind = if customer.state == CustomerState::County {
                                    account_kind(customer.kind)
                                } else {
                                    Text::CustomerKindYs
                                };
                                let state = customer_state(customer.state);
                                view! {
                                    <li class="admin-row">
                                        <div class="admin-row__main">
                                            <h3 class="admin-row__title">{customer.name.to_string()}</h3>
                                            <dl class="admin-facts">
                                                <dt>{t(Text::BusinessIdLabel)}</dt>
                                                <dd>{customer.business_id.to_string()}</dd>
                                                <dt>{t(Text::AccountKindLabel)}</dt>
                                                <dd>{t(kind)}</dd>
                                                <dt>{t(Text::StateLabel)}</dt>
                                                <dd>{t(state)}</dd>
                                                <dt>{t(Text::AuthorisedSince)}</dt>
                                                <dd>{move || moment(customer.since, language())}</dd>
                                                {customer.revoked_at.map(|at| view! {
                                                    <dt>{t(Text::RevokedAt)}</dt>
                                                    <dd>{move || moment(at, language())}</dd>
                                                })}
                                            </dl>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <ShowMore next=customers.next load=load />
                }
                .into_any()
            }}
        </section>
    }
}

fn card_kind(kind: CardKind) -> Text {
    match kind {
        CardKind::StaffCard => Text::CardStaff,
        CardKind::OrganisationCard => Text::CardOrganisation,
    }
}

fn delivery(delivery: CertificateDelivery) -> Text {
    match delivery {
        CertificateDelivery::Post => Text::ReceivedByPost,
        CertificateDelivery::InPerson => Text::ReceivedInPerson,
    }
}

/// The point's card orders, newest page first as the server gives them.
#[component]
fn Orders(
    point: i64,
    customers: Paged<RegistrarCustomer>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let orders = Paged::<CardOrder>::new();
    // One customer's orders, or (empty) every customer's.
    let shown_customer = RwSignal::new(String::new());
    let load = move |after: Option<i64>| {
        let customer = shown_customer.get_untracked().parse::<i64>().ok();
        orders.load(after, move |after| async move {
            api::card_orders(point, customer, after)
                .await
                .map(|page| (page.orders, page.next_after))
        });
    };
    Effect::new(move |_| {
        changed.track();
        shown_customer.track();
        load(None);
    });
    view! {
        <section aria-labelledby="card-orders">
            <h2 id="card-orders">{t(Text::CardOrdersHeading)}</h2>
            <div class="app-field">
                <label class="app-field__label" for="orders-customer">{t(Text::OrdersOfCustomerLabel)}</label>
                <select
                    class="app-input"
                    id="orders-customer"
                    on:change=move |event| shown_customer.set(event_target_value(&event))
                >
                    <option value="" selected=move || shown_customer.get().is_empty()>{t(Text::AllCustomers)}</option>
                    {move || customers.rows.get().into_iter().map(|customer| {
                        let value = customer.account_id.to_string();
                        let selected = {
                            let value = value.clone();
                            move || shown_customer.get() == value
                        };
                        view! { <option value=value selected=selected>{customer.name.to_string()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || {
                let state = orders.answer.get();
                if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                    return shown;
                }
                let rows = orders.rows.get();
                if rows.is_empty() {
                    return view! { <p>{t(Text::NoCardOrders)}</p> }.into_any();
                }
                view! {
                    <ul class="admin-rows">
                        {rows
                            .into_iter()
                            .map(|order| {
                                let kind = card_kind(order.card_kind);
                                let customer = customer_name(customers, order.customer_account_id);
                                let person = order.person_name.map(|name| name.to_string());
                                let code = order.identity_code.map(|code| code.as_str().to_owned());
                                view! {
                                    <li class="admin-row">
                                        <div class="admin-row__main">
                                            <h3 class="admin-row__title">
                                                {move || t(kind)()} ": " {person.clone().unwrap_or_else(|| customer.clone())}
                                            </h3>
                                            <dl class="admin-facts">
                                                <dt>{t(Text::CustomerLabel)}</dt>
                                                <dd>{customer_name(customers, order.customer_account_id)}</dd>
                                                {code.map(|code| view! {
                                                    <dt>{t(Text::IdentityCodeLabel)}</dt>
                                                    <dd>{code}</dd>
                                                })}
                                                <dt>{t(Text::OrderedAt)}</dt>
                                                <dd>{move || moment(order.ordered_at, language())}</dd>
                                            </dl>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <ShowMore next=orders.next load=Callback::new(load) />
                }
                .into_any()
            }}
        </section>
    }
}

/// The customers that may be chosen now: the county, and the organisations whose
/// authorisation is in force (`private_only`: the private social and health-care ones).
fn customer_options(
    customers: Paged<RegistrarCustomer>,
    private_only: bool,
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        customers.rows.with(|rows| {
            rows.iter()
                .filter(|customer| customer.state != CustomerState::Revoked)
                .filter(|customer| {
                    !private_only
                        || (customer.state == CustomerState::Active
                            && customer.kind == AccountKind::PrivateSote)
                })
                .map(|customer| (customer.account_id.to_string(), customer.name.to_string()))
                .collect()
        })
    })
}

/// What an order form keeps on reload: everything but the identity code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct OrderDraft {
    point: i64,
    customer: String,
    card_kind: String,
    person_name: String,
}

const ORDER_DRAFT: &str = "admin.card-order";

const ORDER_FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::CardKind,
        target: "card-kind",
    },
    FieldInfo {
        field: Field::PersonName,
        target: "order-person-name",
    },
    FieldInfo {
        field: Field::IdentityCode,
        target: "order-identity-code",
    },
];

/// "Tilaa kortti": a staff card (the person's name and identity code) or an organisation card,
/// for a customer of the point.
#[component]
fn OrderCard(
    point: i64,
    customers: Paged<RegistrarCustomer>,
    ordered: RwSignal<u32>,
) -> impl IntoView {
    let form = FormState::new();
    let draft = load_draft::<OrderDraft>(ORDER_DRAFT)
        .filter(|draft| draft.point == point)
        .unwrap_or_default();
    let customer = RwSignal::new(draft.customer);
    let kind = RwSignal::new(draft.card_kind);
    let person = RwSignal::new(draft.person_name);
    let code = RwSignal::new(String::new());
    let staff = move || kind.get() == CardKind::StaffCard.code();
    let input = move || {
        let staff = kind.get_untracked() == CardKind::StaffCard.code();
        CardOrderInput {
            customer_account_id: customer.get_untracked().parse().unwrap_or_default(),
            card_kind: kind.get_untracked(),
            person_name: staff.then(|| person.get_untracked()),
            identity_code: staff.then(|| code.get_untracked()),
        }
    };
    let changed = Callback::new(move |()| {
        save_draft(
            ORDER_DRAFT,
            &OrderDraft {
                point,
                customer: customer.get_untracked(),
                card_kind: kind.get_untracked(),
                person_name: person.get_untracked(),
            },
        );
        let checked = input().validate().err().unwrap_or_default();
        for info in ORDER_FIELDS {
            form.recheck_field(info.field, &checked);
        }
    });
    Effect::new(move |_| {
        customer.track();
        kind.track();
        changed.run(());
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let refused = RwSignal::new(None::<ErrorCode>);
    let done = RwSignal::new(false);
    let kinds = Signal::derive(move || {
        let language = language();
        CardKind::ALL
            .into_iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    card_kind(kind).get(language).to_owned(),
                )
            })
            .collect()
    });
    let customer_missing = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        done.set(false);
        let value = input();
        customer_missing.set(value.customer_account_id == 0);
        let check = value.validate().map(|_| ());
        if value.customer_account_id == 0 && check.is_ok() {
            app::form::focus_by_id("order-customer");
            return;
        }
        form.submit(
            FormParts {
                fields: ORDER_FIELDS,
                summary,
                draft: ORDER_DRAFT,
            },
            check,
            keep_code(refused, api::order_card(point, value)),
            move |_| {
                person.set(String::new());
                code.set(String::new());
                done.set(true);
                ordered.update(|count| *count += 1);
            },
            |_| {},
        );
    };
    let customer_error =
        Signal::derive(move || customer_missing.get().then(|| t(Text::ChooseCustomer)()));
    view! {
        <section aria-labelledby="order-card">
            <h2 id="order-card">{t(Text::OrderCardHeading)}</h2>
            <form class="app-form" novalidate on:submit=on_submit>
                <ErrorSummary form=form fields=ORDER_FIELDS heading_id="order-card-errors" node_ref=summary />
                <SelectField
                    id="order-customer"
                    label=Text::CustomerLabel
                    value=customer
                    options=customer_options(customers, false)
                    error=customer_error
                />
                <SelectField
                    id="card-kind"
                    label=Text::CardKindLabel
                    value=kind
                    options=kinds
                    error=form.message(Field::CardKind)
                />
                <Show when=staff>
                    <InputField
                        id="order-person-name"
                        label=Text::PersonNameLabel
                        value=person
                        error=form.message(Field::PersonName)
                        autocomplete="off"
                        on_change=changed
                    />
                    <InputField
                        id="order-identity-code"
                        label=Text::IdentityCodeLabel
                        hint=Text::IdentityCodeHint
                        value=code
                        error=form.message(Field::IdentityCode)
                        autocomplete="off"
                        on_change=changed
                    />
                </Show>
                <div role="status">{move || done.get().then(|| view! { <p>{t(Text::CardOrdered)}</p> })}</div>
                <Refusal form=form code=refused return_to=paths::admin::HOME />
                <Submit form=form label=Text::OrderCardButton />
            </form>
        </section>
    }
}

/// The point's service-relationship certificates (codes masked).
#[component]
fn Certificates(
    point: i64,
    customers: Paged<RegistrarCustomer>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let certificates = Paged::<ServiceCertificate>::new();
    let load = move |after: Option<i64>| {
        certificates.load(after, move |after| async move {
            api::certificates(point, None, after)
                .await
                .map(|page| (page.certificates, page.next_after))
        });
    };
    Effect::new(move |_| {
        changed.track();
        load(None);
    });
    view! {
        <section aria-labelledby="certificates">
            <h2 id="certificates">{t(Text::CertificatesHeading)}</h2>
            {move || {
                let state = certificates.answer.get();
                if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                    return shown;
                }
                let rows = certificates.rows.get();
                if rows.is_empty() {
                    return view! { <p>{t(Text::NoCertificates)}</p> }.into_any();
                }
                view! {
                    <ul class="admin-rows">
                        {rows
                            .into_iter()
                            .map(|certificate| {
                                let how = delivery(certificate.delivery);
                                let received = certificate.received_on.clone();
                                view! {
                                    <li class="admin-row">
                                        <div class="admin-row__main">
                                            <h3 class="admin-row__title">{certificate.person_name.to_string()}</h3>
                                            <dl class="admin-facts">
                                                <dt>{t(Text::IdentityCodeLabel)}</dt>
                                                <dd>{certificate.identity_code.as_str().to_owned()}</dd>
                                                <dt>{t(Text::OrganisationLabel)}</dt>
                                                <dd>{customer_name(customers, certificate.organisation_account_id)}</dd>
                                                <dt>{t(Text::ReceivedOnLabel)}</dt>
                                                <dd>{move || app::i18n::format_date(&received, language())}</dd>
                                                <dt>{t(Text::ReceivedHowLabel)}</dt>
                                                <dd>{t(how)}</dd>
                                            </dl>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <ShowMore next=certificates.next load=Callback::new(load) />
                }
                .into_any()
            }}
        </section>
    }
}

/// What the certificate form keeps on reload: everything but the identity code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct CertificateDraft {
    point: i64,
    organisation: String,
    person_name: String,
    received_on: String,
    delivery: String,
}

const CERTIFICATE_DRAFT: &str = "admin.certificate";

const CERTIFICATE_FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::PersonName,
        target: "certificate-person-name",
    },
    FieldInfo {
        field: Field::IdentityCode,
        target: "certificate-identity-code",
    },
    FieldInfo {
        field: Field::ReceivedOn,
        target: "certificate-received-on",
    },
    FieldInfo {
        field: Field::Delivery,
        target: "certificate-delivery",
    },
];

/// Today in the browser's calendar, as the domain writes dates (`2026-12-03`).
fn today() -> domain::CalendarDate {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
    .parse()
    .unwrap_or_else(|_| "2000-01-01".parse().expect("a valid date"))
}

/// "Kirjaa palvelusuhdetodistus": a received certificate of a private organisation's staff
/// member.
#[component]
fn RecordCertificate(
    point: i64,
    customers: Paged<RegistrarCustomer>,
    recorded: RwSignal<u32>,
) -> impl IntoView {
    let form = FormState::new();
    let draft = load_draft::<CertificateDraft>(CERTIFICATE_DRAFT)
        .filter(|draft| draft.point == point)
        .unwrap_or_default();
    let organisation = RwSignal::new(draft.organisation);
    let person = RwSignal::new(draft.person_name);
    let code = RwSignal::new(String::new());
    let received = RwSignal::new(draft.received_on);
    let how = RwSignal::new(draft.delivery);
    let input = move || CertificateInput {
        organisation_account_id: organisation.get_untracked().parse().unwrap_or_default(),
        person_name: person.get_untracked(),
        identity_code: code.get_untracked(),
        received_on: received.get_untracked(),
        delivery: how.get_untracked(),
    };
    let changed = Callback::new(move |()| {
        save_draft(
            CERTIFICATE_DRAFT,
            &CertificateDraft {
                point,
                organisation: organisation.get_untracked(),
                person_name: person.get_untracked(),
                received_on: received.get_untracked(),
                delivery: how.get_untracked(),
            },
        );
        let checked = input().validate(&today()).err().unwrap_or_default();
        for info in CERTIFICATE_FIELDS {
            form.recheck_field(info.field, &checked);
        }
    });
    Effect::new(move |_| {
        organisation.track();
        how.track();
        changed.run(());
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let refused = RwSignal::new(None::<ErrorCode>);
    let done = RwSignal::new(false);
    let ways = Signal::derive(move || {
        let language = language();
        CertificateDelivery::ALL
            .into_iter()
            .map(|way| {
                (
                    way.code().to_owned(),
                    delivery(way).get(language).to_owned(),
                )
            })
            .collect()
    });
    let organisation_missing = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        done.set(false);
        let value = input();
        organisation_missing.set(value.organisation_account_id == 0);
        let check = value.validate(&today()).map(|_| ());
        if value.organisation_account_id == 0 && check.is_ok() {
            app::form::focus_by_id("certificate-organisation");
            return;
        }
        form.submit(
            FormParts {
                fields: CERTIFICATE_FIELDS,
                summary,
                draft: CERTIFICATE_DRAFT,
            },
            check,
            keep_code(refused, api::record_certificate(point, value)),
            move |_| {
                person.set(String::new());
                code.set(String::new());
                received.set(String::new());
                done.set(true);
                recorded.update(|count| *count += 1);
            },
            |_| {},
        );
    };
    let organisation_error = Signal::derive(move || {
        organisation_missing
            .get()
            .then(|| t(Text::ChooseOrganisation)())
    });
    view! {
        <section aria-labelledby="record-certificate">
            <h2 id="record-certificate">{t(Text::RecordCertificateHeading)}</h2>
            <p>{t(Text::RecordCertificateIntro)}</p>
            <form class="app-form" novalidate on:submit=on_submit>
                <ErrorSummary form=form fields=CERTIFICATE_FIELDS heading_id="record-certificate-errors" node_ref=summary />
                <SelectField
                    id="certificate-organisation"
                    label=Text::OrganisationLabel
                    value=organisation
                    options=customer_options(customers, true)
                    error=organisation_error
                />
                <InputField
                    id="certificate-person-name"
                    label=Text::PersonNameLabel
                    value=person
                    error=form.message(Field::PersonName)
                    on_change=changed
                />
                <InputField
                    id="certificate-identity-code"
                    label=Text::IdentityCodeLabel
                    hint=Text::IdentityCodeHint
                    value=code
                    error=form.message(Field::IdentityCode)
                    on_change=changed
                />
                <InputField
                    id="certificate-received-on"
                    label=Text::ReceivedOnLabel
                    hint=Text::ReceivedOnHint
                    value=received
                    error=form.message(Field::ReceivedOn)
                    on_change=changed
                />
                <SelectField
                    id="certificate-delivery"
                    label=Text::ReceivedHowLabel
                    value=how
                    options=ways
                    error=form.message(Field::Delivery)
                />
                <div role="status">{move || done.get().then(|| view! { <p>{t(Text::CertificateRecorded)}</p> })}</div>
                <Refusal form=form code=refused return_to=paths::admin::HOME />
                <Submit form=form label=Text::RecordCertificateButton />
            </form>
        </section>
    }
}

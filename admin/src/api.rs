//! The administration's API calls (`/api/admin/…`), on the professionals' app's client: the
//! same error type, CSRF header and session renewal.

use app::api::ApiError;
use app::api::shared::{get, json, no_content as successful, send_blob, send_json};
use contract::admin::{
    AccountDetail, AccountInvitation, AccountSummary, AccountUser, AccountsPage, AdminMe,
    Attachment, AuditPage, Authorisation, AuthorisationsPage, CardOrder, CardOrdersPage,
    CertificatesPage, ConfirmationTokenInput, Contract, ContractsPage, InvitationLookup,
    InvitationTokenInput, MemberRoleInput, NoticeSummary, NoticesPage, PointClosure,
    PointCustomersPage, PointLookup, PointRegistrarsPage, PointsPage, RegistrarApplication,
    RegistrarApplicationsPage, RegistrarContact, RegistrarCustomersPage, RegistrationPoint,
    ServiceCertificate, UsersPage,
};
use contract::paths::api;
use domain::administration::{
    AccountOpenInput, AuthorisationInput, CardOrderInput, CertificateInput, ContactEmailInput,
    ContractInput, DecisionInput, InvitationInput, NoticeInput, PointOrderInput,
    RegistrarApplicationInput,
};
use gloo_net::http::Request;

fn page(path: String, after: Option<i64>) -> String {
    match after {
        Some(after) => format!("{path}?after={after}"),
        None => path,
    }
}

fn id(value: i64) -> String {
    value.to_string()
}

/// `GET /api/admin/me`.
pub async fn me() -> Result<AdminMe, ApiError> {
    json(get(api::ADMIN_ME).await?).await
}

/// `GET /api/admin/accounts?after=`.
pub async fn accounts(after: Option<i64>) -> Result<AccountsPage, ApiError> {
    json(get(&page(api::ADMIN_ACCOUNTS.to_owned(), after)).await?).await
}

/// `POST /api/admin/accounts`.
pub async fn open_account(input: AccountOpenInput) -> Result<AccountSummary, ApiError> {
    json(send_json(Request::post(api::ADMIN_ACCOUNTS), &input).await?).await
}

/// `GET /api/admin/accounts/{account}`.
pub async fn account(account: i64) -> Result<AccountDetail, ApiError> {
    json(get(&api::with(api::ADMIN_ACCOUNT, &[&id(account)])).await?).await
}

/// `POST /api/admin/accounts/{account}/contracts`: a draft.
pub async fn apply_contract(account: i64, input: ContractInput) -> Result<Contract, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_CONTRACTS, &[&id(account)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `POST …/contracts/{contract}/submission`.
pub async fn submit_contract(account: i64, contract: i64) -> Result<Contract, ApiError> {
    let path = api::with(
        api::ADMIN_CONTRACT_SUBMISSION,
        &[&id(account), &id(contract)],
    );
    json(send_json(Request::post(&path), &()).await?).await
}

/// `GET /api/admin/contracts?after=`: awaiting a decision.
pub async fn submitted_contracts(after: Option<i64>) -> Result<ContractsPage, ApiError> {
    json(get(&page(api::ADMIN_CONTRACTS_SUBMITTED.to_owned(), after)).await?).await
}

/// `POST /api/admin/contracts/{contract}/decision`.
pub async fn decide_contract(contract: i64, input: DecisionInput) -> Result<Contract, ApiError> {
    let path = api::with(api::ADMIN_CONTRACT_DECISION, &[&id(contract)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET /api/admin/accounts/{account}/points?after=`.
pub async fn points(account: i64, after: Option<i64>) -> Result<PointsPage, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_POINTS, &[&id(account)]);
    json(get(&page(path, after)).await?).await
}

/// `POST /api/admin/accounts/{account}/points`: an order.
pub async fn order_point(
    account: i64,
    input: PointOrderInput,
) -> Result<RegistrationPoint, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_POINTS, &[&id(account)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET /api/admin/accounts/{account}/points/{point}/customers?after=`.
pub async fn point_customers(
    account: i64,
    point: i64,
    after: Option<i64>,
) -> Result<PointCustomersPage, ApiError> {
    let path = api::with(api::ADMIN_POINT_CUSTOMERS, &[&id(account), &id(point)]);
    json(get(&page(path, after)).await?).await
}

/// `GET /api/admin/point-orders?after=`: awaiting a decision.
pub async fn point_orders(after: Option<i64>) -> Result<PointsPage, ApiError> {
    json(get(&page(api::ADMIN_POINT_ORDERS.to_owned(), after)).await?).await
}

/// `POST /api/admin/point-orders/{point}/decision`.
pub async fn decide_point_order(
    point: i64,
    input: DecisionInput,
) -> Result<RegistrationPoint, ApiError> {
    let path = api::with(api::ADMIN_POINT_ORDER_DECISION, &[&id(point)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET /api/admin/points/lookup?service_number=`.
pub async fn lookup_point(service_number: String) -> Result<PointLookup, ApiError> {
    let path = format!(
        "{}?service_number={}",
        api::ADMIN_POINT_LOOKUP,
        contract::links::percent_encode(&service_number)
    );
    json(get(&path).await?).await
}

/// `GET /api/admin/accounts/{account}/authorisations?after=`.
pub async fn authorisations(
    account: i64,
    after: Option<i64>,
) -> Result<AuthorisationsPage, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[&id(account)]);
    json(get(&page(path, after)).await?).await
}

/// `POST /api/admin/accounts/{account}/authorisations`.
pub async fn authorise(account: i64, input: AuthorisationInput) -> Result<Authorisation, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[&id(account)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `POST …/authorisations/{authorisation}/revocation`.
pub async fn revoke(account: i64, authorisation: i64) -> Result<Authorisation, ApiError> {
    let path = api::with(
        api::ADMIN_AUTHORISATION_REVOCATION,
        &[&id(account), &id(authorisation)],
    );
    json(send_json(Request::post(&path), &()).await?).await
}

/// `GET /api/admin/audit?account=&before=`.
pub async fn audit(account: Option<i64>, before: Option<i64>) -> Result<AuditPage, ApiError> {
    let mut query = Vec::new();
    if let Some(account) = account {
        query.push(format!("account={account}"));
    }
    if let Some(before) = before {
        query.push(format!("before={before}"));
    }
    let path = if query.is_empty() {
        api::ADMIN_AUDIT.to_owned()
    } else {
        format!("{}?{}", api::ADMIN_AUDIT, query.join("&"))
    };
    json(get(&path).await?).await
}

/// `GET /api/admin/accounts/{account}/users?users_after=&invitations_after=`.
pub async fn users(
    account: i64,
    users_after: Option<i64>,
    invitations_after: Option<i64>,
) -> Result<UsersPage, ApiError> {
    let mut query = Vec::new();
    if let Some(after) = users_after {
        query.push(format!("users_after={after}"));
    }
    if let Some(after) = invitations_after {
        query.push(format!("invitations_after={after}"));
    }
    let path = api::with(api::ADMIN_ACCOUNT_USERS, &[&id(account)]);
    let path = if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    };
    json(get(&path).await?).await
}

/// `POST /api/admin/accounts/{account}/invitations`: "Kutsu käyttäjä".
pub async fn invite(account: i64, input: InvitationInput) -> Result<AccountInvitation, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_INVITATIONS, &[&id(account)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `POST …/invitations/{invitation}/resend`.
pub async fn resend_invitation(account: i64, invitation: i64) -> Result<(), ApiError> {
    let path = api::with(
        api::ADMIN_INVITATION_RESEND,
        &[&id(account), &id(invitation)],
    );
    json::<AccountInvitation>(send_json(Request::post(&path), &()).await?)
        .await
        .map(|_| ())
}

/// `POST …/invitations/{invitation}/withdrawal`.
pub async fn withdraw_invitation(account: i64, invitation: i64) -> Result<(), ApiError> {
    let path = api::with(
        api::ADMIN_INVITATION_WITHDRAWAL,
        &[&id(account), &id(invitation)],
    );
    json::<AccountInvitation>(send_json(Request::post(&path), &()).await?)
        .await
        .map(|_| ())
}

/// `PUT /api/admin/accounts/{account}/users/{member}`: the member's role.
pub async fn change_role(
    account: i64,
    member: i64,
    input: MemberRoleInput,
) -> Result<(), ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_USER, &[&id(account), &id(member)]);
    json::<AccountUser>(send_json(Request::put(&path), &input).await?)
        .await
        .map(|_| ())
}

/// `DELETE /api/admin/accounts/{account}/users/{member}`.
pub async fn remove_member(account: i64, member: i64) -> Result<(), ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_USER, &[&id(account), &id(member)]);
    app::api::shared::no_content(send_json(Request::delete(&path), &()).await?).await
}

/// `GET /api/admin/invitations/lookup?token=`.
pub async fn invitation_lookup(token: String) -> Result<InvitationLookup, ApiError> {
    let path = format!(
        "{}?token={}",
        api::ADMIN_INVITATION_LOOKUP,
        contract::links::percent_encode(&token)
    );
    json(get(&path).await?).await
}

/// `POST /api/admin/invitations/acceptance`: the account's id once accepted.
pub async fn accept_invitation(token: String) -> Result<i64, ApiError> {
    let account: AccountSummary = json(
        send_json(
            Request::post(api::ADMIN_INVITATION_ACCEPTANCE),
            &InvitationTokenInput { token },
        )
        .await?,
    )
    .await?;
    Ok(account.id)
}

// Part 2: registrar applications, the registrar's point, registrars, contact email, notices.

fn with_query(path: String, name: &str, value: Option<i64>) -> String {
    match value {
        Some(value) => {
            let separator = if path.contains('?') { '&' } else { '?' };
            format!("{path}{separator}{name}={value}")
        }
        None => path,
    }
}

/// `POST /api/admin/attachments?name=`: the file's bytes as they are.
pub async fn upload(file: web_sys::File) -> Result<Attachment, ApiError> {
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    let path = format!("{}?name={name}", api::ADMIN_ATTACHMENTS);
    // The server decides the type from the bytes; this only labels the body.
    json(
        send_blob(
            Request::post(&path),
            "application/octet-stream",
            wasm_bindgen::JsValue::from(file),
        )
        .await?,
    )
    .await
}

/// The path of an attachment's file (a download link).
pub fn attachment_path(attachment: i64) -> String {
    api::with(api::ADMIN_ATTACHMENT, &[&id(attachment)])
}

/// `POST …/contracts/{contract}/registrar-applications`.
pub async fn apply_registrar(
    account: i64,
    contract: i64,
    input: RegistrarApplicationInput,
) -> Result<RegistrarApplication, ApiError> {
    let path = api::with(
        api::ADMIN_CONTRACT_REGISTRAR_APPLICATIONS,
        &[&id(account), &id(contract)],
    );
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET …/accounts/{account}/registrar-applications?after=`: the person's own.
pub async fn my_registrar_applications(
    account: i64,
    after: Option<i64>,
) -> Result<RegistrarApplicationsPage, ApiError> {
    let path = api::with(api::ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS, &[&id(account)]);
    json(get(&page(path, after)).await?).await
}

/// `GET /api/admin/registrar-applications?after=`: awaiting a decision.
pub async fn registrar_applications(
    after: Option<i64>,
) -> Result<RegistrarApplicationsPage, ApiError> {
    json(get(&page(api::ADMIN_REGISTRAR_APPLICATIONS.to_owned(), after)).await?).await
}

/// `POST /api/admin/registrar-applications/{application}/decision`.
pub async fn decide_registrar_application(
    application: i64,
    input: DecisionInput,
) -> Result<RegistrarApplication, ApiError> {
    let path = api::with(
        api::ADMIN_REGISTRAR_APPLICATION_DECISION,
        &[&id(application)],
    );
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET /api/admin/registrar/points/{point}/customers?after=`.
pub async fn registrar_customers(
    point: i64,
    after: Option<i64>,
) -> Result<RegistrarCustomersPage, ApiError> {
    let path = api::with(api::ADMIN_REGISTRAR_CUSTOMERS, &[&id(point)]);
    json(get(&page(path, after)).await?).await
}

/// `GET /api/admin/registrar/points/{point}/certificates?after=&customer=`.
pub async fn certificates(
    point: i64,
    customer: Option<i64>,
    after: Option<i64>,
) -> Result<CertificatesPage, ApiError> {
    let path = api::with(api::ADMIN_REGISTRAR_CERTIFICATES, &[&id(point)]);
    let path = with_query(page(path, after), "customer", customer);
    json(get(&path).await?).await
}

/// `POST /api/admin/registrar/points/{point}/certificates`.
pub async fn record_certificate(
    point: i64,
    input: CertificateInput,
) -> Result<ServiceCertificate, ApiError> {
    let path = api::with(api::ADMIN_REGISTRAR_CERTIFICATES, &[&id(point)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET /api/admin/registrar/points/{point}/orders?after=&customer=`.
pub async fn card_orders(
    point: i64,
    customer: Option<i64>,
    after: Option<i64>,
) -> Result<CardOrdersPage, ApiError> {
    let path = api::with(api::ADMIN_REGISTRAR_ORDERS, &[&id(point)]);
    let path = with_query(page(path, after), "customer", customer);
    json(get(&path).await?).await
}

/// `POST /api/admin/registrar/points/{point}/orders`.
pub async fn order_card(point: i64, input: CardOrderInput) -> Result<CardOrder, ApiError> {
    let path = api::with(api::ADMIN_REGISTRAR_ORDERS, &[&id(point)]);
    json(send_json(Request::post(&path), &input).await?).await
}

/// `GET …/points/{point}/registrars?after=`.
pub async fn point_registrars(
    account: i64,
    point: i64,
    after: Option<i64>,
) -> Result<PointRegistrarsPage, ApiError> {
    let path = api::with(api::ADMIN_POINT_REGISTRARS, &[&id(account), &id(point)]);
    json(get(&page(path, after)).await?).await
}

/// `POST …/points/{point}/registrars/{registrar}/removal`.
pub async fn remove_registrar(account: i64, point: i64, registrar: i64) -> Result<(), ApiError> {
    let path = api::with(
        api::ADMIN_POINT_REGISTRAR_REMOVAL,
        &[&id(account), &id(point), &id(registrar)],
    );
    successful(send_json(Request::post(&path), &()).await?).await
}

/// `POST …/points/{point}/closure`.
pub async fn close_point(account: i64, point: i64) -> Result<PointClosure, ApiError> {
    let path = api::with(api::ADMIN_POINT_CLOSURE, &[&id(account), &id(point)]);
    json(send_json(Request::post(&path), &()).await?).await
}

/// `GET /api/admin/me/contact`.
pub async fn my_contact() -> Result<RegistrarContact, ApiError> {
    json(get(api::ADMIN_MY_CONTACT).await?).await
}

/// `PUT /api/admin/me/contact`: a confirmation link goes to the new address.
pub async fn change_contact(input: ContactEmailInput) -> Result<RegistrarContact, ApiError> {
    json(send_json(Request::put(api::ADMIN_MY_CONTACT), &input).await?).await
}

/// `POST /api/admin/me/contact/resend`.
pub async fn resend_contact() -> Result<RegistrarContact, ApiError> {
    json(send_json(Request::post(api::ADMIN_MY_CONTACT_RESEND), &()).await?).await
}

/// `POST /api/admin/me/contact/confirmation`.
pub async fn confirm_contact(token: String) -> Result<RegistrarContact, ApiError> {
    json(
        send_json(
            Request::post(api::ADMIN_MY_CONTACT_CONFIRMATION),
            &ConfirmationTokenInput { token },
        )
        .await?,
    )
    .await
}

/// `GET /api/admin/notices?before=`.
pub async fn notices(before: Option<i64>) -> Result<NoticesPage, ApiError> {
    let path = with_query(api::ADMIN_NOTICES.to_owned(), "before", before);
    json(get(&path).await?).await
}

/// `POST /api/admin/notices`.
pub async fn send_notice(input: NoticeInput) -> Result<NoticeSummary, ApiError> {
    json(send_json(Request::post(api::ADMIN_NOTICES), &input).await?).await
}

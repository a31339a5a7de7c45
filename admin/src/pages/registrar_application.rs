//! "Tee rekisteröijähakemus": a member of a county's account applies, on the county's granted
//! card contract, for registrar rights at one or more of the county's approved points, with
//! the training certificate attached; and the person's own applications with their states.
//!
//! The file goes to the server as it is (`POST /api/admin/attachments`), which decides its
//! type from its bytes and refuses anything but a PDF, PNG or JPEG of at most 5 MB with a
//! code; the application then names the upload.

use app::form::{ErrorSummary, FieldInfo, FormParts, FormState, load_draft, save_draft};
use contract::ErrorCode;
use contract::admin::{RegistrarApplication, RegistrationPoint};
use contract::paths;
use domain::administration::{
    PointOrderState, RegistrarApplicationInput, RegistrarApplicationInputError,
    RegistrarApplicationState,
};
use domain::{Field, Language};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::api;
use crate::i18n::{Text, language, moment, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::{here, not_loaded};
use crate::widgets::{
    Field as InputField, Refusal, SelectField, Submit, keep_code, language_options, refusal,
};

fn application_state(state: RegistrarApplicationState) -> Text {
    match state {
        RegistrarApplicationState::Pending => Text::ApplicationPending,
        RegistrarApplicationState::Granted => Text::ApplicationGranted,
        RegistrarApplicationState::Rejected => Text::ApplicationRejected,
    }
}

/// One application as a row: its points, state, certificate and dates.
#[component]
pub fn ApplicationRow(
    application: RegistrarApplication,
    /// The officer's list: whose account it is on.
    #[prop(optional)]
    owner: Option<String>,
    /// The officer's decision, where it awaits one.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = application_state(application.state);
    let points = application
        .points
        .iter()
        .map(|point| format!("{} ({})", point.name, point.service_number))
        .collect::<Vec<_>>()
        .join(", ");
    let applicant = application.applicant_name.clone().unwrap_or_default();
    let title = if applicant.is_empty() {
        points.clone()
    } else {
        applicant.clone()
    };
    let download = api::attachment_path(application.attachment.id);
    let file = format!(
        "{} ({} kB)",
        application.attachment.name,
        (application.attachment.size + 999) / 1000
    );
    let reason = application
        .rejection_reason
        .map(|reason| reason.to_string());
    view! {
        <li class="admin-row">
            <div class="admin-row__main">
                {owner.filter(|owner| !owner.is_empty()).map(|owner| view! { <p class="admin-row__owner">{owner}</p> })}
                <h3 class="admin-row__title">{title}</h3>
                <dl class="admin-facts">
                    <dt>{t(Text::StateLabel)}</dt>
                    <dd>{t(state)}</dd>
                    <dt>{t(Text::PointsHeading)}</dt>
                    <dd>{points}</dd>
                    <dt>{t(Text::TrainingCertificateLabel)}</dt>
                    <dd>
                        <a href=download download="" rel="external">
                            {t(Text::DownloadCertificate)} ": " {file}
                        </a>
                    </dd>
                    <dt>{t(Text::DecisionEmailLabel)}</dt>
                    <dd>{application.email.to_string()}</dd>
                    <dt>{t(Text::Created)}</dt>
                    <dd>{move || moment(application.created_at, language())}</dd>
                    {reason.map(|reason| view! { <dt>{t(Text::RejectionReasonShown)}</dt><dd>{reason}</dd> })}
                </dl>
            </div>
            {children.map(|children| children())}
        </li>
    }
}

/// The signed-in person's own applications on the account.
#[component]
pub fn MyApplications(account: i64, changed: RwSignal<u32>) -> impl IntoView {
    let applications = Paged::<RegistrarApplication>::new();
    let load = move |after: Option<i64>| {
        applications.load(after, move |after| async move {
            api::my_registrar_applications(account, after)
                .await
                .map(|page| (page.applications, page.next_after))
        });
    };
    Effect::new(move |_| {
        changed.track();
        load(None);
    });
    view! {
        {move || {
            let rows = applications.rows.get();
            (!rows.is_empty()).then(|| view! {
                <section aria-labelledby="my-applications">
                    <h2 id="my-applications">{t(Text::YourApplicationsHeading)}</h2>
                    <ul class="admin-rows">
                        {rows
                            .into_iter()
                            .map(|application| view! { <ApplicationRow application=application /> })
                            .collect_view()}
                    </ul>
                    <ShowMore next=applications.next load=Callback::new(load) />
                </section>
            })
        }}
    }
}

/// What the form keeps on reload (the file cannot be kept: it is chosen again).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct ApplicationDraft {
    contract: i64,
    point_ids: Vec<i64>,
    email: String,
}

const DRAFT: &str = "admin.registrar-application";

const FIELDS: &[FieldInfo] = &[FieldInfo {
    field: Field::Email,
    target: "application-email",
}];

const FILE_INPUT: &str = "application-certificate";

/// The page.
#[component]
pub fn RegistrarApplicationPage() -> impl IntoView {
    use_title(Text::RegistrarApplicationTitle, Signal::derive(|| false));
    let params = use_params_map();
    let number = |name: &str| {
        params
            .with_untracked(|params| params.get(name))
            .and_then(|value| value.parse::<i64>().ok())
            .unwrap_or_default()
    };
    let account = number("account");
    let contract = number("contract");
    let points = Paged::<RegistrationPoint>::new();
    let load = move |after: Option<i64>| {
        points.load(after, move |after| async move {
            api::points(account, after)
                .await
                .map(|page| (page.points, page.next_after))
        });
    };
    load(None);
    let changed = RwSignal::new(0_u32);
    let back = paths::api::with(paths::admin::ACCOUNT, &[&account.to_string()]);
    view! {
        <h1>{t(Text::RegistrarApplicationTitle)}</h1>
        <p>{t(Text::RegistrarApplicationIntro)}</p>
        {move || {
            let state = points.answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                return shown;
            }
            view! { <ApplicationForm account=account contract=contract points=points load=Callback::new(load) changed=changed /> }
                .into_any()
        }}
        <MyApplications account=account changed=changed />
        <p><a href=back>{t(Text::BackToAccount)}</a></p>
    }
}

#[component]
fn ApplicationForm(
    account: i64,
    contract: i64,
    points: Paged<RegistrationPoint>,
    load: Callback<Option<i64>>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let form = FormState::new();
    let draft = load_draft::<ApplicationDraft>(DRAFT)
        .filter(|draft| draft.contract == contract)
        .unwrap_or_default();
    let chosen = RwSignal::new(draft.point_ids);
    let email = RwSignal::new(draft.email);
    let decision_language = RwSignal::new(untrack(language).tag().to_owned());
    let keep = move || {
        save_draft(
            DRAFT,
            &ApplicationDraft {
                contract,
                point_ids: chosen.get_untracked(),
                email: email.get_untracked(),
            },
        );
    };
    let input = move |attachment_id: Option<i64>| RegistrarApplicationInput {
        point_ids: chosen.get_untracked(),
        attachment_id,
        email: email.get_untracked(),
        language: decision_language
            .get_untracked()
            .parse()
            .unwrap_or(Language::Fi),
    };
    let on_email = Callback::new(move |()| {
        keep();
        let checked = match input(Some(0)).validate() {
            Err(RegistrarApplicationInputError::Fields(errors)) => errors,
            _ => Default::default(),
        };
        form.recheck_field(Field::Email, &checked);
    });
    let summary = NodeRef::<leptos::html::Div>::new();
    let refused = RwSignal::new(None::<ErrorCode>);
    let missing = RwSignal::new(None::<ErrorCode>);
    let sent = RwSignal::new(false);
    let languages = language_options();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        sent.set(false);
        missing.set(None);
        let file = document()
            .get_element_by_id(FILE_INPUT)
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|element| element.files())
            .and_then(|files| files.get(0));
        // Only the address is the form's field; the points and the file are told beside the
        // button, with the server's codes for them.
        let check = match input(file.as_ref().map(|_| 0)).validate() {
            Ok(_) => Ok(()),
            Err(RegistrarApplicationInputError::Fields(errors)) => Err(errors),
            Err(RegistrarApplicationInputError::PointsRequired)
            | Err(RegistrarApplicationInputError::TooManyPoints) => {
                missing.set(Some(ErrorCode::RegistrarPointsRequired));
                return;
            }
            Err(RegistrarApplicationInputError::AttachmentRequired) => {
                missing.set(Some(ErrorCode::AttachmentRequired));
                return;
            }
        };
        let request = async move {
            let file = file.ok_or(app::api::ApiError::Decode)?;
            let attachment = api::upload(file).await?;
            api::apply_registrar(account, contract, input(Some(attachment.id))).await
        };
        form.submit(
            FormParts {
                fields: FIELDS,
                summary,
                draft: DRAFT,
            },
            check,
            keep_code(refused, request),
            move |_| {
                chosen.set(Vec::new());
                sent.set(true);
                changed.update(|count| *count += 1);
            },
            |_| {},
        );
    };
    view! {
        <form class="app-form" novalidate on:submit=on_submit>
            <ErrorSummary form=form fields=FIELDS heading_id="application-errors" node_ref=summary />
            <fieldset class="app-fieldset">
                <legend>{t(Text::ApplicationPointsLegend)}</legend>
                {move || {
                    let approved: Vec<RegistrationPoint> = points
                        .rows
                        .get()
                        .into_iter()
                        .filter(|point| point.state == PointOrderState::Approved)
                        .collect();
                    if approved.is_empty() {
                        return view! { <p>{t(Text::ApplicationPointsNone)}</p> }.into_any();
                    }
                    approved
                        .into_iter()
                        .map(|point| {
                            let id = point.id;
                            let input_id = format!("application-point-{id}");
                            let number = point
                                .service_number
                                .map(|number| format!(" ({number})"))
                                .unwrap_or_default();
                            view! {
                                <div class="app-choice">
                                    <input
                                        type="checkbox"
                                        id=input_id.clone()
                                        prop:checked=move || chosen.with(|chosen| chosen.contains(&id))
                                        on:change=move |event| {
                                            let on = event_target_checked(&event);
                                            chosen.update(|chosen| {
                                                chosen.retain(|chosen| *chosen != id);
                                                if on {
                                                    chosen.push(id);
                                                }
                                            });
                                            missing.set(None);
                                            keep();
                                        }
                                    />
                                    <label for=input_id>
                                        {point.name.to_string()} {number}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
                <ShowMore next=points.next load=load />
            </fieldset>
            <div class="app-field">
                <label class="app-field__label" for=FILE_INPUT>{t(Text::TrainingCertificateLabel)}</label>
                <p class="app-field__hint" id="application-certificate-hint">{t(Text::TrainingCertificateHint)}</p>
                <input
                    class="app-input"
                    type="file"
                    id=FILE_INPUT
                    name=FILE_INPUT
                    accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                    aria-describedby="application-certificate-hint"
                    on:change=move |_| missing.set(None)
                />
            </div>
            <InputField
                id="application-email"
                label=Text::DecisionEmailLabel
                value=email
                error=form.message(Field::Email)
                input_type="email"
                autocomplete="email"
                inputmode="email"
                on_change=on_email
            />
            <SelectField
                id="application-language"
                label=Text::DecisionLanguageLabel
                value=decision_language
                options=languages
                error=Signal::derive(|| None)
            />
            <div role="status">{move || sent.get().then(|| view! { <p>{t(Text::ApplicationSent)}</p> })}</div>
            {move || missing.get().and_then(|code| refusal(code).map(|text| view! {
                <div class="app-alert" role="alert"><p>{t(text)}</p></div>
            }))}
            <Refusal form=form code=refused return_to=paths::admin::HOME />
            <Submit form=form label=Text::SendApplication />
        </form>
    }
}

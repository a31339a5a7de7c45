//! The area's front page: what the signed-in person may do here. An agency officer gets the
//! officer's work (accounts, decisions, point orders, the audit log); a member of a customer
//! account gets their accounts; a person with neither is told so. A person who is also
//! registered as a professional is offered the professionals' section (SPEC §5: they choose).

use contract::admin::AdminMe;
use contract::paths;
use leptos::prelude::*;

use crate::i18n::{Text, account_kind, role, t, use_title};
use crate::pages::{here, not_loaded};
use crate::use_me;

/// The front page.
#[component]
pub fn HomePage() -> impl IntoView {
    use_title(Text::HomeTitle, Signal::derive(|| false));
    let me = use_me();
    let session = app::session::use_session();
    let professional = move || {
        session.session.with(|session| {
            session
                .as_ref()
                .is_some_and(|session| session.registration.is_some())
        })
    };
    view! {
        <h1>{t(Text::HomeTitle)}</h1>
        {move || {
            let answer = me.me.get();
            if let Some(shown) = not_loaded(&answer, here(), Callback::new(move |()| me.reload())) {
                return shown;
            }
            let Some(Ok(me)) = answer else { return ().into_any() };
            view! { <Overview me=me /> }.into_any()
        }}
        <Show when=professional>
            <section aria-labelledby="home-professional">
                <h2 id="home-professional">{t(Text::ProfessionalSectionHeading)}</h2>
                <p>
                    <a href=paths::SECTION rel="external">{t(Text::GoToProfessionalSection)}</a>
                </p>
            </section>
        </Show>
    }
}

#[component]
fn Overview(me: AdminMe) -> impl IntoView {
    let officer = me.officer.then(|| {
        view! {
            <section aria-labelledby="home-officer">
                <h2 id="home-officer">{t(Text::OfficerHeading)}</h2>
                <ul class="admin-links">
                    <li><a href=paths::admin::CONTRACTS>{t(Text::ContractsTitle)}</a></li>
                    <li><a href=paths::admin::POINT_ORDERS>{t(Text::PointOrdersTitle)}</a></li>
                    <li><a href=paths::admin::ACCOUNTS>{t(Text::AccountsTitle)}</a></li>
                    <li><a href=paths::admin::REGISTRAR_APPLICATIONS>{t(Text::RegistrarApplicationsTitle)}</a></li>
                    <li><a href=paths::admin::NOTICES>{t(Text::NoticesTitle)}</a></li>
                    <li><a href=paths::admin::AUDIT>{t(Text::AuditTitle)}</a></li>
                </ul>
            </section>
        }
    });
    let member = (!me.accounts.is_empty()).then(|| {
        let accounts = me
            .accounts
            .into_iter()
            .map(|account| {
                let href =
                    contract::paths::api::with(paths::admin::ACCOUNT, &[&account.id.to_string()]);
                let kind = account_kind(account.kind);
                let role_text = account.role.map(role);
                view! {
                    <li>
                        <a href=href>{account.name.to_string()}</a>
                        <span class="admin-muted">
                            {move || {
                                let mut text = t(kind)().to_owned();
                                if let Some(role_text) = role_text {
                                    text.push_str(", ");
                                    text.push_str(t(role_text)());
                                }
                                format!(" ({text})")
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="home-accounts">
                <h2 id="home-accounts">{t(Text::YourAccountsHeading)}</h2>
                <ul class="admin-links">{accounts}</ul>
            </section>
        }
    });
    let registrar = (!me.registrar_points.is_empty()).then(|| {
        let points = me
            .registrar_points
            .into_iter()
            .map(|point| {
                let href = contract::paths::api::with(
                    paths::admin::REGISTRAR_POINT,
                    &[&point.point_id.to_string()],
                );
                view! {
                    <li>
                        <a href=href>{point.name.to_string()}</a>
                        <span class="admin-muted">" (" {point.service_number.to_string()} ")"</span>
                        {point.too_few_registrars.then(|| view! { " " <strong class="admin-warning">{t(Text::FewerThanTwoRegistrars)}</strong> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="home-registrar">
                <h2 id="home-registrar">{t(Text::RegistrarHeading)}</h2>
                <p>{t(Text::RegistrarPointsIntro)}</p>
                <ul class="admin-links">{points}</ul>
                <p><a href=paths::admin::CONTACT_DETAILS>{t(Text::ContactDetailsTitle)}</a></p>
            </section>
        }
    });
    let nothing = (officer.is_none() && member.is_none() && registrar.is_none())
        .then(|| view! { <p>{t(Text::NoRightsYet)}</p> });
    view! { {officer} {registrar} {member} {nothing} }
}

//! The privacy notice (tietosuojaseloste), public: the controller and its contacts from the
//! server's configuration, then each piece of personal data the service stores, rendered from
//! `domain::privacy` (the list a server test holds against the database's columns), each with
//! what is stored, why, the legal basis, how long it is kept and who receives it; then what
//! the browser keeps, and the data subject's rights.

use contract::body::OperatorResponse;
use contract::paths;
use domain::privacy::{PersonalData, notice_items};
use leptos::prelude::*;

use crate::components::operator_facts::OperatorFacts;
use crate::i18n::{PrivacyRetentionSession, Text, use_i18n, use_page_title};

/// The privacy notice.
#[component]
pub fn PrivacyNoticePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::PrivacyTitle);
    view! {
        <div class="app-statement">
            <h1>{i18n.t(Text::PrivacyTitle)}</h1>
            <p>{i18n.t(Text::PrivacyIntro)}</p>
            <OperatorFacts body=notice />
        </div>
    }
}

/// How long a piece of personal data is kept.
#[derive(Clone, Copy)]
enum Retention {
    /// As long as the account.
    Account,
    /// As long as the sign-in session (the configured times).
    Session,
    /// As long as the administration's records.
    Audit,
}

/// The texts of one piece of personal data: title, what, why, how long. Every piece has the
/// same legal basis and recipients today; a piece that differs gets its own here.
fn texts(data: PersonalData) -> (Text, Text, Text, Retention) {
    match data {
        PersonalData::Identifier => (
            Text::PrivacyIdentifierTitle,
            Text::PrivacyIdentifierWhat,
            Text::PrivacyIdentifierWhy,
            Retention::Account,
        ),
        PersonalData::ContactDetails => (
            Text::PrivacyContactDetailsTitle,
            Text::PrivacyContactDetailsWhat,
            Text::PrivacyContactDetailsWhy,
            Retention::Account,
        ),
        PersonalData::CooperationOrganisations => (
            Text::PrivacyCooperationTitle,
            Text::PrivacyCooperationWhat,
            Text::PrivacyCooperationWhy,
            Retention::Account,
        ),
        PersonalData::ProfessionalGroup => (
            Text::PrivacyGroupTitle,
            Text::PrivacyGroupWhat,
            Text::PrivacyGroupWhy,
            Retention::Account,
        ),
        PersonalData::WellbeingCounty => (
            Text::PrivacyCountyTitle,
            Text::PrivacyCountyWhat,
            Text::PrivacyCountyWhy,
            Retention::Account,
        ),
        PersonalData::RecordTimes => (
            Text::PrivacyTimesTitle,
            Text::PrivacyTimesWhat,
            Text::PrivacyTimesWhy,
            Retention::Account,
        ),
        PersonalData::SignInSession => (
            Text::PrivacySessionTitle,
            Text::PrivacySessionWhat,
            Text::PrivacySessionWhy,
            Retention::Session,
        ),
        PersonalData::AdministrationRoles => (
            Text::PrivacyRolesTitle,
            Text::PrivacyRolesWhat,
            Text::PrivacyRolesWhy,
            Retention::Account,
        ),
        PersonalData::AuditLog => (
            Text::PrivacyAuditTitle,
            Text::PrivacyAuditWhat,
            Text::PrivacyAuditWhy,
            Retention::Audit,
        ),
        PersonalData::OrganisationRecords => (
            Text::PrivacyOrganisationsTitle,
            Text::PrivacyOrganisationsWhat,
            Text::PrivacyOrganisationsWhy,
            Retention::Account,
        ),
        PersonalData::CardOrders => (
            Text::PrivacyCardOrdersTitle,
            Text::PrivacyCardOrdersWhat,
            Text::PrivacyCardOrdersWhy,
            Retention::Audit,
        ),
    }
}

fn notice(facts: OperatorResponse) -> impl IntoView {
    let i18n = use_i18n();
    let (idle, hours) = (facts.session_idle_minutes, facts.session_absolute_hours);
    let items = notice_items()
        .map(|data| {
            let (title, what, why, retention) = texts(data);
            let retention = move || match retention {
                Retention::Account => Text::PrivacyRetentionAccount
                    .get(i18n.language())
                    .to_owned(),
                Retention::Audit => Text::PrivacyRetentionAudit.get(i18n.language()).to_owned(),
                Retention::Session => PrivacyRetentionSession {
                    idle: &idle,
                    hours: &hours,
                }
                .get(i18n.language()),
            };
            view! {
                <li class="app-statement__item">
                    <h3>{i18n.t(title)}</h3>
                    <dl class="app-statement__facts">
                        <dt>{i18n.t(Text::PrivacyTermWhat)}</dt>
                        <dd>{i18n.t(what)}</dd>
                        <dt>{i18n.t(Text::PrivacyTermWhy)}</dt>
                        <dd>{i18n.t(why)}</dd>
                        <dt>{i18n.t(Text::PrivacyTermBasis)}</dt>
                        <dd>{i18n.t(Text::PrivacyBasisPublicTask)}</dd>
                        <dt>{i18n.t(Text::PrivacyTermRetention)}</dt>
                        <dd>{retention}</dd>
                        <dt>{i18n.t(Text::PrivacyTermRecipients)}</dt>
                        <dd>{i18n.t(Text::PrivacyRecipientsNone)}</dd>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="privacy-controller">
            <h2 id="privacy-controller">{i18n.t(Text::PrivacyControllerHeading)}</h2>
            <dl class="app-statement__facts">
                <dt>{i18n.t(Text::PrivacyController)}</dt>
                <dd>{facts.controller_name}</dd>
                <dt>{i18n.t(Text::PrivacyControllerContact)}</dt>
                <dd>{facts.controller_contact}</dd>
                <dt>{i18n.t(Text::PrivacyDataProtectionOfficer)}</dt>
                <dd>{facts.data_protection_officer}</dd>
            </dl>
        </section>
        <section aria-labelledby="privacy-data">
            <h2 id="privacy-data">{i18n.t(Text::PrivacyDataHeading)}</h2>
            <p>{i18n.t(Text::PrivacyDataLead)}</p>
            <ul class="app-statement__items">{items}</ul>
        </section>
        <section aria-labelledby="privacy-browser">
            <h2 id="privacy-browser">{i18n.t(Text::PrivacyBrowserHeading)}</h2>
            <p>{i18n.t(Text::PrivacyBrowser)}</p>
        </section>
        <section aria-labelledby="privacy-rights">
            <h2 id="privacy-rights">{i18n.t(Text::PrivacyRightsHeading)}</h2>
            <p>
                {i18n.t(Text::PrivacyRightsAccess)} " "
                <a href=paths::SETTINGS>{i18n.t(Text::PrivacyRightsSettingsLink)}</a>
            </p>
            <p>{i18n.t(Text::PrivacyRightsErasure)}</p>
            <p>{i18n.t(Text::PrivacyRightsAutomated)}</p>
            <p>
                {i18n.t(Text::PrivacyRightsComplaint)} " "
                <a href=i18n.t(Text::PrivacyComplaintUrl)>{i18n.t(Text::PrivacyComplaintLink)}</a>
            </p>
        </section>
    }
}

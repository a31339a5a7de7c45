//! The accessibility statement (saavutettavuusseloste), public: the fixed parts the Act on the
//! Provision of Digital Services (306/2019) asks for (the state of conformance with WCAG 2.1
//! AA, the content known not to be accessible, how that was assessed, the feedback channel and
//! the supervisory authority's enforcement procedure), with the operator's facts (provider,
//! feedback address, dates) from the server's configuration.

use contract::body::OperatorResponse;
use leptos::prelude::*;

use crate::components::operator_facts::OperatorFacts;
use crate::i18n::{
    AccessibilityAssessed, AccessibilityIntro, AccessibilityKnownSessionLimit,
    AccessibilityStatementDate, Text, format_date, use_i18n, use_page_title,
};

/// The accessibility statement.
#[component]
pub fn AccessibilityStatementPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::AccessibilityTitle);
    view! {
        <div class="app-statement">
            <h1>{i18n.t(Text::AccessibilityTitle)}</h1>
            <OperatorFacts body=statement />
        </div>
    }
}

fn statement(facts: OperatorResponse) -> impl IntoView {
    let i18n = use_i18n();
    let intro = {
        let controller = facts.controller_name.clone();
        move || {
            AccessibilityIntro {
                controller: &controller,
            }
            .get(i18n.language())
        }
    };
    let session_limit = move || {
        AccessibilityKnownSessionLimit {
            hours: &facts.session_absolute_hours,
        }
        .get(i18n.language())
    };
    let statement_date = facts.statement_date.clone();
    let assessed_date = facts.assessed_date.clone();
    let dates = move || {
        let language = i18n.language();
        let assessed = format_date(&assessed_date, language);
        let drawn_up = format_date(&statement_date, language);
        view! {
            <p>{AccessibilityAssessed { date: &assessed }.get(language)}</p>
            <p>{AccessibilityStatementDate { date: &drawn_up }.get(language)}</p>
        }
    };
    let feedback = facts.accessibility_feedback.to_string();
    let mailto = format!("mailto:{feedback}");
    view! {
        <p>{intro}</p>
        <section aria-labelledby="accessibility-status">
            <h2 id="accessibility-status">{i18n.t(Text::AccessibilityStatusHeading)}</h2>
            <p>{i18n.t(Text::AccessibilityStatus)}</p>
        </section>
        <section aria-labelledby="accessibility-known">
            <h2 id="accessibility-known">{i18n.t(Text::AccessibilityKnownHeading)}</h2>
            <ul>
                <li>
                    <p>{session_limit}</p>
                    <p>{i18n.t(Text::AccessibilityKnownReason)}</p>
                </li>
            </ul>
        </section>
        <section aria-labelledby="accessibility-assessment">
            <h2 id="accessibility-assessment">{i18n.t(Text::AccessibilityAssessmentHeading)}</h2>
            <p>{i18n.t(Text::AccessibilityAssessment)}</p>
            {dates}
        </section>
        <section aria-labelledby="accessibility-feedback">
            <h2 id="accessibility-feedback">{i18n.t(Text::AccessibilityFeedbackHeading)}</h2>
            <p>{i18n.t(Text::AccessibilityFeedback)}</p>
            <p>
                {i18n.t(Text::AccessibilityFeedbackAddress)} " " <a href=mailto>{feedback}</a>
            </p>
        </section>
        <section aria-labelledby="accessibility-enforcement">
            <h2 id="accessibility-enforcement">
                {i18n.t(Text::AccessibilityEnforcementHeading)}
            </h2>
            <p>{i18n.t(Text::AccessibilityEnforcement)}</p>
            <p>
                <a href=i18n.t(Text::AccessibilityEnforcementUrl)>
                    {i18n.t(Text::AccessibilityEnforcementLink)}
                </a>
            </p>
        </section>
    }
}

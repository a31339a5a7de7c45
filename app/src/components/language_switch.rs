//! The language switch of every page: three buttons, each labelled in its own language, the
//! current one marked with `aria-pressed`.

use domain::Language;
use leptos::prelude::*;

use crate::i18n::{Text, language_name, use_i18n};

/// Switches the app between Finnish, Swedish and English.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="app-language-switch" aria-label=i18n.t(Text::LanguageSwitchLabel)>
            <ul class="app-language-switch__list">
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="app-language-switch__button"
                                    lang=language.tag()
                                    aria-pressed=move || (i18n.language() == language).to_string()
                                    on:click=move |_| i18n.set_language(language)
                                >
                                    {language_name(language)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

//! Every visible string of the app in Finnish, Swedish and English, and the language context.
//!
//! The strings live in Project Fluent files, `app/locales/{fi,sv,en}.ftl`. `cargo xtask
//! codegen` checks them (every message in every language, with the same variables) and
//! generates the keys in `i18n/strings.rs`, re-exported here: a message without variables is a
//! [`Text`] variant and [`Text::get`] gives it in a language; a message with variables is a
//! struct (such as [`PickerResults`]) whose `get` formats it. The chosen language is kept in
//! `localStorage` and written to `<html lang>` and the document title.

use domain::{CalendarDate, Language, OrganisationCodeError};
use leptos::prelude::*;

mod strings;

pub use strings::*;

/// The message for an organisation code error, in `language`.
pub fn organisation_code_error(error: OrganisationCodeError, language: Language) -> &'static str {
    match error {
        OrganisationCodeError::Empty => Text::OrganisationCodeEmpty,
        OrganisationCodeError::Unknown => Text::OrganisationCodeUnknown,
    }
    .get(language)
}

/// The name of a language in that language, for the language switch.
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::Fi => "Suomi",
        Language::Sv => "Svenska",
        Language::En => "English",
    }
}

/// A date as each language writes it in running text: `1.6.2025` in Finnish and Swedish (as
/// written in Finland), `1 June 2025` in English.
pub fn format_date(date: &CalendarDate, language: Language) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match language {
        Language::Fi | Language::Sv => {
            format!("{}.{}.{}", date.day(), date.month(), date.year())
        }
        Language::En => {
            let month = MONTHS
                .get(usize::from(date.month()).saturating_sub(1))
                .copied()
                .unwrap_or_default();
            format!("{} {month} {}", date.day(), date.year())
        }
    }
}

const STORAGE_KEY: &str = "mtt.language";

/// The app's language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    /// The current language (tracked).
    pub fn language(self) -> Language {
        self.language.get()
    }

    /// Switches the language and remembers the choice.
    pub fn set_language(self, language: Language) {
        self.language.set(language);
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, language.tag());
        }
    }

    /// A reactive closure giving `text` in the current language, for `view!`.
    pub fn t(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text.get(self.language.get())
    }
}

/// Puts the language context in place: the remembered language, else Finnish. Keeps
/// `<html lang>` in step with it.
pub fn provide_i18n() -> I18n {
    let remembered = local_storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| tag.parse().ok())
        .unwrap_or_default();
    let i18n = I18n {
        language: RwSignal::new(remembered),
    };
    Effect::new(move |_| {
        let language = i18n.language();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.tag());
        }
    });
    provide_context(i18n);
    i18n
}

/// Keeps the document title at "`page` – service name" in the current language, so a screen
/// reader user hears where they are after every route change.
pub fn use_page_title(page: Text) {
    use_page_title_flagged(page, Signal::derive(|| false));
}

/// Like [`use_page_title`], with "Virhe: " in front while `has_errors` holds (a form's error
/// summary is up), so the title alone tells a screen reader user the save did not go through.
pub fn use_page_title_flagged(page: Text, has_errors: Signal<bool>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let language = i18n.language();
        let title = format!(
            "{} – {}",
            page.get(language),
            Text::ServiceName.get(language)
        );
        if has_errors.get() {
            document().set_title(&format!(
                "{}: {title}",
                Text::ErrorTitlePrefix.get(language)
            ));
        } else {
            document().set_title(&title);
        }
    });
}

/// The language context. Panics outside [`provide_i18n`], which `App` always calls first.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_is_the_default_language() {
        assert_eq!(Language::default(), Language::Fi);
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let check = |date: &str, language: Language, expected: &str| {
            let date: CalendarDate = date.parse().unwrap();
            assert_eq!(format_date(&date, language), expected);
        };
        check("2025-06-01", Language::Fi, "1.6.2025");
        check("2025-06-01", Language::Sv, "1.6.2025");
        check("2025-06-01", Language::En, "1 June 2025");
        check("2024-12-31", Language::Fi, "31.12.2024");
        check("2024-01-09", Language::En, "9 January 2024");
    }

    #[test]
    fn the_spec_wording_is_used_in_finnish() {
        assert_eq!(Text::SectionTitle.get(Language::Fi), "Ammattilaisten osio");
        assert!(
            Text::PersonalMethodName
                .get(Language::Fi)
                .starts_with("Ammattilaiskäyttäjät ja yhteistyökumppanit")
        );
    }
}

/// The generated code against Fluent's reference implementation: every message, formatted by
/// `fluent-bundle` from the same files, must read exactly as the app shows it.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fluent_reference {
    use std::collections::BTreeSet;

    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    use super::*;

    const LANGUAGES: [Language; 3] = [Language::Fi, Language::Sv, Language::En];

    fn bundle(language: Language) -> FluentBundle<FluentResource> {
        let source = match language {
            Language::Fi => include_str!("../locales/fi.ftl"),
            Language::Sv => include_str!("../locales/sv.ftl"),
            Language::En => include_str!("../locales/en.ftl"),
        };
        let resource = FluentResource::try_new(source.to_owned()).expect("the file parses");
        let tag: unic_langid::LanguageIdentifier = language.tag().parse().expect("a BCP 47 tag");
        let mut bundle = FluentBundle::new(vec![tag]);
        // The app writes no Unicode isolation marks around variables: all three languages
        // are left-to-right.
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no id twice");
        bundle
    }

    fn format(
        bundle: &FluentBundle<FluentResource>,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> String {
        let message = bundle
            .get_message(id)
            .unwrap_or_else(|| panic!("{id} exists"));
        let pattern = message.value().unwrap_or_else(|| panic!("{id} has text"));
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        assert!(errors.is_empty(), "{id}: {errors:?}");
        text
    }

    fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
        let mut args = FluentArgs::new();
        for (name, value) in pairs {
            args.set(*name, value.clone());
        }
        args
    }

    #[test]
    fn every_text_reads_as_fluent_formats_it() {
        for language in LANGUAGES {
            let bundle = bundle(language);
            for text in Text::ALL {
                assert_eq!(
                    text.get(language),
                    format(&bundle, text.id(), None),
                    "{} in {}",
                    text.id(),
                    language.tag()
                );
            }
        }
    }

    #[test]
    fn every_message_with_variables_reads_as_fluent_formats_it() {
        let numbers = [0, 1, 2, 3, 5, 11, 20, 21, 50, 51, 101, 1000, 1001];
        let names = ["Tampere", "Pohjois-Karjalan hyvinvointialue", "Åland {$x}"];
        let mut checked = BTreeSet::new();
        for language in LANGUAGES {
            let bundle = bundle(language);
            for total in numbers {
                assert_eq!(
                    PickerResults { total }.get(language),
                    format(
                        &bundle,
                        PickerResults::ID,
                        Some(&args(&[("total", total.into())]))
                    ),
                );
                for shown in numbers {
                    assert_eq!(
                        PickerResultsTruncated {
                            total: &total,
                            shown: &shown
                        }
                        .get(language),
                        format(
                            &bundle,
                            PickerResultsTruncated::ID,
                            Some(&args(&[("total", total.into()), ("shown", shown.into())]))
                        ),
                    );
                }
            }
            for name in names {
                for count in numbers {
                    assert_eq!(
                        PickerAdded {
                            name: &name,
                            count: &count,
                            max: &20
                        }
                        .get(language),
                        format(
                            &bundle,
                            PickerAdded::ID,
                            Some(&args(&[
                                ("name", name.into()),
                                ("count", count.into()),
                                ("max", 20.into())
                            ]))
                        ),
                    );
                }
                let named = args(&[("name", name.into())]);
                assert_eq!(
                    PickerRemoved { name: &name }.get(language),
                    format(&bundle, PickerRemoved::ID, Some(&named))
                );
                assert_eq!(
                    PickerRemoveLabel { name: &name }.get(language),
                    format(&bundle, PickerRemoveLabel::ID, Some(&named))
                );
                let controller = args(&[("controller", name.into())]);
                assert_eq!(
                    AccessibilityIntro { controller: &name }.get(language),
                    format(&bundle, AccessibilityIntro::ID, Some(&controller))
                );
                let date = args(&[("date", name.into())]);
                assert_eq!(
                    AccessibilityAssessed { date: &name }.get(language),
                    format(&bundle, AccessibilityAssessed::ID, Some(&date))
                );
                assert_eq!(
                    AccessibilityStatementDate { date: &name }.get(language),
                    format(&bundle, AccessibilityStatementDate::ID, Some(&date))
                );
            }
            for hours in numbers {
                assert_eq!(
                    AccessibilityKnownSessionLimit { hours: &hours }.get(language),
                    format(
                        &bundle,
                        AccessibilityKnownSessionLimit::ID,
                        Some(&args(&[("hours", hours.into())]))
                    ),
                );
                for idle in numbers {
                    assert_eq!(
                        PrivacyRetentionSession {
                            hours: &hours,
                            idle: &idle
                        }
                        .get(language),
                        format(
                            &bundle,
                            PrivacyRetentionSession::ID,
                            Some(&args(&[("hours", hours.into()), ("idle", idle.into())]))
                        ),
                    );
                }
            }
        }
        checked.extend([
            PickerResults::ID,
            PickerResultsTruncated::ID,
            PickerAdded::ID,
            PickerRemoved::ID,
            PickerRemoveLabel::ID,
            AccessibilityIntro::ID,
            AccessibilityAssessed::ID,
            AccessibilityStatementDate::ID,
            AccessibilityKnownSessionLimit::ID,
            PrivacyRetentionSession::ID,
        ]);
        assert_eq!(
            checked,
            BTreeSet::from(FORMATTED_IDS),
            "a message with variables is not compared with Fluent here: add it"
        );
    }
}

//! The organisation picker "Yhteistyöorganisaatiot" (SPEC §2): one combobox over the
//! catalogue organisations, the wellbeing counties and all municipalities, after the WAI-ARIA
//! APG pattern "list autocomplete with manual selection": the input owns focus, the listbox
//! option under the arrows is named by `aria-activedescendant`, and a polite live region says
//! how many entries match and what was added or removed. The search is `domain::search`.
//! The chosen entries are listed under the heading "Yhteistyöorganisaatiot" with the picker,
//! each with a labelled remove button; an
//! entry already chosen is not offered again.

use domain::cooperation::{CooperationKind, CooperationOrganisation};
use domain::search::search;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::form::focus_by_id;
use crate::i18n::{PickerRemoveLabel, PickerRemoved};
use crate::i18n::{Text, use_i18n};
use crate::messages::{picker_added, picker_results};

/// The most options the list shows at once; the live region says when there are more.
const MAX_SHOWN: usize = 50;
/// The id of the combobox input (the error summary links here).
pub const PICKER_INPUT_ID: &str = "organisation-search";
const LISTBOX_ID: &str = "organisation-listbox";

/// "kunta" beside a municipality (the SPEC: municipalities are marked as such in the list).
fn kind_tag(kind: CooperationKind, language: domain::Language) -> Option<impl IntoView> {
    (kind == CooperationKind::Municipality).then(|| {
        view! { <span class="app-picker__kind">{Text::PickerMunicipality.get(language)}</span> }
    })
}

fn option_id(index: usize) -> String {
    format!("organisation-option-{index}")
}

fn remove_id(index: usize) -> String {
    format!("organisation-remove-{index}")
}

/// The picker and the list of chosen entries.
#[component]
pub fn OrganisationPicker(
    /// The chosen entries' codes, in the user's order.
    chosen: RwSignal<Vec<String>>,
    /// The field's error message, when there is one.
    error: Signal<Option<&'static str>>,
    /// Runs when focus leaves the combobox (the field's check).
    on_leave: Callback<()>,
    /// Runs after each change of the chosen entries.
    on_change: Callback<()>,
    /// Whether the picker sits under a section heading (settings): its heading is then an
    /// `h3`, else an `h2`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let announcement = RwSignal::new(String::new());

    // Every match not chosen yet, best first; the list shows the first MAX_SHOWN.
    let matches = Memo::new(move |_| {
        let query = query.get();
        chosen.with(|chosen| {
            search(&query)
                .into_iter()
                .filter(|entry| !chosen.contains(&entry.code()))
                .collect::<Vec<CooperationOrganisation>>()
        })
    });
    let shown_count = move || matches.with(|matches| matches.len().min(MAX_SHOWN));
    let expanded = move || open.get() && shown_count() > 0;

    let display_name = move |entry: &CooperationOrganisation| {
        let name = entry.name().get(i18n.language());
        match entry.abbreviation() {
            Some(abbreviation) if !name.contains(abbreviation) => {
                format!("{name} ({abbreviation})")
            }
            _ => name.to_owned(),
        }
    };

    let announce_results = move || {
        let total = matches.with_untracked(Vec::len);
        announcement.set(picker_results(total, total.min(MAX_SHOWN), i18n.language()));
    };

    let choose = move |index: usize| {
        let Some(entry) = matches.with_untracked(|matches| matches.get(index).copied()) else {
            return;
        };
        chosen.update(|chosen| chosen.push(entry.code()));
        let count = chosen.with_untracked(Vec::len);
        announcement.set(picker_added(&display_name(&entry), count, i18n.language()));
        query.set(String::new());
        open.set(false);
        active.set(None);
        on_change.run(());
    };

    let remove = move |index: usize, name: String| {
        chosen.update(|chosen| {
            if index < chosen.len() {
                chosen.remove(index);
            }
        });
        announcement.set(PickerRemoved { name: &name }.get(i18n.language()));
        on_change.run(());
        // Focus the remove button that took this one's place, else the one before, else
        // the search.
        let left = chosen.with_untracked(Vec::len);
        request_animation_frame(move || {
            if left == 0 {
                focus_by_id(PICKER_INPUT_ID);
            } else {
                focus_by_id(&remove_id(index.min(left - 1)));
            }
        });
    };

    let move_active = move |step: isize| {
        let count = shown_count();
        if count == 0 {
            return;
        }
        let next = match active.get_untracked() {
            None if step > 0 => 0,
            None => count - 1,
            Some(current) => {
                let count = count as isize;
                ((current as isize + step).rem_euclid(count)) as usize
            }
        };
        active.set(Some(next));
    };

    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "ArrowDown" => {
            event.prevent_default();
            if !open.get_untracked() {
                open.set(true);
                announce_results();
            }
            move_active(1);
        }
        "ArrowUp" => {
            event.prevent_default();
            if !open.get_untracked() {
                open.set(true);
                announce_results();
            }
            move_active(-1);
        }
        "Home" | "End" if open.get_untracked() && active.get_untracked().is_some() => {
            event.prevent_default();
            let last = shown_count().saturating_sub(1);
            active.set(Some(if event.key() == "Home" { 0 } else { last }));
        }
        "Enter" => {
            if let (true, Some(index)) = (open.get_untracked(), active.get_untracked()) {
                event.prevent_default();
                choose(index);
            } else if !query.with_untracked(String::is_empty) {
                // Enter in a half-typed search must not submit the form.
                event.prevent_default();
            }
        }
        "Escape" => {
            if open.get_untracked() {
                event.prevent_default();
                open.set(false);
                active.set(None);
            } else if !query.with_untracked(String::is_empty) {
                event.prevent_default();
                query.set(String::new());
            }
        }
        _ => {}
    };

    // Keep the active option in view as the arrows move through a long list.
    Effect::new(move |_| {
        if let Some(index) = active.get()
            && let Some(element) = document().get_element_by_id(&option_id(index))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    let options = move || {
        let language = i18n.language();
        matches.with(|matches| {
            matches
                .iter()
                .take(MAX_SHOWN)
                .enumerate()
                .map(|(index, entry)| {
                    view! {
                        <li
                            id=option_id(index)
                            role="option"
                            class="app-picker__option"
                            aria-selected=move || (active.get() == Some(index)).to_string()
                            on:mousedown=|event| event.prevent_default()
                            on:click=move |_| choose(index)
                        >
                            <span>{display_name(entry)}</span>
                            {kind_tag(entry.kind(), language)}
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let chosen_list = move || {
        let language = i18n.language();
        let entries: Vec<CooperationOrganisation> =
            chosen.with(|chosen| chosen.iter().filter_map(|code| code.parse().ok()).collect());
        if entries.is_empty() {
            return view! { <p class="app-picker__none">{i18n.t(Text::PickerNoneChosen)}</p> }
                .into_any();
        }
        view! {
            <ul class="app-picker__chosen" aria-labelledby="organisations-chosen">
                {entries
                    .into_iter()
                    .enumerate()
                    .map(|(index, entry)| {
                        let name = display_name(&entry);
                        let label = PickerRemoveLabel { name: &name }.get(language);
                            let removed_name = name.clone();
                        view! {
                            <li class="app-picker__chosen-item">
                                <span>
                                    {name}
                                    {kind_tag(entry.kind(), language)}
                                </span>
                                <button
                                    type="button"
                                    id=remove_id(index)
                                    class="app-picker__remove"
                                    aria-label=label
                                    on:click=move |_| remove(index, removed_name.clone())
                                >
                                    {Text::PickerRemove.get(language)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let described_by = move || {
        if error.get().is_some() {
            "organisations-hint organisations-fallback organisations-error"
        } else {
            "organisations-hint organisations-fallback"
        }
    };

    let heading = move || {
        if nested {
            view! {
                <h3 id="organisations-heading" class="app-picker__heading">
                    {i18n.t(Text::OrganisationsLegend)}
                </h3>
            }
            .into_any()
        } else {
            view! {
                <h2 id="organisations-heading" class="app-picker__heading">
                    {i18n.t(Text::OrganisationsLegend)}
                </h2>
            }
            .into_any()
        }
    };

    view! {
        <div
            role="group"
            aria-labelledby="organisations-heading"
            class="app-field app-picker"
            class:app-field--error=move || error.get().is_some()
        >
            {heading}
            <p class="app-field__hint" id="organisations-hint">
                {i18n.t(Text::OrganisationsHint)}
            </p>
            <p class="app-picker__fallback" id="organisations-fallback">
                {i18n.t(Text::PickerFallback)}
            </p>
            <p class="app-field__error" id="organisations-error" hidden=move || error.get().is_none()>
                {move || error.get()}
            </p>
            <label class="app-picker__label" for=PICKER_INPUT_ID>
                {i18n.t(Text::PickerLabel)}
            </label>
            <div class="app-picker__box">
                <input
                    class="app-input"
                    id=PICKER_INPUT_ID
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls=LISTBOX_ID
                    aria-expanded=move || expanded().to_string()
                    aria-activedescendant=move || {
                        if open.get() { active.get().map(option_id) } else { None }
                    }
                    aria-describedby=described_by
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=move || query.get()
                    on:input=move |event| {
                        query.set(event_target_value(&event));
                        open.set(true);
                        active.set(None);
                        announce_results();
                    }
                    on:keydown=on_keydown
                    on:click=move |_| {
                        if !open.get_untracked() {
                            open.set(true);
                            announce_results();
                        }
                    }
                    on:blur=move |_| {
                        open.set(false);
                        active.set(None);
                        on_leave.run(());
                    }
                />
                <ul
                    id=LISTBOX_ID
                    role="listbox"
                    class="app-picker__listbox"
                    aria-label=i18n.t(Text::OrganisationsLegend)
                    hidden=move || !expanded()
                >
                    {options}
                </ul>
            </div>
            <p
                class="app-picker__empty"
                hidden=move || !(open.get() && matches.with(Vec::is_empty))
            >
                {move || picker_results(0, 0, i18n.language())}
            </p>
            <div role="status" class="app-visually-hidden">
                {move || announcement.get()}
            </div>
            <p id="organisations-chosen" class="app-picker__chosen-heading">
                {i18n.t(Text::PickerChosenHeading)}
            </p>
            {chosen_list}
        </div>
    }
}

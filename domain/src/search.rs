//! The organisation picker's search: one function over the whole list (catalogue
//! organisations, counties, municipalities) that matches what people type.
//!
//! Both the query and every name are folded the same way: lower case, diacritics dropped
//! (ä, ö, å match a, o, a; so "Aanekoski" finds Äänekoski), hyphens and runs of white space as
//! one space. Every entry is found by its Finnish, Swedish and English name (Helsingfors finds
//! Helsinki, Åbo finds Turku) and the catalogue organisations also by their abbreviation (HUS,
//! PIRHA). Results are ranked: exact matches, then names that start with the query, then names
//! with a word that starts with it, then names that merely contain it; within a rank,
//! organisations before counties before municipalities, then by Finnish name.

use std::sync::OnceLock;

use crate::cooperation::{CooperationKind, CooperationOrganisation};
use crate::reference::FOLD_TABLE;

/// How well an entry matched; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Exact,
    Prefix,
    WordPrefix,
    Contains,
}

struct Entry {
    organisation: CooperationOrganisation,
    kind_order: u8,
    sort_name: String,
    keys: Vec<String>,
}

/// Folds a text for matching: lower case, no diacritics, single spaces for hyphens and white
/// space, trimmed. Diacritics are dropped by the table that `build.rs` computed with
/// unicode-normalization (NFD without combining marks) for the Latin letters and every letter
/// of the reference names; a combining mark typed on its own is dropped too.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for character in text.chars() {
        if is_combining_mark(character) {
            continue;
        }
        if character.is_whitespace() || matches!(character, '-' | '\u{2010}'..='\u{2015}') {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        if character.is_ascii() {
            folded.push(character.to_ascii_lowercase());
        } else {
            match FOLD_TABLE.binary_search_by_key(&character, |(letter, _)| *letter) {
                Ok(index) => folded.push_str(FOLD_TABLE[index].1),
                Err(_) => folded.extend(character.to_lowercase()),
            }
        }
    }
    folded
}

/// The combining diacritical marks (U+0300–U+036F), which a decomposed input such as
/// "a\u{308}" carries.
fn is_combining_mark(character: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&character)
}

fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        CooperationOrganisation::all()
            .map(|organisation| {
                let name = organisation.name();
                let mut keys: Vec<String> = [name.fi, name.sv, name.en]
                    .iter()
                    .map(|text| fold(text))
                    .collect();
                keys.extend(organisation.abbreviation().map(fold));
                keys.sort();
                keys.dedup();
                Entry {
                    organisation,
                    kind_order: match organisation.kind() {
                        CooperationKind::Organisation => 0,
                        CooperationKind::County => 1,
                        CooperationKind::Municipality => 2,
                    },
                    sort_name: fold(name.fi),
                    keys,
                }
            })
            .collect()
    })
}

fn rank(key: &str, query: &str) -> Option<Rank> {
    if key == query {
        Some(Rank::Exact)
    } else if key.starts_with(query) {
        Some(Rank::Prefix)
    } else if key
        .match_indices(query)
        .any(|(index, _)| key[..index].ends_with(' '))
    {
        Some(Rank::WordPrefix)
    } else if key.contains(query) {
        Some(Rank::Contains)
    } else {
        None
    }
}

/// The entries that match `query`, best first. An empty query (or one of only white space and
/// hyphens) matches every entry, in list order.
pub fn search(query: &str) -> Vec<CooperationOrganisation> {
    let query = fold(query);
    let entries = entries();
    if query.is_empty() {
        return entries.iter().map(|entry| entry.organisation).collect();
    }
    let mut hits: Vec<(Rank, &Entry)> = entries
        .iter()
        .filter_map(|entry| {
            entry
                .keys
                .iter()
                .filter_map(|key| rank(key, &query))
                .min()
                .map(|best| (best, entry))
        })
        .collect();
    hits.sort_by(|(left_rank, left), (right_rank, right)| {
        (left_rank, left.kind_order, &left.sort_name).cmp(&(
            right_rank,
            right.kind_order,
            &right.sort_name,
        ))
    });
    hits.into_iter()
        .map(|(_, entry)| entry.organisation)
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::vectors;

    #[test]
    fn folding_drops_case_diacritics_and_hyphens() {
        assert_eq!(fold("Äänekoski"), "aanekoski");
        assert_eq!(
            fold("  Maarianhamina - Mariehamn "),
            "maarianhamina mariehamn"
        );
        assert_eq!(fold("Koski Tl"), "koski tl");
        assert_eq!(fold("PÄIJÄTHA"), "paijatha");
        assert_eq!(fold("Åbo"), "abo");
        assert_eq!(fold("---"), "");
        // Decomposed input (a + combining diaeresis) folds like the precomposed letter.
        assert_eq!(fold("A\u{308}a\u{308}nekoski"), "aanekoski");
        // Letters without a decomposition are only lower-cased.
        assert_eq!(fold("Ærø Øster Straße"), "ærø øster straße");
    }

    #[test]
    fn every_vector_finds_its_first_result() {
        vectors::check_search();
    }

    #[test]
    fn an_empty_query_lists_everything() {
        assert_eq!(search("").len(), 333);
        assert_eq!(search("  - ").len(), 333);
    }

    #[test]
    fn ranks_exact_before_prefix_before_word_before_contains() {
        let codes: Vec<String> = search("koski")
            .iter()
            .map(CooperationOrganisation::code)
            .collect();
        // "Koski Tl" starts with the query; Äänekoski, Valkeakoski … only contain it.
        assert_eq!(codes[0], "municipality:284");
        assert!(codes.contains(&"municipality:992".to_owned()));
        assert!(codes.contains(&"municipality:908".to_owned()));
    }

    /// What the fold table stands for: NFD, combining marks dropped, lower case.
    fn reference_fold(letter: char) -> String {
        use unicode_normalization::UnicodeNormalization;
        use unicode_normalization::char::is_combining_mark;
        letter
            .to_string()
            .nfd()
            .filter(|character| !is_combining_mark(*character))
            .flat_map(char::to_lowercase)
            .collect()
    }

    // Guards the generated table: for every Latin letter and every letter of the reference
    // names, folding agrees with unicode-normalization itself.
    #[test]
    fn the_fold_table_agrees_with_unicode_normalization() {
        let names = crate::reference::municipalities()
            .iter()
            .map(|municipality| municipality.name)
            .chain(crate::reference::regions().iter().map(|region| region.name));
        let mut letters: Vec<char> = ('\u{c0}'..='\u{24f}').collect();
        for name in names {
            letters.extend(
                [name.fi, name.sv, name.en]
                    .iter()
                    .flat_map(|text| text.chars()),
            );
        }
        for letter in letters
            .into_iter()
            .filter(|letter| !letter.is_whitespace() && *letter != '-')
        {
            assert_eq!(
                fold(&letter.to_string()),
                reference_fold(letter),
                "{letter:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics(query in "\\\\PC{0,30}") {
            let _ = search(&query);
        }

        // Folding is idempotent, so a folded query finds what the original finds.
        #[test]
        fn folding_twice_changes_nothing(text in "\\\\PC{0,30}") {
            prop_assert_eq!(fold(&fold(&text)), fold(&text));
        }
    }
}

//! Any query: the search never panics, never lists an entry twice, and folding is idempotent.
#![no_main]

use domain::search::{fold, search};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let results = search(query);
    let mut codes: Vec<String> = results.iter().map(|entry| entry.code()).collect();
    let found = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), found, "no entry twice");
    assert_eq!(fold(&fold(query)), fold(query));
});

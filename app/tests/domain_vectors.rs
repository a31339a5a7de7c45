//! The domain's test vectors, run in headless Chromium: the same list the domain's native
//! tests run, so the browser's verdict is proven to be the server's.
#![cfg(target_arch = "wasm32")]

use domain::cooperation::CooperationOrganisation;
use domain::{Email, PhoneNumber, vectors};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn phone_vectors_get_the_same_verdict_in_the_browser() {
    for (input, expected) in vectors::PHONE {
        let actual = input.parse::<PhoneNumber>();
        assert_eq!(
            actual
                .as_ref()
                .map(PhoneNumber::as_str)
                .map_err(|error| *error),
            *expected,
            "input {input:?}"
        );
    }
}

#[wasm_bindgen_test]
fn email_vectors_get_the_same_verdict_in_the_browser() {
    for (input, expected) in vectors::EMAIL {
        let actual = input.parse::<Email>();
        assert_eq!(
            actual.as_ref().map(Email::as_str).map_err(|error| *error),
            *expected,
            "input {input:?}"
        );
    }
}

#[wasm_bindgen_test]
fn search_vectors_get_the_same_first_result_in_the_browser() {
    for (query, expected_first) in vectors::SEARCH {
        let first = domain::search::search(query)
            .first()
            .map(CooperationOrganisation::code);
        assert_eq!(first.as_deref(), *expected_first, "query {query:?}");
    }
}

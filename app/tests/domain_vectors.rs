//! The domain's test vectors, run in headless Chromium through the very checks the domain's
//! native tests call, so the browser's verdict is proven to be the server's.
#![cfg(target_arch = "wasm32")]

use domain::vectors;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn phone_vectors_get_the_same_verdict_in_the_browser() {
    vectors::check_phone();
}

#[wasm_bindgen_test]
fn email_vectors_get_the_same_verdict_in_the_browser() {
    vectors::check_email();
}

#[wasm_bindgen_test]
fn search_vectors_get_the_same_first_result_in_the_browser() {
    vectors::check_search();
}

#[wasm_bindgen_test]
fn business_id_vectors_get_the_same_verdict_in_the_browser() {
    vectors::check_business_id();
}

#[wasm_bindgen_test]
fn service_number_vectors_get_the_same_verdict_in_the_browser() {
    vectors::check_service_number();
}

#[wasm_bindgen_test]
fn attachment_vectors_get_the_same_verdict_in_the_browser() {
    vectors::check_attachment();
    vectors::check_attachment_name();
}

#[wasm_bindgen_test]
fn identity_code_vectors_get_the_same_verdict_in_the_browser() {
    vectors::check_identity_code();
}

//! DOM tests of the app's components, run in headless Chromium by wasm-bindgen-test-runner
//! (`cargo test -p app --target wasm32-unknown-unknown`; `cargo xtask test` does it).
#![cfg(target_arch = "wasm32")]

use app::components::workplace_guide::WorkplaceGuide;
use app::i18n::provide_i18n;
use domain::Language;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_guide() -> web_sys::HtmlElement {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let container: web_sys::HtmlElement = container.unchecked_into();
    let handle = leptos::mount::mount_to(container.clone(), || {
        let i18n = provide_i18n();
        i18n.set_language(Language::Fi);
        view! { <WorkplaceGuide /> }
    });
    // The test owns the page; keeping the view mounted for its duration is what it checks.
    handle.forget();
    container
}

fn verdict(container: &web_sys::HtmlElement) -> String {
    container
        .query_selector("[role=status]")
        .unwrap()
        .expect("the guide has a status line")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn guide_lists_the_catalogue_and_answers_with_the_domain_rule() {
    let container = mount_guide();
    leptos::task::tick().await;

    let items = container.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 8, "the eight catalogue organisations");
    assert!(verdict(&container).contains("henkilökohtainen tunnistautuminen"));

    let select: web_sys::HtmlSelectElement = container
        .query_selector("select")
        .unwrap()
        .expect("the workplace question")
        .unchecked_into();
    select.set_value("PIRHA");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;

    assert_eq!(
        verdict(&container),
        "Valitse organisaatiotunnistautuminen: Hyvinvointiyhtymät ja -alueet → PIRHA"
    );
    container.remove();
}

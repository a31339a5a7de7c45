//! The top-right account area. Signed out: the menu button "Kirjaudu palveluun" with the
//! entry "Ammattilaisten osio" (WAI-ARIA APG menu button: Enter, Space or the arrow keys open it
//! and focus the entry, Escape closes it and returns focus to the button, Tab closes it).
//! Signed in: the user's name and "Kirjaudu ulos".

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::Page;
use crate::i18n::{Text, use_i18n};
use crate::session::use_session;

/// The account area of the header.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let open = RwSignal::new(false);
    let button_ref = NodeRef::<leptos::html::Button>::new();
    let item_ref = NodeRef::<leptos::html::A>::new();

    // The menu's DOM updates after the event; focus moves once it is shown.
    let open_and_focus_item = move || {
        open.set(true);
        request_animation_frame(move || {
            if let Some(item) = item_ref.get() {
                let _ = item.focus();
            }
        });
    };
    let close_and_focus_button = move || {
        open.set(false);
        if let Some(button) = button_ref.get() {
            let _ = button.focus();
        }
    };
    let on_button_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            event.prevent_default();
            open_and_focus_item();
        }
        "Escape" => open.set(false),
        _ => {}
    };
    let on_button_click = move |_| {
        if open.get_untracked() {
            open.set(false);
        } else {
            open_and_focus_item();
        }
    };
    let on_item_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            close_and_focus_button();
        }
        // A one-entry menu: the arrows, Home and End stay on the entry.
        "ArrowDown" | "ArrowUp" | "Home" | "End" => event.prevent_default(),
        "Tab" => open.set(false),
        _ => {}
    };

    let navigate = use_navigate();
    let to_front_page = Callback::new(move |()| navigate(Page::Home.path(), Default::default()));
    let signing_out = RwSignal::new(false);
    let sign_out = move || {
        signing_out.set(true);
        leptos::task::spawn_local(async move {
            let signed_out = session.sign_out().await.is_ok();
            signing_out.set(false);
            if signed_out {
                to_front_page.run(());
            }
        });
    };

    view! {
        <div class="app-account">
            {move || match session.session.get() {
                Some(signed_in) => {
                    let name = format!(
                        "{} {}",
                        signed_in.identity.first_name,
                        signed_in.identity.last_name,
                    );
                    view! {
                        <p class="app-account__name">
                            <span class="app-account__label">{i18n.t(Text::SignedInAs)}</span>
                            " "
                            {name}
                        </p>
                        <a class="app-account__settings" href=Page::Settings.path()>
                            {i18n.t(Text::MySettings)}
                        </a>
                        <button
                            type="button"
                            class="app-account__sign-out"
                            disabled=move || signing_out.get()
                            on:click=move |_| {
                                sign_out();
                            }
                        >
                            {i18n.t(Text::SignOut)}
                        </button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button
                            type="button"
                            id="account-menu-button"
                            class="app-account__menu-button"
                            aria-haspopup="menu"
                            aria-controls="account-menu"
                            aria-expanded=move || open.get().to_string()
                            node_ref=button_ref
                            on:click=on_button_click
                            on:keydown=on_button_keydown
                        >
                            {i18n.t(Text::SignInMenu)}
                        </button>
                        <ul
                            id="account-menu"
                            class="app-account__menu"
                            role="menu"
                            aria-labelledby="account-menu-button"
                            hidden=move || !open.get()
                        >
                            <li role="none">
                                <a
                                    role="menuitem"
                                    href=Page::Identification.path()
                                    node_ref=item_ref
                                    on:keydown=on_item_keydown
                                    on:click=move |_| open.set(false)
                                >
                                    {i18n.t(Text::SignInMenuSection)}
                                </a>
                            </li>
                        </ul>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

//! The area's pages, one module each, and what several of them show the same way.

pub mod account;
pub mod accounts;
pub mod audit;
pub mod contact;
pub mod contracts;
pub mod home;
pub mod invitation;
pub mod not_found;
pub mod notices;
pub mod point_orders;
pub mod print;
pub mod registrar_application;
pub mod registrar_applications;
pub mod registrar_point;
pub mod users;

use app::api::ApiError;
use contract::ErrorCode;
use contract::links::identification_path;
use leptos::prelude::*;

use crate::i18n::{Text, t};
use crate::widgets::LoadFailed;

/// "Loading", the sign-in link for a signed-out person (returning to `here`), or a failed
/// load's message with a retry; `None` when there is an answer to show.
pub fn not_loaded<T>(
    answer: &Option<Result<T, ApiError>>,
    here: String,
    retry: Callback<()>,
) -> Option<AnyView> {
    match answer {
        None => Some(view! { <p role="status">{t(Text::Loading)}</p> }.into_any()),
        Some(Err(error)) if error.code() == Some(ErrorCode::Unauthenticated) => Some(
            view! {
                <p>
                    <a href=identification_path(&here) rel="external">
                        {t(Text::SignInFirst)}
                    </a>
                </p>
            }
            .into_any(),
        ),
        Some(Err(error)) => {
            Some(view! { <LoadFailed error=error.clone() retry=retry /> }.into_any())
        }
        Some(Ok(_)) => None,
    }
}

/// The path of the page now (for a sign-in's return).
pub fn here() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

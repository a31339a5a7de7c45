//! A list loaded a page at a time: the rows so far, where the next page begins, and how the
//! last request went; and its "Näytä lisää" button. Every list of the area pages the same way
//! (the server never answers a whole table).

use std::future::Future;

use app::api::ApiError;
use leptos::prelude::*;

use crate::i18n::{Text, t};

/// One list's state.
pub struct Paged<T: Send + Sync + 'static> {
    /// The rows loaded so far, in the server's order.
    pub rows: RwSignal<Vec<T>>,
    /// Where the next page begins; none on the last.
    pub next: RwSignal<Option<i64>>,
    /// `None` while the first page is out; then how the last request went.
    pub answer: RwSignal<Option<Result<(), ApiError>>>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Send + Sync + 'static> Paged<T> {
    /// An empty list, nothing asked yet.
    pub fn new() -> Self {
        Paged {
            rows: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            answer: RwSignal::new(None),
        }
    }

    /// Asks for the page that begins at `after` (the first when `None`, which replaces the
    /// rows; a later one is added to them). `request` answers the page's rows and where the
    /// next begins.
    pub fn load<Fut>(self, after: Option<i64>, request: impl FnOnce(Option<i64>) -> Fut + 'static)
    where
        Fut: Future<Output = Result<(Vec<T>, Option<i64>), ApiError>> + 'static,
    {
        leptos::task::spawn_local(async move {
            match request(after).await {
                Ok((rows, next)) => {
                    self.rows.update(|shown| {
                        if after.is_none() {
                            shown.clear();
                        }
                        shown.extend(rows);
                    });
                    self.next.set(next);
                    self.answer.set(Some(Ok(())));
                }
                Err(error) => self.answer.set(Some(Err(error))),
            }
        });
    }
}

impl<T: Send + Sync + 'static> Default for Paged<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The button that loads the next page, while there is one.
#[component]
pub fn ShowMore(
    /// Where the next page begins.
    next: RwSignal<Option<i64>>,
    /// Loads the page that begins there.
    load: Callback<Option<i64>>,
    /// The button's text ("Näytä lisää", "Näytä vanhemmat").
    #[prop(default = Text::ShowMore)]
    label: Text,
) -> impl IntoView {
    view! {
        <Show when=move || next.get().is_some()>
            <button type="button" class="app-button" on:click=move |_| load.run(next.get_untracked())>
                {t(label)}
            </button>
        </Show>
    }
}

//! A value fetched from the API once a view needs it, as a plain signal: `None` while the
//! request is out, then the answer; `reload` asks again (the retry button). Leptos's resources
//! and `<Transition>` do the same with more machinery than these pages need in the wasm.

use std::future::Future;

use leptos::prelude::*;

use crate::api::ApiError;

/// The answer of one API call, reactive.
pub struct Fetched<T: Send + Sync + 'static, F> {
    value: RwSignal<Option<Result<T, ApiError>>>,
    request: F,
}

impl<T: Send + Sync + 'static, F: Copy> Clone for Fetched<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static, F: Copy> Copy for Fetched<T, F> {}

impl<T, F, Fut> Fetched<T, F>
where
    T: Clone + Send + Sync + 'static,
    F: Fn() -> Fut + Copy + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    /// Sends `request` now.
    pub fn new(request: F) -> Self {
        let fetched = Fetched {
            value: RwSignal::new(None),
            request,
        };
        fetched.reload();
        fetched
    }

    /// Sends the request again; the old answer stays until the new one comes.
    pub fn reload(self) {
        leptos::task::spawn_local(async move {
            let answer = (self.request)().await;
            self.value.set(Some(answer));
        });
    }

    /// The answer so far (tracked).
    pub fn get(self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }
}

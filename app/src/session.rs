//! Who is signed in, shared through context: loaded from `GET /api/session` when the app
//! starts, cleared on sign-out.

use domain::wire::SessionResponse;
use leptos::prelude::*;

use crate::api;

/// The session as the app knows it.
#[derive(Debug, Clone, Copy)]
pub struct SessionContext {
    /// `None` while loading or when nobody is signed in.
    pub session: RwSignal<Option<SessionResponse>>,
}

impl SessionContext {
    /// Signs out on the server, then forgets the session here.
    pub async fn sign_out(self) -> Result<(), api::ApiError> {
        api::sign_out().await?;
        self.session.set(None);
        Ok(())
    }
}

/// Loads the session and puts it in context.
pub fn provide_session() -> SessionContext {
    let context = SessionContext {
        session: RwSignal::new(None),
    };
    leptos::task::spawn_local(async move {
        if let Ok(session) = api::session().await {
            context.session.set(session);
        }
    });
    provide_context(context);
    context
}

/// The session context. Panics outside [`provide_session`], which `App` calls.
pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

//! Who is signed in, shared through context: loaded from `GET /api/session` when the app
//! starts, cleared on sign-out.

use contract::body::SessionResponse;
use leptos::prelude::*;

use crate::api;

/// The session as the app knows it.
#[derive(Debug, Clone, Copy)]
pub struct SessionContext {
    /// `None` while loading or when nobody is signed in.
    pub session: RwSignal<Option<SessionResponse>>,
    /// Whether the first answer of `GET /api/session` has come (either way).
    pub loaded: RwSignal<bool>,
}

/// How far the signed-in user's account is: what the flow's pages decide on. Changes only
/// when one of these does, so a page does not redraw its form when the session is refreshed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountState {
    /// `GET /api/session` has not answered yet.
    Loading,
    /// Nobody is signed in.
    SignedOut,
    /// Signed in.
    SignedIn {
        /// First and last name from the identity.
        name: String,
        /// Whether the registration is made.
        registered: bool,
        /// Whether the profile is made.
        profiled: bool,
    },
}

impl SessionContext {
    /// The account's state (reactive, deduplicated).
    pub fn account_state(self) -> Memo<AccountState> {
        Memo::new(move |_| {
            if !self.loaded.get() {
                return AccountState::Loading;
            }
            self.session.with(|session| match session {
                None => AccountState::SignedOut,
                Some(session) => AccountState::SignedIn {
                    name: format!(
                        "{} {}",
                        session.identity.first_name, session.identity.last_name
                    ),
                    registered: session.registration.is_some(),
                    profiled: session.profile.is_some(),
                },
            })
        })
    }

    /// Loads the session again (after the server said the account changed elsewhere).
    pub async fn refresh(self) {
        if let Ok(session) = api::session().await {
            self.set(session);
        }
    }

    /// Takes the server's answer: the session, and whose drafts the forms use.
    fn set(self, session: Option<SessionResponse>) {
        if let Some(session) = &session {
            crate::form::set_draft_owner(session.identity.account_key().as_str());
        }
        self.session.set(session);
    }

    /// Signs out on the server, then forgets the session here.
    pub async fn sign_out(self) -> Result<(), api::ApiError> {
        api::sign_out().await?;
        crate::form::clear_all_drafts();
        self.session.set(None);
        Ok(())
    }
}

/// Loads the session and puts it in context.
pub fn provide_session() -> SessionContext {
    let context = SessionContext {
        session: RwSignal::new(None),
        loaded: RwSignal::new(false),
    };
    leptos::task::spawn_local(async move {
        if let Ok(session) = api::session().await {
            context.set(session);
        }
        context.loaded.set(true);
    });
    provide_context(context);
    context
}

/// The session context. Panics outside [`provide_session`], which `App` calls.
pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

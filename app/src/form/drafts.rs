//! The drafts of the forms, in `sessionStorage` (this tab only), per signed-in account: a
//! reload, a failed request or an ended session loses nothing typed.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

const DRAFT_PREFIX: &str = "mtt.draft.";

thread_local! {
    /// Whose drafts the forms read and write: a hash of the signed-in account's key, so a
    /// second person signing in on the same tab never sees the first one's typing.
    static DRAFT_OWNER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Sets whose drafts are in use (the signed-in account, by its key), and forgets the drafts of
/// anybody else in this tab.
pub fn set_draft_owner(account_key: &str) {
    let owner = owner_of(account_key);
    if let Some(storage) = session_storage() {
        let mine = format!("{DRAFT_PREFIX}{owner}.");
        for key in draft_keys(&storage) {
            if !key.starts_with(&mine) {
                let _ = storage.remove_item(&key);
            }
        }
    }
    DRAFT_OWNER.with(|current| *current.borrow_mut() = Some(owner));
}

/// FNV-1a of the account key, in hex: stable, short, and not the subject itself (which may be
/// a personal identity code).
fn owner_of(account_key: &str) -> String {
    let hash = account_key
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// The storage key of the draft `key` of the current owner; none while nobody is signed in.
fn storage_key(key: &str) -> Option<String> {
    DRAFT_OWNER.with(|owner| {
        owner
            .borrow()
            .as_ref()
            .map(|owner| format!("{DRAFT_PREFIX}{owner}.{key}"))
    })
}

/// The draft stored under `key`, if the tab has one that this version can read.
pub fn load_draft<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = session_storage()?.get_item(&storage_key(key)?).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps `value` as the draft under `key` (for this tab only, as `sessionStorage` is).
pub fn save_draft<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Some(key), Ok(text)) = (
        session_storage(),
        storage_key(key),
        serde_json::to_string(value),
    ) {
        let _ = storage.set_item(&key, &text);
    }
}

/// Forgets the draft under `key`.
pub fn clear_draft(key: &str) {
    if let (Some(storage), Some(key)) = (session_storage(), storage_key(key)) {
        let _ = storage.remove_item(&key);
    }
}

/// Forgets every draft of this tab (at sign-out, so the next user of the tab sees none).
pub fn clear_all_drafts() {
    let Some(storage) = session_storage() else {
        return;
    };
    for key in draft_keys(&storage) {
        let _ = storage.remove_item(&key);
    }
}

fn draft_keys(storage: &web_sys::Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .collect()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

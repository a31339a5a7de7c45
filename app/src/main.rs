//! Mounts the app on the page's body. Everything else lives in the library.

fn main() {
    leptos::mount::mount_to_body(app::App);
}

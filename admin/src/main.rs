//! Mounts the administration's app on the page's body. Everything else lives in the library.

fn main() {
    leptos::mount::mount_to_body(admin::AdminApp);
}

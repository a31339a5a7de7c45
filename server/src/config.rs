//! The server's configuration: flags, each with an environment variable, and embedded
//! defaults that work on a developer's machine with no configuration at all.

use std::path::PathBuf;

use clap::Parser;

/// The server's configuration.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "server",
    version,
    about = "The professionals' section: API and app"
)]
pub struct Config {
    /// Address to listen on. Port 0 picks a free port (the tests use it).
    #[arg(long, env = "MTT_ADDRESS", default_value = "127.0.0.1:8080")]
    pub address: String,

    /// The database. `sqlite:` URLs name a file that is created on first start.
    #[arg(
        long,
        env = "MTT_DATABASE_URL",
        default_value = "sqlite:professionals.sqlite3"
    )]
    pub database_url: String,

    /// The trunk-built app to serve (the folder holding `index.html`).
    #[arg(long, env = "MTT_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,
}

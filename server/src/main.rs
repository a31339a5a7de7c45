//! Starts the server: reads the configuration from flags and the environment, opens the
//! database (creating it and applying migrations on first start) and serves until Ctrl-C.

use clap::Parser;
use tracing_subscriber::EnvFilter;

use server::config::Config;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    match server::serve(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

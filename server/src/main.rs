//! Starts the server: reads the configuration from flags and the environment, opens the
//! database (creating it and applying migrations on first start) and serves until Ctrl-C.

use clap::Parser;
use tracing_subscriber::EnvFilter;

use server::config::Config;
use server::oidc::OidcSettings;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let mut config = Config::parse();
    config.oidc = match OidcSettings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("server: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match server::serve(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

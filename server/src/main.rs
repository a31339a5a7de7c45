//! Starts the server: reads the configuration from flags and the environment, opens the
//! database (creating it and applying migrations on first start) and serves until Ctrl-C.
//! `server backup --to FILE` copies the database instead (see `storage::backup`).

use clap::Parser;
use tracing_subscriber::EnvFilter;

use server::config::{BackupArgs, Cli, Command};
use server::storage::{self, IfExists, StorageError};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let outcome: Result<(), Box<dyn std::error::Error>> = match cli.command {
        None => server::serve(cli.config).await.map_err(Into::into),
        Some(Command::Backup(args)) => backup(args).await,
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn backup(args: BackupArgs) -> Result<(), Box<dyn std::error::Error>> {
    let if_exists = if args.force {
        IfExists::Replace
    } else {
        IfExists::Refuse
    };
    match storage::backup(&args.database_url, &args.to, if_exists).await {
        Ok(report) => {
            println!(
                "backed up {} ({} pages, {} bytes) to {}",
                args.database_url,
                report.pages,
                report.bytes,
                args.to.display()
            );
            Ok(())
        }
        Err(error @ StorageError::BackupExists(_)) => {
            Err(format!("backup: {error} (--force replaces it)").into())
        }
        Err(error) => Err(format!("backup: {error}").into()),
    }
}

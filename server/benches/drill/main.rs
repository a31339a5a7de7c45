//! The drills of issue 10, against the real server binary started as a child process:
//!
//! - `kill`: writers with strictly increasing markers while the server (and, on PostgreSQL,
//!   the database server) is killed with SIGKILL at random moments; nothing acknowledged may be
//!   lost (`kill.rs`).
//! - `hostile`: a table of malformed and hostile requests against every endpoint, each with
//!   its expected status (and code); no 5xx, the server healthy and earlier data unchanged
//!   afterwards (`hostile.rs`).
//! - `outage`: the database unreachable for a while (PostgreSQL stopped; SQLite's disk full)
//!   while clients keep sending: 503 `database_unavailable` in bounded time, never a 500 or a
//!   hang, nothing acknowledged lost, and service back by itself (`outage.rs`).
//!
//! `cargo bench -p server --bench drill -- <kill|hostile|outage> [--short] [--database
//! sqlite|postgres] [--server PATH]` (`cargo xtask drill …` runs this). Each prints its figures
//! and exits non-zero on a loss, a mismatch or a 5xx. The server binary is the one cargo built
//! with this drill (same profile) unless `--server` names another.

mod harness;
mod hostile;
mod kill;
mod outage;

use std::path::PathBuf;
use std::process::ExitCode;

use harness::Backend;

const USAGE: &str = "usage: drill <kill|hostile|outage> [--short] [--database sqlite|postgres] \
                     [--server PATH]";

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let mut drill = None;
    let mut short = false;
    let mut backend = Backend::Sqlite;
    let mut server = PathBuf::from(env!("CARGO_BIN_EXE_server"));
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--short" => short = true,
            "--database" => match args.next().as_deref() {
                Some("sqlite") => backend = Backend::Sqlite,
                Some("postgres") => backend = Backend::Postgres,
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--server" => match args.next() {
                Some(path) => server = PathBuf::from(path),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "kill" | "hostile" | "outage" if drill.is_none() => drill = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let outcome = match drill.as_deref() {
        Some("kill") => kill::run(&server, backend, short).await,
        Some("hostile") => hostile::run(&server, backend, short).await,
        Some("outage") => outage::run(&server, backend, short).await,
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("drill failed");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("drill could not run: {error}");
            ExitCode::FAILURE
        }
    }
}

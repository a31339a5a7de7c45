//! Running the test steps: each step's output streams through as it comes, the runners'
//! summary lines are collected and printed again at the end, and a server started for the
//! end-to-end tests is always stopped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// What the steps of `cargo xtask test` came to.
#[derive(Default)]
pub struct Summary {
    steps: Vec<(String, Result<(), String>)>,
    runner_lines: Vec<String>,
}

impl Summary {
    /// Notes a step's outcome that was not a command's.
    pub fn record(&mut self, name: &str, outcome: Result<(), String>) {
        self.steps.push((name.to_owned(), outcome));
    }

    /// Notes a step that failed without running its command.
    pub fn record_failure(&mut self, name: &str, why: &str) {
        self.steps.push((name.to_owned(), Err(why.to_owned())));
    }

    /// Prints every step's outcome and the runners' summary lines; fails if any step failed.
    pub fn finish(self) -> Result<(), String> {
        println!("\n==> summary");
        for (name, outcome) in &self.steps {
            match outcome {
                Ok(()) => println!("  ok      {name}"),
                Err(why) => println!("  FAILED  {name}: {why}"),
            }
        }
        if !self.runner_lines.is_empty() {
            println!("\n==> what the test runners said");
            for line in &self.runner_lines {
                println!("{line}");
            }
        }
        let failed = self
            .steps
            .iter()
            .filter(|(_, outcome)| outcome.is_err())
            .count();
        if failed == 0 {
            Ok(())
        } else {
            Err(format!("{failed} of {} steps failed", self.steps.len()))
        }
    }
}

/// Runs one step, streaming its standard output and keeping the runners' summary lines.
pub fn run_step(summary: &mut Summary, name: &str, command: &mut Command) {
    println!("\n==> {name}");
    let outcome = stream(command, &mut summary.runner_lines);
    summary.steps.push((name.to_owned(), outcome));
}

fn stream(command: &mut Command, runner_lines: &mut Vec<String>) -> Result<(), String> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start: {error}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if is_runner_summary(&line) {
                runner_lines.push(line.trim().to_owned());
            }
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("cannot wait: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("exited with {status}"))
    }
}

/// cargo test's `test result:` lines, Playwright's closing counts (`12 passed (4.1s)`) and the
/// drills' figures (`kill drill (sqlite): …`).
fn is_runner_summary(line: &str) -> bool {
    let trimmed = line.trim();
    if ["kill drill (", "hostile drill (", "outage drill ("]
        .iter()
        .any(|drill| trimmed.starts_with(drill))
    {
        return true;
    }
    if trimmed.starts_with("test result:") {
        // A test binary with no tests in it says nothing worth repeating.
        return !trimmed.contains(" 0 passed; 0 failed;");
    }
    let mut words = trimmed.split_whitespace();
    let count = words.next().is_some_and(|word| word.parse::<u32>().is_ok());
    let verdict = words
        .next()
        .is_some_and(|word| matches!(word, "passed" | "failed" | "flaky" | "skipped" | "did"));
    count && verdict && trimmed.len() < 60
}

/// A program started in the background that announces itself with a line on its standard
/// output (`listening on …`, `issuer …`). Dropping it stops the program.
pub struct Background {
    child: Child,
    /// The rest of the announcing line (an address).
    pub announced: String,
}

impl Background {
    /// Starts `command` and waits up to 60 s for a line starting with `prefix`.
    pub fn start(
        command: &mut Command,
        prefix: &'static str,
        what: &str,
    ) -> Result<Background, String> {
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start {what}: {error}"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| format!("{what} has no standard output"))?;
        // A thread reads the output so that a silent program cannot hang the tests.
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix(prefix) {
                    let _ = sender.send(rest.trim().to_owned());
                }
            }
        });
        let mut started = Background {
            child,
            announced: String::new(),
        };
        match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(announced) => started.announced = announced,
            Err(_) => return Err(format!("{what} did not say \"{prefix}…\" within 60 s")),
        }
        Ok(started)
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server started for tests or measurements, with a database of its own in a throw-away
/// folder. Dropping it stops the server and removes the folder.
pub struct RunningServer {
    process: Background,
    scratch: PathBuf,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
}

impl RunningServer {
    /// Starts `binary` on a free loopback port with a new database, and waits until it says
    /// where it listens (it does once its database is open and migrated).
    pub fn start(binary: &Path, dist_dir: &Path) -> Result<RunningServer, String> {
        Self::start_with(binary, dist_dir, "127.0.0.1:0", &[])
    }

    /// As [`RunningServer::start`], at `address` and with more environment variables.
    pub fn start_with(
        binary: &Path,
        dist_dir: &Path,
        address: &str,
        environment: &[(&str, String)],
    ) -> Result<RunningServer, String> {
        Self::start_on(binary, dist_dir, address, None, environment)
    }

    /// As [`RunningServer::start_with`], on the database at `database_url` (a new SQLite file
    /// when `None`).
    pub fn start_on(
        binary: &Path,
        dist_dir: &Path,
        address: &str,
        database_url: Option<&str>,
        environment: &[(&str, String)],
    ) -> Result<RunningServer, String> {
        static STARTED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let scratch = std::env::temp_dir().join(format!(
            "mtt-server-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&scratch)
            .map_err(|error| format!("cannot create {}: {error}", scratch.display()))?;
        let database_url = database_url.map_or_else(
            || format!("sqlite:{}", scratch.join("throw-away.sqlite3").display()),
            str::to_owned,
        );
        let mut command = Command::new(binary);
        command
            .arg("--address")
            .arg(address)
            .arg("--database-url")
            .arg(database_url)
            .arg("--dist-dir")
            .arg(dist_dir)
            // Every end-to-end test signs in from 127.0.0.1; the rate limit has its own tests.
            .arg("--sign-in-burst")
            .arg("10000")
            .env("RUST_LOG", "warn");
        for (name, value) in environment {
            command.env(name, value);
        }
        let started = Background::start(&mut command, "listening on ", "the server");
        let process = match started {
            Ok(process) => process,
            Err(error) => {
                let _ = std::fs::remove_dir_all(&scratch);
                return Err(error);
            }
        };
        Ok(RunningServer {
            base_url: process.announced.clone(),
            process,
            scratch,
        })
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.process.child.kill();
        let _ = self.process.child.wait();
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// A free loopback port (bound and released at once: the tests need the server's address
/// before it starts, to register it with the OpenID provider).
pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| format!("no free loopback port: {error}"))
}

#[cfg(test)]
mod tests {
    use super::is_runner_summary;

    #[test]
    fn recognises_the_runners_closing_lines() {
        for (line, expected) in [
            (
                "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured",
                true,
            ),
            (
                "test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured",
                false,
            ),
            ("  4 passed (5.2s)", true),
            ("  1 failed", true),
            ("Compiling app v0.1.0", false),
            ("  ok      native tests", false),
            (
                "kill drill (sqlite): 10 cycles (10 server SIGKILLs, 0 database SIGKILLs) …",
                true,
            ),
            (
                "2 organisations passed the filter in the middle of a long line",
                false,
            ),
        ] {
            assert_eq!(is_runner_summary(line), expected, "{line:?}");
        }
    }
}

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

/// cargo test's `test result:` lines and Playwright's closing counts (`12 passed (4.1s)`).
fn is_runner_summary(line: &str) -> bool {
    let trimmed = line.trim();
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

/// A server started for tests or measurements, with a database of its own in a throw-away
/// folder. Dropping it stops the server and removes the folder.
pub struct RunningServer {
    child: Child,
    scratch: PathBuf,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
}

impl RunningServer {
    /// Starts `binary` on a free loopback port with a new database, and waits until it says
    /// where it listens (it does once its database is open and migrated).
    pub fn start(binary: &Path, dist_dir: &Path) -> Result<RunningServer, String> {
        let scratch = std::env::temp_dir().join(format!("mtt-server-{}", std::process::id()));
        std::fs::create_dir_all(&scratch)
            .map_err(|error| format!("cannot create {}: {error}", scratch.display()))?;
        let database = scratch.join("throw-away.sqlite3");
        let mut child = Command::new(binary)
            .arg("--address")
            .arg("127.0.0.1:0")
            .arg("--database-url")
            .arg(format!("sqlite:{}", database.display()))
            .arg("--dist-dir")
            .arg(dist_dir)
            // Every end-to-end test signs in from 127.0.0.1; the rate limit has its own tests.
            .arg("--sign-in-burst")
            .arg("10000")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start the server: {error}"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or("the server has no standard output")?;
        // A thread reads the server's output so that a silent server cannot hang the tests.
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(address) = line.strip_prefix("listening on ") {
                    let _ = sender.send(address.trim().to_owned());
                }
            }
        });
        let mut server = RunningServer {
            child,
            scratch,
            base_url: String::new(),
        };
        match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(base_url) => server.base_url = base_url,
            Err(_) => return Err("the server did not say where it listens within 60 s".into()),
        }
        Ok(server)
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
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
                "2 organisations passed the filter in the middle of a long line",
                false,
            ),
        ] {
            assert_eq!(is_runner_summary(line), expected, "{line:?}");
        }
    }
}

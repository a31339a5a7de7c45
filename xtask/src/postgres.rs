//! PostgreSQL for the tests: Debian's PostgreSQL 15, installed with apt-get when missing, and a
//! throw-away cluster (initdb into a temporary folder, the server on a free loopback port,
//! fsync on) that is stopped and removed when dropped. PostgreSQL refuses to run as root, so
//! as root its programs run as the `postgres` user (setpriv).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::install::{output, progress, run};
use crate::process;

/// Where Debian's PostgreSQL 15 keeps its programs.
const BIN: &str = "/usr/lib/postgresql/15/bin";

/// PostgreSQL 15's server programs, installed with apt-get when running as root.
pub fn ensure_postgres() -> Result<(), String> {
    if Path::new(BIN).join("postgres").exists() && Path::new(BIN).join("initdb").exists() {
        progress("postgresql 15", "present");
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "the storage tests need PostgreSQL 15 in {BIN}; install it as root with \
             `apt-get install postgresql-15` and run again"
        ));
    }
    progress("postgresql 15", "installing with apt-get");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "--yes",
            "--no-install-recommends",
            "postgresql-15",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).trim() == "0"
}

/// A running throw-away cluster. Dropping it stops the server (SIGINT: fast shutdown) and
/// removes its folder.
pub struct Cluster {
    child: Child,
    folder: PathBuf,
    /// A superuser's URL of its `postgres` database.
    pub url: String,
}

impl Cluster {
    /// Makes a cluster in a new temporary folder and starts it on a free loopback port.
    pub fn start() -> Result<Cluster, String> {
        let folder = std::env::temp_dir().join(format!(
            "mtt-postgres-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|elapsed| elapsed.as_nanos())
                .unwrap_or_default()
        ));
        std::fs::create_dir_all(&folder)
            .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        if is_root() {
            run(Command::new("chown").arg("postgres:postgres").arg(&folder))?;
        }
        let data = folder.join("data");
        run(as_postgres(&format!("{BIN}/initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "--no-sync"])
            .stdout(Stdio::null()))?;
        let port = process::free_port()?;
        let child = as_postgres(&format!("{BIN}/postgres"))
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-k"])
            .arg(&folder)
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=on"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start PostgreSQL: {error}"))?;
        let cluster = Cluster {
            child,
            folder,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = Command::new(format!("{BIN}/pg_isready"))
                .args(["-h", "127.0.0.1", "-p", &port.to_string(), "-U", "postgres"])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if ready {
                return Ok(cluster);
            }
            if Instant::now() > deadline {
                return Err("PostgreSQL did not accept connections within 30 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Cluster {
    /// Creates the database `name` in the cluster and gives its URL.
    pub fn database(&self, name: &str) -> Result<String, String> {
        let port = self
            .url
            .rsplit_once(':')
            .and_then(|(_, rest)| rest.split('/').next())
            .unwrap_or_default()
            .to_owned();
        run(Command::new(format!("{BIN}/createdb")).args([
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-U",
            "postgres",
            name,
        ]))?;
        Ok(format!("postgres://postgres@127.0.0.1:{port}/{name}"))
    }
}

/// `program` as the `postgres` user when running as root, else as this user.
fn as_postgres(program: &str) -> Command {
    if is_root() {
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=postgres", "--regid=postgres", "--init-groups"])
            .arg(program);
        command
    } else {
        Command::new(program)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

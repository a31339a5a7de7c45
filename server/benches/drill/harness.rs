//! What the drills share: the real server binary as a child process (killed with SIGKILL when
//! asked), a throw-away PostgreSQL cluster whose processes can be killed or stopped and started
//! again on the same data directory, signed-in sessions made in the database as sign-in makes
//! them, and a small random source.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use domain::{Identity, IdentityMethod, PersonalMeans};
use server::sessions::DatabaseSessionStore;
use server::storage::Storage;
use time::OffsetDateTime;
use tower_sessions::SessionStore;
use tower_sessions::session::{Id, Record};

/// The session cookie's name (the server runs in development mode).
pub const COOKIE: &str = "mtt_session";

/// Which database a drill runs on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A folder of the drill's own, with a small built app (`dist/index.html`) for the server.
pub struct Scratch {
    pub folder: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        let folder = tempfile::Builder::new()
            .prefix("mtt-drill-")
            .tempdir()
            .expect("a temporary folder");
        let dist = folder.path().join("dist");
        std::fs::create_dir(&dist).expect("dist folder");
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>drill</title>",
        )
        .expect("index.html");
        Scratch { folder }
    }

    pub fn path(&self) -> &Path {
        self.folder.path()
    }
}

/// The server binary, started as a child process on a fixed loopback port.
pub struct ServerProcess {
    child: Child,
}

/// How to start the server: its binary, where, on which database.
#[derive(Clone)]
pub struct ServerSpec {
    pub binary: PathBuf,
    pub port: u16,
    pub database_url: String,
    pub dist_dir: PathBuf,
    /// The server's log (standard output and error), appended to across restarts.
    pub log: PathBuf,
}

impl ServerSpec {
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the server and waits (up to 60 s) for its `listening on` line.
    pub fn start(&self) -> Result<ServerProcess, String> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .map_err(|error| format!("{}: {error}", self.log.display()))?;
        let mut child = Command::new(&self.binary)
            .arg("--address")
            .arg(format!("127.0.0.1:{}", self.port))
            .arg("--database-url")
            .arg(&self.database_url)
            .arg("--dist-dir")
            .arg(&self.dist_dir)
            .arg("--sign-in-burst")
            .arg("100000")
            // As in production: the origin the CSRF check compares is the public URL, not
            // whatever Host a request claims.
            .arg("--public-url")
            .arg(format!("http://127.0.0.1:{}", self.port))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(log.try_clone().map_err(|error| error.to_string())?)
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", self.binary.display()))?;
        let stdout = child.stdout.take().expect("piped");
        let (sender, receiver) = mpsc::channel();
        // Reads the server's standard output to the end (its log goes there too), so that a
        // full pipe never blocks it.
        std::thread::spawn(move || {
            let mut log = log;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = writeln!(log, "{line}");
                if line.starts_with("listening on ") {
                    let _ = sender.send(());
                }
            }
        });
        let mut process = ServerProcess { child };
        match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(()) => Ok(process),
            Err(_) => {
                process.kill();
                Err(format!(
                    "the server did not start within 60 s (log: {})",
                    self.log.display()
                ))
            }
        }
    }
}

impl ServerProcess {
    /// SIGKILL: no shutdown, no flush, nothing but what is already durable.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A free loopback port.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free loopback port")
}

/// Where Debian's PostgreSQL 15 keeps its programs (`cargo xtask` installs it).
const POSTGRES_BIN: &str = "/usr/lib/postgresql/15/bin";

/// A throw-away PostgreSQL cluster (initdb into the drill's folder, fsync on) whose server runs
/// in a process group of its own, so that the postmaster and every backend can be killed at
/// once, and started again on the same data directory.
pub struct Cluster {
    folder: PathBuf,
    data: PathBuf,
    pub port: u16,
    child: Option<Child>,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

/// `program` as the `postgres` user when running as root (PostgreSQL refuses root).
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

fn run(command: &mut Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|error| format!("cannot run {command:?}: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

impl Cluster {
    /// Makes the cluster in `parent`/postgres and starts it.
    pub fn start(parent: &Path) -> Result<Cluster, String> {
        if !Path::new(POSTGRES_BIN).join("postgres").exists() {
            return Err(format!(
                "PostgreSQL 15 is not in {POSTGRES_BIN} (`cargo xtask test` installs it)"
            ));
        }
        let folder = parent.join("postgres");
        std::fs::create_dir_all(&folder).map_err(|error| error.to_string())?;
        if is_root() {
            // The drill's folder is root's; the postgres user must reach into it.
            run(Command::new("chmod").arg("755").arg(parent))?;
            run(Command::new("chown").arg("postgres:postgres").arg(&folder))?;
        }
        let data = folder.join("data");
        run(as_postgres(&format!("{POSTGRES_BIN}/initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "--no-sync"]))?;
        let mut cluster = Cluster {
            folder,
            data,
            port: free_port(),
            child: None,
        };
        cluster.launch()?;
        Ok(cluster)
    }

    /// Starts the server on the data directory (after a crash: with crash recovery) and waits
    /// until it accepts connections.
    pub fn launch(&mut self) -> Result<(), String> {
        use std::os::unix::process::CommandExt;
        let child = as_postgres(&format!("{POSTGRES_BIN}/postgres"))
            .arg("-D")
            .arg(&self.data)
            .args(["-p", &self.port.to_string(), "-k"])
            .arg(&self.folder)
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=on"])
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start PostgreSQL: {error}"))?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let ready = Command::new(format!("{POSTGRES_BIN}/pg_isready"))
                .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
                .args(["-U", "postgres"])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if ready {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err("PostgreSQL did not accept connections within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL to the postmaster and every backend (its whole process group), and waits until
    /// they are gone: a crash of the database server.
    pub fn kill(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = child.wait();
        // The backends are the postmaster's children, not ours: wait until the group is empty.
        while Command::new("kill")
            .args(["-0", "--", &group])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
        {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Fast shutdown (SIGINT): PostgreSQL ends its sessions, writes a checkpoint and stops.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status();
            let _ = child.wait();
        }
    }

    /// Creates the database `name` and gives its URL.
    pub fn database(&self, name: &str) -> Result<String, String> {
        run(Command::new(format!("{POSTGRES_BIN}/createdb")).args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "postgres",
            name,
        ]))?;
        Ok(format!(
            "postgres://postgres@127.0.0.1:{}/{name}",
            self.port
        ))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The database a drill runs on: a SQLite file in the scratch folder, or a new database in a
/// cluster of the drill's own.
pub struct Database {
    pub url: String,
    pub cluster: Option<Cluster>,
}

impl Database {
    pub fn new(backend: Backend, folder: &Path) -> Result<Database, String> {
        match backend {
            Backend::Sqlite => Ok(Database {
                url: format!("sqlite:{}", folder.join("drill.sqlite3").display()),
                cluster: None,
            }),
            Backend::Postgres => {
                let cluster = Cluster::start(folder)?;
                let url = cluster.database("drill")?;
                Ok(Database {
                    url,
                    cluster: Some(cluster),
                })
            }
        }
    }
}

/// One signed-in session per subject, made in the database as sign-in makes them (before the
/// server starts, or beside it): the drills need more writers than the development provider's
/// twelve identities. Gives the cookie values.
pub async fn sessions(database_url: &str, subjects: &[String]) -> Vec<String> {
    let storage = Storage::open(database_url).await.expect("database");
    let store = DatabaseSessionStore::new(storage);
    let now = OffsetDateTime::now_utc();
    let mut cookies = Vec::with_capacity(subjects.len());
    for subject in subjects {
        let identity = Identity {
            subject: subject.clone(),
            method: IdentityMethod::SuomiFi {
                means: PersonalMeans::OnlineBank,
            },
            first_name: "Maija".into(),
            last_name: "Meikäläinen".into(),
        };
        let mut record = Record {
            id: Id::default(),
            data: server::auth::signed_in_data(&identity, now.unix_timestamp()),
            expiry_date: now + time::Duration::hours(2),
        };
        store.create(&mut record).await.expect("session");
        cookies.push(format!("{COOKIE}={}", record.id));
    }
    cookies
}

/// A small random source (xorshift), seeded from the clock; the seed is printed so that a run
/// can be told apart, not replayed.
pub struct Random(u64);

impl Random {
    pub fn new() -> Random {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_nanos() as u64)
            .unwrap_or(0x9e37_79b9_7f4a_7c15)
            | 1;
        Random(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A whole number in `low..high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low).max(1)
    }
}

/// An HTTP client for the drills: no connection reuse across a server's restart matters, as a
/// refused or reset request is simply not acknowledged.
pub fn client() -> openidconnect::reqwest::Client {
    openidconnect::reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

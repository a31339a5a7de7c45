//! The outage drill: the database becomes unreachable for a while and comes back, while
//! clients keep editing their registrations (with increasing markers, as in the kill drill)
//! and reading their sessions. On PostgreSQL the cluster is stopped (fast shutdown; in the
//! full drill also a SIGKILL of every PostgreSQL process); on SQLite the database lives on a
//! small tmpfs whose free space is filled. Every answer must be a 2xx or 503
//! `database_unavailable` (never a 500 or another 5xx), within [`BOUND`]; the outage must show
//! (some 503s); the service must return by itself within [`RECOVERY`] of the database's
//! return; and nothing acknowledged may be lost.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use contract::CSRF_HEADER;
use contract::paths::api;
use openidconnect::reqwest::RequestBuilder;

use crate::harness::{self, Backend, Database, Scratch, ServerSpec};
use crate::kill::{self, Writer};

/// The longest any request may take, outage or not (the pool waits 2 s for a connection).
const BOUND: Duration = Duration::from_secs(5);
/// How soon after the database is back the service must answer again.
const RECOVERY: Duration = Duration::from_secs(15);

/// What the clients saw.
#[derive(Default)]
struct Tally {
    answers: u64,
    ok: u64,
    /// 503 `database_unavailable`.
    unavailable: u64,
    /// Other 4xx (not expected at all).
    refused: u64,
    /// Any other 5xx, or a 503 without the code.
    server_errors: u64,
    /// No answer (connection refused or reset, timeout).
    transport_errors: u64,
    slowest: Duration,
    over_bound: u64,
}

impl Tally {
    fn record(&mut self, elapsed: Duration, status: Option<u16>, code: Option<&str>) {
        self.answers += 1;
        self.slowest = self.slowest.max(elapsed);
        if elapsed > BOUND {
            self.over_bound += 1;
        }
        match status {
            None => self.transport_errors += 1,
            Some(200..=299) => self.ok += 1,
            Some(503) if code == Some("database_unavailable") => self.unavailable += 1,
            Some(500..=599) => {
                self.server_errors += 1;
                eprintln!("5xx: {status:?} {code:?}");
            }
            Some(_) => self.refused += 1,
        }
    }
}

async fn send(request: RequestBuilder, tally: &Mutex<Tally>) -> Option<u16> {
    let begun = Instant::now();
    let answer = request.send().await;
    let (status, code) = match answer {
        Ok(answer) => {
            let status = answer.status().as_u16();
            let bytes = answer.bytes().await.unwrap_or_default();
            let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            (Some(status), body["code"].as_str().map(str::to_owned))
        }
        Err(_) => (None, None),
    };
    tally
        .lock()
        .unwrap()
        .record(begun.elapsed(), status, code.as_deref());
    status
}

/// One client: registers, then edits with increasing markers, reading its session after each
/// edit.
async fn client_loop(
    base_url: String,
    index: usize,
    writer: Arc<Writer>,
    stop: Arc<AtomicBool>,
    tally: Arc<Mutex<Tally>>,
    acknowledged: Arc<AtomicU64>,
) {
    let client = harness::client();
    let url = format!("{base_url}{}", api::REGISTRATION);
    let mut registered = false;
    let mut marker = 0i64;
    while !stop.load(Ordering::Relaxed) {
        let request = if registered {
            marker += 1;
            client.put(&url)
        } else {
            client.post(&url)
        };
        writer.sent.fetch_max(marker, Ordering::SeqCst);
        let request = request
            .header("cookie", &writer.cookie)
            .header(CSRF_HEADER, "1")
            .header("content-type", "application/json")
            .body(kill::body(index, marker));
        match send(request, &tally).await {
            Some(200 | 201) => {
                registered = true;
                writer.acknowledged.fetch_max(marker, Ordering::SeqCst);
                acknowledged.fetch_add(1, Ordering::Relaxed);
            }
            Some(409) if !registered => registered = true,
            _ => tokio::time::sleep(Duration::from_millis(20)).await,
        }
        let read = client
            .get(format!("{base_url}{}", api::SESSION))
            .header("cookie", &writer.cookie);
        send(read, &tally).await;
    }
}

/// How the database is taken away and given back.
enum Outage {
    /// PostgreSQL stopped with a fast shutdown (SIGINT).
    PostgresStop,
    /// Every PostgreSQL process killed (SIGKILL).
    PostgresKill,
    /// The SQLite database's disk filled up by a file (`filler`), removed afterwards.
    DiskFull { filler: PathBuf, database: PathBuf },
}

impl Outage {
    fn name(&self) -> &'static str {
        match self {
            Outage::PostgresStop => "PostgreSQL stopped (fast shutdown)",
            Outage::PostgresKill => "PostgreSQL killed (SIGKILL)",
            Outage::DiskFull { .. } => "disk full",
        }
    }

    fn begin(&self, database: &mut Database) -> Result<(), String> {
        match (self, database.cluster.as_mut()) {
            (Outage::PostgresStop, Some(cluster)) => cluster.stop(),
            (Outage::PostgresKill, Some(cluster)) => cluster.kill(),
            (Outage::DiskFull { filler, database }, _) => {
                // The WAL is emptied first (a checkpoint that truncates it, as SQLite does
                // now and then): a full disk is felt when the WAL must grow, and a WAL that
                // has grown earlier is reused in place.
                let connection = rusqlite::Connection::open(database)
                    .map_err(|error| format!("checkpoint: {error}"))?;
                connection
                    .busy_timeout(Duration::from_secs(5))
                    .map_err(|error| format!("checkpoint: {error}"))?;
                connection
                    .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                    .map_err(|error| format!("checkpoint: {error}"))?;
                drop(connection);
                fill(filler)?;
            }
            (_, None) => return Err("no cluster".into()),
        }
        Ok(())
    }

    fn end(&self, database: &mut Database) -> Result<(), String> {
        match (self, database.cluster.as_mut()) {
            (Outage::DiskFull { filler, .. }, _) => {
                std::fs::remove_file(filler).map_err(|error| format!("filler: {error}"))
            }
            (_, Some(cluster)) => cluster.launch(),
            (_, None) => Err("no cluster".into()),
        }
    }
}

/// Writes zeros into `filler` until the file system is full.
fn fill(filler: &Path) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::File::create(filler).map_err(|error| format!("filler: {error}"))?;
    let block = vec![0u8; 64 * 1024];
    let mut small = [0u8; 512];
    loop {
        if let Err(error) = file.write_all(&block) {
            if error.raw_os_error() == Some(28) {
                break;
            }
            return Err(format!("filler: {error}"));
        }
    }
    // The last bytes of the last page too.
    while file.write_all(&small[..1]).is_ok() {
        small[0] = 0;
    }
    let _ = file.sync_all();
    Ok(())
}

/// A tmpfs mounted on a folder, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Result<Tmpfs, String> {
        std::fs::create_dir_all(at).map_err(|error| error.to_string())?;
        let output = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .map_err(|error| format!("mount: {error}"))?;
        if output.status.success() {
            Ok(Tmpfs(at.to_owned()))
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

pub async fn run(server: &Path, backend: Backend, short: bool) -> Result<bool, String> {
    let scratch = Scratch::new();
    // On SQLite: the database on a small tmpfs of its own, so that its disk can be filled.
    let mut tmpfs = None;
    let mut database = match backend {
        Backend::Postgres => Database::new(backend, scratch.path())?,
        Backend::Sqlite => {
            let disk = scratch.path().join("disk");
            match Tmpfs::mount(&disk, "16m") {
                Ok(mounted) => tmpfs = Some(mounted),
                Err(error) => {
                    println!(
                        "outage drill (sqlite): skipped: cannot mount a tmpfs to fill ({error}); \
                         the drill needs root"
                    );
                    return Ok(true);
                }
            }
            Database::new(backend, &disk)?
        }
    };
    let client_count = 6;
    let run_id = std::process::id();
    let subjects: Vec<String> = (0..client_count)
        .map(|index| format!("drill-outage-{run_id}-{index}"))
        .collect();
    let cookies = harness::sessions(&database.url, &subjects).await;
    let writers: Vec<Arc<Writer>> = cookies.into_iter().map(Writer::new).collect();
    let spec = ServerSpec {
        binary: server.to_owned(),
        port: harness::free_port(),
        database_url: database.url.clone(),
        dist_dir: scratch.path().join("dist"),
        log: scratch.path().join("server.log"),
    };
    let process = spec.start()?;
    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let acknowledged = Arc::new(AtomicU64::new(0));
    let tasks: Vec<_> = writers
        .iter()
        .enumerate()
        .map(|(index, writer)| {
            tokio::spawn(client_loop(
                spec.base_url(),
                index,
                writer.clone(),
                stop.clone(),
                tally.clone(),
                acknowledged.clone(),
            ))
        })
        .collect();

    let length = Duration::from_secs(if short { 3 } else { 6 });
    let mut passed = true;
    let outages = match &tmpfs {
        Some(disk) => vec![Outage::DiskFull {
            filler: disk.0.join("filler"),
            database: disk.0.join("drill.sqlite3"),
        }],
        None if short => vec![Outage::PostgresStop],
        None => vec![Outage::PostgresStop, Outage::PostgresKill],
    };
    let prober = harness::client();
    let mut summaries = Vec::new();
    for outage in outages {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let before = tally.lock().unwrap().unavailable;
        outage.begin(&mut database)?;
        let down = Instant::now();
        tokio::time::sleep(length).await;
        let during = tally.lock().unwrap().unavailable - before;
        outage.end(&mut database)?;
        let up = Instant::now();
        let recovered = loop {
            let healthy = prober
                .get(format!("{}{}", spec.base_url(), api::HEALTH))
                .send()
                .await
                .is_ok_and(|answer| answer.status().as_u16() == 200);
            if healthy {
                break Some(up.elapsed());
            }
            if up.elapsed() > RECOVERY {
                break None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        if during == 0 {
            eprintln!("{}: no 503 while the database was away", outage.name());
            passed = false;
        }
        match recovered {
            Some(after) => summaries.push(format!(
                "{}: {:.1} s down, {during} answers 503 database_unavailable, service back {} ms after the database",
                outage.name(),
                down.elapsed().as_secs_f64() - up.elapsed().as_secs_f64(),
                after.as_millis()
            )),
            None => {
                eprintln!("{}: the service did not return within {RECOVERY:?}", outage.name());
                passed = false;
            }
        }
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    let lost = kill::check(&harness::client(), &spec.base_url(), &writers).await?;
    drop(process);
    let tally = tally.lock().unwrap();
    for summary in &summaries {
        println!("  {summary}");
    }
    println!(
        "outage drill ({}): {} answers: {} 2xx, {} 503 database_unavailable, {} other 5xx, {} \
         4xx, {} without an answer; slowest {} ms ({} over {} s); {} acknowledged writes, lost \
         {lost}",
        backend.name(),
        tally.answers,
        tally.ok,
        tally.unavailable,
        tally.server_errors,
        tally.refused,
        tally.transport_errors,
        tally.slowest.as_millis(),
        tally.over_bound,
        BOUND.as_secs(),
        acknowledged.load(Ordering::Relaxed),
    );
    passed &= tally.server_errors == 0
        && tally.transport_errors == 0
        && tally.over_bound == 0
        && tally.refused == 0
        && lost == 0;
    if !passed {
        eprintln!("server log: {}", spec.log.display());
    }
    drop(tmpfs);
    Ok(passed)
}

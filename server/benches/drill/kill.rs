//! The kill drill: writers register and then edit their registration, each edit's e-mail
//! carrying the writer's next marker (a strictly increasing counter); the server is killed
//! with SIGKILL at random moments and started again on the same database (on PostgreSQL,
//! every fourth cycle kills the database server instead: the postmaster and its backends, then
//! crash recovery on the same data directory). After each restart, every writer's stored
//! registration must carry its latest acknowledged marker or a later one: an acknowledged
//! write (its 2xx answer arrived) is never lost. A write sent but not answered may or may not
//! be there.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use contract::CSRF_HEADER;
use contract::paths::api;
use openidconnect::reqwest::Client;

use crate::harness::{self, Backend, Database, Random, Scratch, ServerSpec};

/// What one writer has sent and had acknowledged.
impl Writer {
    pub fn new(cookie: String) -> Arc<Writer> {
        Arc::new(Writer {
            cookie,
            acknowledged: AtomicI64::new(-1),
            sent: AtomicI64::new(-1),
        })
    }
}

pub struct Writer {
    pub cookie: String,
    /// The highest marker whose write was answered 2xx (-1: none yet).
    pub acknowledged: AtomicI64,
    /// The highest marker sent.
    pub sent: AtomicI64,
}

fn email(writer: usize, marker: i64) -> String {
    format!("drill{writer}.{marker}@esimerkki.fi")
}

fn marker_of(email: &str) -> Option<i64> {
    email.split('@').next()?.split('.').nth(1)?.parse().ok()
}

pub fn body(writer: usize, marker: i64) -> String {
    serde_json::json!({
        "phone": "040 123 4567",
        "email": email(writer, marker),
        "organisations": ["organisation:HUS", "municipality:091"],
    })
    .to_string()
}

/// One writer: registers (marker 0), then edits with markers 1, 2, 3 … until told to stop.
async fn write(
    client: Client,
    base_url: String,
    index: usize,
    writer: Arc<Writer>,
    stop: Arc<AtomicBool>,
    acknowledged: Arc<AtomicU64>,
) {
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
        let answer = request
            .header("cookie", &writer.cookie)
            .header(CSRF_HEADER, "1")
            .header("content-type", "application/json")
            .body(body(index, marker))
            .send()
            .await;
        match answer.map(|answer| answer.status().as_u16()) {
            Ok(200 | 201) => {
                registered = true;
                writer.acknowledged.fetch_max(marker, Ordering::SeqCst);
                acknowledged.fetch_add(1, Ordering::Relaxed);
            }
            // The registration was stored, its answer lost in a kill.
            Ok(409) if !registered => registered = true,
            // Refused (the server is restarting) or 503: not acknowledged; try again shortly.
            _ => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

/// Reads every writer's registration through `GET /api/session` and counts the writers whose
/// stored marker is older than their acknowledged one. A 503 (the database restarting) is
/// asked again for up to 20 s.
pub async fn check(
    client: &Client,
    base_url: &str,
    writers: &[Arc<Writer>],
) -> Result<usize, String> {
    let mut lost = 0;
    for (index, writer) in writers.iter().enumerate() {
        // Read before asking: whatever was acknowledged by now must be in the answer.
        let acknowledged = writer.acknowledged.load(Ordering::SeqCst);
        let deadline = Instant::now() + Duration::from_secs(20);
        let session = loop {
            let answer = client
                .get(format!("{base_url}{}", api::SESSION))
                .header("cookie", &writer.cookie)
                .send()
                .await;
            match answer {
                Ok(answer) if answer.status().as_u16() == 200 => {
                    let bytes = answer
                        .bytes()
                        .await
                        .map_err(|error| format!("session of writer {index}: {error}"))?;
                    break serde_json::from_slice::<serde_json::Value>(&bytes)
                        .map_err(|error| format!("session of writer {index}: {error}"))?;
                }
                Ok(answer) if Instant::now() > deadline => {
                    return Err(format!(
                        "session of writer {index}: {} for 20 s",
                        answer.status()
                    ));
                }
                Err(error) if Instant::now() > deadline => {
                    return Err(format!("session of writer {index}: {error}"));
                }
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        };
        let stored = session["registration"]["email"]
            .as_str()
            .and_then(marker_of);
        let sent = writer.sent.load(Ordering::SeqCst);
        match stored {
            _ if acknowledged < 0 => {}
            Some(marker) if marker >= acknowledged && marker <= sent => {}
            other => {
                lost += 1;
                eprintln!(
                    "LOST: writer {index} had marker {acknowledged} acknowledged (sent up to \
                     {sent}); the database has {other:?}"
                );
            }
        }
    }
    Ok(lost)
}

pub async fn run(server: &std::path::Path, backend: Backend, short: bool) -> Result<bool, String> {
    let cycles = if short { 10 } else { 100 };
    let writer_count = 8;
    let scratch = Scratch::new();
    let mut database = Database::new(backend, scratch.path())?;
    let run_id = std::process::id();
    let subjects: Vec<String> = (0..writer_count)
        .map(|index| format!("drill-kill-{run_id}-{index}"))
        .collect();
    let cookies = harness::sessions(&database.url, &subjects).await;
    let spec = ServerSpec {
        binary: server.to_owned(),
        port: harness::free_port(),
        database_url: database.url.clone(),
        dist_dir: scratch.path().join("dist"),
        log: scratch.path().join("server.log"),
    };
    let mut process = spec.start()?;
    let writers: Vec<Arc<Writer>> = cookies.into_iter().map(Writer::new).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(AtomicU64::new(0));
    let tasks: Vec<_> = writers
        .iter()
        .enumerate()
        .map(|(index, writer)| {
            tokio::spawn(write(
                harness::client(),
                spec.base_url(),
                index,
                writer.clone(),
                stop.clone(),
                acknowledged.clone(),
            ))
        })
        .collect();

    let checker = harness::client();
    let mut random = Random::new();
    let (mut server_kills, mut database_kills, mut lost) = (0, 0, 0);
    let started = Instant::now();
    for cycle in 0..cycles {
        // Let the writers write for a random while, then kill mid-flight.
        tokio::time::sleep(Duration::from_millis(random.between(50, 400))).await;
        let kill_database = backend == Backend::Postgres && cycle % 4 == 3;
        if kill_database {
            let cluster = database.cluster.as_mut().expect("a cluster");
            cluster.kill();
            database_kills += 1;
            // Requests meanwhile fail (503); the server stays up and reconnects.
            tokio::time::sleep(Duration::from_millis(random.between(50, 500))).await;
            cluster.launch()?;
        } else {
            process.kill();
            server_kills += 1;
            process = spec.start()?;
        }
        lost += check(&checker, &spec.base_url(), &writers).await?;
    }
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    lost += check(&checker, &spec.base_url(), &writers).await?;
    drop(process);
    println!(
        "kill drill ({}): {cycles} cycles ({server_kills} server SIGKILLs, {database_kills} \
         database SIGKILLs) in {:.1} s, {writer_count} writers, {} acknowledged writes, {} \
         checks, lost {lost}",
        backend.name(),
        started.elapsed().as_secs_f64(),
        acknowledged.load(Ordering::Relaxed),
        (cycles + 1) * writer_count,
    );
    if lost > 0 {
        eprintln!("server log: {}", spec.log.display());
        // Keep the folder for a look.
        let _ = scratch.folder.keep();
    }
    Ok(lost == 0)
}

//! Durable registrations per second over HTTP: the whole path of `POST /api/registration`
//! (TCP on loopback, the session looked up in SQLite, the CSRF guard, JSON, the domain's rules,
//! the write with group commit, the 201) against the real router with a real SQLite file.
//! Every request is a first registration of its own signed-in identity, as in production.
//! Prints figures; asserts nothing.
//!
//! `cargo bench -p server --bench http [-- [--database URL] CLIENTS REGISTRATIONS]` (defaults
//! 64 and 20000, on a new SQLite file). `--database postgres://…` runs it on PostgreSQL (an
//! existing database; the identities are new each run), with the migrations applied first.
//! `--replicas N` (after `--database`) serves from N routers, each with its own `Storage` (its
//! own pool) on the one database, and spreads the requests over them round-robin: the
//! replicas of a deployment, in one process.
//! The load generator runs in the same process on the same two cores as the server, so the
//! figures are a floor for the server alone.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use contract::CSRF_HEADER;
use domain::PersonalMeans;
use domain::{Identity, IdentityMethod};
use openidconnect::reqwest;
use server::config::Config;
use server::sessions::DatabaseSessionStore;
use server::storage::Storage;
use server::{AppState, app};
use time::OffsetDateTime;
use tower_sessions::SessionStore;
use tower_sessions::session::{Id, Record};

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args()
        .skip(1)
        .filter(|arg| arg != "--bench")
        .peekable();
    let database = if args.peek().is_some_and(|arg| arg == "--database") {
        args.next();
        args.next()
    } else {
        None
    };
    let replicas: usize = if args.peek().is_some_and(|arg| arg == "--replicas") {
        args.next();
        args.next().and_then(|arg| arg.parse().ok()).unwrap_or(1)
    } else {
        1
    };
    let clients: usize = args.next().and_then(|arg| arg.parse().ok()).unwrap_or(64);
    let total: usize = args
        .next()
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(20_000);

    let folder = tempfile::tempdir().expect("temporary folder");
    let url = database
        .unwrap_or_else(|| format!("sqlite:{}", folder.path().join("bench.sqlite3").display()));
    let run = std::process::id();
    let dist = folder.path().join("dist");
    std::fs::create_dir(&dist).expect("dist folder");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>bench</title>",
    )
    .expect("index.html");
    let storage = Storage::open(&url).await.expect("database");

    // One signed-in session per registration, made as sign-in makes them.
    let store = DatabaseSessionStore::new(storage.clone());
    let now = OffsetDateTime::now_utc();
    // At most 64 at a time: the sessions are set-up, not the measurement, and PostgreSQL's pool
    // would refuse thousands of waiters.
    let makers_at_once = Arc::new(tokio::sync::Semaphore::new(64));
    let makers: Vec<_> = (0..total)
        .map(|index| {
            let store = store.clone();
            let makers_at_once = makers_at_once.clone();
            tokio::spawn(async move {
                let _turn = makers_at_once.acquire_owned().await.expect("semaphore");
                let identity = Identity {
                    subject: format!("bench-{run}-{index}"),
                    method: IdentityMethod::SuomiFi {
                        means: PersonalMeans::OnlineBank,
                    },
                    first_name: "Maija".into(),
                    last_name: "Meikäläinen".into(),
                };
                let mut record = Record {
                    id: Id::default(),
                    data: server::auth::signed_in_data(&identity, now.unix_timestamp()),
                    expiry_date: now + time::Duration::hours(1),
                };
                store.create(&mut record).await.expect("session");
                record.id.to_string()
            })
        })
        .collect();
    let mut sessions = Vec::with_capacity(total);
    for maker in makers {
        sessions.push(maker.await.expect("session maker"));
    }
    let sessions = Arc::new(sessions);

    let config = Config::for_tests(url.clone(), dist.clone());
    let cookie_name = config.session_cookie_name();
    let mut endpoints = Vec::with_capacity(replicas);
    for replica in 0..replicas {
        let storage = if replica == 0 {
            storage.clone()
        } else {
            Storage::open(&url).await.expect("database")
        };
        let state =
            AppState::new(storage, Config::for_tests(url.clone(), dist.clone())).expect("state");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("listener");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move {
            axum::serve(
                listener,
                app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
            .expect("server");
        });
        endpoints.push(format!("http://{address}/api/registration"));
    }
    let endpoints = Arc::new(endpoints);
    drop(config);

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()
        .expect("client");
    let next = Arc::new(AtomicUsize::new(0));
    let body = serde_json::json!({
        "phone": "040 123 4567",
        "email": "maija@esimerkki.fi",
        "organisations": ["organisation:HUS", "municipality:091"],
    })
    .to_string();
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (client, next, sessions) = (client.clone(), next.clone(), sessions.clone());
            let (endpoints, body) = (endpoints.clone(), body.clone());
            tokio::spawn(async move {
                let mut latencies: Vec<Duration> = Vec::new();
                let mut failures = 0usize;
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(session) = sessions.get(index) else {
                        break;
                    };
                    let begun = Instant::now();
                    let answer = client
                        .post(&endpoints[index % endpoints.len()])
                        .header("cookie", format!("{cookie_name}={session}"))
                        .header(CSRF_HEADER, "1")
                        .header("content-type", "application/json")
                        .body(body.clone())
                        .send()
                        .await;
                    match answer {
                        Ok(answer) if answer.status().as_u16() == 201 => {
                            latencies.push(begun.elapsed());
                        }
                        _ => failures += 1,
                    }
                }
                (latencies, failures)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failures = 0;
    for worker in workers {
        let (mine, failed) = worker.await.expect("client");
        latencies.extend(mine);
        failures += failed;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| support::percentile_ms(&latencies, p);
    println!(
        "{} x{replicas} HTTP registrations: {} created (201) and {failures} failed in {elapsed:.1} s with \
         {clients} concurrent clients = {:.0}/s durable; latency p50 {:.2} ms, p99 {:.2} ms, \
         max {:.2} ms",
        url.split(':').next().unwrap_or("?"),
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(0.50),
        percentile(0.99),
        percentile(1.0),
    );
}

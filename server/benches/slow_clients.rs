//! The slow-client drill: holds thousands of connections that sent part of a request's
//! headers and then stopped (the "slowloris" of issue 10), and meanwhile measures ordinary
//! `GET /api/health` requests on new connections, which should still be answered within
//! 100 ms. Then waits for the header read timeout and counts the stalled connections the
//! server has cut off. Prints figures; asserts nothing.
//!
//! `cargo bench -p server --bench slow_clients [-- STALLED PROBES]` (defaults 5000 and 200).
//! Client and server run in this one process, so each stalled connection costs two file
//! descriptors of `ulimit -n`; the drill stops opening at the first refusal and says how many
//! it held.

mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use server::config::Config;
use server::storage::Storage;
use server::{AppState, serve_on};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let stalled_wanted: usize = args.next().and_then(|arg| arg.parse().ok()).unwrap_or(5000);
    let probes: usize = args.next().and_then(|arg| arg.parse().ok()).unwrap_or(200);

    let folder = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite:{}", folder.path().join("drill.sqlite3").display());
    let dist = folder.path().join("dist");
    std::fs::create_dir(&dist).expect("dist folder");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>drill</title>",
    )
    .expect("index.html");
    let config = Config::for_tests(url.clone(), dist);
    let header_timeout = Duration::from_secs(config.header_read_timeout_secs);
    println!(
        "server: max {} connections, header read timeout {:?}, body read timeout {} s; \
         open files limit of this process: {}",
        config.max_connections,
        header_timeout,
        config.body_read_timeout_secs,
        server::connections::open_files_limit()
            .map_or_else(|| "unknown".to_owned(), |limit| limit.to_string()),
    );
    let storage = Storage::open(&url).await.expect("database");
    let state = AppState::new(storage, config).expect("state");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("listener");
    let address = listener.local_addr().expect("address");
    tokio::spawn(serve_on(listener, state, std::future::pending()));

    let baseline = measure(address, probes.min(50)).await;
    report("before any stalled connection", &baseline);

    let started = Instant::now();
    let mut stalled = Vec::with_capacity(stalled_wanted);
    let mut refusal = None;
    while stalled.len() < stalled_wanted {
        match stall(address).await {
            Ok(stream) => stalled.push(stream),
            Err(error) => {
                refusal = Some(error);
                break;
            }
        }
    }
    let opened_in = started.elapsed();
    println!(
        "held {} stalled connections of {stalled_wanted} (opened in {:.2} s){}",
        stalled.len(),
        opened_in.as_secs_f64(),
        refusal.map_or_else(String::new, |error| format!("; then: {error}")),
    );

    let during = measure(address, probes).await;
    report("while they are held", &during);
    let within = during
        .iter()
        .filter(|took| **took <= Duration::from_millis(100))
        .count();
    println!("{within} of {} answered within 100 ms", during.len());

    // The server cuts them off after the header read timeout (counted from each one's start).
    let deadline = started + header_timeout + Duration::from_secs(3);
    let mut closed = 0;
    for stream in &mut stalled {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut buffer = [0u8; 64];
        if let Ok(Ok(0) | Err(_)) = tokio::time::timeout(left, stream.read(&mut buffer)).await {
            closed += 1;
        }
    }
    println!(
        "{closed} of {} closed by the server {:.1} s after the first was opened",
        stalled.len(),
        started.elapsed().as_secs_f64()
    );
}

/// A connection that sent part of a request's headers and then nothing.
async fn stall(address: SocketAddr) -> std::io::Result<TcpStream> {
    let mut stream = TcpStream::connect(address).await?;
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await?;
    Ok(stream)
}

/// The times of `count` health checks, one after another, each on a new connection.
async fn measure(address: SocketAddr, count: usize) -> Vec<Duration> {
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let started = Instant::now();
        let answered = tokio::time::timeout(Duration::from_secs(30), async {
            let mut stream = TcpStream::connect(address).await?;
            stream
                .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .await?;
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).await?;
            Ok::<_, std::io::Error>(answer.starts_with(b"HTTP/1.1 200"))
        })
        .await;
        match answered {
            Ok(Ok(true)) => times.push(started.elapsed()),
            other => println!("a health check failed: {other:?}"),
        }
    }
    times.sort();
    times
}

fn report(when: &str, sorted: &[Duration]) {
    if sorted.is_empty() {
        println!("{when}: no health check answered");
        return;
    }
    println!(
        "{when}: {} health checks, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        sorted.len(),
        support::percentile_ms(sorted, 0.5),
        support::percentile_ms(sorted, 0.99),
        support::percentile_ms(sorted, 1.0),
    );
}

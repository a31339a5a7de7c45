//! Durable registrations per second through the storage layer (WAL, synchronous=FULL, group
//! commit), with the latency of each write as its caller sees it. Prints figures; asserts
//! nothing. `cargo bench -p server --bench registrations [-- WRITERS SECONDS]`.

mod support;

use std::time::{Duration, Instant};

use domain::registration::RegistrationInput;
use server::storage::Storage;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let writers: usize = args.next().and_then(|arg| arg.parse().ok()).unwrap_or(64);
    let seconds: u64 = args.next().and_then(|arg| arg.parse().ok()).unwrap_or(10);
    let folder = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite:{}", folder.path().join("bench.sqlite3").display());
    let storage = Storage::open(&url).await.expect("database");
    let registration = RegistrationInput {
        phone: "040 123 4567".into(),
        email: "maija@esimerkki.fi".into(),
        organisations: vec!["organisation:HUS".into(), "municipality:091".into()],
    }
    .validate()
    .expect("a valid registration");

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..writers)
        .map(|writer| {
            let storage = storage.clone();
            let registration = registration.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut index = 0u64;
                while Instant::now() < deadline {
                    let account = domain::Identity {
                        subject: format!("bench-{writer}-{index}"),
                        method: domain::IdentityMethod::SuomiFi {
                            means: domain::PersonalMeans::OnlineBank,
                        },
                        first_name: "Bench".into(),
                        last_name: "Mark".into(),
                    }
                    .account_key();
                    let begun = Instant::now();
                    storage
                        .registration_create(&account, registration.clone())
                        .await
                        .expect("storage")
                        .expect("a new account");
                    latencies.push(begun.elapsed());
                    index += 1;
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("writer"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| support::percentile_ms(&latencies, p);
    println!(
        "registrations: {} in {elapsed:.1} s with {writers} concurrent writers = {:.0}/s durable; \
         latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(0.50),
        percentile(0.99),
        percentile(1.0),
    );
}

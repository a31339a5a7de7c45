//! tokio-postgres + deadpool-postgres (the server's PostgreSQL client) against sqlx, on the
//! server's `POST /api/registration` workload (issue 10; results in ARCHITECTURE.md).
//!
//! Each operation does what the server does for one registration: the session row is read by
//! id (a connection from the pool, as the session layer does), then the registration and its
//! organisations are inserted by the one statement of `registration_create` in
//! `server/src/storage/postgres.rs` (a second connection from the pool, as the handler does),
//! committed durably (`synchronous_commit` left on), with an account key of its own. Both
//! clients use prepared statements kept per connection (deadpool: `prepare_cached`; sqlx: its
//! default statement cache behind `sqlx::query` with binds), equal pool sizes, and neither checks
//! a connection with a round trip when it is taken from the pool (deadpool's `Fast` recycling,
//! as the server; sqlx's `test_before_acquire(false)`, or its default with
//! `--sqlx-test-before-acquire`).
//!
//! ```text
//! createdb -h 127.0.0.1 -p 55439 -U postgres bench
//! cargo run --release -- --client deadpool|sqlx --url postgres://postgres@127.0.0.1:55439/bench \
//!     [--concurrency 64] [--seconds 10] [--pool 16] [--warmup 1] [--sessions 4000]
//! ```
//!
//! The database gets the server's schema (its migration file) when it has none, or is emptied
//! (TRUNCATE) when it has, then a few thousand session rows. Prints one line: the client, the
//! operations completed within the measured seconds (after the warm-up), operations per second,
//! and the latency of an operation (both statements, pool waits included) at p50/p95/p99/max.

use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The server's PostgreSQL schema, as its migration creates it.
const MIGRATION: &str = include_str!("../../../server/migrations/postgres/0001_initial.sql");

/// `session_load` in server/src/storage/postgres.rs.
const SESSION_SELECT: &str =
    "SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2";

/// `registration_create` in server/src/storage/postgres.rs, verbatim.
const REGISTRATION_INSERT: &str = "WITH inserted AS (\
                   INSERT INTO registrations (account_key, phone, email, created_at, updated_at) \
                   VALUES ($1, $2, $3, now(), now()) ON CONFLICT (account_key) DO NOTHING \
                   RETURNING account_key), \
                 organisations AS (\
                   INSERT INTO registration_organisations (account_key, position, code) \
                   SELECT inserted.account_key, (chosen.position - 1)::integer, chosen.code \
                   FROM inserted, unnest($4::text[]) WITH ORDINALITY AS chosen (code, position)) \
                 SELECT EXISTS (SELECT 1 FROM inserted)";

/// As server/benches/registrations.rs.
const PHONE: &str = "040 123 4567";
const EMAIL: &str = "maija@esimerkki.fi";
const ORGANISATIONS: [&str; 2] = ["organisation:HUS", "municipality:091"];

/// A signed-in session's data, about the size the server stores.
const SESSION_DATA: &str = r#"{"identity":{"subject":"bench-0000","method":{"suomi_fi":{"means":"online_bank"}},"first_name":"Maija","last_name":"Meikäläinen"},"signed_in_at":1700000000,"csrf":"0123456789abcdef0123456789abcdef"}"#;

#[derive(Clone, Copy, Debug, PartialEq)]
enum ClientKind {
    Deadpool,
    Sqlx,
}

#[derive(Debug)]
struct Args {
    client: ClientKind,
    url: String,
    concurrency: usize,
    seconds: u64,
    pool: usize,
    warmup: u64,
    sessions: usize,
    sqlx_test_before_acquire: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut client = None;
    let mut url = None;
    let (mut concurrency, mut seconds, mut pool, mut warmup, mut sessions) = (64, 10, 16, 1, 4000);
    let mut sqlx_test_before_acquire = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        if name == "--sqlx-test-before-acquire" {
            sqlx_test_before_acquire = true;
            continue;
        }
        let value = match inline {
            Some(value) => value,
            None => args.next().ok_or(format!("{name} needs a value"))?,
        };
        let number = |value: &str| {
            value
                .parse::<u64>()
                .map_err(|_| format!("{name}: not a number: {value}"))
        };
        match name.as_str() {
            "--client" => {
                client = Some(match value.as_str() {
                    "deadpool" => ClientKind::Deadpool,
                    "sqlx" => ClientKind::Sqlx,
                    other => return Err(format!("--client: deadpool or sqlx, not {other}")),
                })
            }
            "--url" => url = Some(value),
            "--concurrency" => concurrency = number(&value)? as usize,
            "--seconds" => seconds = number(&value)?,
            "--pool" => pool = number(&value)? as usize,
            "--warmup" => warmup = number(&value)?,
            "--sessions" => sessions = number(&value)? as usize,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let url = url
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .ok_or("--url postgres://… (or DATABASE_URL) is required")?;
    if concurrency == 0 || pool == 0 || seconds == 0 || sessions == 0 {
        return Err("--concurrency, --pool, --seconds and --sessions must be positive".into());
    }
    Ok(Args {
        client: client.ok_or("--client deadpool|sqlx is required")?,
        url,
        concurrency,
        seconds,
        pool,
        warmup,
        sessions,
        sqlx_test_before_acquire,
    })
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_secs() as i64)
        .unwrap_or(0)
}

fn session_id(index: usize) -> String {
    format!("bench-session-{index:08}")
}

/// The set-up statements, the same text for both clients (simple-query protocol).
fn seed_sql(sessions: usize, expires_at: i64) -> String {
    let data = SESSION_DATA.replace('\'', "''");
    format!(
        "INSERT INTO sessions (id, data, expires_at) \
         SELECT 'bench-session-' || lpad(g::text, 8, '0'), '{data}', {expires_at} \
         FROM generate_series(0, {last}) AS g; ANALYZE",
        last = sessions - 1
    )
}

const SCHEMA_EXISTS: &str = "SELECT to_regclass('registrations') IS NOT NULL";
const EMPTY: &str = "TRUNCATE registrations, registration_organisations, profiles, sessions";

type Error = Box<dyn std::error::Error + Send + Sync>;

#[derive(Clone)]
enum Db {
    #[cfg(feature = "deadpool")]
    Deadpool(deadpool_postgres::Pool),
    #[cfg(feature = "sqlx")]
    Sqlx(sqlx::PgPool),
}

impl Db {
    async fn open(args: &Args) -> Result<Db, Error> {
        let wait = Duration::from_secs(30);
        match args.client {
            #[cfg(feature = "deadpool")]
            ClientKind::Deadpool => {
                use deadpool_postgres::{ManagerConfig, PoolConfig, RecyclingMethod, Runtime, Timeouts};
                // As server/src/storage/postgres.rs, but with a longer wait: a bench waits.
                let mut config = deadpool_postgres::Config::new();
                config.url = Some(args.url.clone());
                config.manager = Some(ManagerConfig {
                    recycling_method: RecyclingMethod::Fast,
                });
                let mut pool_config = PoolConfig::new(args.pool);
                pool_config.timeouts = Timeouts {
                    wait: Some(wait),
                    create: Some(wait),
                    recycle: Some(wait),
                };
                config.pool = Some(pool_config);
                let pool = config.create_pool(Some(Runtime::Tokio1), tokio_postgres::NoTls)?;
                Ok(Db::Deadpool(pool))
            }
            #[cfg(feature = "sqlx")]
            ClientKind::Sqlx => {
                let pool = sqlx::postgres::PgPoolOptions::new()
                    .max_connections(args.pool as u32)
                    .min_connections(0)
                    .acquire_timeout(wait)
                    .test_before_acquire(args.sqlx_test_before_acquire)
                    .connect(&args.url)
                    .await?;
                Ok(Db::Sqlx(pool))
            }
            #[allow(unreachable_patterns)]
            other => Err(format!("this binary was built without the {other:?} client").into()),
        }
    }

    /// The schema (or an empty one) and `sessions` session rows expiring in a day.
    async fn prepare(&self, sessions: usize) -> Result<(), Error> {
        let seed = seed_sql(sessions, unix_now() + 86_400);
        match self {
            #[cfg(feature = "deadpool")]
            Db::Deadpool(pool) => {
                let client = pool.get().await?;
                let exists: bool = client.query_one(SCHEMA_EXISTS, &[]).await?.get(0);
                client
                    .batch_execute(if exists { EMPTY } else { MIGRATION })
                    .await?;
                client.batch_execute(&seed).await?;
            }
            #[cfg(feature = "sqlx")]
            Db::Sqlx(pool) => {
                let exists: bool = sqlx::query_scalar(SCHEMA_EXISTS).fetch_one(pool).await?;
                sqlx::raw_sql(if exists { EMPTY } else { MIGRATION })
                    .execute(pool)
                    .await?;
                sqlx::raw_sql(&seed).execute(pool).await?;
            }
        }
        Ok(())
    }

    /// One registration-shaped operation.
    async fn operation(&self, session: &str, now: i64, account_key: &str) -> Result<(), Error> {
        let codes: Vec<String> = ORGANISATIONS.iter().map(|code| code.to_string()).collect();
        match self {
            #[cfg(feature = "deadpool")]
            Db::Deadpool(pool) => {
                {
                    let client = pool.get().await?;
                    let statement = client.prepare_cached(SESSION_SELECT).await?;
                    let row = client
                        .query_opt(&statement, &[&session, &now])
                        .await?
                        .ok_or("no session")?;
                    let _data: String = row.try_get(0)?;
                    let _expires_at: i64 = row.try_get(1)?;
                }
                let client = pool.get().await?;
                let statement = client.prepare_cached(REGISTRATION_INSERT).await?;
                let row = client
                    .query_one(&statement, &[&account_key, &PHONE, &EMAIL, &codes])
                    .await?;
                let inserted: bool = row.try_get(0)?;
                if !inserted {
                    return Err("registered already".into());
                }
            }
            #[cfg(feature = "sqlx")]
            Db::Sqlx(pool) => {
                use sqlx::Row as _;
                let row = sqlx::query(SESSION_SELECT)
                    .bind(session)
                    .bind(now)
                    .fetch_optional(pool)
                    .await?
                    .ok_or("no session")?;
                let _data: String = row.try_get(0)?;
                let _expires_at: i64 = row.try_get(1)?;
                let row = sqlx::query(REGISTRATION_INSERT)
                    .bind(account_key)
                    .bind(PHONE)
                    .bind(EMAIL)
                    .bind(&codes[..])
                    .fetch_one(pool)
                    .await?;
                let inserted: bool = row.try_get(0)?;
                if !inserted {
                    return Err("registered already".into());
                }
            }
        }
        Ok(())
    }
}

/// xorshift64*: which session an operation reads; no dependency for it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("pg-clients: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pg-clients: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), Error> {
    let db = Db::open(args).await?;
    db.prepare(args.sessions).await?;

    let run_id = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_nanos() as u64)
        .unwrap_or(1);
    let begin = Instant::now();
    let measure_from = begin + Duration::from_secs(args.warmup);
    let measure_until = measure_from + Duration::from_secs(args.seconds);
    let sessions = args.sessions;
    let workers: Vec<_> = (0..args.concurrency)
        .map(|worker| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut rng = Rng(run_id ^ ((worker as u64 + 1) * 0x9e37_79b9_7f4a_7c15) | 1);
                let mut latencies_us = Vec::with_capacity(1 << 14);
                let mut sequence = 0u64;
                loop {
                    let started = Instant::now();
                    if started >= measure_until {
                        break;
                    }
                    let session = session_id((rng.next() % sessions as u64) as usize);
                    let account_key = format!("bench:{run_id:x}-{worker}-{sequence}");
                    sequence += 1;
                    db.operation(&session, unix_now(), &account_key).await?;
                    let finished = Instant::now();
                    if started >= measure_from && finished <= measure_until {
                        latencies_us.push((finished - started).as_micros() as u64);
                    }
                }
                Ok::<_, Error>(latencies_us)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await??);
    }
    latencies.sort_unstable();
    let operations = latencies.len();
    println!(
        "client={client} concurrency={concurrency} pool={pool} seconds={seconds} \
         operations={operations} ops_per_s={rate:.0} p50_ms={p50:.2} p95_ms={p95:.2} \
         p99_ms={p99:.2} max_ms={max:.2}{tba}",
        client = match args.client {
            ClientKind::Deadpool => "deadpool",
            ClientKind::Sqlx => "sqlx",
        },
        concurrency = args.concurrency,
        pool = args.pool,
        seconds = args.seconds,
        rate = operations as f64 / args.seconds as f64,
        p50 = percentile(&latencies, 50.0),
        p95 = percentile(&latencies, 95.0),
        p99 = percentile(&latencies, 99.0),
        max = percentile(&latencies, 100.0),
        tba = if args.client == ClientKind::Sqlx && args.sqlx_test_before_acquire {
            " test_before_acquire=true"
        } else {
            ""
        },
    );
    Ok(())
}

//! The project's own commands, so that a newcomer needs nothing but cargo:
//!
//! - `cargo xtask run [-- SERVER-FLAGS]`: installs what is missing, builds the app (release,
//!   wasm-opt) and the server, and serves both on http://127.0.0.1:8080.
//! - `cargo xtask test`: installs what the tests need, then runs formatting, clippy, the native
//!   tests, the app's DOM tests in headless Chromium, and the Playwright tests against a freshly
//!   built app and server on a free loopback port with a throw-away database.
//!
//! - `cargo xtask codegen [--check]`: generates `app/src/i18n/strings.rs` from the Fluent
//!   files `app/locales/*.ftl`, after checking them (see `codegen.rs`); writes only when the
//!   content changes. `--check` writes nothing and fails if the committed file is stale.
//! - `cargo xtask size`: builds the app and prints what the browser downloads, raw and brotli.
//! - `cargo xtask lighthouse`: builds the app and the server (release), starts the server on a
//!   free loopback port with a throw-away database, and prints Lighthouse's mobile figures.
//! - `cargo xtask drill <kill|hostile|outage> [--short] [--database sqlite|postgres]`: one of
//!   issue 10's drills against the release server (`server/benches/drill/`); prints its
//!   figures and fails on a loss, a mismatch or a 5xx. `cargo xtask test` runs the short ones.
//!
//! Every install is idempotent: a tool already present at the right version is skipped.

mod codegen;
mod dist;
mod install;
mod postgres;
mod process;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::process::{Background, RunningServer, Summary, run_step};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.skip_while(|arg| arg == "--").collect();
    let result = match command.as_deref() {
        Some("run") => run(&rest),
        Some("test") => test(),
        Some("codegen") if rest.is_empty() => codegen::run(codegen::Mode::Write),
        Some("codegen") if rest == ["--check"] => codegen::run(codegen::Mode::Check),
        Some("size") => install::ensure_build_tools()
            .and_then(|tools| build_app(&tools))
            .and_then(|measured| dist::check_budget(&root(), &measured)),
        Some("lighthouse") => lighthouse(),
        Some("drill") if drill_args_ok(&rest) => drill(&rest),
        _ => {
            eprintln!(
                "usage:\n  \
                 cargo xtask run [-- SERVER-FLAGS]   build everything and serve it on 127.0.0.1:8080\n  \
                 cargo xtask test                    install what tests need and run every test\n  \
                 cargo xtask codegen [--check]       generate app/src/i18n/strings.rs from app/locales/*.ftl\n                                      \
                 (--check: write nothing, fail if the committed file is stale)\n  \
                 cargo xtask size                    build the app and print its first-load size\n  \
                 cargo xtask lighthouse              build everything and print Lighthouse (mobile) figures\n  \
                 cargo xtask drill <kill|hostile|outage> [--short] [--database sqlite|postgres]\n                                      \
                 run one of the drills (server killed, hostile requests, database away)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn run(server_args: &[String]) -> Result<(), String> {
    let tools = install::ensure_build_tools()?;
    build_app(&tools)?;
    let server = build_server(&tools, Profile::Release)?;
    let root = root();
    println!(
        "\n==> Starting the server. Open http://127.0.0.1:8080/ in your browser (Ctrl-C stops it).\n"
    );
    let status = Command::new(server)
        .arg("--dist-dir")
        .arg(dist_dir())
        .args(server_args)
        .current_dir(&root)
        .status()
        .map_err(|error| format!("cannot start the server: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the server stopped: {status}"))
    }
}

fn test() -> Result<(), String> {
    let tools = install::ensure_build_tools()?;
    install::ensure_browser()?;
    install::ensure_test_packages(&tools)?;
    postgres::ensure_postgres()?;

    let root = root();
    let mut summary = Summary::default();
    run_step(
        &mut summary,
        "cargo fmt --check",
        tools
            .command("cargo")
            .args(["fmt", "--all", "--", "--check"]),
    );
    run_step(
        &mut summary,
        "cargo clippy",
        tools.command("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );
    // The storage tests run on SQLite and on a throw-away PostgreSQL cluster, stopped and
    // removed when the guard drops.
    // The end-to-end tests' replicas share a database of the same cluster.
    let cluster = postgres::Cluster::start();
    // The server's email tests and the end-to-end tests send through a real SMTP server.
    let smtp = start_smtp_server(&tools);
    match &smtp {
        Ok((server, port)) => println!(
            "==> SMTP server for the tests on 127.0.0.1:{port}, control at {}",
            server.announced
        ),
        Err(error) => summary.record_failure("test SMTP server", error),
    }
    match &cluster {
        Ok(cluster) => {
            println!("==> PostgreSQL for the storage tests at {}", cluster.url);
            let mut native = tools.command("cargo");
            native
                .args(["test", "--workspace"])
                .env("MTT_TEST_POSTGRES_URL", &cluster.url);
            if let Ok((server, port)) = &smtp {
                native
                    .env("MTT_SMTP_CONTROL_URL", &server.announced)
                    .env("MTT_SMTP_PORT", port.to_string());
            }
            run_step(
                &mut summary,
                "native tests (storage on SQLite and PostgreSQL)",
                &mut native,
            );
        }
        Err(error) => summary.record_failure("native tests", &format!("not run: {error}")),
    }
    run_step(
        &mut summary,
        "app DOM tests in headless Chromium (wasm-bindgen-test)",
        tools
            .command("cargo")
            .args([
                "test",
                "--package",
                "app",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", install::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    );

    // The drills, short: the server killed with SIGKILL (and PostgreSQL too), a table of hostile
    // requests, the database away (PostgreSQL stopped, SQLite's disk full). Each makes its own
    // throw-away database or cluster.
    for name in ["kill", "hostile", "outage"] {
        for database in ["sqlite", "postgres"] {
            run_step(
                &mut summary,
                &format!("drill {name} --short ({database})"),
                tools.command("cargo").args(drill_command(
                    &[name, "--short", "--database", database],
                    Profile::Debug,
                )),
            );
        }
    }

    let built = build_app(&tools).and_then(|measured| {
        summary.record(
            "first-load budget (size-budget.txt)",
            dist::check_budget(&root, &measured),
        );
        build_server(&tools, Profile::Debug)
    });
    let services = built.and_then(|server| {
        let cluster = cluster.as_ref().map_err(Clone::clone)?;
        let smtp_port = smtp.as_ref().ok().map(|(_, port)| *port);
        let (provider, main) = start_end_to_end_services(&tools, &server, smtp_port)?;
        let replicas = start_replicas(&server, cluster)?;
        Ok((provider, main, replicas))
    });
    match services {
        Ok((provider, server, replicas)) => {
            println!("==> server for the end-to-end tests at {}", server.base_url);
            println!(
                "==> two replicas on one PostgreSQL database at {} and {}",
                replicas[0].base_url, replicas[1].base_url
            );
            run_step(
                &mut summary,
                "end-to-end tests (Playwright, headless Chromium)",
                tools
                    .command("npx")
                    .args(["playwright", "test"])
                    .current_dir(root.join("tests"))
                    .env("MTT_BASE_URL", &server.base_url)
                    .env("MTT_REPLICA_A_URL", &replicas[0].base_url)
                    .env("MTT_REPLICA_B_URL", &replicas[1].base_url)
                    .env("MTT_OIDC_ISSUER", &provider.announced)
                    .env(
                        "MTT_SMTP_CONTROL_URL",
                        smtp.as_ref().map_or("", |(server, _)| &server.announced),
                    )
                    .env("MTT_CHROMIUM", install::CHROMIUM),
            );
            // Dropping the guards stops them, on every path out of this block.
            drop(replicas);
            drop(server);
            drop(provider);
        }
        Err(error) => summary.record_failure("end-to-end tests", &format!("not run: {error}")),
    }
    drop(smtp);
    drop(cluster);
    summary.finish()
}

/// Two replicas of the server on one PostgreSQL database of `cluster`, each on its own free
/// loopback port: a session begun on one must serve on the other.
fn start_replicas(
    server: &Path,
    cluster: &postgres::Cluster,
) -> Result<Vec<RunningServer>, String> {
    let database = cluster.database("e2e_replicas")?;
    (0..2)
        .map(|_| {
            // A port chosen first, so that the replica's public URL (its own origin, which the
            // CSRF check compares) is where the browser reaches it.
            let address = format!("127.0.0.1:{}", process::free_port()?);
            RunningServer::start_on(
                server,
                &dist_dir(),
                &address,
                Some(&database),
                &[("MTT_PUBLIC_URL", format!("http://{address}"))],
            )
        })
        .collect()
}

/// The services the end-to-end tests run against: a real OpenID provider (`oidc-provider`,
/// from tests/oidc) on loopback, and the server, configured to send organisation
/// identification at PÄIJÄTHA to that provider (every other method stays on the development
/// provider). The server's port is chosen first, because the provider must know where it
/// returns users to.
fn start_end_to_end_services(
    tools: &install::Tools,
    server: &Path,
    smtp_port: Option<u16>,
) -> Result<(Background, RunningServer), String> {
    let port = process::free_port()?;
    let base_url = format!("http://127.0.0.1:{port}");
    let client_secret = format!(
        "e2e-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_nanos())
            .unwrap_or_default()
    );
    let provider = Background::start(
        tools
            .command("node")
            .arg("oidc/provider.js")
            .current_dir(root().join("tests"))
            .env("OIDC_REDIRECT_URI", format!("{base_url}/auth/callback"))
            .env("OIDC_CLIENT_ID", "mtt-e2e")
            .env("OIDC_CLIENT_SECRET", &client_secret),
        "issuer ",
        "the OpenID provider",
    )?;
    println!(
        "==> OpenID provider for the end-to-end tests at {}",
        provider.announced
    );
    let mut settings = vec![
        ("MTT_PUBLIC_URL", base_url.clone()),
        ("MTT_OIDC_PAIJATHA_ISSUER", provider.announced.clone()),
        ("MTT_OIDC_PAIJATHA_CLIENT_ID", "mtt-e2e".to_owned()),
        ("MTT_OIDC_PAIJATHA_CLIENT_SECRET", client_secret),
    ];
    // Email goes out through the test SMTP server, where the end-to-end tests read it.
    if let Some(smtp_port) = smtp_port {
        settings.extend([
            ("MTT_SMTP_HOST", "127.0.0.1".to_owned()),
            ("MTT_SMTP_PORT", smtp_port.to_string()),
            ("MTT_SMTP_TLS", "none".to_owned()),
        ]);
    }
    let server =
        RunningServer::start_with(server, &dist_dir(), &format!("127.0.0.1:{port}"), &settings)?;
    Ok((provider, server))
}

/// The test SMTP server (`tests/smtp/server.js`, the npm `smtp-server`) on a free loopback
/// port: the process (its announced line is the control API's URL) and the SMTP port.
fn start_smtp_server(tools: &install::Tools) -> Result<(Background, u16), String> {
    let port = process::free_port()?;
    let server = Background::start(
        tools
            .command("node")
            .arg("smtp/server.js")
            .current_dir(root().join("tests"))
            .env("MTT_SMTP_PORT", port.to_string())
            .env("MTT_SMTP_CONTROL_PORT", "0"),
        "control ",
        "the test SMTP server",
    )?;
    Ok((server, port))
}

fn drill_args_ok(args: &[String]) -> bool {
    let mut args = args.iter().map(String::as_str);
    let mut drill = false;
    while let Some(arg) = args.next() {
        match arg {
            "kill" | "hostile" | "outage" if !drill => drill = true,
            "--short" => {}
            "--database" if matches!(args.next(), Some("sqlite" | "postgres")) => {}
            _ => return false,
        }
    }
    drill
}

/// cargo's arguments for a drill: the bench `drill` of the server, built with the server
/// binary it starts in the same profile (release for the figures, debug in the tests).
fn drill_command<'a>(args: &[&'a str], profile: Profile) -> Vec<&'a str> {
    let mut command = vec!["bench", "--package", "server", "--bench", "drill"];
    if let Profile::Debug = profile {
        command.extend(["--profile", "dev"]);
    }
    command.push("--");
    command.extend(args);
    command
}

/// `cargo xtask drill …`: one drill, in full unless `--short`, against the release server.
/// It needs none of the app's build tools, only cargo (and PostgreSQL 15 for `postgres`).
fn drill(args: &[String]) -> Result<(), String> {
    if args.iter().any(|arg| arg == "postgres") {
        postgres::ensure_postgres()?;
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    step_ok(
        &format!("drill {}", args.join(" ")),
        Command::new(cargo)
            .args(drill_command(&args, Profile::Release))
            .current_dir(root()),
    )
}

fn lighthouse() -> Result<(), String> {
    let tools = install::ensure_build_tools()?;
    install::ensure_browser()?;
    install::ensure_npm_packages(&tools, "bench/lighthouse")?;
    build_app(&tools)?;
    let binary = build_server(&tools, Profile::Release)?;
    let server = RunningServer::start(&binary, &dist_dir())?;
    step_ok(
        "Lighthouse (mobile preset)",
        tools
            .command("node")
            .arg("run.mjs")
            .arg(&server.base_url)
            .current_dir(root().join("bench/lighthouse"))
            .env("CHROME_PATH", install::CHROMIUM),
    )
}

/// Which cargo profile to build the server with.
#[derive(Clone, Copy)]
enum Profile {
    /// Quick to build: the end-to-end tests.
    Debug,
    /// What `run` serves and what is measured.
    Release,
}

/// Builds the server and returns the path of its binary.
fn build_server(tools: &install::Tools, profile: Profile) -> Result<PathBuf, String> {
    let (name, args, folder): (&str, &[&str], &str) = match profile {
        Profile::Debug => (
            "build the server",
            &["build", "--package", "server"],
            "debug",
        ),
        Profile::Release => (
            "build the server (release)",
            &["build", "--release", "--package", "server"],
            "release",
        ),
    };
    step_ok(name, tools.command("cargo").args(args))?;
    Ok(target_dir().join(folder).join("server"))
}

/// Cargo's target folder: `CARGO_TARGET_DIR` where set (relative to the workspace root, as
/// cargo takes it), else `target/`.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(folder) if !folder.is_empty() => root().join(folder),
        _ => root().join("target"),
    }
}

/// Where `run`, `test`, `size` and `lighthouse` build the app and the server serves it from:
/// `dist/`, the server's default `--dist-dir`. The designers' `trunk serve` writes its debug
/// builds elsewhere (`[build] dist` in `Trunk.toml`), so it never replaces what is served here.
fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Builds the app in release mode with trunk (wasm-opt on) into [`dist_dir`], brotli-compresses
/// it for the server, and prints its first-load size. `size` and `test` hold it to the committed
/// budget (`dist::check_budget`); `run` and `lighthouse` only print it, so a developer can
/// still run what they are making smaller.
fn build_app(tools: &install::Tools) -> Result<Vec<dist::Measured>, String> {
    step_ok(
        "build the app (trunk, release, wasm-opt)",
        tools
            .command("trunk")
            .args(["build", "--release", "--dist"])
            .arg(dist_dir())
            .current_dir(root()),
    )?;
    // The administration (SPEC §5) is a bundle of its own, in `dist/hallinta/` (trunk's
    // build of index.html above replaced `dist/`, so this one comes after it).
    step_ok(
        "build the administration's app (trunk, release, wasm-opt)",
        tools
            .command("trunk")
            .args(["build", "--release", "--public-url", "/hallinta/", "--dist"])
            .arg(dist_dir().join("hallinta"))
            .arg("admin.html")
            .current_dir(root()),
    )?;
    let measured = dist::compress(&dist_dir())?;
    dist::report(&measured);
    let administration = dist::compress(&dist_dir().join("hallinta"))?;
    dist::report_administration(&administration);
    Ok(measured)
}

fn step_ok(name: &str, command: &mut Command) -> Result<(), String> {
    println!("==> {name}");
    let status = command
        .status()
        .map_err(|error| format!("{name}: cannot start: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}

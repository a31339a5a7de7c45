//! Installs what the build and the tests need, each step skipped when the tool is already there
//! at the right version, with one line of progress per step. Nothing is downloaded from
//! anywhere but the package registries: cargo (crates.io), npm and apt-get.

use std::ffi::OsString;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::root;

/// The trunk release that builds with this toolchain (0.22 needs a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";
/// wasm-opt from the npm package `binaryen`; Debian's older binaryen builds a broken module.
const BINARYEN_VERSION: &str = "132.0.0";
/// Debian's Chromium and its driver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The driver that wasm-bindgen-test-runner starts Chromium with.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The environment the build tools run in: `PATH` with cargo's bin folder and wasm-opt.
pub struct Tools {
    path: OsString,
}

impl Tools {
    /// A command for `program` with the tools' `PATH`.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }
}

/// The wasm32 target, trunk, wasm-bindgen-cli at the `Cargo.lock` version, and wasm-opt.
pub fn ensure_build_tools() -> Result<Tools, String> {
    let cargo_bin = cargo_home().join("bin");
    let binaryen_dir = tools_dir().join(format!("binaryen-{BINARYEN_VERSION}"));
    let binaryen_bin = binaryen_dir.join("node_modules/.bin");
    let mut paths = vec![binaryen_bin.clone(), cargo_bin];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let tools = Tools {
        path: std::env::join_paths(paths).map_err(|error| error.to_string())?,
    };

    let installed_targets = output(
        tools
            .command("rustup")
            .args(["target", "list", "--installed"]),
    );
    if installed_targets
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        progress("wasm32-unknown-unknown target", "present");
    } else {
        progress("wasm32-unknown-unknown target", "installing");
        run(tools
            .command("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    if output(tools.command("trunk").arg("--version")).trim() == format!("trunk {TRUNK_VERSION}") {
        progress(&format!("trunk {TRUNK_VERSION}"), "present");
    } else {
        progress(
            &format!("trunk {TRUNK_VERSION}"),
            "installing (about 4 minutes)",
        );
        // trunk's own release profile is fat LTO with one codegen unit (11 minutes here);
        // without them it builds in about 4 and builds the app the same.
        run(tools
            .command("cargo")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .args(["install", "trunk", "--locked", "--version", TRUNK_VERSION]))?;
    }

    let bindgen_version = wasm_bindgen_version()?;
    check_trunk_toml_agrees(&bindgen_version)?;
    if output(tools.command("wasm-bindgen").arg("--version")).trim()
        == format!("wasm-bindgen {bindgen_version}")
        && output(tools.command("wasm-bindgen-test-runner").arg("--version"))
            .contains(&bindgen_version)
    {
        progress(&format!("wasm-bindgen-cli {bindgen_version}"), "present");
    } else {
        progress(
            &format!("wasm-bindgen-cli {bindgen_version}"),
            "installing (about 4 minutes)",
        );
        // Not --locked: its lock file names a dependency version the registry no longer has.
        run(tools.command("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &bindgen_version,
        ]))?;
    }

    let binaryen_major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    let wasm_opt = binaryen_bin.join("wasm-opt");
    if output(Command::new(&wasm_opt).arg("--version"))
        .contains(&format!("version {binaryen_major}"))
    {
        progress(
            &format!("wasm-opt (binaryen {binaryen_major}, npm)"),
            "present",
        );
    } else {
        progress(
            &format!("wasm-opt (binaryen {binaryen_major}, npm)"),
            "installing",
        );
        std::fs::create_dir_all(&binaryen_dir)
            .map_err(|error| format!("cannot create {}: {error}", binaryen_dir.display()))?;
        run(tools.command("npm").current_dir(&binaryen_dir).args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            ".",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]))?;
    }
    Ok(tools)
}

/// Debian's Chromium and ChromeDriver, installed with apt-get when running as root.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        progress("chromium and chromedriver", "present");
        return Ok(());
    }
    if output(Command::new("id").arg("-u")).trim() != "0" {
        return Err(format!(
            "the tests need Chromium and ChromeDriver at {CHROMIUM} and {CHROMEDRIVER}; \
             install them as root with `apt-get install chromium chromium-driver` and run again"
        ));
    }
    progress("chromium and chromedriver", "installing with apt-get");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The npm packages of `tests/`, from the committed lock file, never with a browser download.
pub fn ensure_test_packages(tools: &Tools) -> Result<(), String> {
    ensure_npm_packages(tools, "tests")
}

/// The npm packages of the folder `folder` (relative to the workspace root), installed with
/// `npm ci` from its committed lock file when the lock file changed since the last install.
pub fn ensure_npm_packages(tools: &Tools, folder: &str) -> Result<(), String> {
    let directory = root().join(folder);
    let lock = std::fs::read(directory.join("package-lock.json"))
        .map_err(|error| format!("{folder}/package-lock.json: {error}"))?;
    let mut hasher = DefaultHasher::new();
    lock.hash(&mut hasher);
    let wanted = format!("{:016x}", hasher.finish());
    let stamp = directory.join("node_modules/.xtask-lock-hash");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        progress(&format!("npm packages of {folder}/"), "present");
        return Ok(());
    }
    progress(
        &format!("npm packages of {folder}/"),
        "installing with npm ci",
    );
    run(tools
        .command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&directory)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("PUPPETEER_SKIP_DOWNLOAD", "1"))?;
    std::fs::write(&stamp, wanted).map_err(|error| format!("{}: {error}", stamp.display()))
}

/// The wasm-bindgen version that `Cargo.lock` holds.
fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|line| line.trim().strip_prefix("version = \""))
                .and_then(|rest| rest.strip_suffix('"'))
        {
            return Ok(version.to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// trunk runs offline and refuses a wasm-bindgen other than the one `Trunk.toml` names.
fn check_trunk_toml_agrees(bindgen_version: &str) -> Result<(), String> {
    let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml"))
        .map_err(|error| format!("Trunk.toml: {error}"))?;
    if trunk_toml.contains(&format!("wasm_bindgen = \"{bindgen_version}\"")) {
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml's [tools] wasm_bindgen must be \"{bindgen_version}\", the version in Cargo.lock"
        ))
    }
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
}

/// Where xtask keeps tools that are not cargo binaries, outside the work tree so that a fresh
/// clone on the same machine reuses them.
fn tools_dir() -> PathBuf {
    home().join(".cache/mtt-xtask-tools")
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

pub fn progress(what: &str, state: &str) {
    println!("==> {what}: {state}");
}

/// Standard output of a command, or empty when it cannot run (a missing tool).
pub fn output(command: &mut Command) -> String {
    command
        .stderr(Stdio::null())
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned())
        .unwrap_or_default()
}

pub fn run(command: &mut Command) -> Result<(), String> {
    let description = format!("{command:?}");
    let status = command
        .status()
        .map_err(|error| format!("cannot start {description}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{description} failed ({status})"))
    }
}

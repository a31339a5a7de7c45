//! The built app in `dist/`: brotli-compressed once at the highest quality (the server sends
//! the `.br` file to browsers that accept it), and measured against the first-load budget.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What the browser downloads before the first screen works must stay within this (brotli).
pub const FIRST_LOAD_BUDGET_BYTES: usize = 100 * 1024;

/// The file types worth compressing; the server serves `NAME.br` in their place.
const COMPRESSIBLE: [&str; 5] = ["html", "js", "wasm", "css", "svg"];

/// One file of `dist/` with its sizes.
pub struct Measured {
    /// The file name.
    pub name: String,
    /// Its size as built.
    pub raw: usize,
    /// Its size brotli-compressed at quality 11.
    pub brotli: usize,
}

/// Writes `NAME.br` beside every compressible file of `dist_dir` and returns the sizes.
pub fn compress(dist_dir: &Path) -> Result<Vec<Measured>, String> {
    let mut measured = Vec::new();
    for path in files(dist_dir)? {
        let Some(extension) = path.extension().and_then(|extension| extension.to_str()) else {
            continue;
        };
        if !COMPRESSIBLE.contains(&extension) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        let compressed = brotli_best(&bytes)?;
        let mut target = path.clone().into_os_string();
        target.push(".br");
        std::fs::write(&target, &compressed)
            .map_err(|error| format!("{}: {error}", PathBuf::from(&target).display()))?;
        measured.push(Measured {
            name: path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            raw: bytes.len(),
            brotli: compressed.len(),
        });
    }
    measured.sort_by_key(|file| std::cmp::Reverse(file.brotli));
    Ok(measured)
}

/// Prints the sizes and the first-load total against the budget.
pub fn report(measured: &[Measured]) {
    println!("==> first-load size of dist/ (brotli quality 11)");
    println!("  {:>9}  {:>9}  file", "raw", "brotli");
    for file in measured {
        println!("  {:>9}  {:>9}  {}", file.raw, file.brotli, file.name);
    }
    let raw: usize = measured.iter().map(|file| file.raw).sum();
    let brotli: usize = measured.iter().map(|file| file.brotli).sum();
    println!("  {raw:>9}  {brotli:>9}  total");
    println!(
        "  first load: {:.1} KB brotli of a {:.0} KB budget{}",
        brotli as f64 / 1024.0,
        FIRST_LOAD_BUDGET_BYTES as f64 / 1024.0,
        if brotli > FIRST_LOAD_BUDGET_BYTES {
            " (OVER BUDGET)"
        } else {
            ""
        }
    );
}

fn brotli_best(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut output = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut output, 64 * 1024, 11, 22);
        writer.write_all(bytes).map_err(|error| error.to_string())?;
        writer.flush().map_err(|error| error.to_string())?;
    }
    Ok(output)
}

fn files(dist_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dist_dir).map_err(|error| format!("{}: {error}", dist_dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    Ok(files)
}

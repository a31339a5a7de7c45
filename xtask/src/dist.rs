//! The built app in `dist/`: brotli-compressed once at the highest quality (the server sends
//! the `.br` file to browsers that accept it), and measured against the first-load budget.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The target for what the browser downloads before the first screen works (brotli); the
/// committed budget (`size-budget.txt`) is what CI holds the build to on the way there.
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
        "  first load: {:.1} KB brotli; the target is {:.0} KB{}",
        brotli as f64 / 1024.0,
        FIRST_LOAD_BUDGET_BYTES as f64 / 1024.0,
        if brotli > FIRST_LOAD_BUDGET_BYTES {
            " (over the target)"
        } else {
            ""
        }
    );
}

/// Prints the administration's bundle (`dist/hallinta/`): loaded only under `/hallinta`, so
/// never part of the professionals' first load above.
pub fn report_administration(measured: &[Measured]) {
    println!(
        "==> the administration's bundle, dist/hallinta/ (brotli quality 11; not in the professionals' first load)"
    );
    for file in measured {
        println!(
            "  {:>9}  {:>9}  hallinta/{}",
            file.raw, file.brotli, file.name
        );
    }
    let brotli: usize = measured.iter().map(|file| file.brotli).sum();
    println!("  {:.1} KB brotli in all", brotli as f64 / 1024.0);
}

/// The first load's figures: before the first paint (HTML and CSS), to interactive (wasm and
/// its loader), and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstLoad {
    pub before_paint: usize,
    pub wasm_to_interactive: usize,
    pub total: usize,
}

impl FirstLoad {
    /// The figures of a built `dist/` (every file is part of every page's first load today).
    pub fn of(measured: &[Measured]) -> FirstLoad {
        let sum = |wanted: &dyn Fn(&str) -> bool| -> usize {
            measured
                .iter()
                .filter(|file| wanted(&file.name))
                .map(|file| file.brotli)
                .sum()
        };
        FirstLoad {
            before_paint: sum(&|name| name.ends_with(".html") || name.ends_with(".css")),
            wasm_to_interactive: sum(&|name| name.ends_with(".wasm") || name.ends_with(".js")),
            total: sum(&|_| true),
        }
    }

    /// Reads `key = bytes` lines (`#` starts a comment) of the committed budget.
    pub fn parse_budget(text: &str) -> Result<FirstLoad, String> {
        let mut figures = std::collections::BTreeMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .ok_or_else(|| format!("size-budget.txt:{}: not `key = bytes`", number + 1))?;
            let value: usize = value
                .trim()
                .parse()
                .map_err(|_| format!("size-budget.txt:{}: not a number of bytes", number + 1))?;
            figures.insert(key.trim().to_owned(), value);
        }
        let figure = |key: &str| {
            figures
                .get(key)
                .copied()
                .ok_or_else(|| format!("size-budget.txt has no `{key}`"))
        };
        Ok(FirstLoad {
            before_paint: figure("before_paint")?,
            wasm_to_interactive: figure("wasm_to_interactive")?,
            total: figure("total")?,
        })
    }

    /// How much a figure may exceed its budget without failing: the file names in `index.html`
    /// and in the wasm's loader carry content hashes, whose random hex compresses a few bytes
    /// better or worse from one build to the next (measured: `index.html` varied by 3 bytes when
    /// only the hashes changed). Real growth is larger.
    pub const HASH_NOISE_BYTES: usize = 64;

    /// The figures over `budget` by more than [`FirstLoad::HASH_NOISE_BYTES`], each with both numbers; empty
    /// when within it.
    pub fn over(&self, budget: &FirstLoad) -> Vec<String> {
        [
            ("before_paint", self.before_paint, budget.before_paint),
            (
                "wasm_to_interactive",
                self.wasm_to_interactive,
                budget.wasm_to_interactive,
            ),
            ("total", self.total, budget.total),
        ]
        .into_iter()
        .filter(|(_, built, allowed)| *built > allowed + Self::HASH_NOISE_BYTES)
        .map(|(key, built, allowed)| format!("{key}: {built} bytes > budget {allowed}"))
        .collect()
    }
}

/// Holds the built first load to the committed budget (`size-budget.txt` at `root`).
pub fn check_budget(root: &Path, measured: &[Measured]) -> Result<(), String> {
    let path = root.join("size-budget.txt");
    let text =
        std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    let budget = FirstLoad::parse_budget(&text)?;
    let built = FirstLoad::of(measured);
    println!(
        "  budget (size-budget.txt): before paint {} of {}, wasm to interactive {} of {}, total {} of {}",
        built.before_paint,
        budget.before_paint,
        built.wasm_to_interactive,
        budget.wasm_to_interactive,
        built.total,
        budget.total
    );
    let over = built.over(&budget);
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the first load grew past its committed budget: {}. Make it smaller, or raise \
             size-budget.txt with the reason written there",
            over.join("; ")
        ))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, brotli: usize) -> Measured {
        Measured {
            name: name.to_owned(),
            raw: brotli * 3,
            brotli,
        }
    }

    #[test]
    fn a_figure_over_the_budget_is_named_with_both_numbers() {
        let built = FirstLoad::of(&[
            file("index.html", 1_000),
            file("base.css", 500),
            file("app_bg.wasm", 90_000),
            file("app.js", 4_000),
        ]);
        assert_eq!(
            built,
            FirstLoad {
                before_paint: 1_500,
                wasm_to_interactive: 94_000,
                total: 95_500
            }
        );
        let budget = FirstLoad::parse_budget(
            "# comment\nbefore_paint = 1500\nwasm_to_interactive = 93935 # note\ntotal = 96000\n",
        )
        .unwrap();
        assert_eq!(
            built.over(&budget),
            ["wasm_to_interactive: 94000 bytes > budget 93935"]
        );
        // Within the hashes' noise of the budget is not growth.
        let noisy = FirstLoad {
            before_paint: 1_500 + FirstLoad::HASH_NOISE_BYTES,
            ..budget
        };
        assert!(noisy.over(&budget).is_empty());
        assert!(FirstLoad::parse_budget("total = 1").is_err());
        assert!(FirstLoad::parse_budget("before_paint = x").is_err());
    }
}

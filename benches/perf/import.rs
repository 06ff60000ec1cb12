//! Figure 1: `briefings import RAW` into an empty corpus and cache, as a whole process.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::process;

/// A corpus imported by the last run, kept for the browsing and search figures.
pub struct Imported {
    pub corpus: PathBuf,
    pub cache: PathBuf,
    pub walls: Vec<Duration>,
    /// `briefings index` (rebuild from the stored conferences) after each import: the indexing share.
    pub index_walls: Vec<Duration>,
    pub peak_rss: Vec<u64>,
    /// The import's one-line summary, as printed.
    pub summary: String,
    /// Bytes of everything under the cache folder (index and catalogue).
    pub cache_bytes: u64,
}

/// Imports `raw` `runs` times, each into fresh folders under `home/run`.
pub fn measure(binary: &Path, raw: &Path, home: &Path, runs: usize) -> Result<Imported, String> {
    let scratch = home.join("run");
    let (corpus, cache) = (scratch.join("corpus"), scratch.join("cache"));
    let mut walls = Vec::new();
    let mut index_walls = Vec::new();
    let mut peak_rss = Vec::new();
    let mut summary = String::new();
    for run in 0..runs {
        if scratch.exists() {
            fs::remove_dir_all(&scratch)
                .map_err(|e| format!("{}: cannot clear: {e}", scratch.display()))?;
        }
        fs::create_dir_all(&cache)
            .map_err(|e| format!("{}: cannot create: {e}", cache.display()))?;
        let ran = process::run(
            Command::new(binary)
                .arg("import")
                .arg(raw)
                .arg("--corpus")
                .arg(&corpus)
                .env("BRIEFINGS_CACHE", &cache),
        )?;
        if !ran.output.status.success() {
            let why = process::last_error_line(&ran.output);
            if !corpus.join("conferences").is_dir() {
                return Err(format!("import failed ({}): {why}", ran.output.status));
            }
            eprintln!("  import run {}: some files failed ({why})", run + 1);
        }
        summary = String::from_utf8_lossy(&ran.output.stdout)
            .lines()
            .last()
            .unwrap_or("")
            .to_string();
        eprintln!(
            "  import run {}: {:.2} s — {summary}",
            run + 1,
            ran.wall.as_secs_f64()
        );
        walls.push(ran.wall);
        peak_rss.push(ran.peak_rss);
        let rebuilt = process::run(
            Command::new(binary)
                .arg("index")
                .arg("--corpus")
                .arg(&corpus)
                .env("BRIEFINGS_CACHE", &cache),
        )?;
        if !rebuilt.output.status.success() {
            return Err(format!(
                "briefings index failed: {}",
                process::last_error_line(&rebuilt.output)
            ));
        }
        index_walls.push(rebuilt.wall);
    }
    let cache_bytes = dir_bytes(&cache);
    Ok(Imported {
        corpus,
        cache,
        walls,
        index_walls,
        peak_rss,
        summary,
        cache_bytes,
    })
}

pub fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_bytes(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

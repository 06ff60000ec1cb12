//! Row E: `briefings sync` over the local mirror of the ministry's sites
//! (`../shared/sites/mfa-2020`, served by the tests' own static server) at
//! delay 0 — article pages fetched, parsed and imported per second — and
//! `briefings import --reparse` over the same raw pages: parsing and importing
//! without the network, so the two rows show where a sync's time goes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::process;
use super::server::Mirror;
use super::stats::median;

/// `../shared/bench/README.md`: the parsing side keeps up with at least this.
const BUDGET_PAGES_PER_S: f64 = 50.0;

/// The sources file of the 2020 layout that `tests/sync.rs` uses.
const SOURCES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sources-2020.toml");

/// One sync and one reparse into fresh folders.
struct Run {
    sync_s: f64,
    /// Article pages answered 200.
    fetched: u64,
    imported: u64,
    requests: u64,
    sync_rss: u64,
    reparse_s: f64,
    /// Raw pages read again by the reparse.
    reparsed: u64,
}

/// The mirror folder in the shared data.
fn mirror_root(shared: &Path) -> Result<PathBuf, String> {
    let root = shared.join("sites/mfa-2020");
    if root.join("MANIFEST.jsonl").is_file() {
        Ok(root)
    } else {
        Err(format!("{}: no mirror here", root.display()))
    }
}

/// A corpus synced from the whole mirror (real English and Chinese
/// conferences for the whole-archive corpus), made once under `work`.
pub fn mirror_corpus(binary: &Path, work: &Path, shared: &Path) -> Result<PathBuf, String> {
    let home = work.join("mirror-corpus");
    let marker = home.join("synced.txt");
    if !marker.is_file() {
        let mirror = Mirror::start(mirror_root(shared)?);
        one(binary, &home, &mirror.url)?;
        fs::write(&marker, "a whole sync of the mirror\n")
            .map_err(|e| format!("{}: {e}", marker.display()))?;
    }
    Ok(home.join("corpus"))
}

/// The table rows, measured `runs` times over; `Err` when the mirror is absent or a run fails.
pub fn measure(binary: &Path, work: &Path, shared: &Path, runs: usize) -> Result<String, String> {
    let mirror = Mirror::start(mirror_root(shared)?);
    let home = work.join("sync");
    let mut all = Vec::new();
    for n in 0..runs.max(1) {
        let run = one(binary, &home, &mirror.url)?;
        eprintln!(
            "  sync run {}: {} pages in {:.2} s; reparse {} pages in {:.2} s",
            n + 1,
            run.fetched,
            run.sync_s,
            run.reparsed,
            run.reparse_s
        );
        all.push(run);
    }
    let med = |f: &dyn Fn(&Run) -> f64| median(&all.iter().map(f).collect::<Vec<_>>());
    let sync_rate = med(&|r| r.fetched as f64 / r.sync_s);
    let reparse_rate = med(&|r| r.reparsed as f64 / r.reparse_s);
    let last = all.last().ok_or("no run")?;
    Ok(format!(
        "| figure | median | ÷ budget | target |\n|---|---|---|---|\n\
         | sync over the mirror at delay 0, whole process (s) | {:.2} | | — |\n\
         | sync: article pages fetched, parsed and imported per s | {sync_rate:.1} | {:.2}× | ≥ {BUDGET_PAGES_PER_S} pages/s |\n\
         | import --reparse of the same raw pages, whole process (s) | {:.2} | | — |\n\
         | reparse: pages parsed and imported per s (no network) | {reparse_rate:.1} | {:.2}× | ≥ {BUDGET_PAGES_PER_S} pages/s |\n\
         | sync peak RSS (MB) | {:.0} | | — |\n\
         ({} article pages fetched, {} conferences imported, {} requests with listings and 404s, {} pages reparsed)",
        med(&|r| r.sync_s),
        sync_rate / BUDGET_PAGES_PER_S,
        med(&|r| r.reparse_s),
        reparse_rate / BUDGET_PAGES_PER_S,
        med(&|r| r.sync_rss as f64) / 1e6,
        last.fetched,
        last.imported,
        last.requests,
        last.reparsed,
    ))
}

/// A sync of the whole mirror into an empty corpus and cache, then a reparse of it.
fn one(binary: &Path, home: &Path, mirror: &str) -> Result<Run, String> {
    if home.exists() {
        fs::remove_dir_all(home).map_err(|e| format!("{}: cannot clear: {e}", home.display()))?;
    }
    let (corpus, cache): (PathBuf, PathBuf) = (home.join("corpus"), home.join("cache"));
    let briefings = |args: &[&str]| {
        let mut cmd = Command::new(binary);
        cmd.args(args)
            .arg("--corpus")
            .arg(&corpus)
            .env("BRIEFINGS_CACHE", &cache)
            .env("BRIEFINGS_SYNC_MIRROR", mirror);
        cmd
    };
    let synced = process::run(&mut briefings(&["sync", "--sources", SOURCES, "--json"]))?;
    // Exit 1: the pages the mirror lacks on purpose are reported.
    if !matches!(synced.output.status.code(), Some(0 | 1)) {
        return Err(format!(
            "sync failed: {}",
            process::last_error_line(&synced.output)
        ));
    }
    let summary: serde_json::Value = serde_json::from_slice(&synced.output.stdout)
        .map_err(|e| format!("sync --json printed no object: {e}"))?;
    let count = |key: &str| summary[key].as_u64().unwrap_or(0);
    let reparsed = process::run(&mut briefings(&["import", "--reparse"]))?;
    let said = String::from_utf8_lossy(&reparsed.output.stdout);
    let pages = said
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("import --reparse said {said:?}"))?;
    Ok(Run {
        sync_s: synced.wall.as_secs_f64(),
        fetched: count("fetched"),
        imported: count("imported"),
        requests: count("requests"),
        sync_rss: synced.peak_rss,
        reparse_s: reparsed.wall.as_secs_f64(),
        reparsed: pages,
    })
}

//! `BENCH_ONLY=han`: what indexing every Han character alone costs, and what one
//! character costs to search.
//!
//! - Index cost: the French benchmark corpus (`BENCH_SIZES`' first size) imported, and
//!   the archive's Chinese and English conferences (`archive.rs`, `BENCH_ARCHIVE`
//!   conferences, default 2,229: 743 per language) indexed, by this build and, when
//!   `BENCH_BEFORE` names another `briefings` binary (a build of the commit before),
//!   by that one too, alternately in the same run: wall time and bytes on disk.
//! - Query time: a child opens the archive's index (this build) and runs single
//!   characters and words, each as a whole query (`prefix_last`, 50 hits, snippets).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use briefings::search::parse_query;

use super::config::Config;
use super::stats::{median, percentile};
use super::{archive, corpus, import, process};

/// The value of the child variable that runs [`child_main`].
pub const CHILD_VALUE: &str = "han";
const CORPUS: &str = "BRIEFINGS_PERF_CORPUS";

/// Queried in the archive: single characters (common and rare) and words of two and four.
const QUERIES: &[&str] = &["南", "中", "海", "蒙", "南海", "中美关系", "台湾"];
/// Times each query is run.
const REPEAT: usize = 30;

/// The rows, or why they were not measured.
pub fn measure(cfg: &Config, shared: &Path, archive_count: usize) -> Result<String, String> {
    let before = std::env::var_os("BENCH_BEFORE").map(PathBuf::from);
    let binaries: Vec<(&str, &Path)> = before
        .as_deref()
        .map(|b| ("before", b))
        .into_iter()
        .chain([("after", cfg.binary.as_path())])
        .collect();
    let size = cfg.sizes.first().copied().unwrap_or(5000);
    let raw = corpus::ensure(&cfg.work, size, cfg.seed);
    let built = archive::ensure(&cfg.binary, &cfg.work, shared, archive_count, cfg.seed)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| index cost | build | median (s) | runs (s) | on disk (MB) |\n|---|---|---|---|---|"
    );
    // The French corpus: the whole import (parse, store, index), as users run it.
    let mut walls: Vec<Vec<f64>> = vec![Vec::new(); binaries.len()];
    let mut bytes = vec![0u64; binaries.len()];
    for _ in 0..cfg.runs {
        for (k, (name, binary)) in binaries.iter().enumerate() {
            let home = raw.home.join(format!("han-{name}"));
            let i = import::measure(binary, &raw.raw, &home, 1)?;
            walls[k].extend(i.walls.iter().map(std::time::Duration::as_secs_f64));
            bytes[k] = i.cache_bytes;
        }
    }
    for (k, (name, _)) in binaries.iter().enumerate() {
        row(
            &mut out,
            &format!("import {size} fr"),
            name,
            &walls[k],
            bytes[k],
        );
    }
    // The archive (fr/en/zh): `briefings index` alone, into a fresh cache each time.
    let mut walls: Vec<Vec<f64>> = vec![Vec::new(); binaries.len()];
    for _ in 0..cfg.runs {
        for (k, (name, binary)) in binaries.iter().enumerate() {
            let cache = cache_for(&built.corpus, name);
            let _ = std::fs::remove_dir_all(&cache);
            let ran = process::run(
                Command::new(binary)
                    .arg("index")
                    .arg("--corpus")
                    .arg(&built.corpus)
                    .env("BRIEFINGS_CACHE", &cache),
            )?;
            if !ran.output.status.success() {
                return Err(format!(
                    "{name}: briefings index: {}",
                    process::last_error_line(&ran.output)
                ));
            }
            walls[k].push(ran.wall.as_secs_f64());
            bytes[k] = import::dir_bytes(&cache);
        }
    }
    for (k, (name, _)) in binaries.iter().enumerate() {
        let what = format!("index archive {}", built.conferences);
        row(&mut out, &what, name, &walls[k], bytes[k]);
    }
    // Queries, on the index this build made.
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the bench binary: {e}"))?;
    let ran = process::run(
        Command::new(exe)
            .env(super::browse::CHILD, CHILD_VALUE)
            .env(CORPUS, &built.corpus)
            .env("BRIEFINGS_CACHE", cache_for(&built.corpus, "after")),
    )?;
    if !ran.output.status.success() {
        return Err(format!(
            "query child failed: {}",
            process::last_error_line(&ran.output)
        ));
    }
    let _ = writeln!(
        out,
        "\n| query (archive, {} turns) | matching turns | median (ms) | p99 (ms) |\n|---|---|---|---|",
        built.turns
    );
    out.push_str(&String::from_utf8_lossy(&ran.output.stdout));
    Ok(out)
}

fn cache_for(corpus: &Path, name: &str) -> PathBuf {
    corpus.with_file_name(format!("han-cache-{name}"))
}

fn row(out: &mut String, what: &str, name: &str, walls: &[f64], bytes: u64) {
    let runs: Vec<String> = walls.iter().map(|w| format!("{w:.2}")).collect();
    let _ = writeln!(
        out,
        "| {what} | {name} | {:.2} | {} | {:.1} |",
        median(walls),
        runs.join(", "),
        bytes as f64 / 1e6
    );
}

/// The child: each query `REPEAT` times on the opened index, one table row each.
pub fn child_main() {
    let (_, index, outlets) = super::analysis::opened();
    for q in QUERIES {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..REPEAT {
            let started = Instant::now();
            let mut query = parse_query(q, &outlets);
            query.prefix_last = true;
            query.limit = 50;
            let results = index
                .search(&query)
                .unwrap_or_else(|e| panic!("search {q:?}: {e}"));
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            total = results.total;
        }
        println!(
            "| {q} | {total} | {:.2} | {:.2} |",
            median(&times),
            percentile(&times, 99.0)
        );
    }
}

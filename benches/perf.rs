//! The performance benchmark (`cargo bench --bench perf`): generates the benchmark corpus,
//! imports it with the release binary, browses and searches it, and prints the figures of
//! `shared/bench/README.md` with their targets. `BENCH_SIZES`, `BENCH_RUNS`, `BENCH_SEED` tune it; `BENCH_ONLY=paragraph` runs the 2 MB paragraph rows alone, `BENCH_ONLY=analysis` the analysis rows, `BENCH_ONLY=sync` the sync rows,
//! `BENCH_ONLY=archive` the whole-archive point (`BENCH_ARCHIVE` conferences, default 20,000),
//! `BENCH_ONLY=han` the cost of the single Han character field (`perf/han.rs`).

#[path = "perf/analysis.rs"]
mod analysis;
#[path = "perf/archive.rs"]
mod archive;
#[path = "perf/benchgen.rs"]
// Its unit tests run from `tests/benchgen.rs`; here (no test harness) their imports go unused.
#[cfg_attr(test, allow(unused_imports))]
mod benchgen;
#[path = "perf/browse.rs"]
mod browse;
#[path = "perf/config.rs"]
mod config;
#[path = "perf/corpus.rs"]
mod corpus;
#[path = "perf/han.rs"]
mod han;
#[path = "perf/import.rs"]
mod import;
#[path = "perf/paragraph.rs"]
mod paragraph;
#[path = "perf/process.rs"]
mod process;
// The tests' static HTTP server over the mirror (tests/sync.rs uses it too); the bench calls only `start`.
#[path = "../tests/sync/server.rs"]
#[allow(dead_code)]
mod server;
#[path = "perf/stats.rs"]
mod stats;
#[path = "perf/sync.rs"]
mod sync;
#[path = "perf/table.rs"]
mod table;
#[path = "perf/tui.rs"]
mod tui;
#[path = "perf/whole.rs"]
mod whole;

use config::Config;
use table::Measured;

fn main() {
    if let Some(child) = std::env::var_os(browse::CHILD) {
        if child == analysis::CHILD_VALUE {
            analysis::child_main();
        } else if child == han::CHILD_VALUE {
            han::child_main();
        } else {
            browse::child_main();
        }
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: timings stay out of the test suite.
    if !std::env::args().any(|a| a == "--bench") {
        println!("perf: run with `cargo bench --bench perf` (skipped under cargo test)");
        return;
    }
    let cfg = Config::from_env();
    // `BENCH_ONLY=paragraph` / `sync`: those rows alone (seconds, not the corpus figures).
    match std::env::var("BENCH_ONLY").as_deref() {
        Ok("paragraph") => {
            println!("{}", paragraph::measure(cfg.runs));
            return;
        }
        Ok("sync") => {
            println!("{}", sync_rows(&cfg));
            return;
        }
        Ok("archive") => {
            println!("{}", archive_rows(&cfg));
            return;
        }
        Ok("han") => {
            let count = std::env::var("BENCH_ARCHIVE")
                .ok()
                .and_then(|v| v.trim().replace('_', "").parse().ok())
                .unwrap_or(2229);
            let rows = han::measure(&cfg, &shared(), count)
                .unwrap_or_else(|e| format!("single Han characters: not measured ({e})"));
            println!(
                "{rows}
machine: {}; load average after: {}",
                machine(),
                load_average()
            );
            return;
        }
        _ => {}
    }
    // `BENCH_ONLY=analysis`: trend, concordance and similar answers on the first size alone.
    if std::env::var("BENCH_ONLY").is_ok_and(|v| v == "analysis") {
        let size = cfg.sizes.first().copied().unwrap_or(5000);
        let raw = corpus::ensure(&cfg.work, size, cfg.seed);
        let i = import::measure(&cfg.binary, &raw.raw, &raw.home, 1)
            .unwrap_or_else(|e| panic!("import {size}: {e}"));
        println!(
            "{size} conferences\n{}",
            analysis::measure(&i.corpus, &i.cache)
        );
        return;
    }
    let grep = whole::find_grep();
    eprintln!(
        "binary: {}; sizes {:?}; {} runs; seed {}",
        cfg.binary.display(),
        cfg.sizes,
        cfg.runs,
        cfg.seed
    );
    let load_before = load_average();
    let mut all = Vec::new();
    for &size in &cfg.sizes {
        all.push(measure(&cfg, size, &grep));
    }
    println!("\n{}", table::render(&all));
    println!("\n{}", paragraph::measure(cfg.runs));
    if let Some(m) = all.first()
        && let Ok(i) = &m.import
    {
        println!(
            "\n{} conferences\n{}",
            m.size,
            analysis::measure(&i.corpus, &i.cache)
        );
    }
    println!("\n{}", sync_rows(&cfg));
    println!("\n{}", archive_rows(&cfg));
    println!("medians of {} runs; machine: {}", cfg.runs, machine());
    println!(
        "load average (1, 5, 15 min) before: {load_before}; after: {}",
        load_average()
    );
}

/// Row E: sync over the local mirror (or why it was not measured).
fn sync_rows(cfg: &Config) -> String {
    eprintln!("sync over the mirror ×{}", cfg.runs);
    sync::measure(&cfg.binary, &cfg.work, &shared(), cfg.runs)
        .unwrap_or_else(|e| format!("sync over the mirror: not measured ({e})"))
}

/// The whole-archive point: first frame, keystroke p99 and RSS over 20,000 conferences in three languages.
fn archive_rows(cfg: &Config) -> String {
    let count = std::env::var("BENCH_ARCHIVE")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(20_000);
    eprintln!("whole archive: {count} conferences");
    archive::measure(&cfg.binary, &cfg.work, &shared(), count, cfg.seed, cfg.runs)
        .unwrap_or_else(|e| format!("whole archive: not measured ({e})"))
}

/// The shared test folder (the parent of the training corpus).
fn shared() -> std::path::PathBuf {
    let training = benchgen::default_training();
    training
        .parent()
        .map_or(training.clone(), std::path::Path::to_path_buf)
}

/// Every figure at one corpus size.
fn measure(cfg: &Config, size: usize, grep: &whole::Grep) -> Measured {
    let raw = corpus::ensure(&cfg.work, size, cfg.seed);
    eprintln!("{size} conferences: import ×{}", cfg.runs);
    let import = import::measure(&cfg.binary, &raw.raw, &raw.home, cfg.runs);
    let (browse, versus, first_frame) = match &import {
        Ok(i) => {
            eprintln!("{size} conferences: browsing ×{}", cfg.runs);
            let browse = (0..cfg.runs)
                .map(|_| browse::measure(&i.corpus, &i.cache))
                .collect();
            eprintln!("{size} conferences: briefings search vs {}", grep.label);
            let versus = whole::measure(&cfg.binary, &i.corpus, &i.cache, &raw.raw, grep, cfg.runs);
            eprintln!("{size} conferences: TUI first frame ×{}", cfg.runs);
            let first = tui::first_frame(&cfg.binary, &i.corpus, &i.cache, cfg.runs);
            (browse, versus, first)
        }
        Err(e) => (
            Err(format!("no corpus to browse: {e}")),
            Err(format!("no corpus to search: {e}")),
            Err(format!("no corpus to open: {e}")),
        ),
    };
    Measured {
        size,
        raw_bytes: raw.stats.bytes,
        turns: raw.stats.turns,
        import,
        browse,
        versus,
        first_frame,
        grep_label: grep.label.to_string(),
    }
}

/// `nproc`, architecture and CPU model, for the record.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name")?
                    .split_once(':')
                    .map(|x| x.1.trim().to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    format!("{cpus} CPUs, {}, {model}", std::env::consts::ARCH)
}

/// Other work on the machine skews every figure; the load average says how much there was.
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

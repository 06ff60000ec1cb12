//! What to measure and where: sizes, runs and seed from the environment, and the paths the benchmark uses.

use std::path::PathBuf;
use std::process::Command;

/// The benchmark's settings, read once at start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Corpus sizes (conferences), e.g. `5000,10000`.
    pub sizes: Vec<usize>,
    /// Runs per figure; medians are taken over them.
    pub runs: usize,
    pub seed: u64,
    /// `target/bench-corpus`: generated corpora and scratch folders.
    pub work: PathBuf,
    /// The release `briefings` binary.
    pub binary: PathBuf,
}

impl Config {
    /// `BENCH_SIZES` (default `5000,10000`), `BENCH_RUNS` (default 3), `BENCH_SEED` (default 2003).
    pub fn from_env() -> Config {
        let sizes = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "5000,10000".to_string());
        let sizes: Vec<usize> = sizes
            .split(',')
            .map(|s| {
                s.trim()
                    .replace('_', "")
                    .parse()
                    .expect("BENCH_SIZES must be numbers separated by commas")
            })
            .collect();
        let runs = number("BENCH_RUNS", 3).max(1) as usize;
        let seed = number("BENCH_SEED", 2003);
        Config {
            sizes,
            runs,
            seed,
            work: target_dir().join("bench-corpus"),
            binary: binary(),
        }
    }
}

fn number(var: &str, default: u64) -> u64 {
    std::env::var(var).map_or(default, |v| {
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{var} must be a whole number"))
    })
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    )
}

/// The binary cargo built for this bench (release profile), else `target/release/briefings`,
/// built first so the figures never come from a stale or debug build.
fn binary() -> PathBuf {
    if let Some(p) = option_env!("CARGO_BIN_EXE_briefings")
        .map(PathBuf::from)
        .filter(|p| p.exists())
    {
        return p;
    }
    if let Some(p) = std::env::var_os("CARGO_BIN_EXE_briefings")
        .map(PathBuf::from)
        .filter(|p| p.exists())
    {
        return p;
    }
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .args([
            "build",
            "--release",
            "--features",
            "probe",
            "--bin",
            "briefings",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run cargo build --release");
    assert!(status.success(), "cargo build --release failed");
    target_dir().join("release").join("briefings")
}

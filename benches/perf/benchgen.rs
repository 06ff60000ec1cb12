//! Generates the benchmark corpus: thousands of raw French transcripts in the real page layout.
//!
//! The text comes from a word-level Markov chain trained at run time on the real
//! transcripts in the shared test folder (never copied into the project); every
//! choice comes from a seeded PRNG, so one seed always gives the same bytes and
//! anyone can reproduce the benchmark figures.

#[path = "benchgen/askers.rs"]
mod askers;
#[path = "benchgen/calendar.rs"]
pub mod calendar;
#[path = "benchgen/layout.rs"]
mod layout;
#[path = "benchgen/markov.rs"]
mod markov;
#[path = "benchgen/rng.rs"]
pub mod rng;
#[path = "benchgen/train.rs"]
mod train;

use std::fs;
use std::path::{Path, PathBuf};

use askers::OutletPicker;
use rng::Rng;

/// Bumped whenever the output for a given seed changes, so cached benchmark corpora are regenerated.
pub const VERSION: u32 = 2;

/// What a generation produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenStats {
    pub files: usize,
    pub bytes: u64,
    /// Turns (questions plus opening announcements).
    pub turns: usize,
    /// ISO dates of the first and last conference.
    pub first: String,
    pub last: String,
}

/// Budget of spoken text per transcript: 11–35 KB. Whole sentences overshoot it by
/// about 3 KB, so transcripts come out at 14–38 KB, about 26 KB on average, and
/// 5,000 of them weigh about 130 MB like twenty years of the real archive.
const MIN_BYTES: usize = 11_000;
const MAX_BYTES: usize = 35_000;

/// Writes `count` transcripts as `out_dir/YYYY/YYYY-MM-DD.txt`, one per working day
/// from January 2003, with text learnt from `training` (the shared corpus folder or
/// its `fr/` folder). The same `seed` and training text always give the same bytes.
pub fn generate(
    out_dir: &Path,
    count: usize,
    seed: u64,
    training: &Path,
) -> Result<GenStats, String> {
    let chains = train::from_dir(training)?;
    let outlets = OutletPicker::default();
    let days = calendar::working_days(count);
    let mut stats = GenStats::default();
    for (i, day) in days.iter().enumerate() {
        // One PRNG stream per transcript: a file does not depend on the ones before it.
        let mut rng = Rng::derive(seed, i as u64);
        let spec = layout::Spec {
            day: *day,
            spokesperson: askers::spokesperson(i, count, &mut rng),
            target_bytes: rng.range(MIN_BYTES, MAX_BYTES),
        };
        let (text, turns) = layout::transcript(&spec, &chains, &outlets, &mut rng);
        let dir = out_dir.join(day.year.to_string());
        fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))?;
        let file = dir.join(format!("{}.txt", day.iso()));
        fs::write(&file, &text).map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
        stats.files += 1;
        stats.bytes += text.len() as u64;
        stats.turns += turns;
    }
    stats.first = days.first().map(|d| d.iso()).unwrap_or_default();
    stats.last = days.last().map(|d| d.iso()).unwrap_or_default();
    Ok(stats)
}

/// The shared test corpus to train on: `$BRIEFINGS_SHARED/corpus`, else
/// `../shared/corpus` beside the project.
pub fn default_training() -> PathBuf {
    std::env::var_os("BRIEFINGS_SHARED")
        .filter(|p| !p.is_empty())
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
            PathBuf::from,
        )
        .join("corpus")
}

// Tests of the whole generator: `benchgen/tests.rs`, run by `tests/benchgen.rs`.

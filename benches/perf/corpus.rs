//! The generated raw corpus for one size: made once, reused while its marker file says it is complete.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::benchgen::{self, GenStats};

/// A raw corpus on disk and what it holds.
pub struct RawCorpus {
    /// `target/bench-corpus/<n>-<seed>`.
    pub home: PathBuf,
    /// `<home>/raw`: the `.txt` transcripts.
    pub raw: PathBuf,
    pub stats: GenStats,
}

/// Generates `count` transcripts with `seed` unless a previous run left them complete.
pub fn ensure(work: &Path, count: usize, seed: u64) -> RawCorpus {
    let home = work.join(format!("{count}-{seed}"));
    let raw = home.join("raw");
    let marker = home.join("generated.txt");
    let done = fs::read_to_string(&marker)
        .ok()
        .and_then(|t| read_marker(&t));
    if let Some(stats) = done.filter(|_| raw.is_dir()) {
        return RawCorpus { home, raw, stats };
    }
    if raw.exists() {
        fs::remove_dir_all(&raw).expect("remove an incomplete generated corpus");
    }
    let training = benchgen::default_training();
    eprintln!(
        "generating {count} transcripts (seed {seed}) into {} …",
        raw.display()
    );
    let started = Instant::now();
    let stats = benchgen::generate(&raw, count, seed, &training)
        .unwrap_or_else(|e| panic!("generate the corpus: {e}"));
    eprintln!(
        "  {:.1} MB in {:.1} s",
        stats.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let text = format!(
        "version={}\nfiles={}\nbytes={}\nturns={}\nfirst={}\nlast={}\n",
        benchgen::VERSION,
        stats.files,
        stats.bytes,
        stats.turns,
        stats.first,
        stats.last
    );
    fs::write(&marker, text).expect("write the generated-corpus marker");
    RawCorpus { home, raw, stats }
}

fn read_marker(text: &str) -> Option<GenStats> {
    let get = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
    };
    // A corpus from another generator version is stale.
    if get("version")? != benchgen::VERSION.to_string() {
        return None;
    }
    Some(GenStats {
        files: get("files")?.parse().ok()?,
        bytes: get("bytes")?.parse().ok()?,
        turns: get("turns")?.parse().ok()?,
        first: get("first")?.to_string(),
        last: get("last")?.to_string(),
    })
}

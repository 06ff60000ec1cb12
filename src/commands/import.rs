//! `briefings import PATH...`: parse transcripts into the corpus, then bring the index up to date.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::corpus::{Corpus, Entry, cache_dir_for};
use crate::import::import_paths;
use crate::model::Conference;
use crate::outlets::Outlets;
use crate::search::SearchIndex;

/// Exit 0 when every file landed, 1 when some failed.
pub(super) fn run(dir: &Path, paths: &[PathBuf]) -> u8 {
    if dir.is_file() {
        eprintln!(
            "{}: the corpus path is a file, not a folder; pass --corpus DIR with a folder.",
            dir.display()
        );
        return 1;
    }
    let (outlets, warn) = Outlets::with_user_file();
    if let Some(w) = warn {
        eprintln!("{w}");
    }
    let before = Corpus::dir(dir).stamp();
    let report = import_paths(dir, paths, &outlets);
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for f in &report.failures {
        eprintln!("{f}");
    }
    if !report.written.is_empty() {
        refresh_caches(dir, before, &report.written);
    }
    if let Err(e) = super::out::write(&format!("{}\n", report.summary())) {
        eprintln!("briefings: {e}");
        return 1;
    }
    u8::from(!report.failures.is_empty())
}

/// Brings the index and the catalogue up to date with what was written.
/// When both were current before the import they are updated in place;
/// otherwise they are rebuilt from the conferences in hand plus the others on disk.
/// A failure only costs a rebuild on next use, so it is a warning.
fn refresh_caches(dir: &Path, before: u64, written: &[Conference]) {
    let corpus = Corpus::dir(dir);
    let index_dir = cache_dir_for(dir).join("index");
    let stamp = corpus.stamp();
    let ids: HashSet<&str> = written.iter().map(|c| c.id.as_str()).collect();
    let old_catalog = corpus.cached_catalog(before);
    let result = match old_catalog {
        Some((mut entries, mut problems)) if SearchIndex::is_current(&index_dir, before) => {
            entries.retain(|e| !ids.contains(e.id.as_str()));
            // A damaged file replaced by this import is no longer a problem.
            problems.retain(|p| {
                p.path
                    .file_stem()
                    .is_none_or(|s| !ids.contains(s.to_string_lossy().as_ref()))
            });
            entries.extend(written.iter().map(Entry::of));
            corpus.store_catalog(entries, &problems);
            SearchIndex::update(&index_dir, stamp, written, &[])
        }
        _ => {
            let (others, problems) = corpus.load_all_except(&ids);
            let entries = written.iter().chain(&others).map(Entry::of).collect();
            corpus.store_catalog(entries, &problems);
            let all = written.iter().cloned().chain(others);
            SearchIndex::open_or_build(&index_dir, stamp, || all).map(|_| ())
        }
    };
    if let Err(e) = result {
        eprintln!(
            "warning: the search index could not be updated ({e}); it will be rebuilt on next use"
        );
    }
}

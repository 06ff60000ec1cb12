//! `briefings import PATH...`: parse transcripts into the corpus, then bring the index up to date.

use std::path::{Path, PathBuf};

use crate::corpus::{Corpus, cache_dir_for};
use crate::import::import_paths;
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
    let report = import_paths(dir, paths, &outlets);
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for f in &report.failures {
        eprintln!("{f}");
    }
    if !report.written.is_empty() {
        update_index(dir, &report.written);
    }
    println!("{}", report.summary());
    u8::from(!report.failures.is_empty())
}

/// Updates the cached index in place; if that fails it will be rebuilt on next use, so only warn.
fn update_index(dir: &Path, written: &[crate::model::Conference]) {
    let corpus = Corpus::dir(dir);
    let index_dir = cache_dir_for(dir).join("index");
    let stamp = corpus.stamp();
    let result = if index_dir.join("meta.json").exists() {
        SearchIndex::update(&index_dir, stamp, written, &[])
    } else {
        SearchIndex::open_or_build(&index_dir, stamp, || corpus.load_all().0).map(|_| ())
    };
    if let Err(e) = result {
        eprintln!(
            "warning: the search index could not be updated ({e}); it will be rebuilt on next use"
        );
    }
    // Refresh the catalogue now so the next `list` or TUI start does not pay for it.
    let _ = corpus.catalog();
}

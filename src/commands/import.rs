//! `briefings import PATH...`: parse transcripts into the corpus; the library brings its caches up to date.

use std::path::{Path, PathBuf};

use crate::library::Library;
use crate::outlets::Outlets;

/// The corpus at `dir` and the outlet table, or `None` once the reason is printed.
fn open(dir: &Path) -> Option<(Library, Outlets)> {
    let library = Library::at(dir).map_err(|e| eprintln!("{e}")).ok()?;
    let (outlets, warn) = Outlets::with_user_file();
    if let Some(w) = warn {
        eprintln!("{w}");
    }
    Some((library, outlets))
}

/// Exit 0 when every file landed, 1 when some failed.
pub(super) fn run(dir: &Path, paths: &[PathBuf]) -> u8 {
    let Some((library, outlets)) = open(dir) else {
        return 1;
    };
    let (report, cache_warning) = library.import_paths(paths, &outlets);
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for f in &report.failures {
        eprintln!("{f}");
    }
    if let Some(w) = cache_warning {
        eprintln!("warning: {w}");
    }
    if let Err(e) = super::out::write(&format!("{}\n", report.summary())) {
        eprintln!("briefings: {e}");
        return 1;
    }
    u8::from(!report.failures.is_empty())
}

/// `briefings import --reparse`: every synced conference rebuilt from `raw/`, offline.
pub(super) fn reparse(dir: &Path) -> u8 {
    if let Some((code, why)) = crate::sync::nothing_to_reparse(dir) {
        eprintln!("{why}");
        return code;
    }
    let Some((library, outlets)) = open(dir) else {
        return 1;
    };
    let before = library.corpus().stamp();
    let done = match crate::sync::reparse(dir, &outlets) {
        Ok(done) => done,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    for k in &done.kept {
        eprintln!("note: {k}");
    }
    for f in done.unreadable.iter().chain(&done.failures) {
        eprintln!("{f}");
    }
    if let Some(w) = library.saved(before, &done.written, !done.removed.is_empty()) {
        eprintln!("warning: {w}");
    }
    let printed = super::out::outln!(
        "reparsed {} raw page{}: {} conference{} written, {} removed, {} kept (your own imports), {} page{} without a conference, {} unreadable",
        done.pages,
        if done.pages == 1 { "" } else { "s" },
        done.written.len(),
        if done.written.len() == 1 { "" } else { "s" },
        done.removed.len(),
        done.kept.len(),
        done.failures.len(),
        if done.failures.len() == 1 { "" } else { "s" },
        done.unreadable.len(),
    );
    if let Err(e) = printed {
        eprintln!("briefings: {e}");
        return 1;
    }
    u8::from(!done.failures.is_empty() || !done.unreadable.is_empty())
}

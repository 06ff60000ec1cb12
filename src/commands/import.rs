//! `briefings import PATH...`: parse transcripts into the corpus; the library brings its caches up to date.

use std::path::{Path, PathBuf};

use crate::library::Library;
use crate::outlets::Outlets;

/// Exit 0 when every file landed, 1 when some failed.
pub(super) fn run(dir: &Path, paths: &[PathBuf]) -> u8 {
    let library = match Library::at(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let (outlets, warn) = Outlets::with_user_file();
    if let Some(w) = warn {
        eprintln!("{w}");
    }
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

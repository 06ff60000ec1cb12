//! `briefings sync`: walk the ministry's listings newest first, fetch the
//! conferences the corpus lacks, keep their raw bytes, import them (SYNC.md).
//!
//! The walk is here; the sources file, the HTTP client, listing pages, the raw
//! store and `import --reparse` each have their own module.

mod clock;
mod fetch;
mod listing;
mod lock;
mod raw;
mod reparse;
pub(crate) mod sources;
mod walk;

use std::path::PathBuf;

use serde::Serialize;

pub(crate) use reparse::{nothing_to_reparse, reparse};
pub(crate) use sources::Source;

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub(crate) corpus: PathBuf,
    /// Only these languages (empty: all).
    pub(crate) languages: Vec<String>,
    /// Stop at conferences older than this day (`YYYY-MM-DD`).
    pub(crate) since: Option<String>,
    /// Walk at most this many listing pages per source.
    pub(crate) max_pages: Option<usize>,
    /// List what would be fetched; fetch listings only.
    pub(crate) dry_run: bool,
}

/// A page that could not be brought in, and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Failure {
    pub(crate) url: String,
    pub(crate) reason: String,
}

/// The summary SYNC.md prints (`--json` gives this object).
#[derive(Debug, Default, Serialize)]
pub(crate) struct Summary {
    pub(crate) sources: usize,
    /// Listing pages read.
    pub(crate) listings: usize,
    /// Article pages fetched (200).
    pub(crate) fetched: usize,
    /// Conferences written.
    pub(crate) imported: usize,
    /// Listed pages that are not conferences (remarks, statements), and
    /// revised copies of a conference already imported from another address.
    pub(crate) skipped: usize,
    pub(crate) failed: Vec<Failure>,
    /// Pages whose conference the user imported from their own file: theirs is kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) kept: Vec<Failure>,
    /// Conferences already in the corpus, not fetched again.
    pub(crate) unchanged: usize,
    /// HTTP requests sent, retries included.
    pub(crate) requests: usize,
    /// Things the user should know that fail no page (manifest lines skipped).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) warnings: Vec<String>,
    /// `--dry-run`: the pages that would be fetched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) would_fetch: Vec<String>,
    /// Ids of the conferences written (not printed in the summary object).
    #[serde(skip)]
    pub(crate) written: Vec<crate::model::Conference>,
}

impl Summary {
    /// The one line printed at the end.
    pub(crate) fn line(&self, dry_run: bool) -> String {
        if dry_run {
            return format!(
                "would fetch {} page{} ({} listing page{} read from {} source{}); {} already held, {} skipped",
                self.would_fetch.len(),
                plural(self.would_fetch.len()),
                self.listings,
                plural(self.listings),
                self.sources,
                plural(self.sources),
                self.unchanged,
                self.skipped,
            );
        }
        format!(
            "synced {} source{}: {} listing page{}, {} page{} fetched, {} conference{} imported, {} already held, {} skipped, {} failed",
            self.sources,
            plural(self.sources),
            self.listings,
            plural(self.listings),
            self.fetched,
            plural(self.fetched),
            self.imported,
            plural(self.imported),
            self.unchanged,
            self.skipped,
            self.failed.len(),
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What the walk reports as it goes (a progress bar on a terminal, nothing otherwise).
pub(crate) trait Progress {
    /// A source starts.
    fn source(&mut self, name: &str);
    /// A request answered: `bytes` received, `pages` article pages so far in this source.
    fn step(&mut self, url: &str, bytes: usize, pages: usize);
    /// The source is done.
    fn done(&mut self);
}

/// No progress shown.
pub(crate) struct Quiet;

impl Progress for Quiet {
    fn source(&mut self, _: &str) {}
    fn step(&mut self, _: &str, _: usize, _: usize) {}
    fn done(&mut self) {}
}

/// The mirror from `BRIEFINGS_SYNC_MIRROR`, checked.
pub(crate) fn mirror_from_env() -> Result<Option<url::Url>, String> {
    match std::env::var("BRIEFINGS_SYNC_MIRROR") {
        Ok(v) if !v.trim().is_empty() => url::Url::parse(v.trim()).map(Some).map_err(|e| {
            format!("BRIEFINGS_SYNC_MIRROR={v:?} is not a URL ({e}); expected e.g. http://127.0.0.1:8000")
        }),
        _ => Ok(None),
    }
}

/// Runs a sync of `sources` into the corpus.
pub(crate) fn run(
    options: &Options,
    sources: &[Source],
    mirror: Option<url::Url>,
    outlets: &crate::outlets::Outlets,
    progress: &mut dyn Progress,
) -> Result<Summary, String> {
    walk::run(options, sources, mirror, outlets, progress)
}

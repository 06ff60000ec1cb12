//! The tantivy index over every turn, queries and snippets.
//!
//! API CONTRACT (the TUI codes against it): the types below are final.
//! The work is split by job: `analyzers` (how text becomes terms), `schema`
//! (a turn as a document), `store` (open/validate/build/update on disk),
//! `syntax` (the search bar's language), `pieces` (its words, `OR`, `-word`),
//! `query` (tantivy queries),
//! `run` (executing them), `highlight` and `snippet` (showing matches),
//! `service` (the worker thread).

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::model::Conference;
use crate::outlets::Outlets;

mod analyzers;
mod dates;
mod highlight;
mod pieces;
mod query;
mod run;
mod scan;
mod schema;
mod service;
mod similar;
mod snippet;
mod stems;
mod store;
mod suggest;
mod syntax;
#[cfg(test)]
mod tests;

pub use scan::{Matched, Matches, TurnText};
pub(crate) use service::Slot;
pub use service::{DAMAGED, quietly};
pub(crate) use store::damaged;

/// Hits returned when a query asks for none (`limit: 0`), and by [`parse_query`].
pub(crate) const DEFAULT_LIMIT: usize = 50;

/// Filters that narrow a search; all `None` = whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Filters {
    /// Canonical outlet name (resolve aliases with `Outlets::canonical_for_query`).
    pub(crate) outlet: Option<String>,
    /// Spokesperson, case-insensitive, matches any part of the name ("guo" → Guo Jiakun).
    pub(crate) spokesperson: Option<String>,
    /// `fr`, `en`, `zh`.
    pub(crate) language: Option<String>,
    /// Inclusive ISO dates `YYYY-MM-DD`.
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
}

impl Filters {
    /// Adds the filters set in `over` (the CLI's flags); one given both ways with two
    /// different values is refused, naming both (see `syntax::set_once`).
    fn merge(&mut self, over: Filters) -> Result<(), Refusal> {
        let Filters {
            outlet,
            spokesperson,
            language,
            from,
            to,
        } = over;
        for (slot, what, value) in [
            (&mut self.outlet, "outlets", outlet),
            (&mut self.spokesperson, "spokespeople", spokesperson),
            (&mut self.language, "languages", language),
            (&mut self.from, "start dates", from),
            (&mut self.to, "end dates", to),
        ] {
            if let Some(value) = value {
                syntax::set_once(slot, what, value)?;
            }
        }
        Ok(())
    }
}

/// Why a query was not run: said to the user instead of a silent "no hit" or, worse, every
/// turn of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Refusal {
    /// Nothing in the query can be searched (`?`, `***`, `-`, a word over 40 bytes).
    #[error("nothing to search: {0}")]
    NothingToSearch(String),
    /// The query says something it cannot mean: an impossible date (`2025-02-30..`), a
    /// filter without a value (`lang:`) or given twice with two values.
    #[error("{0}")]
    BadQuery(String),
    /// A filter no turn can satisfy: an unknown outlet or language, reversed dates.
    #[error("{0}")]
    Unmatchable(String),
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Sort {
    /// BM25, newer first on ties.
    #[default]
    Relevance,
    /// Newest first.
    Newest,
}

/// A query as the index understands it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Free text: words (all must match), `"phrases"`, `a OR b`, `-word`, `-"a phrase"`.
    pub(crate) text: String,
    pub(crate) filters: Filters,
    /// Why the query as typed cannot be run, found while reading it: the search says
    /// this instead of running (see [`Refusal::BadQuery`]).
    pub(crate) refusal: Option<Refusal>,
    /// Search-as-you-type: the last word also matches as a prefix.
    pub prefix_last: bool,
    pub(crate) sort: Sort,
    pub limit: usize,
}

/// Parses what a user types in the search bar, e.g.
/// `outlet:AFP lang:fr spokesperson:guo 2024-01..2025-06 taiwan "mer de chine"`.
/// Never fails: anything it cannot read is searched as plain words; a filter it reads but
/// that cannot mean anything (`2025-02-30`, `lang:`, `lang:fr lang:en`) is kept in
/// `refusal`, which the search says instead of running.
/// Partial dates widen: `2024-01` as a start means 2024-01-01, as an end 2024-01-31; `2024` likewise.
///
/// The result has `prefix_last: false`, `Sort::Relevance` and
/// `limit: DEFAULT_LIMIT`; the search bar sets `prefix_last` itself. When the
/// input ends with a filter or a space, `text` ends with a space, so the last
/// word is complete and never taken as a prefix.
pub fn parse_query(input: &str, outlets: &Outlets) -> Query {
    parse_query_with(input, Filters::default(), outlets)
}

/// [`parse_query`] with filters given apart (the CLI's `--outlet`, `--lang`, `--from`…),
/// which join those typed in `input` (the same filter typed with another value is refused);
/// an outlet is resolved through the alias table.
/// The TUI and the CLI both build their queries here, and [`SearchIndex::search`] checks
/// and runs them: one path, so the same words give the same hits.
pub(crate) fn parse_query_with(input: &str, flags: Filters, outlets: &Outlets) -> Query {
    // The stored text went through the same rule: NFD `é` typed or pasted finds NFC `é`.
    let mut q = syntax::parse(&crate::text::sanitize(input, false), outlets);
    let flags = Filters {
        outlet: flags.outlet.map(|o| outlets.canonical_for_query(&o)),
        language: flags.language.map(|l| l.to_lowercase()),
        ..flags
    };
    if let Err(e) = q.filters.merge(flags) {
        q.refusal.get_or_insert(e);
    }
    q
}

/// A highlighted excerpt. `highlights` are *char* (not byte) ranges into `text`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Snippet {
    pub(crate) text: String,
    pub(crate) highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The highlighted words, as text.
    #[cfg(test)]
    pub(crate) fn highlighted(&self) -> Vec<String> {
        char_slices(&self.text, &self.highlights)
    }
}

/// The pieces of `text` at these char ranges (ranges past the end are cut short).
#[cfg(test)]
pub(crate) fn char_slices(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    ranges
        .iter()
        .map(|r| {
            let end = r.end.min(chars.len());
            chars[r.start.min(end)..end].iter().collect()
        })
        .collect()
}

/// One matching turn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub(crate) conference: String,
    /// 0-based index into the conference's `turns`.
    pub(crate) turn: usize,
    pub(crate) date: String,
    pub(crate) language: String,
    pub(crate) outlet: Option<String>,
    pub(crate) spokesperson: Option<String>,
    pub(crate) score: f32,
    pub(crate) snippet: Snippet,
}

/// Finds every matched word in any text of the searched language(s), for
/// highlighting a whole turn in the reader. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub(crate) struct Highlighter {
    /// Term sequences per analysis; shared, so results clone cheaply.
    sequences: Arc<highlight::Sequences>,
}

impl Highlighter {
    /// Char ranges of every match in `text` (prefix expansions of the
    /// half-typed word included), sorted, non-overlapping.
    pub(crate) fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.ranges_in(text, None)
    }

    /// The same for a text known to be in `language` (only its own stems match,
    /// as in the index).
    pub(crate) fn ranges_for(&self, text: &str, language: &str) -> Vec<Range<usize>> {
        self.ranges_in(text, Some(language))
    }
}

/// The answer to one query.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub(crate) hits: Vec<Hit>,
    /// Number of matching turns (may exceed `hits.len()`).
    pub total: usize,
    pub(crate) elapsed: Duration,
    pub(crate) highlighter: Highlighter,
    /// Set when the query was not run, with the reason (then there is no hit).
    pub(crate) refusal: Option<Refusal>,
}

/// One outlet across the corpus (the `outlets` command's row).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct OutletSummary {
    pub(crate) outlet: String,
    pub(crate) questions: usize,
    /// ISO days of its first and last question.
    pub(crate) first: String,
    pub(crate) last: String,
}

/// A question turn located in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TurnRef {
    pub(crate) conference: String,
    pub(crate) turn: usize,
    pub(crate) date: String,
}

/// An error opening, building or searching the index, as one sentence for people.
/// (No caller branches on its kind: each shows it and carries on or exits.)
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct IndexError(pub String);

/// The index: read-only for searching; building and updating use a short-lived writer.
pub struct SearchIndex {
    opened: store::Opened,
    /// A lock file kept open while the index is in use (see `library`), so no
    /// other process deletes the files under it.
    hold: Option<std::fs::File>,
}

impl SearchIndex {
    /// Opens the index in `dir` if it exists, is readable, was built with this
    /// schema/analyzer version and for `stamp` (a fingerprint of the corpus);
    /// otherwise rebuilds it from `conferences()` (called only then) and returns
    /// the reason as a one-line note ("index missing", "index damaged, rebuilt: …").
    #[cfg(test)]
    pub(crate) fn open_or_build<I>(
        dir: &Path,
        stamp: u64,
        conferences: impl FnOnce() -> I,
    ) -> Result<(SearchIndex, Option<String>), IndexError>
    where
        I: IntoIterator<Item = Conference>,
    {
        let (opened, note) = store::open_or_build(dir, stamp, conferences)?;
        Ok((SearchIndex { opened, hold: None }, note))
    }

    /// Opens the index in `dir` if sound and built for `stamp`, else says why not.
    pub(crate) fn open_current(dir: &Path, stamp: u64) -> Result<SearchIndex, String> {
        store::check(dir, stamp).map(|opened| SearchIndex { opened, hold: None })
    }

    /// Builds an index of `conferences` for `stamp` in `dir` (emptied first).
    pub(crate) fn build(
        dir: &Path,
        stamp: u64,
        conferences: impl IntoIterator<Item = Conference>,
    ) -> Result<SearchIndex, IndexError> {
        store::build_in_dir(dir, stamp, conferences)
            .map(|opened| SearchIndex { opened, hold: None })
    }

    /// The same index, keeping `lock` open as long as it lives.
    #[must_use]
    pub(crate) fn holding(mut self, lock: std::fs::File) -> SearchIndex {
        self.hold = Some(lock);
        self
    }

    /// The folder it was opened from (`None` in memory).
    pub(crate) fn dir(&self) -> Option<&Path> {
        self.opened.dir.as_deref()
    }

    /// An index held in memory (the bundled sample, tests).
    pub fn in_memory(conferences: &[Conference]) -> Result<SearchIndex, IndexError> {
        store::in_memory(conferences).map(|opened| SearchIndex { opened, hold: None })
    }

    /// Replaces the documents of these conferences (by id) and removes
    /// `removed` ids, then records `stamp`. Used by `import`.
    pub(crate) fn update(
        dir: &Path,
        stamp: u64,
        changed: &[Conference],
        removed: &[String],
    ) -> Result<(), IndexError> {
        store::update(dir, stamp, changed, removed)
    }

    /// Whether the index in `dir` was built (and completed) for `stamp` with this schema:
    /// then an import may update it in place instead of rebuilding.
    pub(crate) fn is_current(dir: &Path, stamp: u64) -> bool {
        store::is_current(dir, stamp)
    }

    /// Sees documents committed by another process since the last reload.
    #[cfg(test)]
    pub(crate) fn reload(&self) -> Result<(), IndexError> {
        self.opened
            .reader
            .reload()
            .map_err(|e| IndexError(format!("cannot reload the index: {e}")))
    }

    /// Runs a query.
    pub fn search(&self, query: &Query) -> Result<Results, IndexError> {
        run::search(&self.opened, query)
    }

    /// Every question asked by `outlet` (canonical), newest first, in turn order within a day.
    pub(crate) fn outlet_turns(&self, outlet: &str) -> Result<Vec<TurnRef>, IndexError> {
        run::outlet_turns(&self.opened, outlet)
    }

    /// Every outlet with its questions, first and last day, most questions first.
    pub(crate) fn outlet_summary(&self) -> Result<Vec<OutletSummary>, IndexError> {
        run::outlet_summary(&self.opened)
    }

    /// Every turn `query` matches (exactly the set `search` counts in `total`;
    /// `limit` and `sort` are ignored; refused as `search` refuses), newest first,
    /// with the highlighter of its words.
    pub fn matches(&self, query: &Query) -> Result<Matches, IndexError> {
        scan::matches(&self.opened, query)
    }

    /// Every question turn, newest first (outlet activity).
    pub fn questions(&self) -> Result<Vec<Matched>, IndexError> {
        scan::questions(&self.opened)
    }

    /// The stored text of turn `turn` of `conference`; `None` when not indexed.
    pub fn turn_text(&self, conference: &str, turn: usize) -> Result<Option<TurnText>, IndexError> {
        Ok(scan::find(&self.opened, conference, turn)?.map(|d| scan::turn_text(&self.opened, &d)))
    }

    /// Up to `limit` turns in the same language whose text is most like the
    /// answer of `turn` of `conference`, best first, with scores; `None` when
    /// that turn is not indexed.
    pub fn similar(
        &self,
        conference: &str,
        turn: usize,
        limit: usize,
    ) -> Result<Option<Vec<(Matched, f32)>>, IndexError> {
        similar::similar(&self.opened, conference, turn, limit)
    }

    /// Number of documents (turns) and bytes on disk (0 in memory).
    pub(crate) fn stats(&self) -> (usize, u64) {
        store::stats(&self.opened)
    }
}

/// Runs searches on a worker thread that owns the index, for the TUI.
/// `submit` never blocks; only the newest pending query is kept; each answer
/// carries the generation it was asked with, so the caller drops stale ones.
/// Dropping it stops the worker after the search in progress (the thread is
/// not joined, so a `deliver` that waits on the dropping thread cannot deadlock).
pub(crate) struct SearchService {
    slot: Arc<service::Slot<(u64, Query)>>,
}

impl Drop for SearchService {
    fn drop(&mut self) {
        self.slot.close();
    }
}

impl SearchService {
    /// Starts the worker; `deliver` is called on the worker thread with each answer.
    pub(crate) fn spawn(
        index: std::sync::Arc<SearchIndex>,
        deliver: impl Fn(u64, Result<Results, IndexError>) + Send + 'static,
    ) -> SearchService {
        let slot = Arc::new(service::Slot::default());
        // Without a thread (the OS refused one) queries are simply never answered.
        let _worker = service::spawn(index, Arc::clone(&slot), deliver);
        SearchService { slot }
    }

    /// Asks for `query`; replaces any query still waiting.
    pub(crate) fn submit(&self, generation: u64, query: Query) {
        self.slot.submit((generation, query));
    }
}

//! The corpus folder: load, save atomically, a cached catalogue, and the bundled sample fallback.
//!
//! Conferences live in `<corpus>/conferences/<id>.json` (the source of truth).
//! Derived data (catalogue, index) lives under the cache folder and can always be rebuilt.

mod catalog;
mod sample;
mod store;

use std::path::{Path, PathBuf};

pub use catalog::Entry;
pub use store::{conference_from_json, save_conference};
pub(crate) use store::{
    file_for, holds, remove_temporaries, save_conference_unflushed, stored_source,
};

use crate::problem::Problem;
use crate::text::escape_controls;

/// Why one conference could not be loaded by id: a wrong id and a damaged file call for
/// different advice.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no conference with id {}", escape_controls(.id))]
    NotFound { id: String },
    #[error(transparent)]
    Damaged(#[from] Problem),
}

use crate::model::Conference;

/// Where the corpus is, as CLI.md orders it: flag, then `BRIEFINGS_CORPUS`, then the data dir.
pub(crate) fn resolve_dir(flag: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("BRIEFINGS_CORPUS").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::data_dir()
        .map(|d| d.join("briefings"))
        .ok_or_else(|| {
            "No data directory is known for this user; pass --corpus DIR or set BRIEFINGS_CORPUS."
                .to_string()
        })
}

/// The cache folder for a corpus: `BRIEFINGS_CACHE` or `<cache dir>/briefings`,
/// then a key derived from the corpus path so several corpora never share an index.
pub(crate) fn cache_dir_for(corpus_dir: &Path) -> PathBuf {
    let base = std::env::var_os("BRIEFINGS_CACHE")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::cache_dir().map(|d| d.join("briefings")))
        .unwrap_or_else(|| std::env::temp_dir().join("briefings-cache"));
    let absolute = resolved(corpus_dir);
    let name = absolute
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(24)
                .collect::<String>()
        })
        .unwrap_or_default();
    base.join(format!(
        "{name}-{:016x}",
        fnv(absolute.to_string_lossy().as_bytes())
    ))
}

/// The path `dir` will have once it exists: its nearest existing ancestor
/// resolved, the rest appended. An import names its cache before it creates
/// the corpus folder, and every later command resolves the existing folder:
/// both must land on the same cache (a plain `canonicalize` fell back to the
/// relative path for a folder not made yet, so the first search rebuilt).
fn resolved(dir: &Path) -> PathBuf {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut rest = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |p, c| p.join(c));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

pub(crate) use crate::text::fnv;

/// An open corpus: a folder on disk, or the bundled sample when the folder holds nothing.
pub struct Corpus {
    kind: Kind,
}

enum Kind {
    Dir(PathBuf),
    Sample(Vec<Conference>),
}

impl Corpus {
    /// The folder at `dir`, or the bundled sample when it holds no conference
    /// (the second value then says so, for the status bar / stderr).
    pub(crate) fn open_or_sample(dir: &Path) -> (Corpus, Option<String>) {
        if store::has_conferences(dir) {
            (
                Corpus {
                    kind: Kind::Dir(dir.to_path_buf()),
                },
                None,
            )
        } else {
            let note = format!(
                "{} holds no conference yet: showing the bundled sample (illustrative text, not real transcripts). Import transcripts with `briefings import PATH`.",
                dir.display()
            );
            (Corpus::sample(), Some(note))
        }
    }

    /// The folder at `dir`, even when empty.
    pub fn dir(dir: &Path) -> Corpus {
        Corpus {
            kind: Kind::Dir(dir.to_path_buf()),
        }
    }

    /// The sample corpus bundled in the binary (written for this project, illustrative).
    pub fn sample() -> Corpus {
        Corpus {
            kind: Kind::Sample(sample::conferences()),
        }
    }

    pub(crate) fn is_sample(&self) -> bool {
        matches!(self.kind, Kind::Sample(_))
    }

    /// The folder, or `None` for the sample.
    pub(crate) fn path(&self) -> Option<&Path> {
        match &self.kind {
            Kind::Dir(p) => Some(p),
            Kind::Sample(_) => None,
        }
    }

    /// A short name for status lines.
    pub(crate) fn describe(&self) -> String {
        match &self.kind {
            Kind::Dir(p) => p.display().to_string(),
            Kind::Sample(_) => "illustrative sample".to_string(),
        }
    }

    /// Fingerprint of the stored conferences (names, sizes, modification times).
    pub fn stamp(&self) -> u64 {
        match &self.kind {
            Kind::Dir(p) => store::stamp(p),
            Kind::Sample(c) => fnv(serde_json::to_string(c).unwrap_or_default().as_bytes()),
        }
    }

    /// Every conference that loads, newest first, and a problem per file that does not.
    pub fn load_all(&self) -> (Vec<Conference>, Vec<Problem>) {
        let (mut confs, problems) = match &self.kind {
            Kind::Dir(p) => store::load_all(p),
            Kind::Sample(c) => (c.clone(), Vec::new()),
        };
        sort_newest_first(&mut confs);
        (confs, problems)
    }

    /// One conference by id.
    pub fn load(&self, id: &str) -> Result<Conference, LoadError> {
        match &self.kind {
            Kind::Dir(p) => store::load_one(p, id),
            Kind::Sample(c) => c
                .iter()
                .find(|c| c.id == id)
                .cloned()
                .ok_or_else(|| LoadError::NotFound { id: id.to_string() }),
        }
    }

    /// The catalogue (one row per conference, newest first) and the files
    /// that failed to load. Read from the cache when it matches the corpus;
    /// otherwise every file is read once and the cache rewritten.
    pub fn catalog(&self) -> (Vec<Entry>, Vec<Problem>) {
        match &self.kind {
            Kind::Dir(p) => catalog::cached(&cache_dir_for(p), self.stamp(), || self.load_all()),
            Kind::Sample(c) => {
                let mut confs = c.clone();
                sort_newest_first(&mut confs);
                let mut entries: Vec<Entry> = confs.iter().map(Entry::of).collect();
                crate::versions::link(&mut entries);
                (entries, Vec::new())
            }
        }
    }
}

impl Corpus {
    /// The cached catalogue if it was stored for exactly `stamp`.
    pub(crate) fn cached_catalog(&self, stamp: u64) -> Option<(Vec<Entry>, Vec<Problem>)> {
        self.path()
            .and_then(|p| catalog::read(&cache_dir_for(p), stamp))
    }

    /// Stores the catalogue of the corpus as it was at `stamp` (taken before
    /// the conferences were read, so a change meanwhile makes it stale, never wrong).
    pub(crate) fn store_catalog_for(
        &self,
        stamp: u64,
        mut entries: Vec<Entry>,
        problems: &[Problem],
    ) {
        if let Some(p) = self.path() {
            entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
            crate::versions::link(&mut entries);
            catalog::store(&cache_dir_for(p), stamp, &entries, problems);
        }
    }

    /// Every conference that loads except those with the given ids (already in hand).
    pub(crate) fn load_all_except(
        &self,
        ids: &std::collections::HashSet<&str>,
    ) -> (Vec<Conference>, Vec<Problem>) {
        match &self.kind {
            Kind::Dir(p) => store::load_all_except(p, ids),
            Kind::Sample(c) => (
                c.iter()
                    .filter(|c| !ids.contains(c.id.as_str()))
                    .cloned()
                    .collect(),
                Vec::new(),
            ),
        }
    }
}

/// Newest first; within a day, by id so `-2` follows the first conference.
pub(crate) fn sort_newest_first(confs: &mut [Conference]) {
    confs.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
}

//! The one owner of a corpus folder and its caches (catalogue, search index):
//! open, import, rebuild, refresh — for the CLI, the TUI and `sync` alike.
//!
//! Several processes may use one corpus at once. Writers (import, rebuild)
//! take the cache folder's writer lock; the index is built beside the one in
//! use and switched atomically (see [`generations`]); readers never take the
//! writer lock unless the index must be (re)built, and then they wait for it
//! and use what another process built meanwhile.

mod generations;
mod lock;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::corpus::{Corpus, Entry, cache_dir_for};
use crate::import::Report;
use crate::model::Conference;
use crate::outlets::Outlets;
use crate::problem::Problem;
use crate::search::{IndexError, SearchIndex};
use lock::{HoldError, ReaderHold, WriterLock};

/// A corpus with its caches. Cheap to share (`Arc`) between threads.
pub struct Library {
    corpus: Arc<Corpus>,
    /// `None` for the bundled sample (indexed in memory).
    cache: Option<PathBuf>,
}

/// What a refresh found: the catalogue and the index as the corpus is now.
pub(crate) struct Snapshot {
    pub(crate) entries: Vec<Entry>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) index: Result<(SearchIndex, Option<String>), IndexError>,
}

/// How many times a reader re-reads the pointer when a writer switches generations under it.
const RETRIES: usize = 50;

impl Library {
    /// The corpus at `dir` for reading, or the bundled sample when it holds no
    /// conference (the note then says so). A `dir` or `dir/conferences` that
    /// is a file is an error, never an empty corpus.
    pub(crate) fn open(dir: &Path) -> Result<(Library, Option<String>), String> {
        check_folders(dir)?;
        let (corpus, note) = Corpus::open_or_sample(dir);
        Ok((Library::of(corpus), note))
    }

    /// The folder at `dir` even when empty (to import into).
    pub fn at(dir: &Path) -> Result<Library, String> {
        check_folders(dir)?;
        Ok(Library::of(Corpus::dir(dir)))
    }

    fn of(corpus: Corpus) -> Library {
        let cache = corpus.path().map(cache_dir_for);
        Library {
            corpus: Arc::new(corpus),
            cache,
        }
    }

    pub(crate) fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// The cache folder (`None` for the sample).
    pub(crate) fn cache(&self) -> Option<&Path> {
        self.cache.as_deref()
    }

    /// The catalogue, newest first, and the files that did not load.
    pub(crate) fn catalog(&self) -> (Vec<Entry>, Vec<Problem>) {
        self.corpus.catalog()
    }

    /// The index as the corpus is now: the published one when current and
    /// sound, else rebuilt (under the writer lock; the note says why). With a
    /// cache that cannot be written, an index built in memory (the note says why).
    pub fn index(&self) -> Result<(SearchIndex, Option<String>), IndexError> {
        let Some(cache) = self.cache.as_deref() else {
            let (confs, _) = self.corpus.load_all();
            return Ok((SearchIndex::in_memory(&confs)?, None));
        };
        let reason = match Self::open_published(cache, self.corpus.stamp()) {
            Ok(ix) => return Ok((ix, None)),
            Err(reason) => reason,
        };
        let _lock = match WriterLock::acquire(cache) {
            Ok(l) => l,
            Err(e) => return self.in_memory(&reason, &e),
        };
        // Another process may have built it while we waited for the lock.
        let stamp = self.corpus.stamp();
        if let Ok(ix) = Self::open_published(cache, stamp) {
            return Ok((ix, None));
        }
        let (confs, _) = self.corpus.load_all();
        match Self::build(cache, stamp, confs) {
            Ok(ix) => Ok((ix, Some(reason))),
            Err(e) => self.in_memory(&reason, &e.0),
        }
    }

    /// Rebuilds the index from every file and rewrites the catalogue (after
    /// an edit in place, or when the index is damaged). Returns the index and
    /// the files that did not load.
    pub(crate) fn rebuild(&self) -> Result<(SearchIndex, Vec<Problem>), IndexError> {
        let Some(cache) = self.cache.as_deref() else {
            let (confs, problems) = self.corpus.load_all();
            return Ok((SearchIndex::in_memory(&confs)?, problems));
        };
        let _lock = WriterLock::acquire(cache).map_err(IndexError)?;
        if let Some(dir) = self.corpus.path() {
            crate::corpus::remove_temporaries(dir);
        }
        let stamp = self.corpus.stamp();
        let (confs, problems) = self.corpus.load_all();
        self.corpus
            .store_catalog_for(stamp, confs.iter().map(Entry::of).collect(), &problems);
        Ok((Self::build(cache, stamp, confs)?, problems))
    }

    /// The catalogue and index again, seeing additions, changes and deletions
    /// made by any process since they were last read.
    pub(crate) fn refresh(&self) -> Snapshot {
        let (entries, problems) = self.catalog();
        Snapshot {
            entries,
            problems,
            index: self.index(),
        }
    }

    /// Imports transcript files and folders, then brings the caches up to date.
    /// The second value is a warning when the caches could not be updated.
    pub(crate) fn import_paths(
        &self,
        paths: &[PathBuf],
        outlets: &Outlets,
    ) -> (Report, Option<String>) {
        let dir = self.corpus.path().map(Path::to_path_buf);
        self.write(|| match dir {
            Some(dir) => crate::import::import_paths(&dir, paths, outlets),
            None => Report::default(),
        })
    }

    /// Brings the caches up to date after the caller saved `written` into the
    /// folder itself since `before` (the folder's [`Corpus::stamp`] when it
    /// started). `sync` and `import --reparse` save each conference the moment
    /// its page is parsed, so a killed walk keeps every one it wrote; the files
    /// are not written a second time here. `removed`: some conference files
    /// were deleted, so the caches are rebuilt. Returns a warning when the
    /// caches could not be updated (the next reader rebuilds them).
    pub(crate) fn saved(
        &self,
        before: u64,
        written: &[Conference],
        removed: bool,
    ) -> Option<String> {
        if removed {
            return self.rebuild().err().map(|e| e.to_string());
        }
        let cache = self.cache.as_deref()?;
        if written.is_empty() {
            return None;
        }
        let lock = WriterLock::acquire(cache);
        if lock.is_ok()
            && let Some(dir) = self.corpus.path()
        {
            // Debris of an earlier walk that was killed mid-write.
            crate::corpus::remove_temporaries(dir);
        }
        self.after_write(cache, lock, before, written)
    }

    /// Runs `write` (which saves conferences into the folder) under the writer
    /// lock, then updates the catalogue and the index in place when they were
    /// current, else rebuilds them.
    fn write(&self, write: impl FnOnce() -> Report) -> (Report, Option<String>) {
        let Some(cache) = self.cache.as_deref() else {
            return (write(), None);
        };
        // Without the lock (a read-only cache) the corpus is still written:
        // it is the source of truth; the caches are rebuilt by the next reader that can.
        let lock = WriterLock::acquire(cache);
        if lock.is_ok()
            && let Some(dir) = self.corpus.path()
        {
            // Debris of a killed import (no other writer runs: we hold the lock).
            crate::corpus::remove_temporaries(dir);
        }
        let before = self.corpus.stamp();
        let report = write();
        let warning = self.after_write(cache, lock, before, &report.written);
        (report, warning)
    }

    /// The caches after `written` were saved, when the writer lock could be
    /// had (debris of a killed writer removed first); else why not.
    fn after_write(
        &self,
        cache: &Path,
        lock: Result<WriterLock, String>,
        before: u64,
        written: &[Conference],
    ) -> Option<String> {
        match lock {
            Err(e) => Some(e),
            Ok(_) if written.is_empty() => None,
            Ok(_lock) => self.update_caches(cache, before, written).err().map(|e| {
                format!(
                    "the search index could not be updated ({e}); it will be rebuilt on next use"
                )
            }),
        }
    }

    /// After `written` were saved (writer lock held): catalogue and index.
    fn update_caches(
        &self,
        cache: &Path,
        before: u64,
        written: &[Conference],
    ) -> Result<(), IndexError> {
        let corpus = &self.corpus;
        let stamp = corpus.stamp();
        let ids: HashSet<&str> = written.iter().map(|c| c.id.as_str()).collect();
        let mut others = None;
        if let Some((mut entries, mut problems)) = corpus.cached_catalog(before) {
            entries.retain(|e| !ids.contains(e.id.as_str()));
            // A damaged file replaced by this import is no longer a problem.
            problems.retain(|p| {
                p.path
                    .file_stem()
                    .is_none_or(|s| !ids.contains(s.to_string_lossy().as_ref()))
            });
            entries.extend(written.iter().map(Entry::of));
            corpus.store_catalog_for(stamp, entries, &problems);
        } else {
            let (rest, problems) = corpus.load_all_except(&ids);
            let entries = written.iter().chain(&rest).map(Entry::of).collect();
            corpus.store_catalog_for(stamp, entries, &problems);
            others = Some(rest);
        }
        let current = generations::current(cache)
            .map(|n| generations::dir(cache, n))
            .filter(|d| SearchIndex::is_current(d, before));
        if let Some(from) = current {
            let (n, to) = generations::fresh(cache).map_err(|e| io_err(cache, &e))?;
            generations::copy(&from, &to).map_err(|e| io_err(&to, &e))?;
            SearchIndex::update(&to, stamp, written, &[])?;
            return Self::publish(cache, n, &to);
        }
        let rest = others.unwrap_or_else(|| corpus.load_all_except(&ids).0);
        Self::build(cache, stamp, written.iter().cloned().chain(rest).collect()).map(drop)
    }

    /// Builds a new generation of `confs` for `stamp` and publishes it (writer lock held).
    fn build(cache: &Path, stamp: u64, confs: Vec<Conference>) -> Result<SearchIndex, IndexError> {
        let (n, dir) = generations::fresh(cache).map_err(|e| io_err(cache, &e))?;
        let ix = SearchIndex::build(&dir, stamp, confs)?;
        Self::publish(cache, n, &dir)?;
        let hold = ReaderHold::take(&dir)
            .map_err(|_| IndexError(format!("{}: the new index vanished", dir.display())))?;
        Ok(ix.holding(hold.into_file()))
    }

    /// Seals generation `n`, points readers at it and removes the unused ones.
    fn publish(cache: &Path, n: u64, dir: &Path) -> Result<(), IndexError> {
        generations::seal(dir).map_err(|e| io_err(dir, &e))?;
        generations::publish(cache, n).map_err(|e| io_err(cache, &e))?;
        generations::clean(cache, n);
        Ok(())
    }

    /// The published generation if it is sound and built for `stamp`; else why not.
    fn open_published(cache: &Path, stamp: u64) -> Result<SearchIndex, String> {
        for _ in 0..RETRIES {
            let Some(n) = generations::current(cache) else {
                let pointer = cache.join(generations::POINTER);
                // A pointer that is there but names no generation is damage, not absence.
                return Err(if pointer.symlink_metadata().is_ok() {
                    crate::search::damaged(&format!(
                        "{} names no index generation",
                        crate::text::show_path(&pointer)
                    ))
                } else {
                    "index missing".into()
                });
            };
            let dir = generations::dir(cache, n);
            let hold = match ReaderHold::take(&dir) {
                Ok(h) => h,
                // A writer switched generations under us: read the pointer again.
                Err(HoldError::Gone) if generations::current(cache) != Some(n) => continue,
                Err(HoldError::Gone) => return Err("index incomplete; rebuilt".into()),
                Err(HoldError::Other(e)) => return Err(format!("index unreadable ({e}); rebuilt")),
            };
            if generations::current(cache) != Some(n) {
                continue;
            }
            return SearchIndex::open_current(&dir, stamp).map(|ix| ix.holding(hold.into_file()));
        }
        Err("the index kept changing while it was opened; rebuilt".into())
    }

    /// The fallback when the cache cannot be written: the index in memory, and why.
    fn in_memory(
        &self,
        reason: &str,
        why: &str,
    ) -> Result<(SearchIndex, Option<String>), IndexError> {
        let (confs, _) = self.corpus.load_all();
        let ix = SearchIndex::in_memory(&confs)?;
        Ok((
            ix,
            Some(format!(
                "{reason}; the cache cannot be written ({why}): searched an index built in memory"
            )),
        ))
    }
}

fn io_err(path: &Path, e: &std::io::Error) -> IndexError {
    IndexError(format!("{}: {e}", path.display()))
}

/// A corpus path, or its `conferences` folder, that is not a readable folder (a file, a FIFO,
/// a symlink loop, a folder that cannot be read) is an error naming it, never an empty corpus.
/// Missing is fine: nothing imported yet.
fn check_folders(dir: &Path) -> Result<(), String> {
    check_folder(
        dir,
        "the corpus path; pass --corpus DIR with a folder",
        false,
    )?;
    check_folder(
        &dir.join("conferences"),
        "the corpus keeps its conferences in this folder; move it away or fix it",
        true,
    )
}

fn check_folder(path: &Path, what: &str, must_read: bool) -> Result<(), String> {
    let shown = crate::text::show_path(path);
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{shown}: cannot be opened ({e}): {what}.")),
        Ok(m) if !m.is_dir() => {
            let kind = if m.is_file() {
                "a file"
            } else {
                "not a folder (a pipe, socket or device)"
            };
            Err(format!("{shown}: is {kind}, not a folder: {what}."))
        }
        Ok(_) if must_read => std::fs::read_dir(path)
            .map(drop)
            .map_err(|e| format!("{shown}: cannot be read ({e}): {what}.")),
        Ok(_) => Ok(()),
    }
}

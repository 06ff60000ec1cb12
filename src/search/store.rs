//! The index on disk (or in memory): open, validate, build, update.
//!
//! The index is a cache of the corpus. Next to tantivy's files, `briefings-index.json`
//! records the schema/analyzer version and the corpus stamp it was built for;
//! it is written only after a successful commit, so an interrupted build
//! leaves no stamp and is rebuilt on the next open.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::IndexError;
use super::analyzers;
use super::schema::{self, Fields, SCHEMA_VERSION};
use crate::model::Conference;
use crate::text::show_path;

/// The stamp file's name inside the index directory.
pub(crate) const STAMP_FILE: &str = "briefings-index.json";

/// Writer memory budget: tantivy splits it across its indexing threads.
const WRITER_HEAP: usize = 400_000_000;

/// How long `update` waits for another process's writer to finish.
const LOCK_PATIENCE: Duration = Duration::from_secs(5);

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[allow(clippy::struct_field_names)] // the keys of the stamp file on disk
struct Stamp {
    schema: u32,
    stamp: u64,
    /// The index files as they were when last known sound: when none changed,
    /// opening skips reading every byte to verify checksums (which would cost
    /// tens of milliseconds and the page cache). See [`Seen`].
    #[serde(default)]
    seen: Vec<Seen>,
    /// Fingerprint of `meta.json`, which tantivy does not checksum: checked on
    /// every open (it is read anyway), so a changed byte there is never trusted.
    #[serde(default)]
    meta: u64,
}

/// One index file: name, length, modification time and status-change time
/// (ns), inode. Any write through the OS changes the status-change time, even
/// when the modification time is put back: then the checksums are verified.
type Seen = (String, u64, u128, u128, u64);

/// An opened index with its reader.
pub(super) struct Opened {
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) dir: Option<PathBuf>,
}

fn err(context: &str, e: impl std::fmt::Display) -> IndexError {
    IndexError(format!("{context}: {e}"))
}

/// Opens `dir` if it is sound and current, else rebuilds it; returns why it rebuilt.
#[cfg(test)]
pub(super) fn open_or_build<I>(
    dir: &Path,
    stamp: u64,
    conferences: impl FnOnce() -> I,
) -> Result<(Opened, Option<String>), IndexError>
where
    I: IntoIterator<Item = Conference>,
{
    let reason = match check(dir, stamp) {
        Ok(opened) => return Ok((opened, None)),
        Err(reason) => reason,
    };
    let opened = build_in_dir(dir, stamp, conferences())?;
    Ok((opened, Some(reason)))
}

/// The index in `dir` if usable as is, else the reason to rebuild it.
pub(super) fn check(dir: &Path, stamp: u64) -> Result<Opened, String> {
    let stamp_path = dir.join(STAMP_FILE);
    if !stamp_path.exists() && !dir.join("meta.json").exists() {
        return Err("index missing".into());
    }
    let recorded = match read_stamp(dir) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err("index incomplete (an earlier build was interrupted); rebuilt".into());
        }
        Err(_) => {
            return Err(damaged(&format!(
                "{} cannot be read",
                show_path(&stamp_path)
            )));
        }
    };
    if recorded.schema != SCHEMA_VERSION {
        return Err("index format changed; rebuilt".into());
    }
    if recorded.stamp != stamp {
        return Err("corpus changed since the index was built; rebuilt".into());
    }
    let meta = std::fs::read(dir.join("meta.json")).map_or(0, |b| crate::text::fnv(&b));
    if recorded.meta != 0 && recorded.meta != meta {
        return Err(damaged(&format!(
            "{} changed since it was built",
            show_path(&dir.join("meta.json"))
        )));
    }
    let verify =
        recorded.meta == 0 || recorded.seen.is_empty() || recorded.seen != index_files(dir);
    // A garbled file may make tantivy panic rather than fail: treat that as corruption too.
    super::quietly(|| open_validated(dir, verify).map_err(IndexError)).map_err(|e| {
        damaged(&if e.0 == super::DAMAGED {
            format!("tantivy failed on {}", show_path(dir))
        } else {
            e.0
        })
    })
}

/// The note of an index found damaged: a plain sentence with the path, never tantivy's
/// `Debug` text (`DataCorruption { filepath: Some(…) }`), which says nothing to people.
pub(crate) fn damaged(what: &str) -> String {
    format!("index damaged, rebuilt: {what}")
}

/// Opens `dir` and builds a reader; with `verify`, first checks every segment
/// file's checksum and, when sound, records the files so later opens can skip it.
fn open_validated(dir: &Path, verify: bool) -> Result<Opened, String> {
    let unreadable = |_| format!("tantivy cannot open {}", show_path(dir));
    let index = Index::open_in_dir(dir).map_err(unreadable)?;
    analyzers::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    if verify {
        let started = now_ns();
        if let Some(damage) = damaged_file(&index, dir)? {
            return Err(damage);
        }
        if let Ok(recorded) = read_stamp(dir) {
            // A read-only cache only costs a verification next time.
            let _ = write_stamp(dir, recorded.stamp, started);
        }
    }
    let reader = reader(&index).map_err(unreadable)?;
    Ok(Opened {
        reader,
        fields,
        dir: Some(dir.to_path_buf()),
    })
}

/// The first file of the segments in use that is damaged, said for people. Every file
/// meta.json names is checksummed, and must be in tantivy's list of its files
/// (`.managed.json`): `Index::validate_checksum` checks only the files of that list,
/// so a changed byte in one name there (still valid JSON) hid a later flip in that
/// file from it, and a hit read "vill visit" for "will visit"
/// (`tests/bitrot.rs::a_renamed_entry_in_the_managed_list_does_not_hide_a_later_flip`).
fn damaged_file(index: &Index, dir: &Path) -> Result<Option<String>, String> {
    let metas = index
        .load_metas()
        .map_err(|_| format!("{} cannot be read", show_path(&dir.join("meta.json"))))?;
    let managed = index.directory().list_managed_files();
    // The list itself, beyond being valid JSON: it names meta.json and only files that
    // are there. A flip inside one name ("meta.json" → "mdta.json") keeps it valid JSON.
    let list = show_path(&dir.join(".managed.json"));
    if !managed.contains(Path::new("meta.json")) {
        return Ok(Some(format!("{list} does not name meta.json")));
    }
    if let Some(ghost) = managed.iter().find(|f| !dir.join(f).exists()) {
        return Ok(Some(format!(
            "{list} names {}, which is not there",
            crate::text::show_path(ghost)
        )));
    }
    let mut files: Vec<PathBuf> = metas
        .list_segment_files()
        .into_iter()
        .filter(|p| dir.join(p).is_file())
        .collect();
    files.sort();
    for file in files {
        let shown = show_path(&dir.join(&file));
        if !managed.contains(&file) {
            return Ok(Some(format!("{shown} is missing from .managed.json")));
        }
        match index.directory().validate_checksum(&file) {
            Ok(true) => {}
            Ok(false) => return Ok(Some(format!("{shown} fails its checksum"))),
            Err(_) => return Ok(Some(format!("{shown} cannot be read whole"))),
        }
    }
    Ok(None)
}

fn reader(index: &Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
}

/// Whether the stamp file says this schema and `stamp`.
pub(super) fn is_current(dir: &Path, stamp: u64) -> bool {
    read_stamp(dir).is_ok_and(|s| s.schema == SCHEMA_VERSION && s.stamp == stamp)
}

fn read_stamp(dir: &Path) -> std::io::Result<Stamp> {
    let text = std::fs::read_to_string(dir.join(STAMP_FILE))?;
    serde_json::from_str(&text).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Now, in ns since the epoch (the unit of [`Seen`]).
fn now_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Whether a file's status-change time is safely before `sound_since` (when its bytes
/// were last known sound): file systems stamp times from a coarse clock (a kernel tick,
/// up to 10 ms; whole seconds on some), so a write in the same tick as the one
/// recorded would leave the time unchanged and be trusted unread. As git does with a
/// "racily clean" index, a file too young is not recorded: it is verified next time.
fn settled(changed: u128, sound_since: u128) -> bool {
    const TICK: u128 = 20_000_000;
    const SECOND: u128 = 1_000_000_000;
    let whole_seconds = changed.is_multiple_of(SECOND);
    let margin = if whole_seconds { 2 * SECOND } else { TICK };
    changed + margin < sound_since
}

/// Writes the stamp atomically (temporary file + rename); the files are recorded as
/// sound only when all are [`settled`] before `sound_since`.
fn write_stamp(dir: &Path, stamp: u64, sound_since: u128) -> Result<(), IndexError> {
    // Unique per writer: readers that verified the index may record it at once.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let mut seen = index_files(dir);
    if !seen.iter().all(|f| settled(f.3, sound_since)) {
        seen.clear();
    }
    let text = serde_json::to_string(&Stamp {
        schema: SCHEMA_VERSION,
        stamp,
        seen,
        meta: std::fs::read(dir.join("meta.json")).map_or(0, |b| crate::text::fnv(&b)),
    })
    .map_err(|e| err("cannot encode the index stamp", e))?;
    let tmp = dir.join(format!(
        ".{STAMP_FILE}.{}.{}.tmp",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, dir.join(STAMP_FILE)))
        .map_err(|e| {
            err(
                &format!("cannot write {}", dir.join(STAMP_FILE).display()),
                e,
            )
        })
}

/// The index's own files as [`Seen`], sorted (stamp, locks and temporaries excluded).
fn index_files(dir: &Path) -> Vec<Seen> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let nanos = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos())
    };
    let mut files: Vec<Seen> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let m = e.metadata().ok()?;
            // tantivy's list of its files counts: a change there can hide others.
            let ours = name.starts_with('.') && name != ".managed.json";
            let skip = name.starts_with(STAMP_FILE) || ours || !m.is_file();
            let (changed, inode) = status_change(&m);
            (!skip).then(|| (name, m.len(), nanos(m.modified()), changed, inode))
        })
        .collect();
    files.sort();
    files
}

/// Status-change time (ns) and inode of a file.
#[cfg(unix)]
fn status_change(m: &std::fs::Metadata) -> (u128, u64) {
    use std::os::unix::fs::MetadataExt;
    let ns = i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec());
    (u128::try_from(ns).unwrap_or(0), m.ino())
}

/// Elsewhere only the modification time is known (see [`Seen`]).
#[cfg(not(unix))]
fn status_change(_: &std::fs::Metadata) -> (u128, u64) {
    (0, 0)
}

/// Empties `dir` of files (an index is flat; subfolders are left alone) so a
/// rebuild never meets debris of a broken index.
fn clean(dir: &Path) -> Result<(), IndexError> {
    let cannot = |e| {
        err(
            &format!("cannot prepare the index folder {}", dir.display()),
            e,
        )
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    for entry in std::fs::read_dir(dir).map_err(cannot)? {
        let path = entry.map_err(cannot)?.path();
        if path.is_file() || path.is_symlink() {
            std::fs::remove_file(&path).map_err(cannot)?;
        }
    }
    Ok(())
}

/// Builds a fresh index of `conferences` in `dir`.
pub(super) fn build_in_dir(
    dir: &Path,
    stamp: u64,
    conferences: impl IntoIterator<Item = Conference>,
) -> Result<Opened, IndexError> {
    clean(dir)?;
    let index = Index::create_in_dir(dir, schema::schema())
        .map_err(|e| err(&format!("cannot create the index in {}", dir.display()), e))?;
    let opened = fill(&index, conferences, Some(dir))?;
    write_stamp(dir, stamp, now_ns())?;
    Ok(opened)
}

/// An index held in memory.
pub(super) fn in_memory(conferences: &[Conference]) -> Result<Opened, IndexError> {
    let index = Index::create_in_ram(schema::schema());
    fill(&index, conferences.iter().cloned(), None)
}

fn fill(
    index: &Index,
    conferences: impl IntoIterator<Item = Conference>,
    dir: Option<&Path>,
) -> Result<Opened, IndexError> {
    analyzers::register(index);
    let fields = Fields::from_schema(&index.schema()).map_err(IndexError)?;
    let writer: IndexWriter<TantivyDocument> = index
        .writer(WRITER_HEAP)
        .map_err(|e| err("cannot write the index", e))?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    for c in conferences {
        add_conference(&writer, &fields, &c)?;
    }
    commit(writer)?;
    let reader = reader(index).map_err(|e| err("cannot read the index", e))?;
    Ok(Opened {
        reader,
        fields,
        dir: dir.map(Path::to_path_buf),
    })
}

fn add_conference(
    writer: &IndexWriter<TantivyDocument>,
    f: &Fields,
    c: &Conference,
) -> Result<(), IndexError> {
    for (i, t) in c.turns.iter().enumerate() {
        writer
            .add_document(schema::turn_doc(f, c, i, t))
            .map_err(|e| err("cannot index a turn", e))?;
    }
    Ok(())
}

fn commit(mut writer: IndexWriter<TantivyDocument>) -> Result<(), IndexError> {
    writer
        .commit()
        .map_err(|e| err("cannot commit the index", e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| err("cannot finish merging the index", e))
}

/// Replaces the turns of `changed`, drops `removed`, records `stamp`.
/// A missing or outdated index is left for the next open to rebuild.
pub(super) fn update(
    dir: &Path,
    stamp: u64,
    changed: &[Conference],
    removed: &[String],
) -> Result<(), IndexError> {
    let usable = read_stamp(dir).is_ok_and(|s| s.schema == SCHEMA_VERSION);
    let index = usable.then(|| Index::open_in_dir(dir).ok()).flatten();
    let Some(index) = index else {
        // Without a stamp the next `open_or_build` rebuilds from the whole corpus.
        let _ = std::fs::remove_file(dir.join(STAMP_FILE));
        return Ok(());
    };
    analyzers::register(&index);
    let fields = Fields::from_schema(&index.schema()).map_err(IndexError)?;
    let writer = writer_when_free(&index)?;
    let ids = changed.iter().map(|c| &c.id).chain(removed);
    for id in ids {
        writer.delete_term(Term::from_field_text(fields.conference, id));
    }
    for c in changed {
        add_conference(&writer, &fields, c)?;
    }
    commit(writer)?;
    write_stamp(dir, stamp, now_ns())
}

/// A writer, waiting a little if another process holds the index's lock.
/// (The lock is an OS file lock: a killed process's lock vanishes with it;
/// only a live writer makes us wait.)
fn writer_when_free(index: &Index) -> Result<IndexWriter<TantivyDocument>, IndexError> {
    let start = Instant::now();
    loop {
        match index.writer(WRITER_HEAP) {
            Ok(w) => return Ok(w),
            Err(TantivyError::LockFailure(LockError::LockBusy, _))
                if start.elapsed() < LOCK_PATIENCE =>
            {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                return Err(IndexError(
                    "another briefings process is updating the index; try again when it is done"
                        .into(),
                ));
            }
            Err(e) => return Err(err("cannot write the index", e)),
        }
    }
}

/// Documents in the index and bytes its files take.
pub(super) fn stats(opened: &Opened) -> (usize, u64) {
    let docs = opened.reader.searcher().num_docs() as usize;
    let bytes = opened.dir.as_ref().map_or(0, |d| {
        std::fs::read_dir(d).map_or(0, |entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.len())
                .sum()
        })
    });
    (docs, bytes)
}

#[cfg(test)]
mod tests {
    use super::{STAMP_FILE, Stamp, settled};

    #[test]
    fn a_file_changed_within_a_clock_tick_of_its_check_is_verified_again() {
        let ms = 1_000_000;
        let checked = 1_700_000_000_123 * ms;
        assert!(!settled(checked - 5 * ms, checked), "same tick");
        assert!(settled(checked - 500 * ms, checked));
        // A file system stamping whole seconds: two seconds' margin.
        let whole = 1_700_000_000_000 * ms;
        assert!(!settled(whole, whole + 1_500 * ms));
        assert!(settled(whole, whole + 2_500 * ms));
    }

    #[test]
    fn a_fresh_build_records_no_file_as_sound() {
        let dir = std::env::temp_dir().join(format!("briefings-stamp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        super::build_in_dir(&dir, 7, crate::search::tests::corpus()).unwrap();
        let stamp: Stamp =
            serde_json::from_str(&std::fs::read_to_string(dir.join(STAMP_FILE)).unwrap()).unwrap();
        assert!(stamp.seen.is_empty(), "{:?}", stamp.seen);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

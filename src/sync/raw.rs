//! The raw store: each fetched page's bytes under `raw/<source>/<URL path>`,
//! and `raw/manifest.jsonl`, one line per fetch, appended whole and synced so
//! a killed process leaves at most a torn last line (ignored and redone).
//!
//! Lines are committed in batches (a listing page's worth): the files a batch
//! wrote — raw pages and conferences, each renamed into place whole — are
//! flushed to disk together (their fsyncs run at once and share the file
//! system's journal commits), then the batch's lines are appended in one
//! write and synced. A line is never on disk before the files it names; a
//! process killed mid-batch leaves files without a line, fetched again and
//! rewritten in place by the next sync. One fsync per file, one after the
//! other, bounded a sync at 7–10 pages/s on the shared build machine.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use url::Url;

/// One manifest line (SYNC.md: `{url, source, file, fetched, status, etag,
/// last_modified, sha256, conference}`, plus `problem` and the `date_hint` the
/// listing gave, which `import --reparse` needs to date year-less titles again).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct Entry {
    pub(crate) url: String,
    pub(crate) source: String,
    /// Path under `raw/`, when bytes were stored.
    pub(crate) file: Option<String>,
    /// When it was fetched (UTC, RFC 3339).
    pub(crate) fetched: String,
    pub(crate) status: u16,
    pub(crate) etag: Option<String>,
    pub(crate) last_modified: Option<String>,
    pub(crate) sha256: Option<String>,
    /// The conference the page produced, or null with a `problem`.
    pub(crate) conference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) problem: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) charset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) date_hint: Option<String>,
}

impl Entry {
    /// Whether a line read from the manifest may be acted on: its conference
    /// id has the corpus's shape (`YYYY-MM-DD-LANG`, `-N` for a further one
    /// that day) and its file stays inside `raw/`. A line edited by hand or
    /// damaged could otherwise make a reparse delete or read outside the corpus.
    fn check(&self) -> Result<(), String> {
        if let Some(id) = &self.conference
            && !is_conference_id(id)
        {
            return Err(format!(
                "conference {id:?} is not a conference id (YYYY-MM-DD-LANG)"
            ));
        }
        if let Some(file) = &self.file
            && !inside_raw(file)
        {
            return Err(format!(
                "file {file:?} is not a path inside raw/ (absolute, `..`, or empty)"
            ));
        }
        Ok(())
    }
}

/// `2020-07-03-zh`, `2020-07-03-zh-2`: the ids the parser gives.
pub(crate) fn is_conference_id(id: &str) -> bool {
    static SHAPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d{4}-\d\d-\d\d-[a-z]{2,8}(-[1-9]\d{0,3})?$").expect("valid regex")
    });
    SHAPE.is_match(id)
}

/// A relative path of plain names (`src/a/b.shtml`): no root, no `..` or `.`,
/// no empty segment, no `\\` or `:` (which [`relative_path`] never writes).
fn inside_raw(file: &str) -> bool {
    !file.is_empty()
        && !file.contains(['\\', ':', '\0'])
        && file
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

/// Two entries for one URL that differ at most in when they were fetched.
fn same_outcome(a: &Entry, b: &Entry) -> bool {
    Entry {
        fetched: String::new(),
        ..a.clone()
    } == Entry {
        fetched: String::new(),
        ..b.clone()
    }
}

/// What a listed page needs from a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Never fetched, failed last time, or its raw file is gone.
    Fetch,
    /// Its raw file is there but its conference file is gone.
    Rebuild,
    /// In the corpus, raw file and conference both.
    Nothing,
}

/// The raw folder of a corpus and what its manifest says (the last line per URL wins).
pub(crate) struct RawStore {
    dir: PathBuf,
    latest: HashMap<String, Entry>,
    /// URLs in the order the manifest first names them (the order of fetching).
    order: Vec<String>,
    /// Lines staged since the last commit, and the files they name.
    staged: Vec<Entry>,
    unsynced: Vec<PathBuf>,
    /// `raw/manifest.jsonl:LINE: problem` for lines skipped when reading (never acted on).
    pub(crate) bad_lines: Vec<String>,
}

impl RawStore {
    /// Opens `<corpus>/raw`, reading the manifest; a torn last line is cut off.
    pub(crate) fn open(corpus: &Path) -> Result<RawStore, String> {
        Self::open_as(corpus, true)
    }

    /// Opens `<corpus>/raw` to read only (`sync --dry-run`): nothing created or repaired,
    /// a corpus without a raw folder is an empty store.
    pub(crate) fn open_to_read(corpus: &Path) -> Result<RawStore, String> {
        Self::open_as(corpus, false)
    }

    fn open_as(corpus: &Path, write: bool) -> Result<RawStore, String> {
        let dir = corpus.join("raw");
        if write {
            fs::create_dir_all(&dir)
                .map_err(|e| format!("{}: cannot create the raw folder: {e}", dir.display()))?;
        }
        let manifest = dir.join("manifest.jsonl");
        let mut latest = HashMap::new();
        let mut order = Vec::new();
        let mut bad_lines = Vec::new();
        if let Ok(bytes) = fs::read(&manifest) {
            let mut good_len = 0;
            for (n, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
                let complete = line.ends_with(b"\n");
                let entry = serde_json::from_slice::<Entry>(line.trim_ascii_end())
                    .map_err(|e| format!("not a manifest line ({e})"))
                    .and_then(|e| e.check().map(|()| e));
                match entry {
                    Ok(e) if complete => {
                        good_len += line.len();
                        if !latest.contains_key(&e.url) {
                            order.push(e.url.clone());
                        }
                        latest.insert(e.url.clone(), e);
                    }
                    // A torn line: only ever the last one (appends are whole lines).
                    _ if !complete => break,
                    // A damaged line in the middle: skipped, kept in the file, reported.
                    Err(why) => {
                        good_len += line.len();
                        if !line.trim_ascii().is_empty() {
                            bad_lines
                                .push(format!("raw/manifest.jsonl:{}: {why}: line skipped", n + 1));
                        }
                    }
                    Ok(_) => good_len += line.len(),
                }
            }
            if write && good_len < bytes.len() {
                let f = OpenOptions::new()
                    .write(true)
                    .open(&manifest)
                    .map_err(|e| format!("{}: cannot repair: {e}", manifest.display()))?;
                f.set_len(good_len as u64)
                    .and_then(|()| f.sync_all())
                    .map_err(|e| format!("{}: cannot repair: {e}", manifest.display()))?;
            }
        }
        Ok(RawStore {
            dir,
            latest,
            order,
            staged: Vec::new(),
            unsynced: Vec::new(),
            bad_lines,
        })
    }

    /// The latest entry for a URL.
    pub(crate) fn get(&self, url: &str) -> Option<&Entry> {
        self.latest.get(url)
    }

    /// Every URL's latest entry, in the order of first fetching.
    pub(crate) fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.order.iter().filter_map(|u| self.latest.get(u))
    }

    /// Whether the page is in hand for good: fetched and made into a conference.
    /// Gone pages, maintenance pages and failures are tried again.
    #[cfg(test)]
    pub(crate) fn holds(&self, url: &str) -> bool {
        self.get(url).is_some_and(|e| e.conference.is_some())
    }

    /// What a page needs, judged by the corpus itself and not only by the
    /// manifest: a page held whose raw file was deleted is fetched again; one
    /// whose conference file was deleted is rebuilt from its raw file.
    pub(crate) fn need(&self, url: &str) -> Need {
        let Some(e) = self.get(url) else {
            return Need::Fetch;
        };
        let (Some(id), Some(file)) = (&e.conference, &e.file) else {
            return Need::Fetch;
        };
        if !self.dir.join(file).is_file() {
            return Need::Fetch;
        }
        let corpus = self.dir.parent().unwrap_or(&self.dir);
        if crate::corpus::file_for(corpus, id).is_file() {
            Need::Nothing
        } else {
            Need::Rebuild
        }
    }

    /// The URL that already produced conference `id`, if any (not a page
    /// that only gave the same conference again, or the user's own import).
    pub(crate) fn producer_of(&self, id: &str) -> Option<&str> {
        self.latest
            .values()
            .find(|e| e.conference.as_deref() == Some(id) && e.problem.is_none())
            .map(|e| e.url.as_str())
    }

    /// Why conference `id` in the corpus is not the raw store's to replace or
    /// remove: the user imported it from their own file (its `source` is no
    /// page of the manifest, nor `url`, the page in hand), or the file cannot
    /// be read. `None` when absent or made from a stored page.
    pub(crate) fn not_ours(&self, id: &str, url: &str) -> Option<String> {
        let corpus = self.dir.parent()?;
        match crate::corpus::stored_source(corpus, id)? {
            Ok(Some(s)) if s == url || self.latest.contains_key(&s) => None,
            Ok(source) => Some(format!(
                "conference {id} is your own import (from {}): kept, not replaced",
                source.as_deref().unwrap_or("a file that names no source")
            )),
            Err(e) => Some(format!(
                "{e}: kept, not replaced (remove it to let sync rebuild conference {id})"
            )),
        }
    }

    /// Stores a page's bytes (write to a temporary file, rename; flushed
    /// with its batch at [`RawStore::commit`]) and returns its path under
    /// `raw/` and its SHA-256.
    pub(crate) fn store_page(
        &mut self,
        source: &str,
        url: &Url,
        bytes: &[u8],
    ) -> Result<(String, String), String> {
        let rel = relative_path(source, url);
        let path = self.dir.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
        }
        let tmp = path.with_extension("part");
        let write = || -> std::io::Result<()> {
            let mut f = File::create(&tmp)?;
            f.write_all(bytes)?;
            fs::rename(&tmp, &path)
        };
        write().map_err(|e| format!("{}: cannot store the page: {e}", path.display()))?;
        self.unsynced.push(path);
        Ok((rel, sha256_hex(bytes)))
    }

    /// A file written for the batch in hand (a conference), to flush before its line.
    pub(crate) fn written(&mut self, path: PathBuf) {
        self.unsynced.push(path);
    }

    /// Whether the last walk of `source` ran to its end (or to pages held
    /// since such a walk). Only then may the next walk stop early: a walk
    /// killed halfway leaves older pages behind that the next one must reach.
    pub(crate) fn walk_complete(&self, source: &str) -> bool {
        self.dir.join(source).join(".walked").is_file()
    }

    /// Marks the walk of `source` as complete (or started, `false`); synced to disk.
    pub(crate) fn set_walk_complete(&self, source: &str, complete: bool) -> Result<(), String> {
        let folder = self.dir.join(source);
        let marker = folder.join(".walked");
        let result = if complete {
            fs::create_dir_all(&folder)
                .and_then(|()| File::create(&marker))
                .and_then(|f| f.sync_all())
        } else {
            match fs::remove_file(&marker) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        };
        result.map_err(|e| format!("{}: {e}", marker.display()))
    }

    /// The bytes of a stored page, checked against the SHA-256 its manifest
    /// line recorded: `Err("raw/PATH: why")` when it cannot be read or its bytes changed.
    pub(crate) fn read_page(&self, entry: &Entry) -> Result<Vec<u8>, String> {
        let rel = entry.file.as_deref().unwrap_or_default();
        let bytes =
            fs::read(self.dir.join(rel)).map_err(|e| format!("raw/{rel}: cannot read ({e})"))?;
        match &entry.sha256 {
            Some(want) if *want != sha256_hex(&bytes) => Err(format!(
                "raw/{rel}: raw page damaged: checksum differs from the manifest's"
            )),
            _ => Ok(bytes),
        }
    }

    /// Stages one manifest line: seen at once by this store, written to
    /// disk by the next [`RawStore::commit`].
    pub(crate) fn record(&mut self, entry: Entry) {
        match self.latest.get(&entry.url) {
            // The same outcome again (a page still gone, still failing the same way): the
            // manifest already says so; a line per sync would grow it without bound.
            Some(old) if same_outcome(old, &entry) => return,
            Some(_) => {}
            None => self.order.push(entry.url.clone()),
        }
        self.latest.insert(entry.url.clone(), entry.clone());
        self.staged.push(entry);
    }

    /// Flushes the batch's files, then appends its lines in one write and
    /// syncs the manifest. On failure the lines are dropped (their pages are
    /// fetched again next time) and the error names the file.
    pub(crate) fn commit(&mut self) -> Result<(), String> {
        let files = std::mem::take(&mut self.unsynced);
        let staged = std::mem::take(&mut self.staged);
        flush_together(&files)?;
        if staged.is_empty() {
            return Ok(());
        }
        let mut lines = String::new();
        for entry in &staged {
            lines.push_str(&serde_json::to_string(entry).map_err(|e| e.to_string())?);
            lines.push('\n');
        }
        let manifest = self.dir.join("manifest.jsonl");
        let append = || -> std::io::Result<()> {
            let mut f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&manifest)?;
            f.write_all(lines.as_bytes())?;
            f.sync_data()
        };
        append().map_err(|e| format!("{}: cannot append: {e}", manifest.display()))
    }
}

/// Fsyncs every file at once (a thread each, at most 32 at a time): the file
/// system folds concurrent fsyncs into few journal commits.
fn flush_together(files: &[PathBuf]) -> Result<(), String> {
    for chunk in files.chunks(32) {
        let results: Vec<Result<(), String>> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|path| {
                    scope.spawn(move || {
                        File::open(path)
                            .and_then(|f| f.sync_all())
                            .map_err(|e| format!("{}: cannot flush to disk: {e}", path.display()))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("a flush thread panicked".into()))
                })
                .collect()
        });
        results.into_iter().collect::<Result<Vec<()>, String>>()?;
    }
    Ok(())
}

/// `raw/<source>/<path of the URL>`: `..` and empty segments dropped, a
/// folder address stored as `index.html`, a query kept in the file name.
pub(crate) fn relative_path(source: &str, url: &Url) -> String {
    let mut parts: Vec<String> = vec![source.to_string()];
    parts.extend(
        url.path_segments()
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty() && *s != "." && *s != "..")
            .map(|s| s.replace(['\\', ':'], "_")),
    );
    if url.path().ends_with('/') || parts.len() == 1 {
        parts.push("index.html".into());
    }
    if let Some(q) = url.query() {
        let last = parts.pop().unwrap_or_default();
        let q: String = q
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        parts.push(format!("{last}_{q}"));
    }
    parts.join("/")
}

fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::{Entry, RawStore, relative_path};
    use url::Url;

    fn entry(url: &str, conference: Option<&str>) -> Entry {
        Entry {
            url: url.into(),
            source: "s".into(),
            file: None,
            fetched: "2020-07-04T00:00:00Z".into(),
            status: 200,
            etag: None,
            last_modified: None,
            sha256: None,
            conference: conference.map(str::to_string),
            problem: None,
            charset: None,
            date_hint: None,
        }
    }

    /// Failed before the fix: any id and any path were acted on.
    #[test]
    fn manifest_lines_name_ids_and_files_inside_the_corpus_only() {
        for id in ["2020-07-03-zh", "2020-07-03-en-2", "2019-12-31-fr"] {
            assert!(super::is_conference_id(id), "{id}");
        }
        for id in [
            "../x",
            "/etc/passwd",
            "2020-07-03",
            "2020-07-03-zh/..",
            "",
            "x-zh",
        ] {
            assert!(!super::is_conference_id(id), "{id}");
        }
        for file in ["mfa-zh/web/t1.shtml", "s/index.html"] {
            assert!(super::inside_raw(file), "{file}");
        }
        for file in [
            "../x",
            "/abs",
            "a/../../b",
            "a//b",
            "./a",
            "a\\..\\b",
            "c:x",
            "",
        ] {
            assert!(!super::inside_raw(file), "{file}");
        }
        let mut e = entry("https://h/1", Some("../victim"));
        assert!(e.check().unwrap_err().contains("not a conference id"));
        e.conference = Some("2020-07-03-zh".into());
        e.file = Some("../../outside".into());
        assert!(e.check().unwrap_err().contains("not a path inside raw/"));
        e.file = Some("s/a.shtml".into());
        assert_eq!(e.check(), Ok(()));
    }

    #[test]
    fn paths_follow_the_url() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            relative_path("zh", &u("https://h.cn/web/a/t1.shtml")),
            "zh/web/a/t1.shtml"
        );
        assert_eq!(
            relative_path("zh", &u("https://h.cn/web/../x/")),
            "zh/x/index.html"
        );
        assert_eq!(relative_path("zh", &u("https://h.cn/a?id=3")), "zh/a_id_3");
    }

    #[test]
    fn a_torn_last_line_is_cut_and_the_rest_kept() {
        let dir = std::env::temp_dir().join(format!("briefings-raw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        {
            let mut s = RawStore::open(&dir).unwrap();
            s.record(entry("https://h/1", Some("2020-01-01-zh")));
            s.record(entry("https://h/2", None));
            s.commit().unwrap();
        }
        let manifest = dir.join("raw/manifest.jsonl");
        let mut bytes = std::fs::read(&manifest).unwrap();
        let whole = bytes.len();
        bytes.extend_from_slice(br#"{"url":"https://h/3","sou"#);
        std::fs::write(&manifest, &bytes).unwrap();
        let mut s = RawStore::open(&dir).unwrap();
        assert!(
            s.holds("https://h/1") && !s.holds("https://h/2") && s.get("https://h/3").is_none()
        );
        assert_eq!(std::fs::read(&manifest).unwrap().len(), whole);
        s.record(entry("https://h/3", Some("2020-01-03-zh")));
        assert!(s.holds("https://h/3"), "staged lines are seen at once");
        assert!(!RawStore::open(&dir).unwrap().holds("https://h/3"));
        s.commit().unwrap();
        assert!(RawStore::open(&dir).unwrap().holds("https://h/3"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! Conference files on disk: listing, fingerprint, loading with located errors, atomic writes.

use std::borrow::Cow;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::LoadError;
use crate::model::{Conference, Day, FORMAT};
use crate::problem::Problem;
use crate::text::sanitize;

pub(super) fn conferences_dir(corpus: &Path) -> PathBuf {
    corpus.join("conferences")
}

/// Whether the corpus at `corpus` holds a conference file for `id` (never creates anything).
pub(crate) fn holds(corpus: &Path, id: &str) -> bool {
    conferences_dir(corpus).join(format!("{id}.json")).is_file()
}

/// The `.json` files of the corpus, sorted by name (temporary files excluded).
pub(super) fn files(corpus: &Path) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(conferences_dir(corpus)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

/// Stops at the first conference file: a large corpus is not listed for a yes.
pub(super) fn has_conferences(corpus: &Path) -> bool {
    fs::read_dir(conferences_dir(corpus)).is_ok_and(|mut rd| {
        rd.any(|e| {
            e.is_ok_and(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".json") && !name.starts_with('.')
            })
        })
    })
}

/// Fingerprint of the folder: its modification time and number of entries.
/// Every write (ours, and any tool that writes a new file or renames one into
/// place) changes the folder's time, and no file is opened or stat-ed, so this
/// costs one directory listing: every start and every `search` pay it.
/// A file edited in place is not noticed: run `briefings index` then.
pub(super) fn stamp(corpus: &Path) -> u64 {
    let dir = conferences_dir(corpus);
    let t = fs::metadata(&dir)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let entries = fs::read_dir(&dir).map_or(0, Iterator::count) as u64;
    let mut buf = t.to_le_bytes().to_vec();
    buf.extend_from_slice(&entries.to_le_bytes());
    super::fnv(&buf)
}

/// Parses one conference file, cleaning every string of terminal controls
/// (files written by other tools are not trusted).
pub(super) fn load_file(path: &Path) -> Result<Conference, Problem> {
    let bytes = fs::read(path).map_err(|e| Problem::new(path, 0, format!("cannot read: {e}")))?;
    conference_from_json(&bytes).map_err(|(line, message)| Problem::new(path, line, message))
}

/// Decodes and cleans a conference from JSON bytes; the error is `(line, message)`.
pub fn conference_from_json(bytes: &[u8]) -> Result<Conference, (usize, String)> {
    if bytes.is_empty() {
        return Err((
            0,
            "empty file (zero bytes): not a conference; delete it or re-import its transcript"
                .into(),
        ));
    }
    // Editors on Windows save JSON with a byte-order mark, which serde_json refuses.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut conf: Conference = serde_json::from_slice(bytes).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Data => "not a conference in the expected shape",
            serde_json::error::Category::Eof => "truncated JSON",
            _ => "invalid JSON",
        };
        (e.line(), format!("{what}: {e}"))
    })?;
    sanitize_conference(&mut conf);
    if conf.format != FORMAT {
        // A later format may mean fields this build would misread: kept on disk, not loaded
        // (and `import` will not replace it: `stored_source` cannot read it).
        return Err((
            line_of(bytes, "format"),
            format!(
                "\"format\": {} is not a format this briefings reads ({FORMAT}): not loaded; \
                 open it with the briefings that wrote it, or set \"format\": {FORMAT} if it is one",
                conf.format
            ),
        ));
    }
    if conf.id.trim().is_empty() {
        return Err((
            line_of(bytes, "id"),
            "the conference has an empty \"id\"".into(),
        ));
    }
    if let Err(e) = Day::parse(&conf.date) {
        return Err((line_of(bytes, "date"), format!("\"date\": {e}")));
    }
    Ok(conf)
}

/// The line of the first `"key":` in a JSON text (1 when not found).
fn line_of(bytes: &[u8], key: &str) -> usize {
    let needle = format!("\"{key}\"");
    let text = String::from_utf8_lossy(bytes);
    text.find(&needle)
        .map_or(1, |at| text[..at].matches('\n').count() + 1)
}

/// What a loaded conference says against its own id (`<date>-<language>[-n]`, CORPUS.md):
/// a `"date"` or `"language"` another than its id's. It is loaded as its fields say (the
/// day it is listed and searched under, the language filter it answers), with a warning
/// naming the field, so a hand edit that went wrong is seen. `(key, message)` pairs.
fn disagreements(conf: &Conference) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let id = conf.id.as_str();
    let Some(day) = id.get(..10).filter(|d| Day::parse(d).is_ok()) else {
        return out; // an id of another shape says nothing of date or language
    };
    if day != conf.date {
        out.push((
            "date",
            format!(
                "its \"date\" is {} but its id {id:?} says {day}: loaded under {}; fix the one that is wrong",
                conf.date, conf.date
            ),
        ));
    }
    let language = id[10..]
        .trim_start_matches('-')
        .split('-')
        .next()
        .unwrap_or("");
    if !language.is_empty() && language != conf.language {
        out.push((
            "language",
            format!(
                "its \"language\" is {:?} but its id {id:?} says {language:?}: loaded as {:?}; fix the one that is wrong",
                conf.language, conf.language
            ),
        ));
    }
    out
}

/// A file whose conference's id is not the one its name stands for: `list`
/// would show one id and `show` find another file, so it is not loaded.
fn check_identity(corpus: &Path, path: &Path, conf: &Conference) -> Result<(), Problem> {
    let expected = file_for(corpus, &conf.id);
    if expected == path {
        return Ok(());
    }
    let also = if expected.is_file() {
        format!(
            "; {} holds that id already",
            crate::text::show_path(Path::new(expected.file_name().unwrap_or_default()))
        )
    } else {
        String::new()
    };
    Err(Problem {
        path: path.to_path_buf(),
        line: fs::read(path).map_or(1, |b| line_of(&b, "id")),
        message: format!(
            "its \"id\" is {:?} but the file name stands for another id{also}: not loaded; rename the file to {} or fix its \"id\"",
            conf.id,
            crate::text::show_path(Path::new(expected.file_name().unwrap_or_default()))
        ),
    })
}

/// Cleans every string of a conference with the one rule of `text::sanitize` (the parser's
/// too), unknown fields included: `show --json` prints those as they are.
pub(crate) fn sanitize_conference(c: &mut Conference) {
    let clean = |s: &mut String| {
        if let Cow::Owned(o) = sanitize(s, false) {
            *s = o;
        }
    };
    for s in [&mut c.id, &mut c.date, &mut c.language, &mut c.title] {
        clean(s);
    }
    for s in [&mut c.spokesperson, &mut c.published, &mut c.source]
        .into_iter()
        .flatten()
    {
        clean(s);
    }
    sanitize_unknown(&mut c.extra);
    for t in &mut c.turns {
        clean(&mut t.asker);
        for s in [&mut t.outlet, &mut t.speaker].into_iter().flatten() {
            clean(s);
        }
        t.question
            .iter_mut()
            .chain(t.answer.iter_mut())
            .for_each(clean);
        sanitize_unknown(&mut t.extra);
    }
}

/// Unknown fields, keys and strings at any depth, cleaned (line ends kept: they are data).
fn sanitize_unknown(fields: &mut serde_json::Map<String, serde_json::Value>) {
    if fields.is_empty() {
        return;
    }
    for (k, mut v) in std::mem::take(fields) {
        sanitize_value(&mut v);
        fields.insert(sanitize(&k, true).into_owned(), v);
    }
}

fn sanitize_value(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) => {
            if let Cow::Owned(o) = sanitize(s, true) {
                *s = o;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(sanitize_value),
        serde_json::Value::Object(map) => sanitize_unknown(map),
        _ => {}
    }
}

pub(super) fn load_all(corpus: &Path) -> (Vec<Conference>, Vec<Problem>) {
    load_all_except(corpus, &std::collections::HashSet::new())
}

pub(super) fn load_all_except(
    corpus: &Path,
    ids: &std::collections::HashSet<&str>,
) -> (Vec<Conference>, Vec<Problem>) {
    let skip: std::collections::HashSet<PathBuf> =
        ids.iter().map(|id| file_for(corpus, id)).collect();
    let mut confs = Vec::new();
    let mut problems = Vec::new();
    // Files whose id is not their name's: (id, index of their problem).
    let mut misnamed: Vec<(String, usize)> = Vec::new();
    for p in files(corpus).into_iter().filter(|p| !skip.contains(p)) {
        match load_file(&p) {
            Err(e) => problems.push(e),
            Ok(c) => match check_identity(corpus, &p, &c) {
                Ok(()) => {
                    let warnings = disagreements(&c);
                    if !warnings.is_empty() {
                        let bytes = fs::read(&p).unwrap_or_default();
                        for (key, message) in warnings {
                            problems.push(Problem::new(&p, line_of(&bytes, key), message));
                        }
                    }
                    confs.push(c);
                }
                Err(e) => {
                    misnamed.push((c.id, problems.len()));
                    problems.push(e);
                }
            },
        }
    }
    name_each_other(&mut problems, &misnamed);
    (confs, problems)
}

/// Two misnamed files with one id: each report names the other file too, so the user sees
/// the pair, not two unrelated complaints.
fn name_each_other(problems: &mut [Problem], misnamed: &[(String, usize)]) {
    for (id, at) in misnamed {
        let others: Vec<String> = misnamed
            .iter()
            .filter(|(other, j)| other == id && j != at)
            .map(|(_, j)| crate::text::show_path(&problems[*j].path))
            .collect();
        if !others.is_empty() {
            let verb = if others.len() == 1 { "holds" } else { "hold" };
            let also = format!("; {} {verb} the same id", others.join(", "));
            problems[*at].message += &also;
        }
    }
}

pub(super) fn load_one(corpus: &Path, id: &str) -> Result<Conference, LoadError> {
    let path = file_for(corpus, id);
    if !path.exists() {
        return Err(LoadError::NotFound { id: id.to_string() });
    }
    let conf = load_file(&path)?;
    check_identity(corpus, &path, &conf)?;
    Ok(conf)
}

/// What the corpus holds under `id`, for a writer that must not replace
/// someone else's file: `None` when nothing, else the `source` the file
/// names (`Err` with the reason when it cannot be read).
pub(crate) fn stored_source(corpus: &Path, id: &str) -> Option<Result<Option<String>, String>> {
    let path = file_for(corpus, id);
    if !path.exists() {
        return None;
    }
    Some(
        load_file(&path)
            .map(|c| c.source)
            .map_err(|p| p.to_string()),
    )
}

pub(crate) fn file_for(corpus: &Path, id: &str) -> PathBuf {
    // Ids become file names: keep them to a safe alphabet so an id can never escape the folder.
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    conferences_dir(corpus).join(format!("{safe}.json"))
}

/// Removes temporary files that a killed import left in the conferences folder.
/// Call only when no other process writes the corpus (under the writer lock).
pub(crate) fn remove_temporaries(corpus: &Path) {
    let Ok(entries) = fs::read_dir(conferences_dir(corpus)) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(".tmp") && e.path().is_file() {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes a conference atomically (temporary file, fsync, rename), keeping
/// fields that an existing file of the same id has and this build does not know.
pub fn save_conference(corpus: &Path, conf: &Conference) -> Result<PathBuf, Problem> {
    write_conference(corpus, conf, true)
}

/// [`save_conference`] without the fsync: whole or absent after `kill -9`
/// (renamed into place), flushed by the caller before anything refers to it
/// (sync flushes a batch of pages and conferences at once, see `sync::raw`).
pub(crate) fn save_conference_unflushed(
    corpus: &Path,
    conf: &Conference,
) -> Result<PathBuf, Problem> {
    write_conference(corpus, conf, false)
}

fn write_conference(corpus: &Path, conf: &Conference, flush: bool) -> Result<PathBuf, Problem> {
    let dir = conferences_dir(corpus);
    if corpus.is_file() {
        return Err(Problem::new(
            corpus,
            0,
            "the corpus path is a file; give a folder",
        ));
    }
    fs::create_dir_all(&dir)
        .map_err(|e| Problem::new(&dir, 0, format!("cannot create the corpus folder: {e}")))?;
    let path = file_for(corpus, &conf.id);
    let mut conf = conf.clone();
    if let Ok(old) = load_file(&path) {
        for (k, v) in old.extra {
            conf.extra.entry(k).or_insert(v);
        }
    }
    let json = serde_json::to_vec_pretty(&conf)
        .map_err(|e| Problem::new(&path, 0, format!("cannot serialise: {e}")))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.write_all(b"\n")?;
        if flush {
            f.sync_all()?;
        }
        fs::rename(&tmp, &path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Problem::new(&path, 0, format!("cannot write: {e}"))
    })?;
    Ok(path)
}

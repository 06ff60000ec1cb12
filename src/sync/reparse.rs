//! `briefings import --reparse`: every conference rebuilt from the raw store
//! with the current parser, offline. Conferences that did not come from the
//! raw store (the user's own imports) are never touched.

use std::collections::HashMap;
use std::path::Path;

use url::Url;

use super::lock::SyncLock;
use super::raw::RawStore;
use super::walk::import_page;
use crate::corpus::save_conference_unflushed;
use crate::model::Conference;
use crate::outlets::Outlets;

/// Pages whose conferences are flushed to disk together (see `raw`).
const BATCH: usize = 32;

/// What a reparse did.
#[derive(Debug, Default)]
pub(crate) struct Reparsed {
    /// Stored pages read again.
    pub(crate) pages: usize,
    /// Conferences written.
    pub(crate) written: Vec<Conference>,
    /// Conferences removed (an older parse gave them an id the page no longer yields).
    pub(crate) removed: Vec<String>,
    /// `URL: reason` for pages that give no conference.
    pub(crate) failures: Vec<String>,
    /// `raw/PATH: problem` for stored pages that could not be read: their
    /// conferences are left as they are, every other page is rebuilt.
    pub(crate) unreadable: Vec<String>,
    /// `URL: reason` for pages whose conference the user imported from their own file: kept.
    pub(crate) kept: Vec<String>,
}

/// Why `corpus` cannot be reparsed, before anything is created or locked:
/// `(2, …)` when there is no folder there (a mistyped path), `(1, …)` when
/// it holds no raw pages (never synced).
pub(crate) fn nothing_to_reparse(corpus: &Path) -> Option<(u8, String)> {
    let shown = crate::text::show_path(corpus);
    if !corpus.is_dir() {
        return Some((
            2,
            format!(
                "{shown}: no corpus here (no such folder): nothing reparsed; pass --corpus DIR with the corpus that `briefings sync` filled"
            ),
        ));
    }
    let manifest = corpus.join("raw").join("manifest.jsonl");
    (!manifest.is_file()).then(|| {
        (
            1,
            format!(
                "{shown}: no raw pages: nothing to reparse (raw/manifest.jsonl is missing; `briefings sync` stores raw pages there)"
            ),
        )
    })
}

/// Rebuilds the conferences of every page in `<corpus>/raw`, in the order they were fetched.
/// A page that cannot be read, whose bytes changed since they were stored, or
/// that now gives no conference leaves its conference as it is.
pub(crate) fn reparse(corpus: &Path, outlets: &Outlets) -> Result<Reparsed, String> {
    let _lock = SyncLock::take(corpus, "import --reparse")?;
    let mut store = RawStore::open(corpus)?;
    let mut out = Reparsed {
        unreadable: store.bad_lines.clone(),
        ..Reparsed::default()
    };
    let mut made: HashMap<String, String> = HashMap::new();
    let entries: Vec<_> = store
        .entries()
        .filter(|e| e.status == 200 && e.file.is_some())
        .cloned()
        .collect();
    for mut entry in entries {
        let Ok(url) = Url::parse(&entry.url) else {
            continue;
        };
        let bytes = match store.read_page(&entry) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.unreadable.push(format!(
                    "{e}: the page of {} was not rebuilt, its conference kept as it is; `briefings sync` fetches it again",
                    entry.url
                ));
                continue;
            }
        };
        out.pages += 1;
        let parsed = import_page(
            &url,
            &bytes,
            entry.charset.as_deref(),
            entry.date_hint.as_deref(),
            outlets,
        )
        .and_then(|got| {
            if got.iter().any(|c| !c.turns.is_empty()) {
                Ok(got)
            } else {
                Err("the page now gives no turn".to_string())
            }
        });
        let conferences = match parsed {
            Ok(conferences) => conferences,
            Err(reason) => {
                let kept = entry
                    .conference
                    .as_deref()
                    .map(|id| format!("; conference {id} kept as it is"))
                    .unwrap_or_default();
                out.failures.push(format!("{}: {reason}{kept}", entry.url));
                if entry.conference.is_none() && entry.problem.as_deref() != Some(&reason) {
                    entry.problem = Some(reason);
                    store.record(entry);
                }
                continue;
            }
        };
        let before = entry.conference.take();
        let problem_before = entry.problem.take();
        for conf in conferences {
            entry.conference.get_or_insert_with(|| conf.id.clone());
            if let Some(first) = made.get(&conf.id) {
                entry.problem = Some(format!("same conference as {first}, kept that page"));
                continue;
            }
            if let Some(why) = store.not_ours(&conf.id, &entry.url) {
                out.kept.push(format!("{}: {why}", entry.url));
                entry.problem = Some(why);
                continue;
            }
            match save_conference_unflushed(corpus, &conf) {
                Ok(path) => {
                    store.written(path);
                    made.insert(conf.id.clone(), entry.url.clone());
                    out.written.push(conf);
                }
                Err(e) => {
                    // Not written (a full disk): the stored conference and its link stay.
                    let kept = format!("{}: {e}; conference {} kept as it is", entry.url, conf.id);
                    out.failures.push(kept);
                    entry.conference.clone_from(&before);
                }
            }
        }
        let changed = entry.conference != before || entry.problem != problem_before;
        if let Some(old) = before.filter(|old| entry.conference.as_ref() != Some(old)) {
            // `old` has the id shape (checked when the manifest was read): its file is in conferences/.
            let file = crate::corpus::file_for(corpus, &old);
            let theirs = store.not_ours(&old, &entry.url).is_some();
            if !made.contains_key(&old) && !theirs && std::fs::remove_file(file).is_ok() {
                out.removed.push(old);
            }
        }
        if changed {
            store.record(entry);
        }
        if out.pages.is_multiple_of(BATCH) {
            store.commit()?;
        }
    }
    store.commit()?;
    Ok(out)
}

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

/// Rebuilds the conferences of every page in `<corpus>/raw`, in the order they were fetched.
pub(crate) fn reparse(corpus: &Path, outlets: &Outlets) -> Result<Reparsed, String> {
    let _lock = SyncLock::take(corpus, "import --reparse")?;
    let mut store = RawStore::open(corpus)?;
    let mut out = Reparsed::default();
    let mut made: HashMap<String, String> = HashMap::new();
    let entries: Vec<_> = store
        .entries()
        .filter(|e| e.status == 200 && e.file.is_some())
        .cloned()
        .collect();
    for mut entry in entries {
        let Some(file) = entry.file.clone() else {
            continue;
        };
        let Ok(url) = Url::parse(&entry.url) else {
            continue;
        };
        let bytes = match store.read_page(&file) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.unreadable.push(format!(
                    "raw/{file}: cannot read ({e}): the page of {} was not rebuilt; `briefings sync` fetches it again",
                    entry.url
                ));
                continue;
            }
        };
        out.pages += 1;
        let before = entry.conference.take();
        let problem_before = entry.problem.take();
        match import_page(
            &url,
            &bytes,
            entry.charset.as_deref(),
            entry.date_hint.as_deref(),
            outlets,
        ) {
            Err(reason) => {
                out.failures.push(format!("{}: {reason}", entry.url));
                entry.problem = Some(reason);
            }
            Ok(conferences) => {
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
                            out.failures.push(format!("{}: {e}", entry.url));
                            entry.conference = None;
                            entry.problem = Some(e.to_string());
                        }
                    }
                }
            }
        }
        let changed = entry.conference != before || entry.problem != problem_before;
        if let Some(old) = before.filter(|old| entry.conference.as_ref() != Some(old)) {
            let file = corpus.join("conferences").join(format!("{old}.json"));
            let theirs = store.not_ours(&old, &entry.url).is_some();
            if !made.contains_key(&old) && !theirs && std::fs::remove_file(file).is_ok() {
                out.removed.push(old);
            }
        }
        if changed {
            store.record(entry);
        }
        if out.pages % BATCH == 0 {
            store.commit()?;
        }
    }
    store.commit()?;
    Ok(out)
}

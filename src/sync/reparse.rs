//! `briefings import --reparse`: every conference rebuilt from the raw store
//! with the current parser, offline. Conferences that did not come from the
//! raw store (the user's own imports) are never touched.

use std::collections::HashMap;
use std::path::Path;

use url::Url;

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
}

/// Rebuilds the conferences of every page in `<corpus>/raw`, in the order they were fetched.
pub(crate) fn reparse(corpus: &Path, outlets: &Outlets) -> Result<Reparsed, String> {
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
        out.pages += 1;
        let bytes = store
            .read_page(&file)
            .map_err(|e| format!("raw/{file}: cannot read: {e}"))?;
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
                    let path =
                        save_conference_unflushed(corpus, &conf).map_err(|e| e.to_string())?;
                    store.written(path);
                    made.insert(conf.id.clone(), entry.url.clone());
                    out.written.push(conf);
                }
            }
        }
        let changed = entry.conference != before || entry.problem != problem_before;
        if let Some(old) = before.filter(|old| entry.conference.as_ref() != Some(old)) {
            let file = corpus.join("conferences").join(format!("{old}.json"));
            if !made.contains_key(&old) && std::fs::remove_file(file).is_ok() {
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

//! The catalogue: one small row per conference, cached so the browser's first
//! frame never waits for every conference file to be parsed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Conference;
use crate::problem::Problem;

/// One row of the conference list (also the `list --json` shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub(crate) id: String,
    pub(crate) date: String,
    pub(crate) language: String,
    pub(crate) spokesperson: Option<String>,
    pub(crate) title: String,
    /// Number of turns.
    pub(crate) turns: usize,
    /// The same conference in other languages: language → id (see `versions`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) versions: BTreeMap<String, String>,
    /// Other conferences of this date and language (a revised translation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) also: Vec<String>,
}

impl Entry {
    pub(crate) fn of(c: &Conference) -> Entry {
        Entry {
            id: c.id.clone(),
            date: c.date.clone(),
            language: c.language.clone(),
            spokesperson: c.spokesperson.clone(),
            title: c.title.clone(),
            turns: c.turns.len(),
            versions: BTreeMap::new(),
            also: Vec::new(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Cached {
    version: u32,
    stamp: u64,
    entries: Vec<Entry>,
    problems: Vec<Problem>,
}

/// 2: titles and names cleaned by the one text rule (NFC, no invisible marks).
/// 3: entries carry `versions` and `also`.
/// 4: the first line is a checksum of the JSON below it.
const VERSION: u32 = 4;

/// The cached catalogue stored for `stamp`, if any.
///
/// A changed byte can leave valid JSON that shows a wrong title, date or count
/// (bit rot keeps size and mtime); the checksum line turns that into a rebuild.
pub(super) fn read(cache: &Path, stamp: u64) -> Option<(Vec<Entry>, Vec<Problem>)> {
    let bytes = fs::read(cache.join("catalog.json")).ok()?;
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let (sum, body) = (&bytes[..newline], &bytes[newline + 1..]);
    if sum != format!("{:016x}", crate::text::fnv(body)).as_bytes() {
        return None;
    }
    let c = serde_json::from_slice::<Cached>(body).ok()?;
    (c.version == VERSION && c.stamp == stamp).then_some((c.entries, c.problems))
}

/// The cached catalogue when its stamp matches, else one built by `load` and stored.
pub(super) fn cached(
    cache: &Path,
    stamp: u64,
    load: impl FnOnce() -> (Vec<Conference>, Vec<Problem>),
) -> (Vec<Entry>, Vec<Problem>) {
    if let Some(found) = read(cache, stamp) {
        return found;
    }
    let (confs, problems) = load();
    let mut entries: Vec<Entry> = confs.iter().map(Entry::of).collect();
    crate::versions::link(&mut entries);
    store(cache, stamp, &entries, &problems);
    (entries, problems)
}

/// Writes the catalogue; a cache that cannot be written only costs speed next time.
pub(super) fn store(cache: &Path, stamp: u64, entries: &[Entry], problems: &[Problem]) {
    let c = Cached {
        version: VERSION,
        stamp,
        entries: entries.to_vec(),
        problems: problems.to_vec(),
    };
    if fs::create_dir_all(cache).is_err() {
        return;
    }
    let tmp = cache.join(format!(".catalog.{}.tmp", std::process::id()));
    if let Ok(json) = serde_json::to_vec(&c)
        && fs::write(&tmp, checksummed(&json)).is_ok()
    {
        let _ = fs::rename(&tmp, cache.join("catalog.json"));
    }
}

/// `json` behind a first line holding its checksum (see `read`).
fn checksummed(json: &[u8]) -> Vec<u8> {
    let mut out = format!("{:016x}\n", crate::text::fnv(json)).into_bytes();
    out.extend_from_slice(json);
    out
}

//! Versions of one conference: the ministry publishes each regular press
//! conference in Chinese and English (and many in French) on the same day, so
//! conferences of one date in different languages are versions of one
//! conference. Linked from the catalogue alone (dates, languages, turn
//! counts), stored with it, never written into the user's conference files.
//!
//! Two conferences of one date and language (a revised translation kept
//! under a second id such as `2019-04-29-en-2`): the one with more turns is
//! the version the others link to, the later id on a tie (a revision comes
//! after what it revises); each names the others of its language in `also`.

pub(crate) mod differences;

use std::collections::{BTreeMap, HashMap};

use crate::corpus::Entry;
use crate::library::Library;
use crate::model::Conference;

/// Fills every entry's `versions` (language → id) and `also` from the entries
/// of the same date.
pub(crate) fn link(entries: &mut [Entry]) {
    let mut by_date: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_date.entry(e.date.as_str()).or_default().push(i);
    }
    // language → (the version, every id) per date, computed before the entries change.
    let mut plan: Vec<(usize, BTreeMap<String, String>, Vec<String>)> = Vec::new();
    for group in by_date.values() {
        let mut per_language: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in group {
            per_language
                .entry(entries[i].language.as_str())
                .or_default()
                .push(i);
        }
        let chosen: BTreeMap<String, String> = per_language
            .iter()
            .filter_map(|(lang, ids)| {
                let best = ids.iter().max_by(|&&a, &&b| {
                    let (a, b) = (&entries[a], &entries[b]);
                    a.turns.cmp(&b.turns).then_with(|| a.id.cmp(&b.id))
                })?;
                Some(((*lang).to_string(), entries[*best].id.clone()))
            })
            .collect();
        for &i in group {
            let own = entries[i].language.as_str();
            let versions = chosen
                .iter()
                .filter(|(lang, _)| lang.as_str() != own)
                .map(|(l, id)| (l.clone(), id.clone()))
                .collect();
            let also = per_language[own]
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| entries[j].id.clone())
                .collect();
            plan.push((i, versions, also));
        }
    }
    for (i, versions, mut also) in plan {
        also.sort();
        entries[i].versions = versions;
        entries[i].also = also;
    }
}

/// The versions of `conf` in other languages, from the catalogue's links, in
/// language order; a version that does not load is left out.
pub(crate) fn load(library: &Library, conf: &Conference) -> Vec<Conference> {
    loaded(library, &linked(library, &conf.id))
}

fn loaded(library: &Library, links: &BTreeMap<String, String>) -> Vec<Conference> {
    links
        .values()
        .filter_map(|id| library.corpus().load(id).ok())
        .collect()
}

/// Language → id of the versions the catalogue links `id` to.
fn linked(library: &Library, id: &str) -> BTreeMap<String, String> {
    let (entries, _) = library.catalog();
    entries
        .into_iter()
        .find(|e| e.id == id)
        .map(|e| e.versions)
        .unwrap_or_default()
}

/// `show --json`: the conference as stored, plus `versions` (language → id)
/// and, per turn, `aligned` (language → 0-based turn index in that version,
/// for the versions that have a counterpart).
pub(crate) fn annotated(library: &Library, conf: &Conference) -> serde_json::Value {
    let links = linked(library, &conf.id);
    let alignments: Vec<(String, Vec<Option<usize>>)> = loaded(library, &links)
        .iter()
        .map(|o| (o.language.clone(), crate::align::align(conf, o)))
        .collect();
    let mut value = serde_json::to_value(conf).unwrap_or_default();
    if let Some(turns) = value.get_mut("turns").and_then(|t| t.as_array_mut()) {
        for (i, turn) in turns.iter_mut().enumerate() {
            let aligned: serde_json::Map<String, serde_json::Value> = alignments
                .iter()
                .filter_map(|(lang, a)| Some((lang.clone(), a.get(i).copied()??.into())))
                .collect();
            if let Some(t) = turn.as_object_mut() {
                t.insert("aligned".into(), aligned.into());
            }
        }
    }
    let versions: serde_json::Map<String, serde_json::Value> = links
        .into_iter()
        .map(|(lang, id)| (lang, id.into()))
        .collect();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("versions".into(), versions.into());
    }
    value
}

#[cfg(test)]
mod tests {
    use super::link;
    use crate::corpus::Entry;

    fn entry(id: &str, date: &str, language: &str, turns: usize) -> Entry {
        Entry {
            id: id.into(),
            date: date.into(),
            language: language.into(),
            spokesperson: None,
            title: String::new(),
            turns,
            versions: std::collections::BTreeMap::default(),
            also: Vec::new(),
        }
    }

    #[test]
    fn one_date_links_its_languages_and_a_revision_is_named_not_linked() {
        let mut e = vec![
            entry("2019-04-29-zh", "2019-04-29", "zh", 20),
            entry("2019-04-29-en", "2019-04-29", "en", 15),
            entry("2019-04-29-en-2", "2019-04-29", "en", 16),
            entry("2019-04-30-zh", "2019-04-30", "zh", 10),
            entry("2019-04-28-fr", "2019-04-28", "fr", 10),
        ];
        link(&mut e);
        assert_eq!(e[0].versions["en"], "2019-04-29-en-2", "more turns wins");
        assert_eq!(e[1].versions["zh"], "2019-04-29-zh");
        assert_eq!(e[1].also, vec!["2019-04-29-en-2".to_string()]);
        assert_eq!(e[2].also, vec!["2019-04-29-en".to_string()]);
        assert!(!e[2].versions.contains_key("en"), "never its own language");
        assert!(e[3].versions.is_empty() && e[4].versions.is_empty());
    }

    #[test]
    fn on_a_tie_the_later_id_is_the_version() {
        let mut e = vec![
            entry("2019-04-29-en", "2019-04-29", "en", 15),
            entry("2019-04-29-en-2", "2019-04-29", "en", 15),
            entry("2019-04-29-zh", "2019-04-29", "zh", 15),
        ];
        link(&mut e);
        assert_eq!(e[2].versions["en"], "2019-04-29-en-2");
    }
}

//! Close names for a filter value that names nothing: `outlet:Reuter` → Reuters,
//! `outlet:agence` → AFP (through its alias Agence France-Presse).

use crate::outlets::Outlets;

/// At most this many names are suggested.
const MAX_SUGGESTIONS: usize = 3;

/// Outlets of the corpus (`present`, canonical names) that `typed` may have meant: one of
/// their spellings (canonical or alias, from `table`) starts with what was typed, or is
/// within a few edits of it. Closest first.
pub(super) fn outlets(typed: &str, present: &[String], table: &Outlets) -> Vec<String> {
    let key = Outlets::spelling_key(typed);
    if key.is_empty() {
        return Vec::new();
    }
    let own: Vec<(String, &str)> = present
        .iter()
        .map(|c| (Outlets::spelling_key(c), c.as_str()))
        .collect();
    let spellings = own
        .iter()
        .map(|(k, c)| (k.as_str(), *c))
        .chain(table.spellings())
        .filter(|(_, c)| present.iter().any(|p| p == c));
    let mut scored: Vec<(usize, &str)> = spellings
        .filter_map(|(spelling, canonical)| {
            closeness(&key, spelling).map(|score| (score, canonical))
        })
        .collect();
    scored.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| o == c) && out.len() < MAX_SUGGESTIONS {
            out.push(c.to_string());
        }
    }
    out
}

/// How far `spelling` is from `typed` (lower is closer), or `None` when not close: a
/// prefix either way (after two characters) costs the length difference, else the edit
/// distance when it is at most a quarter of the word (and at least one edit allowed).
fn closeness(typed: &str, spelling: &str) -> Option<usize> {
    let (t, s) = (typed.chars().count(), spelling.chars().count());
    if t >= 2 && (spelling.starts_with(typed) || (s >= 2 && typed.starts_with(spelling))) {
        return Some(t.abs_diff(s));
    }
    let distance = strsim::levenshtein(typed, spelling);
    (distance <= (t.max(s) / 4).max(1)).then_some(distance + 100)
}

#[cfg(test)]
mod tests {
    use super::outlets;
    use crate::outlets::Outlets;

    fn present() -> Vec<String> {
        ["AFP", "Reuters", "Bloomberg", "CCTV"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn typos_prefixes_and_aliases_find_outlets_of_the_corpus() {
        let table = Outlets::builtin();
        assert_eq!(outlets("Reuter", &present(), &table), ["Reuters"]);
        assert_eq!(outlets("bloomberh", &present(), &table), ["Bloomberg"]);
        assert!(outlets("agence", &present(), &table).contains(&"AFP".to_string()));
        assert!(outlets("Foo", &present(), &table).is_empty());
        assert!(outlets("", &present(), &table).is_empty());
    }
}

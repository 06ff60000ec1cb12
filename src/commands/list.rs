//! `briefings list`: conferences, newest first, narrowed by language, year or spokesperson.

use super::out::outln;
use crate::cli::ListArgs;
use crate::corpus::Entry;
use crate::library::Library;
use crate::text::escape_controls;

pub(super) fn run(library: &Library, a: &ListArgs) -> Result<u8, String> {
    let (entries, problems) = library.catalog();
    super::report_problems(&problems);
    let who = a.spokesperson.as_deref().map(str::to_lowercase);
    let by = |e: &Entry, needle: &str| {
        e.spokesperson
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains(needle))
    };
    if let Some(needle) = &who
        && !entries.iter().any(|e| by(e, needle))
    {
        // As search does: a name that matches nobody is a mistake to say, not an empty list.
        let mut names: Vec<&str> = entries
            .iter()
            .filter_map(|e| e.spokesperson.as_deref())
            .collect();
        names.sort_unstable();
        names.dedup();
        eprintln!(
            "no spokesperson's name contains \"{}\" (the corpus has {})",
            escape_controls(a.spokesperson.as_deref().unwrap_or_default()),
            escape_controls(&names.join(", "))
        );
        return Ok(2);
    }
    let year = a.year.map(|y| format!("{y:04}-"));
    let shown: Vec<&Entry> = entries
        .iter()
        .filter(|e| a.lang.as_deref().is_none_or(|l| e.language == l))
        .filter(|e| year.as_deref().is_none_or(|y| e.date.starts_with(y)))
        .filter(|e| who.as_deref().is_none_or(|n| by(e, n)))
        .collect();
    if a.json {
        super::print_json(&shown)?;
        return Ok(0);
    }
    for e in &shown {
        outln!(
            "{:<16} {} {:<2} {:<16} {:>9}  {}",
            e.id,
            e.date,
            e.language,
            e.spokesperson.as_deref().unwrap_or("?"),
            super::counted(e.turns, "turn"),
            e.title
        )?;
    }
    if shown.len() < entries.len() {
        eprintln!(
            "{} of {}",
            super::counted(shown.len(), "conference"),
            entries.len()
        );
    }
    Ok(0)
}

//! `briefings outlets`: every outlet with its number of questions, first and last date,
//! read from the index (not from every conference file).

use std::fmt::Write;

use super::columns::{pad_right, width};
use super::out::outln;
use super::search::with_index;
use crate::library::Library;
use crate::search::SearchIndex;

pub(super) fn run(library: &Library, json: bool, by_year: bool) -> Result<u8, String> {
    // Like `search`, only the index is read: files that do not load are
    // reported by `list` (reading the catalogue here would double the time).
    if by_year {
        return by_years(library, json);
    }
    let (rows, _) = with_index(library, SearchIndex::outlet_summary)?;
    if json {
        super::print_json(&rows)?;
        return Ok(0);
    }
    let w = name_width(rows.iter().map(|r| r.outlet.as_str()));
    outln!(
        "{:<w$}  {:>9}  {:<10}  {:<10}",
        "outlet",
        "questions",
        "first",
        "last"
    )?;
    for r in &rows {
        outln!(
            "{}  {:>9}  {}  {}",
            pad_right(&r.outlet, w),
            r.questions,
            r.first,
            r.last
        )?;
    }
    Ok(0)
}

/// `--by year`: the same rows with questions per year (JSON: a `years` object;
/// text: one column per year of the corpus).
fn by_years(library: &Library, json: bool) -> Result<u8, String> {
    let (questions, _) = with_index(library, SearchIndex::questions)?;
    let rows = crate::analysis::outlet_activity(&questions);
    if json {
        super::print_json(&rows)?;
        return Ok(0);
    }
    let years: std::collections::BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.years.keys().map(String::as_str))
        .collect();
    let w = name_width(rows.iter().map(|r| r.outlet.as_str()));
    let mut head = format!("{:<w$}  {:>9}", "outlet", "questions");
    for y in &years {
        let _ = write!(head, "  {y:>4}");
    }
    outln!("{head}")?;
    for r in &rows {
        let mut line = format!("{}  {:>9}", pad_right(&r.outlet, w), r.questions);
        for y in &years {
            let n = r.years.get(*y).copied().unwrap_or(0);
            let _ = write!(line, "  {n:>4}");
        }
        outln!("{line}")?;
    }
    Ok(0)
}

/// The outlet column: the widest name, at least as wide as its heading.
fn name_width<'a>(names: impl Iterator<Item = &'a str>) -> usize {
    names.map(width).max().unwrap_or(0).max(6)
}

//! `briefings outlets`: every outlet with its number of questions, first and last date,
//! read from the index (not from every conference file).

use super::out::outln;
use crate::library::Library;
use crate::search::quietly;

pub(super) fn run(library: &Library, json: bool) -> Result<u8, String> {
    // Like `search`, only the index is read: files that do not load are
    // reported by `list` (reading the catalogue here would double the time).
    let (index, note) = library.index().map_err(|e| e.to_string())?;
    if let Some(n) = note {
        eprintln!("{n}");
    }
    let rows = match quietly(|| index.outlet_summary()) {
        Ok(rows) => rows,
        Err(e) => {
            // A damaged index: rebuild from the corpus, once.
            drop(index);
            let (index, _) = library.rebuild().map_err(|e| e.to_string())?;
            eprintln!("index damaged ({e}), rebuilt");
            quietly(|| index.outlet_summary()).map_err(|e| e.to_string())?
        }
    };
    if json {
        super::print_json(&rows)?;
        return Ok(0);
    }
    let w = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.outlet.as_str()))
        .max()
        .unwrap_or(6)
        .max(6);
    outln!(
        "{:<w$}  {:>9}  {:<10}  {:<10}",
        "outlet",
        "questions",
        "first",
        "last"
    )?;
    for r in &rows {
        let pad = w - unicode_width::UnicodeWidthStr::width(r.outlet.as_str());
        outln!(
            "{}{}  {:>9}  {}  {}",
            r.outlet,
            " ".repeat(pad),
            r.questions,
            r.first,
            r.last
        )?;
    }
    Ok(0)
}

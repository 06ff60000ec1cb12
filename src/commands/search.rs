//! `briefings search` and `briefings index`: ranked hits from the index, and rebuilding it.

use super::out::outln;
use std::time::Instant;

use serde::Serialize;

use crate::cli::{QueryArgs, SearchArgs};
use crate::library::Library;
use crate::outlets::Outlets;
use crate::search::{Filters, IndexError, Query, Refusal, SearchIndex, Sort};

#[derive(Serialize)]
struct JsonHit<'a> {
    conference: &'a str,
    date: &'a str,
    language: &'a str,
    turn: usize,
    outlet: Option<&'a str>,
    spokesperson: Option<&'a str>,
    score: f32,
    snippet: &'a str,
}

/// The query `search`, `trend` and `kwic` run for these words and flags
/// (flags join the filters typed inside the query text; one given both ways with two
/// values is refused).
pub(super) fn query_of(a: &QueryArgs) -> Query {
    let (outlets, _) = Outlets::with_user_file();
    let flags = Filters {
        outlet: a.outlet.clone(),
        spokesperson: a.spokesperson.clone(),
        language: a.lang.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
    };
    let mut q: Query = crate::search::parse_query_with(&a.query.join(" "), flags, &outlets);
    q.prefix_last = false;
    q
}

/// Runs `job` on the library's index (its note said on stderr); when the
/// index turns out damaged (tantivy failed or panicked), rebuilds it from the
/// corpus once and runs `job` again. Returns the index too, for more work.
pub(super) fn with_index<T>(
    library: &Library,
    job: impl Fn(&SearchIndex) -> Result<T, IndexError>,
) -> Result<(T, SearchIndex), String> {
    let (index, note) = library.index().map_err(|e| e.to_string())?;
    if let Some(n) = note {
        eprintln!("{n}");
    }
    if let Ok(r) = crate::search::quietly(|| job(&index)) {
        return Ok((r, index));
    }
    let at = index.dir().map(crate::text::show_path).unwrap_or_default();
    drop(index);
    let (index, _) = library.rebuild().map_err(|e| e.to_string())?;
    eprintln!(
        "{}",
        crate::search::damaged(&format!("{at} failed a search"))
    );
    let r = crate::search::quietly(|| job(&index)).map_err(|e| e.to_string())?;
    Ok((r, index))
}

/// Says why a query was not run. Nothing searchable is no hit (a malformed
/// query is never an error, CLI.md): `Some(0)`; a filter that names nothing, an
/// impossible date, a filter without a value or given twice is a bad query: `Some(2)`,
/// and the caller exits with it at once.
pub(super) fn say_refusal(refusal: Option<&Refusal>) -> Option<u8> {
    let r = refusal?;
    eprintln!("{r}");
    Some(match r {
        Refusal::NothingToSearch(_) => 0,
        Refusal::Unmatchable(_) | Refusal::BadQuery(_) => 2,
    })
}

pub(super) fn run(library: &Library, a: &SearchArgs) -> Result<u8, String> {
    let mut q = query_of(&a.q);
    q.limit = a.limit;
    if a.newest {
        q.sort = Sort::Newest;
    }
    let (results, _) = with_index(library, |index| index.search(&q))?;
    let refused = say_refusal(results.refusal.as_ref());
    if refused == Some(2) {
        return Ok(2);
    }
    if a.json {
        let hits: Vec<JsonHit> = results
            .hits
            .iter()
            .map(|h| JsonHit {
                conference: &h.conference,
                date: &h.date,
                language: &h.language,
                turn: h.turn,
                outlet: h.outlet.as_deref(),
                spokesperson: h.spokesperson.as_deref(),
                score: h.score,
                snippet: &h.snippet.text,
            })
            .collect();
        super::print_json(&hits)?;
        return Ok(0);
    }
    if let Some(code) = refused {
        return Ok(code);
    }
    let width = super::output_width();
    let colour = super::marks::colour_wanted();
    for h in &results.hits {
        outln!(
            "{} {} #{} {} · {}",
            h.date,
            h.language,
            h.turn + 1,
            h.outlet.as_deref().unwrap_or("—"),
            h.conference
        )?;
        for line in super::marks::marked_lines(
            &h.snippet.text,
            &h.snippet.highlights,
            width.saturating_sub(4).max(10),
            colour,
        ) {
            outln!("    {line}")?;
        }
    }
    eprintln!(
        "{} ({} shown) in {:.1} ms",
        super::counted(results.total, "hit"),
        results.hits.len(),
        results.elapsed.as_secs_f64() * 1000.0
    );
    Ok(0)
}

/// `briefings index`: rebuild from scratch and report size and time.
pub(super) fn rebuild(library: &Library) -> Result<u8, String> {
    let started = Instant::now();
    if library.cache().is_none() {
        outln!("the sample corpus is indexed in memory; nothing to rebuild")?;
        return Ok(0);
    }
    let (index, problems) = library.rebuild().map_err(|e| e.to_string())?;
    super::report_problems(&problems);
    let (docs, bytes) = index.stats();
    let (entries, _) = library.catalog();
    outln!(
        "indexed {}, {} in {:.2} s; {:.1} MB at {}",
        super::counted(entries.len(), "conference"),
        super::counted(docs, "turn"),
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1e6,
        index
            .dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default()
    )?;
    Ok(0)
}

//! `briefings search` and `briefings index`: ranked hits from the index, and rebuilding it.

use super::out::outln;
use std::time::Instant;

use serde::Serialize;

use crate::cli::SearchArgs;
use crate::corpus::{Corpus, cache_dir_for};
use crate::open::open_index;
use crate::outlets::Outlets;
use crate::search::{Filters, Query, SearchIndex, Sort};

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

pub(super) fn run(corpus: &Corpus, a: &SearchArgs) -> Result<u8, String> {
    let (outlets, _) = Outlets::with_user_file();
    let (index, note) = open_index(corpus).map_err(|e| e.to_string())?;
    if let Some(n) = note {
        eprintln!("{n}");
    }
    // Flags override filters typed inside the query text.
    let mut q: Query = crate::search::parse_query(&a.query.join(" "), &outlets);
    let flags = Filters {
        outlet: a.outlet.as_deref().map(|o| outlets.canonical_for_query(o)),
        spokesperson: a.spokesperson.clone(),
        language: a.lang.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
    };
    merge(&mut q.filters, flags);
    q.limit = a.limit;
    q.prefix_last = false;
    if a.newest {
        q.sort = Sort::Newest;
    }
    let results = index.search(&q).map_err(|e| e.to_string())?;
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
    let width = super::output_width();
    for h in &results.hits {
        outln!(
            "{} {} #{} {} · {}",
            h.date,
            h.language,
            h.turn,
            h.outlet.as_deref().unwrap_or("—"),
            h.conference
        )?;
        for line in crate::wrap::wrap(
            &emphasise(&h.snippet.text, &h.snippet.highlights),
            width.saturating_sub(4).max(10),
        ) {
            outln!("    {line}")?;
        }
    }
    eprintln!(
        "{} hits ({} shown) in {:.1} ms",
        results.total,
        results.hits.len(),
        results.elapsed.as_secs_f64() * 1000.0
    );
    Ok(0)
}

fn merge(into: &mut Filters, flags: Filters) {
    if flags.outlet.is_some() {
        into.outlet = flags.outlet;
    }
    if flags.spokesperson.is_some() {
        into.spokesperson = flags.spokesperson;
    }
    if flags.language.is_some() {
        into.language = flags.language;
    }
    if flags.from.is_some() {
        into.from = flags.from;
    }
    if flags.to.is_some() {
        into.to = flags.to;
    }
}

/// Marks matches with [brackets] so plain-text output still shows them.
fn emphasise(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 2);
    let mut r = ranges.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        if r.peek().is_some_and(|x| x.start == i && x.end > x.start) {
            out.push('[');
        }
        out.push(c);
        if let Some(x) = r.peek()
            && i + 1 == x.end
        {
            out.push(']');
            r.next();
        }
    }
    out
}

/// `briefings index`: rebuild from scratch and report size and time.
pub(super) fn rebuild(corpus: &Corpus) -> Result<u8, String> {
    let started = Instant::now();
    let Some(dir) = corpus.path() else {
        outln!("the sample corpus is indexed in memory; nothing to rebuild")?;
        return Ok(0);
    };
    let index_dir = cache_dir_for(dir).join("index");
    if index_dir.exists() {
        std::fs::remove_dir_all(&index_dir)
            .map_err(|e| format!("{}: cannot remove the old index: {e}", index_dir.display()))?;
    }
    let (confs, problems) = corpus.load_all();
    super::report_problems(&problems);
    // The catalogue too: after an in-place edit the folder's fingerprint did not change.
    corpus.store_catalog(
        confs.iter().map(crate::corpus::Entry::of).collect(),
        &problems,
    );
    let n = confs.len();
    let (index, _) = SearchIndex::open_or_build(&index_dir, corpus.stamp(), || confs)
        .map_err(|e| e.to_string())?;
    let (docs, bytes) = index.stats();
    outln!(
        "indexed {n} conferences, {docs} turns in {:.2} s; {:.1} MB at {}",
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1e6,
        index_dir.display()
    )?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn emphasis_brackets_char_ranges() {
        assert_eq!(
            super::emphasise("la sécurité régionale", &[3..11, 12..21]),
            "la [sécurité] [régionale]"
        );
        assert_eq!(
            super::emphasise("南海问题", &[std::ops::Range { start: 0, end: 2 }]),
            "[南海]问题"
        );
    }
}

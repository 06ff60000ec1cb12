//! The browser with one 2 MB answer paragraph on screen: each key's own frame, and the time
//! from the key to its answer (hits and the reader's highlights) drawn. Budget: 250 ms.

use super::stats::{median, percentile};

/// Paragraph size: the budget in `../shared/bench/README.md` is stated for 2 MB.
const BYTES: usize = 2_000_000;
/// Typed one key at a time; every key is a new query (prefix, then whole words).
const QUERY: &str = "paix sécurité";

/// The table rows, measured `runs` times over.
pub fn measure(runs: usize) -> String {
    let mut keys = Vec::new();
    let mut answers = Vec::new();
    let mut marked = 0;
    for _ in 0..runs.max(1) {
        let got = briefings::big_paragraph(BYTES, QUERY, 120, 40)
            .unwrap_or_else(|e| panic!("2 MB paragraph: {e}"));
        keys.extend(got.keys.iter().map(|d| d.as_secs_f64() * 1000.0));
        answers.extend(got.answers.iter().map(|d| d.as_secs_f64() * 1000.0));
        marked = got.marked;
    }
    format!(
        "| figure | median | p99 | max | target |\n|---|---|---|---|---|\n\
         | 2 MB paragraph: key → its own frame | {:.1} ms | {:.1} ms | {:.1} ms | never waits |\n\
         | 2 MB paragraph: key → hits + reader highlights on screen | {:.1} ms | {:.1} ms | {:.1} ms | ≤ 250 ms |\n\
         ({} keys of {QUERY:?}; {marked} highlighted lines after the last)",
        median(&keys),
        percentile(&keys, 99.0),
        percentile(&keys, 100.0),
        median(&answers),
        percentile(&answers, 99.0),
        percentile(&answers, 100.0),
        keys.len(),
    )
}

//! `briefings outlets`: every outlet with its number of questions, first and last date.

use super::out::outln;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::library::Library;
use crate::model::TurnKind;

#[derive(Serialize)]
struct Row {
    outlet: String,
    questions: usize,
    first: String,
    last: String,
}

pub(super) fn run(library: &Library, json: bool) -> Result<u8, String> {
    let (confs, problems) = library.corpus().load_all();
    super::report_problems(&problems);
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for c in &confs {
        for t in c.turns.iter().filter(|t| t.kind == TurnKind::Question) {
            let Some(o) = &t.outlet else { continue };
            let r = rows.entry(o.clone()).or_insert_with(|| Row {
                outlet: o.clone(),
                questions: 0,
                first: c.date.clone(),
                last: c.date.clone(),
            });
            r.questions += 1;
            if c.date < r.first {
                r.first.clone_from(&c.date);
            }
            if c.date > r.last {
                r.last.clone_from(&c.date);
            }
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.questions
            .cmp(&a.questions)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
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

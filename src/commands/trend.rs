//! `briefings trend`: matching turns per period, as a bar chart, a table, JSON or CSV.

use std::fmt::Write;

use super::columns::{pad_left, pad_right, width};
use super::out::outln;
use super::search::{query_of, say_refusal, with_index};
use crate::analysis::{self, Trend};
use crate::cli::TrendArgs;
use crate::library::Library;

/// Series shown side by side in the text table; the rest are summed as `other`.
const SHOWN: usize = 6;

pub(super) fn run(library: &Library, a: &TrendArgs) -> Result<u8, String> {
    let q = query_of(&a.q);
    let (t, _) = with_index(library, |index| {
        analysis::trend(library, index, &q, a.by, a.split)
    })?;
    if say_refusal(t.refusal.as_ref()) == Some(2) {
        return Ok(2);
    }
    if a.json {
        super::print_json(&t)?;
    } else if a.csv {
        super::out::write(&csv(&t)?)?;
    } else if a.split.is_none() {
        bars(&t, super::output_width())?;
    } else {
        table(&t)?;
    }
    eprintln!("{}", super::counted(t.total, "matching turn"));
    Ok(0)
}

/// A `period` column, then one column per series (every series).
fn csv(t: &Trend) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| format!("cannot write CSV: {e}");
    let mut head = vec!["period".to_string()];
    head.extend(t.series.iter().map(|s| s.name.clone()));
    w.write_record(&head).map_err(fail)?;
    for (i, p) in t.periods.iter().enumerate() {
        let mut row = vec![p.clone()];
        row.extend(t.series.iter().map(|s| s.counts[i].to_string()));
        w.write_record(&row).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| format!("cannot write CSV: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot write CSV: {e}"))
}

/// One line per period: label, count, a bar scaled to the largest count.
fn bars(t: &Trend, columns: usize) -> Result<(), String> {
    let counts = t.series.first().map_or(&[][..], |s| s.counts.as_slice());
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let label = t.periods.iter().map(|p| width(p)).max().unwrap_or(4);
    let number = max.to_string().len().max(1);
    let room = columns.saturating_sub(label + number + 3).max(10);
    for (p, &n) in t.periods.iter().zip(counts) {
        let bar = "█".repeat((n * room).div_ceil(max));
        outln!("{}  {n:>number$} {bar}", pad_right(p, label))?;
    }
    Ok(())
}

/// Periods down, the largest series across (the rest as `other`), then `total`.
fn table(t: &Trend) -> Result<(), String> {
    let shown = &t.series[..t.series.len().min(SHOWN)];
    let rest = &t.series[shown.len()..];
    let mut names: Vec<&str> = shown.iter().map(|s| s.name.as_str()).collect();
    if !rest.is_empty() {
        names.push("other");
    }
    names.push("total");
    let cols: Vec<usize> = names.iter().map(|n| width(n).max(5)).collect();
    let label = t.periods.iter().map(|p| width(p)).max().unwrap_or(6).max(6);
    let mut head = pad_right("period", label);
    for (n, w) in names.iter().zip(&cols) {
        let _ = write!(head, "  {}", pad_left(n, *w));
    }
    outln!("{head}")?;
    for (i, p) in t.periods.iter().enumerate() {
        let mut cells: Vec<usize> = shown.iter().map(|s| s.counts[i]).collect();
        if !rest.is_empty() {
            cells.push(rest.iter().map(|s| s.counts[i]).sum());
        }
        cells.push(t.series.iter().map(|s| s.counts[i]).sum());
        let mut line = pad_right(p, label);
        for (n, w) in cells.iter().zip(&cols) {
            let _ = write!(line, "  {}", pad_left(&n.to_string(), *w));
        }
        outln!("{line}")?;
    }
    Ok(())
}

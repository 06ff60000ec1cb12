//! The results table: one column per corpus size, the ratio between the largest and smallest, and the targets.

use std::fmt::Write as _;
use std::time::Duration;

use super::browse::Session;
use super::import::Imported;
use super::stats::{median, percentile};
use super::whole::Versus;

/// Everything measured at one corpus size (a failed figure keeps its reason).
pub struct Measured {
    pub size: usize,
    pub raw_bytes: u64,
    pub turns: usize,
    pub import: Result<Imported, String>,
    pub browse: Result<Vec<Session>, String>,
    pub versus: Result<Versus, String>,
    /// Start to first full frame of the real binary (ms), one per run.
    pub first_frame: Result<Vec<f64>, String>,
    pub grep_label: String,
}

struct Row {
    figure: String,
    values: Vec<Option<f64>>,
    /// Digits after the point.
    digits: usize,
    target: &'static str,
}

const MB: f64 = 1e6;

/// The figures as a Markdown table, followed by sanity notes and any failure.
pub fn render(all: &[Measured]) -> String {
    let mut rows = corpus_rows(all);
    rows.extend(import_rows(all));
    rows.extend(browse_rows(all));
    rows.extend(search_rows(all));
    let mut out = table(all, &rows);
    notes(all, &mut out);
    out
}

fn row(figure: &str, values: Vec<Option<f64>>, digits: usize, target: &'static str) -> Row {
    Row {
        figure: figure.to_string(),
        values,
        digits,
        target,
    }
}

fn col(all: &[Measured], f: impl Fn(&Measured) -> Option<f64>) -> Vec<Option<f64>> {
    all.iter().map(f).collect()
}

fn corpus_rows(all: &[Measured]) -> Vec<Row> {
    vec![
        row(
            "transcripts",
            col(all, |m| Some(m.size as f64)),
            0,
            "≈ 240 a year",
        ),
        row(
            "raw text (MB)",
            col(all, |m| Some(m.raw_bytes as f64 / MB)),
            1,
            "130 MB for 5,000",
        ),
        row(
            "turns",
            col(all, |m| Some(m.turns as f64)),
            0,
            "125,000 for 5,000",
        ),
    ]
}

fn import_rows(all: &[Measured]) -> Vec<Row> {
    let secs = |d: &[Duration]| median(&d.iter().map(Duration::as_secs_f64).collect::<Vec<_>>());
    let rss = |i: &Imported| {
        median(
            &i.peak_rss
                .iter()
                .map(|b| *b as f64 / MB)
                .collect::<Vec<_>>(),
        )
    };
    vec![
        row(
            "import + index (s, whole process)",
            col(all, |m| m.import.as_ref().ok().map(|i| secs(&i.walls))),
            2,
            "≤ 10 s at 5,000; linear",
        ),
        row(
            "rebuild the index alone: `briefings index` (s)",
            col(all, |m| {
                m.import.as_ref().ok().map(|i| secs(&i.index_walls))
            }),
            2,
            "bare tantivy ~4 s",
        ),
        row(
            "import peak RSS (MB)",
            col(all, |m| m.import.as_ref().ok().map(rss)),
            0,
            "—",
        ),
        row(
            "index + catalogue on disk (MB)",
            col(all, |m| {
                m.import.as_ref().ok().map(|i| i.cache_bytes as f64 / MB)
            }),
            1,
            "linear",
        ),
    ]
}

/// Median over browsing sessions of one per-session figure.
fn sessions(all: &[Measured], f: fn(&Session) -> f64) -> Vec<Option<f64>> {
    col(all, |m| {
        m.browse
            .as_ref()
            .ok()
            .map(|s| median(&s.iter().map(f).collect::<Vec<_>>()))
    })
}

fn browse_rows(all: &[Measured]) -> Vec<Row> {
    vec![
        row(
            "open the index (ms)",
            sessions(all, |s| s.open_ms),
            2,
            "< 1 ms (bare tantivy)",
        ),
        row(
            "of which: corpus fingerprint (ms)",
            sessions(all, |s| s.stamp_ms),
            2,
            "—",
        ),
        row(
            "load the catalogue (ms)",
            sessions(all, |s| s.catalog_ms),
            2,
            "—",
        ),
        row(
            "TUI: start → first full frame, whole process (ms)",
            col(all, |m| m.first_frame.as_ref().ok().map(|v| median(v))),
            1,
            "≤ 100 ms; flat",
        ),
        row(
            "TUI: key → its frame drawn p99 (ms; never waits for search)",
            sessions(all, |s| percentile(&s.ui_keys_ms, 99.0)),
            2,
            "no wait on search",
        ),
        row(
            "TUI: search answer → its frame drawn p99 (ms)",
            sessions(all, |s| percentile(&s.ui_answers_ms, 99.0)),
            2,
            "—",
        ),
        row(
            "keystroke → hits+counts+snippets p50 (ms)",
            sessions(all, Session::p50),
            2,
            "—",
        ),
        row(
            "keystroke → hits+counts+snippets p99 (ms)",
            sessions(all, Session::p99),
            2,
            "≤ 5 ms; flat",
        ),
        row(
            "keystroke → hits+counts+snippets max (ms)",
            sessions(all, Session::max),
            2,
            "—",
        ),
        row(
            "peak RSS while browsing (MB)",
            sessions(all, |s| s.peak_rss as f64 / MB),
            0,
            "≤ 150 MB",
        ),
    ]
}

fn search_rows(all: &[Measured]) -> Vec<Row> {
    let grep = all.first().map_or("rg -i", |m| m.grep_label.as_str());
    let ours = |m: &Measured| m.versus.as_ref().ok().map(|v| median(&v.briefings_ms));
    let theirs = |m: &Measured| m.versus.as_ref().ok().map(|v| median(&v.grep_ms));
    vec![
        row(
            "`briefings search WORD` (ms, whole process)",
            col(all, ours),
            1,
            "—",
        ),
        row(
            &format!("`{grep} WORD` over the raw files (ms)"),
            col(all, theirs),
            1,
            "~35 ms",
        ),
        row(
            &format!("speed-up: {grep} ÷ briefings search (×)"),
            col(all, |m| Some(theirs(m)? / ours(m)?)),
            2,
            "≥ 3×",
        ),
    ]
}

fn table(all: &[Measured], rows: &[Row]) -> String {
    let ratio = all.len() >= 2;
    let mut header = vec!["figure".to_string()];
    header.extend(all.iter().map(|m| format!("{} conferences", m.size)));
    if let (true, Some(a), Some(b)) = (ratio, all.first(), all.last()) {
        header.push(format!("{}/{}", b.size, a.size));
    }
    header.push("target".to_string());
    let mut lines = vec![header];
    for r in rows {
        let mut line = vec![r.figure.clone()];
        line.extend(r.values.iter().map(|v| match v {
            Some(x) if x.is_finite() => format!("{x:.*}", r.digits),
            _ => "failed".to_string(),
        }));
        if ratio {
            line.push(match (r.values.first(), r.values.last()) {
                (Some(Some(a)), Some(Some(b))) if *a > 0.0 && b.is_finite() => {
                    format!("{:.2}", b / a)
                }
                _ => "—".to_string(),
            });
        }
        line.push(r.target.to_string());
        lines.push(line);
    }
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        let cells: Vec<String> = l
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            let _ = writeln!(out, "|-{}-|", rule.join("-|-"));
        }
    }
    out
}

/// What makes the figures trustworthy (or not): keystroke counts, hits found, rebuilds, failures.
fn notes(all: &[Measured], out: &mut String) {
    for m in all {
        let _ = writeln!(out, "\nAt {} conferences:", m.size);
        if let Ok(i) = &m.import {
            let _ = writeln!(
                out,
                "- import: {} runs; last said \"{}\"",
                i.walls.len(),
                i.summary
            );
        }
        match &m.browse {
            Ok(s) => {
                let keys = s.first().map_or(0, |x| x.keys_ms.len());
                let _ = writeln!(
                    out,
                    "- browsing: {} sessions of {keys} keystrokes each",
                    s.len()
                );
                if let Some(first) = s.first() {
                    let _ = writeln!(out, "- catalogue: {} conferences", first.entries);
                    let totals: Vec<String> = first
                        .totals
                        .iter()
                        .map(|(q, n)| format!("\"{q}\" {n}"))
                        .collect();
                    let _ = writeln!(
                        out,
                        "- matching turns per full query: {}",
                        totals.join(", ")
                    );
                }
                for note in s.iter().filter_map(|x| x.note.as_ref()) {
                    let _ = writeln!(out, "- the index was rebuilt on open: {note}");
                }
            }
            Err(e) => {
                let _ = writeln!(out, "- browsing failed: {e}");
            }
        }
        for e in [
            m.import.as_ref().err(),
            m.versus.as_ref().err(),
            m.first_frame.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        {
            let _ = writeln!(out, "- failed: {e}");
        }
    }
}

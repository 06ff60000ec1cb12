//! Figures 2–4: opening the index, incremental search keystroke by keystroke, and peak memory
//! while browsing — measured in a child process so its memory is the browser's alone.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use briefings::corpus::Corpus;
use briefings::library::Library;
use briefings::outlets::Outlets;
use briefings::search::parse_query;

use super::process;
use super::stats::percentile;

/// The environment variable that turns the bench binary into the browsing child.
pub const CHILD: &str = "BRIEFINGS_PERF_CHILD";
const CORPUS: &str = "BRIEFINGS_PERF_CORPUS";

/// What a user types in the search bar, one character at a time.
const QUERIES: &[&str] = &[
    "sécurité régionale",
    "coopération internationale",
    "mer de Chine méridionale",
    "négociations commerciales",
    "outlet:AFP taïwan",
    "droits de douane",
    "Etats-Unis",
    "intelligence artificielle",
    "gouvernance mondiale",
    "développement pacifique",
];

/// One browsing session as the child reported it.
#[derive(Debug, Default)]
pub struct Session {
    pub open_ms: f64,
    /// Fingerprinting the stored conferences alone (`Corpus::stamp`), which opening includes.
    pub stamp_ms: f64,
    pub catalog_ms: f64,
    pub entries: usize,
    /// Per keystroke, in order: query parsed, searched, hits + counts + snippets in hand.
    pub keys_ms: Vec<f64>,
    pub peak_rss: u64,
    /// The browser's input path: per key, update + frame (never waiting for the search).
    pub ui_keys_ms: Vec<f64>,
    /// Per search answer arriving, update + frame.
    pub ui_answers_ms: Vec<f64>,
    /// Total matching turns of each full query (a sanity check that search finds things).
    pub totals: Vec<(String, usize)>,
    /// Why the index was rebuilt on open, if it was (it should be warm after import).
    pub note: Option<String>,
}

impl Session {
    pub fn p50(&self) -> f64 {
        percentile(&self.keys_ms, 50.0)
    }
    pub fn p99(&self) -> f64 {
        percentile(&self.keys_ms, 99.0)
    }
    pub fn max(&self) -> f64 {
        percentile(&self.keys_ms, 100.0)
    }
}

/// Runs one browsing child over the imported corpus (with its cache folder).
pub fn measure(corpus: &Path, cache: &Path) -> Result<Session, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the bench binary: {e}"))?;
    let ran = process::run(
        Command::new(exe)
            .env(CHILD, "browse")
            .env(CORPUS, corpus)
            .env("BRIEFINGS_CACHE", cache),
    )?;
    if !ran.output.status.success() {
        return Err(format!(
            "browsing child failed: {}",
            process::last_error_line(&ran.output)
        ));
    }
    parse_report(&String::from_utf8_lossy(&ran.output.stdout))
}

/// The child: open the corpus catalogue and index as the browser does, type every query, report.
pub fn child_main() {
    let dir = std::env::var_os(CORPUS).expect("BRIEFINGS_PERF_CORPUS names the corpus to browse");
    let library = Library::at(Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    let corpus = Corpus::dir(Path::new(&dir));
    // The corpus fingerprint is part of opening (it decides whether the index is stale); timed alone too.
    let started = Instant::now();
    std::hint::black_box(corpus.stamp());
    let stamp_ms = ms(started);
    let started = Instant::now();
    let (index, note) = library
        .index()
        .unwrap_or_else(|e| panic!("open the index: {e}"));
    let open_ms = ms(started);
    let started = Instant::now();
    let (entries, _) = corpus.catalog();
    let catalog_ms = ms(started);
    let outlets = Outlets::builtin();
    let mut keys = Vec::new();
    let mut totals = Vec::new();
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        for k in 1..=chars.len() {
            let prefix: String = chars[..k].iter().collect();
            let started = Instant::now();
            let mut query = parse_query(&prefix, &outlets);
            query.prefix_last = true;
            query.limit = 50;
            let results = index
                .search(&query)
                .unwrap_or_else(|e| panic!("search {prefix:?}: {e}"));
            keys.push(ms(started));
            if k == chars.len() {
                totals.push((q.to_string(), results.total));
            }
            std::hint::black_box(results);
        }
    }
    // The browser itself at 120×40, typing the same queries: the frames a person sees.
    // (The first index is closed first: peak memory is one browser's.)
    drop(index);
    let (index, _) = library
        .index()
        .unwrap_or_else(|e| panic!("open the index: {e}"));
    let ui = briefings::input_path(Corpus::dir(Path::new(&dir)), index, QUERIES, 120, 40)
        .unwrap_or_else(|e| panic!("browser input path: {e}"));
    let mut out = String::new();
    let join = |v: &[std::time::Duration]| {
        v.iter()
            .map(|d| (d.as_secs_f64() * 1000.0).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(out, "ui_keys_ms {}", join(&ui.keys));
    let _ = writeln!(out, "ui_answers_ms {}", join(&ui.answers));
    let _ = writeln!(
        out,
        "open_ms {open_ms}\nstamp_ms {stamp_ms}\ncatalog_ms {catalog_ms}\nentries {}",
        entries.len()
    );
    let _ = writeln!(out, "note {}", note.unwrap_or_default());
    for (q, n) in totals {
        let _ = writeln!(out, "total {n} {q}");
    }
    let keys: Vec<String> = keys.iter().map(f64::to_string).collect();
    let _ = writeln!(out, "keys_ms {}", keys.join(" "));
    let _ = writeln!(
        out,
        "peak_rss {}",
        process::vm_hwm("/proc/self/status").unwrap_or(0)
    );
    print!("{out}");
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn parse_report(text: &str) -> Result<Session, String> {
    let mut s = Session::default();
    let num = |v: &str| {
        v.trim()
            .parse::<f64>()
            .map_err(|e| format!("browsing child printed {v:?}: {e}"))
    };
    for line in text.lines() {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "open_ms" => s.open_ms = num(value)?,
            "stamp_ms" => s.stamp_ms = num(value)?,
            "catalog_ms" => s.catalog_ms = num(value)?,
            "entries" => s.entries = num(value)? as usize,
            "note" if !value.trim().is_empty() => s.note = Some(value.to_string()),
            "total" => {
                let (n, q) = value.split_once(' ').unwrap_or((value, ""));
                s.totals.push((q.to_string(), num(n)? as usize));
            }
            "keys_ms" => {
                s.keys_ms = value
                    .split_whitespace()
                    .map(num)
                    .collect::<Result<_, _>>()?;
            }
            "peak_rss" => s.peak_rss = num(value)? as u64,
            "ui_keys_ms" => {
                s.ui_keys_ms = value
                    .split_whitespace()
                    .map(num)
                    .collect::<Result<_, _>>()?;
            }
            "ui_answers_ms" => {
                s.ui_answers_ms = value
                    .split_whitespace()
                    .map(num)
                    .collect::<Result<_, _>>()?;
            }
            _ => {}
        }
    }
    if s.keys_ms.is_empty() {
        return Err("browsing child reported no keystroke".to_string());
    }
    Ok(s)
}

//! The analysis rows: the trend of a common word, the first screen of a
//! concordance, similar answers — each timed in a child process over the
//! imported corpus (its own cache folder), index already open.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use briefings::analysis::{self, Concordance, Period, Split};
use briefings::library::Library;
use briefings::outlets::Outlets;
use briefings::search::parse_query;

use super::process;
use super::stats::{median, percentile};

/// The value of `browse::CHILD` that runs [`child_main`].
pub const CHILD_VALUE: &str = "analysis";
const CORPUS: &str = "BRIEFINGS_PERF_CORPUS";

/// Common words of the generated (French) corpus.
const WORDS: &[&str] = &[
    "Chine",
    "coopération",
    "développement",
    "États-Unis",
    "paix",
];
/// Lines on a first screen of the concordance (a 40-row terminal).
const SCREEN: usize = 40;
/// Times each figure is taken per word or turn.
const REPEAT: usize = 5;

/// The rows, measured in one child over the corpus in `corpus` with cache `cache`.
pub fn measure(corpus: &Path, cache: &Path) -> String {
    let ran = std::env::current_exe()
        .map_err(|e| format!("cannot find the bench binary: {e}"))
        .and_then(|exe| {
            process::run(
                Command::new(exe)
                    .env(super::browse::CHILD, CHILD_VALUE)
                    .env(CORPUS, corpus)
                    .env("BRIEFINGS_CACHE", cache),
            )
        });
    match ran {
        Ok(r) if r.output.status.success() => {
            String::from_utf8_lossy(&r.output.stdout).into_owned()
        }
        Ok(r) => format!(
            "analysis child failed: {}",
            process::last_error_line(&r.output)
        ),
        Err(e) => format!("analysis child failed: {e}"),
    }
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// In a child: the index of the corpus `BRIEFINGS_PERF_CORPUS` names, opened once, and
/// the built-in outlets (the analysis and Han children share it).
pub fn opened() -> (Library, briefings::search::SearchIndex, Outlets) {
    let dir = std::env::var_os(CORPUS).expect("BRIEFINGS_PERF_CORPUS names the corpus");
    let library = Library::at(Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    let (index, _) = library
        .index()
        .unwrap_or_else(|e| panic!("open the index: {e}"));
    (library, index, Outlets::builtin())
}

/// The child: open the index once, then time each analysis.
pub fn child_main() {
    let (library, index, outlets) = opened();
    let (mut trend, mut split, mut kwic, mut similar) = (vec![], vec![], vec![], vec![]);
    let (mut matched, mut lines, mut found) = (0, 0, 0);
    let mut turns = Vec::new();
    for w in WORDS {
        let q = parse_query(w, &outlets);
        for _ in 0..REPEAT {
            let started = Instant::now();
            let t = analysis::trend(&library, &index, &q, Period::Month, None)
                .unwrap_or_else(|e| panic!("trend {w}: {e}"));
            trend.push(ms(started));
            matched = matched.max(t.total);
            let started = Instant::now();
            let t = analysis::trend(&library, &index, &q, Period::Year, Some(Split::Outlet))
                .unwrap_or_else(|e| panic!("trend {w}: {e}"));
            split.push(ms(started));
            std::hint::black_box(t);
            let started = Instant::now();
            let mut c = Concordance::new(&index, &q, 6).unwrap_or_else(|e| panic!("kwic {w}: {e}"));
            let screen = c
                .more(&index, SCREEN)
                .unwrap_or_else(|e| panic!("kwic {w}: {e}"));
            kwic.push(ms(started));
            lines = screen.len();
            if turns.len() < 2 * WORDS.len() {
                turns.extend(screen.into_iter().take(2).map(|l| (l.conference, l.turn)));
            }
        }
    }
    for (id, turn) in &turns {
        for _ in 0..REPEAT {
            let started = Instant::now();
            let s = analysis::similar(&index, id, *turn, 10)
                .unwrap_or_else(|e| panic!("similar {id} {turn}: {e}"));
            similar.push(ms(started));
            found = s.map_or(0, |s| s.similar.len());
        }
    }
    let mut out = String::new();
    let row = |out: &mut String, name: &str, v: &[f64], target: &str| {
        let _ = writeln!(
            out,
            "| {name} | {:.1} ms | {:.1} ms | {:.1} ms | {target} |",
            median(v),
            percentile(v, 99.0),
            percentile(v, 100.0)
        );
    };
    out.push_str("| figure | median | p99 | max | target |\n|---|---|---|---|---|\n");
    row(
        &mut out,
        "trend of a common word, by month",
        &trend,
        "≤ 50 ms",
    );
    row(&mut out, "trend by year split by outlet", &split, "≤ 50 ms");
    row(
        &mut out,
        "concordance: first screen (40 lines)",
        &kwic,
        "≤ 50 ms",
    );
    row(&mut out, "similar answers (10)", &similar, "≤ 100 ms");
    let _ = writeln!(
        out,
        "({} words {WORDS:?}, up to {matched} matching turns; {lines} lines on a screen; \
         {} source turns, {found} similar answers for the last)",
        WORDS.len(),
        turns.len()
    );
    print!("{out}");
}

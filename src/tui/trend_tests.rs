//! The trend chart (`t`): its counts are `analysis::trend`'s (the function of
//! `briefings trend`) and the search's, over a corpus of nine years in three languages
//! indexed in memory; the counter runs off the UI thread, the newest count wins.

use std::collections::BTreeMap;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::action::{Action, Ready};
use super::app::{App, Counted, Counter, Effect, TrendJob};
use super::snapshot_tests::{check_lines, screen};
use crate::analysis::{self, Period, Split};
use crate::library::Library;
use crate::model::{Conference, Turn};
use crate::outlets::Outlets;
use crate::search::{SearchIndex, parse_query};

/// The word every language's answers share when they mention the subject.
const WORD: &str = "ASEAN";

/// Conferences four times a year from 2017 to 2025, in French, English and Chinese: the
/// `k`-th mentions ASEAN in `k % 3 + 1` turns of three when `k % 4 != 3` (never in the rest).
fn corpus() -> Vec<Conference> {
    let mut out = Vec::new();
    let mut k = 0usize;
    for year in 2017..=2025 {
        for month in [1, 4, 7, 10] {
            for lang in ["fr", "en", "zh"] {
                k += 1;
                let date = format!("{year}-{month:02}-1{}", k % 9);
                let id = format!("{date}-{lang}");
                let mut c: Conference = serde_json::from_value(serde_json::json!({
                    "id": id, "date": date, "language": lang,
                    "spokesperson": "Lin Jian", "title": format!("Conférence {id}")
                }))
                .expect("generated conference");
                let mentions = if k % 4 == 3 { 0 } else { k % 3 + 1 };
                c.turns = (0..3)
                    .map(|i| {
                        let outlet = if i == 0 { "AFP" } else { "Reuters" };
                        let mut t = Turn::question(
                            outlet.into(),
                            Some(outlet.into()),
                            vec!["Question ?".into()],
                        );
                        t.answer = vec![if i < mentions {
                            format!("{WORD} cooperation {year} {i}")
                        } else {
                            format!("Nothing to add {year} {i}")
                        }];
                        t
                    })
                    .collect();
                out.push(c);
            }
        }
    }
    out.reverse();
    out
}

/// Turns mentioning ASEAN per (year, language), counted from the text, not by the index.
fn by_hand(confs: &[Conference]) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for c in confs {
        let n = c
            .turns
            .iter()
            .filter(|t| t.answer.iter().any(|a| a.contains(WORD)))
            .count();
        if n > 0 {
            *out.entry((c.date[..4].to_string(), c.language.clone()))
                .or_default() += n;
        }
    }
    out
}

/// A library with no corpus of its own: the language split never reads it (only the
/// spokesperson split does); the index is the in-memory one.
fn library() -> Library {
    let dir = std::env::temp_dir().join(format!("briefings-trend-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    Library::at(&dir).expect("library")
}

fn ready(width: u16, height: u16) -> (App, Arc<SearchIndex>) {
    let confs = corpus();
    let index = Arc::new(SearchIndex::in_memory(&confs).expect("in-memory index"));
    let entries = confs.iter().map(crate::corpus::Entry::of).collect();
    let mut app = super::fixture::app_of(confs, entries, width, height);
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::clone(&index)),
        note: None,
    }));
    (app, index)
}

/// Answers the searches and the counts the app asked for, as the workers would; returns
/// the count jobs asked.
fn pump(app: &mut App, index: &SearchIndex, library: &Library) -> Vec<TrendJob> {
    let mut jobs = Vec::new();
    loop {
        let mut asked = Vec::new();
        for e in super::fixture::pump(app, index) {
            if let Effect::Trend(job) = e {
                asked.push(job);
            }
        }
        if asked.is_empty() {
            return jobs;
        }
        for job in asked {
            app.update(Action::Counted(job.run(library)));
            jobs.push(job);
        }
    }
}

fn search(app: &mut App, index: &SearchIndex, library: &Library, text: &str) {
    app.update(Action::OpenSearch);
    app.update(Action::ClearInput);
    for c in text.chars() {
        app.update(Action::Insert(c));
        pump(app, index, library);
    }
    app.update(Action::Accept);
    pump(app, index, library);
}

#[test]
fn the_charts_counts_are_briefings_trends_and_the_searchs() {
    let library = library();
    let (mut app, index) = ready(80, 24);
    app.update(Action::ToggleTrend);
    let truth = by_hand(&corpus());
    for (text, by) in [
        ("asean", Period::Year),
        ("asean ", Period::Year),
        ("asean lang:fr", Period::Year),
        ("asean 2024-01..2025-06", Period::Month),
        ("outlet:AFP asean 2021..2024", Period::Quarter),
        ("cooperation -asean", Period::Month),
    ] {
        search(&mut app, &index, &library, text);
        let chart = app.trend.chart.clone().expect("a chart");
        assert!(!app.trend.counting(), "{text}");
        assert_eq!(chart.by, by, "{text}: the unit follows the span");
        assert_eq!(chart.split, Some(Split::Lang));
        // The function `briefings trend` prints, on the query the hit list ran.
        let q = app.search.query.clone().expect("the search's query");
        let cli = analysis::trend(&library, &index, &q, by, Some(Split::Lang)).expect("trend");
        assert_eq!(chart, cli, "{text}");
        assert_eq!(
            chart.total, app.search.total,
            "{text}: the hit list's total"
        );
        assert_eq!(
            chart.total,
            index.search(&q).expect("search").total,
            "{text}"
        );
        let summed: usize = chart
            .series
            .iter()
            .map(|s| s.counts.iter().sum::<usize>())
            .sum();
        assert_eq!(summed, chart.total, "{text}");
    }
    // Typed as on the command line (no word left as a prefix), the counts are the CLI's.
    let cli_q = parse_query("asean", &Outlets::builtin());
    let cli =
        analysis::trend(&library, &index, &cli_q, Period::Year, Some(Split::Lang)).expect("trend");
    search(&mut app, &index, &library, "asean ");
    assert_eq!(
        app.trend.chart.as_ref().map(|c| &c.series),
        Some(&cli.series)
    );
    // And they are the turns that mention the word, counted by hand.
    let mut seen = BTreeMap::new();
    for s in &cli.series {
        for (year, n) in cli.periods.iter().zip(&s.counts) {
            if *n > 0 {
                seen.insert((year.clone(), s.name.clone()), *n);
            }
        }
    }
    assert_eq!(seen, truth);
}

#[test]
fn no_query_says_to_type_one_and_a_count_under_way_says_counting() {
    let library = library();
    let (mut app, index) = ready(80, 24);
    app.update(Action::ToggleTrend);
    let (lines, _) = screen(&app);
    assert!(
        lines.join("\n").contains("Type a search to see its trend"),
        "{}",
        lines.join("\n")
    );
    assert!(
        app.take_effects()
            .iter()
            .all(|e| !matches!(e, Effect::Trend(_)))
    );
    // Each keystroke asks a new count; none is waited for.
    app.update(Action::OpenSearch);
    let mut asked = Vec::new();
    for c in "asean".chars() {
        app.update(Action::Insert(c));
        for e in super::fixture::pump(&mut app, &index) {
            if let Effect::Trend(job) = e {
                asked.push(job);
            }
        }
    }
    assert_eq!(asked.len(), 5, "one count per query");
    assert!(app.trend.counting());
    let (lines, _) = screen(&app);
    assert!(
        lines.join("\n").contains("counting…"),
        "{}",
        lines.join("\n")
    );
    // An older count arriving late is dropped; the newest is shown.
    app.update(Action::Counted(asked[4].run(&library)));
    let newest = app.trend.chart.clone();
    app.update(Action::Counted(asked[1].run(&library)));
    assert_eq!(app.trend.chart, newest);
    assert!(!app.trend.counting());
    assert_eq!(newest.map(|c| c.total), Some(app.search.total));
    // `t` again: the reader is back.
    app.update(Action::Accept);
    app.update(Action::ToggleTrend);
    let (lines, _) = screen(&app);
    assert!(lines.join("\n").contains("Reader"), "{}", lines.join("\n"));
}

#[test]
fn the_counter_counts_on_its_own_thread() {
    let (_, index) = ready(80, 24);
    let (tx, rx) = mpsc::channel();
    let counter = Counter::spawn(Arc::new(library()), move |c: Counted| {
        let _ = tx.send(c);
    });
    let mut q = parse_query("asean", &Outlets::builtin());
    q.limit = 0;
    counter.submit(TrendJob {
        generation: 7,
        query: q.clone(),
        index: Arc::clone(&index),
    });
    let got = rx.recv_timeout(Duration::from_secs(60)).expect("a count");
    assert_eq!(got.generation, 7);
    let t = got.outcome.expect("counted");
    assert_eq!(t.total, index.search(&q).expect("search").total);
    assert!(t.total > 0);
}

#[test]
fn the_chart_at_80x24_and_160x48() {
    let library = library();
    for (w, h, name) in [(80, 24, "trend_80x24"), (160, 48, "trend_160x48")] {
        let (mut app, index) = ready(w, h);
        app.update(Action::ToggleTrend);
        search(&mut app, &index, &library, "asean");
        // The search's time varies from run to run: fixed for the snapshot.
        app.search.elapsed = Duration::from_micros(100);
        let (lines, _) = screen(&app);
        check_lines(name, &lines);
        let all = lines.join("\n");
        assert!(all.contains("Trend · per year"), "{all}");
        assert!(all.contains("2025"), "the newest period is labelled: {all}");
        assert!(
            all.contains("fr") && all.contains("en") && all.contains("zh"),
            "{all}"
        );
    }
    // The help lists the key.
    let (mut app, _) = ready(80, 24);
    app.update(Action::ToggleHelp);
    let help = screen(&app).0.join("\n");
    assert!(
        help.contains("t             trend chart of the search"),
        "{help}"
    );
    // A span of months at 80×24: the labels are cut to fit, never overlapped.
    let (mut app, index) = ready(80, 24);
    app.update(Action::ToggleTrend);
    search(&mut app, &index, &library, "asean 2024-01..2025-06");
    app.search.elapsed = Duration::from_micros(100);
    let (lines, _) = screen(&app);
    check_lines("trend_months_80x24", &lines);
    assert!(lines.join("\n").contains("25-04"), "{}", lines.join("\n"));
}

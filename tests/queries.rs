//! Search that never silently misleads: a query with nothing searchable matches nothing and
//! says why; a filter that cannot match says so, with close names. The real binary on the
//! project's own transcripts (three languages).

use crate::support;

use serde_json::Value;
use support::{App, fixture, stderr, stdout};

fn imported(tag: &str) -> App {
    let app = App::new(tag);
    for f in [
        "fr/2024-03-05_wang.txt",
        "en/2019-11-14_geng.txt",
        "zh/2018-05-10_lu.txt",
    ] {
        let o = app.run(&["import", fixture(f).to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
    }
    app
}

fn json(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn a_query_with_nothing_searchable_matches_nothing_and_says_why() {
    let app = imported("nothing");
    let long = "a".repeat(41);
    for q in ["?", "***", "-", "\"\"", long.as_str(), "? lang:fr", ""] {
        let o = app.run(&["search", q, "--json"]);
        assert_eq!(o.status.code(), Some(0), "{q:?}: {}", stderr(&o));
        assert_eq!(json(&o), Value::Array(Vec::new()), "{q:?} matched turns");
        assert!(
            stderr(&o).contains("nothing to search"),
            "{q:?}: {}",
            stderr(&o)
        );
    }
    let o = app.run(&["search", "?"]);
    assert!(stdout(&o).is_empty() && stderr(&o).contains("has no word"));
    // A searchable word still finds its turns.
    let o = app.run(&["search", "China", "--json"]);
    assert!(!json(&o).as_array().unwrap().is_empty(), "{}", stderr(&o));
}

/// Runs a search expected to be refused (exit 2, nothing on stdout); returns stderr.
fn refused(app: &App, args: &[&str]) -> String {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    let o = app.run(&all);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
    stderr(&o)
}

#[test]
fn a_filter_that_cannot_match_says_so() {
    let app = imported("unmatchable");
    let err = refused(&app, &["China lang:de"]);
    assert!(
        err.contains("\"de\" is not a language") && err.contains("en, fr, zh"),
        "{err}"
    );
    let err = refused(&app, &["China outlet:Foo"]);
    assert!(
        err.contains("\"Foo\"") && err.contains("briefings outlets"),
        "{err}"
    );
    let err = refused(&app, &["China", "--outlet", "Foo"]);
    assert!(err.contains("\"Foo\""), "{err}");
    let err = refused(&app, &["China", "--outlet", "Reuter"]);
    assert!(err.contains("did you mean Reuters"), "{err}");
    let err = refused(&app, &["outlet:bloomberh"]);
    assert!(err.contains("did you mean Bloomberg"), "{err}");
    let err = refused(&app, &["sp:nobody China"]);
    assert!(err.contains("\"nobody\"") && err.contains("wang"), "{err}");
    let err = refused(&app, &["China 2025..2019"]);
    assert!(err.contains("reversed"), "{err}");
    let err = refused(
        &app,
        &["China", "--from", "2025-01-01", "--to", "2019-01-01"],
    );
    assert!(err.contains("reversed"), "{err}");
}

#[test]
fn an_impossible_date_in_the_query_is_refused_as_the_flag_is() {
    let app = imported("baddate");
    let feb = "2025-02-30 is not a calendar date: February 2025 has 28 days, not 30";
    let flag = refused(&app, &["the", "--from", "2025-02-30"]);
    assert!(flag.contains(feb), "{flag}");
    for q in [
        "2025-02-30..2025-12-31 the",
        "the ..2025-02-30",
        "the 2025-02-30",
        "the from:2025-02-30",
    ] {
        let err = refused(&app, &[q]);
        assert!(err.contains(feb), "{q}: {err}");
    }
    assert!(refused(&app, &["the 2025-13"]).contains("month 13 does not exist"));
}

#[test]
fn a_filter_given_twice_or_without_a_value_is_refused_naming_it() {
    let app = imported("twice");
    for (args, said) in [
        (
            &["China", "--outlet", "AFP", "outlet:Reuters"][..],
            "two outlets given (\"Reuters\" and \"AFP\")",
        ),
        (
            &["China lang:fr lang:en"],
            "two languages given (\"fr\" and \"en\")",
        ),
        (&["China", "--lang", "en", "lang:fr"], "two languages given"),
        (&["China outlet:\"\""], "outlet: needs a value"),
        (&["China lang:"], "lang: needs a value"),
        (&["lang:"], "lang: needs a value"),
    ] {
        let err = refused(&app, args);
        assert!(err.contains(said), "{args:?}: {err}");
    }
    // One filter said twice the same way (an alias, another case) is that filter.
    let o = app.run(&["search", "China", "--outlet", "afp", "outlet:AFP", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The dates of the hits `search` prints as JSON for `args`.
fn hit_dates(app: &App, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let o = app.run(&all);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    json(&o)
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_bare_year_filters_search_and_kwic_and_other_numbers_are_words() {
    let app = imported("year");
    for (q, year) in [("2019", "2019"), ("China 2024", "2024"), ("2018", "2018")] {
        let dates = hit_dates(&app, &[q]);
        assert!(!dates.is_empty(), "{q}");
        assert!(dates.iter().all(|d| d.starts_with(year)), "{q}: {dates:?}");
    }
    assert!(hit_dates(&app, &["2023"]).is_empty());
    // A number that is no plausible year is searched as a word ("from over 150 countries").
    assert_eq!(hit_dates(&app, &["150"]), ["2019-11-14"]);
    // kwic reads the query the same way: every line is from 2019.
    let o = app.run(&["kwic", "China 2019", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = json(&o);
    let lines = lines.as_array().unwrap();
    assert!(!lines.is_empty(), "{}", stdout(&o));
    assert!(
        lines
            .iter()
            .all(|l| l["date"].as_str() == Some("2019-11-14")),
        "{lines:?}"
    );
}

#[test]
fn or_joins_either_side_and_minus_excludes_in_the_cli() {
    let app = imported("or");
    let mut dates = hit_dates(&app, &["visit OR 会谈"]);
    dates.sort();
    dates.dedup();
    assert_eq!(dates, ["2018-05-10", "2019-11-14"]);
    let turns = |q: &str| {
        let o = app.run(&["search", q, "--json"]);
        let mut t: Vec<u64> = json(&o)
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h["turn"].as_u64())
            .collect();
        t.sort_unstable();
        t
    };
    let all = turns("visit");
    let kept = turns("visit -details");
    assert_eq!(kept.len() + 1, all.len(), "{all:?} {kept:?}");
    // A query that starts with `-` follows `--`, or clap takes it for a flag.
    let o = app.run(&["search", "--json", "--", "-visit"]);
    assert_eq!(json(&o), Value::Array(Vec::new()));
    assert!(stderr(&o).contains("exclusions alone"), "{}", stderr(&o));
}

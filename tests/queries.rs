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
    for q in [
        "?",
        "***",
        "-",
        "\"\"",
        "lang:",
        long.as_str(),
        "? lang:fr",
        "",
    ] {
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

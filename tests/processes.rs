//! Several briefings processes on one corpus at once: searches while another
//! process imports or rebuilds, two searches right after a change, two imports
//! at once. Every process must succeed and every count must be right.

use crate::support;

use std::path::PathBuf;
use std::process::{Child, Output, Stdio};

use support::{App, fixtures, stderr};

/// The project's own dated transcripts (each imports cleanly), sorted.
fn transcripts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["en", "fr", "zh", "html"]
        .iter()
        .flat_map(|lang| std::fs::read_dir(fixtures().join(lang)).expect("tests/fixtures"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .collect();
    files.sort();
    assert!(files.len() >= 6, "{files:?}");
    files
}

fn spawn(app: &App, args: &[&str]) -> Child {
    app.command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start briefings")
}

fn import(app: &App, files: &[PathBuf]) -> Child {
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    spawn(app, &args)
}

fn search(app: &App) -> Child {
    spawn(app, &["search", "China", "--limit", "1"])
}

fn finish(child: Child) -> Output {
    child.wait_with_output().expect("wait for briefings")
}

/// The total of a `search` run, from its "N hits" line; panics when it failed.
fn total(o: &Output) -> usize {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(0), "search failed:\n{err}");
    err.lines()
        .find_map(|l| {
            l.split_once(" hits (")
                .and_then(|(n, _)| n.trim().parse().ok())
        })
        .unwrap_or_else(|| panic!("no hit count in:\n{err}"))
}

fn ok(o: &Output, what: &str) {
    assert_eq!(o.status.code(), Some(0), "{what} failed:\n{}", stderr(o));
    assert!(
        !stderr(o).contains("could not be updated"),
        "{what} printed a spurious warning:\n{}",
        stderr(o)
    );
}

/// Searches running while another process re-imports the same files (the corpus
/// changes, the count does not) or rebuilds the index: all succeed, all right.
#[test]
fn searches_while_another_process_imports_or_rebuilds() {
    let app = App::new("procs-import");
    let files = transcripts();
    ok(&finish(import(&app, &files)), "first import");
    let expected = total(&finish(search(&app)));
    assert!(expected > 3, "{expected} hits");
    for round in 0..12 {
        let writer = if round % 3 == 2 {
            spawn(&app, &["index"])
        } else {
            import(&app, &files[round % 4..])
        };
        let searches: Vec<Child> = (0..3).map(|_| search(&app)).collect();
        let more: Vec<Child> = (0..2).map(|_| search(&app)).collect();
        for s in searches.into_iter().chain(more) {
            assert_eq!(total(&finish(s)), expected, "round {round}");
        }
        ok(&finish(writer), "writer");
    }
}

/// Right after the corpus changed, two searches start at once: both must
/// succeed (one builds the index, the other waits and uses it).
#[test]
fn two_searches_right_after_a_change() {
    let app = App::new("procs-two");
    let files = transcripts();
    ok(&finish(import(&app, &files)), "first import");
    let expected = total(&finish(search(&app)));
    for round in 0..15 {
        // A change the index does not know: a conference file rewritten by hand.
        let confs = app.corpus().join("conferences");
        let first = std::fs::read_dir(&confs)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
            .unwrap();
        let bytes = std::fs::read(&first).unwrap();
        let tmp = confs.join(format!(".by-hand-{round}.tmp"));
        std::fs::write(&tmp, &bytes).unwrap();
        std::fs::rename(&tmp, &first).unwrap();
        let (a, b) = (search(&app), search(&app));
        assert_eq!(total(&finish(a)), expected, "round {round}, first");
        assert_eq!(total(&finish(b)), expected, "round {round}, second");
    }
}

/// Two imports of different files at once: both succeed without a warning,
/// and the index then holds both.
#[test]
fn two_imports_at_once_both_land() {
    let files = transcripts();
    let (left, right) = files.split_at(files.len() / 2);
    let whole = App::new("procs-whole");
    ok(&finish(import(&whole, &files)), "import");
    let expected = total(&finish(search(&whole)));
    for round in 0..4 {
        let app = App::new("procs-both");
        let (a, b) = (import(&app, left), import(&app, right));
        ok(&finish(a), "left import");
        ok(&finish(b), "right import");
        assert_eq!(total(&finish(search(&app))), expected, "round {round}");
        let list = app.run(&["list", "--json"]);
        let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        let whole_list = whole.run(&["list", "--json"]);
        let whole_rows: serde_json::Value = serde_json::from_slice(&whole_list.stdout).unwrap();
        assert_eq!(rows, whole_rows, "round {round}: the catalogue holds both");
    }
}

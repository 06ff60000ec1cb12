//! A reader that goes away (`briefings list | head -1`) ends the command quietly: exit 0, no panic.

use crate::support;

use std::io::Read;
use std::process::Stdio;

use support::App;

/// Runs `args` with stdout a pipe whose reading end is closed at once, as `head` does once it has its line.
fn with_closed_stdout(app: &App, args: &[&str]) -> (Option<i32>, String) {
    let mut child = app
        .command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn briefings");
    drop(child.stdout.take());
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).expect("read stderr");
    }
    let status = child.wait().expect("wait briefings");
    (status.code(), err)
}

fn assert_quiet(args: &[&str]) {
    let app = App::new("pipe");
    let (code, err) = with_closed_stdout(&app, args);
    assert!(!err.contains("panicked"), "{args:?} panicked:\n{err}");
    assert_eq!(code, Some(0), "{args:?} exit code; stderr:\n{err}");
}

#[test]
fn list_into_a_closed_pipe_exits_quietly() {
    assert_quiet(&["list"]);
    assert_quiet(&["list", "--json"]);
}

#[test]
fn search_into_a_closed_pipe_exits_quietly() {
    assert_quiet(&["search", "chine"]);
    assert_quiet(&["search", "chine", "--json"]);
}

#[test]
fn show_and_outlets_into_a_closed_pipe_exit_quietly() {
    assert_quiet(&["show", "2026-03-12-fr", "--json"]);
    assert_quiet(&["show", "2026-03-12-fr"]);
    assert_quiet(&["outlets"]);
}

//! `kill -9` during a large import never leaves a half-written conference; re-running completes it.
//!
//! The short form runs in CI (`KILL_ROUNDS`, default 20 rounds); raise it for a long run:
//! `KILL_ROUNDS=200 cargo test --release --test crash`.

mod support;

use std::path::Path;
use std::time::Duration;

use support::{App, TempDir, shared};

/// Writes every shared transcript twice under `dir`, once as is and once with a marker
/// word appended to each line, so each imported conference is recognisably version A or B.
fn two_versions(dir: &Path, marker: &str) {
    let src = shared().join("corpus");
    for lang in ["fr", "en", "zh"] {
        for e in std::fs::read_dir(src.join(lang)).unwrap().flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let name = format!("{lang}-{}", e.file_name().to_string_lossy());
            std::fs::create_dir_all(dir.join("a")).unwrap();
            std::fs::create_dir_all(dir.join("b")).unwrap();
            std::fs::write(dir.join("a").join(&name), &text).unwrap();
            let marked: String = text
                .lines()
                .map(|l| {
                    if l.trim().is_empty() {
                        "\n".to_string()
                    } else {
                        format!("{l} {marker}\n")
                    }
                })
                .collect();
            std::fs::write(dir.join("b").join(&name), marked).unwrap();
        }
    }
}

#[test]
fn kill_during_import_leaves_old_or_new_never_a_mix() {
    let rounds: usize = std::env::var("KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let raw = TempDir::new("crash-raw");
    two_versions(raw.path(), "ZQXMARK");
    let app = App::new("crash");
    let a = raw.path().join("a");
    let b = raw.path().join("b");
    assert_eq!(
        app.run(&["import", a.to_str().unwrap()]).status.code(),
        Some(0)
    );

    for round in 0..rounds {
        let src = if round % 2 == 0 { &b } else { &a };
        let mut child = app
            .command()
            .args(["import", src.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the import: from at once to well into the writing phase.
        std::thread::sleep(Duration::from_millis((round as u64 * 37) % 400));
        let _ = child.kill();
        let _ = child.wait();
        check_every_file_is_whole(&app.corpus().join("conferences"));
    }
    let o = app.run(&["import", b.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "re-running the import completes it"
    );
    let o = app.run(&["list", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let all: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(all.as_array().unwrap().len() >= 55);
    for e in std::fs::read_dir(app.corpus().join("conferences"))
        .unwrap()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !name.starts_with('.') {
            let text = std::fs::read_to_string(e.path()).unwrap();
            assert!(
                text.contains("ZQXMARK"),
                "{name} is the new version after the last import"
            );
        }
    }
}

/// Every conference file parses, and is entirely version A (no marker) or entirely B (marker on every paragraph).
fn check_every_file_is_whole(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        let c: briefings::model::Conference = serde_json::from_slice(&bytes)
            .unwrap_or_else(|err| panic!("{name} is not whole: {err}"));
        let paragraphs: Vec<&String> = c
            .turns
            .iter()
            .flat_map(|t| t.question.iter().chain(&t.answer))
            .collect();
        let marked = paragraphs.iter().filter(|p| p.contains("ZQXMARK")).count();
        assert!(
            marked == 0 || marked == paragraphs.len(),
            "{name} mixes versions: {marked}/{}",
            paragraphs.len()
        );
    }
}

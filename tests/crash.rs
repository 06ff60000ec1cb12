//! `kill -9` during a large import never leaves a half-written conference; re-running completes it.
//!
//! The short form runs in CI (`KILL_ROUNDS`, default 20 rounds); raise it for a long run:
//! `KILL_ROUNDS=200 cargo test --release --test crash`.

use crate::support;

use std::path::Path;
use std::time::Duration;

use support::{App, TempDir, shared};

/// Writes every transcript of `src` twice under `dir`, once as is and once with a marker
/// word appended to each line, so each imported conference is recognisably version A or B.
fn two_versions(src: &Path, dir: &Path, marker: &str) {
    for lang in ["fr", "en", "zh"] {
        for e in std::fs::read_dir(src.join(lang)).unwrap().flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let name = format!("{lang}-{}", e.file_name().to_string_lossy());
            std::fs::create_dir_all(dir.join("a")).unwrap();
            std::fs::create_dir_all(dir.join("b")).unwrap();
            std::fs::write(dir.join("a").join(&name), &text).unwrap();
            let version_b: String = text
                .lines()
                .map(|l| {
                    if l.trim().is_empty() {
                        "\n".to_string()
                    } else {
                        format!("{l} {marker}\n")
                    }
                })
                .collect();
            std::fs::write(dir.join("b").join(&name), version_b).unwrap();
        }
    }
}

#[test]
fn kill_during_import_leaves_old_or_new_never_a_mix() {
    let rounds: usize = std::env::var("KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let Some(shared) = shared() else {
        return;
    };
    let raw = TempDir::new("crash-raw");
    two_versions(&shared.join("corpus"), raw.path(), "ZQXMARK");
    let a = raw.path().join("a");
    let b = raw.path().join("b");
    // Reference corpora: what a complete import of each version writes.
    let (ref_a, ref_b) = (App::new("crash-ref-a"), App::new("crash-ref-b"));
    assert_eq!(
        ref_a.run(&["import", a.to_str().unwrap()]).status.code(),
        Some(0)
    );
    assert_eq!(
        ref_b.run(&["import", b.to_str().unwrap()]).status.code(),
        Some(0)
    );

    let app = App::new("crash");
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
        check_every_file_is_whole(&app.corpus(), &ref_a.corpus(), &ref_b.corpus());
    }
    let o = app.run(&["import", b.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "re-running the import completes it"
    );
    let o = app.run(&["list", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    for e in std::fs::read_dir(ref_b.corpus().join("conferences"))
        .unwrap()
        .flatten()
    {
        let mine = std::fs::read(app.corpus().join("conferences").join(e.file_name())).unwrap();
        assert_eq!(
            mine,
            std::fs::read(e.path()).unwrap(),
            "{:?} is the new version",
            e.file_name()
        );
    }
}

/// Every conference file is byte for byte the old or the new version of itself.
fn check_every_file_is_whole(corpus: &Path, ref_a: &Path, ref_b: &Path) {
    for e in std::fs::read_dir(corpus.join("conferences"))
        .unwrap()
        .flatten()
    {
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        let a = std::fs::read(ref_a.join("conferences").join(&name)).ok();
        let b = std::fs::read(ref_b.join("conferences").join(&name)).ok();
        assert!(
            a.as_deref() == Some(&bytes[..]) || b.as_deref() == Some(&bytes[..]),
            "{} is neither the old nor the new version",
            name.display()
        );
    }
}

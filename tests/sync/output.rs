//! What `briefings sync` prints goes through the writer the other commands
//! use: a reader that goes away (`| head -1`) ends it quietly, a full disk is
//! one clear sentence (exit 1), never a panic.

use std::io::Read as _;
use std::process::Stdio;

use super::archive::two_pages;
use super::mirror_root;
use crate::support::stderr;

/// Failed before the fix: both exited 101 (a panic in `println!`).
#[test]
fn dry_run_into_a_closed_pipe_or_a_full_disk_does_not_panic() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "sync-pipe");
    let command = || {
        let mut c = site.app.command();
        c.env("BRIEFINGS_SYNC_MIRROR", &site.mirror.url).args([
            "sync",
            "--sources",
            site.sources.to_str().unwrap(),
            "--dry-run",
        ]);
        c
    };
    for json in [false, true] {
        let mut c = command();
        if json {
            c.arg("--json");
        }
        let mut child = c
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!err.contains("panicked"), "json {json}: {err}");
        assert_eq!(status.code(), Some(0), "json {json}: {err}");
    }
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = command().stdout(full).output().unwrap();
    let se = stderr(&out);
    assert!(!se.contains("panicked"), "{se}");
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(se.contains("cannot write to standard output"), "{se}");
}

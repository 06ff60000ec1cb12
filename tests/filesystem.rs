//! File-system trouble: a read-only corpus, a full disk, unreadable input. Each gives one
//! clear sentence, exit 1, and nothing already in the corpus is lost.
//!
//! Permission checks do not apply to root, so when the tests run as root the binary is run
//! as `nobody` through `setpriv`; the full-disk case mounts a small tmpfs, which needs root.

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use support::{App, TempDir, fixture, snapshot, stderr, stdout};

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The app's command, run as an unprivileged user when we are root.
fn unprivileged(app: &App, args: &[&str]) -> std::process::Output {
    let mut c = app.command();
    if is_root() {
        let inner = c;
        let mut wrapped = Command::new("setpriv");
        wrapped
            .args([
                "--reuid",
                "65534",
                "--regid",
                "65534",
                "--clear-groups",
                "--",
            ])
            .arg(inner.get_program())
            .args(args);
        for (k, v) in inner.get_envs() {
            match v {
                Some(v) => wrapped.env(k, v),
                None => wrapped.env_remove(k),
            };
        }
        c = wrapped;
    } else {
        c.args(args);
    }
    c.output().expect("run briefings")
}

fn chmod_tree(dir: &Path, mode: u32) {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            chmod_tree(&e.path(), mode);
        }
    }
}

fn open_up(app: &App) {
    // The unprivileged user must reach the temp folders and write the cache.
    std::fs::create_dir_all(app.cache()).unwrap();
    for p in [app.home.path().to_path_buf(), app.cache()] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
}

#[test]
fn read_only_corpus_folder_is_one_sentence_and_loses_nothing() {
    let app = App::new("ro");
    let first = fixture("fr/2024-03-05_wang.txt");
    assert_eq!(
        app.run(&["import", first.to_str().unwrap()]).status.code(),
        Some(0)
    );
    open_up(&app);
    chmod_tree(&app.corpus(), 0o555);
    let before = snapshot(&app.corpus());
    let more = fixture("en/2019-11-14_geng.txt");
    let o = unprivileged(&app, &["import", more.to_str().unwrap()]);
    chmod_tree(&app.corpus(), 0o755);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("Permission denied") && err.contains("conferences"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(before, snapshot(&app.corpus()));
    // Reading still works from a read-only corpus: the cache lives elsewhere.
    chmod_tree(&app.corpus(), 0o555);
    let o = unprivileged(&app, &["list"]);
    chmod_tree(&app.corpus(), 0o755);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("2024-03-05-fr"));
}

#[test]
fn unreadable_transcript_is_named_and_the_others_land() {
    let app = App::new("perm");
    open_up(&app);
    let raw = TempDir::new("perm-raw");
    std::fs::set_permissions(raw.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::copy(fixture("fr/2024-03-05_wang.txt"), raw.path().join("ok.txt")).unwrap();
    std::fs::copy(
        fixture("en/2019-11-14_geng.txt"),
        raw.path().join("secret.txt"),
    )
    .unwrap();
    std::fs::set_permissions(
        raw.path().join("secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(
        raw.path().join("ok.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::create_dir_all(app.corpus()).unwrap();
    std::fs::set_permissions(app.corpus(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let o = unprivileged(&app, &["import", raw.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("secret.txt: cannot read"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("imported 1 conference"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn full_disk_fails_cleanly_and_keeps_what_was_there() {
    if !is_root() {
        eprintln!("full_disk: not root, cannot mount a small tmpfs; covered by the read-only case");
        return;
    }
    let app = App::new("full");
    std::fs::create_dir_all(app.corpus()).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(app.corpus())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("full_disk: mount refused here; covered by the read-only case");
        return;
    }
    let first = fixture("fr/2024-03-05_wang.txt");
    assert_eq!(
        app.run(&["import", first.to_str().unwrap()]).status.code(),
        Some(0)
    );
    // Fill the disk, leaving a few kilobytes.
    let filler = vec![b'x'; 4096];
    let mut f = std::fs::File::create(app.corpus().join("filler")).unwrap();
    while std::io::Write::write_all(&mut f, &filler).is_ok() {}
    drop(f);
    let before = snapshot(&app.corpus().join("conferences"));
    let o = app.run(&["import", support::fixtures().to_str().unwrap()]);
    let err = stderr(&o);
    let after = snapshot(&app.corpus().join("conferences"));
    let _ = Command::new("umount").arg(app.corpus()).status();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("No space left"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        before, after,
        "the existing conference is intact and no partial file is left"
    );
}

/// A small transcript written here, so the walk tests need nothing from ../shared.
fn write_transcript(dir: &Path, name: &str, day: u32) {
    let text = format!(
        "Conférence de presse du {day} juillet 2025 tenue par le porte-parole du ministère des Affaires étrangères Guo Jiakun\n\n\
         2025-07-{day:02} 20:40\n\nAFP : Une question sur la paix ?\n\nGuo Jiakun : La Chine soutient la paix.\n"
    );
    std::fs::write(dir.join(name), text).unwrap();
}

/// Runs import in a thread-free way but never waits forever: a hang is a failure, not a stuck suite.
fn import_within(app: &App, args: &[&str], secs: u64) -> std::process::Output {
    let mut child = app
        .command()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn briefings");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("briefings {args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn symlink_loops_visit_each_folder_and_file_once() {
    let app = App::new("loops");
    let raw = TempDir::new("loops-raw");
    write_transcript(raw.path(), "a.txt", 28);
    std::fs::create_dir(raw.path().join("sub")).unwrap();
    write_transcript(&raw.path().join("sub"), "b.txt", 29);
    std::os::unix::fs::symlink(".", raw.path().join("self1")).unwrap();
    std::os::unix::fs::symlink(".", raw.path().join("self2")).unwrap();
    std::os::unix::fs::symlink("..", raw.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink("a.txt", raw.path().join("again.txt")).unwrap();
    let o = import_within(&app, &["import", raw.path().to_str().unwrap()], 60);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("imported 2 conferences (2 turns) from 2 files"),
        "each file read once: {}",
        stdout(&o)
    );
    assert!(!stderr(&o).contains("also comes from"), "{}", stderr(&o));
}

#[test]
fn fifos_devices_and_huge_files_are_skipped_with_their_names() {
    let app = App::new("special");
    let raw = TempDir::new("special-raw");
    write_transcript(raw.path(), "good.txt", 28);
    assert!(
        Command::new("mkfifo")
            .arg(raw.path().join("x.txt"))
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", raw.path().join("zero.txt")).unwrap();
    // Sparse: 65 MB on paper, nothing on disk.
    let big = std::fs::File::create(raw.path().join("big.txt")).unwrap();
    big.set_len(65 * 1024 * 1024).unwrap();
    drop(big);
    let o = import_within(&app, &["import", raw.path().to_str().unwrap()], 60);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("x.txt: skipped: not a regular file (a named pipe)"),
        "{err}"
    );
    assert!(
        err.contains("zero.txt: skipped: not a regular file (a character device)"),
        "{err}"
    );
    assert!(
        err.contains(
            "big.txt: skipped: 65 MB is larger than a transcript can be (the limit is 64 MB)"
        ),
        "{err}"
    );
    assert!(
        stdout(&o).contains("imported 1 conference"),
        "{}",
        stdout(&o)
    );
    // Named on the command line, the pipe is refused too rather than waited on.
    let fifo = raw.path().join("x.txt");
    let o = import_within(&app, &["import", fifo.to_str().unwrap()], 60);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
}

#[test]
fn a_file_name_with_escape_and_newline_is_printed_escaped() {
    let app = App::new("names");
    let raw = TempDir::new("names-raw");
    let name = "bad\u{1b}[31m\nname.txt";
    std::fs::write(raw.path().join(name), "not a transcript at all\n").unwrap();
    let o = import_within(&app, &["import", raw.path().to_str().unwrap()], 60);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains('\u{1b}'), "raw ESC in {err:?}");
    assert!(err.contains("bad\\u{1b}[31m\\nname.txt"), "{err:?}");
    assert_eq!(err.lines().count(), 1, "one line per problem: {err:?}");
}

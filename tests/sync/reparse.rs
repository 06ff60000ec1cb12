//! `import --reparse` never loses a conference: a manifest line edited by
//! hand or damaged is reported and skipped, a raw page whose bytes changed (or
//! that now parses to nothing) leaves its conference as it is, and a wrong
//! corpus path is an error that creates nothing.

use serde_json::Value;

use super::archive::{conference_file, import, raw_file, two_pages};
use super::{mirror_root, raw_manifest};
use crate::support::{App, stderr};

const A: &str = "https://test.example/list/a.shtml";
const B: &str = "https://test.example/list/b.shtml";

/// Appends `lines` to the corpus's raw manifest.
fn append_to_manifest(app: &App, lines: &[Value]) {
    let path = app.corpus().join("raw/manifest.jsonl");
    let mut text = std::fs::read_to_string(&path).unwrap();
    for l in lines {
        text.push_str(&l.to_string());
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
}

fn line_of(app: &App, url: &str) -> Value {
    raw_manifest(app)
        .into_iter()
        .rev()
        .find(|e| e["url"] == url)
        .unwrap()
}

/// Failed before the fix: the reparse deleted `<corpus>/victim.json`
/// (conference `../victim`) and read a page from outside `raw/`.
#[test]
fn a_manifest_line_with_a_bad_id_or_file_is_reported_and_never_acted_on() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "reparse-bad-line");
    assert_eq!(site.sync(&[]).status.code(), Some(0));
    let corpus = site.app.corpus();
    let victim = corpus.join("victim.json");
    std::fs::write(&victim, "{}").unwrap();
    let outside = corpus.join("outside.html");
    std::fs::write(&outside, "<html>not a page of the raw store</html>").unwrap();
    let mut bad_id = line_of(&site.app, A);
    bad_id["conference"] = "../victim".into();
    let mut bad_file = line_of(&site.app, B);
    bad_file["file"] = "../outside.html".into();
    let mut absolute = line_of(&site.app, B);
    absolute["file"] = outside.to_str().unwrap().into();
    let before = raw_manifest(&site.app).len();
    append_to_manifest(&site.app, &[bad_id, bad_file, absolute]);
    let july = [
        conference_file(&site, "2020-07-03-zh"),
        conference_file(&site, "2020-07-02-zh"),
    ];
    let kept: Vec<Vec<u8>> = july.iter().map(|f| std::fs::read(f).unwrap()).collect();

    let out = import(&site, &["--reparse"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(victim.is_file(), "a file outside conferences/ was deleted");
    for (n, what) in [
        (before + 1, "\"../victim\" is not a conference id"),
        (before + 2, "\"../outside.html\" is not a path inside raw/"),
        (before + 3, "is not a path inside raw/"),
    ] {
        assert!(
            se.contains(&format!("raw/manifest.jsonl:{n}: ")) && se.contains(what),
            "line {n} ({what}) not reported: {se}"
        );
    }
    // The good lines still rule: both conferences rebuilt as they were.
    for (file, bytes) in july.iter().zip(&kept) {
        assert_eq!(&std::fs::read(file).unwrap(), bytes, "{}", file.display());
    }
    // A sync reads the manifest the same way: it warns and acts on the good lines only.
    let again = site.sync(&[]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains(&format!("warning: raw/manifest.jsonl:{}: ", before + 1)),
        "{}",
        stderr(&again)
    );
    assert!(victim.is_file() && july.iter().all(|f| f.is_file()));
}

/// Failed before the fix: a raw page changed on disk (or one the parser now
/// reads as nothing) made the reparse delete its conference.
#[test]
fn a_damaged_raw_page_or_one_that_now_parses_to_nothing_keeps_its_conference() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "reparse-damaged");
    assert_eq!(site.sync(&[]).status.code(), Some(0));
    let july_3 = conference_file(&site, "2020-07-03-zh");
    let theirs = std::fs::read(&july_3).unwrap();
    let raw = raw_file(&site, A);
    let mut bytes = std::fs::read(&raw).unwrap();
    // A block of the page zeroed by a failing disk.
    let mid = bytes.len() / 3;
    bytes[mid..].fill(0);
    std::fs::write(&raw, &bytes).unwrap();

    let out = import(&site, &["--reparse"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(
        se.contains("raw/test/list/a.shtml: raw page damaged: checksum differs"),
        "{se}"
    );
    assert_eq!(std::fs::read(&july_3).unwrap(), theirs, "conference lost");
    assert!(
        !se.contains("maintenance"),
        "damage is not a maintenance page: {se}"
    );

    // The same bytes with a matching checksum (as if the parser no longer read the
    // page): reported, and the conference still kept.
    let mut line = line_of(&site.app, A);
    line["sha256"] = sha256(&bytes).into();
    append_to_manifest(&site.app, &[line]);
    let out = import(&site, &["--reparse"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(
        se.contains(&format!("{A}: ")) && se.contains("conference 2020-07-03-zh kept as it is"),
        "{se}"
    );
    assert_eq!(std::fs::read(&july_3).unwrap(), theirs, "conference lost");
    assert!(conference_file(&site, "2020-07-02-zh").is_file());
    assert_eq!(line_of(&site.app, A)["conference"], "2020-07-03-zh");
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Failed before the fix: both exited 0 after creating `raw/` (and the missing corpus folder).
#[test]
fn reparse_of_a_wrong_path_or_a_corpus_never_synced_fails_and_creates_nothing() {
    let app = App::new("reparse-nothing");
    let typo = app.home.path().join("corpsu");
    let out = app.run(&["--corpus", typo.to_str().unwrap(), "import", "--reparse"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{se}");
    assert!(se.contains("corpsu: no corpus here"), "{se}");
    assert!(!typo.exists(), "the mistyped path was created");

    std::fs::create_dir_all(app.corpus().join("conferences")).unwrap();
    let out = app.run(&["import", "--reparse"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(se.contains("no raw pages: nothing to reparse"), "{se}");
    assert!(!app.corpus().join("raw").exists(), "raw/ was created");
}

/// Failed before the fix: a reparse whose writes fail (a full disk; here a file-size
/// limit, which root cannot bypass as it does permissions) removed every conference it
/// could not rewrite. Now each stays as it was, and the reparse says why and exits 1.
#[test]
fn a_reparse_that_cannot_write_keeps_every_conference() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "reparse-full");
    assert_eq!(site.sync(&[]).status.code(), Some(0));
    let july = [
        conference_file(&site, "2020-07-03-zh"),
        conference_file(&site, "2020-07-02-zh"),
    ];
    let kept: Vec<Vec<u8>> = july.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(
        kept.iter().all(|k| k.len() > 8192),
        "larger than the limit below"
    );
    let cmd = site.app.command();
    let mut sh = std::process::Command::new("sh");
    // SIGXFSZ ignored: a write past the limit fails with EFBIG instead of killing.
    sh.arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 8; exec "$0" "$@""#)
        .arg(cmd.get_program())
        .args(["import", "--reparse"]);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    let out = sh.output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("2020-07-03-zh") || err.contains("File too large"),
        "{err}"
    );
    for (file, bytes) in july.iter().zip(&kept) {
        assert_eq!(
            &std::fs::read(file).unwrap(),
            bytes,
            "{} kept",
            file.display()
        );
    }
}

//! End-to-end tests of the sub-commands, run as a user would: the real binary on real transcripts.

use crate::support;

use serde_json::Value;
use support::{App, TempDir, fixture, shared, snapshot, stderr, stdout};

fn json(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// The whole shared corpus imported; `None` (one skip line printed) without `../shared`.
fn imported() -> Option<App> {
    let corpus = shared()?.join("corpus");
    let app = App::new("cli");
    let o = app.run(&["import", corpus.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "import failed:\n{}", stderr(&o));
    Some(app)
}

#[test]
fn import_then_list_show_outlets_and_search() {
    let Some(app) = imported() else {
        return;
    };

    let list = json(&app.run(&["list", "--json"]));
    let rows = list.as_array().unwrap();
    assert!(rows.len() >= 55, "{} conferences", rows.len());
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    for key in ["id", "date", "language", "spokesperson", "title", "turns"] {
        assert!(rows[0].get(key).is_some(), "list --json has {key}");
    }

    let show = app.run(&["show", "2025-07-29-fr", "--json"]);
    assert_eq!(show.status.code(), Some(0));
    let mut conf = json(&show);
    assert_eq!(conf["spokesperson"], "Guo Jiakun");
    assert_eq!(conf["turns"][0]["outlet"], "Shenzhen TV");
    // show --json is the stored conference plus the links to its other language versions
    // (`versions`, and `aligned` per turn), which the catalogue computes: none here.
    assert_eq!(conf["versions"], serde_json::json!({}));
    conf.as_object_mut().unwrap().remove("versions");
    for turn in conf["turns"].as_array_mut().unwrap() {
        assert_eq!(turn["aligned"], serde_json::json!({}));
        turn.as_object_mut().unwrap().remove("aligned");
    }
    let stored =
        std::fs::read_to_string(app.corpus().join("conferences/2025-07-29-fr.json")).unwrap();
    assert_eq!(
        conf,
        serde_json::from_str::<Value>(&stored).unwrap(),
        "show --json is the stored conference"
    );

    let text = stdout(&app.run(&["show", "2025-07-29-fr"]));
    assert!(text.contains("Shenzhen TV") && text.contains("Guo Jiakun"));
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
        "wrapped to COLUMNS"
    );

    let outlets = json(&app.run(&["outlets", "--json"]));
    let names: Vec<&str> = outlets
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outlet"].as_str().unwrap())
        .collect();
    for o in ["AFP", "CCTV", "Reuters", "Xinhua"] {
        assert!(names.contains(&o), "{o} in {names:?}");
    }
    let afp = outlets
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["outlet"] == "AFP")
        .unwrap();
    assert!(
        afp["questions"].as_u64().unwrap() >= 10 && afp["first"].as_str() <= afp["last"].as_str()
    );

    let hits = json(&app.run(&["search", "Taiwan", "--json"]));
    assert!(!hits.as_array().unwrap().is_empty(), "Taiwan is found");
    let hit = &hits[0];
    for key in [
        "conference",
        "date",
        "language",
        "turn",
        "outlet",
        "spokesperson",
        "score",
        "snippet",
    ] {
        assert!(hit.get(key).is_some(), "search --json has {key}");
    }
    let zh = json(&app.run(&["search", "南海", "--lang", "zh", "--json"]));
    assert!(zh.as_array().unwrap().iter().all(|h| h["language"] == "zh"));
    let afp_hits = json(&app.run(&[
        "search",
        "Chine",
        "--outlet",
        "Agence France-Presse",
        "--json",
    ]));
    assert!(
        afp_hits
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["outlet"] == "AFP")
    );
}

#[test]
fn reimport_replaces_instead_of_duplicating() {
    let app = App::new("reimport");
    let file = fixture("fr/2024-03-05_wang.txt");
    for _ in 0..2 {
        let o = app.run(&["import", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            stdout(&o).contains("imported 1 conference"),
            "{}",
            stdout(&o)
        );
    }
    let list = json(&app.run(&["list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn bad_input_is_reported_by_path_and_changes_nothing() {
    let app = App::new("bad");
    let good = fixture("en/2019-11-14_geng.txt");
    assert_eq!(
        app.run(&["import", good.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let before = snapshot(&app.corpus());

    let bad = TempDir::new("bad-files");
    let files = [
        ("empty.txt", b"".to_vec()),
        ("binary.txt", vec![0u8, 159, 146, 150, 0, 1, 2, 255]),
        (
            "noturn.txt",
            "Just a sentence with no speaker at all.\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "nobody.html",
            b"<html><head><title>x</title></head><body><nav>menu</nav></body></html>".to_vec(),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(bad.path().join(name), bytes).unwrap();
    }
    let missing = bad.path().join("does-not-exist.txt");
    let o = app.run(&[
        "import",
        bad.path().to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (name, _) in &files {
        assert!(
            err.contains(&format!("{}", bad.path().join(name).display())),
            "{name} named in:\n{err}"
        );
    }
    assert!(err.contains("does-not-exist.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        stdout(&o).contains("imported 0 conferences"),
        "{}",
        stdout(&o)
    );
    assert_eq!(before, snapshot(&app.corpus()), "the corpus did not change");
}

#[test]
fn empty_corpus_falls_back_to_the_sample_and_says_so() {
    let app = App::new("sample");
    let o = app.run(&["list", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("sample"), "{}", stderr(&o));
    let list = json(&o);
    let langs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["language"].as_str().unwrap())
        .collect();
    for l in ["fr", "en", "zh"] {
        assert!(langs.contains(&l), "sample has {l}");
    }
}

#[test]
fn unknown_id_and_bad_flags_have_their_exit_codes() {
    let app = App::new("codes");
    let own = fixture("fr/2024-03-05_wang.txt");
    assert_eq!(
        app.run(&["import", own.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let o = app.run(&["show", "1999-01-01-xx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("1999-01-01-xx"));
    assert_eq!(
        app.run(&["search", "x", "--from", "yesterday"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        app.run(&["search", "x", "--lang", "de"]).status.code(),
        Some(2)
    );
    assert_eq!(app.run(&["frobnicate"]).status.code(), Some(2));
    // A malformed query is searched as plain words: never an error.
    for q in ["\"unbalanced", "AND", "-", "*", "((("] {
        let o = app.run(&["search", q]);
        assert_eq!(o.status.code(), Some(0), "{q}: {}", stderr(&o));
    }
    // A filter without its value is no malformed word: it is refused, saying what it needs.
    let o = app.run(&["search", "outlet:"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("outlet: needs a value"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_corpus_path_that_is_a_file_is_one_clear_sentence() {
    let app = App::new("file");
    std::fs::write(app.corpus(), "not a folder").unwrap();
    let o = app.run(&["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a file"), "{}", stderr(&o));
    let o = app.run(&[
        "import",
        fixture("fr/2024-03-05_wang.txt").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn index_command_reports_size_and_time() {
    let Some(app) = imported() else {
        return;
    };
    let o = app.run(&["index"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("turns") && out.contains("MB"), "{out}");
}

#[test]
fn show_and_search_output_carry_no_escape_sequences() {
    let app = App::new("inject");
    let dir = app.corpus().join("conferences");
    std::fs::create_dir_all(&dir).unwrap();
    let conf = serde_json::json!({
        "format": 1, "id": "2025-01-02-fr", "date": "2025-01-02", "language": "fr",
        "spokesperson": "Guo\u{1b}[5m Jiakun",
        "title": "Titre\u{1b}]0;PWNED\u{7} propre",
        "turns": [{"kind": "question", "asker": "AFP\u{1b}[2J", "outlet": "AFP",
                   "question": ["Question\u{1b}]52;c;UFdORUQ=\u{7} sécurité ?"],
                   "speaker": "Guo Jiakun",
                   "answer": ["Réponse\u{1b}]8;;http://x\u{1b}\\lien\u{1b}]8;;\u{1b}\\ sécurité\u{202e}\u{8}\r"]}]
    });
    std::fs::write(dir.join("2025-01-02-fr.json"), conf.to_string()).unwrap();
    for args in [
        &["show", "2025-01-02-fr"][..],
        &["show", "2025-01-02-fr", "--json"],
        &["search", "sécurité"],
        &["search", "sécurité", "--json"],
        &["list"],
        &["outlets"],
    ] {
        let o = app.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = stdout(&o) + &stderr(&o);
        assert!(
            !out.contains('\u{1b}')
                && !out.contains('\u{7}')
                && !out.contains('\u{202e}')
                && !out.contains('\u{8}'),
            "{args:?} printed a control character: {out:?}"
        );
    }
    assert!(stdout(&app.run(&["show", "2025-01-02-fr"])).contains("Titre propre"));
}

#[test]
fn an_in_place_edit_is_picked_up_by_the_index_command() {
    let app = App::new("inplace");
    let file = fixture("fr/2024-03-05_wang.txt");
    assert_eq!(
        app.run(&["import", file.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let _ = app.run(&["list"]);
    let path = app.corpus().join("conferences/2024-03-05-fr.json");
    let mut conf: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    conf["title"] = Value::from("Titre corrigé à la main");
    // Written in place (no rename): the folder's fingerprint does not change.
    std::fs::write(&path, conf.to_string()).unwrap();
    assert_eq!(app.run(&["index"]).status.code(), Some(0));
    let list = json(&app.run(&["list", "--json"]));
    assert_eq!(list[0]["title"], "Titre corrigé à la main");
}

#[test]
fn show_tells_a_wrong_id_from_a_damaged_file() {
    let app = App::new("show-damaged");
    let own = fixture("fr/2024-03-05_wang.txt");
    assert_eq!(
        app.run(&["import", own.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let path = app.corpus().join("conferences/2024-03-05-fr.json");
    std::fs::write(&path, "{\n  \"id\": \"2024-03-05-fr\",\n  oops").unwrap();
    let o = app.run(&["show", "2024-03-05-fr"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("{}:3: ", path.display())),
        "the damaged file, with its line: {err}"
    );
    assert!(
        !err.contains("briefings list"),
        "no advice about ids: {err}"
    );
    let o = app.run(&["show", "2099-01-01-fr"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "no conference with id 2099-01-01-fr; `briefings list` shows the ids."
    );
}

/// Every file and folder under `dir`, relative, sorted: to prove a command created nothing.
fn tree(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = snapshot(dir)
        .into_iter()
        .map(|(p, _)| p.strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    out.sort();
    out
}

#[test]
fn import_dry_run_shows_each_file_and_writes_nothing() {
    let app = App::new("dry-run");
    let bad = TempDir::new("dry-run-bad");
    let empty = bad.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let toc = fixture("messy/en/toc-before-text.txt");
    let after = fixture("messy/zh/after-conference.txt");
    let o = app.run(&[
        "import",
        "--dry-run",
        toc.to_str().unwrap(),
        after.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "a file would fail: exit 1");
    let text = stdout(&o);
    for want in [
        "2024-07-10-en  2024-07-10  en  Mao Ning  3 turns",
        "      1  CCTV: \"The NATO summit declaration criticised",
        "2024-02-06-zh",
        "会后，有记者问及 (no outlet), after the conference: \"据报道",
        "empty.txt:1: the file is empty",
        "would import 2 conferences (6 turns) from 3 files; 0 warnings, 1 file would fail",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }
    // Nothing at all under the app's home: no corpus folder, no cache, no data dir.
    assert_eq!(tree(app.home.path()), Vec::<std::path::PathBuf>::new());
}

#[test]
fn import_dry_run_json_lists_turns_and_says_what_it_would_replace() {
    let app = App::new("dry-run-json");
    let file = fixture("messy/zh/after-conference.txt");
    let path = file.to_str().unwrap();
    let o = app.run(&["import", "--dry-run", "--json", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(
        (&v["conferences"], &v["turns"], &v["failed"]),
        (&Value::from(1), &Value::from(3), &Value::from(0))
    );
    let c = &v["files"][0]["conferences"][0];
    assert_eq!(
        (&c["id"], &c["spokesperson"], &c["replaces"]),
        (
            &Value::from("2024-02-06-zh"),
            &Value::from("Wang Wenbin"),
            &Value::from(false)
        )
    );
    let turn = &c["turns"][1];
    assert_eq!(turn["turn"], 1, "0-based, as every JSON turn field");
    assert_eq!(turn["asker"], "会后，有记者问及");
    assert_eq!(turn["outlet"], Value::Null);
    assert_eq!(turn["after_conference"], true);
    assert!(turn["question"].as_str().unwrap().starts_with("据报道"));
    assert!(!app.corpus().exists(), "the dry run created the corpus");

    // Once imported, a dry run says the file would replace it, and changes nothing.
    assert_eq!(app.run(&["import", path]).status.code(), Some(0));
    let before = snapshot(app.home.path());
    let v = json(&app.run(&["import", "--dry-run", "--json", path]));
    assert_eq!(v["files"][0]["conferences"][0]["replaces"], true);
    assert_eq!(
        snapshot(app.home.path()),
        before,
        "a dry run wrote something"
    );
    // `--json` belongs to the dry run.
    assert_eq!(app.run(&["import", "--json", path]).status.code(), Some(2));
}

//! One text rule for transcripts, conference files written by other tools, and queries
//! (`text::sanitize`): decomposed accents, invisible marks inside words, bidi and format
//! controls, lone-CR line ends. The real binary, run as a user would.

use crate::support;

use serde_json::Value;
use support::{App, fixture, stderr, stdout};

fn json(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// A conference file as another tool may write it: `text` as the statement's answer.
fn write_conference(app: &App, id: &str, text: &str, extra: Value) {
    let dir = app.corpus().join("conferences");
    std::fs::create_dir_all(&dir).unwrap();
    let mut conf = serde_json::json!({
        "id": id, "date": &id[..10], "language": "fr", "title": "t",
        "turns": [{"kind": "statement", "answer": [text], "note": extra.clone()}]
    });
    conf["scraper"] = extra;
    std::fs::write(dir.join(format!("{id}.json")), conf.to_string()).unwrap();
}

fn hits(app: &App, query: &str) -> usize {
    let o = app.run(&["search", query, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{query}: {}", stderr(&o));
    json(&o).as_array().map_or(0, Vec::len)
}

#[test]
fn decomposed_text_is_found_by_composed_and_plain_queries() {
    let app = App::new("nfd");
    write_conference(
        &app,
        "2025-01-02-fr",
        "La se\u{301}curite\u{301} re\u{301}gionale est essentielle.",
        Value::Null,
    );
    assert_eq!(hits(&app, "sécurité"), 1);
    assert_eq!(hits(&app, "securite"), 1);
    // A decomposed query (pasted from a macOS tool) finds composed text too.
    write_conference(
        &app,
        "2025-01-03-fr",
        "Une négociation ouverte.",
        Value::Null,
    );
    assert_eq!(hits(&app, "ne\u{301}gociation"), 1);
    let shown = json(&app.run(&["show", "2025-01-02-fr", "--json"]));
    assert_eq!(
        shown["turns"][0]["answer"][0],
        "La sécurité régionale est essentielle."
    );
}

#[test]
fn invisible_marks_inside_words_do_not_split_them() {
    let app = App::new("shy");
    write_conference(
        &app,
        "2025-01-02-fr",
        "Les négo\u{ad}ciations sur Tai\u{200b}wan et la mer\u{2060}veille.",
        Value::Null,
    );
    assert_eq!(hits(&app, "négociations"), 1);
    assert_eq!(hits(&app, "taiwan"), 1);
    assert_eq!(hits(&app, "merveille"), 1);
}

const FORMAT_CHARS: [char; 7] = [
    '\u{61c}', '\u{fff9}', '\u{fffa}', '\u{fffb}', '\u{202e}', '\u{2066}', '\u{200e}',
];

/// The loader and the parser strip the same characters: a transcript and a conference file
/// carrying them read the same.
#[test]
fn parser_and_loader_strip_the_same_format_characters() {
    let marked: String = FORMAT_CHARS
        .iter()
        .flat_map(|&c| ['m', 'o', 't', c])
        .collect();
    let app = App::new("format");
    write_conference(&app, "2025-01-02-fr", &marked, Value::Null);
    let loaded = json(&app.run(&["show", "2025-01-02-fr", "--json"]));
    let from_json = loaded["turns"][0]["answer"][0]
        .as_str()
        .unwrap()
        .to_string();

    let imported = App::new("format-import");
    let file = imported.home.path().join("2024-03-05_wang.txt");
    let text = std::fs::read_to_string(fixture("fr/2024-03-05_wang.txt")).unwrap();
    std::fs::write(&file, text.replace("Pendant sa visite", &marked)).unwrap();
    let o = imported.run(&["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let shown = stdout(&imported.run(&["show", "2024-03-05-fr", "--json"]));
    let plain = "mot".repeat(FORMAT_CHARS.len());
    assert_eq!(from_json, plain);
    assert!(shown.contains(&plain), "{shown}");
    for c in FORMAT_CHARS {
        assert!(!shown.contains(c), "U+{:04X} survived the parser", c as u32);
    }
}

#[test]
fn unknown_fields_carry_no_terminal_controls_to_show_json() {
    let app = App::new("extra");
    write_conference(
        &app,
        "2025-01-02-fr",
        "texte",
        serde_json::json!({"by\u{9b}31m": ["ok\u{202e}txt", {"deep": "a\u{1b}[2Jb\u{85}c"}]}),
    );
    let o = app.run(&["show", "2025-01-02-fr", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for c in ['\u{9b}', '\u{202e}', '\u{1b}', '\u{85}'] {
        assert!(
            !out.contains(c),
            "U+{:04X} reached show --json: {out}",
            c as u32
        );
    }
    let v = json(&o);
    assert_eq!(v["scraper"]["by"][0], "oktxt", "{v}");
    assert_eq!(v["scraper"]["by"][1]["deep"], "ab\nc", "{v}");
    assert_eq!(v["turns"][0]["note"]["by"][0], "oktxt", "{v}");
}

#[test]
fn a_transcript_with_lone_cr_line_ends_imports() {
    let app = App::new("lone-cr");
    let file = app.home.path().join("2024-03-05_wang.txt");
    let text = std::fs::read_to_string(fixture("fr/2024-03-05_wang.txt")).unwrap();
    std::fs::write(&file, text.replace("\r\n", "\n").replace('\n', "\r")).unwrap();
    let o = app.run(&["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let shown = json(&app.run(&["show", "2024-03-05-fr", "--json"]));
    assert!(
        shown["turns"].as_array().is_some_and(|t| t.len() >= 3),
        "{shown}"
    );
}

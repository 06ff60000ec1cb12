//! The corpus folder under damage: bad files are reported by path and line, every other conference still loads.

use crate::support;

use briefings::corpus::{Corpus, save_conference};
use briefings::model::{Conference, Turn};
use support::TempDir;

fn conf(id: &str, date: &str) -> Conference {
    let mut t = Turn::question(
        "AFP".into(),
        Some("AFP".into()),
        vec!["Une question ?".into()],
    );
    t.speaker = Some("Guo Jiakun".into());
    t.answer = vec!["Une réponse.".into()];
    Conference {
        format: 1,
        id: id.into(),
        date: date.into(),
        published: None,
        language: "fr".into(),
        spokesperson: Some("Guo Jiakun".into()),
        title: format!("Conférence du {date}"),
        source: None,
        turns: vec![t],
        extra: serde_json::Map::new(),
    }
}

#[test]
fn damaged_files_are_located_and_the_rest_loads() {
    let dir = TempDir::new("damaged");
    save_conference(dir.path(), &conf("2025-01-02-fr", "2025-01-02")).unwrap();
    save_conference(dir.path(), &conf("2025-01-03-fr", "2025-01-03")).unwrap();
    let c = dir.path().join("conferences");
    std::fs::write(c.join("empty.json"), b"").unwrap();
    std::fs::write(c.join("invalid.json"), b"{\n  \"id\": \"x\",\n  oops\n}").unwrap();
    std::fs::write(
        c.join("types.json"),
        b"{\"id\": 5, \"date\": [], \"language\": \"fr\"}",
    )
    .unwrap();
    std::fs::write(c.join("missing.json"), b"{\"title\": \"no id\"}").unwrap();
    std::fs::write(c.join("zeros.json"), [0u8; 64]).unwrap();
    std::fs::write(
        c.join("truncated.json"),
        b"{\"id\": \"2020-01-01-fr\", \"date\": \"2020-0",
    )
    .unwrap();

    let corpus = Corpus::dir(dir.path());
    let (confs, problems) = corpus.load_all();
    assert_eq!(
        confs.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["2025-01-03-fr", "2025-01-02-fr"]
    );
    assert_eq!(problems.len(), 6, "{problems:#?}");
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|p| p.contains("empty.json") && p.contains("empty")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|p| p.contains("invalid.json:3:")),
        "line of the error: {text:#?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("types.json:1:") && p.contains("expected shape")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("truncated.json") && p.contains("truncated")),
        "{text:#?}"
    );
}

#[test]
fn strings_from_other_tools_are_cleaned_on_load() {
    let dir = TempDir::new("hostile");
    let c = dir.path().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    let hostile = serde_json::json!({
        "id": "2025-01-02-fr", "date": "2025-01-02", "language": "fr",
        "title": "T\u{1b}]0;pwned\u{7}itre",
        "turns": [{"kind": "question", "asker": "AFP\u{1b}[2J", "outlet": "AFP",
                   "question": ["Q\u{1b}]52;c;ZXZpbA==\u{7} ?"],
                   "answer": ["R\u{202e}éponse\u{8}\r"]}]
    });
    std::fs::write(c.join("2025-01-02-fr.json"), hostile.to_string()).unwrap();
    let got = Corpus::dir(dir.path()).load("2025-01-02-fr").unwrap();
    assert_eq!(got.title, "Titre");
    assert_eq!(got.turns[0].asker, "AFP");
    assert_eq!(got.turns[0].question, ["Q ?"]);
    // A lone CR is a line end, which a one-line field holds as a space (`text::sanitize`).
    assert_eq!(got.turns[0].answer, ["Réponse "]);
}

#[test]
fn a_rewrite_keeps_fields_we_do_not_know() {
    let dir = TempDir::new("extra");
    let c = dir.path().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    let mut v = serde_json::to_value(conf("2025-01-02-fr", "2025-01-02")).unwrap();
    v["scraper"] = serde_json::json!({"name": "other", "run": 7});
    std::fs::write(c.join("2025-01-02-fr.json"), v.to_string()).unwrap();
    save_conference(dir.path(), &conf("2025-01-02-fr", "2025-01-02")).unwrap();
    let again: serde_json::Value =
        serde_json::from_slice(&std::fs::read(c.join("2025-01-02-fr.json")).unwrap()).unwrap();
    assert_eq!(again["scraper"]["run"], 7);
    let leftovers: Vec<_> = std::fs::read_dir(&c)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn ids_never_escape_the_corpus_folder() {
    let dir = TempDir::new("escape");
    let mut c = conf("../../evil", "2025-01-02");
    c.id = "../../evil".into();
    let path = save_conference(dir.path(), &c).unwrap();
    assert!(
        path.starts_with(dir.path().join("conferences")),
        "{}",
        path.display()
    );
}

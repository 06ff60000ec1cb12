//! Very large and deeply nested inputs finish and stay sane (no hang, no stack overflow).
//! Time and memory figures come from `scripts/limits.sh`, not from here: tests are not timed.

use crate::support;

use std::fmt::Write;

use briefings::import::conferences_from;
use briefings::outlets::Outlets;
use support::{App, TempDir, fixture, stderr};

fn header() -> String {
    "Conférence de presse du 29 juillet 2025 tenue par le porte-parole du ministère des Affaires étrangères Guo Jiakun\n\n2025-07-29 20:40\n\n".to_string()
}

#[test]
fn ten_thousand_turns_in_one_conference() {
    let mut t = header();
    for i in 0..10_000 {
        let _ = write!(
            t,
            "AFP : Question numéro {i} ?\n\nGuo Jiakun : Réponse numéro {i}.\n\n"
        );
    }
    let got = conferences_from("big.txt", t.as_bytes(), &Outlets::builtin()).unwrap();
    assert_eq!(got.conferences[0].turns.len(), 10_000);
}

#[test]
fn a_fifty_megabyte_transcript_and_a_two_megabyte_paragraph() {
    // Paragraphs of an own transcript, relabelled turn by turn, up to 50 MB.
    let base = std::fs::read_to_string(fixture("fr/2024-03-05_wang.txt")).unwrap();
    let paragraphs: Vec<&str> = base.split("\n\n").filter(|p| p.len() > 100).collect();
    let mut t = header();
    let mut i = 0;
    while t.len() < 50_000_000 {
        let p = paragraphs[i % paragraphs.len()];
        let p = p.split_once(" : ").map_or(p, |(_, rest)| rest);
        let _ = write!(t, "AFP : Question {i} ?\n\nGuo Jiakun : {p}\n\n");
        i += 1;
    }
    let got = conferences_from("fifty.txt", t.as_bytes(), &Outlets::builtin()).unwrap();
    assert_eq!(
        got.conferences.iter().map(|c| c.turns.len()).sum::<usize>(),
        i
    );

    let mut p = header();
    p.push_str("AFP : Une question ?\n\nGuo Jiakun : ");
    while p.len() < 2_000_000 {
        p.push_str(
            "La Chine soutient la paix : elle l’a dit, à 3:40, « sans ambiguïté ». 中国：和平。 ",
        );
    }
    p.push('\n');
    let got = conferences_from("para.txt", p.as_bytes(), &Outlets::builtin()).unwrap();
    assert_eq!(got.conferences[0].turns.len(), 1);
    assert!(got.conferences[0].turns[0].answer[0].len() > 1_900_000);
}

#[test]
fn a_ten_thousand_character_label() {
    let mut t = header();
    t.push_str(&"A".repeat(10_000));
    t.push_str(" : une question ?\n\nGuo Jiakun : une réponse.\n");
    let _ = conferences_from("label.txt", t.as_bytes(), &Outlets::builtin());
    let mut t = header();
    t.push_str(&"记".repeat(10_000));
    t.push_str("：问题？\n\n郭嘉昆：回答。\n");
    let _ = conferences_from("label.txt", t.as_bytes(), &Outlets::builtin());
}

#[test]
fn deeply_nested_html() {
    let mut h = String::from("<html><body><div class=\"content\">");
    for _ in 0..100_000 {
        h.push_str("<div><span>");
    }
    h.push_str("<p>AFP : Une question ?</p><p>Guo Jiakun : Une réponse.</p>");
    for _ in 0..100_000 {
        h.push_str("</span></div>");
    }
    h.push_str("</div></body></html>");
    let _ = conferences_from("nested.html", h.as_bytes(), &Outlets::builtin());
    let unclosed = "<div>".repeat(200_000);
    let _ = conferences_from("unclosed.html", unclosed.as_bytes(), &Outlets::builtin());
}

#[test]
fn a_four_thousand_character_path() {
    let app = App::new("path");
    let root = TempDir::new("longpath");
    let mut dir = root.path().to_path_buf();
    while dir.as_os_str().len() < 4000 {
        dir.push("d".repeat(200));
    }
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("2025-07-29_guo.txt");
    std::fs::copy(fixture("fr/2024-03-05_wang.txt"), &file).unwrap();
    let o = app.run(&["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A path beyond what the system allows is an error sentence, not a crash.
    let too_long = format!("{}/{}", dir.display(), "x".repeat(5000));
    let o = app.run(&["import", &too_long]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

//! `L`: the same turn in the next language version, by the turn alignment.

use super::action::Action;
use super::app::App;
use super::fixture::q;
use super::keymap::Focus;
use crate::corpus::Entry;
use crate::model::{Conference, Turn};

fn conf(id: &str, turns: Vec<Turn>) -> Conference {
    let mut c: Conference = serde_json::from_value(serde_json::json!({
        "id": id, "date": &id[..10], "language": &id[11..], "spokesperson": "Lin Jian",
        "title": format!("Press conference {id}")
    }))
    .expect("conference");
    c.turns = turns;
    c
}

/// The English version has a Reuters question the French one leaves out.
fn versions() -> App {
    let fr = conf(
        "2025-05-06-fr",
        vec![
            q(
                "AFP",
                Some("AFP"),
                "Les droits de douane de 145 % ?",
                &["La Chine s'oppose aux droits de douane."],
            ),
            q(
                "Bloomberg",
                Some("Bloomberg"),
                "Le 9 mai à Moscou ?",
                &["Le président se rendra à Moscou le 9 mai."],
            ),
        ],
    );
    let en = conf(
        "2025-05-06-en",
        vec![
            q(
                "AFP",
                Some("AFP"),
                "The 145 percent tariffs?",
                &["China opposes the tariffs."],
            ),
            q(
                "Reuters",
                Some("Reuters"),
                "The Panama Canal ports deal?",
                &["I would refer you to the competent authorities on that."],
            ),
            q(
                "Bloomberg",
                Some("Bloomberg"),
                "Moscow on May 9?",
                &["The President will travel to Moscow on May 9."],
            ),
        ],
    );
    let confs = vec![fr, en];
    let mut entries: Vec<Entry> = confs.iter().map(Entry::of).collect();
    crate::versions::link(&mut entries);
    super::fixture::app_of(confs, entries, 120, 40)
}

fn at(app: &App) -> (String, usize) {
    (app.conf.as_ref().unwrap().id.clone(), app.turns.selected)
}

#[test]
fn l_opens_the_aligned_turn_of_the_next_language_and_says_when_there_is_none() {
    let mut app = versions();
    let fr = app
        .entries
        .iter()
        .position(|e| e.id == "2025-05-06-fr")
        .unwrap();
    let row = app.shown.iter().position(|&i| i == fr).unwrap();
    while app.confs.selected != row {
        app.update(Action::Down);
    }
    app.update(Action::FocusNext);
    app.update(Action::Down);
    assert_eq!(at(&app), ("2025-05-06-fr".into(), 1), "Bloomberg in French");
    app.update(Action::OtherLanguage);
    assert_eq!(
        at(&app),
        ("2025-05-06-en".into(), 2),
        "Bloomberg in English, not turn 2 by position"
    );
    assert_eq!(app.focus, Focus::Turns);
    // English → French: the languages go round.
    app.update(Action::OtherLanguage);
    assert_eq!(at(&app), ("2025-05-06-fr".into(), 1));
    // Reuters has no French counterpart: said, and the reader goes near it.
    app.update(Action::OtherLanguage);
    app.update(Action::Up);
    assert_eq!(at(&app), ("2025-05-06-en".into(), 1));
    app.update(Action::OtherLanguage);
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("no counterpart in the fr version"), "{said}");
    assert_eq!(at(&app), ("2025-05-06-fr".into(), 1));
}

/// The turn list marks the turns found in another language; a question the translation
/// leaves out has no mark.
#[test]
fn turns_with_a_counterpart_are_marked_in_the_list() {
    let mut app = versions();
    assert_eq!(at(&app).0, "2025-05-06-fr", "the entries' order");
    assert_eq!(app.counterparts, [vec!["en"], vec!["en"]]);
    app.update(Action::Down);
    assert_eq!(at(&app).0, "2025-05-06-en");
    assert_eq!(app.counterparts, [vec!["fr"], vec![], vec!["fr"]]);
    let (lines, _) = super::snapshot_tests::screen(&app);
    let row = |who: &str| {
        lines
            .iter()
            .find(|l| l.contains(who))
            .cloned()
            .unwrap_or_default()
    };
    assert!(row("AFP ").contains("⇄ The 145"), "{}", lines.join("\n"));
    assert!(!row("Reuters").contains('⇄'), "{}", lines.join("\n"));
}

#[test]
fn l_without_another_version_says_so() {
    let mut app = super::fixture::app(120, 40);
    app.update(Action::OtherLanguage);
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("No other language version"), "{said}");
}

//! Reading from the command line as a person does (issue 10, item 8): turns counted from 1
//! as in the browser, nouns that agree with their number, a day instead of an id, paragraphs
//! apart, matches coloured only for a terminal, and `list` narrowed by language, year and
//! spokesperson. The own fixtures only: these run on a fresh clone.

use crate::support;
use serde_json::Value;
use support::{App, fixture, stderr, stdout, tmux_runs};

/// The own French and English fixtures imported (2024-03-05-fr, 2019-11-14-en, …).
fn imported(tag: &str) -> App {
    let app = App::new(tag);
    for f in ["fr/2024-03-05_wang.txt", "en/2019-11-14_geng.txt"] {
        let o = app.run(&["import", fixture(f).to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    app
}

#[test]
fn turns_are_counted_from_one_in_text_and_from_zero_in_json() {
    let app = imported("reading-numbers");
    let show = stdout(&app.run(&["show", "2024-03-05-fr"]));
    assert!(show.contains("\n[1] Statement\n"), "{show}");
    assert!(!show.contains("[0]"), "{show}");
    let json: Value =
        serde_json::from_slice(&app.run(&["search", "douane", "--json"]).stdout).unwrap();
    let turn = json[0]["turn"].as_u64().expect("a hit");
    let text = stdout(&app.run(&["search", "douane"]));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains(&format!(" #{} ", turn + 1)),
        "the text hit is JSON's index + 1: {text}"
    );
    // The number printed is the one `similar`, `export turn` and `bookmarks` take.
    let o = app.run(&[
        "export",
        "turn",
        "2024-03-05-fr",
        &(turn + 1).to_string(),
        "--format",
        "jsonl",
    ]);
    assert!(
        stdout(&o).contains("douane"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
}

#[test]
fn one_hit_one_turn_many_hits() {
    let app = imported("reading-plural");
    let one = app.run(&["search", "biodiversité"]);
    assert!(
        stderr(&one).starts_with("1 hit (1 shown)"),
        "{}",
        stderr(&one)
    );
    let many = app.run(&["search", "Chine"]);
    assert!(stderr(&many).contains(" hits ("), "{}", stderr(&many));
    let list = stdout(&app.run(&["list"]));
    assert!(!list.contains(" 1 turns"), "{list}");
}

#[test]
fn a_day_opens_its_only_conference_or_names_them_all() {
    let app = imported("reading-day");
    let by_day = app.run(&["show", "2024-03-05"]);
    assert_eq!(by_day.status.code(), Some(0), "{}", stderr(&by_day));
    assert_eq!(
        stdout(&by_day),
        stdout(&app.run(&["show", "2024-03-05-fr"]))
    );
    // A second conference that day, in English.
    let mut copy: Value =
        serde_json::from_slice(&app.run(&["show", "2024-03-05-fr", "--json"]).stdout).unwrap();
    let obj = copy.as_object_mut().unwrap();
    obj.retain(|k, _| !["versions"].contains(&k.as_str()));
    obj.insert("id".into(), "2024-03-05-en".into());
    obj.insert("language".into(), "en".into());
    for t in obj["turns"].as_array_mut().unwrap() {
        t.as_object_mut().unwrap().remove("aligned");
    }
    std::fs::write(
        app.corpus().join("conferences/2024-03-05-en.json"),
        serde_json::to_string(&copy).unwrap(),
    )
    .unwrap();
    let two = app.run(&["show", "2024-03-05"]);
    assert_eq!(two.status.code(), Some(1));
    assert!(stdout(&two).is_empty());
    let said = stderr(&two);
    assert!(
        said.contains("2024-03-05 has 2 conferences")
            && said.contains("2024-03-05-en")
            && said.contains("2024-03-05-fr"),
        "{said}"
    );
    let none = app.run(&["show", "2024-03-06"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("2024-03-06"), "{}", stderr(&none));
}

#[test]
fn paragraphs_of_an_answer_stay_apart() {
    let app = imported("reading-paragraphs");
    let show = stdout(&app.run(&["show", "2024-03-05-fr"]));
    let at = show
        .find("Premièrement")
        .expect("the answer's second paragraph");
    assert!(
        show[..at].ends_with("légitimes.\n\n     "),
        "a blank line before the next paragraph: {show}"
    );
}

#[test]
fn matches_are_bracketed_in_a_pipe_and_coloured_only_on_a_terminal() {
    let app = imported("reading-colour");
    let piped = stdout(&app.run(&["search", "douane"]));
    assert!(piped.contains("[douane]"), "{piped}");
    assert!(
        !piped.contains('\u{1b}'),
        "no escape sequence in a pipe: {piped:?}"
    );
    if !tmux_runs() {
        return;
    }
    for (no_color, want_colour) in [("", true), ("1", false)] {
        let line = format!(
            "BRIEFINGS_CORPUS='{}' BRIEFINGS_CACHE='{}' NO_COLOR='{no_color}' '{}' search douane; sleep 600",
            app.corpus().display(),
            app.cache().display(),
            env!("CARGO_BIN_EXE_briefings")
        );
        let t = support::tmux::Tmux::start("colour", 100, 20, &line);
        t.wait_text("1 hit");
        let styled = t.screen_styled();
        let screen = t.screen();
        if want_colour {
            // tmux re-encodes what it shows: bold and red arrive as two sequences.
            assert!(styled.contains("\u{1b}[31mdouane"), "{styled:?}");
            assert!(!screen.contains("[douane]"), "{screen}");
        } else {
            assert!(
                screen.contains("[douane]"),
                "NO_COLOR gives brackets: {screen}"
            );
            assert!(!styled.contains("\u{1b}[31m"), "{styled:?}");
        }
    }
}

#[test]
fn list_narrows_by_language_year_and_spokesperson() {
    let app = imported("reading-list");
    let ids = |args: &[&str]| -> Vec<String> {
        let o = app.run(&[&["list", "--json"], args].concat());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[]).len(), 2);
    assert_eq!(ids(&["--lang", "fr"]), ["2024-03-05-fr"]);
    assert_eq!(ids(&["--year", "2019"]), ["2019-11-14-en"]);
    assert_eq!(ids(&["--spokesperson", "wang"]), ["2024-03-05-fr"]);
    assert!(ids(&["--lang", "en", "--year", "2024"]).is_empty());
    let text = app.run(&["list", "--lang", "fr"]);
    assert!(
        stderr(&text).contains("1 conference of 2"),
        "{}",
        stderr(&text)
    );
    let nobody = app.run(&["list", "--spokesperson", "Zorro"]);
    assert_eq!(nobody.status.code(), Some(2));
    assert!(
        stderr(&nobody).contains("Zorro") && stderr(&nobody).contains("Wang Wenbin"),
        "{}",
        stderr(&nobody)
    );
    assert_eq!(app.run(&["list", "--year", "20x4"]).status.code(), Some(2));
}

//! Incremental search, hits, the reader's matches and outlets, over the fixture corpus indexed in memory (the worker replaced by a synchronous pump).

use std::sync::Arc;

use super::action::{Action, Delivery, Ready};
use super::app::{App, Effect, RowSource};
use super::fixture;
use super::keymap::{Focus, Mode};
use super::layout::View;
use super::page::Kind;
use super::snapshot_tests::screen;
use crate::search::SearchIndex;

fn ready(width: u16, height: u16) -> (App, Arc<SearchIndex>) {
    let mut app = fixture::app(width, height);
    let index = Arc::new(SearchIndex::in_memory(&fixture::conferences()).expect("in-memory index"));
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::clone(&index)),
        note: None,
    }));
    (app, index)
}

/// Answers every query the app asked for, in order, as the worker would.
fn pump(app: &mut App, index: &SearchIndex) {
    fixture::pump(app, index);
}

fn type_text(app: &mut App, index: &SearchIndex, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
        pump(app, index);
    }
}

#[test]
fn every_keystroke_searches_and_the_reader_marks_the_matches() {
    let (mut app, index) = ready(80, 24);
    app.update(Action::OpenSearch);
    assert_eq!(
        (app.mode, app.view, app.focus),
        (Mode::Search, View::Results, Focus::Hits)
    );
    type_text(&mut app, &index, "cambod");
    assert!(!app.rows.is_empty(), "the half-typed word finds Cambodge");
    assert_eq!(app.search.generation, 6, "one request per keystroke");
    let row = &app.rows[app.hits.selected];
    assert_eq!(row.conference, "2025-07-29-fr");
    let marked: Vec<String> = app
        .page()
        .lines()
        .iter()
        .flatten()
        .filter(|s| s.kind == Kind::Match)
        .map(|s| s.text.to_lowercase())
        .collect();
    assert!(marked.iter().any(|m| m.starts_with("cambod")), "{marked:?}");
    let (lines, _) = screen(&app);
    assert!(lines[0].contains("Search: cambod"), "{}", lines[0]);
    assert!(
        lines[0].contains("hits ·") && lines[0].contains("ms"),
        "{}",
        lines[0]
    );
}

#[test]
fn the_reader_marks_no_stop_word_outside_a_phrase() {
    let (mut app, index) = ready(160, 48);
    app.update(Action::OpenSearch);
    let marks = |app: &App| -> Vec<String> {
        app.page()
            .lines()
            .iter()
            .flatten()
            .filter(|s| s.kind == Kind::Match)
            .map(|s| s.text.to_lowercase())
            .collect()
    };
    type_text(&mut app, &index, "la sécurité ");
    assert_eq!(app.rows[app.hits.selected].conference, "2025-07-29-fr");
    assert_eq!(marks(&app), ["sécurité"], "`la` is searched, not marked");
    for _ in 0.."la sécurité ".chars().count() {
        app.update(Action::Backspace);
    }
    pump(&mut app, &index);
    type_text(&mut app, &index, "\"la sécurité\"");
    assert_eq!(marks(&app), ["la sécurité"], "inside quotes it is");
}

#[test]
fn stale_answers_are_dropped() {
    let (mut app, index) = ready(80, 24);
    app.update(Action::OpenSearch);
    app.update(Action::Insert('x'));
    let first = app.take_effects();
    type_text(&mut app, &index, "");
    app.update(Action::ClearInput);
    app.update(Action::Insert('c'));
    app.update(Action::Insert('a'));
    let newest = app.take_effects();
    for e in first {
        if let Effect::Submit(generation, q) = e {
            let outcome = index.search(&q).map_err(|e| e.to_string());
            app.update(Action::Delivered(Delivery {
                generation,
                outcome,
            }));
        }
    }
    assert_ne!(
        app.search.shown, 1,
        "the answer for `x` came too late and is dropped"
    );
    let Some(Effect::Submit(g, _)) = newest.last() else {
        panic!("{newest:?}")
    };
    assert_eq!(*g, app.search.generation);
}

#[test]
fn enter_opens_the_hit_in_context_and_escape_walks_back() {
    let (mut app, index) = ready(160, 48);
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "台湾");
    assert!(!app.rows.is_empty(), "Chinese is searchable");
    app.update(Action::Accept);
    assert_eq!(app.mode, Mode::Normal);
    let hit = app.hits.selected;
    let row = app.rows[hit].clone();
    app.update(Action::Open);
    assert_eq!(
        (app.view, app.focus, app.opened),
        (View::Browse, Focus::Turns, true)
    );
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.clone()),
        Some(row.conference.clone())
    );
    assert_eq!(app.turns.selected, row.turn);
    assert!(
        app.page()
            .lines()
            .iter()
            .flatten()
            .any(|s| s.kind == Kind::Match),
        "matches stay marked in context"
    );
    app.update(Action::NextMatch);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Match"))
    );
    app.update(Action::Back);
    assert_eq!((app.view, app.hits.selected), (View::Results, hit));
    app.update(Action::Back);
    assert_eq!(app.view, View::Browse);
    assert_eq!(app.search.input.text(), "台湾", "the query is kept");
}

#[test]
fn filters_are_parsed_and_shown() {
    let (mut app, index) = ready(160, 48);
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "outlet:AFP lang:en tariffs");
    assert!(
        app.rows
            .iter()
            .all(|r| r.outlet.as_deref() == Some("AFP") && r.language == "en"),
        "{:?}",
        app.rows
    );
    let (lines, _) = screen(&app);
    assert!(
        lines[0].contains("outlet:AFP") && lines[0].contains("lang:en"),
        "{}",
        lines[0]
    );
}

#[test]
fn the_outlet_picker_lists_an_outlets_questions_and_brackets_follow_it() {
    let (mut app, _index) = ready(80, 24);
    app.update(Action::OutletPicker);
    assert_eq!(app.mode, Mode::Picker);
    assert!(
        app.picker
            .counts
            .iter()
            .any(|s| s.outlet == "AFP" && s.questions == 4),
        "{:?}",
        app.picker.counts
    );
    for c in "afp".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Open);
    assert_eq!(app.row_source, RowSource::Outlet("AFP".into()));
    assert_eq!(app.rows.len(), 4);
    assert!(
        app.rows.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    let (lines, _) = screen(&app);
    assert!(
        lines.iter().any(|l| l.contains("Questions by AFP")),
        "{lines:?}"
    );
    // Back to browsing, on the French AFP question, then along AFP's questions.
    app.update(Action::Back);
    app.update(Action::FocusNext);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::NextSameOutlet);
    assert_eq!(
        (app.conf.as_ref().map(|c| c.id.as_str()), app.turns.selected),
        (Some("2025-07-29-fr"), 3)
    );
    app.update(Action::NextSameOutlet);
    assert_eq!(
        (app.conf.as_ref().map(|c| c.id.as_str()), app.turns.selected),
        (Some("2025-07-28-zh"), 1)
    );
    app.update(Action::PrevSameOutlet);
    assert_eq!(app.turns.selected, 3);
}

#[test]
fn the_outlet_picker_filters_by_alias_and_shows_first_and_last_days() {
    let (mut app, _index) = ready(80, 24);
    app.update(Action::OutletPicker);
    let shown = |app: &mut App, typed: &str| -> Vec<String> {
        app.update(Action::ClearInput);
        for c in typed.chars() {
            app.update(Action::Insert(c));
        }
        app.picker
            .shown
            .iter()
            .map(|&i| app.picker.counts[i].outlet.clone())
            .collect()
    };
    // The alias table of `outlet:` filters: Agence France-Presse, Agence Reuters, 路透社, 法新社.
    let mut agence = shown(&mut app, "agence");
    agence.sort();
    assert_eq!(agence, ["AFP", "Reuters"]);
    assert_eq!(shown(&mut app, "路透社"), ["Reuters"]);
    assert_eq!(shown(&mut app, "法新社"), ["AFP"]);
    assert_eq!(shown(&mut app, "France-Presse"), ["AFP"]);
    assert!(shown(&mut app, "nowhere").is_empty());
    let all = shown(&mut app, "");
    assert_eq!(all.len(), app.picker.counts.len());
    let afp = app
        .picker
        .counts
        .iter()
        .find(|s| s.outlet == "AFP")
        .unwrap();
    assert_eq!(
        (afp.first.as_str(), afp.last.as_str()),
        ("2025-07-25", "2025-07-29")
    );
    let (lines, _) = screen(&app);
    assert!(
        lines
            .iter()
            .any(|l| l.contains(" AFP ") && l.contains("2025-07-25 – 2025-07-29")),
        "{lines:#?}"
    );
    super::snapshot_tests::check_lines("picker_80x24", &lines);
}

#[test]
fn escape_after_same_outlet_jumps_returns_where_they_started() {
    let (mut app, _index) = ready(80, 24);
    // Browsing: the French AFP question, then two jumps along AFP's questions and one back.
    app.update(Action::FocusNext);
    app.update(Action::Down);
    app.update(Action::Down);
    let start = (
        app.conf.as_ref().map(|c| c.id.clone()),
        app.turns.selected,
        app.focus,
    );
    app.update(Action::NextSameOutlet);
    app.update(Action::NextSameOutlet);
    app.update(Action::NextMatch);
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-28-zh")
    );
    app.update(Action::Back);
    assert_eq!(
        (
            app.conf.as_ref().map(|c| c.id.clone()),
            app.turns.selected,
            app.focus
        ),
        start
    );
    assert_eq!((app.view, app.mode), (View::Browse, Mode::Normal));
    // Moving on forgets the jump: Esc then does what it always does (nothing here).
    app.update(Action::NextSameOutlet);
    app.update(Action::Up);
    let here = (app.conf.as_ref().map(|c| c.id.clone()), app.turns.selected);
    app.update(Action::Back);
    assert_eq!(
        (app.conf.as_ref().map(|c| c.id.clone()), app.turns.selected),
        here
    );
    // From an outlet's question list: `]` opens the next question, Esc comes back to the list.
    app.update(Action::OutletPicker);
    for c in "afp".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Open);
    app.update(Action::Down);
    let hit = app.hits.selected;
    app.update(Action::NextSameOutlet);
    app.update(Action::NextSameOutlet);
    assert_eq!(app.view, View::Browse);
    app.update(Action::Back);
    assert_eq!(
        (app.view, app.focus, app.hits.selected),
        (View::Results, Focus::Hits, hit)
    );
}

#[test]
fn search_screens_at_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let (mut app, index) = ready(w, h);
        app.update(Action::OpenSearch);
        type_text(&mut app, &index, "lang:fr securite regio");
        app.search.elapsed = std::time::Duration::from_micros(1200);
        let (lines, _) = screen(&app);
        let name = format!("search_{w}x{h}");
        super::snapshot_tests::check_lines(&name, &lines);
        let all = lines.join("\n");
        assert!(
            all.contains("lang:fr") && all.contains("sécurité régionale"),
            "{all}"
        );
    }
}

/// Answers the app's requests; returns the hit limits they asked for.
fn answer(app: &mut App, index: &SearchIndex) -> Vec<usize> {
    app.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Submit(g, q) => {
                let outcome = index.search(&q).map_err(|e| e.to_string());
                app.update(Action::Delivered(Delivery {
                    generation: g,
                    outcome,
                }));
                Some(q.limit)
            }
            _ => None,
        })
        .collect()
}

/// A browser searching `tarifs` over 120 matching turns: a first page of 50 hits.
fn many_hits() -> (App, SearchIndex) {
    let mut many = Vec::new();
    for i in 0..120 {
        let mut c = fixture::conferences()[0].clone();
        c.id = format!("2020-01-{:02}-fr-{i}", i % 28 + 1);
        c.turns.truncate(1);
        c.turns[0].answer = vec![format!("Les tarifs douaniers, numéro {i}.")];
        many.push(c);
    }
    let index = SearchIndex::in_memory(&many).expect("in-memory index");
    let mut app = fixture::app(120, 40);
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::new(SearchIndex::in_memory(&many).expect("index"))),
        note: None,
    }));
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "tarifs ");
    assert_eq!(
        (app.rows.len(), app.search.total),
        (50, 120),
        "a first page of hits"
    );
    (app, index)
}

#[test]
fn s_flips_the_hits_between_relevance_and_newest_first() {
    // The oldest turn says `tarifs` most often: first by relevance, last by date.
    let mut confs = Vec::new();
    for (day, answer) in [
        (
            "2020-01-06",
            "Les tarifs, les tarifs, toujours les tarifs : des tarifs.",
        ),
        (
            "2021-01-06",
            "Sur les tarifs, notre position est connue de tous depuis longtemps déjà.",
        ),
        (
            "2022-01-06",
            "Des tarifs ? Nous avons dit ce que nous avions à dire à ce sujet hier.",
        ),
    ] {
        let mut c = fixture::conferences()[0].clone();
        c.id = format!("{day}-fr");
        c.date = day.into();
        c.turns.retain(|t| t.outlet.is_some());
        c.turns.truncate(1);
        c.turns[0].answer = vec![answer.into()];
        confs.push(c);
    }
    let index = SearchIndex::in_memory(&confs).expect("in-memory index");
    let mut app = fixture::app_over(confs.clone(), 80, 24);
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::new(SearchIndex::in_memory(&confs).expect("index"))),
        note: None,
    }));
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "tarifs");
    app.update(Action::Accept);
    let dates = |app: &App| -> Vec<String> { app.rows.iter().map(|r| r.date.clone()).collect() };
    let title = |app: &App| screen(app).0[usize::from(app.areas.hits.unwrap().y)].clone();
    let by_relevance = dates(&app);
    assert_eq!(by_relevance[0], "2020-01-06", "{by_relevance:?}");
    assert!(
        title(&app).contains("Hits (3) · by relevance"),
        "{}",
        title(&app)
    );
    app.update(Action::ToggleSort);
    pump(&mut app, &index);
    assert_eq!(dates(&app), ["2022-01-06", "2021-01-06", "2020-01-06"]);
    assert!(
        title(&app).contains("Hits (3) · newest first"),
        "{}",
        title(&app)
    );
    app.search.elapsed = std::time::Duration::from_micros(900);
    super::snapshot_tests::check_lines("hits_newest_80x24", &screen(&app).0);
    // The order holds for the next query, and flips back.
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, " ");
    assert_eq!(dates(&app), ["2022-01-06", "2021-01-06", "2020-01-06"]);
    app.update(Action::Accept);
    app.update(Action::ToggleSort);
    pump(&mut app, &index);
    assert_eq!(dates(&app), by_relevance);
    // The key is `s`, in the table the help is drawn from.
    let b = super::keymap::BINDINGS
        .iter()
        .find(|b| b.action == Action::ToggleSort)
        .expect("a binding");
    assert!(b.help.contains("relevance ↔ newest first"), "{}", b.help);
}

#[test]
fn scrolling_to_the_end_of_the_hits_asks_for_more_and_keeps_the_cursor() {
    let (mut app, index) = many_hits();
    for _ in 0..46 {
        app.update(Action::Down);
    }
    let cursor = app.hits.selected;
    assert_eq!(answer(&mut app, &index), [250], "one request for more hits");
    assert_eq!(app.rows.len(), 120);
    assert_eq!(app.hits.selected, cursor, "the cursor stays on its hit");
}

#[test]
fn g_goes_to_the_last_hit_of_the_count_not_of_the_first_page() {
    // Issue 9: "the hit list stops at 50 while its count says 74, and `G` stops at hit 50".
    let (mut app, index) = many_hits();
    app.update(Action::Bottom);
    assert_eq!(answer(&mut app, &index), [120], "every hit asked for");
    assert_eq!(app.rows.len(), 120);
    assert_eq!(app.hits.selected, 119, "on the last hit");
    assert!(answer(&mut app, &index).is_empty(), "nothing more to ask");
    // `G` while more hits are on their way still ends on the last one.
    let (mut app, index) = many_hits();
    for _ in 0..46 {
        app.update(Action::Down);
    }
    app.update(Action::Bottom);
    let first = answer(&mut app, &index);
    let second = answer(&mut app, &index);
    assert_eq!((first, second), (vec![250], vec![]));
    assert_eq!(app.hits.selected, 119);
}

#[test]
fn the_current_match_is_styled_apart_from_the_others() {
    use ratatui::style::Color;
    let (mut app, index) = ready(120, 40);
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "chine");
    app.update(Action::Accept);
    app.update(Action::FocusNext);
    let cells = |app: &App, bg: Color| {
        let (_, buf) = screen(app);
        buf.content().iter().filter(|c| c.bg == bg).count()
    };
    app.update(Action::NextMatch);
    assert!(app.reader.current_match.is_some());
    let current = cells(&app, Color::Magenta);
    assert!(
        current >= "chine".len(),
        "the current match: {current} cells"
    );
    assert!(
        cells(&app, Color::Yellow) > 0,
        "the other matches keep their style"
    );
}

#[test]
fn a_query_with_nothing_searchable_says_why_in_the_status_line() {
    let (mut app, index) = ready(160, 48);
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "***");
    assert!(app.rows.is_empty(), "{:?}", app.rows);
    let (lines, _) = screen(&app);
    assert!(lines[0].contains("nothing to search"), "{}", lines[0]);
    type_text(&mut app, &index, " lang:de");
    let (lines, _) = screen(&app);
    assert!(lines[0].contains("not a language"), "{}", lines[0]);
}

#[test]
fn an_impossible_date_or_a_filter_given_twice_is_said_and_not_searched() {
    let (mut app, index) = ready(160, 48);
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "chine");
    assert!(!app.rows.is_empty());
    for (typed, said) in [
        (
            " 2024-02-30..2025-12-31",
            "2024-02-30 is not a calendar date: February 2024 has 29 days, not 30",
        ),
        (
            " lang:fr lang:en",
            "two languages given (\"fr\" and \"en\")",
        ),
        (" outlet:\"\"", "outlet: needs a value"),
    ] {
        app.update(Action::ClearInput);
        let mut text: Vec<char> = format!("chine{typed}").chars().collect();
        let last = text.pop().unwrap_or(' ');
        type_text(&mut app, &index, &text.iter().collect::<String>());
        app.update(Action::Insert(last));
        assert!(
            !app.take_effects()
                .iter()
                .any(|e| matches!(e, Effect::Submit(..))),
            "{typed}: the last key asked for no search"
        );
        assert!(app.rows.is_empty(), "{typed}: {:?}", app.rows);
        let (lines, _) = screen(&app);
        assert!(lines[0].contains(said), "{typed}: {}", lines[0]);
    }
}

/// Whole conference: `n` goes to a match in another turn; that turn is the one read —
/// selected in the list, cited by `y` — even when the screen's top shows the turn before.
#[test]
fn in_the_whole_conference_the_turn_of_the_match_is_the_one_read() {
    let (mut app, index) = ready(80, 24);
    app.update(Action::OpenSearch);
    type_text(&mut app, &index, "thaïlandaise");
    app.update(Action::Accept);
    app.update(Action::Open);
    assert_eq!(app.turns.selected, 2, "the hit's turn");
    app.update(Action::ToggleWhole);
    pump(&mut app, &index);
    app.update(Action::Top);
    app.update(Action::FocusNext);
    app.update(Action::NextMatch);
    let (scroll, _, _) = app.reader_position();
    let top_turn = app.page().turn_at(scroll);
    assert_eq!(
        app.turns.selected, 2,
        "the match's turn, the top shows {top_turn:?}"
    );
    assert_ne!(
        top_turn,
        Some(2),
        "the case this test is for: the top shows another turn"
    );
}

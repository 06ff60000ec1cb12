//! Reading a conference on from the reader: past the end of a turn comes the next, before its start the previous.

use super::action::Action;
use super::fixture;
use super::keymap::Focus;

#[test]
fn scrolling_past_the_end_of_a_turn_reads_the_next_and_back() {
    let mut app = fixture::app(80, 24);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.turns.selected, 0);
    let mut seen = vec![0];
    for _ in 0..40 {
        app.update(Action::PageDown);
        if seen.last() != Some(&app.turns.selected) {
            seen.push(app.turns.selected);
            assert_eq!(
                app.reader_position().0,
                0,
                "a new turn is read from its start"
            );
        }
    }
    assert_eq!(seen, [0, 1, 2, 3, 4], "every turn in order, then it stops");
    // Up at the start of a turn: the end of the previous one.
    app.update(Action::Top);
    assert_eq!(app.turns.selected, 4, "g stays in the turn");
    app.update(Action::Up);
    assert_eq!(app.turns.selected, 3);
    let (scroll, lines, height) = app.reader_position();
    assert_eq!(scroll, lines.saturating_sub(height), "at the end of turn 4");
    app.update(Action::Bottom);
    assert_eq!(app.turns.selected, 3, "G stays in the turn");
}

/// `c`: every turn in one scroll, each under a rule naming it, scrolled to the selected
/// turn; reading down, the turn list follows; `c` again shows the turn being read.
#[test]
fn the_whole_conference_reads_in_one_scroll_and_the_turn_list_follows() {
    let mut app = fixture::app(80, 24);
    app.update(Action::FocusNext);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!((app.focus, app.turns.selected), (Focus::Turns, 2));
    app.update(Action::ToggleWhole);
    let text = app.page().text();
    for (i, who) in [
        "statement",
        "Shenzhen TV",
        "AFP",
        "AFP · follow-up",
        "Bloomberg",
    ]
    .iter()
    .enumerate()
    {
        let rule = format!("── {}/5 · {who} ─", i + 1);
        assert!(
            text.iter().any(|l| l.starts_with(&rule)),
            "{rule}\n{text:#?}"
        );
    }
    let (scroll, lines, height) = app.reader_position();
    assert!(
        text[scroll].starts_with("── 3/5 · AFP ─"),
        "{}",
        text[scroll]
    );
    // Selecting another turn in the list scrolls the reader to it.
    app.update(Action::Up);
    let (scroll, _, _) = app.reader_position();
    assert!(
        text[scroll].starts_with("── 2/5 · Shenzhen TV"),
        "{}",
        text[scroll]
    );
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    let mut seen = vec![app.turns.selected];
    for _ in 0..60 {
        app.update(Action::Down);
        if seen.last() != Some(&app.turns.selected) {
            seen.push(app.turns.selected);
        }
    }
    assert!(
        seen.is_sorted() && seen.first() == Some(&1) && seen.last() == Some(&4),
        "{seen:?}"
    );
    assert_eq!(
        app.reader_position().0,
        lines - height,
        "the end, not a next conference"
    );
    app.update(Action::ToggleWhole);
    let text = app.page().text();
    assert!(text.iter().any(|l| l.contains("Bloomberg")), "{text:#?}");
    assert!(
        !text.iter().any(|l| l.starts_with("── ")),
        "one turn: {text:#?}"
    );
}

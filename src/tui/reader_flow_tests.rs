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

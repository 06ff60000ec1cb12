//! The key contract as a table: (mode, focus) × key → action.

use super::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}
fn c(ch: char) -> KeyEvent {
    let mods = if ch.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(ch), mods)
}
fn ctrl(ch: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(ch), KeyModifiers::CONTROL)
}

#[test]
fn the_key_contract() {
    use Focus::{Conferences as C, Hits as H, Reader as R, Turns as T};
    use Mode::{Filter, Help, Normal, Picker, Search};
    let table: Vec<(Mode, Focus, KeyEvent, Option<Action>)> = vec![
        (Normal, C, c('/'), Some(Action::OpenSearch)),
        (Normal, R, c('/'), Some(Action::OpenSearch)),
        (Search, H, c('/'), Some(Action::Insert('/'))),
        (Search, H, c('q'), Some(Action::Insert('q'))),
        (Search, H, c('j'), Some(Action::Insert('j'))),
        (Search, H, c('É'), Some(Action::Insert('É'))),
        (Search, H, c('台'), Some(Action::Insert('台'))),
        (Search, H, key(KeyCode::Backspace), Some(Action::Backspace)),
        (Search, H, ctrl('w'), Some(Action::DeleteWord)),
        (Search, H, ctrl('u'), Some(Action::ClearInput)),
        (Search, H, key(KeyCode::Enter), Some(Action::Accept)),
        (Search, H, key(KeyCode::Esc), Some(Action::Back)),
        (Search, H, key(KeyCode::Down), Some(Action::HistoryNewer)),
        (Search, H, key(KeyCode::Up), Some(Action::HistoryOlder)),
        (Search, H, ctrl('n'), Some(Action::Down)),
        (Search, H, ctrl('p'), Some(Action::Up)),
        (Search, H, key(KeyCode::Home), Some(Action::CursorHome)),
        (Search, H, ctrl('a'), Some(Action::CursorHome)),
        (Search, H, ctrl('e'), Some(Action::CursorEnd)),
        (Search, H, key(KeyCode::End), Some(Action::CursorEnd)),
        (Search, H, key(KeyCode::Delete), Some(Action::DeleteForward)),
        (Search, H, ctrl('k'), Some(Action::KillToEnd)),
        (
            Search,
            H,
            KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT),
            Some(Action::WordLeft),
        ),
        (
            Search,
            H,
            KeyEvent::new(KeyCode::Char('f'), KeyModifiers::ALT),
            Some(Action::WordRight),
        ),
        (Filter, C, key(KeyCode::Down), Some(Action::Down)),
        (Search, H, ctrl('c'), Some(Action::Quit)),
        (Normal, H, key(KeyCode::Enter), Some(Action::Open)),
        (Normal, H, key(KeyCode::Esc), Some(Action::Back)),
        (Normal, C, key(KeyCode::Tab), Some(Action::FocusNext)),
        (
            Normal,
            T,
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev),
        ),
        (Normal, T, c('h'), Some(Action::FocusPrev)),
        (Normal, T, c('l'), Some(Action::FocusNext)),
        (Normal, C, key(KeyCode::Left), Some(Action::FocusPrev)),
        (Normal, C, key(KeyCode::Right), Some(Action::FocusNext)),
        (Normal, C, c('j'), Some(Action::Down)),
        (Normal, T, c('k'), Some(Action::Up)),
        (Normal, H, key(KeyCode::Down), Some(Action::Down)),
        (Normal, C, key(KeyCode::Up), Some(Action::Up)),
        (Normal, R, c('j'), Some(Action::Down)),
        (Normal, R, c('k'), Some(Action::Up)),
        (Normal, R, c(' '), Some(Action::PageDown)),
        (Normal, R, c('b'), Some(Action::PageUp)),
        (Normal, R, key(KeyCode::PageDown), Some(Action::PageDown)),
        (Normal, C, key(KeyCode::PageUp), Some(Action::PageUp)),
        (Normal, C, c('g'), Some(Action::Top)),
        (Normal, R, c('G'), Some(Action::Bottom)),
        (Normal, T, key(KeyCode::Home), Some(Action::Top)),
        (Normal, R, key(KeyCode::End), Some(Action::Bottom)),
        (Normal, R, c('n'), Some(Action::NextMatch)),
        (Normal, R, c('N'), Some(Action::PrevMatch)),
        (Normal, C, c('o'), Some(Action::OutletPicker)),
        (Normal, T, c(']'), Some(Action::NextSameOutlet)),
        (Normal, R, c('['), Some(Action::PrevSameOutlet)),
        (Normal, R, c('y'), Some(Action::CopyCitation)),
        (Normal, R, c('a'), Some(Action::ToggleAnswerOnly)),
        (Normal, C, c('m'), Some(Action::ToggleMouse)),
        (Normal, C, c('?'), Some(Action::ToggleHelp)),
        (Normal, C, c('q'), Some(Action::Quit)),
        (Normal, R, ctrl('c'), Some(Action::Quit)),
        (Normal, C, c('R'), Some(Action::Reload)),
        (Normal, C, c('f'), Some(Action::FilterConferences)),
        (Normal, R, c('f'), None),
        (Normal, C, c('x'), None),
        (Filter, C, c('q'), Some(Action::Insert('q'))),
        (Filter, C, key(KeyCode::Esc), Some(Action::Back)),
        (Filter, C, key(KeyCode::Enter), Some(Action::Accept)),
        (Picker, C, c('a'), Some(Action::Insert('a'))),
        (Picker, C, key(KeyCode::Enter), Some(Action::Open)),
        (Picker, C, key(KeyCode::Esc), Some(Action::Back)),
        (Picker, C, ctrl('n'), Some(Action::Down)),
        (Help, R, c('?'), Some(Action::ToggleHelp)),
        (Help, R, key(KeyCode::Esc), Some(Action::ToggleHelp)),
        (Help, R, c('j'), Some(Action::Down)),
        (Help, R, c('/'), None),
        (Help, R, ctrl('c'), Some(Action::Quit)),
        (Search, H, key(KeyCode::F(1)), Some(Action::ToggleHelp)),
    ];
    for (mode, focus, k, want) in table {
        assert_eq!(keymap(mode, focus, k), want, "{mode:?} {focus:?} {k:?}");
    }
}

#[test]
fn hints_come_from_the_table() {
    let words: Vec<&str> = hints(Mode::Normal, Focus::Reader)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    assert!(words.contains(&"search") && words.contains(&"scroll") && words.contains(&"quit"));
    assert!(!words.contains(&"filter"));
    let search: Vec<&str> = hints(Mode::Search, Focus::Hits)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    assert!(!search.contains(&"quit"));
}

#[test]
fn every_binding_has_a_description_and_a_key() {
    for b in BINDINGS {
        assert!(!b.help.is_empty() && !b.keys.is_empty(), "{b:?}");
    }
    assert_eq!(
        label(Pat::Key(KeyCode::Char('w'), KeyModifiers::CONTROL)),
        "Ctrl-w"
    );
}

//! Update transitions over the fixture corpus (French, Chinese, English), without a terminal.

use super::reader::citation;
use super::*;
use crate::tui::fixture;

fn apply(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

#[test]
fn start_up_selects_the_newest_conference_and_its_first_turn() {
    let app = fixture::app(80, 24);
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-29-fr")
    );
    assert_eq!(
        (app.focus, app.mode, app.view),
        (Focus::Conferences, Mode::Normal, View::Browse)
    );
    assert!(
        app.page()
            .text()
            .iter()
            .any(|l| l.contains("À l'invitation"))
    );
}

#[test]
fn moving_in_the_lists_loads_the_conference_and_the_reader_follows() {
    let mut app = fixture::app(80, 24);
    apply(&mut app, &[Action::Down, Action::FocusNext, Action::Down]);
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-28-zh")
    );
    assert_eq!((app.focus, app.turns.selected), (Focus::Turns, 1));
    assert!(
        app.page()
            .text()
            .iter()
            .any(|l| l.contains("台湾是中国领土"))
    );
    apply(
        &mut app,
        &[Action::Bottom, Action::FocusPrev, Action::Bottom],
    );
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-25-en")
    );
    assert_eq!(
        app.turns.selected, 0,
        "a new conference starts at its first turn"
    );
    apply(&mut app, &[Action::Top]);
    assert_eq!(app.confs.selected, 0);
}

#[test]
fn focus_cycles_through_the_visible_panes() {
    let mut app = fixture::app(80, 24);
    apply(&mut app, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.focus, Focus::Reader);
    apply(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Focus::Conferences);
    apply(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Focus::Reader);
    apply(&mut app, &[Action::FocusNext, Action::Open, Action::Open]);
    assert_eq!(
        app.focus,
        Focus::Reader,
        "Enter goes conferences → turns → reader"
    );
}

#[test]
fn the_reader_scrolls_and_clamps_on_resize() {
    let mut app = fixture::app(60, 15);
    apply(
        &mut app,
        &[
            Action::Down,
            Action::FocusNext,
            Action::FocusNext,
            Action::Bottom,
        ],
    );
    let (scroll, total, height) = app.reader_position();
    assert!(
        total > height && scroll == total - height,
        "{scroll} {total} {height}"
    );
    app.update(Action::Resize(160, 48));
    let (scroll, total, height) = app.reader_position();
    assert!(scroll + height >= total || scroll == 0);
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-28-zh"),
        "resize keeps the selection"
    );
    apply(&mut app, &[Action::PageUp, Action::Top]);
    assert_eq!(app.reader_position().0, 0);
}

#[test]
fn the_filter_narrows_the_list_and_escape_clears_it() {
    let mut app = fixture::app(80, 24);
    apply(
        &mut app,
        &[
            Action::FilterConferences,
            Action::Insert('z'),
            Action::Insert('h'),
        ],
    );
    assert_eq!(app.mode, Mode::Filter);
    assert_eq!(app.shown.len(), 1);
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-28-zh")
    );
    apply(&mut app, &[Action::Insert('q')]);
    assert!(app.shown.is_empty(), "q is a letter in the filter");
    assert!(!app.quit);
    apply(&mut app, &[Action::Backspace, Action::Accept]);
    assert_eq!((app.mode, app.shown.len()), (Mode::Normal, 1));
    apply(&mut app, &[Action::Back]);
    assert_eq!(app.shown.len(), 3);
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-28-zh"),
        "the selection survives the filter"
    );
}

#[test]
fn citation_names_speaker_date_and_outlet() {
    let mut app = fixture::app(80, 24);
    apply(
        &mut app,
        &[
            Action::Down,
            Action::FocusNext,
            Action::Down,
            Action::ToggleAnswerOnly,
            Action::CopyCitation,
        ],
    );
    let effects = app.take_effects();
    let Some(Effect::Copy(text)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert!(text.starts_with("台湾是中国领土"), "answer only: {text}");
    assert!(
        text.ends_with("— Guo Jiakun, MFA regular press conference, 2025-07-28, in answer to AFP"),
        "{text}"
    );
    assert!(app.message.as_deref().is_some_and(|m| m.contains("OSC 52")));
    let statement = citation(&fixture::conferences()[0], 0, true).unwrap_or_default();
    assert!(statement.ends_with("2025-07-29"), "{statement}");
}

#[test]
fn citation_quotes_the_question_when_shown_and_never_a_label_as_asker() {
    let mut app = fixture::app(80, 24);
    apply(
        &mut app,
        &[
            Action::Down,
            Action::FocusNext,
            Action::Down,
            Action::CopyCitation,
        ],
    );
    let effects = app.take_effects();
    let Some(Effect::Copy(text)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert!(
        text.starts_with("AFP: "),
        "the question comes first: {text}"
    );
    assert!(text.contains("\n\nGuo Jiakun: 台湾是中国领土"), "{text}");

    let mut conf = fixture::conferences()[1].clone();
    let turn = conf
        .turns
        .iter()
        .position(|t| t.kind == crate::model::TurnKind::Question)
        .unwrap();
    conf.turns[turn].outlet = None;
    conf.turns[turn].asker = "Q".into();
    conf.source = Some("https://www.mfa.gov.cn/web/fyrbt_673021/202507/t20250728.shtml".into());
    let text = citation(&conf, turn, true).unwrap_or_default();
    assert!(text.starts_with("A journalist: "), "{text}");
    assert!(
        text.ends_with(
            ", in answer to a journalist. https://www.mfa.gov.cn/web/fyrbt_673021/202507/t20250728.shtml"
        ),
        "{text}"
    );
    assert!(!text.contains("in answer to Q"), "{text}");
    conf.source = Some("2025-07-28_guo.txt".into());
    let text = citation(&conf, turn, false).unwrap_or_default();
    assert!(
        text.ends_with("in answer to a journalist"),
        "a file name is not cited: {text}"
    );
}

#[test]
fn answer_only_mouse_help_and_quit() {
    let mut app = fixture::app(80, 24);
    apply(
        &mut app,
        &[Action::FocusNext, Action::Down, Action::ToggleAnswerOnly],
    );
    assert!(!app.page().text().iter().any(|l| l.starts_with("Q ")));
    apply(&mut app, &[Action::ToggleMouse]);
    assert_eq!(app.take_effects(), [Effect::Mouse(false)]);
    apply(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode, Mode::Help);
    apply(&mut app, &[Action::Down, Action::ToggleHelp]);
    assert_eq!(app.mode, Mode::Normal);
    apply(&mut app, &[Action::Reload]);
    assert_eq!(app.take_effects(), [Effect::Reload]);
    apply(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls_under_the_pointer() {
    let mut app = fixture::app(80, 24);
    let turns = app.areas.turns.unwrap_or_default();
    app.update(Action::Click(turns.x + 3, turns.y + 3));
    assert_eq!((app.focus, app.turns.selected), (Focus::Turns, 2));
    let confs = app.areas.conferences.unwrap_or_default();
    app.update(Action::Wheel(confs.x + 2, confs.y + 2, true));
    assert_eq!(
        app.confs.selected, 2,
        "the wheel moves the list under the pointer"
    );
    assert_eq!(app.focus, Focus::Turns, "without taking the focus");
    let reader = app.areas.reader;
    app.update(Action::Click(reader.x + 5, reader.y + 5));
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn outlets_need_the_index_and_say_so() {
    let mut app = fixture::app(80, 24);
    apply(&mut app, &[Action::OutletPicker]);
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("indexing"))
    );
    apply(
        &mut app,
        &[
            Action::FocusNext,
            Action::Down,
            Action::Down,
            Action::NextSameOutlet,
        ],
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("indexing"))
    );
}

#[test]
fn a_reloaded_catalogue_keeps_the_selection() {
    let mut app = fixture::app(80, 24);
    apply(&mut app, &[Action::Down]);
    let mut entries: Vec<crate::corpus::Entry> = fixture::conferences()
        .iter()
        .map(crate::corpus::Entry::of)
        .collect();
    entries.remove(0);
    app.update(Action::Reloaded(crate::tui::action::Catalogue {
        entries,
        problems: Vec::new(),
    }));
    assert_eq!(
        app.conf.as_ref().map(|c| c.id.as_str()),
        Some("2025-07-28-zh")
    );
    assert_eq!(app.confs.selected, 0);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("2 conferences"))
    );
}

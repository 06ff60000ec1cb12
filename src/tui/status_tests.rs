//! The status line and the keys never say or do what the screen does not show (issue 9, item 11).

use std::sync::Arc;

use super::action::{Action, Ready};
use super::fixture;
use super::keymap::Mode;
use super::layout::View;
use super::snapshot_tests::screen;
use crate::search::SearchIndex;

fn status(app: &super::app::App) -> String {
    let (lines, _) = screen(app);
    lines[lines.len() - 2].clone()
}

#[test]
fn a_rebuilt_index_is_said_once_not_left_standing() {
    let mut app = fixture::app(100, 30);
    let index = Arc::new(SearchIndex::in_memory(&fixture::conferences()).expect("index"));
    app.update(Action::IndexReady(Ready {
        index: Ok(index),
        note: Some("index missing".into()),
    }));
    assert!(status(&app).contains("index missing"), "{}", status(&app));
    app.update(Action::Down);
    assert!(
        !status(&app).contains("index missing"),
        "search works now: {}",
        status(&app)
    );
}

#[test]
fn filters_leave_the_status_line_with_the_search() {
    let mut app = fixture::app(100, 30);
    let index = Arc::new(SearchIndex::in_memory(&fixture::conferences()).expect("index"));
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::clone(&index)),
        note: None,
    }));
    app.update(Action::OpenSearch);
    for c in "outlet:AFP chine".chars() {
        app.update(Action::Insert(c));
    }
    for e in app.take_effects() {
        if let super::app::Effect::Submit(generation, q) = e {
            app.update(Action::Delivered(super::action::Delivery {
                generation,
                outcome: index.search(&q).map_err(|e| e.to_string()),
            }));
        }
    }
    app.update(Action::Accept);
    assert!(
        status(&app).contains("filters: outlet:AFP"),
        "{}",
        status(&app)
    );
    app.update(Action::Back);
    assert_eq!(app.view, View::Browse, "left the search");
    assert!(
        !status(&app).contains("filters:"),
        "no search on screen, no filters: {}",
        status(&app)
    );
}

#[test]
fn a_window_too_small_takes_only_quit_and_help() {
    let mut app = fixture::app(30, 8);
    let (lines, _) = screen(&app);
    assert!(lines.concat().contains("Window too small"), "{lines:?}");
    let before = (app.confs.selected, app.focus, app.mode, app.view);
    for a in [
        Action::Down,
        Action::FocusNext,
        Action::OpenSearch,
        Action::Insert('x'),
        Action::CopyCitation,
        Action::ToggleMouse,
    ] {
        app.update(a);
    }
    assert!(
        app.take_effects().is_empty(),
        "nothing copied, no mouse change"
    );
    assert_eq!((app.confs.selected, app.focus, app.mode, app.view), before);
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode, Mode::Help);
    app.update(Action::Quit);
    assert!(app.quit);
}

/// The bundled sample at 80 columns: the note and the corpus name both read whole.
#[test]
fn the_sample_notice_fits_at_80_columns() {
    use super::app::{App, Source};
    let corpus = Arc::new(crate::corpus::Corpus::sample());
    let (entries, problems) = corpus.catalog();
    let mut app = App::new(
        Source::Corpus(corpus),
        entries,
        problems,
        vec![super::SAMPLE_NOTE.to_string()],
        crate::outlets::Outlets::builtin(),
    );
    app.update(Action::Resize(80, 24));
    let line = status(&app);
    assert!(line.contains(super::SAMPLE_NOTE), "{line}");
    assert!(line.contains("illustrative sample · "), "{line}");
    assert!(!line.contains('…'), "nothing cut: {line}");
}

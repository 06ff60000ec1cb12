//! A huge turn in the reader: laid out and marked off the UI thread, a note meanwhile, the previous marks kept until the new ones arrive.

use std::sync::Arc;

use super::action::{Action, Ready};
use super::app::{App, Effect, Source};
use super::fixture;
use super::typeset::{INLINE_BYTES, Job, one_paragraph};
use crate::corpus::Entry;
use crate::outlets::Outlets;
use crate::search::SearchIndex;

/// A browser over one conference whose answer is a paragraph of about `bytes` bytes.
fn huge(bytes: usize) -> (App, Arc<SearchIndex>) {
    let confs = vec![one_paragraph(bytes).expect("conference")];
    let index = Arc::new(SearchIndex::in_memory(&confs).expect("index"));
    let entries = confs.iter().map(Entry::of).collect();
    let app = App::new(
        Source::Memory(confs),
        entries,
        Vec::new(),
        Vec::new(),
        Outlets::builtin(),
    );
    (app, index)
}

/// The typesetting jobs among these effects, in order.
fn jobs(effects: Vec<Effect>) -> Vec<Job> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Typeset(job) => Some(job),
            _ => None,
        })
        .collect()
}

fn text(app: &App) -> Vec<String> {
    app.page().text()
}

#[test]
fn a_huge_turn_is_typeset_off_the_ui_thread_with_a_note_meanwhile() {
    let (mut app, _) = huge(4 * INLINE_BYTES);
    app.update(Action::Resize(120, 40));
    assert!(
        text(&app)
            .iter()
            .any(|l| l.starts_with("Laying out this turn (0.3 MB)")),
        "{:?}",
        text(&app)
    );
    assert!(!app.reader_settled());
    let mut asked = jobs(app.take_effects());
    assert_eq!(asked.len(), 1, "one job for the turn");
    // Asked once: frames drawn meanwhile do not ask again.
    app.update(Action::Down);
    assert!(jobs(app.take_effects()).is_empty());
    app.update(Action::Typeset(asked.remove(0).run()));
    assert!(app.reader_settled());
    assert!(
        text(&app)
            .iter()
            .any(|l| l.starts_with("A  la Chine soutient"))
    );
}

#[test]
fn a_new_query_keeps_the_old_marks_until_the_typesetter_answers() {
    let (mut app, index) = huge(4 * INLINE_BYTES);
    app.update(Action::Resize(120, 40));
    for job in jobs(app.take_effects()) {
        app.update(Action::Typeset(job.run()));
    }
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::clone(&index)),
        note: None,
    }));
    app.update(Action::OpenSearch);
    let mut marked_for = Vec::new();
    for c in ['p', 'a'] {
        app.update(Action::Insert(c));
        let asked = jobs(fixture::pump(&mut app, &index));
        assert_eq!(asked.len(), 1);
        if c == 'a' {
            // The hit list's reader is another width: `p` wrapped the turn for it. Now the
            // page stays the wrapped text, with the marks of `p`, while `pa`'s are made.
            assert!(text(&app).iter().any(|l| l.starts_with("A  la Chine")));
            assert!(asked[0].wrapped.is_some(), "the wrapping is reused");
        }
        marked_for.push(app.page().matches.len());
        app.update(Action::Typeset(asked[0].clone().run()));
        assert!(app.reader_settled());
    }
    assert_eq!(marked_for[0], 0, "no marks before the first answer");
    assert!(
        marked_for[1] > 0,
        "the marks of `p` stay on screen while `pa` is typeset"
    );
    let (scroll, lines, _) = app.reader_position();
    assert!(lines > 1000 && app.page().matches.len() > 100);
    let first = app.page().matches[0];
    assert!(scroll <= first, "scrolled to the first match");
}

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

/// `huge(bytes)` at 120×40 with its turn typeset, the index ready and the search bar open.
fn searching(bytes: usize) -> (App, Arc<SearchIndex>) {
    let (mut app, index) = huge(bytes);
    app.update(Action::Resize(120, 40));
    for job in jobs(app.take_effects()) {
        app.update(Action::Typeset(job.run()));
    }
    app.update(Action::IndexReady(Ready {
        index: Ok(Arc::clone(&index)),
        note: None,
    }));
    app.update(Action::OpenSearch);
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
    let (mut app, index) = searching(4 * INLINE_BYTES);
    // `paix`, key by key, each page typeset: the hit list's reader (another width) wraps it.
    for c in "paix".chars() {
        app.update(Action::Insert(c));
        for job in jobs(fixture::pump(&mut app, &index)) {
            app.update(Action::Typeset(job.run()));
        }
    }
    assert!(app.reader_settled());
    let marked = app.page().matches.len();
    assert!(marked > 0, "paix is marked");
    // A new query (`paix ` is a new generation): its marks are made by the typesetter,
    // reusing the wrapping; meanwhile the text stays, with the marks of `paix`.
    app.update(Action::Insert(' '));
    let asked = jobs(fixture::pump(&mut app, &index));
    assert_eq!(asked.len(), 1);
    assert!(asked[0].wrapped.is_some(), "the wrapping is reused");
    assert!(!app.reader_settled());
    assert!(text(&app).iter().any(|l| l.starts_with("A  la Chine")));
    assert_eq!(
        app.page().matches.len(),
        marked,
        "the old marks stay meanwhile"
    );
    app.update(Action::Typeset(asked[0].clone().run()));
    assert!(app.reader_settled());
    let (scroll, lines, _) = app.reader_position();
    assert!(lines > 1000 && app.page().matches.len() > 100);
    let first = app.page().matches[0];
    assert!(scroll <= first, "scrolled to the first match");
}

/// A new query in a huge turn: the typesetter first delivers the page marked around the
/// lines on screen (the key's answer, within the budget at any size), then the whole turn;
/// a newer job waiting stops the second part.
#[test]
fn a_huge_turn_is_marked_on_screen_first_then_whole() {
    let (mut app, index) = searching(2 * 1024 * 1024);
    let mut asked = Vec::new();
    for c in "paix".chars() {
        app.update(Action::Insert(c));
        asked = jobs(fixture::pump(&mut app, &index));
    }
    assert_eq!(asked.len(), 1, "the last key's page");
    let job = asked.remove(0);
    assert!(job.seek, "a new query goes to the first match");
    let delivered = std::cell::RefCell::new(Vec::new());
    job.clone()
        .run_in_steps(&|t| delivered.borrow_mut().push(t), &|| false);
    let delivered = delivered.into_inner();
    assert_eq!(delivered.len(), 2, "on screen first, then whole");
    let (first, whole) = (&delivered[0], &delivered[1]);
    assert!(!first.page.complete && first.page.first_match_known);
    assert!(whole.page.complete);
    assert!(first.page.matches.len() < whole.page.matches.len() / 10);
    assert_eq!(first.page.matches[0], whole.page.matches[0]);

    app.update(Action::Typeset(first.clone()));
    assert!(app.reader_settled() && !app.reader_complete());
    let (scroll, _, rows) = app.reader_position();
    let on_screen = |app: &App| {
        app.page()
            .matches
            .iter()
            .filter(|&&l| l >= scroll && l < scroll + rows)
            .count()
    };
    let shown = on_screen(&app);
    assert!(shown > 0, "the lines on screen are marked");
    app.update(Action::Typeset(whole.clone()));
    assert!(app.reader_complete());
    assert_eq!(on_screen(&app), shown, "the same marks on screen");
    assert_eq!(app.page().matches.len(), whole.page.matches.len());

    // A newer job waiting: only the first delivery is made.
    let count = std::cell::Cell::new(0);
    job.run_in_steps(&|_| count.set(count.get() + 1), &|| true);
    assert_eq!(count.get(), 1);
}

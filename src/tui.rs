//! The terminal browser: panes over the corpus, incremental search, outlets, quoting.
//!
//! Keys become [`action::Action`]s through [`keymap::keymap`]; `App::update` is the
//! only place state changes; [`ui::draw`] paints a frame from `&App`.

mod action;
mod app;
mod cursor;
mod event;
#[cfg(test)]
mod fixture;
mod input;
mod keymap;
mod layout;
mod page;
mod probe;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod snapshot_tests;
mod terminal;
mod theme;
mod ui;

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use action::{Action, Catalogue, Delivery, Ready};
use app::{App, Effect, IndexState, Source};
use event::Event;

pub use probe::{InputPath, input_path};

use crate::corpus::Corpus;
use crate::outlets::Outlets;
use crate::search::SearchService;

/// Runs the browser on `corpus` until the user quits. `notes` are start-up
/// remarks for the status line (e.g. "showing the bundled sample").
pub fn run(corpus: Corpus, notes: Vec<String>, outlets: Outlets) -> Result<(), String> {
    let corpus = Arc::new(corpus);
    let mut app = app_for(&corpus, notes, outlets);
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut term = terminal::Term::init().map_err(|e| {
        format!("Cannot take over the terminal: {e}. Run briefings in an interactive terminal.")
    })?;
    let (w, h) = term.size();
    app.update(Action::Resize(w, h));
    let (tx, rx) = mpsc::channel();
    event::spawn_input(tx.clone());
    event::spawn_signals(tx.clone());
    draw(&mut term, &app)?;
    // The benchmark's probe: time from process start to the first full frame.
    if std::env::var_os("BRIEFINGS_EXIT_AFTER_FIRST_FRAME").is_some() {
        return Ok(());
    }
    {
        let tx = tx.clone();
        let corpus = Arc::clone(&corpus);
        thread::spawn(move || {
            let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::open::open_index(&corpus)
            }))
            .unwrap_or_else(|_| {
                Err(crate::search::IndexError(
                    "the index could not be opened (internal error)".into(),
                ))
            });
            let _ = tx.send(Event::Index(opened));
        });
    }
    let mut service: Option<SearchService> = None;
    while let Ok(first) = rx.recv() {
        for ev in std::iter::once(first).chain(rx.try_iter()) {
            handle(&mut app, ev, &tx, &mut service);
        }
        for effect in app.take_effects() {
            perform(effect, &mut app, &mut term, &tx, service.as_ref());
        }
        if app.quit {
            break;
        }
        draw(&mut term, &app)?;
    }
    Ok(())
}

/// The browser's state over a corpus, from its (cached) catalogue.
fn app_for(corpus: &Arc<Corpus>, notes: Vec<String>, outlets: Outlets) -> App {
    let (entries, problems) = corpus.catalog();
    App::new(
        Source::Corpus(Arc::clone(corpus)),
        entries,
        problems,
        notes,
        outlets,
    )
}

fn draw(term: &mut terminal::Term, app: &App) -> Result<(), String> {
    term.terminal
        .draw(|f| {
            ui::draw(f, app);
        })
        .map(|_| ())
        .map_err(|e| format!("Cannot draw on the terminal: {e}"))
}

/// Turns one event into actions for the app.
fn handle(app: &mut App, ev: Event, tx: &Sender<Event>, service: &mut Option<SearchService>) {
    let action = match ev {
        Event::Input(input) => event::action_for(input, app.mode, app.focus),
        Event::Delivered(generation, outcome) => Some(Action::Delivered(Delivery {
            generation,
            outcome: outcome.map_err(|e| e.to_string()),
        })),
        Event::Index(Ok((index, note))) => {
            let index = Arc::new(index);
            let tx = tx.clone();
            *service = Some(SearchService::spawn(Arc::clone(&index), move |g, r| {
                let _ = tx.send(Event::Delivered(g, r));
            }));
            Some(Action::IndexReady(Ready {
                index: Ok(index),
                note,
            }))
        }
        Event::Index(Err(e)) => Some(Action::IndexReady(Ready {
            index: Err(e.to_string()),
            note: None,
        })),
        Event::Reloaded(c) => Some(Action::Reloaded(c)),
        Event::Terminate => Some(Action::Quit),
    };
    if let Some(a) = action {
        app.update(a);
    }
}

/// Does the work an update asked for.
fn perform(
    effect: Effect,
    app: &mut App,
    term: &mut terminal::Term,
    tx: &Sender<Event>,
    service: Option<&SearchService>,
) {
    match effect {
        Effect::Submit(generation, query) => {
            if let Some(s) = service {
                s.submit(generation, query);
            }
        }
        Effect::Copy(text) => {
            let _ = term.copy(&text);
        }
        Effect::Mouse(on) => {
            let _ = term.set_mouse(on);
        }
        Effect::Reload => {
            let Some(corpus) = app.corpus() else { return };
            let index = match &app.index {
                IndexState::Ready(i) => Some(Arc::clone(i)),
                _ => None,
            };
            let tx = tx.clone();
            thread::spawn(move || {
                let (entries, problems) = corpus.catalog();
                if let Some(i) = index {
                    let _ = i.reload();
                }
                let _ = tx.send(Event::Reloaded(Catalogue { entries, problems }));
            });
        }
    }
}

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
mod history;
mod input;
mod keymap;
#[cfg(test)]
mod languages_tests;
mod layout;
mod page;
#[cfg(feature = "probe")]
mod probe;
#[cfg(test)]
mod reader_flow_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod snapshot_tests;
#[cfg(test)]
mod status_tests;
mod terminal;
mod theme;
#[cfg(test)]
mod trend_tests;
mod typeset;
#[cfg(test)]
mod typeset_tests;
mod ui;

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use action::{Action, Catalogue, Delivery, Ready};
use app::{App, Effect, Source};
use event::Event;

#[cfg(feature = "probe")]
pub use probe::{BigParagraph, InputPath, big_paragraph, input_path};

use crate::corpus::Corpus;
use crate::library::Library;
use crate::outlets::Outlets;
use crate::search::{DAMAGED, IndexError, SearchIndex, SearchService, quietly};

/// The status line's note on the bundled sample: what to do, short enough to be read whole
/// beside the corpus name at 80 columns (`status_tests`).
pub(crate) const SAMPLE_NOTE: &str = "import yours: briefings import PATH";

/// Runs the browser on `library` until the user quits. `notes` are start-up
/// remarks for the status line (e.g. "showing the bundled sample").
pub(crate) fn run(library: Library, notes: Vec<String>, outlets: Outlets) -> Result<(), String> {
    let library = Arc::new(library);
    let mut app = app_for(library.corpus(), notes, outlets);
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let history_path = history::default_path();
    if let Some(path) = &history_path {
        app.search.history = history::load(path);
    }
    let mut term = terminal::Term::init().map_err(|e| {
        format!("Cannot take over the terminal: {e}. Run briefings in an interactive terminal.")
    })?;
    // Input is read from here on, so Ctrl-C works even during the first layout.
    let (tx, rx) = mpsc::channel();
    event::spawn_input(tx.clone());
    event::spawn_signals(tx.clone());
    let (w, h) = term.size();
    app.update(Action::Resize(w, h));
    draw(&mut term, &app)?;
    // The benchmark's probe: time from process start to the first full frame.
    #[cfg(feature = "probe")]
    if std::env::var_os("BRIEFINGS_EXIT_AFTER_FIRST_FRAME").is_some() {
        return Ok(());
    }
    let typeset_tx = tx.clone();
    let trend_tx = tx.clone();
    let mut tasks = Tasks {
        counter: app::Counter::spawn(Arc::clone(&library), move |c| {
            let _ = trend_tx.send(Event::Counted(c));
        }),
        library,
        history_path,
        tx: tx.clone(),
        service: None,
        rebuilding: false,
        typesetter: typeset::Typesetter::spawn(move |t| {
            let _ = typeset_tx.send(Event::Typeset(t));
        }),
    };
    tasks.open_index(false);
    while let Ok(first) = rx.recv() {
        for ev in std::iter::once(first).chain(rx.try_iter()) {
            handle(&mut app, ev, &mut tasks);
        }
        for effect in app.take_effects() {
            perform(effect, &mut term, &tasks);
        }
        if app.quit {
            break;
        }
        draw(&mut term, &app)?;
    }
    Ok(())
}

/// The loop's background work on the library: opening, rebuilding, reloading.
struct Tasks {
    library: Arc<Library>,
    tx: Sender<Event>,
    service: Option<SearchService>,
    /// A rebuild after a damaged-index answer is under way (one at a time).
    rebuilding: bool,
    /// Lays out huge turns for the reader.
    typesetter: typeset::Typesetter,
    /// Counts the trend chart's query.
    counter: app::Counter,
    /// Where the search history is kept (none: this run only).
    history_path: Option<std::path::PathBuf>,
}

impl Tasks {
    /// Opens (or, when `rebuild`, rebuilds) the index on a thread; it arrives as [`Event::Index`].
    fn open_index(&mut self, rebuild: bool) {
        let library = Arc::clone(&self.library);
        let tx = self.tx.clone();
        self.rebuilding |= rebuild;
        thread::spawn(move || {
            let opened = if rebuild {
                quietly(|| library.rebuild())
                    .map(|(ix, _)| (ix, Some("index damaged, rebuilt".to_string())))
            } else {
                quietly(|| library.index())
            };
            let _ = tx.send(Event::Index(opened));
        });
    }

    /// Re-reads the catalogue and the index on a thread: additions, changes and deletions.
    fn reload(&self) {
        let library = Arc::clone(&self.library);
        let tx = self.tx.clone();
        thread::spawn(move || {
            let snap = library.refresh();
            let catalogue = Catalogue {
                entries: snap.entries,
                problems: snap.problems,
            };
            let _ = tx.send(Event::Reloaded(catalogue, snap.index));
        });
    }

    /// Serves searches from `index` (the previous worker stops).
    fn serve(&mut self, index: &Arc<SearchIndex>) {
        let tx = self.tx.clone();
        self.service = Some(SearchService::spawn(Arc::clone(index), move |g, r| {
            let _ = tx.send(Event::Delivered(g, r));
        }));
    }
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
fn handle(app: &mut App, ev: Event, tasks: &mut Tasks) {
    let actions = match ev {
        Event::Input(input) => event::action_for(input, app.mode, app.focus)
            .into_iter()
            .collect(),
        Event::Delivered(generation, outcome) => {
            if outcome.as_ref().is_err_and(|e| e.0 == DAMAGED) && !tasks.rebuilding {
                // A damaged index answers once with the error, then is rebuilt.
                tasks.open_index(true);
            }
            vec![Action::Delivered(Delivery {
                generation,
                outcome: outcome.map_err(|e| format!("{e}; rebuilding it")),
            })]
        }
        Event::Index(opened) => {
            tasks.rebuilding = false;
            vec![index_ready(opened, tasks)]
        }
        Event::Reloaded(catalogue, opened) => {
            vec![index_ready(opened, tasks), Action::Reloaded(catalogue)]
        }
        Event::Typeset(t) => vec![Action::Typeset(t)],
        Event::Counted(c) => vec![Action::Counted(c)],
        Event::Terminate => vec![Action::Quit],
    };
    for a in actions {
        app.update(a);
    }
}

/// An opened index starts a worker on it; the app gets it (or the error).
fn index_ready(
    opened: Result<(SearchIndex, Option<String>), IndexError>,
    tasks: &mut Tasks,
) -> Action {
    match opened {
        Ok((index, note)) => {
            let index = Arc::new(index);
            tasks.serve(&index);
            Action::IndexReady(Ready {
                index: Ok(index),
                note,
            })
        }
        Err(e) => Action::IndexReady(Ready {
            index: Err(e.to_string()),
            note: None,
        }),
    }
}

/// Does the work an update asked for.
fn perform(effect: Effect, term: &mut terminal::Term, tasks: &Tasks) {
    match effect {
        Effect::Submit(generation, query) => {
            if let Some(s) = &tasks.service {
                s.submit(generation, query);
            }
        }
        Effect::Copy(text) => {
            let _ = term.copy(&text);
        }
        Effect::Mouse(on) => {
            let _ = term.set_mouse(on);
        }
        Effect::Reload => tasks.reload(),
        Effect::Typeset(job) => tasks.typesetter.submit(job),
        Effect::Trend(job) => tasks.counter.submit(job),
        Effect::SaveHistory(entries) => {
            // A history that cannot be written is only lost for the next run.
            if let Some(path) = &tasks.history_path {
                let _ = history::save(path, &entries);
            }
        }
    }
}

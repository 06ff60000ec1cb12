//! Measures the input path the way the event loop runs it, for the benchmark:
//! a keystroke's update and frame never wait for the search, whose answer
//! arrives later and costs its own frame.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::action::{Action, Delivery, Ready};
use super::app::{App, Effect};
use super::ui;
use crate::corpus::Corpus;
use crate::outlets::Outlets;
use crate::search::{SearchIndex, SearchService};

/// Time of each frame, split by what caused it.
#[derive(Debug, Default)]
pub struct InputPath {
    /// From a key to its frame drawn (update + effects + draw).
    pub keys: Vec<Duration>,
    /// From a delivered search answer to its frame drawn.
    pub answers: Vec<Duration>,
    /// Start-up to the first frame, catalogue read included.
    pub first_frame: Duration,
}

/// Opens the search bar and types each query character by character at a `w`×`h`
/// terminal, timing every frame; answers that arrived are drawn between keys, as the
/// event loop does.
pub fn input_path(
    corpus: Corpus,
    index: SearchIndex,
    queries: &[&str],
    w: u16,
    h: u16,
) -> Result<InputPath, String> {
    let started = Instant::now();
    let corpus = Arc::new(corpus);
    let mut app = super::app_for(&corpus, Vec::new(), Outlets::builtin());
    let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    app.update(Action::Resize(w, h));
    let draw = |term: &mut Terminal<TestBackend>, app: &App| {
        term.draw(|f| {
            ui::draw(f, app);
        })
        .map(|_| ())
        .map_err(|e| e.to_string())
    };
    draw(&mut term, &app)?;
    let mut out = InputPath {
        first_frame: started.elapsed(),
        ..InputPath::default()
    };

    let index = Arc::new(index);
    let (tx, rx) = mpsc::channel();
    let service = SearchService::spawn(Arc::clone(&index), move |g, r| {
        let _ = tx.send((g, r));
    });
    app.update(Action::IndexReady(Ready {
        index: Ok(index),
        note: None,
    }));
    for query in queries {
        app.update(Action::OpenSearch);
        app.update(Action::ClearInput);
        for c in query.chars() {
            let t = Instant::now();
            app.update(Action::Insert(c));
            for effect in app.take_effects() {
                if let Effect::Submit(generation, q) = effect {
                    service.submit(generation, q);
                }
            }
            draw(&mut term, &app)?;
            out.keys.push(t.elapsed());
            // A person types a key every ~100 ms; let answers arrive as they would.
            std::thread::sleep(Duration::from_millis(20));
            for (generation, outcome) in rx.try_iter() {
                let t = Instant::now();
                app.update(Action::Delivered(Delivery {
                    generation,
                    outcome: outcome.map_err(|e| e.to_string()),
                }));
                draw(&mut term, &app)?;
                out.answers.push(t.elapsed());
            }
        }
        app.update(Action::Back);
    }
    Ok(out)
}

/// Each key's figures with one huge paragraph on screen.
#[derive(Debug, Default)]
pub struct BigParagraph {
    /// From a key to its own frame drawn.
    pub keys: Vec<Duration>,
    /// From a key to the frame showing its answer: hits and the reader's highlights.
    pub answers: Vec<Duration>,
    /// From the first resize to the first frame drawn (the reader may still be laying out).
    pub first_frame: Duration,
    /// From the first resize to the frame showing the paragraph laid out.
    pub first_page: Duration,
    /// Matches marked in the reader after the last key, the whole turn marked.
    pub marked: usize,
    /// From the last key to the whole turn marked (the screen's lines come first).
    pub whole: Duration,
}

/// What the probe's workers send back.
enum Done {
    Answer(
        u64,
        Result<crate::search::Results, crate::search::IndexError>,
    ),
    Page(super::typeset::Typeset),
}

/// Types `query` into the search bar while the reader shows a turn whose answer is one
/// paragraph of about `bytes` bytes, at `w`×`h`; each key waits for its own answer, as the
/// event loop would get it: searches and typesetting on their own threads.
pub fn big_paragraph(bytes: usize, query: &str, w: u16, h: u16) -> Result<BigParagraph, String> {
    use super::typeset::{Typesetter, one_paragraph};
    use crate::corpus::Entry;
    let confs = vec![one_paragraph(bytes)?];
    let index = Arc::new(SearchIndex::in_memory(&confs).map_err(|e| e.to_string())?);
    let entries = confs.iter().map(Entry::of).collect();
    let mut app = App::new(
        super::app::Source::Memory(confs),
        entries,
        Vec::new(),
        Vec::new(),
        Outlets::builtin(),
    );
    let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    let draw = |term: &mut Terminal<TestBackend>, app: &App| {
        term.draw(|f| {
            ui::draw(f, app);
        })
        .map(|_| ())
        .map_err(|e| e.to_string())
    };
    let (tx, rx) = mpsc::channel();
    let answers = tx.clone();
    let service = SearchService::spawn(Arc::clone(&index), move |g, r| {
        let _ = answers.send(Done::Answer(g, r));
    });
    let typesetter = Typesetter::spawn(move |t| {
        let _ = tx.send(Done::Page(t));
    });
    // The event loop's `perform`: returns the generation of a search asked for.
    let perform = |app: &mut App| {
        let mut asked = None;
        for effect in app.take_effects() {
            match effect {
                Effect::Submit(generation, q) => {
                    asked = Some(generation);
                    service.submit(generation, q);
                }
                Effect::Typeset(job) => typesetter.submit(job),
                _ => {}
            }
        }
        asked
    };
    // Feeds answers and pages to the app until `done` holds.
    let settle = |app: &mut App, term: &mut Terminal<TestBackend>, done: &dyn Fn(&App) -> bool| {
        while !done(app) {
            let update = match rx.recv_timeout(Duration::from_secs(600)) {
                Ok(Done::Answer(generation, outcome)) => Action::Delivered(Delivery {
                    generation,
                    outcome: outcome.map_err(|e| e.to_string()),
                }),
                Ok(Done::Page(t)) => Action::Typeset(t),
                Err(e) => return Err(format!("no answer from the workers: {e}")),
            };
            app.update(update);
            perform(app);
            draw(term, app)?;
        }
        Ok(())
    };
    let mut out = BigParagraph::default();
    let started = Instant::now();
    app.update(Action::Resize(w, h));
    perform(&mut app);
    draw(&mut term, &app)?;
    out.first_frame = started.elapsed();
    settle(&mut app, &mut term, &App::reader_settled)?;
    out.first_page = started.elapsed();
    app.update(Action::IndexReady(Ready {
        index: Ok(index),
        note: None,
    }));
    app.update(Action::OpenSearch);
    perform(&mut app);
    draw(&mut term, &app)?;
    let mut last = Instant::now();
    for c in query.chars() {
        let t = Instant::now();
        last = t;
        app.update(Action::Insert(c));
        let asked = perform(&mut app);
        draw(&mut term, &app)?;
        out.keys.push(t.elapsed());
        let Some(asked) = asked else { continue };
        settle(&mut app, &mut term, &|app: &App| {
            app.search.shown == asked && app.reader_settled()
        })?;
        out.answers.push(t.elapsed());
    }
    settle(&mut app, &mut term, &App::reader_complete)?;
    out.whole = last.elapsed();
    out.marked = app.page().matches.len();
    Ok(out)
}

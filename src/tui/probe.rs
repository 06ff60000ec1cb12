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

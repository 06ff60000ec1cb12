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
    /// Matches marked in the reader after the last key.
    pub marked: usize,
}

/// Types `query` into the search bar while the reader shows a turn whose answer is one
/// paragraph of about `bytes` bytes, at `w`×`h`; each key waits for its own answer.
pub fn big_paragraph(bytes: usize, query: &str, w: u16, h: u16) -> Result<BigParagraph, String> {
    use crate::corpus::Entry;
    use crate::model::Conference;
    let words =
        "la Chine soutient une solution politique, la sécurité commune et la paix régionale ";
    let conf: Conference = serde_json::from_value(serde_json::json!({
        "id": "2030-01-01-fr", "date": "2030-01-01", "language": "fr",
        "spokesperson": "Guo Jiakun", "title": "Conférence de presse du 1er janvier 2030",
        "turns": [{"kind": "question", "asker": "AFP", "outlet": "AFP",
                   "question": ["Une question sur la paix ?"],
                   "answer": [words.repeat(bytes / words.len() + 1)]}]
    }))
    .map_err(|e| e.to_string())?;
    let confs = vec![conf];
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
    app.update(Action::Resize(w, h));
    draw(&mut term, &app)?;
    let (tx, rx) = mpsc::channel();
    let service = SearchService::spawn(Arc::clone(&index), move |g, r| {
        let _ = tx.send((g, r));
    });
    app.update(Action::IndexReady(Ready {
        index: Ok(index),
        note: None,
    }));
    app.update(Action::OpenSearch);
    draw(&mut term, &app)?;
    let mut out = BigParagraph::default();
    for c in query.chars() {
        let t = Instant::now();
        app.update(Action::Insert(c));
        let mut asked = None;
        for effect in app.take_effects() {
            if let Effect::Submit(generation, q) = effect {
                asked = Some(generation);
                service.submit(generation, q);
            }
        }
        draw(&mut term, &app)?;
        out.keys.push(t.elapsed());
        let Some(asked) = asked else { continue };
        while let Ok((generation, outcome)) = rx.recv_timeout(Duration::from_secs(60)) {
            app.update(Action::Delivered(Delivery {
                generation,
                outcome: outcome.map_err(|e| e.to_string()),
            }));
            draw(&mut term, &app)?;
            if generation == asked {
                out.answers.push(t.elapsed());
                break;
            }
        }
    }
    out.marked = app.page().matches.len();
    Ok(out)
}

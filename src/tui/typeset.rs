//! The reader's typesetter: wraps a turn and marks its matches on a thread of its own, so a huge paragraph never holds up a key's frame; the newest job wins.
//!
//! Measured (`cargo bench --features probe --bench perf`, BENCH.md): with a 2 MB answer
//! paragraph, marking it on the UI thread cost every key about half a second; wrapping a
//! 58 MB one took the first frame 21 s.

use std::sync::Arc;

use super::page::{self, Marker, Page, Wrapped};
use crate::model::Conference;
use crate::search::{Highlighter, Slot};

/// Turns of at most this many bytes are typeset at once, on the UI thread: well under a
/// millisecond, and the reader never shows a turn without its marks. Larger ones go to the
/// typesetter's thread.
pub(super) const INLINE_BYTES: usize = 64 * 1024;

/// What a laid-out page is for: which turn, at which width, shown how, marked for which
/// query (`highlight` is the generation of the search shown; 0: no marks).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct PageKey {
    pub conference: String,
    pub turn: usize,
    pub width: usize,
    pub answer_only: bool,
    /// Every turn in one scroll (then `turn` is 0: moving between turns only scrolls).
    pub whole: bool,
    pub highlight: u64,
}

impl PageKey {
    /// Bytes of text this page lays out: what it costs.
    pub(super) fn bytes(&self, conf: &Conference) -> usize {
        if self.whole {
            page::conference_bytes(conf)
        } else {
            page::turn_bytes(conf, self.turn)
        }
    }

    /// The same turn and width without marks: the key of its wrapping.
    pub(super) fn unmarked(&self) -> PageKey {
        PageKey {
            highlight: 0,
            ..self.clone()
        }
    }
}

/// A turn to lay out and mark.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub key: PageKey,
    pub conf: Arc<Conference>,
    /// The turn already wrapped at this width, when the app has it: only marks are left.
    pub wrapped: Option<Arc<Wrapped>>,
    /// The matches to mark (none when `None`).
    pub highlighter: Option<Highlighter>,
    /// The reader's first row on screen and its height: these rows are marked first.
    pub top: usize,
    pub rows: usize,
    /// Whether the reader will go to the first match: marked first too.
    pub seek: bool,
}

impl PartialEq for Job {
    /// The same page asked for (the highlighter has no equality; the key names its query).
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Job {
    /// Whether this job is small enough to run on the UI thread (see [`INLINE_BYTES`]).
    pub(super) fn is_small(&self) -> bool {
        self.key.bytes(&self.conf) <= INLINE_BYTES
    }

    /// Wraps (unless given) and marks the turn.
    pub(super) fn run(self) -> Typeset {
        let (key, wrapped, highlighter) = self.wrapping();
        let page = match &highlighter {
            Some(h) => Page::marked(Arc::clone(&wrapped), &|t| h.ranges(t)),
            None => Page::marked(Arc::clone(&wrapped), &|_| Vec::new()),
        };
        Typeset {
            key,
            wrapped,
            page: Arc::new(page),
        }
    }

    /// Wraps (unless given) and marks the turn in two deliveries: first the rows on screen
    /// (and up to the first match when the reader seeks it), so a key's marks show within
    /// the budget at any paragraph size; then the whole turn, unless `newer` says another
    /// job is waiting, which then goes first.
    pub(super) fn run_in_steps(self, deliver: &dyn Fn(Typeset), newer: &dyn Fn() -> bool) {
        let (top, rows, seek) = (self.top, self.rows, self.seek);
        let (key, wrapped, highlighter) = self.wrapping();
        let Some(h) = highlighter else {
            let page = Page::marked(Arc::clone(&wrapped), &|_| Vec::new());
            return deliver(Typeset {
                key,
                wrapped,
                page: Arc::new(page),
            });
        };
        let hl = |t: &str| h.ranges(t);
        let from = if seek { 0 } else { top.saturating_sub(rows) };
        let mut first = Marker::new(Arc::clone(&wrapped), from);
        let mut more = true;
        while more
            && (first.next_row() < top.saturating_add(2 * rows.max(1))
                || seek && first.found() == 0)
        {
            more = first.step(&hl);
        }
        let all = from == 0 && first.is_done();
        deliver(Typeset {
            key: key.clone(),
            wrapped: Arc::clone(&wrapped),
            page: Arc::new(if all {
                first.finish(&hl)
            } else {
                first.page(false)
            }),
        });
        if all {
            return;
        }
        let mut whole = Marker::new(Arc::clone(&wrapped), 0);
        while whole.step(&hl) {
            if newer() {
                return;
            }
        }
        deliver(Typeset {
            key,
            wrapped,
            page: Arc::new(whole.finish(&hl)),
        });
    }

    /// The key, the turn wrapped, and the highlighter when the key asks for marks.
    fn wrapping(self) -> (PageKey, Arc<Wrapped>, Option<Highlighter>) {
        let k = &self.key;
        let wrapped = self.wrapped.unwrap_or_else(|| {
            Arc::new(if k.whole {
                page::layout_whole(&self.conf, k.width, k.answer_only)
            } else {
                page::layout(&self.conf, k.turn, k.width, k.answer_only)
            })
        });
        let highlighter = self.highlighter.filter(|_| k.highlight > 0);
        (self.key, wrapped, highlighter)
    }
}

/// A typeset page and its wrapping (kept for the next query on the same turn).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Typeset {
    pub key: PageKey,
    pub wrapped: Arc<Wrapped>,
    pub page: Arc<Page>,
}

/// The thread that runs [`Job`]s; dropping this stops it.
pub(super) struct Typesetter {
    slot: Arc<Slot<Job>>,
}

impl Typesetter {
    /// Starts the thread; `deliver` gets each finished page, on that thread.
    pub(super) fn spawn(deliver: impl Fn(Typeset) + Send + 'static) -> Typesetter {
        let slot: Arc<Slot<Job>> = Arc::default();
        let worker = Arc::clone(&slot);
        // Without a thread (the OS refused one) huge turns stay on their placeholder.
        let _ = std::thread::Builder::new()
            .name("typeset".into())
            .spawn(move || {
                while let Some(job) = worker.take() {
                    job.run_in_steps(&deliver, &|| worker.is_waiting());
                }
            });
        Typesetter { slot }
    }

    /// Asks for `job`; replaces any job still waiting.
    pub(super) fn submit(&self, job: Job) {
        self.slot.submit(job);
    }
}

impl Drop for Typesetter {
    fn drop(&mut self) {
        self.slot.close();
    }
}

/// A conference whose one answer is a paragraph of about `bytes` bytes: the huge turn of the
/// tests and of the benchmark.
#[cfg(any(test, feature = "probe"))]
pub(super) fn one_paragraph(bytes: usize) -> Result<Conference, String> {
    let words =
        "la Chine soutient une solution politique, la sécurité commune et la paix régionale ";
    serde_json::from_value(serde_json::json!({
        "id": "2030-01-01-fr", "date": "2030-01-01", "language": "fr",
        "spokesperson": "Guo Jiakun", "title": "Conférence de presse du 1er janvier 2030",
        "turns": [{"kind": "question", "asker": "AFP", "outlet": "AFP",
                   "question": ["Une question sur la paix ?"],
                   "answer": [words.repeat(bytes / words.len() + 1)]}]
    }))
    .map_err(|e| e.to_string())
}

//! The search worker: one thread, one pending slot, newest query wins.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::{IndexError, Query, Results, SearchIndex};

/// What a submitter and its worker share: one pending job, the newest (the search worker's
/// queries; the reader's typesetting jobs).
pub(crate) struct Slot<T> {
    state: Mutex<State<T>>,
    wake: Condvar,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            state: Mutex::new(State {
                pending: None,
                closed: false,
            }),
            wake: Condvar::new(),
        }
    }
}

struct State<T> {
    /// The newest job not yet taken by the worker; older ones are overwritten.
    pending: Option<T>,
    closed: bool,
}

impl<T> Slot<T> {
    /// Puts a job in the slot, replacing any waiting one. Never waits on the worker.
    pub(crate) fn submit(&self, job: T) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.pending = Some(job);
        self.wake.notify_one();
    }

    /// Tells the worker to stop.
    pub(crate) fn close(&self) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.closed = true;
        self.wake.notify_one();
    }

    /// Whether a job waits to be taken (or the slot is closed): a long job may stop early.
    pub(crate) fn is_waiting(&self) -> bool {
        let s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.pending.is_some() || s.closed
    }

    /// The next job, or `None` once closed.
    pub(crate) fn take(&self) -> Option<T> {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if s.closed {
                return None;
            }
            if let Some(job) = s.pending.take() {
                return Some(job);
            }
            s = self.wake.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Starts the worker thread.
pub(super) fn spawn(
    index: Arc<SearchIndex>,
    slot: Arc<Slot<(u64, Query)>>,
    deliver: impl Fn(u64, Result<Results, IndexError>) + Send + 'static,
) -> Option<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            while let Some((generation, query)) = slot.take() {
                // A panic inside tantivy (a damaged index) must neither kill the
                // worker nor print over the screen: it becomes an answer.
                deliver(generation, quietly(|| index.search(&query)));
            }
        })
        .ok()
}

thread_local! {
    /// Set while [`quietly`] runs on this thread: its panics are answers, not crashes.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (a search or an index open), turning a panic — tantivy panics on
/// some damaged files — into an error, without the panic message reaching
/// stderr (in the TUI it would be printed over the screen).
pub fn quietly<T>(f: impl FnOnce() -> Result<T, IndexError>) -> Result<T, IndexError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.unwrap_or_else(|_| Err(IndexError(DAMAGED.into())))
}

/// What a panic inside tantivy means for the user.
pub const DAMAGED: &str = "the index is damaged (tantivy failed on it)";

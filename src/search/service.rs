//! The search worker: one thread, one pending slot, newest query wins.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::{IndexError, Query, Results, SearchIndex};

/// What the submitter and the worker share.
#[derive(Default)]
pub(super) struct Slot {
    state: Mutex<State>,
    wake: Condvar,
}

#[derive(Default)]
struct State {
    /// The newest query not yet taken by the worker; older ones are overwritten.
    pending: Option<(u64, Query)>,
    closed: bool,
}

impl Slot {
    /// Puts a query in the slot, replacing any waiting one. Never waits on a search.
    pub(super) fn submit(&self, generation: u64, query: Query) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.pending = Some((generation, query));
        self.wake.notify_one();
    }

    /// Tells the worker to stop.
    pub(super) fn close(&self) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.closed = true;
        self.wake.notify_one();
    }

    /// The next query, or `None` once closed.
    fn take(&self) -> Option<(u64, Query)> {
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
    slot: Arc<Slot>,
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

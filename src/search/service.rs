//! The search worker: one thread, one pending slot, newest query wins.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::{IndexError, Query, Results, SearchIndex};

/// What the submitter and the worker share.
#[derive(Default)]
pub struct Slot {
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
    pub fn submit(&self, generation: u64, query: Query) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.pending = Some((generation, query));
        self.wake.notify_one();
    }

    /// Tells the worker to stop.
    pub fn close(&self) {
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
pub fn spawn(
    index: Arc<SearchIndex>,
    slot: Arc<Slot>,
    deliver: impl Fn(u64, Result<Results, IndexError>) + Send + 'static,
) -> Option<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            while let Some((generation, query)) = slot.take() {
                // A panic inside tantivy (a corrupt index) must not kill the worker silently.
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| index.search(&query)))
                        .unwrap_or_else(|_| {
                            Err(IndexError(
                                "the index is damaged; run `briefings index` to rebuild it".into(),
                            ))
                        });
                deliver(generation, result);
            }
        })
        .ok()
}

//! The trend chart (`t`): the search bar's query counted per month, quarter or year and
//! split by language, by `analysis::trend` (the function of `briefings trend`) on a counter
//! thread of its own; the newest job wins, so no key ever waits on a count.

use std::sync::Arc;

use super::{App, Effect};
use crate::analysis::{self, Period, Split, Trend};
use crate::library::Library;
use crate::search::{Query, SearchIndex, Slot};

/// A span of more than this many months is counted per quarter.
const QUARTERS_OVER: usize = 24;
/// A span of more than this many months is counted per year.
const YEARS_OVER: usize = 72;

/// What the chart shows.
#[derive(Debug, Clone, Default)]
pub(crate) struct TrendView {
    /// The chart is on screen in place of the reader.
    pub(crate) on: bool,
    /// Generation of the newest count asked.
    generation: u64,
    /// What the newest count was asked for (query and index), to ask once per change.
    asked: Option<(Query, usize)>,
    /// The newest count received, for generation `shown`.
    pub(crate) chart: Option<Trend>,
    shown: u64,
    pub(crate) error: Option<String>,
}

impl TrendView {
    /// A count is under way: the chart on screen (if any) is not the query's yet.
    pub(crate) fn counting(&self) -> bool {
        self.asked.is_some() && self.shown != self.generation
    }
}

/// A count to make on the counter thread.
#[derive(Clone)]
pub(in crate::tui) struct TrendJob {
    pub(crate) generation: u64,
    pub(crate) query: Query,
    pub(crate) index: Arc<SearchIndex>,
}

impl std::fmt::Debug for TrendJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TrendJob({}, {:?})", self.generation, self.query)
    }
}

impl PartialEq for TrendJob {
    /// The same count asked of the same index.
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.query == other.query
            && Arc::ptr_eq(&self.index, &other.index)
    }
}

/// A finished count.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::tui) struct Counted {
    pub(crate) generation: u64,
    pub(crate) outcome: Result<Trend, String>,
}

impl TrendJob {
    /// Counts the query per month, then again per quarter or year when the hits span more
    /// than 2 or 6 years: the counts of `briefings trend QUERY --by … --split lang`.
    pub(in crate::tui) fn run(&self, library: &Library) -> Counted {
        let count = |by| {
            analysis::trend(library, &self.index, &self.query, by, Some(Split::Lang))
                .map_err(|e| e.to_string())
        };
        let outcome = count(Period::Month).and_then(|t| match period_for(t.periods.len()) {
            Period::Month => Ok(t),
            by => count(by),
        });
        Counted {
            generation: self.generation,
            outcome,
        }
    }
}

/// The unit for hits spanning `months` months: year over 6 years, quarter over 2, else month.
fn period_for(months: usize) -> Period {
    if months > YEARS_OVER {
        Period::Year
    } else if months > QUARTERS_OVER {
        Period::Quarter
    } else {
        Period::Month
    }
}

/// The thread that runs [`TrendJob`]s; dropping this stops it.
pub(in crate::tui) struct Counter {
    slot: Arc<Slot<TrendJob>>,
}

impl Counter {
    /// Starts the thread; `deliver` gets each finished count, on that thread.
    pub(in crate::tui) fn spawn(
        library: Arc<Library>,
        deliver: impl Fn(Counted) + Send + 'static,
    ) -> Counter {
        let slot: Arc<Slot<TrendJob>> = Arc::default();
        let worker = Arc::clone(&slot);
        // Without a thread (the OS refused one) the chart stays on "counting…".
        let _ = std::thread::Builder::new()
            .name("trend".into())
            .spawn(move || {
                while let Some(job) = worker.take() {
                    deliver(job.run(&library));
                }
            });
        Counter { slot }
    }

    /// Asks for `job`; replaces any job still waiting.
    pub(in crate::tui) fn submit(&self, job: TrendJob) {
        self.slot.submit(job);
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        self.slot.close();
    }
}

impl App {
    /// `t`: the chart in place of the reader, or the reader back.
    pub(super) fn toggle_trend(&mut self) {
        self.trend.on = !self.trend.on;
        self.message = Some(if self.trend.on {
            "Trend of the search: matching turns per period, by language (t: back to the reader)"
                .into()
        } else {
            "Reader".into()
        });
    }

    /// Asks for a count when the chart is on and its query or index changed since the last.
    pub(super) fn ask_trend(&mut self) {
        if !self.trend.on {
            return;
        }
        let super::IndexState::Ready(index) = &self.index else {
            return;
        };
        let Some(mut query) = self.search.query.clone() else {
            self.trend.asked = None;
            return;
        };
        // Every hit is counted: the hit list's limit is no filter.
        query.limit = 0;
        let key = (query.clone(), Arc::as_ptr(index) as usize);
        if self.trend.asked.as_ref() == Some(&key) {
            return;
        }
        self.trend.asked = Some(key);
        self.trend.generation += 1;
        self.effects.push(Effect::Trend(TrendJob {
            generation: self.trend.generation,
            query,
            index: Arc::clone(index),
        }));
    }

    /// A count from the counter thread: shown if it is the newest asked, else dropped.
    pub(super) fn counted(&mut self, c: Counted) {
        if c.generation != self.trend.generation {
            return;
        }
        self.trend.shown = c.generation;
        match c.outcome {
            Ok(t) => {
                self.trend.error = t.refusal.as_ref().map(ToString::to_string);
                self.trend.chart = Some(t);
            }
            Err(e) => {
                self.trend.error = Some(e);
                self.trend.chart = None;
            }
        }
    }
}

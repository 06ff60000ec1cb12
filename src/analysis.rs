//! Seeing the record as a whole: trends, concordances, similar answers and
//! outlet activity, computed over the one index with the one query path (so
//! counts agree with `search`), terminal-free for the CLI and the TUI alike.

mod activity;
mod kwic;
mod shared;
mod trend;
mod units;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::library::Library;
use crate::search::{Highlighter, IndexError, Matched, Query, Refusal, SearchIndex, TurnText};

pub use activity::{OutletActivity, outlet_activity};
pub use kwic::{Line, Order, sort as sort_lines};
pub use shared::shared_ranges;
pub use trend::{NONE, Period, Series, Split, Trend};

/// The trend of `query` (its filters apply; `limit` does not): the counts of
/// exactly the turns `search` counts, per period and series.
pub fn trend(
    library: &Library,
    index: &SearchIndex,
    query: &Query,
    by: Period,
    split: Option<Split>,
) -> Result<Trend, IndexError> {
    let found = index.matches(query)?;
    let spokespersons: HashMap<String, String> = if split == Some(Split::Spokesperson) {
        let (entries, _) = library.catalog();
        entries
            .into_iter()
            .filter_map(|e| Some((e.id, e.spokesperson?)))
            .collect()
    } else {
        HashMap::new()
    };
    let mut t = trend::trend(&found.turns, by, split, &spokespersons);
    t.refusal = found.refusal;
    Ok(t)
}

/// A concordance read page by page in date order (newest first): only the
/// turns needed for the lines asked so far have their text read.
pub struct Concordance {
    matched: Vec<Matched>,
    highlighter: Highlighter,
    width: usize,
    /// The next turn of `matched` to read.
    next: usize,
    refusal: Option<Refusal>,
}

impl Concordance {
    /// The concordance of `query` with `width` units of context on each side.
    pub fn new(
        index: &SearchIndex,
        query: &Query,
        width: usize,
    ) -> Result<Concordance, IndexError> {
        let found = index.matches(query)?;
        Ok(Concordance {
            matched: found.turns,
            highlighter: found.highlighter,
            width,
            next: 0,
            refusal: found.refusal,
        })
    }

    /// Why the query was not run, when it was not (then there is no line).
    pub(crate) fn refusal(&self) -> Option<&Refusal> {
        self.refusal.as_ref()
    }

    /// Number of matching turns (each gives one line or more).
    pub fn turns(&self) -> usize {
        self.matched.len()
    }

    /// At least `want` more lines when there are (whole turns at a time); empty at the end.
    pub fn more(&mut self, index: &SearchIndex, want: usize) -> Result<Vec<Line>, IndexError> {
        let mut out = Vec::new();
        while out.len() < want && self.next < self.matched.len() {
            let m = &self.matched[self.next];
            self.next += 1;
            let Some(text) = index.turn_text(&m.conference, m.turn)? else {
                continue;
            };
            for part in [&text.question, &text.answer] {
                let ranges = self.highlighter.ranges_for(part, &m.language);
                out.extend(kwic::lines_in(m, part, &ranges, self.width));
            }
        }
        Ok(out)
    }
}

/// An answer like another one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarAnswer {
    pub conference: String,
    pub turn: usize,
    pub date: String,
    pub language: String,
    pub outlet: Option<String>,
    pub spokesperson: Option<String>,
    pub score: f32,
    pub answer: String,
    /// Char ranges of `answer` worded as in the source answer.
    pub shared: Vec<Range<usize>>,
}

/// The turn answers are compared with, and the answers most like it (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similar {
    pub source: SourceTurn,
    pub similar: Vec<SimilarAnswer>,
}

/// The turn [`Similar`] starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceTurn {
    pub conference: String,
    pub turn: usize,
    pub language: String,
    pub answer: String,
}

/// Up to `limit` answers most like the answer of `turn` of `conference`
/// (same language), sorted by date, oldest first, so a stock formulation can be
/// followed over time; `None` when there is no such turn.
pub fn similar(
    index: &SearchIndex,
    conference: &str,
    turn: usize,
    limit: usize,
) -> Result<Option<Similar>, IndexError> {
    let Some(source) = index.turn_text(conference, turn)? else {
        return Ok(None);
    };
    let Some(found) = index.similar(conference, turn, limit)? else {
        return Ok(None);
    };
    let mut similar = Vec::with_capacity(found.len());
    for (m, score) in found {
        let Some(TurnText {
            answer,
            spokesperson,
            ..
        }) = index.turn_text(&m.conference, m.turn)?
        else {
            continue;
        };
        similar.push(SimilarAnswer {
            shared: shared_ranges(&source.answer, &answer, &m.language),
            conference: m.conference,
            turn: m.turn,
            date: m.date,
            language: m.language,
            outlet: m.outlet,
            spokesperson,
            score,
            answer,
        });
    }
    similar.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.conference.cmp(&b.conference))
            .then(a.turn.cmp(&b.turn))
    });
    Ok(Some(Similar {
        source: SourceTurn {
            conference: conference.to_string(),
            turn,
            language: source.language,
            answer: source.answer,
        },
        similar,
    }))
}

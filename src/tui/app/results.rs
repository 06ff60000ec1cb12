//! The hit list: incremental search requests and answers, and the rows of an outlet's questions.

use std::collections::HashMap;

use super::App;
use crate::search::{Hit, Snippet, Sort, parse_query};
use crate::tui::action::Delivery;
use crate::tui::keymap::{Focus, Mode};
use crate::tui::layout::{self, View};

/// How many hits a keystroke asks for: a screenful and more. Every hit comes with
/// its snippet, so asking for hundreds would cost each keystroke milliseconds for
/// rows nobody sees; scrolling near the end asks for [`MORE_HITS`] more.
pub(super) const HIT_LIMIT: usize = 50;
/// How many more hits scrolling to the end of the list asks for.
pub(super) const MORE_HITS: usize = 200;

/// What fills the hit list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowSource {
    Search,
    /// The questions of one outlet, newest first.
    Outlet(String),
}

/// One row of the hit list: a turn somewhere in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) conference: String,
    pub(crate) turn: usize,
    pub(crate) date: String,
    pub(crate) language: String,
    pub(crate) outlet: Option<String>,
    /// Highlighted excerpt; for an outlet's questions, filled in when the row is first visible.
    pub(crate) snippet: Option<Snippet>,
}

impl Row {
    fn of(h: &Hit) -> Row {
        Row {
            conference: h.conference.clone(),
            turn: h.turn,
            date: h.date.clone(),
            language: h.language.clone(),
            outlet: h.outlet.clone(),
            snippet: Some(h.snippet.clone()),
        }
    }
}

/// How the hit list is ordered, as its title says.
pub(crate) fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "by relevance",
        Sort::Newest => "newest first",
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        // The hits are what a search is typed for: they come back with the search bar.
        self.zoom = None;
        self.mode = Mode::Search;
        self.view = View::Results;
        self.focus = Focus::Hits;
        self.opened = false;
        if self.row_source != RowSource::Search {
            self.rows.clear();
            self.submit_search();
        }
    }

    /// Near the end of the loaded hits of a search that has more: ask for more; with `all`
    /// (`G`), for every hit, and the cursor goes to the last when they arrive.
    pub(super) fn more_hits_if_near_end(&mut self, all: bool) {
        let near_end = self.hits.selected + 5 >= self.rows.len();
        let more = self.search.total > self.rows.len();
        if self.row_source != RowSource::Search || !near_end || !more {
            return;
        }
        self.search.to_last |= all;
        if self.search.extending {
            return;
        }
        let Some(mut q) = self.search.query.clone() else {
            return;
        };
        q.limit = if all {
            self.search.total
        } else {
            self.rows.len() + MORE_HITS
        };
        self.search.generation += 1;
        self.search.extending = true;
        self.search.query = Some(q.clone());
        self.effects
            .push(super::Effect::Submit(self.search.generation, q));
    }

    /// Asks the worker for the query in the search bar under a new generation.
    pub(super) fn submit_search(&mut self) {
        self.search.extending = false;
        self.search.to_last = false;
        self.row_source = RowSource::Search;
        self.search.generation += 1;
        let text = self.search.input.text();
        if text.trim().is_empty() {
            self.rows.clear();
            self.search.query = None;
            self.search.highlighter = None;
            self.search.total = 0;
            self.search.error = None;
            self.search.shown = self.search.generation;
            return;
        }
        let mut q = parse_query(text, &self.outlets);
        if let Some(refusal) = &q.refusal {
            // The query as typed means nothing (`2025-02-30`, `lang:`): say why, search nothing.
            self.search.error = Some(refusal.to_string());
            self.rows.clear();
            self.search.query = None;
            self.search.highlighter = None;
            self.search.total = 0;
            self.search.shown = self.search.generation;
            return;
        }
        q.prefix_last = true;
        q.sort = self.search.sort;
        if q.limit == 0 {
            q.limit = HIT_LIMIT;
        }
        self.search.query = Some(q.clone());
        self.effects
            .push(super::Effect::Submit(self.search.generation, q));
    }

    /// Hits by relevance ↔ newest first (the CLI's `--newest`): the query runs again in
    /// the new order, and every later one keeps it.
    pub(super) fn toggle_sort(&mut self) {
        self.search.sort = match self.search.sort {
            Sort::Relevance => Sort::Newest,
            Sort::Newest => Sort::Relevance,
        };
        self.message = Some(format!("Hits {}", sort_label(self.search.sort)));
        if self.row_source == RowSource::Search && self.search.query.is_some() {
            self.submit_search();
        }
    }

    /// An answer from the worker: shown if it answers the newest query, else dropped.
    pub(super) fn delivered(&mut self, d: Delivery) {
        if d.generation != self.search.generation || self.row_source != RowSource::Search {
            return;
        }
        self.search.shown = d.generation;
        match d.outcome {
            Ok(r) => {
                self.rows = r.hits.iter().map(Row::of).collect();
                self.search.total = r.total;
                self.search.elapsed = r.elapsed;
                self.search.highlighter = Some(r.highlighter);
                // A refused query says why in the status line (`?` has no word, `lang:de`…).
                self.search.error = r.refusal.as_ref().map(ToString::to_string);
                if std::mem::take(&mut self.search.extending) {
                    if std::mem::take(&mut self.search.to_last) {
                        // `G` asked for every hit: go to the last.
                        self.move_in(Focus::Hits, super::browse::TO_END);
                    }
                    // More hits of the same query: otherwise the reader and cursor stay.
                    return;
                }
                self.hits = crate::tui::cursor::Cursor::default();
                self.turn_changed();
                self.reader.seek_match = true;
            }
            Err(e) => self.search.error = Some(e),
        }
    }

    /// Rows from an outlet's question list.
    pub(super) fn outlet_rows(
        &self,
        outlet: &str,
        refs: &[crate::search::TurnRef],
    ) -> Vec<super::Row> {
        let langs: HashMap<&str, &str> = self
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.language.as_str()))
            .collect();
        refs.iter()
            .map(|r| Row {
                conference: r.conference.clone(),
                turn: r.turn,
                date: r.date.clone(),
                language: langs
                    .get(r.conference.as_str())
                    .copied()
                    .unwrap_or("")
                    .to_string(),
                outlet: Some(outlet.to_string()),
                snippet: None,
            })
            .collect()
    }

    /// Loads the question previews of the visible rows that have none yet.
    pub(super) fn fill_previews(&mut self) {
        let Some(area) = self.areas.hits else { return };
        let visible = self
            .hits
            .visible(self.rows.len(), layout::inner_height(area));
        for i in visible {
            if self.rows[i].snippet.is_some() {
                continue;
            }
            let id = self.rows[i].conference.clone();
            let turn = self.rows[i].turn;
            let text = self
                .load(&id)
                .and_then(|c| {
                    c.turns.get(turn).map(|t| {
                        t.question
                            .first()
                            .or(t.answer.first())
                            .cloned()
                            .unwrap_or_default()
                    })
                })
                .unwrap_or_default();
            self.rows[i].snippet = Some(Snippet {
                text,
                highlights: Vec::new(),
            });
        }
    }

    /// Whether the reader marks search matches.
    pub(super) fn highlighting(&self) -> bool {
        self.row_source == RowSource::Search
            && self.search.highlighter.is_some()
            && (self.view == View::Results || self.opened)
    }
}

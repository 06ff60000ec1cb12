//! Outlets: the picker (question counts, type to filter), an outlet's questions, and jumping to the same outlet's next question.

use super::{App, IndexState, RowSource};
use crate::search::{SearchIndex, TurnRef};
use crate::tui::keymap::{Focus, Mode};
use crate::tui::layout::View;

const NEEDS_INDEX: &str = "Outlets need the search index: still indexing…";

impl App {
    fn ready_index(&mut self) -> Option<std::sync::Arc<SearchIndex>> {
        match &self.index {
            IndexState::Ready(i) => Some(std::sync::Arc::clone(i)),
            IndexState::Opening => {
                self.message = Some(NEEDS_INDEX.into());
                None
            }
            IndexState::Failed(e) => {
                self.message = Some(format!("No search index: {e}"));
                None
            }
        }
    }

    pub(super) fn open_picker(&mut self) {
        let Some(index) = self.ready_index() else {
            return;
        };
        if self.picker.counts.is_empty() {
            match index.outlet_counts() {
                Ok(c) => self.picker.counts = c,
                Err(e) => {
                    self.message = Some(e.to_string());
                    return;
                }
            }
        }
        self.picker.input.clear();
        self.picker.cursor = crate::tui::cursor::Cursor::default();
        self.refilter_picker();
        self.mode = Mode::Picker;
    }

    pub(super) fn refilter_picker(&mut self) {
        let needle = self.picker.input.text().trim().to_lowercase();
        self.picker.shown = (0..self.picker.counts.len())
            .filter(|&i| self.picker.counts[i].0.to_lowercase().contains(&needle))
            .collect();
        self.picker.cursor.select(0, self.picker.shown.len());
    }

    /// Lists the questions of the outlet under the picker's cursor.
    pub(super) fn choose_outlet(&mut self) {
        let Some(&i) = self.picker.shown.get(self.picker.cursor.selected) else {
            return;
        };
        let name = self.picker.counts[i].0.clone();
        let Some(refs) = self.outlet_refs(&name) else {
            return;
        };
        self.rows = self.outlet_rows(&name, &refs);
        self.message = Some(format!(
            "{} questions by {name}, newest first",
            self.rows.len()
        ));
        self.row_source = RowSource::Outlet(name);
        self.hits = crate::tui::cursor::Cursor::default();
        self.mode = Mode::Normal;
        self.view = View::Results;
        self.opened = false;
        self.focus = Focus::Hits;
        self.turn_changed();
    }

    /// Every question by `outlet`, newest first (cached for the last outlet asked).
    fn outlet_refs(&mut self, outlet: &str) -> Option<Vec<TurnRef>> {
        if let Some((name, refs)) = &self.outlet_refs
            && name == outlet
        {
            return Some(refs.clone());
        }
        let index = self.ready_index()?;
        match index.outlet_turns(outlet) {
            Ok(refs) => {
                self.outlet_refs = Some((outlet.to_string(), refs.clone()));
                Some(refs)
            }
            Err(e) => {
                self.message = Some(e.to_string());
                None
            }
        }
    }

    /// The conference and turn the reader shows.
    pub(super) fn current_turn(&self) -> Option<(String, usize)> {
        match self.view {
            View::Browse => self
                .conf
                .as_ref()
                .map(|c| (c.id.clone(), self.turns.selected)),
            View::Results => self
                .rows
                .get(self.hits.selected)
                .map(|r| (r.conference.clone(), r.turn)),
        }
    }

    /// Jumps `dir` questions along the current turn's outlet (down the lists: `+1` is older).
    pub(super) fn same_outlet(&mut self, dir: isize) {
        let Some((id, turn)) = self.current_turn() else {
            return;
        };
        let Some(conf) = self.load(&id) else { return };
        let Some(outlet) = conf.turns.get(turn).and_then(|t| t.outlet.clone()) else {
            self.message = Some("This turn names no outlet".into());
            return;
        };
        let Some(refs) = self.outlet_refs(&outlet) else {
            return;
        };
        let Some(at) = refs
            .iter()
            .position(|r| r.conference == id && r.turn == turn)
        else {
            self.message = Some("This turn is not in the index yet; press R to reload".into());
            return;
        };
        let Some(next) = at.checked_add_signed(dir).and_then(|n| refs.get(n)) else {
            let which = if dir > 0 { "older" } else { "newer" };
            self.message = Some(format!("No {which} question by {outlet}"));
            return;
        };
        if self.select_turn(&next.conference.clone(), next.turn) {
            if self.view == View::Results {
                self.opened = true;
                self.view = View::Browse;
            }
            if self.focus == Focus::Hits {
                self.focus = Focus::Turns;
            }
            let n = at.checked_add_signed(dir).unwrap_or(0) + 1;
            self.message = Some(format!(
                "{outlet}: question {n} of {} (newest first)",
                refs.len()
            ));
        }
    }
}

//! Outlets: the picker (question counts, type to filter), an outlet's questions, and jumping to the same outlet's next question.

use super::{App, IndexState, RowSource};
use crate::outlets::Outlets;
use crate::search::{SearchIndex, TurnRef};
use crate::tui::action::Action;
use crate::tui::keymap::{Focus, Mode};
use crate::tui::layout::View;

/// Where the browser was when `]` or `[` jumped: `Esc` comes back to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spot {
    view: View,
    opened: bool,
    focus: Focus,
    /// The conference and turn selected in the browsing panes.
    conference: Option<String>,
    turn: usize,
    /// The hit under the cursor in the hit list.
    hit: usize,
}

/// Whether `action` leaves a `]` jump to come back from: more jumps, reading and
/// looking around do; moving elsewhere forgets it (then `Esc` does what it always does).
pub(super) fn keeps_jump(action: &Action) -> bool {
    matches!(
        action,
        Action::NextSameOutlet
            | Action::PrevSameOutlet
            | Action::Back
            | Action::NextMatch
            | Action::PrevMatch
            | Action::CopyCitation
            | Action::ToggleAnswerOnly
            | Action::ToggleMouse
            | Action::ToggleHelp
            | Action::Resize(..)
            | Action::Delivered(_)
            | Action::IndexReady(_)
            | Action::Typeset(_)
    )
}

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
            match index.outlet_summary() {
                Ok(c) => {
                    self.picker.spellings = c
                        .iter()
                        .map(|s| spellings(&self.outlets, &s.outlet))
                        .collect();
                    self.picker.counts = c;
                }
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

    /// Keeps the outlets one of whose spellings holds what was typed: its name or an alias
    /// of the table search filters use (`agence` → AFP and Reuters, `路透社` → Reuters).
    pub(super) fn refilter_picker(&mut self) {
        let needle = Outlets::spelling_key(self.picker.input.text());
        let p = &mut self.picker;
        p.shown = (0..p.counts.len())
            .filter(|&i| {
                p.spellings
                    .get(i)
                    .is_some_and(|s| s.iter().any(|s| s.contains(&needle)))
            })
            .collect();
        self.picker.cursor.select(0, self.picker.shown.len());
    }

    /// Lists the questions of the outlet under the picker's cursor.
    pub(super) fn choose_outlet(&mut self) {
        let Some(&i) = self.picker.shown.get(self.picker.cursor.selected) else {
            return;
        };
        let name = self.picker.counts[i].outlet.clone();
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
        let here = self.spot();
        if self.select_turn(&next.conference.clone(), next.turn) {
            self.picker.jump_from.get_or_insert(here);
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

    fn spot(&self) -> Spot {
        Spot {
            view: self.view,
            opened: self.opened,
            focus: self.focus,
            conference: self.conf.as_ref().map(|c| c.id.clone()),
            turn: self.turns.selected,
            hit: self.hits.selected,
        }
    }

    /// After `]` / `[`, `Esc` goes back to where the first of them was pressed; `false`
    /// when there is no such jump to undo.
    pub(super) fn return_from_jump(&mut self) -> bool {
        if self.mode != Mode::Normal {
            return false;
        }
        let Some(spot) = self.picker.jump_from.take() else {
            return false;
        };
        if let Some(id) = &spot.conference {
            self.select_turn(id, spot.turn);
        }
        self.view = spot.view;
        self.opened = spot.opened;
        self.focus = spot.focus;
        if spot.hit < self.rows.len() {
            self.hits.selected = spot.hit;
        }
        self.turn_changed();
        self.message = Some("Back to where ] / [ started".into());
        true
    }
}

/// Every spelling of `outlet` (normalised as the alias table keys them): its own name,
/// then the table's aliases of it.
fn spellings(table: &Outlets, outlet: &str) -> Vec<String> {
    let mut out = vec![Outlets::spelling_key(outlet)];
    out.extend(
        table
            .spellings()
            .filter(|(_, c)| *c == outlet)
            .map(|(a, _)| a.to_string()),
    );
    out
}

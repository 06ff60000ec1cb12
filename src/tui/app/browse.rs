//! Browsing: focus, moving through the conference and turn lists, opening and going back, the list filter, reloads.

use std::sync::Arc;

use super::App;
use crate::model::Conference;
use crate::tui::action::Catalogue;
use crate::tui::input::LineInput;
use crate::tui::keymap::{Focus, Mode};
use crate::tui::layout::{self, View};

/// A step that goes to the end of any list (and `-TO_END` to its start).
pub(super) const TO_END: isize = isize::MAX / 2;

impl App {
    pub(super) fn cycle_focus(&mut self, delta: isize) {
        let panes: &[Focus] = match self.view {
            _ if self.zoom.is_some() => &[Focus::Reader],
            View::Browse => &[Focus::Conferences, Focus::Turns, Focus::Reader],
            View::Results => &[Focus::Hits, Focus::Reader],
        };
        let at = panes.iter().position(|f| *f == self.focus).unwrap_or(0);
        let len = panes.len();
        let next = if delta >= 0 {
            (at + 1) % len
        } else {
            (at + len - 1) % len
        };
        self.focus = panes[next];
    }

    /// Moves by `delta` rows in whatever the keyboard is talking to; [`TO_END`] and
    /// `-TO_END` go to the ends.
    pub(super) fn step(&mut self, delta: isize) {
        match self.mode {
            Mode::Help => {
                self.help_scroll = self
                    .help_scroll
                    .saturating_add_signed(delta)
                    // Rows wrap and the query syntax follows the bindings; drawing clamps to the end.
                    .min(2 * crate::tui::keymap::BINDINGS.len() + 40);
            }
            Mode::Picker => self.picker.cursor.step(delta, self.picker.shown.len()),
            Mode::Search => self.move_in(Focus::Hits, delta),
            Mode::Filter => self.move_in(Focus::Conferences, delta),
            Mode::Normal => self.move_in(self.focus, delta),
        }
    }

    /// A page of the focused pane.
    pub(super) fn page_step(&mut self, dir: isize) {
        let pane = match self.mode {
            Mode::Search => self.areas.hits,
            Mode::Filter => self.areas.conferences,
            Mode::Picker | Mode::Help => Some(self.areas.popup),
            Mode::Normal => self.pane_rect(self.focus),
        };
        let rows = pane
            .map_or(1, layout::inner_height)
            .saturating_sub(1)
            .max(1);
        self.step(dir * rows.cast_signed());
    }

    pub(super) fn pane_rect(&self, pane: Focus) -> Option<ratatui::layout::Rect> {
        match pane {
            Focus::Conferences => self.areas.conferences,
            Focus::Turns => self.areas.turns,
            Focus::Hits => self.areas.hits,
            Focus::Reader => Some(self.areas.reader),
        }
    }

    /// Moves the selection (or scrolls the reader) of one pane.
    pub(super) fn move_in(&mut self, pane: Focus, delta: isize) {
        match pane {
            Focus::Conferences => {
                self.confs.step(delta, self.shown.len());
                self.select_conference();
            }
            Focus::Turns => {
                let len = self.conf.as_ref().map_or(0, |c| c.turns.len());
                let before = self.turns.selected;
                self.turns.step(delta, len);
                if before != self.turns.selected {
                    self.turn_changed();
                }
            }
            Focus::Hits => {
                let before = self.hits.selected;
                self.hits.step(delta, self.rows.len());
                if before != self.hits.selected {
                    self.turn_changed();
                    self.reader.seek_match = true;
                }
                self.more_hits_if_near_end(delta >= TO_END);
            }
            Focus::Reader => self.scroll_reader(delta),
        }
    }

    pub(super) fn turn_changed(&mut self) {
        self.reader.scroll = 0;
        self.reader.current_match = None;
        self.reader.seek_turn = true;
    }

    /// Loads the conference under the list cursor when it changed.
    pub(super) fn select_conference(&mut self) {
        let Some(&i) = self.shown.get(self.confs.selected) else {
            self.conf = None;
            return;
        };
        let id = self.entries[i].id.clone();
        if self.conf.as_ref().is_some_and(|c| c.id == id) {
            return;
        }
        self.conf = self.load(&id);
        self.counterparts = self.counterparts_of(i);
        self.turns = crate::tui::cursor::Cursor::default();
        self.turn_changed();
    }

    /// A conference by id, from the cache or the source.
    pub(super) fn load(&mut self, id: &str) -> Option<Arc<Conference>> {
        if let Some(c) = self.cache.get(id) {
            return Some(Arc::clone(c));
        }
        match self.source.load(id) {
            Ok(c) => {
                if self.cache.len() >= 128 {
                    self.cache.clear();
                }
                let c = Arc::new(c);
                self.cache.insert(id.to_string(), Arc::clone(&c));
                Some(c)
            }
            Err(e) => {
                self.message = Some(e);
                None
            }
        }
    }

    /// Selects conference `id` and its turn `turn` in the lists (clearing a filter that hides it).
    pub(super) fn select_turn(&mut self, id: &str, turn: usize) -> bool {
        let Some(i) = self.entries.iter().position(|e| e.id == id) else {
            self.message = Some(format!("{id} is not in the catalogue; press R to reload"));
            return false;
        };
        if !self.shown.contains(&i) {
            self.filter.clear();
            self.refilter();
        }
        if let Some(row) = self.shown.iter().position(|&s| s == i) {
            self.confs.selected = row;
        }
        self.select_conference();
        self.turns.selected = turn;
        self.turn_changed();
        true
    }

    pub(super) fn open(&mut self) {
        match (self.mode, self.focus) {
            (Mode::Picker, _) => self.choose_outlet(),
            (_, Focus::Hits) => self.open_hit(),
            (_, Focus::Conferences) => self.focus = Focus::Turns,
            (_, Focus::Turns) => self.focus = Focus::Reader,
            (_, Focus::Reader) => {}
        }
    }

    /// Opens the hit under the cursor in its conference.
    fn open_hit(&mut self) {
        let Some(row) = self.rows.get(self.hits.selected).cloned() else {
            return;
        };
        if self.select_turn(&row.conference, row.turn) {
            self.view = View::Browse;
            self.opened = true;
            self.focus = Focus::Turns;
            self.reader.seek_match = true;
        }
    }

    pub(super) fn back(&mut self) {
        if self.zoom.is_some() && self.mode == Mode::Normal {
            self.toggle_zoom();
            return;
        }
        match self.mode {
            Mode::Search | Mode::Picker | Mode::Help => self.mode = Mode::Normal,
            Mode::Filter => {
                self.filter.clear();
                self.refilter();
                self.mode = Mode::Normal;
            }
            Mode::Normal if self.opened => {
                self.opened = false;
                self.view = View::Results;
                self.focus = Focus::Hits;
                self.turn_changed();
                self.reader.seek_match = true;
            }
            Mode::Normal if self.view == View::Results => {
                self.view = View::Browse;
                self.focus = Focus::Conferences;
                self.turn_changed();
            }
            Mode::Normal if !self.filter.text().is_empty() => {
                self.filter.clear();
                self.refilter();
            }
            Mode::Normal => {}
        }
    }

    /// Applies an edit to the open text input, then reacts to the new text.
    pub(super) fn edit(&mut self, f: impl FnOnce(&mut LineInput)) {
        match self.mode {
            Mode::Search => {
                let before = self.search.input.text().to_string();
                f(&mut self.search.input);
                if self.search.input.text() != before {
                    self.submit_search();
                }
            }
            Mode::Filter => {
                f(&mut self.filter);
                self.refilter();
            }
            Mode::Picker => {
                f(&mut self.picker.input);
                self.refilter_picker();
            }
            Mode::Normal | Mode::Help => {}
        }
    }

    /// Recomputes the conferences passing the filter, keeping the selected one when it still passes.
    pub(super) fn refilter(&mut self) {
        let keep = self.shown.get(self.confs.selected).copied();
        let words: Vec<String> = self
            .filter
            .text()
            .to_lowercase()
            .split_whitespace()
            .map(String::from)
            .collect();
        self.shown = (0..self.entries.len())
            .filter(|&i| {
                let e = &self.entries[i];
                let hay = format!(
                    "{} {} {} {} {}",
                    e.date,
                    e.language,
                    e.spokesperson.as_deref().unwrap_or(""),
                    e.title,
                    e.id
                )
                .to_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        self.confs.selected = keep
            .and_then(|k| self.shown.iter().position(|&s| s == k))
            .unwrap_or(0);
        self.select_conference();
    }

    /// A re-read catalogue replaces the old one; the selection stays on the same conference.
    pub(super) fn reloaded(&mut self, cat: Catalogue) {
        let keep = self
            .conf
            .as_ref()
            .map(|c| (c.id.clone(), self.turns.selected));
        self.entries = cat.entries;
        self.problems = cat.problems;
        self.cache.clear();
        self.pages.clear();
        self.wrapped.clear();
        self.reader.key = None;
        self.conf = None;
        self.outlet_refs = None;
        self.picker.counts.clear();
        self.shown = (0..self.entries.len()).collect();
        self.refilter();
        if let Some((id, turn)) = keep
            && self.entries.iter().any(|e| e.id == id)
        {
            self.select_turn(&id, turn);
        }
        if !self.search.input.text().trim().is_empty() {
            self.submit_search();
        }
        self.message = Some(format!("Reloaded: {} conferences", self.entries.len()));
    }
}

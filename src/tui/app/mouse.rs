//! The mouse: a click selects and focuses what is under it, the wheel scrolls the pane under the pointer; hit-testing uses the areas of the frame on screen.

use super::App;
use crate::tui::keymap::{Focus, Mode};
use crate::tui::layout::contains;

impl App {
    /// The pane under (x, y).
    fn pane_at(&self, x: u16, y: u16) -> Option<Focus> {
        [Focus::Conferences, Focus::Turns, Focus::Hits, Focus::Reader]
            .into_iter()
            .find(|&p| self.pane_rect(p).is_some_and(|r| contains(r, x, y)))
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        match self.mode {
            Mode::Help => {
                self.mode = Mode::Normal;
                return;
            }
            Mode::Picker => {
                let area = self.areas.popup;
                // Border, then the input line and a rule, then the rows.
                let top = area.y + 3;
                if contains(area, x, y) && y >= top && y < area.y + area.height - 1 {
                    let row = self.picker.cursor.offset + usize::from(y - top);
                    if row < self.picker.shown.len() {
                        self.picker.cursor.selected = row;
                        self.choose_outlet();
                    }
                } else if !contains(area, x, y) {
                    self.mode = Mode::Normal;
                }
                return;
            }
            Mode::Search | Mode::Filter | Mode::Normal => {}
        }
        if self.areas.search_bar.is_some_and(|r| contains(r, x, y)) {
            self.mode = Mode::Search;
            self.focus = Focus::Hits;
            return;
        }
        let Some(pane) = self.pane_at(x, y) else {
            return;
        };
        if self.mode != Mode::Normal {
            self.mode = Mode::Normal;
        }
        self.focus = pane;
        let Some(rect) = self.pane_rect(pane) else {
            return;
        };
        if y <= rect.y || y + 1 >= rect.y + rect.height || pane == Focus::Reader {
            return;
        }
        let row = usize::from(y - rect.y - 1);
        let cursor = match pane {
            Focus::Conferences => self.confs,
            Focus::Turns => self.turns,
            Focus::Hits => self.hits,
            Focus::Reader => return,
        };
        let target = cursor.offset + row;
        let delta = target.cast_signed() - cursor.selected.cast_signed();
        let len = match pane {
            Focus::Conferences => self.shown.len(),
            Focus::Turns => self.conf.as_ref().map_or(0, |c| c.turns.len()),
            _ => self.rows.len(),
        };
        if target < len && delta != 0 {
            self.move_in(pane, delta);
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        if self.mode == Mode::Help {
            self.step(if down { 3 } else { -3 });
            return;
        }
        let Some(pane) = self.pane_at(x, y) else {
            return;
        };
        let delta = if down { 3 } else { -3 };
        self.move_in(pane, delta);
    }
}

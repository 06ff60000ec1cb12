//! The reader: laying the current turn out for the pane's width (cached), scrolling, stepping through matches, citations.

use std::fmt::Write as _;
use std::sync::Arc;

use super::{App, Effect, PageKey};
use crate::model::{Conference, TurnKind};
use crate::tui::layout;
use crate::tui::page::{self, Page};

impl App {
    /// Columns available to the reader's text (borders, padding and scrollbar aside).
    pub(crate) fn reader_width(&self) -> usize {
        usize::from(self.areas.reader.width).saturating_sub(4)
    }

    fn reader_height(&self) -> usize {
        layout::inner_height(self.areas.reader)
    }

    /// Lays out the turn the reader shows (from the cache when possible) and clamps the scroll.
    pub(super) fn lay_out_reader(&mut self) {
        let target = self
            .current_turn()
            .and_then(|(id, turn)| self.load(&id).map(|c| (c, turn)));
        // Before the first resize the pane has no size: laying out then would wrap the whole
        // turn to four columns only to throw it away.
        let target = target.filter(|_| self.areas.reader.width > 0);
        let Some((conf, turn)) = target else {
            self.reader.page = Arc::default();
            self.reader.key = None;
            return;
        };
        let highlight = if self.highlighting() {
            self.search.shown
        } else {
            0
        };
        let key = PageKey {
            conference: conf.id.clone(),
            turn,
            width: self.reader_width(),
            answer_only: self.reader.answer_only,
            highlight,
        };
        if self.reader.key.as_ref() != Some(&key) {
            let page = if let Some(p) = self.pages.get(&key) {
                Arc::clone(p)
            } else {
                // Wrapping is kept across queries: a new query only re-marks the text.
                let plain = PageKey {
                    highlight: 0,
                    ..key.clone()
                };
                let wrapped = if let Some(w) = self.wrapped.get(&plain) {
                    Arc::clone(w)
                } else {
                    let w = Arc::new(page::layout(&conf, turn, key.width, key.answer_only));
                    if self.wrapped.len() >= 64 {
                        self.wrapped.clear();
                    }
                    self.wrapped.insert(plain, Arc::clone(&w));
                    w
                };
                let hl = self.search.highlighter.clone().filter(|_| highlight > 0);
                let marks = |t: &str| hl.as_ref().map(|h| h.ranges(t)).unwrap_or_default();
                let p = Arc::new(Page::marked(wrapped, &marks));
                if self.pages.len() >= 256 {
                    self.pages.clear();
                }
                self.pages.insert(key.clone(), Arc::clone(&p));
                p
            };
            self.reader.page = page;
            self.reader.key = Some(key);
        }
        if self.reader.seek_match {
            self.reader.seek_match = false;
            if let Some(&line) = self.reader.page.matches.first() {
                self.reader.current_match = Some(0);
                self.reader.scroll = line.saturating_sub(self.reader_height() / 3);
            }
        }
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.reader.page.len().saturating_sub(self.reader_height())
    }

    pub(super) fn scroll_reader(&mut self, delta: isize) {
        self.reader.scroll = self
            .reader
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Scrolls to the next (or previous) match, wrapping around.
    pub(super) fn step_match(&mut self, forward: bool) {
        let matches = &self.reader.page.matches;
        if matches.is_empty() {
            self.message = Some(
                if self.highlighting() {
                    "No match in this turn"
                } else {
                    "No search: press / to search"
                }
                .into(),
            );
            return;
        }
        let n = matches.len();
        let i = match (self.reader.current_match, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => matches
                .iter()
                .position(|&l| l >= self.reader.scroll)
                .unwrap_or(0),
            (None, false) => n - 1,
        };
        let line = matches[i];
        self.reader.current_match = Some(i);
        self.reader.scroll = line
            .saturating_sub(self.reader_height() / 3)
            .min(self.max_scroll());
        self.message = Some(format!("Match {} of {n}", i + 1));
    }

    pub(super) fn copy_citation(&mut self) {
        let Some((id, turn)) = self.current_turn() else {
            return;
        };
        let Some(conf) = self.load(&id) else { return };
        let Some(text) = citation(&conf, turn, !self.reader.answer_only) else {
            return;
        };
        self.message = Some(format!(
            "Copied the citation ({} characters) to the clipboard via OSC 52",
            text.chars().count()
        ));
        self.effects.push(Effect::Copy(text));
    }

    /// Whether the page is scrolled: `(first line, lines, visible rows)`.
    pub(crate) fn reader_position(&self) -> (usize, usize, usize) {
        (
            self.reader.scroll,
            self.reader.page.len(),
            self.reader_height(),
        )
    }

    /// The page on screen.
    pub(crate) fn page(&self) -> &Page {
        &self.reader.page
    }
}

/// A turn as a citation: the question too when the reader shows it, the answer, then who
/// said it, where, when, to whom (an outlet, or "a journalist": an asker label such as `Q` is
/// not a person), and the source address when the conference came from the web.
pub(super) fn citation(conf: &Conference, turn: usize, with_question: bool) -> Option<String> {
    let t = conf.turns.get(turn)?;
    let speaker = t
        .speaker
        .as_deref()
        .or(conf.spokesperson.as_deref())
        .unwrap_or("MFA spokesperson");
    let asker = t.outlet.as_deref().unwrap_or("a journalist");
    let mut out = String::new();
    let is_question = t.kind == TurnKind::Question;
    if is_question && with_question && !t.question.is_empty() {
        let who = t.outlet.as_deref().unwrap_or("A journalist");
        let _ = write!(out, "{who}: {}\n\n{speaker}: ", t.question.join("\n\n"));
    }
    out.push_str(&t.answer.join("\n\n"));
    let _ = write!(
        out,
        "\n— {speaker}, MFA regular press conference, {}",
        conf.date
    );
    if is_question {
        let _ = write!(out, ", in answer to {asker}");
    }
    if let Some(url) = conf
        .source
        .as_deref()
        .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
    {
        let _ = write!(out, ". {url}");
    }
    Some(out)
}

//! The reader: laying the current turn out for the pane's width (cached), scrolling, stepping through matches, citations.

use std::fmt::Write as _;
use std::sync::Arc;

use super::browse::TO_END;
use super::{App, Effect};
use crate::model::{Conference, TurnKind};
use crate::tui::layout::{self, View};
use crate::tui::page::{self, Page};
use crate::tui::typeset::{Job, PageKey, Typeset};

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
        let whole = self.reader.whole;
        let key = PageKey {
            conference: conf.id.clone(),
            turn: if whole { 0 } else { turn },
            whole,
            width: self.reader_width(),
            answer_only: self.reader.answer_only,
            highlight,
        };
        if self.reader.key.as_ref() != Some(&key) || !self.reader.page.complete {
            // A page marked only around the lines on screen is shown, and finished meanwhile.
            if !self.pages.get(&key).is_some_and(|p| p.complete) {
                self.ask_typesetter(&key, &conf);
            }
            if let Some(p) = self.pages.get(&key) {
                self.reader.page = Arc::clone(p);
                self.reader.key = Some(key.clone());
                if p.complete {
                    self.reader.pending = None;
                }
            }
        }
        let laid_out = self.reader.key.as_ref() == Some(&key);
        // The whole conference is scrolled to the selected turn (the turn list leads).
        let start = self.reader.page.turn_row(turn);
        if self.reader.seek_turn && laid_out {
            self.reader.seek_turn = false;
            if whole {
                self.reader.scroll = start;
            }
        }
        // Only the page laid out for this key says where the first match is: in the whole
        // conference, the first from the selected turn on.
        if self.reader.seek_match && laid_out && self.reader.page.first_match_known {
            self.reader.seek_match = false;
            let matches = &self.reader.page.matches;
            let first = matches.partition_point(|&l| l < start);
            if let Some(&line) = matches.get(first) {
                self.reader.current_match = Some(first);
                self.reader.scroll = line.saturating_sub(self.reader_height() / 3);
            }
        }
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
    }

    /// Lays out the page for `key`: at once when the turn is small, else on the typesetter's
    /// thread, showing meanwhile the turn without its new marks, or a note when it has never
    /// been wrapped at this width.
    fn ask_typesetter(&mut self, key: &PageKey, conf: &Arc<Conference>) {
        let wrapped = self.wrapped.get(&key.unmarked()).cloned();
        let job = Job {
            key: key.clone(),
            conf: Arc::clone(conf),
            wrapped: wrapped.clone(),
            highlighter: self.search.highlighter.clone(),
            top: self.reader.scroll,
            rows: self.reader_height(),
            seek: self.reader.seek_match,
        };
        if job.is_small() {
            self.typeset(job.run());
            return;
        }
        if self.reader.pending.as_ref() != Some(key) {
            self.reader.pending = Some(key.clone());
            self.effects.push(Effect::Typeset(job));
        }
        let same_text = self
            .reader
            .key
            .as_ref()
            .is_some_and(|k| k.unmarked() == key.unmarked());
        if same_text {
            // The previous query's marks stay until the new ones arrive.
            return;
        }
        let waiting = wrapped.unwrap_or_else(|| {
            let mb = key.bytes(conf) as f64 / 1e6;
            Arc::new(page::placeholder(
                conf,
                key.turn,
                key.width,
                &format!("Laying out this turn ({mb:.1} MB)…"),
            ))
        });
        self.reader.page = Arc::new(Page::marked(waiting, &|_| Vec::new()));
        self.reader.key = None;
    }

    /// A page laid out: kept in the caches, shown if it is the one the reader wants.
    pub(super) fn typeset(&mut self, t: Typeset) {
        if self.reader.pending.as_ref() == Some(&t.key) && t.page.complete {
            self.reader.pending = None;
        }
        if self.reader.key.as_ref() == Some(&t.key) {
            // The whole turn marked after the lines on screen: the same text, more marks.
            self.reader.page = Arc::clone(&t.page);
        }
        if self.wrapped.len() >= 64 {
            self.wrapped.clear();
        }
        self.wrapped.insert(t.key.unmarked(), t.wrapped);
        // Pages marked for an older search are never shown again: a huge turn's marks are
        // megabytes, so they go at once rather than when the cache fills.
        self.pages
            .retain(|k, _| k.highlight == 0 || k.highlight >= t.key.highlight);
        if self.pages.len() >= 256 {
            self.pages.clear();
        }
        self.pages.insert(t.key, t.page);
    }

    fn max_scroll(&self) -> usize {
        self.reader.page.len().saturating_sub(self.reader_height())
    }

    /// Scrolls by `delta` lines. Reading a conference goes on across turns: scrolling down
    /// at the end of a turn opens the next, up at its start the end of the previous (`g`/`G`
    /// stay in the turn).
    pub(super) fn scroll_reader(&mut self, delta: isize) {
        let turns = self.conf.as_ref().map_or(0, |c| c.turns.len());
        let reading_on = self.view == View::Browse && delta.abs() < TO_END && !self.reader.whole;
        let at_end = self.reader.scroll >= self.max_scroll();
        if reading_on && delta > 0 && at_end && self.turns.selected + 1 < turns {
            self.turns.step(1, turns);
            self.turn_changed();
            self.message = Some(format!("Turn {} of {turns}", self.turns.selected + 1));
            return;
        }
        if reading_on && delta < 0 && self.reader.scroll == 0 && self.turns.selected > 0 {
            self.turns.step(-1, turns);
            self.turn_changed();
            // Clamped to the new turn's last screen once it is laid out.
            self.reader.scroll = usize::MAX;
            self.message = Some(format!("Turn {} of {turns}", self.turns.selected + 1));
            return;
        }
        self.reader.scroll = self
            .reader
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
        self.follow_turn();
    }

    /// Whole-conference mode: the turn list selects the turn being read (the one at the
    /// top of the reader; at the end, the last), without scrolling the reader to its start.
    fn follow_turn(&mut self) {
        if !self.reader.whole || self.view != View::Browse {
            return;
        }
        let row = if self.reader.scroll >= self.max_scroll() {
            self.reader.page.len().saturating_sub(1)
        } else {
            self.reader.scroll
        };
        if let Some(t) = self.reader.page.turn_at(row) {
            self.turns.selected = t;
        }
    }

    /// The whole conference in one scroll ↔ one turn at a time, at the turn being read.
    pub(super) fn toggle_whole(&mut self) {
        self.reader.whole = !self.reader.whole;
        self.turn_changed();
        self.message = Some(
            if self.reader.whole {
                "Whole conference (c: one turn at a time)"
            } else {
                "One turn at a time"
            }
            .into(),
        );
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
        // Whole conference: the turn of the match is the one read (cited by `y`, followed
        // by `]`), not the one at the top of the screen.
        if self.reader.whole
            && self.view == View::Browse
            && let Some(t) = self.reader.page.turn_at(line)
        {
            self.turns.selected = t;
        }
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

    /// Whether the reader shows the page it wants: nothing is left to the typesetter.
    #[cfg(any(test, feature = "probe"))]
    pub(crate) fn reader_settled(&self) -> bool {
        self.reader.pending.is_none() || self.reader.key == self.reader.pending
    }

    /// Whether the page on screen is marked to its end (not only around the lines shown).
    #[cfg(any(test, feature = "probe"))]
    pub(crate) fn reader_complete(&self) -> bool {
        self.reader.pending.is_none() && self.reader.page.complete
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

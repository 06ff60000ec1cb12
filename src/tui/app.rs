//! The browser's state and `App::update`, the only place it changes; the panes' behaviour lives in the files of `app/`.

mod browse;
mod languages;
mod mouse;
mod outlet;
mod reader;
mod results;
mod source;
mod trend;

use std::collections::HashMap;
use std::sync::Arc;

use super::action::{Action, Ready};
use super::cursor::Cursor;
use super::history::History;
use super::input::{LineInput, MAX_INPUT_CHARS};
use super::keymap::{Focus, Mode};
use super::layout::{self, Areas, View};
use super::page::{Page, Wrapped};
use super::typeset::{Job, PageKey};
use crate::corpus::Entry;
use crate::model::Conference;
use crate::outlets::Outlets;
use crate::problem::Problem;
use crate::search::{Query, SearchIndex};

pub(super) use results::{Row, RowSource, sort_label};
pub(super) use source::Source;
pub(super) use trend::{Counted, Counter, TrendJob, TrendView};

/// Work the event loop does for `update` (terminal writes, threads, the search worker).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Effect {
    /// Send this query to the search worker.
    Submit(u64, Query),
    /// Write this text to the clipboard (OSC 52).
    Copy(String),
    /// Turn mouse capture on or off.
    Mouse(bool),
    /// Re-read the catalogue and reload the index in the background.
    Reload,
    /// Lay out (and mark) a huge turn on the typesetter's thread.
    Typeset(Job),
    /// Save the search history (these queries, oldest first).
    SaveHistory(Vec<String>),
    /// Count the trend of a query on the counter thread.
    Trend(TrendJob),
}

/// Whether the index can answer yet.
#[derive(Clone)]
pub(super) enum IndexState {
    Opening,
    Ready(Arc<SearchIndex>),
    Failed(String),
}

/// The reader's scroll position and its laid-out page.
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools)] // independent settings and one-shot requests of the reader
pub(super) struct ReaderState {
    pub(crate) scroll: usize,
    pub(crate) answer_only: bool,
    pub(crate) page: Arc<Page>,
    /// What `page` was laid out for.
    key: Option<PageKey>,
    /// Index into `page.matches` of the match last stepped to.
    pub(crate) current_match: Option<usize>,
    /// Scroll to the first match once the page is laid out.
    seek_match: bool,
    /// Every turn of the conference in one scroll (`c`).
    pub(crate) whole: bool,
    /// Whole-conference mode: scroll to the selected turn once the page is laid out.
    seek_turn: bool,
    /// The page asked of the typesetter and not yet back.
    pending: Option<PageKey>,
}

/// The search bar and its latest answer.
#[derive(Debug, Clone, Default)]
pub(super) struct SearchState {
    pub(crate) input: LineInput,
    /// Generation of the newest query asked.
    pub(crate) generation: u64,
    /// Generation of the results on screen.
    pub(crate) shown: u64,
    pub(crate) total: usize,
    pub(crate) elapsed: std::time::Duration,
    pub(crate) error: Option<String>,
    pub(crate) highlighter: Option<crate::search::Highlighter>,
    /// The parsed query of the newest request (filters for the status bar).
    pub(crate) query: Option<Query>,
    /// The newest request only asks for more hits of the same query: keep the cursor.
    pub(crate) extending: bool,
    /// The newest request asks for every hit, for `G`: the cursor goes to the last one.
    pub(crate) to_last: bool,
    /// The order of the hits (`s` flips it), kept for every query until flipped again.
    pub(crate) sort: crate::search::Sort,
    /// Queries run before (this run and earlier ones).
    pub(crate) history: History,
}

/// The outlet picker, and where `]` / `[` jumped from.
#[derive(Debug, Clone, Default)]
pub(super) struct Picker {
    pub(crate) input: LineInput,
    /// Every outlet with its questions and first and last days, most questions first.
    pub(crate) counts: Vec<crate::search::OutletSummary>,
    /// Per outlet of `counts`: its spellings in the alias table (normalised), its own name first.
    pub(crate) spellings: Vec<Vec<String>>,
    /// Where the first `]` / `[` of a run of them was pressed: `Esc` goes back there.
    pub(crate) jump_from: Option<outlet::Spot>,
    /// Indices into `counts` that match the input.
    pub(crate) shown: Vec<usize>,
    pub(crate) cursor: Cursor,
}

/// Everything the browser shows.
#[allow(clippy::struct_excessive_bools)] // independent flags of the UI, not a state machine
pub(super) struct App {
    pub(super) source: Source,
    pub(super) outlets: Outlets,
    pub(crate) entries: Vec<Entry>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) notes: Vec<String>,
    pub(crate) filter: LineInput,
    /// Indices into `entries` that pass the filter.
    pub(crate) shown: Vec<usize>,
    pub(crate) confs: Cursor,
    /// The selected conference, loaded.
    pub(crate) conf: Option<Arc<Conference>>,
    pub(crate) turns: Cursor,
    pub(crate) reader: ReaderState,
    pub(crate) mode: Mode,
    /// The mode to return to when the help closes.
    help_return: Mode,
    pub(crate) focus: Focus,
    pub(crate) view: View,
    /// Browsing a hit opened from the results (Esc goes back to them).
    pub(crate) opened: bool,
    pub(crate) search: SearchState,
    pub(crate) rows: Vec<Row>,
    pub(crate) row_source: RowSource,
    pub(crate) hits: Cursor,
    pub(crate) picker: Picker,
    /// The trend chart (`t`).
    pub(crate) trend: TrendView,
    pub(crate) index: IndexState,
    outlet_refs: Option<(String, Vec<crate::search::TurnRef>)>,
    pub(crate) mouse: bool,
    pub(crate) quit: bool,
    pub(crate) help_scroll: usize,
    /// The reader alone on screen (`z`), and the pane focused before.
    pub(crate) zoom: Option<Focus>,
    pub(crate) message: Option<String>,
    pub(crate) no_color: bool,
    effects: Vec<Effect>,
    pub(crate) size: (u16, u16),
    pub(crate) areas: Areas,
    cache: HashMap<String, Arc<Conference>>,
    /// Per turn of the selected conference: the languages holding its counterpart.
    pub(crate) counterparts: Vec<Vec<String>>,
    pages: HashMap<PageKey, Arc<Page>>,
    /// Turns wrapped without marks, keyed with `highlight: 0`.
    wrapped: HashMap<PageKey, Arc<Wrapped>>,
}

impl App {
    /// A browser over `source` with its catalogue; nothing is drawn yet.
    pub(super) fn new(
        source: Source,
        entries: Vec<Entry>,
        problems: Vec<Problem>,
        notes: Vec<String>,
        outlets: Outlets,
    ) -> App {
        let mut app = App {
            source,
            outlets,
            shown: (0..entries.len()).collect(),
            entries,
            problems,
            notes,
            filter: LineInput::default(),
            confs: Cursor::default(),
            conf: None,
            turns: Cursor::default(),
            reader: ReaderState::default(),
            mode: Mode::Normal,
            help_return: Mode::Normal,
            focus: Focus::Conferences,
            view: View::Browse,
            opened: false,
            search: SearchState::default(),
            rows: Vec::new(),
            row_source: RowSource::Search,
            hits: Cursor::default(),
            picker: Picker::default(),
            trend: TrendView::default(),
            index: IndexState::Opening,
            outlet_refs: None,
            mouse: true,
            quit: false,
            help_scroll: 0,
            zoom: None,
            message: None,
            no_color: false,
            effects: Vec::new(),
            size: (80, 24),
            areas: Areas::default(),
            cache: HashMap::new(),
            counterparts: Vec::new(),
            pages: HashMap::new(),
            wrapped: HashMap::new(),
        };
        app.select_conference();
        app.refresh();
        app
    }

    /// Work for the event loop, oldest first.
    pub(super) fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Whether `action` acts now (a window too small takes only a few), and what it
    /// clears first: the passing message, a `]` jump to come back from.
    fn admit(&mut self, action: &Action) -> bool {
        // A window too small shows only that: keys acting unseen would surprise on resize.
        if self.areas.too_small
            && !matches!(
                action,
                Action::Quit
                    | Action::ToggleHelp
                    | Action::Resize(..)
                    | Action::Delivered(_)
                    | Action::IndexReady(_)
                    | Action::Reloaded(_)
                    | Action::Typeset(_)
                    | Action::Counted(_)
            )
        {
            return false;
        }
        if !outlet::keeps_jump(action) {
            self.picker.jump_from = None;
        }
        if !matches!(
            action,
            Action::Delivered(_)
                | Action::Resize(..)
                | Action::IndexReady(_)
                | Action::Wheel(..)
                | Action::Typeset(_)
                | Action::Counted(_)
        ) {
            self.message = None;
        }
        true
    }

    /// Applies one action; the only place state changes.
    pub(super) fn update(&mut self, action: Action) {
        if !self.admit(&action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.page_step(1),
            Action::PageUp => self.page_step(-1),
            Action::Top => self.step(-browse::TO_END),
            Action::Bottom => self.step(browse::TO_END),
            Action::OpenSearch => self.open_search(),
            Action::Open => self.open(),
            Action::Back => {
                self.remember_query();
                if !self.return_from_jump() {
                    self.back();
                }
            }
            Action::Accept => {
                self.remember_query();
                self.mode = Mode::Normal;
            }
            Action::HistoryOlder => self.recall(true),
            Action::HistoryNewer => self.recall(false),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::OutletPicker => self.open_picker(),
            Action::NextSameOutlet => self.same_outlet(1),
            Action::PrevSameOutlet => self.same_outlet(-1),
            Action::CopyCitation => self.copy_citation(),
            Action::ToggleAnswerOnly => self.toggle_answer_only(),
            Action::ToggleSort => self.toggle_sort(),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::ToggleZoom => self.toggle_zoom(),
            Action::ToggleWhole => self.toggle_whole(),
            Action::OtherLanguage => self.other_language(),
            Action::ToggleHelp => self.toggle_help(),
            Action::FilterConferences => {
                self.mode = Mode::Filter;
                self.focus = Focus::Conferences;
            }
            Action::Reload => {
                self.effects.push(Effect::Reload);
                self.message = Some("Reloading the catalogue and index…".into());
            }
            Action::Insert(c) => self.type_in(c.encode_utf8(&mut [0; 4]), false),
            Action::Paste(text) => {
                if self.mode == Mode::Normal {
                    self.open_search();
                }
                self.type_in(&text, true);
            }
            Action::Backspace => self.edit(LineInput::backspace),
            Action::DeleteWord => self.edit(LineInput::delete_word),
            Action::ClearInput => self.edit(LineInput::kill_to_start),
            Action::KillToEnd => self.edit(LineInput::kill_to_end),
            Action::DeleteForward => self.edit(LineInput::delete),
            Action::CursorLeft => self.edit(LineInput::left),
            Action::CursorRight => self.edit(LineInput::right),
            Action::CursorHome => self.edit(LineInput::home),
            Action::CursorEnd => self.edit(LineInput::end),
            Action::WordLeft => self.edit(LineInput::word_left),
            Action::WordRight => self.edit(LineInput::word_right),
            Action::Resize(w, h) => self.size = (w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Delivered(d) => self.delivered(d),
            Action::IndexReady(r) => self.index_ready(r),
            Action::Reloaded(c) => self.reloaded(c),
            Action::Typeset(t) => self.typeset(t),
            Action::ToggleTrend => self.toggle_trend(),
            Action::Counted(c) => self.counted(c),
        }
        self.ask_trend();
        self.refresh();
    }

    /// Types or pastes `text` into the open input; says so when some of it did not fit.
    fn type_in(&mut self, text: &str, pasted: bool) {
        let mut dropped = 0;
        self.edit(|i| dropped = i.insert(text));
        if dropped == 0 {
            return;
        }
        self.message = Some(if pasted {
            format!(
                "Pasted text cut to {MAX_INPUT_CHARS} characters ({dropped} left out): search for a passage, not a document"
            )
        } else {
            format!("The input is full: it holds at most {MAX_INPUT_CHARS} characters")
        });
    }

    /// Puts an older (or newer) search from the history in the search bar.
    fn recall(&mut self, older: bool) {
        let typed = self.search.input.text().to_string();
        let found = if older {
            self.search.history.older(&typed)
        } else {
            self.search.history.newer()
        };
        match found.map(str::to_string) {
            Some(q) => self.edit(|i| i.set(&q)),
            None if older => self.message = Some("No older search".into()),
            None => {}
        }
    }

    /// Keeps the query of the search bar being left in the history (saved by the loop).
    fn remember_query(&mut self) {
        if self.mode == Mode::Search && self.search.history.record(self.search.input.text()) {
            let entries = self.search.history.entries().to_vec();
            self.effects.push(Effect::SaveHistory(entries));
        }
    }

    fn toggle_answer_only(&mut self) {
        self.reader.answer_only = !self.reader.answer_only;
        self.reader.scroll = 0;
        let what = if self.reader.answer_only {
            "Answer only"
        } else {
            "Question and answer"
        };
        self.message = Some(what.into());
    }

    /// The reader over the whole width (long answers, side-by-side reading of a quote);
    /// again, Esc, or a search gives the lists back, with the focus they had.
    pub(super) fn toggle_zoom(&mut self) {
        if let Some(focus) = self.zoom.take() {
            self.focus = focus;
        } else {
            self.zoom = Some(self.focus);
            self.focus = Focus::Reader;
            self.message = Some("Reader zoomed: z or Esc gives the lists back".into());
        }
    }

    fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        self.effects.push(Effect::Mouse(self.mouse));
        let what = if self.mouse {
            "Mouse on"
        } else {
            "Mouse off: the terminal selects text"
        };
        self.message = Some(what.into());
    }

    fn toggle_help(&mut self) {
        if self.mode == Mode::Help {
            self.mode = self.help_return;
        } else {
            self.help_return = self.mode;
            self.mode = Mode::Help;
            self.help_scroll = 0;
        }
    }

    fn index_ready(&mut self, r: Ready) {
        match r.index {
            Ok(index) => {
                self.index = IndexState::Ready(index);
                if !self.search.input.text().trim().is_empty() {
                    self.submit_search();
                }
            }
            Err(e) => self.index = IndexState::Failed(e),
        }
        if let Some(note) = r.note {
            // Said once, not kept among the standing notes: the index works from now on,
            // and "index missing" staying on screen would say otherwise.
            self.message = Some(format!("Search index rebuilt ({note})"));
        }
    }

    /// Recomputes what depends on size and selection: areas, clamped cursors, the reader's page.
    fn refresh(&mut self) {
        self.areas = layout::compute(self.size.0, self.size.1, self.view, self.zoom.is_some());
        if self.zoom.is_some() {
            // Only the reader is on screen: keys never act on a list out of sight.
            self.focus = Focus::Reader;
        }
        let h = |r: Option<ratatui::layout::Rect>| r.map_or(1, layout::inner_height);
        self.confs
            .clamp(self.shown.len(), h(self.areas.conferences));
        let turns = self.conf.as_ref().map_or(0, |c| c.turns.len());
        self.turns.clamp(turns, h(self.areas.turns));
        self.hits.clamp(self.rows.len(), h(self.areas.hits));
        self.picker.cursor.clamp(
            self.picker.shown.len(),
            layout::inner_height(self.areas.popup).saturating_sub(2),
        );
        self.fill_previews();
        self.lay_out_reader();
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;

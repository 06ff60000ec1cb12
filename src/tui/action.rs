//! Everything that can change the browser's state: the one `Action` enum that keys, mouse, and background workers produce.

use std::sync::Arc;

use super::app::Counted;
use super::typeset::Typeset;
use crate::corpus::Entry;
use crate::problem::Problem;
use crate::search::{Results, SearchIndex};

/// One thing to do; `App::update` is the only consumer.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Action {
    /// Leave the program.
    Quit,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Move the selection down / scroll the reader down one line.
    Down,
    /// Move the selection up / scroll the reader up one line.
    Up,
    /// A page down in the focused pane.
    PageDown,
    /// A page up in the focused pane.
    PageUp,
    /// First item / top of the text.
    Top,
    /// Last item / end of the text.
    Bottom,
    /// Open the search bar (incremental search).
    OpenSearch,
    /// Open the selected item (a hit in its conference, a chosen outlet, the next pane).
    Open,
    /// Back one level: input → hit list → browsing; clears a list filter.
    Back,
    /// Leave a text input, keeping what was typed.
    Accept,
    /// Next search match in the reader.
    NextMatch,
    /// Previous search match in the reader.
    PrevMatch,
    /// Open the outlet picker.
    OutletPicker,
    /// Next question by the same outlet, across conferences.
    NextSameOutlet,
    /// Previous question by the same outlet, across conferences.
    PrevSameOutlet,
    /// Copy the current turn as a citation (OSC 52).
    CopyCitation,
    /// Answer only ↔ question and answer.
    ToggleAnswerOnly,
    /// Mouse capture on / off.
    ToggleMouse,
    /// The reader alone, full width, and back.
    ToggleZoom,
    /// The whole conference in one scroll ↔ one turn at a time.
    ToggleWhole,
    /// The same turn in the conference's next language version.
    OtherLanguage,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Type to filter the conference list.
    FilterConferences,
    /// The trend chart of the search in place of the reader, or the reader back.
    ToggleTrend,
    /// Re-read the catalogue and reload the index (conferences imported meanwhile appear).
    Reload,
    /// Type a character into the open text input.
    Insert(char),
    /// Paste text into the open text input.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the start of the text input to the cursor (all of it with the cursor at the end).
    ClearInput,
    /// Delete from the cursor to the end of the text input.
    KillToEnd,
    /// Delete the character (grapheme) under the cursor.
    DeleteForward,
    /// Move the text cursor left.
    CursorLeft,
    /// Move the text cursor right.
    CursorRight,
    /// Move the text cursor to the start.
    CursorHome,
    /// Move the text cursor to the end.
    CursorEnd,
    /// Move the text cursor a word left.
    WordLeft,
    /// Move the text cursor a word right.
    WordRight,
    /// The search before the one in the bar (history).
    HistoryOlder,
    /// The search after the one in the bar (history); past the newest, what was typed.
    HistoryNewer,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// The mouse wheel at (column, row): `true` scrolls down.
    Wheel(u16, u16, bool),
    /// The search worker answered a query.
    Delivered(Delivery),
    /// The search index is open (or failed to open).
    IndexReady(Ready),
    /// A re-read catalogue arrived.
    Reloaded(Catalogue),
    /// The typesetter laid out a page.
    Typeset(Typeset),
    /// The counter thread counted a trend.
    Counted(Counted),
}

/// An answer of the search worker for one generation.
#[derive(Debug, Clone)]
pub(super) struct Delivery {
    pub(crate) generation: u64,
    pub(crate) outcome: Result<Results, String>,
}

impl PartialEq for Delivery {
    /// Same generation and same hits (the highlighter has no equality).
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && match (&self.outcome, &other.outcome) {
                (Ok(a), Ok(b)) => a.hits == b.hits && a.total == b.total,
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

/// The opened index, or why it could not be opened; with the index's own note.
#[derive(Clone)]
pub(super) struct Ready {
    pub(crate) index: Result<Arc<SearchIndex>, String>,
    pub(crate) note: Option<String>,
}

impl std::fmt::Debug for Ready {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &self.index {
            Ok(_) => "ok".to_string(),
            Err(e) => e.clone(),
        };
        write!(f, "Ready({state}, {:?})", self.note)
    }
}

impl PartialEq for Ready {
    /// The same index object, or the same error.
    fn eq(&self, other: &Self) -> bool {
        self.note == other.note
            && match (&self.index, &other.index) {
                (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

/// A freshly read catalogue.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Catalogue {
    pub(crate) entries: Vec<Entry>,
    pub(crate) problems: Vec<Problem>,
}

//! Keys → actions: one table of bindings, resolved by mode and focus, that also feeds the footer hints and the help overlay.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// What the keyboard is talking to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Browsing: keys are commands.
    Normal,
    /// Typing in the search bar.
    Search,
    /// Typing a conference-list filter.
    Filter,
    /// Typing in the outlet picker.
    Picker,
    /// The help overlay is open.
    Help,
}

/// The pane that receives list and scroll keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Focus {
    Conferences,
    Turns,
    Hits,
    Reader,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Every mode, text inputs included.
    Anywhere,
    /// Browsing, any pane.
    Browsing,
    /// Browsing, a list pane focused.
    Lists,
    /// Browsing, the reader focused.
    Reader,
    /// Browsing, the conference list focused.
    Conferences,
    /// Any text input (search bar, list filter, outlet picker).
    Inputs,
    /// The search bar.
    SearchBar,
    /// The conference-list filter.
    ListFilter,
    /// The outlet picker.
    Picker,
    /// The help overlay.
    Help,
}

impl Scope {
    fn applies(self, mode: Mode, focus: Focus) -> bool {
        let list = matches!(focus, Focus::Conferences | Focus::Turns | Focus::Hits);
        match self {
            Scope::Anywhere => true,
            Scope::Browsing => mode == Mode::Normal,
            Scope::Lists => mode == Mode::Normal && list,
            Scope::Reader => mode == Mode::Normal && focus == Focus::Reader,
            Scope::Conferences => mode == Mode::Normal && focus == Focus::Conferences,
            Scope::Inputs => matches!(mode, Mode::Search | Mode::Filter | Mode::Picker),
            Scope::SearchBar => mode == Mode::Search,
            Scope::ListFilter => mode == Mode::Filter,
            Scope::Picker => mode == Mode::Picker,
            Scope::Help => mode == Mode::Help,
        }
    }

    /// Heading in the help overlay.
    pub(super) fn title(self) -> &'static str {
        match self {
            Scope::Anywhere => "Anywhere",
            Scope::Browsing => "Browsing",
            Scope::Lists => "Lists",
            Scope::Reader => "Reader",
            Scope::Conferences => "Conference list",
            Scope::Inputs => "Text inputs",
            Scope::SearchBar => "Search bar",
            Scope::ListFilter => "List filter",
            Scope::Picker => "Outlet picker",
            Scope::Help => "Help",
        }
    }
}

/// A key pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pat {
    /// This key with exactly these modifiers (Shift ignored for characters).
    Key(KeyCode, KeyModifiers),
    /// Any printable character (becomes `Action::Insert`).
    Printable,
}

const fn ch(c: char) -> Pat {
    Pat::Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Pat {
    Pat::Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn alt(c: char) -> Pat {
    Pat::Key(KeyCode::Char(c), KeyModifiers::ALT)
}
const fn code(k: KeyCode) -> Pat {
    Pat::Key(k, KeyModifiers::NONE)
}

/// One row of the table.
#[derive(Debug)]
pub(super) struct Binding {
    pub(crate) keys: &'static [Pat],
    pub(crate) action: Action,
    pub(crate) scope: Scope,
    /// What it does, for the help overlay.
    pub(crate) help: &'static str,
    /// A short word for the footer, when it belongs there.
    pub(crate) hint: Option<&'static str>,
}

const fn b(
    keys: &'static [Pat],
    action: Action,
    scope: Scope,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        scope,
        help,
        hint,
    }
}

use Action as A;
use KeyCode as K;
use Scope as S;

/// Every binding; the first that applies wins.
#[rustfmt::skip]
pub(super) const BINDINGS: &[Binding] = &[
    b(&[ctrl('c')], A::Quit, S::Anywhere, "quit", None),
    b(&[code(K::F(1))], A::ToggleHelp, S::Anywhere, "help", None),
    b(&[ch('?'), code(K::Esc), ch('q'), code(K::Enter)], A::ToggleHelp, S::Help, "close the help", Some("close")),
    b(&[ch('j'), code(K::Down)], A::Down, S::Help, "scroll down", Some("scroll")),
    b(&[ch('k'), code(K::Up)], A::Up, S::Help, "scroll up", None),
    b(&[code(K::PageDown), ch(' ')], A::PageDown, S::Help, "page down", None),
    b(&[code(K::PageUp), ch('b')], A::PageUp, S::Help, "page up", None),
    b(&[ch('g'), code(K::Home)], A::Top, S::Help, "top", None),
    b(&[ch('G'), code(K::End)], A::Bottom, S::Help, "bottom", None),
    b(&[code(K::Enter)], A::Accept, S::SearchBar, "go to the hit list", Some("hits")),
    b(&[code(K::Esc)], A::Back, S::SearchBar, "back to the hit list (the query is kept)", Some("back")),
    b(&[code(K::Enter)], A::Open, S::Picker, "list this outlet's questions", Some("choose")),
    b(&[code(K::Esc)], A::Back, S::Picker, "close the picker", Some("close")),
    b(&[code(K::Enter)], A::Accept, S::ListFilter, "keep the filter", Some("keep")),
    b(&[code(K::Esc)], A::Back, S::ListFilter, "clear the filter", Some("clear")),
    b(&[code(K::Up)], A::HistoryOlder, S::SearchBar, "older search (history, kept across runs)", Some("history")),
    b(&[code(K::Down)], A::HistoryNewer, S::SearchBar, "newer search (history)", None),
    b(&[code(K::Down), ctrl('n')], A::Down, S::Inputs, "next item", Some("move")),
    b(&[code(K::Up), ctrl('p')], A::Up, S::Inputs, "previous item", None),
    b(&[code(K::PageDown)], A::PageDown, S::Inputs, "page down the list", None),
    b(&[code(K::PageUp)], A::PageUp, S::Inputs, "page up the list", None),
    b(&[code(K::Backspace)], A::Backspace, S::Inputs, "delete a character", None),
    b(&[ctrl('w')], A::DeleteWord, S::Inputs, "delete a word", None),
    b(&[ctrl('u')], A::ClearInput, S::Inputs, "delete to the start (all of it at the end)", None),
    b(&[ctrl('k')], A::KillToEnd, S::Inputs, "delete to the end", None),
    b(&[code(K::Delete), ctrl('d')], A::DeleteForward, S::Inputs, "delete the character under the cursor", None),
    b(&[code(K::Left), ctrl('b')], A::CursorLeft, S::Inputs, "cursor left", None),
    b(&[code(K::Right), ctrl('f')], A::CursorRight, S::Inputs, "cursor right", None),
    b(&[code(K::Home), ctrl('a')], A::CursorHome, S::Inputs, "cursor to the start", None),
    b(&[code(K::End), ctrl('e')], A::CursorEnd, S::Inputs, "cursor to the end", None),
    b(&[alt('b')], A::WordLeft, S::Inputs, "a word left", None),
    b(&[alt('f')], A::WordRight, S::Inputs, "a word right", None),
    b(&[Pat::Printable], A::Insert(' '), S::Inputs, "type (q, j, / … are letters here; paste works)", None),
    b(&[ch('q')], A::Quit, S::Browsing, "quit", Some("quit")),
    b(&[ch('?')], A::ToggleHelp, S::Browsing, "help: every binding", Some("help")),
    b(&[ch('/')], A::OpenSearch, S::Browsing, "search (incremental; outlet:AFP lang:fr 2024-01..2025-06 words)", Some("search")),
    b(&[code(K::Tab), ch('l'), code(K::Right)], A::FocusNext, S::Browsing, "next pane", None),
    b(&[code(K::BackTab), ch('h'), code(K::Left)], A::FocusPrev, S::Browsing, "previous pane", None),
    b(&[ch('o')], A::OutletPicker, S::Browsing, "outlet picker: an outlet's questions, newest first", Some("outlets")),
    b(&[ch(']')], A::NextSameOutlet, S::Browsing, "next question by the same outlet", Some("same outlet")),
    b(&[ch('[')], A::PrevSameOutlet, S::Browsing, "previous question by the same outlet", None),
    b(&[ch('n')], A::NextMatch, S::Browsing, "next match in the reader", None),
    b(&[ch('N')], A::PrevMatch, S::Browsing, "previous match in the reader", None),
    b(&[ch('y')], A::CopyCitation, S::Browsing, "copy the turn as a citation (OSC 52)", Some("quote")),
    b(&[ch('a')], A::ToggleAnswerOnly, S::Browsing, "answer only ↔ question and answer", None),
    b(&[ch('t')], A::ToggleTrend, S::Browsing, "trend chart of the search's hits, by language (t: back)", None),
    b(&[ch('L')], A::OtherLanguage, S::Browsing, "the same turn in the next language version (zh, en, fr)", None),
    b(&[ch('c')], A::ToggleWhole, S::Browsing, "whole conference in one scroll ↔ one turn at a time", None),
    b(&[ch('z')], A::ToggleZoom, S::Browsing, "zoom: the reader alone, full width (z or Esc: back)", None),
    b(&[ch('m')], A::ToggleMouse, S::Browsing, "mouse capture on/off (off: the terminal selects text)", None),
    b(&[ch('R')], A::Reload, S::Browsing, "reload the catalogue and index (see new imports)", None),
    b(&[code(K::Esc)], A::Back, S::Browsing, "back: opened hit → hits → browsing; clear a filter", None),
    b(&[ch('f')], A::FilterConferences, S::Conferences, "type to filter the conferences", Some("filter")),
    b(&[ch('j'), code(K::Down)], A::Down, S::Lists, "move down", Some("move")),
    b(&[ch('k'), code(K::Up)], A::Up, S::Lists, "move up", None),
    b(&[code(K::PageDown), ctrl('d')], A::PageDown, S::Lists, "page down", None),
    b(&[code(K::PageUp), ctrl('u')], A::PageUp, S::Lists, "page up", None),
    b(&[ch('g'), code(K::Home)], A::Top, S::Lists, "first", None),
    b(&[ch('G'), code(K::End)], A::Bottom, S::Lists, "last", None),
    b(&[code(K::Enter)], A::Open, S::Lists, "open (a hit in its conference)", Some("open")),
    b(&[ch('j'), code(K::Down)], A::Down, S::Reader, "scroll down", Some("scroll")),
    b(&[ch('k'), code(K::Up)], A::Up, S::Reader, "scroll up", None),
    b(&[ch(' '), code(K::PageDown)], A::PageDown, S::Reader, "page down", None),
    b(&[ch('b'), code(K::PageUp)], A::PageUp, S::Reader, "page up", None),
    b(&[ch('g'), code(K::Home)], A::Top, S::Reader, "top", None),
    b(&[ch('G'), code(K::End)], A::Bottom, S::Reader, "end", None),
];

/// The action for `key` in this mode and focus, if any.
pub(super) fn keymap(mode: Mode, focus: Focus, key: KeyEvent) -> Option<Action> {
    let printable = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    let pressed = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    for bind in BINDINGS.iter().filter(|b| b.scope.applies(mode, focus)) {
        for pat in bind.keys {
            match *pat {
                Pat::Key(code, want) if code == key.code && want == pressed => {
                    return Some(bind.action.clone());
                }
                Pat::Printable => {
                    if let Some(c) = printable {
                        return Some(Action::Insert(c));
                    }
                }
                Pat::Key(..) => {}
            }
        }
    }
    None
}

/// The bindings that apply in this mode and focus, in table order.
pub(super) fn active(mode: Mode, focus: Focus) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.scope.applies(mode, focus))
}

/// A key as people write it.
pub(super) fn label(pat: Pat) -> String {
    let Pat::Key(code, mods) = pat else {
        return "typing".to_string();
    };
    let name = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if mods.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// The footer: the hinted bindings of this mode and focus, as `key word` pairs.
/// The focused pane's own keys come first, then those of browsing anywhere.
pub(super) fn hints(mode: Mode, focus: Focus) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let table: Vec<&Binding> = active(mode, focus).collect();
    // The first key of a binding that an earlier one does not take (in the search bar `↓`
    // recalls history, so the hit list moves with Ctrl-N).
    let usable = |bind: &Binding| {
        let before = table.iter().position(|b| std::ptr::eq(*b, bind))?;
        bind.keys
            .iter()
            .copied()
            .find(|k| !table[..before].iter().any(|b| b.keys.contains(k)))
    };
    let mut binds = table.clone();
    binds.sort_by_key(|b| matches!(b.scope, Scope::Browsing | Scope::Anywhere));
    for bind in &binds {
        if let (Some(word), Some(first)) = (bind.hint, usable(bind)) {
            if out.iter().any(|(_, w)| *w == word) {
                continue;
            }
            let mut key = label(first);
            // "j/k move": the opposite binding of the same scope shares the hint.
            let opposite = match bind.action {
                Action::Down => Some(Action::Up),
                Action::NextSameOutlet => Some(Action::PrevSameOutlet),
                Action::HistoryOlder => Some(Action::HistoryNewer),
                _ => None,
            };
            if let Some(back) = binds
                .iter()
                .find(|b| Some(&b.action) == opposite.as_ref() && b.scope == bind.scope)
                && let Some(k) = usable(back)
            {
                key = format!("{key}/{}", label(k));
            }
            out.push((key, word));
        }
    }
    out
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;

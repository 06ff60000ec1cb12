//! The single channel of events the loop waits on: terminal input, search answers, the index being ready, a reloaded catalogue.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{
    Event as Input, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, Catalogue};
use super::keymap::{Focus, Mode, keymap};
use crate::search::{IndexError, Results, SearchIndex};

/// Something that happened.
pub(super) enum Event {
    Input(Input),
    Delivered(u64, Result<Results, IndexError>),
    Index(Result<(SearchIndex, Option<String>), IndexError>),
    /// The catalogue and the index re-read after `R`.
    Reloaded(Catalogue, Result<(SearchIndex, Option<String>), IndexError>),
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT: leave as on `q`, so the terminal is restored.
    Terminate,
}

/// Turns termination signals into [`Event::Terminate`], so `kill` never leaves a raw terminal.
pub(super) fn spawn_signals(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // SIGINT: Ctrl-C before raw mode is on (or `kill -INT`) quits like the Ctrl-C key.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    else {
        return;
    };
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Event::Terminate);
        }
    });
}

/// How long Ctrl-C waits for the loop to quit in order before the terminal is given back
/// and the process ends anyway.
const CTRL_C_GRACE: Duration = Duration::from_millis(500);

/// Reads terminal events on a thread until the receiver goes away or input fails.
///
/// Ctrl-C always quits: it is sent like any key, and if the loop is still busy (laying out a
/// 100 MB paragraph, say) after [`CTRL_C_GRACE`], this thread restores the terminal and exits.
pub(super) fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        while let Ok(ev) = crossterm::event::read() {
            if is_ctrl_c(&ev) {
                thread::spawn(|| {
                    thread::sleep(CTRL_C_GRACE);
                    super::terminal::restore();
                    // The same status as quitting in order: Ctrl-C is the browser's quit key
                    // (CLI.md: 0 on quit), whether or not the loop was free to answer it.
                    std::process::exit(0);
                });
            }
            if tx.send(Event::Input(ev)).is_err() {
                break;
            }
        }
    });
}

fn is_ctrl_c(ev: &Input) -> bool {
    matches!(ev, Input::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('c')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// The action a terminal event stands for in this mode and focus.
pub(super) fn action_for(input: Input, mode: Mode, focus: Focus) -> Option<Action> {
    match input {
        Input::Key(k) if k.kind != KeyEventKind::Release => keymap(mode, focus, k),
        Input::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
            _ => None,
        },
        Input::Resize(w, h) => Some(Action::Resize(w, h)),
        Input::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}

//! The single channel of events the loop waits on: terminal input, search answers, the index being ready, a reloaded catalogue.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{
    Event as Input, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, Catalogue};
use super::app::Counted;
use super::keymap::{Focus, Mode, keymap};
use super::typeset::Typeset;
use crate::search::{IndexError, Results, SearchIndex};

/// Something that happened.
pub(super) enum Event {
    Input(Input),
    Delivered(u64, Result<Results, IndexError>),
    Index(Result<(SearchIndex, Option<String>), IndexError>),
    /// The catalogue and the index re-read after `R`.
    Reloaded(Catalogue, Result<(SearchIndex, Option<String>), IndexError>),
    /// A page the typesetter laid out.
    Typeset(Typeset),
    /// A trend the counter counted.
    Counted(Counted),
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
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(Event::Terminate);
            exit_unless_quit_in_time(128 + signal);
        }
    });
}

/// Gives the loop [`QUIT_GRACE`] to quit in order; then restores the terminal and ends the
/// process with `code` anyway, so a quit never waits on work in progress.
fn exit_unless_quit_in_time(code: i32) {
    thread::spawn(move || {
        thread::sleep(QUIT_GRACE);
        super::terminal::restore();
        std::process::exit(code);
    });
}

/// How long Ctrl-C or a termination signal waits for the loop to quit in order before the
/// terminal is given back and the process ends anyway.
const QUIT_GRACE: Duration = Duration::from_millis(500);

/// Reads terminal events on a thread until the receiver goes away or input fails.
///
/// Ctrl-C always quits: it is sent like any key, and if the loop is still busy after
/// [`QUIT_GRACE`], this thread restores the terminal and exits.
pub(super) fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        while let Ok(ev) = crossterm::event::read() {
            if is_ctrl_c(&ev) {
                // Forced or not, Ctrl-C ends with 0 as quitting in order does: it is the
                // browser's quit key.
                exit_unless_quit_in_time(0);
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

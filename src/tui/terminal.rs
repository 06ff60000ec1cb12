//! The one module that touches the terminal: raw mode, alternate screen, mouse capture, bracketed paste, OSC 52 — and their teardown on every exit path, panics included.

use std::io::{self, Stdout, Write};

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal while the browser owns it; dropping it gives the terminal back.
pub(super) struct Term {
    pub(crate) terminal: Terminal<CrosstermBackend<Stdout>>,
}

#[allow(clippy::unused_self)] // the methods need the terminal taken over, which `self` proves
impl Term {
    /// Takes over the terminal after installing a panic hook that gives it back first.
    pub(super) fn init() -> io::Result<Term> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A worker's panic is reported in the status line; only the UI thread's ends the program.
            if std::thread::current().name() == Some("main") {
                restore();
            }
            previous(info);
        }));
        enable_raw_mode()?;
        let setup = execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        );
        if let Err(e) = setup {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Term { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Mouse capture on (clicks and wheel reach us) or off (the terminal selects text).
    pub(super) fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        if on {
            execute!(io::stdout(), EnableMouseCapture)
        } else {
            execute!(io::stdout(), DisableMouseCapture)
        }
    }

    /// Puts `text` on the clipboard with OSC 52 (tmux needs `set-clipboard on`).
    pub(super) fn copy(&mut self, text: &str) -> io::Result<()> {
        execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))
    }

    /// Columns and rows.
    pub(super) fn size(&self) -> (u16, u16) {
        crossterm::terminal::size().unwrap_or((80, 24))
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back: every step is attempted even if one fails; safe to repeat.
pub(super) fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

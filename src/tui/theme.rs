//! The few semantic styles every pane uses; `NO_COLOR` turns colours into bold and underline.

use ratatui::style::{Color, Modifier, Style};

/// Styles by meaning.
#[derive(Debug, Clone, Copy)]
pub(super) struct Theme {
    pub(crate) no_color: bool,
}

#[allow(clippy::unused_self)] // every style is asked of the theme, colour or not
impl Theme {
    pub(super) fn border(self, focused: bool) -> Style {
        match (focused, self.no_color) {
            (true, true) => Style::new().add_modifier(Modifier::BOLD),
            (true, false) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub(super) fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A search match: black on yellow, or bold underlined without colour.
    pub(super) fn matched(self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        }
    }

    pub(super) fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub(super) fn strong(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub(super) fn label(self) -> Style {
        if self.no_color {
            self.strong()
        } else {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        }
    }

    pub(super) fn question(self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::ITALIC)
        } else {
            Style::new().fg(Color::LightBlue)
        }
    }

    pub(super) fn warn(self) -> Style {
        if self.no_color {
            self.strong()
        } else {
            Style::new().fg(Color::LightRed)
        }
    }
}

//! Drawing: a pure function of `&App` that paints every pane into the frame and returns the areas it used.

mod bars;
mod lists;
mod overlays;
mod reader;
mod trend;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::app::App;
use super::keymap::Mode;
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::wrap;

/// Paints the whole screen from the state; no I/O, no search, no locks.
pub(super) fn draw(frame: &mut Frame, app: &App) -> Areas {
    let a = app.areas;
    let theme = Theme {
        no_color: app.no_color,
    };
    let area = frame.area();
    if a.too_small {
        let text = format!(
            "Window too small: {}×{} (needs at least {MIN_WIDTH}×{MIN_HEIGHT}). Ctrl-C quits.",
            area.width, area.height
        );
        let lines: Vec<Line> = wrap::wrap(&text, usize::from(area.width.max(1)))
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return a;
    }
    lists::conferences(frame, app, theme);
    lists::turns(frame, app, theme);
    lists::hits(frame, app, theme);
    if app.trend.on {
        trend::chart(frame, app, theme);
    } else {
        reader::reader(frame, app, theme);
    }
    bars::search_bar(frame, app, theme);
    bars::status(frame, app, theme);
    bars::footer(frame, app, theme);
    match app.mode {
        Mode::Help => overlays::help(frame, app, theme),
        Mode::Picker => overlays::picker(frame, app, theme),
        _ => {}
    }
    a
}

/// A pane's frame over `area`: bright when focused; a title too long for the top border is
/// cut with an ellipsis before the corner.
fn pane(title: &str, area: Rect, focused: bool, theme: Theme) -> Block<'static> {
    let title = wrap::truncate(title, usize::from(area.width.saturating_sub(2)));
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(title)
        .title_alignment(Alignment::Left)
}

/// A list's frame says where the selection is ("12/743") on its bottom border when
/// rows are hidden above or below, as newsboat and lazygit do: without it a list that
/// fills the pane looks complete.
fn with_position(
    block: Block<'static>,
    selected: usize,
    len: usize,
    height: usize,
) -> Block<'static> {
    if len <= height {
        return block;
    }
    block.title_bottom(Line::from(format!(" {}/{len} ", selected.min(len - 1) + 1)).right_aligned())
}

/// Renders one list row: `spans` padded to `width`, reversed when selected.
fn row(spans: Vec<Span<'_>>, selected: bool, theme: Theme) -> Line<'_> {
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}

/// Text padded with spaces to `width` columns (never cut).
fn pad(text: &str, width: usize) -> String {
    let w = wrap::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Lines of a list into the inner area of `block`.
fn render_lines(frame: &mut Frame, area: Rect, block: Block, lines: Vec<Line>) {
    frame.render_widget(Paragraph::new(lines).block(block).style(Style::new()), area);
}

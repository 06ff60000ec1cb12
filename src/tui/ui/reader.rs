//! The reader pane: the laid-out turn from the state, a scrollbar and the position in percent.

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::pane;
use crate::tui::app::App;
use crate::tui::keymap::{Focus, Mode};
use crate::tui::page::Kind;
use crate::tui::theme::Theme;

pub(super) fn reader(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.reader;
    let (scroll, total, height) = app.reader_position();
    let position = if total <= height {
        " All ".to_string()
    } else {
        format!(" {}% ", scroll * 100 / total.saturating_sub(height).max(1))
    };
    let focused = app.focus == Focus::Reader && app.mode == Mode::Normal;
    let mut parts = vec!["Reader"];
    if app.reader.whole {
        parts.push("whole conference");
    }
    if app.reader.answer_only {
        parts.push("answer only");
    }
    if app.zoom.is_some() {
        parts.push("zoomed (z: back)");
    }
    let title = format!(" {} ", parts.join(" · "));
    let block = pane(&title, area, focused, theme)
        .title_bottom(Line::from(position).alignment(Alignment::Right));
    let page = app.page();
    // The line of the match `n`/`N` went to: its first match is styled apart.
    let current = app
        .reader
        .current_match
        .and_then(|i| page.matches.get(i).copied());
    let lines: Vec<Line> = (scroll.min(total)..(scroll + height).min(total))
        .map(|i| (i, page.line(i)))
        .map(|(i, segs)| {
            let mut spans = vec![Span::raw(" ")];
            let mut first_match = current == Some(i);
            spans.extend(segs.into_iter().map(|s| {
                if s.kind == Kind::Match && std::mem::take(&mut first_match) {
                    return Span::styled(s.text, theme.current_match());
                }
                let style = match s.kind {
                    Kind::Title | Kind::Answer => {
                        if s.kind == Kind::Title {
                            theme.strong()
                        } else {
                            ratatui::style::Style::new()
                        }
                    }
                    Kind::Meta | Kind::Dim => theme.dim(),
                    Kind::Label => theme.label(),
                    Kind::Question => theme.question(),
                    Kind::Match => theme.matched(),
                };
                Span::styled(s.text, style)
            }));
            Line::from(spans)
        })
        .collect();
    let empty = page.is_empty();
    let body = if empty {
        vec![Line::styled(" Nothing selected", theme.dim())]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(body).block(block), area);
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_symbol("▐")
            .track_symbol(Some(" "));
        frame.render_stateful_widget(
            bar,
            area.inner(Margin {
                vertical: 1,
                horizontal: 1,
            }),
            &mut state,
        );
    }
}

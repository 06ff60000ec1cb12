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
    let mut title = " Reader ".to_string();
    if app.reader.answer_only {
        title = " Reader · answer only ".into();
    }
    let block =
        pane(title, focused, theme).title_bottom(Line::from(position).alignment(Alignment::Right));
    let page = app.page();
    let lines: Vec<Line> = (scroll.min(total)..(scroll + height).min(total))
        .map(|i| page.line(i))
        .map(|segs| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(segs.into_iter().map(|s| {
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

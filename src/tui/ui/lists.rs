//! The list panes: conferences (date, language, spokesperson, turns), turns (outlet, markers, question), hits (date, language, outlet, snippet).

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::{pad, pane, render_lines, row};
use crate::model::TurnKind;
use crate::search::Snippet;
use crate::tui::app::App;
use crate::tui::keymap::{Focus, Mode};
use crate::tui::layout::inner_height;
use crate::tui::theme::Theme;
use crate::wrap::{self, truncate};

pub(super) fn conferences(frame: &mut Frame, app: &App, theme: Theme) {
    let Some(area) = app.areas.conferences else {
        return;
    };
    let inner_w = usize::from(area.width.saturating_sub(2));
    let count = if app.shown.len() == app.entries.len() {
        format!("{}", app.entries.len())
    } else {
        format!("{}/{}", app.shown.len(), app.entries.len())
    };
    let mut title = format!(" Conferences ({count}) ");
    if app.mode == Mode::Filter || !app.filter.text().is_empty() {
        let cursor = if app.mode == Mode::Filter { "▏" } else { "" };
        title = format!(" Filter: {}{cursor} ({count}) ", app.filter.text());
    }
    let focused =
        app.focus == Focus::Conferences && matches!(app.mode, Mode::Normal | Mode::Filter);
    let mut lines = Vec::new();
    for i in app.confs.visible(app.shown.len(), inner_height(area)) {
        let e = &app.entries[app.shown[i]];
        let n = format!("{:>3}", e.turns);
        let who_w = inner_w.saturating_sub(10 + 1 + 2 + 1 + 1 + n.len());
        let who = truncate(e.spokesperson.as_deref().unwrap_or(""), who_w);
        let text = format!("{} {} {}", e.date, pad(&e.language, 2), pad(&who, who_w));
        lines.push(row(
            vec![Span::raw(text), Span::raw(" "), Span::raw(n)],
            i == app.confs.selected,
            theme,
        ));
    }
    if app.shown.is_empty() {
        lines.push(Line::styled(
            if app.entries.is_empty() {
                " No conference yet"
            } else {
                " Nothing matches the filter"
            },
            theme.dim(),
        ));
    }
    render_lines(frame, area, pane(title, focused, theme), lines);
}

pub(super) fn turns(frame: &mut Frame, app: &App, theme: Theme) {
    let Some(area) = app.areas.turns else { return };
    let inner_w = usize::from(area.width.saturating_sub(2));
    let title = app.conf.as_ref().map_or(" Turns ".to_string(), |c| {
        let who = c.spokesperson.as_deref().unwrap_or("");
        format!(" Turns · {} {} · {who} ", c.date, c.language)
    });
    let focused = app.focus == Focus::Turns && app.mode == Mode::Normal;
    let mut lines = Vec::new();
    if let Some(conf) = &app.conf {
        let names: Vec<String> = conf
            .turns
            .iter()
            .map(|t| {
                if t.kind == TurnKind::Statement {
                    "● statement".to_string()
                } else {
                    t.asker_display().to_string()
                }
            })
            .collect();
        let col = names
            .iter()
            .map(|n| wrap::width(n))
            .max()
            .unwrap_or(0)
            .min(inner_w / 2);
        for i in app.turns.visible(conf.turns.len(), inner_height(area)) {
            let t = &conf.turns[i];
            let mark = if t.follow_up { "↳ " } else { "" };
            let name = pad(&names[i], col);
            let first = t
                .question
                .first()
                .or(t.answer.first())
                .map_or("", |p| p.lines().next().unwrap_or(""));
            let rest = inner_w.saturating_sub(wrap::width(&name) + 1 + wrap::width(mark));
            let label = if t.kind == TurnKind::Statement {
                theme.dim()
            } else {
                theme.strong()
            };
            let spans = vec![
                Span::styled(name, label),
                Span::raw(" "),
                Span::raw(mark),
                Span::raw(truncate(first, rest)),
            ];
            lines.push(row(spans, i == app.turns.selected, theme));
        }
    }
    render_lines(frame, area, pane(title, focused, theme), lines);
}

pub(super) fn hits(frame: &mut Frame, app: &App, theme: Theme) {
    let Some(area) = app.areas.hits else { return };
    let inner_w = usize::from(area.width.saturating_sub(2));
    let title = match &app.row_source {
        crate::tui::app::RowSource::Search => format!(" Hits ({}) ", app.rows.len()),
        crate::tui::app::RowSource::Outlet(o) => {
            format!(" Questions by {o} ({}) · newest first ", app.rows.len())
        }
    };
    let focused = app.focus == Focus::Hits && matches!(app.mode, Mode::Normal | Mode::Search);
    let mut lines = Vec::new();
    for i in app.hits.visible(app.rows.len(), inner_height(area)) {
        let r = &app.rows[i];
        let head = format!(
            "{} {} {} ",
            r.date,
            pad(&r.language, 2),
            r.outlet.as_deref().unwrap_or("—")
        );
        let mut spans = vec![Span::styled(head.clone(), theme.strong())];
        if let Some(s) = &r.snippet {
            spans.extend(snippet(
                s,
                inner_w.saturating_sub(wrap::width(&head)),
                theme,
            ));
        }
        lines.push(row(spans, i == app.hits.selected, theme));
    }
    if app.rows.is_empty() {
        let text = if app.search.input.text().trim().is_empty() {
            " Type to search"
        } else {
            " No hit"
        };
        lines.push(Line::styled(text, theme.dim()));
    }
    render_lines(frame, area, pane(title, focused, theme), lines);
}

/// One line of a snippet in `width` columns, matches highlighted, starting
/// shortly before the first match when it would otherwise be cut off.
pub(super) fn snippet(s: &Snippet, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let chars: Vec<char> = s
        .text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let mut start = 0;
    if let Some(first) = s.highlights.first() {
        let before: String = chars[..first.start.min(chars.len())].iter().collect();
        if wrap::width(&before) + 8 > width {
            start = first.start.saturating_sub(12);
            // Begin at a word when one starts shortly before the match.
            if let Some(space) = (start..first.start).find(|&i| chars[i] == ' ') {
                start = space + 1;
            }
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::raw("…"));
        used = 1;
    }
    let mut i = start;
    while i < chars.len() && used < width {
        let marked = s.highlights.iter().any(|r| r.contains(&i));
        let mut j = i;
        let mut piece = String::new();
        while j < chars.len() && s.highlights.iter().any(|r| r.contains(&j)) == marked {
            let w = wrap::width(chars[j].encode_utf8(&mut [0; 4]));
            if used + w > width {
                break;
            }
            piece.push(chars[j]);
            used += w;
            j += 1;
        }
        if j == i {
            break;
        }
        spans.push(if marked {
            Span::styled(piece, theme.matched())
        } else {
            Span::raw(piece)
        });
        i = j;
    }
    spans
}

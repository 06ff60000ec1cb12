//! The list panes: conferences (date, language, spokesperson, turns), turns (outlet, markers, question), hits (date, language, outlet, snippet).

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::{pad, pane, render_lines, row, with_position};
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
    let block = pane(&title, area, focused, theme);
    let block = with_position(
        block,
        app.confs.selected,
        app.shown.len(),
        inner_height(area),
    );
    render_lines(frame, area, block, lines);
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
            .min((inner_w / 2).min(24));
        for i in app.turns.visible(conf.turns.len(), inner_height(area)) {
            let t = &conf.turns[i];
            let mut mark = match (t.cut.is_some(), t.follow_up) {
                (true, _) => "✂ ",
                (false, true) => "↳ ",
                (false, false) => "",
            }
            .to_string();
            if app.counterparts.get(i).is_some_and(|l| !l.is_empty()) {
                // In another language too: `L` goes there.
                mark.insert_str(0, "⇄ ");
            }
            // A long outlet name is cut, never the preview's room.
            let name = pad(&truncate(&names[i], col), col);
            let first = t
                .question
                .first()
                .or(t.answer.first())
                .map_or("", |p| p.lines().next().unwrap_or(""));
            let rest = inner_w.saturating_sub(wrap::width(&name) + 1 + wrap::width(&mark));
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
    let len = app.conf.as_ref().map_or(0, |c| c.turns.len());
    let block = pane(&title, area, focused, theme);
    let block = with_position(block, app.turns.selected, len, inner_height(area));
    render_lines(frame, area, block, lines);
}

pub(super) fn hits(frame: &mut Frame, app: &App, theme: Theme) {
    let Some(area) = app.areas.hits else { return };
    let inner_w = usize::from(area.width.saturating_sub(2));
    let title = match &app.row_source {
        crate::tui::app::RowSource::Search => format!(
            " Hits ({}) · {} ",
            app.rows.len(),
            crate::tui::app::sort_label(app.search.sort)
        ),
        crate::tui::app::RowSource::Outlet(o) => {
            format!(" Questions by {o} ({}) · newest first ", app.rows.len())
        }
    };
    let focused = app.focus == Focus::Hits && matches!(app.mode, Mode::Normal | Mode::Search);
    let mut lines = Vec::new();
    let visible = app.hits.visible(app.rows.len(), inner_height(area));
    // The outlet column: as wide as the widest outlet on screen, at most a fifth of the row.
    let outlet_w = visible
        .clone()
        .map(|i| wrap::width(app.rows[i].outlet.as_deref().unwrap_or("—")))
        .max()
        .unwrap_or(0)
        .min((inner_w / 5).max(6));
    for i in visible {
        let r = &app.rows[i];
        let outlet = truncate(r.outlet.as_deref().unwrap_or("—"), outlet_w);
        let head = format!(
            "{} {} {} ",
            r.date,
            pad(&r.language, 2),
            pad(&outlet, outlet_w)
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
    let block = pane(&title, area, focused, theme);
    let block = with_position(block, app.hits.selected, app.rows.len(), inner_height(area));
    render_lines(frame, area, block, lines);
}

/// One line of a snippet in `width` columns, matches highlighted: when the first match
/// would not show whole, the line starts so that it sits in the middle. An ellipsis marks
/// each side where text was cut.
pub(super) fn snippet(snip: &Snippet, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let chars: Vec<char> = snip
        .text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let cols = |c: char| wrap::width(c.encode_utf8(&mut [0; 4]));
    let mut start = 0;
    if let Some(first) = snip.highlights.first() {
        let first_start = first.start.min(chars.len());
        let first_end = first.end.min(chars.len());
        let upto_end: usize = chars[..first_end].iter().map(|&c| cols(c)).sum();
        if upto_end + 1 > width {
            let matched: usize = chars[first_start..first_end].iter().map(|&c| cols(c)).sum();
            // Columns left of the match: half of what it leaves free.
            let lead = width.saturating_sub(matched) / 2;
            let mut used = 1; // the leading ellipsis
            start = first_start;
            while start > 0 && used + cols(chars[start - 1]) <= lead {
                start -= 1;
                used += cols(chars[start]);
            }
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::raw("…"));
        used = 1;
    }
    let total: usize = chars[start..].iter().map(|&c| cols(c)).sum();
    // Room for the text: one column less when it will not fit, for the trailing `…`.
    let room = if used + total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let marked = |at: usize| snip.highlights.iter().any(|r| r.contains(&at));
    let mut at = start;
    while at < chars.len() && used < room {
        let is_match = marked(at);
        let mut end = at;
        let mut piece = String::new();
        while end < chars.len() && marked(end) == is_match {
            if used + cols(chars[end]) > room {
                break;
            }
            piece.push(chars[end]);
            used += cols(chars[end]);
            end += 1;
        }
        if end == at {
            break;
        }
        spans.push(if is_match {
            Span::styled(piece, theme.matched())
        } else {
            Span::raw(piece)
        });
        at = end;
    }
    if at < chars.len() && width > 0 {
        spans.push(Span::raw("…"));
    }
    spans
}

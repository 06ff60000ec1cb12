//! The one-line bars: the search bar (query, filters, hit count and time), the status line (corpus, messages, problems) and the footer of key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pad;
use crate::search::Filters;
use crate::tui::app::{App, IndexState, RowSource};
use crate::tui::keymap::{self, Mode};
use crate::tui::layout::View;
use crate::tui::theme::Theme;
use crate::wrap::{self, truncate};

/// The filters of a query as the user would type them.
pub(super) fn describe_filters(f: &Filters) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &f.outlet {
        parts.push(format!("outlet:{o}"));
    }
    if let Some(s) = &f.spokesperson {
        parts.push(format!("spokesperson:{s}"));
    }
    if let Some(l) = &f.language {
        parts.push(format!("lang:{l}"));
    }
    if f.from.is_some() || f.to.is_some() {
        parts.push(format!(
            "{}..{}",
            f.from.as_deref().unwrap_or(""),
            f.to.as_deref().unwrap_or("")
        ));
    }
    parts.join(" ")
}

/// Left text and right text on one row, the left cut first.
/// `s` cut to `max` columns by dropping its beginning, marked with `…`.
fn truncate_start(s: &str, max: usize) -> String {
    if wrap::width(s) <= max {
        return s.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1; // the ellipsis
    for c in s.chars().rev() {
        let w = wrap::width(c.encode_utf8(&mut [0; 4]));
        if used + w > max {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Columns the right side of a row of `width` takes: at most half the row (see [`split_row`]).
fn right_width(right: &str, width: u16) -> usize {
    wrap::width(right)
        .min((usize::from(width) / 2).max(20))
        .min(usize::from(width))
}

fn split_row(
    frame: &mut Frame,
    area: Rect,
    left: &[Span],
    right: &str,
    urgent: bool,
    theme: Theme,
) {
    let width = usize::from(area.width);
    // The right side (corpus, counts) yields to messages: at most half the row, down to a
    // third when the left is `urgent` (a warning the user must read whole), cut from its
    // start so the end of a long path and the counts stay visible.
    let most = (width / 2).max(20);
    let cap = if urgent {
        let left_natural: usize = left.iter().map(|s| wrap::width(&s.content)).sum();
        let least = (width / 3).max(20).min(most);
        width.saturating_sub(left_natural + 1).clamp(least, most)
    } else {
        most
    };
    let right = truncate_start(right, cap);
    let right = right.as_str();
    let right_w = wrap::width(right).min(width);
    let left_w = width.saturating_sub(right_w + 1);
    let mut spans = Vec::new();
    let mut used = 0;
    for s in left {
        let room = left_w.saturating_sub(used);
        if room == 0 {
            break;
        }
        let text = truncate(&s.content, room);
        used += wrap::width(&text);
        spans.push(Span::styled(text, s.style));
    }
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used + right_w))));
    spans.push(Span::styled(truncate(right, width), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub(super) fn search_bar(frame: &mut Frame, app: &App, theme: Theme) {
    let Some(area) = app.areas.search_bar else {
        return;
    };
    let right = match (&app.index, &app.search.error, &app.row_source) {
        (_, _, RowSource::Outlet(_)) => format!("{} questions ", app.rows.len()),
        (IndexState::Opening, _, _) => "indexing… ".to_string(),
        (IndexState::Failed(e), _, _) => format!("no index: {e} "),
        (_, Some(e), _) => format!("{e} "),
        _ if app.search.input.text().trim().is_empty() => String::new(),
        _ if app.search.shown != app.search.generation => "searching… ".to_string(),
        _ => format!(
            "{} {} · {} ",
            app.search.total,
            if app.search.total == 1 { "hit" } else { "hits" },
            elapsed(app.search.elapsed)
        ),
    };
    let typing = app.mode == Mode::Search;
    let label = " Search: ";
    let mut left = vec![Span::styled(label, theme.label())];
    if let RowSource::Outlet(o) = &app.row_source {
        left = vec![Span::styled(format!(" Outlet: {o}"), theme.label())];
    } else {
        let filters = app
            .search
            .query
            .as_ref()
            .map(|q| describe_filters(&q.filters))
            .filter(|f| !f.is_empty());
        let (before, after) = app.search.input.split();
        // The cursor stays in sight: a long query scrolls sideways, its start cut first.
        let room = usize::from(area.width).saturating_sub(
            right_width(&right, area.width)
                + 1
                + wrap::width(label)
                + 1
                + filters.as_ref().map_or(0, |f| wrap::width(f) + 3),
        );
        let keep = room.saturating_sub(wrap::width(after).min(room / 3)).max(1);
        left.push(Span::raw(truncate_start(before, keep)));
        if typing {
            left.push(Span::styled("▏", theme.label()));
        }
        left.push(Span::raw(after.to_string()));
        if let Some(f) = filters {
            left.push(Span::raw("   "));
            left.push(Span::styled(f, theme.strong()));
        }
    }
    split_row(frame, area, &left, &right, false, theme);
}

/// `1.2 ms`, `35 ms`, `1.4 s`.
pub(super) fn elapsed(d: std::time::Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

pub(super) fn status(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.status;
    let mut left = Vec::new();
    // Unreadable files are a standing fact, not news: the warning comes first, so a
    // passing message ("Search index rebuilt") or a long corpus path on a narrow screen
    // cuts the message, never the name of the file and its line.
    if let Some(p) = app.problems.first() {
        let n = app.problems.len();
        // The corpus folder is on the right already: name the file, not its whole path.
        let name = p.path.file_name().map_or_else(
            || crate::text::show_path(&p.path),
            |f| crate::text::show_path(std::path::Path::new(f)),
        );
        let at = if p.line > 0 {
            format!(":{}", p.line)
        } else {
            String::new()
        };
        let count = if n == 1 {
            String::new()
        } else {
            format!(" (+{} more)", n - 1)
        };
        left.push(Span::styled(
            format!(
                " ⚠ cannot read {name}{at}{count}: {}",
                crate::text::escape_controls(&p.message)
            ),
            theme.warn(),
        ));
    }
    if let Some(m) = &app.message {
        let sep = if left.is_empty() { "" } else { " ·" };
        left.push(Span::styled(format!("{sep} {m}"), theme.strong()));
    }
    if left.is_empty()
        && let Some(note) = app.notes.last()
    {
        left.push(Span::styled(format!(" {note}"), theme.dim()));
    }
    if let Some(q) = app
        .search
        .query
        .as_ref()
        .filter(|_| app.row_source == RowSource::Search && app.view == View::Results)
    {
        let f = describe_filters(&q.filters);
        if !f.is_empty() && left.is_empty() {
            left.push(Span::styled(format!(" filters: {f}"), theme.strong()));
        }
    }
    let mouse = if app.mouse { "" } else { "mouse off · " };
    let right = format!(
        "{mouse}{} · {} conferences ",
        app.source.describe(),
        app.entries.len()
    );
    split_row(frame, area, &left, &right, !app.problems.is_empty(), theme);
}

/// The key hints that fit, in the table's order; `? help` always among them, last, so a
/// narrow screen still says where the rest are.
pub(super) fn footer(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.footer;
    let width = usize::from(area.width);
    let mut hints = keymap::hints(app.mode, app.focus);
    let help = hints
        .iter()
        .position(|(_, word)| *word == "help")
        .map(|i| hints.remove(i));
    let pair = |(key, word): &(String, &str)| {
        [
            Span::styled(key.clone(), theme.label()),
            Span::raw(format!(" {word}  ")),
        ]
    };
    let help_w = help
        .as_ref()
        .map_or(0, |h| pair(h).iter().map(|s| wrap::width(&s.content)).sum());
    let mut out = vec![Span::raw(" ")];
    let mut used = 1;
    for h in &hints {
        let spans = pair(h);
        let w: usize = spans.iter().map(|s| wrap::width(&s.content)).sum();
        if used + w + help_w > width {
            break;
        }
        used += w;
        out.extend(spans);
    }
    if let Some(h) = &help
        && used + help_w <= width
    {
        used += help_w;
        out.extend(pair(h));
    }
    out.push(Span::raw(pad("", width.saturating_sub(used))));
    frame.render_widget(Paragraph::new(Line::from(out)), area);
}

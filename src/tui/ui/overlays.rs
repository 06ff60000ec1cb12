//! Overlays drawn over the panes: the help (every binding, from the keymap table) and the outlet picker.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{pad, pane, row};
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Scope, label};
use crate::tui::layout::inner_height;
use crate::tui::theme::Theme;
use crate::wrap::{self, truncate};

/// The search bar's language, as help rows `(example, what it does)`: each example is
/// short enough for the key column, so the rows read whole at 80 columns.
const QUERY_SYNTAX: &[(&str, &str)] = &[
    (
        "chine taiwan",
        "every word must match (any case, accents or ending)",
    ),
    ("\"mer de Chine\"", "these words in this order"),
    ("a OR b", "either one (OR in capitals)"),
    ("-word", "no hit holds it; -\"a phrase\" too"),
    ("南", "one Chinese character, inside any word"),
    (
        "outlet:AFP",
        "one outlet, by any of its names (agence, 路透社)",
    ),
    ("lang:fr", "one language: fr, en or zh"),
    ("sp:mao", "a spokesperson (any part of the name)"),
    ("2024", "a year; 2024-03 a month, 2024-01..2025-06 a range"),
    (
        "from:2024-03",
        "from that day on; to:2024-06 up to that day",
    ),
];

/// The help as `(keys, description)` rows under scope headings (keys empty for a heading).
pub(super) fn help_rows() -> Vec<(String, String)> {
    let scopes = [
        Scope::Browsing,
        Scope::Lists,
        Scope::Conferences,
        Scope::Reader,
        Scope::SearchBar,
        Scope::Picker,
        Scope::ListFilter,
        Scope::Inputs,
        Scope::Help,
        Scope::Anywhere,
    ];
    let mut rows = Vec::new();
    for scope in scopes {
        rows.push((String::new(), scope.title().to_string()));
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys: Vec<String> = b.keys.iter().map(|k| label(*k)).collect();
            rows.push((keys.join(" "), b.help.to_string()));
        }
        if scope == Scope::SearchBar {
            rows.push((
                String::new(),
                "Query syntax (in the search bar)".to_string(),
            ));
            rows.extend(
                QUERY_SYNTAX
                    .iter()
                    .map(|(k, t)| ((*k).to_string(), (*t).to_string())),
            );
        }
    }
    rows
}

/// The help rows as lines `inner_w` wide: a description too long for its column goes on
/// under itself, never cut.
fn help_lines(inner_w: usize, theme: Theme) -> Vec<Line<'static>> {
    let rows = help_rows();
    let key_w = rows
        .iter()
        .map(|(k, _)| wrap::width(k))
        .max()
        .unwrap_or(0)
        .min(inner_w / 3);
    // Three spaces, the key column, one space.
    let text_w = inner_w.saturating_sub(key_w + 4).max(10);
    let mut lines = Vec::new();
    for (keys, text) in rows {
        if keys.is_empty() {
            lines.push(Line::styled(format!(" {text}"), theme.strong()));
            continue;
        }
        let keys = pad(&truncate(&keys, key_w), key_w);
        for (i, part) in wrap::wrap(&text, text_w).into_iter().enumerate() {
            let head = if i == 0 {
                Span::styled(keys.clone(), theme.label())
            } else {
                Span::raw(" ".repeat(key_w))
            };
            lines.push(Line::from(vec![
                Span::raw("   "),
                head,
                Span::raw(" "),
                Span::raw(part),
            ]));
        }
    }
    lines
}

pub(super) fn help(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.popup;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let lines = help_lines(inner_w, theme);
    let scroll = app
        .help_scroll
        .min(lines.len().saturating_sub(inner_height(area)));
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner_height(area))
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(pane(
            " Help · every binding · Esc or ? closes ",
            area,
            true,
            theme,
        )),
        area,
    );
}

pub(super) fn picker(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.popup;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let p = &app.picker;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(" › ", theme.label()),
            Span::raw(p.input.text().to_string()),
            Span::styled("▏", theme.label()),
        ]),
        Line::styled("─".repeat(inner_w), theme.dim()),
    ];
    let height = inner_height(area).saturating_sub(2);
    for i in p.cursor.visible(p.shown.len(), height) {
        let s = &p.counts[p.shown[i]];
        // The count, then the first and last day it asked on (dropped when too narrow).
        let n = format!("{:>6} ", s.questions);
        let days = format!("  {} – {}", s.first, s.last);
        let days = if inner_w >= 24 + wrap::width(&days) + n.len() {
            days
        } else {
            String::new()
        };
        let room = inner_w.saturating_sub(wrap::width(&days) + n.len() + 1);
        let name = format!(" {}", truncate(&s.outlet, room));
        let gap = inner_w.saturating_sub(wrap::width(&name) + wrap::width(&days) + n.len());
        lines.push(row(
            vec![
                Span::raw(name),
                Span::raw(" ".repeat(gap)),
                Span::styled(days, theme.dim()),
                Span::raw(n),
            ],
            i == p.cursor.selected,
            theme,
        ));
    }
    if p.shown.is_empty() {
        lines.push(Line::styled(" No outlet matches", theme.dim()));
    }
    let title = format!(
        " Outlets ({}) · first – last question · type a name or alias · Enter lists ",
        p.shown.len()
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(pane(&title, area, true, theme)),
        area,
    );
}

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
    }
    rows
}

pub(super) fn help(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.popup;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let rows = help_rows();
    let key_w = rows
        .iter()
        .map(|(k, _)| wrap::width(k))
        .max()
        .unwrap_or(0)
        .min(inner_w / 3);
    let scroll = app
        .help_scroll
        .min(rows.len().saturating_sub(inner_height(area)));
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(inner_height(area))
        .map(|(keys, text)| {
            if keys.is_empty() {
                Line::styled(format!(" {text}"), theme.strong())
            } else {
                let keys = pad(keys, key_w);
                let rest = inner_w.saturating_sub(wrap::width(&keys) + 4);
                Line::from(vec![
                    Span::raw("   "),
                    Span::styled(keys, theme.label()),
                    Span::raw(" "),
                    Span::raw(truncate(text, rest)),
                ])
            }
        })
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
        let (name, count) = &p.counts[p.shown[i]];
        let n = format!("{count:>6} ");
        let name = format!(" {name}");
        let gap = inner_w.saturating_sub(wrap::width(&name) + n.len());
        lines.push(row(
            vec![Span::raw(name), Span::raw(" ".repeat(gap)), Span::raw(n)],
            i == p.cursor.selected,
            theme,
        ));
    }
    if p.shown.is_empty() {
        lines.push(Line::styled(" No outlet matches", theme.dim()));
    }
    let title = format!(
        " Outlets ({}) · type to filter · Enter lists its questions ",
        p.shown.len()
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(pane(&title, area, true, theme)),
        area,
    );
}

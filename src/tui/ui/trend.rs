//! The trend chart in the reader's place: one group of bars per period (the newest that fit
//! the width), one bar per language, each bar labelled with its language and its count.

use std::fmt::Write;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::pane;
use crate::analysis::{Period, Trend};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::wrap;

/// Bar colours, by series (largest first); without colour the bar labels tell them apart.
const COLOURS: [Color; 6] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::LightBlue,
    Color::LightRed,
];

/// Columns a period's label needs (`24-Q1`, `24-03`, `2024`).
const LABEL: usize = 5;

pub(super) fn chart(frame: &mut Frame, app: &App, theme: Theme) {
    let area = app.areas.reader;
    let t = &app.trend;
    let mut title = match &t.chart {
        Some(c) => format!(" Trend · per {} ", unit(c.by)),
        None => " Trend ".to_string(),
    };
    if t.counting() {
        title.push_str("· counting… ");
    }
    let block = pane(&title, area, false, theme)
        .title_bottom(Line::from(" t: reader ").alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let say = |frame: &mut Frame, text: &str| {
        let lines: Vec<Line> = wrap::wrap(text, usize::from(inner.width.saturating_sub(2)).max(1))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.dim()))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    };
    if app.search.query.is_none() {
        return say(
            frame,
            "Type a search to see its trend (/ opens the search bar): matching turns per month, quarter or year, by language.",
        );
    }
    match (&t.chart, &t.error) {
        (_, Some(e)) => say(frame, e),
        (None, None) => say(frame, "counting…"),
        (Some(c), None) if c.total == 0 => say(frame, "No matching turn."),
        (Some(c), None) => bars(frame, inner, c, theme),
    }
}

/// The unit's name.
fn unit(by: Period) -> &'static str {
    match by {
        Period::Month => "month",
        Period::Quarter => "quarter",
        Period::Year => "year",
    }
}

/// A period's label in `width` columns: `2024-Q1` as `24-Q1` when narrow.
fn short(label: &str, width: usize) -> &str {
    if label.len() <= width {
        label
    } else {
        label.get(2..).unwrap_or(label)
    }
}

/// How many periods of `series` bars fit in `width` columns, and each bar's width.
fn fit(width: u16, series: usize) -> (usize, u16) {
    let n = series.max(1);
    let bar = LABEL.div_ceil(n).max(2);
    let group = n * bar + 1;
    (
        (usize::from(width) + 1) / group,
        u16::try_from(bar).unwrap_or(2),
    )
}

fn bars(frame: &mut Frame, inner: Rect, c: &Trend, theme: Theme) {
    let (fits, bar) = fit(inner.width.saturating_sub(1), c.series.len());
    let from = c.periods.len().saturating_sub(fits.max(1));
    let mut head = format!(
        " {} matching {} · {} {}s",
        c.total,
        if c.total == 1 { "turn" } else { "turns" },
        c.periods.len(),
        unit(c.by)
    );
    if from > 0 {
        let _ = write!(head, ", the last {} shown", c.periods.len() - from);
    }
    let style = |i: usize| {
        if theme.no_color {
            Style::new()
        } else {
            Style::new().fg(COLOURS[i % COLOURS.len()])
        }
    };
    let mut legend = vec![Span::raw(" ")];
    for (i, s) in c.series.iter().enumerate() {
        legend.push(Span::styled("■ ", style(i)));
        legend.push(Span::raw(format!("{} {}   ", s.name, s.total)));
    }
    let text = Rect { height: 2, ..inner };
    frame.render_widget(
        Paragraph::new(vec![Line::styled(head, theme.strong()), Line::from(legend)]),
        text,
    );
    let width = usize::from(bar) * c.series.len().max(1);
    let groups: Vec<BarGroup> = (from..c.periods.len())
        .map(|p| {
            let bars: Vec<Bar> = c
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let n = s.counts[p] as u64;
                    Bar::new(n)
                        .label(Line::from(wrap::truncate(&s.name, usize::from(bar))))
                        .style(style(i))
                        .text_value(if n == 0 { String::new() } else { n.to_string() })
                })
                .collect();
            BarGroup::new(bars).label(Line::from(short(&c.periods[p], width).to_string()))
        })
        .collect();
    let mut chart = BarChart::default()
        .bar_width(bar)
        .bar_gap(0)
        .group_gap(1)
        .value_style(theme.strong());
    for g in groups {
        chart = chart.data(g);
    }
    let area = Rect {
        x: inner.x + 1,
        y: inner.y + 3,
        width: inner.width.saturating_sub(1),
        height: inner.height.saturating_sub(3),
    };
    frame.render_widget(chart, area);
}

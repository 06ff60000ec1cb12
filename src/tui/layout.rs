//! Where each pane goes for a terminal size: a pure function, used by drawing and by mouse hit-testing alike.

use ratatui::layout::Rect;

/// Below this the browser only says the window is too small.
pub(super) const MIN_WIDTH: u16 = 60;
pub(super) const MIN_HEIGHT: u16 = 15;
/// From this width the lists stand side by side with the reader.
pub(super) const WIDE: u16 = 120;

/// Which set of panes is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum View {
    /// Conferences, turns, reader.
    Browse,
    /// Search bar, hit list (search hits or an outlet's questions), reader.
    Results,
}

/// The rectangles of one frame (borders included).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Areas {
    pub(crate) too_small: bool,
    pub(crate) search_bar: Option<Rect>,
    pub(crate) conferences: Option<Rect>,
    pub(crate) turns: Option<Rect>,
    pub(crate) hits: Option<Rect>,
    pub(crate) reader: Rect,
    pub(crate) status: Rect,
    pub(crate) footer: Rect,
    /// Help and outlet picker.
    pub(crate) popup: Rect,
}

/// Lays out a `width`×`height` terminal; `zoom` gives the reader the lists' room too.
pub(super) fn compute(width: u16, height: u16, view: View, zoom: bool) -> Areas {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let row = |y: u16| Rect::new(0, y, width, 1);
    let mut a = Areas {
        status: row(height - 2),
        footer: row(height - 1),
        ..Areas::default()
    };
    let popup_w = width.saturating_sub(4).min(84);
    let popup_h = height.saturating_sub(4);
    a.popup = Rect::new(
        (width - popup_w) / 2,
        (height - popup_h) / 2,
        popup_w,
        popup_h,
    );
    let mut top = 0;
    if view == View::Results {
        a.search_bar = Some(row(0));
        top = 1;
    }
    let body_h = height - 2 - top;
    if zoom {
        a.reader = Rect::new(0, top, width, body_h);
        return a;
    }
    match view {
        View::Browse if width >= WIDE => {
            let conf_w = 36;
            let turns_w = ((width - conf_w) * 2 / 5).clamp(36, 64);
            a.conferences = Some(Rect::new(0, top, conf_w, body_h));
            a.turns = Some(Rect::new(conf_w, top, turns_w, body_h));
            a.reader = Rect::new(conf_w + turns_w, top, width - conf_w - turns_w, body_h);
        }
        View::Browse => {
            let left_w = (width * 2 / 5).clamp(30, 44);
            let conf_h = body_h / 2;
            a.conferences = Some(Rect::new(0, top, left_w, conf_h));
            a.turns = Some(Rect::new(0, top + conf_h, left_w, body_h - conf_h));
            a.reader = Rect::new(left_w, top, width - left_w, body_h);
        }
        View::Results if width >= WIDE => {
            let hits_w = width * 9 / 20;
            a.hits = Some(Rect::new(0, top, hits_w, body_h));
            a.reader = Rect::new(hits_w, top, width - hits_w, body_h);
        }
        View::Results => {
            let hits_h = (body_h * 2 / 5).max(6);
            a.hits = Some(Rect::new(0, top, width, hits_h));
            a.reader = Rect::new(0, top + hits_h, width, body_h - hits_h);
        }
    }
    a
}

/// Rows inside a bordered pane.
pub(super) fn inner_height(r: Rect) -> usize {
    usize::from(r.height.saturating_sub(2))
}

/// Whether (x, y) falls inside `r`.
pub(super) fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_stacks_the_lists_and_wide_puts_them_side_by_side() {
        let a = compute(80, 24, View::Browse, false);
        let (c, t) = (a.conferences.unwrap(), a.turns.unwrap());
        assert_eq!((c.x, t.x, c.y + c.height), (0, 0, t.y));
        assert!(a.reader.width >= 40);
        let a = compute(160, 48, View::Browse, false);
        let (c, t) = (a.conferences.unwrap(), a.turns.unwrap());
        assert!(c.x < t.x && t.x < a.reader.x && a.reader.width >= 60);
        assert!(compute(59, 24, View::Browse, false).too_small);
        assert!(compute(80, 14, View::Results, false).too_small);
        let z = compute(80, 24, View::Results, true);
        assert!(z.conferences.is_none() && z.turns.is_none() && z.hits.is_none());
        assert_eq!((z.reader.x, z.reader.width), (0, 80));
        assert!(z.search_bar.is_some(), "the query stays in sight");
    }
}

//! A list selection and the first visible row, kept consistent with the list's length and the pane's height.

/// Selected row and scroll offset of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Cursor {
    pub(crate) selected: usize,
    pub(crate) offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` rows, within `0..len`.
    pub(super) fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects `row` (clamped).
    pub(super) fn select(&mut self, row: usize, len: usize) {
        self.selected = row.min(len.saturating_sub(1));
    }

    /// Keeps the selection inside the list and the visible window of `height` rows.
    pub(super) fn clamp(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// The rows visible in a window of `height`.
    pub(super) fn visible(&self, len: usize, height: usize) -> std::ops::Range<usize> {
        self.offset.min(len)..(self.offset + height).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_visible() {
        let mut c = Cursor::default();
        c.step(15, 100);
        c.clamp(100, 10);
        assert_eq!((c.selected, c.offset), (15, 6));
        c.step(-100, 100);
        c.clamp(100, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.select(99, 5);
        c.clamp(5, 10);
        assert_eq!((c.selected, c.offset), (4, 0));
        c.clamp(0, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
        assert_eq!(c.visible(3, 10), 0..3);
    }
}

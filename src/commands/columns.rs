//! Text columns aligned by display width (a Chinese character takes two
//! columns), cut with an ellipsis when too long.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes on a terminal.
pub(super) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` then spaces up to `w` columns.
pub(super) fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Spaces then `s`, ending at column `w`.
pub(super) fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// The end of `s` in at most `w` columns, `…` first when cut.
pub(super) fn keep_end(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut used = 1;
    let mut kept: Vec<char> = Vec::new();
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// The start of `s` in at most `w` columns, `…` last when cut.
pub(super) fn keep_start(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut used = 1;
    let mut kept = String::new();
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        kept.push(c);
    }
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(pad_left("南海", 6), "  南海");
        assert_eq!(pad_right("AFP", 5), "AFP  ");
        assert_eq!(keep_end("反对南海问题", 7), "…海问题");
        assert_eq!(width(&keep_end("反对南海问题", 7)), 7);
        assert_eq!(keep_start("la sécurité régionale", 8), "la sécu…");
        assert_eq!(keep_start("court", 8), "court");
    }
}

//! Matches marked in text output: coloured on a terminal, `[brackets]` in a pipe or under
//! `NO_COLOR` (no-color.org), so a script or a copy never receives escape sequences.

use std::io::IsTerminal;
use std::ops::Range;

/// Stand-ins for the marks while the text is wrapped: one column each, like a bracket, so the
/// lines break where the bracketed form would; never left in the output.
const OPEN: char = '\u{e000}';
const CLOSE: char = '\u{e001}';
const COLOUR_ON: &str = "\u{1b}[1;31m";
const COLOUR_OFF: &str = "\u{1b}[0m";

/// Colour only for a person at a terminal who has not asked for none.
pub(super) fn colour_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `text` with the character `ranges` marked, controls escaped, wrapped to `width` columns.
/// In colour a match cut by a line end is closed there and reopened on the next line, so
/// the indent of the next line is never painted.
pub(super) fn marked_lines(
    text: &str,
    ranges: &[Range<usize>],
    width: usize,
    colour: bool,
) -> Vec<String> {
    let mut marked = String::with_capacity(text.len() + ranges.len() * 6);
    let mut r = ranges.iter().filter(|x| x.end > x.start).peekable();
    for (i, c) in text.chars().enumerate() {
        if r.peek().is_some_and(|x| x.start == i) {
            marked.push(OPEN);
        }
        // A transcript's own private-use characters must not pass for marks.
        if c != OPEN && c != CLOSE {
            marked.push(c);
        }
        if r.peek().is_some_and(|x| i + 1 == x.end) {
            marked.push(CLOSE);
            r.next();
        }
    }
    let mut open = false;
    // Paragraphs (joined by `\n` in an answer) stay paragraphs, a blank line between them
    // as `show` prints them; other controls are escaped.
    let mut lines = Vec::new();
    for (i, paragraph) in marked.split('\n').enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(crate::wrap::wrap(
            &crate::text::escape_controls(paragraph),
            width,
        ));
    }
    lines
        .into_iter()
        .map(|line| {
            let mut out = String::with_capacity(line.len() + 16);
            if colour && open {
                out.push_str(COLOUR_ON);
            }
            for c in line.chars() {
                match c {
                    OPEN => {
                        open = true;
                        out.push_str(if colour { COLOUR_ON } else { "[" });
                    }
                    CLOSE => {
                        open = false;
                        out.push_str(if colour { COLOUR_OFF } else { "]" });
                    }
                    c => out.push(c),
                }
            }
            if colour && open {
                out.push_str(COLOUR_OFF);
            }
            out
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one match is a list of one range
mod tests {
    use super::marked_lines;

    #[test]
    fn brackets_mark_character_ranges() {
        assert_eq!(
            marked_lines("la sécurité régionale", &[3..11, 12..21], 80, false),
            ["la [sécurité] [régionale]"]
        );
        assert_eq!(marked_lines("南海问题", &[0..2], 80, false), ["[南海]问题"]);
    }

    #[test]
    fn colour_is_closed_at_each_line_end_and_reopened() {
        let lines = marked_lines("aaaa bbbb cccc dddd", &[5..14], 10, true);
        assert_eq!(
            lines,
            [
                "aaaa \u{1b}[1;31mbbbb\u{1b}[0m",
                "\u{1b}[1;31mcccc\u{1b}[0m dddd"
            ]
        );
        assert!(
            lines
                .iter()
                .all(|l| !l.contains('\u{e000}') && !l.contains('\u{e001}'))
        );
    }

    #[test]
    fn paragraphs_stay_paragraphs_with_a_blank_line_between() {
        let lines = marked_lines("premier.\nsecond paragraphe", &[9..15], 80, false);
        assert_eq!(lines, ["premier.", "", "[second] paragraphe"]);
    }

    #[test]
    fn the_transcripts_own_controls_and_private_use_characters_never_pass() {
        let lines = marked_lines("a\u{1b}[2Jb\u{e000}c", &[0..1], 80, false);
        assert_eq!(lines, ["[a]\\u{1b}[2Jbc"]);
    }
}

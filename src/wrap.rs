//! Wraps text to a display width: by grapheme cluster and column width, so Chinese breaks between characters and closing punctuation never starts a line.
//!
//! Terminal-free and pure; the reader and `show` both lay text out with it.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Wraps `text` into lines of at most `width` columns (a single grapheme wider
/// than `width`, and closing punctuation that cannot move, may overflow).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(text, width)
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
}

/// Like [`wrap`], but returns each line as a *char* range into `text`, so
/// highlight ranges (also in chars) can be mapped onto the lines.
/// Spaces where a line breaks are left out of both lines. Empty text gives one empty line.
pub(crate) fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let units = units(text);
    let mut lines = Vec::new();
    // Current line: char range start, end (without trailing spaces), and its width.
    let mut line: Option<(usize, usize, usize)> = None;
    for unit in units {
        match line {
            None => {}
            Some((start, _, w)) if w + unit.space_before + unit.width <= width => {
                line = Some((start, unit.end, w + unit.space_before + unit.width));
                continue;
            }
            Some((start, end, _)) => {
                lines.push(start..end);
                line = None;
            }
        }
        // The unit starts a line.
        if unit.width <= width {
            line = Some((unit.start, unit.end, unit.width));
        } else {
            for piece in split_hard(text, &unit, width) {
                if let Some((start, end, _)) = line.take() {
                    lines.push(start..end);
                }
                line = Some(piece);
            }
        }
    }
    if let Some((start, end, _)) = line {
        lines.push(start..end);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Display width of `text` in terminal columns.
pub(crate) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, ending with `…` when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in text.graphemes(true) {
        let gw = width(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// An unbreakable run of graphemes, with the breaking spaces before it.
struct Unit {
    /// Char range of the run (spaces excluded).
    start: usize,
    end: usize,
    /// The same run in bytes.
    bytes: Range<usize>,
    width: usize,
    /// Columns of the breaking spaces between the previous unit and this one.
    space_before: usize,
}

/// Punctuation that must not start a line (CJK and Western closers).
pub(crate) fn is_closing(g: &str) -> bool {
    let mut chars = g.chars();
    let Some(c) = chars.next() else { return false };
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '”'
            | '’'
            | '…'
            | '‥'
            | '・'
            | '·'
            | '％'
            | '～'
            | '〃'
            | '々'
            | '．'
            | '﹐'
            | '﹑'
            | '﹒'
            | '﹔'
            | '﹕'
            | '﹖'
            | '﹗'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | '%'
    )
}

/// Punctuation that must not end a line.
fn is_opening(g: &str) -> bool {
    let Some(c) = g.chars().next() else {
        return false;
    };
    matches!(
        c,
        '（' | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
    )
}

fn is_space(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
}

fn is_wide(g: &str) -> bool {
    width(g) >= 2
}

/// Splits `text` into unbreakable units, lazily: a 100 MB paragraph never holds its
/// graphemes or units in memory at once.
fn units(text: &str) -> Units<'_> {
    Units {
        graphemes: text.grapheme_indices(true),
        pos: 0,
        pending_space: 0,
        prev: None,
        after_space: false,
        current: None,
    }
}

struct Units<'a> {
    graphemes: unicode_segmentation::GraphemeIndices<'a>,
    /// Char index of the next grapheme.
    pos: usize,
    /// Columns of spaces since the last unit.
    pending_space: usize,
    /// Previous non-space grapheme, when adjacent.
    prev: Option<&'a str>,
    after_space: bool,
    /// The unit being built; handed out when the next one starts.
    current: Option<Unit>,
}

impl Iterator for Units<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        for (b, g) in self.graphemes.by_ref() {
            let n = if g.len() == 1 { 1 } else { g.chars().count() };
            if is_space(g) {
                self.pending_space += width(g).max(1);
                self.after_space = true;
                self.pos += n;
                continue;
            }
            let joins = match (&self.current, self.prev) {
                (None, _) => false,
                // French: a space before ? ! : ; » keeps the mark on the same line.
                (Some(_), _) if self.after_space => is_closing(g),
                (Some(_), Some(p)) => !can_break_between(p, g),
                (Some(_), None) => true,
            };
            let gw = width(g);
            let mut done = None;
            match &mut self.current {
                Some(last) if joins => {
                    last.width += self.pending_space + gw;
                    last.end = self.pos + n;
                    last.bytes.end = b + g.len();
                }
                _ => {
                    done = self.current.replace(Unit {
                        start: self.pos,
                        end: self.pos + n,
                        bytes: b..b + g.len(),
                        width: gw,
                        space_before: self.pending_space,
                    });
                }
            }
            self.pending_space = 0;
            self.after_space = false;
            self.prev = Some(g);
            self.pos += n;
            if done.is_some() {
                return done;
            }
        }
        self.current.take()
    }
}

/// Whether a line may break between two adjacent (unspaced) graphemes.
fn can_break_between(a: &str, b: &str) -> bool {
    if is_closing(b) || is_opening(a) {
        return false;
    }
    if is_wide(a) || is_wide(b) {
        return true;
    }
    // After a hyphen or slash inside a long word.
    matches!(a, "-" | "/") && b.chars().all(char::is_alphanumeric)
}

/// Cuts a unit wider than `width` into pieces by grapheme, keeping closing
/// punctuation with the grapheme before it. Returns `(start, end, width)` pieces.
fn split_hard(text: &str, unit: &Unit, max: usize) -> Vec<(usize, usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = unit.start;
    let mut w = 0;
    let mut pos = unit.start;
    // Only the unit's own graphemes: walking from the text's start made each cut cost the
    // whole paragraph.
    for g in text[unit.bytes.clone()].graphemes(true) {
        let n = g.chars().count();
        let gw = width(g);
        if w > 0 && w + gw > max && !is_closing(g) {
            pieces.push((start, pos, w));
            start = pos;
            w = 0;
        }
        w += gw;
        pos += n;
    }
    pieces.push((start, unit.end, w));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_fits(lines: &[String], w: usize) {
        for l in lines {
            assert!(width(l) <= w, "{l:?} is wider than {w}");
        }
    }

    #[test]
    fn latin_wraps_at_spaces_and_drops_them() {
        let lines = wrap("the quick brown fox jumps over", 10);
        assert_eq!(lines, ["the quick", "brown fox", "jumps over"]);
    }

    #[test]
    fn chinese_wraps_between_characters() {
        let text = "中华人民共和国外交部发言人";
        let lines = wrap(text, 8);
        assert_eq!(lines, ["中华人民", "共和国外", "交部发言", "人"]);
        assert_fits(&lines, 8);
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let text = "我们注意到有关报道。中方的立场是一贯的，明确的！（完）“好”";
        for w in 1..=30 {
            let lines = wrap(text, w);
            assert_eq!(lines.concat(), text, "width {w}");
            for l in &lines[1..] {
                let first = l.graphemes(true).next().unwrap_or("");
                assert!(
                    !is_closing(first),
                    "width {w}: line starts with {first:?}: {lines:?}"
                );
            }
            if w >= 6 {
                assert_fits(&lines, w);
            }
        }
        // The character before the comma moves down with it.
        assert_eq!(wrap("中方立场，明确", 8), ["中方立", "场，明确"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let lines = wrap("他说《人民日报》报道", 6);
        for l in &lines {
            assert!(!l.ends_with('《'), "{lines:?}");
        }
    }

    #[test]
    fn french_spaces_before_marks_do_not_break() {
        let lines = wrap("Pourquoi pas ? Oui : bien", 12);
        assert_eq!(lines, ["Pourquoi", "pas ? Oui :", "bien"]);
    }

    #[test]
    fn accents_count_one_column() {
        let text = "sécurité régionale coopération";
        let lines = wrap(text, 18);
        assert_eq!(lines, ["sécurité régionale", "coopération"]);
        // Decomposed accents (e + combining acute) are one grapheme of width 1.
        let decomposed = "se\u{301}curite\u{301} re\u{301}gionale";
        let lines = wrap(decomposed, 9);
        assert_eq!(lines, ["se\u{301}curite\u{301}", "re\u{301}gionale"]);
    }

    #[test]
    fn very_long_words_are_cut_by_grapheme() {
        let lines = wrap("anticonstitutionnellement", 10);
        assert_eq!(lines, ["anticonsti", "tutionnell", "ement"]);
        let lines = wrap("a https://example.org/very/long/path b", 12);
        assert_fits(&lines, 12);
    }

    #[test]
    fn width_one_keeps_every_grapheme() {
        let text = "ab 中文，c";
        let lines = wrap(text, 1);
        let joined: String = lines.concat();
        assert_eq!(joined, "ab中文，c");
        assert!(lines.iter().all(|l| !l.is_empty()));
        assert!(lines.iter().skip(1).all(|l| !l.starts_with('，')));
    }

    #[test]
    fn empty_and_ranges() {
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap_ranges("ab cd", 2), [0..2, 3..5]);
    }

    #[test]
    fn truncation_adds_an_ellipsis() {
        assert_eq!(truncate("Bloomberg", 20), "Bloomberg");
        assert_eq!(truncate("Aujourd'hui", 6), "Aujou…");
        assert_eq!(truncate("中华人民", 5), "中华…");
    }
}

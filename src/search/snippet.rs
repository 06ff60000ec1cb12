//! Choosing a one-line excerpt of a turn around its matches.

use std::ops::Range;

use super::Snippet;

/// Length of an excerpt, in chars.
pub(crate) const SNIPPET_CHARS: usize = 150;

/// Chars of context kept before the first match of the window.
const LEAD: usize = 30;

/// Bytes of a text searched for matches at once: a turn's first match is looked for chunk by
/// chunk, so a 58 MB answer whose match is near its start costs one chunk, not the whole text
/// (its snippet took `search` 16 s and 550 MB).
const CHUNK: usize = 16 * 1024;
/// Bytes a chunk reaches past its end, so a match (a phrase) across the cut is found whole.
const OVERLAP: usize = 512;
/// Bytes of text kept on each side of the first match to choose the excerpt from.
const CONTEXT: usize = 2 * 1024;

/// The excerpt of `text` whose `SNIPPET_CHARS` window holds most `matches`
/// (char ranges, sorted), on one line, with `…` where text was cut.
#[cfg(test)]
fn excerpt(text: &str, matches: &[Range<usize>]) -> Snippet {
    excerpt_of(text, matches, false, false)
}

/// Like [`excerpt`] for a piece of a longer text: `cut_before` / `cut_after` say whether
/// text was left out before / after the piece (an ellipsis shows it).
fn excerpt_of(text: &str, matches: &[Range<usize>], cut_before: bool, cut_after: bool) -> Snippet {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let (start, end) = window(&chars, matches);
    let mut out = String::new();
    // Chars before the window's first one in the excerpt: the ellipsis, if any.
    let lead = usize::from(start > 0 || cut_before);
    if lead > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() || cut_after {
        out.push('…');
    }
    let highlights = matches
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + lead..r.end - start + lead)
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where matches begin in `text`: the first chunk holding any, as the piece of text to
/// make the excerpt from (a byte range) and its matches (char ranges in the piece).
/// A text of one chunk is its own piece, so its excerpt sees every match.
fn first_matches(
    text: &str,
    ranges: &impl Fn(&str) -> Vec<Range<usize>>,
) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    if text.len() <= CHUNK + OVERLAP {
        let found = ranges(text);
        return (!found.is_empty()).then_some((0..text.len(), found));
    }
    let mut start = 0;
    while start < text.len() {
        let end = floor_char(text, start + CHUNK);
        let reach = floor_char(text, end + OVERLAP);
        let chunk = &text[start..reach];
        let found = ranges(chunk);
        if let Some(first) = found.first() {
            let own = text[start..end].chars().count();
            if first.start < own || reach == text.len() {
                let at = start + chunk.char_indices().nth(first.start).map_or(0, |(b, _)| b);
                let piece =
                    floor_char(text, at.saturating_sub(CONTEXT))..floor_char(text, at + CONTEXT);
                let found = ranges(&text[piece.clone()]);
                return Some((piece, found));
            }
        }
        start = end;
    }
    None
}

/// The excerpt of `piece` (a byte range of `text`) with its `matches`.
fn excerpt_in(text: &str, piece: Range<usize>, matches: &[Range<usize>]) -> Snippet {
    let cut_before = piece.start > 0;
    let cut_after = piece.end < text.len();
    excerpt_of(&text[piece], matches, cut_before, cut_after)
}

/// The window `[start, end)` of chars to show.
fn window(chars: &[char], matches: &[Range<usize>]) -> (usize, usize) {
    let len = chars.len();
    if len <= SNIPPET_CHARS {
        return (0, len);
    }
    // The match whose window (starting a little before it) covers most matches.
    let mut best = (0usize, 0usize);
    for (i, m) in matches.iter().enumerate() {
        let from = m.start.saturating_sub(LEAD);
        let covered = matches[i..]
            .iter()
            .take_while(|r| r.end <= from + SNIPPET_CHARS)
            .count();
        if covered > best.1 {
            best = (from, covered);
        }
    }
    let mut start = best.0.min(len - SNIPPET_CHARS);
    // Start on a word when one begins shortly before (Latin text).
    if start > 0 {
        let first_match = matches
            .iter()
            .find(|r| r.start >= start)
            .map_or(len, |r| r.start);
        if let Some(space) = (start..first_match.min(start + LEAD)).find(|&i| chars[i - 1] == ' ') {
            start = space;
        }
    }
    let mut end = (start + SNIPPET_CHARS).min(len);
    // End on a word boundary when one is near.
    if end < len
        && let Some(space) = (end.saturating_sub(20)..end)
            .rev()
            .find(|&i| chars[i] == ' ')
        && space > start
        && matches.iter().all(|r| r.end <= space || r.start >= end)
    {
        end = space;
    }
    (start, end)
}

/// The excerpt for a turn: from the question or the answer, whichever shows more matches
/// where its matches begin; the start of the question (or answer) when nothing matches.
/// Bounded work: each text is read chunk by chunk up to its first match.
pub(super) fn for_turn(
    question: &str,
    answer: &str,
    ranges: impl Fn(&str) -> Vec<Range<usize>>,
) -> Snippet {
    let q = first_matches(question, &ranges);
    let a = first_matches(answer, &ranges);
    let count = |m: &Option<(Range<usize>, Vec<Range<usize>>)>| m.as_ref().map_or(0, |m| m.1.len());
    match (q, a) {
        (q, Some(a)) if a.1.len() > count(&q) => excerpt_in(answer, a.0, &a.1),
        (Some(q), _) => excerpt_in(question, q.0, &q.1),
        _ => {
            let text = if question.trim().is_empty() {
                answer
            } else {
                question
            };
            excerpt_in(text, 0..floor_char(text, CONTEXT), &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_around_the_match_on_one_line() {
        let text = format!(
            "{}\nla sécurité régionale\n{}",
            "début ".repeat(60),
            "fin ".repeat(60)
        );
        let at = text.chars().position(|c| c == 's').map_or(0, |i| i);
        let one = at..at + 8;
        let s = excerpt(&text, std::slice::from_ref(&one));
        assert!(!s.text.contains('\n'));
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(Snippet::highlighted(&s), ["sécurité"]);
    }

    /// Finds `word` (ASCII) as char ranges, counting the texts it was asked to read.
    fn finder<'a>(
        word: &'a str,
        read: &'a std::cell::Cell<usize>,
    ) -> impl Fn(&str) -> Vec<Range<usize>> + 'a {
        move |t: &str| {
            read.set(read.get() + t.len());
            let chars: Vec<char> = t.chars().collect();
            let w: Vec<char> = word.chars().collect();
            (0..chars.len())
                .filter(|&i| chars[i..].starts_with(&w))
                .map(|i| i..i + w.len())
                .collect()
        }
    }

    #[test]
    fn a_huge_answer_costs_a_chunk_when_its_match_is_early_and_shows_it_anywhere() {
        let read = std::cell::Cell::new(0);
        let filler = "台湾问题 la politique ".repeat(2_000_000 / 25);
        let early = format!("{}paix {filler}", "mot ".repeat(100));
        let s = for_turn("Question ?", &early, finder("paix", &read));
        assert_eq!(Snippet::highlighted(&s), ["paix"]);
        assert!(s.text.ends_with('…'));
        assert!(read.get() < 64 * 1024, "read {} bytes of 2 MB", read.get());
        // A match only at the very end, and one across a chunk's cut, are still shown.
        for at in [filler.len(), CHUNK - 2, 3 * CHUNK - 1] {
            let mut text = filler.clone();
            let at = floor_char(&text, at);
            text.insert_str(at, "paix");
            let s = for_turn("", &text, finder("paix", &read));
            assert_eq!(Snippet::highlighted(&s), ["paix"], "match at byte {at}");
            assert!(s.text.starts_with('…'));
            assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        }
    }

    #[test]
    fn no_match_shows_the_start_of_the_question() {
        let s = for_turn("Question courte ?", "Réponse", |_| Vec::new());
        assert_eq!(s.text, "Question courte ?");
        assert!(s.highlights.is_empty());
        let s = for_turn("", "Déclaration", |_| Vec::new());
        assert_eq!(s.text, "Déclaration");
    }
}

//! Choosing a one-line excerpt of a turn around its matches.

use std::ops::Range;

use super::Snippet;

/// Length of an excerpt, in chars.
pub(crate) const SNIPPET_CHARS: usize = 150;

/// Chars of context kept before the first match of the window.
const LEAD: usize = 30;

/// The excerpt of `text` whose `SNIPPET_CHARS` window holds most `matches`
/// (char ranges, sorted), on one line, with `…` where text was cut.
pub(super) fn excerpt(text: &str, matches: &[Range<usize>]) -> Snippet {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let (start, end) = window(&chars, matches);
    let mut out = String::new();
    let mut shift = start;
    if start > 0 {
        out.push('…');
        shift = start.saturating_sub(1);
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let highlights = matches
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - shift..r.end - shift)
        .collect();
    Snippet {
        text: out,
        highlights,
    }
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

/// The excerpt for a turn: from the question or the answer, whichever shows
/// more matches; the start of the question (or answer) when nothing matches.
pub(super) fn for_turn(
    question: &str,
    answer: &str,
    ranges: impl Fn(&str) -> Vec<Range<usize>>,
) -> Snippet {
    let q = if question.is_empty() {
        Vec::new()
    } else {
        ranges(question)
    };
    let a = if answer.is_empty() {
        Vec::new()
    } else {
        ranges(answer)
    };
    match (q.is_empty(), a.is_empty()) {
        (true, true) if question.trim().is_empty() => excerpt(answer, &[]),
        (true, true) => excerpt(question, &[]),
        _ if a.len() > q.len() => excerpt(answer, &a),
        _ => excerpt(question, &q),
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

    #[test]
    fn no_match_shows_the_start_of_the_question() {
        let s = for_turn("Question courte ?", "Réponse", |_| Vec::new());
        assert_eq!(s.text, "Question courte ?");
        assert!(s.highlights.is_empty());
        let s = for_turn("", "Déclaration", |_| Vec::new());
        assert_eq!(s.text, "Déclaration");
    }
}

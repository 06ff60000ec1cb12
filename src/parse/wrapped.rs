//! Text pasted from a PDF: lines wrapped mid-sentence, words hyphenated at line ends
//! (`coopera-` / `tion`), page numbers alone on a line (`- 3 -`, `Page 3 of 7`, `第3页`),
//! a title wrapped over two lines. The lines are joined back as a person reads them,
//! before paragraphs are cut; a line that is a label, a title or page furniture is never
//! joined to the one above it.

use std::sync::LazyLock;

use regex::Regex;

use super::furniture::{self, ends_sentence};
use super::{header, labels};
use crate::outlets::Outlets;

/// One line of the input, tidied, with its 1-based number and whether it was all bold.
#[derive(Debug, Clone)]
pub(super) struct Printed {
    pub(super) text: String,
    pub(super) line: usize,
    pub(super) strong: bool,
}

/// A page number alone on a line.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/|sur|de)\s*\d{1,4})?|\d{1,3}(?:\s*(?:/|of|sur)\s*\d{1,4})?|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)\s*$",
    )
    .expect("valid regex")
});

/// Lines shorter than this say nothing about a text's wrapping width.
const MIN_WRAPPED: usize = 20;

/// The lines with page numbers taken out and wrapped lines joined back.
pub(super) fn rejoin(lines: Vec<Printed>, outlets: &Outlets) -> Vec<Printed> {
    let mut kept: Vec<Printed> = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().peekable();
    while let Some(l) = lines.next() {
        if PAGE_NUMBER.is_match(&l.text) {
            // The page break around it (blank lines) goes too: the sentence may go on.
            while kept.last().is_some_and(|k| k.text.is_empty()) {
                kept.pop();
            }
            while lines.next_if(|n| n.text.is_empty()).is_some() {}
            continue;
        }
        kept.push(l);
    }
    let width = wrap_width(&kept);
    let mut out: Vec<Printed> = Vec::with_capacity(kept.len());
    for l in kept {
        if let Some(prev) = out.last_mut()
            && !prev.text.is_empty()
            && !l.text.is_empty()
            && let Some(joined) = joined(&prev.text, &l.text, width, outlets)
        {
            prev.text = joined;
            continue;
        }
        out.push(l);
    }
    out
}

/// The width a text was hard-wrapped at (in characters), when it was: many of its long lines
/// stop mid-sentence. A text with a paragraph a line gives `None`.
fn wrap_width(lines: &[Printed]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n >= MIN_WRAPPED)
        .collect();
    if lengths.len() < 6 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 4 / 5];
    let full = |l: &&Printed| l.text.chars().count() * 5 >= width * 4;
    let long = lines.iter().filter(full).count();
    let open = lines
        .iter()
        .filter(full)
        .filter(|l| !ends_sentence(&l.text))
        .count();
    (open >= 3 && open * 10 >= long * 3).then_some(width)
}

/// `a` and `b` as one line when `b` goes on with `a`'s sentence, else `None`.
fn joined(a: &str, b: &str, width: Option<usize>, outlets: &Outlets) -> Option<String> {
    if ends_sentence(a)
        || a.ends_with([':', '：'])
        || labels::split(b, outlets).is_some()
        || furniture::classify(b).is_some()
        || header::title_like(b)
    {
        return None;
    }
    let last = a.chars().last()?;
    let first = b.chars().next()?;
    // `coopera-` / `tion`: a word cut at the line's end.
    if let Some(head) = a.strip_suffix(['-', '‐'])
        && head.ends_with(char::is_alphabetic)
        && first.is_lowercase()
    {
        return Some(format!("{head}{b}"));
    }
    let cjk = labels::is_cjk(last) || matches!(last, '，' | '、' | '；');
    let glue = if cjk && labels::is_cjk(first) {
        ""
    } else {
        " "
    };
    // A title wrapped over two lines (neither half a title alone, the first not even one
    // without its date: `Conférence de presse du 30 septembre…` / `Publié le…` stay apart).
    let title = !header::title_like(a)
        && !header::undated_title(a)
        && a.chars().count() <= 120
        && header::title_like(&format!("{a}{glue}{b}"));
    // A sentence going on in lower case (`…will continue to` / `strengthen cooperation`).
    let goes_on = first.is_lowercase() && !labels::is_cjk(first);
    // In a hard-wrapped text, a full line that stops mid-sentence goes on below.
    let wrapped = width.is_some_and(|w| a.chars().count() * 10 >= w * 7) && !header::title_like(a);
    (title || goes_on || wrapped).then(|| format!("{a}{glue}{b}"))
}

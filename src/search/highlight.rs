//! Finding the matched words of a query in any text, as char ranges.

use std::ops::Range;
use std::sync::Arc;

use super::Highlighter;
use super::analyzers::Analysis;

/// One position of a searched sequence of terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    Exact(String),
    /// The half-typed word: any term starting with it (what the prefix query expands to).
    Prefix(String),
}

impl Element {
    fn matches(&self, term: &str) -> bool {
        match self {
            Element::Exact(t) => t == term,
            Element::Prefix(p) => term.starts_with(p.as_str()),
        }
    }
}

/// The sequences to look for under one analysis (a word is a sequence of one
/// term; a phrase or a Han word is several terms in a row).
#[derive(Debug, Clone, Default)]
pub struct Sequences {
    pub(super) by_analysis: Vec<(Analysis, Vec<Vec<Element>>)>,
}

impl Highlighter {
    /// Adds a sequence of terms to look for under `a`.
    pub(super) fn add(&mut self, a: Analysis, seq: Vec<Element>) {
        if seq.is_empty() {
            return;
        }
        let seqs = Arc::make_mut(&mut self.sequences);
        match seqs.by_analysis.iter_mut().find(|(b, _)| *b == a) {
            Some((_, list)) => {
                if !list.contains(&seq) {
                    list.push(seq);
                }
            }
            None => seqs.by_analysis.push((a, vec![seq])),
        }
    }

    /// Whether nothing would ever be highlighted (a filter-only query).
    pub fn is_empty(&self) -> bool {
        self.sequences.by_analysis.is_empty()
    }

    /// Char ranges of matches in `text`, looking only at analyses that apply
    /// to `language` (`None`: all of them).
    pub(super) fn ranges_in(&self, text: &str, language: Option<&str>) -> Vec<Range<usize>> {
        let mut bytes = Vec::new();
        for (a, seqs) in &self.sequences.by_analysis {
            let applies = match (language, Analysis::stem_for(language.unwrap_or(""))) {
                (None, _) => true,
                (Some(_), stem) => *a == Analysis::Folded || Some(*a) == stem,
            };
            if !applies {
                continue;
            }
            let tokens = a.tokens(text);
            for i in 0..tokens.len() {
                for seq in seqs {
                    let Some(window) = tokens.get(i..i + seq.len()) else {
                        continue;
                    };
                    if seq.iter().zip(window).all(|(e, (t, _))| e.matches(t)) {
                        bytes.push(window[0].1.start..window[window.len() - 1].1.end);
                    }
                }
            }
        }
        merge(to_chars(text, bytes))
    }
}

/// Byte ranges (any order, on char boundaries) to char ranges, sorted.
pub fn to_chars(text: &str, mut bytes: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut points: Vec<usize> = bytes.iter().flat_map(|r| [r.start, r.end]).collect();
    points.sort_unstable();
    points.dedup();
    // One sweep over the text maps every boundary byte offset to its char index.
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(points.len());
    let mut next = 0;
    let mut count = 0;
    for (b, _) in text.char_indices() {
        while next < points.len() && points[next] <= b {
            map.push((points[next], count));
            next += 1;
        }
        if next == points.len() {
            break;
        }
        count += 1;
    }
    for &p in &points[next..] {
        map.push((p, count));
    }
    let to_char = |b: usize| {
        map.binary_search_by_key(&b, |&(bb, _)| bb)
            .map_or(0, |i| map[i].1)
    };
    bytes.sort_by_key(|r| (r.start, r.end));
    bytes
        .iter()
        .map(|r| to_char(r.start)..to_char(r.end))
        .collect()
}

/// Sorted ranges with overlapping or touching ones joined.
pub fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        if r.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

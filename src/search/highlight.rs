//! Finding the matched words of a query in any text, as char ranges.

use std::ops::Range;
use std::sync::Arc;

use super::Highlighter;
use super::analyzers::Analysis;

/// One position of a searched sequence of terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Element {
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

    /// Whether the folded word `folded` could stem to this element: it starts
    /// with the stem less its last two chars (stemmers rewrite endings only:
    /// `polici` ← `policy`, `negoci` ← `negociation`).
    fn may_stem_from(&self, folded: &str) -> bool {
        let stem = match self {
            Element::Exact(t) | Element::Prefix(t) => t,
        };
        let keep = stem.chars().count().saturating_sub(2).max(1);
        let cut = stem.char_indices().nth(keep).map_or(stem.len(), |(i, _)| i);
        folded.starts_with(&stem[..cut])
    }
}

/// The sequences to look for under one analysis (a word is a sequence of one
/// term; a phrase or a Han word is several terms in a row).
#[derive(Debug, Clone, Default)]
pub(super) struct Sequences {
    pub(super) by_analysis: Vec<(Analysis, Vec<Vec<Element>>)>,
    /// Han characters searched alone (`南`): each of them is marked wherever it is, in any language.
    pub(super) chars: Vec<char>,
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

    /// Adds a Han character searched alone.
    pub(super) fn add_char(&mut self, c: char) {
        let chars = &mut Arc::make_mut(&mut self.sequences).chars;
        if !chars.contains(&c) {
            chars.push(c);
        }
    }

    /// Char ranges of matches in `text`, looking only at analyses that apply
    /// to `language` (`None`: all of them).
    ///
    /// One folded pass finds the tokens; a stemmed analysis only stems the
    /// tokens that start like one of its stems (a stem is the folded word with
    /// its ending cut or changed), which keeps snippets cheap per keystroke.
    pub(super) fn ranges_in(&self, text: &str, language: Option<&str>) -> Vec<Range<usize>> {
        let stem = language.map(Analysis::stemmed_field_for);
        let active: Vec<&(Analysis, Vec<Vec<Element>>)> = self
            .sequences
            .by_analysis
            .iter()
            .filter(|(a, _)| language.is_none() || *a == Analysis::Folded || Some(*a) == stem)
            .collect();
        let chars = &self.sequences.chars;
        let mut bytes: Vec<Range<usize>> = Vec::new();
        if !chars.is_empty() {
            bytes.extend(
                text.char_indices()
                    .filter(|(_, c)| chars.contains(c))
                    .map(|(at, c)| at..at + c.len_utf8()),
            );
        }
        if active.is_empty() {
            return merge(to_chars(text, bytes));
        }
        // Per active analysis: tokens that match an element, with their ordinal,
        // so a sequence matches where ordinals run consecutively.
        let mut kept: Vec<Vec<(usize, String, Range<usize>)>> = vec![Vec::new(); active.len()];
        let mut to_stem: Vec<(usize, usize, Range<usize>)> = Vec::new();
        let mut ordinal = 0;
        Analysis::Folded.each_token(text, |t, r| {
            for (k, (a, seqs)) in active.iter().enumerate() {
                let mut elements = seqs.iter().flatten();
                if *a == Analysis::Folded {
                    if elements.any(|e| e.matches(t)) {
                        kept[k].push((ordinal, t.to_string(), r.clone()));
                    }
                } else if elements.any(|e| e.may_stem_from(t)) {
                    to_stem.push((k, ordinal, r.clone()));
                }
            }
            ordinal += 1;
        });
        for (k, ordinal, r) in to_stem {
            let (a, seqs) = active[k];
            if let [(term, _)] = a.tokens(&text[r.clone()]).as_slice()
                && seqs.iter().flatten().any(|e| e.matches(term))
            {
                kept[k].push((ordinal, term.clone(), r));
            }
        }
        for (k, (_, seqs)) in active.iter().enumerate() {
            let kept = &mut kept[k];
            kept.sort_by_key(|x| x.0);
            for i in 0..kept.len() {
                for seq in seqs {
                    let Some(window) = kept.get(i..i + seq.len()) else {
                        continue;
                    };
                    let consecutive = window.iter().enumerate().all(|(n, w)| w.0 == kept[i].0 + n);
                    if consecutive && seq.iter().zip(window).all(|(e, (_, t, _))| e.matches(t)) {
                        bytes.push(window[0].2.start..window[window.len() - 1].2.end);
                    }
                }
            }
        }
        merge(to_chars(text, bytes))
    }
}

/// Byte ranges (any order, on char boundaries) to char ranges, sorted.
pub(super) fn to_chars(text: &str, mut bytes: Vec<Range<usize>>) -> Vec<Range<usize>> {
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
pub(super) fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
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

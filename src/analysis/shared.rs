//! Shared wording between two answers: runs of K or more units (words, or
//! Chinese characters) that both contain, marked in one of them.

use std::collections::HashSet;
use std::ops::Range;

use super::units::units;

/// Units a run must have to count as shared wording: three words, or four
/// Chinese characters (two-character words make shorter runs chance).
fn run_length(language: &str) -> usize {
    if language == "zh" { 4 } else { 3 }
}

/// Char ranges of `other` inside runs of wording that `source` also has,
/// sorted and merged.
pub fn shared_ranges(source: &str, other: &str, language: &str) -> Vec<Range<usize>> {
    let k = run_length(language);
    let src: Vec<String> = units(source).into_iter().map(|u| u.text).collect();
    let grams: HashSet<&[String]> = src.windows(k).collect();
    let theirs = units(other);
    let texts: Vec<String> = theirs.iter().map(|u| u.text.clone()).collect();
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, w) in texts.windows(k).enumerate() {
        if !grams.contains(w) {
            continue;
        }
        let r = theirs[i].chars.start..theirs[i + k - 1].chars.end;
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_runs_of_three_words_both_have() {
        let src = "China firmly opposes any form of official interaction.";
        let other = "We firmly opposes any form of that, and official interaction too.";
        let r = shared_ranges(src, other, "en");
        let chars: Vec<char> = other.chars().collect();
        let marked: Vec<String> = r
            .iter()
            .map(|r| chars[r.clone()].iter().collect())
            .collect();
        assert_eq!(marked, ["firmly opposes any form of"]);
    }

    #[test]
    fn chinese_runs_are_four_characters() {
        let r = shared_ranges("我们坚决反对台独", "中方坚决反对任何", "zh");
        assert_eq!(r, vec![2..6]);
        assert!(shared_ranges("坚决反", "坚决反", "zh").is_empty());
    }
}

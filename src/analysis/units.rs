//! Text cut into context units: words (UAX #29 word bounds), and single
//! characters in Chinese (UAX #29 already makes each ideograph its own word).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One word or ideograph: its lowercased text and its char range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unit {
    pub text: String,
    pub chars: Range<usize>,
}

/// The words of `text` in order (punctuation and spaces are not units).
pub(super) fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut chars_before = 0;
    for piece in text.split_word_bounds() {
        let n = piece.chars().count();
        if piece.chars().any(char::is_alphanumeric) {
            out.push(Unit {
                text: piece.to_lowercase(),
                chars: chars_before..chars_before + n,
            });
        }
        chars_before += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_ideographs() {
        let u = units("L'Union, «européenne» 南海问题");
        let t: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(t, ["l'union", "européenne", "南", "海", "问", "题"]);
        assert_eq!(u[1].chars, 10..20);
    }
}

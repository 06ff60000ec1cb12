//! Concordance (key word in context) lines: each match with N context units
//! on each side, and the orders a concordance is read in.

use std::cmp::Ordering;
use std::ops::Range;
use std::str::FromStr;

use serde::Serialize;

use super::units::units;
use crate::search::Matched;

/// One occurrence of the query in a turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub conference: String,
    /// 0-based index into the conference's `turns`.
    pub turn: usize,
    pub date: String,
    pub language: String,
    pub outlet: Option<String>,
    /// Up to N units before the match (one line: newlines become spaces).
    pub left: String,
    /// The matched text.
    pub keyword: String,
    /// Up to N units after the match.
    pub right: String,
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Newest turn first, then where the match stands in the turn.
    #[default]
    Date,
    /// By the words just before the match, nearest first.
    Left,
    /// By the words just after the match.
    Right,
}

impl FromStr for Order {
    type Err = String;
    fn from_str(s: &str) -> Result<Order, String> {
        match s {
            "date" => Ok(Order::Date),
            "left" => Ok(Order::Left),
            "right" => Ok(Order::Right),
            _ => Err(format!("{s:?} is not an order: give date, left or right")),
        }
    }
}

/// The lines of one text of turn `m`: one per match range (`chars`), with
/// `width` units of context on each side.
pub(super) fn lines_in(
    m: &Matched,
    text: &str,
    ranges: &[Range<usize>],
    width: usize,
) -> Vec<Line> {
    if ranges.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let words = units(text);
    let slice = |r: Range<usize>| -> String {
        chars[r.start.min(chars.len())..r.end.min(chars.len())]
            .iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    ranges
        .iter()
        .map(|r| {
            // Units wholly before / after the match.
            let before = words.partition_point(|u| u.chars.end <= r.start);
            let after = words.partition_point(|u| u.chars.start < r.end);
            let from = if width == 0 {
                r.start
            } else {
                words[before.saturating_sub(width)..before]
                    .first()
                    .map_or(r.start, |u| u.chars.start)
            };
            let to = if width == 0 {
                r.end
            } else {
                words[after..(after + width).min(words.len())]
                    .last()
                    .map_or(r.end, |u| u.chars.end)
            };
            Line {
                conference: m.conference.clone(),
                turn: m.turn,
                date: m.date.clone(),
                language: m.language.clone(),
                outlet: m.outlet.clone(),
                left: slice(from..r.start).trim_start().to_string(),
                keyword: slice(r.clone()),
                right: slice(r.end..to).trim_end().to_string(),
            }
        })
        .collect()
}

/// Sorts lines in `order` (date order keeps the order they were found in: newest first).
pub fn sort(lines: &mut [Line], order: Order) {
    match order {
        Order::Date => {}
        Order::Left => {
            lines.sort_by(|a, b| rev(&a.left).cmp(&rev(&b.left)).then_with(|| tie(a, b)));
        }
        Order::Right => {
            lines.sort_by(|a, b| fwd(&a.right).cmp(&fwd(&b.right)).then_with(|| tie(a, b)));
        }
    }
}

fn fwd(s: &str) -> Vec<String> {
    units(s).into_iter().map(|u| u.text).collect()
}

fn rev(s: &str) -> Vec<String> {
    let mut v = fwd(s);
    v.reverse();
    v
}

fn tie(a: &Line, b: &Line) -> Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| a.conference.cmp(&b.conference))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Matched {
        Matched {
            conference: "2024-01-02-fr".into(),
            turn: 3,
            date: "2024-01-02".into(),
            language: "fr".into(),
            outlet: None,
            question: true,
        }
    }

    #[test]
    fn context_is_n_words_each_side() {
        let text = "un deux trois, la sécurité\nrégionale est quatre cinq six";
        let start = text[..text.find("sécurité").unwrap()].chars().count();
        let l = lines_in(&m(), text, std::slice::from_ref(&(start..start + 8)), 2);
        assert_eq!(l[0].left, "trois, la ");
        assert_eq!(l[0].keyword, "sécurité");
        assert_eq!(l[0].right, " régionale est");
    }

    #[test]
    fn chinese_context_is_characters() {
        let text = "我们坚决反对南海问题国际化。";
        let l = lines_in(&m(), text, std::slice::from_ref(&(6..8)), 3);
        assert_eq!(l[0].keyword, "南海");
        assert_eq!(l[0].left, "决反对");
        assert_eq!(l[0].right, "问题国");
    }

    #[test]
    fn sorted_by_left_or_right_context() {
        let mk = |left: &str, right: &str| Line {
            left: left.into(),
            right: right.into(),
            keyword: "x".into(),
            ..lines_in(&m(), "a x b", std::slice::from_ref(&(2..3)), 1).remove(0)
        };
        let mut lines = vec![mk("zz ab", "c"), mk("aa zz", "b"), mk("b aa", "a")];
        sort(&mut lines, Order::Left);
        let lefts: Vec<&str> = lines.iter().map(|l| l.left.as_str()).collect();
        assert_eq!(lefts, ["b aa", "zz ab", "aa zz"]);
        sort(&mut lines, Order::Right);
        assert_eq!(lines[0].right, "a");
    }
}

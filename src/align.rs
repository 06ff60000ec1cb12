//! Turn alignment between two versions of one conference (Chinese and
//! English, say): which turn of one is which turn of the other, or none.
//!
//! The translations drop, merge and add questions, so position alone would
//! pair the wrong turns after the first difference. Each pair of turns gets a
//! similarity from evidence both texts carry whatever their language — the
//! outlet, the numbers, Latin-script names inside Chinese text, the kind of
//! turn, the length relative to the whole conference — and a monotone
//! alignment (Needleman–Wunsch, no gap cost) keeps the order while pairing
//! only turns whose similarity clears a threshold: where the versions differ,
//! no pair is claimed.

use std::collections::HashSet;

use crate::model::{Conference, Turn, TurnKind};

/// A pair must score above this to be claimed (tuned on the hand-labelled
/// pairs of `tests/fixtures/aligned.json`).
const THRESHOLD: f64 = 0.35;

/// For each turn of `a`, the index of its counterpart in `b`, if any.
pub(crate) fn align(a: &Conference, b: &Conference) -> Vec<Option<usize>> {
    let ours: Vec<Features> = a.turns.iter().map(Features::of).collect();
    let theirs: Vec<Features> = b.turns.iter().map(Features::of).collect();
    let total = |all: &[Features]| all.iter().map(|one| one.len).sum::<f64>().max(1.0);
    // How much longer one language writes the same thing (English ≈ 3× Chinese characters).
    let ratio = total(&ours) / total(&theirs);
    let (rows, cols) = (ours.len(), theirs.len());
    // best[row][col]: best total aligning the first `row` turns of a with the first `col` of b;
    // step[row][col]: how it was reached.
    let mut best = vec![vec![0.0_f64; cols + 1]; rows + 1];
    let mut step = vec![vec![Step::SkipOurs; cols + 1]; rows + 1];
    for row in 1..=rows {
        for col in 1..=cols {
            let pair = similarity(&ours[row - 1], &theirs[col - 1], ratio) - THRESHOLD;
            let (mut value, mut how) = (best[row - 1][col], Step::SkipOurs);
            if best[row][col - 1] > value {
                (value, how) = (best[row][col - 1], Step::SkipTheirs);
            }
            if pair > 0.0 && best[row - 1][col - 1] + pair > value {
                (value, how) = (best[row - 1][col - 1] + pair, Step::Pair);
            }
            best[row][col] = value;
            step[row][col] = how;
        }
    }
    let mut out = vec![None; rows];
    let (mut row, mut col) = (rows, cols);
    while row > 0 && col > 0 {
        match step[row][col] {
            Step::SkipOurs => row -= 1,
            Step::SkipTheirs => col -= 1,
            Step::Pair => {
                out[row - 1] = Some(col - 1);
                row -= 1;
                col -= 1;
            }
        }
    }
    out
}

/// A move of the alignment.
#[derive(Clone, Copy)]
enum Step {
    /// A turn of `a` without counterpart.
    SkipOurs,
    /// A turn of `b` without counterpart.
    SkipTheirs,
    Pair,
}

/// What a turn says that survives translation.
struct Features {
    kind: TurnKind,
    outlet: Option<String>,
    /// Runs of digits (years, figures, dates).
    numbers: HashSet<String>,
    /// Latin-script words inside Chinese text; proper names and acronyms
    /// (capitalised words) in Latin-script text.
    names: HashSet<String>,
    /// Whether the text is mostly Chinese (its names are then all its Latin words).
    chinese: bool,
    /// Characters of question and answer.
    len: f64,
}

impl Features {
    fn of(t: &Turn) -> Features {
        let text: String = t
            .question
            .iter()
            .chain(&t.answer)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let han = text.chars().filter(|c| is_han(*c)).count();
        let chinese = han * 4 > text.chars().count();
        let mut numbers = HashSet::new();
        let mut names = HashSet::new();
        let mut word = String::new();
        let mut digits = String::new();
        let mut flush = |word: &mut String, digits: &mut String| {
            if !digits.is_empty() {
                numbers.insert(digits.trim_start_matches('0').to_string());
                digits.clear();
            }
            if word.chars().count() >= 2 {
                let capital = word.chars().next().is_some_and(char::is_uppercase);
                if chinese || capital {
                    names.insert(word.to_lowercase());
                }
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                if !word.is_empty() {
                    word.push(c);
                }
            } else if c.is_alphabetic() && !is_han(c) {
                word.push(c);
            } else if c != ',' || digits.is_empty() {
                flush(&mut word, &mut digits);
            }
        }
        flush(&mut word, &mut digits);
        Features {
            kind: t.kind,
            outlet: t.outlet.clone(),
            numbers,
            names,
            chinese,
            len: text.chars().count() as f64,
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// How likely two turns are one turn in two languages (about −3 … 5).
fn similarity(a: &Features, b: &Features, ratio: f64) -> f64 {
    let mut score = 0.0;
    if a.kind != b.kind {
        score -= 2.5;
    }
    match (&a.outlet, &b.outlet) {
        (Some(ours), Some(theirs)) if ours == theirs => score += 1.5,
        // Two outlets of the table that differ: strong evidence of two questions
        // (with one turn a side, length alone always looks in proportion).
        // A label the table does not know stays as printed (`今日俄罗斯记者`
        // beside `RIA Novosti`): no evidence.
        (Some(ours), Some(theirs)) if ours.is_ascii() && theirs.is_ascii() => score -= 1.5,
        _ => {}
    }
    // Numbers: shared ones are strong evidence; many on one side and none shared, weak against.
    let shared = a.numbers.intersection(&b.numbers).count() as f64;
    let fewer = a.numbers.len().min(b.numbers.len()) as f64;
    if fewer > 0.0 {
        score += 1.5 * shared / fewer - 0.3;
    }
    // Names: the Latin words of the Chinese side found on the other side.
    let (small, large) = match (a.chinese, b.chinese) {
        (true, false) => (&a.names, &b.names),
        (false, true) => (&b.names, &a.names),
        _ if a.names.len() <= b.names.len() => (&a.names, &b.names),
        _ => (&b.names, &a.names),
    };
    if !small.is_empty() {
        let found = small.iter().filter(|w| large.contains(*w)).count() as f64;
        score += 1.5 * found / small.len() as f64 - 0.3;
    }
    // Length relative to the whole conference: 1 when in proportion, falling off on a log scale.
    let expected = b.len * ratio;
    if a.len > 0.0 && expected > 0.0 {
        let off = (a.len / expected).ln().abs();
        score += 1.0 - off;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::align;
    use crate::model::{Conference, Turn};

    fn turn(outlet: Option<&str>, q: &str, a: &str) -> Turn {
        let mut t = Turn::question(
            outlet.unwrap_or("Q").into(),
            outlet.map(str::to_string),
            vec![q.into()],
        );
        t.answer = vec![a.into()];
        t
    }

    fn conf(lang: &str, turns: Vec<Turn>) -> Conference {
        Conference {
            format: 1,
            id: format!("2020-07-01-{lang}"),
            date: "2020-07-01".into(),
            published: None,
            language: lang.into(),
            spokesperson: None,
            title: String::new(),
            source: None,
            turns,
            extra: serde_json::Map::default(),
        }
    }

    #[test]
    fn a_dropped_question_shifts_the_pairs_instead_of_misaligning_them() {
        let zh = conf(
            "zh",
            vec![
                turn(
                    Some("Reuters"),
                    "关于WHO的问题，2020年？",
                    "我们支持WHO的工作。",
                ),
                turn(
                    Some("AFP"),
                    "关于香港的问题？",
                    "香港事务纯属中国内政，任何外国无权干涉。",
                ),
                turn(
                    Some("Bloomberg"),
                    "华为5G的问题？",
                    "我们反对美方打压华为。已经说过300次了。",
                ),
            ],
        );
        let en = conf(
            "en",
            vec![
                turn(
                    Some("Reuters"),
                    "A question on the WHO in 2020?",
                    "We support the work of the WHO.",
                ),
                turn(
                    Some("Bloomberg"),
                    "On Huawei and 5G?",
                    "We oppose the US suppression of Huawei. We have said so 300 times.",
                ),
            ],
        );
        assert_eq!(align(&zh, &en), vec![Some(0), None, Some(1)]);
        assert_eq!(align(&en, &zh), vec![Some(0), Some(2)]);
    }

    #[test]
    fn turns_with_nothing_in_common_are_not_paired() {
        let zh = conf("zh", vec![turn(Some("AFP"), "问题？", "回答。")]);
        let en = conf("en", vec![turn(Some("Reuters"), "Question?", "Answer.")]);
        assert_eq!(align(&zh, &en), vec![None]);
    }
}

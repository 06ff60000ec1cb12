//! What one version of a conference has and another lacks: questions present
//! in one language only, and answers much shorter in one version than the
//! rest of the conference leads to expect (`briefings diff`).

use serde::Serialize;

use crate::model::{Conference, Turn, TurnKind};

/// An answer counts as much shorter below this share of its expected length
/// (its counterpart's length scaled by the two versions' overall ratio).
const MUCH_SHORTER: f64 = 0.5;

/// Answers shorter than this (characters, both sides) are not compared: a
/// one-line answer varies too much with the translation.
const MIN_ANSWER: usize = 40;

/// The differences between two versions of one conference.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Differences {
    pub(crate) conference: String,
    pub(crate) version: String,
    pub(crate) languages: [String; 2],
    /// Questions of either version with no counterpart in the other.
    pub(crate) only_in: Vec<OnlyIn>,
    /// Aligned questions whose answer is much shorter in one version.
    pub(crate) shorter: Vec<Shorter>,
}

/// A question one version has and the other lacks.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct OnlyIn {
    pub(crate) language: String,
    pub(crate) conference: String,
    /// 0-based turn index in that conference.
    pub(crate) turn: usize,
    pub(crate) outlet: Option<String>,
    /// The start of the question, plain text.
    pub(crate) question: String,
}

/// An answer much shorter in `language` than its counterpart.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Shorter {
    pub(crate) language: String,
    pub(crate) turn: usize,
    pub(crate) other_language: String,
    pub(crate) other_turn: usize,
    /// Its length over the length expected from its counterpart (below 0.5).
    pub(crate) share: f64,
}

impl Differences {
    pub(crate) fn is_empty(&self) -> bool {
        self.only_in.is_empty() && self.shorter.is_empty()
    }
}

/// Compares `a` and `b`, versions of one conference.
pub(crate) fn compare(a: &Conference, b: &Conference) -> Differences {
    let a_to_b = crate::align::align(a, b);
    let mut b_has = vec![false; b.turns.len()];
    for j in a_to_b.iter().flatten() {
        b_has[*j] = true;
    }
    let mut only_in: Vec<OnlyIn> = a
        .turns
        .iter()
        .enumerate()
        .filter(|(i, t)| a_to_b[*i].is_none() && t.kind == TurnKind::Question)
        .map(|(i, t)| only(a, i, t))
        .collect();
    only_in.extend(
        b.turns
            .iter()
            .enumerate()
            .filter(|(j, t)| !b_has[*j] && t.kind == TurnKind::Question)
            .map(|(j, t)| only(b, j, t)),
    );
    let answer = |t: &Turn| t.answer.iter().map(|p| p.chars().count()).sum::<usize>();
    let total = |c: &Conference| c.turns.iter().map(answer).sum::<usize>().max(1) as f64;
    // How many characters of `b` one character of `a` becomes (English ≈ 3× Chinese).
    let ratio = total(b) / total(a);
    let mut shorter = Vec::new();
    for (i, j) in a_to_b
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((i, (*j)?)))
    {
        let (la, lb) = (answer(&a.turns[i]), answer(&b.turns[j]));
        if la < MIN_ANSWER && lb < MIN_ANSWER {
            continue;
        }
        let share = lb as f64 / (la as f64 * ratio).max(1.0);
        if share < MUCH_SHORTER {
            shorter.push(short(b, j, a, i, share));
        } else if 1.0 / share < MUCH_SHORTER {
            shorter.push(short(a, i, b, j, 1.0 / share));
        }
    }
    Differences {
        conference: a.id.clone(),
        version: b.id.clone(),
        languages: [a.language.clone(), b.language.clone()],
        only_in,
        shorter,
    }
}

fn only(c: &Conference, turn: usize, t: &Turn) -> OnlyIn {
    let text = t.question.first().map_or("", String::as_str);
    OnlyIn {
        language: c.language.clone(),
        conference: c.id.clone(),
        turn,
        outlet: t.outlet.clone(),
        question: text.chars().take(120).collect(),
    }
}

fn short(
    c: &Conference,
    turn: usize,
    other: &Conference,
    other_turn: usize,
    share: f64,
) -> Shorter {
    Shorter {
        language: c.language.clone(),
        turn,
        other_language: other.language.clone(),
        other_turn,
        share: (share * 100.0).round() / 100.0,
    }
}

//! The corpus types, exactly as `spec/CORPUS.md` stores them on disk.
//!
//! Unknown fields are captured in `extra` so that a conference written by
//! another tool survives being loaded and rewritten by us.

mod day;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use day::days_in_month;
pub(crate) use day::{Day, NotADay};

/// The corpus format version this build writes.
pub(crate) const FORMAT: u32 = 1;

/// One press conference in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conference {
    #[serde(default = "format_default")]
    pub format: u32,
    pub id: String,
    /// ISO date `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spokesperson: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub turns: Vec<Turn>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn format_default() -> u32 {
    FORMAT
}

/// Other tools write `null` for an empty title, asker or list; it reads as empty,
/// as an absent field does, instead of rejecting the whole conference.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Whether the spokesperson was asked (`question`) or spoke unasked (`statement`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TurnKind {
    Statement,
    Question,
}

/// One exchange (or unasked statement) inside a conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    pub kind: TurnKind,
    /// The label exactly as printed; empty when the text starts mid-answer.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub asker: String,
    /// The canonical outlet; `None` when the asker names no outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "is_false"
    )]
    pub follow_up: bool,
    /// Asked after the conference closed ("会后，有记者问及", "raised after the press
    /// conference"); absent from JSON when false, so files written before it still read.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "is_false"
    )]
    pub after_conference: bool,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub question: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub answer: Vec<String>,
    /// The transcript was cut around this turn: its text starts mid-answer (`start`, on the
    /// first turn) or stops before it was over (`end`, on the last); the reader marks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<Cut>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a transcript was cut, as the importer warned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cut {
    Start,
    End,
    Both,
}

impl Cut {
    /// `self` with `other` added.
    #[must_use]
    pub fn and(self, other: Cut) -> Cut {
        if self == other { self } else { Cut::Both }
    }

    /// Whether the text starts mid-answer.
    pub fn at_start(self) -> bool {
        self != Cut::End
    }

    /// Whether the text stops before the turn was over.
    pub fn at_end(self) -> bool {
        self != Cut::Start
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if hands us a reference
fn is_false(b: &bool) -> bool {
    !*b
}

impl Turn {
    /// A statement by `speaker` made of `answer` paragraphs.
    pub(crate) fn statement(speaker: Option<String>, answer: Vec<String>) -> Self {
        Turn {
            kind: TurnKind::Statement,
            asker: String::new(),
            outlet: None,
            follow_up: false,
            after_conference: false,
            question: Vec::new(),
            speaker,
            answer,
            cut: None,
            extra: Map::new(),
        }
    }

    /// A question turn; the answer is filled in as paragraphs arrive.
    pub fn question(asker: String, outlet: Option<String>, question: Vec<String>) -> Self {
        Turn {
            kind: TurnKind::Question,
            asker,
            outlet,
            follow_up: false,
            after_conference: false,
            question,
            speaker: None,
            answer: Vec::new(),
            cut: None,
            extra: Map::new(),
        }
    }

    /// What to show for who asked: the outlet, else the label, else a dash.
    pub(crate) fn asker_display(&self) -> &str {
        match (&self.outlet, self.kind) {
            (Some(o), _) => o,
            (None, TurnKind::Statement) => "statement",
            (None, TurnKind::Question) if self.asker.is_empty() => "—",
            (None, TurnKind::Question) => &self.asker,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_text_fields_of_other_tools_read_as_empty() {
        let text = r#"{"format":1,"id":"2025-07-29-fr","date":"2025-07-29","language":"fr",
            "title":null,
            "turns":[{"kind":"question","asker":null,"outlet":null,"follow_up":null,
                      "after_conference":null,"question":null,"answer":null}]}"#;
        let c: Conference = serde_json::from_str(text).unwrap();
        assert_eq!(c.title, "");
        let t = &c.turns[0];
        assert!(t.asker.is_empty() && t.question.is_empty() && t.answer.is_empty());
        assert!(!t.follow_up && !t.after_conference);
        let none: Conference = serde_json::from_str(
            r#"{"id":"2025-07-29-fr","date":"2025-07-29","language":"fr","turns":null}"#,
        )
        .unwrap();
        assert!(none.turns.is_empty());
    }

    #[test]
    fn unknown_fields_survive_a_rewrite() {
        let text = r#"{"format":1,"id":"2025-07-29-fr","date":"2025-07-29","language":"fr",
            "title":"t","scraper":{"v":2},
            "turns":[{"kind":"question","asker":"AFP","outlet":"AFP","question":["q"],
                      "answer":["a"],"confidence":0.5}]}"#;
        let c: Conference = serde_json::from_str(text).unwrap();
        let again: Conference = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(again.extra["scraper"]["v"], 2);
        assert_eq!(again.turns[0].extra["confidence"], 0.5);
        assert_eq!(c, again);
    }

    #[test]
    fn after_conference_is_written_only_when_true_and_read_when_absent() {
        let old: Turn = serde_json::from_str(r#"{"kind":"question","answer":["a"]}"#).unwrap();
        assert!(
            !old.after_conference,
            "files written before the field read as false"
        );
        assert!(
            !serde_json::to_string(&old)
                .unwrap()
                .contains("after_conference")
        );
        let mut late = old.clone();
        late.after_conference = true;
        let text = serde_json::to_string(&late).unwrap();
        assert!(text.contains(r#""after_conference":true"#), "{text}");
        assert_eq!(serde_json::from_str::<Turn>(&text).unwrap(), late);
    }

    #[test]
    fn missing_optional_fields_default() {
        let c: Conference =
            serde_json::from_str(r#"{"id":"x","date":"2020-01-01","language":"en"}"#).unwrap();
        assert_eq!(c.format, FORMAT);
        assert!(c.turns.is_empty());
        assert_eq!(c.spokesperson, None);
    }
}

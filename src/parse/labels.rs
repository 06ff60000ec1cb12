//! Speaker labels: `AFP : `, `Q:`, `答：`, `巴西《圣保罗页报》记者:`, `Guo Jiakun :`.
//!
//! A colon near the start of a paragraph is a label only when what precedes it
//! names an asker or the spokesperson; `Our position is very clear:` and
//! `下午4：` stay text.

use super::names;
use crate::outlets::{Outlets, Resolved};

/// Who a label says is speaking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Label {
    /// A journalist: the label as printed, and whether it marks a follow-up.
    Question { asker: String, follow_up: bool },
    /// The spokesperson, by romanised name when the label gives one (`None` for `A`/`R`/`答`).
    Answer { speaker: Option<&'static str> },
}

/// Anonymous answer labels.
const ANSWERS: &[&str] = &["a", "r", "答", "réponse", "reponse", "answer", "rép"];

/// Labels that mark a follow-up question.
const FOLLOW_UPS: &[&str] = &[
    "follow-up",
    "follow up",
    "follow-up question",
    "follow up question",
    "追问",
    "追問",
    "suivi",
    "question de suivi",
    "question complémentaire",
];

/// Small words allowed in lower case inside an outlet name (`Agence de Presse Xinhua`).
const CONNECTORS: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "of", "the", "and", "for", "et", "&", "en", "in", "on",
    "y", "di", "del",
];

/// The longest label (in bytes) split on inside a run-together line.
const MAX_INLINE_LABEL: usize = 64;

/// The furthest a label's colon may be from the start of a paragraph, in characters.
const MAX_LABEL: usize = 80;

/// Splits a paragraph into its label and the text after it.
pub(super) fn split<'a>(text: &'a str, outlets: &Outlets) -> Option<(Label, &'a str)> {
    let (candidate, rest) = candidate(text)?;
    let label = classify(candidate, rest, outlets, false)?;
    Some((label, rest))
}

/// The text before the first colon near the start, and the text after it.
fn candidate(text: &str) -> Option<(&str, &str)> {
    let (at, colon) = text
        .char_indices()
        .take(MAX_LABEL)
        .find(|&(_, c)| matches!(c, ':' | '：' | '︰'))?;
    let label = text[..at].trim();
    let rest = text[at + colon.len_utf8()..].trim();
    // `At 3:40 pm`, `下午4：30`: a clock, not a label.
    if label.ends_with(|c: char| c.is_ascii_digit())
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    (!label.is_empty()).then_some((label, rest))
}

/// What a candidate label means; `known_only` refuses labels recognised only by their shape.
fn classify(label: &str, rest: &str, outlets: &Outlets, known_only: bool) -> Option<Label> {
    if label.starts_with(['(', '（', '[', '【', '"', '“', '«', '‘', '\'']) {
        return None;
    }
    let lower = label.to_lowercase();
    let question = |follow_up| Label::Question {
        asker: label.to_string(),
        follow_up,
    };
    if ANSWERS.contains(&lower.as_str()) {
        return Some(Label::Answer { speaker: None });
    }
    if FOLLOW_UPS.contains(&lower.as_str()) {
        return Some(question(true));
    }
    if let Some(name) = names::lookup(label) {
        return Some(Label::Answer {
            speaker: Some(name),
        });
    }
    if matches!(
        outlets.resolve(label),
        Resolved::Outlet(_) | Resolved::Anonymous
    ) {
        return Some(question(false));
    }
    if known_only {
        return None;
    }
    let chars = label.chars().count();
    let cjk = label.chars().any(is_cjk);
    if cjk {
        let reporter = (label.ends_with("记者") || label.ends_with("記者"))
            && chars <= 30
            && !label.contains(['。', '，', ',']);
        return reporter.then(|| question(false));
    }
    (!rest.is_empty() && chars <= 50 && looks_like_outlet(label)).then(|| question(false))
}

/// `Rudaw Media Network`, `WION`: capitalised words without digits; one word only if an acronym.
fn looks_like_outlet(label: &str) -> bool {
    if label.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    match words.as_slice() {
        [one] => {
            one.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && one
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        }
        [first, ..] if words.len() <= 6 => {
            capitalised(first)
                && words
                    .iter()
                    .all(|w| capitalised(w) || CONNECTORS.contains(&w.to_lowercase().as_str()))
        }
        _ => false,
    }
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// Whether a question calls itself a follow-up in its opening sentence.
pub(super) fn opens_as_follow_up(question: &str) -> bool {
    let opening: String = question
        .chars()
        .take(160)
        .take_while(|c| !matches!(c, '.' | '?' | '。' | '？'))
        .collect::<String>()
        .to_lowercase();
    [
        "follow up",
        "follow-up",
        "追问",
        "question de suivi",
        "pour faire suite",
    ]
    .iter()
    .any(|w| opening.contains(w))
}

/// Splits a line where several paragraphs were run together (`… intégral : Ma Zhaoxu : Bonjour … ? R : Comme …`).
/// Only labels known by name are split on, and only after the end of a sentence.
pub(super) fn split_inline<'a>(line: &'a str, outlets: &Outlets) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if !matches!(
            c,
            '.' | '?' | '!' | ':' | ';' | '»' | '”' | '"' | '。' | '？' | '！' | '；'
        ) {
            continue;
        }
        let after = i + c.len_utf8();
        let gap = line[after..].len() - line[after..].trim_start().len();
        if gap == 0 && c.is_ascii() {
            continue;
        }
        let at = after + gap;
        if at >= line.len() || at <= start {
            continue;
        }
        let Some((label, rest)) = candidate(&line[at..]) else {
            continue;
        };
        // Known labels are short: this keeps long run-together paragraphs cheap.
        if label.len() > MAX_INLINE_LABEL {
            continue;
        }
        let colon_ascii = line[at + label.len()..].trim_start().starts_with(':');
        if colon_ascii
            && !line[at..]
                .split_once(':')
                .is_some_and(|(_, r)| r.starts_with(char::is_whitespace))
        {
            continue;
        }
        if classify(label, rest, outlets, true).is_some() {
            pieces.push(line[start..i + c.len_utf8()].trim());
            start = at;
        }
    }
    pieces.push(line[start..].trim());
    pieces.retain(|p| !p.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<(Label, String)> {
        split(s, &Outlets::builtin()).map(|(l, r)| (l, r.to_string()))
    }

    fn asker(s: &str) -> Option<String> {
        match label(s)?.0 {
            Label::Question { asker, .. } => Some(asker),
            Label::Answer { .. } => None,
        }
    }

    #[test]
    fn label_forms() {
        for s in [
            "AFP : x",
            "AFP: x",
            "AFP：x",
            "AFP\u{a0}: x",
            "AFP :\u{a0}x",
        ] {
            assert_eq!(asker(s).as_deref(), Some("AFP"), "{s}");
        }
        assert_eq!(
            asker("巴西《圣保罗页报》记者:x").as_deref(),
            Some("巴西《圣保罗页报》记者")
        );
        assert_eq!(
            asker("Rudaw Media Network : x").as_deref(),
            Some("Rudaw Media Network")
        );
        assert_eq!(
            asker("Agence de Presse Xinhua : x").as_deref(),
            Some("Agence de Presse Xinhua")
        );
        assert_eq!(
            label("答：好").map(|l| l.0),
            Some(Label::Answer { speaker: None })
        );
        assert_eq!(
            label("Mme Mao Ning : x").map(|l| l.0),
            Some(Label::Answer {
                speaker: Some("Mao Ning")
            })
        );
        assert_eq!(
            label("Follow-up: x").map(|l| l.0),
            Some(Label::Question {
                asker: "Follow-up".into(),
                follow_up: true
            })
        );
    }

    #[test]
    fn colons_that_are_not_labels() {
        for s in [
            "Our position is very clear: no.",
            "I must point this out: yes.",
            "At 3:40 pm we met.",
            "下午4：30举行。",
            "首先向大家通报一组数字：根据统计。",
            "Updated: June 17, 2025 19:20",
            "L'adresse: 2 Chao Yang Men Nan Da Jie",
            "(Note: Chinese-style formal dress)",
            "Je voudrais tout d’abord partager quelques chiffres avec vous : 491 patients",
            "更新时间:2023-09-08 20:13:06",
        ] {
            assert_eq!(label(s), None, "{s}");
        }
    }

    #[test]
    fn run_together_paragraphs_split_at_labels() {
        let line = "texte intégral : Ma Zhaoxu : Bonjour. Q : Récemment, va-t-il le faire ? R : Comme tous.";
        assert_eq!(
            split_inline(line, &Outlets::builtin()),
            vec![
                "texte intégral :",
                "Ma Zhaoxu : Bonjour.",
                "Q : Récemment, va-t-il le faire ?",
                "R : Comme tous."
            ]
        );
        assert_eq!(
            split_inline("Il a déclaré : « Oui. »", &Outlets::builtin()),
            vec!["Il a déclaré : « Oui. »"]
        );
    }

    #[test]
    fn follow_ups_declared_in_the_question() {
        assert!(opens_as_follow_up(
            "I want to follow up on that question about the WSJ reporters. More."
        ));
        assert!(!opens_as_follow_up(
            "Another question on WSJ. I follow up later."
        ));
    }

    #[test]
    fn follow_up_labels_name_no_outlet() {
        let outlets = crate::outlets::Outlets::builtin();
        for label in FOLLOW_UPS {
            assert_eq!(outlets.outlet_for(label), None, "{label}");
        }
    }
}

//! The outlet a journalist names inside an unlabelled or anonymous question
//! ("I'm with Bloomberg.", "Je suis de l'agence de presse Reuters.", "我是路透社记者").

use crate::outlets::{Outlets, Resolved};

/// Sentence openings that introduce the journalist's outlet (lower case).
const INTROS: &[&str] = &[
    "i'm with ",
    "i am with ",
    "i'm from ",
    "i am from ",
    "i work for ",
    "i'm a reporter with ",
    "i'm a reporter from ",
    "i am a reporter with ",
    "i am a reporter from ",
    "i'm a journalist with ",
    "i'm a journalist from ",
    "i am a journalist with ",
    "i am a journalist from ",
    "i'm a correspondent for ",
    "je suis de ",
    "je suis du ",
    "je suis journaliste à ",
    "je suis journaliste de ",
    "je suis journaliste pour ",
    "je suis journaliste du ",
    "je travaille pour ",
    "je travaille à ",
    "je représente ",
    "我是来自",
    "我来自",
    "我是",
];

/// Words between the opening and the name (`l'agence de presse Reuters`, `the BBC`).
const FILLERS: &[&str] = &[
    "l'agence de presse ",
    "l’agence de presse ",
    "l'agence ",
    "l’agence ",
    "la chaîne ",
    "la radio ",
    "la télévision ",
    "le journal ",
    "le quotidien ",
    "the ",
];

/// The canonical outlet named in the first sentences of `question`, when the table knows it.
pub(super) fn in_question(question: &str, outlets: &Outlets) -> Option<String> {
    let head: String = question
        .chars()
        .take(240)
        .collect::<String>()
        .to_lowercase();
    let mut start = 0;
    for (i, c) in head.char_indices() {
        let end = matches!(c, '.' | '?' | '!' | '。' | '？' | '！' | '，' | ',');
        if i == start || !end {
            continue;
        }
        if let Some(outlet) = named_in(head[start..i].trim(), outlets) {
            return Some(outlet);
        }
        start = i + c.len_utf8();
    }
    named_in(head[start..].trim(), outlets)
}

/// The outlet a sentence like `i'm with bloomberg` names.
fn named_in(sentence: &str, outlets: &Outlets) -> Option<String> {
    let intro = INTROS.iter().find(|i| sentence.starts_with(*i))?;
    let mut name = sentence[intro.len()..].trim();
    for cut in [" in ", " à ", " based ", "的记者", "记者", "的"] {
        if let Some((before, _)) = name.split_once(cut) {
            name = before.trim();
        }
    }
    loop {
        if let Resolved::Outlet(canonical) = outlets.resolve(name) {
            return Some(canonical);
        }
        name = FILLERS.iter().find_map(|f| name.strip_prefix(f))?.trim();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_named_in_the_question() {
        let outlets = Outlets::builtin();
        for (q, want) in [
            ("I'm with Bloomberg. Will the talks go on?", "Bloomberg"),
            (
                "Thank you. I am a reporter from Kyodo News. A question on Japan.",
                "Kyodo News",
            ),
            (
                "Je suis de l'agence de presse Reuters. Le ministre viendra-t-il ?",
                "Reuters",
            ),
            (
                "Je travaille pour la chaîne NHK. Qu'en pensez-vous ?",
                "NHK",
            ),
            ("我是路透社记者。中方是否会派团？", "Reuters"),
            ("谢谢。我是来自法新社的记者，想问一个问题。", "AFP"),
        ] {
            assert_eq!(in_question(q, &outlets).as_deref(), Some(want), "{q}");
        }
        for q in [
            "I'm not aware of that report. Can you confirm?",
            "I'm with you on that, but is it true?",
            "我是想问一下，中方有何评论？",
            "Will Bloomberg be allowed back?",
        ] {
            assert_eq!(in_question(q, &outlets), None, "{q}");
        }
    }
}

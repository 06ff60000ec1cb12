//! A numbered table of contents of the day's questions printed above a reprinted transcript
//! (`本期要点：` / `1. 中方对北约峰会有何回应？`, `Questions answered today:` / `1. CCTV: NATO…`):
//! a list of the turns that follow, not turns itself.

use std::sync::LazyLock;

use regex::Regex;

use super::labels::{self, Label};
use super::{Para, furniture};
use crate::outlets::Outlets;

/// `1.`, `2)`, `3、`, `(4)`, `5．` at the start of an entry, with its number.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[(（]?(\d{1,2})\s*(?:[.．)）、]|[(（]?\s*$)\s*\S").expect("valid regex")
});

/// An entry names a question in a line: a longer paragraph is the transcript.
const MAX_ENTRY: usize = 120;

/// Words of a heading that announces a list of the day's questions.
const HEADINGS: &[&str] = &[
    "要点",
    "目录",
    "问题",
    "問題",
    "提问",
    "question",
    "sommaire",
    "au menu",
    "topics",
    "contents",
    "summary",
    "highlights",
];

/// Which paragraphs of `paras` (one conference's text, from its title) are a table of
/// contents. Only lists before the first labelled paragraph that is not part of them are
/// looked at, so numbered announcements inside a statement or sub-questions inside a
/// question stay. A list counts when it numbers from 1 on at least two paragraphs and
/// every entry is a question (`…？`), or every entry carries an asker's label with no answer
/// between them, or a heading naming questions or contents stands right above it.
pub(super) fn entries(paras: &[Para], outlets: &Outlets) -> Vec<bool> {
    let mut out = vec![false; paras.len()];
    let mut i = 0;
    while i < paras.len() {
        let run = numbered_run(&paras[i..]);
        if run >= 2 {
            let list = &paras[i..i + run];
            let heading = i.checked_sub(1).is_some_and(|h| is_heading(&paras[h].text));
            let asks = list.iter().all(|p| ends_with_question(&p.text));
            let labelled = list.iter().all(|p| {
                matches!(
                    labels::split(&p.text, outlets),
                    Some((Label::Question { .. }, _))
                )
            });
            if heading || asks || labelled {
                out[i..i + run].fill(true);
            }
            i += run;
            continue;
        }
        if labels::split(&paras[i].text, outlets).is_some() {
            break;
        }
        i += 1;
    }
    out
}

/// How many paragraphs from the first are numbered 1, 2, 3… in a row (0 when the first is not `1`).
fn numbered_run(paras: &[Para]) -> usize {
    paras
        .iter()
        .enumerate()
        .take_while(|(k, p)| {
            p.text.chars().count() <= MAX_ENTRY
                && NUMBERED
                    .captures(&p.text)
                    .and_then(|c| c[1].parse::<usize>().ok())
                    == Some(k + 1)
        })
        .count()
}

fn ends_with_question(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '»', ' '])
        .ends_with(['?', '？'])
}

/// `本期要点：`, `Questions answered today:`, `Au sommaire :`: short, announcing a list.
fn is_heading(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    t.chars().count() <= 40
        && !furniture::ends_sentence(t)
        && HEADINGS.iter().any(|h| lower.contains(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Para> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Para {
                text: l.to_string(),
                line: i + 1,
                strong: false,
            })
            .collect()
    }

    fn marked(text: &str) -> Vec<bool> {
        entries(&paras(text), &Outlets::builtin())
    }

    #[test]
    fn lists_of_questions_labels_or_under_a_heading_are_contents() {
        assert_eq!(
            marked(
                "本期要点：\n1. 中方对北约峰会有何回应？\n2. 中菲是否有新进展？\n毛宁：各位好。"
            ),
            [false, true, true, false]
        );
        assert_eq!(
            marked(
                "Questions answered today:\n1. CCTV: NATO summit declaration\n2. Reuters: Second Thomas Shoal\nCCTV: Any comment?\nMao Ning: No."
            ),
            [false, true, true, false, false]
        );
        assert_eq!(
            marked(
                "Au sommaire :\n1) La visite du président\n2) Les droits de douane\n3) Taïwan\nAFP : Une question ?\nMao Ning : Oui."
            ),
            [false, true, true, true, false, false]
        );
        assert_eq!(
            marked(
                "1. What about the summit?\n2. Will the talks resume?\nAFP: What about the summit?\nMao Ning: Fine."
            ),
            [true, true, false, false]
        );
    }

    #[test]
    fn numbered_text_that_is_the_transcript_stays() {
        // Numbered announcements with no heading naming questions.
        assert_eq!(
            marked(
                "Mao Ning: I have three announcements.\n1. Premier Li will visit Laos.\n2. The forum opens on Monday.\nAFP: Any comment?"
            ),
            [false; 4]
        );
        assert_eq!(
            marked(
                "1. 应老挝外长邀请，王毅将出席东盟外长会。\n2. 论坛将于下周一开幕。\n法新社记者：有何评论？"
            ),
            [false; 3]
        );
        // Sub-questions inside a labelled question.
        assert_eq!(
            marked(
                "AFP : J'ai deux questions.\n1. La visite aura-t-elle lieu ?\n2. Quand ?\nMao Ning : Oui, bientôt."
            ),
            [false; 4]
        );
        // Numbered turns each followed by its answer (a forum post): one entry is no list.
        assert_eq!(
            marked(
                "1. Reuters: Any comment?\nMao Ning: No.\n2. AFP: And now?\nMao Ning: Still no."
            ),
            [false; 4]
        );
    }
}

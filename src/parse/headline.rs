//! Lines above a reprinted transcript that are the reprint's own, not the conference:
//! a news headline with a colon (`Taiwan: China urges…`, `Droits de douane : la Chine…`,
//! `外交部：…`), which the label rules would read as an asker, and a lead sentence that
//! dates the conference (`Mardi 9 avril 2024, le porte-parole Lin Jian répondait…`).

use super::labels;
use super::{dates, names};
use crate::outlets::Outlets;

/// A headline is short: a question paragraph rarely is, and a long line is text.
const MAX_HEADLINE: usize = 160;

/// The subject before a headline's colon: a few words (`South China Sea`), a short Chinese noun.
const MAX_SUBJECT_WORDS: usize = 5;
const MAX_SUBJECT_CJK: usize = 12;

/// Whether `text`, read before the first turn, is a headline with a colon rather than a
/// labelled turn: what precedes the colon is no known label (outlet, spokesperson, `Q`, a
/// journalist), and what follows it does not end as a question or a sentence does.
pub(super) fn is_headline(text: &str, outlets: &Outlets) -> bool {
    let t = text.trim();
    if t.chars().count() > MAX_HEADLINE {
        return false;
    }
    let Some((subject, rest)) = labels::candidate(t) else {
        return false;
    };
    let cjk = subject.chars().any(labels::is_cjk);
    let short = if cjk {
        subject.chars().count() <= MAX_SUBJECT_CJK
    } else {
        subject.split_whitespace().count() <= MAX_SUBJECT_WORDS
    };
    let journalist = ["记者", "記者", "journalist", "journaliste", "reporter"]
        .iter()
        .any(|j| subject.to_lowercase().ends_with(j));
    // A question or a sentence ends with its mark; a headline stops on its last word,
    // a quotation mark or an ellipsis.
    let ends_as_text = rest.ends_with(['.', '?', '？', '。', '!', '！', ':', '：', ';', '；']);
    // `Updated: October 09, 2025 17:56` is a date line (read elsewhere), not a headline.
    short
        && !journalist
        && dates::find(t).is_none()
        && !rest.is_empty()
        && !ends_as_text
        && !labels::is_known_label(subject, rest, outlets)
}

/// Words naming the spokesperson's office in a lead sentence.
const ROLE: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "porte-parole",
    "发言人",
    "發言人",
];

/// The longest lead sentence read for a date: a paragraph of text is not a lead.
const MAX_LEAD: usize = 300;

/// Whether a line names the spokesperson's office (`Foreign Ministry Spokesperson`, `发言人`).
pub(super) fn names_the_office(text: &str) -> bool {
    let lower = text.to_lowercase();
    ROLE.iter().any(|r| lower.contains(r))
}

/// The conference date given by a lead sentence before the first turn, one that names the
/// spokesperson by role, and by name or the conference, and prints a full date (`On 9 April
/// 2024, spokesperson Lin Jian answered…`, `2024年4月9日，外交部发言人林剑回答了记者提问。`,
/// `Le porte-parole … a tenu le 3 mars 2023 la conférence de presse régulière`).
pub(super) fn lead_date(text: &str) -> Option<String> {
    if text.chars().count() > MAX_LEAD {
        return None;
    }
    let named = names::find_in(text).is_some() || super::header::mentions_conference(text);
    (names_the_office(text) && named)
        .then(|| dates::iso(text))
        .flatten()
}

/// A news agency's dateline: `BEIJING, March 3 (Xinhua) --`, `PÉKIN, 3 mars (Xinhua) --`,
/// `新华社北京3月3日电`, `中新网北京3月3日电（记者 张三）`.
static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^\s*(?:\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){0,2},\s*[^()]{3,30}?\s*\([^()]{2,40}\)\s*(?:--|—|–|-)|[^\s，。：:]{0,12}?(?:北京|Beijing)(?:\d{4}年)?\d{1,2}月\d{1,2}日电)",
    )
    .expect("valid regex")
});

/// Whether a paragraph opens with a news agency's dateline.
pub(super) fn dateline(text: &str) -> bool {
    DATELINE.is_match(text)
}

/// The conference date a reprint states before the first turn: its dateline's day (the day of
/// the story, the conference's), else a lead sentence's date.
pub(super) fn conference_date(text: &str) -> Option<String> {
    DATELINE
        .find(text)
        .and_then(|m| dates::iso(m.as_str()))
        .or_else(|| lead_date(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(s: &str) -> bool {
        is_headline(s, &Outlets::builtin())
    }

    #[test]
    fn headlines_with_a_colon_in_three_languages() {
        for s in [
            "Droits de douane : la Chine demande aux États-Unis de revenir sur leur décision",
            "Hong Kong : la Chine dénonce une « ingérence grossière » de Londres",
            "Taiwan: China urges the US to stop arms sales to the island",
            "South China Sea: Beijing rejects Manila's claims, warns of \"countermeasures\"",
            "Trade war: Beijing vows to fight 'to the end'…",
            "外交部：中方敦促美方立即停止对台军售",
            "Taïwan : Pékin met en garde Washington",
            "中美关系：外交部回应美方最新制裁措施",
        ] {
            assert!(headline(s), "{s}");
        }
    }

    #[test]
    fn first_turns_are_not_headlines() {
        for s in [
            // Known outlets, the spokesperson, anonymous labels.
            "AFP : Quelle est votre réaction ?",
            "Bloomberg: Reports say the talks will resume",
            "Mao Ning: Good afternoon",
            "Q: Any comment on the visit",
            "法新社记者：你对军售有何评论",
            "问：中方对此有何评论",
            "1. CCTV: NATO summit declaration",
            // Unknown outlets that ask or end a sentence.
            "Rudaw Media Network: How does China view the elections in the Kurdistan region?",
            "Kazinform : La visite aura-t-elle lieu ?",
            "某某日报记者：中方是否证实此事",
            "九派新闻：中方如何看待有关报道？",
            // Date lines.
            "Updated: October 09, 2025 17:56",
            "发布时间：2024年10月1日",
            // Long lines are text.
            "Hong Kong: the spokesperson said in a long answer that the affairs of Hong Kong are purely China's internal affairs and that no foreign government has any right to interfere in them in any way whatsoever",
        ] {
            assert!(!headline(s), "{s}");
        }
    }

    #[test]
    fn lead_sentences_date_the_conference() {
        assert_eq!(
            lead_date("Mardi 9 avril 2024, le porte-parole Lin Jian répondait aux questions des journalistes étrangers.").as_deref(),
            Some("2024-04-09")
        );
        assert_eq!(
            lead_date("On May 6, 2024, Foreign Ministry Spokesperson Lin Jian took questions from the press.").as_deref(),
            Some("2024-05-06")
        );
        assert_eq!(
            lead_date("2024年4月9日，外交部发言人林剑回答了记者提问。").as_deref(),
            Some("2024-04-09")
        );
        // No spokesperson, or no role word: an announcement, not a lead.
        assert_eq!(
            lead_date("Le 9 avril 2024, le président se rendra à Paris."),
            None
        );
        assert_eq!(lead_date("2024年4月9日，林剑将出席论坛。"), None);
    }

    #[test]
    fn datelines_date_the_conference() {
        for (s, want) in [
            (
                "BEIJING, March 3, 2023 (Xinhua) -- Chinese Foreign Ministry spokesperson Wang Wenbin said",
                "2023-03-03",
            ),
            (
                "Beijing, 3 March 2023 (AFP) - China said on Friday",
                "2023-03-03",
            ),
            ("PÉKIN, 3 mars 2023 (Xinhua) --", "2023-03-03"),
            (
                "新华社北京2023年3月3日电 外交部发言人汪文斌3日表示",
                "2023-03-03",
            ),
        ] {
            assert_eq!(conference_date(s).as_deref(), Some(want), "{s}");
        }
        // A date inside a sentence is no dateline.
        assert_eq!(
            conference_date("China and France, on March 3, 2023 (Friday) - signed a deal"),
            None
        );
    }
}

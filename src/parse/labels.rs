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
    /// A journalist: the label as printed (list numbering and junk in front removed),
    /// whether it marks a follow-up, and whether it says the question came after the conference.
    Question {
        asker: String,
        follow_up: bool,
        after_conference: bool,
    },
    /// The spokesperson, by romanised name when the label gives one (`None` for `A`/`R`/`答`).
    Answer { speaker: Option<&'static str> },
}

/// Anonymous answer labels: `A`, `答`, and the spokesperson by office (`发言人：`, `Porte-parole :`).
const ANSWERS: &[&str] = &[
    "a",
    "r",
    "答",
    "réponse",
    "reponse",
    "answer",
    "rép",
    "发言人",
    "發言人",
    "外交部发言人",
    "外交部發言人",
    "porte-parole",
    "le porte-parole",
    "la porte-parole",
    "spokesperson",
    "the spokesperson",
    "spokesman",
    "spokeswoman",
    "fm spokesperson",
    "foreign ministry spokesperson",
];

/// A label without the number of a numbered pair (`Q1`, `A 2`, `问1`, `答1`, `Q.3`), lower case.
fn unnumbered(lower: &str) -> &str {
    let base = lower.trim_end_matches(|c: char| c.is_ascii_digit());
    if base.len() == lower.len() || lower.len() - base.len() > 3 {
        return lower;
    }
    base.trim_end_matches(['.', '-', '#', '°', ' '])
}

/// An anonymous asker's word (`Q`, `问`, `Question`, `Journaliste`, `问题`), lower case.
fn is_question_word(lower: &str, outlets: &Outlets) -> bool {
    !ANSWERS.contains(&lower)
        && !FOLLOW_UPS.contains(&lower)
        && (["问题", "問題", "提问", "提問"].contains(&lower)
            || outlets.resolve(lower) == Resolved::Anonymous)
}

/// `Q (AFP)`, `问（法新社）`, `Reuters (follow-up)`: the label and what its parentheses hold.
fn parenthesised(label: &str) -> Option<(&str, &str)> {
    let body = label.strip_suffix([')', '）'])?;
    let open = body.rfind(['(', '（'])?;
    let base = body[..open].trim();
    let inner = body[open..].trim_start_matches(['(', '（']).trim();
    (!base.is_empty() && !inner.is_empty()).then_some((base, inner))
}

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

/// Splits a paragraph into its label and the text after it, reading the label behind list
/// numbering or a bullet first (`3) Question :`, `- Reuters:`), so the asker is printed
/// without them even where the table would also know the whole (`- Reuters` → Reuters).
pub(super) fn split<'a>(text: &'a str, outlets: &Outlets) -> Option<(Label, &'a str)> {
    if let Some(bracketed) = bracketed(text, outlets) {
        return Some(bracketed);
    }
    if let Some((candidate, rest)) = candidate(text)
        && is_list_marked(candidate)
        && let Some(bare) = behind_junk(candidate)
        && let Some(label) = classify(bare, rest, outlets, false)
    {
        return Some((label, rest));
    }
    split_as_printed(text, outlets)
}

/// Whether a label starts with list numbering or a bullet that has a mark (`3)`, `2.`, `-`,
/// `•`, `1°/`, `a)`, `①`, `一、`), not bare digits that may be the outlet's own name (`7 News`).
fn is_list_marked(label: &str) -> bool {
    LIST_MARK.find(label).is_some_and(|m| {
        m.as_str()
            .chars()
            .any(|c| !c.is_ascii_digit() && !c.is_whitespace())
    })
}

/// A label printed in brackets, with or without a colon after it (`【问】…`, `[A] …`,
/// `【答】：…`): only a label word or a known outlet inside, so `[Photo]` stays text.
fn bracketed<'a>(text: &'a str, outlets: &Outlets) -> Option<(Label, &'a str)> {
    let t = text.trim_start();
    let open = t
        .chars()
        .next()
        .filter(|c| matches!(c, '【' | '[' | '［' | '〔'))?;
    let body = &t[open.len_utf8()..];
    let close = body
        .char_indices()
        .take(MAX_INLINE_LABEL)
        .find(|&(_, c)| matches!(c, '】' | ']' | '］' | '〕'))?;
    let inner = body[..close.0].trim();
    let rest = body[close.0 + close.1.len_utf8()..]
        .trim_start()
        .trim_start_matches([':', '：'])
        .trim();
    let label = classify(inner, rest, outlets, true)?;
    Some((label, rest))
}

/// [`split`] without preferring the label behind numbering.
fn split_as_printed<'a>(text: &'a str, outlets: &Outlets) -> Option<(Label, &'a str)> {
    if let Some(reported) = reported_answer(text) {
        return Some(reported);
    }
    if let Some((candidate, rest)) = candidate(text) {
        if let Some(label) = classify(candidate, rest, outlets, false) {
            return Some((label, rest));
        }
        if let Some(bare) = behind_junk(candidate)
            && let Some(label) = classify(bare, rest, outlets, false)
        {
            return Some((label, rest));
        }
    }
    None
}

/// The label behind list numbering, bullets or glued junk, when there is any in front.
fn behind_junk(label: &str) -> Option<&str> {
    let numbering = LIST_MARK.find(label).map_or(0, |m| m.end());
    let rest = &label[numbering..];
    // Junk glued before a bare Chinese label (`【本文由XX网整理】问`): not part of the label.
    let bare_cjk = ["追问", "追問", "问", "問", "答"].iter().find_map(|b| {
        let head = rest.strip_suffix(b)?;
        (!head.is_empty() && !head.ends_with(is_cjk)).then(|| &rest[head.len()..])
    });
    let bare = bare_cjk.unwrap_or(rest).trim();
    (bare.len() < label.len() && !bare.is_empty()).then_some(bare)
}

/// List numbering and bullets in front of a label: `1°/`, `2.`, `3)`, `(4)`, `5、`, `•`, `-`,
/// `★`, letters and roman numbers (`a)`, `b.`, `(c)`, `iv.`), circled numbers (`①`, `⑴`, `⒈`,
/// `❶`) and Chinese numbering (`一、`, `（二）`).
static LIST_MARK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^\s*(?:[(（]?\d{1,3}\s*[°º]?\s*(?:[./)）、:-]\s*/?|/)?[)）]?|[(（]?(?:[a-zA-Z]|[ivxIVX]{1,4})[)）.．](?:\s|$)|[(（]?[一二三四五六七八九十]{1,3}[)）、．.]|[\x{2460}-\x{24FF}\x{2776}-\x{2793}]|[•·▪●◆◇■□★☆►▶→>#*\-–—]+)\s*",
    )
    .expect("valid regex")
});

/// Verbs that close a line quoting the spokesperson (`le porte-parole Hong Lei a répondu :`,
/// `Spokesperson Hua Chunying said:`, `陆慷进一步表示：`).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "replied",
    "responded",
    "stated",
    "noted",
    "a répondu",
    "a déclaré",
    "a dit",
    "a ajouté",
    "a indiqué",
    "a souligné",
    "répondait",
    "表示",
    "说",
    "指出",
    "回应",
    "强调",
    "答",
];

/// Whether a paragraph reports the spokesperson speaking (`… Hong Lei a répondu : « … »`)
/// rather than printing a label: how a news story or an editorial quotes an answer.
pub(super) fn reports_speech(text: &str) -> bool {
    reported_answer(text).is_some()
}

/// A paragraph opening with a line that reports the spokesperson speaking: an answer by them.
fn reported_answer(text: &str) -> Option<(Label, &str)> {
    let (at, colon) = text
        .char_indices()
        .take(240)
        .find(|&(_, c)| matches!(c, ':' | '：'))?;
    let label = text[..at].trim();
    let rest = text[at + colon.len_utf8()..].trim();
    let speaks = SPEECH_VERBS.iter().any(|v| label.ends_with(v));
    // `陆慷进一步表示：` may stand alone, its words in the next paragraphs.
    let speaker = names::find_in(label).filter(|_| speaks)?;
    Some((
        Label::Answer {
            speaker: Some(speaker),
        },
        rest,
    ))
}

/// A journalist's line labelled with a verb (`Journalist adds`, `彭博社记者追问`, `记者解释`):
/// the asker without the verb, and whether the verb makes it a follow-up.
fn asker_with_verb(lower: &str) -> Option<(&str, bool)> {
    const VERBS: &[(&str, bool)] = &[
        ("追问", true),
        ("追問", true),
        ("解释", true),
        ("补充", true),
        ("回答", true),
        ("插话", true),
        ("笑", true),
        ("问", false),
        ("問", false),
        (" adds", true),
        (" added", true),
        (" asks", false),
        (" asked", false),
        (" follows up", true),
        (" explains", true),
        (" ajoute", true),
        (" demande", false),
        (" relance", true),
        (" précise", true),
    ];
    VERBS.iter().find_map(|(v, follow)| {
        let who = lower.strip_suffix(v)?.trim_end();
        let journalist = ["记者", "記者", "journalist", "reporter", "journaliste"]
            .iter()
            .any(|j| who.ends_with(j));
        (journalist && who.chars().count() <= 24).then_some((who, *follow))
    })
}

/// Phrases that say a question was asked after the conference closed.
const AFTER_CONFERENCE: &[&str] = &[
    "会后",
    "會後",
    "after the press conference",
    "after the conference",
    "après la conférence",
];

/// Phrases naming an anonymous asker: `会后，有记者问及`, `After the press conference, a journalist asked`.
fn asker_phrase(lower: &str) -> Option<bool> {
    let after = AFTER_CONFERENCE.iter().any(|a| lower.contains(a));
    let asks = ["问", "問", "ask", "question", "raised", "posé", "demand"]
        .iter()
        .any(|v| lower.contains(v));
    let someone = ["记者", "記者", "journalist", "reporter", "question"]
        .iter()
        .any(|v| lower.contains(v));
    (asks && someone && (after || lower.chars().count() <= 12)).then_some(after)
}

/// Whether `text` is a paragraph of its own saying that the questions after it were asked
/// after the conference (`会后，有记者问及以下问题：`, `The following questions were raised after
/// the press conference.`, `Après la conférence de presse, la question suivante a été posée :`)
/// rather than an asker's label with its question: nothing follows its colon, and the next
/// paragraph is a labelled question.
pub(super) fn announces_after_conference(
    text: &str,
    next: Option<&str>,
    outlets: &Outlets,
) -> bool {
    let t = text.trim();
    if t.chars().count() > 200 {
        return false;
    }
    let head = t.trim_end_matches([':', '：', '.', '。', ' ']);
    // One sentence with nothing behind its colon: `…问及：中方…？` is the question itself.
    if head.contains([':', '：', '?', '？']) {
        return false;
    }
    let lower = head.to_lowercase();
    asker_phrase(&lower) == Some(true)
        && next.is_some_and(|n| matches!(split(n, outlets), Some((Label::Question { .. }, _))))
}

/// `有记者`, `发布会后有记者`, `一名记者`, `A journalist`: someone unnamed, not an outlet.
fn is_someone(who: &str) -> bool {
    let lower = who.trim().to_lowercase();
    let stem = ["记者", "記者", "journaliste", "journalist", "reporter"]
        .iter()
        .find_map(|j| lower.strip_suffix(j))
        .unwrap_or(&lower)
        .trim();
    stem.is_empty()
        || stem.ends_with(['有', '名', '位', '个', '個'])
        || ["a", "an", "one", "un", "une"].contains(&stem)
        || after_conference(who)
}

/// Whether an asker label says the question came after the conference.
pub(super) fn after_conference(asker: &str) -> bool {
    let lower = asker.to_lowercase();
    AFTER_CONFERENCE.iter().any(|a| lower.contains(a))
}

/// The outlet of an asker label: none for phrases (`会后，有记者问及`) and bare journalists.
pub(super) fn outlet_of(asker: &str, outlets: &Outlets) -> Option<String> {
    let lower = asker.to_lowercase();
    if let Some((who, _)) = asker_with_verb(&lower)
        && let Some(who) = asker.get(..who.len())
    {
        if outlets.resolve(who) == Resolved::Unknown && is_someone(who) {
            return None;
        }
        return outlets.outlet_for(who);
    }
    if asker_phrase(&lower).is_some() && outlets.resolve(asker) == Resolved::Unknown {
        return None;
    }
    if let Some((base, inner)) = parenthesised(asker) {
        // `Q (AFP)`: the outlet in parentheses; `Reuters (follow-up)`: the one before them.
        if let Resolved::Outlet(o) = outlets.resolve(inner) {
            return Some(o);
        }
        if FOLLOW_UPS.contains(&inner.to_lowercase().as_str()) {
            return outlets.outlet_for(base);
        }
    }
    if is_question_word(unnumbered(&lower), outlets) {
        return None;
    }
    outlets.outlet_for(asker)
}

/// The text before the first colon near the start, and the text after it.
pub(super) fn candidate(text: &str) -> Option<(&str, &str)> {
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

/// Whether `label` is known by name (an outlet, the spokesperson, `Q`, a journalist phrase),
/// also behind list numbering or junk, rather than merely shaped like a label.
pub(super) fn is_known_label(label: &str, rest: &str, outlets: &Outlets) -> bool {
    classify(label, rest, outlets, true).is_some()
        || behind_junk(label).is_some_and(|bare| classify(bare, rest, outlets, true).is_some())
}

/// What a candidate label means; `known_only` refuses labels recognised only by their shape.
fn classify(label: &str, rest: &str, outlets: &Outlets, known_only: bool) -> Option<Label> {
    if label.starts_with(['(', '（', '[', '【', '"', '“', '«', '‘', '\''])
        // A sentence before the colon (`…这篇报道当中有这么两句话。一句话是：`) is no label.
        || label.contains(['。', '？', '?', '！', '!'])
    {
        return None;
    }
    // A label starts a sentence and so does what follows it: `à :`, `questions :` and `The
    // Washington Post: has it…?` inside a sentence are no labels. A known outlet printed in
    // lower case (`l'agence turque Anadolu`) still is.
    let latin_lower = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() && !is_cjk(c))
    };
    let lower_word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.chars().count() >= 2 && latin_lower(w));
    if lower_word && !label.chars().any(is_cjk)
        || latin_lower(label) && !matches!(outlets.resolve(label), Resolved::Outlet(_))
    {
        return None;
    }
    let lower = label.to_lowercase();
    let question = |follow_up| Label::Question {
        asker: label.to_string(),
        follow_up,
        after_conference: after_conference(label),
    };
    let lower_base = unnumbered(&lower);
    if ANSWERS.contains(&lower_base) {
        return Some(Label::Answer { speaker: None });
    }
    if lower_base.len() < lower.len() && is_question_word(lower_base, outlets) {
        return Some(question(false));
    }
    if let Some((base, inner)) = parenthesised(label) {
        let inner_outlet = matches!(outlets.resolve(inner), Resolved::Outlet(_));
        if is_question_word(&base.to_lowercase(), outlets) && inner_outlet {
            return Some(question(false));
        }
        if matches!(outlets.resolve(base), Resolved::Outlet(_))
            && FOLLOW_UPS.contains(&inner.to_lowercase().as_str())
        {
            return Some(question(true));
        }
    }
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
    if let Some((_, follow_up)) = asker_with_verb(&lower) {
        return Some(question(follow_up));
    }
    if asker_phrase(&lower).is_some() {
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
/// Only labels known by name are split on, and only after the end of a sentence; an asker's
/// label only where a question follows it (a question mark before the next label, or the
/// spokesperson's label next), so `… the statement. Xinhua: the two sides agreed…` quoted
/// inside an answer stays whole.
pub(super) fn split_inline<'a>(line: &'a str, outlets: &Outlets) -> Vec<&'a str> {
    let cuts = inline_labels(line, outlets);
    let mut pieces = Vec::new();
    let mut start = 0;
    for (k, cut) in cuts.iter().enumerate() {
        let next = cuts.get(k + 1);
        let asked = || {
            let upto = next.map_or(line.len(), |n| n.end);
            line[cut.at..upto].contains(['?', '？', '吗', '嗎']) || next.is_some_and(|n| !n.asks)
        };
        // A label right behind another (`AFP: Follow-up: …`) qualifies it: one turn.
        let bare_label = || {
            candidate(line[start..cut.end].trim()).is_some_and(|(label, rest)| {
                rest.is_empty() && classify(label, rest, outlets, true).is_some()
            })
        };
        if (!cut.asks || asked()) && !bare_label() {
            pieces.push(line[start..cut.end].trim());
            start = cut.at;
        }
    }
    pieces.push(line[start..].trim());
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// A known label inside a run-together line.
struct InlineLabel {
    /// Where the text before it ends (after the sentence's closing mark).
    end: usize,
    /// Where the label starts.
    at: usize,
    /// Whether it is an asker's label (`AFP :`, `Q:`, `法新社记者：`) rather than the spokesperson's.
    asks: bool,
}

/// Every known label of a line that follows the end of a sentence, in order.
fn inline_labels(line: &str, outlets: &Outlets) -> Vec<InlineLabel> {
    let mut cuts: Vec<InlineLabel> = Vec::new();
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
        if at >= line.len() || cuts.last().is_some_and(|l| at <= l.at) {
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
        if let Some(kind) = classify(label, rest, outlets, true) {
            cuts.push(InlineLabel {
                end: after,
                at,
                asks: matches!(kind, Label::Question { .. }),
            });
        }
    }
    cuts
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
                follow_up: true,
                after_conference: false,
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
    fn a_label_behind_another_is_not_a_new_turn() {
        let o = Outlets::builtin();
        for line in [
            "AFP: Follow-up: does China plan a meeting?",
            "AFP : Question de suivi : la Chine prévoit-elle une réunion ?",
        ] {
            assert_eq!(split_inline(line, &o), [line], "{line}");
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

    fn answer_by(s: &str) -> Option<&'static str> {
        match label(s)?.0 {
            Label::Answer { speaker } => speaker,
            Label::Question { .. } => None,
        }
    }

    #[test]
    fn lines_reporting_the_spokesperson_are_answers() {
        for (s, who) in [
            ("21日晚些时候，陆慷就此进一步表示：", "Lu Kang"),
            (
                "会后，就《南华早报》记者所提问题，赵立坚表示：中国是网络大国。",
                "Zhao Lijian",
            ),
            (
                "Interrogé sur la visite, le porte-parole Hong Lei a répondu : « Oui. »",
                "Hong Lei",
            ),
            (
                "Asked about the test, Foreign Ministry Spokesperson Hua Chunying said: \"Calm.\"",
                "Hua Chunying",
            ),
        ] {
            assert_eq!(answer_by(s), Some(who), "{s}");
        }
        // A question quoting the spokesperson is still a question.
        assert_eq!(asker("Q: Hua Chunying said: no?").as_deref(), Some("Q"));
    }

    #[test]
    fn journalists_labelled_with_a_verb() {
        let outlets = Outlets::builtin();
        for (s, follow, outlet) in [
            ("Journalist adds: It is called Badger.", true, None),
            ("记者解释：有媒体这么报道。", true, None),
            ("彭博社记者追问：是哪些国家？", true, Some("Bloomberg")),
            ("记者问：中方有何评论？", false, None),
        ] {
            let Some((
                Label::Question {
                    asker, follow_up, ..
                },
                _,
            )) = split(s, &outlets)
            else {
                panic!("{s}: not a question");
            };
            assert_eq!(follow_up, follow, "{s}");
            assert_eq!(outlet_of(&asker, &outlets).as_deref(), outlet, "{s}");
        }
    }

    #[test]
    fn askers_behind_numbering_are_printed_without_it() {
        for (s, want) in [
            ("3) Question : Qu'en pensez-vous ?", "Question"),
            ("- Reuters: Has China received a request?", "Reuters"),
            ("2. 路透社记者：中方是否证实？", "路透社记者"),
            ("• CCTV : Où en sont les préparatifs ?", "CCTV"),
        ] {
            assert_eq!(asker(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn someone_asking_names_no_outlet() {
        let outlets = Outlets::builtin();
        for (label, outlet) in [
            ("发布会后有记者问", None),
            ("有记者问", None),
            ("一名记者追问", None),
            ("A journalist asked", None),
            ("彭博社记者追问", Some("Bloomberg")),
        ] {
            assert_eq!(outlet_of(label, &outlets).as_deref(), outlet, "{label}");
        }
    }

    #[test]
    fn a_sentence_before_a_colon_is_no_label() {
        // 《纽约时报》 inside an answer named an outlet and made a question of it.
        assert_eq!(
            label("至于你提到的这篇报道，应该是《纽约时报》发表的。这篇报道当中有这么两句话：一句"),
            None
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

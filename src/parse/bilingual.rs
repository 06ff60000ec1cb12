//! Language of a transcript, and bilingual pages split into their Chinese and English halves.
//!
//! The spokesperson's office posts each Chinese paragraph followed by its
//! English translation; such a page is two conferences, not a garbage mix.

use super::Para;
use super::labels::{self, is_cjk};
use crate::outlets::Outlets;

/// The writing system a paragraph is mostly in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Cjk,
    Latin,
    /// Digits, punctuation, separators: belongs to both halves.
    Neutral,
}

/// The script of a paragraph (its first 300 characters are enough: this runs on every paragraph).
pub(super) fn script(text: &str) -> Script {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for c in text.chars().take(300) {
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    if cjk == 0 && latin == 0 {
        Script::Neutral
    } else if cjk * 3 >= latin {
        Script::Cjk
    } else {
        Script::Latin
    }
}

/// Frequent short words that tell French from English.
const FRENCH: &[&str] = &["le", "la", "les", "des", "du", "est", "et", "à", "une"];
const ENGLISH: &[&str] = &["the", "and", "of", "to", "is", "a", "in"];

/// `zh`, `fr` or `en` for a run of paragraphs.
pub(super) fn language(paras: &[Para]) -> &'static str {
    // A sample decides: the first paragraphs of a page say its language, and
    // reading every paragraph of a 50 MB page would dominate the import.
    let (mut cjk, mut latin, mut fr, mut en) = (0usize, 0usize, 0usize, 0usize);
    for p in paras.iter().take(60) {
        let head: String = p.text.chars().take(600).collect();
        match script(&head) {
            Script::Cjk => cjk += 1,
            Script::Neutral => {}
            Script::Latin => {
                latin += 1;
                for word in head.split(|c: char| !c.is_alphabetic()) {
                    let word = word.to_lowercase();
                    fr += usize::from(FRENCH.contains(&word.as_str()));
                    en += usize::from(ENGLISH.contains(&word.as_str()));
                }
            }
        }
    }
    if cjk > latin {
        "zh"
    } else if fr > en {
        "fr"
    } else {
        "en"
    }
}

/// The Chinese and the Latin-script paragraphs of a bilingual page, or `None`
/// when the page is in one language (a stray English line in a Chinese page is not enough).
pub(super) fn split(paras: &[Para], outlets: &Outlets) -> Option<(Vec<Para>, Vec<Para>)> {
    let (mut zh, mut latin) = (Vec::new(), Vec::new());
    let (mut zh_labels, mut latin_labels) = (0, 0);
    for p in paras {
        let labelled = usize::from(labels::split(&p.text, outlets).is_some());
        match script(&p.text) {
            Script::Cjk => {
                zh_labels += labelled;
                zh.push(p.clone());
            }
            Script::Latin => {
                latin_labels += labelled;
                latin.push(p.clone());
            }
            Script::Neutral => {
                zh.push(p.clone());
                latin.push(p.clone());
            }
        }
    }
    let substantial = |v: &[Para]| v.iter().filter(|p| p.text.chars().count() >= 8).count() >= 2;
    (zh_labels >= 1 && latin_labels >= 1 && substantial(&zh) && substantial(&latin))
        .then_some((zh, latin))
}

/// An interleaved page whose labels are printed in one language only (`法新社记者：…` then
/// its English translation unlabelled): each unlabelled translation right after a labelled
/// paragraph of the other script is given that label, so both halves read the same turns.
/// `None` when the page is not such a page (labels in both scripts, or too few carried).
pub(super) fn carry_labels(paras: &[Para], outlets: &Outlets) -> Option<Vec<Para>> {
    let scripts: Vec<Script> = paras.iter().map(|p| script(&p.text)).collect();
    // A page in one script (nearly every page) costs no label reading here.
    if !scripts.contains(&Script::Cjk) || !scripts.contains(&Script::Latin) {
        return None;
    }
    let read: Vec<(Script, Option<labels::Label>)> = paras
        .iter()
        .zip(scripts)
        .map(|(p, s)| (s, labels::split(&p.text, outlets).map(|(l, _)| l)))
        .collect();
    let labelled_in = |s: Script| read.iter().filter(|(x, l)| *x == s && l.is_some()).count();
    let (cjk, latin) = (labelled_in(Script::Cjk), labelled_in(Script::Latin));
    if (cjk == 0) == (latin == 0) {
        return None;
    }
    let mut out = paras.to_vec();
    let mut carried = 0;
    for k in 1..paras.len() {
        let ((before, Some(label)), (here, None)) = (&read[k - 1], &read[k]) else {
            continue;
        };
        if *here == Script::Neutral || here == before {
            continue;
        }
        out[k].text = format!("{}{}", printed(label, *here, outlets), paras[k].text);
        carried += 1;
    }
    // Two turns at least, and most labels carried: a page of translations, not a stray line.
    (carried >= 2 && carried * 2 >= cjk.max(latin)).then_some(out)
}

/// A label as the other language prints it, colon included: the spokesperson's romanised
/// name, `Q`/`问`, `A`/`答`, an outlet by its canonical name (`法新社记者` → `AFP`).
fn printed(label: &labels::Label, script: Script, outlets: &Outlets) -> String {
    let cjk = script == Script::Cjk;
    let name = match label {
        labels::Label::Question {
            asker, follow_up, ..
        } => {
            if *follow_up {
                if cjk { "追问" } else { "Follow-up" }.to_string()
            } else if asker.chars().count() == 1 || asker == "问" || asker == "問" {
                if cjk { "问" } else { "Q" }.to_string()
            } else {
                labels::outlet_of(asker, outlets).unwrap_or_else(|| asker.clone())
            }
        }
        labels::Label::Answer {
            speaker: Some(name),
        } => (*name).to_string(),
        labels::Label::Answer { speaker: None } => if cjk { "答" } else { "A" }.to_string(),
    };
    if cjk {
        format!("{name}：")
    } else {
        format!("{name}: ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Para> {
        text.lines()
            .map(|l| Para {
                text: l.to_string(),
                line: 1,
                strong: false,
            })
            .collect()
    }

    #[test]
    fn scripts_and_languages() {
        assert_eq!(script("澎湃新闻记者:我们注意到,FOCAC会议"), Script::Cjk);
        assert_eq!(script("The Paper: We have noted"), Script::Latin);
        assert_eq!(script("***"), Script::Neutral);
        assert_eq!(
            language(&paras(
                "Q : La Chine et le Japon ?\nR : Les deux pays sont des voisins."
            )),
            "fr"
        );
        assert_eq!(
            language(&paras(
                "Q: Is the visit on?\nA: The visit is a success of the two sides."
            )),
            "en"
        );
    }

    #[test]
    fn bilingual_pages_split_but_stray_english_does_not() {
        let both = paras(
            "总台央视记者:中方有何期待?\nCCTV: What does China expect from the visit?\n郭嘉昆:今年是中欧建交50周年。\nGuo Jiakun: This year marks the 50th anniversary.",
        );
        let (zh, en) = split(&both, &Outlets::builtin()).unwrap();
        assert_eq!((zh.len(), en.len()), (2, 2));
        let one = paras(
            "The Beginning\n总台央视记者:中方有何期待?\n毛宁:中欧全面战略伙伴关系走过了20年。",
        );
        assert!(split(&one, &Outlets::builtin()).is_none());
    }
}

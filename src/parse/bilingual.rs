//! Language of a transcript, and bilingual pages split into their Chinese and English halves.
//!
//! The spokesperson's office posts each Chinese paragraph followed by its
//! English translation; such a page is two conferences, not a garbage mix.

use super::Para;
use super::labels::{self, is_cjk};
use crate::outlets::Outlets;

/// The writing system a paragraph is mostly in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Cjk,
    Latin,
    /// Digits, punctuation, separators: belongs to both halves.
    Neutral,
}

/// The script of a paragraph (its first 2,000 characters are enough).
pub fn script(text: &str) -> Script {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for c in text.chars().take(2000) {
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

/// `zh`, `fr` or `en` for a run of paragraphs.
pub fn language(paras: &[Para]) -> &'static str {
    let (mut cjk, mut latin, mut fr, mut en) = (0usize, 0usize, 0usize, 0usize);
    for p in paras.iter().take(400) {
        match script(&p.text) {
            Script::Cjk => cjk += 1,
            Script::Latin => latin += 1,
            Script::Neutral => {}
        }
        if script(&p.text) == Script::Latin {
            let lower = format!(
                " {} ",
                p.text.chars().take(2000).collect::<String>().to_lowercase()
            );
            fr += [
                " le ", " la ", " les ", " des ", " du ", " est ", " et ", " à ", " une ",
            ]
            .iter()
            .map(|w| lower.matches(w).count())
            .sum::<usize>();
            en += [" the ", " and ", " of ", " to ", " is ", " a ", " in "]
                .iter()
                .map(|w| lower.matches(w).count())
                .sum::<usize>();
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
pub fn split(paras: &[Para], outlets: &Outlets) -> Option<(Vec<Para>, Vec<Para>)> {
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

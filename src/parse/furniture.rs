//! Page furniture: the lines around and inside a transcript that are not the conference.
//!
//! Breadcrumbs, language bars, tool and share widgets, image residue, spam and
//! footers are recognised line by line; a footer line ends the transcript.

use super::{dates, header};

/// What a line of furniture means for the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Furniture {
    /// Not part of the conference: skip it.
    Drop,
    /// A footer (copyright, "Suggest to a friend", "Lire aussi"…): the transcript is over.
    Stop,
    /// A `***` line: what follows is closing remarks, not the last answer.
    Separator,
}

/// Words of a language bar (`عربي Español Русский Français 简体中文`).
const LANGUAGES: &[&str] = &[
    "english",
    "français",
    "español",
    "русский",
    "عربي",
    "简体中文",
    "繁體中文",
    "中文",
    "deutsch",
    "português",
    "日本語",
];

/// Whole lines that start a footer (compared without case and spacing).
const FOOTER_LINES: &[&str] = &[
    "suggest to a friend",
    "print",
    "打印本页",
    "推荐给朋友",
    "关闭窗口",
    "【关闭窗口】",
    "【打印本页】",
    "close",
    "imprimer",
    "lire aussi",
    "voir aussi",
    "related news",
    "related articles",
    "see also",
    "read more",
    "相关新闻",
    "相关链接",
    "相关阅读",
    "推荐阅读",
];

/// Line starts that begin a footer.
const FOOTER_STARTS: &[&str] = &[
    "copyright",
    "版权所有",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "sur le même sujet",
    "articles connexes",
    "dans la même rubrique",
    "related news",
    "related stories",
    "related articles",
    "related:",
    "you may also like",
    "more from",
    "责任编辑",
    "【责任编辑",
    "(责任编辑",
    "（责任编辑",
    "[责任编辑",
    "责编：",
    "责编:",
    "编辑：",
    "编辑:",
    "本文来源",
    "文章来源",
    "来源：",
    "来源:",
    "转载请注明",
    "免责声明",
    "相关新闻",
    "相关报道",
    "延伸阅读",
    "热门推荐",
    "上一篇",
    "下一篇",
    "share this",
    "partager cet article",
    "editor:",
    "[editor:",
    "(editor:",
    "source:",
    "source :",
    "all rights reserved",
    "tous droits réservés",
];

/// Words of share, print and pager widgets (`Print | Close`, `【打印】【关闭】`,
/// `分享到：微信 微博 QQ空间`); a line made only of them is page furniture.
const WIDGET_WORDS: &[&str] = &[
    "print",
    "close",
    "share",
    "email",
    "e-mail",
    "mail",
    "facebook",
    "twitter",
    "x",
    "wechat",
    "weibo",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "tweet",
    "this",
    "page",
    "window",
    "article",
    "imprimer",
    "fermer",
    "partager",
    "envoyer",
    "cette",
    "la",
    "fenêtre",
    "打印",
    "关闭",
    "分享",
    "分享到",
    "分享至",
    "收藏",
    "推荐",
    "微信",
    "微博",
    "朋友圈",
    "qq空间",
    "qq",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "top",
    "to",
    "a",
    "friend",
    "suggest",
    "recommander",
    "à",
    "un",
    "ami",
];

/// Whether a short line is only share, print and pager buttons, and one of them prints,
/// closes or shares (so `Top` alone or `A` alone is not taken for it).
fn is_widget_row(folded: &str) -> bool {
    // The font-size bar above the text (`[字体：大 中 小] 打印本页`) is dropped, not an end.
    if folded.chars().count() > 80 || folded.contains("字体") {
        return false;
    }
    let words: Vec<&str> = folded
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '|' | '｜'
                        | '/'
                        | '·'
                        | '•'
                        | '【'
                        | '】'
                        | '['
                        | ']'
                        | '('
                        | ')'
                        | '（'
                        | '）'
                        | '<'
                        | '>'
                        | ':'
                        | '：'
                        | ','
                        | '，'
                        | '、'
                        | '-'
                )
        })
        .filter(|w| !w.is_empty())
        .collect();
    let acting = [
        "print", "close", "share", "imprimer", "fermer", "partager", "打印", "关闭", "分享",
    ];
    // One word alone (`Share`, `分享`) is a widget dropped where it stands, as before.
    words.len() >= 2
        && words.iter().all(|w| WIDGET_WORDS.contains(w))
        && words
            .iter()
            .any(|w| acting.iter().any(|a| w.starts_with(a)))
}

/// Whole lines of share and pager widgets.
const WIDGETS: &[&str] = &[
    "分享至",
    "分享到",
    "分享",
    "share",
    "partager",
    "tweet",
    "top",
    "返回顶部",
    "上一页",
    "下一页",
    "page précédente",
    "page suivante",
    "previous",
    "next",
];

/// Classifies a line that is furniture wherever it appears; `None` for transcript text.
pub(super) fn classify(text: &str) -> Option<Furniture> {
    let t = text.trim();
    let stars = t.chars().filter(|c| matches!(c, '*' | '＊' | '※')).count();
    if stars >= 3
        && t.chars()
            .all(|c| matches!(c, '*' | '＊' | '※') || c.is_whitespace())
    {
        return Some(Furniture::Separator);
    }
    if is_image_residue(t) {
        return Some(Furniture::Drop);
    }
    if t.len() > 240 {
        return None;
    }
    let folded: String = t
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if FOOTER_LINES.contains(&folded.as_str())
        || FOOTER_STARTS.iter().any(|s| folded.starts_with(s))
        || folded.contains('©')
        || folded.contains("版权所有")
        || (folded.contains("recommander") && folded.contains("imprimer"))
        || is_widget_row(&folded)
    {
        return Some(Furniture::Stop);
    }
    let dropped = WIDGETS.contains(&folded.as_str())
        || is_number(t)
        || folded.contains("phome.net")
        || (folded.contains("欢迎访问") && t.chars().count() < 60)
        || is_breadcrumb(t)
        || LANGUAGES.iter().filter(|l| folded.contains(*l)).count() >= 3
        || folded.starts_with("[字体")
        || folded.starts_with("【字体")
        || is_questions_heading(&folded);
    dropped.then_some(Furniture::Drop)
}

/// A bare question number (`1`) left by blogs.
fn is_number(t: &str) -> bool {
    t.len() <= 4
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ')')
}

/// Image file names and captions carrying a CMS image id (`W020200329859936006486`).
fn is_image_residue(t: &str) -> bool {
    // Lowercased only when short: this runs on every paragraph.
    let image_name = t.len() < 100 && {
        let lower = t.to_lowercase();
        [".jpg", ".jpeg", ".png", ".gif", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
    };
    let mut run = 0;
    let long_id = t.chars().any(|c| {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        run >= 12
    });
    image_name || long_id
}

/// `Page d'accueil > Déclaration du porte-parole`, `首页 > 外交部发言人谈话`.
fn is_breadcrumb(t: &str) -> bool {
    t.chars().count() < 120
        && (t.contains(" > ") || t.contains('＞') || t.contains(" » "))
        && !ends_sentence(t)
}

/// "The following questions were raised after the press conference:" with nothing after it.
fn is_questions_heading(folded: &str) -> bool {
    (folded.ends_with(':') || folded.ends_with('：'))
        && (folded.contains("following question") || folded.contains("questions suivantes"))
}

/// Whether a line ends like a sentence (so it is text, not a caption or widget).
/// A closing colon does not count: `字体:` and `访问量:` are meta lines.
pub(super) fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with([
        '.', '。', '!', '！', '?', '？', '…', '»', '”', '"', '’', ';', '；',
    ])
}

/// Lines between the title and the first turn that are not the conference:
/// date and meta lines, captions, widgets, and lead sentences ("X held a presser on …").
pub(super) fn is_header_noise(text: &str) -> bool {
    let t = text.trim();
    let chars = t.chars().count();
    let has_date = dates::find(t).is_some();
    (chars <= 40 && !ends_sentence(t))
        || (has_date && chars <= 80 && !ends_sentence(t))
        || (has_date && header::mentions_conference(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_recognised() {
        for line in [
            "Page d'accueil > Déclaration du porte-parole",
            "首页 > 外交部发言人谈话",
            "عربي Español Русский Français 简体中文",
            "[字体：大 中 小]\u{a0}\u{a0} 打印本页",
            "分享至",
            "1",
            "banner.jpg",
            "Conférence de presse PH 1 du 25 mars 2020 W020200329859936006486",
            "拥有帝国一切,皆有可能。欢迎访问phome.net",
            "The following questions were raised after the press conference:",
        ] {
            assert_eq!(classify(line), Some(Furniture::Drop), "{line}");
        }
        for line in [
            "Suggest to a friend",
            "Copyright©1998-2014, Ministry",
            "推荐给朋友",
            "\u{a0}Recommander à\u{a0}\u{a0}\u{a0} Imprimer",
        ] {
            assert_eq!(classify(line), Some(Furniture::Stop), "{line}");
        }
        assert_eq!(classify("***"), Some(Furniture::Separator));
        assert_eq!(classify("　　***********"), Some(Furniture::Separator));
        assert_eq!(classify("*　　　*　　　*"), Some(Furniture::Separator));
        assert_eq!(classify("Q: What is your comment?"), None);
    }

    #[test]
    fn header_noise_is_not_a_statement() {
        assert!(is_header_noise("2022-11-04 23:00"));
        assert!(is_header_noise("Updated: June 17, 2025 19:20"));
        assert!(is_header_noise("毛宁主持外交部例行记者会"));
        assert!(is_header_noise(
            "China Foreign Ministry Spokesperson Mao Ning held a presser on Dec 25, 2023."
        ));
        assert!(!is_header_noise("下面请大家开始提问。"));
        assert!(!is_header_noise(
            "Premier Li Keqiang will attend the summit on April 14 via video link, chaired by Vietnam."
        ));
    }
}

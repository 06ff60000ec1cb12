//! Conference titles and date lines, in French, English and Chinese.
//!
//! A title starts a conference: `Conférence de presse du 29 juillet 2025 tenue par…`,
//! `Foreign Ministry Spokesperson Guo Jiakun’s Regular Press Conference on…`,
//! `2016年12月7日外交部发言人陆慷主持例行记者会`. Blog table-of-contents lines
//! (`Trois Conférences de presse des 16..18 décembre`) and lead sentences are not titles.

use super::dates;

/// Words naming a press conference in the three languages.
const CONFERENCE: &[&str] = &[
    "conférence de presse",
    "press conference",
    "presser",
    "记者会",
    "記者會",
    "吹风会",
];

/// Whether a line mentions a press conference.
pub(super) fn mentions_conference(text: &str) -> bool {
    let lower = text.to_lowercase();
    CONFERENCE.iter().any(|w| lower.contains(w))
}

/// The title as it should be stored: layout residue (` |`, `(原标题:…)`) removed.
pub(super) fn clean_title(text: &str) -> String {
    let mut t = text.trim();
    for wrapper in ["(原标题:", "（原标题：", "(原标题：", "（原标题:"] {
        if let Some(inner) = t.strip_prefix(wrapper) {
            t = inner.trim_end_matches([')', '）']);
        }
    }
    // Reposts: `原标题：…`, a `【转载】` tag in front, `_新闻频道_某某网` behind.
    for prefix in [
        "原标题：",
        "原标题:",
        "Original title:",
        "Titre original :",
        "Titre original:",
    ] {
        if let Some(inner) = t.strip_prefix(prefix) {
            t = inner.trim();
        }
    }
    if let Some(rest) = t.strip_prefix(['【', '['])
        && let Some((_, inner)) = rest.split_once(['】', ']'])
        && mentions_conference(inner)
    {
        t = inner.trim();
    }
    if let Some((head, _)) = t.split_once('_')
        && mentions_conference(head)
    {
        t = head;
    }
    let t = t.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
    join_cjk_spaces(t)
}

/// `外交部发言人林 剑主持`: a space between two Chinese characters is layout, not text.
fn join_cjk_spaces(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = c == ' '
            && i > 0
            && chars.get(i + 1).is_some_and(|&n| super::labels::is_cjk(n))
            && super::labels::is_cjk(chars[i - 1]);
        if !between {
            out.push(c);
        }
    }
    out
}

/// Whether a line is a conference title (it names a conference and its date).
pub(super) fn title_like(text: &str) -> bool {
    if text.len() > 800 {
        return false;
    }
    let t = clean_title(text);
    let chars = t.chars().count();
    if chars > 200
        || t.contains([':', '：'])
        || t.ends_with(['?', '？'])
        || dates::find(&t).is_none()
    {
        return false;
    }
    let lower = t.to_lowercase();
    // `2024年9月30日外交部发言人…`, or the date behind (`外交部发言人林剑主持例行记者会（2024年9月30日）`).
    let zh = (t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with("外交部"))
        && t.contains('年')
        && t.contains("言人")
        && (t.contains("记者会") || t.contains("記者會"))
        && chars <= 60;
    let fr = lower.starts_with("conférence de presse ");
    let en = (lower.contains("press conference") || lower.contains("presser"))
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with('.')
        && chars <= 150;
    zh || fr || en
}

/// A title that gives no date (`Foreign Ministry Spokesperson's Regular Press Conference`).
pub(super) fn undated_title(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 150
        && mentions_conference(t)
        && !t.contains([':', '：'])
        && !super::furniture::ends_sentence(t)
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `first` is the first half of a title printed over two lines and `second` its end.
pub(super) fn title_continues(first: &str, second: &str) -> bool {
    let (a, b) = (first.trim(), second.trim());
    if title_like(a) || a.chars().count() > 100 || b.chars().count() > 100 {
        return false;
    }
    let en = (a.ends_with("’s") || a.ends_with("'s"))
        && (a.contains("Spokesperson") || a.contains("Spokesman"))
        && b.to_lowercase().contains("press conference");
    let zh =
        a.starts_with(|c: char| c.is_ascii_digit()) && a.contains("言人") && b.starts_with("主持");
    (en || zh) && title_like(&joined(a, b))
}

/// The two halves of a split title as one line.
pub(super) fn joined(first: &str, second: &str) -> String {
    let (a, b) = (first.trim(), second.trim());
    if a.is_ascii() || b.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// The publication stamp of a date line as printed (`2025-07-29 20:40`), without its label.
pub(super) fn published(text: &str) -> Option<String> {
    let found = dates::find(text)?;
    let rest = &text[found.end..];
    let time_len = rest
        .char_indices()
        .skip_while(|&(_, c)| c == ' ')
        .take_while(|&(_, c)| c.is_ascii_digit() || c == ':')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let stamp = text[found.start..found.end + time_len].trim();
    Some(stamp.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_in_three_languages() {
        assert!(title_like(
            "Conférence de presse du 29 juillet 2025 tenue par le porte-parole du ministère des Affaires étrangères Guo Jiakun"
        ));
        assert!(title_like("Conférence de presse du 14 mai 2009 |"));
        assert!(title_like(
            "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on June 28, 2016"
        ));
        assert!(title_like(
            "January 30, 2023 Press Conference Held by Foreign Ministry Spokesperson Mao Ning"
        ));
        assert!(title_like("China FO Presser – Dec 25, 2023"));
        assert!(title_like(
            "2020年2月3日外交部发言人华春莹主持网上例行记者会"
        ));
        assert!(title_like(
            "(原标题:2023年9月8日外交部发言人毛宁主持例行记者会)"
        ));
    }

    #[test]
    fn lookalikes_are_not_titles() {
        assert!(!title_like(
            "Sept Conférences de presse du 24 juillet au 01 août 25 tenues par le porte-parole"
        ));
        assert!(!title_like(
            "6577 – CHINE – Trois Conférences de presse des 16..17..18 décembre 2024"
        ));
        assert!(!title_like(
            "China Foreign Ministry Spokesperson Mao Ning held a presser on Dec 25, 2023."
        ));
        assert!(!title_like(
            "Reuters: At the press conference on March 3, 2020, you said so?"
        ));
        assert!(!title_like("毛宁主持外交部例行记者会"));
    }

    #[test]
    fn repost_residue_leaves_the_title() {
        for (printed, title) in [
            (
                "原标题：2024年9月30日外交部发言人林剑主持例行记者会",
                "2024年9月30日外交部发言人林剑主持例行记者会",
            ),
            (
                "【转载】2023年5月4日外交部发言人毛 宁主持例行记者会_新闻频道_某网",
                "2023年5月4日外交部发言人毛宁主持例行记者会",
            ),
            (
                "[转] 2019年1月2日外交部发言人陆慷主持例行记者会",
                "2019年1月2日外交部发言人陆慷主持例行记者会",
            ),
            (
                "Original title: Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 6, 2024",
                "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 6, 2024",
            ),
        ] {
            assert_eq!(clean_title(printed), title, "{printed}");
            assert!(title_like(printed), "{printed}");
        }
        // A bracketed tag before a line that is not a title stays.
        assert_eq!(clean_title("【注意】本文仅供参考"), "【注意】本文仅供参考");
    }

    #[test]
    fn split_titles_join() {
        assert!(title_continues(
            "Foreign Ministry Spokesperson Lin Jian’s ",
            "Regular Press Conference on October 21, 2024"
        ));
        assert!(title_continues(
            "2022年8月19日外交部发言人汪文斌",
            "主持例行记者会"
        ));
        assert_eq!(
            joined("2022年8月19日外交部发言人汪文斌", "主持例行记者会"),
            "2022年8月19日外交部发言人汪文斌主持例行记者会"
        );
        assert!(!title_continues(
            "China FO Presser",
            "China FO Presser – Dec 25, 2023"
        ));
    }

    #[test]
    fn stamps_keep_their_time() {
        assert_eq!(
            published("2025-07-29 20:40").as_deref(),
            Some("2025-07-29 20:40")
        );
        assert_eq!(
            published("Updated: June 17, 2025 19:20").as_deref(),
            Some("June 17, 2025 19:20")
        );
        assert_eq!(published(" (2019-12-10)").as_deref(), Some("2019-12-10"));
        assert_eq!(
            published("更新时间:2023-09-08 20:13:06作者:无忧百科").as_deref(),
            Some("2023-09-08 20:13:06")
        );
    }
}

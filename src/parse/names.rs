//! Spokesperson names: Chinese and romanised forms → one romanised full name.
//!
//! The corpus stores spokespersons romanised (`Guo Jiakun`) whatever the page
//! language, so a Chinese label `郭嘉昆` and a French `Mme Guo Jiakun` meet.

/// Every MFA spokesperson since the 1990s: romanised name, then Chinese forms
/// (simplified first, traditional after when they differ).
const SPOKESPERSONS: &[(&str, &[&str])] = &[
    ("Guo Jiakun", &["郭嘉昆"]),
    ("Lin Jian", &["林剑", "林劍"]),
    ("Mao Ning", &["毛宁", "毛寧"]),
    ("Wang Wenbin", &["汪文斌"]),
    ("Zhao Lijian", &["赵立坚", "趙立堅"]),
    ("Geng Shuang", &["耿爽"]),
    ("Lu Kang", &["陆慷", "陸慷"]),
    ("Hua Chunying", &["华春莹", "華春瑩"]),
    ("Hong Lei", &["洪磊"]),
    ("Qin Gang", &["秦刚", "秦剛"]),
    ("Jiang Yu", &["姜瑜"]),
    ("Ma Zhaoxu", &["马朝旭", "馬朝旭"]),
    ("Liu Jianchao", &["刘建超", "劉建超"]),
    ("Kong Quan", &["孔泉"]),
    ("Zhang Qiyue", &["章启月", "章啟月"]),
    ("Sun Yuxi", &["孙玉玺", "孫玉璽"]),
    ("Zhu Bangzao", &["朱邦造"]),
    ("Tang Guoqiang", &["唐国强", "唐國強"]),
    ("Shen Guofang", &["沈国放", "沈國放"]),
    ("Cui Tiankai", &["崔天凯", "崔天凱"]),
    ("Chen Jian", &["陈健", "陳健"]),
];

/// Titles printed before a name in labels (`Mme Mao Ning :`, `Spokesperson Guo:`).
const HONORIFICS: &[&str] = &[
    "mme.",
    "mme",
    "m.",
    "mr.",
    "mr",
    "ms.",
    "ms",
    "madame",
    "monsieur",
    "spokesperson",
    "porte-parole",
    "发言人",
    "發言人",
];

/// The romanised full name for a speaker label: a full name in either script,
/// a surname alone (`Guo`), with or without an honorific. `None` for anything else.
pub(super) fn lookup(label: &str) -> Option<&'static str> {
    let mut name = label.trim();
    loop {
        let lower = name.to_lowercase();
        let Some(h) = HONORIFICS.iter().find(|h| {
            lower.starts_with(*h)
                && name
                    .get(h.len()..)
                    .is_some_and(|r| r.starts_with([' ', '\u{a0}']) || !h.is_ascii())
        }) else {
            break;
        };
        name = name.get(h.len()..).unwrap_or("").trim();
    }
    if name.is_empty() {
        return None;
    }
    let folded: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    for (roman, hanzi) in SPOKESPERSONS {
        if roman.eq_ignore_ascii_case(&folded) || hanzi.contains(&folded.as_str()) {
            return Some(roman);
        }
    }
    let mut by_surname = SPOKESPERSONS.iter().filter(|(roman, _)| {
        roman
            .split(' ')
            .next()
            .is_some_and(|s| s.eq_ignore_ascii_case(&folded))
    });
    match (by_surname.next(), by_surname.next()) {
        (Some((roman, _)), None) => Some(roman),
        _ => None,
    }
}

/// The spokesperson named earliest in a line (a title, a lead sentence).
pub(super) fn find_in(text: &str) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for (roman, hanzi) in SPOKESPERSONS {
        for form in std::iter::once(roman).chain(hanzi.iter()) {
            if let Some(at) = text.find(form)
                && best.is_none_or(|(b, _)| at < b)
            {
                best = Some((at, roman));
            }
        }
    }
    best.map(|(_, roman)| roman)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_romanised_forms_meet() {
        assert_eq!(lookup("郭嘉昆"), Some("Guo Jiakun"));
        assert_eq!(lookup("Guo Jiakun"), Some("Guo Jiakun"));
        assert_eq!(lookup("Guo"), Some("Guo Jiakun"));
        assert_eq!(lookup("Mme Mao Ning"), Some("Mao Ning"));
        assert_eq!(lookup("華春瑩"), Some("Hua Chunying"));
        assert_eq!(lookup("AFP"), None);
        assert_eq!(lookup("Mme"), None);
    }

    #[test]
    fn names_are_found_in_titles() {
        assert_eq!(
            find_in("2016年12月7日外交部发言人陆慷主持例行记者会"),
            Some("Lu Kang")
        );
        assert_eq!(
            find_in("Foreign Ministry Spokesperson Mao Ning’s Regular"),
            Some("Mao Ning")
        );
        assert_eq!(find_in("Conférence de presse du 14 mai 2009"), None);
    }
}

//! A listing page → its links, in page order (newest first on the ministry's
//! sites), resolved against the listing's URL, each with the date its text or
//! its neighbours give (the year of an English title that prints none).

use std::sync::LazyLock;

use regex::Regex;
use url::Url;

use crate::parse::date_in;

static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<a\s[^>]*?href\s*=\s*["']?([^"'\s>]+)["']?[^>]*>(.*?)</a>\s*([(（]\s*\d{4}-\d\d-\d\d\s*[)）])?"#)
        .expect("valid regex")
});
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("valid regex"));

/// One link of a listing page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    pub(crate) url: Url,
    pub(crate) text: String,
    /// The date printed in the link's text or just after it, if any.
    pub(crate) date: Option<String>,
}

/// What a listing page offers a source.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// Links whose text marks a regular press conference, each with a date hint.
    pub(crate) conferences: Vec<(Link, Option<String>)>,
    /// Article links beside them that are not conferences (remarks, statements).
    pub(crate) others: usize,
}

/// Every link of the page, in order; links that cannot be resolved are dropped.
pub(crate) fn links(html: &str, base: &Url) -> Vec<Link> {
    ANCHOR
        .captures_iter(html)
        .filter_map(|c| {
            let href = c.get(1)?.as_str().replace("&amp;", "&");
            if href.starts_with("javascript:") || href.starts_with('#') {
                return None;
            }
            let mut url = base.join(&href).ok()?;
            url.set_fragment(None);
            let text = TAG.replace_all(c.get(2)?.as_str(), "");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let date = date_in(&text).or_else(|| c.get(3).and_then(|d| date_in(d.as_str())));
            Some(Link { url, text, date })
        })
        .collect()
}

/// The conferences of a listing page (matching `filter`, same host, each URL
/// once) with a date hint each: their own date, else the nearest dated
/// neighbour's, else `fallback` (the day of fetching). Also counts the other
/// article links in the conferences' folder, which sync skips.
pub(crate) fn read(html: &str, base: &Url, filter: &Regex, fallback: &str) -> Listing {
    let all = links(html, base);
    let mut out = Listing::default();
    let mut seen = std::collections::HashSet::new();
    let folder = |u: &Url| u.path().rsplit_once('/').map(|(d, _)| d.to_string());
    let mut matched = Vec::new();
    for link in &all {
        if link.url.host_str() != base.host_str() || !seen.insert(link.url.clone()) {
            continue;
        }
        if filter.is_match(&link.text) && is_article(&link.url) {
            matched.push(link.clone());
        }
    }
    let folders: std::collections::HashSet<Option<String>> =
        matched.iter().map(|l| folder(&l.url)).collect();
    out.others = all
        .iter()
        .filter(|l| !filter.is_match(&l.text) && folders.contains(&folder(&l.url)))
        .filter(|l| is_article(&l.url))
        .map(|l| l.url.clone())
        .collect::<std::collections::HashSet<_>>()
        .len();
    for (i, link) in matched.iter().enumerate() {
        let hint = link.date.clone().or_else(|| {
            let before = matched[..i].iter().rev().find_map(|l| l.date.clone());
            let after = matched[i + 1..].iter().find_map(|l| l.date.clone());
            after.or(before)
        });
        out.conferences
            .push((link.clone(), hint.or_else(|| Some(fallback.to_string()))));
    }
    out
}

/// The number of listing pages the page announces: `countPage = 67` (the
/// 2020 sites), `createPageHTML(30, 0, "index", "shtml")` (today's), if any.
pub(crate) fn page_count(html: &str) -> Option<usize> {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bcountPage\s*=\s*(\d{1,6})|\bcreatePageHTML\(\s*(?:['"][^'"]*['"]\s*,\s*)?(\d{1,6})\s*,"#)
            .expect("valid regex")
    });
    let c = COUNT.captures(html)?;
    c.get(1)
        .or_else(|| c.get(2))?
        .as_str()
        .parse()
        .ok()
        .filter(|&n: &usize| n > 0)
}

/// An article page, not a listing (`index_3.shtml`, `default.shtml`) or a folder.
fn is_article(url: &Url) -> bool {
    let name = url.path().rsplit('/').next().unwrap_or_default();
    !name.is_empty() && !name.starts_with("index") && !name.starts_with("default")
}

#[cfg(test)]
mod tests {
    use super::{links, page_count, read};
    use regex::Regex;
    use url::Url;

    const PAGE: &str = r#"<ul>
<li><a href="./t3.shtml" target="_blank">Foreign Ministry Spokesperson's Regular Press Conference on January 3, 2019</a></li>
<li><a href="./t2.shtml">Regular Press Conference on December 31</a></li>
<li><a href="./t1.shtml">Spokesperson's Remarks on X</a></li>
<li><a href="../other/">Menu</a></li>
<li><a href='t0.shtml'>2018年12月28日外交部发言人华春莹主持<b>例行记者会</b></a>(2018-12-28)</li>
</ul>"#;

    #[test]
    fn links_resolve_against_the_listing() {
        let base = Url::parse("https://h.cn/eng/list/default_2.shtml").unwrap();
        let l = links(PAGE, &base);
        assert_eq!(l[0].url.as_str(), "https://h.cn/eng/list/t3.shtml");
        assert_eq!(l[3].url.as_str(), "https://h.cn/eng/other/");
        assert_eq!(l[4].text, "2018年12月28日外交部发言人华春莹主持例行记者会");
        assert_eq!(l[4].date.as_deref(), Some("2018-12-28"));
    }

    #[test]
    fn conferences_get_a_date_hint_and_remarks_are_counted() {
        let base = Url::parse("https://h.cn/eng/list/default.shtml").unwrap();
        let filter = Regex::new("(?i)regular press conference|例行记者会").unwrap();
        let got = read(PAGE, &base, &filter, "2020-07-04");
        let hints: Vec<_> = got
            .conferences
            .iter()
            .map(|(_, h)| h.as_deref().unwrap())
            .collect();
        assert_eq!(hints, ["2019-01-03", "2018-12-28", "2018-12-28"]);
        assert_eq!(got.others, 1);
    }

    /// README: only links on the listing page's own host are followed.
    #[test]
    fn links_to_another_host_are_not_followed() {
        let base = Url::parse("https://copy.example/eng/list/default.shtml").unwrap();
        let filter = Regex::new("(?i)regular press conference").unwrap();
        let page = r#"<a href="./t3.shtml">Regular Press Conference on January 3, 2019</a>
<a href="https://www.fmprc.gov.cn/eng/list/t2.shtml">Regular Press Conference on January 2, 2019</a>"#;
        let got = read(page, &base, &filter, "2020-07-04");
        let urls: Vec<&str> = got
            .conferences
            .iter()
            .map(|(l, _)| l.url.as_str())
            .collect();
        assert_eq!(urls, ["https://copy.example/eng/list/t3.shtml"]);
    }

    #[test]
    fn the_number_of_listing_pages_is_read_when_announced() {
        assert_eq!(
            page_count("var countPage = 67//共多少页\ncreatePageHTML(countPage, 0)"),
            Some(67)
        );
        assert_eq!(
            page_count("createPageHTML(30, 0, \"index\", \"shtml\");"),
            Some(30)
        );
        assert_eq!(
            page_count("createPageHTML('page_div', 12, 1, 'index', 'shtml', 20)"),
            Some(12)
        );
        assert_eq!(page_count(PAGE), None);
        assert_eq!(page_count("countPage = 0"), None);
    }
}

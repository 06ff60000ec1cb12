//! The sources file (`sources.toml`): which sites to walk, read and checked
//! before any request, every problem named by file and line.

use std::path::{Path, PathBuf};
use std::time::Duration;

use regex::Regex;
use serde::Deserialize;
use url::Url;

/// The defaults shipped with the program (today's ministry sites).
pub(crate) const DEFAULTS: &str = include_str!("../../assets/sources.toml");

/// One site to walk: its listing pages and which links are conferences.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// Short id: in messages and under `raw/`.
    pub(crate) name: String,
    /// `zh`, `en` or `fr`.
    pub(crate) language: String,
    /// The first (newest) listing page.
    pub(crate) listing: Url,
    /// Listing page `n` (1, 2, …) with `{n}` in place of the number.
    pub(crate) next: Option<String>,
    /// A link's text must match to be a conference.
    pub(crate) links: Regex,
    /// Never walk more listing pages than this.
    pub(crate) max_pages: usize,
    /// Pause between two requests to this host, if set.
    pub(crate) delay_ms: Option<u64>,
}

/// The least pause between two requests to a real site (SYNC.md): a sources file may ask
/// for more, never for less.
const LEAST_DELAY_MS: u64 = 1000;

impl Source {
    /// The pause between two requests to this source's host: its `delay_ms`, at least
    /// [`LEAST_DELAY_MS`] against a real site; none by default against a local mirror.
    pub(crate) fn delay(&self, mirror: bool) -> Duration {
        Duration::from_millis(match (self.delay_ms, mirror) {
            (Some(ms), true) => ms,
            (Some(ms), false) => ms.max(LEAST_DELAY_MS),
            (None, true) => 0,
            (None, false) => LEAST_DELAY_MS,
        })
    }

    /// What to tell the user when the sources file asks for less than the least pause.
    pub(crate) fn delay_note(&self, mirror: bool) -> Option<String> {
        let ms = self.delay_ms.filter(|&ms| !mirror && ms < LEAST_DELAY_MS)?;
        Some(format!(
            "source {}: delay_ms = {ms} is raised to {LEAST_DELAY_MS}, the least pause between two requests to a real site; a local copy served under BRIEFINGS_SYNC_MIRROR is synced at the delay you set",
            self.name
        ))
    }
}

impl Source {
    /// The URL of listing page `n` (0 is the first), if the source has that many.
    pub(crate) fn listing_page(&self, n: usize) -> Option<Url> {
        if n == 0 {
            return Some(self.listing.clone());
        }
        let template = self.next.as_ref()?;
        Url::parse(&template.replace("{n}", &n.to_string())).ok()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileShape {
    #[serde(default)]
    source: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: toml::Spanned<String>,
    language: toml::Spanned<String>,
    listing: toml::Spanned<String>,
    next: Option<toml::Spanned<String>>,
    links: toml::Spanned<String>,
    max_pages: Option<toml::Spanned<usize>>,
    delay_ms: Option<u64>,
}

/// Where the sources come from: `--sources FILE`, else `<config dir>/briefings/sources.toml`, else the defaults.
pub(crate) fn load(flag: Option<&Path>) -> Result<(Vec<Source>, String), String> {
    let user = dirs::config_dir().map(|d| d.join("briefings").join("sources.toml"));
    let path: Option<PathBuf> = match flag {
        Some(p) => Some(p.to_path_buf()),
        None => user.filter(|p| p.is_file()),
    };
    match path {
        Some(p) => {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| format!("{}: cannot read the sources file: {e}", p.display()))?;
            let label = p.display().to_string();
            parse(&text, &label).map(|s| (s, label))
        }
        None => parse(DEFAULTS, "assets/sources.toml").map(|s| (s, "built-in sources".into())),
    }
}

/// Reads a sources file's text; errors are `LABEL:LINE: message`.
pub(crate) fn parse(text: &str, label: &str) -> Result<Vec<Source>, String> {
    let at = |offset: usize, message: &str| {
        let line = text[..offset.min(text.len())].matches('\n').count() + 1;
        format!("{label}:{line}: {message}")
    };
    let shape: FileShape = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim())
    })?;
    if shape.source.is_empty() {
        return Err(format!("{label}:1: no [[source]] table: nothing to sync"));
    }
    let mut out: Vec<Source> = Vec::new();
    for e in shape.source {
        let name = e.name.get_ref().trim().to_string();
        let safe = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !safe {
            return Err(at(
                e.name.span().start,
                "a source name is letters, digits, `-` and `_` (it names a folder)",
            ));
        }
        if out.iter().any(|s| s.name == name) {
            return Err(at(
                e.name.span().start,
                &format!("two sources are named {name:?}"),
            ));
        }
        let language = e.language.get_ref().clone();
        if !matches!(language.as_str(), "zh" | "en" | "fr") {
            return Err(at(
                e.language.span().start,
                &format!("language {language:?}: expected zh, en or fr"),
            ));
        }
        let listing = web_url(e.listing.get_ref()).map_err(|m| at(e.listing.span().start, &m))?;
        if let Some(next) = &e.next {
            if !next.get_ref().contains("{n}") {
                return Err(at(
                    next.span().start,
                    "`next` needs `{n}` where the page number goes",
                ));
            }
            web_url(&next.get_ref().replace("{n}", "1")).map_err(|m| at(next.span().start, &m))?;
        }
        let links = Regex::new(e.links.get_ref()).map_err(|err| {
            at(
                e.links.span().start,
                &format!("`links` is not a valid regex: {err}"),
            )
        })?;
        if let Some(max) = e.max_pages.as_ref().filter(|m| *m.get_ref() == 0) {
            return Err(at(
                max.span().start,
                "max_pages = 0 would walk no listing page: give 1 or more (or leave it out for 300)",
            ));
        }
        out.push(Source {
            name,
            language,
            listing,
            next: e.next.map(toml::Spanned::into_inner),
            links,
            max_pages: e.max_pages.map_or(300, toml::Spanned::into_inner),
            delay_ms: e.delay_ms,
        });
    }
    Ok(out)
}

fn web_url(s: &str) -> Result<Url, String> {
    let url = Url::parse(s).map_err(|e| format!("{s:?} is not a URL: {e}"))?;
    if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() {
        Ok(url)
    } else {
        Err(format!("{s:?}: expected an http:// or https:// address"))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{DEFAULTS, parse};

    #[test]
    fn a_delay_below_the_least_is_raised_and_said_except_on_a_mirror() {
        let text = |ms: &str| {
            format!(
                "[[source]]\nname = \"a\"\nlanguage = \"zh\"\nlisting = \"https://x.cn/a/\"\nlinks = \"x\"\n{ms}"
            )
        };
        let zero = &parse(&text("delay_ms = 0\n"), "s.toml").unwrap()[0];
        assert_eq!(zero.delay(false), Duration::from_secs(1));
        let note = zero.delay_note(false).unwrap();
        assert!(
            note.contains("source a: delay_ms = 0 is raised to 1000"),
            "{note}"
        );
        assert_eq!(zero.delay(true), Duration::ZERO);
        assert_eq!(zero.delay_note(true), None);
        let slow = &parse(&text("delay_ms = 2500\n"), "s.toml").unwrap()[0];
        assert_eq!(slow.delay(false), Duration::from_millis(2500));
        assert_eq!(slow.delay_note(false), None);
        let unset = &parse(&text(""), "s.toml").unwrap()[0];
        assert_eq!(unset.delay(false), Duration::from_secs(1));
        assert_eq!(unset.delay(true), Duration::ZERO);
        assert_eq!(unset.delay_note(false), None);
    }

    #[test]
    fn the_defaults_read() {
        let s = parse(DEFAULTS, "assets/sources.toml").unwrap();
        let langs: Vec<&str> = s.iter().map(|s| s.language.as_str()).collect();
        assert!(langs.contains(&"zh") && langs.contains(&"en") && langs.contains(&"fr"));
        assert!(s.iter().all(|s| s.listing_page(2).is_some()));
    }

    #[test]
    fn problems_name_the_line() {
        let text = "[[source]]\nname = \"a\"\nlanguage = \"zh\"\nlisting = \"https://x.cn/a/\"\nlinks = \"x\"\ncolour = 3\n";
        let e = parse(text, "s.toml").unwrap_err();
        assert!(e.starts_with("s.toml:6: ") && e.contains("colour"), "{e}");
        let bad_lang = text.replace("\"zh\"", "\"de\"").replace("colour = 3\n", "");
        assert!(
            parse(&bad_lang, "s.toml")
                .unwrap_err()
                .starts_with("s.toml:3: ")
        );
        let bad_regex = text.replace("\"x\"", "\"(\"").replace("colour = 3\n", "");
        assert!(
            parse(&bad_regex, "s.toml")
                .unwrap_err()
                .starts_with("s.toml:5: ")
        );
        let no_pages = text.replace("colour = 3", "max_pages = 0");
        assert!(
            parse(&no_pages, "s.toml")
                .unwrap_err()
                .starts_with("s.toml:6: max_pages = 0"),
            "failed before the fix: read as 1"
        );
        let ok = text.replace("colour = 3\n", "");
        let s = parse(&ok, "s.toml").unwrap();
        assert_eq!(s[0].max_pages, 300);
        assert_eq!(s[0].listing_page(1), None);
    }
}

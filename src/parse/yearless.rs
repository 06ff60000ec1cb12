//! Titles that print a day without its year (`… Regular Press Conference on
//! September 10`, the English site in 2018): the year comes from the page's
//! image names (`W020180910…jpg`, the upload day), else from a date the caller
//! knows (the listing's neighbours, the file name, the day of fetching).

use std::sync::LazyLock;

use regex::Regex;

use super::{Para, dates, header, headline};

/// `Month D` at a title's end (English month names, as the ministry prints them).
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\s*$",
    )
    .expect("valid regex")
});

/// `Month D` anywhere in a lead sentence or a dateline (`…the press conference on March 3.`).
static MONTH_DAY_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b",
    )
    .expect("valid regex")
});

/// `9月30日` in a Chinese title (`外交部发言人林剑主持例行记者会（9月30日）`).
static ZH_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})月(\d{1,2})日").expect("valid regex"));

/// `30 septembre` in a French title (`Conférence de presse du 30 septembre tenue par…`).
static FR_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:er)?\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\b",
    )
    .expect("valid regex")
});

/// How many paragraphs from the top a page's own date line is looked for in.
const DATE_LINE_WITHIN: usize = 20;

/// A date line is short (`发布时间:2024-10-01 08:02`, `Published: 2024-10-01`); a sentence is not one.
const MAX_DATE_LINE: usize = 80;

/// An image uploaded by the site's editor: `W0` + the upload day.
static IMAGE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"W0(20\d\d)(\d\d)(\d\d)\d{6,}\.(?i:jpe?g|png|gif)").expect("valid regex")
});

/// Where a year may come from, best first.
#[derive(Debug, Default)]
pub(crate) struct YearContext {
    /// Upload days of the page's images, `(year, month, day)`.
    images: Vec<(i32, u32, u32)>,
    /// A date known from outside the page (ISO), if any.
    hint: Option<(i32, u32, u32)>,
}

impl YearContext {
    /// The context of a page's source text and a caller's date hint (`YYYY-MM-DD`).
    pub(crate) fn new(source: &str, hint: Option<&str>) -> YearContext {
        let images = IMAGE_DAY
            .captures_iter(source)
            .filter_map(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)))
            .filter(|&(_, m, d)| (1..=12).contains(&m) && (1..=31).contains(&d))
            .collect();
        YearContext {
            images,
            hint: hint.and_then(parse_iso),
        }
    }

    /// The year of a conference held on `month`/`day`: an image uploaded that
    /// very day, else the year that puts the day nearest an image, the page's own
    /// date line (`page`: a reprint's publishing day, a day or two after), or the hint.
    fn year_of(&self, month: u32, day: u32, page: Option<(i32, u32, u32)>) -> Option<i32> {
        if let Some(&(y, ..)) = self
            .images
            .iter()
            .find(|&&(_, m, d)| m == month && d == day)
        {
            return Some(y);
        }
        let anchor = self.images.first().copied().or(page).or(self.hint)?;
        let at = ordinal(anchor);
        (anchor.0 - 1..=anchor.0 + 1).min_by_key(|&y| (ordinal((y, month, day)) - at).abs())
    }
}

/// Adds the year to conference titles that lack one, when the context gives it.
pub(crate) fn complete(paras: &mut [Para], context: &YearContext) {
    let top = || paras.iter().take(DATE_LINE_WITHIN);
    // The page's date line, else a date printed anywhere near the top (`© 2023`-less reprints
    // that say `On March 1, 2023, …` in their lead).
    let page = top()
        .filter(|p| p.text.chars().count() <= MAX_DATE_LINE)
        .find_map(|p| dates::iso(&p.text))
        .or_else(|| top().find_map(|p| dates::iso(&p.text)))
        .and_then(|iso| parse_iso(&iso));
    for p in paras.iter_mut().filter(|p| p.text.len() <= 400) {
        if dates::find(&p.text).is_some() {
            continue;
        }
        // Titles print the day last; a lead (`…hosted the press conference on March 3.`) or a
        // dateline (`BEIJING, March 3 (Xinhua) --`) anywhere.
        let anywhere = headline::dateline(&p.text)
            || header::mentions_conference(&p.text) && headline::names_the_office(&p.text);
        if !anywhere && !header::mentions_conference(&p.text) {
            continue;
        }
        if let Some(dated) = with_year(&p.text, anywhere, |m, d| context.year_of(m, d, page)) {
            p.text = dated;
        }
    }
}

/// `title` with `year` written into its month and day, as each language prints it
/// (`September 10, 2018`, `2024年9月30日`, `30 septembre 2024`).
fn with_year(
    title: &str,
    anywhere: bool,
    year_of: impl Fn(u32, u32) -> Option<i32>,
) -> Option<String> {
    let english = if anywhere {
        &MONTH_DAY_ANYWHERE
    } else {
        &MONTH_DAY
    };
    if let Some(c) = english.captures(title) {
        let (month, day) = (month_number(&c[1])?, c[2].parse::<u32>().ok()?);
        let end = c.get(0)?.end();
        let year = year_of(month, day)?;
        return Some(format!(
            "{}, {year}{}",
            title[..end].trim_end(),
            &title[end..]
        ));
    }
    if let Some(c) = ZH_MONTH_DAY.captures(title) {
        let (month, day) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
        let start = c.get(0)?.start();
        let year = year_of(month, day)?;
        return Some(format!("{}{year}年{}", &title[..start], &title[start..]));
    }
    let c = FR_DAY_MONTH.captures(title)?;
    let (day, month) = (c[1].parse::<u32>().ok()?, month_number(&c[2])?);
    let end = c.get(0)?.end();
    let year = year_of(month, day)?;
    Some(format!("{} {year}{}", &title[..end], &title[end..]))
}

/// An English or French month name's number (`Sept`, `septembre`, `août`, `février`).
fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["jan"],
        &["feb", "fév", "fev"],
        &["mar"],
        &["apr", "avr"],
        &["may", "mai"],
        &["jun", "juin"],
        &["jul", "juil"],
        &["aug", "aoû", "aou"],
        &["sep"],
        &["oct"],
        &["nov"],
        &["dec", "déc"],
    ];
    let w = word.to_lowercase();
    NAMES
        .iter()
        .position(|forms| forms.iter().any(|n| w.starts_with(n)))
        .map(|i| i as u32 + 1)
}

fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.get(..10)?.split('-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

/// Days since an arbitrary origin, good enough to compare dates a year apart.
fn ordinal((y, m, d): (i32, u32, u32)) -> i64 {
    i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d)
}

#[cfg(test)]
mod tests {
    use super::{YearContext, complete};
    use crate::parse::Para;

    fn title(text: &str) -> Vec<Para> {
        vec![Para {
            text: text.into(),
            line: 1,
            strong: false,
        }]
    }

    const T: &str =
        "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on September 10";

    #[test]
    fn the_image_of_that_day_gives_the_year() {
        let mut p = title(T);
        let page =
            r#"<img src="./W020180910808183162908.jpg"> <img src="W020170101000000000000.png">"#;
        complete(&mut p, &YearContext::new(page, Some("2020-07-04")));
        assert!(
            p[0].text.ends_with("on September 10, 2018"),
            "{}",
            p[0].text
        );
    }

    #[test]
    fn else_the_year_nearest_the_hint() {
        let mut p = title("Regular Press Conference on December 31");
        complete(&mut p, &YearContext::new("", Some("2019-01-03")));
        assert!(p[0].text.ends_with("December 31, 2018"), "{}", p[0].text);
        let mut p = title(T);
        complete(&mut p, &YearContext::new("", Some("2018-09-11")));
        assert!(p[0].text.ends_with("September 10, 2018"));
    }

    #[test]
    fn dated_titles_and_other_lines_are_left_alone() {
        for text in [
            "Regular Press Conference on September 10, 2018",
            "The talks will be held on September 10",
        ] {
            let mut p = title(text);
            complete(
                &mut p,
                &YearContext::new("W020180910808183162908.jpg", None),
            );
            assert_eq!(p[0].text, text);
        }
        let mut p = title(T);
        complete(&mut p, &YearContext::default());
        assert_eq!(p[0].text, T);
    }
}

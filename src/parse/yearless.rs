//! Titles that print a day without its year (`… Regular Press Conference on
//! September 10`, the English site in 2018): the year comes from the page's
//! image names (`W020180910…jpg`, the upload day), else from a date the caller
//! knows (the listing's neighbours, the file name, the day of fetching).

use std::sync::LazyLock;

use regex::Regex;

use super::{Para, dates, header};

/// `Month D` at a title's end (English month names, as the ministry prints them).
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\s*$",
    )
    .expect("valid regex")
});

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
    /// very day, else the year that puts the day nearest an image or the hint.
    fn year_of(&self, month: u32, day: u32) -> Option<i32> {
        if let Some(&(y, ..)) = self
            .images
            .iter()
            .find(|&&(_, m, d)| m == month && d == day)
        {
            return Some(y);
        }
        let anchor = self.images.first().copied().or(self.hint)?;
        let at = ordinal(anchor);
        (anchor.0 - 1..=anchor.0 + 1).min_by_key(|&y| (ordinal((y, month, day)) - at).abs())
    }
}

/// Adds the year to conference titles that lack one, when the context gives it.
pub(crate) fn complete(paras: &mut [Para], context: &YearContext) {
    for p in paras.iter_mut().filter(|p| p.text.len() <= 400) {
        if !header::mentions_conference(&p.text) || dates::find(&p.text).is_some() {
            continue;
        }
        let Some(c) = MONTH_DAY.captures(&p.text) else {
            continue;
        };
        let (Some(month), Ok(day)) = (month_number(&c[1]), c[2].parse::<u32>()) else {
            continue;
        };
        if let Some(year) = context.year_of(month, day) {
            let end = c.get(0).map_or(p.text.len(), |m| m.end());
            p.text = format!("{}, {year}{}", p.text[..end].trim_end(), &p.text[end..]);
        }
    }
}

fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.to_ascii_lowercase();
    NAMES
        .iter()
        .position(|n| w.starts_with(n))
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

//! Finds a calendar date in a line, whatever the language it is printed in.
//!
//! Forms seen on the ministry's and embassies' pages: `2022-11-04`, `2017/03/07`,
//! `2016年12月7日`, `October 9, 2025`, `Dec 25, 2023`, `14 mai 2009`, `1er août 2025`
//! and the US `10/27/2025`. A small tokenizer keeps this linear and regex-free.

use crate::model::{Day, NotADay};

/// A date found in a line: ISO form and the byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) iso: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Num(u32, usize),
    Word(&'a str),
    Sep(char),
}

/// Only the start of a line is searched: dates sit in titles and stamps, and
/// a 2 MB paragraph must not cost more than its first few hundred characters.
const SCAN_LIMIT: usize = 400;

/// The first date in `text`, if any.
pub(crate) fn find(text: &str) -> Option<Found> {
    let toks = tokenize(text);
    (0..toks.len()).find_map(|i| match_at(&toks, i)?.ok())
}

/// The first date-shaped text that names no calendar day (`30 février 2025`),
/// as printed, with the reason; `None` when `text` holds a valid date first.
pub(crate) fn impossible(text: &str) -> Option<(String, NotADay)> {
    let toks = tokenize(text);
    (0..toks.len()).find_map(|i| match match_at(&toks, i)? {
        Ok(_) => Some(None),
        Err((start, end, why)) => Some(Some((text[start..end].to_string(), why))),
    })?
}

/// The ISO date of the first date in `text`.
pub(crate) fn iso(text: &str) -> Option<String> {
    find(text).map(|f| f.iso)
}

fn tokenize(text: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if i > SCAN_LIMIT {
            break;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            let digits = &text[i..end];
            let value = digits.parse::<u32>().unwrap_or(u32::MAX);
            toks.push((Tok::Num(value, digits.len()), i, end));
        } else if c.is_alphabetic() && !is_cjk(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() || is_cjk(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            toks.push((Tok::Word(&text[i..end]), i, end));
        } else if !c.is_whitespace() {
            toks.push((Tok::Sep(c), i, i + c.len_utf8()));
        }
    }
    toks
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A date-shaped run of tokens at `at`: the date, or where it is and why it names no day.
type Matched = Result<Found, (usize, usize, NotADay)>;

fn match_at(toks: &[(Tok<'_>, usize, usize)], at: usize) -> Option<Matched> {
    let tok = |k: usize| toks.get(at + k).map(|x| x.0);
    let end = |k: usize| toks.get(at + k).map_or(0, |x| x.2);
    let start = toks.get(at)?.1;
    let found = |year: u32, mon: u32, day: u32, last| {
        Some(match Day::new(i64::from(year), mon, day) {
            Ok(d) => Ok(Found {
                iso: d.to_string(),
                start,
                end: end(last),
            }),
            Err(why) => Err((start, end(last), why)),
        })
    };
    match (tok(0)?, tok(1), tok(2), tok(3), tok(4)) {
        // 2022-11-04, 2017/03/07, 2019.12.10, 2016年12月7日
        (
            Tok::Num(year, 4),
            Some(Tok::Sep(sep1)),
            Some(Tok::Num(mon, 1..=2)),
            Some(Tok::Sep(sep2)),
            Some(Tok::Num(day, 1..=2)),
        ) if (sep1 == sep2 && matches!(sep1, '-' | '/' | '.'))
            || (sep1 == '年' && sep2 == '月') =>
        {
            found(year, mon, day, 4)
        }
        // 10/27/2025
        (
            Tok::Num(mon, 1..=2),
            Some(Tok::Sep('/')),
            Some(Tok::Num(day, 1..=2)),
            Some(Tok::Sep('/')),
            Some(Tok::Num(year, 4)),
        ) => found(year, mon, day, 4),
        // October 9, 2025 · Dec. 25, 2023
        (
            Tok::Word(word),
            Some(Tok::Num(day, 1..=2)),
            Some(Tok::Sep(',')),
            Some(Tok::Num(year, 4)),
            _,
        ) => found(year, month(word)?, day, 3),
        (
            Tok::Word(word),
            Some(Tok::Sep('.')),
            Some(Tok::Num(day, 1..=2)),
            Some(Tok::Sep(',')),
            Some(Tok::Num(year, 4)),
        ) => found(year, month(word)?, day, 4),
        // June 17 2025 · 14 mai 2009 · 9 October 2025
        (Tok::Word(word), Some(Tok::Num(day, 1..=2)), Some(Tok::Num(year, 4)), _, _)
        | (Tok::Num(day, 1..=2), Some(Tok::Word(word)), Some(Tok::Num(year, 4)), _, _) => {
            found(year, month(word)?, day, 2)
        }
        // 1er août 2025
        (
            Tok::Num(day, 1..=2),
            Some(Tok::Word(er)),
            Some(Tok::Word(word)),
            Some(Tok::Num(year, 4)),
            _,
        ) if er.eq_ignore_ascii_case("er") => found(year, month(word)?, day, 3),
        _ => None,
    }
}

/// Month number from an English or French month name or abbreviation.
fn month(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["january", "jan", "janvier", "janv"],
        &["february", "feb", "février", "fevrier", "févr", "fevr"],
        &["march", "mar", "mars"],
        &["april", "apr", "avril", "avr"],
        &["may", "mai"],
        &["june", "jun", "juin"],
        &["july", "jul", "juillet", "juil"],
        &["august", "aug", "août", "aout"],
        &["september", "sep", "sept", "septembre"],
        &["october", "oct", "octobre"],
        &["november", "nov", "novembre"],
        &["december", "dec", "décembre", "decembre", "déc"],
    ];
    let lower = word.to_lowercase();
    NAMES
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::iso;

    #[test]
    fn every_printed_form_gives_an_iso_date() {
        assert_eq!(iso("2022-11-04 23:00").as_deref(), Some("2022-11-04"));
        assert_eq!(iso("2017/03/07").as_deref(), Some("2017-03-07"));
        assert_eq!(iso(" (2019-12-10)").as_deref(), Some("2019-12-10"));
        assert_eq!(
            iso("Updated: October 09, 2025 17:56").as_deref(),
            Some("2025-10-09")
        );
        assert_eq!(
            iso("2016年12月7日外交部发言人陆慷主持例行记者会").as_deref(),
            Some("2016-12-07")
        );
        assert_eq!(
            iso("China FO Presser – Dec 25, 2023").as_deref(),
            Some("2023-12-25")
        );
        assert_eq!(
            iso("Conférence de presse du 14 mai 2009 |").as_deref(),
            Some("2009-05-14")
        );
        assert_eq!(iso("du 1er août 2025").as_deref(), Some("2025-08-01"));
        assert_eq!(
            iso("10/27/2025 | Press release").as_deref(),
            Some("2025-10-27")
        );
        assert_eq!(iso("双语例行记者会8月16(双语例行记者会)(1)"), None);
        assert_eq!(iso("At 3:40 pm"), None);
    }

    #[test]
    fn impossible_dates_are_not_dates_and_are_named() {
        assert_eq!(iso("Conférence de presse du 30 février 2025"), None);
        assert_eq!(iso("2025-02-30"), None);
        let (printed, why) = super::impossible("Conférence de presse du 30 février 2025").unwrap();
        assert_eq!(printed, "30 février 2025");
        assert!(why.0.contains("February 2025 has 28 days"), "{why}");
        assert_eq!(
            super::impossible("du 1er août 2025, puis 30 février 2025"),
            None
        );
    }
}

//! Reading what a user types in the search bar into a [`Query`]: filters out, words in.

use super::dates::span;
use super::{DEFAULT_LIMIT, Filters, Query, Refusal, Sort};
use crate::model::Day;
use crate::outlets::Outlets;
use crate::text::escape_controls;

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

/// Splits on whitespace, keeping a quoted run (with its spaces) inside its
/// token when the quote is closed: `outlet:"Agence France-Presse"`, `"mer de chine"`.
fn tokens(input: &str) -> Vec<String> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_quote(c) {
            if let Some(close) = chars[i + 1..].iter().position(|&d| is_quote(d)) {
                cur.extend(&chars[i..=i + 1 + close]);
                i += close + 2;
                continue;
            }
            cur.push(c);
        } else if c.is_whitespace() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
        i += 1;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn unquote(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_quote(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// One side of `A..B`.
enum Side {
    Open,
    Word,
    Days(Day, Day),
    Bad(crate::model::NotADay),
}

fn side(s: &str) -> Side {
    match span(s) {
        _ if s.is_empty() => Side::Open,
        Ok(None) => Side::Word,
        Ok(Some((first, last))) => Side::Days(first, last),
        Err(e) => Side::Bad(e),
    }
}

/// First and last day of a range; `None` leaves that end open.
type DayRange = (Option<Day>, Option<Day>);

/// Years a bare four-digit number stands for as a date filter: the ministry's
/// transcripts start in the 1990s. Outside them (`1949`, `5000`) the number stays a
/// word, as any number does when quoted (`"2024"`).
const BARE_YEARS: std::ops::RangeInclusive<u32> = 1990..=2099;

/// A date range written `A..B`, `A..`, `..B`, or a single date (`2024-03-18`,
/// `2024-03`, a bare year in [`BARE_YEARS`]). `Ok(None)`: not a date, a
/// word; an error: written as a date but naming no day (`2024-02-30..2025`).
fn date_range(token: &str) -> Result<Option<DayRange>, Refusal> {
    if let Some((a, b)) = token.split_once("..") {
        return match (side(a), side(b)) {
            (Side::Open, Side::Open) | (Side::Word, _) | (_, Side::Word) => Ok(None),
            (Side::Bad(e), _) | (_, Side::Bad(e)) => Err(Refusal::BadQuery(e.0)),
            (from, to) => Ok(Some((
                match from {
                    Side::Days(first, _) => Some(first),
                    _ => None,
                },
                match to {
                    Side::Days(_, last) => Some(last),
                    _ => None,
                },
            ))),
        };
    }
    // A month or a day written with two digits each is a date; so is a plausible year.
    let b = token.as_bytes();
    let year = b.len() == 4
        && b.iter().all(u8::is_ascii_digit)
        && token.parse().is_ok_and(|y| BARE_YEARS.contains(&y));
    let shaped =
        year || (b.len() == 7 || b.len() == 10) && b[4] == b'-' && (b.len() == 7 || b[7] == b'-');
    match side(token) {
        Side::Days(first, last) if shaped => Ok(Some((Some(first), Some(last)))),
        Side::Bad(e) if shaped => Err(Refusal::BadQuery(e.0)),
        _ => Ok(None),
    }
}

/// Sets a filter read from the query or a flag. A filter given twice with two values
/// is refused, naming both: silently keeping one would search something else than asked.
pub(super) fn set_once(
    slot: &mut Option<String>,
    what: &str,
    value: String,
) -> Result<(), Refusal> {
    match slot {
        Some(old) if !old.eq_ignore_ascii_case(&value) => Err(Refusal::BadQuery(format!(
            "two {what} given (\"{}\" and \"{}\"): a search takes one; drop the other",
            escape_controls(old),
            escape_controls(&value)
        ))),
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

/// The filter a `key:` names, as the plural said when it is given twice.
fn filter_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "outlet" => "outlets",
        "lang" | "language" => "languages",
        "spokesperson" | "sp" => "spokespeople",
        "from" => "start dates",
        "to" => "end dates",
        "date" => "dates",
        _ => return None,
    })
}

/// Applies `key:value`. `Ok(false)`: `key` is no filter, the token is a word.
fn apply(
    filters: &mut Filters,
    key: &str,
    value: String,
    outlets: &Outlets,
) -> Result<bool, Refusal> {
    let Some(what) = filter_of(key) else {
        return match key.strip_prefix('-').filter(|k| filter_of(k).is_some()) {
            // `-word` excludes a word; a filter says what to keep, not what to drop.
            Some(k) => Err(Refusal::BadQuery(format!(
                "-{k}: a filter cannot be excluded; give the one to keep ({k}:…)"
            ))),
            None => Ok(false),
        };
    };
    if value.is_empty() {
        return Err(Refusal::BadQuery(format!(
            "{key}: needs a value (for example {})",
            match what {
                "outlets" => "outlet:AFP",
                "languages" => "lang:fr",
                "spokespeople" => "sp:guo",
                _ => "from:2024-03",
            }
        )));
    }
    let day = |value: &str| match span(value) {
        Ok(Some(span)) => Ok(span),
        Ok(None) => Err(Refusal::BadQuery(format!(
            "{key}:{} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
            escape_controls(value)
        ))),
        Err(e) => Err(Refusal::BadQuery(e.0)),
    };
    match what {
        "outlets" => set_once(
            &mut filters.outlet,
            what,
            outlets.canonical_for_query(&value),
        )?,
        "languages" => set_once(&mut filters.language, what, value.to_lowercase())?,
        "spokespeople" => set_once(&mut filters.spokesperson, what, value)?,
        "start dates" => set_once(&mut filters.from, what, day(&value)?.0.to_string())?,
        "end dates" => set_once(&mut filters.to, what, day(&value)?.1.to_string())?,
        _ => {
            let (first, last) = day(&value)?;
            set_once(&mut filters.from, "start dates", first.to_string())?;
            set_once(&mut filters.to, "end dates", last.to_string())?;
        }
    }
    Ok(true)
}

/// See [`super::parse_query`].
pub(super) fn parse(input: &str, outlets: &Outlets) -> Query {
    let mut filters = Filters::default();
    let mut refusal = None;
    let mut words: Vec<String> = Vec::new();
    let mut last_was_word = false;
    for token in tokens(input) {
        last_was_word = false;
        // The first problem is the one said; reading goes on so the words are kept.
        let mut keep = |r: Result<bool, Refusal>| match r {
            Ok(applied) => applied,
            Err(e) => {
                refusal.get_or_insert(e);
                true
            }
        };
        let range = date_range(&token).and_then(|range| {
            let Some((from, to)) = range else {
                return Ok(false);
            };
            if let Some(from) = from {
                set_once(&mut filters.from, "start dates", from.to_string())?;
            }
            if let Some(to) = to {
                set_once(&mut filters.to, "end dates", to.to_string())?;
            }
            Ok(true)
        });
        if keep(range) {
            continue;
        }
        if let Some((key, value)) = token.split_once(':')
            && keep(apply(
                &mut filters,
                &key.to_lowercase(),
                unquote(value),
                outlets,
            ))
        {
            continue;
        }
        words.push(token);
        last_was_word = true;
    }
    let mut text = words.join(" ");
    // Only a word the user is still typing may act as a prefix.
    if (!last_was_word || input.ends_with(char::is_whitespace)) && !text.is_empty() {
        text.push(' ');
    }
    Query {
        text,
        filters,
        refusal,
        prefix_last: false,
        sort: Sort::Relevance,
        limit: DEFAULT_LIMIT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Query {
        parse(s, &Outlets::builtin())
    }

    #[test]
    fn filters_come_out_and_words_stay() {
        let q = p("outlet:afp lang:FR sp:guo 2024-01..2025-06 taiwan \"mer de chine\"");
        assert_eq!(q.text, "taiwan \"mer de chine\"");
        assert_eq!(q.filters.outlet.as_deref(), Some("AFP"));
        assert_eq!(q.filters.language.as_deref(), Some("fr"));
        assert_eq!(q.filters.spokesperson.as_deref(), Some("guo"));
        assert_eq!(q.filters.from.as_deref(), Some("2024-01-01"));
        assert_eq!(q.filters.to.as_deref(), Some("2025-06-30"));
    }

    #[test]
    fn quoted_outlets_dates_and_unknown_keys() {
        let q = p("outlet:\"Agence France-Presse\" foo:bar");
        assert_eq!(q.filters.outlet.as_deref(), Some("AFP"));
        assert_eq!(q.text, "foo:bar");
        let q = p("2024..2025");
        assert_eq!(q.filters.from.as_deref(), Some("2024-01-01"));
        assert_eq!(q.filters.to.as_deref(), Some("2025-12-31"));
        let q = p("from:2023 to:2023-02");
        assert_eq!(q.filters.from.as_deref(), Some("2023-01-01"));
        assert_eq!(q.filters.to.as_deref(), Some("2023-02-28"));
        let q = p("language:en spokesperson:\"Mao Ning\" 2024");
        assert_eq!(q.filters.spokesperson.as_deref(), Some("Mao Ning"));
        assert_eq!(q.text, "");
    }

    #[test]
    fn a_bare_year_is_the_whole_year_and_other_numbers_are_words() {
        for s in ["2024", "taiwan 2024", "2024 taiwan", "2024..2024"] {
            let q = p(s);
            assert_eq!(q.filters.from.as_deref(), Some("2024-01-01"), "{s}");
            assert_eq!(q.filters.to.as_deref(), Some("2024-12-31"), "{s}");
            assert_eq!(q.refusal, None, "{s}");
        }
        assert_eq!(p("taiwan 2024").text, "taiwan ");
        for s in [
            "12",
            "300",
            "5000",
            "1949",
            "2100",
            "20245",
            "\"2024\"",
            "２０２４",
        ] {
            let q = p(s);
            assert_eq!(q.filters, Filters::default(), "{s}");
            assert_eq!((q.text.as_str(), q.refusal), (s, None), "{s}");
        }
        // A year is a start and an end: with another one it is refused, as `from:` twice is.
        assert!(refusal("2023 2024").contains("two start dates given"));
        assert!(refusal("2024 from:2024-03").contains("two start dates given"));
        assert_eq!(refusal("2024 from:2024"), "");
    }

    #[test]
    fn malformed_input_is_words() {
        for s in [
            "\"unbalanced",
            "AND",
            "-",
            "*",
            "(((",
            "a..b",
            ":",
            "2024-3-18",
            "x:y",
        ] {
            let q = p(s);
            assert_eq!(q.filters, Filters::default(), "{s}");
            assert_eq!(q.refusal, None, "{s}");
        }
        assert_eq!(p("a..b").text, "a..b");
        assert_eq!(p("taiwan outlet:afp").text, "taiwan ");
    }

    /// The reason a query is refused, or "" when it is not.
    fn refusal(s: &str) -> String {
        p(s).refusal.map(|r| r.to_string()).unwrap_or_default()
    }

    #[test]
    fn impossible_dates_are_refused_by_the_rule_of_from() {
        let feb = "2024-02-30 is not a calendar date: February 2024 has 29 days, not 30";
        for s in [
            "2024-02-30..2025-12-31 the",
            "the 2024-02-30",
            "..2024-02-30",
            "2024-02-30..",
            "from:2024-02-30",
            "to:2024-02-30",
            "date:2024-02-30",
        ] {
            assert_eq!(refusal(s), feb, "{s}");
        }
        assert!(refusal("the 2024-13").contains("month 13"));
        assert!(refusal("1800..1900").contains("year 1800"));
        assert!(refusal("from:garbage").contains("from:garbage is not a date"));
        // A number that is no plausible year, or has a single-digit part, stays a word.
        assert_eq!(refusal("1800 2024-3-18"), "");
    }

    #[test]
    fn a_filter_without_a_value_or_with_two_is_refused() {
        for (s, said) in [
            ("outlet:", "outlet: needs a value"),
            ("taiwan outlet:\"\"", "outlet: needs a value"),
            ("lang:", "lang: needs a value"),
            ("sp: x", "sp: needs a value"),
            ("lang:fr lang:en", "two languages given (\"fr\" and \"en\")"),
            (
                "outlet:afp outlet:Reuters",
                "two outlets given (\"AFP\" and \"Reuters\")",
            ),
            ("2024..2025 from:2023", "two start dates given"),
            ("date:2024-03 2024-03-05..", "two start dates given"),
            ("sp:guo sp:mao", "two spokespeople given"),
            ("chine -outlet:AFP", "-outlet: a filter cannot be excluded"),
        ] {
            assert!(refusal(s).contains(said), "{s}: {}", refusal(s));
        }
        // The same filter twice with one value (an alias, another case) is that filter.
        let q = p("outlet:afp outlet:\"Agence France-Presse\" lang:FR lang:fr taiwan");
        assert_eq!(q.refusal, None);
        assert_eq!(q.filters.outlet.as_deref(), Some("AFP"));
        assert_eq!(q.filters.language.as_deref(), Some("fr"));
    }

    #[test]
    fn flags_join_the_typed_filters_and_may_not_contradict_them() {
        let o = Outlets::builtin();
        let flags = |outlet: &str| Filters {
            outlet: Some(outlet.into()),
            language: Some("FR".into()),
            ..Filters::default()
        };
        let q = crate::search::parse_query_with("outlet:Reuters lang:fr x", flags("AFP"), &o);
        assert!(
            q.refusal
                .is_some_and(|r| r.to_string().contains("\"Reuters\" and \"AFP\"")),
        );
        let q = crate::search::parse_query_with("outlet:afp lang:fr x", flags("AFP"), &o);
        assert_eq!(q.refusal, None);
        assert_eq!(q.filters.outlet.as_deref(), Some("AFP"));
    }
}

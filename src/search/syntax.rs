//! Reading what a user types in the search bar into a [`Query`]: filters out, words in.

use super::dates::{is_full_date, widen_end, widen_start};
use super::{DEFAULT_LIMIT, Filters, Query, Sort};
use crate::outlets::Outlets;

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

/// A date range written `A..B`, `A..`, `..B`, or a single partial date
/// (`2024-03-18`, `2024-03`; a bare year is a word unless in a range).
fn date_range(token: &str) -> Option<(Option<String>, Option<String>)> {
    if let Some((a, b)) = token.split_once("..") {
        let from = if a.is_empty() {
            None
        } else {
            Some(widen_start(a)?)
        };
        let to = if b.is_empty() {
            None
        } else {
            Some(widen_end(b)?)
        };
        return (from.is_some() || to.is_some()).then_some((from, to));
    }
    if is_full_date(token) || (token.len() == 7 && widen_start(token).is_some()) {
        return Some((widen_start(token), widen_end(token)));
    }
    None
}

/// See [`super::parse_query`].
pub(super) fn parse(input: &str, outlets: &Outlets) -> Query {
    let mut filters = Filters::default();
    let mut words: Vec<String> = Vec::new();
    let mut last_was_word = false;
    for token in tokens(input) {
        last_was_word = false;
        if let Some((from, to)) = date_range(&token) {
            filters.from = from.or(filters.from);
            filters.to = to.or(filters.to);
            continue;
        }
        if let Some((key, value)) = token.split_once(':') {
            let value = unquote(value);
            let key = key.to_lowercase();
            let known = matches!(
                key.as_str(),
                "outlet" | "lang" | "language" | "spokesperson" | "sp" | "from" | "to" | "date"
            );
            if known && value.is_empty() {
                continue; // a filter still being typed
            }
            let applied = match key.as_str() {
                "outlet" => {
                    filters.outlet = Some(outlets.canonical_for_query(&value));
                    true
                }
                "lang" | "language" => {
                    filters.language = Some(value.to_lowercase());
                    true
                }
                "spokesperson" | "sp" => {
                    filters.spokesperson = Some(value);
                    true
                }
                "from" => widen_start(&value)
                    .map(|d| filters.from = Some(d))
                    .is_some(),
                "to" => widen_end(&value).map(|d| filters.to = Some(d)).is_some(),
                "date" => match (widen_start(&value), widen_end(&value)) {
                    (Some(a), Some(b)) => {
                        filters.from = Some(a);
                        filters.to = Some(b);
                        true
                    }
                    _ => false,
                },
                _ => false,
            };
            if applied {
                continue;
            }
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
        let q = p("2024-03-18 from:2023 to:2023-02");
        assert_eq!(q.filters.from.as_deref(), Some("2023-01-01"));
        assert_eq!(q.filters.to.as_deref(), Some("2023-02-28"));
        let q = p("language:en spokesperson:\"Mao Ning\" 2024");
        assert_eq!(q.filters.spokesperson.as_deref(), Some("Mao Ning"));
        assert_eq!(q.text, "2024");
    }

    #[test]
    fn malformed_input_is_words() {
        for s in [
            "\"unbalanced",
            "AND",
            "-",
            "*",
            "outlet:",
            "(((",
            "from:garbage",
            "a..b",
            ":",
        ] {
            let q = p(s);
            assert_eq!(q.filters.outlet, None, "{s}");
        }
        assert_eq!(p("from:garbage").text, "from:garbage");
        assert_eq!(p("outlet:").text, "");
        assert_eq!(p("taiwan outlet:afp").text, "taiwan ");
    }
}

//! Dates in search: day numbers for the index, and the widening of partial
//! dates (`2024`, `2024-03`) typed in the search bar. Validity is [`Day`]'s.

use crate::model::{Day, NotADay};

/// The date of a day number, as `YYYY-MM-DD` (day numbers in the index come from valid days).
pub(super) fn civil_from_days(z: i64) -> String {
    Day::from_days(z).map_or_else(|| "????-??-??".to_string(), |d| d.to_string())
}

/// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first and last day it covers:
/// `Ok(None)` when `s` is not written as a date at all (a word), an error when it is
/// but names no day (`2025-02-30`, `2025-13`): the same rule as `--from`, through [`Day`].
pub(super) fn span(s: &str) -> Result<Option<(Day, Day)>, NotADay> {
    let mut it = s.split('-');
    let num = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let parts = (
        it.next().and_then(|p| num(p, 4..=4)),
        it.next().map(|p| num(p, 1..=2)),
        it.next().map(|p| num(p, 1..=2)),
    );
    let (y, m, d) = match parts {
        (Some(y), None, None) => (y, None, None),
        (Some(y), Some(Some(m)), None) => (y, Some(m), None),
        (Some(y), Some(Some(m)), Some(Some(d))) => (y, Some(m), Some(d)),
        _ => return Ok(None),
    };
    if it.next().is_some() {
        return Ok(None);
    }
    let y = i64::from(y);
    let span = match (m, d) {
        (None, _) => Day::new(y, 1, 1).and_then(|a| Ok((a, Day::new(y, 12, 31)?))),
        (Some(m), None) => Day::new(y, m, 1).map(|first| (first, first.end_of_month())),
        (Some(m), Some(d)) => Day::new(y, m, d).map(|day| (day, day)),
    };
    span.map(Some)
        .map_err(|e| NotADay(format!("{s} is not a calendar date: {e}")))
}

/// The first day a partial date covers (`2024-03` → `2024-03-01`).
pub(super) fn widen_start(s: &str) -> Option<String> {
    span(s).ok().flatten().map(|(a, _)| a.to_string())
}

/// The last day a partial date covers (`2024-02` → `2024-02-29`).
pub(super) fn widen_end(s: &str) -> Option<String> {
    span(s).ok().flatten().map(|(_, b)| b.to_string())
}

/// Day number of an ISO date. The loader refuses conferences whose date is
/// not a calendar day, so 0 (1970-01-01) is reached only by callers that
/// skipped it.
pub(super) fn day_number(s: &str) -> i64 {
    Day::parse(s.get(..10).unwrap_or(s)).map_or(0, Day::days_since_epoch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_widening() {
        for s in ["1970-01-01", "2000-02-29", "2024-12-31", "2002-07-15"] {
            assert_eq!(civil_from_days(day_number(s)), s);
        }
        assert_eq!(widen_start("2024-01").as_deref(), Some("2024-01-01"));
        assert_eq!(widen_end("2024-02").as_deref(), Some("2024-02-29"));
        assert_eq!(widen_end("2023-02").as_deref(), Some("2023-02-28"));
        assert_eq!(widen_end("2025").as_deref(), Some("2025-12-31"));
        assert_eq!(widen_end("2025-06-03").as_deref(), Some("2025-06-03"));
        assert_eq!(widen_start("2025-13"), None);
        assert_eq!(widen_start("2025-02-30"), None);
        assert_eq!(widen_start("20250"), None);
    }

    #[test]
    fn impossible_dates_are_told_apart_from_words() {
        let err = |s: &str| span(s).err().map(|e| e.0).unwrap_or_default();
        assert_eq!(
            err("2024-02-30"),
            "2024-02-30 is not a calendar date: February 2024 has 29 days, not 30"
        );
        assert!(err("2025-13").contains("month 13"), "{}", err("2025-13"));
        assert!(err("1800").contains("year 1800"), "{}", err("1800"));
        for word in ["20250", "2024-", "2024-1-2-3", "abcd", "2024-003", "a..b"] {
            assert!(matches!(span(word), Ok(None)), "{word}");
        }
    }
}

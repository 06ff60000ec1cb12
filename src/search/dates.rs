//! Dates in search: day numbers for the index, and the widening of partial
//! dates (`2024`, `2024-03`) typed in the search bar. Validity is [`Day`]'s.

use crate::model::Day;

/// The date of a day number, as `YYYY-MM-DD` (day numbers in the index come from valid days).
pub(super) fn civil_from_days(z: i64) -> String {
    Day::from_days(z).map_or_else(|| "????-??-??".to_string(), |d| d.to_string())
}

/// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first and last day it covers.
fn span(s: &str) -> Option<(Day, Day)> {
    let mut it = s.split('-');
    let num = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let y = i64::from(num(it.next()?, 4..=4)?);
    let m = it.next().map(|p| num(p, 1..=2));
    let d = it.next().map(|p| num(p, 1..=2));
    if it.next().is_some() {
        return None;
    }
    match (m, d) {
        (None, _) => Some((Day::new(y, 1, 1).ok()?, Day::new(y, 12, 31).ok()?)),
        (Some(m), None) => {
            let first = Day::new(y, m?, 1).ok()?;
            Some((first, first.end_of_month()))
        }
        (Some(m), Some(d)) => {
            let day = Day::new(y, m?, d?).ok()?;
            Some((day, day))
        }
    }
}

/// The first day a partial date covers (`2024-03` → `2024-03-01`).
pub(super) fn widen_start(s: &str) -> Option<String> {
    span(s).map(|(a, _)| a.to_string())
}

/// The last day a partial date covers (`2024-02` → `2024-02-29`).
pub(super) fn widen_end(s: &str) -> Option<String> {
    span(s).map(|(_, b)| b.to_string())
}

/// Whether `s` is a complete, valid `YYYY-MM-DD`.
pub(super) fn is_full_date(s: &str) -> bool {
    Day::parse(s).is_ok()
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
        assert!(is_full_date("2024-03-18"));
        assert!(!is_full_date("2024-3-18"));
    }
}

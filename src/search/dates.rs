//! ISO dates ↔ day numbers, and the widening of partial dates (`2024`, `2024-03`).

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, as `YYYY-MM-DD`.
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (1900–2999) into its parts.
fn parts(s: &str) -> Option<(i64, Option<u32>, Option<u32>)> {
    let mut it = s.split('-');
    let y = it.next()?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i64 = y.parse().ok()?;
    if !(1900..3000).contains(&y) {
        return None;
    }
    let num = |p: Option<&str>| -> Option<Option<u32>> {
        match p {
            None => Some(None),
            Some(p) if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    let m = num(it.next())?;
    let d = num(it.next())?;
    if it.next().is_some() || (d.is_some() && m.is_none()) {
        return None;
    }
    if m.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    if let (Some(m), Some(d)) = (m, d)
        && (d == 0 || d > days_in_month(y, m))
    {
        return None;
    }
    Some((y, m, d))
}

/// The first day a partial date covers (`2024-03` → `2024-03-01`).
pub fn widen_start(s: &str) -> Option<String> {
    let (y, m, d) = parts(s)?;
    Some(format!(
        "{y:04}-{:02}-{:02}",
        m.unwrap_or(1),
        d.unwrap_or(1)
    ))
}

/// The last day a partial date covers (`2024-02` → `2024-02-29`).
pub fn widen_end(s: &str) -> Option<String> {
    let (y, m, d) = parts(s)?;
    let m2 = m.unwrap_or(12);
    Some(format!(
        "{y:04}-{m2:02}-{:02}",
        d.unwrap_or_else(|| days_in_month(y, m2))
    ))
}

/// Whether `s` is a complete, valid `YYYY-MM-DD`.
pub fn is_full_date(s: &str) -> bool {
    s.len() == 10 && matches!(parts(s), Some((_, Some(_), Some(_))))
}

/// Day number of an ISO date; unreadable dates count as 1970-01-01 so they sort last.
pub fn day_number(s: &str) -> i64 {
    match parts(s.get(..10).unwrap_or(s)) {
        Some((y, m, d)) => days_from_civil(y, m.unwrap_or(1), d.unwrap_or(1)),
        None => 0,
    }
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

//! A calendar day: the one date type of the program. Parsing transcripts,
//! loading the corpus, the CLI's `--from`/`--to` and search all go through
//! [`Day::new`], so an impossible date (`2025-02-30`) is refused everywhere
//! by the same rule, with the same explanation.

use std::fmt;

/// Years a briefing can carry: the ministry's archive starts in the 1990s;
/// the margin keeps old and future documents, and stops four-digit numbers
/// that are not years (`8000`) from reading as dates.
pub(super) const YEARS: std::ops::RangeInclusive<i64> = 1900..=2999;

/// A valid day of the proleptic Gregorian calendar within [`YEARS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day {
    year: u16,
    month: u8,
    /// Day of the month, 1–31.
    dom: u8,
}

/// Why three numbers are not a day, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotADay(pub(crate) String);

impl fmt::Display for NotADay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Day {
    /// The day `y-m-d`, or why there is none.
    pub(crate) fn new(y: i64, m: u32, d: u32) -> Result<Day, NotADay> {
        if !YEARS.contains(&y) {
            return Err(NotADay(format!(
                "year {y} is outside {}–{}",
                YEARS.start(),
                YEARS.end()
            )));
        }
        if !(1..=12).contains(&m) {
            return Err(NotADay(format!("month {m} does not exist (1–12)")));
        }
        let last = days_in_month(y, m);
        if d == 0 || d > last {
            return Err(NotADay(format!(
                "{} {y} has {last} days, not {d}",
                MONTHS[m as usize - 1]
            )));
        }
        // In range by the checks above.
        Ok(Day {
            year: y as u16,
            month: m as u8,
            dom: d as u8,
        })
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub(crate) fn parse(s: &str) -> Result<Day, NotADay> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(NotADay(format!("expected a date as YYYY-MM-DD, got {s:?}")));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        Day::new(i64::from(num(0..4)), num(5..7), num(8..10))
            .map_err(|e| NotADay(format!("{s} is not a calendar date: {e}")))
    }

    pub(crate) fn year(self) -> i64 {
        i64::from(self.year)
    }

    pub(crate) fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub(crate) fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.dom));
        let y = if m <= 2 { self.year() - 1 } else { self.year() };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day a number of [`Day::days_since_epoch`] names, if within [`YEARS`].
    pub(crate) fn from_days(z: i64) -> Option<Day> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day::new(y, m as u32, d as u32).ok()
    }

    /// The last day of this day's month.
    #[must_use]
    pub(crate) fn end_of_month(self) -> Day {
        Day {
            dom: days_in_month(self.year(), self.month()) as u8,
            ..self
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.dom)
    }
}

/// Days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::Day;

    #[test]
    fn impossible_days_are_refused_with_the_reason() {
        assert_eq!(
            Day::parse("2025-02-30").unwrap_err().0,
            "2025-02-30 is not a calendar date: February 2025 has 28 days, not 30"
        );
        assert!(Day::parse("2024-02-29").is_ok());
        assert!(Day::parse("2023-02-29").is_err());
        assert!(Day::parse("2100-02-29").is_err());
        assert!(Day::parse("2000-02-29").is_ok());
        assert!(Day::parse("2024-04-31").is_err());
        assert!(Day::parse("2024-13-01").is_err());
        assert!(Day::parse("2024-00-10").is_err());
        assert!(Day::parse("2024-3-18").is_err());
        assert!(Day::parse("1899-12-31").is_err());
    }

    #[test]
    fn day_numbers_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2024-12-31",
            "2002-07-15",
            "1900-01-01",
        ] {
            let d = Day::parse(s).unwrap();
            assert_eq!(Day::from_days(d.days_since_epoch()), Some(d));
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(Day::parse("1970-01-01").unwrap().days_since_epoch(), 0);
    }
}

//! Conference dates: consecutive working days from 2003, about 240 a year, one conference each.

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

impl Date {
    /// `2003-01-07`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `7 janvier 2003`, `1er mars 2004`, as the French titles print it.
    pub fn french(self) -> String {
        let day = if self.day == 1 {
            "1er".to_string()
        } else {
            self.day.to_string()
        };
        format!("{day} {} {}", MONTHS[self.month as usize - 1], self.year)
    }
}

/// The first `count` working days from 2 January 2003: weekdays outside the
/// New Year, Spring Festival, Labour Date, National Date and year-end breaks.
/// More conferences than twenty years hold simply run on into later years,
/// so every conference has its own day and its own id.
pub fn working_days(count: usize) -> Vec<Date> {
    let mut out = Vec::with_capacity(count);
    let mut d = Date {
        year: 2003,
        month: 1,
        day: 1,
    };
    // 1 January 2003 was a Wednesday (0 = Monday).
    let mut weekday = 2;
    while out.len() < count {
        if weekday < 5 && !is_break(d) {
            out.push(d);
        }
        d = next(d);
        weekday = (weekday + 1) % 7;
    }
    out
}

fn is_break(d: Date) -> bool {
    matches!(
        (d.month, d.day),
        (1, 1..=3) | (2 | 10, 1..=7) | (5, 1..=5) | (12, 24..=31)
    )
}

fn next(d: Date) -> Date {
    if d.day < briefings::model::days_in_month(i64::from(d.year), d.month) {
        Date {
            day: d.day + 1,
            ..d
        }
    } else if d.month < 12 {
        Date {
            month: d.month + 1,
            day: 1,
            ..d
        }
    } else {
        Date {
            year: d.year + 1,
            month: 1,
            day: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::working_days;

    #[test]
    fn about_240_distinct_working_days_a_year() {
        let days = working_days(5000);
        let first = days[0];
        assert_eq!(first.iso(), "2003-01-06");
        assert_eq!(days[1].french(), "7 janvier 2003");
        let in_2010 = days.iter().filter(|d| d.year == 2010).count();
        assert!((230..=250).contains(&in_2010), "{in_2010}");
        assert!(days.windows(2).all(|w| w[0] < w[1]));
        assert!(
            days.iter()
                .any(|d| d.iso() == "2010-03-01" && d.french() == "1er mars 2010")
        );
        assert!(days[4999].year >= 2023);
    }
}

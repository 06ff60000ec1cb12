//! Matching turns counted per month, quarter or year, optionally split by
//! language, outlet or spokesperson; every period between the first and the
//! last is present (zero when nothing matched), so a chart's gaps are real.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use serde::Serialize;

use crate::search::{Matched, Refusal};

/// The length of one bar of a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Quarter,
    #[default]
    Year,
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s {
            "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            "year" => Ok(Period::Year),
            _ => Err(format!(
                "{s:?} is not a period: give month, quarter or year"
            )),
        }
    }
}

impl Period {
    /// A period as a sortable number (months since year 0, quarters, years).
    fn key(self, date: &str) -> Option<i64> {
        let year: i64 = date.get(0..4)?.parse().ok()?;
        let month: i64 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        Some(match self {
            Period::Month => year * 12 + (month - 1),
            Period::Quarter => year * 4 + (month - 1) / 3,
            Period::Year => year,
        })
    }

    /// The period's label: `2024-03`, `2024-Q1`, `2024`.
    fn label(self, key: i64) -> String {
        match self {
            Period::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Period::Quarter => format!("{:04}-Q{}", key.div_euclid(4), key.rem_euclid(4) + 1),
            Period::Year => format!("{key:04}"),
        }
    }
}

/// What a trend's series are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    Lang,
    Outlet,
    Spokesperson,
}

impl FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Split, String> {
        match s {
            "lang" | "language" => Ok(Split::Lang),
            "outlet" => Ok(Split::Outlet),
            "spokesperson" => Ok(Split::Spokesperson),
            _ => Err(format!(
                "{s:?} is not a split: give lang, outlet or spokesperson"
            )),
        }
    }
}

/// The label of a turn with no outlet or spokesperson in a split.
pub const NONE: &str = "(none)";

/// One line of a trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    /// The language, outlet or spokesperson; `all` without a split.
    pub name: String,
    pub total: usize,
    /// One count per period, in the order of [`Trend::periods`].
    pub counts: Vec<usize>,
}

/// Counts per period, per series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trend {
    pub by: Period,
    pub split: Option<Split>,
    /// Matching turns in all (equals `search`'s total for the same query).
    pub total: usize,
    /// Period labels, oldest first, none missing between the first and the last.
    pub periods: Vec<String>,
    /// Largest total first (ties by name).
    pub series: Vec<Series>,
    /// Why the query was not run, when it was not (then there is no series).
    #[serde(skip)]
    pub(crate) refusal: Option<Refusal>,
}

/// Counts `matched` per `by`; `spokespersons` names each conference's spokesperson (for that split).
pub(super) fn trend(
    matched: &[Matched],
    by: Period,
    split: Option<Split>,
    spokespersons: &HashMap<String, String>,
) -> Trend {
    let mut cells: BTreeMap<&str, HashMap<i64, usize>> = BTreeMap::new();
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    for m in matched {
        let Some(key) = by.key(&m.date) else { continue };
        first = first.min(key);
        last = last.max(key);
        let name = match split {
            None => "all",
            Some(Split::Lang) => m.language.as_str(),
            Some(Split::Outlet) => m.outlet.as_deref().unwrap_or(NONE),
            Some(Split::Spokesperson) => spokespersons
                .get(&m.conference)
                .map_or(NONE, String::as_str),
        };
        *cells.entry(name).or_default().entry(key).or_default() += 1;
    }
    let keys: Vec<i64> = if first <= last {
        (first..=last).collect()
    } else {
        Vec::new()
    };
    let mut series: Vec<Series> = cells
        .into_iter()
        .map(|(name, per)| {
            let counts: Vec<usize> = keys
                .iter()
                .map(|k| per.get(k).copied().unwrap_or(0))
                .collect();
            Series {
                name: name.to_string(),
                total: counts.iter().sum(),
                counts,
            }
        })
        .collect();
    series.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    Trend {
        by,
        split,
        total: series.iter().map(|s| s.total).sum(),
        periods: keys.into_iter().map(|k| by.label(k)).collect(),
        series,
        refusal: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(date: &str, language: &str, outlet: Option<&str>) -> Matched {
        Matched {
            conference: format!("{date}-{language}"),
            turn: 0,
            date: date.into(),
            language: language.into(),
            outlet: outlet.map(str::to_string),
            question: true,
        }
    }

    #[test]
    fn empty_periods_between_first_and_last_are_zero() {
        let rows = [m("2023-11-02", "fr", None), m("2024-02-10", "fr", None)];
        let t = trend(&rows, Period::Month, None, &HashMap::new());
        assert_eq!(t.periods, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(t.series[0].counts, [1, 0, 0, 1]);
        let q = trend(&rows, Period::Quarter, None, &HashMap::new());
        assert_eq!(q.periods, ["2023-Q4", "2024-Q1"]);
        assert_eq!(q.total, 2);
    }

    #[test]
    fn split_by_outlet_and_spokesperson() {
        let rows = [
            m("2024-01-02", "fr", Some("AFP")),
            m("2024-05-02", "en", Some("AFP")),
            m("2025-01-02", "fr", None),
        ];
        let t = trend(&rows, Period::Year, Some(Split::Outlet), &HashMap::new());
        assert_eq!(t.series[0].name, "AFP");
        assert_eq!(t.series[0].counts, [2, 0]);
        assert_eq!(t.series[1].name, NONE);
        assert_eq!(t.series[1].counts, [0, 1]);
        let who = HashMap::from([("2024-01-02-fr".to_string(), "Wang Wenbin".to_string())]);
        let s = trend(&rows, Period::Year, Some(Split::Spokesperson), &who);
        assert_eq!(s.series.len(), 2);
        assert_eq!(s.total, 3);
        assert!(trend(&[], Period::Year, None, &who).periods.is_empty());
    }
}

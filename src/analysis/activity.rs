//! Outlet activity: each outlet's questions per year, beside the totals the
//! `outlets` command has always printed.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::search::Matched;

/// One outlet's questions over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletActivity {
    pub outlet: String,
    pub questions: usize,
    /// ISO days of its first and last question.
    pub first: String,
    pub last: String,
    /// Questions per year (`"2024": 12`); years without a question are absent.
    pub years: BTreeMap<String, usize>,
}

/// Per outlet, from question turns (those without an outlet are left out, as
/// `outlets` does): most questions first, ties by name.
pub fn outlet_activity(questions: &[Matched]) -> Vec<OutletActivity> {
    let mut by: HashMap<&str, OutletActivity> = HashMap::new();
    for m in questions.iter().filter(|m| m.question) {
        let Some(outlet) = m.outlet.as_deref() else {
            continue;
        };
        let a = by.entry(outlet).or_insert_with(|| OutletActivity {
            outlet: outlet.to_string(),
            questions: 0,
            first: m.date.clone(),
            last: m.date.clone(),
            years: BTreeMap::new(),
        });
        a.questions += 1;
        if m.date < a.first {
            a.first.clone_from(&m.date);
        }
        if m.date > a.last {
            a.last.clone_from(&m.date);
        }
        let year = m.date.get(0..4).unwrap_or("?").to_string();
        *a.years.entry(year).or_default() += 1;
    }
    let mut out: Vec<OutletActivity> = by.into_values().collect();
    out.sort_by(|a, b| {
        b.questions
            .cmp(&a.questions)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_year_and_keeps_totals() {
        let q = |date: &str, outlet: Option<&str>, question: bool| Matched {
            conference: date.into(),
            turn: 0,
            date: date.into(),
            language: "fr".into(),
            outlet: outlet.map(str::to_string),
            question,
        };
        let rows = [
            q("2024-03-01", Some("AFP"), true),
            q("2023-03-01", Some("AFP"), true),
            q("2024-05-01", Some("AFP"), true),
            q("2024-05-01", Some("CCTV"), true),
            q("2024-05-01", None, true),
            q("2024-05-01", Some("AFP"), false),
        ];
        let a = outlet_activity(&rows);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].outlet, "AFP");
        assert_eq!(a[0].questions, 3);
        assert_eq!(
            (a[0].first.as_str(), a[0].last.as_str()),
            ("2023-03-01", "2024-05-01")
        );
        assert_eq!(a[0].years["2024"], 2);
        assert_eq!(a[0].years["2023"], 1);
    }
}

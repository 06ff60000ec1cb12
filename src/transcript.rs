//! One transcript file's bytes → finished conferences with ids (`<date>-<lang>[-N]`), the date
//! taken from the file name when the text gives none. The pure part of import: it knows no
//! folder, so the corpus (its bundled sample) can use it without depending on `import`.

use std::collections::HashMap;

use crate::model::{Conference, FORMAT};
use crate::outlets::Outlets;
use crate::parse;
use crate::problem::Problem;

/// The conferences of one file, with ids, and its warnings.
#[derive(Debug, Default)]
pub struct FromFile {
    pub conferences: Vec<Conference>,
    pub warnings: Vec<Problem>,
}

/// Parses one file's bytes into finished conferences (ids `<date>-<lang>[-N]`).
/// The date comes from the text, else from the file name (`2025-07-29_guo.txt`, `20250729.htm`).
pub fn conferences_from(name: &str, bytes: &[u8], outlets: &Outlets) -> Result<FromFile, Problem> {
    conferences_from_page(name, bytes, None, None, outlets)
}

/// [`conferences_from`] for a page received over HTTP: its header charset and a
/// date known from its listing (see `parse::parse_received`).
pub(crate) fn conferences_from_page(
    name: &str,
    bytes: &[u8],
    charset: Option<&str>,
    date_hint: Option<&str>,
    outlets: &Outlets,
) -> Result<FromFile, Problem> {
    let parsed = parse::parse_received(name, bytes, charset, date_hint, outlets)?;
    let mut out = FromFile {
        warnings: parsed.warnings,
        ..FromFile::default()
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let file_date = date_in_name(name);
    for p in parsed.conferences {
        let Some(date) = p.date.clone().or_else(|| file_date.clone()) else {
            let impossible = p
                .title
                .as_deref()
                .and_then(crate::parse::dates::impossible)
                .map(|(printed, why)| {
                    format!(" (the title's \"{printed}\" is not a calendar date: {why})")
                })
                .unwrap_or_default();
            return Err(Problem::at_line(
                1,
                format!(
                    "no date in the title, the date line or the file name{impossible}; put the date (YYYY-MM-DD) in the file name"
                ),
            ));
        };
        if let Some((printed, why)) = p.title.as_deref().and_then(crate::parse::dates::impossible) {
            let from = if p.date.is_some() {
                "the date line"
            } else {
                "the file name"
            };
            out.warnings.push(Problem::at_line(
                1,
                format!(
                    "the title's date \"{printed}\" is not a calendar date ({why}); dated {date} from {from} instead"
                ),
            ));
        }
        let base = format!("{date}-{}", p.language);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        out.conferences.push(Conference {
            format: FORMAT,
            id,
            date,
            published: p.published,
            language: p.language,
            spokesperson: p.spokesperson,
            title: p.title.unwrap_or_default(),
            source: Some(name.to_string()),
            turns: p.turns,
            extra: serde_json::Map::new(),
        });
    }
    Ok(out)
}

/// An ISO date found in a file name: `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD`.
pub(crate) fn date_in_name(name: &str) -> Option<String> {
    let digits: Vec<(usize, char)> = name.char_indices().collect();
    for start in 0..digits.len() {
        let rest: String = digits[start..].iter().map(|(_, c)| *c).take(10).collect();
        let b = rest.as_bytes();
        let is_d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let (y, m, d) = if (0..4).all(is_d)
            && matches!(b.get(4), Some(b'-' | b'_'))
            && is_d(5)
            && is_d(6)
            && b.get(7) == b.get(4)
            && is_d(8)
            && is_d(9)
        {
            (&rest[0..4], &rest[5..7], &rest[8..10])
        } else if (0..8).all(is_d) && !is_d(8) {
            (&rest[0..4], &rest[4..6], &rest[6..8])
        } else {
            continue;
        };
        if start > 0 && digits[start - 1].1.is_ascii_digit() {
            continue;
        }
        let num = |s: &str| s.parse::<u32>().unwrap_or(0);
        if let Ok(day) = crate::model::Day::new(i64::from(num(y)), num(m), num(d)) {
            return Some(day.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::date_in_name;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("2025-07-29_guo.txt").as_deref(),
            Some("2025-07-29")
        );
        assert_eq!(
            date_in_name("mfa_20191210.htm").as_deref(),
            Some("2019-12-10")
        );
        assert_eq!(
            date_in_name("t2019_12_10.html").as_deref(),
            Some("2019-12-10")
        );
        assert_eq!(date_in_name("t1375902.htm"), None);
        assert_eq!(date_in_name("2025-13-40.txt"), None);
        assert_eq!(
            date_in_name("日期2024-03-18.txt").as_deref(),
            Some("2024-03-18")
        );
    }
}

//! `briefings show ID --parallel [--lang zh,en]`: the versions of a conference
//! turn by turn, aligned turns side by side on a wide terminal (two from 100
//! columns, three from 150), one after the other when narrow or piped.

use std::fmt::Write as _;
use std::io::IsTerminal as _;

use crate::library::Library;
use crate::model::{Conference, Turn, TurnKind};
use crate::text::escape_controls;
use crate::wrap::{width, wrap};

/// Columns each language needs beside the others.
const COLUMN: usize = 50;
const GAP: &str = " │ ";

/// Exit 0; 1 for an unknown id or a language the conference has no version in.
pub(super) fn run(library: &Library, id: &str, languages: &[String]) -> Result<u8, String> {
    let conf = match library.corpus().load(id) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(1);
        }
    };
    let mut all = vec![conf];
    all.extend(crate::versions::load(library, &all[0]));
    let chosen = match choose(all, languages) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(1);
        }
    };
    let total = super::output_width();
    let beside = std::io::stdout().is_terminal() && total >= COLUMN * chosen.len();
    super::out::write(&render(&chosen, total, beside))?;
    Ok(0)
}

/// The versions in the order asked (`--lang`), else the conference's own first.
fn choose(mut all: Vec<Conference>, languages: &[String]) -> Result<Vec<Conference>, String> {
    if languages.is_empty() {
        return Ok(all);
    }
    let id = all[0].id.clone();
    languages
        .iter()
        .map(|lang| {
            all.iter()
                .position(|c| &c.language == lang)
                .map(|at| all.swap_remove(at))
                .ok_or_else(|| format!("{id} has no version in {lang:?}; `briefings show {id} --json` lists its versions"))
        })
        .collect()
}

/// Rows of turn indices, one column per version: aligned turns share a row,
/// a turn without counterpart has a row of its own, each version in its order.
fn rows(versions: &[Conference]) -> Vec<Vec<Option<usize>>> {
    let Some((first, others)) = versions.split_first() else {
        return Vec::new();
    };
    let maps: Vec<Vec<Option<usize>>> = others
        .iter()
        .map(|o| crate::align::align(first, o))
        .collect();
    let mut next = vec![0; others.len()];
    let mut out = Vec::new();
    let alone = |k: usize, j: usize| {
        let mut row = vec![None; versions.len()];
        row[k + 1] = Some(j);
        row
    };
    for i in 0..first.turns.len() {
        let mut row = vec![Some(i)];
        for (k, map) in maps.iter().enumerate() {
            if let Some(j) = map[i] {
                out.extend((next[k]..j).map(|u| alone(k, u)));
                next[k] = j + 1;
            }
            row.push(map[i]);
        }
        out.push(row);
    }
    for (k, o) in others.iter().enumerate() {
        out.extend((next[k]..o.turns.len()).map(|u| alone(k, u)));
    }
    out
}

/// The whole text: a header, then every row beside or one after the other.
fn render(versions: &[Conference], total: usize, beside: bool) -> String {
    let mut out = String::new();
    for c in versions {
        let _ = writeln!(
            out,
            "{} · {} · {}",
            c.id,
            escape_controls(&c.title),
            super::counted(c.turns.len(), "turn")
        );
    }
    if versions.len() < 2 {
        out.push_str("(no version in another language)\n");
    }
    let columns = versions.len();
    let cell = if beside {
        (total.saturating_sub(GAP.len() * (columns - 1)) / columns).max(20)
    } else {
        total.max(20)
    };
    for row in rows(versions) {
        out.push('\n');
        let cells: Vec<Vec<String>> = row
            .iter()
            .zip(versions)
            .map(|(turn, c)| turn.map_or_else(Vec::new, |i| lines(c, i, &c.turns[i], cell)))
            .collect();
        if beside {
            let height = cells.iter().map(Vec::len).max().unwrap_or(0);
            for n in 0..height {
                let parts: Vec<String> = cells
                    .iter()
                    .map(|lines| {
                        let text = lines.get(n).map_or("", String::as_str);
                        format!("{text}{}", " ".repeat(cell.saturating_sub(width(text))))
                    })
                    .collect();
                out.push_str(parts.join(GAP).trim_end());
                out.push('\n');
            }
        } else {
            for lines in cells.iter().filter(|l| !l.is_empty()) {
                for l in lines {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// One turn as lines of at most `cell` columns: who, the question, the answer.
fn lines(c: &Conference, i: usize, t: &Turn, cell: usize) -> Vec<String> {
    let who = match t.kind {
        TurnKind::Statement => "statement".to_string(),
        TurnKind::Question => escape_controls(t.outlet.as_deref().unwrap_or("a journalist")),
    };
    let mut out = vec![format!("── {} [{}] {who}", c.language, i + 1)];
    for (mark, text) in t
        .question
        .iter()
        .map(|p| ("Q ", p))
        .chain(t.answer.iter().map(|p| ("  ", p)))
    {
        for (n, line) in wrap(&escape_controls(text), cell.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            out.push(format!("{}{line}", if n == 0 { mark } else { "  " }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{render, rows};
    use crate::model::{Conference, Turn};

    fn conf(lang: &str, turns: &[(&str, &str)]) -> Conference {
        Conference {
            format: 1,
            id: format!("2020-07-01-{lang}"),
            date: "2020-07-01".into(),
            published: None,
            language: lang.into(),
            spokesperson: None,
            title: String::new(),
            source: None,
            turns: turns
                .iter()
                .map(|(outlet, q)| {
                    let mut t =
                        Turn::question((*outlet).into(), Some((*outlet).into()), vec![(*q).into()]);
                    t.answer = vec![format!("{q} {q}")];
                    t
                })
                .collect(),
            extra: serde_json::Map::default(),
        }
    }

    #[test]
    fn a_turn_without_counterpart_gets_its_own_row_in_order() {
        let zh = conf(
            "zh",
            &[
                ("Reuters", "关于WHO 2020？"),
                ("AFP", "香港？"),
                ("Bloomberg", "华为5G 300？"),
            ],
        );
        let en = conf(
            "en",
            &[
                ("Reuters", "On the WHO in 2020?"),
                ("Bloomberg", "Huawei 5G, 300 times?"),
            ],
        );
        assert_eq!(
            rows(&[zh.clone(), en.clone()]),
            vec![
                vec![Some(0), Some(0)],
                vec![Some(1), None],
                vec![Some(2), Some(1)]
            ]
        );
        let beside = render(&[zh.clone(), en.clone()], 120, true);
        let line = beside
            .lines()
            .find(|l| l.contains("── zh [1]"))
            .expect("zh turn 1 (the first)");
        assert!(line.contains("── en [1]"), "side by side: {line}");
        assert!(beside.lines().all(|l| super::width(l) <= 120));
        let narrow = render(&[zh, en], 60, false);
        assert!(
            !narrow
                .lines()
                .any(|l| l.contains("── zh") && l.contains("── en"))
        );
        let zh0 = narrow.find("── zh [1]").unwrap();
        let en0 = narrow.find("── en [1]").unwrap();
        let zh1 = narrow.find("── zh [2]").unwrap();
        assert!(zh0 < en0 && en0 < zh1, "one after the other, in order");
    }
}

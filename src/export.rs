//! Turns taken out of the tool as evidence: citation-ready Markdown, CSV
//! (RFC 4180) and JSON Lines, one record per turn with where it was said.

use std::fmt::Write as _;
use std::str::FromStr;

use serde::Serialize;

use crate::model::{Conference, TurnKind};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Csv,
    Jsonl,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            "jsonl" => Ok(Format::Jsonl),
            _ => Err(format!("{s:?} is not a format: give md, csv or jsonl")),
        }
    }
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }
}

/// One exported turn. Field order is the CSV column order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Record {
    pub conference: String,
    pub date: String,
    pub language: String,
    /// 0-based index into the conference's `turns` (as in `search --json`).
    pub turn: usize,
    /// `question` or `statement`.
    pub kind: String,
    /// Who answered: the turn's speaker, else the conference's spokesperson.
    pub spokesperson: Option<String>,
    /// The asker's label exactly as printed.
    pub asker: Option<String>,
    pub outlet: Option<String>,
    /// Paragraphs separated by a blank line.
    pub question: String,
    pub answer: String,
    /// The page the transcript came from, when it came from the web.
    pub url: Option<String>,
    pub title: String,
    /// A bookmark's note.
    pub note: Option<String>,
}

impl Record {
    /// Turn `turn` of `conf`, if it has one.
    pub fn of(conf: &Conference, turn: usize, note: Option<&str>) -> Option<Record> {
        let t = conf.turns.get(turn)?;
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Some(Record {
            conference: conf.id.clone(),
            date: conf.date.clone(),
            language: conf.language.clone(),
            turn,
            kind: match t.kind {
                TurnKind::Question => "question",
                TurnKind::Statement => "statement",
            }
            .to_string(),
            spokesperson: t.speaker.clone().or_else(|| conf.spokesperson.clone()),
            asker: some(&t.asker),
            outlet: t.outlet.clone(),
            question: t.question.join("\n\n"),
            answer: t.answer.join("\n\n"),
            url: conf
                .source
                .clone()
                .filter(|s| s.starts_with("https://") || s.starts_with("http://")),
            title: conf.title.clone(),
            note: note.map(str::to_string),
        })
    }

    /// Every turn of `conf`.
    pub fn all_of(conf: &Conference) -> Vec<Record> {
        (0..conf.turns.len())
            .filter_map(|i| Record::of(conf, i, None))
            .collect()
    }
}

/// `records` in `format`, as text.
pub fn render(records: &[Record], format: Format) -> Result<String, String> {
    match format {
        Format::Markdown => Ok(markdown(records)),
        Format::Jsonl => {
            let mut out = String::new();
            for r in records {
                let line =
                    serde_json::to_string(r).map_err(|e| format!("cannot write JSON: {e}"))?;
                out.push_str(&line);
                out.push('\n');
            }
            Ok(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            for r in records {
                w.serialize(r)
                    .map_err(|e| format!("cannot write CSV: {e}"))?;
            }
            let bytes = w
                .into_inner()
                .map_err(|e| format!("cannot write CSV: {e}"))?;
            String::from_utf8(bytes).map_err(|e| format!("cannot write CSV: {e}"))
        }
    }
}

/// Each turn as a section a paper can quote: who, where, when, the exchange, the source.
fn markdown(records: &[Record]) -> String {
    let mut out = String::new();
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        let speaker = r.spokesperson.as_deref().unwrap_or("MFA spokesperson");
        let asker = match (&r.outlet, &r.asker) {
            (Some(o), Some(a)) if o != a => format!("{a} ({o})"),
            (Some(o), _) => o.clone(),
            (None, Some(a)) => a.clone(),
            (None, None) => "a journalist".into(),
        };
        let _ = writeln!(
            out,
            "## {} · {speaker} · {}\n",
            r.date,
            if r.kind == "question" {
                asker.as_str()
            } else {
                "statement"
            }
        );
        let _ = writeln!(
            out,
            "- Conference: Ministry of Foreign Affairs regular press conference, {} ({}, {})",
            r.date, r.conference, r.language
        );
        let _ = writeln!(out, "- Turn: {} ({})", r.turn + 1, r.kind);
        let _ = writeln!(out, "- Spokesperson: {speaker}");
        if r.kind == "question" {
            let _ = writeln!(out, "- Asked by: {asker}");
        }
        if let Some(url) = &r.url {
            let _ = writeln!(out, "- Source: <{url}>");
        }
        if let Some(note) = &r.note {
            let _ = writeln!(out, "- Note: {note}");
        }
        out.push('\n');
        if !r.question.is_empty() {
            let _ = writeln!(out, "**Question, {asker}:**\n\n{}\n", quote(&r.question));
        }
        let _ = writeln!(out, "**Answer, {speaker}:**\n\n{}", quote(&r.answer));
    }
    out
}

/// Paragraphs as a Markdown block quote.
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

    fn conf() -> Conference {
        let mut q = Turn::question(
            "Agence France-Presse".into(),
            Some("AFP".into()),
            vec!["Un \"avis\", svp ?".into(), "Deuxième, ligne".into()],
        );
        q.speaker = Some("Guo Jiakun".into());
        q.answer = vec!["Nous, \"la Chine\"…".into()];
        serde_json::from_value(serde_json::json!({
            "id": "2025-07-29-fr", "date": "2025-07-29", "language": "fr",
            "spokesperson": "Guo Jiakun", "title": "Conférence",
            "source": "https://www.mfa.gov.cn/x.shtml",
            "turns": [q]
        }))
        .unwrap()
    }

    #[test]
    fn markdown_holds_the_citation_fields() {
        let r = Record::of(&conf(), 0, Some("stock answer")).unwrap();
        let md = render(&[r], Format::Markdown).unwrap();
        for want in [
            "2025-07-29",
            "Guo Jiakun",
            "Agence France-Presse (AFP)",
            "> Un \"avis\", svp ?",
            "> Nous, \"la Chine\"…",
            "<https://www.mfa.gov.cn/x.shtml>",
            "stock answer",
        ] {
            assert!(md.contains(want), "{want} in\n{md}");
        }
    }

    #[test]
    fn csv_and_jsonl_parse_back() {
        let r = Record::of(&conf(), 0, None).unwrap();
        let csv_text = render(std::slice::from_ref(&r), Format::Csv).unwrap();
        let back: Vec<Record> = csv::Reader::from_reader(csv_text.as_bytes())
            .deserialize()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(back, std::slice::from_ref(&r));
        let jsonl = render(&[r.clone(), r.clone()], Format::Jsonl).unwrap();
        let lines: Vec<Record> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines, [r.clone(), r]);
    }
}

//! `briefings import --dry-run PATH…`: how each file would be read, turn by turn, with its
//! warnings — what a user reaches for when a page looks wrong. Reads the files and nothing
//! else: no corpus folder is created, no conference written, no cache touched.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::import::{FromFile, ParsedFile, parse_paths};
use crate::model::{Conference, Turn, TurnKind};
use crate::outlets::Outlets;
use crate::problem::Problem;

use super::out::outln;

/// How many characters of a question the text view shows.
const FIRST_WORDS: usize = 60;

/// Exit 0 when every file would import, 1 when some would fail.
pub(super) fn run(dir: &Path, paths: &[PathBuf], json: bool) -> Result<u8, String> {
    let (outlets, warn) = Outlets::with_user_file();
    if let Some(w) = warn {
        eprintln!("{w}");
    }
    let (files, refused) = parse_paths(paths, &outlets);
    let failed = refused.len() + files.iter().filter(|(_, r)| r.is_err()).count();
    if json {
        outln!("{}", as_json(dir, &files, &refused))?;
    } else {
        for (file, outcome) in &files {
            print_file(dir, file, outcome)?;
        }
        for r in &refused {
            outln!("{r}")?;
        }
        outln!("{}", summary(&files, failed))?;
    }
    Ok(u8::from(failed > 0))
}

fn print_file(dir: &Path, file: &Path, outcome: &Result<FromFile, Problem>) -> Result<(), String> {
    let got = match outcome {
        Err(problem) => return outln!("{problem}"),
        Ok(got) => got,
    };
    outln!("{}", crate::text::show_path(file))?;
    for c in &got.conferences {
        let replaces = if crate::corpus::holds(dir, &c.id) {
            "  (replaces the stored one)"
        } else {
            ""
        };
        outln!(
            "  {}  {}  {}  {}  {} turn{}{replaces}",
            c.id,
            c.date,
            c.language,
            c.spokesperson.as_deref().unwrap_or("(no spokesperson)"),
            c.turns.len(),
            if c.turns.len() == 1 { "" } else { "s" },
        )?;
        for (i, t) in c.turns.iter().enumerate() {
            outln!("    {:>3}  {}", i + 1, turn_line(t))?;
        }
    }
    for w in &got.warnings {
        outln!("  warning: line {}: {}", w.line, w.message)?;
    }
    Ok(())
}

/// `AFP (AFP), follow-up, after the conference: "The Philippines says…"`, `statement by Mao Ning: "…"`.
fn turn_line(t: &Turn) -> String {
    if t.kind == TurnKind::Statement {
        let by = t.speaker.as_deref().unwrap_or("(unnamed)");
        return format!("statement by {by}: {}", quoted(&t.answer));
    }
    let mut who = if t.asker.is_empty() {
        "(no asker)".to_string()
    } else {
        t.asker.clone()
    };
    match &t.outlet {
        Some(o) if *o != t.asker => {
            let _ = write!(who, " ({o})");
        }
        Some(_) => {}
        None => who.push_str(" (no outlet)"),
    }
    if t.follow_up {
        who.push_str(", follow-up");
    }
    if t.after_conference {
        who.push_str(", after the conference");
    }
    if t.answer.is_empty() {
        who.push_str(", no answer");
    }
    format!("{who}: {}", quoted(&t.question))
}

/// The first words of a turn's text, quoted (`(none)` when it has none).
fn quoted(paras: &[String]) -> String {
    let Some(first) = paras.first() else {
        return "(none)".to_string();
    };
    let words = first_words(first);
    let cut = if words.len() < first.len() || paras.len() > 1 {
        "…"
    } else {
        ""
    };
    format!("\"{}{cut}\"", crate::text::escape_controls(&words))
}

fn first_words(text: &str) -> String {
    text.chars().take(FIRST_WORDS).collect()
}

fn summary(files: &[ParsedFile], failed: usize) -> String {
    let ok = files.iter().filter_map(|(_, r)| r.as_ref().ok());
    let (mut conferences, mut turns, mut warnings) = (0, 0, 0);
    for got in ok {
        conferences += got.conferences.len();
        turns += got.conferences.iter().map(|c| c.turns.len()).sum::<usize>();
        warnings += got.warnings.len();
    }
    format!(
        "dry run, nothing written: would import {conferences} conference{} ({}) from {} file{}; {warnings} warning{}, {failed} file{} would fail",
        plural(conferences),
        super::counted(turns, "turn"),
        files.len(),
        plural(files.len()),
        plural(warnings),
        plural(failed),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn as_json(dir: &Path, files: &[ParsedFile], refused: &[Problem]) -> Value {
    let mut out: Vec<Value> = files
        .iter()
        .map(|(file, outcome)| match outcome {
            Ok(got) => json!({
                "path": crate::text::show_path(file),
                "conferences": got.conferences.iter().map(|c| conference(dir, c)).collect::<Vec<_>>(),
                "warnings": got.warnings.iter().map(|w| json!({"line": w.line, "message": w.message})).collect::<Vec<_>>(),
                "error": null,
            }),
            Err(p) => failure(file, p),
        })
        .collect();
    out.extend(refused.iter().map(|p| failure(&p.path, p)));
    let ok = files.iter().filter_map(|(_, r)| r.as_ref().ok());
    let conferences: usize = ok.clone().map(|g| g.conferences.len()).sum();
    let turns: usize = ok
        .clone()
        .flat_map(|g| &g.conferences)
        .map(|c| c.turns.len())
        .sum();
    let warnings: usize = ok.map(|g| g.warnings.len()).sum();
    let failed = out.iter().filter(|f| !f["error"].is_null()).count();
    json!({
        "files": out,
        "conferences": conferences,
        "turns": turns,
        "warnings": warnings,
        "failed": failed,
    })
}

fn failure(file: &Path, p: &Problem) -> Value {
    json!({
        "path": crate::text::show_path(file),
        "conferences": [],
        "warnings": [],
        "error": {"line": p.line, "message": p.message},
    })
}

fn conference(dir: &Path, c: &Conference) -> Value {
    json!({
        "id": c.id,
        "date": c.date,
        "language": c.language,
        "spokesperson": c.spokesperson,
        "title": c.title,
        "replaces": crate::corpus::holds(dir, &c.id),
        "turns": c.turns.iter().enumerate().map(|(i, t)| json!({
            "turn": i,
            "kind": t.kind,
            "asker": t.asker,
            "outlet": t.outlet,
            "follow_up": t.follow_up,
            "after_conference": t.after_conference,
            "speaker": t.speaker,
            "question": t.question.first().map(|q| first_words(q)),
            "answered": !t.answer.is_empty(),
        })).collect::<Vec<_>>(),
    })
}

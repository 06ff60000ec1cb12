//! `briefings show ID`: one conference, readable and wrapped, or exactly as stored.

use std::fmt::Write;

use crate::corpus::LoadError;
use crate::library::Library;
use crate::model::{Conference, TurnKind};
use crate::wrap::wrap;

/// The conference `id`, or `None` once the reason it cannot be read is on stderr (exit 1).
/// A bare day (`2025-07-29`) opens the only conference of that day, or names them all.
pub(super) fn load_or_say(library: &Library, id: &str) -> Option<crate::model::Conference> {
    let day_only = crate::model::Day::parse(id).is_ok();
    let (entries, _) = if day_only {
        library.catalog()
    } else {
        Default::default()
    };
    let that_day: Vec<&str> = entries
        .iter()
        .filter(|e| e.date == id)
        .map(|e| e.id.as_str())
        .collect();
    let id = match that_day.as_slice() {
        [only] => *only,
        [] => id,
        several => {
            eprintln!(
                "{id} has {}: {}; show one of them by its id.",
                super::counted(several.len(), "conference"),
                several.join(", ")
            );
            return None;
        }
    };
    match library.corpus().load(id) {
        Ok(c) => Some(c),
        Err(e @ LoadError::NotFound { .. }) => {
            eprintln!("{e}; `briefings list` shows the ids.");
            None
        }
        Err(LoadError::Damaged(p)) => {
            eprintln!("{p}");
            None
        }
    }
}

pub(super) fn run(library: &Library, id: &str, json: bool) -> Result<u8, String> {
    let Some(conf) = load_or_say(library, id) else {
        return Ok(1);
    };
    if json {
        super::print_json(&crate::versions::annotated(library, &conf))?;
    } else {
        super::out::write(&render(&conf, super::output_width()))?;
    }
    Ok(0)
}

/// The readable form: header, then each turn with its question set apart and the answer indented.
pub(super) fn render(c: &Conference, width: usize) -> String {
    let mut out = String::new();
    // The label (`Q`) marks the first line of a paragraph; continuation lines are indented to match.
    let push_wrapped = |out: &mut String, label: &str, text: &str| {
        let indent = " ".repeat(label.chars().count());
        for (i, line) in wrap(text, width.saturating_sub(indent.len()).max(10))
            .iter()
            .enumerate()
        {
            out.push_str(if i == 0 { label } else { &indent });
            out.push_str(line);
            out.push('\n');
        }
    };
    push_wrapped(
        &mut out,
        "",
        if c.title.is_empty() { &c.id } else { &c.title },
    );
    let _ = writeln!(
        out,
        "{} · {} · {} · {}",
        c.date,
        c.language,
        c.spokesperson.as_deref().unwrap_or("spokesperson unknown"),
        super::counted(c.turns.len(), "turn")
    );
    for (i, t) in c.turns.iter().enumerate() {
        // People count turns from 1 (as the browser does); JSON keeps the 0-based index.
        let i = i + 1;
        out.push('\n');
        let who = match t.kind {
            TurnKind::Statement => format!("[{i}] Statement"),
            TurnKind::Question => {
                let follow = if t.follow_up { " (follow-up)" } else { "" };
                let label = match (&t.outlet, t.asker.as_str()) {
                    (_, "") => "(asker not in this excerpt)".to_string(),
                    (Some(o), a) if o != a => format!("{a} [{o}]"),
                    (_, a) => a.to_string(),
                };
                format!("[{i}] {label}{follow}")
            }
        };
        out.push_str(&who);
        out.push('\n');
        for (n, p) in t.question.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            push_wrapped(&mut out, "  Q  ", p);
        }
        if let Some(s) = &t.speaker
            && t.kind == TurnKind::Question
            && !t.answer.is_empty()
        {
            let _ = writeln!(out, "  {s}:");
        }
        // A blank line between paragraphs, as on the page: where one ends is part of the quote.
        for (n, p) in t.answer.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            push_wrapped(&mut out, "     ", p);
        }
    }
    out
}

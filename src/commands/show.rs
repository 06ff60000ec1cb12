//! `briefings show ID`: one conference, readable and wrapped, or exactly as stored.

use std::fmt::Write;

use crate::corpus::LoadError;
use crate::library::Library;
use crate::model::{Conference, TurnKind};
use crate::wrap::wrap;

/// The conference `id`, or `None` once the reason it cannot be read is on stderr (exit 1).
pub(super) fn load_or_say(library: &Library, id: &str) -> Option<crate::model::Conference> {
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
        "{} · {} · {} · {} turns",
        c.date,
        c.language,
        c.spokesperson.as_deref().unwrap_or("spokesperson unknown"),
        c.turns.len()
    );
    for (i, t) in c.turns.iter().enumerate() {
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
        for p in &t.question {
            push_wrapped(&mut out, "  Q  ", p);
        }
        if let Some(s) = &t.speaker
            && t.kind == TurnKind::Question
            && !t.answer.is_empty()
        {
            let _ = writeln!(out, "  {s}:");
        }
        for p in &t.answer {
            push_wrapped(&mut out, "     ", p);
        }
    }
    out
}

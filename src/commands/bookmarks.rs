//! `briefings bookmarks`: add, list and remove bookmarked turns (with notes).

use std::path::Path;

use serde::Serialize;

use super::export::{load, no_turn};
use super::out::outln;
use crate::bookmarks::{Bookmarks, resolve};
use crate::cli::BookmarkAction;
use crate::library::Library;
use crate::text::escape_controls;

/// A bookmark as `list --json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    conference: &'a str,
    /// 0-based index of the turn now; null when its text is no longer in the corpus.
    turn: Option<usize>,
    fingerprint: &'a str,
    note: Option<&'a str>,
    excerpt: &'a str,
    found: bool,
}

pub(super) fn run(
    library: &Library,
    dir: &Path,
    json: bool,
    action: Option<BookmarkAction>,
) -> Result<u8, String> {
    let mut marks = Bookmarks::load(dir).map_err(|p| p.to_string())?;
    let action = match action {
        None => BookmarkAction::List { json },
        Some(BookmarkAction::List { json: inner }) => BookmarkAction::List {
            json: json || inner,
        },
        Some(other) if json => {
            return Err(format!(
                "--json lists bookmarks; it does not go with `bookmarks {}`",
                match other {
                    BookmarkAction::Add { .. } => "add",
                    _ => "remove",
                }
            ));
        }
        Some(other) => other,
    };
    match action {
        BookmarkAction::Add { id, turn, note } => {
            let conf = load(library, &id)?;
            if marks.add(&conf, turn, note).is_none() {
                return Err(no_turn(&id, turn));
            }
            marks.save().map_err(|p| p.to_string())?;
            eprintln!("bookmarked {id} #{}", turn + 1);
        }
        BookmarkAction::Remove { id, turn } => {
            let conf = load(library, &id)?;
            if !marks.remove(&conf, turn) {
                eprintln!("{id} #{} is not bookmarked", turn + 1);
                return Ok(1);
            }
            marks.save().map_err(|p| p.to_string())?;
            eprintln!("removed {id} #{}", turn + 1);
        }
        BookmarkAction::List { json } => list(library, &marks, json)?,
    }
    Ok(0)
}

fn list(library: &Library, marks: &Bookmarks, json: bool) -> Result<(), String> {
    let rows: Vec<Row> = marks
        .items
        .iter()
        .map(|b| {
            let turn = library
                .corpus()
                .load(&b.conference)
                .ok()
                .and_then(|c| resolve(b, &c));
            Row {
                conference: &b.conference,
                turn,
                fingerprint: &b.fingerprint,
                note: b.note.as_deref(),
                excerpt: &b.excerpt,
                found: turn.is_some(),
            }
        })
        .collect();
    if json {
        return super::print_json(&rows);
    }
    for r in &rows {
        let at = r.turn.map_or_else(
            || "(turn no longer found)".to_string(),
            |t| format!("#{}", t + 1),
        );
        outln!("{} {at}  {}", r.conference, escape_controls(r.excerpt))?;
        if let Some(n) = r.note {
            outln!("    note: {}", escape_controls(n))?;
        }
    }
    eprintln!(
        "{} in {}",
        super::counted(rows.len(), "bookmark"),
        marks.path().display()
    );
    Ok(())
}

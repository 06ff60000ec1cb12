//! `briefings export`: search hits, a turn, a conference or the bookmarks as
//! Markdown, CSV or JSON Lines, to standard output or a new file.

use std::collections::HashMap;
use std::path::Path;

use super::search::{query_of, say_refusal, with_index};
use crate::bookmarks::{Bookmarks, resolve};
use crate::cli::{ExportArgs, ExportWhat};
use crate::corpus::LoadError;
use crate::export::{Record, render};
use crate::library::Library;
use crate::model::Conference;
use crate::search::Sort;

pub(super) fn run(library: &Library, dir: &Path, a: &ExportArgs) -> Result<u8, String> {
    let records = match &a.what {
        ExportWhat::Search { q, limit, newest } => {
            let mut q = query_of(q);
            q.limit = *limit;
            if *newest {
                q.sort = Sort::Newest;
            }
            let (results, _) = with_index(library, |index| index.search(&q))?;
            if say_refusal(results.refusal.as_ref()) == Some(2) {
                return Ok(2);
            }
            let mut confs: HashMap<String, Conference> = HashMap::new();
            let mut out = Vec::with_capacity(results.hits.len());
            for h in &results.hits {
                if !confs.contains_key(&h.conference) {
                    confs.insert(h.conference.clone(), load(library, &h.conference)?);
                }
                out.extend(Record::of(&confs[&h.conference], h.turn, None));
            }
            out
        }
        ExportWhat::Turn { id, turn } => {
            let conf = load(library, id)?;
            vec![Record::of(&conf, *turn, None).ok_or_else(|| no_turn(id, *turn))?]
        }
        ExportWhat::Conference { id } => Record::all_of(&load(library, id)?),
        ExportWhat::Bookmarks => bookmarked(library, dir)?,
    };
    if records.is_empty() {
        // An empty file would only stand in the way of the next export under that name.
        let nothing = a
            .output
            .as_ref()
            .map_or(String::new(), |p| format!("; {} not written", p.display()));
        eprintln!("nothing to export: no turn{nothing}");
        return Ok(1);
    }
    let text = render(&records, a.format)?;
    match &a.output {
        None => super::out::write(&text)?,
        Some(path) => {
            crate::files::write_atomically(path, text.as_bytes(), a.force).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    format!(
                        "{}: exists; pass --force to replace it, or choose another name",
                        path.display()
                    )
                } else {
                    format!("{}: cannot write: {e}", path.display())
                }
            })?;
            eprintln!(
                "{} written to {}",
                super::counted(records.len(), "turn"),
                path.display()
            );
        }
    }
    Ok(0)
}

/// Every bookmark's turn where it is now, with its note; the lost ones said on stderr.
fn bookmarked(library: &Library, dir: &Path) -> Result<Vec<Record>, String> {
    let marks = Bookmarks::load(dir).map_err(|p| p.to_string())?;
    let mut out = Vec::new();
    for b in &marks.items {
        let found = library
            .corpus()
            .load(&b.conference)
            .ok()
            .and_then(|c| Record::of(&c, resolve(b, &c)?, b.note.as_deref()));
        match found {
            Some(r) => out.push(r),
            None => eprintln!(
                "{}: the bookmarked turn ({}) is no longer in the corpus; skipped",
                b.conference,
                crate::text::escape_controls(&b.excerpt)
            ),
        }
    }
    Ok(out)
}

/// A conference of the corpus, or a sentence saying why not.
pub(super) fn load(library: &Library, id: &str) -> Result<Conference, String> {
    library.corpus().load(id).map_err(|e| match e {
        e @ LoadError::NotFound { .. } => format!("{e}; `briefings list` shows the ids."),
        LoadError::Damaged(p) => p.to_string(),
    })
}

/// The message for a turn number a conference does not have.
pub(super) fn no_turn(id: &str, turn: usize) -> String {
    format!(
        "{id} has no turn {}; `briefings show {id}` lists its turns.",
        turn + 1
    )
}

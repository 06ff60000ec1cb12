//! Bookmarked turns with optional notes, kept as JSON beside the corpus
//! (`bookmarks.json`). A bookmark names its conference and a fingerprint of the
//! turn's text, not the turn's position, so it still finds its turn after a
//! re-import that splits, merges or reorders turns.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Conference, Turn};
use crate::problem::Problem;

/// The file in the corpus folder.
pub const FILE: &str = "bookmarks.json";

/// One bookmarked turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    pub conference: String,
    /// [`fingerprint`] of the turn.
    pub fingerprint: String,
    /// The turn's index when bookmarked: a hint, used only when no turn has the fingerprint.
    pub turn: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The opening words of the turn, to recognise it even when it is gone.
    #[serde(default)]
    pub excerpt: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    format: u32,
    bookmarks: Vec<Bookmark>,
}

/// The bookmarks of one corpus.
#[derive(Debug)]
pub struct Bookmarks {
    path: PathBuf,
    pub items: Vec<Bookmark>,
}

/// A fingerprint of what a turn says (asker, question, answer), independent of
/// its position: 16 hex digits.
pub fn fingerprint(t: &Turn) -> String {
    let mut text = String::new();
    for part in [
        std::slice::from_ref(&t.asker),
        t.question.as_slice(),
        t.answer.as_slice(),
    ] {
        for p in part {
            text.push_str(p.trim());
            text.push('\n');
        }
        text.push('\u{1}');
    }
    format!("{:016x}", crate::text::fnv(text.as_bytes()))
}

/// The first words of a turn (question, else answer), at most 80 characters.
fn excerpt(t: &Turn) -> String {
    let text = t
        .question
        .first()
        .or_else(|| t.answer.first())
        .map_or("", String::as_str);
    let mut s: String = text.chars().take(80).collect();
    if text.chars().nth(80).is_some() {
        s.push('…');
    }
    s
}

impl Bookmarks {
    /// The bookmarks kept beside the corpus in `dir` (none yet when the file is missing).
    /// A damaged file is a problem naming it, never silently emptied.
    pub fn load(dir: &Path) -> Result<Bookmarks, Problem> {
        let path = dir.join(FILE);
        let items = match std::fs::read(&path) {
            Ok(bytes) => {
                let f: File = serde_json::from_slice(&bytes).map_err(|e| {
                    Problem::new(
                        &path,
                        e.line(),
                        format!("not a bookmarks file ({e}); fix or move it, nothing was changed"),
                    )
                })?;
                f.bookmarks
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Problem::new(&path, 0, format!("cannot read: {e}"))),
        };
        Ok(Bookmarks { path, items })
    }

    /// Where they are kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Bookmarks turn `turn` of `conf` (the note replaced when it is already
    /// bookmarked); `None` when the conference has no such turn.
    pub fn add(
        &mut self,
        conf: &Conference,
        turn: usize,
        note: Option<String>,
    ) -> Option<&Bookmark> {
        let t = conf.turns.get(turn)?;
        let fingerprint = fingerprint(t);
        let existing = self
            .items
            .iter()
            .position(|b| b.conference == conf.id && b.fingerprint == fingerprint);
        let at = if let Some(i) = existing {
            let b = &mut self.items[i];
            b.turn = turn;
            if note.is_some() {
                b.note = note;
            }
            i
        } else {
            self.items.push(Bookmark {
                conference: conf.id.clone(),
                fingerprint,
                turn,
                note,
                excerpt: excerpt(t),
            });
            self.items.len() - 1
        };
        self.items.get(at)
    }

    /// Removes the bookmark of turn `turn` of `conf`; whether there was one.
    pub fn remove(&mut self, conf: &Conference, turn: usize) -> bool {
        let before = self.items.len();
        self.items
            .retain(|b| !(b.conference == conf.id && resolve(b, conf) == Some(turn)));
        self.items.len() != before
    }

    /// Writes them (temporary file, then rename).
    pub fn save(&self) -> Result<(), Problem> {
        let f = File {
            format: 1,
            bookmarks: self.items.clone(),
        };
        let json = serde_json::to_vec_pretty(&f)
            .map_err(|e| Problem::new(&self.path, 0, format!("cannot serialise: {e}")))?;
        crate::files::write_atomically(&self.path, &json, true)
            .map_err(|e| Problem::new(&self.path, 0, format!("cannot write: {e}")))
    }
}

/// Where bookmark `b` is in `conf` now: the turn with its fingerprint, else
/// `None` (its text changed; the hint is not trusted, it may point elsewhere now).
pub fn resolve(b: &Bookmark, conf: &Conference) -> Option<usize> {
    if conf
        .turns
        .get(b.turn)
        .is_some_and(|t| fingerprint(t) == b.fingerprint)
    {
        return Some(b.turn);
    }
    conf.turns
        .iter()
        .position(|t| fingerprint(t) == b.fingerprint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf(order: &[usize]) -> Conference {
        let turns: Vec<Turn> = order
            .iter()
            .map(|&i| {
                let mut t = Turn::question(format!("Asker {i}"), None, vec![format!("Q{i}")]);
                t.answer = vec![format!("A{i}")];
                t
            })
            .collect();
        serde_json::from_value(serde_json::json!({
            "id": "2024-01-02-en", "date": "2024-01-02", "language": "en", "turns": turns
        }))
        .unwrap()
    }

    #[test]
    fn found_again_after_the_turns_are_reordered() {
        let dir = std::env::temp_dir().join(format!("briefings-bm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut b = Bookmarks::load(&dir).unwrap();
        assert!(b.items.is_empty());
        b.add(&conf(&[0, 1, 2]), 1, Some("note".into())).unwrap();
        b.save().unwrap();
        let again = Bookmarks::load(&dir).unwrap();
        let reordered = conf(&[2, 0, 1]);
        assert_eq!(resolve(&again.items[0], &reordered), Some(2));
        assert_eq!(resolve(&again.items[0], &conf(&[0, 2])), None);
        let mut again = again;
        assert!(again.remove(&reordered, 2));
        assert!(again.items.is_empty());
        std::fs::write(dir.join(FILE), "{\n  \"format\": 1,\n  oops").unwrap();
        let e = Bookmarks::load(&dir).unwrap_err();
        assert_eq!(e.line, 3);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

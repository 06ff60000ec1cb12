//! The search history: queries run before, newest last, recalled with ↑/↓ in the search bar and kept across runs in a file of the data dir.

use std::path::{Path, PathBuf};

/// Queries kept; the oldest go first.
const KEEP: usize = 500;

/// Past queries and where ↑/↓ are in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct History {
    entries: Vec<String>,
    /// The entry shown by ↑/↓, while recalling.
    at: Option<usize>,
    /// What was typed before recalling began: ↓ past the newest entry gives it back.
    draft: String,
}

impl History {
    /// A history of these queries, oldest first.
    pub(super) fn of(entries: Vec<String>) -> History {
        History {
            entries,
            ..History::default()
        }
    }

    /// The queries, oldest first.
    pub(super) fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Adds a query run; returns whether the history changed (to save it). A repeat moves
    /// to the end; blank queries are not kept.
    pub(super) fn record(&mut self, query: &str) -> bool {
        self.at = None;
        let query = query.trim();
        if query.is_empty() || self.entries.last().is_some_and(|l| l == query) {
            return false;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        if self.entries.len() > KEEP {
            self.entries.drain(..self.entries.len() - KEEP);
        }
        true
    }

    /// The query before the one shown (↑), remembering `typed` when recalling starts (or
    /// starts over: a recalled query edited is a new draft).
    pub(super) fn older(&mut self, typed: &str) -> Option<&str> {
        if self
            .at
            .is_some_and(|i| self.entries.get(i).is_none_or(|e| e != typed))
        {
            self.at = None;
        }
        let at = match self.at {
            None => {
                self.draft = typed.to_string();
                self.entries.len().checked_sub(1)?
            }
            Some(i) => i.checked_sub(1)?,
        };
        self.at = Some(at);
        self.entries.get(at).map(String::as_str)
    }

    /// The query after the one shown (↓); past the newest, what was typed before recalling.
    pub(super) fn newer(&mut self) -> Option<&str> {
        let i = self.at?;
        if i + 1 < self.entries.len() {
            self.at = Some(i + 1);
            self.entries.get(i + 1).map(String::as_str)
        } else {
            self.at = None;
            Some(&self.draft)
        }
    }
}

/// Where the history is kept: `search-history.txt` in the data dir's `briefings` folder.
pub(super) fn default_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("briefings").join("search-history.txt"))
}

/// The history saved at `path`, one query a line; none when it cannot be read.
pub(super) fn load(path: &Path) -> History {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut entries: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(crate::text::escape_controls)
        .collect();
    if entries.len() > KEEP {
        entries.drain(..entries.len() - KEEP);
    }
    History::of(entries)
}

/// Writes `entries` to `path` (through a temporary file, so a crash never leaves half a file).
pub(super) fn save(path: &Path, entries: &[String]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("txt.tmp");
    let mut text = entries.join("\n");
    text.push('\n');
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_walk_the_history_and_give_the_draft_back() {
        let mut h = History::of(vec!["taiwan".into(), "outlet:AFP paix".into()]);
        assert_eq!(h.older("sécu"), Some("outlet:AFP paix"));
        assert_eq!(h.older("outlet:AFP paix"), Some("taiwan"));
        assert_eq!(h.older("taiwan"), None, "nothing older");
        assert_eq!(h.newer(), Some("outlet:AFP paix"));
        assert_eq!(h.newer(), Some("sécu"), "back to what was typed");
        assert_eq!(h.newer(), None);
        assert!(History::default().older("x").is_none());
        // A recalled query edited, then ↑: recalling starts over with the edit as the draft.
        assert_eq!(h.older("x"), Some("outlet:AFP paix"));
        assert_eq!(h.older("outlet:AFP paix!"), Some("outlet:AFP paix"));
        assert_eq!(h.newer(), Some("outlet:AFP paix!"));
    }

    #[test]
    fn record_keeps_the_newest_once_and_no_blank() {
        let mut h = History::of(vec!["a".into(), "b".into()]);
        assert!(!h.record("  "));
        assert!(!h.record("b"));
        assert!(h.record("a "));
        assert_eq!(h.entries(), ["b", "a"]);
        for i in 0..KEEP + 10 {
            h.record(&i.to_string());
        }
        assert_eq!(h.entries().len(), KEEP);
        assert_eq!(h.entries().last().map(String::as_str), Some("509"));
    }

    #[test]
    fn saved_and_loaded() {
        let dir = std::env::temp_dir().join(format!("briefings-history-{}", std::process::id()));
        let path = dir.join("deep").join("search-history.txt");
        assert_eq!(load(&path), History::default(), "no file: no history");
        save(&path, &["taiwan".to_string(), "台湾".to_string()]).expect("saved");
        assert_eq!(load(&path).entries(), ["taiwan", "台湾"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

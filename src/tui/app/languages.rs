//! Language versions from the reader: `L` opens the same turn in the conference's next
//! language, by the turn alignment that `show --json` reports (`align::align`).

use super::App;
use crate::tui::keymap::Focus;
use crate::tui::layout::View;

impl App {
    /// For each turn of the conference of entry `entry`, the other languages in which the
    /// turn alignment finds it (the turn list marks them).
    pub(super) fn counterparts_of(&mut self, entry: usize) -> Vec<Vec<String>> {
        let e = &self.entries[entry];
        let (id, versions) = (e.id.clone(), e.versions.clone());
        let Some(ours) = self.load(&id) else {
            return Vec::new();
        };
        let mut langs = vec![Vec::new(); ours.turns.len()];
        for (lang, other) in versions {
            let Some(theirs) = self.load(&other) else {
                continue;
            };
            for (turn, pair) in crate::align::align(&ours, &theirs).iter().enumerate() {
                if pair.is_some() {
                    langs[turn].push(lang.clone());
                }
            }
        }
        langs
    }

    /// The turn under the cursor in the next language version of its conference (in the
    /// order of language codes, round), or the nearest turn there when the translation
    /// leaves it out, said in the status line.
    pub(super) fn other_language(&mut self) {
        let Some((id, turn)) = self.current_turn() else {
            return;
        };
        let Some(entry) = self.entries.iter().find(|e| e.id == id) else {
            return;
        };
        let next = entry
            .versions
            .iter()
            .find(|(lang, _)| lang.as_str() > entry.language.as_str())
            .or_else(|| entry.versions.iter().next())
            .map(|(lang, other)| (lang.clone(), other.clone()));
        let Some((lang, other)) = next else {
            self.message = Some(
                "No other language version of this conference in the corpus (sync or import it)"
                    .into(),
            );
            return;
        };
        let (Some(ours), Some(theirs)) = (self.load(&id), self.load(&other)) else {
            return;
        };
        let pairs = crate::align::align(&ours, &theirs);
        let (target, said) = if let Some(j) = pairs.get(turn).copied().flatten() {
            (j, format!("The same turn in the {lang} version: {}", j + 1))
        } else {
            // The counterpart of the last aligned turn before it, and the next one there.
            let near = pairs[..turn.min(pairs.len())]
                .iter()
                .rev()
                .find_map(|p| *p)
                .map_or(0, |j| (j + 1).min(theirs.turns.len().saturating_sub(1)));
            let said = format!(
                "Turn {} has no counterpart in the {lang} version (left out or merged): its neighbourhood there",
                turn + 1
            );
            (near, said)
        };
        if self.view == View::Results {
            // As opening a hit: Esc goes back to the hits.
            self.view = View::Browse;
            self.opened = true;
        }
        if self.select_turn(&other, target) {
            if self.focus == Focus::Conferences {
                self.focus = Focus::Turns;
            }
            self.message = Some(said);
        }
    }
}

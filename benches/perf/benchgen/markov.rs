//! A word-level Markov chain of order 2: learns French sentences from real transcripts, then babbles new ones.

use std::collections::HashMap;

use super::rng::Rng;

/// Marks "no word yet" (sentence start) in a state.
const START: u32 = u32::MAX;
/// Marks the end of a sentence among successors.
const END: u32 = u32::MAX - 1;
/// A runaway sentence is cut here so a paragraph always terminates.
const MAX_WORDS: usize = 70;

/// Successors of every pair of words, trained on whole sentences.
#[derive(Debug, Default)]
pub struct Chain {
    words: Vec<String>,
    ids: HashMap<String, u32>,
    /// Successor lists keep duplicates: picking uniformly from them follows the training frequencies.
    next: HashMap<(u32, u32), Vec<u32>>,
    sentences: usize,
}

impl Chain {
    /// Learns from sentences given as words (punctuation attached, as split by whitespace).
    pub fn learn(&mut self, sentence: &[&str]) {
        if sentence.is_empty() {
            return;
        }
        let mut state = (START, START);
        for w in sentence {
            let id = self.intern(w);
            self.next.entry(state).or_default().push(id);
            state = (state.1, id);
        }
        self.next.entry(state).or_default().push(END);
        self.sentences += 1;
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(id) = self.ids.get(w) {
            return *id;
        }
        let id = self.words.len() as u32;
        self.words.push(w.to_string());
        self.ids.insert(w.to_string(), id);
        id
    }

    /// Number of sentences learnt.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// Appends one sentence to `out` (the caller separates it from what precedes).
    /// Returns the sentence's last word, to tell questions from statements.
    pub fn sentence<'a>(&'a self, rng: &mut Rng, out: &mut String) -> &'a str {
        let mut state = (START, START);
        let mut last = "";
        for n in 0..MAX_WORDS {
            let Some(succ) = self.next.get(&state) else {
                break;
            };
            let id = rng.pick(succ);
            if id == END {
                return last;
            }
            if n > 0 {
                out.push(' ');
            }
            last = &self.words[id as usize];
            out.push_str(last);
            state = (state.1, id);
        }
        // Cut short (or an empty chain): close the sentence so the text stays well formed.
        if !ends_sentence(last) {
            out.push('.');
        }
        "."
    }
}

/// Whether a word closes a sentence: `.`, `?` or `!` at its end (closing quotes and brackets
/// aside), but not a short capitalised abbreviation such as `M.`.
pub fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches(['»', '"', ')', '”', '’']);
    let Some(last) = core.chars().last() else {
        return false;
    };
    if !matches!(last, '.' | '?' | '!') {
        return false;
    }
    let letters = core.chars().count();
    let abbreviation =
        last == '.' && letters <= 3 && core.chars().next().is_some_and(char::is_uppercase);
    !abbreviation
}

#[cfg(test)]
mod tests {
    use super::super::rng::Rng;
    use super::{Chain, ends_sentence};

    #[test]
    fn babble_only_uses_learnt_transitions_and_terminates() {
        let mut c = Chain::default();
        c.learn(&["La", "paix", "est", "précieuse."]);
        c.learn(&["La", "paix", "demeure", "fragile", "?"]);
        let mut rng = Rng::new(1);
        for _ in 0..20 {
            let mut s = String::new();
            let last = c.sentence(&mut rng, &mut s);
            assert!(
                s == "La paix est précieuse." || s == "La paix demeure fragile ?",
                "{s}"
            );
            assert!(ends_sentence(last));
        }
        assert_eq!(c.sentences(), 2);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("sujet."));
        assert!(ends_sentence("?"));
        assert!(ends_sentence("cercles ».") && ends_sentence("fin.»"));
        assert!(!ends_sentence("M.") && !ends_sentence("Chine,"));
    }
}

//! A one-line text input: the text, a cursor between grapheme clusters, and the edits of a shell's line editor.

use unicode_segmentation::UnicodeSegmentation;

/// The most characters an input holds. A query of 225 KB pasted from a document is not a
/// query: it made every keystroke parse, search and highlight thousands of terms (the
/// browser froze). A thousand characters hold any question worth searching for.
pub(super) const MAX_INPUT_CHARS: usize = 1_000;

/// What a user has typed, with a cursor (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The text before and after the cursor.
    pub(super) fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Replaces the text, cursor at its end (a query recalled from the history).
    pub(super) fn set(&mut self, text: &str) {
        self.clear();
        self.insert(text);
    }

    /// Byte offset of the grapheme boundary before the cursor.
    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(b, _)| b)
    }

    /// Byte offset of the grapheme boundary after the cursor.
    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Start of the word before the cursor (spaces after it skipped), like a shell's Alt-B.
    fn word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(b, c)| b + c.len_utf8())
    }

    /// End of the word after the cursor (spaces before it skipped), like a shell's Alt-F.
    fn word_end(&self) -> usize {
        let after = &self.text[self.cursor..];
        let skipped = after.len() - after.trim_start().len();
        let rest = &after[skipped..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.cursor + skipped + word
    }

    /// Inserts text at the cursor; line breaks and control characters become spaces. Keeps
    /// at most [`MAX_INPUT_CHARS`]: returns how many chars of `s` did not fit (and were dropped).
    pub(super) fn insert(&mut self, s: &str) -> usize {
        let room = MAX_INPUT_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = s
            .chars()
            .take(room)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let kept = clean.chars().count();
        // Count what was left over without copying it: a paste can be megabytes.
        let dropped = s.chars().count() - kept;
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        dropped
    }

    /// Deletes the grapheme before the cursor (an accent typed as its own code point goes
    /// with its letter).
    pub(super) fn backspace(&mut self) {
        let from = self.prev_boundary();
        self.text.replace_range(from..self.cursor, "");
        self.cursor = from;
    }

    /// Deletes the grapheme under the cursor.
    pub(super) fn delete(&mut self) {
        let to = self.next_boundary();
        self.text.replace_range(self.cursor..to, "");
    }

    /// Deletes the word before the cursor (and the spaces after it), like a shell's Ctrl-W.
    pub(super) fn delete_word(&mut self) {
        let from = self.word_start();
        self.text.replace_range(from..self.cursor, "");
        self.cursor = from;
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    pub(super) fn kill_to_end(&mut self) {
        self.text.truncate(self.cursor);
    }

    /// Deletes from the start to the cursor (Ctrl-U); with the cursor at the end, everything.
    pub(super) fn kill_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    pub(super) fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub(super) fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    pub(super) fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub(super) fn home(&mut self) {
        self.cursor = 0;
    }

    pub(super) fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub(super) fn word_left(&mut self) {
        self.cursor = self.word_start();
    }

    pub(super) fn word_right(&mut self) {
        self.cursor = self.word_end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(i: &LineInput) -> (&str, &str) {
        i.split()
    }

    #[test]
    fn edits() {
        let mut i = LineInput::default();
        i.insert("outlet:AFP taïwan");
        assert_eq!(at(&i), ("outlet:AFP taïwan", ""));
        i.backspace();
        i.delete_word();
        assert_eq!(i.text(), "outlet:AFP ");
        i.left();
        i.left();
        i.insert("中");
        assert_eq!(i.text(), "outlet:AF中P ");
        i.right();
        i.insert("\nx");
        assert_eq!(i.text(), "outlet:AF中P x ");
        i.clear();
        assert_eq!(at(&i), ("", ""));
        i.delete_word();
        i.backspace();
        i.delete();
        i.left();
        i.right();
    }

    #[test]
    fn graphemes_move_and_go_whole() {
        let mut i = LineInput::default();
        // e + combining acute, a flag (two code points), a Han character.
        i.insert("se\u{301}🇫🇷中");
        i.backspace();
        assert_eq!(i.text(), "se\u{301}🇫🇷");
        i.backspace();
        assert_eq!(i.text(), "se\u{301}", "the flag goes whole");
        i.left();
        assert_eq!(at(&i), ("s", "e\u{301}"), "the cursor never splits é");
        i.delete();
        assert_eq!(i.text(), "s");
    }

    #[test]
    fn line_editor_keys() {
        let mut i = LineInput::default();
        i.insert("mer de Chine méridionale");
        i.home();
        i.word_right();
        assert_eq!(at(&i).0, "mer");
        i.word_right();
        assert_eq!(at(&i).0, "mer de");
        i.word_left();
        assert_eq!(at(&i), ("mer ", "de Chine méridionale"));
        i.kill_to_end();
        assert_eq!(i.text(), "mer ");
        i.end();
        i.insert("x");
        i.home();
        i.right();
        i.kill_to_start();
        assert_eq!(at(&i), ("", "er x"));
        i.end();
        i.kill_to_start();
        assert_eq!(i.text(), "");
        i.set("taiwan");
        assert_eq!(at(&i), ("taiwan", ""));
    }

    #[test]
    fn a_huge_paste_is_cut_to_the_limit_and_says_how_much_was_dropped() {
        let mut i = LineInput::default();
        assert_eq!(i.insert("ab"), 0);
        let paste = "中".repeat(225_000);
        assert_eq!(i.insert(&paste), 225_000 - (MAX_INPUT_CHARS - 2));
        assert_eq!(i.text().chars().count(), MAX_INPUT_CHARS);
        assert_eq!(at(&i).1, "");
        assert_eq!(i.insert("x"), 1, "a full input takes nothing more");
        i.backspace();
        assert_eq!(i.insert("xy"), 1);
        assert!(i.text().ends_with('x'));
    }
}

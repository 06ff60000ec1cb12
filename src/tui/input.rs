//! A one-line text input: the text, a cursor in chars, and the edits the key contract names.

/// What a user has typed, with a cursor (a char index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a char index.
    pub(super) fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts text at the cursor; line breaks and control characters become spaces.
    pub(super) fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    pub(super) fn backspace(&mut self) {
        if self.cursor > 0 {
            let at = self.byte(self.cursor - 1);
            self.text.remove(at);
            self.cursor -= 1;
        }
    }

    /// Deletes the word before the cursor (and the spaces after it), like a shell's Ctrl-W.
    pub(super) fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (a, b) = (self.byte(start), self.byte(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    pub(super) fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub(super) fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub(super) fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        let mut i = LineInput::default();
        i.insert("outlet:AFP taïwan");
        assert_eq!((i.text(), i.cursor()), ("outlet:AFP taïwan", 17));
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
        assert_eq!((i.text(), i.cursor()), ("", 0));
        i.delete_word();
        i.backspace();
    }
}

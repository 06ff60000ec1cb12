//! One shape for everything reported about an input (a transcript being parsed or imported,
//! a conference file being loaded): the file, the line, what is wrong.
//!
//! Every such report reaches people through this type's `Display`, which escapes control
//! characters in the path and the message, so a hostile file name can never drive the
//! terminal that prints it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::text::escape_controls;

/// A problem located in a file, printed as `PATH:LINE: message` (`PATH: message` when the
/// problem is not at a line, e.g. the file cannot be read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file; empty while the parser, which sees only bytes, has not been told it.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem is about the whole file.
    pub line: usize,
    pub message: String,
}

impl Problem {
    /// A problem in `path` at `line` (0: the whole file).
    pub(crate) fn new(
        path: impl Into<PathBuf>,
        line: usize,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    /// A problem at `line` of input whose file is not known yet (see [`Problem::in_file`]).
    pub(crate) fn at_line(line: usize, message: impl Into<String>) -> Problem {
        Problem::new(PathBuf::new(), line, message)
    }

    /// The same problem, located in `path`.
    #[must_use]
    pub(crate) fn in_file(mut self, path: &Path) -> Problem {
        self.path = path.to_path_buf();
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = escape_controls(&self.message);
        let path = crate::text::show_path(&self.path);
        match (path.is_empty(), self.line) {
            (true, 0) => f.write_str(&message),
            (true, line) => write!(f, "line {line}: {message}"),
            (false, 0) => write!(f, "{path}: {message}"),
            (false, line) => write!(f, "{path}:{line}: {message}"),
        }
    }
}

impl std::error::Error for Problem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_by_path_and_line_when_known() {
        assert_eq!(
            Problem::new("a/b.txt", 3, "no turn").to_string(),
            "a/b.txt:3: no turn"
        );
        assert_eq!(
            Problem::new("a/b.json", 0, "cannot read").to_string(),
            "a/b.json: cannot read"
        );
        assert_eq!(Problem::at_line(2, "bad").to_string(), "line 2: bad");
        assert_eq!(
            Problem::at_line(2, "bad")
                .in_file(Path::new("x.txt"))
                .to_string(),
            "x.txt:2: bad"
        );
    }

    #[test]
    fn control_characters_in_paths_and_messages_are_shown_escaped() {
        let p = Problem::new(
            "evil\u{1b}]0;PWNED\u{7}\nname.txt",
            1,
            "also from \u{1b}[2Jother.txt",
        );
        let shown = p.to_string();
        assert!(
            !shown.chars().any(char::is_control),
            "no raw control character: {shown:?}"
        );
        assert!(
            shown.contains("evil\\u{1b}]0;PWNED\\u{7}\\nname.txt:1:"),
            "{shown}"
        );
        assert!(shown.contains("\\u{1b}[2Jother.txt"), "{shown}");
    }
}

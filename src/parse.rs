//! Raw transcript (text or saved HTML page) → conferences.
//!
//! API CONTRACT (the parser work implements it; `import` and the sample code against it).

use crate::model::Turn;
use crate::outlets::Outlets;

/// A problem in the input, located by 1-based line of the input file
/// (for HTML: the line of the source where the element starts, best effort).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// One conference as read from the text, before the corpus gives it an id.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedConference {
    /// ISO date from the text only (title, then date line); `None` if the text gives none.
    pub date: Option<String>,
    /// Publication stamp as printed (`2025-07-29 20:40`), if any.
    pub published: Option<String>,
    /// `fr`, `en` or `zh`.
    pub language: String,
    /// Romanised full name (`Guo Jiakun`, also for Chinese pages: 郭嘉昆 → Guo Jiakun).
    pub spokesperson: Option<String>,
    pub title: Option<String>,
    pub turns: Vec<Turn>,
}

/// What a file yields: its conferences and non-fatal warnings (cut text…).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub conferences: Vec<ParsedConference>,
    pub warnings: Vec<Problem>,
}

/// Parses a file's bytes. `name` is the file name, used to pick text or HTML
/// (`.htm`/`.html`, or content that is clearly an HTML page). Errors: empty,
/// binary / not UTF-8 (UTF-8 BOM and UTF-16 with BOM accepted), no recognisable turn,
/// HTML without an article body. Never panics.
pub fn parse_bytes(name: &str, bytes: &[u8], outlets: &Outlets) -> Result<Parsed, Problem> {
    let _ = (name, bytes, outlets);
    todo!("parser work")
}

/// Parses plain text as copied from a page.
pub fn parse_text(text: &str, outlets: &Outlets) -> Result<Parsed, Problem> {
    let _ = (text, outlets);
    todo!("parser work")
}

/// Parses a saved HTML page.
pub fn parse_html(html: &str, outlets: &Outlets) -> Result<Parsed, Problem> {
    let _ = (html, outlets);
    todo!("parser work")
}

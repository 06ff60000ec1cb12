//! Raw transcript (text or saved HTML page) → conferences.
//!
//! API CONTRACT (the parser work implements it; `import` and the sample code against it).
//!
//! The pipeline: bytes are decoded (`decode`); an HTML page is reduced to its
//! title, date line and article paragraphs (`html`); text is cut into
//! paragraphs, run-together labels split (`labels`); a bilingual page is split
//! by script (`bilingual`); each half is read into conferences (`stream`,
//! `conference`), skipping page furniture (`furniture`) and reading titles
//! and date lines (`header`, `dates`).

mod bilingual;
mod conference;
mod contents;
pub(crate) mod dates;
mod decode;
mod entities;
mod furniture;
mod header;
mod headline;
mod html;
mod labels;
mod markdown;
mod named;
mod names;
mod stream;
mod tags;
mod wrapped;
mod yearless;

use crate::model::Turn;
use crate::outlets::Outlets;
use crate::text::sanitize;

/// A problem in the input, located by 1-based line of the input file (for HTML: the line of
/// the source where the element starts, best effort); the caller adds the file's path.
pub(crate) use crate::problem::Problem;

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

/// One paragraph of the input, with the line it starts on.
#[derive(Debug, Clone, PartialEq)]
struct Para {
    text: String,
    line: usize,
    /// Printed wholly in bold (HTML only): how Chinese pages mark questions.
    strong: bool,
}

/// Parses a file's bytes. `name` is the file name, used to pick text or HTML
/// (`.htm`/`.html`, or content that is clearly an HTML page). Errors: empty,
/// binary, damaged UTF-8 (any encoding is read: see `decode`), no recognisable turn,
/// HTML without an article body. Never panics.
pub fn parse_bytes(name: &str, bytes: &[u8], outlets: &Outlets) -> Result<Parsed, Problem> {
    parse_received(name, bytes, None, None, outlets)
}

/// Parses a page as received over HTTP: `charset` is the `Content-Type`
/// header's charset, when the server sent one (it comes before the page's own
/// `<meta>`); `date_hint` (`YYYY-MM-DD`) is a day near the conference known from
/// elsewhere (the listing, the file name, the day of fetching): it gives the
/// year to a title that prints none, when the page's images do not.
pub(crate) fn parse_received(
    name: &str,
    bytes: &[u8],
    charset: Option<&str>,
    date_hint: Option<&str>,
    outlets: &Outlets,
) -> Result<Parsed, Problem> {
    // The one cleaning rule of the program (`text::sanitize`), where transcript text enters:
    // lone-CR line ends become line ends, the text is NFC, controls and invisible marks go.
    let decoded = decode::decode_declared(bytes, charset)?;
    let text = crate::text::sanitize(&decoded, true);
    let html_name = std::path::Path::new(name).extension().is_some_and(|e| {
        ["htm", "html", "shtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    let years = yearless::YearContext::new(&text, date_hint);
    if html_name || looks_like_html(&text) {
        html_with(&text, &years, outlets)
    } else {
        text_with(&text, &years, outlets)
    }
}

/// A received page's text (listing pages): the decoder of `parse_received`.
pub(crate) fn decode_received(bytes: &[u8], charset: Option<&str>) -> Result<String, Problem> {
    decode::decode_declared(bytes, charset)
}

/// The first calendar date printed in `text` (`2020年7月3日`, `July 3, 2020`, `2020-07-03`…), as ISO.
pub(crate) fn date_in(text: &str) -> Option<String> {
    dates::iso(text)
}

/// Parses plain text as copied from a page.
pub fn parse_text(text: &str, outlets: &Outlets) -> Result<Parsed, Problem> {
    text_with(text, &yearless::YearContext::default(), outlets)
}

fn text_with(
    text: &str,
    years: &yearless::YearContext,
    outlets: &Outlets,
) -> Result<Parsed, Problem> {
    if text.trim().is_empty() {
        return Err(empty());
    }
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let (text, strong) = markdown::unmark(&tidy(line));
            wrapped::Printed {
                text,
                line: i + 1,
                strong,
            }
        })
        .collect();
    let mut paras = Vec::new();
    for l in wrapped::rejoin(lines, outlets) {
        let pieces = labels::split_inline(&l.text, outlets);
        let whole = pieces.len() == 1;
        for piece in pieces {
            paras.push(Para {
                text: piece.to_string(),
                line: l.line,
                strong: l.strong && whole,
            });
        }
    }
    yearless::complete(&mut paras, years);
    read(&paras, outlets)
}

/// Parses a saved HTML page.
pub fn parse_html(html: &str, outlets: &Outlets) -> Result<Parsed, Problem> {
    html_with(html, &yearless::YearContext::default(), outlets)
}

fn html_with(
    html: &str,
    years: &yearless::YearContext,
    outlets: &Outlets,
) -> Result<Parsed, Problem> {
    if html.trim().is_empty() {
        return Err(empty());
    }
    let mut paras: Vec<Para> = html::extract(html)?
        .into_iter()
        .map(|p| Para {
            text: tidy(&p.text),
            ..p
        })
        .filter(|p| !p.text.is_empty())
        .collect();
    yearless::complete(&mut paras, years);
    read(&paras, outlets)
}

fn empty() -> Problem {
    Problem::at_line(1, "the file is empty: nothing to import")
}

/// Whether text that was not named `.html` is nevertheless a saved page.
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html") && head.contains("<head")
}

/// One line made safe and even: control characters and escapes removed, no-break
/// spaces made plain, runs of spaces folded, ends trimmed (U+3000 indents included).
fn tidy(line: &str) -> String {
    let clean = sanitize(line, false);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Paragraphs → conferences, splitting bilingual pages into their two languages.
fn read(paras: &[Para], outlets: &Outlets) -> Result<Parsed, Problem> {
    let mut warnings = Vec::new();
    let carried = bilingual::carry_labels(paras, outlets);
    let paras = carried.as_deref().unwrap_or(paras);
    let conferences = match bilingual::split(paras, outlets) {
        Some((zh, latin)) => {
            let mut all = stream::conferences(&zh, "zh", outlets, &mut warnings);
            all.extend(stream::conferences(
                &latin,
                bilingual::language(&latin),
                outlets,
                &mut warnings,
            ));
            all
        }
        None => stream::conferences(paras, bilingual::language(paras), outlets, &mut warnings),
    };
    if conferences.is_empty() {
        return Err(Problem::at_line(
            paras.first().map_or(1, |p| p.line),
            "no press-conference turn found: expected a title or labelled questions and answers (`AFP :`, `Q:`, `问：`)",
        ));
    }
    if let [only] = conferences.as_slice()
        && let [turn] = only.turns.as_slice()
        && turn.question.len() + turn.answer.len() >= ONE_TURN_WARNING
    {
        warnings.push(Problem::at_line(
            paras.first().map_or(1, |p| p.line),
            format!(
                "the whole text ({} paragraphs) was read as a single turn: if it holds questions, their labels were not recognised (`AFP :`, `Q:`, `问：` at the start of a paragraph)",
                turn.question.len() + turn.answer.len()
            ),
        ));
    }
    Ok(Parsed {
        conferences,
        warnings,
    })
}

/// How many paragraphs a text's only turn may hold before it is suspicious (labels the
/// parser did not recognise, such as Markdown's `**Bloomberg:**`, make one long statement).
const ONE_TURN_WARNING: usize = 6;

#[cfg(test)]
mod tests;

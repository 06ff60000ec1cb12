//! Lays out one turn for the reader — header, question, answer paragraphs — wrapped to a width, with search matches marked.

use std::ops::Range;
use std::sync::Arc;

use crate::model::{Conference, Cut, Turn, TurnKind};
use crate::wrap::wrap_ranges;

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Title,
    Meta,
    /// The `Q` / `A` / `●` gutter.
    Label,
    Question,
    Answer,
    /// A search match.
    Match,
    /// Notes such as "no answer recorded".
    Dim,
}

/// A styled run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seg {
    pub(crate) text: String,
    pub(crate) kind: Kind,
}

/// A turn wrapped to one width, without search marks: the costly part of a layout, so it is
/// kept while the query changes (see [`Page::marked`]).
///
/// Lines are descriptors (a paragraph and a range), not styled text: a 2 MB paragraph is
/// 25,000 lines, and only the few on screen are ever turned into segments.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Wrapped {
    rows: Vec<Row>,
    paras: Vec<Para>,
    /// Whole-conference layouts: the first row of each turn.
    turn_rows: Vec<usize>,
}

#[derive(Debug, PartialEq, Eq)]
enum Row {
    Blank,
    /// A short line laid out whole (title, meta, notes).
    Plain(Vec<Seg>),
    /// Part of paragraph `para`: its chars `chars`, which are bytes `bytes` of its text.
    Text {
        para: usize,
        chars: Range<usize>,
        bytes: Range<usize>,
        gutter: &'static str,
    },
}

#[derive(Debug, PartialEq, Eq)]
struct Para {
    text: String,
    kind: Kind,
    /// Rows of this paragraph: `first_row..first_row + rows`.
    first_row: usize,
    rows: usize,
}

/// A turn laid out for one width, with the search matches of one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Page {
    wrapped: Arc<Wrapped>,
    /// Per paragraph: char ranges of matches, sorted, not overlapping.
    marks: Vec<Vec<Range<usize>>>,
    /// Line indices that hold the start of a match, ascending, without repeats.
    pub(crate) matches: Vec<usize>,
    /// Whether every line was marked; a huge turn is first shown marked around the lines
    /// on screen (see `typeset`).
    pub(crate) complete: bool,
    /// Whether `matches[0]` is the turn's first match: complete, or marked from the first
    /// row until a match was found.
    pub(crate) first_match_known: bool,
}

const GUTTER: usize = 3;

/// The marks where the importer warned that the transcript is cut.
pub(super) const CUT_START: &str =
    "✂ The text starts here, in the middle of an answer: its question is missing.";
pub(super) const CUT_END: &str = "✂ The text stops here: the rest of the transcript is missing.";

/// Bytes of text in every turn of `conf`: what laying the whole conference out costs.
pub(super) fn conference_bytes(conf: &Conference) -> usize {
    (0..conf.turns.len()).map(|t| turn_bytes(conf, t)).sum()
}

/// Bytes of text in turn `turn` of `conf`: what laying it out costs.
pub(super) fn turn_bytes(conf: &Conference, turn: usize) -> usize {
    conf.turns.get(turn).map_or(0, |t| {
        t.question
            .iter()
            .chain(&t.answer)
            .map(String::len)
            .sum::<usize>()
    })
}

/// The title and meta lines of turn `turn`, then `note` (dim): what the reader shows while a
/// huge turn is laid out elsewhere.
pub(super) fn placeholder(conf: &Conference, turn: usize, width: usize, note: &str) -> Wrapped {
    let mut page = Wrapped::default();
    let width = width.max(GUTTER + 1);
    if page.header(conf, turn, width).is_some() {
        page.plain(note, width, Kind::Dim);
    }
    page
}

/// Lays out turn `turn` of `conf` in `width` columns, without marks.
pub(super) fn layout(conf: &Conference, turn: usize, width: usize, answer_only: bool) -> Wrapped {
    let mut page = Wrapped::default();
    let width = width.max(GUTTER + 1);
    if let Some(t) = page.header(conf, turn, width) {
        page.body(t, width, answer_only);
    }
    page
}

/// Lays out every turn of `conf` in one scroll (the whole-conference reading mode): the
/// title and the day once, then each turn under a rule naming it; `Wrapped::turn_row`
/// says where each begins.
pub(super) fn layout_whole(conf: &Conference, width: usize, answer_only: bool) -> Wrapped {
    let mut page = Wrapped::default();
    let width = width.max(GUTTER + 1);
    page.plain(&title_of(conf), width, Kind::Title);
    let mut meta = vec![conf.date.clone()];
    meta.extend(conf.spokesperson.clone());
    let n = conf.turns.len();
    meta.push(format!("{n} turn{}", if n == 1 { "" } else { "s" }));
    page.plain(&meta.join(" · "), width, Kind::Meta);
    for (i, t) in conf.turns.iter().enumerate() {
        page.rows.push(Row::Blank);
        page.turn_rows.push(page.rows.len());
        let mut rule = vec![format!("{}/{n}", i + 1), t.asker_display().to_string()];
        if t.follow_up {
            rule.push("follow-up".into());
        }
        let label = format!("── {} ", rule.join(" · "));
        let fill = width.saturating_sub(crate::wrap::width(&label));
        page.plain(&format!("{label}{}", "─".repeat(fill)), width, Kind::Meta);
        page.rows.push(Row::Blank);
        page.body(t, width, answer_only);
    }
    page
}

/// A conference's title, or its day and language when it has none.
fn title_of(conf: &Conference) -> String {
    if conf.title.is_empty() {
        format!("{} {}", conf.date, conf.language)
    } else {
        conf.title.clone()
    }
}

impl Wrapped {
    /// The row where turn `turn` begins in a whole-conference layout (0 otherwise).
    pub(super) fn turn_row(&self, turn: usize) -> usize {
        self.turn_rows.get(turn).copied().unwrap_or(0)
    }

    /// The turn shown at row `row` of a whole-conference layout, if it is one.
    pub(super) fn turn_at(&self, row: usize) -> Option<usize> {
        if self.turn_rows.is_empty() {
            return None;
        }
        Some(
            self.turn_rows
                .partition_point(|&r| r <= row)
                .saturating_sub(1),
        )
    }

    /// The question (unless `answer_only`) and the answer of `t`, with a mark where the
    /// importer found the transcript cut.
    fn body(&mut self, t: &Turn, width: usize, answer_only: bool) {
        if t.cut.is_some_and(Cut::at_start) {
            self.plain(CUT_START, width, Kind::Dim);
            self.rows.push(Row::Blank);
        }
        self.question_and_answer(t, width, answer_only);
        if t.cut.is_some_and(Cut::at_end) {
            self.rows.push(Row::Blank);
            self.plain(CUT_END, width, Kind::Dim);
        }
    }

    fn question_and_answer(&mut self, t: &Turn, width: usize, answer_only: bool) {
        if t.kind == TurnKind::Question && !answer_only && !t.question.is_empty() {
            self.paragraphs(&t.question, "Q", width, Kind::Question);
            self.rows.push(Row::Blank);
        }
        let label = if t.kind == TurnKind::Statement {
            "●"
        } else {
            "A"
        };
        if t.answer.iter().all(|p| p.trim().is_empty()) {
            self.rows.push(Row::Plain(vec![
                Seg {
                    text: format!("{label:<GUTTER$}"),
                    kind: Kind::Label,
                },
                Seg {
                    text: "(no answer recorded)".into(),
                    kind: Kind::Dim,
                },
            ]));
        } else {
            self.paragraphs(&t.answer, label, width, Kind::Answer);
        }
    }

    /// Title, meta line and a blank line; the turn, or `None` (said on the page) when missing.
    fn header<'c>(&mut self, conf: &'c Conference, turn: usize, width: usize) -> Option<&'c Turn> {
        self.plain(&title_of(conf), width, Kind::Title);
        let Some(t) = conf.turns.get(turn) else {
            self.plain("(no such turn)", width, Kind::Dim);
            return None;
        };
        let mut meta = vec![conf.date.clone()];
        if let Some(s) = t.speaker.as_ref().or(conf.spokesperson.as_ref()) {
            meta.push(s.clone());
        }
        meta.push(t.asker_display().to_string());
        if t.follow_up {
            meta.push("follow-up".into());
        }
        meta.push(format!("turn {}/{}", turn + 1, conf.turns.len()));
        self.plain(&meta.join(" · "), width, Kind::Meta);
        self.rows.push(Row::Blank);
        Some(t)
    }

    fn plain(&mut self, text: &str, width: usize, kind: Kind) {
        let chars: Vec<char> = text.chars().collect();
        for r in wrap_ranges(text, width) {
            self.rows.push(Row::Plain(vec![Seg {
                text: chars[r].iter().collect(),
                kind,
            }]));
        }
    }

    /// Paragraphs with a gutter label on the first line and a blank line between them.
    fn paragraphs(&mut self, paras: &[String], label: &'static str, width: usize, kind: Kind) {
        for (i, text) in paras.iter().enumerate() {
            if i > 0 {
                self.rows.push(Row::Blank);
            }
            let para = self.paras.len();
            let first_row = self.rows.len();
            let lines = wrap_ranges(text, width - GUTTER);
            // One sweep maps the lines' char offsets (ascending) to bytes.
            let mut offsets = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .enumerate()
                .peekable();
            let mut byte_of = |c: usize| {
                while let Some(&(i, b)) = offsets.peek() {
                    if i == c {
                        return b;
                    }
                    offsets.next();
                }
                text.len()
            };
            for (n, r) in lines.iter().enumerate() {
                let bytes = byte_of(r.start)..byte_of(r.end);
                self.rows.push(Row::Text {
                    para,
                    chars: r.clone(),
                    bytes,
                    gutter: if i == 0 && n == 0 { label } else { "" },
                });
            }
            self.paras.push(Para {
                text: text.clone(),
                kind,
                first_row,
                rows: lines.len(),
            });
        }
    }
}
impl Row {
    fn chars(&self) -> Range<usize> {
        match self {
            Row::Text { chars, .. } => chars.clone(),
            _ => 0..0,
        }
    }
}

/// Bytes of one paragraph given to the highlighter at a time: about 10 ms of marking, so
/// the typesetter can show the lines on screen first and drop work a newer query replaced.
const CHUNK_BYTES: usize = 128 * 1024;

/// How far past a chunk's nominal end a sentence end is looked for: a phrase is matched
/// within one chunk, and a chunk that ends with a sentence cuts none.
const SENTENCE_BYTES: usize = 8 * 1024;

/// Where marking stands: paragraph, and the byte and char offsets in its text.
#[derive(Debug, Clone, Copy)]
struct At {
    para: usize,
    byte: usize,
    char: usize,
}

/// Marks made chunk by chunk, in text order, from a starting row (see [`CHUNK_BYTES`]).
pub(super) struct Marker {
    wrapped: Arc<Wrapped>,
    marks: Vec<Vec<Range<usize>>>,
    matches: Vec<usize>,
    /// Whether marking started at the first text row (then `matches[0]`, once found, is
    /// the turn's first match).
    from_start: bool,
    /// The next text to mark; `None` once every paragraph is marked.
    at: Option<At>,
}

impl Marker {
    /// Marking that starts at row `from` (rows before it keep no marks).
    pub(super) fn new(wrapped: Arc<Wrapped>, from: usize) -> Marker {
        let text_row = |i: usize| match &wrapped.rows[i] {
            Row::Text {
                para, chars, bytes, ..
            } => Some(At {
                para: *para,
                byte: bytes.start,
                char: chars.start,
            }),
            _ => None,
        };
        let at = (from.min(wrapped.rows.len())..wrapped.rows.len()).find_map(text_row);
        let first = (0..wrapped.rows.len()).find_map(text_row);
        Marker {
            marks: vec![Vec::new(); wrapped.paras.len()],
            matches: Vec::new(),
            from_start: match (at, first) {
                (Some(a), Some(f)) => (a.para, a.byte) == (f.para, f.byte),
                _ => true,
            },
            at,
            wrapped,
        }
    }

    /// The row where marking stands (the number of rows once done).
    pub(super) fn next_row(&self) -> usize {
        let Some(at) = self.at else {
            return self.wrapped.rows.len();
        };
        let p = &self.wrapped.paras[at.para];
        let rows = &self.wrapped.rows[p.first_row..p.first_row + p.rows];
        p.first_row + rows.partition_point(|r| r.chars().end <= at.char)
    }

    /// Whether every paragraph is marked.
    pub(super) fn is_done(&self) -> bool {
        self.at.is_none()
    }

    /// Lines holding a match start, among the text marked so far.
    pub(super) fn found(&self) -> usize {
        self.matches.len()
    }

    /// Marks the next chunk of one paragraph; `false` when everything is marked.
    pub(super) fn step(&mut self, highlight: &dyn Fn(&str) -> Vec<Range<usize>>) -> bool {
        let Some(at) = self.at else { return false };
        let p = &self.wrapped.paras[at.para];
        let end = chunk_end(&p.text, at.byte);
        let chunk = &p.text[at.byte..end];
        let found = sorted_disjoint(
            highlight(chunk)
                .into_iter()
                .map(|m| m.start + at.char..m.end + at.char)
                .collect(),
        );
        let rows = &self.wrapped.rows[p.first_row..p.first_row + p.rows];
        for m in &found {
            // The line holding the match's start: the first whose end lies past it.
            let k = rows.partition_point(|r| r.chars().end <= m.start);
            let line = p.first_row + k.min(rows.len().saturating_sub(1));
            if self.matches.last() != Some(&line) {
                self.matches.push(line);
            }
        }
        self.marks[at.para].extend(found);
        self.at = if end < p.text.len() {
            Some(At {
                para: at.para,
                byte: end,
                char: at.char + chunk.chars().count(),
            })
        } else {
            (at.para + 1 < self.wrapped.paras.len()).then_some(At {
                para: at.para + 1,
                byte: 0,
                char: 0,
            })
        };
        true
    }

    /// The page as marked so far: `complete` says whether every row was.
    pub(super) fn page(&self, complete: bool) -> Page {
        Page {
            wrapped: Arc::clone(&self.wrapped),
            marks: self.marks.clone(),
            matches: self.matches.clone(),
            complete,
            first_match_known: complete || self.from_start && !self.matches.is_empty(),
        }
    }

    /// The finished page.
    pub(super) fn finish(mut self, highlight: &dyn Fn(&str) -> Vec<Range<usize>>) -> Page {
        while self.step(highlight) {}
        Page {
            wrapped: self.wrapped,
            marks: self.marks,
            matches: self.matches,
            complete: true,
            first_match_known: true,
        }
    }
}

/// Where a chunk of `text` starting at byte `start` ends: the whole rest when short, else
/// just after the first sentence end past [`CHUNK_BYTES`] (else a space, else any char).
fn chunk_end(text: &str, start: usize) -> usize {
    let nominal = start + CHUNK_BYTES;
    if nominal >= text.len() {
        return text.len();
    }
    let mut from = nominal;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (from + SENTENCE_BYTES).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let window = &text[from..to];
    let sentence = window
        .char_indices()
        .find(|&(_, c)| matches!(c, '.' | '?' | '!' | ';' | '。' | '？' | '！' | '；'))
        .map(|(i, c)| from + i + c.len_utf8());
    let space = || window.find(char::is_whitespace).map(|i| from + i);
    sentence.or_else(space).unwrap_or(from)
}

impl Page {
    /// The wrapped turn with the matches `highlight` finds in each paragraph (char ranges).
    /// Linear: one highlighter pass per chunk of a paragraph and a binary search per match;
    /// no line is styled here (see [`Page::line`]).
    pub(super) fn marked(
        wrapped: Arc<Wrapped>,
        highlight: &dyn Fn(&str) -> Vec<Range<usize>>,
    ) -> Page {
        Marker::new(wrapped, 0).finish(highlight)
    }

    /// Where turn `turn` begins in a whole-conference page (0 for a one-turn page).
    pub(super) fn turn_row(&self, turn: usize) -> usize {
        self.wrapped.turn_row(turn)
    }

    /// The turn at `row` of a whole-conference page.
    pub(super) fn turn_at(&self, row: usize) -> Option<usize> {
        self.wrapped.turn_at(row)
    }

    /// Number of lines.
    pub(super) fn len(&self) -> usize {
        self.wrapped.rows.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.wrapped.rows.is_empty()
    }

    /// Line `i` as styled segments: the gutter, then text and matches. Costs the line's
    /// length plus a binary search, so drawing is proportional to the screen, not the page.
    pub(super) fn line(&self, i: usize) -> Vec<Seg> {
        let Some(row) = self.wrapped.rows.get(i) else {
            return Vec::new();
        };
        let (para, chars, bytes, gutter) = match row {
            Row::Blank => return Vec::new(),
            Row::Plain(segs) => return segs.clone(),
            Row::Text {
                para,
                chars,
                bytes,
                gutter,
            } => (*para, chars.clone(), bytes.clone(), *gutter),
        };
        let p = &self.wrapped.paras[para];
        let text = &p.text[bytes];
        let byte_at = |c: usize| {
            text.char_indices()
                .nth(c - chars.start)
                .map_or(text.len(), |(b, _)| b)
        };
        let mut line = vec![Seg {
            text: format!("{gutter:<GUTTER$}"),
            kind: Kind::Label,
        }];
        let marks = self.marks.get(para).map_or(&[][..], Vec::as_slice);
        let first = marks.partition_point(|m| m.end <= chars.start);
        let mut at = chars.start;
        for m in marks[first..].iter().take_while(|m| m.start < chars.end) {
            let (s, e) = (m.start.max(chars.start), m.end.min(chars.end));
            if at < s {
                line.push(Seg {
                    text: text[byte_at(at)..byte_at(s)].to_string(),
                    kind: p.kind,
                });
            }
            line.push(Seg {
                text: text[byte_at(s)..byte_at(e)].to_string(),
                kind: Kind::Match,
            });
            at = e;
        }
        if at < chars.end {
            line.push(Seg {
                text: text[byte_at(at)..].to_string(),
                kind: p.kind,
            });
        }
        line
    }

    /// Every line styled (tests only: the screen asks for the lines it shows).
    #[cfg(test)]
    pub(crate) fn lines(&self) -> Vec<Vec<Seg>> {
        (0..self.len()).map(|i| self.line(i)).collect()
    }

    /// The page as plain text lines.
    #[cfg(test)]
    pub(crate) fn text(&self) -> Vec<String> {
        self.lines()
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }
}

/// Ranges sorted by start with overlapping ones joined and empty ones dropped, whatever the
/// highlighter gave.
fn sorted_disjoint(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    if !ranges.is_sorted_by_key(|r| r.start) {
        ranges.sort_by_key(|r| r.start);
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf() -> Conference {
        let mut q = Turn::question(
            "法新社记者".into(),
            Some("AFP".into()),
            vec!["台湾问题？".into()],
        );
        q.answer = vec!["台湾是中国领土不可分割的一部分。".into(), "第二段。".into()];
        serde_json::from_value::<Conference>(serde_json::json!({
            "id": "2025-07-29-zh", "date": "2025-07-29", "language": "zh",
            "spokesperson": "Guo Jiakun", "title": "2025年7月29日外交部发言人郭嘉昆主持例行记者会"
        }))
        .map(|mut c| {
            c.turns.push(q);
            c
        })
        .unwrap()
    }

    fn find(word: &'static str) -> impl Fn(&str) -> Vec<Range<usize>> {
        move |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let w: Vec<char> = word.chars().collect();
            (0..chars.len())
                .filter(|&i| chars[i..].starts_with(&w))
                .map(|i| i..i + w.len())
                .collect()
        }
    }

    fn laid(
        c: &Conference,
        width: usize,
        answer_only: bool,
        hl: &dyn Fn(&str) -> Vec<Range<usize>>,
    ) -> Page {
        Page::marked(Arc::new(layout(c, 0, width, answer_only)), hl)
    }

    /// Where the importer found the transcript cut, the reader says so, in one turn and in
    /// the whole conference.
    #[test]
    fn a_cut_transcript_is_marked_where_it_is_cut() {
        let mut c = conf();
        c.turns[0].cut = Some(Cut::Both);
        for page in [layout(&c, 0, 200, false), layout_whole(&c, 200, false)] {
            let text = Page::marked(Arc::new(page), &|_| Vec::new()).text();
            let at = |needle: &str| text.iter().position(|l| l == needle).expect(needle);
            let q = text.iter().position(|l| l.starts_with("Q  ")).unwrap();
            let last = text
                .iter()
                .rposition(|l| l.starts_with("   ") || l.starts_with("A  "));
            assert!(at(CUT_START) < q, "{text:#?}");
            assert!(at(CUT_END) > last.unwrap(), "{text:#?}");
        }
        c.turns[0].cut = None;
        let text = Page::marked(Arc::new(layout(&c, 0, 200, false)), &|_| Vec::new()).text();
        assert!(!text.iter().any(|l| l.starts_with('✂')), "{text:#?}");
    }

    fn with_answer(paragraph: &str) -> Conference {
        let mut c = conf();
        c.turns[0].answer = vec![paragraph.to_string()];
        c
    }

    /// The marked text of each line, in order.
    fn marked_by_line(page: &Page) -> Vec<(usize, String)> {
        page.lines()
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                l.iter()
                    .filter(|s| s.kind == Kind::Match)
                    .map(move |s| (i, s.text.clone()))
            })
            .collect()
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one mark, not a range of marks
    fn a_match_spanning_wrapped_lines_is_marked_on_each_and_located_once() {
        // Width 10 - gutter 3 = 7 columns: "abc def" | "ghi" ; the mark covers "def gh".
        let page = laid(&with_answer("abc def ghi"), 10, true, &|_| vec![4..10]);
        let text = page.text();
        let a = text.iter().position(|l| l == "A  abc def").unwrap();
        assert_eq!(text[a + 1], "   ghi");
        assert_eq!(
            marked_by_line(&page),
            [(a, "def".to_string()), (a + 1, "gh".to_string())]
        );
        assert_eq!(page.matches, [a], "a match counts on the line it starts");
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one mark, not a range of marks
    fn wide_chars_are_cut_by_char_not_byte() {
        // Seven columns hold three Han chars; the mark 中国 crosses the line end.
        let page = laid(&with_answer("和平的中国人民"), 10, true, &|_| {
            vec![3..5]
        });
        let text = page.text();
        let a = text.iter().position(|l| l.starts_with("A  ")).unwrap();
        assert_eq!(&text[a..], ["A  和平的", "   中国人", "   民"]);
        assert_eq!(marked_by_line(&page), [(a + 1, "中国".to_string())]);
        // Marks at the very end, accents, and several on one line.
        let page = laid(&with_answer("été été"), 40, true, &|_| vec![0..3, 4..7]);
        let a = page
            .text()
            .iter()
            .position(|l| l.starts_with("A  "))
            .unwrap();
        assert_eq!(
            marked_by_line(&page),
            [(a, "été".to_string()), (a, "été".to_string())]
        );
        assert_eq!(page.line(a).len(), 4, "gutter, match, space, match");
    }

    #[test]
    fn unsorted_or_overlapping_marks_are_joined() {
        let page = laid(&with_answer("abcdef"), 40, true, &|_| {
            vec![4..6, 0..2, 1..3, 5..5]
        });
        let a = page
            .text()
            .iter()
            .position(|l| l.starts_with("A  "))
            .unwrap();
        assert_eq!(
            marked_by_line(&page),
            [(a, "abc".to_string()), (a, "ef".to_string())]
        );
        assert_eq!(page.matches, [a]);
    }

    /// A huge paragraph is marked chunk by chunk; chunks end where a sentence ends, so a
    /// phrase wrapped over two lines is found whole wherever the chunks fall.
    #[test]
    fn chunked_marking_finds_every_phrase_of_a_huge_paragraph() {
        let sentence =
            "Sur la question de la mer de Chine méridionale, notre position est constante. ";
        let para = sentence.repeat(20_000); // 1.6 MB: a dozen chunks
        let c = with_answer(&para);
        for width in [37, 80, 131] {
            let page = laid(&c, width, true, &find("mer de Chine"));
            let marked = page
                .lines()
                .iter()
                .flatten()
                .filter(|s| s.kind == Kind::Match)
                .map(|s| s.text.clone())
                .collect::<String>();
            assert!(marked.contains("mer de"), "width {width}");
            assert_eq!(page.marks[0].len(), 20_000, "width {width}");
            assert!(page.complete && page.first_match_known);
        }
    }

    /// Marking from a row on marks nothing before it, and says the first match is unknown.
    #[test]
    fn marking_from_a_row_leaves_the_rows_before_it_unmarked() {
        let para = "la paix. ".repeat(50_000);
        let wrapped = Arc::new(layout(&with_answer(&para), 0, 60, true));
        let mut m = Marker::new(Arc::clone(&wrapped), 2_000);
        assert!(m.step(&find("paix")));
        let page = m.page(false);
        assert!(!page.complete && !page.first_match_known);
        assert!(page.matches[0] >= 2_000 && m.next_row() > 2_000);
        assert!(!m.is_done());
        let from_start = Marker::new(wrapped, 0);
        assert!(!from_start.page(false).first_match_known, "no match yet");
    }

    #[test]
    fn a_huge_paragraph_is_laid_out_in_linear_time() {
        // 200,000 words and a match in every one: lines × matches would be 10^9 steps.
        let para = "paix ".repeat(200_000);
        let page = laid(&with_answer(&para), 80, true, &find("paix"));
        let a = page
            .text()
            .iter()
            .position(|l| l.starts_with("A  "))
            .unwrap();
        assert_eq!(page.matches.len(), page.len() - a);
        assert_eq!(
            page.line(a)
                .iter()
                .filter(|s| s.kind == Kind::Match)
                .count(),
            15
        );
    }

    #[test]
    fn a_turn_reads_title_meta_question_answer() {
        let page = laid(&conf(), 24, false, &|_| Vec::new());
        assert_eq!(
            page.text(),
            [
                "2025年7月29日外交部发言",
                "人郭嘉昆主持例行记者会",
                "2025-07-29 · Guo",
                "Jiakun · AFP · turn 1/1",
                "",
                "Q  台湾问题？",
                "",
                "A  台湾是中国领土不可分",
                "   割的一部分。",
                "",
                "   第二段。",
            ]
        );
        let short = laid(&conf(), 24, true, &|_| Vec::new());
        assert!(!short.text().iter().any(|l| l.contains("问题")));
    }

    #[test]
    fn matches_are_marked_and_located() {
        let page = laid(&conf(), 24, false, &find("台湾"));
        assert_eq!(page.matches, [5, 7]);
        let lines = page.lines();
        let marked: Vec<&str> = lines
            .iter()
            .flatten()
            .filter(|s| s.kind == Kind::Match)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["台湾", "台湾"]);
    }
}

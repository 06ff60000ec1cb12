//! Lays out one turn for the reader — header, question, answer paragraphs — wrapped to a width, with search matches marked.

use std::ops::Range;

use crate::model::{Conference, TurnKind};
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
    pub text: String,
    pub kind: Kind,
}

/// A turn laid out for one width: lines of segments and the lines holding matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Page {
    pub lines: Vec<Vec<Seg>>,
    /// Line indices that hold the start of a match, ascending, without repeats.
    pub matches: Vec<usize>,
}

impl Page {
    /// The page as plain text lines.
    #[cfg(test)]
    pub fn text(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }
}

const GUTTER: usize = 3;

/// Lays out turn `turn` of `conf` in `width` columns. `highlight` gives the
/// char ranges to mark in a paragraph (none without a search).
pub(super) fn layout(
    conf: &Conference,
    turn: usize,
    width: usize,
    answer_only: bool,
    highlight: &dyn Fn(&str) -> Vec<Range<usize>>,
) -> Page {
    let mut page = Page::default();
    let width = width.max(GUTTER + 1);
    let title = if conf.title.is_empty() {
        format!("{} {}", conf.date, conf.language)
    } else {
        conf.title.clone()
    };
    page.plain(&title, width, Kind::Title);
    let Some(t) = conf.turns.get(turn) else {
        page.plain("(no such turn)", width, Kind::Dim);
        return page;
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
    page.plain(&meta.join(" · "), width, Kind::Meta);
    page.lines.push(Vec::new());
    if t.kind == TurnKind::Question && !answer_only && !t.question.is_empty() {
        page.paragraphs(&t.question, "Q", width, Kind::Question, highlight);
        page.lines.push(Vec::new());
    }
    let label = if t.kind == TurnKind::Statement {
        "●"
    } else {
        "A"
    };
    if t.answer.iter().all(|p| p.trim().is_empty()) {
        page.lines.push(vec![
            Seg {
                text: format!("{label:<GUTTER$}"),
                kind: Kind::Label,
            },
            Seg {
                text: "(no answer recorded)".into(),
                kind: Kind::Dim,
            },
        ]);
    } else {
        page.paragraphs(&t.answer, label, width, Kind::Answer, highlight);
    }
    page
}

impl Page {
    fn plain(&mut self, text: &str, width: usize, kind: Kind) {
        let chars: Vec<char> = text.chars().collect();
        for r in wrap_ranges(text, width) {
            self.lines.push(vec![Seg {
                text: chars[r].iter().collect(),
                kind,
            }]);
        }
    }

    /// Paragraphs with a gutter label on the first line and a blank line between them.
    fn paragraphs(
        &mut self,
        paras: &[String],
        label: &str,
        width: usize,
        kind: Kind,
        highlight: &dyn Fn(&str) -> Vec<Range<usize>>,
    ) {
        for (i, para) in paras.iter().enumerate() {
            if i > 0 {
                self.lines.push(Vec::new());
            }
            let chars: Vec<char> = para.chars().collect();
            let marks = highlight(para);
            let mut next_mark = 0;
            for (n, r) in wrap_ranges(para, width - GUTTER).into_iter().enumerate() {
                let gutter = if i == 0 && n == 0 { label } else { "" };
                let mut line = vec![Seg {
                    text: format!("{gutter:<GUTTER$}"),
                    kind: Kind::Label,
                }];
                let mut at = r.start;
                for m in &marks {
                    let (s, e) = (m.start.max(r.start), m.end.min(r.end));
                    if s >= e {
                        continue;
                    }
                    if m.start >= r.start && m.start < r.end && next_mark <= m.start {
                        if self.matches.last() != Some(&self.lines.len()) {
                            self.matches.push(self.lines.len());
                        }
                        next_mark = m.end;
                    }
                    if at < s {
                        line.push(Seg {
                            text: chars[at..s].iter().collect(),
                            kind,
                        });
                    }
                    line.push(Seg {
                        text: chars[s..e].iter().collect(),
                        kind: Kind::Match,
                    });
                    at = e;
                }
                if at < r.end {
                    line.push(Seg {
                        text: chars[at..r.end].iter().collect(),
                        kind,
                    });
                }
                self.lines.push(line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

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

    #[test]
    fn a_turn_reads_title_meta_question_answer() {
        let page = layout(&conf(), 0, 24, false, &|_| Vec::new());
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
        let short = layout(&conf(), 0, 24, true, &|_| Vec::new());
        assert!(!short.text().iter().any(|l| l.contains("问题")));
    }

    #[test]
    fn matches_are_marked_and_located() {
        let page = layout(&conf(), 0, 24, false, &find("台湾"));
        assert_eq!(page.matches, [5, 7]);
        let marked: Vec<&str> = page
            .lines
            .iter()
            .flatten()
            .filter(|s| s.kind == Kind::Match)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["台湾", "台湾"]);
    }
}

//! Builds one conference's turns from labelled and unlabelled paragraphs.
//!
//! The rules of `labels.jsonl`: unasked speech before the first question is one
//! statement; a question owns every paragraph until the next question; text
//! between a question and its labelled answer continues the question; closing
//! remarks are a statement only after a `***` line; a page that starts with an
//! unlabelled paragraph that is not an announcement starts mid-answer.

use super::names;
use crate::model::{Turn, TurnKind};

mod finish;

/// Words that open announcements, greetings and opening remarks (not a stray answer tail).
const OPENING_MARKERS: &[&str] = &[
    "邀请",
    "邀請",
    "将于",
    "將於",
    "將于",
    "通报",
    "通報",
    "记者朋友",
    "大家好",
    "朋友好",
    "欢迎",
    "宣布",
    "下面请",
    "invitation",
    "will pay",
    "will attend",
    "will visit",
    "will travel",
    "will hold",
    "will be held",
    "will be convened",
    "i'd like to",
    "i would like to",
    "good afternoon",
    "good morning",
    "friends from the press",
    "welcome",
    "announce",
    "bonjour",
    "bon après-midi",
    "bienvenue",
    "amis de la presse",
    "amis journalistes",
    "présidera",
    "assistera",
    "effectuera",
    "tiendra",
    "participera",
    "se rendra",
    "je voudrais",
    "annonce",
    // Announcements of visits, meetings, aid and figures (`将于`, `has decided`, `latest update`).
    "将",
    "將",
    "决定",
    "決定",
    "举行",
    "舉行",
    "应邀",
    "應邀",
    "最新",
    " will ",
    "has decided",
    "have decided",
    " held ",
    "update",
    "latest figures",
    "invited by",
    "to help ",
    " va ",
    " sera ",
    "a décidé",
    "ont décidé",
    "a tenu",
    "ont tenu",
    "invité",
    "dernier bilan",
];

/// One conference being read.
#[derive(Debug, Default)]
pub(super) struct Builder {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) stamp_date: Option<String>,
    turns: Vec<Turn>,
    /// Unlabelled paragraphs before any turn: a statement, or the tail of an answer.
    opening: Vec<String>,
    /// Unlabelled paragraphs after a question that has no answer yet.
    pending: Vec<String>,
    /// Labelled speakers of the opening statement, in order.
    opening_speakers: Vec<&'static str>,
    closing: bool,
    /// A news story or editorial quoting an answer: its own prose is not the spokesperson's.
    editorial: bool,
    starts_mid_answer: bool,
    /// The line of a paragraph saying the questions from there on came after the conference.
    after_closing: Option<usize>,
    first_line: usize,
    last_line: usize,
    last_text: String,
}

impl Builder {
    pub(super) fn new(title: Option<String>, date: Option<String>) -> Self {
        Builder {
            title,
            date,
            ..Builder::default()
        }
    }

    pub(super) fn has_turns(&self) -> bool {
        !self.turns.is_empty()
    }

    /// Nothing of the conference read yet (only its header).
    pub(super) fn in_header(&self) -> bool {
        self.turns.is_empty() && self.opening.is_empty()
    }

    /// The opening is probably page residue rather than the conference (one short line, no marker).
    pub(super) fn opening_is_weak(&self) -> bool {
        !looks_like_statement(&self.opening)
    }

    /// Forgets unlabelled text read before a title that replaces this one.
    pub(super) fn forget_opening(&mut self) {
        self.opening.clear();
    }

    /// The text is an article quoting the spokesperson: the headline and lead read so far
    /// are the article's, and so is a paragraph after the closed quotation.
    pub(super) fn start_editorial(&mut self) {
        self.editorial = true;
        self.opening.clear();
    }

    /// An editorial's paragraph after the quotation has closed (`… leçons. »`, then `La
    /// déclaration intervient…`): the article's commentary, not more of the answer.
    fn is_commentary(&self, text: &str) -> bool {
        let closed = self
            .turns
            .last()
            .and_then(|t| t.answer.last())
            .is_some_and(|a| a.trim_end().ends_with(['»', '”', '"', '」']));
        self.editorial && closed && !text.starts_with(['«', '“', '"', '「'])
    }

    fn seen(&mut self, line: usize, text: &str) {
        if self.first_line == 0 {
            self.first_line = line;
        }
        self.last_line = line;
        text.clone_into(&mut self.last_text);
    }

    /// A labelled question.
    pub(super) fn question(
        &mut self,
        asker: &str,
        outlet: Option<String>,
        follow_up: bool,
        text: &str,
        line: usize,
    ) {
        self.seen(line, text);
        self.settle_pending(false);
        self.settle_opening();
        self.closing = false;
        let mut turn = Turn::question(asker.to_string(), outlet, para(text));
        turn.follow_up = follow_up;
        turn.after_conference = self.after_closing.is_some();
        self.turns.push(turn);
    }

    /// Marks the question just read as asked after the conference closed.
    pub(super) fn mark_after_conference(&mut self, after: bool) {
        if let Some(turn) = self.turns.last_mut() {
            turn.after_conference |= after;
        }
    }

    /// The questions from `line` on were asked after the conference closed.
    pub(super) fn questions_after_conference(&mut self, line: usize) {
        self.after_closing.get_or_insert(line);
    }

    /// Whether the last turn is a question still waiting for its answer.
    pub(super) fn awaits_answer(&self) -> bool {
        self.turns
            .last()
            .is_some_and(|t| t.kind == TurnKind::Question && t.answer.is_empty())
    }

    /// A labelled answer (or unasked speech) by `speaker`; `printed` is the whole paragraph.
    pub(super) fn answer(
        &mut self,
        speaker: Option<&'static str>,
        text: &str,
        printed: &str,
        line: usize,
    ) {
        self.seen(line, text);
        let speaker = speaker.map(str::to_string);
        if std::mem::take(&mut self.closing) {
            self.turns.push(Turn::statement(speaker, para(text)));
            return;
        }
        let only_opening = self.turns.len() == 1;
        match self.turns.last_mut() {
            None if speaker.is_some() => {
                self.opening_speakers
                    .extend(speaker.as_deref().and_then(names::lookup));
                let mut body = std::mem::take(&mut self.opening);
                body.extend(para(text));
                self.turns.push(Turn::statement(speaker, body));
            }
            None => {
                // `A:` with no question before it: the question is on an earlier page.
                let mut turn =
                    Turn::question(String::new(), None, std::mem::take(&mut self.opening));
                turn.answer = para(text);
                self.starts_mid_answer = true;
                self.turns.push(turn);
            }
            Some(turn) if turn.kind == TurnKind::Statement => {
                if let Some(name) = speaker.as_deref().and_then(names::lookup)
                    && only_opening
                {
                    self.opening_speakers.push(name);
                }
                let changes =
                    speaker.is_some() && turn.speaker.is_some() && speaker != turn.speaker;
                turn.answer
                    .extend(para(if changes { printed } else { text }));
                turn.speaker = turn.speaker.take().or(speaker);
            }
            Some(turn) => {
                turn.question.append(&mut self.pending);
                turn.answer.extend(para(text));
                turn.speaker = turn.speaker.take().or(speaker);
            }
        }
    }

    /// An unlabelled paragraph.
    pub(super) fn plain(&mut self, text: &str, line: usize) {
        if self.is_commentary(text) {
            return;
        }
        self.seen(line, text);
        if std::mem::take(&mut self.closing) {
            self.turns
                .push(Turn::statement(None, vec![text.to_string()]));
            return;
        }
        match self.turns.last_mut() {
            None => self.opening.push(text.to_string()),
            Some(turn) if turn.kind == TurnKind::Question && turn.answer.is_empty() => {
                self.pending.push(text.to_string());
            }
            Some(turn) => turn.answer.push(text.to_string()),
        }
    }

    /// A list item (`• …`): continues a question still waiting for its answer.
    pub(super) fn bullet(&mut self, text: &str, line: usize) {
        if !self.awaits_answer() {
            self.plain(text, line);
            return;
        }
        self.seen(line, text);
        match self.turns.last_mut() {
            Some(turn) => {
                turn.question.append(&mut self.pending);
                turn.question.push(text.to_string());
            }
            _ => self.plain(text, line),
        }
    }

    /// Whether `text` only repeats the start of the question waiting for its answer (blog residue).
    pub(super) fn echoes_question(&self, text: &str) -> bool {
        match self.turns.last() {
            Some(turn)
                if turn.kind == TurnKind::Question
                    && turn.answer.is_empty()
                    && text.chars().count() >= 10 =>
            {
                turn.question
                    .first()
                    .is_some_and(|q| q.starts_with(text.trim()))
            }
            _ => false,
        }
    }

    /// A `***` line: what follows is a closing statement.
    pub(super) fn separator(&mut self) {
        if self.has_turns() {
            self.settle_pending(false);
            self.closing = true;
        }
    }

    fn settle_pending(&mut self, answer_follows: bool) {
        if self.pending.is_empty() {
            return;
        }
        if let Some(turn) = self.turns.last_mut() {
            let target = if answer_follows {
                &mut turn.question
            } else {
                &mut turn.answer
            };
            target.append(&mut self.pending);
        }
    }

    fn settle_opening(&mut self) {
        if self.opening.is_empty() {
            return;
        }
        let body = std::mem::take(&mut self.opening);
        if looks_like_statement(&body) {
            self.turns.push(Turn::statement(None, body));
        } else {
            let mut turn = Turn::question(String::new(), None, Vec::new());
            turn.answer = body;
            self.starts_mid_answer = true;
            self.turns.push(turn);
        }
    }
}

fn para(text: &str) -> Vec<String> {
    if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![text.trim().to_string()]
    }
}

/// Announcements, greetings, several paragraphs: unasked speech rather than an answer's tail.
fn looks_like_statement(body: &[String]) -> bool {
    // `that China has always…`: a text cut mid-sentence is an answer's tail whatever it says.
    if body
        .first()
        .is_some_and(|p| p.starts_with(|c: char| c.is_lowercase()))
    {
        return false;
    }
    body.len() >= 2
        || body.iter().any(|p| {
            // The markers open an announcement: its first sentences are enough.
            let lower = p.chars().take(2000).collect::<String>().to_lowercase();
            OPENING_MARKERS.iter().any(|m| lower.contains(m))
        })
}

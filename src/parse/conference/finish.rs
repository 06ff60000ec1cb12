//! Closing a conference: its spokesperson, the speakers of unnamed answers, and warnings for cut text.

use super::Builder;
use crate::model::{Cut, Turn, TurnKind};
use crate::parse::furniture::ends_sentence;
use crate::parse::{ParsedConference, Problem, names};

impl Builder {
    /// The finished conference, or `None` when nothing in it is a turn of a conference.
    pub(crate) fn finish(
        mut self,
        language: &str,
        warnings: &mut Vec<Problem>,
    ) -> Option<ParsedConference> {
        self.settle_pending(false);
        if self.turns.is_empty()
            && !self.opening.is_empty()
            && (self.title.is_some() || self.stamp_date.is_some())
        {
            let body = std::mem::take(&mut self.opening);
            self.turns.push(Turn::statement(None, body));
        }
        if self.turns.is_empty() {
            return None;
        }
        let spokesperson = self.spokesperson();
        for turn in &mut self.turns {
            if turn.speaker.is_none()
                && (turn.kind == TurnKind::Statement || !turn.answer.is_empty())
            {
                turn.speaker.clone_from(&spokesperson);
            }
        }
        self.warn(warnings);
        Some(ParsedConference {
            date: self.date.or(self.stamp_date),
            published: self.published,
            language: language.to_string(),
            spokesperson,
            title: self.title,
            turns: self.turns,
        })
    }

    /// Title, else the first named answer, else whoever spoke last in the opening.
    fn spokesperson(&self) -> Option<String> {
        let from_title = self.title.as_deref().and_then(names::find_in);
        let from_answer = || {
            self.turns
                .iter()
                .filter(|t| t.kind == TurnKind::Question && !t.answer.is_empty())
                .find_map(|t| t.speaker.as_deref().and_then(names::lookup))
        };
        from_title
            .or_else(from_answer)
            .or_else(|| self.opening_speakers.last().copied())
            .map(str::to_string)
    }

    /// Warns where the text looks cut, and marks the turn there so the reader shows it.
    fn warn(&mut self, warnings: &mut Vec<Problem>) {
        let cut = |turn: Option<&mut Turn>, side: Cut| {
            if let Some(t) = turn {
                t.cut = Some(t.cut.map_or(side, |c| c.and(side)));
            }
        };
        if self.starts_mid_answer {
            cut(self.turns.first_mut(), Cut::Start);
            warnings.push(Problem::at_line(
                self.first_line.max(1),
                "the text starts in the middle of an answer: its question is on an earlier page",
            ));
        }
        let unanswered = self
            .turns
            .last()
            .is_some_and(|t| t.kind == TurnKind::Question && t.answer.is_empty());
        if unanswered {
            cut(self.turns.last_mut(), Cut::End);
            warnings.push(Problem::at_line(
                self.last_line.max(1),
                "the text ends before the last question's answer: the transcript looks cut",
            ));
        } else if !ends_sentence(&self.last_text)
            && !self.last_text.ends_with(['）', ')', ':', '：'])
        {
            cut(self.turns.last_mut(), Cut::End);
            warnings.push(Problem::at_line(
                self.last_line.max(1),
                "the text ends mid-sentence: the transcript looks cut",
            ));
        }
    }
}

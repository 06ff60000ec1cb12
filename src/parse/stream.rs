//! Paragraphs of one language → conferences: titles start them, furniture is
//! skipped, labels and plain paragraphs become turns, a footer ends the text.

use super::conference::Builder;
use super::furniture::{self, Furniture};
use super::labels::{self, Label};
use super::{Para, ParsedConference, Problem, contents, dates, header, headline};
use crate::outlets::Outlets;

/// Reads the conferences of a run of paragraphs in one language.
pub(super) fn conferences(
    paras: &[Para],
    language: &str,
    outlets: &Outlets,
    warnings: &mut Vec<Problem>,
) -> Vec<ParsedConference> {
    let paras = join_split_titles(paras);
    // Everything above the first title is site furniture (menus, breadcrumbs, blog headers).
    let start = paras
        .iter()
        .position(|p| header::title_like(&p.text))
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut b = Builder::default();
    // Whether the paragraph before this one was a bold (unlabelled) Chinese question.
    let mut after_bold_question = false;
    let contents = contents::entries(&paras[start..], outlets);
    for (i, p) in paras.iter().enumerate().skip(start) {
        if contents[i - start] {
            continue;
        }
        let text = p.text.as_str();
        let bold_question_before = std::mem::take(&mut after_bold_question);
        if labels::announces_after_conference(
            text,
            paras.get(i + 1).map(|n| n.text.as_str()),
            outlets,
        ) {
            b.questions_after_conference(p.line);
            continue;
        }
        match furniture::classify(text) {
            Some(Furniture::Separator) => {
                b.separator();
                continue;
            }
            Some(Furniture::Stop) if b.has_turns() => break,
            Some(_) => continue,
            None => {}
        }
        if header::title_like(text) {
            b = on_title(b, text, language, warnings, &mut out);
            continue;
        }
        if b.in_header() && headline::is_headline(text, outlets) {
            continue;
        }
        if let Some((label, rest)) = labels::split(text, outlets) {
            match label {
                Label::Question {
                    asker,
                    follow_up,
                    after_conference,
                } => {
                    let outlet = labels::outlet_of(&asker, outlets)
                        .or_else(|| super::named::in_question(rest, outlets));
                    let follow_up = follow_up || labels::opens_as_follow_up(rest);
                    b.question(&asker, outlet, follow_up, rest, p.line);
                    b.mark_after_conference(after_conference);
                }
                Label::Answer { speaker } => {
                    // An editorial quoting one answer (no title, the answer reported, not
                    // labelled): dated by the line that reports it (`Le 12 août 2015, … le
                    // porte-parole Hong Lei a répondu : « … »`).
                    if !b.has_turns() && b.title.is_none() && labels::reports_speech(text) {
                        b.start_editorial();
                        if b.date.is_none()
                            && let Some((head, _)) = text.split_once([':', '：'])
                        {
                            b.date = headline::conference_date(head);
                        }
                    }
                    b.answer(speaker, rest, text, p.line);
                }
            }
            continue;
        }
        if p.strong && language == "zh" {
            // Chinese pages print unlabelled questions in bold; a second bold paragraph
            // right after it (no unlabelled answer between) goes on with the same question.
            after_bold_question = true;
            if bold_question_before && b.awaits_answer() {
                b.bullet(text, p.line);
            } else {
                b.question("", None, labels::opens_as_follow_up(text), text, p.line);
            }
            continue;
        }
        if !b.awaits_answer() && asks_before_an_answer(text, paras.get(i + 1), outlets) {
            let outlet = super::named::in_question(text, outlets);
            b.question("", outlet, labels::opens_as_follow_up(text), text, p.line);
            continue;
        }
        if !b.has_turns() && read_header_line(&mut b, text) {
            continue;
        }
        if text.starts_with(['•', '·', '▪', '●']) {
            b.bullet(text, p.line);
        } else if !b.echoes_question(text) {
            b.plain(text, p.line);
        }
    }
    out.extend(b.finish(language, warnings));
    out
}

/// An unlabelled question: a paragraph ending in a question mark that the spokesperson's
/// labelled answer follows at once (`What is China's comment…?` / `Wang Wenbin: We have noted…`).
fn asks_before_an_answer(text: &str, next: Option<&Para>, outlets: &Outlets) -> bool {
    let asks = text
        .trim_end_matches(['"', '”', '»', '’', ')', '）', ' '])
        .ends_with(['?', '？']);
    asks && next.is_some_and(|n| {
        matches!(
            labels::split(&n.text, outlets),
            Some((Label::Answer { .. }, _))
        )
    })
}

/// Reads a line above the first turn that belongs to the header (date line, a
/// title without a date, meta lines, captions); `false` when it is conference text.
fn read_header_line(b: &mut Builder, text: &str) -> bool {
    let noise = furniture::is_header_noise(text);
    // The conference's day from a lead or a dateline, before a publishing stamp is read from it.
    if b.date.is_none()
        && let Some(date) = headline::conference_date(text)
    {
        b.date = Some(date);
        // A dateline in front of the story's own text keeps that text.
        return noise || headline::lead_date(text).is_some();
    }
    if let Some(stamp) = header::published(text).filter(|_| noise) {
        if b.published.is_none() && !header::mentions_conference(text) {
            b.stamp_date = dates::iso(text);
            b.published = Some(stamp);
        }
        return true;
    }
    if b.title.is_none() && header::undated_title(text) {
        b.title = Some(header::clean_title(text));
        return true;
    }
    noise && b.in_header()
}

/// A title line: a new conference, or the same one printed again.
fn on_title(
    mut b: Builder,
    text: &str,
    language: &str,
    warnings: &mut Vec<Problem>,
    out: &mut Vec<ParsedConference>,
) -> Builder {
    let title = header::clean_title(text);
    let date = dates::iso(&title);
    let same_day = b.date.is_some() && b.date == date;
    if b.has_turns() {
        if same_day {
            return b;
        }
    } else if same_day || b.opening_is_weak() {
        // Repeated titles, tables of contents, captions: the last title before the text wins.
        b.forget_opening();
        b.title = Some(title);
        b.date = date;
        return b;
    }
    out.extend(b.finish(language, warnings));
    Builder::new(Some(title), date)
}

/// Joins titles printed over two lines (`… Lin Jian’s` / `Regular Press Conference on …`).
fn join_split_titles(paras: &[Para]) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        match paras.get(i + 1) {
            Some(next) if header::title_continues(&p.text, &next.text) => {
                out.push(Para {
                    text: header::joined(&p.text, &next.text),
                    ..p.clone()
                });
                i += 2;
            }
            _ => {
                out.push(p.clone());
                i += 1;
            }
        }
    }
    out
}

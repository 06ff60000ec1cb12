//! Building the tantivy query for a [`Query`]: words and phrases on the text
//! fields, the typed prefix, and the filters.

use std::ops::Bound;

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query as TantivyQuery, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DateTime, Searcher};

use super::analyzers::{Analysis, MAX_TOKEN_BYTES, is_cjk, is_stop_word, lone_han};
use super::highlight::Element;
use super::pieces::{self, Piece};
use super::schema::{Fields, name_key};
use super::{Filters, Query, dates};
use super::{Highlighter, Refusal, suggest};
use crate::outlets::Outlets;
use crate::text::escape_controls;

/// How many dictionary terms the half-typed word may stand for.
pub(crate) const MAX_PREFIX_EXPANSIONS: u32 = 50;

/// The analyses (hence fields) a query searches, given the language filter.
pub(super) fn analyses_for(language: Option<&str>) -> Vec<Analysis> {
    match language.map(str::to_lowercase).as_deref() {
        None | Some("") => Analysis::ALL.to_vec(),
        Some(lang) => vec![Analysis::stemmed_field_for(lang), Analysis::Folded],
    }
}

/// A tantivy query and the terms that say what to highlight.
pub(super) struct Built {
    pub(crate) query: Box<dyn TantivyQuery>,
    pub(crate) highlighter: Highlighter,
}

/// Builds the whole query, or says why it cannot match anything: what reading it found
/// wrong, words with nothing searchable in them, no word and no filter, a filter that
/// names nothing in the index.
pub(super) fn build(q: &Query, f: &Fields, searcher: &Searcher) -> Result<Built, Refusal> {
    if let Some(refusal) = &q.refusal {
        return Err(refusal.clone());
    }
    let analyses = analyses_for(q.filters.language.as_deref());
    let mut highlighter = Highlighter::default();
    let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
    let asked = pieces::clauses(&q.text, q.prefix_last);
    for group in &asked.groups {
        let mut any: Vec<Box<dyn TantivyQuery>> = group
            .iter()
            .filter_map(|piece| piece_query(piece, &analyses, f, &mut highlighter))
            .collect();
        match any.len() {
            0 => {}
            1 => clauses.extend(any.pop().map(|q| (Occur::Must, q))),
            _ => clauses.push((
                Occur::Must,
                Box::new(BooleanQuery::new(
                    any.into_iter().map(|q| (Occur::Should, q)).collect(),
                )),
            )),
        }
    }
    let filters = filter_queries(&q.filters, f, searcher)?;
    // Words of which none is searchable must not widen to every turn of the filters.
    if clauses.is_empty() && (!asked.groups.is_empty() || filters.is_empty()) {
        return Err(if asked.groups.is_empty() && !asked.excluded.is_empty() {
            only_exclusions()
        } else {
            nothing_to_search(&q.text)
        });
    }
    // An excluded word is never highlighted: its terms go to a highlighter nobody reads.
    let mut unseen = Highlighter::default();
    for piece in &asked.excluded {
        clauses.extend(piece_query(piece, &analyses, f, &mut unseen).map(|q| (Occur::MustNot, q)));
    }
    for filter in filters {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    Ok(Built {
        query: Box::new(BooleanQuery::new(clauses)),
        highlighter,
    })
}

fn nothing_to_search(text: &str) -> Refusal {
    let text = text.trim();
    Refusal::NothingToSearch(if text.is_empty() {
        "give a word or a filter with a value (`taiwan`, `lang:fr`, `outlet:AFP`)".to_string()
    } else {
        format!(
            "\"{}\" has no word (letters or digits, ≤ {MAX_TOKEN_BYTES} bytes)",
            escape_controls(text)
        )
    })
}

fn only_exclusions() -> Refusal {
    Refusal::NothingToSearch(
        "a query of exclusions alone (-word) has nothing to exclude from: add a word or a \
         filter (`chine -taiwan`, `lang:fr -taiwan`)"
            .to_string(),
    )
}

/// One piece on every searched field: any field may match it. A lone Han character
/// (`南`) is one term of the single-character field: it is in no bigram's place. A stop
/// word outside quotes matches but is not highlighted.
fn piece_query(
    piece: &Piece,
    analyses: &[Analysis],
    f: &Fields,
    highlighter: &mut Highlighter,
) -> Option<Box<dyn TantivyQuery>> {
    // Outside quotes a stop word (`de`, `the`, `的`) is searched but not marked: what it
    // would mark goes to a highlighter nobody reads.
    let mut unmarked = Highlighter::default();
    let highlighter = if !piece.quoted && is_stop_word(&piece.text) {
        &mut unmarked
    } else {
        highlighter
    };
    if let Some(c) = lone_han(&piece.text) {
        highlighter.add_char(c);
        return Some(Box::new(TermQuery::new(
            Term::from_field_text(f.han, c.encode_utf8(&mut [0; 4])),
            IndexRecordOption::WithFreqs,
        )));
    }
    let mut any: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
    for &a in analyses {
        let field = f.text(a);
        let mut tokens = a.tokens(&piece.text);
        // While typing `Etats-U`, the one or two letters after the last word are
        // too short to expand and not yet a word: match what comes before them.
        let short_tail = tokens
            .last()
            .is_some_and(|(t, _)| !t.chars().next().is_some_and(is_cjk) && t.chars().count() < 3);
        if piece.prefix && tokens.len() >= 2 && short_tail {
            tokens.pop();
        }
        if tokens.is_empty() {
            continue;
        }
        highlighter.add(
            a,
            tokens
                .iter()
                .map(|(t, _)| Element::Exact(t.clone()))
                .collect(),
        );
        // The stemmed fields hold every turn: an exact word there already matches
        // whatever the folded field would (see `Analysis::stemmed_field_for`).
        if a != Analysis::Folded
            && let Some(q) = exact(&tokens, field)
        {
            any.push((Occur::Should, q));
        }
        if piece.prefix && a == Analysis::Folded && wants_prefix(&tokens) {
            let mut elements: Vec<Element> = tokens
                .iter()
                .map(|(t, _)| Element::Exact(t.clone()))
                .collect();
            if let Some(last) = elements.last_mut()
                && let Element::Exact(t) = last
            {
                *last = Element::Prefix(std::mem::take(t));
            }
            highlighter.add(a, elements);
            any.push((Occur::Should, typed_prefix(piece, &tokens, analyses, f)));
        }
    }
    match any.len() {
        0 => None,
        1 => any.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(any))),
    }
}

/// The piece being typed: its last token as a prefix of a word in the folded
/// field. With words before it in the same piece (`Etats-Uni`), those must
/// appear as a phrase in a stemmed field, and the prefix anywhere in the turn: a
/// positional phrase-prefix over tens of thousands of turns costs several
/// keystrokes' budget, and the folded field keeps no positions. The exact phrase
/// applies as soon as the word is complete.
fn typed_prefix(
    piece: &Piece,
    tokens: &[(String, std::ops::Range<usize>)],
    analyses: &[Analysis],
    f: &Fields,
) -> Box<dyn TantivyQuery> {
    let Some((last, range)) = tokens.last() else {
        return Box::new(EmptyQuery);
    };
    let mut prefix = PhrasePrefixQuery::new(vec![Term::from_field_text(f.folded, last)]);
    prefix.set_max_expansions(MAX_PREFIX_EXPANSIONS);
    if tokens.len() == 1 {
        return Box::new(prefix);
    }
    let head_text = piece.text.get(..range.start).unwrap_or_default();
    let heads: Vec<(Occur, Box<dyn TantivyQuery>)> = analyses
        .iter()
        .filter(|a| **a != Analysis::Folded)
        .filter_map(|&a| exact(&a.tokens(head_text), f.text(a)))
        .map(|q| (Occur::Should, q))
        .collect();
    if heads.is_empty() {
        return Box::new(prefix);
    }
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(BooleanQuery::new(heads))),
        (Occur::Must, Box::new(prefix)),
    ]))
}

/// The tokens as one term or a phrase in `field`.
fn exact(
    tokens: &[(String, std::ops::Range<usize>)],
    field: tantivy::schema::Field,
) -> Option<Box<dyn TantivyQuery>> {
    let terms: Vec<Term> = tokens
        .iter()
        .map(|(t, _)| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// A half-typed word needs a prefix query unless it ends in a Han bigram,
/// which already matches wherever those characters appear. One or two Latin
/// letters are not expanded: they would stand for 50 of the commonest words
/// and cost more than a keystroke's budget for results nobody reads (the
/// letters typed still match as a word).
fn wants_prefix(tokens: &[(String, std::ops::Range<usize>)]) -> bool {
    tokens.last().is_some_and(|(t, _)| {
        let cjk = t.chars().next().is_some_and(is_cjk);
        let n = t.chars().count();
        if cjk { n == 1 } else { n >= 3 }
    })
}

/// The filters as queries (each must match; none scores), or why one cannot match.
fn filter_queries(
    filters: &Filters,
    f: &Fields,
    searcher: &Searcher,
) -> Result<Vec<Box<dyn TantivyQuery>>, Refusal> {
    let mut out: Vec<Box<dyn TantivyQuery>> = Vec::new();
    let exact = |field, value: &str| -> Box<dyn TantivyQuery> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    let absent = |field, value: &str| {
        searcher
            .doc_freq(&Term::from_field_text(field, value))
            .is_ok_and(|n| n == 0)
    };
    if let Some(o) = filters
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        if absent(f.outlet, o) {
            return Err(unknown_outlet(o, &field_terms(searcher, f.outlet)));
        }
        out.push(exact(f.outlet, o));
    }
    if let Some(l) = filters
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let l = l.to_lowercase();
        if absent(f.language, &l) {
            return Err(unknown_language(&l, &field_terms(searcher, f.language)));
        }
        out.push(exact(f.language, &l));
    }
    if let Some(s) = filters
        .spokesperson
        .as_deref()
        .map(name_key)
        .filter(|s| !s.is_empty())
    {
        out.push(spokesperson_query(&s, f, searcher)?);
    }
    let day = |s: &str| DateTime::from_timestamp_secs(dates::day_number(s) * 86_400);
    let from = filters.from.as_deref().and_then(dates::widen_start);
    let to = filters.to.as_deref().and_then(dates::widen_end);
    if let (Some(a), Some(b)) = (&from, &to)
        && a > b
    {
        return Err(Refusal::Unmatchable(format!(
            "the dates are reversed: from {a} to {b}; give the earlier day first"
        )));
    }
    if from.is_some() || to.is_some() {
        let bound = |d: Option<String>| match d {
            Some(d) => Bound::Included(Term::from_field_date_for_search(f.date, day(&d))),
            None => Bound::Unbounded,
        };
        out.push(Box::new(RangeQuery::new(bound(from), bound(to))));
    }
    Ok(out)
}

fn unknown_outlet(typed: &str, present: &[String]) -> Refusal {
    // The alias table is read only here, on the way to an error: `agence` suggests AFP.
    let (table, _) = Outlets::with_user_file();
    let close = suggest::outlets(typed, present, &table);
    let hint = if close.is_empty() {
        "; `briefings outlets` lists them".to_string()
    } else {
        format!("; did you mean {}?", close.join(", "))
    };
    Refusal::Unmatchable(format!(
        "no question from an outlet named \"{}\" in this corpus{hint}",
        escape_controls(typed)
    ))
}

fn unknown_language(typed: &str, present: &[String]) -> Refusal {
    let has = present.join(", ");
    Refusal::Unmatchable(if ["fr", "en", "zh"].contains(&typed) {
        format!("no conference in {typed} in this corpus (it has {has})")
    } else {
        format!(
            "\"{}\" is not a language of the corpus: use {has}",
            escape_controls(typed)
        )
    })
}

/// Every term of an untokenised field (outlets, languages, name keys: a few hundred at most).
fn field_terms(searcher: &Searcher, field: tantivy::schema::Field) -> Vec<String> {
    let mut terms = std::collections::BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                terms.insert(term.to_string());
            }
        }
    }
    terms.into_iter().collect()
}

/// Names containing `needle`: the handful of spokesperson terms is scanned in full.
fn spokesperson_query(
    needle: &str,
    f: &Fields,
    searcher: &Searcher,
) -> Result<Box<dyn TantivyQuery>, Refusal> {
    let names = field_terms(searcher, f.spokesperson_key);
    let terms: Vec<Term> = names
        .iter()
        .filter(|name| name.contains(needle))
        .map(|name| Term::from_field_text(f.spokesperson_key, name))
        .collect();
    if terms.is_empty() {
        return Err(Refusal::Unmatchable(format!(
            "no spokesperson's name contains \"{}\" (the corpus has {})",
            escape_controls(needle),
            names.join(", ")
        )));
    }
    Ok(Box::new(TermSetQuery::new(terms)))
}

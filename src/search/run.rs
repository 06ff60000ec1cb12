//! Running queries against an opened index: ranked hits, counts, outlet listings.

use std::collections::HashMap;
use std::time::Instant;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query as TantivyQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyDocument, Term};

use super::OutletSummary;
use super::schema::{Fields, rank_day, rank_turn};
use super::store::Opened;
use super::{
    DEFAULT_LIMIT, Highlighter, Hit, IndexError, Query, Results, Sort, TurnRef, dates, query,
    snippet,
};

fn err(e: impl std::fmt::Display) -> IndexError {
    IndexError(format!("search failed: {e}"))
}

/// The `rank` fast field of a segment (0 where missing, which sorts last).
fn rank_column(segment: &SegmentReader) -> impl Fn(DocId) -> u64 + use<> {
    let column = segment
        .fast_fields()
        .u64("rank")
        .ok()
        .map(|c| c.first_or_default_col(0));
    move |doc| column.as_ref().map_or(0, |c| c.get_val(doc))
}

/// Top hits as (score, rank, address), and the total count.
type Ranked = (Vec<(Score, u64, DocAddress)>, usize);

fn ranked(
    searcher: &Searcher,
    query: &dyn TantivyQuery,
    limit: usize,
    sort: Sort,
) -> tantivy::Result<Ranked> {
    let top = TopDocs::with_limit(limit);
    Ok(match sort {
        // Sort keys carry (score, rank) so ties go to the newest turn.
        Sort::Relevance => {
            let top = top.tweak_score(|seg: &SegmentReader| {
                let rank = rank_column(seg);
                move |doc: DocId, score: Score| (score, rank(doc))
            });
            let (hits, total) = searcher.search(query, &(top, Count))?;
            (
                hits.into_iter().map(|((s, r), a)| (s, r, a)).collect(),
                total,
            )
        }
        Sort::Newest => {
            let top = top.tweak_score(|seg: &SegmentReader| {
                let rank = rank_column(seg);
                move |doc: DocId, score: Score| (rank(doc), score)
            });
            let (hits, total) = searcher.search(query, &(top, Count))?;
            (
                hits.into_iter().map(|((r, s), a)| (s, r, a)).collect(),
                total,
            )
        }
    })
}

/// Runs `q`: top `limit` hits with snippets, and the total count.
pub(super) fn search(o: &Opened, q: &Query) -> Result<Results, IndexError> {
    let started = Instant::now();
    let searcher = o.reader.searcher();
    let built = match query::build(q, &o.fields, &searcher) {
        Ok(built) => built,
        Err(refusal) => {
            return Ok(Results {
                elapsed: started.elapsed(),
                refusal: Some(refusal),
                ..Results::default()
            });
        }
    };
    let limit = if q.limit == 0 { DEFAULT_LIMIT } else { q.limit };
    // tantivy allocates the whole top-k heap up front: a `--limit` of a billion
    // aborted the process and `usize::MAX` overflowed inside it. No query can
    // return more hits than there are turns, so that bounds the heap.
    let turns = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let limit = limit.min(turns.max(1));
    let (top, total) = ranked(&searcher, &*built.query, limit, q.sort).map_err(err)?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, rank, address) in top {
        let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
        hits.push(hit(&o.fields, &doc, score, rank, &built.highlighter));
    }
    Ok(Results {
        hits,
        total,
        elapsed: started.elapsed(),
        highlighter: built.highlighter,
        refusal: None,
    })
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

fn hit(f: &Fields, doc: &TantivyDocument, score: Score, rank: u64, h: &Highlighter) -> Hit {
    let language = text(doc, f.language).unwrap_or_default().to_string();
    let question = text(doc, f.question).unwrap_or_default();
    let answer = text(doc, f.answer).unwrap_or_default();
    let snippet = snippet::for_turn(question, answer, |t| h.ranges_in(t, Some(&language)));
    Hit {
        conference: text(doc, f.conference).unwrap_or_default().to_string(),
        turn: doc
            .get_first(f.turn)
            .and_then(|v| v.as_u64())
            .map_or_else(|| rank_turn(rank), |t| t as usize),
        date: dates::civil_from_days(rank_day(rank)),
        language,
        outlet: text(doc, f.outlet).map(str::to_string),
        spokesperson: text(doc, f.spokesperson).map(str::to_string),
        score,
        snippet,
    }
}

/// Questions asked by `outlet`: newest day first, then conference, then turn order.
pub(super) fn outlet_turns(o: &Opened, outlet: &str) -> Result<Vec<TurnRef>, IndexError> {
    let f = &o.fields;
    let searcher = o.reader.searcher();
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            term_query(Term::from_field_text(f.outlet, outlet)),
        ),
        (
            Occur::Must,
            term_query(Term::from_field_u64(f.is_question, 1)),
        ),
    ]);
    let docs = searcher.search(&query, &DocSetCollector).map_err(err)?;
    let mut out: Vec<(i64, String, usize)> = Vec::with_capacity(docs.len());
    let mut name = String::new();
    for address in docs {
        let seg = searcher.segment_reader(address.segment_ord);
        let rank = rank_column(seg)(address.doc_id);
        let conference = seg
            .fast_fields()
            .str("conference")
            .map_err(err)?
            .and_then(|col| {
                let ord = col.term_ords(address.doc_id).next()?;
                col.ord_to_str(ord, &mut name).ok()?.then(|| name.clone())
            })
            .unwrap_or_default();
        out.push((rank_day(rank), conference, rank_turn(rank)));
    }
    out.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    Ok(out
        .into_iter()
        .map(|(day, conference, turn)| TurnRef {
            conference,
            turn,
            date: dates::civil_from_days(day),
        })
        .collect())
}

fn term_query(t: Term) -> Box<dyn TantivyQuery> {
    Box::new(TermQuery::new(t, IndexRecordOption::Basic))
}

/// Every outlet with its number of questions and the days of its first and
/// last question, most questions first (ties by name): read from fast fields
/// only, so it costs a pass over the turns' columns, not over the corpus files.
pub(super) fn outlet_summary(o: &Opened) -> Result<Vec<OutletSummary>, IndexError> {
    let searcher = o.reader.searcher();
    // Per outlet: questions, first day, last day.
    let mut totals: HashMap<String, (usize, i64, i64)> = HashMap::new();
    for seg in searcher.segment_readers() {
        let Some(outlets) = seg.fast_fields().str("outlet").map_err(err)? else {
            continue;
        };
        let is_question = seg.fast_fields().u64("is_question").map_err(err)?;
        let rank = rank_column(seg);
        let mut per_ord: HashMap<u64, (usize, i64, i64)> = HashMap::new();
        for doc in seg.doc_ids_alive() {
            if is_question.first(doc) == Some(1) {
                let day = rank_day(rank(doc));
                for ord in outlets.term_ords(doc) {
                    let e = per_ord.entry(ord).or_insert((0, day, day));
                    *e = (e.0 + 1, e.1.min(day), e.2.max(day));
                }
            }
        }
        let mut name = String::new();
        for (ord, (n, first, last)) in per_ord {
            if outlets.ord_to_str(ord, &mut name).map_err(err)? {
                let e = totals.entry(name.clone()).or_insert((0, first, last));
                *e = (e.0 + n, e.1.min(first), e.2.max(last));
            }
        }
    }
    let mut out: Vec<OutletSummary> = totals
        .into_iter()
        .map(|(outlet, (questions, first, last))| OutletSummary {
            outlet,
            questions,
            first: dates::civil_from_days(first),
            last: dates::civil_from_days(last),
        })
        .collect();
    out.sort_by(|a, b| {
        b.questions
            .cmp(&a.questions)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    Ok(out)
}

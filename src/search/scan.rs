//! Every turn a query matches, read from the index's columns (no stored text):
//! what counts and charts are made of, so they agree with `search`'s total.

use std::collections::HashMap;

use tantivy::collector::{Collector, DocSetCollector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument, Term,
};

use super::schema::{rank_day, rank_turn};
use super::store::Opened;
use super::{Highlighter, IndexError, Query, Refusal, dates, query};

/// One matching turn as the index's columns describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub conference: String,
    /// 0-based index into the conference's `turns`.
    pub turn: usize,
    /// ISO day.
    pub date: String,
    pub language: String,
    pub outlet: Option<String>,
    /// Whether the turn is a question (not an unasked statement).
    pub question: bool,
}

/// The stored text of one turn, and who spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnText {
    pub question: String,
    pub answer: String,
    pub language: String,
    pub spokesperson: Option<String>,
}

fn err(e: impl std::fmt::Display) -> IndexError {
    IndexError(format!("search failed: {e}"))
}

/// Every turn a query matches, and why it was not run when it was not.
#[derive(Debug, Default)]
pub struct Matches {
    /// Newest first, then by conference and turn order.
    pub(crate) turns: Vec<Matched>,
    /// Finds the query's words in a turn's text.
    pub(crate) highlighter: Highlighter,
    /// Set when the query was refused (then `turns` is empty), as in `Results`.
    pub(crate) refusal: Option<Refusal>,
}

/// Every turn `q` matches: exactly the set `search` counts (the same checks, the same query).
pub(super) fn matches(o: &Opened, q: &Query) -> Result<Matches, IndexError> {
    let searcher = o.reader.searcher();
    let built = match query::build(q, &o.fields, &searcher) {
        Ok(b) => b,
        Err(refusal) => {
            return Ok(Matches {
                refusal: Some(refusal),
                ..Matches::default()
            });
        }
    };
    let turns = searcher.search(&*built.query, &Columns).map_err(err)?;
    Ok(Matches {
        turns,
        highlighter: built.highlighter,
        refusal: None,
    })
}

/// Every question turn of the corpus, newest first.
pub(super) fn questions(o: &Opened) -> Result<Vec<Matched>, IndexError> {
    let searcher = o.reader.searcher();
    let q = TermQuery::new(
        Term::from_field_u64(o.fields.is_question, 1),
        IndexRecordOption::Basic,
    );
    searcher.search(&q, &Columns).map_err(err)
}

/// The document of turn `turn` of `conference`, if indexed.
pub(super) fn find(
    o: &Opened,
    conference: &str,
    turn: usize,
) -> Result<Option<TantivyDocument>, IndexError> {
    let searcher = o.reader.searcher();
    let q = TermQuery::new(
        Term::from_field_text(o.fields.conference, conference),
        IndexRecordOption::Basic,
    );
    for address in searcher.search(&q, &DocSetCollector).map_err(err)? {
        let seg = searcher.segment_reader(address.segment_ord);
        let rank = seg.fast_fields().u64("rank").map_err(err)?;
        if rank.first(address.doc_id).map(rank_turn) == Some(turn) {
            return searcher.doc(address).map(Some).map_err(err);
        }
    }
    Ok(None)
}

/// The stored text of a turn found by [`find`].
pub(super) fn turn_text(o: &Opened, doc: &TantivyDocument) -> TurnText {
    let text = |f| {
        doc.get_first(f)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let spokesperson = text(o.fields.spokesperson);
    TurnText {
        question: text(o.fields.question),
        answer: text(o.fields.answer),
        language: text(o.fields.language),
        spokesperson: (!spokesperson.is_empty()).then_some(spokesperson),
    }
}

/// The rows of these documents, in their order.
pub(super) fn rows_at(
    searcher: &Searcher,
    addresses: &[DocAddress],
) -> Result<Vec<Matched>, IndexError> {
    let mut out = Vec::with_capacity(addresses.len());
    for a in addresses {
        let mut columns = Columns
            .for_segment(a.segment_ord, searcher.segment_reader(a.segment_ord))
            .map_err(err)?;
        columns.docs.push(a.doc_id);
        out.extend(columns.harvest());
    }
    Ok(out)
}

/// Collects [`Matched`] rows from fast fields.
struct Columns;

struct SegmentColumns {
    rank: Option<Column<u64>>,
    question: Option<Column<u64>>,
    conference: Option<StrColumn>,
    language: Option<StrColumn>,
    outlet: Option<StrColumn>,
    docs: Vec<DocId>,
}

impl Collector for Columns {
    type Fruit = Vec<Matched>;
    type Child = SegmentColumns;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentColumns> {
        let ff = segment.fast_fields();
        Ok(SegmentColumns {
            rank: ff.u64("rank").ok(),
            question: ff.u64("is_question").ok(),
            conference: ff.str("conference")?,
            language: ff.str("language")?,
            outlet: ff.str("outlet")?,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Matched>>) -> tantivy::Result<Vec<Matched>> {
        let mut all: Vec<Matched> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.conference.cmp(&b.conference))
                .then(a.turn.cmp(&b.turn))
        });
        Ok(all)
    }
}

/// The string of a document's first ordinal in `col`, memoised per ordinal.
fn lookup(col: Option<&StrColumn>, doc: DocId, memo: &mut HashMap<u64, String>) -> Option<String> {
    let col = col?;
    let ord = col.term_ords(doc).next()?;
    if let Some(s) = memo.get(&ord) {
        return Some(s.clone());
    }
    let mut s = String::new();
    col.ord_to_str(ord, &mut s).ok()?.then_some(())?;
    memo.insert(ord, s.clone());
    Some(s)
}

impl SegmentCollector for SegmentColumns {
    type Fruit = Vec<Matched>;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.docs.push(doc);
    }

    fn harvest(self) -> Vec<Matched> {
        let (mut conferences, mut languages, mut outlets) =
            (HashMap::new(), HashMap::new(), HashMap::new());
        let mut days: HashMap<i64, String> = HashMap::new();
        self.docs
            .iter()
            .map(|&doc| {
                let rank = self.rank.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                let day = rank_day(rank);
                Matched {
                    conference: lookup(self.conference.as_ref(), doc, &mut conferences)
                        .unwrap_or_default(),
                    turn: rank_turn(rank),
                    date: days
                        .entry(day)
                        .or_insert_with(|| dates::civil_from_days(day))
                        .clone(),
                    language: lookup(self.language.as_ref(), doc, &mut languages)
                        .unwrap_or_default(),
                    outlet: lookup(self.outlet.as_ref(), doc, &mut outlets),
                    question: self.question.as_ref().and_then(|c| c.first(doc)) == Some(1),
                }
            })
            .collect()
    }
}

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

/// The strings of the documents' first ordinals in `col`, read in one pass over the
/// dictionary: looking ordinals up one by one decompressed a dictionary block each time
/// (a trend of 85,000 turns spent most of its 300 ms creating zstd contexts).
struct Strings {
    ords: Vec<Option<u64>>,
    text: HashMap<u64, String>,
}

impl Strings {
    fn of(col: Option<&StrColumn>, docs: &[DocId]) -> Strings {
        let Some(col) = col else {
            return Strings {
                ords: vec![None; docs.len()],
                text: HashMap::new(),
            };
        };
        let ords: Vec<Option<u64>> = docs.iter().map(|&d| col.term_ords(d).next()).collect();
        let mut wanted: Vec<u64> = ords.iter().flatten().copied().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut text = HashMap::with_capacity(wanted.len());
        let mut next = wanted.iter();
        // A dictionary that cannot be read leaves the strings out, as a missing value does.
        let _ = col.dictionary().sorted_ords_to_term_cb(&wanted, |bytes| {
            if let Some(&ord) = next.next() {
                text.insert(ord, String::from_utf8_lossy(bytes).into_owned());
            }
        });
        Strings { ords, text }
    }

    /// The string of the `i`-th document.
    fn get(&self, i: usize) -> Option<String> {
        self.ords[i].and_then(|o| self.text.get(&o).cloned())
    }
}

impl SegmentCollector for SegmentColumns {
    type Fruit = Vec<Matched>;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.docs.push(doc);
    }

    fn harvest(self) -> Vec<Matched> {
        let conferences = Strings::of(self.conference.as_ref(), &self.docs);
        let languages = Strings::of(self.language.as_ref(), &self.docs);
        let outlets = Strings::of(self.outlet.as_ref(), &self.docs);
        let mut days: HashMap<i64, String> = HashMap::new();
        self.docs
            .iter()
            .enumerate()
            .map(|(i, &doc)| {
                let rank = self.rank.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                let day = rank_day(rank);
                Matched {
                    conference: conferences.get(i).unwrap_or_default(),
                    turn: rank_turn(rank),
                    date: days
                        .entry(day)
                        .or_insert_with(|| dates::civil_from_days(day))
                        .clone(),
                    language: languages.get(i).unwrap_or_default(),
                    outlet: outlets.get(i),
                    question: self.question.as_ref().and_then(|c| c.first(doc)) == Some(1),
                }
            })
            .collect()
    }
}

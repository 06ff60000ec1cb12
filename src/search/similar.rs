//! The answers most like one turn's answer: tantivy's `MoreLikeThis` over the
//! answer's distinctive stems (tf·idf, common words left out), same language.

use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query as TantivyQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};

use super::IndexError;
use super::analyzers::Analysis;
use super::scan::{self, Matched};
use super::store::Opened;

/// Terms of the source answer the query keeps (the most distinctive ones).
const MAX_TERMS: usize = 30;

/// A term in more than this share of turns is a common word, not wording.
const COMMON_SHARE: u64 = 10;

fn err(e: impl std::fmt::Display) -> IndexError {
    IndexError(format!("similar answers failed: {e}"))
}

/// Up to `limit` turns whose text is most like the answer of `turn` of
/// `conference`, best first, with their scores; `None` when the turn is not indexed.
pub(super) fn similar(
    o: &Opened,
    conference: &str,
    turn: usize,
    limit: usize,
) -> Result<Option<Vec<(Matched, f32)>>, IndexError> {
    let Some(doc) = scan::find(o, conference, turn)? else {
        return Ok(None);
    };
    let text = scan::turn_text(o, &doc);
    let searcher = o.reader.searcher();
    let field = o.fields.text(Analysis::stemmed_field_for(&text.language));
    let docs = searcher.num_docs().max(1);
    let like = MoreLikeThisQuery::builder()
        .with_min_doc_frequency(2)
        .with_max_doc_frequency((docs / COMMON_SHARE).max(2))
        .with_min_term_frequency(1)
        .with_max_query_terms(MAX_TERMS)
        .with_document_fields(vec![(field, vec![OwnedValue::Str(text.answer)])]);
    let query = BooleanQuery::new(vec![
        (Occur::Must, Box::new(like) as Box<dyn TantivyQuery>),
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(o.fields.language, &text.language),
                IndexRecordOption::Basic,
            )),
        ),
    ]);
    let top = searcher
        .search(&query, &TopDocs::with_limit(limit + 1).order_by_score())
        .map_err(err)?;
    let addresses: Vec<_> = top.iter().map(|(_, a)| *a).collect();
    let rows = scan::rows_at(&searcher, &addresses)?;
    let mut out: Vec<(Matched, f32)> = rows
        .into_iter()
        .zip(top.iter().map(|(s, _)| *s))
        .filter(|(m, _)| !(m.conference == conference && m.turn == turn))
        .collect();
    out.truncate(limit);
    Ok(Some(out))
}

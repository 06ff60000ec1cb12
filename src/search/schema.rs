//! The index schema: one document per turn, and how a turn becomes one.

use tantivy::schema::{
    DateOptions, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::{DateTime, TantivyDocument};

use super::analyzers::{Analysis, HAN_CHARS};
use super::dates;
use crate::model::{Conference, Turn, TurnKind};

/// Bumped whenever the schema or an analyzer changes what is indexed; a
/// different version in the index's stamp file forces a rebuild.
/// 1: stemmed fr/en + folded fields, Han bigrams, tantivy 0.27 (frostem stems).
/// 2: turns in other languages (zh) indexed in the English stemmed field too.
/// 3: the folded field without positions.
/// 4: text loaded through the one cleaning rule (NFC, no soft hyphens or zero-width spaces).
/// 5: words of exactly `MAX_TOKEN_BYTES` bytes indexed (the limit is inclusive, as said).
/// 6: every Han character also indexed alone (`han`), so one character finds text.
pub(crate) const SCHEMA_VERSION: u32 = 6;

/// Handles on every field of [`schema`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Fields {
    pub(crate) conference: Field,
    pub(crate) turn: Field,
    pub(crate) date: Field,
    pub(crate) language: Field,
    pub(crate) outlet: Field,
    pub(crate) spokesperson: Field,
    /// Spokesperson and speaker names, lowercased and folded, for substring filters.
    pub(crate) spokesperson_key: Field,
    /// 1 for questions, 0 for statements.
    pub(crate) is_question: Field,
    /// Day number << 16 | (0xFFFF − turn): newest first, transcript order within a day.
    pub(crate) rank: Field,
    pub(crate) question: Field,
    pub(crate) answer: Field,
    pub(crate) stem_fr: Field,
    pub(crate) stem_en: Field,
    pub(crate) folded: Field,
    /// Each Han character alone (`南`), without positions: what one typed character matches.
    pub(crate) han: Field,
}

impl Fields {
    /// The indexed text field for an analysis.
    pub(super) fn text(&self, a: Analysis) -> Field {
        match a {
            Analysis::StemFr => self.stem_fr,
            Analysis::StemEn => self.stem_en,
            Analysis::Folded => self.folded,
        }
    }

    /// Looks the fields up in an opened index's schema.
    pub(super) fn from_schema(schema: &Schema) -> Result<Fields, String> {
        let f = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| format!("the index has no field {name}"))
        };
        Ok(Fields {
            conference: f("conference")?,
            turn: f("turn")?,
            date: f("date")?,
            language: f("language")?,
            outlet: f("outlet")?,
            spokesperson: f("spokesperson")?,
            spokesperson_key: f("spokesperson_key")?,
            is_question: f("is_question")?,
            rank: f("rank")?,
            question: f("question")?,
            answer: f("answer")?,
            stem_fr: f("stem_fr")?,
            stem_en: f("stem_en")?,
            folded: f("folded")?,
            han: f("han")?,
        })
    }
}

/// The schema; text is stored once (question, answer) and indexed per analysis.
pub(super) fn schema() -> Schema {
    let mut b = Schema::builder();
    let exact = STRING | STORED | FAST;
    b.add_text_field("conference", exact.clone());
    b.add_u64_field("turn", STORED | FAST);
    b.add_date_field("date", DateOptions::from(INDEXED) | STORED | FAST);
    b.add_text_field("language", exact.clone());
    b.add_text_field("outlet", exact);
    b.add_text_field("spokesperson", STORED);
    b.add_text_field("spokesperson_key", STRING);
    b.add_u64_field("is_question", INDEXED | FAST);
    b.add_u64_field("rank", FAST);
    b.add_text_field("question", STORED);
    b.add_text_field("answer", STORED);
    for (name, a) in [
        ("stem_fr", Analysis::StemFr),
        ("stem_en", Analysis::StemEn),
        ("folded", Analysis::Folded),
    ] {
        // Phrases are matched in the stemmed fields; the folded field only
        // expands the word being typed, which needs no positions.
        let option = if a == Analysis::Folded {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::WithFreqsAndPositions
        };
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(a.name())
            .set_index_option(option);
        b.add_text_field(name, TextOptions::default().set_indexing_options(indexing));
    }
    let han = TextFieldIndexing::default()
        .set_tokenizer(HAN_CHARS)
        .set_index_option(IndexRecordOption::WithFreqs);
    b.add_text_field("han", TextOptions::default().set_indexing_options(han));
    b.build()
}

/// A name lowercased and accent-folded as one string, for substring matching.
pub(super) fn name_key(name: &str) -> String {
    let mut a = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = a.token_stream(name.trim());
    let mut out = String::new();
    while let Some(t) = stream.next() {
        out.push_str(&t.text);
    }
    out
}

/// The rank key: newest day first, then transcript order.
pub(super) fn rank(day: i64, turn: usize) -> u64 {
    let day = u64::try_from(day.max(0)).unwrap_or(0);
    (day << 16) | (0xFFFF - (turn.min(0xFFFF) as u64))
}

/// The day number back out of a rank key.
pub(super) fn rank_day(rank: u64) -> i64 {
    i64::try_from(rank >> 16).unwrap_or(0)
}

/// The turn index back out of a rank key.
pub(super) fn rank_turn(rank: u64) -> usize {
    (0xFFFF - (rank & 0xFFFF)) as usize
}

/// Paragraphs joined as the stored text of a question or an answer.
pub(super) fn join(paragraphs: &[String]) -> String {
    paragraphs.join("\n")
}

/// The document of turn `i` of `c`.
#[allow(clippy::many_single_char_names)] // f, c, i, t: the usual short names, d the document
pub(super) fn turn_doc(f: &Fields, c: &Conference, i: usize, t: &Turn) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    let day = dates::day_number(&c.date);
    d.add_text(f.conference, &c.id);
    d.add_u64(f.turn, i as u64);
    d.add_date(f.date, DateTime::from_timestamp_secs(day * 86_400));
    d.add_text(f.language, &c.language);
    if let Some(o) = &t.outlet {
        d.add_text(f.outlet, o);
    }
    let shown = c.spokesperson.as_ref().or(t.speaker.as_ref());
    if let Some(s) = shown {
        d.add_text(f.spokesperson, s);
    }
    for name in [&c.spokesperson, &t.speaker].into_iter().flatten() {
        d.add_text(f.spokesperson_key, name_key(name));
    }
    d.add_u64(f.is_question, u64::from(t.kind == TurnKind::Question));
    d.add_u64(f.rank, rank(day, i));
    let question = join(&t.question);
    let answer = join(&t.answer);
    let all = format!("{question}\n{answer}");
    d.add_text(f.text(Analysis::stemmed_field_for(&c.language)), &all);
    d.add_text(f.folded, &all);
    d.add_text(f.han, &all);
    d.add_text(f.question, question);
    d.add_text(f.answer, answer);
    d
}

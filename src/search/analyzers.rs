//! Text analysis: how turn text and query words become index terms, per language.
//!
//! One tokenizer serves every language: runs of letters and digits are words
//! (as `SimpleTokenizer` cuts them), and runs of Han/kana characters become
//! overlapping bigrams (`南海问题` → 南海 海问 问题); a word of n characters is
//! queried as the phrase of its n−1 bigrams, so 中美关系 matches exactly those
//! four characters in a row.
//!
//! Bigrams were chosen over a dictionary segmenter (tantivy-jieba 0.21, search
//! mode) after measuring both on the 18 Chinese fixtures (582 paragraphs,
//! 137 KB): 南海 / 台湾 / 中美关系 / 一带一路 / 外交部 find exactly the
//! paragraphs containing them with either (1 / 20 / 11 / 6 / 61). Over 696
//! words sampled from jieba's own segmentation of the fixtures (3,353
//! occurrences), bigrams missed none and added no false hit; jieba missed 71
//! (中华人民共和国 found in 1 paragraph of 15, 中方 in 253 of 255: the word was
//! cut differently in context). Over arbitrary 2–4 character substrings
//! bigrams found all, jieba missed 17%. Bigrams cost a larger index (261 KB
//! vs 148 KB for that text) but no 5 MB dictionary in the binary, and built
//! 2–3× faster.
//!
//! Because the same tokenizer runs for French and English text, Chinese quoted
//! in a French answer and Latin words in a Chinese one are findable in either.
//!
//! A single Han character (`南`) is no bigram: every Han character of a turn is
//! also indexed alone, in a field of its own ([`HAN_CHARS`], no positions), so
//! `南` is one posting list (南海, 南非, 海南 …) instead of a union of every
//! bigram holding it (30 ms per query on 743 Chinese conferences; see BENCH.md).

use frostem::Algorithm;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::stems::CachedStemmer;

/// Tokens longer than this (bytes) are noise (URLs, runs of digits) and dropped; a
/// word of exactly this many bytes is kept, as the refusal of a longer one says.
pub(super) const MAX_TOKEN_BYTES: usize = 40;

/// The analyses the index uses; each is registered under `name()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Analysis {
    /// Lowercased, accent-folded, French stems.
    StemFr,
    /// Lowercased, accent-folded, English stems.
    StemEn,
    /// Lowercased, accent-folded, unstemmed: every language, and the word being typed.
    Folded,
}

impl Analysis {
    pub(super) const ALL: [Analysis; 3] = [Analysis::StemFr, Analysis::StemEn, Analysis::Folded];

    /// The tokenizer name registered with the index.
    pub(super) fn name(self) -> &'static str {
        match self {
            Analysis::StemFr => "briefings_fr",
            Analysis::StemEn => "briefings_en",
            Analysis::Folded => "briefings_folded",
        }
    }

    /// The stemmed analysis for a conference language, if it has one.
    pub(super) fn stem_for(language: &str) -> Option<Analysis> {
        match language {
            "fr" => Some(Analysis::StemFr),
            "en" => Some(Analysis::StemEn),
            _ => None,
        }
    }

    /// The stemmed field a turn in `language` is indexed in: its own stemmer, or
    /// the English one for Chinese and other languages (their Han text becomes the
    /// same bigrams in every analysis; their Latin words get English stems). So the
    /// two stemmed fields together hold every turn, and exact words never need the
    /// folded field, which serves only the word being typed.
    pub(super) fn stemmed_field_for(language: &str) -> Analysis {
        Analysis::stem_for(language).unwrap_or(Analysis::StemEn)
    }

    /// A fresh analyzer (fold before stemming, so `cafe` and `café` share a stem).
    pub(super) fn analyzer(self) -> TextAnalyzer {
        let base = TextAnalyzer::builder(MixedTokenizer::default())
            // tantivy keeps tokens strictly shorter than its limit.
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES + 1))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter);
        match self {
            Analysis::StemFr => base.filter(CachedStemmer::new(Algorithm::French)).build(),
            Analysis::StemEn => base.filter(CachedStemmer::new(Algorithm::English)).build(),
            Analysis::Folded => base.build(),
        }
    }

    /// The terms of `text`, in order, with their byte ranges.
    pub(super) fn tokens(self, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        self.each_token(text, |t, r| out.push((t.to_string(), r)));
        out
    }

    /// Calls `f` with each term of `text` and its byte range, without
    /// allocating per token (snippets tokenise every hit's text per keystroke).
    pub(super) fn each_token(self, text: &str, mut f: impl FnMut(&str, std::ops::Range<usize>)) {
        CACHED.with(|cached| {
            let mut cached = cached.borrow_mut();
            let analyzer = &mut cached[self as usize];
            let mut stream = analyzer.token_stream(text);
            while let Some(t) = stream.next() {
                f(&t.text, t.offset_from..t.offset_to);
            }
        });
    }
}

thread_local! {
    /// Built analyzers, in `Analysis` order: building one (boxes, stemmer) per call is wasteful.
    static CACHED: std::cell::RefCell<Vec<TextAnalyzer>> =
        std::cell::RefCell::new(Analysis::ALL.iter().map(|a| a.analyzer()).collect());
}

/// Registers every analysis with an index (tokenizers are not stored in it).
pub(super) fn register(index: &tantivy::Index) {
    let manager = index.tokenizers();
    for a in Analysis::ALL {
        manager.register(a.name(), a.analyzer());
    }
    manager.register(HAN_CHARS, TextAnalyzer::from(HanChars::default()));
}

/// Words too common to be worth a mark (folded: lowercase, no accents): searched like
/// any other word, but outside a quoted phrase they are not highlighted, so the
/// words that matter stand out in snippets and the reader.
const STOP_WORDS: &[&str] = &[
    // French
    "a", "au", "aux", "ce", "ces", "cette", "d", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "il", "ils", "l", "la", "le", "les", "leur", "nous", "on", "ou", "par", "pas", "pour",
    "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vous", "y",
    // English
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "or",
    "that", "the", "this", "to", "was", "we", "with", // Chinese
    "的", "了", "是", "在", "和", "与", "及", "也", "都", "就", "而", "之", "着",
];

/// Whether `text` is one stop word ([`STOP_WORDS`]), in any case or accents (`À`, `Les`).
pub(super) fn is_stop_word(text: &str) -> bool {
    let mut found = None;
    let mut count = 0;
    Analysis::Folded.each_token(text, |t, _| {
        count += 1;
        found = Some(STOP_WORDS.contains(&t));
    });
    count == 1 && found == Some(true)
}

/// The tokenizer of the field holding every Han (and kana) character alone.
pub(super) const HAN_CHARS: &str = "briefings_han";

/// The piece's one Han character, when it is nothing else (`南`, ` 南 `): what the
/// single-character field answers.
pub(super) fn lone_han(text: &str) -> Option<char> {
    let mut chars = text.chars().filter(|c| c.is_alphanumeric());
    let c = chars.next()?;
    (is_cjk(c) && chars.next().is_none()).then_some(c)
}

/// Each Han/kana character of a text as a token of its own; everything else is skipped.
#[derive(Clone, Default)]
pub(super) struct HanChars {
    token: Token,
}

impl Tokenizer for HanChars {
    type TokenStream<'a> = HanStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> HanStream<'a> {
        self.token.reset();
        HanStream {
            chars: text.char_indices(),
            token: &mut self.token,
        }
    }
}

/// The stream of [`HanChars`].
pub(super) struct HanStream<'a> {
    chars: std::str::CharIndices<'a>,
    token: &'a mut Token,
}

impl TokenStream for HanStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((at, c)) = self.chars.find(|&(_, c)| is_cjk(c)) else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push(c);
        self.token.offset_from = at;
        self.token.offset_to = at + c.len_utf8();
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Whether `c` is written without spaces between words (Han, kana).
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{20000}'..='\u{2ffff}')
}

/// Words of letters/digits, and bigrams over runs of CJK characters.
#[derive(Clone, Default)]
pub(super) struct MixedTokenizer {
    token: Token,
}

impl Tokenizer for MixedTokenizer {
    type TokenStream<'a> = MixedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MixedStream<'a> {
        self.token.reset();
        MixedStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

/// The stream of [`MixedTokenizer`]; positions increase by one per token.
pub(super) struct MixedStream<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    pos: usize,
    token: &'a mut Token,
}

impl MixedStream<'_> {
    fn emit(&mut self, from: usize, to: usize) -> bool {
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }
}

impl TokenStream for MixedStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        let Some((skip, first)) = rest.char_indices().find(|&(_, c)| c.is_alphanumeric()) else {
            self.pos = self.text.len();
            return false;
        };
        let start = self.pos + skip;
        let after_first = start + first.len_utf8();
        if is_cjk(first) {
            // A bigram starting here, or the lone character ending a run.
            match self.text[after_first..].chars().next() {
                Some(second) if is_cjk(second) => {
                    self.pos = after_first;
                    // A run of one more character ends with this bigram: skip past it.
                    let end = after_first + second.len_utf8();
                    if !self.text[end..].chars().next().is_some_and(is_cjk) {
                        self.pos = end;
                    }
                    return self.emit(start, end);
                }
                _ => {
                    // A single CJK character only stands alone when it is its own run.
                    let prev_cjk = self.text[..start].chars().next_back().is_some_and(is_cjk);
                    self.pos = after_first;
                    if prev_cjk {
                        return self.advance();
                    }
                    return self.emit(start, after_first);
                }
            }
        }
        let end = self.text[after_first..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric() || is_cjk(c))
            .map_or(self.text.len(), |(i, _)| after_first + i);
        self.pos = end;
        self.emit(start, end)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::Analysis;

    fn terms(a: Analysis, text: &str) -> Vec<String> {
        a.tokens(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn han_runs_become_bigrams_and_words_stay_words() {
        assert_eq!(
            terms(Analysis::Folded, "南海问题"),
            ["南海", "海问", "问题"]
        );
        assert_eq!(terms(Analysis::Folded, "美"), ["美"]);
        assert_eq!(terms(Analysis::Folded, "中美，美"), ["中美", "美"]);
        assert_eq!(
            terms(Analysis::Folded, "APEC会议在Lima举行"),
            ["apec", "会议", "议在", "lima", "举行"]
        );
        assert_eq!(terms(Analysis::Folded, "l’État"), ["l", "etat"]);
    }

    #[test]
    fn every_han_character_is_also_a_token_alone() {
        use tantivy::tokenizer::{TextAnalyzer, TokenStream};
        let mut a = TextAnalyzer::from(super::HanChars::default());
        let mut stream = a.token_stream("南海 and 海南，APEC会议");
        let mut got = Vec::new();
        while let Some(t) = stream.next() {
            got.push(t.text.clone());
        }
        assert_eq!(got, ["南", "海", "海", "南", "会", "议"]);
        assert_eq!(super::lone_han(" 南 "), Some('南'));
        for stop in ["de", "La", "à", "the", "THE", "的", "l'"] {
            assert!(super::is_stop_word(stop), "{stop}");
        }
        for word in ["chine", "de la", "l'État", "南", "南海", "theory"] {
            assert!(!super::is_stop_word(word), "{word}");
        }
        for text in ["南海", "a", "南a", ""] {
            assert_eq!(super::lone_han(text), None, "{text}");
        }
    }

    #[test]
    fn folding_happens_before_stemming() {
        assert_eq!(
            terms(Analysis::StemFr, "sécurité"),
            terms(Analysis::StemFr, "securite")
        );
        assert_eq!(
            terms(Analysis::StemFr, "négociations"),
            terms(Analysis::StemFr, "négociation")
        );
        assert_eq!(
            terms(Analysis::StemEn, "tariffs"),
            terms(Analysis::StemEn, "tariff")
        );
        assert_eq!(
            terms(Analysis::StemFr, "南海问题"),
            ["南海", "海问", "问题"]
        );
    }

    #[test]
    fn offsets_are_bytes_of_the_original() {
        let text = "À l'ONU, 台湾问题";
        for (term, r) in Analysis::Folded.tokens(text) {
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "{term}"
            );
        }
    }
}

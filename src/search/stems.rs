//! A stemming filter that remembers its stems: indexing meets the same few
//! thousand words millions of times, and stemming each occurrence anew was a
//! quarter of the index build. Same stems as tantivy's `Stemmer` (same `frostem`).

use std::collections::HashMap;

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Bound on remembered words per analyzer, so an odd corpus cannot grow it without end.
const MAX_REMEMBERED: usize = 200_000;

/// The filter, for `TextAnalyzer::builder(..).filter(CachedStemmer::new(..))`.
#[derive(Clone, Copy)]
pub(super) struct CachedStemmer {
    algorithm: Algorithm,
}

impl CachedStemmer {
    pub(super) fn new(algorithm: Algorithm) -> Self {
        CachedStemmer { algorithm }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stemmer: Stemmer::new(self.algorithm),
            cache: HashMap::new(),
        }
    }
}

/// The wrapped tokenizer; each clone (one per indexing thread) has its own memory.
#[derive(Clone)]
pub(super) struct CachedStemmerFilter<T> {
    inner: T,
    stemmer: Stemmer,
    cache: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() > MAX_REMEMBERED {
            self.cache.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: self.stemmer,
            cache: &mut self.cache,
        }
    }
}

pub(super) struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: Stemmer,
    cache: &'a mut HashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(&token.text) {
            token.text.clone_from(stem);
        } else {
            let stem = self.stemmer.stem(&token.text).into_owned();
            self.cache
                .insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{Language, SimpleTokenizer, Stemmer as TantivyStemmer, TextAnalyzer};

    use super::*;

    fn stems(mut a: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while let Some(t) = s.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn the_same_stems_as_tantivys_stemmer_twice_over() {
        let text =
            "négociations negociation tariffs tariff internationale coopération négociations";
        for (ours, theirs) in [
            (Algorithm::French, Language::French),
            (Algorithm::English, Language::English),
        ] {
            let cached = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(CachedStemmer::new(ours))
                .build();
            let plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(TantivyStemmer::new(theirs))
                .build();
            let twice = format!("{text} {text}");
            assert_eq!(stems(cached, &twice), stems(plain, &twice));
        }
    }
}

//! Update transitions over a fixture corpus.

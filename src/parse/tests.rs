//! Unit tests of the parser on small inline transcripts, one per quirk.

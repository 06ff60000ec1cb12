//! End-to-end tests of the search module on small inline corpora.

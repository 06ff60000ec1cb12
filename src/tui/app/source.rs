//! Where conferences come from: the corpus on disk, or a list held in memory (tests).

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::model::Conference;

/// The conferences the browser reads, one at a time.
pub(crate) enum Source {
    Corpus(Arc<Corpus>),
    /// Conferences held in memory (tests, embedders).
    #[allow(dead_code)] // built by the tests
    Memory(Vec<Conference>),
}

impl Source {
    /// One conference by id, or a sentence saying why it cannot be read.
    pub(crate) fn load(&self, id: &str) -> Result<Conference, String> {
        match self {
            Source::Corpus(c) => c.load(id).map_err(|p| p.to_string()),
            Source::Memory(list) => list
                .iter()
                .find(|c| c.id == id)
                .cloned()
                .ok_or_else(|| format!("no conference with id {id}")),
        }
    }

    /// What the status line calls this corpus.
    pub(crate) fn describe(&self) -> String {
        match self {
            Source::Corpus(c) if c.is_sample() => "illustrative sample".into(),
            Source::Corpus(c) => c.describe(),
            Source::Memory(_) => "in-memory corpus".into(),
        }
    }
}

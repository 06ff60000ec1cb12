//! Opens a corpus together with its search index: the one place where corpus and search meet.

use crate::corpus::{Corpus, cache_dir_for};
use crate::search::{IndexError, SearchIndex};

/// The index for `corpus`: in memory for the sample, else the cached one on
/// disk, rebuilt when missing, stale or corrupt (the note says why).
pub fn open_index(corpus: &Corpus) -> Result<(SearchIndex, Option<String>), IndexError> {
    match corpus.path() {
        None => {
            let (confs, _) = corpus.load_all();
            Ok((SearchIndex::in_memory(&confs)?, None))
        }
        Some(dir) => {
            let index_dir = cache_dir_for(dir).join("index");
            SearchIndex::open_or_build(&index_dir, corpus.stamp(), || corpus.load_all().0)
        }
    }
}

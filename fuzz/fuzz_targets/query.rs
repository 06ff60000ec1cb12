//! Fuzz the query parser and a search over a small in-memory index: never an error, never a panic.
#![no_main]

use std::sync::OnceLock;

use briefings::corpus::Corpus;
use briefings::outlets::Outlets;
use briefings::search::SearchIndex;
use libfuzzer_sys::fuzz_target;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let (confs, _) = Corpus::sample().load_all();
        SearchIndex::in_memory(&confs).expect("sample index")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let outlets = Outlets::builtin();
    let mut q = briefings::search::parse_query(text, &outlets);
    q.limit = 10;
    q.prefix_last = data.len() % 2 == 0;
    index().search(&q).expect("a query is never an error");
});

//! Fuzz the corpus loader on arbitrary bytes taken as a conference file; what loads must be clean.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(c) = briefings::corpus::conference_from_json(data) {
        let all = std::iter::once(&c.title)
            .chain(c.turns.iter().flat_map(|t| t.question.iter().chain(&t.answer)));
        for s in all {
            assert!(!s.contains('\u{1b}'), "an escape survived loading");
        }
    }
});

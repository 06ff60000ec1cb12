//! Inputs that once crashed a fuzz target, minimised, kept so they never crash again.
//! (Found with `cargo fuzz run <target>`; see README "Reliability".)

use briefings::import::conferences_from;
use briefings::outlets::Outlets;

/// Each case: fuzz target, what went wrong, the minimised input.
const CASES: &[(&str, &str, &[u8])] = &[
    (
        "parse_html",
        "a tag left open at the end of the page, ending in a multi-byte character: \
         its attributes were cut one byte before the end, inside the character",
        "<p 中".as_bytes(),
    ),
    (
        "parse_html",
        "the same inside an article body, after real paragraphs",
        "<div class=\"content\"><p>AFP : Une question ?</p><p>Guo Jiakun : Oui.</p><span 记者"
            .as_bytes(),
    ),
];

#[test]
fn former_crashes_now_parse_or_fail_cleanly() {
    let outlets = Outlets::builtin();
    for (target, why, input) in CASES {
        let name = if *target == "parse_html" {
            "crash.html"
        } else {
            "crash.txt"
        };
        // Ok or a clean error: either way, no panic.
        let outcome = std::panic::catch_unwind(|| conferences_from(name, input, &outlets));
        assert!(outcome.is_ok(), "{target} panics again: {why}");
    }
}

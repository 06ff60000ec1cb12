//! Fuzz the transcript parser on arbitrary bytes taken as a text file.
#![no_main]

use briefings::outlets::Outlets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let outlets = Outlets::builtin();
    let _ = briefings::import::conferences_from("fuzz.txt", data, &outlets);
});

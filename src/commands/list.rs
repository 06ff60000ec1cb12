//! `briefings list`: conferences, newest first.

use super::out::outln;
use crate::library::Library;

pub(super) fn run(library: &Library, json: bool) -> Result<u8, String> {
    let (entries, problems) = library.catalog();
    super::report_problems(&problems);
    if json {
        super::print_json(&entries)?;
        return Ok(0);
    }
    for e in &entries {
        outln!(
            "{:<16} {} {:<2} {:<16} {:>3} turns  {}",
            e.id,
            e.date,
            e.language,
            e.spokesperson.as_deref().unwrap_or("?"),
            e.turns,
            e.title
        )?;
    }
    Ok(0)
}

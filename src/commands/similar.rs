//! `briefings similar ID TURN`: the answers most like one turn's, oldest first,
//! with the wording they share with it in [brackets].

use super::out::outln;
use super::search::{emphasise, with_index};
use crate::cli::SimilarArgs;
use crate::library::Library;
use crate::text::escape_controls;

pub(super) fn run(library: &Library, a: &SimilarArgs) -> Result<u8, String> {
    let (found, _) = with_index(library, |index| {
        crate::analysis::similar(index, &a.id, a.turn, a.limit)
    })?;
    let Some(s) = found else {
        eprintln!("{}", super::export::no_turn(&a.id, a.turn));
        return Ok(1);
    };
    if a.json {
        super::print_json(&s)?;
        return Ok(0);
    }
    let width = super::output_width().saturating_sub(4).max(10);
    for x in &s.similar {
        outln!(
            "{} {} #{} {} · {} (score {:.1})",
            x.date,
            x.language,
            x.turn + 1,
            x.outlet.as_deref().unwrap_or("—"),
            x.conference,
            x.score
        )?;
        let marked = escape_controls(&emphasise(&x.answer, &x.shared));
        for line in crate::wrap::wrap(&marked, width) {
            outln!("    {line}")?;
        }
    }
    eprintln!(
        "{} answers like {} #{}",
        s.similar.len(),
        s.source.conference,
        s.source.turn + 1
    );
    Ok(0)
}

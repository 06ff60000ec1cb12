//! `briefings similar ID TURN`: the answers most like one turn's, oldest first,
//! with the wording they share with it in [brackets].

use super::out::outln;
use super::search::with_index;
use crate::cli::SimilarArgs;
use crate::library::Library;

pub(super) fn run(library: &Library, a: &SimilarArgs) -> Result<u8, String> {
    // An unknown id is said as such, not as a missing turn.
    super::export::load(library, &a.id)?;
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
    let colour = super::marks::colour_wanted();
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
        for line in super::marks::marked_lines(&x.answer, &x.shared, width, colour) {
            outln!("    {line}")?;
        }
    }
    eprintln!(
        "{} like {} #{}",
        super::counted(s.similar.len(), "answer"),
        s.source.conference,
        s.source.turn + 1
    );
    Ok(0)
}

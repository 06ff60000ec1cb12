//! `briefings kwic`: the concordance of a query, every match aligned in one column.

use super::columns::{keep_end, keep_start, pad_left, width};
use super::out::outln;
use super::search::{query_of, say_refusal, with_index};
use crate::analysis::{Concordance, Line, Order, sort_lines};
use crate::cli::KwicArgs;
use crate::library::Library;
use crate::text::escape_controls;

/// Turns read per page in date order: the first lines print before the rest are read.
const PAGE: usize = 100;

pub(super) fn run(library: &Library, a: &KwicArgs) -> Result<u8, String> {
    let q = query_of(&a.q);
    let limit = a.limit.unwrap_or(usize::MAX);
    let columns = super::output_width();
    let (mut c, index) = with_index(library, |index| Concordance::new(index, &q, a.width))?;
    if say_refusal(c.refusal()) == Some(2) {
        return Ok(2);
    }
    let more = |c: &mut Concordance, want| {
        crate::search::quietly(|| c.more(&index, want)).map_err(|e| e.to_string())
    };
    if a.sort == Order::Date && !a.json {
        // Date order needs no sorting: the first lines print before the rest are read.
        let mut printed = 0;
        while printed < limit {
            let page = more(&mut c, PAGE)?;
            if page.is_empty() {
                break;
            }
            for l in page.iter().take(limit - printed) {
                print(l, columns)?;
                printed += 1;
            }
        }
        eprintln!(
            "{} from {}",
            super::counted(printed, "line"),
            super::counted(c.turns(), "turn")
        );
        return Ok(0);
    }
    let mut lines = more(&mut c, usize::MAX)?;
    sort_lines(&mut lines, a.sort);
    lines.truncate(limit);
    if a.json {
        super::print_json(&lines)?;
    } else {
        for l in &lines {
            print(l, columns)?;
        }
    }
    eprintln!(
        "{} from {}",
        super::counted(lines.len(), "line"),
        super::counted(c.turns(), "turn")
    );
    Ok(0)
}

/// `date lang  …left context [match] right context…`, the match at one column for every line.
fn print(l: &Line, columns: usize) -> Result<(), String> {
    let head = format!("{} {:<2} ", l.date, l.language);
    let room = columns.saturating_sub(width(&head)).max(20);
    let left_w = room * 2 / 5;
    let keyword = escape_controls(&l.keyword);
    let rest = room.saturating_sub(left_w + 3);
    let keyword = keep_start(&keyword, rest.min(40));
    let right_w = rest.saturating_sub(width(&keyword));
    outln!(
        "{head}{} [{keyword}] {}",
        pad_left(&keep_end(&escape_controls(&l.left), left_w), left_w),
        keep_start(&escape_controls(&l.right), right_w)
    )
}

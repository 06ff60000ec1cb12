//! `briefings diff ID` and `diff --all --json`: what one language's version
//! of a conference has and another lacks.

use std::fmt::Write as _;

use crate::library::Library;
use crate::text::escape_controls;
use crate::versions::differences::{Differences, compare};

/// Exit 0; 1 for an unknown id.
pub(super) fn run(library: &Library, id: Option<&str>, json: bool) -> Result<u8, String> {
    let all = match id {
        Some(id) => {
            let Some(conf) = super::show::load_or_say(library, id) else {
                return Ok(1);
            };
            crate::versions::load(library, &conf)
                .iter()
                .map(|other| compare(&conf, other))
                .collect()
        }
        None => corpus_wide(library),
    };
    if json {
        super::print_json(&all)?;
    } else {
        super::out::write(&render(&all, id.is_some()))?;
    }
    Ok(0)
}

/// Every pair of versions in the corpus (each pair once), with a difference.
fn corpus_wide(library: &Library) -> Vec<Differences> {
    let (entries, _) = library.catalog();
    let mut out = Vec::new();
    for e in &entries {
        // Each pair once: from the version whose language sorts first.
        let later: Vec<&String> = e
            .versions
            .iter()
            .filter(|(lang, _)| lang.as_str() > e.language.as_str())
            .map(|(_, id)| id)
            .collect();
        if later.is_empty() {
            continue;
        }
        let Ok(conf) = library.corpus().load(&e.id) else {
            continue;
        };
        for id in later {
            if let Ok(other) = library.corpus().load(id) {
                let d = compare(&conf, &other);
                if !d.is_empty() {
                    out.push(d);
                }
            }
        }
    }
    out
}

/// One block per pair of versions.
fn render(all: &[Differences], one: bool) -> String {
    let mut out = String::new();
    if all.is_empty() {
        out.push_str(if one {
            "no version in another language\n"
        } else {
            "no differences between versions\n"
        });
    }
    for d in all {
        let _ = writeln!(out, "{} ↔ {}", d.conference, d.version);
        if d.is_empty() {
            out.push_str("  same questions, answers of comparable length\n");
        }
        for o in &d.only_in {
            let who = o.outlet.as_deref().unwrap_or("a journalist");
            let _ = writeln!(
                out,
                "  only in {}: [{}] {}: {}",
                o.language,
                o.turn + 1,
                escape_controls(who),
                escape_controls(&o.question)
            );
        }
        for s in &d.shorter {
            let _ = writeln!(
                out,
                "  answer much shorter in {}: [{}] (beside {} [{}]): {:.0}% of the expected length",
                s.language,
                s.turn + 1,
                s.other_language,
                s.other_turn + 1,
                s.share * 100.0
            );
        }
    }
    out
}

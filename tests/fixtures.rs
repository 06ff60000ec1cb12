//! Transcripts parsed and compared with how a careful reader splits them (`labels.jsonl`).
//!
//! Two sets: this project's own short transcripts in `tests/fixtures/` (always run; what a
//! fresh clone tests parsing on), and every real transcript of the shared corpus
//! (`../shared/corpus`, or `$BRIEFINGS_SHARED/corpus`; skipped with one line when absent).
//! Prints the score (files exactly right, turns right) and a diff per file, and fails below 100%.

use crate::support;

use briefings::model::{Turn, TurnKind};
use briefings::outlets::Outlets;
use briefings::parse::{Parsed, ParsedConference, parse_bytes};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// Gold labels left out of the comparison, with the reason (none so far).
const EXCLUDED: &[(&str, &str)] = &[];

/// One turn reduced to what the labels record.
#[derive(Debug, PartialEq)]
struct Seen {
    kind: &'static str,
    asker: Option<String>,
    outlet: Option<String>,
    follow_up: bool,
    answered: bool,
    /// Compared only where the label gives it (the shared labels predate the field).
    after_conference: Option<bool>,
}

impl Seen {
    fn of_turn(t: &Turn) -> Self {
        match t.kind {
            TurnKind::Statement => Seen::statement(),
            TurnKind::Question => Seen {
                kind: "question",
                asker: (!t.asker.is_empty()).then(|| t.asker.clone()),
                outlet: t.outlet.clone(),
                follow_up: t.follow_up,
                answered: !t.answer.is_empty(),
                after_conference: Some(t.after_conference),
            },
        }
    }

    fn of_label(v: &Value) -> Self {
        if v["kind"] == "statement" {
            return Seen::statement();
        }
        Seen {
            kind: "question",
            asker: v["asker"].as_str().map(str::to_string),
            outlet: v["outlet"].as_str().map(str::to_string),
            follow_up: v["follow_up"].as_bool().unwrap_or(false),
            answered: v["answered"].as_bool().unwrap_or(false),
            after_conference: v["after_conference"].as_bool(),
        }
    }

    fn statement() -> Self {
        Seen {
            kind: "statement",
            asker: None,
            outlet: None,
            follow_up: false,
            answered: true,
            after_conference: None,
        }
    }
}

/// Compares one file; returns (turns right, turns expected, diff lines).
fn compare(label: &Value, got: &[ParsedConference]) -> (usize, usize, Vec<String>) {
    let mut diff = Vec::new();
    let want = label["conferences"].as_array().cloned().unwrap_or_default();
    let bilingual = label["language"] == "zh+en";
    let (zh, en): (Vec<_>, Vec<_>) = got.iter().partition(|c| !bilingual || c.language == "zh");
    if want.len() != zh.len() {
        diff.push(format!(
            "conferences: want {}, got {}",
            want.len(),
            zh.len()
        ));
    }
    if bilingual {
        for (i, z) in zh.iter().enumerate() {
            match en.get(i) {
                Some(e) if e.turns.len() == z.turns.len() => {}
                Some(e) => diff.push(format!(
                    "en conference {i}: {} turns, zh has {}",
                    e.turns.len(),
                    z.turns.len()
                )),
                None => diff.push(format!("en conference {i} missing")),
            }
        }
    }
    let (mut right, mut total) = (0, 0);
    for (i, w) in want.iter().enumerate() {
        let wt: Vec<Seen> = w["turns"]
            .as_array()
            .map(|a| a.iter().map(Seen::of_label).collect())
            .unwrap_or_default();
        total += wt.len();
        let Some(c) = zh.get(i) else { continue };
        for (field, want, got) in [
            ("date", w["date"].as_str(), c.date.as_deref()),
            (
                "spokesperson",
                w["spokesperson"].as_str(),
                c.spokesperson.as_deref(),
            ),
        ] {
            if want != got {
                diff.push(format!(
                    "conference {i} {field}: want {want:?}, got {got:?}"
                ));
            }
        }
        let gt: Vec<Seen> = c
            .turns
            .iter()
            .zip(
                wt.iter()
                    .map(|w| w.after_conference.is_some())
                    .chain(std::iter::repeat(false)),
            )
            .map(|(t, given)| Seen {
                after_conference: Seen::of_turn(t).after_conference.filter(|_| given),
                ..Seen::of_turn(t)
            })
            .collect();
        for k in 0..wt.len().max(gt.len()) {
            match (wt.get(k), gt.get(k)) {
                (Some(a), Some(b)) if a == b => right += 1,
                (a, b) => diff.push(format!(
                    "conference {i} turn {k}: want {a:?}\n{:>24}got  {b:?}",
                    ""
                )),
            }
        }
    }
    (right, total, diff)
}

/// What the own fixtures check beyond the shared corpus's comparison: titles as printed,
/// and a warning exactly when the text is cut at its start or its end.
fn compare_strict(label: &Value, parsed: &Parsed) -> Vec<String> {
    let mut diff = Vec::new();
    let want = label["conferences"].as_array().cloned().unwrap_or_default();
    for (i, (w, c)) in want.iter().zip(&parsed.conferences).enumerate() {
        if w["title"].as_str() != c.title.as_deref() {
            diff.push(format!(
                "conference {i} title: want {:?}, got {:?}",
                w["title"].as_str(),
                c.title
            ));
        }
    }
    for (field, needle) in [
        ("truncated_end", "cut"),
        ("truncated_start", "middle of an answer"),
    ] {
        let want = label[field].as_bool().unwrap_or(false);
        let got = parsed.warnings.iter().any(|w| w.message.contains(needle));
        if want != got {
            diff.push(format!(
                "{field}: want {want}, got {got} (warnings {:?})",
                parsed.warnings
            ));
        }
    }
    diff
}

/// Parses every file `dir/labels.jsonl` names and compares; fails below 100%.
fn score(dir: &Path, strict: bool) {
    let (files_right, files, turns_right, turns, report) = measure(dir, strict);
    assert_eq!(
        (files_right, turns_right),
        (files, turns),
        "score below 100% in {}:\n{report}",
        dir.display()
    );
}

/// Parses and compares every labelled file of `dir`: (files right, files, turns right, turns, diff).
fn measure(dir: &Path, strict: bool) -> (usize, usize, usize, usize, String) {
    let labels = std::fs::read_to_string(dir.join("labels.jsonl"))
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.join("labels.jsonl").display()));
    let outlets = Outlets::builtin();
    let (mut files_right, mut files, mut turns_right, mut turns) = (0, 0, 0, 0);
    let mut report = String::new();
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let label: Value = serde_json::from_str(line).expect("labels.jsonl line is JSON");
        let file = label["file"]
            .as_str()
            .expect("label has a file")
            .to_string();
        if EXCLUDED.iter().any(|(f, _)| *f == file) {
            continue;
        }
        let bytes = std::fs::read(dir.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        files += 1;
        let (right, total, diff) = match parse_bytes(&file, &bytes, &outlets) {
            Ok(parsed) => {
                let (right, total, mut diff) = compare(&label, &parsed.conferences);
                if strict {
                    diff.extend(compare_strict(&label, &parsed));
                }
                (right, total, diff)
            }
            Err(p) => (0, 1, vec![format!("error line {}: {}", p.line, p.message)]),
        };
        turns_right += right;
        turns += total;
        if diff.is_empty() {
            files_right += 1;
        } else {
            let _ = writeln!(report, "--- {file}");
            for d in diff {
                let _ = writeln!(report, "    {d}");
            }
        }
    }
    println!("{report}");
    println!(
        "{}: files {files_right}/{files}, turns {turns_right}/{turns}",
        dir.display()
    );
    assert!(files > 0, "no labelled files found in {}", dir.display());
    (files_right, files, turns_right, turns, report)
}

/// The held-out copies of issue 13 (blog, forum and news reprints, PDF pastes, bilingual pages):
/// scored and printed; fails if the score falls below what the parser reached (files, turns).
#[test]
fn messy_copies_match_their_labels() {
    let (files_right, files, turns_right, turns, report) =
        measure(&support::fixtures().join("messy"), false);
    assert!(
        files_right >= 23 && turns_right >= 64,
        "messy copies: files {files_right}/{files}, turns {turns_right}/{turns}\n{report}"
    );
}

#[test]
fn own_fixtures_match_their_labels() {
    score(&support::fixtures(), true);
}

#[test]
fn every_corpus_file_matches_its_labels() {
    let Some(shared) = support::shared() else {
        return;
    };
    score(&shared.join("corpus"), false);
}

#[test]
fn own_html_page_decodes_entities_and_drops_tags() {
    let file = "html/2023-04-12_wang.html";
    let bytes = std::fs::read(support::fixture(file)).expect("read the fixture");
    let parsed = parse_bytes(file, &bytes, &Outlets::builtin()).expect("the page parses");
    let turns = &parsed.conferences[0].turns;
    assert_eq!(
        turns[0].question,
        // `&nbsp;` is made a plain space; the narrow no-break space (`&#8239;`) is kept.
        ["La visite du président « renforcera » les liens\u{202f}? Qu’en pense la Chine\u{202f}?"]
    );
    assert_eq!(
        turns[0].answer,
        [
            "Les relations sino-françaises sont à un niveau élevé.",
            "Nous saluons la visite & ses résultats."
        ]
    );
    // An unknown name stays as printed; a NUL or a lone surrogate becomes U+FFFD.
    assert_eq!(
        turns[1].question,
        ["Une réaction au rapport sur les semi-conducteurs ? &bogus; \u{fffd} \u{fffd}"]
    );
}

//! Bounded property tests: the parser, the loader and the query path never panic and never
//! let a control character through, on arbitrary bytes, arbitrary UTF-8 and mutated real
//! transcripts. `PROP_CASES` raises the number of cases (default keeps CI fast).

use crate::support;

use briefings::corpus::{Corpus, conference_from_json};
use briefings::import::conferences_from;
use briefings::model::Conference;
use briefings::outlets::Outlets;
use briefings::search::{SearchIndex, parse_query};
use std::path::Path;

/// `SplitMix64`: small, deterministic, good enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn cases() -> usize {
    std::env::var("PROP_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(300)
}

/// Pieces that tend to hit the parser's interesting paths.
const PIECES: &[&str] = &[
    " : ",
    ": ",
    "：",
    "\u{a0}:",
    "\u{3000}",
    "\n",
    "\n\n",
    "AFP",
    "Q",
    "问",
    "答",
    "追问：",
    "Follow-up:",
    "Guo Jiakun",
    "郭嘉昆",
    "<p>",
    "</p>",
    "<br>",
    "<strong>",
    "&nbsp;",
    "&#x1b;",
    "&amp;",
    "<div class=\"content\">",
    "2025-07-29",
    "Conférence de presse du 29 juillet 2025",
    "***",
    "\u{1b}[31m",
    "\u{1b}]52;c;eA==\u{7}",
    "\u{202e}",
    "《",
    "》",
    "\r\n",
    "\u{feff}",
    "é",
    "中",
    "\u{0}",
];

/// Every transcript under `dir`'s language folders, by name.
fn texts_in(dir: &Path, langs: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for lang in langs {
        for e in std::fs::read_dir(dir.join(lang)).unwrap().flatten() {
            out.push((
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            ));
        }
    }
    out.sort();
    out
}

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..=rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 => {
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                v.splice(at..at, p.iter().copied());
            }
            1 if !v.is_empty() => {
                let end = (at + rng.below(200)).min(v.len());
                v.drain(at.min(end)..end);
            }
            2 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            3 => v.truncate(at),
            _ => {
                let len = rng.below(40);
                let start = rng.below(base.len().saturating_sub(len) + 1);
                let chunk = base[start..(start + len).min(base.len())].to_vec();
                v.splice(at..at, chunk);
            }
        }
    }
    v
}

fn assert_clean(c: &Conference, what: &str) {
    let strings = [&c.title, &c.id, &c.date, &c.language]
        .into_iter()
        .chain(c.spokesperson.iter())
        .chain(c.turns.iter().flat_map(|t| {
            t.question
                .iter()
                .chain(&t.answer)
                .chain(std::iter::once(&t.asker))
                .chain(t.outlet.iter())
                .chain(t.speaker.iter())
        }));
    for s in strings {
        assert!(
            !s.chars().any(|ch| ch.is_control()
                || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{what}: control character survived in {s:?}"
        );
    }
}

#[test]
fn parser_survives_arbitrary_bytes_and_utf8() {
    let outlets = Outlets::builtin();
    let mut rng = Rng(1);
    for i in 0..cases() {
        let len = rng.below(2000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let name = if i % 2 == 0 { "x.txt" } else { "x.html" };
        let _ = conferences_from(name, &bytes, &outlets);
        let text: String = (0..len / 4)
            .map(|_| char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('?'))
            .collect();
        if let Ok(got) = conferences_from(name, text.as_bytes(), &outlets) {
            for c in &got.conferences {
                assert_clean(c, "arbitrary utf-8");
            }
        }
        let pieces: String = (0..rng.below(60))
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect();
        if let Ok(got) = conferences_from(name, pieces.as_bytes(), &outlets) {
            for c in &got.conferences {
                assert_clean(c, &format!("pieces {pieces:?}"));
            }
        }
    }
}

/// Mutates `texts` (and the same wrapped as an HTML page): no panic, nothing unclean.
fn parser_survives_mutations_of(texts: &[(String, Vec<u8>)], seed: u64) {
    let outlets = Outlets::builtin();
    let mut rng = Rng(seed);
    for _ in 0..cases() {
        let (name, base) = &texts[rng.below(texts.len())];
        let m = mutate(&mut rng, base);
        if let Ok(got) = conferences_from(name, &m, &outlets) {
            for c in &got.conferences {
                assert_clean(c, name);
            }
        }
        // The same text wrapped as an HTML page.
        let html = format!(
            "<html><body><div class=\"content\"><p>{}</p></div></body></html>",
            String::from_utf8_lossy(&m).replace("\n\n", "</p><p>")
        );
        let _ = conferences_from("page.html", html.as_bytes(), &outlets);
    }
}

#[test]
fn parser_survives_mutated_real_transcripts() {
    let Some(shared) = support::shared() else {
        return;
    };
    parser_survives_mutations_of(&texts_in(&shared.join("corpus"), &["fr", "en", "zh"]), 2);
}

#[test]
fn parser_survives_mutated_own_transcripts() {
    let own = texts_in(&support::fixtures(), &["fr", "en", "zh", "html"]);
    parser_survives_mutations_of(&own, 4);
}

#[test]
fn loader_survives_mutated_conference_json() {
    let (confs, _) = Corpus::sample().load_all();
    let mut rng = Rng(3);
    for _ in 0..cases() {
        let base = serde_json::to_vec(&confs[rng.below(confs.len())]).unwrap();
        let m = mutate(&mut rng, &base);
        if let Ok(c) = conference_from_json(&m) {
            assert_clean(&c, "mutated json");
        }
    }
}

#[test]
fn queries_never_error() {
    let (confs, _) = Corpus::sample().load_all();
    let index = SearchIndex::in_memory(&confs).unwrap();
    let outlets = Outlets::builtin();
    let mut rng = Rng(4);
    let words = [
        "sécurité",
        "\"",
        "AND",
        "OR",
        "-",
        "*",
        "outlet:",
        "lang:",
        "((",
        ")",
        "2024..",
        "..",
        "南海",
        "~",
        "^",
        ":",
        "\\",
        "outlet:\"AFP",
        "\u{0}",
        "NOT",
        "+",
        "[",
        "]",
        "{",
        "}",
    ];
    for i in 0..cases() {
        let text: String = (0..rng.below(12))
            .map(|_| words[rng.below(words.len())])
            .collect::<Vec<_>>()
            .join(if i % 3 == 0 { "" } else { " " });
        let mut q = parse_query(&text, &outlets);
        q.limit = 5;
        q.prefix_last = i % 2 == 0;
        index.search(&q).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
    let mut q = parse_query(&"négociation ".repeat(1000), &outlets);
    q.limit = 5;
    index.search(&q).unwrap();
}

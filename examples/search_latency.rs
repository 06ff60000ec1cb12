//! Per-keystroke search latency on a generated corpus of 125k turns.
//!
//! `cargo run --release --example search_latency [TURNS]`: builds (once) an
//! index in the temp dir from words of the French fixtures, then replays typed
//! queries one keystroke at a time and prints median / p99 per keystroke.

use std::time::Instant;

use briefings::model::{Conference, Turn};
use briefings::search::{Query, SearchIndex};

fn words() -> Vec<String> {
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/fr");
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        out.extend(text.split_whitespace().map(str::to_string));
    }
    if out.is_empty() {
        out = "la chine coopération sécurité internationale"
            .split(' ')
            .map(String::from)
            .collect();
    }
    out
}

fn corpus(turns: usize) -> Vec<Conference> {
    let words = words();
    let mut seed: u64 = 42;
    let mut next = move |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % n
    };
    let outlets = [
        "CCTV",
        "AFP",
        "Reuters",
        "Bloomberg",
        "AFP",
        "CCTV",
        "Rudaw",
    ];
    let mut out = Vec::new();
    for c in 0..turns / 25 {
        let day = c % 28 + 1;
        let month = c / 28 % 12 + 1;
        let year = 2002 + c / 336;
        let mut conf: Conference = serde_json::from_str(&format!(
            r#"{{"id":"{year}-{month:02}-{day:02}-fr","date":"{year}-{month:02}-{day:02}","language":"fr","spokesperson":"Guo Jiakun"}}"#
        ))
        .expect("valid json");
        for _ in 0..25 {
            let outlet = outlets[next(outlets.len())].to_string();
            // ~1 KB per turn: a question of 25 words (start of a run), an answer of 150.
            let mut para = |n: usize| {
                let start = next(words.len().saturating_sub(n).max(1));
                words[start..(start + n).min(words.len())].join(" ")
            };
            let mut t = Turn::question(outlet.clone(), Some(outlet), vec![para(25)]);
            t.answer = vec![para(80), para(70)];
            conf.turns.push(t);
        }
        out.push(conf);
    }
    out
}

fn main() {
    let turns: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(125_000);
    let dir = std::env::temp_dir().join(format!("briefings-latency-{turns}"));
    let t = Instant::now();
    let (index, note) =
        SearchIndex::open_or_build(&dir, turns as u64, || corpus(turns)).expect("index");
    println!(
        "open/build: {:?} ({note:?}), {:?}",
        t.elapsed(),
        index.stats()
    );
    let typed = [
        "coopération internationale",
        "sécurité régionale",
        "Etats-Unis négociations",
        "mer de Chine méridionale",
        "taiwan",
        "a",
        "outlet:afp chine",
    ];
    let outlets = briefings::outlets::Outlets::builtin();
    let mut times = Vec::new();
    for _round in 0..5 {
        for text in typed {
            for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let mut q: Query = briefings::search::parse_query(&text[..end], &outlets);
                q.prefix_last = true;
                q.limit = std::env::var("LIMIT")
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(50);
                let t = Instant::now();
                let r = index.search(&q).expect("search");
                times.push(t.elapsed());
                std::hint::black_box(r.total);
            }
        }
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "{} keystrokes (top LIMIT + count + snippets): median {:?}, p90 {:?}, p99 {:?}, max {:?}",
        times.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        times[times.len() - 1]
    );
}

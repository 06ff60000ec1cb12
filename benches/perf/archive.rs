//! The whole-archive point of `shared/bench/README.md`: 20,000 conferences in
//! French, English and Chinese — first frame, keystroke p99, RSS while browsing.
//!
//! The corpus (`target/bench-corpus/archive-<n>-<seed>`, reused while its
//! marker says it is complete): one conference per working day and language
//! from January 2003, the same days in the three languages. The French third
//! is the generated benchmark corpus (`benchgen`), imported by the release
//! binary. The English and Chinese thirds are drawn from the real transcripts
//! of the local mirror (synced by the sync rows): each conference takes a real
//! one of its language as its model (spokesperson, number of turns) and draws
//! its turns, seeded, from every real turn of that language, so vocabulary,
//! lengths and outlets are real. They are saved as conference files, the
//! corpus format, and `briefings index` builds the index over all three.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use briefings::corpus::{conference_from_json, save_conference};
use briefings::model::Conference;

use super::benchgen::calendar::{Date, working_days};
use super::benchgen::rng::Rng;
use super::process;
use super::stats::{median, percentile};
use super::{browse, corpus, sync, tui};

/// Bumped whenever the archive for a given seed changes.
const VERSION: u32 = 1;

const LANGUAGES: [&str; 3] = ["fr", "en", "zh"];

/// A built archive: its corpus and cache, and what it holds.
pub struct Archive {
    pub corpus: PathBuf,
    cache: PathBuf,
    pub conferences: usize,
    pub turns: usize,
    /// `briefings index` over the whole archive, when it was built in this run.
    index_s: Option<f64>,
}

/// The rows, measured `runs` times over (the archive built first when needed).
pub fn measure(
    binary: &Path,
    work: &Path,
    shared: &Path,
    count: usize,
    seed: u64,
    runs: usize,
) -> Result<String, String> {
    let archive = ensure(binary, work, shared, count, seed)?;
    eprintln!(
        "archive of {} conferences: browsing ×{runs}",
        archive.conferences
    );
    let mut keys = Vec::new();
    let (mut rss, mut open, mut catalog) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs.max(1) {
        let s = browse::measure(&archive.corpus, &archive.cache)?;
        if let Some(note) = &s.note {
            eprintln!("  note on open: {note}");
        }
        keys.extend(s.keys_ms.iter().copied());
        rss.push(s.peak_rss as f64 / 1e6);
        open.push(s.open_ms);
        catalog.push(s.catalog_ms);
    }
    eprintln!("archive: TUI first frame ×{runs}");
    let frames = tui::first_frame(binary, &archive.corpus, &archive.cache, runs)?;
    let first = median(&frames);
    let p99 = percentile(&keys, 99.0);
    let peak = median(&rss);
    let index = archive
        .index_s
        .map_or("(built in an earlier run)".to_string(), |s| {
            format!("{s:.1}")
        });
    Ok(format!(
        "| whole archive: {} conferences fr/en/zh, {} turns | median | ÷ budget | target |\n|---|---|---|---|\n\
         | TUI: start → first full frame, whole process (ms) | {first:.1} | {:.2}× | ≤ 100 ms |\n\
         | keystroke → hits+counts+snippets p99 (ms) | {p99:.2} | {:.2}× | ≤ 10 ms |\n\
         | keystroke → hits+counts+snippets p50 (ms) | {:.2} | | — |\n\
         | peak RSS while browsing (MB) | {peak:.0} | {:.2}× | ≤ 250 MB |\n\
         | open the index (ms) | {:.2} | | — |\n\
         | load the catalogue (ms) | {:.2} | | — |\n\
         | `briefings index` over the archive (s) | {index} | | — |\n\
         ({} keystrokes over {} sessions)",
        archive.conferences,
        archive.turns,
        first / 100.0,
        p99 / 10.0,
        percentile(&keys, 50.0),
        peak / 250.0,
        median(&open),
        median(&catalog),
        keys.len(),
        runs.max(1),
    ))
}

/// The archive on disk, built unless a complete one of this version is there.
pub fn ensure(
    binary: &Path,
    work: &Path,
    shared: &Path,
    count: usize,
    seed: u64,
) -> Result<Archive, String> {
    let home = work.join(format!("archive-{count}-{seed}"));
    let (corpus, cache) = (home.join("corpus"), home.join("cache"));
    let marker = home.join("built.txt");
    if let Some((conferences, turns)) = fs::read_to_string(&marker)
        .ok()
        .and_then(|t| read_marker(&t))
    {
        return Ok(Archive {
            corpus,
            cache,
            conferences,
            turns,
            index_s: None,
        });
    }
    if home.exists() {
        fs::remove_dir_all(&home).map_err(|e| format!("{}: cannot clear: {e}", home.display()))?;
    }
    let per_language = count.div_ceil(LANGUAGES.len());
    let run = |args: &[&str]| -> Result<f64, String> {
        let ran = process::run(
            Command::new(binary)
                .args(args)
                .arg("--corpus")
                .arg(&corpus)
                .env("BRIEFINGS_CACHE", &cache),
        )?;
        if ran.output.status.success() {
            Ok(ran.wall.as_secs_f64())
        } else {
            Err(format!(
                "briefings {args:?}: {}",
                process::last_error_line(&ran.output)
            ))
        }
    };
    // French: the generated transcripts, imported.
    let french = corpus::ensure(work, per_language, seed);
    eprintln!("archive: importing {per_language} French transcripts");
    run(&["import", &french.raw.to_string_lossy()])?;
    // English and Chinese: drawn from the real ones of the mirror.
    let real = sync::mirror_corpus(binary, work, shared)?;
    let pool = real_conferences(&real)?;
    let days = working_days(per_language);
    for lang in ["en", "zh"] {
        let models = pool
            .get(lang)
            .filter(|m| !m.is_empty())
            .ok_or_else(|| format!("{}: no {lang} conference synced", real.display()))?;
        eprintln!("archive: writing {per_language} {lang} conferences");
        let turns: Vec<&briefings::model::Turn> = models.iter().flat_map(|c| &c.turns).collect();
        for (i, day) in days.iter().enumerate() {
            let mut rng = Rng::derive(seed ^ u64::from(lang.as_bytes()[0]), i as u64);
            let conf = drawn(models, &turns, *day, lang, &mut rng);
            save_conference(&corpus, &conf).map_err(|e| e.to_string())?;
        }
    }
    eprintln!("archive: briefings index");
    let index_s = run(&["index"])?;
    let (conferences, turns) = count_corpus(&corpus)?;
    fs::write(
        &marker,
        format!("version={VERSION}\nconferences={conferences}\nturns={turns}\n"),
    )
    .map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(Archive {
        corpus,
        cache,
        conferences,
        turns,
        index_s: Some(index_s),
    })
}

/// One conference of `lang` on `day`: a real one's spokesperson and length, turns drawn from all.
fn drawn(
    models: &[Conference],
    turns: &[&briefings::model::Turn],
    day: Date,
    lang: &str,
    rng: &mut Rng,
) -> Conference {
    let model = &models[rng.below(models.len())];
    let mut conf = model.clone();
    conf.id = format!("{}-{lang}", day.iso());
    conf.date = day.iso();
    conf.source = None;
    conf.published = None;
    let who = conf.spokesperson.clone().unwrap_or_default();
    conf.title = if lang == "zh" {
        format!(
            "{}年{}月{}日外交部发言人{who}主持例行记者会",
            day.year, day.month, day.day
        )
    } else {
        format!(
            "Foreign Ministry Spokesperson {who}'s Regular Press Conference on {}",
            day.iso()
        )
    };
    let n = model.turns.len().max(1);
    conf.turns = (0..n)
        .map(|_| turns[rng.below(turns.len())].clone())
        .collect();
    conf
}

/// The synced real conferences by language.
fn real_conferences(corpus: &Path) -> Result<HashMap<String, Vec<Conference>>, String> {
    let dir = corpus.join("conferences");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    // Name order: the same draws on every machine.
    files.sort();
    let mut out: HashMap<String, Vec<Conference>> = HashMap::new();
    for f in files {
        let bytes = fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let conf = conference_from_json(&bytes)
            .map_err(|(line, m)| format!("{}:{line}: {m}", f.display()))?;
        out.entry(conf.language.clone()).or_default().push(conf);
    }
    Ok(out)
}

/// Conferences and turns in the corpus folder.
fn count_corpus(corpus: &Path) -> Result<(usize, usize), String> {
    let (mut confs, mut turns) = (0, 0);
    for e in fs::read_dir(corpus.join("conferences")).map_err(|e| e.to_string())? {
        let path = e.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|x| x == "json") {
            let c = conference_from_json(&fs::read(&path).map_err(|e| e.to_string())?)
                .map_err(|(_, m)| format!("{}: {m}", path.display()))?;
            confs += 1;
            turns += c.turns.len();
        }
    }
    Ok((confs, turns))
}

fn read_marker(text: &str) -> Option<(usize, usize)> {
    let get = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
    };
    if get("version")? != VERSION.to_string() {
        return None;
    }
    Some((
        get("conferences")?.parse().ok()?,
        get("turns")?.parse().ok()?,
    ))
}

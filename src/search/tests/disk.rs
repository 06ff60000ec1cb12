//! On-disk behaviour: rebuilds, corruption, updates seen by another reader, locks.

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::{conference, corpus, question, text_query};
use crate::model::Conference;
use crate::search::SearchIndex;

fn fresh_dir(name: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!(
        "briefings-search-{name}-{}-{nanos}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn never() -> Vec<Conference> {
    panic!("the index should have been reused, not rebuilt")
}

fn hits(ix: &SearchIndex, text: &str) -> usize {
    ix.search(&text_query(text)).unwrap().total
}

#[test]
fn built_when_missing_reused_when_current_rebuilt_when_stamp_changes() {
    let dir = fresh_dir("stamp");
    let (ix, note) = SearchIndex::open_or_build(&dir, 1, corpus).unwrap();
    assert_eq!(note.as_deref(), Some("index missing"));
    let (docs, bytes) = ix.stats();
    assert_eq!(docs, 8);
    assert!(bytes > 0);
    drop(ix);
    let (ix, note) = SearchIndex::open_or_build(&dir, 1, never).unwrap();
    assert_eq!(note, None);
    assert_eq!(hits(&ix, "南海"), 1);
    drop(ix);
    let (ix, note) = SearchIndex::open_or_build(&dir, 2, || corpus().into_iter().take(1)).unwrap();
    assert!(note.unwrap().contains("corpus changed"));
    assert_eq!(ix.stats().0, 3);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Files of the committed segments, largest first.
fn segment_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            ["idx", "pos", "term", "store", "fast", "fieldnorm"].contains(&ext)
        })
        .map(|p| (std::fs::metadata(&p).map_or(0, |m| m.len()), p))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    files.into_iter().map(|(_, p)| p).collect()
}

/// Builds, damages, reopens: the damage must be reported and the index work again.
fn survives(name: &str, damage: impl Fn(&Path)) {
    let dir = fresh_dir(name);
    drop(SearchIndex::open_or_build(&dir, 7, corpus).unwrap());
    // File times tick in coarse steps (a few ms): let the damage land on a later tick,
    // as any real damage does, so the cheap "files unchanged" check notices it.
    std::thread::sleep(std::time::Duration::from_millis(30));
    damage(&dir);
    let (ix, note) = SearchIndex::open_or_build(&dir, 7, corpus).unwrap();
    let note = note.unwrap_or_default();
    assert!(
        note.starts_with("index damaged, rebuilt: ") && note.contains(&*dir.to_string_lossy()),
        "{name}: {note}"
    );
    // A sentence and the path, never tantivy's Debug text (`DataCorruption { … Some(…) }`).
    assert!(
        !note.contains('{') && !note.contains("Some("),
        "{name}: {note}"
    );
    assert_eq!(hits(&ix, "南海"), 1, "{name}");
    assert_eq!(ix.stats().0, 8, "{name}");
    drop(ix);
    assert_eq!(
        SearchIndex::open_or_build(&dir, 7, never).unwrap().1,
        None,
        "{name}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_truncated_segment_file_is_rebuilt() {
    for n in 0..3 {
        survives(&format!("truncated{n}"), |dir| {
            let files = segment_files(dir);
            let f = OpenOptions::new().write(true).open(&files[n]).unwrap();
            let len = f.metadata().unwrap().len();
            f.set_len(len / 2).unwrap();
        });
    }
}

#[test]
fn a_garbled_segment_file_is_rebuilt() {
    for n in 0..3 {
        survives(&format!("garbled{n}"), |dir| {
            let files = segment_files(dir);
            let mut f = OpenOptions::new().write(true).open(&files[n]).unwrap();
            let len = f.metadata().unwrap().len();
            f.seek(SeekFrom::Start(len / 3)).unwrap();
            f.write_all(&[0xA5; 16]).unwrap();
        });
    }
}

#[test]
fn a_missing_or_garbage_meta_json_is_rebuilt() {
    survives("nometa", |dir| {
        std::fs::remove_file(dir.join("meta.json")).unwrap();
    });
    survives("junkmeta", |dir| {
        std::fs::write(dir.join("meta.json"), "{{{ not json").unwrap();
    });
    survives("junkstamp", |dir| {
        std::fs::write(dir.join(crate::search::store::STAMP_FILE), "\u{0}garbage").unwrap();
    });
}

#[test]
fn updates_are_seen_by_another_instance_after_reload() {
    let dir = fresh_dir("update");
    let (first, _) = SearchIndex::open_or_build(&dir, 1, corpus).unwrap();
    let (second, note) = SearchIndex::open_or_build(&dir, 1, never).unwrap();
    assert_eq!(note, None);
    let mut replaced = corpus().remove(0);
    replaced.turns.truncate(1);
    let added = conference(
        "2025-07-01-fr",
        "fr",
        "Lin Jian",
        vec![question("AFP", "Et le Groenland ?", "Pas de commentaire.")],
    );
    let removed = vec!["2023-01-05-fr".to_string()];
    SearchIndex::update(&dir, 2, &[replaced, added], &removed).unwrap();
    assert_eq!(hits(&second, "groenland"), 0, "manual reload policy");
    second.reload().unwrap();
    assert_eq!(hits(&second, "groenland"), 1);
    assert_eq!(second.stats().0, 8 - 3 + 1 - 1 + 1);
    assert_eq!(
        hits(&second, "négociation"),
        0,
        "replaced conference lost its turns"
    );
    first.reload().unwrap();
    assert_eq!(hits(&first, "groenland"), 1);
    drop((first, second));
    let (third, note) = SearchIndex::open_or_build(&dir, 2, never).unwrap();
    assert_eq!(note, None, "update recorded the new stamp");
    assert_eq!(third.outlet_turns("AFP").unwrap()[0].date, "2025-07-01");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn update_without_an_index_leaves_it_to_the_next_open() {
    let dir = fresh_dir("noindex");
    SearchIndex::update(&dir, 3, &corpus(), &[]).unwrap();
    let (_, note) = SearchIndex::open_or_build(&dir, 3, corpus).unwrap();
    assert!(note.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

const HOLD: &str = "BRIEFINGS_TEST_HOLD_WRITER";

#[test]
fn a_killed_writer_does_not_block_updates() {
    if let Ok(dir) = std::env::var(HOLD) {
        // Child side: hold the writer lock until killed.
        let index = tantivy::Index::open_in_dir(&dir).unwrap();
        let _writer = index
            .writer_with_num_threads::<tantivy::TantivyDocument>(1, 15_000_000)
            .unwrap();
        std::fs::write(Path::new(&dir).join("held"), "").unwrap();
        std::thread::sleep(Duration::from_secs(120));
        return;
    }
    let dir = fresh_dir("lock");
    drop(SearchIndex::open_or_build(&dir, 1, corpus).unwrap());
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "search::tests::disk::a_killed_writer_does_not_block_updates",
            "--exact",
            "--test-threads=1",
        ])
        .env(HOLD, &dir)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !dir.join("held").exists() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(dir.join("held").exists(), "the child never took the lock");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        dir.join(".tantivy-writer.lock").exists(),
        "the lock file stays behind"
    );
    let added = conference(
        "2025-08-01-en",
        "en",
        "Guo Jiakun",
        vec![question("AFP", "Greenland?", "No.")],
    );
    SearchIndex::update(&dir, 2, &[added], &[]).unwrap();
    let (ix, note) = SearchIndex::open_or_build(&dir, 2, never).unwrap();
    assert_eq!(note, None);
    assert_eq!(hits(&ix, "greenland"), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

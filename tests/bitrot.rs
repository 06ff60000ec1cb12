//! Index bit rot: bytes changed in the index files with their size and
//! modification time kept. Every search must then give the right results, or
//! say the index was damaged and rebuilt, then give the right results —
//! never a panic, never a silently wrong answer.

use crate::support;

use std::path::{Path, PathBuf};

use support::{App, stderr, stdout};

/// xorshift64*: a deterministic sequence per seed, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// The files of the index generation in use (tantivy's, `meta.json`, our stamp), sorted.
fn index_files(app: &App) -> Vec<PathBuf> {
    let cache = std::fs::read_dir(app.cache())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("a cache folder");
    let n = std::fs::read_to_string(cache.join("index-current")).unwrap();
    let dir = cache.join(format!("index-{}", n.trim()));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() > 0))
        .collect();
    files.sort();
    files
}

/// Flips bits of one byte in place, then puts the modification time back.
fn flip(path: &Path, offset: u64, mask: u8) {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap();
    let mut b = [0u8];
    f.seek(SeekFrom::Start(offset)).unwrap();
    f.read_exact(&mut b).unwrap();
    b[0] ^= mask;
    f.seek(SeekFrom::Start(offset)).unwrap();
    f.write_all(&b).unwrap();
    f.set_modified(mtime).unwrap();
}

fn search(app: &App) -> std::process::Output {
    app.run(&["search", "China", "--limit", "50", "--json"])
}

#[test]
fn thirty_seeds_of_flipped_bytes_never_panic_nor_mislead() {
    let (app, expected, outlets) = imported_with_answers("bitrot");
    assert!(
        expected.matches("\"conference\"").count() >= 4,
        "{expected}"
    );
    let mut rebuilt = 0;
    for seed in 1..=30u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let files = index_files(&app);
        let file = &files[(rng.next() % files.len() as u64) as usize];
        let len = std::fs::metadata(file).unwrap().len();
        let offset = rng.next() % len;
        let mask = (rng.next() % 255 + 1) as u8;
        flip(file, offset, mask);
        let what = format!(
            "seed {seed}: {} byte {offset} ^ {mask:#04x}",
            file.display()
        );
        let o = search(&app);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{what}:\n{err}");
        assert!(!err.contains("panicked"), "{what}:\n{err}");
        assert_eq!(stdout(&o), expected, "{what}: wrong results\n{err}");
        if err.contains("rebuilt") {
            rebuilt += 1;
        }
        // And the outlet figures, from the same index.
        let o = app.run(&["outlets", "--json"]);
        assert_eq!(stdout(&o), outlets, "{what}: outlets\n{}", stderr(&o));
    }
    // Most flips land in data that the checksums cover: they are found and rebuilt.
    assert!(rebuilt >= 20, "only {rebuilt} of 30 flips were noticed");
}

/// The fixture corpus imported, and the search and outlet answers of the sound index.
fn imported_with_answers(tag: &str) -> (App, String, String) {
    let app = support::own_fixtures_imported(tag);
    let sound = search(&app);
    assert_eq!(sound.status.code(), Some(0), "{}", stderr(&sound));
    let outlets = stdout(&app.run(&["outlets", "--json"]));
    (app, stdout(&sound), outlets)
}

/// The answers after a flip: exactly the sound ones (a rebuild said or not), never a panic.
fn still_exact(app: &App, expected: &str, outlets: &str, what: &str) -> bool {
    let o = search(app);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{what}:\n{err}");
    assert!(!err.contains("panicked"), "{what}:\n{err}");
    // A sentence with the path, never tantivy's Debug text.
    assert!(
        !err.contains('{') && !err.contains("Some("),
        "{what}: {err}"
    );
    assert_eq!(stdout(&o), expected, "{what}: wrong results\n{err}");
    let o = app.run(&["outlets", "--json"]);
    assert_eq!(stdout(&o), outlets, "{what}: outlets\n{}", stderr(&o));
    err.contains("rebuilt")
}

/// The kind of an index file: its extension, or its whole name for tantivy's own files.
fn kind(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    match name.rsplit_once('.') {
        Some((stem, ext)) if stem.len() == 32 => ext.to_string(),
        _ => name.into_owned(),
    }
}

#[test]
fn one_byte_flipped_in_each_kind_of_index_file_is_found() {
    let (app, expected, outlets) = imported_with_answers("bitrot-kinds");
    let kinds: Vec<String> = {
        let mut k: Vec<String> = index_files(&app).iter().map(|p| kind(p)).collect();
        k.dedup();
        k.retain(|k| k != "briefings-index.json");
        k
    };
    for k in [
        "idx",
        "pos",
        "term",
        "store",
        "fast",
        "fieldnorm",
        "meta.json",
        ".managed.json",
    ] {
        assert!(kinds.iter().any(|x| x == k), "no {k} file among {kinds:?}");
    }
    for k in &kinds {
        // The middle byte of the first file of that kind (so a checksummed body, not its footer).
        let files = index_files(&app);
        let file = files.iter().find(|p| kind(p) == *k).unwrap();
        let len = std::fs::metadata(file).unwrap().len();
        flip(file, len / 2, 0x01);
        let what = format!("{k}: {} byte {} ^ 0x01", file.display(), len / 2);
        assert!(
            still_exact(&app, &expected, &outlets, &what),
            "{what}: not noticed"
        );
    }
}

/// A flip in `.managed.json` that keeps it valid (one segment file's name changed) took
/// that file out of tantivy's own checksum pass: a later flip in it went unseen and a
/// hit read "Guo \u{11}iakun" (the bitrot test's seed 19 once).
#[test]
fn a_renamed_entry_in_the_managed_list_does_not_hide_a_later_flip() {
    let (app, expected, outlets) = imported_with_answers("bitrot-managed");
    let files = index_files(&app);
    let managed = files.iter().find(|p| kind(p) == ".managed.json").unwrap();
    let text = std::fs::read_to_string(managed).unwrap();
    let store = files.iter().find(|p| kind(p) == "store").unwrap();
    let name = store.file_name().unwrap().to_string_lossy().into_owned();
    let at = text.find(&name).expect("the store file is listed") as u64;
    flip(managed, at, 0x01);
    if still_exact(&app, &expected, &outlets, "the managed list") {
        return; // noticed and rebuilt: nothing left to hide a flip
    }
    let len = std::fs::metadata(store).unwrap().len();
    flip(store, len / 2, 0x01);
    assert!(
        still_exact(&app, &expected, &outlets, "then the store files"),
        "the flipped store files went unnoticed"
    );
}

/// tantivy writes `.managed.json` in any order, so a flip at its middle byte landed, one
/// run in a dozen, inside the entry `"meta.json"`: valid JSON still, and unseen. Each byte
/// of that name flipped in turn must be found.
#[test]
fn a_flip_inside_the_meta_json_entry_of_the_managed_list_is_found() {
    let (app, expected, outlets) = imported_with_answers("bitrot-metaentry");
    for i in 0..u64::try_from("meta.json".len()).unwrap() {
        let files = index_files(&app);
        let managed = files.iter().find(|p| kind(p) == ".managed.json").unwrap();
        let text = std::fs::read_to_string(managed).unwrap();
        let at = text.find("\"meta.json\"").expect("meta.json is listed") as u64 + 1;
        flip(managed, at + i, 0x01);
        let what = format!("byte {i} of the meta.json entry");
        assert!(
            still_exact(&app, &expected, &outlets, &what),
            "{what}: not noticed"
        );
    }
}

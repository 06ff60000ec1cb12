//! Index bit rot: bytes changed in the index files with their size and
//! modification time kept. Every search must then give the right results, or
//! say the index was damaged and rebuilt, then give the right results —
//! never a panic, never a silently wrong answer.

use crate::support;

use std::path::{Path, PathBuf};

use support::{App, fixtures, stderr, stdout};

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
    let app = App::new("bitrot");
    let dirs: Vec<String> = ["en", "fr", "zh", "html"]
        .iter()
        .map(|d| fixtures().join(d).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["import"];
    args.extend(dirs.iter().map(String::as_str));
    let o = app.run(&args);
    assert!(stdout(&o).contains("imported 10"), "{}", stderr(&o));
    let sound = search(&app);
    assert_eq!(sound.status.code(), Some(0), "{}", stderr(&sound));
    let expected = stdout(&sound);
    assert!(
        expected.matches("\"conference\"").count() >= 4,
        "{expected}"
    );
    let outlets = stdout(&app.run(&["outlets", "--json"]));
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

//! Tests of the generator as a whole: determinism and the page layout, on a few transcripts.

use std::fs;
use std::path::{Path, PathBuf};

use super::benchgen::generate;

/// A fresh scratch folder per test (removed first if a previous run left it).
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("briefings-benchgen-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

/// Every generated file, in name order, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for year in fs::read_dir(dir).expect("list the output folder") {
        let year = year.expect("read a folder entry").path();
        for f in fs::read_dir(&year).expect("list a year folder") {
            let f = f.expect("read a folder entry").path();
            let bytes = fs::read(&f).expect("read a generated file");
            out.push((
                f.strip_prefix(dir).expect("file under dir").to_path_buf(),
                bytes,
            ));
        }
    }
    out.sort();
    out
}

use crate::support::skip;

/// The real transcripts are needed to train; without the shared folder the test skips
/// (one printed line), or fails under `BRIEFINGS_REQUIRE_SHARED=1`.
fn training() -> Option<PathBuf> {
    Some(skip::shared()?.join("corpus"))
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let Some(training) = training() else { return };
    let (a, b, c) = (scratch("a"), scratch("b"), scratch("c"));
    let sa = generate(&a, 4, 42, &training).expect("generate a");
    let sb = generate(&b, 4, 42, &training).expect("generate b");
    generate(&c, 4, 43, &training).expect("generate c");
    assert_eq!(sa, sb);
    assert_eq!(files(&a), files(&b));
    let (fa, fc) = (files(&a), files(&c));
    assert_eq!(
        fa.iter().map(|f| &f.0).collect::<Vec<_>>(),
        fc.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(fa.iter().zip(&fc).all(|(x, y)| x.1 != y.1));
    for d in [a, b, c] {
        let _ = fs::remove_dir_all(d);
    }
}

#[test]
fn about_26_kb_per_transcript() {
    let Some(training) = training() else { return };
    let dir = scratch("size");
    let stats = generate(&dir, 60, 1, &training).expect("generate");
    let kb = stats.bytes as f64 / stats.files as f64 / 1000.0;
    assert!((23.0..29.0).contains(&kb), "{kb} KB per transcript");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn transcripts_have_the_real_layout() {
    let Some(training) = training() else { return };
    let dir = scratch("layout");
    let stats = generate(&dir, 6, 7, &training).expect("generate");
    let all = files(&dir);
    assert_eq!(stats.files, 6);
    assert_eq!(all.len(), 6);
    assert_eq!(all[0].0, Path::new("2003/2003-01-06.txt"));
    assert_eq!(stats.first, "2003-01-06");
    let text = String::from_utf8(all[1].1.clone()).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines
            .iter()
            .take(4)
            .any(|l| l.starts_with("Page d'accueil > "))
    );
    let title = lines.iter().find(|l| {
        l.starts_with("Conférence de presse du 7 janvier 2003 tenue par le porte-parole")
    });
    assert!(title.is_some(), "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.len() == 16 && l.starts_with("2003-01-07 "))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim() == "Recommander à    Imprimer")
    );
    assert!(lines.last().is_some_and(|l| l.starts_with("Copyright ©")));
    let questions = lines
        .iter()
        .filter(|l| l.ends_with('?') && l.contains(" : "))
        .count();
    assert!((10..=25).contains(&questions), "{questions} questions");
    let kb = stats.bytes as f64 / stats.files as f64 / 1000.0;
    assert!((14.0..40.0).contains(&kb), "{kb} KB per transcript");
    let _ = fs::remove_dir_all(dir);
}

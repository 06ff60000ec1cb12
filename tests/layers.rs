//! The crate's layers, checked on its source: data flows one way (raw text → parse →
//! transcript → corpus → search → library/import → commands/tui), so no core module names
//! a module above it, and the core never touches the terminal (`../shared/STYLE.md`).

use std::path::{Path, PathBuf};

/// The `.rs` files of module `name`: `src/name.rs` and everything under `src/name/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = vec![src.join(format!("{name}.rs"))];
    let mut stack = vec![src.join(name)];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.retain(|p| p.is_file());
    out
}

/// Every place a file of module `name` names one of `above` (`crate::x` or `use` of a crate).
fn uses(name: &str, above: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in module_files(name) {
        let text = std::fs::read_to_string(&file).expect("read a source file");
        for (i, line) in text.lines().enumerate() {
            for a in above {
                if line.contains(a) {
                    found.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn no_module_names_one_above_it() {
    let layers: &[(&str, &[&str])] = &[
        ("text", &["crate::"]),
        (
            "model",
            &[
                "crate::parse",
                "crate::corpus",
                "crate::import",
                "crate::search",
            ],
        ),
        (
            "parse",
            &[
                "crate::transcript",
                "crate::corpus",
                "crate::import",
                "crate::search",
            ],
        ),
        (
            "transcript",
            &["crate::corpus", "crate::import", "crate::search"],
        ),
        (
            "corpus",
            &["crate::import", "crate::search", "crate::library"],
        ),
        (
            "search",
            &["crate::import", "crate::library", "crate::corpus"],
        ),
        ("analysis", &["crate::import", "crate::sync"]),
        (
            "export",
            &["crate::search", "crate::library", "crate::corpus"],
        ),
        (
            "bookmarks",
            &["crate::search", "crate::library", "crate::corpus"],
        ),
    ];
    let mut found = Vec::new();
    for (name, above) in layers {
        let mut above = above.to_vec();
        above.extend(["crate::commands", "crate::tui", "ratatui", "crossterm"]);
        found.extend(uses(name, &above));
    }
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

//! The integration tests, built as one binary: one link instead of twenty on a cold
//! CI machine, and the tests of every file share the machine's cores. Each file here
//! stays a module of its own; `every_test_file_is_built` fails when a new file under
//! `tests/` is not listed (Cargo.toml sets `autotests = false`, so it would never run).
//! `quiet_panics.rs` is its own binary: it installs the process's panic hook.

mod support;

#[path = "analysis.rs"]
mod analysis;
#[path = "bitrot.rs"]
mod bitrot;
#[path = "cli.rs"]
mod cli;
#[path = "corpus.rs"]
mod corpus;
#[path = "crash.rs"]
mod crash;
#[path = "filesystem.rs"]
mod filesystem;
#[path = "fixtures.rs"]
mod fixtures;
#[path = "benchgen.rs"]
mod generator;
#[path = "input.rs"]
mod input;
#[path = "integrity.rs"]
mod integrity;
#[path = "layers.rs"]
mod layers;
#[path = "limits.rs"]
mod limits;
#[path = "normalise.rs"]
mod normalise;
#[path = "pipe.rs"]
mod pipe;
#[path = "processes.rs"]
mod processes;
#[path = "props.rs"]
mod props;
#[path = "queries.rs"]
mod queries;
#[path = "regressions.rs"]
mod regressions;
#[path = "shell.rs"]
mod shell;
#[path = "sync.rs"]
mod sync;
#[path = "tui_e2e.rs"]
mod tui_e2e;

/// Every `tests/*.rs` is a module above (or its own `[[test]]` in Cargo.toml).
#[test]
fn every_test_file_is_built() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let this = include_str!("all.rs");
    let manifest = include_str!("../Cargo.toml");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("read tests/") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let Some(stem) = name.strip_suffix(".rs") else {
            continue;
        };
        let listed = this.contains(&format!("#[path = \"{name}\"]"))
            || manifest.contains(&format!("path = \"tests/{name}\""))
            || stem == "all";
        if !listed {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/ files that no test binary builds: {missing:?}"
    );
}

//! Shared helpers for the end-to-end tests: temporary folders and running the real binary.
#![allow(dead_code)]

pub mod skip;
pub mod tmux;

#[allow(unused_imports)] // each test binary uses its own part
pub use skip::{shared, tmux_runs};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// This project's own transcripts and their labels (`tests/fixtures/`): what a fresh clone
/// parses when `../shared` is absent.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One of the own transcripts (`fr/2024-03-05_wang.txt` → conference `2024-03-05-fr`).
pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// A fresh empty folder under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let p = std::env::temp_dir().join(format!(
            "briefings-test-{tag}-{}-{}-{nanos}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The binary under test, with its corpus and cache pointed at `home`'s subfolders.
pub struct App {
    pub home: TempDir,
}

impl App {
    pub fn new(tag: &str) -> App {
        App {
            home: TempDir::new(tag),
        }
    }

    pub fn corpus(&self) -> PathBuf {
        self.home.path().join("corpus")
    }

    pub fn cache(&self) -> PathBuf {
        self.home.path().join("cache")
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_briefings"));
        c.env("BRIEFINGS_CORPUS", self.corpus())
            .env("BRIEFINGS_CACHE", self.cache())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CACHE_HOME", self.home.path().join("xdg-cache"))
            .env("COLUMNS", "100")
            .env_remove("NO_COLOR");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run briefings")
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` with its bytes, to prove that nothing changed.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

/// The project's own transcripts (`tests/fixtures/{en,fr,zh,html}`) imported into a new app:
/// ten conferences (the two undated ones fail, so import exits 1).
pub fn own_fixtures_imported(tag: &str) -> App {
    let app = App::new(tag);
    let dirs: Vec<String> = ["en", "fr", "zh", "html"]
        .iter()
        .map(|d| fixtures().join(d).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["import"];
    args.extend(dirs.iter().map(String::as_str));
    let o = app.run(&args);
    assert!(
        stdout(&o).contains("imported 10 conferences"),
        "{}",
        stderr(&o)
    );
    app
}

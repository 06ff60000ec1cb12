//! Whether the test data beside the project (`../shared`) and tmux are there, and one line
//! per test that skips because they are not.
//!
//! A fresh clone has neither, and README's `cargo test --release` must still pass there, so a
//! test that needs one returns early after printing one `skipped:` line. CI sets
//! `BRIEFINGS_REQUIRE_SHARED=1` and `BRIEFINGS_REQUIRE_TMUX=1` so nothing it runs can skip
//! silently: there a missing folder or program fails the test instead.
//!
//! Self-contained (std only) so unit tests inside `src/` can include it with `#[path]`.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where the shared test data is looked for: `$BRIEFINGS_SHARED`, else `../shared` beside the project.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("BRIEFINGS_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    )
}

/// The shared test data folder if it holds the corpus; otherwise prints one skip line for the
/// running test and returns `None` (the test then returns), or panics under
/// `BRIEFINGS_REQUIRE_SHARED=1`.
pub fn shared() -> Option<PathBuf> {
    let dir = shared_dir();
    if dir.join("corpus").is_dir() {
        return Some(dir);
    }
    skip(
        "BRIEFINGS_REQUIRE_SHARED",
        "../shared not found (set BRIEFINGS_SHARED or place it beside the project)",
    );
    None
}

/// The tmux program to run: `$BRIEFINGS_TMUX`, else `tmux` from `PATH`.
pub fn tmux_program() -> String {
    std::env::var("BRIEFINGS_TMUX").unwrap_or_else(|_| "tmux".to_string())
}

/// Whether tmux runs; if not, prints one skip line for the running test and returns `false`
/// (the test then returns), or panics under `BRIEFINGS_REQUIRE_TMUX=1`.
pub fn tmux_runs() -> bool {
    let runs = Command::new(tmux_program())
        .arg("-V")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !runs {
        skip(
            "BRIEFINGS_REQUIRE_TMUX",
            &format!(
                "tmux not found (`{}` does not run; install tmux or set BRIEFINGS_TMUX)",
                tmux_program()
            ),
        );
    }
    runs
}

/// Whether `var` is set to `1`: the missing thing is then a failure, not a skip.
fn required(var: &str) -> bool {
    std::env::var(var).is_ok_and(|v| v.trim() == "1")
}

/// Fails the test when `var` requires the missing thing; otherwise prints one line saying
/// which test skipped and why. Written straight to stderr, not through `eprintln!`, which
/// the test harness captures and hides for passing tests.
fn skip(var: &str, why: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("?");
    assert!(!required(var), "{test}: {why}, and {var}=1");
    let _ = writeln!(std::io::stderr().lock(), "skipped: {test}: {why}");
}

//! The browser's own figures: the first full frame of the real binary in a pseudo-terminal
//! (start to frame drawn to exit, through `script`), and the frames on the input path.

use std::path::Path;
use std::process::Command;

use super::process;

/// Wall time (ms) of the real binary from start to its first full frame at 120×40,
/// one per run. `script` gives it a terminal; the binary exits right after that frame.
pub fn first_frame(
    binary: &Path,
    corpus: &Path,
    cache: &Path,
    runs: usize,
) -> Result<Vec<f64>, String> {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        return Err("`script` (util-linux) is needed to give the browser a terminal".into());
    }
    let line = format!(
        "stty cols 120 rows 40; exec '{}' --corpus '{}'",
        binary.display(),
        corpus.display()
    );
    let mut out = Vec::new();
    // One warm-up: the first start after an import may still write the catalogue cache.
    for i in 0..=runs {
        let wall = process::time_quiet(
            Command::new("script")
                .args(["-qfec", &line, "/dev/null"])
                .env("BRIEFINGS_CACHE", cache)
                .env("BRIEFINGS_EXIT_AFTER_FIRST_FRAME", "1")
                .env("TERM", "xterm-256color"),
        )?;
        if i > 0 {
            out.push(wall.as_secs_f64() * 1000.0);
        }
    }
    Ok(out)
}

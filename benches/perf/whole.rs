//! Figure 5: `briefings search WORD` as a whole process against `rg -i WORD` over the raw files.

use std::path::Path;
use std::process::Command;

use super::process;

/// Words a reader looks up; `rg` gets them as typed (it knows no accents or stems).
const WORDS: &[&str] = &[
    "sécurité",
    "coopération",
    "Philippines",
    "commerce",
    "climatique",
];

/// The tool `briefings search` is compared with.
#[derive(Debug, Clone)]
pub struct Grep {
    /// `rg -i` or, without ripgrep, `grep -ri`.
    pub label: &'static str,
    program: &'static str,
    args: &'static [&'static str],
}

/// `rg` when installed, else `grep -ri` (and a hint to install ripgrep).
pub fn find_grep() -> Grep {
    let has_rg = Command::new("rg")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if has_rg {
        Grep {
            label: "rg -i",
            program: "rg",
            args: &["-i"],
        }
    } else {
        eprintln!(
            "ripgrep not found (install it: apt-get install -y ripgrep); comparing with grep -ri instead"
        );
        Grep {
            label: "grep -ri",
            program: "grep",
            args: &["-ri"],
        }
    }
}

/// Wall times in ms, one per (word, run), taken alternately so both see the same machine state.
#[derive(Debug, Default)]
pub struct Versus {
    pub briefings_ms: Vec<f64>,
    pub grep_ms: Vec<f64>,
}

pub fn measure(
    binary: &Path,
    corpus: &Path,
    cache: &Path,
    raw: &Path,
    grep: &Grep,
    runs: usize,
) -> Result<Versus, String> {
    let search = |word: &str| {
        let mut c = Command::new(binary);
        c.arg("search")
            .arg(word)
            .arg("--corpus")
            .arg(corpus)
            .env("BRIEFINGS_CACHE", cache);
        c
    };
    let scan = |word: &str| {
        let mut c = Command::new(grep.program);
        c.args(grep.args).arg(word).arg(raw);
        c
    };
    // One untimed round so both read warm files.
    for w in WORDS {
        process::time_quiet(&mut search(w))?;
        process::time_quiet(&mut scan(w))?;
    }
    let mut v = Versus::default();
    for _ in 0..runs {
        for w in WORDS {
            v.briefings_ms
                .push(process::time_quiet(&mut search(w))?.as_secs_f64() * 1000.0);
            v.grep_ms
                .push(process::time_quiet(&mut scan(w))?.as_secs_f64() * 1000.0);
        }
    }
    Ok(v)
}

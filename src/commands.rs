//! The sub-commands: each reads the corpus through the core and prints for people or scripts.

mod bookmarks;
mod columns;
mod diff;
mod dry_run;
mod export;
mod import;
mod kwic;
mod list;
mod marks;
mod out;
mod outlets;
mod parallel;
mod search;
mod shell;
mod show;
mod similar;
mod sync;
mod trend;

use std::path::Path;

use crate::cli::Command;
use crate::corpus;
use crate::library::Library;
use out::outln;

/// Runs one command; `Ok(exit code)`, or `Err(one sentence)` for exit 1.
pub fn run(corpus_flag: Option<&Path>, command: Command) -> Result<u8, String> {
    // These describe the program, not a corpus: they work where no data dir can be found.
    match command {
        Command::Completions { shell } => return shell::completions(shell),
        Command::Man { out } => return shell::man(out.as_deref()),
        _ => {}
    }
    let dir = corpus::resolve_dir(corpus_flag)?;
    match command {
        Command::Completions { .. } | Command::Man { .. } => unreachable!("answered above"),
        Command::Tui => tui(&dir),
        Command::Import { reparse: true, .. } => Ok(import::reparse(&dir)),
        Command::Import {
            dry_run: true,
            paths,
            json,
            ..
        } => dry_run::run(&dir, &paths, json),
        Command::Import { paths, .. } => Ok(import::run(&dir, &paths)),
        Command::Sync(args) => Ok(sync::run(&dir, &args)),
        Command::List(args) => list::run(&read_library(&dir)?, &args),
        Command::Show {
            id,
            parallel: true,
            lang,
            ..
        } => parallel::run(&read_library(&dir)?, &id, &lang),
        Command::Show { id, json, .. } => show::run(&read_library(&dir)?, &id, json),
        Command::Diff { id, json, .. } => diff::run(&read_library(&dir)?, id.as_deref(), json),
        Command::Search(args) => search::run(&read_library(&dir)?, &args),
        Command::Outlets { json, by } => outlets::run(&read_library(&dir)?, json, by.is_some()),
        Command::Trend(args) => trend::run(&read_library(&dir)?, &args),
        Command::Kwic(args) => kwic::run(&read_library(&dir)?, &args),
        Command::Similar(args) => similar::run(&read_library(&dir)?, &args),
        Command::Export(args) => export::run(&read_library(&dir)?, &dir, &args),
        Command::Bookmarks { json, action } => {
            bookmarks::run(&read_library(&dir)?, &dir, json, action)
        }
        Command::Index => search::rebuild(&read_library(&dir)?),
    }
}

fn tui(dir: &Path) -> Result<u8, String> {
    let (library, note) = Library::open(dir)?;
    // The status line names the sample on its right already; the left says what to do,
    // short enough to be read whole beside it at 80 columns.
    let note = note.map(|_| crate::tui::SAMPLE_NOTE.to_string());
    let (outlets, warn) = crate::outlets::Outlets::with_user_file();
    let notes: Vec<String> = note.into_iter().chain(warn).collect();
    crate::tui::run(library, notes, outlets).map(|()| 0)
}

/// The corpus for read commands: the folder, or the sample (said once on stderr).
fn read_library(dir: &Path) -> Result<Library, String> {
    let (library, note) = Library::open(dir)?;
    if let Some(note) = note {
        eprintln!("{note}");
    }
    Ok(library)
}

/// Terminal width for wrapped text output: the terminal's, else `COLUMNS`, else 80.
fn output_width() -> usize {
    use std::io::IsTerminal;
    // Asked only of a terminal: without one crossterm falls back to running `tput`.
    std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w >= 20)
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .unwrap_or(80)
}

/// Prints load problems (path:line: message) so damaged files are never silent.
fn report_problems(problems: &[crate::problem::Problem]) {
    for p in problems {
        eprintln!("{p}");
    }
}

/// `1 turn`, `2 turns`: output read by people agrees in number (every noun here takes -s).
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// JSON to stdout; serialisation of our own types cannot fail except on a closed pipe.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let s = serde_json::to_string_pretty(value).map_err(|e| format!("cannot write JSON: {e}"))?;
    outln!("{s}")?;
    Ok(())
}

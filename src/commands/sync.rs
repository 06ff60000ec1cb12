//! `briefings sync`: sources read, the walk run with a progress bar on a
//! terminal, failures listed, one summary line (or `--json`), caches refreshed.

use std::io::IsTerminal as _;
use std::path::Path;
use std::time::Duration;

use indicatif::{HumanBytes, ProgressBar, ProgressStyle};

use super::out::outln;
use crate::cli::SyncArgs;
use crate::library::Library;
use crate::outlets::Outlets;
use crate::sync::{self, Options, Progress, Quiet};

/// Exit 0 all fine; 1 some pages failed; 2 a sources file or mirror that cannot be used.
pub(super) fn run(dir: &Path, args: &SyncArgs) -> u8 {
    if args.print_sources {
        return match super::out::write(sync::sources::DEFAULTS) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("briefings: {e}");
                1
            }
        };
    }
    if dir.is_file() {
        eprintln!(
            "{}: the corpus path is a file, not a folder; pass --corpus DIR with a folder.",
            dir.display()
        );
        return 2;
    }
    let (sources, label) = match sync::sources::load(args.sources.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    if let Some(why) = no_source_in(&args.lang, &sources, &label) {
        eprintln!("{why}");
        return 2;
    }
    let mirror = match sync::mirror_from_env() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    for note in sources
        .iter()
        .filter_map(|s| s.delay_note(mirror.is_some()))
    {
        eprintln!("note: {note}");
    }
    let (outlets, warn) = Outlets::with_user_file();
    if let Some(w) = warn {
        eprintln!("{w}");
    }
    let options = Options {
        corpus: dir.to_path_buf(),
        languages: args.lang.clone(),
        since: args.since.clone(),
        max_pages: args.max_pages.map(|n| n as usize),
        dry_run: args.dry_run,
    };
    let library = match Library::at(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let show_bar = !args.json && std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
    let mut bar = Bar::default();
    let progress: &mut dyn Progress = if show_bar { &mut bar } else { &mut Quiet };
    // The catalogue and index are brought up to date from this point once the walk is done.
    let before = library.corpus().stamp();
    let summary = match sync::run(&options, &sources, mirror, &outlets, progress) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    if let Some(w) = library.saved(before, &summary.written, false) {
        eprintln!("warning: {w}");
    }
    if args.dry_run
        && !args.json
        && let Err(e) = print_urls(&summary.would_fetch)
    {
        eprintln!("briefings: {e}");
        return 1;
    }
    for w in &summary.warnings {
        eprintln!("warning: {w}");
    }
    for f in &summary.kept {
        eprintln!("note: {}: {}", f.url, f.reason);
    }
    for f in &summary.failed {
        eprintln!("{}: {}", f.url, f.reason);
    }
    if let Err(e) = print_summary(&summary, args) {
        eprintln!("briefings: {e}");
        return 1;
    }
    u8::from(!summary.failed.is_empty())
}

/// Why `--lang` selects nothing: no source of the file is in those languages.
fn no_source_in(languages: &[String], sources: &[sync::Source], label: &str) -> Option<String> {
    if languages.is_empty() || sources.iter().any(|s| languages.contains(&s.language)) {
        return None;
    }
    let have: Vec<String> = sources
        .iter()
        .map(|s| format!("{} ({})", s.name, s.language))
        .collect();
    Some(format!(
        "--lang {}: no source in {label} is in that language (it has {}); nothing to sync",
        languages.join(","),
        have.join(", ")
    ))
}

/// The summary: one line, or the `--json` object.
fn print_summary(summary: &sync::Summary, args: &SyncArgs) -> Result<(), String> {
    if args.json {
        let text = serde_json::to_string_pretty(summary).map_err(|e| e.to_string())?;
        outln!("{text}")
    } else {
        outln!("{}", summary.line(args.dry_run))
    }
}

/// The pages a dry run would fetch, one a line (through the writer that
/// ends quietly on a closed pipe).
fn print_urls(urls: &[String]) -> Result<(), String> {
    let mut text = String::new();
    for url in urls {
        text.push_str(url);
        text.push('\n');
    }
    super::out::write(&text)
}

/// A spinner per source: pages fetched, bytes received, the address in hand (on stderr).
#[derive(Default)]
struct Bar {
    spinner: Option<ProgressBar>,
    name: String,
    bytes: u64,
}

impl Progress for Bar {
    fn source(&mut self, name: &str) {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {prefix}: {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_prefix(name.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        self.spinner = Some(bar);
        self.name = name.to_string();
        self.bytes = 0;
    }

    fn step(&mut self, url: &str, bytes: usize, pages: usize) {
        self.bytes += bytes as u64;
        if let Some(bar) = &self.spinner {
            bar.set_message(format!("{pages} pages, {} — {url}", HumanBytes(self.bytes)));
        }
    }

    fn done(&mut self) {
        if let Some(bar) = self.spinner.take() {
            bar.finish_with_message(format!("done, {}", HumanBytes(self.bytes)));
        }
    }
}

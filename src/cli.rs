//! The command line: clap definitions of the sub-commands (CLI.md is the contract).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::analysis::{Order, Period, Split};
use crate::export::Format;

/// Read the Chinese MFA's regular press conferences offline: import transcripts, search them, browse them.
#[derive(Debug, Parser)]
#[command(name = "briefings", version, about, long_about = None)]
pub struct Cli {
    /// Corpus folder (default: `$BRIEFINGS_CORPUS`, else the user data dir's `briefings`).
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal browser (the default).
    Tui,
    /// Parse raw transcripts (.txt, .htm, .html; files or folders, recursively) into the corpus.
    /// Re-importing a transcript replaces its conference.
    Import {
        /// Files or folders to import.
        #[arg(required_unless_present = "reparse", value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Rebuild every conference from the synced raw pages (`raw/` in the corpus), offline.
        #[arg(long, conflicts_with = "paths")]
        reparse: bool,
        /// Show how each file would be read (conferences, turns, askers, warnings); write nothing.
        #[arg(long, conflicts_with = "reparse")]
        dry_run: bool,
        /// With --dry-run: print JSON {files: [{path, conferences, warnings, error}], conferences, turns, warnings, failed}.
        #[arg(long, requires = "dry_run")]
        json: bool,
    },
    /// Fetch the ministry's transcripts the corpus does not hold yet, keep the raw pages, import them.
    Sync(SyncArgs),
    /// List conferences, newest first.
    List(ListArgs),
    /// Show one conference with all its turns.
    Show {
        /// Conference id, e.g. 2025-07-29-fr (see `briefings list`), or a day when it has one conference.
        id: String,
        /// Print the conference as stored, plus `versions` and per turn `aligned`.
        #[arg(long, conflicts_with = "parallel")]
        json: bool,
        /// Its versions in other languages turn by turn: side by side when the terminal is wide.
        #[arg(long)]
        parallel: bool,
        /// With --parallel: these languages, in this order.
        #[arg(long, requires = "parallel", value_delimiter = ',', value_parser = ["zh", "en", "fr"], value_name = "zh,en,fr")]
        lang: Vec<String>,
    },
    /// What one language's version of a conference has and another lacks.
    Diff {
        /// Conference id (or --all).
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<String>,
        /// Every conference with versions in several languages.
        #[arg(long)]
        all: bool,
        /// Print JSON: `[{conference, version, languages, only_in: [{language, conference, turn, outlet, question}], shorter: [{language, turn, other_language, other_turn, share}]}]`.
        #[arg(long)]
        json: bool,
    },
    /// Search every turn: all words must match; "quoted words" match as a phrase.
    Search(SearchArgs),
    /// Every outlet with its number of questions, first and last date.
    Outlets {
        /// Print JSON: [{outlet, questions, first, last}] (with `years` under --by year).
        #[arg(long)]
        json: bool,
        /// Also count each outlet's questions per year.
        #[arg(long, value_parser = ["year"], value_name = "year")]
        by: Option<String>,
    },
    /// Matching turns per month, quarter or year (the counts `search` reports, same filters).
    Trend(TrendArgs),
    /// Concordance: every occurrence of the query's words with the words around it, aligned.
    Kwic(KwicArgs),
    /// The answers most like one turn's answer, same language, oldest first, shared wording marked.
    Similar(SimilarArgs),
    /// Write turns out as citation-ready Markdown, CSV or JSON Lines.
    Export(ExportArgs),
    /// Bookmarked turns with notes (kept in the corpus folder): add, list, remove.
    Bookmarks {
        /// Print JSON when listing (`bookmarks --json` is `bookmarks list --json`).
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<BookmarkAction>,
    },
    /// Rebuild the search index now and report its size and time.
    Index,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) for `briefings`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per sub-command into a folder.
    Man {
        /// Write `briefings.1` and `briefings-<command>.1` for each sub-command here.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// What `briefings list` takes: filters narrow the list, all must hold.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this language.
    #[arg(long, value_parser = ["zh", "en", "fr"])]
    pub lang: Option<String>,
    /// Only conferences of this year.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(u16).range(1949..=2999))]
    pub year: Option<u16>,
    /// Only this spokesperson (any part of the name, any case).
    #[arg(long, value_name = "NAME")]
    pub spokesperson: Option<String>,
    /// Print JSON: [{id, date, language, spokesperson, title, turns}].
    #[arg(long)]
    pub json: bool,
}

/// What `briefings sync` takes (SYNC.md is the contract).
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only these languages, comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = ["zh", "en", "fr"], value_name = "zh,en,fr")]
    pub lang: Vec<String>,
    /// Stop at conferences older than this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<String>,
    /// Walk at most N listing pages per source.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_pages: Option<u64>,
    /// Sources file replacing the defaults (and `<config dir>/briefings/sources.toml`).
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// Print what would be fetched; fetch listing pages only.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the summary as JSON: {sources, listings, fetched, imported, skipped, failed: [{url, reason}]}.
    #[arg(long)]
    pub json: bool,
    /// Print the built-in sources file (to copy to <config dir>/briefings/sources.toml and edit) and exit.
    #[arg(long, conflicts_with_all = ["lang", "since", "max_pages", "sources", "dry_run", "json"])]
    pub print_sources: bool,
}

/// What `briefings search` takes.
#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub q: QueryArgs,
    /// Most hits to print (at least 1).
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = parse_limit)]
    pub limit: usize,
    /// Newest first instead of best match first.
    #[arg(long)]
    pub newest: bool,
    /// Print JSON: [{conference, date, language, turn, outlet, spokesperson, score, snippet}].
    #[arg(long)]
    pub json: bool,
}

/// A query and its filters, as `search`, `trend` and `kwic` take them.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Words to find; accents, case and (fr/en) inflections are ignored.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only questions from this outlet (canonical name or any alias).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Only this spokesperson (any part of the name).
    #[arg(long, value_name = "NAME")]
    pub spokesperson: Option<String>,
    /// Only this language.
    #[arg(long, value_parser = ["fr", "en", "zh"])]
    pub lang: Option<String>,
    /// First day, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<String>,
}

/// What `briefings trend` takes.
#[derive(Debug, Args)]
pub struct TrendArgs {
    #[command(flatten)]
    pub q: QueryArgs,
    /// Length of a period.
    #[arg(long, default_value = "year", value_name = "month|quarter|year")]
    pub by: Period,
    /// One series per language, outlet or spokesperson.
    #[arg(long, value_name = "lang|outlet|spokesperson")]
    pub split: Option<Split>,
    /// Print JSON: {by, split, total, periods, series: [{name, total, counts}]}.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: a `period` column, then one column per series.
    #[arg(long)]
    pub csv: bool,
}

/// What `briefings kwic` takes.
#[derive(Debug, Args)]
pub struct KwicArgs {
    #[command(flatten)]
    pub q: QueryArgs,
    /// Words of context on each side (characters in Chinese).
    #[arg(long, default_value_t = 6, value_name = "N")]
    pub width: usize,
    /// Order of the lines: newest first, or by the words left or right of the match.
    #[arg(long, default_value = "date", value_name = "date|left|right")]
    pub sort: Order,
    /// Most lines to print.
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<usize>,
    /// Print JSON: [{conference, turn, date, language, outlet, left, keyword, right}].
    #[arg(long)]
    pub json: bool,
}

/// What `briefings similar` takes.
#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// Conference id, e.g. 2025-07-29-fr.
    pub id: String,
    /// The turn's number, 1 for the first (JSON's `turn` fields count from 0).
    #[arg(value_parser = parse_turn)]
    pub turn: usize,
    /// Most answers to print.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = parse_limit)]
    pub limit: usize,
    /// Print JSON: {source, similar: [{conference, turn, date, language, outlet, spokesperson, score, answer, shared}]}.
    #[arg(long)]
    pub json: bool,
}

/// What `briefings export` takes.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub what: ExportWhat,
    /// md (citation-ready Markdown), csv or jsonl.
    #[arg(long, global = true, default_value = "md", value_name = "md|csv|jsonl")]
    pub format: Format,
    /// Write to FILE instead of standard output (an existing FILE is kept unless --force).
    #[arg(long, short, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing --output file.
    #[arg(long, global = true)]
    pub force: bool,
}

/// What to export.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// The hits of a search, best first (as `search` ranks them).
    Search {
        #[command(flatten)]
        q: QueryArgs,
        /// Most hits.
        #[arg(long, default_value_t = 100, value_name = "N", value_parser = parse_limit)]
        limit: usize,
        /// Newest first instead of best match first.
        #[arg(long)]
        newest: bool,
    },
    /// One turn.
    Turn {
        /// Conference id.
        id: String,
        /// The turn's number, 1 for the first.
        #[arg(value_parser = parse_turn)]
        turn: usize,
    },
    /// Every turn of a conference.
    Conference {
        /// Conference id.
        id: String,
    },
    /// Every bookmarked turn, with its note.
    Bookmarks,
}

/// What `briefings bookmarks` does (`list` when nothing is given).
#[derive(Debug, Subcommand)]
pub enum BookmarkAction {
    /// Bookmark a turn (again: replaces its note).
    Add {
        /// Conference id.
        id: String,
        /// The turn's number, 1 for the first.
        #[arg(value_parser = parse_turn)]
        turn: usize,
        /// A note kept with it.
        #[arg(long)]
        note: Option<String>,
    },
    /// Every bookmark, where its turn is now.
    List {
        /// Print JSON: [{conference, turn, fingerprint, note, excerpt, found}].
        #[arg(long)]
        json: bool,
    },
    /// Forget the bookmark of a turn.
    Remove {
        /// Conference id.
        id: String,
        /// The turn's number, 1 for the first.
        #[arg(value_parser = parse_turn)]
        turn: usize,
    },
}

/// A turn number as people count (1 = the first) to the 0-based index.
fn parse_turn(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) | Err(_) => Err(format!(
            "expected a turn number (1 for the first), got {s:?}"
        )),
        Ok(n) => Ok(n - 1),
    }
}

/// `--limit`: a count of hits to print; 0 would print nothing and is refused (exit 2).
fn parse_limit(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("--limit 0 would print no hit; give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("expected a number of hits, got {s:?}")),
    }
}

/// A `--from`/`--to` value: a calendar day as `YYYY-MM-DD` (`2025-02-30` is refused, exit 2).
fn parse_date(s: &str) -> Result<String, String> {
    crate::model::Day::parse(s)
        .map(|d| d.to_string())
        .map_err(|e| e.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn corpus_flag_is_accepted_before_and_after_the_command() {
        let a = Cli::try_parse_from(["briefings", "--corpus", "x", "list"]).unwrap();
        let b = Cli::try_parse_from(["briefings", "list", "--corpus", "x"]).unwrap();
        assert_eq!(a.corpus, b.corpus);
    }

    #[test]
    fn sync_and_reparse_parse() {
        let c = Cli::try_parse_from(["briefings", "sync", "--lang", "zh,en", "--max-pages", "2"])
            .unwrap();
        let Some(Command::Sync(a)) = c.command else {
            panic!("not sync")
        };
        assert_eq!(a.lang, ["zh", "en"]);
        assert!(Cli::try_parse_from(["briefings", "sync", "--lang", "de"]).is_err());
        assert!(Cli::try_parse_from(["briefings", "import", "--reparse"]).is_ok());
        assert!(Cli::try_parse_from(["briefings", "import"]).is_err());
    }

    #[test]
    fn dates_are_checked() {
        assert!(parse_date("2024-03-18").is_ok());
        assert!(parse_date("2024-3-18").is_err());
        assert!(parse_date("2024-13-01").is_err());
        assert!(parse_date("2025-02-30").is_err());
    }
}

//! Raw transcript files → conferences in the corpus: walking paths, reading files,
//! duplicate handling and atomic writes (each file is read by `transcript`).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use crate::corpus::save_conference;
use crate::model::Conference;
use crate::outlets::Outlets;
use crate::problem::Problem;
// The pure part lives below the corpus (the bundled sample uses it too); re-exported here,
// where callers look for it.
pub use crate::transcript::{FromFile, conferences_from};

/// What an import did, for the summary line and the index update.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// Conferences written, in the order written.
    pub(crate) written: Vec<Conference>,
    /// Warnings about files that were imported.
    pub(crate) warnings: Vec<Problem>,
    /// Files that were skipped, and why.
    pub(crate) failures: Vec<Problem>,
    pub(crate) files: usize,
}

impl Report {
    pub(crate) fn turns(&self) -> usize {
        self.written.iter().map(|c| c.turns.len()).sum()
    }

    /// The one-line summary CLI.md asks for.
    pub(crate) fn summary(&self) -> String {
        format!(
            "imported {} conference{} ({} turn{}) from {} file{}; {} warning{}, {} file{} failed",
            self.written.len(),
            plural(self.written.len()),
            self.turns(),
            plural(self.turns()),
            self.files,
            plural(self.files),
            self.warnings.len(),
            plural(self.warnings.len()),
            self.failures.len(),
            plural(self.failures.len()),
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Imports files and folders (recursively: `.txt`, `.htm`, `.html`) into the corpus at `corpus`.
/// A file that fails is reported and skipped; nothing already stored is touched for it.
/// Files are parsed and conferences written on every core; reports keep the files' order.
pub(crate) fn import_paths(corpus: &Path, paths: &[PathBuf], outlets: &Outlets) -> Report {
    let mut report = Report::default();
    let (parsed, refused) = parse_paths(paths, outlets);
    report.failures = refused;
    report.files = parsed.len();
    // Two files of one run that yield the same conference (two copies of one page):
    // keep the longer text, so a cut excerpt never hides the complete transcript.
    let mut chosen: HashMap<String, (Conference, PathBuf)> = HashMap::new();
    let mut order = Vec::new();
    for (file, outcome) in parsed {
        match outcome {
            Err(failure) => report.failures.push(failure),
            Ok(got) => {
                for w in got.warnings {
                    report.warnings.push(located(&file, w));
                }
                for c in got.conferences {
                    keep_longer(&mut chosen, &mut order, &mut report.warnings, c, &file);
                }
            }
        }
    }
    let chosen: Vec<(Conference, PathBuf)> =
        order.iter().filter_map(|id| chosen.remove(id)).collect();
    let saved = in_parallel(&chosen, |(conf, _)| save_conference(corpus, conf))
        .into_iter()
        .map(|o| {
            o.unwrap_or_else(|| Err(Problem::at_line(0, "could not be written (internal error)")))
        });
    for ((conf, file), outcome) in chosen.into_iter().zip(saved) {
        match outcome {
            Ok(_) => report.written.push(conf),
            Err(e) => report.failures.push(Problem {
                message: format!(
                    "{} (importing {})",
                    e.message,
                    crate::text::show_path(&file)
                ),
                ..e
            }),
        }
    }
    report
}

/// One file walked and what it parses into.
pub(crate) type ParsedFile = (PathBuf, Result<FromFile, Problem>);

/// Every transcript file under `paths` with what it parses into (warnings placed in the
/// file), in walking order, and the paths the walk refused (pipes, huge files…). Reads only:
/// `import --dry-run` shows this, `import` writes it.
pub(crate) fn parse_paths(paths: &[PathBuf], outlets: &Outlets) -> (Vec<ParsedFile>, Vec<Problem>) {
    let mut walk = Walk::default();
    for p in paths {
        walk.visit(p, true);
    }
    let parsed = in_parallel(&walk.files, |file| parse_file(file, outlets));
    let files = walk.files.into_iter().zip(parsed).map(|(file, outcome)| {
        let outcome = outcome.unwrap_or_else(|| {
            Err(Problem::new(
                &file,
                0,
                "the parser failed on this file (a bug; please report it with the file)",
            ))
        });
        (file, outcome)
    });
    (files.collect(), walk.failures)
}

/// A parser problem (always at a line of the input) placed in its file.
fn located(file: &Path, p: Problem) -> Problem {
    Problem {
        line: p.line.max(1),
        ..p
    }
    .in_file(file)
}

/// Reads and parses one file.
fn parse_file(file: &Path, outlets: &Outlets) -> Result<FromFile, Problem> {
    let bytes = read_limited(file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    conferences_from(&name, &bytes, outlets).map_err(|p| located(file, p))
}

/// `work` on every item, spread over the machine's cores; results in the items' order,
/// `None` where `work` panicked (a bug, but one file must not sink the whole import).
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Option<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let outcome =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
                        mine.push((i, outcome.ok()));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Adds `c` unless this run already has a longer version of the same conference.
fn keep_longer(
    chosen: &mut HashMap<String, (Conference, PathBuf)>,
    order: &mut Vec<String>,
    warnings: &mut Vec<Problem>,
    c: Conference,
    file: &Path,
) {
    if let Some((old, old_file)) = chosen.get(&c.id) {
        warnings.push(Problem::new(
            file,
            0,
            format!(
                "conference {} also comes from {}; kept the longer text",
                c.id,
                crate::text::show_path(old_file)
            ),
        ));
        if size(&c) <= size(old) {
            return;
        }
    } else {
        order.push(c.id.clone());
    }
    chosen.insert(c.id.clone(), (c, file.to_path_buf()));
}

fn size(c: &Conference) -> usize {
    c.turns
        .iter()
        .flat_map(|t| t.question.iter().chain(&t.answer))
        .map(String::len)
        .sum()
}

fn is_transcript(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "htm" | "html"))
}

/// The largest transcript import reads: real ones are 14–40 KB, so anything past this is
/// not a transcript (a disk image, a log, `/dev/zero`), and reading it would only cost memory.
pub(crate) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The walk over the paths given to import: each folder and file visited once.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    failures: Vec<Problem>,
    /// (device, inode) of every folder and file met, so symlink loops and two links to one
    /// file cost one visit.
    seen: HashSet<(u64, u64)>,
}

impl Walk {
    /// Files named on the command line are taken whatever their extension; inside folders only
    /// transcripts. Symlinks are followed; only regular files are read.
    fn visit(&mut self, p: &Path, named: bool) {
        let m = match fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                self.failures
                    .push(Problem::new(p, 0, format!("cannot read: {e}")));
                return;
            }
        };
        if m.is_dir() {
            if self.seen.insert((m.dev(), m.ino())) {
                self.visit_dir(p);
            }
        } else if !(named || is_transcript(p)) {
            // Inside folders only transcripts are taken; other files are not ours to mention.
        } else if !m.is_file() {
            self.failures.push(Problem::new(
                p,
                0,
                format!("skipped: not a regular file ({})", kind_of(&m)),
            ));
        } else if m.len() > MAX_FILE_BYTES {
            self.failures.push(too_big(p, m.len()));
        } else if self.seen.insert((m.dev(), m.ino())) {
            self.files.push(p.to_path_buf());
        }
    }

    fn visit_dir(&mut self, p: &Path) {
        let rd = match fs::read_dir(p) {
            Ok(rd) => rd,
            Err(e) => {
                self.failures
                    .push(Problem::new(p, 0, format!("cannot list the folder: {e}")));
                return;
            }
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            let hidden = e
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                self.visit(&e, false);
            }
        }
    }
}

/// What a non-regular file is, for the message that skips it.
fn kind_of(m: &fs::Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_fifo() {
        "a named pipe"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

fn too_big(p: &Path, len: u64) -> Problem {
    Problem::new(
        p,
        0,
        format!(
            "skipped: {} MB is larger than a transcript can be (the limit is {} MB)",
            len.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]: the limit holds even if the file grew
/// or was swapped since the walk looked at it.
fn read_limited(file: &Path) -> Result<Vec<u8>, Problem> {
    let cannot_read = |e: std::io::Error| Problem::new(file, 0, format!("cannot read: {e}"));
    let f = fs::File::open(file).map_err(cannot_read)?;
    let m = f.metadata().map_err(cannot_read)?;
    if !m.is_file() {
        return Err(Problem::new(
            file,
            0,
            format!("skipped: not a regular file ({})", kind_of(&m)),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(m.len().min(MAX_FILE_BYTES)).unwrap_or(0));
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(file, bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::{MAX_FILE_BYTES, read_limited};

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        // The walk's size check can be outrun (a file that grows); the read itself is bounded.
        let p = std::env::temp_dir().join(format!("briefings-limit-{}.txt", std::process::id()));
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(MAX_FILE_BYTES + 4096).unwrap();
        drop(f);
        let got = read_limited(&p);
        let _ = std::fs::remove_file(&p);
        let err = got.unwrap_err().to_string();
        assert!(err.contains("larger than a transcript can be"), "{err}");
        assert!(err.contains("65 MB"), "{err}");
    }
}

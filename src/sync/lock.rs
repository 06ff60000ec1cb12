//! One sync (or `import --reparse`) at a time per corpus: two walks at once
//! would fetch every page twice and write each manifest line twice.
//!
//! An OS lock (`flock`) on `raw/.sync.lock`, so a killed process's lock
//! vanishes with it and never blocks the next sync; the file keeps the
//! holder's pid and what it runs, for the message the second one prints.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Write as _};
use std::path::Path;

/// Held while this process walks or reparses the corpus; released on drop.
#[derive(Debug)]
pub(crate) struct SyncLock {
    _file: File,
}

impl SyncLock {
    /// Takes the corpus's sync lock without waiting (a first sync can take
    /// hours): the error names the process that holds it. `what` is `sync`
    /// or `import --reparse`.
    pub(crate) fn take(corpus: &Path, what: &str) -> Result<SyncLock, String> {
        let dir = corpus.join("raw");
        let path = dir.join(".sync.lock");
        let cannot = |e: std::io::Error| format!("{}: cannot lock the corpus: {e}", path.display());
        std::fs::create_dir_all(&dir).map_err(cannot)?;
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(cannot)?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0)
                    .and_then(|()| writeln!(file, "{} {what}", std::process::id()))
                    .map_err(cannot)?;
                Ok(SyncLock { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let mut words = holder.split_whitespace();
                let pid = words.next().unwrap_or("not yet known");
                let running: Vec<&str> = words.collect();
                let running = if running.is_empty() {
                    "sync".to_string()
                } else {
                    running.join(" ")
                };
                Err(format!(
                    "another {running} is running on {} (pid {pid}); try again when it is done",
                    corpus.display()
                ))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(cannot(e)),
        }
    }
}

//! File locks between briefings processes: one writer of the caches at a time,
//! and readers that keep an index generation from being deleted under them.
//!
//! Both are OS locks (`flock`): a killed process's lock vanishes with it.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The writer lock file inside the cache folder.
pub(crate) const WRITER_LOCK: &str = "lock";

/// The file inside an index generation that readers hold a shared lock on.
pub(super) const READERS: &str = ".readers";

/// How long a writer waits for another (an import of thousands of files takes a while).
const PATIENCE: Duration = Duration::from_secs(600);

/// Held while this process writes the corpus or its caches; released on drop.
#[derive(Debug)]
pub(super) struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Waits for the cache folder's writer lock (creating the folder and the lock file).
    pub(super) fn acquire(cache: &Path) -> Result<WriterLock, String> {
        let path = cache.join(WRITER_LOCK);
        let cannot = |e: io::Error| {
            format!(
                "cannot lock the cache folder {} ({e}); searching needs a writable cache to build the index",
                cache.display()
            )
        };
        std::fs::create_dir_all(cache).map_err(cannot)?;
        if path.is_dir() {
            // An occupied lock path heals: nothing but us writes there.
            std::fs::remove_dir_all(&path).map_err(cannot)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(cannot)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(WriterLock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < PATIENCE => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(format!(
                        "another briefings process has been writing {} for {} s; try again when it is done",
                        cache.display(),
                        PATIENCE.as_secs()
                    ));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(cannot(e)),
            }
        }
    }
}

/// A shared lock on one index generation: while held, no writer deletes it.
#[derive(Debug)]
pub(super) struct ReaderHold {
    file: File,
}

/// Why a generation could not be held.
pub(super) enum HoldError {
    /// It is being deleted, or is gone: read the pointer again.
    Gone,
    /// Its lock file cannot be opened for another reason.
    Other(io::Error),
}

impl ReaderHold {
    /// The open lock file: the lock lasts as long as it stays open.
    pub(super) fn into_file(self) -> File {
        self.file
    }

    /// Takes a shared lock on `generation`'s readers file, without waiting.
    pub(super) fn take(generation: &Path) -> Result<ReaderHold, HoldError> {
        let file = File::open(generation.join(READERS)).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => HoldError::Gone,
            _ => HoldError::Other(e),
        })?;
        match file.try_lock_shared() {
            Ok(()) => Ok(ReaderHold { file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(HoldError::Gone),
            Err(std::fs::TryLockError::Error(e)) => Err(HoldError::Other(e)),
        }
    }
}

/// Keeps readers out of a generation while it is deleted (the lock file, if it has one).
pub(super) struct Exclusive {
    _file: Option<File>,
}

/// `Some` when no reader holds `generation` (or it has no lock file: never
/// sealed, so never read); the guard keeps readers out while the caller deletes it.
pub(super) fn unread(generation: &Path) -> Option<Exclusive> {
    let path: PathBuf = generation.join(READERS);
    match File::open(&path) {
        Err(_) => Some(Exclusive { _file: None }),
        Ok(f) => f.try_lock().ok().map(|()| Exclusive { _file: Some(f) }),
    }
}

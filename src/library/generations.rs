//! Index generations in the cache folder: `index-<n>/` folders, never changed
//! once published, and the `index-current` pointer naming the one to read.
//!
//! A writer builds a new generation beside the current one, then replaces the
//! pointer atomically (temporary file + rename), so a reader always finds a
//! complete index. Old generations are deleted only when no reader holds them
//! (see [`super::lock`]); otherwise the next writer tries again.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::lock;

/// The pointer file's name inside the cache folder.
pub(crate) const POINTER: &str = "index-current";
const PREFIX: &str = "index-";

/// The folder of generation `n`.
pub(super) fn dir(cache: &Path, n: u64) -> PathBuf {
    cache.join(format!("{PREFIX}{n}"))
}

/// The generation the pointer names, if it names one.
pub(super) fn current(cache: &Path) -> Option<u64> {
    fs::read_to_string(cache.join(POINTER))
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Generation numbers present in the cache folder (folders or debris of that name).
fn present(cache: &Path) -> Vec<u64> {
    let Ok(entries) = fs::read_dir(cache) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_prefix(PREFIX)?
                .parse::<u64>()
                .ok()
        })
        .collect()
}

/// A fresh, empty folder for the next generation (its number, its path).
/// Whatever occupies that name (a file, debris of a killed build) is removed first.
pub(super) fn fresh(cache: &Path) -> io::Result<(u64, PathBuf)> {
    let n = present(cache)
        .into_iter()
        .chain(current(cache))
        .max()
        .map_or(1, |m| m + 1);
    let path = dir(cache, n);
    remove_any(&path)?;
    fs::create_dir_all(&path)?;
    Ok((n, path))
}

/// Marks a built generation readable: creates its readers' lock file.
pub(super) fn seal(generation: &Path) -> io::Result<()> {
    fs::File::create(generation.join(lock::READERS)).map(drop)
}

/// Points readers at generation `n` (atomic replace of the pointer file).
pub(super) fn publish(cache: &Path, n: u64) -> io::Result<()> {
    let pointer = cache.join(POINTER);
    if pointer.is_dir() {
        fs::remove_dir_all(&pointer)?;
    }
    let tmp = cache.join(format!(".{POINTER}.{}.tmp", std::process::id()));
    let mut f = fs::File::create(&tmp)?;
    writeln!(f, "{n}")?;
    f.sync_all()?;
    fs::rename(&tmp, &pointer)
}

/// Deletes every generation but `keep` that no reader holds, the index folder
/// of earlier versions, and temporary files of killed writers. Call with the writer lock.
pub(super) fn clean(cache: &Path, keep: u64) {
    for n in present(cache).into_iter().filter(|&n| n != keep) {
        let path = dir(cache, n);
        if path.is_dir() {
            // The guard keeps readers out until the folder is gone.
            if let Some(_guard) = lock::unread(&path) {
                let _ = fs::remove_dir_all(&path);
            }
        } else {
            let _ = fs::remove_file(&path);
        }
    }
    // Before generations the index lived in `index/`: only old binaries read it.
    let _ = fs::remove_dir_all(cache.join("index"));
    let _ = fs::remove_file(cache.join("index"));
    remove_temporaries(cache);
}

/// Temporary files of a writer that was killed (no live writer: the caller holds the lock).
pub(super) fn remove_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Copies generation `from` into the empty folder `to` for an update: segment
/// files are immutable, so they are hard-linked (copied where links fail);
/// tantivy's small files that change are copied.
pub(super) fn copy(from: &Path, to: &Path) -> io::Result<()> {
    for e in fs::read_dir(from)? {
        let e = e?;
        let name = e.file_name();
        let name_s = name.to_string_lossy();
        if !e.file_type()?.is_file() || name_s.ends_with(".lock") || name_s == lock::READERS {
            continue;
        }
        let target = to.join(&name);
        let small = name_s.ends_with(".json");
        if small || fs::hard_link(e.path(), &target).is_err() {
            fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}

/// Removes a file, link or folder at `path` if any.
fn remove_any(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

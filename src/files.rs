//! Writing a whole file so that a crash never leaves half of it, and never
//! replacing a file the user did not ask to replace.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it. With
/// `replace` false an existing `path` is an `AlreadyExists` error and is left
/// untouched (the new file is linked in place, which fails when one is there).
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if replace {
            fs::rename(&tmp, path)
        } else {
            fs::hard_link(&tmp, path)
        }
    })();
    let _ = fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_unless_asked() {
        let dir = std::env::temp_dir().join(format!("briefings-files-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let p = dir.join("out.md");
        write_atomically(&p, b"one", false).unwrap();
        let e = write_atomically(&p, b"two", false).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomically(&p, b"three", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no temporary left");
        fs::remove_dir_all(&dir).unwrap();
    }
}

//! Standard output of the sub-commands: a reader that went away (`| head -1`) ends the process quietly.

use std::io::{self, Write};

/// Writes `text` to stdout. A closed pipe exits at once with status 0, as Unix tools do
/// (Rust ignores SIGPIPE, so without this every `print!` after `head` quits would panic);
/// any other failure is one sentence for exit 1.
pub(super) fn write(text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(format!("cannot write to standard output: {e}")),
    }
}

/// `println!` through [`write`]: `outln!("{x}")?` in a function returning `Result<_, String>`.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::commands::out::write(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(super) use outln;

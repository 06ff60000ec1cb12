//! Runs a child process to completion, timing it and sampling its peak resident memory.

use std::fs;
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How a child ran.
pub struct Ran {
    pub output: Output,
    pub wall: Duration,
    /// Highest `VmHWM` seen while it ran, in bytes (sampled every few ms; 0 if too quick to see).
    pub peak_rss: u64,
}

/// Runs `cmd` with stdout and stderr captured.
pub fn run(cmd: &mut Command) -> Result<Ran, String> {
    let describe = format!("{cmd:?}");
    let started = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {describe}: {e}"))?;
    let pid = child.id();
    // Sample the child's high-water mark until it exits; the waiting thread reaps it.
    let waiter = thread::spawn(move || child.wait_with_output());
    let mut peak_rss = 0;
    while !waiter.is_finished() {
        peak_rss = peak_rss.max(vm_hwm(&format!("/proc/{pid}/status")).unwrap_or(0));
        thread::sleep(Duration::from_millis(5));
    }
    let output = waiter
        .join()
        .map_err(|_| format!("waiting for {describe} panicked"))?
        .map_err(|e| format!("waiting for {describe}: {e}"))?;
    Ok(Ran {
        output,
        wall: started.elapsed(),
        peak_rss,
    })
}

/// Runs `cmd` with its output thrown away and returns the wall time (no memory sampling).
pub fn time_quiet(cmd: &mut Command) -> Result<Duration, String> {
    let started = Instant::now();
    let status = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    let wall = started.elapsed();
    // rg and grep exit 1 when nothing matches; only a crash or a usage error counts as failure.
    match status.code() {
        Some(0 | 1) => Ok(wall),
        _ => Err(format!("{cmd:?} failed: {status}")),
    }
}

/// `VmHWM` (peak resident set) from a `/proc/<pid>/status` file, in bytes.
pub fn vm_hwm(status_file: &str) -> Option<u64> {
    let text = fs::read_to_string(status_file).ok()?;
    let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A child's failure in one line: its panic message if it panicked, else the last line of stderr.
pub fn last_error_line(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut lines = stderr.lines();
    if let Some(at) = lines.by_ref().find(|l| l.contains("panicked at")) {
        return format!("{} {}", at.trim(), lines.next().unwrap_or("").trim());
    }
    stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("(no message)")
        .to_string()
}

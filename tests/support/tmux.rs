//! Drives the real binary inside a detached tmux session: send keys, read the screen.
#![allow(dead_code)]

use std::process::Command;
use std::time::{Duration, Instant};

/// One tmux server (own socket) with one session running a command.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` (a shell line) in a `width`×`height` session.
    pub fn start(tag: &str, width: u16, height: u16, command: &str) -> Tmux {
        // One server per session, never reused: a server being killed for the previous
        // session of the same tag would take the next `new-session` down with it.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("briefings-{tag}-{}-{n}", std::process::id());
        let t = Tmux { socket };
        let ok = t
            .tmux()
            .args([
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .arg(command)
            .status()
            .expect("tmux runs (tests check `support::tmux_runs()` first)")
            .success();
        assert!(ok, "tmux new-session failed");
        // Keep the pane after the program exits so its last screen and exit line can be read.
        let _ = t
            .tmux()
            .args(["set-option", "-t", "main", "remain-on-exit", "on"])
            .status();
        t
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new(super::skip::tmux_program());
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    /// Sends tmux key names (`"Enter"`, `"Escape"`, `"C-c"`) or literal text with `literal`.
    pub fn keys(&self, keys: &[&str]) {
        let ok = self
            .tmux()
            .args(["send-keys", "-t", "main"])
            .args(keys)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "send-keys {keys:?}");
    }

    /// Types text literally, one key at a time, as a person would.
    pub fn type_text(&self, text: &str) {
        for ch in text.chars() {
            let s = ch.to_string();
            let ok = self
                .tmux()
                .args(["send-keys", "-t", "main", "-l", &s])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "send-keys -l {s:?}");
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Pastes `text` as a terminal paste (bracketed when the program asked for it), through a
    /// file: a command line could not carry hundreds of kilobytes.
    pub fn paste(&self, text: &str) {
        let file = std::env::temp_dir().join(format!("{}-paste.txt", self.socket));
        std::fs::write(&file, text).expect("write the paste buffer");
        let loaded = self
            .tmux()
            .args(["load-buffer", "-b", "paste"])
            .arg(&file)
            .status()
            .is_ok_and(|s| s.success());
        let _ = std::fs::remove_file(&file);
        assert!(loaded, "load-buffer");
        let ok = self
            .tmux()
            .args(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "paste-buffer");
    }

    /// The visible screen as plain text.
    pub fn screen(&self) -> String {
        let o = self
            .tmux()
            .args(["capture-pane", "-p", "-t", "main"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The visible screen with SGR escape sequences (to see highlights).
    pub fn screen_styled(&self) -> String {
        let o = self
            .tmux()
            .args(["capture-pane", "-p", "-e", "-t", "main"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// A tmux format value for the pane (`alternate_on`, `pane_dead`, `pane_dead_status`).
    pub fn format(&self, name: &str) -> String {
        let o = self
            .tmux()
            .args([
                "display-message",
                "-p",
                "-t",
                "main",
                &format!("#{{{name}}}"),
            ])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    pub fn resize(&self, width: u16, height: u16) {
        let _ = self
            .tmux()
            .args([
                "resize-window",
                "-t",
                "main",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .status();
    }

    /// Waits until the screen satisfies `pred` (30 s at most); panics with the screen otherwise.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            // Generous: the bound only decides when a missing screen is a failure, and the
            // one test binary runs these beside heavy tests on a 2-core CI machine.
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}

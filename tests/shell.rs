//! Shell integration as a user installs it: the completion script completes in a real bash,
//! and the manual pages exist per sub-command and describe their options.

use crate::support;
use support::{App, stdout};

/// Completes `words` (the last one being typed) in bash with the script sourced, calling the
/// function as bash's `complete -F` does (command, current word, previous word); the candidates.
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let dir = support::TempDir::new("completions");
    let file = dir.path().join("briefings.bash");
    std::fs::write(&file, script).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{}'; COMP_POINT=${{#COMP_LINE}}; \
         _briefings briefings '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let o = std::process::Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completion_offers_sub_commands_and_their_flags() {
    let app = App::new("completions");
    let o = app.run(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let script = stdout(&o);
    let subs = bash_completes(&script, &["briefings", "s"]);
    for want in ["search", "show", "similar", "sync"] {
        assert!(subs.iter().any(|s| s == want), "{want} not in {subs:?}");
    }
    assert!(
        !subs.iter().any(|s| s == "list"),
        "only what starts with s: {subs:?}"
    );
    let flags = bash_completes(&script, &["briefings", "search", "--ou"]);
    assert_eq!(flags, ["--outlet"], "the flag of search");
}

#[test]
fn completions_for_every_shell_and_a_clear_refusal() {
    let app = App::new("completions-all");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = app.run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(stdout(&o).contains("briefings"), "{shell}");
        assert!(
            stdout(&o).contains("outlet"),
            "{shell} completes search's --outlet"
        );
    }
    let o = app.run(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(support::stderr(&o).contains("tcsh"));
}

#[test]
fn one_manual_page_per_sub_command_with_its_options() {
    let app = App::new("man");
    let dir = support::TempDir::new("man");
    let out = dir.path().join("man1");
    let o = app.run(&["man", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", support::stderr(&o));
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert!(
        stdout(&o).starts_with(&format!("{} manual pages written", pages.len())),
        "the count said is the count written: {} vs {pages:?}",
        stdout(&o)
    );
    for want in [
        "briefings.1",
        "briefings-search.1",
        "briefings-sync.1",
        "briefings-bookmarks-add.1",
    ] {
        assert!(pages.iter().any(|p| p == want), "{want} not in {pages:?}");
    }
    let search = std::fs::read_to_string(out.join("briefings-search.1")).unwrap();
    assert!(search.contains(".TH briefings-search 1"), "{search}");
    assert!(
        search.contains("\\-\\-outlet"),
        "search's options are described"
    );
    let main = app.run(&["man"]);
    assert!(stdout(&main).contains(".TH briefings 1"));
    assert!(
        stdout(&main).contains("sync"),
        "the main page lists the sub-commands"
    );
}

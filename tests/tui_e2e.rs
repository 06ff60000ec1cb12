//! The real binary in a real terminal (tmux): search, open a hit, follow an outlet, help,
//! resize, reload after another process imports, hostile text, and a clean exit.

use crate::support;

use support::tmux::Tmux;
use support::{App, fixture, shared, stderr, tmux_runs};

fn launch(app: &App, tag: &str, w: u16, h: u16) -> Tmux {
    let line = format!(
        "BRIEFINGS_CORPUS='{}' BRIEFINGS_CACHE='{}' XDG_CONFIG_HOME='{}' XDG_DATA_HOME='{}' TERM=xterm-256color '{}'; echo \"EXIT=$?\"; sleep 600",
        app.corpus().display(),
        app.cache().display(),
        app.home.path().join("config").display(),
        app.home.path().join("data").display(),
        env!("CARGO_BIN_EXE_briefings")
    );
    Tmux::start(tag, w, h, &line)
}

fn import(app: &App, path: &std::path::Path) {
    let o = app.run(&["import", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Whether `word` appears on screen right after a yellow-background SGR (the match style).
fn highlighted(styled: &str, word: &str) -> bool {
    styled.match_indices(word).any(|(i, _)| {
        styled[..i]
            .rsplit('\u{1b}')
            .next()
            .is_some_and(|sgr| sgr.contains("43") || sgr.contains("48;5;3"))
    })
}

fn quit_cleanly(t: &Tmux) {
    t.keys(&["q"]);
    t.wait_text("EXIT=0");
    assert_eq!(t.format("alternate_on"), "0", "left the alternate screen");
}

#[test]
fn search_open_follow_outlet_help_and_quit() {
    let Some(shared) = shared() else {
        return;
    };
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e");
    import(&app, &shared.join("corpus"));
    let t = launch(&app, "main", 120, 40);
    t.wait_text("Conferences (");

    t.keys(&["/"]);
    t.type_text("taiwan");
    let s = t.wait_text("hits ·");
    assert!(s.contains("Search: taiwan"), "{s}");
    assert!(
        highlighted(&t.screen_styled(), "Taiwan"),
        "matches are highlighted:\n{}",
        t.screen_styled()
    );

    // A half-typed word is highlighted too, through its prefix expansion.
    t.keys(&["C-u"]);
    t.type_text("outlet:AFP chin");
    let s = t.wait_for("AFP hits", |s| s.contains("hits ·") && s.contains("AFP"));
    assert!(s.contains("outlet:AFP"), "{s}");
    assert!(
        highlighted(&t.screen_styled(), "Chin"),
        "prefix matches are highlighted"
    );

    // Open the first hit in its conference, then follow AFP to its next question.
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    let opened = t.wait_text("Turns · ");
    let before = reader_meta(&opened);
    t.keys(&["]"]);
    let after = t.wait_for("the next AFP question", |s| reader_meta(s) != before);
    assert!(
        reader_meta(&after).contains("AFP"),
        "{}",
        reader_meta(&after)
    );

    t.keys(&["?"]);
    let help = t.wait_text("every binding");
    for key in ["search", "outlet", "quit", "copy"] {
        assert!(help.contains(key), "help lists {key}");
    }
    t.keys(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("every binding"));
    quit_cleanly(&t);
}

/// The reader's meta line: date · spokesperson · asker · turn.
fn reader_meta(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(" · turn "))
        .map(|l| l.rsplit('│').nth(1).unwrap_or(l).trim().to_string())
        .unwrap_or_default()
}

#[test]
fn narrow_terminal_resize_and_too_small() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-narrow");
    import(&app, &fixture("zh"));
    let t = launch(&app, "narrow", 80, 24);
    let s = t.wait_text("Conferences");
    assert!(s.contains("Reader") || s.contains("Turns"), "{s}");
    assert!(
        s.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    t.resize(40, 10);
    t.wait_text("small");
    t.resize(160, 48);
    t.wait_for("wide layout", |s| {
        s.contains("Conferences") && s.contains("Reader") && s.contains("Turns")
    });
    quit_cleanly(&t);
}

#[test]
fn another_process_imports_and_reload_shows_it() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-reload");
    import(&app, &fixture("fr/2024-03-05_wang.txt"));
    let t = launch(&app, "reload", 120, 40);
    let s = t.wait_text("Conferences (");
    let count = |s: &str| {
        s.split("Conferences (")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .and_then(|n| n.parse::<usize>().ok())
    };
    let before = count(&s).unwrap();
    import(&app, &fixture("en/2019-11-14_geng.txt"));
    t.keys(&["R"]);
    let s = t.wait_for("more conferences", |s| count(s).is_some_and(|n| n > before));
    assert!(s.contains(" en "), "{s}");
    t.keys(&["/"]);
    t.type_text("visit");
    t.wait_text("hits ·");
    t.keys(&["Escape", "Escape"]);
    quit_cleanly(&t);
}

/// `R` after another process deleted a conference: the conference list, search
/// no longer hold it (the index is reopened, not just reloaded; outlet counts come from it).
#[test]
fn a_deletion_then_reload_leaves_search() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-delete");
    import(&app, &fixture("fr/2024-03-05_wang.txt"));
    import(&app, &fixture("en/2019-11-14_geng.txt"));
    let t = launch(&app, "delete", 120, 40);
    t.wait_text("Conferences (2)");
    t.keys(&["/"]);
    t.type_text("outcomes");
    let s = t.wait_for("hits in the English conference", |s| {
        s.contains("hits ·") || s.contains("hit ·")
    });
    assert!(!s.contains(" 0 hits"), "{s}");
    t.keys(&["Escape"]);
    std::fs::remove_file(app.corpus().join("conferences/2019-11-14-en.json")).unwrap();
    // The search stays on screen: reloading asks it again, of the reopened index.
    t.keys(&["R"]);
    let s = t.wait_for(
        "the search asked again without the deleted conference",
        |s| s.contains(" 0 hits ·") && s.contains("1 conference"),
    );
    assert!(!s.contains("rror"), "{s}");
    t.keys(&["Escape", "Escape"]);
    quit_cleanly(&t);
}

#[test]
fn hostile_text_never_drives_the_terminal() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-hostile");
    let dir = app.corpus().join("conferences");
    std::fs::create_dir_all(&dir).unwrap();
    let conf = serde_json::json!({
        "format": 1, "id": "2025-01-02-fr", "date": "2025-01-02", "language": "fr",
        "spokesperson": "Guo Jiakun",
        "title": "Titre\u{1b}]0;PWNED-TITLE\u{7} propre",
        "turns": [{"kind": "question", "asker": "AFP\u{1b}[2J", "outlet": "AFP",
                   "question": ["Question\u{1b}]52;c;UFdORUQ=\u{7} propre ?"],
                   "speaker": "Guo Jiakun",
                   "answer": ["Réponse\u{1b}[31m rouge\u{202e} inversée\u{8}\u{8} fin\r"]}]
    });
    std::fs::write(dir.join("2025-01-02-fr.json"), conf.to_string()).unwrap();
    // A damaged file beside it: reported in the status line, the rest still browses.
    std::fs::write(
        dir.join("2024-05-06-fr.json"),
        "{\n  \"id\": \"2024-05-06-fr\",\n  oops",
    )
    .unwrap();
    let t = launch(&app, "hostile", 120, 40);
    t.wait_text("2024-05-06-fr.json:3"); // the damaged file, named with its line
    let s = t.wait_text("Titre propre");
    assert!(s.contains("Réponse rouge inversée fin"), "{s}");
    assert!(
        !t.format("pane_title").contains("PWNED"),
        "the title was not set"
    );
    assert!(
        !t.screen_styled().contains("\u{1b}[31m"),
        "no red text came from the transcript"
    );
    quit_cleanly(&t);
}

#[test]
fn sigterm_restores_the_terminal() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-term");
    let t = launch(&app, "term", 100, 30);
    t.wait_text("sample");
    let pid = t.format("pane_pid");
    // The pane runs a shell whose child is briefings.
    let children = std::process::Command::new("pgrep")
        .args(["-P", &pid])
        .output()
        .unwrap();
    let child = String::from_utf8_lossy(&children.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    assert!(!child.is_empty(), "briefings runs under pane pid {pid}");
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &child])
            .status()
            .unwrap()
            .success()
    );
    t.wait_text("EXIT=0");
    assert_eq!(t.format("alternate_on"), "0", "left the alternate screen");
}

/// A conference whose first answer is one paragraph of `bytes` bytes, newest in the corpus so
/// the browser opens on it.
fn huge_paragraph_conference(app: &App, bytes: usize) {
    let sample = app.run(&["show", "2026-03-12-fr", "--json"]);
    assert_eq!(sample.status.code(), Some(0), "{}", stderr(&sample));
    let mut conf: serde_json::Value = serde_json::from_slice(&sample.stdout).unwrap();
    let words = "la Chine soutient une solution politique et la paix régionale ";
    let paragraph = words.repeat(bytes / words.len() + 1);
    conf["id"] = "2030-01-01-fr".into();
    conf["date"] = "2030-01-01".into();
    conf["turns"][0]["answer"] = serde_json::json!([paragraph]);
    let dir = app.corpus().join("conferences");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("2030-01-01-fr.json"),
        serde_json::to_vec(&conf).unwrap(),
    )
    .unwrap();
}

#[test]
fn ctrl_c_quits_while_a_huge_paragraph_is_being_laid_out() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-huge");
    huge_paragraph_conference(&app, 30_000_000);
    let t = launch(&app, "huge", 100, 30);
    // The first frame comes while the 30 MB paragraph is laid out on another thread.
    let s = t.wait_text("Laying out this turn (30.0 MB)");
    assert!(s.contains("Conferences"), "{s}");
    // Keys are answered meanwhile: the help opens and closes.
    t.keys(&["?"]);
    t.wait_text("every binding");
    t.keys(&["Escape"]);
    // (Esc and Ctrl-C sent together would read as Alt-Ctrl-C.)
    t.wait_for("the help to close", |s| !s.contains("every binding"));
    let asked = std::time::Instant::now();
    t.keys(&["C-c"]);
    let s = t.wait_text("EXIT=");
    assert!(s.contains("EXIT=0"), "quit in order, not forced:\n{s}");
    assert_eq!(t.format("alternate_on"), "0", "left the alternate screen");
    assert!(!s.contains("panicked"), "no panic on the way out:\n{s}");
    eprintln!("Ctrl-C to exit: {:?}", asked.elapsed());
}

#[test]
fn a_200_kb_paste_is_cut_the_screen_answers_and_ctrl_c_quits() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-paste");
    let t = launch(&app, "paste", 120, 40);
    t.wait_text("sample");
    t.keys(&["/"]);
    t.wait_text("Search:");
    let words = "la Chine soutient une solution politique et la paix régionale ";
    t.paste(&words.repeat(200_000 / words.len() + 1));
    // The browser says what it did with the paste and answers the (cut) query.
    let s = t.wait_text("Pasted text cut to 1000 characters");
    assert!(s.contains("Search: "), "{s}");
    // Answered: hits, or why the query cannot match; no longer "searching…".
    t.wait_for("the search to answer", |s| !s.contains("searching…"));
    // Still responsive: a key typed now is shown at once.
    t.keys(&["C-u"]);
    t.type_text("paix");
    t.wait_text("Search: paix");
    let asked = std::time::Instant::now();
    t.keys(&["C-c"]);
    let s = t.wait_text("EXIT=");
    assert!(s.contains("EXIT=0"), "quit in order, not forced:\n{s}");
    assert_eq!(t.format("alternate_on"), "0", "left the alternate screen");
    eprintln!("Ctrl-C to exit after the paste: {:?}", asked.elapsed());
}

#[test]
fn search_history_is_kept_across_runs_and_recalled_with_up() {
    if !tmux_runs() {
        return;
    }
    let app = App::new("e2e-history");
    let t = launch(&app, "history1", 120, 40);
    t.wait_text("sample");
    for q in ["taiwan", "paix"] {
        t.keys(&["/", "C-u"]);
        t.type_text(q);
        t.wait_text(&format!("Search: {q}"));
        t.keys(&["Enter"]);
    }
    quit_cleanly(&t);
    drop(t);
    let t = launch(&app, "history2", 120, 40);
    t.wait_text("sample");
    t.keys(&["/"]);
    t.keys(&["Up"]);
    t.wait_text("Search: paix");
    t.keys(&["Up"]);
    t.wait_text("Search: taiwan");
    t.keys(&["Down", "Down"]);
    t.wait_for("the empty draft back", |s| {
        s.lines().any(|l| l.trim_start().starts_with("Search: ▏"))
    });
    // Line editing: Home, a word right, Ctrl-K.
    t.type_text("mer de Chine");
    t.keys(&["Home", "M-f", "C-k"]);
    t.wait_text("Search: mer▏");
    quit_escaping_search(&t);
}

/// Leaves the search bar, then quits.
fn quit_escaping_search(t: &Tmux) {
    t.keys(&["Escape"]);
    t.keys(&["Escape"]);
    quit_cleanly(t);
}

//! Whole-screen snapshots: the fixture corpus drawn with `TestBackend` after sequences of
//! actions, compared by insta with `tests/snapshots/*.snap`. After a deliberate change,
//! review and accept the new screens with `cargo insta review` (or rerun with
//! `INSTA_UPDATE=always` and read the diff in git).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::action::Action;
use super::app::App;
use super::fixture;
use super::ui;

/// Draws `app` and returns the screen as text lines (trailing spaces trimmed) and the buffer.
pub(crate) fn screen(app: &App) -> (Vec<String>, Buffer) {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| {
        ui::draw(f, app);
    })
    .expect("draw");
    let buf = term.backend().buffer().clone();
    let lines = (0..h)
        .map(|y| row(&buf, y).trim_end().to_string())
        .collect();
    (lines, buf)
}

/// Compares the screen with the stored snapshot `name`.
fn check(name: &str, app: &App) -> Buffer {
    let (lines, buf) = screen(app);
    check_lines(name, &lines);
    buf
}

/// Compares screen lines with the stored snapshot `name` (`tests/snapshots/name.snap`).
pub(crate) fn check_lines(name: &str, lines: &[String]) {
    let text = lines.join("\n");
    insta::with_settings!({
        snapshot_path => "../../tests/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

/// The row `y` as text (the cell after a wide character is skipped).
fn row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let sym = buf[(x, y)].symbol();
        out.push_str(sym);
        x += (crate::wrap::width(sym) as u16).max(1);
    }
    out
}

#[test]
fn start_up_at_80x24_stacks_the_lists() {
    let app = fixture::app(80, 24);
    let buf = check("browse_80x24", &app);
    assert!(row(&buf, 1).contains("2025-07-29 fr Guo Jiakun"));
    assert!(
        buf[(1, 1)].modifier.contains(Modifier::REVERSED),
        "the selected conference is reversed"
    );
    assert!(row(&buf, 22).contains("in-memory corpus · 3 conferences"));
}

#[test]
fn chinese_conference_in_the_reader_at_160x48() {
    let mut app = fixture::app(160, 48);
    run(
        &mut app,
        &[
            Action::Down,
            Action::FocusNext,
            Action::Down,
            Action::FocusNext,
        ],
    );
    let buf = check("chinese_160x48", &app);
    let all: String = (0..48).map(|y| row(&buf, y)).collect::<Vec<_>>().join("\n");
    assert!(all.contains("台湾是中国领土不可分割的一部分"), "{all}");
}

#[test]
fn a_narrow_chinese_answer_wraps_between_characters_at_80x24() {
    let mut app = fixture::app(80, 24);
    run(
        &mut app,
        &[Action::Down, Action::FocusNext, Action::FocusNext],
    );
    let (lines, _) = screen(&app);
    check("chinese_80x24", &app);
    for l in &lines {
        let reader: String = l.chars().skip_while(|c| *c != '│').collect();
        assert!(!reader.contains("│ ，") && !reader.contains("   ，"), "{l}");
    }
}

#[test]
fn help_lists_bindings_from_the_table() {
    let mut app = fixture::app(80, 24);
    run(&mut app, &[Action::ToggleHelp]);
    let (lines, _) = screen(&app);
    check("help_80x24", &app);
    let all = lines.join("\n");
    assert!(
        all.contains("search (incremental") && all.contains("quit"),
        "{all}"
    );
    run(&mut app, &[Action::Bottom]);
    let (lines, _) = screen(&app);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("┃   Ctrl-c ") && l.contains(" quit ")),
        "the last rows are reachable"
    );
}

#[test]
fn the_query_syntax_reads_whole_at_80_columns() {
    let mut app = fixture::app(80, 24);
    run(&mut app, &[Action::ToggleHelp]);
    // Every page of the help, scrolled through: no row is cut at the popup's edge.
    let mut seen = Vec::new();
    for _ in 0..12 {
        let (lines, _) = screen(&app);
        for l in &lines[2..22] {
            assert!(!l.contains("…┃"), "cut: {l}");
            seen.push(l.clone());
        }
        run(&mut app, &[Action::PageDown]);
    }
    let all = seen.join("\n");
    for (key, said) in [
        ("/", "search (incremental; the query syntax is below)"),
        ("", "Query syntax (in the search bar)"),
        (
            "chine taiwan",
            "every word must match (any case, accents or ending)",
        ),
        ("\"mer de Chine\"", "these words in this order"),
        (
            "outlet:AFP",
            "one outlet, by any of its names (agence, 路透社)",
        ),
        ("2024", "a year; 2024-03 a month, 2024-01..2025-06 a range"),
    ] {
        assert!(
            seen.iter()
                .any(|l| l.contains(said) && l.contains(&format!("┃   {key} "))
                    || key.is_empty() && l.contains(said)),
            "{key} {said} not in:\n{all}"
        );
    }
    // The page that starts with the syntax, as a person sees it.
    app.help_scroll = 0;
    while !screen(&app).0[3].contains("Query syntax") {
        assert!(app.help_scroll < 200, "no Query syntax heading");
        run(&mut app, &[Action::Down]);
    }
    check("help_syntax_80x24", &app);
}

#[test]
fn too_small_says_so() {
    let app = fixture::app(50, 10);
    let (lines, _) = screen(&app);
    assert!(lines.join(" ").contains("Window too small"));
}

#[test]
fn filter_and_answer_only_at_80x24() {
    let mut app = fixture::app(80, 24);
    run(
        &mut app,
        &[
            Action::FilterConferences,
            Action::Insert('l'),
            Action::Insert('i'),
            Action::Insert('n'),
            Action::Accept,
            Action::ToggleAnswerOnly,
        ],
    );
    let (lines, _) = screen(&app);
    check("filter_80x24", &app);
    assert!(lines[0].contains("Filter: lin"), "{}", lines[0]);
    assert!(
        !lines.join("\n").contains("Q  Can you confirm"),
        "answer only hides the question"
    );
    assert!(lines.join("\n").contains("A  We will release information"));
}

#[test]
fn an_unreadable_file_stays_named_beside_a_passing_message() {
    let mut app = fixture::app(160, 48);
    app.problems = vec![crate::problem::Problem::new(
        "/corpus/conferences/bad\u{1b}[2J.json",
        3,
        "expected `:`",
    )];
    // What the index worker says when it finishes building on a first start.
    app.message = Some("Search index rebuilt (index missing)".into());
    let (lines, _) = screen(&app);
    let status = &lines[usize::from(app.areas.status.y)];
    assert!(status.contains("Search index rebuilt"), "{status}");
    assert!(
        status.contains("⚠ cannot read bad\\u{1b}[2J.json:3: expected `:`"),
        "{status}"
    );
    // Narrow, under a long corpus path and with a message: the file and its line stay.
    let mut app = fixture::app(80, 24);
    app.problems = vec![
        crate::problem::Problem::new("/corpus/conferences/2024-05-06-fr.json", 3, "oops"),
        crate::problem::Problem::new("/corpus/conferences/b.json", 1, "oops"),
    ];
    app.message = Some("Search index rebuilt (index missing)".into());
    app.source = super::app::Source::Corpus(std::sync::Arc::new(crate::corpus::Corpus::dir(
        std::path::Path::new(&format!(
            "/tmp/{}/corpus",
            "very-long-folder-name-".repeat(4)
        )),
    )));
    let (lines, _) = screen(&app);
    let status = &lines[usize::from(app.areas.status.y)];
    assert!(
        status.contains("⚠ cannot read 2024-05-06-fr.json:3 (+1 more): oops"),
        "{status}"
    );
}

/// A list with rows out of sight says where the selection is on its bottom border; one
/// that shows every row says nothing (the title counts them already).
#[test]
fn a_list_with_hidden_rows_shows_the_position_at_80x24() {
    let mut confs = Vec::new();
    for day in 1..=28 {
        let mut c = fixture::conferences().remove(0);
        c.id = format!("2025-02-{day:02}-fr");
        c.date = c.id[..10].to_string();
        confs.push(c);
    }
    confs.reverse();
    let entries = confs
        .iter()
        .map(crate::corpus::Entry::of)
        .collect::<Vec<_>>();
    let mut app = fixture::app_of(confs, entries, 80, 24);
    let (lines, _) = screen(&app);
    let bottom = |lines: &[String], needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(bottom(&lines, " 1/28 "), "{}", lines.join("\n"));
    run(&mut app, &[Action::Down, Action::Down, Action::Bottom]);
    check("position_of_a_long_list_80x24", &app);
    let (lines, _) = screen(&app);
    assert!(bottom(&lines, " 28/28 "), "{}", lines.join("\n"));
    let small = fixture::app(80, 24);
    let (lines, _) = screen(&small);
    assert!(!bottom(&lines, "/3 "), "{}", lines.join("\n"));
}

/// `z`: the reader alone over the whole width; Tab stays in it; Esc gives the lists back
/// with the focus they had.
#[test]
fn zoom_gives_the_reader_the_whole_width_at_80x24() {
    use super::keymap::Focus;
    let mut app = fixture::app(80, 24);
    run(&mut app, &[Action::FocusNext, Action::Down, Action::Down]);
    assert_eq!(app.focus, Focus::Turns);
    run(&mut app, &[Action::ToggleZoom]);
    let buf = check("zoomed_reader_80x24", &app);
    assert!(row(&buf, 0).starts_with("┏ Reader"), "{}", row(&buf, 0));
    assert_eq!(app.focus, Focus::Reader);
    run(&mut app, &[Action::FocusNext]);
    assert_eq!(
        app.focus,
        Focus::Reader,
        "no pane out of sight takes the keys"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Focus::Turns);
    assert!(app.areas.turns.is_some() && app.zoom.is_none());
    run(&mut app, &[Action::ToggleZoom, Action::OpenSearch]);
    assert!(
        app.zoom.is_none() && app.areas.hits.is_some(),
        "a search brings the hits"
    );
}

/// `c` at both sizes: every turn under its rule, scrolled to the selected turn; with `z`
/// at 160 columns the whole width reads it.
#[test]
fn whole_conference_at_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = fixture::app(w, h);
        run(
            &mut app,
            &[Action::FocusNext, Action::Down, Action::ToggleWhole],
        );
        check(&format!("whole_conference_{w}x{h}"), &app);
    }
    let mut app = fixture::app(160, 48);
    run(&mut app, &[Action::ToggleWhole, Action::ToggleZoom]);
    check("whole_conference_zoomed_160x48", &app);
}

//! What the corpus and its caches promise against odd input and odd states:
//! impossible dates, ids that disagree with file names, debris of killed
//! processes, occupied or unwritable cache paths. The real binary, run as a user would.

use crate::support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{App, fixture, stderr, stdout};

fn json(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

const IMPOSSIBLE: &str = "Conférence de presse du 30 février 2025 tenue par le Porte-parole du Ministère des Affaires étrangères Guo Jiakun

Q : Quelle est la position de la Chine sur la coopération spatiale lunaire ?

R : La coopération spatiale lunaire progresse avec de nombreux partenaires.
";

#[test]
fn an_impossible_title_date_imports_with_a_warning_and_the_fallback_date() {
    let app = App::new("date-title");
    let file = app.home.path().join("2025-03-01_guo.txt");
    std::fs::write(&file, IMPOSSIBLE).unwrap();
    let o = app.run(&["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("30 février 2025") && err.contains("2025-03-01") && err.contains("file name"),
        "the warning names the date and the fallback: {err}"
    );
    let list = json(&app.run(&["list", "--json"]));
    assert_eq!(list[0]["date"], "2025-03-01");
    assert_eq!(list[0]["id"], "2025-03-01-fr");
    let hits = json(&app.run(&["search", "lunaire", "--json"]));
    assert_eq!(hits[0]["date"], "2025-03-01", "{hits}");
}

#[test]
fn impossible_flag_dates_and_limit_zero_exit_2() {
    let app = App::new("date-flag");
    for args in [
        ["search", "China", "--from", "2025-02-30"],
        ["search", "China", "--to", "2023-02-29"],
        ["search", "China", "--limit", "0"],
    ] {
        let o = app.run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("not a calendar date") || err.contains("--limit 0"),
            "{args:?}: {err}"
        );
    }
}

/// A conference file written by another tool with a date that names no day.
#[test]
fn a_stored_impossible_date_is_reported_never_shown_as_1970() {
    let app = App::new("date-json");
    let c = app.corpus().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    let conf = |id: &str, date: &str| {
        serde_json::json!({
            "id": id, "date": date, "language": "fr", "title": "t",
            "turns": [{"kind": "statement", "answer": ["coopération lunaire"]}]
        })
        .to_string()
    };
    std::fs::write(
        c.join("2025-02-30-fr.json"),
        conf("2025-02-30-fr", "2025-02-30"),
    )
    .unwrap();
    std::fs::write(
        c.join("2025-03-01-fr.json"),
        conf("2025-03-01-fr", "2025-03-01"),
    )
    .unwrap();
    let o = app.run(&["list", "--json"]);
    assert!(
        stderr(&o).contains("2025-02-30-fr.json") && stderr(&o).contains("not a calendar date"),
        "{}",
        stderr(&o)
    );
    assert_eq!(json(&o).as_array().unwrap().len(), 1);
    let hits = app.run(&["search", "lunaire", "--json"]);
    let text = stdout(&hits);
    assert!(!text.contains("1970-01-01"), "{text}");
    assert_eq!(json(&hits).as_array().unwrap().len(), 1, "{text}");
}

fn write_conf(dir: &Path, file: &str, id: &str, word: &str) {
    let v = serde_json::json!({
        "id": id, "date": "2024-05-06", "language": "fr", "title": word,
        "turns": [{"kind": "statement", "answer": [word]}]
    });
    std::fs::write(dir.join(file), v.to_string()).unwrap();
}

/// Ids that disagree with file names: reported at load (file and what is
/// wrong); one id, one conference; `list`, `show` and `search` agree.
#[test]
fn an_id_that_disagrees_with_its_file_name_is_reported() {
    let app = App::new("identity");
    let c = app.corpus().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    write_conf(&c, "2024-05-06-fr.json", "2024-05-06-fr", "premier");
    // A copy under another name (a user's backup): the same id twice.
    write_conf(&c, "copie.json", "2024-05-06-fr", "copie");
    // A file whose id names no file.
    write_conf(&c, "2024-05-07-fr.json", "2024-05-08-fr", "ailleurs");
    let list = app.run(&["list", "--json"]);
    let err = stderr(&list);
    assert!(
        err.contains("copie.json") && err.contains("2024-05-06-fr.json holds that id already"),
        "{err}"
    );
    assert!(
        err.contains("2024-05-07-fr.json") && err.contains("\"2024-05-08-fr\""),
        "{err}"
    );
    let ids: Vec<String> = json(&list)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["2024-05-06-fr"]);
    let show = app.run(&["show", "2024-05-06-fr", "--json"]);
    assert_eq!(json(&show)["title"], "premier");
    // Every id `list` prints, `show` opens; the ids it does not print, `show` refuses.
    assert_eq!(app.run(&["show", "2024-05-08-fr"]).status.code(), Some(1));
    let show = app.run(&["show", "2024-05-07-fr"]);
    assert_eq!(show.status.code(), Some(1));
    assert!(stderr(&show).contains("2024-05-08-fr"), "{}", stderr(&show));
    for (word, n) in [("premier", 1), ("copie", 0), ("ailleurs", 0)] {
        let hits = json(&app.run(&["search", word, "--json"]));
        assert_eq!(hits.as_array().unwrap().len(), n, "{word}: {hits}");
    }
}

#[test]
fn a_conferences_path_that_is_a_file_is_an_error() {
    let app = App::new("conf-file");
    std::fs::create_dir_all(app.corpus()).unwrap();
    std::fs::write(app.corpus().join("conferences"), "not a folder").unwrap();
    for args in [&["list"][..], &["search", "China"], &["outlets"]] {
        let o = app.run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("conferences"), "{}", stderr(&o));
        assert!(!stderr(&o).contains("sample"), "{}", stderr(&o));
    }
}

/// Two misnamed files with one id: each report names the other file.
#[test]
fn two_files_with_one_id_name_each_other() {
    let app = App::new("twin-ids");
    let c = app.corpus().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    write_conf(&c, "copie-a.json", "2024-05-09-fr", "a");
    write_conf(&c, "copie-b.json", "2024-05-09-fr", "b");
    write_conf(&c, "2024-05-06-fr.json", "2024-05-06-fr", "premier");
    let err = stderr(&app.run(&["list"]));
    let line = |name: &str| {
        err.lines()
            .find(|l| l.contains(&format!("{name}.json:")))
            .unwrap_or_else(|| panic!("no report for {name}: {err}"))
            .to_string()
    };
    assert!(
        line("copie-a").contains("copie-b.json holds the same id"),
        "{err}"
    );
    assert!(
        line("copie-b").contains("copie-a.json holds the same id"),
        "{err}"
    );
}

/// A `conferences` entry that is no readable folder is an error naming it, not an empty
/// corpus (which would show the bundled sample).
#[cfg(unix)]
#[test]
fn a_conferences_path_that_is_a_loop_or_a_fifo_is_an_error() {
    for kind in ["loop", "fifo"] {
        let app = App::new(kind);
        std::fs::create_dir_all(app.corpus()).unwrap();
        let confs = app.corpus().join("conferences");
        if kind == "loop" {
            std::os::unix::fs::symlink(&confs, &confs).unwrap();
        } else {
            let made = std::process::Command::new("mkfifo").arg(&confs).status();
            if !made.is_ok_and(|s| s.success()) {
                println!("skipped: mkfifo unavailable");
                continue;
            }
        }
        for args in [&["list"][..], &["search", "China"], &["tui"]] {
            let o = app.run(args);
            assert_eq!(o.status.code(), Some(1), "{kind} {args:?}: {}", stderr(&o));
            let err = stderr(&o);
            assert!(
                err.contains("conferences") && !err.contains("sample"),
                "{kind}: {err}"
            );
        }
    }
}

/// File names that differ only in bytes that are not UTF-8 print differently.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_print_their_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let app = App::new("bytes");
    let dir = app.home.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    for b in [b'\xfe', b'\xff'] {
        let bytes = [b'x', b, b'.', b't', b'x', b't'];
        std::fs::write(
            dir.join(std::ffi::OsStr::from_bytes(&bytes)),
            "nothing to see here",
        )
        .unwrap();
    }
    let o = app.run(&["import", dir.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(
        err.contains("x\\xfe.txt") && err.contains("x\\xff.txt"),
        "{err}"
    );
    // Two copies of one transcript, one named with such a byte: the note naming the
    // other file shows its bytes too (it printed `bad\u{fffd}.txt`).
    let dir = app.home.path().join("copies");
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read(fixture("fr/2024-03-05_wang.txt")).unwrap();
    std::fs::write(dir.join("2024-03-05_a.txt"), &text).unwrap();
    std::fs::write(
        dir.join(std::ffi::OsStr::from_bytes(b"2024-03-05_bad\xff.txt")),
        &text,
    )
    .unwrap();
    let o = app.run(&["import", dir.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("also comes from"), "{err}");
    assert!(
        err.contains("bad\\xff.txt") && !err.contains('\u{fffd}'),
        "{err}"
    );
}

/// The project's own transcripts imported (two undated ones fail: exit 1).
fn imported(tag: &str) -> App {
    support::own_fixtures_imported(tag)
}

fn total(app: &App, word: &str) -> (usize, String) {
    let o = app.run(&["search", word, "--limit", "1"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let n = err
        .lines()
        .find_map(|l| {
            l.split_once(" hits (")
                .and_then(|(n, _)| n.trim().parse().ok())
        })
        .unwrap_or_else(|| panic!("no count: {err}"));
    (n, err)
}

/// The one cache folder of the test's corpus.
fn cache_of(app: &App) -> PathBuf {
    std::fs::read_dir(app.cache())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("a cache folder")
}

#[test]
fn temporary_files_of_a_killed_import_are_removed_by_the_next() {
    let app = imported("tmp");
    let c = app.corpus().join("conferences");
    let debris = c.join(".2024-03-05-fr.json.99999.tmp");
    std::fs::write(&debris, "{\"half\": ").unwrap();
    let cache_debris = cache_of(&app).join(".index-current.99999.tmp");
    std::fs::write(&cache_debris, "7").unwrap();
    let one = fixture("fr/2024-03-05_wang.txt");
    let o = app.run(&["import", one.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!debris.exists(), "the import's debris is gone");
    assert!(!cache_debris.exists(), "the cache's debris is gone");
}

#[test]
fn an_index_path_occupied_by_a_file_heals() {
    let app = imported("occupied");
    let (expected, _) = total(&app, "China");
    let cache = cache_of(&app);
    let n = std::fs::read_to_string(cache.join("index-current")).unwrap();
    let generation = cache.join(format!("index-{}", n.trim()));
    std::fs::remove_dir_all(&generation).unwrap();
    std::fs::write(&generation, "in the way").unwrap();
    let (got, note) = total(&app, "China");
    assert_eq!(got, expected, "{note}");
    assert!(note.contains("rebuilt"), "{note}");
    let (got, note) = total(&app, "China");
    assert_eq!(got, expected);
    assert!(!note.contains("rebuilt"), "healed for good: {note}");
    // The pointer itself occupied by a folder heals too.
    std::fs::remove_file(cache.join("index-current")).unwrap();
    std::fs::create_dir_all(cache.join("index-current/x")).unwrap();
    assert_eq!(total(&app, "China").0, expected);
    assert!(cache.join("index-current").is_file());
    // A pointer whose bytes are damaged is damage, not a missing index.
    std::fs::write(cache.join("index-current"), "\u{1}7x\n").unwrap();
    let (got, note) = total(&app, "China");
    assert_eq!(got, expected, "{note}");
    assert!(
        note.contains("index damaged, rebuilt") && note.contains("index-current"),
        "{note}"
    );
    assert!(!note.contains("missing"), "{note}");
}

/// A cache that cannot be written (here: its path is a file): search still
/// answers, from an index built in memory, and says why.
#[test]
fn an_unwritable_cache_still_searches_and_says_why() {
    let app = imported("unwritable");
    let (expected, _) = total(&app, "China");
    std::fs::remove_dir_all(app.cache()).unwrap();
    std::fs::write(app.cache(), "not a folder").unwrap();
    let (got, note) = total(&app, "China");
    assert_eq!(got, expected);
    assert!(
        note.contains("cache cannot be written") && note.contains("in memory"),
        "{note}"
    );
}

#[test]
fn outlets_are_served_from_the_index_and_agree_with_the_corpus() {
    let app = imported("outlets");
    let o = app.run(&["outlets", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = json(&o);
    // The same figures from the stored conferences themselves.
    let mut expected: std::collections::BTreeMap<String, (usize, String, String)> =
        std::collections::BTreeMap::new();
    for e in std::fs::read_dir(app.corpus().join("conferences")).unwrap() {
        let c: Value = serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap();
        let date = c["date"].as_str().unwrap().to_string();
        for t in c["turns"].as_array().unwrap() {
            if t["kind"] == "question"
                && let Some(o) = t["outlet"].as_str()
            {
                let r = expected
                    .entry(o.to_string())
                    .or_insert((0, date.clone(), date.clone()));
                r.0 += 1;
                r.1 = r.1.clone().min(date.clone());
                r.2 = r.2.clone().max(date.clone());
            }
        }
    }
    assert!(!expected.is_empty());
    let got: std::collections::BTreeMap<String, (usize, String, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["outlet"].as_str().unwrap().to_string(),
                (
                    r["questions"].as_u64().unwrap() as usize,
                    r["first"].as_str().unwrap().to_string(),
                    r["last"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    assert_eq!(got, expected);
    // Served from the index, not from the files: a file edited in place (the
    // folder's fingerprint unchanged, so the index stays current) is not re-read.
    let first = std::fs::read_dir(app.corpus().join("conferences"))
        .unwrap()
        .find_map(|e| e.ok().map(|e| e.path()))
        .unwrap();
    let len = std::fs::metadata(&first).unwrap().len() as usize;
    std::fs::OpenOptions::new()
        .write(true)
        .open(&first)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &vec![b' '; len]))
        .unwrap();
    let again = app.run(&["outlets", "--json"]);
    assert_eq!(json(&again), rows, "{}", stderr(&again));
}

/// A huge `--limit` once made tantivy allocate its whole top-k heap (abort,
/// exit 134) or overflow (reported as a damaged index): the limit is bounded
/// by the number of turns, so the answer is the same as a modest limit's.
#[test]
fn a_huge_limit_is_bounded_by_the_corpus() {
    let app = imported("huge-limit");
    let (n, _) = total(&app, "China");
    assert!(n > 1, "the fixtures mention China more than once");
    for limit in ["1000000000", "4294967296", "18446744073709551615"] {
        let o = app.run(&["search", "China", "--limit", limit, "--json"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "--limit {limit}: {err}");
        assert!(!err.contains("damaged"), "--limit {limit}: {err}");
        let hits = json(&o);
        assert_eq!(hits.as_array().map(Vec::len), Some(n), "--limit {limit}");
    }
}

/// An import into a corpus folder that does not exist yet, named relatively:
/// the import and the searches after it share one cache (the first search
/// used to say "index missing" and build a second, orphaned index).
#[test]
fn a_new_corpus_folder_named_relatively_keeps_one_cache() {
    let app = App::new("new-relative");
    let run = |args: &[&str]| {
        app.command()
            .env_remove("BRIEFINGS_CORPUS")
            .current_dir(app.home.path())
            .args(["--corpus", "fresh"])
            .args(args)
            .output()
            .expect("run briefings")
    };
    let file = fixture("en/2019-11-14_geng.txt");
    let o = run(&["import", &file.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["search", "China"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("missing"),
        "the import's index was not found: {err}"
    );
    let caches = std::fs::read_dir(app.cache()).unwrap().count();
    assert_eq!(caches, 1, "one cache folder for one corpus");
}

/// Hand edits that went wrong: a format this build does not read is reported and not
/// loaded (the file stays, and an import of that id does not replace it); a language or
/// date that disagrees with the id is reported with the file and line, and loaded as the
/// fields say.
#[test]
fn hand_edited_fields_that_disagree_are_reported_at_load() {
    let app = App::new("hand-edit");
    let c = app.corpus().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    let write = |id: &str, date: &str, lang: &str, format: u32, word: &str| {
        let v = serde_json::json!({
            "format": format, "id": id, "date": date, "language": lang, "title": word,
            "turns": [{"kind": "statement", "answer": [word]}]
        });
        std::fs::write(
            c.join(format!("{id}.json")),
            serde_json::to_string_pretty(&v).unwrap(),
        )
        .unwrap();
    };
    write("2024-05-06-fr", "2024-05-06", "de", 1, "allemand");
    write("2024-05-07-fr", "2024-05-09", "fr", 1, "decale");
    write("2024-05-08-fr", "2024-05-08", "fr", 99, "futur");
    write("2024-05-10-de", "2024-05-10", "de", 1, "deutsch");
    let list = app.run(&["list", "--json"]);
    let err = stderr(&list);
    for said in [
        "2024-05-06-fr.json:5: its \"language\" is \"de\" but its id \"2024-05-06-fr\" says \"fr\"",
        "2024-05-07-fr.json:4: its \"date\" is 2024-05-09 but its id \"2024-05-07-fr\" says 2024-05-07",
        "2024-05-08-fr.json:2: \"format\": 99 is not a format this briefings reads (1): not loaded",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    // A language other than fr, en, zh is allowed (CORPUS.md) when the id agrees.
    assert!(!err.contains("2024-05-10-de"), "{err}");
    let rows: Vec<(String, String, String)> = json(&list)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (s("id"), s("date"), s("language"))
        })
        .collect();
    let has = |id: &str, date: &str, lang: &str| {
        rows.contains(&(id.to_string(), date.to_string(), lang.to_string()))
    };
    assert!(has("2024-05-06-fr", "2024-05-06", "de"), "{rows:?}");
    assert!(has("2024-05-07-fr", "2024-05-09", "fr"), "{rows:?}");
    assert!(!rows.iter().any(|r| r.0 == "2024-05-08-fr"), "{rows:?}");
    // Searched as loaded, and the same warnings come from the cached catalogue.
    let hits = json(&app.run(&["search", "allemand lang:de", "--json"]));
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    let again = stderr(&app.run(&["list"]));
    assert!(again.contains("its \"date\" is 2024-05-09"), "{again}");
    // Nothing lost: the file of a later format is still there, untouched.
    let kept = std::fs::read_to_string(c.join("2024-05-08-fr.json")).unwrap();
    assert!(kept.contains("\"format\": 99") && kept.contains("futur"));
}

/// A byte changed inside the cached catalogue (bit rot: size and modification time
/// kept) can leave valid JSON with a wrong title; the catalogue's checksum line makes
/// `list` rebuild it from the conference files instead of showing it.
#[test]
fn a_damaged_catalogue_is_rebuilt_not_shown() {
    let app = App::new("catalog-rot");
    let c = app.corpus().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    write_conf(&c, "2024-05-06-fr.json", "2024-05-06-fr", "premier");
    let title = |o: &std::process::Output| json(o)[0]["title"].as_str().unwrap().to_string();
    assert_eq!(title(&app.run(&["list", "--json"])), "premier");
    let path = cache_of(&app).join("catalog.json");
    let bytes = std::fs::read(&path).unwrap();
    let when = std::fs::metadata(&path).unwrap().modified().unwrap();
    let at = bytes
        .windows(7)
        .position(|w| w == b"premier")
        .expect("the title is in the catalogue");
    let mut rotten = bytes.clone();
    rotten[at + 2] = b'i'; // "piemier": still valid JSON, same size
    std::fs::write(&path, &rotten).unwrap();
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(when).unwrap();
    drop(f);
    assert_eq!(title(&app.run(&["list", "--json"])), "premier");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "rebuilt as it was");
}

/// A conference file saved by an editor that writes a byte-order mark loads as any other.
#[test]
fn a_file_with_a_byte_order_mark_loads() {
    let app = App::new("bom");
    let c = app.corpus().join("conferences");
    std::fs::create_dir_all(&c).unwrap();
    write_conf(&c, "2024-05-06-fr.json", "2024-05-06-fr", "marque");
    let path = c.join("2024-05-06-fr.json");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let list = app.run(&["list", "--json"]);
    assert_eq!(stderr(&list), "", "no problem reported");
    assert_eq!(json(&list)[0]["title"], "marque");
}

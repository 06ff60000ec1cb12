//! End-to-end tests of the analysis commands (trend, kwic, similar, outlets --by year):
//! the real binary on the project's fixtures, the bundled sample and the shared corpus.

use crate::support;

use serde_json::Value;
use support::{App, fixtures, shared, stderr, stdout};

fn json(o: &std::process::Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "failed:\n{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// The project's own transcripts imported (fr, en, zh).
fn with_fixtures(tag: &str) -> App {
    let app = App::new(tag);
    let o = app.run(&["import", fixtures().to_str().unwrap()]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        stderr(&o)
    );
    app
}

/// Number of turns `search` finds (all of them: the limit is above the corpus size).
fn search_count(app: &App, args: &[&str]) -> usize {
    let mut a = vec!["search"];
    a.extend(args);
    a.extend(["--json", "--limit", "1000000"]);
    json(&app.run(&a)).as_array().unwrap().len()
}

/// `search`'s count, or `None` when it refuses the query as bad (exit 2);
/// then `trend` must refuse it too.
fn search_count_or_refused(app: &App, args: &[&str]) -> Option<usize> {
    let mut a = vec!["search"];
    a.extend(args);
    let o = app.run(&a);
    if o.status.code() == Some(2) {
        let mut t = vec!["trend"];
        t.extend(args);
        let refused = app.run(&t);
        assert_eq!(
            refused.status.code(),
            Some(2),
            "trend refuses {args:?} as search does"
        );
        assert_eq!(stderr(&refused), stderr(&o), "with the same sentence");
        return None;
    }
    Some(search_count(app, args))
}

/// `trend`'s total and the sum of its cells, which must be equal.
fn trend_count(app: &App, args: &[&str], by: &str, split: Option<&str>) -> usize {
    let mut a = vec!["trend"];
    a.extend(args);
    a.extend(["--json", "--by", by]);
    if let Some(s) = split {
        a.extend(["--split", s]);
    }
    let t = json(&app.run(&a));
    let cells: u64 = t["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["counts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
        })
        .sum();
    assert_eq!(
        t["total"].as_u64().unwrap(),
        cells,
        "total = sum of cells: {t}"
    );
    let periods = t["periods"].as_array().unwrap();
    for s in t["series"].as_array().unwrap() {
        assert_eq!(s["counts"].as_array().unwrap().len(), periods.len());
    }
    cells as usize
}

/// Words from the corpus itself (every 7th word of 4+ letters of the listed
/// conferences' texts), so the queries are not chosen to pass.
fn words_of(app: &App, n: usize) -> Vec<String> {
    let list = json(&app.run(&["list", "--json"]));
    let mut words = Vec::new();
    for c in list.as_array().unwrap() {
        let conf = json(&app.run(&["show", c["id"].as_str().unwrap(), "--json"]));
        for t in conf["turns"].as_array().unwrap() {
            for p in t["answer"].as_array().unwrap() {
                words.extend(
                    p.as_str()
                        .unwrap()
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w.chars().count() >= 4)
                        .map(str::to_string),
                );
            }
        }
    }
    words.into_iter().step_by(7).take(n).collect()
}

/// The filters each query is counted under.
const FILTERS: &[&[&str]] = &[
    &[],
    &["--lang", "fr"],
    &["--lang", "en"],
    &["--outlet", "AFP"],
    &["--from", "2019-01-01", "--to", "2024-12-31"],
    &["--spokesperson", "wang"],
];

#[test]
fn trend_counts_equal_search_counts_on_fixtures_with_filters() {
    let app = with_fixtures("trend-fixtures");
    let words = words_of(&app, 12);
    assert!(words.len() >= 10, "{words:?}");
    let mut nonzero = 0;
    for (i, w) in words.iter().enumerate() {
        for (j, f) in FILTERS.iter().enumerate() {
            let mut args = vec![w.as_str()];
            args.extend(f.iter());
            let by = ["year", "quarter", "month"][(i + j) % 3];
            let split = [None, Some("lang"), Some("outlet"), Some("spokesperson")][(i + j) % 4];
            let Some(s) = search_count_or_refused(&app, &args) else {
                continue;
            };
            assert_eq!(
                trend_count(&app, &args, by, split),
                s,
                "{args:?} by {by} {split:?}"
            );
            nonzero += usize::from(s > 0);
        }
    }
    assert!(nonzero >= 10, "most queries find something ({nonzero})");
}

#[test]
fn trend_counts_equal_search_counts_on_the_sample() {
    let app = App::new("trend-sample");
    let mut compared = 0;
    for q in [
        &["Taiwan"][..],
        &["Chine", "--lang", "fr"],
        &["南海"],
        &["tariffs", "--outlet", "Reuters"],
        &["China", "--outlet", "AFP", "--from", "2020-01-01"],
    ] {
        if let Some(n) = search_count_or_refused(&app, q) {
            assert_eq!(trend_count(&app, q, "month", None), n, "{q:?}");
            compared += 1;
        }
    }
    assert!(compared >= 3, "{compared}");
}

#[test]
fn trend_csv_parses_back_and_fills_empty_periods() {
    let app = with_fixtures("trend-csv");
    let o = app.run(&["trend", "Chine", "--by", "year", "--split", "lang", "--csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let head: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(head[0], "period");
    let years: Vec<i32> = r
        .records()
        .map(|rec| rec.unwrap()[0].parse().unwrap())
        .collect();
    assert!(years.len() >= 2, "{years:?}");
    assert!(
        years.windows(2).all(|w| w[1] == w[0] + 1),
        "no year missing: {years:?}"
    );
    let t = json(&app.run(&[
        "trend", "Chine", "--by", "year", "--split", "lang", "--json",
    ]));
    assert_eq!(t["periods"].as_array().unwrap().len(), years.len());
}

#[test]
fn kwic_aligns_every_match_and_uses_characters_in_chinese() {
    let app = with_fixtures("kwic");
    let lines = json(&app.run(&["kwic", "Chine", "--width", "3", "--json"]));
    let lines = lines.as_array().unwrap();
    assert!(!lines.is_empty());
    for l in lines {
        let k = l["keyword"].as_str().unwrap().to_lowercase();
        assert!(k.starts_with("chin"), "{l}");
        let left_words = l["left"].as_str().unwrap().split_whitespace().count();
        assert!(left_words <= 3 + 2, "{l}");
    }
    let zh = json(&app.run(&["kwic", "中方", "--lang", "zh", "--width", "4", "--json"]));
    let zh = zh.as_array().unwrap();
    assert!(!zh.is_empty());
    for l in zh {
        assert_eq!(l["keyword"], "中方");
        // Context units: each Chinese character is one, a run of Latin letters or digits ("60") is one.
        let mut units = 0;
        let mut in_latin = false;
        for c in l["left"].as_str().unwrap().chars() {
            let latin = c.is_ascii_alphanumeric();
            if c.is_alphanumeric() && !(latin && in_latin) {
                units += 1;
            }
            in_latin = latin;
        }
        assert!(units <= 4, "{l}");
    }
    let text = stdout(&app.run(&["kwic", "中方", "--lang", "zh", "--width", "4"]));
    let columns: Vec<usize> = text
        .lines()
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find('[').unwrap()]))
        .collect();
    assert!(!columns.is_empty());
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "matches aligned: {text}"
    );
    let sorted = json(&app.run(&["kwic", "Chine", "--sort", "right", "--json"]));
    let rights: Vec<String> = sorted
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["right"].as_str().unwrap().trim_start().to_lowercase())
        .collect();
    assert_eq!(rights.len(), lines.len());
    let firsts: Vec<String> = rights
        .iter()
        .map(|r| {
            r.split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let mut again = firsts.clone();
    again.sort();
    assert_eq!(firsts, again, "sorted by the word after the match");
}

#[test]
fn outlets_by_year_keeps_the_totals_of_outlets() {
    let app = with_fixtures("outlets-years");
    let plain = json(&app.run(&["outlets", "--json"]));
    let years = json(&app.run(&["outlets", "--by", "year", "--json"]));
    let (plain, years) = (plain.as_array().unwrap(), years.as_array().unwrap());
    assert_eq!(plain.len(), years.len());
    for (p, y) in plain.iter().zip(years) {
        for key in ["outlet", "questions", "first", "last"] {
            assert_eq!(p[key], y[key], "{key}");
        }
        let sum: u64 = y["years"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(sum, y["questions"].as_u64().unwrap(), "{y}");
    }
    let text = stdout(&app.run(&["outlets", "--by", "year"]));
    assert!(text.lines().next().unwrap().contains("questions"));
}

#[test]
fn similar_answers_share_the_language_and_come_oldest_first() {
    let Some(dir) = shared() else {
        return;
    };
    let app = App::new("similar");
    let o = app.run(&["import", dir.join("corpus").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = json(&app.run(&["search", "Taiwan", "--lang", "en", "--json", "--limit", "1"]));
    let (id, turn) = (
        hits[0]["conference"].as_str().unwrap().to_string(),
        hits[0]["turn"].as_u64().unwrap(),
    );
    let number = (turn + 1).to_string();
    let s = json(&app.run(&["similar", &id, &number, "--json"]));
    assert_eq!(s["source"]["conference"], id.as_str());
    assert_eq!(s["source"]["turn"], turn);
    let found = s["similar"].as_array().unwrap();
    assert!(!found.is_empty(), "{s}");
    assert!(found.iter().all(|x| x["language"] == "en"));
    assert!(
        found
            .iter()
            .all(|x| !(x["conference"] == id.as_str() && x["turn"] == turn))
    );
    let dates: Vec<&str> = found.iter().map(|x| x["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(
        found
            .iter()
            .any(|x| !x["shared"].as_array().unwrap().is_empty()),
        "some wording shared"
    );
    let missing = app.run(&["similar", &id, "999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("has no turn 999"));
}

#[test]
fn bookmarks_survive_a_reimport_that_reorders_turns() {
    let app = App::new("bookmarks");
    let home = app.home.path().to_path_buf();
    let original = std::fs::read_to_string(fixtures().join("en/2019-11-14_geng.txt")).unwrap();
    let file = home.join("2019-11-14_geng.txt");
    std::fs::write(&file, &original).unwrap();
    assert_eq!(
        app.run(&["import", file.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let conf = json(&app.run(&["show", "2019-11-14-en", "--json"]));
    let turns = conf["turns"].as_array().unwrap();
    let at = turns
        .iter()
        .position(|t| t["outlet"] == "Bloomberg")
        .unwrap();
    let number = (at + 1).to_string();
    let o = app.run(&[
        "bookmarks",
        "add",
        "2019-11-14-en",
        &number,
        "--note",
        "trade, \"politicising\"",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(app.corpus().join("bookmarks.json").is_file());

    // The same conference again with the Bloomberg exchange moved after the next one.
    let start = original.find("Bloomberg:").unwrap();
    let next = original.find("China News Service:").unwrap();
    let end = original.find("Suggest to a friend").unwrap();
    let reordered = format!(
        "{}{}{}{}",
        &original[..start],
        &original[next..end],
        &original[start..next],
        &original[end..]
    );
    std::fs::write(&file, reordered).unwrap();
    assert_eq!(
        app.run(&["import", file.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let conf = json(&app.run(&["show", "2019-11-14-en", "--json"]));
    let now = conf["turns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|t| t["outlet"] == "Bloomberg")
        .unwrap();
    assert_ne!(now, at, "the re-import moved the turn");

    let list = json(&app.run(&["bookmarks", "list", "--json"]));
    assert_eq!(
        list,
        json(&app.run(&["bookmarks", "--json"])),
        "bare --json lists"
    );
    assert_eq!(list[0]["turn"], now);
    assert_eq!(list[0]["found"], true);
    let out = app.run(&["export", "bookmarks", "--format", "jsonl"]);
    let rec: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(rec["outlet"], "Bloomberg");
    assert_eq!(rec["turn"], now);
    assert_eq!(rec["note"], "trade, \"politicising\"");
    let removed = app.run(&[
        "bookmarks",
        "remove",
        "2019-11-14-en",
        &(now + 1).to_string(),
    ]);
    assert_eq!(removed.status.code(), Some(0), "{}", stderr(&removed));
    assert!(
        json(&app.run(&["bookmarks", "list", "--json"]))
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn export_formats_parse_back_and_never_overwrite_silently() {
    let app = with_fixtures("export");
    let hits = search_count(&app, &["Chine"]);
    let o = app.run(&[
        "export", "search", "Chine", "--format", "csv", "--limit", "1000",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), hits);
    let head = r.headers().unwrap().clone();
    for col in [
        "conference",
        "date",
        "spokesperson",
        "asker",
        "outlet",
        "question",
        "answer",
        "url",
    ] {
        assert!(head.iter().any(|h| h == col), "{col} in {head:?}");
    }
    let jsonl = stdout(&app.run(&["export", "conference", "2024-03-05-fr", "--format", "jsonl"]));
    let conf = json(&app.run(&["show", "2024-03-05-fr", "--json"]));
    let recs: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), conf["turns"].as_array().unwrap().len());

    let md = stdout(&app.run(&["export", "turn", "2024-03-05-fr", "2"]));
    let turn = &conf["turns"][1];
    assert!(md.contains("2024-03-05"), "{md}");
    assert!(md.contains(conf["spokesperson"].as_str().unwrap()), "{md}");
    if let Some(o) = turn["outlet"].as_str() {
        assert!(md.contains(o), "{md}");
    }
    let answer = turn["answer"][0].as_str().unwrap();
    let opening: String = answer.chars().take(40).collect();
    assert!(md.contains(&opening), "{md}");

    let file = app.home.path().join("out.md");
    std::fs::write(&file, "mine").unwrap();
    let to_file = |extra: &[&str]| {
        let mut a = vec![
            "export",
            "turn",
            "2024-03-05-fr",
            "2",
            "-o",
            file.to_str().unwrap(),
        ];
        a.extend(extra);
        app.run(&a)
    };
    let refused = to_file(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("exists"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let forced = to_file(&["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("2024-03-05")
    );
}

#[test]
fn an_export_of_nothing_writes_no_file_and_similar_names_an_unknown_id() {
    let app = with_fixtures("export-nothing");
    let out = app.home.path().join("afp.csv");
    let o = app.run(&[
        "export",
        "search",
        "zzzqqqxxy",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing to export"), "{}", stderr(&o));
    assert!(!out.exists(), "no empty file left to block the next export");
    let o = app.run(&["export", "search", "Chine", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = app.run(&["similar", "1999-01-01-fr", "4"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no conference with id 1999-01-01-fr"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn similar_prints_paragraphs_not_escaped_line_ends() {
    let app = App::new("similar-paragraphs");
    let o = app.run(&["similar", "2026-01-07-fr", "5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(!text.contains("\\n"), "{text}");
}

//! The corpus as an archive the user owns: sync and `import --reparse` never
//! replace the user's own imports, an unreadable raw page costs only itself,
//! and files deleted from the corpus are brought back.

use std::path::{Path, PathBuf};

use super::server::Reply;
use super::{Site, ZH_PAGE, ZH_PAGE_2, conferences_by_url, mirror_root, raw_manifest};
use crate::support::stderr;

const JULY_3: &str = "2020年7月3日外交部发言人赵立坚主持例行记者会";
const JULY_2: &str = "2020年7月2日外交部发言人赵立坚主持例行记者会";

/// A site of two real Chinese pages, `a.shtml` (3 July) and `b.shtml` (2 July).
pub(super) fn two_pages(root: &Path, tag: &str) -> Site {
    let page = |p: &str| vec![Reply::html(std::fs::read(root.join(p)).unwrap())];
    Site::new(
        root,
        tag,
        &[
            ("a.shtml", JULY_3, page(ZH_PAGE)),
            ("b.shtml", JULY_2, page(ZH_PAGE_2)),
        ],
    )
}

pub(super) fn conference_file(site: &Site, id: &str) -> PathBuf {
    site.app.corpus().join(format!("conferences/{id}.json"))
}

/// The raw file (under `raw/`) the manifest names for `url`.
pub(super) fn raw_file(site: &Site, url: &str) -> PathBuf {
    let line = raw_manifest(&site.app)
        .into_iter()
        .rev()
        .find(|e| e["url"] == url)
        .unwrap_or_else(|| panic!("{url} not in the manifest"));
    site.app
        .corpus()
        .join("raw")
        .join(line["file"].as_str().unwrap())
}

/// The user's own copy of a mirror page, with a note of theirs in an answer.
fn own_copy(site: &Site, root: &Path, page: &str, name: &str) -> PathBuf {
    let text = std::fs::read_to_string(root.join(page)).unwrap();
    let at = text.find("赵立坚：").unwrap() + "赵立坚：".len();
    let mine = format!("{}（我的笔记）{}", &text[..at], &text[at..]);
    let file = site.app.home.path().join(name);
    std::fs::write(&file, mine).unwrap();
    file
}

pub(super) fn import(site: &Site, args: &[&str]) -> std::process::Output {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    site.app.run(&all)
}

/// Failed before the fix: `import --reparse` rewrote 2020-07-03-zh from the
/// raw page over the user's own import, and sync replaced 2020-07-02-zh.
#[test]
fn the_users_own_imports_are_never_replaced_by_sync_or_reparse() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "sync-own");
    // Imported by the user before any sync: sync must keep it.
    let mine_2 = own_copy(&site, &root, ZH_PAGE_2, "mine-0702.html");
    assert_eq!(
        import(&site, &[mine_2.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let july_2 = conference_file(&site, "2020-07-02-zh");
    let theirs_2 = std::fs::read(&july_2).unwrap();
    let out = site.sync(&[]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{se}");
    assert_eq!(
        std::fs::read(&july_2).unwrap(),
        theirs_2,
        "sync replaced the user's import"
    );
    assert!(
        se.contains("https://test.example/list/b.shtml: conference 2020-07-02-zh is your own import (from mine-0702.html)"),
        "{se}"
    );
    // Imported by the user after the sync: reparse must keep it.
    let mine_3 = own_copy(&site, &root, ZH_PAGE, "mine-0703.html");
    assert_eq!(
        import(&site, &[mine_3.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let july_3 = conference_file(&site, "2020-07-03-zh");
    let theirs_3 = std::fs::read(&july_3).unwrap();
    assert!(String::from_utf8_lossy(&theirs_3).contains("我的笔记"));
    let out = import(&site, &["--reparse"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&july_3).unwrap(),
        theirs_3,
        "reparse replaced the user's import"
    );
    assert_eq!(std::fs::read(&july_2).unwrap(), theirs_2);
    assert!(stderr(&out).contains("your own import (from mine-0703.html)"));
}

/// Failed before the fix: one missing raw page stopped the reparse before
/// anything was rebuilt (exit 1, "cannot read", nothing else done).
#[test]
fn reparse_reports_an_unreadable_raw_page_and_rebuilds_the_others() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "sync-reparse-gone");
    assert_eq!(site.sync(&[]).status.code(), Some(0));
    let gone = raw_file(&site, "https://test.example/list/a.shtml");
    std::fs::remove_file(&gone).unwrap();
    // A conference to rebuild: reparse puts it back from its raw page.
    let july_2 = conference_file(&site, "2020-07-02-zh");
    std::fs::remove_file(&july_2).unwrap();
    let out = import(&site, &["--reparse"]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(july_2.is_file(), "the other page was not rebuilt: {se}");
    let shown = gone
        .strip_prefix(site.app.corpus())
        .unwrap()
        .display()
        .to_string();
    assert!(
        se.contains(&format!("{shown}: cannot read"))
            && se.contains("https://test.example/list/a.shtml"),
        "the page is named with what is wrong: {se}"
    );
    // The conference of the unreadable page is left as it was.
    assert!(conference_file(&site, "2020-07-03-zh").is_file());
    let listed = conferences_by_url(&site.app);
    assert_eq!(listed.len(), 2);
}

/// `a.shtml` on the first listing page, `b.shtml` on the second: a repeat
/// sync stops after the first page (all held), so `b` is behind the stop.
fn two_listing_pages(root: &Path, tag: &str) -> Site {
    let page = |p: &str| vec![Reply::html(std::fs::read(root.join(p)).unwrap())];
    let site = Site::new(root, tag, &[("a.shtml", JULY_3, page(ZH_PAGE))]);
    let second = format!("<ul><li><a href=\"./b.shtml\">{JULY_2}</a></li></ul>");
    site.mirror
        .script("/test.example/list/index_1.html", vec![Reply::html(second)]);
    site.mirror
        .script("/test.example/list/b.shtml", page(ZH_PAGE_2));
    site
}

/// Failed before the fix: the manifest said both pages were held, so the
/// next sync fetched nothing and rebuilt nothing.
#[test]
fn a_deleted_raw_page_is_fetched_again_and_a_deleted_conference_rebuilt() {
    let Some(root) = mirror_root() else { return };
    let site = two_listing_pages(&root, "sync-deleted");
    let out = site.sync(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (a, b) = ("/test.example/list/a.shtml", "/test.example/list/b.shtml");
    let raw_a = raw_file(&site, "https://test.example/list/a.shtml");
    let july_2 = conference_file(&site, "2020-07-02-zh");
    std::fs::remove_file(&raw_a).unwrap();
    std::fs::remove_file(&july_2).unwrap();
    site.mirror.reset_counts();
    let out = site.sync(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        site.mirror.hits(a).len(),
        1,
        "a page without its raw file is fetched again"
    );
    assert!(raw_a.is_file());
    assert!(
        site.mirror.hits(b).is_empty(),
        "rebuilt from its raw file, not fetched"
    );
    assert!(july_2.is_file(), "a deleted conference is rebuilt");
    let listed = site.app.run(&["list", "--json"]);
    assert!(super::stdout(&listed).contains("2020-07-02-zh"));
    // And then both are held again: nothing is fetched.
    site.mirror.reset_counts();
    assert_eq!(site.sync(&[]).status.code(), Some(0));
    assert!(site.mirror.hits(a).is_empty() && site.mirror.hits(b).is_empty());
}

/// Failed before the fix: both processes walked everything and the manifest
/// named each page twice.
#[test]
fn one_sync_at_a_time_per_corpus_and_a_killed_ones_lock_does_not_block() {
    let Some(root) = mirror_root() else { return };
    let site = two_pages(&root, "sync-lock");
    // Slow enough (a second between requests) for the second process to meet the first.
    let mut text = std::fs::read_to_string(&site.sources).unwrap();
    text.push_str("delay_ms = 1000\n");
    std::fs::write(&site.sources, text).unwrap();
    let start = || {
        site.app
            .command()
            .env("BRIEFINGS_SYNC_MIRROR", &site.mirror.url)
            .args(["sync", "--sources", site.sources.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let wait_for_listing = || {
        while site.mirror.hits("/test.example/list/index.html").is_empty() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    };
    let first = start();
    wait_for_listing();
    let second = site.sync(&[]);
    let se = stderr(&second);
    assert_eq!(second.status.code(), Some(1), "{se}");
    assert!(
        se.contains(&format!(
            "another sync is running on {} (pid {})",
            site.app.corpus().display(),
            first.id()
        )),
        "{se}"
    );
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let urls: Vec<String> = raw_manifest(&site.app)
        .iter()
        .map(|e| e["url"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(urls.len(), 2, "each page once in the manifest: {urls:?}");

    // A sync killed while it holds the lock: the next one runs.
    std::fs::remove_file(conference_file(&site, "2020-07-02-zh")).unwrap();
    site.mirror.reset_counts();
    let mut killed = start();
    wait_for_listing();
    killed.kill().unwrap(); // SIGKILL
    let _ = killed.wait();
    let out = site.sync(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(conference_file(&site, "2020-07-02-zh").is_file());
}

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
fn two_pages(root: &Path, tag: &str) -> Site {
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

fn conference_file(site: &Site, id: &str) -> PathBuf {
    site.app.corpus().join(format!("conferences/{id}.json"))
}

/// The raw file (under `raw/`) the manifest names for `url`.
fn raw_file(site: &Site, url: &str) -> PathBuf {
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

fn import(site: &Site, args: &[&str]) -> std::process::Output {
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

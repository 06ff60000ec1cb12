//! The walk over listing pages: only a walk that reached the end (or pages
//! held since such a walk) marks the source as walked; a bad page in the
//! middle is a hole, reported and retried, not the end; a listing past the
//! end that sends back the first page ends the walk; a page cut short is
//! fetched again, not imported.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::server::{Mirror, Reply};
use super::{Site, conferences_by_url, mirror_root, sync};
use crate::support::{App, stderr, stdout};

const DIR: &str = "www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889";

/// Real Chinese pages of the mirror: `(file, listing title)`, newest first.
const JULY: [(&str, &str); 5] = [
    (
        "t1794584.shtml",
        "2020年7月3日外交部发言人赵立坚主持例行记者会",
    ),
    (
        "t1794237.shtml",
        "2020年7月2日外交部发言人赵立坚主持例行记者会",
    ),
    (
        "t1793857.shtml",
        "2020年7月1日外交部发言人赵立坚主持例行记者会",
    ),
    (
        "t1793409.shtml",
        "2020年6月30日外交部发言人赵立坚主持例行记者会",
    ),
    (
        "t1793110.shtml",
        "2020年6月29日外交部发言人赵立坚主持例行记者会",
    ),
];

fn page(root: &Path, i: usize) -> Vec<u8> {
    std::fs::read(root.join(DIR).join(JULY[i].0)).unwrap()
}

fn url(i: usize) -> String {
    format!("https://test.example/list/{}", JULY[i].0)
}

/// A listing page of `JULY[i]` for each `i`, plus `extra` in its `<head>`.
fn listing(items: &[usize], extra: &str) -> Reply {
    let mut html = format!("<html><head>{extra}</head><body><ul>\n");
    for &i in items {
        writeln!(
            html,
            "<li><a href=\"./{}\">{}</a></li>",
            JULY[i].0, JULY[i].1
        )
        .unwrap();
    }
    html.push_str("</ul></body></html>\n");
    Reply::html(html)
}

/// A site at `test.example` whose listing pages are `pages` (page 0 is
/// `index.html`, page n `index_{n}.html`); every page of [`JULY`] is served.
fn paged_site(root: &Path, tag: &str, pages: Vec<Reply>, max_pages: usize) -> Site {
    let mirror = Mirror::start(root.to_path_buf());
    for (i, (file, _)) in JULY.iter().enumerate() {
        mirror.script(
            &format!("/test.example/list/{file}"),
            vec![Reply::html(page(root, i))],
        );
    }
    for (n, reply) in pages.into_iter().enumerate() {
        let name = if n == 0 {
            "index.html".to_string()
        } else {
            format!("index_{n}.html")
        };
        mirror.script(&format!("/test.example/list/{name}"), vec![reply]);
    }
    let app = App::new(tag);
    let sources = app.home.path().join("sources.toml");
    std::fs::write(
        &sources,
        format!("[[source]]\nname = \"test\"\nlanguage = \"zh\"\nlisting = \"https://test.example/list/index.html\"\nnext = \"https://test.example/list/index_{{n}}.html\"\nlinks = \"例行记者会\"\nmax_pages = {max_pages}\n"),
    )
    .unwrap();
    Site {
        mirror,
        app,
        sources,
    }
}

/// The addresses of `JULY[i]` for each `i`, sorted as [`held`] gives them.
fn urls(items: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = items.iter().map(|&i| url(i)).collect();
    out.sort();
    out
}

/// Runs a sync that must fail (exit 1) saying `what`; its stderr.
fn sync_fails_saying(site: &Site, what: &str) -> String {
    let out = site.sync(&[]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(se.contains(what), "{se}");
    se
}

fn walked(site: &Site) -> bool {
    site.app.corpus().join("raw/test/.walked").is_file()
}

fn held(site: &Site) -> Vec<String> {
    let mut urls: Vec<String> = conferences_by_url(&site.app).into_keys().collect();
    urls.sort();
    urls
}

/// Failed before the fix: the `--since` walk marked the source as walked, so
/// the next sync stopped at the first listing page (all held) and never
/// fetched 2 July, on the second page.
#[test]
fn a_walk_stopped_by_since_or_max_pages_is_not_a_whole_walk() {
    let Some(root) = mirror_root() else { return };
    // First a whole walk of 1 and 30 June… then the site adds 3 and 2 July on top.
    let site = paged_site(
        &root,
        "walk-since",
        vec![listing(&[3], ""), listing(&[4], "")],
        10,
    );
    assert_eq!(site.sync(&[]).status.code(), Some(0));
    assert!(walked(&site), "a whole walk is marked");
    site.mirror
        .script("/test.example/list/index.html", vec![listing(&[0], "")]);
    site.mirror
        .script("/test.example/list/index_1.html", vec![listing(&[1], "")]);
    site.mirror
        .script("/test.example/list/index_2.html", vec![listing(&[3], "")]);
    site.mirror
        .script("/test.example/list/index_3.html", vec![listing(&[4], "")]);
    let out = site.sync(&["--since", "2020-07-03"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !walked(&site),
        "a walk stopped by --since is marked as whole"
    );
    assert!(!held(&site).contains(&url(1)));
    let out = site.sync(&["--max-pages", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !walked(&site),
        "a walk stopped by --max-pages is marked as whole"
    );
    // The next plain sync walks on to the held pages and finds 2 July.
    let out = site.sync(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(held(&site).contains(&url(1)), "{:?}", held(&site));
    assert!(walked(&site));
}

/// Failed before the fix: the 404 at the second listing page was taken for
/// the end of the listing: the third page was never read and the source was
/// marked as walked.
#[test]
fn a_bad_listing_page_in_the_middle_is_reported_not_the_end() {
    let Some(root) = mirror_root() else { return };
    let site = paged_site(
        &root,
        "walk-hole",
        vec![listing(&[0], ""), Reply::status(404), listing(&[2], "")],
        10,
    );
    // Cut by --max-pages right after the missing page: nothing says it was the end.
    let out = site.sync(&["--max-pages", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !walked(&site),
        "a missing last page before --max-pages taken for the end"
    );
    sync_fails_saying(
        &site,
        "https://test.example/list/index_1.html: listing page: HTTP 404",
    );
    assert_eq!(held(&site), urls(&[0, 2]));
    assert!(!walked(&site), "a walk with a hole is marked as whole");
    // The page is back next time: the walk reads it, finds 2 July, and is whole.
    site.mirror
        .script("/test.example/list/index_1.html", vec![listing(&[1], "")]);
    let out = site.sync(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(held(&site), urls(&[0, 1, 2]));
    assert!(walked(&site));

    // A site that says how many listing pages it has: an empty page before the
    // last is a hole at once, and no page past the last is asked for.
    let counted = "<script>var countPage = 3//共多少页</script>";
    let site = paged_site(
        &root,
        "walk-hole-counted",
        vec![
            listing(&[0], counted),
            Reply::html("<html><body><p>nothing here</p></body></html>"),
            listing(&[2], counted),
        ],
        10,
    );
    sync_fails_saying(
        &site,
        "https://test.example/list/index_1.html: listing page: no article link (asked again next sync)",
    );
    assert_eq!(held(&site), urls(&[0, 2]));
    assert!(
        site.mirror
            .hits("/test.example/list/index_3.html")
            .is_empty()
    );
    assert!(!walked(&site));
}

/// Failed before the fix: page 1's links were counted again on every page
/// past the end (each redirected to page 1) until `max_pages`.
#[test]
fn a_listing_past_the_end_that_sends_back_page_one_ends_the_walk() {
    let Some(root) = mirror_root() else { return };
    let site = paged_site(
        &root,
        "walk-redirect",
        vec![
            listing(&[0, 1], ""),
            Reply::redirect("https://test.example/list/index.html"),
            Reply::redirect("https://test.example/list/index.html"),
            Reply::redirect("https://test.example/list/index.html"),
        ],
        4,
    );
    let out = site.sync(&["--json"]);
    let summary: Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(summary["unchanged"], 0, "{summary}");
    assert_eq!(summary["imported"], 2, "{summary}");
    assert!(
        site.mirror
            .hits("/test.example/list/index_2.html")
            .is_empty(),
        "walked on past a repeated page"
    );
    assert!(walked(&site));
}

/// Failed before the fix: the first 60% of a page (its connection dropped)
/// was imported as the conference and never fetched again.
#[test]
fn a_page_cut_short_is_failed_and_fetched_again_next_sync() {
    let Some(root) = mirror_root() else { return };
    let whole = page(&root, 0);
    let cut = whole[..whole.len() * 6 / 10].to_vec();
    let site = paged_site(&root, "walk-cut", vec![listing(&[0, 1], "")], 10);
    site.mirror.script(
        "/test.example/list/t1794584.shtml",
        vec![Reply::html(cut), Reply::html(whole)],
    );
    let se = sync_fails_saying(&site, &format!("{}: page cut short", url(0)));
    assert!(!se.contains("maintenance"), "{se}");
    assert_eq!(held(&site), urls(&[1]));
    let out = site.sync(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(held(&site), urls(&[0, 1]));
    assert_eq!(
        site.mirror.hits("/test.example/list/t1794584.shtml").len(),
        2
    );
}

/// Failed before the fix: a server that kept asking to wait was waited for
/// after the last try too (3 × 2 s instead of 2 × 2 s).
#[test]
fn no_wait_after_the_last_try() {
    let Some(root) = mirror_root() else { return };
    let busy = Reply::Raw(429, vec![("Retry-After".into(), "2".into())], Vec::new());
    let site = paged_site(&root, "walk-busy", vec![listing(&[0], "")], 10);
    site.mirror
        .script("/test.example/list/t1794584.shtml", vec![busy]);
    let start = Instant::now();
    let out = site.sync(&[]);
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let hits = site.mirror.hits("/test.example/list/t1794584.shtml");
    assert_eq!(hits.len(), 3);
    assert!(
        hits[2] - hits[0] >= Duration::from_secs(4),
        "Retry-After honoured"
    );
    // From the last try to the end of the process: the summary, not another Retry-After
    // wait of 2 s (measured from the server's own clock, so a slow start cannot fail it).
    let after_last = (start + took).saturating_duration_since(hits[2]);
    assert!(
        after_last < Duration::from_millis(1900),
        "waited {after_last:?} after the last try"
    );
}

/// Failed before the fix: the sync ran, walked nothing and said "synced 0 sources" (exit 0).
#[test]
fn a_language_no_source_has_is_an_error() {
    let app = App::new("walk-lang");
    let mirror = Mirror::start(app.home.path().to_path_buf());
    let out = sync(
        &app,
        &mirror,
        &["--sources", super::SOURCES_2020, "--lang", "fr"],
    );
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{se}");
    assert!(
        se.contains("--lang fr: no source in") && se.contains("mfa-zh (zh), mfa-en (en)"),
        "{se}"
    );
    assert!(mirror.all_hits().is_empty());
}

/// Already right before this pass (ureq reports a body that ends before its
/// `Content-Length`), proved here: a page whose connection drops midway is
/// tried 3 times, reported as cut, and neither stored nor imported.
#[test]
fn a_body_shorter_than_its_content_length_is_not_imported() {
    use std::io::{BufRead as _, BufReader, Write as _};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let Some(root) = mirror_root() else { return };
    let whole = page(&root, 0);
    let Reply::Raw(_, _, list) = listing(&[0], "") else {
        unreachable!()
    };
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    // A server that answers each request on its own connection, then closes it.
    let server = std::thread::spawn(move || {
        for stream in listener.incoming() {
            if stopped.load(Ordering::SeqCst) {
                break;
            }
            let mut stream = stream.unwrap();
            let mut lines = BufReader::new(stream.try_clone().unwrap()).lines();
            let path = lines.next().unwrap().unwrap_or_default();
            while lines
                .next()
                .is_some_and(|l| !l.unwrap_or_default().is_empty())
            {}
            let (head, body): (String, Vec<u8>) = if path.contains("/index.html ") {
                (
                    format!("200 OK\r\nContent-Length: {}", list.len()),
                    list.clone(),
                )
            } else if path.contains("/t1794584.shtml ") {
                let mut cut = whole[..whole.len() * 9 / 10].to_vec();
                cut.extend_from_slice(b"</body></html>");
                (format!("200 OK\r\nContent-Length: {}", whole.len()), cut)
            } else {
                ("404 Not Found\r\nContent-Length: 0".into(), Vec::new())
            };
            let _ = stream.write_all(
                format!("HTTP/1.1 {head}\r\nContent-Type: text/html\r\n\r\n").as_bytes(),
            );
            let _ = stream.write_all(&body);
        }
    });
    let app = App::new("walk-short-body");
    let sources = app.home.path().join("sources.toml");
    std::fs::write(
        &sources,
        "[[source]]\nname = \"test\"\nlanguage = \"zh\"\nlisting = \"https://test.example/list/index.html\"\nnext = \"https://test.example/list/index_{n}.html\"\nlinks = \"例行记者会\"\n",
    )
    .unwrap();
    let out = app
        .command()
        .env("BRIEFINGS_SYNC_MIRROR", format!("http://{address}"))
        .args(["sync", "--sources", sources.to_str().unwrap()])
        .output()
        .unwrap();
    stop.store(true, Ordering::SeqCst);
    let _ = std::net::TcpStream::connect(address);
    server.join().unwrap();
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(
        se.contains(&format!("{}: the page was cut", url(0))) && se.contains("(3 tries)"),
        "{se}"
    );
    assert!(!app.corpus().join("conferences").exists() || held_in(&app).is_empty());
    assert!(!app.corpus().join("raw/test/list/t1794584.shtml").exists());
}

fn held_in(app: &App) -> Vec<String> {
    conferences_by_url(app).into_keys().collect()
}

//! Pages that are not what they claim: a listing replaced by a maintenance
//! page or listing no conference, a page in UTF-16 without a byte-order mark,
//! a page larger than any transcript.

use serde_json::Value;

use super::server::Reply;
use super::{Site, mirror_root};
use crate::support::{stderr, stdout};

const LISTING: &str = "https://test.example/list/index.html";

/// Failed before the fix: both synced "successfully" (exit 0, nothing reported).
#[test]
fn a_listing_that_is_a_maintenance_page_or_lists_no_conference_is_reported() {
    let Some(root) = mirror_root() else { return };
    let maintenance = "<html><head><meta charset=utf-8><title>系统提示</title></head><body><p>系统维护中，请稍后访问。</p></body></html>";
    let only_remarks = "<html><body><ul><li><a href=\"./t1.shtml\">外交部发言人答记者问</a></li></ul></body></html>";
    for (tag, body, why) in [
        (
            "sync-listing-down",
            maintenance,
            "a maintenance or \"system\" page",
        ),
        (
            "sync-listing-none",
            only_remarks,
            "no link whose text matches `例行记者会`",
        ),
    ] {
        let site = Site::new(&root, tag, &[]);
        site.mirror
            .script("/test.example/list/index.html", vec![Reply::html(body)]);
        let out = site.sync(&["--json"]);
        let se = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{tag}: {se}");
        assert!(
            se.contains(&format!("{LISTING}: listing page: {why}")),
            "{tag}: {se}"
        );
        let summary: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(summary["failed"][0]["url"], LISTING, "{summary}");
    }
}

/// Failed before the fix: the page was stored cut at 32 MiB and the parser blamed.
#[test]
fn a_page_larger_than_the_cap_is_refused_and_nothing_stored() {
    let Some(root) = mirror_root() else { return };
    let big = vec![b'a'; 33 * 1024 * 1024];
    let site = Site::new(
        &root,
        "sync-big",
        &[(
            "big.shtml",
            "2020年7月3日外交部发言人赵立坚主持例行记者会",
            vec![Reply::html(big)],
        )],
    );
    let out = site.sync(&[]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{se}");
    assert!(
        se.contains("https://test.example/list/big.shtml: page larger than 32 MiB"),
        "{se}"
    );
    assert!(!site.app.corpus().join("raw/test/list/big.shtml").exists());
    let manifest = std::fs::read_to_string(site.app.corpus().join("raw/manifest.jsonl")).unwrap();
    assert!(manifest.contains("page larger than 32 MiB"), "{manifest}");
}

//! The walk of each source: listing pages newest first, new conference pages
//! fetched, stored raw, imported; stops where the corpus already holds a whole
//! listing page (or `--since` is passed); pages that failed before are retried.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use url::Url;

use super::fetch::{Fetched, Fetcher, Page};
use super::listing;
use super::lock::SyncLock;
use super::raw::{Entry, Need, RawStore};
use super::{Failure, Options, Progress, Source, Summary, clock};
use crate::corpus::save_conference_unflushed;
use crate::outlets::Outlets;
use crate::transcript::conferences_from_page;

/// One run over every selected source.
pub(crate) fn run(
    options: &Options,
    sources: &[Source],
    mirror: Option<Url>,
    outlets: &Outlets,
    progress: &mut dyn Progress,
) -> Result<Summary, String> {
    let _lock = if options.dry_run {
        None
    } else {
        Some(SyncLock::take(&options.corpus, "sync")?)
    };
    let mut walk = Walk {
        options,
        outlets,
        store: if options.dry_run {
            RawStore::open_to_read(&options.corpus)?
        } else {
            RawStore::open(&options.corpus)?
        },
        fetcher: Fetcher::new(mirror),
        today: clock::today(),
        summary: Summary::default(),
        made_now: HashMap::new(),
        visited: HashSet::new(),
        pages_in_source: 0,
    };
    walk.summary.warnings = walk.store.bad_lines.clone();
    for source in sources {
        if !options.languages.is_empty() && !options.languages.contains(&source.language) {
            continue;
        }
        walk.summary.sources += 1;
        progress.source(&source.name);
        walk.pages_in_source = 0;
        walk.source(source, progress);
        progress.done();
    }
    walk.summary.requests = walk.fetcher.requests;
    Ok(walk.summary)
}

struct Walk<'a> {
    options: &'a Options,
    outlets: &'a Outlets,
    store: RawStore,
    fetcher: Fetcher,
    today: String,
    summary: Summary,
    /// Conference id → the URL that produced it in this run.
    made_now: HashMap<String, String>,
    /// URLs requested in this run.
    visited: HashSet<String>,
    pages_in_source: usize,
}

impl Walk<'_> {
    fn delay(&self, source: &Source) -> Duration {
        source.delay(self.fetcher.is_mirror())
    }

    /// Writes the batch's manifest lines (after its files are on disk).
    fn commit(&mut self) {
        if let Err(e) = self.store.commit() {
            self.fail(
                self.options.corpus.join("raw").to_string_lossy().as_ref(),
                e,
            );
        }
    }

    fn fail(&mut self, url: &str, reason: String) {
        self.summary.failed.push(Failure {
            url: url.to_string(),
            reason,
        });
    }

    fn source(&mut self, source: &Source, progress: &mut dyn Progress) {
        let delay = self.delay(source);
        let pages = source
            .max_pages
            .min(self.options.max_pages.unwrap_or(usize::MAX));
        let complete_before = self.store.walk_complete(&source.name);
        if !self.options.dry_run
            && let Err(e) = self.store.set_walk_complete(&source.name, false)
        {
            self.fail(source.listing.as_str(), e);
            return;
        }
        let mut reached_end = false;
        // Listing pages the site says it has (`countPage = 67`), once read.
        let mut count: Option<usize> = None;
        // A listing page n > 0 that gave nothing: the end, unless page n + 1 lists again.
        let mut suspect: Option<(Url, String)> = None;
        // A listing page in the middle failed: this walk is not whole.
        let mut holes = false;
        // Conference links met on earlier listing pages of this walk.
        let mut listed: HashSet<Url> = HashSet::new();
        for n in 0..pages {
            if count.is_some_and(|c| n >= c) {
                reached_end = true;
                break;
            }
            let Some(url) = source.listing_page(n) else {
                reached_end = true;
                break;
            };
            let read = match self.listing_page(source, &url, n, delay, progress) {
                Ok(read) => read,
                Err(Bad::Stop(why)) => {
                    self.fail(url.as_str(), why);
                    break;
                }
                Err(Bad::Empty(why)) => {
                    if count.is_some() {
                        // Page n of a listing that has more: a hole, not the end.
                        self.fail(url.as_str(), format!("{why} (asked again next sync)"));
                        holes = true;
                        continue;
                    }
                    if suspect.is_some() {
                        // Two in a row: past the last listing page.
                        reached_end = true;
                        break;
                    }
                    suspect = Some((url, why));
                    continue;
                }
            };
            let (html, found) = read;
            count = count.or_else(|| listing::page_count(&html));
            if n > 0
                && !found.conferences.is_empty()
                && found
                    .conferences
                    .iter()
                    .all(|(l, _)| listed.contains(&l.url))
            {
                // A listing past the end that sends back an earlier page (a redirect to page 1).
                let why = "listing page: the same links as an earlier listing page".to_string();
                if count.is_some_and(|c| n < c) {
                    self.fail(url.as_str(), format!("{why} (asked again next sync)"));
                    holes = true;
                    continue;
                }
                reached_end = true;
                break;
            }
            if let Some((hole, why)) = suspect.take() {
                self.fail(
                    hole.as_str(),
                    format!(
                        "{why}, but the next listing page lists conferences (asked again next sync)"
                    ),
                );
                holes = true;
            }
            self.summary.skipped += found.others;
            listed.extend(found.conferences.iter().map(|(l, _)| l.url.clone()));
            let (all_held, past_since) = self.conferences(source, found, delay, progress);
            self.commit();
            if all_held && complete_before {
                // Held pages since a whole walk: the rest is in the corpus already.
                reached_end = true;
                break;
            }
            if past_since {
                // Stopped by `--since`: older pages were not looked at, the walk is not whole.
                break;
            }
            if n + 1 == source.max_pages {
                reached_end = true;
            }
        }
        if suspect.is_some() && pages == source.max_pages {
            // The last page the sources file lets the walk read gave nothing. (A walk
            // cut short by --max-pages there does not know whether the listing goes on.)
            reached_end = true;
        }
        self.retry_earlier_failures(source, delay, progress);
        // Every line on disk before the walk counts as complete.
        self.commit();
        if !self.options.dry_run
            && reached_end
            && !holes
            && let Err(e) = self.store.set_walk_complete(&source.name, true)
        {
            self.fail(source.listing.as_str(), e);
        }
    }

    /// The conference links of one listing page: each fetched, rebuilt or
    /// counted as held. Returns whether the corpus held every one already, and
    /// whether `--since` left some out.
    fn conferences(
        &mut self,
        source: &Source,
        found: listing::Listing,
        delay: Duration,
        progress: &mut dyn Progress,
    ) -> (bool, bool) {
        let mut all_held = true;
        let mut past_since = false;
        for (link, hint) in found.conferences {
            let day = link.date.as_ref().or(hint.as_ref());
            if let (Some(since), Some(day)) = (&self.options.since, day)
                && day < since
            {
                past_since = true;
                // Not fetched: this page is held territory only if the corpus has it already.
                all_held &= self.store.get(link.url.as_str()).is_some();
                continue;
            }
            match self.store.need(link.url.as_str()) {
                Need::Nothing => self.summary.unchanged += 1,
                Need::Rebuild if self.rebuilt(&link.url) => {}
                Need::Rebuild | Need::Fetch => {
                    if self.store.get(link.url.as_str()).is_none() {
                        all_held = false;
                    }
                    self.article(source, &link.url, hint.as_deref(), delay, progress);
                }
            }
        }
        (all_held, past_since)
    }

    /// Fetches and reads listing page `n`: its text and links, or why it gives
    /// none ([`Bad::Stop`]: the walk cannot go on; [`Bad::Empty`]: nothing
    /// listed, which past the first page may be the end of the listing).
    fn listing_page(
        &mut self,
        source: &Source,
        url: &Url,
        n: usize,
        delay: Duration,
        progress: &mut dyn Progress,
    ) -> Result<(String, listing::Listing), Bad> {
        let page = match self.fetcher.get(url, delay) {
            Fetched::Page(p) => p,
            Fetched::Gone(status) if n > 0 => {
                return Err(Bad::Empty(format!("listing page: HTTP {status}")));
            }
            Fetched::Gone(status) => {
                return Err(Bad::Stop(format!(
                    "HTTP {status}: the listing page is not there; check the address in the sources file"
                )));
            }
            Fetched::Failed(_, reason) => {
                return Err(Bad::Stop(format!(
                    "listing page: {reason} (asked again next sync)"
                )));
            }
        };
        self.summary.listings += 1;
        progress.step(url.as_str(), page.bytes.len(), self.pages_in_source);
        let Ok(html) = crate::parse::decode_received(&page.bytes, page.charset.as_deref()) else {
            let why = "listing page: empty or not text".to_string();
            return Err(if n > 0 {
                Bad::Empty(why)
            } else {
                Bad::Stop(why)
            });
        };
        let found = listing::read(&html, url, &source.links, &self.today);
        if found.conferences.is_empty() {
            if let Some(why) = not_a_listing(&html, n, &source.links) {
                return Err(Bad::Stop(why));
            }
            if found.others == 0 {
                return Err(Bad::Empty("listing page: no article link".into()));
            }
        }
        Ok((html, found))
    }

    /// Pages of this source that this walk did not reach and that were gone or
    /// held no transcript last time (asked again), or whose raw file (fetched
    /// again) or conference file (rebuilt from the raw file) was deleted since.
    fn retry_earlier_failures(
        &mut self,
        source: &Source,
        delay: Duration,
        progress: &mut dyn Progress,
    ) {
        let mut again: Vec<(String, Option<String>, Need)> = self
            .store
            .entries()
            .filter(|e| e.source == source.name && !self.visited.contains(&e.url))
            .filter(|e| match (&self.options.since, &e.date_hint) {
                (Some(since), Some(day)) => day >= since,
                _ => true,
            })
            .map(|e| (e.url.clone(), e.date_hint.clone(), self.store.need(&e.url)))
            .filter(|(_, _, need)| *need != Need::Nothing)
            .collect();
        again.sort_by(|a, b| a.0.cmp(&b.0));
        for (url, hint, need) in again {
            let Ok(url) = Url::parse(&url) else { continue };
            if need != Need::Rebuild || !self.rebuilt(&url) {
                self.article(source, &url, hint.as_deref(), delay, progress);
            }
        }
    }

    /// A held page whose conference file was deleted: imported again from its
    /// raw file, without a request. `false` when that file cannot be read or
    /// its bytes changed since they were stored: the page is to be fetched again.
    fn rebuilt(&mut self, url: &Url) -> bool {
        if self.options.dry_run || self.visited.contains(url.as_str()) {
            return true;
        }
        let Some(mut entry) = self.store.get(url.as_str()).cloned() else {
            return true;
        };
        let Ok(bytes) = self.store.read_page(&entry) else {
            return false;
        };
        self.visited.insert(url.to_string());
        entry.conference = None;
        entry.problem = None;
        let charset = entry.charset.clone();
        self.import(url, &bytes, charset.as_deref(), &mut entry);
        self.store.record(entry);
        true
    }

    /// Fetches, stores and imports one conference page.
    fn article(
        &mut self,
        source: &Source,
        url: &Url,
        hint: Option<&str>,
        delay: Duration,
        progress: &mut dyn Progress,
    ) {
        if !self.visited.insert(url.to_string()) {
            return;
        }
        if self.options.dry_run {
            self.summary.would_fetch.push(url.to_string());
            return;
        }
        let mut entry = Entry {
            url: url.to_string(),
            source: source.name.clone(),
            file: None,
            fetched: clock::now_rfc3339(),
            status: 0,
            etag: None,
            last_modified: None,
            sha256: None,
            conference: None,
            problem: None,
            charset: None,
            date_hint: hint.map(str::to_string),
        };
        match self.fetcher.get(url, delay) {
            Fetched::Gone(status) => {
                entry.status = status;
                let reason = format!("HTTP {status}: not found (asked again next sync)");
                entry.problem = Some(reason.clone());
                self.fail(url.as_str(), reason);
            }
            Fetched::Failed(status, reason) => {
                entry.status = status;
                entry.problem = Some(reason.clone());
                self.fail(url.as_str(), reason);
            }
            Fetched::Page(page) => {
                self.summary.fetched += 1;
                self.pages_in_source += 1;
                progress.step(url.as_str(), page.bytes.len(), self.pages_in_source);
                entry.status = 200;
                self.stored(source, url, &page, &mut entry);
            }
        }
        self.store.record(entry);
    }

    /// A 200 page: its bytes kept, its conference imported (or the reason it is not).
    fn stored(&mut self, source: &Source, url: &Url, page: &Page, entry: &mut Entry) {
        entry.etag.clone_from(&page.etag);
        entry.last_modified.clone_from(&page.last_modified);
        entry.charset.clone_from(&page.charset);
        match self.store.store_page(&source.name, url, &page.bytes) {
            Ok((file, sha)) => {
                entry.file = Some(file);
                entry.sha256 = Some(sha);
            }
            Err(e) => {
                entry.problem = Some(e.clone());
                self.fail(url.as_str(), e);
                return;
            }
        }
        self.import(url, &page.bytes, page.charset.as_deref(), entry);
    }

    /// A stored page's conferences written (or the reason they are not, in `entry`).
    fn import(&mut self, url: &Url, bytes: &[u8], charset: Option<&str>, entry: &mut Entry) {
        match import_page(
            url,
            bytes,
            charset,
            entry.date_hint.as_deref(),
            self.outlets,
        ) {
            Err(reason) => {
                entry.problem = Some(reason.clone());
                self.fail(url.as_str(), reason);
            }
            Ok(conferences) => {
                for conf in conferences {
                    let earlier = self
                        .made_now
                        .get(&conf.id)
                        .map(String::as_str)
                        .or_else(|| self.store.producer_of(&conf.id))
                        .filter(|u| *u != url.as_str())
                        .map(str::to_string);
                    if entry.conference.is_none() {
                        entry.conference = Some(conf.id.clone());
                    }
                    if let Some(earlier) = earlier {
                        // Walking newest first, the page met first is the revised one.
                        entry.problem =
                            Some(format!("same conference as {earlier}, kept that page"));
                        self.summary.skipped += 1;
                        continue;
                    }
                    if let Some(why) = self.store.not_ours(&conf.id, url.as_str()) {
                        entry.problem = Some(why.clone());
                        self.summary.skipped += 1;
                        self.summary.kept.push(Failure {
                            url: url.to_string(),
                            reason: why,
                        });
                        continue;
                    }
                    match save_conference_unflushed(&self.options.corpus, &conf) {
                        Ok(path) => {
                            self.store.written(path);
                            self.made_now.insert(conf.id.clone(), url.to_string());
                            self.summary.imported += 1;
                            self.summary.written.push(conf);
                        }
                        Err(e) => {
                            entry.conference = None;
                            entry.problem = Some(e.to_string());
                            self.fail(url.as_str(), e.to_string());
                        }
                    }
                }
            }
        }
    }
}

/// Why a listing page gave no links.
enum Bad {
    /// The walk of this source cannot go on (the first page is wrong, the site
    /// is down, a maintenance page): reported, the walk is not whole.
    Stop(String),
    /// A page past the first that lists nothing: the end of the listing, or a
    /// hole in it when the site announces more pages or the next page lists again.
    Empty(String),
}

/// A page's conferences, or why it holds none (a maintenance or "system" page,
/// an empty body, a page the parser cannot read).
pub(crate) fn import_page(
    url: &Url,
    bytes: &[u8],
    charset: Option<&str>,
    hint: Option<&str>,
    outlets: &Outlets,
) -> Result<Vec<crate::model::Conference>, String> {
    if bytes.trim_ascii().is_empty() {
        return Err("empty page: not imported (asked again next sync)".into());
    }
    if cut_short(bytes) {
        return Err("page cut short (it opens <html> or <body> but never closes them): not imported, asked again next sync".into());
    }
    let name = url.path().rsplit('/').next().unwrap_or_default();
    match conferences_from_page(name, bytes, charset, hint, outlets) {
        Ok(got) => Ok(got
            .conferences
            .into_iter()
            .map(|mut c| {
                c.source = Some(url.to_string());
                c
            })
            .collect()),
        Err(problem) => {
            let Ok(text) = crate::parse::decode_received(bytes, charset) else {
                return Err(
                    "the page is not text (damaged bytes?): not imported, asked again next sync"
                        .into(),
                );
            };
            if maintenance(&text) {
                Err("no transcript on this page (a maintenance or \"system\" page): not imported, asked again next sync".into())
            } else if text.len() < 2048 {
                Err(format!(
                    "no transcript on this page (only {} bytes of text): not imported, asked again next sync",
                    text.len()
                ))
            } else {
                Err(format!(
                    "line {}: {} (asked again next sync)",
                    problem.line, problem.message
                ))
            }
        }
    }
}

/// Whether an HTML page lost its end on the way (a dropped connection, a
/// proxy's cut): it opens `<html>` or `<body>` and closes neither.
fn cut_short(bytes: &[u8]) -> bool {
    let has = |tag: &[u8]| {
        bytes
            .windows(tag.len())
            .any(|w| w.eq_ignore_ascii_case(tag))
    };
    (has(b"<html") || has(b"<body")) && !has(b"</html>") && !has(b"</body>")
}

/// Whether a page is the sites' maintenance or "system" notice (removed pages
/// and listings under maintenance answer `200` with one).
fn maintenance(text: &str) -> bool {
    [
        "系统维护",
        "维护中",
        "maintenance",
        "系统提示",
        "System Notice",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Why listing page `n`, which offers no conference link, is a failure and
/// not the end of the listing: a maintenance page anywhere, and any first
/// page (a source whose first page lists nothing has moved or changed).
fn not_a_listing(html: &str, n: usize, links: &regex::Regex) -> Option<String> {
    if maintenance(html) {
        return Some("listing page: a maintenance or \"system\" page, not the list of conferences (asked again next sync)".into());
    }
    (n == 0).then(|| {
        format!(
            "listing page: no link whose text matches `{links}`; the site may have changed: check `listing` and `links` in the sources file (briefings sync --print-sources)"
        )
    })
}

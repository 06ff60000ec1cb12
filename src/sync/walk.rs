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
        for n in 0..pages {
            let Some(url) = source.listing_page(n) else {
                reached_end = true;
                break;
            };
            let page = match self.fetcher.get(&url, delay) {
                Fetched::Page(p) => p,
                // Past the last listing page.
                Fetched::Gone(_) if n > 0 => {
                    reached_end = true;
                    break;
                }
                Fetched::Gone(status) => {
                    self.fail(url.as_str(), format!("HTTP {status}: the listing page is not there; check the address in the sources file"));
                    break;
                }
                Fetched::Failed(_, reason) => {
                    self.fail(url.as_str(), format!("listing page: {reason}"));
                    break;
                }
            };
            self.summary.listings += 1;
            progress.step(url.as_str(), page.bytes.len(), self.pages_in_source);
            let Ok(html) = crate::parse::decode_received(&page.bytes, page.charset.as_deref())
            else {
                self.fail(url.as_str(), "the listing page is empty or not text".into());
                break;
            };
            let found = listing::read(&html, &url, &source.links, &self.today);
            self.summary.skipped += found.others;
            if found.conferences.is_empty() {
                if let Some(why) = not_a_listing(&html, n, &source.links) {
                    self.fail(url.as_str(), why);
                    break;
                }
                if found.others == 0 {
                    reached_end = true;
                    break;
                }
            }
            let mut all_held = true;
            let mut past_since = false;
            for (link, hint) in found.conferences {
                let day = link.date.as_ref().or(hint.as_ref());
                if let (Some(since), Some(day)) = (&self.options.since, day)
                    && day < since
                {
                    past_since = true;
                    continue;
                }
                match self.store.need(link.url.as_str()) {
                    Need::Nothing => self.summary.unchanged += 1,
                    Need::Rebuild => self.rebuild(&link.url),
                    Need::Fetch => {
                        if self.store.get(link.url.as_str()).is_none() {
                            all_held = false;
                        }
                        self.article(source, &link.url, hint.as_deref(), delay, progress);
                    }
                }
            }
            self.commit();
            if all_held && complete_before || past_since {
                reached_end = complete_before;
                break;
            }
            if n + 1 == source.max_pages {
                reached_end = true;
            }
        }
        self.retry_earlier_failures(source, delay, progress);
        // Every line on disk before the walk counts as complete.
        self.commit();
        let whole_walk = self.options.since.is_none() && self.options.max_pages.is_none();
        if !self.options.dry_run
            && reached_end
            && (whole_walk || complete_before)
            && let Err(e) = self.store.set_walk_complete(&source.name, true)
        {
            self.fail(source.listing.as_str(), e);
        }
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
            if need == Need::Rebuild {
                self.rebuild(&url);
            } else {
                self.article(source, &url, hint.as_deref(), delay, progress);
            }
        }
    }

    /// A held page whose conference file was deleted: imported again from its
    /// raw file, without a request.
    fn rebuild(&mut self, url: &Url) {
        if !self.visited.insert(url.to_string()) || self.options.dry_run {
            return;
        }
        let Some(mut entry) = self.store.get(url.as_str()).cloned() else {
            return;
        };
        let Some(file) = entry.file.clone() else {
            return;
        };
        let bytes = match self.store.read_page(&file) {
            Ok(bytes) => bytes,
            Err(e) => return self.fail(url.as_str(), format!("raw/{file}: cannot read ({e})")),
        };
        entry.conference = None;
        entry.problem = None;
        let charset = entry.charset.clone();
        self.import(url, &bytes, charset.as_deref(), &mut entry);
        self.store.record(entry);
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
            let text = crate::parse::decode_received(bytes, charset).unwrap_or_default();
            if maintenance(&text) || text.len() < 2048 {
                Err("no transcript on this page (a maintenance or \"system\" page): not imported, asked again next sync".into())
            } else {
                Err(format!(
                    "line {}: {} (asked again next sync)",
                    problem.line, problem.message
                ))
            }
        }
    }
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

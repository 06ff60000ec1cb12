//! The network side of sync: one blocking HTTP client with the manners of a
//! careful crawler — a pause between requests to one host, timeouts, retries
//! with backoff, `Retry-After`, redirects followed by hand so loops are seen,
//! and the `BRIEFINGS_SYNC_MIRROR` rewrite.

use std::collections::HashMap;
use std::io::Read as _;
use std::time::{Duration, Instant};

use url::Url;

/// Tries per URL on timeouts, resets and 5xx.
const TRIES: u32 = 3;
/// Redirects followed per URL.
const MAX_REDIRECTS: usize = 5;
/// Largest page accepted (the longest transcripts are well under 1 MB).
const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// Longest `Retry-After` waited for; a server asking more is reported.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(120);

/// What one GET brought back, after retries and redirects.
#[derive(Debug)]
pub(crate) enum Fetched {
    /// A 200 page: its bytes as received and what the headers said.
    Page(Page),
    /// 404 or 410: gone (remembered, retried next time).
    Gone(u16),
    /// Anything else: the last HTTP status seen (0 when no response came: a timeout, a
    /// reset, a bad address), and what went wrong in a sentence.
    Failed(u16, String),
}

#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) bytes: Vec<u8>,
    /// The `charset=` of `Content-Type`, when sent.
    pub(crate) charset: Option<String>,
    pub(crate) etag: Option<String>,
    pub(crate) last_modified: Option<String>,
}

/// The client: one request at a time, a clock per host.
pub(crate) struct Fetcher {
    agent: ureq::Agent,
    mirror: Option<Url>,
    last: HashMap<String, Instant>,
    /// Requests sent (each try counts), for the summary and the tests.
    pub(crate) requests: usize,
}

impl Fetcher {
    /// A client for `mirror` (the `BRIEFINGS_SYNC_MIRROR` value, checked) or the real sites.
    pub(crate) fn new(mirror: Option<Url>) -> Fetcher {
        let mut config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(format!(
                "briefings/{} (+offline reader of press-conference transcripts)",
                env!("CARGO_PKG_VERSION")
            ));
        if mirror.is_some() {
            // A mirror is a local copy: never send it through a proxy meant for the internet.
            config = config.proxy(None);
        }
        Fetcher {
            agent: config.build().into(),
            mirror,
            last: HashMap::new(),
            requests: 0,
        }
    }

    /// Whether requests go to a mirror (the default delay is then 0).
    pub(crate) fn is_mirror(&self) -> bool {
        self.mirror.is_some()
    }

    /// GETs `url` (an original address), waiting `delay` after the last request to its host.
    pub(crate) fn get(&mut self, url: &Url, delay: Duration) -> Fetched {
        let mut at = url.clone();
        let mut seen = vec![url.clone()];
        loop {
            match self.get_once(&at, delay) {
                Hop::Done(f) => return f,
                Hop::Redirect(location) => {
                    let Ok(next) = self.wire(&at).join(&location).map(|u| self.unwire(u)) else {
                        return Fetched::Failed(
                            0,
                            format!("redirected to a bad address {location:?}"),
                        );
                    };
                    if seen.contains(&next) {
                        return Fetched::Failed(0, format!("redirect loop ({at} → {next})"));
                    }
                    if seen.len() > MAX_REDIRECTS {
                        return Fetched::Failed(0, format!("more than {MAX_REDIRECTS} redirects"));
                    }
                    seen.push(next.clone());
                    at = next;
                }
            }
        }
    }

    /// One address, with retries; a redirect is handed back to `get`.
    fn get_once(&mut self, url: &Url, delay: Duration) -> Hop {
        let wire = self.wire(url);
        let mut last_problem = String::new();
        let mut last_status = 0;
        for attempt in 1..=TRIES {
            self.wait_turn(&wire, delay);
            self.requests += 1;
            let outcome = self.agent.get(wire.as_str()).call();
            let mut response = match outcome {
                Ok(r) => r,
                Err(e) if transient(&e) => {
                    last_problem = format!("network error: {e}");
                    last_status = 0;
                    backoff(attempt);
                    continue;
                }
                Err(e) => return Hop::Done(Fetched::Failed(0, format!("network error: {e}"))),
            };
            let status = response.status().as_u16();
            last_status = status;
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            match status {
                200 => {
                    let charset = header("content-type").and_then(|t| charset_of(&t));
                    let (etag, last_modified) = (header("etag"), header("last-modified"));
                    let announced =
                        header("content-length").and_then(|l| l.trim().parse::<u64>().ok());
                    if announced.is_some_and(|n| n > MAX_BYTES) {
                        return Hop::Done(Fetched::Failed(status, too_large()));
                    }
                    let mut bytes = Vec::new();
                    let read = response
                        .body_mut()
                        .with_config()
                        .limit(MAX_BYTES + 1)
                        .reader()
                        .take(MAX_BYTES + 1)
                        .read_to_end(&mut bytes);
                    if bytes.len() as u64 > MAX_BYTES {
                        return Hop::Done(Fetched::Failed(status, too_large()));
                    }
                    if let Err(e) = read {
                        last_problem = format!("the page was cut: {e}");
                        backoff(attempt);
                        continue;
                    }
                    return Hop::Done(Fetched::Page(Page {
                        bytes,
                        charset,
                        etag,
                        last_modified,
                    }));
                }
                301 | 302 | 303 | 307 | 308 => {
                    return match header("location") {
                        Some(l) => Hop::Redirect(l),
                        None => Hop::Done(Fetched::Failed(
                            status,
                            format!("HTTP {status} without a Location"),
                        )),
                    };
                }
                404 | 410 => return Hop::Done(Fetched::Gone(status)),
                429 | 503 => {
                    last_problem = format!("HTTP {status} (server busy)");
                    if let Some(done) = busy(status, header("retry-after").as_deref(), attempt) {
                        return done;
                    }
                }
                500..=599 => {
                    last_problem = format!("HTTP {status} (server error)");
                    backoff(attempt);
                }
                _ => return Hop::Done(Fetched::Failed(status, refused(status))),
            }
        }
        Hop::Done(Fetched::Failed(
            last_status,
            format!("{last_problem} ({TRIES} tries)"),
        ))
    }

    /// Sleeps until `delay` has passed since the last request to this host.
    fn wait_turn(&mut self, wire: &Url, delay: Duration) {
        let host = wire.host_str().unwrap_or_default().to_string();
        if let Some(rest) = self
            .last
            .get(&host)
            .and_then(|last| delay.checked_sub(last.elapsed()))
        {
            std::thread::sleep(rest);
        }
        self.last.insert(host, Instant::now());
    }

    /// The address actually requested: `MIRROR/HOST/PATH` under a mirror.
    fn wire(&self, url: &Url) -> Url {
        let Some(mirror) = &self.mirror else {
            return url.clone();
        };
        let mut path = format!(
            "{}/{}{}",
            mirror.as_str().trim_end_matches('/'),
            url.host_str().unwrap_or_default(),
            url.path()
        );
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        Url::parse(&path).unwrap_or_else(|_| url.clone())
    }

    /// The original address of a mirror address (a redirect's target).
    fn unwire(&self, wire: Url) -> Url {
        let Some(mirror) = &self.mirror else {
            return wire;
        };
        let prefix = mirror.as_str().trim_end_matches('/');
        match wire.as_str().strip_prefix(prefix) {
            Some(rest) => Url::parse(&format!("https:/{rest}")).unwrap_or(wire),
            None => wire,
        }
    }
}

enum Hop {
    Done(Fetched),
    Redirect(String),
}

/// A 429 or 503: waits as `Retry-After` asks (never after the last try), or
/// gives up at once when it asks more than [`MAX_RETRY_AFTER`].
fn busy(status: u16, retry: Option<&str>, attempt: u32) -> Option<Hop> {
    match retry.and_then(retry_after) {
        Some(w) if w > MAX_RETRY_AFTER => Some(Hop::Done(Fetched::Failed(
            status,
            format!(
                "HTTP {status}: the server asks to wait {} s; try again later",
                w.as_secs()
            ),
        ))),
        Some(w) if attempt < TRIES => {
            std::thread::sleep(w);
            None
        }
        Some(_) => None,
        None => {
            backoff(attempt);
            None
        }
    }
}

/// Why a status that is neither a page, a redirect, gone nor busy is a failure.
fn refused(status: u16) -> String {
    if status == 403 {
        "HTTP 403: refused by the server (asked again next sync)".into()
    } else {
        format!("HTTP {status} (asked again next sync)")
    }
}

fn transient(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::Timeout(_) | ureq::Error::ConnectionFailed => true,
        ureq::Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::ConnectionAborted
                | std::io::ErrorKind::BrokenPipe
                | std::io::ErrorKind::UnexpectedEof
                | std::io::ErrorKind::TimedOut
                | std::io::ErrorKind::Interrupted
        ),
        _ => false,
    }
}

/// A page past [`MAX_BYTES`] is no transcript: refused whole (never stored cut short).
fn too_large() -> String {
    format!(
        "page larger than {} MiB: refused, nothing stored (asked again next sync)",
        MAX_BYTES / (1024 * 1024)
    )
}

/// 1 s, then 2 s between tries (the last try does not wait).
fn backoff(attempt: u32) {
    if attempt < TRIES {
        std::thread::sleep(Duration::from_millis(1000 * u64::from(attempt)));
    }
}

/// `text/html; charset=GBK` → `GBK`.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// `Retry-After`: seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, and
/// the two obsolete forms), as the wait from now; a date already past is no wait.
fn retry_after(v: &str) -> Option<Duration> {
    retry_after_at(v, std::time::SystemTime::now())
}

fn retry_after_at(v: &str, now: std::time::SystemTime) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(v).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::{Fetcher, charset_of, retry_after};
    use url::Url;

    #[test]
    fn mirror_addresses_go_both_ways() {
        let f = Fetcher::new(Some(Url::parse("http://127.0.0.1:8000").unwrap()));
        let u = Url::parse("https://www.fmprc.gov.cn/web/a/t1.shtml").unwrap();
        let w = f.wire(&u);
        assert_eq!(
            w.as_str(),
            "http://127.0.0.1:8000/www.fmprc.gov.cn/web/a/t1.shtml"
        );
        assert_eq!(f.unwire(w), u);
    }

    #[test]
    fn headers_are_read() {
        assert_eq!(
            charset_of("text/html; charset=\"GBK\"").as_deref(),
            Some("GBK")
        );
        assert_eq!(charset_of("text/html"), None);
        assert_eq!(retry_after("2").unwrap().as_secs(), 2);
        assert_eq!(retry_after(""), None);
        assert_eq!(retry_after("soon"), None);
    }

    /// Failed before the fix: every date was read as 60 s.
    #[test]
    fn retry_after_as_a_date_is_the_wait_until_then() {
        use std::time::{Duration, UNIX_EPOCH};
        // 2015-10-21 07:28:00 UTC.
        let at = UNIX_EPOCH + Duration::from_secs(1_445_412_480);
        let wait = |v: &str, now| super::retry_after_at(v, now).unwrap().as_secs();
        let before = at - Duration::from_secs(7);
        assert_eq!(wait("Wed, 21 Oct 2015 07:28:00 GMT", before), 7);
        assert_eq!(wait("Wednesday, 21-Oct-15 07:28:00 GMT", before), 7);
        assert_eq!(wait("Wed Oct 21 07:28:00 2015", before), 7);
        assert_eq!(
            wait("Wed, 21 Oct 2015 07:28:00 GMT", at + Duration::from_secs(5)),
            0
        );
        assert_eq!(wait("Wed, 21 Oct 2015 09:28:00 GMT", before), 7207);
    }
}

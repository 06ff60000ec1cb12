//! A static HTTP server for the sync tests: serves a folder laid out as
//! `HOST/PATH` (the mirror) on 127.0.0.1, counts requests per path, and can
//! answer some paths with scripted faults first.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tiny_http::{Header, Response, Server};

/// A scripted answer.
#[derive(Clone)]
pub enum Reply {
    /// Status, extra headers, body.
    Raw(u16, Vec<(String, String)>, Vec<u8>),
    /// The file of the mirror at this path, as usual.
    File,
}

impl Reply {
    pub fn status(code: u16) -> Reply {
        Reply::Raw(code, Vec::new(), b"error".to_vec())
    }
    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::Raw(
            200,
            vec![("Content-Type".into(), "text/html".into())],
            body.into(),
        )
    }
    pub fn redirect(to: &str) -> Reply {
        Reply::Raw(302, vec![("Location".into(), to.into())], Vec::new())
    }
}

#[derive(Default)]
struct State {
    /// Requests per path, with their times.
    hits: HashMap<String, Vec<Instant>>,
    /// Scripted answers per path, used in order; the last one repeats.
    script: HashMap<String, VecDeque<Reply>>,
}

pub struct Mirror {
    server: Arc<Server>,
    state: Arc<Mutex<State>>,
    thread: Option<std::thread::JoinHandle<()>>,
    pub url: String,
}

impl Mirror {
    /// Serves `root` (a `HOST/PATH` folder) on a free port.
    pub fn start(root: PathBuf) -> Mirror {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("bind 127.0.0.1:0"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let state = Arc::new(Mutex::new(State::default()));
        let (s, st) = (Arc::clone(&server), Arc::clone(&state));
        let thread = std::thread::spawn(move || {
            for rq in s.incoming_requests() {
                let path = rq.url().split('?').next().unwrap_or_default().to_string();
                let reply = {
                    let mut st = st.lock().unwrap();
                    st.hits
                        .entry(path.clone())
                        .or_default()
                        .push(Instant::now());
                    match st.script.get_mut(&path) {
                        Some(q) if q.len() > 1 => q.pop_front(),
                        Some(q) => q.front().cloned(),
                        None => None,
                    }
                    .unwrap_or(Reply::File)
                };
                let (code, headers, body) = match reply {
                    Reply::Raw(c, h, b) => (c, h, b),
                    Reply::File => {
                        let file = root.join(path.trim_start_matches('/'));
                        match std::fs::read(&file) {
                            // As the ministry's server: text/html, no charset.
                            Ok(b) if file.is_file() => {
                                (200, vec![("Content-Type".into(), "text/html".into())], b)
                            }
                            _ => (404, Vec::new(), b"<html>404</html>".to_vec()),
                        }
                    }
                };
                let mut response = Response::from_data(body).with_status_code(code);
                for (k, v) in headers {
                    response.add_header(Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap());
                }
                let _ = rq.respond(response);
            }
        });
        Mirror {
            server,
            state,
            thread: Some(thread),
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Answers `path` (`/HOST/PATH`) with `replies` in turn, the last one from then on.
    pub fn script(&self, path: &str, replies: Vec<Reply>) {
        self.state
            .lock()
            .unwrap()
            .script
            .insert(path.into(), replies.into());
    }

    /// Times at which `path` was requested.
    pub fn hits(&self, path: &str) -> Vec<Instant> {
        self.state
            .lock()
            .unwrap()
            .hits
            .get(path)
            .cloned()
            .unwrap_or_default()
    }

    /// Every path requested so far, with its count.
    pub fn all_hits(&self) -> HashMap<String, usize> {
        self.state
            .lock()
            .unwrap()
            .hits
            .iter()
            .map(|(k, v)| (k.clone(), v.len()))
            .collect()
    }

    pub fn reset_counts(&self) {
        self.state.lock().unwrap().hits.clear();
    }
}

impl Drop for Mirror {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

//! The worker keeps only the newest query.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use super::{index, text_query};
use crate::search::SearchService;

#[test]
fn stale_generations_are_dropped() {
    let (tx, rx) = mpsc::channel();
    let service = SearchService::spawn(Arc::new(index()), move |generation, result| {
        let _ = tx.send((generation, result.map(|r| r.hits.len())));
    });
    for generation in 0..200 {
        let word = if generation % 2 == 0 {
            "chine"
        } else {
            "tariffs"
        };
        service.submit(generation, text_query(word));
    }
    let mut delivered = Vec::new();
    while let Ok((generation, hits)) = rx.recv_timeout(Duration::from_secs(10)) {
        assert!(hits.is_ok());
        delivered.push(generation);
        if generation == 199 {
            break;
        }
    }
    assert_eq!(delivered.last(), Some(&199));
    assert!(
        delivered.windows(2).all(|w| w[0] < w[1]),
        "answers arrive in order"
    );
    drop(service);
}

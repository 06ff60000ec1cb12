//! A panic inside tantivy (a damaged index) becomes an answer, never a message
//! on stderr: in the TUI that message would be printed over the screen. The
//! CLI's searches, `outlets` and the TUI's search worker and index opening all
//! run through `search::quietly`.
//!
//! One test in its own binary: it installs the process's panic hook first.

use std::sync::atomic::{AtomicUsize, Ordering};

use briefings::search::{DAMAGED, IndexError, quietly};

static PRINTED: AtomicUsize = AtomicUsize::new(0);

#[test]
fn a_panic_inside_quietly_is_an_error_and_prints_nothing() {
    // Stands for the default hook, which prints the panic message.
    std::panic::set_hook(Box::new(|_| {
        PRINTED.fetch_add(1, Ordering::SeqCst);
    }));
    let r: Result<(), IndexError> = quietly(|| panic!("index out of bounds in a segment"));
    assert_eq!(r.unwrap_err().0, DAMAGED);
    assert_eq!(PRINTED.load(Ordering::SeqCst), 0, "nothing printed");
    // On a worker thread, as in the TUI.
    let r = std::thread::spawn(|| quietly::<()>(|| panic!("again"))).join();
    assert!(r.is_ok_and(|r| r.is_err()));
    assert_eq!(PRINTED.load(Ordering::SeqCst), 0, "nothing printed");
    // Other panics still reach the hook: only these answers are silenced.
    let _ = std::panic::catch_unwind(|| panic!("a real bug"));
    assert_eq!(PRINTED.load(Ordering::SeqCst), 1);
    // And a search that works passes through untouched.
    assert_eq!(quietly(|| Ok::<_, IndexError>(7)).unwrap(), 7);
}

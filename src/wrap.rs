//! TEMPORARY: replaced by the TUI branch's display-width wrapper.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let _ = width;
    vec![text.to_string()]
}

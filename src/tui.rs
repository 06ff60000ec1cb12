//! TEMPORARY: replaced by the TUI branch.
pub fn run(
    corpus: crate::corpus::Corpus,
    notes: Vec<String>,
    outlets: crate::outlets::Outlets,
) -> Result<(), String> {
    let _ = (corpus, notes, outlets);
    Err("the browser is not built yet".into())
}

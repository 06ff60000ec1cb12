//! Stop-gap until branch `parse` lands: `parse::Problem` as text, which `corpus::sample`'s tests need to compile. Delete on merge if `parse` brings its own.

impl std::fmt::Display for crate::parse::Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

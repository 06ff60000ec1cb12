//! The bundled sample: short illustrative briefings written for this project
//! (not real transcripts), parsed at start-up with the same parser as `import`.

use crate::model::Conference;
use crate::outlets::Outlets;

/// `(file name, text)` of each bundled sample transcript.
const FILES: &[(&str, &str)] = &[
    (
        "sample-fr-1.txt",
        include_str!("../../assets/sample/sample-fr-1.txt"),
    ),
    (
        "sample-fr-2.txt",
        include_str!("../../assets/sample/sample-fr-2.txt"),
    ),
    (
        "sample-fr-3.txt",
        include_str!("../../assets/sample/sample-fr-3.txt"),
    ),
    (
        "sample-en-1.txt",
        include_str!("../../assets/sample/sample-en-1.txt"),
    ),
    (
        "sample-en-2.txt",
        include_str!("../../assets/sample/sample-en-2.txt"),
    ),
    (
        "sample-en-3.txt",
        include_str!("../../assets/sample/sample-en-3.txt"),
    ),
    (
        "sample-zh-1.txt",
        include_str!("../../assets/sample/sample-zh-1.txt"),
    ),
    (
        "sample-zh-2.txt",
        include_str!("../../assets/sample/sample-zh-2.txt"),
    ),
    (
        "sample-zh-3.txt",
        include_str!("../../assets/sample/sample-zh-3.txt"),
    ),
];

/// Marks every sample conference so exports never pass it off as a real transcript.
pub(super) const SAMPLE_MARK: &str =
    "illustrative sample text written for briefings, not a real transcript";

/// Every sample conference. The sample is tested to parse; a file that
/// somehow fails is skipped rather than stopping the app.
pub(super) fn conferences() -> Vec<Conference> {
    let outlets = Outlets::builtin();
    let mut out = Vec::new();
    for (name, text) in FILES {
        if let Ok(confs) = crate::transcript::conferences_from(name, text.as_bytes(), &outlets) {
            for mut c in confs.conferences {
                c.extra.insert("sample".into(), SAMPLE_MARK.into());
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_file_parses_into_conferences_with_turns() {
        let outlets = Outlets::builtin();
        for (name, text) in FILES {
            let got = crate::transcript::conferences_from(name, text.as_bytes(), &outlets)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(!got.conferences.is_empty(), "{name}");
            for c in &got.conferences {
                assert!(c.turns.len() >= 3, "{name}: {} turns", c.turns.len());
                assert!(c.spokesperson.is_some(), "{name}");
            }
        }
        let all = conferences();
        let mut ids: Vec<_> = all.iter().map(|c| c.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "sample ids are unique");
        for lang in ["fr", "en", "zh"] {
            assert!(all.iter().any(|c| c.language == lang), "{lang}");
        }
    }
}

//! Turns real French transcripts into two chains: one for questions, one for everything else.

use std::fs;
use std::path::{Path, PathBuf};

use super::markov::{Chain, ends_sentence};

/// The learnt vocabulary: questions read like questions, answers like answers.
#[derive(Debug, Default)]
pub struct Chains {
    pub questions: Chain,
    pub answers: Chain,
}

/// Reads `training/fr/*.txt` (or `training/*.txt` when there is no `fr/`), in name order
/// so the chains, and therefore the corpus, are the same on every machine.
pub fn from_dir(training: &Path) -> Result<Chains, String> {
    let dir = if training.join("fr").is_dir() {
        training.join("fr")
    } else {
        training.to_path_buf()
    };
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| {
            format!(
                "{}: cannot list the training transcripts: {e}",
                dir.display()
            )
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut chains = Chains::default();
    for f in &files {
        let text =
            fs::read_to_string(f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
        learn_text(&mut chains, &text);
    }
    if chains.questions.sentences() == 0 || chains.answers.sentences() == 0 {
        return Err(format!(
            "{}: no French question and answer sentences to learn from; point BRIEFINGS_SHARED at the shared folder",
            dir.display()
        ));
    }
    Ok(chains)
}

/// Learns every paragraph of one transcript; page furniture (no sentence in it) is skipped.
pub fn learn_text(chains: &mut Chains, text: &str) {
    for line in text.lines() {
        let clean: String = line
            .chars()
            .map(|c| {
                if c.is_whitespace() || c.is_control() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let body = strip_label(&clean);
        let words: Vec<&str> = body.split_whitespace().collect();
        // Furniture and the odd English caption have no French function words.
        let french = words
            .iter()
            .any(|w| matches!(*w, "de" | "la" | "le" | "les" | "et" | "des" | "du"));
        if words.len() < 6 || !french {
            continue;
        }
        let sentences = split_sentences(&words);
        let is_question = sentences
            .last()
            .and_then(|s| s.last())
            .is_some_and(|w| w.ends_with('?'));
        let chain = if is_question {
            &mut chains.questions
        } else {
            &mut chains.answers
        };
        for s in sentences {
            chain.learn(&s);
        }
    }
}

/// Drops a leading `Label : ` (outlet or spokesperson) so the chain never learns who speaks.
fn strip_label(line: &str) -> &str {
    let Some(colon) = line.find(" :").or_else(|| line.find(':')) else {
        return line;
    };
    let label = &line[..colon];
    let short = label.split_whitespace().count() <= 6 && label.chars().count() <= 60;
    let plain = !label.contains(['.', '?', '!', ',', '«', ';', '(']);
    // Outlet and people names end on a capitalised word (`Agence de presse Xinhua`, `Guo Jiakun`, `Q`).
    let named = label
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if short && plain && named {
        line[colon..].trim_start_matches([' ', ':'])
    } else {
        line
    }
}

/// Whole sentences only (a cut-off tail is dropped), with inline `Q :` / `R :` / `Name :` labels removed.
fn split_sentences<'a>(words: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for w in words {
        if *w == ":"
            && current.len() <= 3
            && current
                .iter()
                .all(|x| x.chars().next().is_some_and(char::is_uppercase))
        {
            // An inline label such as `Q :` or `Ma Zhaoxu :` at the start of a sentence.
            current.clear();
            continue;
        }
        current.push(w);
        if ends_sentence(w) {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Chains, learn_text, strip_label};

    #[test]
    fn labels_and_furniture_are_not_learnt() {
        assert_eq!(
            strip_label("Agence de presse Exemple : Que pensez-vous ?"),
            "Que pensez-vous ?"
        );
        assert_eq!(
            strip_label("Il a dit ceci : rien."),
            "Il a dit ceci : rien."
        );
        let mut c = Chains::default();
        learn_text(
            &mut c,
            "Page d'accueil > Rubrique\nTélé Exemple : Que pense la partie chinoise de cette visite ?\n\
             Porte Parole : Nous saluons cette visite. Elle est utile et tout à fait bienvenue. Et le reste est cou",
        );
        assert_eq!(c.questions.sentences(), 1);
        assert_eq!(c.answers.sentences(), 2);
    }
}

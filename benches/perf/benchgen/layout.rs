//! One transcript in the real page layout: furniture, title, date line, turns, footer.

use std::fmt::Write as _;

use super::askers::OutletPicker;
use super::calendar::Date;
use super::markov::Chain;
use super::rng::Rng;
use super::train::Chains;

/// What to write for one conference.
pub struct Spec<'a> {
    pub day: Date,
    pub spokesperson: &'a str,
    /// Bytes of spoken text to aim at (furniture excluded).
    pub target_bytes: usize,
}

/// Breadcrumbs as the embassy sites print them.
const BREADCRUMBS: &[&str] = &[
    "Page d'accueil > Déclarations du porte-parole",
    "Page d'accueil > Déclaration du porte-parole",
    "Page d'accueil > Propos du porte-parole du MAE",
];

/// Writes the transcript; returns it and its number of turns (the announcement counts as one).
pub fn transcript(
    spec: &Spec,
    chains: &Chains,
    outlets: &OutletPicker,
    rng: &mut Rng,
) -> (String, usize) {
    let mut out = String::with_capacity(spec.target_bytes + 1024);
    header(&mut out, spec, rng);
    let body = out.len();
    let mut turns = 0;
    if rng.chance(0.4) {
        let paragraphs = rng.range(1, 2);
        for _ in 0..paragraphs {
            paragraph(&mut out, "", &chains.answers, 250 + rng.below(400), rng);
        }
        turns += 1;
    }
    let questions = rng.range(10, 25);
    for q in 0..questions {
        // Each turn gets an equal share of what is left of the budget, so the
        // overshoot of whole sentences is absorbed by the turns that follow.
        let per_turn = spec.target_bytes.saturating_sub(out.len() - body) / (questions - q);
        let label = outlets.pick(rng);
        let question_len = per_turn / 8 + rng.below(per_turn / 8 + 1);
        question(&mut out, label, &chains.questions, question_len, rng);
        let more = rng.range(1, 4);
        let share = per_turn.saturating_sub(question_len) / (more + 1);
        let first = format!("{} : ", spec.spokesperson);
        paragraph(
            &mut out,
            &first,
            &chains.answers,
            share / 2 + rng.below(share + 1),
            rng,
        );
        for _ in 0..more {
            paragraph(
                &mut out,
                "",
                &chains.answers,
                share / 2 + rng.below(share + 1),
                rng,
            );
        }
        turns += 1;
    }
    footer(&mut out, spec);
    (out, turns)
}

fn header(out: &mut String, spec: &Spec, rng: &mut Rng) {
    out.push_str("Ambassade de la République populaire de Chine\n");
    out.push_str("中文 | Français | English\n");
    out.push_str(rng.pick(BREADCRUMBS));
    out.push_str("\n\n");
    let _ = writeln!(
        out,
        "Conférence de presse du {} tenue par le porte-parole du ministère des Affaires étrangères {}\n",
        spec.day.french(),
        spec.spokesperson
    );
    let _ = writeln!(
        out,
        "{} {:02}:{:02}\n",
        spec.day.iso(),
        rng.range(15, 23),
        rng.below(60)
    );
}

/// A question paragraph of about `len` bytes whose last sentence is a real question.
fn question(out: &mut String, label: &str, chain: &Chain, len: usize, rng: &mut Rng) {
    out.push_str(label);
    out.push_str(" : ");
    let start = out.len();
    while out.len() - start < len {
        if out.len() > start {
            out.push(' ');
        }
        chain.sentence(rng, out);
    }
    if !out.ends_with('?') {
        // Close with a question: the chain's questions are frequent, a few draws find one.
        let mut s = String::new();
        for _ in 0..12 {
            s.clear();
            if chain.sentence(rng, &mut s).ends_with('?') {
                break;
            }
        }
        if !s.ends_with('?') {
            s = format!("{} ?", s.trim_end_matches(['.', '!']));
        }
        out.push(' ');
        out.push_str(&s);
    }
    out.push_str("\n\n");
}

/// A paragraph of at least one sentence and about `len` bytes, after an optional label.
fn paragraph(out: &mut String, label: &str, chain: &Chain, len: usize, rng: &mut Rng) {
    out.push_str(label);
    let start = out.len();
    while out.len() == start || out.len() - start < len {
        if out.len() > start {
            out.push(' ');
        }
        chain.sentence(rng, out);
    }
    out.push_str("\n\n");
}

fn footer(out: &mut String, spec: &Spec) {
    out.push_str(" Recommander à    Imprimer\n\n");
    let _ = writeln!(
        out,
        "Copyright © 1998-{} Ambassade de la République populaire de Chine. Tous droits réservés.",
        spec.day.year
    );
}

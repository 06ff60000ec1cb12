//! Cutting a query's free text into what it asks for: words and quoted phrases that
//! must match, `OR` between two of them (either may), and `-word` / `-"a phrase"`
//! that no hit may contain.

/// A word or a quoted phrase of the query text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(crate) text: String,
    /// The last word, still being typed: its last token also matches as a prefix.
    pub(crate) prefix: bool,
    /// Written between quotes (`"the"`, `"mer de chine"`): searched as written, stop words too.
    pub(crate) quoted: bool,
}

/// What the free text asks: every group must match (any one of its alternatives);
/// no excluded piece may.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Clauses {
    pub(crate) groups: Vec<Vec<Piece>>,
    pub(crate) excluded: Vec<Piece>,
}

/// The keyword that joins two pieces; in capitals only, so `or` stays a word of French
/// (`or` = gold, now) and English text.
const OR: &str = "OR";

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

/// A unit of the text: a piece, excluded or not, or the keyword `OR`.
enum Lexeme {
    Piece { piece: Piece, excluded: bool },
    Or,
}

/// A word as typed: `OR`, an exclusion (`-` then a letter or digit), or a word. A lone
/// `-` or `-?` is a word (with nothing searchable in it, as the refusal says).
fn word(w: &str) -> Lexeme {
    if w == OR {
        return Lexeme::Or;
    }
    let rest = w
        .strip_prefix('-')
        .filter(|r| r.starts_with(char::is_alphanumeric));
    let excluded = rest.is_some();
    Lexeme::Piece {
        piece: Piece {
            text: rest.unwrap_or(w).to_string(),
            prefix: false,
            quoted: false,
        },
        excluded,
    }
}

/// Cuts `text` into lexemes. A quote without a partner is ignored, so `"unbalanced` is
/// the word `unbalanced`; `-` right before a quoted phrase excludes it. The last word
/// is a prefix when `prefix_last` and the text ends inside it.
fn lexemes(text: &str, prefix_last: bool) -> Vec<Lexeme> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut w = String::new();
    let flush = |w: &mut String, out: &mut Vec<Lexeme>| {
        if !w.is_empty() {
            out.push(word(&std::mem::take(w)));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_quote(c) {
            if let Some(close) = chars[i + 1..].iter().position(|&d| is_quote(d)) {
                let excluded = w == "-";
                if excluded {
                    w.clear();
                }
                flush(&mut w, &mut out);
                let phrase: String = chars[i + 1..i + 1 + close].iter().collect();
                if !phrase.trim().is_empty() {
                    out.push(Lexeme::Piece {
                        piece: Piece {
                            text: phrase,
                            prefix: false,
                            quoted: true,
                        },
                        excluded,
                    });
                }
                i += close + 2;
                continue;
            }
            flush(&mut w, &mut out);
        } else if c.is_whitespace() {
            flush(&mut w, &mut out);
        } else {
            w.push(c);
        }
        i += 1;
    }
    let ends_in_word = !w.is_empty();
    flush(&mut w, &mut out);
    if prefix_last
        && ends_in_word
        && let Some(Lexeme::Piece {
            piece,
            excluded: false,
        }) = out.last_mut()
    {
        piece.prefix = true;
    }
    out
}

/// Reads the free text of a query. `OR` joins the pieces on either side of it
/// (`a OR b OR c` is one group); an `OR` with no piece to join on one side (at either
/// end, next to an exclusion, doubled) joins nothing and is dropped, so a query being
/// typed (`taiwan OR`) searches what is there so far.
pub(super) fn clauses(text: &str, prefix_last: bool) -> Clauses {
    let mut out = Clauses::default();
    // Whether the last lexeme was a piece that must match, and an `OR` follows it.
    let (mut after_piece, mut join) = (false, false);
    for lexeme in lexemes(text, prefix_last) {
        match lexeme {
            Lexeme::Or => {
                join = after_piece;
                after_piece = false;
            }
            Lexeme::Piece {
                piece,
                excluded: true,
            } => {
                out.excluded.push(piece);
                (after_piece, join) = (false, false);
            }
            Lexeme::Piece { piece, .. } => {
                match out.groups.last_mut() {
                    Some(group) if join => group.push(piece),
                    _ => out.groups.push(vec![piece]),
                }
                (after_piece, join) = (true, false);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clauses;

    /// The groups as texts, a prefix marked with a trailing `*`, and the exclusions.
    fn read(text: &str) -> (Vec<Vec<String>>, Vec<String>) {
        let c = clauses(text, true);
        let show = |p: &super::Piece| format!("{}{}", p.text, if p.prefix { "*" } else { "" });
        (
            c.groups
                .iter()
                .map(|g| g.iter().map(show).collect())
                .collect(),
            c.excluded.iter().map(show).collect(),
        )
    }

    fn strings(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|g| g.iter().map(|s| (*s).to_string()).collect())
            .collect()
    }

    #[test]
    fn words_phrases_and_stray_quotes() {
        assert_eq!(
            read("taiwan \"mer de chine\" intern").0,
            strings(&[&["taiwan"], &["mer de chine"], &["intern*"]])
        );
        assert_eq!(read("\"unbalanced").0, strings(&[&["unbalanced*"]]));
        assert_eq!(read("done ").0, strings(&[&["done"]]));
        assert_eq!(read("a \"b c\"").0, strings(&[&["a"], &["b c"]]));
        assert!(clauses("\"\"", true).groups.is_empty());
        let c = clauses("the \"the\"", false);
        assert_eq!(
            c.groups.iter().map(|g| g[0].quoted).collect::<Vec<_>>(),
            [false, true]
        );
    }

    #[test]
    fn or_joins_its_neighbours_and_minus_excludes() {
        assert_eq!(
            read("Taiwan OR 台湾 chine").0,
            strings(&[&["Taiwan", "台湾"], &["chine*"]])
        );
        assert_eq!(
            read("\"mer de Chine\" OR \"South China Sea\" OR nanhai").0,
            strings(&[&["mer de Chine", "South China Sea", "nanhai*"]])
        );
        let (groups, excluded) = read("chine -taiwan -\"mer de chine\" -tar");
        assert_eq!(groups, strings(&[&["chine"]]));
        assert_eq!(
            excluded,
            ["taiwan", "mer de chine", "tar"],
            "never a prefix"
        );
        // `or` is a word; a dangling or doubled `OR` joins nothing; `-` alone is a word.
        assert_eq!(read("a or b").0, strings(&[&["a"], &["or"], &["b*"]]));
        for text in ["OR a", "a OR", "a OR OR b", "a OR -c b", "a -c OR b"] {
            let (groups, _) = read(text);
            assert!(groups.iter().all(|g| g.len() == 1), "{text}: {groups:?}");
        }
        assert_eq!(read("- -? x").0, strings(&[&["-"], &["-?"], &["x*"]]));
        assert!(read("- -? x").1.is_empty());
    }
}

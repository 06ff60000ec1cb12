//! Text hygiene: the one rule that cleans every text entering the program — transcripts at
//! import, conference files at load, queries — so that nothing can drive the terminal and the
//! same words are written with the same code points everywhere.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// THE cleaning rule (parser, JSON loader and queries all call it, so they cannot disagree):
/// - escape sequences and control characters removed; tabs become spaces;
/// - line ends (`\n`, `\r\n`, a lone `\r`, U+0085, U+2028/2029) become `\n` when
///   `keep_newlines`, else a space;
/// - bidi and other invisible format characters removed, and so are soft hyphens (U+00AD),
///   zero-width spaces (U+200B) and word joiners (U+2060), which split a word for the index
///   but not for the eye;
/// - the result in Unicode NFC, so decomposed `é` (e + U+0301, as macOS tools write it) is the
///   same word as the precomposed one for search and highlighting.
pub(crate) fn sanitize(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    // Nearly all text is clean: check first, and hand a clean string back as it is (the
    // loader runs every string of every conference through here).
    let clean = !s.chars().any(|c| {
        c == '\t' || (c == '\n' && !keep_newlines) || (c != '\n' && is_removed_or_replaced(c))
    });
    let text = if clean {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(strip(s, keep_newlines))
    };
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    Cow::Owned(text.nfc().collect())
}

fn strip(s: &str, keep_newlines: bool) -> String {
    let line_end = if keep_newlines { '\n' } else { ' ' };
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control introducer for CSI / OSC written as one code point.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            // `\r\n` is one line end; a lone `\r` (old Mac files) is one too.
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_line_end(c) => out.push(line_end),
            // Tab, vertical tab, form feed: blank space.
            '\t' | '\u{b}' | '\u{c}' => out.push(' '),
            c if is_removed_or_replaced(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that end a line in a transcript or a conference file.
fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// What [`sanitize`] removes or rewrites: controls, and invisible format characters.
fn is_removed_or_replaced(c: char) -> bool {
    is_invisible_control(c) || is_line_end(c) || is_invisible_in_word(c)
}

/// Invisible characters that sit inside words and would split them for the index: soft
/// hyphen, zero-width space, word joiner and the invisible operators, Mongolian vowel separator.
fn is_invisible_in_word(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{180e}' | '\u{200b}' | '\u{2060}'..='\u{2064}'
    )
}

/// `s` for a diagnostic line: control and bidi characters shown escaped (`\u{1b}`, `\n`) instead
/// of sent raw, so a file name can neither drive the terminal nor forge a line of the report.
pub(crate) fn escape_controls(s: &str) -> String {
    if !s.chars().any(is_invisible_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_invisible_control(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// A path for a diagnostic line: controls escaped as [`escape_controls`] does, and bytes that
/// are not UTF-8 shown as `\xNN`, so two names that differ only there never print alike (the
/// lossy form shows both as U+FFFD).
pub(crate) fn show_path(path: &std::path::Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(&escape_controls(chunk.valid()));
            for b in chunk.invalid() {
                out.extend(format!("\\x{b:02x}").chars());
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        escape_controls(&path.display().to_string())
    }
}

/// Control and bidi-formatting characters that must never reach a terminal.
fn is_invisible_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{206f}' | '\u{061c}'
            | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            skip_osc(chars);
        }
        Some(&c) if !is_line_end(c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameters and intermediates, then one final byte in `@`..=`~`. A line end stops it
/// unconsumed, so a broken sequence never swallows the lines after it.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next_if(|&c| !is_line_end(c)) {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

/// OSC / DCS / APC / PM: up to BEL or ST (`ESC \`), or the end of the line.
fn skip_osc(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next_if(|&c| !is_line_end(c)) {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                break;
            }
            _ => {}
        }
    }
}

/// FNV-1a: a stable, dependency-free fingerprint (cache keys must not change between runs).
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b", false), "ared b");
        assert_eq!(sanitize("x\u{1b}]52;c;aGVsbG8=\u{7}y", false), "xy");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y", false),
            "xlinky"
        );
        assert_eq!(sanitize("bell\u{7}\u{8}", false), "bell");
        assert_eq!(sanitize("abc\u{202e}fed", false), "abcfed");
        assert_eq!(sanitize("a\tb\nc", false), "a b c");
        assert_eq!(sanitize("a\nc", true), "a\nc");
        assert_eq!(sanitize("Chine 中国 é", false), "Chine 中国 é");
    }

    #[cfg(unix)]
    #[test]
    fn paths_show_bytes_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let path =
            |b: &[u8]| super::show_path(std::path::Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(path(b"a\xffb.txt"), "a\\xffb.txt");
        assert_ne!(path(b"a\xff.txt"), path(b"a\xfe.txt"));
        assert_eq!(path(b"x\x1b[2J\n.txt"), "x\\u{1b}[2J\\n.txt");
        assert_eq!(path("dé/中.txt".as_bytes()), "dé/中.txt");
    }

    #[test]
    fn decomposed_text_is_composed() {
        assert_eq!(sanitize("se\u{301}curite\u{301}", false), "sécurité");
        assert_eq!(sanitize("Vie\u{302}t Nam", true), "Viêt Nam");
    }

    #[test]
    fn format_and_bidi_characters_are_removed() {
        for c in [
            '\u{61c}', '\u{200e}', '\u{202e}', '\u{2066}', '\u{206a}', '\u{feff}', '\u{fff9}',
            '\u{fffa}', '\u{fffb}',
        ] {
            assert_eq!(
                sanitize(&format!("ab{c}cd"), false),
                "abcd",
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn invisible_characters_inside_words_are_removed() {
        assert_eq!(sanitize("négo\u{ad}ciation", false), "négociation");
        assert_eq!(sanitize("Tai\u{200b}wan", false), "Taiwan");
        assert_eq!(sanitize("South\u{2060}China", false), "SouthChina");
    }

    #[test]
    fn every_line_end_is_one_line_end() {
        assert_eq!(sanitize("a\rb\r\nc\nd", true), "a\nb\nc\nd");
        assert_eq!(sanitize("a\rb\r\nc", false), "a b c");
        assert_eq!(sanitize("a\u{2028}b", true), "a\nb");
    }

    #[test]
    fn a_broken_escape_never_swallows_the_next_line() {
        assert_eq!(sanitize("a\u{1b}]52;c;x\nnext", true), "a\nnext");
        assert_eq!(sanitize("a\u{1b}[12\nnext", true), "a\nnext");
    }
}

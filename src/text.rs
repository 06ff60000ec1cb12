//! Text hygiene shared by import and loading: nothing a transcript carries may drive the terminal.

/// Removes control characters, escape sequences and bidirectional overrides,
/// keeping tabs as spaces. Newlines are kept only when `keep_newlines`.
pub(crate) fn sanitize(s: &str, keep_newlines: bool) -> String {
    // Nearly all text is clean: check first, copy once.
    let clean = !s.chars().any(|c| {
        c == '\t' || (c == '\n' && !keep_newlines) || (c != '\n' && is_invisible_control(c))
    });
    if clean {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control introducer for CSI / OSC written as one code point.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\t' | '\n' => out.push(' '),
            c if is_invisible_control(c) => {}
            c => out.push(c),
        }
    }
    out
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

/// Control and bidi-formatting characters that must never reach a terminal.
fn is_invisible_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}'
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
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

/// CSI: parameters and intermediates, then one final byte in `@`..=`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

/// OSC / DCS / APC / PM: up to BEL or ST (`ESC \`).
fn skip_osc(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
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
        assert_eq!(sanitize("bell\u{7}\u{8}\r", false), "bell");
        assert_eq!(sanitize("abc\u{202e}fed", false), "abcfed");
        assert_eq!(sanitize("a\tb\nc", false), "a b c");
        assert_eq!(sanitize("a\nc", true), "a\nc");
        assert_eq!(sanitize("Chine 中国 é", false), "Chine 中国 é");
    }
}

//! HTML character references (`&amp;`, `&nbsp;`, `&#8217;`, `&#x4E2D;`) → characters.
//!
//! Names come from the HTML standard's table as kept by the `html-escape` crate (every
//! name a saved page may use, not only those seen so far); numbers are read here, so that a
//! NUL or an impossible code point becomes U+FFFD and anything malformed stays as printed.

/// Longest reference we try to read after `&` before giving up and keeping the text
/// (the longest name in the standard, `CounterClockwiseContourIntegral`, is 31).
const MAX_REF: usize = 40;

/// Decodes every reference in `s`; unknown or malformed ones stay as printed.
pub(super) fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some((c, used)) = reference(after) {
            out.push_str(c.as_str());
            rest = &after[used..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// What a reference stands for: a character read from its number, or a name's text.
enum Decoded {
    Char(char, [u8; 4]),
    Str(&'static str),
}

impl Decoded {
    fn as_str(&self) -> &str {
        match self {
            Decoded::Char(c, buf) => {
                let n = c.len_utf8();
                std::str::from_utf8(&buf[..n]).unwrap_or_default()
            }
            Decoded::Str(s) => s,
        }
    }
}

/// The standard's named reference `name` (without `&` and `;`), case-sensitive.
fn named(name: &str) -> Option<&'static str> {
    let table = &html_escape::NAMED_ENTITIES;
    table
        .binary_search_by(|(n, _)| (*n).cmp(name.as_bytes()))
        .ok()
        .map(|i| table[i].1)
}

/// The text of the reference at the start of `s` (after `&`) and the bytes it used.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let semi = s.char_indices().take(MAX_REF).find(|&(_, c)| c == ';')?.0;
    let body = &s[..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        let mut buf = [0; 4];
        c.encode_utf8(&mut buf);
        Decoded::Char(c, buf)
    } else {
        Decoded::Str(named(body)?)
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric_references_decode() {
        assert_eq!(decode("a&amp;b&nbsp;c"), "a&b\u{a0}c");
        assert_eq!(decode("&#8217;&#x4E2D;&#X56FD;"), "’中国");
        assert_eq!(decode("l&eacute;gal &laquo;x&raquo;"), "légal «x»");
    }

    #[test]
    fn every_name_of_the_standard_decodes() {
        // Beyond the names the ministry's pages were seen to use.
        assert_eq!(
            decode("&hearts; &Omega; &rarr; &frac12; &Scaron;&AMP;"),
            "♥ Ω → ½ Š&"
        );
        // The longest name.
        assert_eq!(decode("&CounterClockwiseContourIntegral;"), "∳");
        // Names are case-sensitive.
        assert_eq!(decode("&Eacute;&eacute;&EACUTE;"), "Éé&EACUTE;");
    }

    #[test]
    fn malformed_references_stay() {
        assert_eq!(
            decode("AT&T & co &unknown; &#xZZ; &#0;"),
            "AT&T & co &unknown; &#xZZ; \u{fffd}"
        );
        assert_eq!(decode("&"), "&");
        assert_eq!(decode("&#99999999999;"), "&#99999999999;");
    }
}

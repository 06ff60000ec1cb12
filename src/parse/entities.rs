//! HTML character references (`&amp;`, `&nbsp;`, `&#8217;`, `&#x4E2D;`) → characters.

/// Named references seen on the ministry's pages, plus the Latin-1 letters of French text.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("euro", '€'),
    ("yen", '¥'),
    ("pound", '£'),
    ("sect", '§'),
    ("para", '¶'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yuml", 'ÿ'),
    ("oelig", 'œ'),
    ("aelig", 'æ'),
    ("szlig", 'ß'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Icirc", 'Î'),
    ("Ocirc", 'Ô'),
    ("Ugrave", 'Ù'),
    ("Ucirc", 'Û'),
    ("OElig", 'Œ'),
];

/// Longest reference we try to read after `&` before giving up and keeping the text.
const MAX_REF: usize = 12;

/// Decodes every reference in `s`; unknown or malformed ones stay as printed.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some((c, used)) = reference(after) {
            out.push(c);
            rest = &after[used..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The character of the reference at the start of `s` (after `&`) and the bytes it used.
fn reference(s: &str) -> Option<(char, usize)> {
    let semi = s.char_indices().take(MAX_REF).find(|&(_, c)| c == ';')?.0;
    let body = &s[..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
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
    fn malformed_references_stay() {
        assert_eq!(
            decode("AT&T & co &unknown; &#xZZ; &#0;"),
            "AT&T & co &unknown; &#xZZ; \u{fffd}"
        );
        assert_eq!(decode("&"), "&");
        assert_eq!(decode("&#99999999999;"), "&#99999999999;");
    }
}

//! A tolerant HTML tag scanner: tags, text runs and their source lines, nothing more.
//!
//! Saved pages are often malformed (unclosed tags, stray `<`); the scanner never
//! fails, skips comments, doctypes, scripts and styles, and runs in one pass.

/// One piece of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    Open {
        name: String,
        attrs: &'a str,
        line: usize,
    },
    Close {
        name: String,
        line: usize,
    },
    Text {
        text: &'a str,
        line: usize,
    },
}

/// Elements whose content is not page text.
const RAW: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// Splits a page into tokens in one linear pass.
pub(super) fn scan(html: &str) -> Vec<Token<'_>> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut line = 1;
    let mut counted = 0; // bytes already scanned for newlines
    let mut pos = 0;
    let mut text_start = 0;
    let mut line_at = |to: usize, counted: &mut usize| {
        line += bytes[*counted..to].split(|&b| b == b'\n').count() - 1;
        *counted = to;
        line
    };
    while pos < bytes.len() {
        if bytes[pos] != b'<' {
            pos += 1;
            continue;
        }
        let Some((kind, end)) = tag_at(html, pos) else {
            pos += 1;
            continue;
        };
        if text_start < pos {
            let l = line_at(text_start, &mut counted);
            out.push(Token::Text {
                text: &html[text_start..pos],
                line: l,
            });
        }
        let l = line_at(pos, &mut counted);
        pos = end;
        match kind {
            TagKind::Skip => {}
            TagKind::Close(name) => out.push(Token::Close { name, line: l }),
            TagKind::Open(name, attrs) => {
                if RAW.contains(&name.as_str()) {
                    pos = find_close(bytes, pos, &name);
                } else {
                    out.push(Token::Open {
                        name,
                        attrs: &html[attrs.0..attrs.1],
                        line: l,
                    });
                }
            }
        }
        text_start = pos;
    }
    if text_start < bytes.len() {
        let l = line_at(text_start, &mut counted);
        out.push(Token::Text {
            text: &html[text_start..],
            line: l,
        });
    }
    out
}

enum TagKind {
    Skip,
    Close(String),
    Open(String, (usize, usize)),
}

/// Reads the markup starting at `<` in `pos`; `None` when it is a literal `<`.
fn tag_at(html: &str, pos: usize) -> Option<(TagKind, usize)> {
    let bytes = html.as_bytes();
    let rest = &html[pos..];
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(html.len(), |e| pos + e + 3);
        return Some((TagKind::Skip, end));
    }
    let next = *bytes.get(pos + 1)?;
    if next == b'!' || next == b'?' {
        return Some((TagKind::Skip, gt_after(bytes, pos)));
    }
    let (closing, name_start) = if next == b'/' {
        (true, pos + 2)
    } else {
        (false, pos + 1)
    };
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut name_end = name_start;
    while bytes
        .get(name_end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
    {
        name_end += 1;
    }
    let name = html[name_start..name_end].to_ascii_lowercase();
    let end = gt_after(bytes, name_end);
    if closing {
        Some((TagKind::Close(name), end))
    } else {
        // Without a closing `>` the attributes run to the end of the page (which may
        // end inside a multi-byte character: never cut one byte before the end).
        let closed = end > name_end && bytes.get(end - 1) == Some(&b'>');
        let attrs_end = if closed { end - 1 } else { end };
        Some((TagKind::Open(name, (name_end, attrs_end)), end))
    }
}

/// Index just past the `>` closing a tag, honouring quoted attribute values.
fn gt_after(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            // A newline inside an unterminated quote: give up on the quote.
            (Some(_), b'\n') => quote = None,
            _ => {}
        }
    }
    bytes.len()
}

/// Index just past `</name>` (case-insensitive), or the end of the page.
fn find_close(bytes: &[u8], from: usize, name: &str) -> usize {
    let n = name.as_bytes();
    let mut i = from;
    while i + 2 + n.len() <= bytes.len() {
        if bytes[i] == b'<'
            && bytes[i + 1] == b'/'
            && bytes[i + 2..i + 2 + n.len()].eq_ignore_ascii_case(n)
        {
            return gt_after(bytes, i + 2 + n.len());
        }
        i += 1;
    }
    bytes.len()
}

/// The value of attribute `key` in a tag's attribute text.
pub(super) fn attr(attrs: &str, key: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(key) {
        let at = from + found;
        from = at + key.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = attrs.len() - after.len() + 1;
        let value = attrs[value_start..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_lines() {
        let t =
            scan("<p class=\"a>b\">x</p>\n<!-- c --><script>if (a<b) {}</script>\n<br/>y & < z");
        assert_eq!(
            t[0],
            Token::Open {
                name: "p".into(),
                attrs: " class=\"a>b\"",
                line: 1
            }
        );
        assert_eq!(t[1], Token::Text { text: "x", line: 1 });
        assert_eq!(
            t[2],
            Token::Close {
                name: "p".into(),
                line: 1
            }
        );
        assert!(matches!(
            t.last(),
            Some(Token::Text {
                text: "y & < z",
                line: 3
            })
        ));
        assert!(
            !t.iter()
                .any(|x| matches!(x, Token::Text { text, .. } if text.contains("if")))
        );
    }

    #[test]
    fn attributes_are_read_in_any_quoting() {
        assert_eq!(
            attr(" id='News_Body_Txt_A' class=x", "id").as_deref(),
            Some("News_Body_Txt_A")
        );
        assert_eq!(
            attr(" data-id=1 CLASS=content", "class").as_deref(),
            Some("content")
        );
        assert_eq!(attr(" data-id=1", "id"), None);
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<a",
            "</",
            "<p class=\"",
            "<!--",
            "<script>",
            "é<é>",
            "<a\u{3000}>",
        ] {
            let _ = scan(s);
        }
    }
}

//! Bytes → text, whatever the page's encoding: the one decoder of `import` and `sync`.
//!
//! Order (the WHATWG order, which puts a byte-order mark first because it
//! cannot lie): BOM, then the HTTP charset, then `<meta charset>` /
//! `http-equiv` in the first KB, then UTF-16 without a BOM (NUL pattern), then
//! UTF-8 when the bytes are valid UTF-8, else a guess (chardetng). A declared
//! charset that the bytes contradict is not believed: the ministry's server
//! omits charsets and re-encoded copies keep a stale `<meta charset=utf-8>`.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::Problem;

/// How far into a page a `<meta charset>` is looked for (the HTML prescan's window).
const META_WINDOW: usize = 1024;

/// Decodes a file's bytes, received with `http_charset` (the `charset=` of a
/// `Content-Type` header, when a server sent one), refusing empty, binary and
/// damaged UTF-8 content with a message that says what to do.
pub(crate) fn decode_declared(bytes: &[u8], http_charset: Option<&str>) -> Result<String, Problem> {
    let text = to_text(bytes, http_charset)?;
    if text.trim().is_empty() {
        return Err(Problem::at_line(1, "the file is empty: nothing to import"));
    }
    if let Some(at) = text.find('\0') {
        return Err(binary(line_of(text.as_bytes(), at)));
    }
    Ok(text.into_owned())
}

fn to_text<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Result<Cow<'a, str>, Problem> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(encoding.decode_without_bom_handling(&bytes[bom..]).0);
    }
    let from_http = http_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    // A `<meta>` that could be read as ASCII cannot be UTF-16: the HTML rule reads it as UTF-8.
    let from_meta = || {
        meta_charset(&bytes[..bytes.len().min(META_WINDOW)]).map(|e| {
            if e == UTF_16LE || e == UTF_16BE {
                UTF_8
            } else {
                e
            }
        })
    };
    if let Some(declared) = from_http.or_else(from_meta)
        && let Some(text) = believed(declared, bytes)?
    {
        return Ok(text);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(encoding.decode_without_bom_handling(bytes).0);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            if let Some(encoding) = utf16_by_content(bytes) {
                return Ok(encoding.decode_without_bom_handling(bytes).0);
            }
            if let Some(at) = bytes.iter().position(|&b| b == 0) {
                return Err(binary(line_of(bytes, at)));
            }
            if damaged_utf8(bytes) {
                return Err(not_utf8(line_of(bytes, e.valid_up_to())));
            }
            Ok(guess(bytes).decode_without_bom_handling(bytes).0)
        }
    }
}

/// The text in the declared encoding, or `None` when the bytes say otherwise
/// (a UTF-8 label on bytes that are not UTF-8; a legacy label on valid,
/// non-ASCII UTF-8; a legacy label the bytes break).
fn believed<'a>(
    declared: &'static Encoding,
    bytes: &'a [u8],
) -> Result<Option<Cow<'a, str>>, Problem> {
    if declared == UTF_16LE || declared == UTF_16BE {
        let (text, had_errors) = declared.decode_without_bom_handling(bytes);
        return Ok((!had_errors).then_some(text));
    }
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    if declared == UTF_8 {
        return match valid_utf8 {
            Some(s) => Ok(Some(Cow::Borrowed(s))),
            None if damaged_utf8(bytes) => {
                let at = std::str::from_utf8(bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                Err(not_utf8(line_of(bytes, at)))
            }
            None => Ok(None),
        };
    }
    if let Some(s) = valid_utf8 {
        return Ok(Some(Cow::Borrowed(s)));
    }
    let (text, had_errors) = declared.decode_without_bom_handling(bytes);
    Ok((!had_errors).then_some(text))
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` names.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut rest = &lower[..];
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(at) = find(tag, b"charset") {
            let value = tag[at + 7..]
                .iter()
                .skip_while(|&&b| b == b' ' || b == b'=' || b == b'"' || b == b'\'')
                .take_while(|&&b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
                })
                .copied()
                .collect::<Vec<u8>>();
            if let Some(e) = Encoding::for_label(&value) {
                return Some(e);
            }
        }
        rest = &rest[start + 5..];
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// UTF-16 saved without a BOM: in text that is mostly ASCII, every other byte is NUL.
/// Needs a clear majority of such units, no NUL unit, and no control character once decoded.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048) & !1];
    let units = head.len() / 2;
    if units < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = || head.chunks_exact(2);
    if pairs().any(|p| p == [0, 0]) {
        return None;
    }
    let le = pairs().filter(|p| p[1] == 0).count();
    let be = pairs().filter(|p| p[0] == 0).count();
    let encoding = if le * 2 >= units && be == 0 {
        UTF_16LE
    } else if be * 2 >= units && le == 0 {
        UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let clean = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    (!had_errors && clean).then_some(encoding)
}

/// UTF-16 without a BOM whose text is mostly Chinese (too few NUL bytes for
/// the pattern above; 一 is `00 4E`): decoded without error, nearly every unit
/// a character of a transcript, and one unit no legacy encoding can make (a
/// line end or CJK punctuation: each needs a control or NUL byte).
fn utf16_by_content(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    [UTF_16LE, UTF_16BE].into_iter().find(|encoding| {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let (mut plausible, mut total, mut marker) = (0usize, 0usize, false);
        for c in text.chars() {
            let u = u32::from(c);
            total += 1;
            marker |= matches!(u, 0x0A | 0x3001 | 0x3002 | 0xFF0C | 0xFF1A | 0xFF1F);
            plausible += usize::from(matches!(
                u,
                0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x17F | 0x2010..=0x2027
                    | 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF
            ));
        }
        !had_errors && marker && plausible * 20 >= total * 19
    })
}

/// UTF-8 with a few broken sequences (a cut or corrupted file), as opposed to
/// a legacy encoding whose bytes only now and then form a UTF-8 sequence.
fn damaged_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 3 && good >= bad * 4
}

/// The most likely legacy encoding of bytes that are not UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

fn not_utf8(line: usize) -> Problem {
    Problem::at_line(
        line,
        "the file is damaged UTF-8 (a broken character): save the transcript again as UTF-8 text and import it again",
    )
}

fn binary(line: usize) -> Problem {
    Problem::at_line(
        line,
        "the file looks binary (NUL bytes), not a transcript: import a .txt or .html page",
    )
}

/// 1-based line of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())].split(|&b| b == b'\n').count()
}

#[cfg(test)]
mod tests;

//! Bytes → text: UTF-8 (with or without BOM) or UTF-16 with a BOM; binary refused.

use super::Problem;

/// Decodes a file's bytes, refusing empty, binary and non-UTF-8 content with a
/// message that says what to do.
pub(super) fn decode(bytes: &[u8]) -> Result<String, Problem> {
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest)?,
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => utf8(bytes)?,
    };
    if text.trim().is_empty() {
        return Err(Problem::at_line(1, "the file is empty: nothing to import"));
    }
    if let Some(at) = text.find('\0') {
        return Err(binary(line_of(text.as_bytes(), at)));
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            if bytes[..at].contains(&0)
                || bytes
                    .get(at..)
                    .is_some_and(|r| r.iter().take(512).any(|&b| b == 0))
            {
                Err(binary(line_of(bytes, at)))
            } else {
                Err(Problem::at_line(
                    line_of(bytes, at),
                    "the file is not valid UTF-8: save the transcript as UTF-8 text and import it again",
                ))
            }
        }
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, Problem> {
    let units = bytes
        .chunks(2)
        .map(|c| word([c[0], c.get(1).copied().unwrap_or(0)]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(Problem::at_line(
                    out.matches('\n').count() + 1,
                    format!(
                        "the file is not valid UTF-16 (bad code unit {i}): save it as UTF-8 text"
                    ),
                ));
            }
        }
    }
    Ok(out)
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
mod tests {
    use super::decode;

    #[test]
    fn boms_are_accepted() {
        assert_eq!(decode(b"\xEF\xBB\xBFQ: x").unwrap(), "Q: x");
        assert_eq!(decode(b"\xFF\xFEQ\x00:\x00").unwrap(), "Q:");
        assert_eq!(decode(b"\xFE\xFF\x00Q\x00:").unwrap(), "Q:");
    }

    #[test]
    fn bad_bytes_are_refused_with_their_line() {
        assert_eq!(decode(b"").unwrap_err().line, 1);
        assert!(decode(b" \n\t").unwrap_err().message.contains("empty"));
        let e = decode(b"ok\nok\n\xFF\xFE\xFD").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("UTF-8"));
        assert!(
            decode(b"PK\x03\x04\x00\x00")
                .unwrap_err()
                .message
                .contains("binary")
        );
    }
}

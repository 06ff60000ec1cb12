//! The decoder on bytes encoded here, in every encoding the ministry's pages and users' files use.

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::decode_declared;

fn decode(bytes: &[u8]) -> Result<String, crate::parse::Problem> {
    decode_declared(bytes, None)
}

const ZH: &str = "问：美方称中方应对疫情负责，中方有何回应？\n答：我们已经多次阐明立场。\n";
const FR: &str = "Question : Quelle est la réaction de la Chine à l'éloge « déplacé » ?\nRéponse : Nous l'avons noté, ça va.\n";

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot hold the sample", encoding.name());
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

fn page(charset_meta: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head>{charset_meta}<title>t</title></head><body><p>{body}</p></body></html>\n"
    )
}

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
    let mut cut = "ok é\nça\nà été\n".as_bytes().to_vec();
    cut.extend_from_slice(b"x\xC3\x28 fin");
    let e = decode(&cut).unwrap_err();
    assert_eq!(e.line, 4);
    assert!(e.message.contains("UTF-8"), "{}", e.message);
    assert!(
        decode(b"PK\x03\x04\x00\x00")
            .unwrap_err()
            .message
            .contains("binary")
    );
}

#[test]
fn gbk_gb2312_and_gb18030_read_like_utf8_without_any_label() {
    for encoding in [GBK, GB18030] {
        let bytes = encode(encoding, ZH);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode(&bytes).unwrap(), ZH, "{}", encoding.name());
    }
}

#[test]
fn windows_1252_and_latin1_read_like_utf8() {
    let bytes = encode(WINDOWS_1252, FR);
    assert_eq!(decode(&bytes).unwrap(), FR);
    assert_eq!(decode_declared(&bytes, Some("ISO-8859-1")).unwrap(), FR);
}

#[test]
fn utf16_with_and_without_bom_in_both_byte_orders() {
    for text in [FR, ZH, "Q: plain ASCII question?\nA: answer.\n"] {
        for big_endian in [false, true] {
            let bare = utf16(text, big_endian);
            let mut with_bom = if big_endian {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            with_bom.extend_from_slice(&bare);
            assert_eq!(decode(&with_bom).unwrap(), text);
            // Chinese too (failed before: "looks binary").
            assert_eq!(decode(&bare).unwrap(), text, "no BOM, be={big_endian}");
            let label = if big_endian { UTF_16BE } else { UTF_16LE }.name();
            assert_eq!(decode_declared(&bare, Some(label)).unwrap(), text);
        }
    }
}

#[test]
fn meta_charset_and_http_equiv_are_read() {
    for meta in [
        "<meta charset=\"gb2312\">",
        "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">",
        "<meta http-equiv=Content-Type content='text/html;charset=gbk' />",
    ] {
        let html = page(meta, ZH);
        assert_eq!(decode(&encode(GBK, &html)).unwrap(), html, "{meta}");
    }
    let html = page("<meta charset=windows-1252>", FR);
    assert_eq!(decode(&encode(WINDOWS_1252, &html)).unwrap(), html);
}

#[test]
fn the_http_charset_comes_before_the_page() {
    // "é" in Windows-1252 is one byte, which GBK would pair with the next one.
    let html = page("<meta charset=gbk>", FR);
    let bytes = encode(WINDOWS_1252, &html);
    assert_eq!(decode_declared(&bytes, Some("windows-1252")).unwrap(), html);
}

#[test]
fn a_label_the_bytes_contradict_is_not_believed() {
    // A GBK copy of a UTF-8 page keeps its `<meta charset=utf-8>`.
    let html = page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />",
        ZH,
    );
    assert_eq!(decode(&encode(GBK, &html)).unwrap(), html);
    assert_eq!(
        decode_declared(&encode(GBK, &html), Some("utf-8")).unwrap(),
        html
    );
    // A UTF-8 page labelled GB2312 is UTF-8.
    let html = page("<meta charset=gb2312>", ZH);
    assert_eq!(decode(html.as_bytes()).unwrap(), html);
}

#[test]
fn plain_ascii_and_utf8_are_unchanged() {
    assert_eq!(decode(ZH.as_bytes()).unwrap(), ZH);
    assert_eq!(decode(b"Q: x\r\nA: y").unwrap(), "Q: x\r\nA: y");
}

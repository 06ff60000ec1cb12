//! Bad input, saved HTML pages and large input, through the public parser API.

use briefings::model::TurnKind;
use briefings::outlets::Outlets;
use briefings::parse::{ParsedConference, parse_bytes, parse_html, parse_text};

/// Each turn as `S` or `asker→outlet`.
fn shape(c: &ParsedConference) -> Vec<String> {
    c.turns
        .iter()
        .map(|t| match t.kind {
            TurnKind::Statement => "S".to_string(),
            TurnKind::Question => format!("{}→{}", t.asker, t.outlet.as_deref().unwrap_or("-")),
        })
        .collect()
}

#[test]
fn bad_input_is_an_error_with_a_line() {
    let o = Outlets::builtin();
    for (bytes, needle) in [
        (&b""[..], "empty"),
        (b"  \n\n ", "empty"),
        (b"Q: a\x00b", "binary"),
        (
            b"Q: \xC3\xA9t\xC3\xA9 \xC3\xA7a d\xC3\xA9j\xC3\xA0\n\xC3\x28",
            "UTF-8",
        ),
        (
            b"Just some prose without any speaker.\nAnother line.",
            "no press-conference turn",
        ),
        (
            b"<html><head><title>x</title></head><body><div>menu</div></body></html>",
            "no article body",
        ),
    ] {
        let e = parse_bytes("x.txt", bytes, &o).unwrap_err();
        assert!(e.message.contains(needle), "{needle}: {}", e.message);
        assert!(e.line >= 1);
    }
    assert_eq!(
        parse_bytes(
            "x.txt",
            b"Q: \xC3\xA9t\xC3\xA9 \xC3\xA7a d\xC3\xA9j\xC3\xA0\n\xC3\x28",
            &o
        )
        .unwrap_err()
        .line,
        2
    );
}

#[test]
fn no_input_makes_the_parser_panic() {
    let o = Outlets::builtin();
    let samples = [
        "：",
        "Q:",
        "问：",
        "é:é",
        "<",
        "<p",
        "&#",
        "***\nQ:",
        "A:\nA:",
        "《》记者:",
        "1\n2\n3",
        "Conférence de presse du 1er mai 2020\n***",
    ];
    for s in samples {
        let _ = parse_bytes("x.txt", s.as_bytes(), &o);
        let _ = parse_bytes("x.html", s.as_bytes(), &o);
    }
    // Every prefix of a real-looking transcript, cut at any byte.
    let text = "2016年12月7日外交部发言人陆慷主持例行记者会\n　　问：据报道？\n　　答：我们注意到。\nAFP : « Oui » ?\n";
    for cut in 0..=text.len() {
        let _ = parse_bytes("x.txt", &text.as_bytes()[..cut], &o);
    }
}

#[test]
fn large_inputs_stay_linear() {
    let o = Outlets::builtin();
    let mut big = String::from("Q: a?\nA: ");
    big.push_str(&"Une phrase : « oui » ? R est là. ".repeat(8_000)); // ~260 kB, one paragraph
    let p = parse_text(&big, &o).unwrap();
    assert_eq!(p.conferences[0].turns.len(), 1);
    let many = "AFP : Une question ?\nGuo Jiakun : Une réponse.\n".repeat(4_000);
    let p = parse_text(&many, &o).unwrap();
    assert_eq!(p.conferences[0].turns.len(), 4_000);
}

#[test]
fn html_article_body_paragraphs_br_and_entities() {
    let html = r#"<!DOCTYPE html><html><head><title>site</title><script>var a = "<p>x</p>";</script></head>
<body><div class="nav"><p>HOME &gt; Remarks</p></div>
<h2 class="title">Foreign Ministry Spokesperson Lin Jian&rsquo;s Regular Press Conference on May 8, 2024</h2>
<p class="time">2024-05-08 19:16</p>
<div id="News_Body_Txt_A"><p>AFP: Is it &quot;true&quot;?</p>
<p>Lin Jian: Yes.<br>First, it&#8217;s done.<br/>Second, &#x4E2D;&nbsp;国.</p></div>
<div class="footer"><p>Copyright</p></div></body></html>"#;
    let p = parse_bytes("page.html", html.as_bytes(), &Outlets::builtin()).unwrap();
    let c = &p.conferences[0];
    assert_eq!(c.date.as_deref(), Some("2024-05-08"));
    assert_eq!(c.published.as_deref(), Some("2024-05-08 19:16"));
    assert_eq!(
        c.title.as_deref(),
        Some("Foreign Ministry Spokesperson Lin Jian’s Regular Press Conference on May 8, 2024")
    );
    assert_eq!(shape(c), ["AFP→AFP"]);
    assert_eq!(c.turns[0].question, ["Is it \"true\"?"]);
    assert_eq!(
        c.turns[0].answer,
        ["Yes.", "First, it’s done.", "Second, 中 国."]
    );
}

#[test]
fn html_strong_paragraphs_are_questions_on_a_chinese_page() {
    let html = "<html><body><div class=\"TRS_Editor\"><p>2016年12月7日外交部发言人陆慷主持例行记者会</p>\
        <p><strong>日本首相将访问珍珠港，中方对此有何评论？</strong></p><p>我们注意到有关报道。</p>\
        <p><b>中方有何期待？</b></p><p>我们希望会议成功。</p></div></body></html>";
    let p = parse_bytes("zh.htm", html.as_bytes(), &Outlets::builtin()).unwrap();
    let c = &p.conferences[0];
    assert_eq!(
        (c.language.as_str(), c.spokesperson.as_deref()),
        ("zh", Some("Lu Kang"))
    );
    assert_eq!(shape(c), ["→-", "→-"]);
    assert_eq!(c.turns[1].question, ["中方有何期待？"]);
    assert_eq!(c.turns[1].answer, ["我们希望会议成功。"]);
}

#[test]
fn html_is_recognised_by_content_and_needs_an_article_body() {
    let o = Outlets::builtin();
    let page = b"<!doctype html><html><head></head><body><article><p>Q: a?</p><p>A: b.</p></article></body></html>";
    assert_eq!(
        parse_bytes("saved.txt", page, &o).unwrap().conferences[0]
            .turns
            .len(),
        1
    );
    let e = parse_html("<html><body><span>nothing</span></body></html>", &o).unwrap_err();
    assert!(e.message.contains("no article body"), "{}", e.message);
}

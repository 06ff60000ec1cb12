//! Behaviour of the search module on a small inline corpus in three languages.

mod disk;
mod service;

use serde_json::Map;

use super::{Query, Results, SearchIndex, Sort, parse_query};
use crate::model::{Conference, Turn};
use crate::outlets::Outlets;

pub(crate) fn conference(id: &str, lang: &str, spokesperson: &str, turns: Vec<Turn>) -> Conference {
    Conference {
        format: 1,
        id: id.into(),
        date: id[..10].into(),
        published: None,
        language: lang.into(),
        spokesperson: Some(spokesperson.into()),
        title: String::new(),
        source: None,
        turns,
        extra: Map::new(),
    }
}

pub(crate) fn question(outlet: &str, q: &str, a: &str) -> Turn {
    let mut t = Turn::question(outlet.into(), Some(outlet.into()), vec![q.into()]);
    t.answer = vec![a.into()];
    t
}

pub(crate) fn corpus() -> Vec<Conference> {
    vec![
        conference(
            "2024-03-18-fr",
            "fr",
            "Lin Jian",
            vec![
                Turn::statement(
                    Some("Lin Jian".into()),
                    vec![
                        "La coopération internationale est essentielle à la sécurité régionale."
                            .into(),
                    ],
                ),
                question(
                    "AFP",
                    "Les États-Unis ont annoncé des négociations commerciales.",
                    "La Chine est ouverte à la négociation.",
                ),
                question(
                    "Reuters",
                    "Quelle est votre position sur la mer de Chine méridionale ?",
                    "Nous défendons notre souveraineté en mer de Chine méridionale.",
                ),
            ],
        ),
        conference(
            "2025-06-24-en",
            "en",
            "Guo Jiakun",
            vec![
                question(
                    "Reuters",
                    "Will the US raise tariffs on Chinese goods?",
                    "China opposes unilateral tariffs and protectionism.",
                ),
                question(
                    "AFP",
                    "What about the South China Sea?",
                    "China's position on the South China Sea is consistent. Mer de Chine is French.",
                ),
            ],
        ),
        conference(
            "2024-02-22-zh",
            "zh",
            "Mao Ning",
            vec![
                question(
                    "CCTV",
                    "请问中方对南海问题有何评论？",
                    "中方在南海问题上的立场是一贯的。中美关系保持稳定。",
                ),
                question(
                    "AFP",
                    "关于台湾问题，中方有何回应？",
                    "台湾是中国领土不可分割的一部分。APEC会议将在利马举行。",
                ),
            ],
        ),
        conference(
            "2023-01-05-fr",
            "fr",
            "Mao Ning",
            vec![question(
                "AFP",
                "Quelle coopération pour la sécurité alimentaire ?",
                "La Chine soutient la sécurité alimentaire mondiale.",
            )],
        ),
    ]
}

pub(crate) fn index() -> SearchIndex {
    SearchIndex::in_memory(&corpus()).unwrap()
}

pub(crate) fn text_query(text: &str) -> Query {
    Query {
        text: text.into(),
        limit: 20,
        ..Query::default()
    }
}

fn run(ix: &SearchIndex, q: &Query) -> Results {
    ix.search(q).unwrap()
}

/// `(conference, turn)` of each hit, in order.
fn found(r: &Results) -> Vec<(String, usize)> {
    r.hits
        .iter()
        .map(|h| (h.conference.clone(), h.turn))
        .collect()
}

fn found_text(ix: &SearchIndex, text: &str) -> Vec<(String, usize)> {
    found(&run(ix, &text_query(text)))
}

/// The hits of `text`, in (conference, turn) order.
fn sorted(ix: &SearchIndex, text: &str) -> Vec<(String, usize)> {
    let mut got = found_text(ix, text);
    got.sort();
    got
}

fn hit(id: &str, turn: usize) -> (String, usize) {
    (id.into(), turn)
}

#[test]
fn accents_and_case_fold() {
    let ix = index();
    let mut got = found_text(&ix, "securite");
    got.sort();
    assert_eq!(got, [hit("2023-01-05-fr", 0), hit("2024-03-18-fr", 0)]);
    assert_eq!(found_text(&ix, "Etats-Unis"), [hit("2024-03-18-fr", 1)]);
    let r = run(&ix, &text_query("Etats-Unis"));
    assert_eq!(
        super::Snippet::highlighted(&r.hits[0].snippet),
        ["États-Unis"]
    );
}

#[test]
fn inflections_match() {
    let ix = index();
    let r = run(&ix, &text_query("négociation"));
    assert_eq!(found(&r), [hit("2024-03-18-fr", 1)]);
    assert_eq!(
        super::Snippet::highlighted(&r.hits[0].snippet),
        ["négociations"]
    );
    assert_eq!(found_text(&ix, "tariff"), [hit("2025-06-24-en", 0)]);
}

#[test]
fn chinese_words_and_latin_inside_chinese() {
    let ix = index();
    let r = run(&ix, &text_query("南海"));
    assert_eq!(found(&r), [hit("2024-02-22-zh", 0)]);
    assert_eq!(super::Snippet::highlighted(&r.hits[0].snippet), ["南海"]);
    assert_eq!(found_text(&ix, "中美关系"), [hit("2024-02-22-zh", 0)]);
    assert_eq!(found_text(&ix, "台湾"), [hit("2024-02-22-zh", 1)]);
    assert_eq!(found_text(&ix, "apec"), [hit("2024-02-22-zh", 1)]);
    assert!(found_text(&ix, "关系中美").is_empty());
}

#[test]
fn one_han_character_finds_every_text_holding_it_and_marks_it_alone() {
    let ix = SearchIndex::in_memory(&[
        conference(
            "2024-05-06-zh",
            "zh",
            "Lin Jian",
            vec![
                question("CCTV", "南海局势如何？", "我们维护和平。"),
                question("AFP", "南非总统访华。", "欢迎。"),
                question("Reuters", "海南自贸港。", "开放。"),
                question("Xinhua", "东海和台湾。", "中方立场一贯。"),
            ],
        ),
        conference(
            "2024-05-07-fr",
            "fr",
            "Lin Jian",
            vec![
                question("AFP", "Le mot 南 seul.", "Oui."),
                question("AFP", "Sans caractère chinois.", "Non."),
            ],
        ),
    ])
    .unwrap();
    let want = [
        hit("2024-05-06-zh", 0),
        hit("2024-05-06-zh", 1),
        hit("2024-05-06-zh", 2),
        hit("2024-05-07-fr", 0),
    ];
    for prefix_last in [false, true] {
        for typed in ["南", " 南 "] {
            let q = Query {
                prefix_last,
                ..text_query(typed)
            };
            let r = run(&ix, &q);
            let mut got = found(&r);
            got.sort();
            assert_eq!(got, want, "{typed:?} prefix {prefix_last}");
            for h in &r.hits {
                assert_eq!(h.snippet.highlighted(), ["南"], "{:?}", h.snippet);
            }
            // The reader marks the character alone, inside bigrams and at any place in a run.
            let text = "南海、南非和海南，东海不算。";
            let marked = super::char_slices(text, &r.highlighter.ranges_for(text, "zh"));
            assert_eq!(marked, ["南", "南", "南"]);
            assert_eq!(r.highlighter.ranges(text), [0..1, 3..4, 7..8]);
        }
    }
    // Excluded, it leaves the turns without it; with a word, both must match.
    let mut got = found_text(&ix, "海 -南");
    got.sort();
    assert_eq!(got, [hit("2024-05-06-zh", 3)]);
    assert_eq!(found_text(&ix, "南 自贸港"), [hit("2024-05-06-zh", 2)]);
    assert!(found_text(&ix, "北").is_empty());
}

#[test]
fn stop_words_match_but_are_marked_only_inside_phrases() {
    let ix = index();
    let r = run(&ix, &text_query("la sécurité régionale"));
    assert_eq!(found(&r), [hit("2024-03-18-fr", 0)]);
    assert_eq!(r.hits[0].snippet.highlighted(), ["sécurité", "régionale"]);
    let text = "À la sécurité de la région, et à la sécurité régionale.";
    let marked = super::char_slices(text, &r.highlighter.ranges(text));
    assert_eq!(marked, ["sécurité", "sécurité", "régionale"]);
    // Quoted, the phrase is marked whole, its stop words too.
    let r = run(&ix, &text_query("\"à la sécurité\""));
    assert_eq!(r.hits[0].snippet.highlighted(), ["à la sécurité"]);
    // A stop word still narrows the search: no turn with `souveraineté` holds `the`.
    assert_eq!(found_text(&ix, "souveraineté").len(), 1);
    assert!(found_text(&ix, "the souveraineté").is_empty());
    let r = run(&ix, &text_query("the sea"));
    let marked = r.hits[0].snippet.highlighted();
    assert!(
        !marked.is_empty() && marked.iter().all(|m| m == "Sea"),
        "{marked:?}"
    );
    // In Chinese: 的 and 了 are found and not marked; "的" quoted is.
    let r = run(&ix, &text_query("的 台湾"));
    assert_eq!(found(&r), [hit("2024-02-22-zh", 1)]);
    let marked = r.hits[0].snippet.highlighted();
    assert!(
        !marked.is_empty() && marked.iter().all(|m| m == "台湾"),
        "{marked:?}"
    );
    let r = run(&ix, &text_query("\"的\""));
    assert!(r.hits[0].snippet.highlighted().iter().all(|m| m == "的"));
}

#[test]
fn every_word_must_match_and_phrases_keep_order() {
    let ix = index();
    assert_eq!(
        found_text(&ix, "chine souveraineté"),
        [hit("2024-03-18-fr", 2)]
    );
    let mut got = found_text(&ix, "\"mer de Chine\"");
    got.sort();
    assert_eq!(got, [hit("2024-03-18-fr", 2), hit("2025-06-24-en", 1)]);
    assert!(found_text(&ix, "\"Chine de mer\"").is_empty());
    assert!(found_text(&ix, "taiwan tariff").is_empty());
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let ix = index();
    assert!(found_text(&ix, "coopération intern").is_empty());
    let q = Query {
        prefix_last: true,
        ..text_query("coopération intern")
    };
    let r = run(&ix, &q);
    assert_eq!(found(&r), [hit("2024-03-18-fr", 0)]);
    assert_eq!(
        super::Snippet::highlighted(&r.hits[0].snippet),
        ["coopération", "internationale"]
    );
    let text = "une coopération internationale";
    let ranges = r.highlighter.ranges(text);
    let words = super::char_slices(text, &ranges);
    assert_eq!(words, ["coopération", "internationale"]);
    // A finished word (trailing space) is not a prefix.
    let q = Query {
        prefix_last: true,
        ..text_query("coopération intern ")
    };
    assert!(run(&ix, &q).hits.is_empty());
}

#[test]
fn a_half_typed_word_joined_to_words_before_it_matches() {
    let ix = index();
    for typed in ["Etats-Uni", "Etats-Un", "États-Unis"] {
        let q = Query {
            prefix_last: true,
            ..text_query(typed)
        };
        assert_eq!(found(&run(&ix, &q)), [hit("2024-03-18-fr", 1)], "{typed}");
    }
    let q = Query {
        prefix_last: true,
        ..text_query("Etats-Xyz")
    };
    assert!(run(&ix, &q).hits.is_empty(), "the head alone is not enough");
}

#[test]
fn highlight_ranges_are_chars_on_accents_and_chinese() {
    let ix = index();
    let h = run(&ix, &text_query("sécurité")).highlighter;
    let text = "Ça dépend de la Sécurité, vraiment.";
    let r = h.ranges(text);
    assert_eq!(r.len(), 1);
    assert_eq!(
        text.chars()
            .skip(r[0].start)
            .take(r[0].len())
            .collect::<String>(),
        "Sécurité"
    );
    let h = run(&ix, &text_query("中美关系")).highlighter;
    let text = "今天，中美关系很重要，但关系复杂。";
    let r = h.ranges(text);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0], 3..7);
    assert_eq!(text.chars().skip(3).take(4).collect::<String>(), "中美关系");
}

#[test]
fn filters_narrow() {
    let ix = index();
    let o = Outlets::builtin();
    let all = |input: &str| {
        let mut q = parse_query(input, &o);
        q.limit = 50;
        found(&run(&ix, &q))
    };
    let afp = all("outlet:\"Agence France-Presse\"");
    assert_eq!(afp.len(), 4);
    let mut got = all("outlet:afp chine");
    got.sort();
    assert_eq!(
        got,
        [
            hit("2023-01-05-fr", 0),
            hit("2024-03-18-fr", 1),
            hit("2025-06-24-en", 1)
        ]
    );
    assert_eq!(all("sp:GUO").len(), 2);
    assert_eq!(all("spokesperson:\"mao ning\"").len(), 3);
    assert_eq!(all("lang:zh").len(), 2);
    assert_eq!(all("lang:en tariffs"), [hit("2025-06-24-en", 0)]);
    assert_eq!(all("2024-01..2024-02").len(), 2);
    assert_eq!(all("2024..2024").len(), 5);
    assert_eq!(all("from:2025").len(), 2);
    assert_eq!(all("to:2023-01").len(), 1);
    assert_eq!(all("2024-03-18").len(), 3);
    assert!(all("outlet:Nowhere").is_empty());
    assert!(all("sp:nobody").is_empty());
}

#[test]
fn filters_alone_list_newest_first() {
    let ix = index();
    let q = Query {
        limit: 50,
        ..parse_query("outlet:afp", &Outlets::builtin())
    };
    let r = run(&ix, &q);
    assert_eq!(r.total, 4);
    let dates: Vec<&str> = r.hits.iter().map(|h| h.date.as_str()).collect();
    assert_eq!(
        dates,
        ["2025-06-24", "2024-03-18", "2024-02-22", "2023-01-05"]
    );
    // Nothing highlights: the snippet is the start of the question.
    assert_eq!(r.hits[0].snippet.text, "What about the South China Sea?");
    assert!(r.hits[0].snippet.highlights.is_empty());
    let q = Query {
        sort: Sort::Newest,
        ..text_query("chine")
    };
    let dates: Vec<String> = run(&ix, &q).hits.into_iter().map(|h| h.date).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[test]
fn hits_carry_their_turn() {
    let ix = index();
    let r = run(&ix, &text_query("tariffs"));
    let h = &r.hits[0];
    assert_eq!(h.date, "2025-06-24");
    assert_eq!(h.language, "en");
    assert_eq!(h.outlet.as_deref(), Some("Reuters"));
    assert_eq!(h.spokesperson.as_deref(), Some("Guo Jiakun"));
    assert!(h.score > 0.0);
    assert_eq!(r.total, 1);
}

#[test]
fn words_up_to_40_bytes_are_searched_longer_ones_are_refused() {
    // ASCII, and full-width letters (3 bytes each, as written in Chinese text).
    let (w39, w40, w41) = ("a".repeat(39), "b".repeat(40), "c".repeat(41));
    let (f39, f40, f41) = (
        "ｄ".repeat(13),
        format!("{}e", "ｅ".repeat(13)),
        format!("{}ff", "ｆ".repeat(13)),
    );
    // A Han run is searched as bigrams, so its length in bytes never matters.
    let (h39, h42) = (
        "南海问题中美关系一带一路外".to_string(),
        "南海问题中美关系一带一路外交".to_string(),
    );
    let words = [&w39, &w40, &w41, &f39, &f40, &f41, &h42];
    let text = words
        .iter()
        .map(|w| w.as_str())
        .collect::<Vec<_>>()
        .join(" 。");
    let ix = SearchIndex::in_memory(&[conference(
        "2024-05-06-en",
        "en",
        "Lin Jian",
        vec![question("AFP", "long words", &text)],
    )])
    .unwrap();
    for w in [&w39, &w40, &f39, &f40, &h39, &h42] {
        let r = run(&ix, &text_query(w));
        assert_eq!((r.total, &r.refusal), (1, &None), "{} bytes: {w}", w.len());
    }
    for w in [&w41, &f41] {
        let r = run(&ix, &text_query(w));
        let said = r.refusal.map(|r| r.to_string()).unwrap_or_default();
        assert!(said.contains("≤ 40 bytes"), "{} bytes: {said}", w.len());
    }
}

#[test]
fn malformed_input_never_fails() {
    let ix = index();
    let o = Outlets::builtin();
    let long = "sécurité 南海 ".repeat(800);
    for input in [
        "\"unbalanced",
        "AND",
        "-",
        "*",
        "outlet:",
        "(((",
        "\"",
        ":",
        "..",
        "a..",
        &long,
    ] {
        for prefix_last in [false, true] {
            let q = Query {
                prefix_last,
                ..parse_query(input, &o)
            };
            assert!(ix.search(&q).is_ok(), "{input}");
        }
    }
    assert_eq!(found_text(&ix, "\"négociation"), [hit("2024-03-18-fr", 1)]);
}

#[test]
fn outlets_are_listed_and_counted() {
    let ix = index();
    let turns: Vec<(String, usize)> = ix
        .outlet_turns("AFP")
        .unwrap()
        .into_iter()
        .map(|t| (t.date, t.turn))
        .collect();
    assert_eq!(
        turns,
        [
            ("2025-06-24".into(), 1),
            ("2024-03-18".into(), 1),
            ("2024-02-22".into(), 1),
            ("2023-01-05".into(), 0),
        ]
    );
    let counts: Vec<(String, usize)> = ix
        .outlet_summary()
        .unwrap()
        .into_iter()
        .map(|s| (s.outlet, s.questions))
        .collect();
    assert_eq!(
        counts,
        [("AFP".into(), 4), ("Reuters".into(), 2), ("CCTV".into(), 1)]
    );
    assert_eq!(ix.stats(), (8, 0));
}

#[test]
fn a_quoted_year_is_a_word_and_a_bare_one_a_filter() {
    let ix = SearchIndex::in_memory(&[
        conference(
            "2024-05-06-en",
            "en",
            "Lin Jian",
            vec![question("AFP", "Plans for 2030?", "The 2030 goals stand.")],
        ),
        conference(
            "2030-01-02-en",
            "en",
            "Lin Jian",
            vec![question("AFP", "Goals?", "They stand.")],
        ),
    ])
    .unwrap();
    let o = Outlets::builtin();
    let find = |input: &str| found(&run(&ix, &parse_query(input, &o)));
    assert_eq!(find("\"2030\""), [hit("2024-05-06-en", 0)]);
    assert_eq!(find("2030"), [hit("2030-01-02-en", 0)]);
    assert_eq!(find("goals 2030"), [hit("2030-01-02-en", 0)]);
    let r = run(&ix, &parse_query("\"2030\"", &o));
    assert_eq!(super::Snippet::highlighted(&r.hits[0].snippet), ["2030"]);
}

#[test]
fn or_matches_either_side_and_every_other_word_still_must() {
    let ix = index();
    let sorted = |text: &str| sorted(&ix, text);
    assert_eq!(
        sorted("台湾 OR 南海"),
        [hit("2024-02-22-zh", 0), hit("2024-02-22-zh", 1)]
    );
    assert_eq!(
        sorted("\"mer de Chine\" OR tariffs"),
        [
            hit("2024-03-18-fr", 2),
            hit("2025-06-24-en", 0),
            hit("2025-06-24-en", 1)
        ]
    );
    assert_eq!(
        sorted("souveraineté \"mer de Chine\" OR tariffs"),
        [hit("2024-03-18-fr", 2)]
    );
    // In lower case `or` is a word, which must match like any other.
    assert!(found_text(&ix, "台湾 or 南海").is_empty());
    let r = run(&ix, &text_query("tariffs OR protectionism"));
    assert_eq!(
        super::Snippet::highlighted(&r.hits[0].snippet),
        ["tariffs", "protectionism"]
    );
}

#[test]
fn minus_excludes_turns_and_is_never_highlighted() {
    let ix = index();
    let mut chine = sorted(&ix, "chine");
    chine.retain(|h| *h != hit("2024-03-18-fr", 2));
    assert_eq!(chine.len(), 3);
    assert_eq!(sorted(&ix, "chine -souveraineté"), chine);
    assert_eq!(
        found_text(&ix, "coopération -\"sécurité alimentaire\""),
        [hit("2024-03-18-fr", 0)]
    );
    // Excluded by stem, as words match: `négociation` drops `négociations` too.
    assert!(found_text(&ix, "chine -négociation -souveraineté -alimentaire -sea").is_empty());
    let r = run(&ix, &text_query("sécurité -alimentaire"));
    assert_eq!(found(&r), [hit("2024-03-18-fr", 0)]);
    assert_eq!(r.highlighter.ranges("sécurité alimentaire").len(), 1);
    let text = "Chine : souveraineté";
    let words = super::char_slices(
        text,
        &run(&ix, &text_query("chine OR taiwan -souveraineté"))
            .highlighter
            .ranges(text),
    );
    assert_eq!(words, ["Chine"]);
}

#[test]
fn exclusions_alone_are_refused_and_with_a_filter_keep_the_rest() {
    let ix = index();
    let o = Outlets::builtin();
    for input in ["-taiwan", "-\"mer de chine\" -tariffs"] {
        let said = run(&ix, &parse_query(input, &o))
            .refusal
            .map(|r| r.to_string())
            .unwrap_or_default();
        assert!(said.contains("exclusions alone"), "{input}: {said}");
    }
    assert_eq!(
        found(&run(&ix, &parse_query("lang:en -tariffs", &o))),
        [hit("2025-06-24-en", 1)]
    );
}

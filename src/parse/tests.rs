//! Unit tests of the parser on small inline transcripts, one per quirk.

use super::*;
use crate::model::{Cut, TurnKind};

fn parse(text: &str) -> Parsed {
    parse_text(text, &Outlets::builtin())
        .unwrap_or_else(|p| panic!("line {}: {}", p.line, p.message))
}

fn one(text: &str) -> ParsedConference {
    let mut p = parse(text);
    assert_eq!(p.conferences.len(), 1, "{:#?}", p.conferences);
    p.conferences.remove(0)
}

/// Each turn as `S` or `asker→outlet` (`?` when unanswered, `+` when a follow-up).
fn shape(c: &ParsedConference) -> Vec<String> {
    c.turns
        .iter()
        .map(|t| match t.kind {
            TurnKind::Statement => "S".to_string(),
            TurnKind::Question => format!(
                "{}→{}{}{}",
                t.asker,
                t.outlet.as_deref().unwrap_or("-"),
                if t.follow_up { "+" } else { "" },
                if t.answer.is_empty() { "?" } else { "" }
            ),
        })
        .collect()
}

#[test]
fn titles_in_three_languages() {
    let fr = one(
        "Conférence de presse du 4 décembre 2019 tenue par la Porte-parole du Ministère des Affaires étrangères Hua Chunying\nQ : Oui ?\nR : Non.",
    );
    assert_eq!(
        (
            fr.date.as_deref(),
            fr.spokesperson.as_deref(),
            fr.language.as_str()
        ),
        (Some("2019-12-04"), Some("Hua Chunying"), "fr")
    );
    let en = one(
        "Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference on January 30, 2023\n\nCCTV: Any comment on the summit?\n\nMao Ning: It was a success of the two sides.",
    );
    assert_eq!(
        (en.date.as_deref(), en.language.as_str()),
        (Some("2023-01-30"), "en")
    );
    let zh =
        one("2020年2月3日外交部发言人华春莹主持网上例行记者会\n问：有何评论？\n答：我们注意到了。");
    assert_eq!(
        (zh.date.as_deref(), zh.spokesperson.as_deref()),
        (Some("2020-02-03"), Some("Hua Chunying"))
    );
    assert_eq!(
        zh.title.as_deref(),
        Some("2020年2月3日外交部发言人华春莹主持网上例行记者会")
    );
}

#[test]
fn date_from_the_date_line_when_the_title_has_none() {
    for (line, iso) in [
        ("2017/03/07", "2017-03-07"),
        (" (2019-12-10)", "2019-12-10"),
        ("Updated: October 09, 2025 17:56", "2025-10-09"),
    ] {
        let c = one(&format!(
            "Foreign Ministry Spokesperson's Regular Press Conference\n{line}\n\nQ: Yes?\nA: No."
        ));
        assert_eq!(c.date.as_deref(), Some(iso), "{line}");
    }
    let c = one(
        "Conférence de presse du 4 novembre 2022 tenue par le porte-parole Zhao Lijian\n\n2022-11-04 23:00\n\nQ : Oui ?\nR : Non.",
    );
    assert_eq!(c.published.as_deref(), Some("2022-11-04 23:00"));
}

#[test]
fn no_date_in_the_text_gives_none() {
    let c = one("AFP : Une question ?\nGuo Jiakun : Une réponse.");
    assert_eq!((c.date, c.title), (None, None));
}

#[test]
fn spokesperson_from_the_first_answer_label() {
    assert_eq!(
        one("AFP : Une question ?\nMme Mao Ning : Une réponse.")
            .spokesperson
            .as_deref(),
        Some("Mao Ning")
    );
    assert_eq!(
        one("AFP: A question?\nGuo: An answer.")
            .spokesperson
            .as_deref(),
        Some("Guo Jiakun")
    );
    let zh = one("总台央视记者：请问有何评论？\n郭嘉昆：我们注意到了。");
    assert_eq!(zh.spokesperson.as_deref(), Some("Guo Jiakun"));
    assert_eq!(zh.turns[0].speaker.as_deref(), Some("Guo Jiakun"));
}

#[test]
fn page_furniture_is_left_out() {
    let c = one(
        "عربي Español Русский Français 简体中文\nHOME > Spokesperson's Remarks\nForeign Ministry Spokesperson Lin Jian’s Regular Press Conference on May 8, 2024\n2024-05-08 19:16\n[字体：大 中 小]\u{a0}\u{a0} 打印本页\n分享至\n\nAFP: Could you provide more information?\n\nLin Jian: China maintains communication.\n\nSuggest to a friend\nPrint\nCopyright©1998-2014, Ministry of Foreign Affairs\nContact us Address: No. 2, Chaoyangmen Nandajie Tel: 86-10-65961114",
    );
    assert_eq!(shape(&c), ["AFP→AFP"]);
    assert_eq!(c.turns[0].answer, ["China maintains communication."]);
    let fr = one(
        "Page d'accueil > Déclaration du porte-parole\nConférence de presse du 29 juillet 2025 tenue par le porte-parole Guo Jiakun\nAFP : Oui ?\nGuo Jiakun : Non.\n\u{a0}Recommander à\u{a0}\u{a0}\u{a0} Imprimer\nL'adresse: 2 Chao Yang Men Nan Da Jie\nLire aussi\nConférence de presse du 28 juillet 2025 tenue par le porte-parole Guo Jiakun",
    );
    assert_eq!(shape(&fr), ["AFP→AFP"]);
    assert_eq!(fr.turns[0].answer, ["Non."]);
}

#[test]
fn label_forms() {
    let c = one(
        "AFP : a?\nAFP: b?\nAFP：c?\nAFP\u{a0}: d?\n\u{3000}\u{3000}AFP：e?\nQ : f?\nR : g.\nQ: h?\nA: i.\n问：j？\n答：k。\n追问：l？\n答：m。\nFollow-up: n?\nA: o.\nJournaliste : p ?\nR : q.\n巴西《圣保罗页报》记者:r?\n郭嘉昆:s。",
    );
    assert_eq!(
        shape(&c),
        [
            "AFP→AFP?",
            "AFP→AFP?",
            "AFP→AFP?",
            "AFP→AFP?",
            "AFP→AFP?",
            "Q→-",
            "Q→-",
            "问→-",
            "追问→-+",
            "Follow-up→-+",
            "Journaliste→-",
            "巴西《圣保罗页报》记者→Folha de S.Paulo"
        ]
    );
    assert_eq!(c.turns[4].question, ["e?"]);
    assert_eq!(c.turns[5].answer, ["g."]);
}

#[test]
fn colons_that_are_not_labels_stay_in_the_text() {
    let c = one(
        "CCTV : Quelle portée ?\nZhao Lijian : La lutte a une portée, principalement en deux points :\nPremièrement, la Chine a contribué.\nElle a déclaré : « Oui ».\nAFP: When?\nA: At 3:40 pm.\nOur position is very clear: no.\n问：几点？\n答：下午4：30。",
    );
    assert_eq!(shape(&c), ["CCTV→CCTV", "AFP→AFP", "问→-"]);
    assert_eq!(c.turns[0].answer.len(), 3);
    assert_eq!(
        c.turns[1].answer,
        ["At 3:40 pm.", "Our position is very clear: no."]
    );
    assert_eq!(c.turns[2].answer, ["下午4：30。"]);
}

#[test]
fn an_opening_announcement_is_a_statement() {
    let c = one(
        "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on March 25, 2019\n\nAt the invitation of Premier Li Keqiang, Prime Minister Ardern will pay a visit.\n\nAt the invitation of Wang Yi, Minister Tsogtbaatar will pay a visit.\n\nQ: Will he meet him?\n\nA: We keep contact.",
    );
    assert_eq!(shape(&c), ["S", "Q→-"]);
    assert_eq!(c.turns[0].answer.len(), 2);
    assert_eq!(c.turns[0].speaker.as_deref(), Some("Geng Shuang"));
}

#[test]
fn one_spokesperson_introducing_another_is_one_statement() {
    let c = one(
        "Hua Chunying : Bonjour. Je donne la parole à Zhao Lijian.\nZhao Lijian : Merci. C'est un plaisir.\nAgence de Presse Xinhua : Une question ?\nZhao Lijian : Une réponse.",
    );
    assert_eq!(shape(&c), ["S", "Agence de Presse Xinhua→Xinhua"]);
    assert_eq!(c.spokesperson.as_deref(), Some("Zhao Lijian"));
    assert_eq!(
        c.turns[0].answer[1],
        "Zhao Lijian : Merci. C'est un plaisir."
    );
    let greeting = one(
        "各位记者朋友好！我是外交部发言人华春莹。\n下面请大家开始提问。\n问：有何评论？\n答：没有。",
    );
    assert_eq!(shape(&greeting), ["S", "问→-"]);
}

#[test]
fn paragraphs_by_blank_lines_single_newlines_or_run_together() {
    let blank = one("Q: a?\n\nA: b.\n\nc.\n\nQ: d?\n\nA: e.");
    let single = one("Q: a?\nA: b.\nc.\nQ: d?\nA: e.");
    let run = one("Q : a ? R : b. c. Q : d ? R : e.");
    assert_eq!(blank.turns[0].answer, ["b.", "c."]);
    assert_eq!(single.turns, blank.turns);
    assert_eq!(shape(&run), ["Q→-", "Q→-"]);
    assert_eq!(run.turns[0].answer, ["b. c."]);
}

#[test]
fn a_page_with_several_conferences_gives_several() {
    let p = parse(
        "Trois Conférences de presse des 16..18 décembre 2024\nConférence de presse du 16 décembre 2024 tenue par le porte-parole Lin Jian\nAFP : a ?\nLin Jian : b.\nConférence de presse du 17 décembre 2024 tenue par le porte-parole Lin Jian\nCCTV : c ?\nLin Jian : d.",
    );
    let dates: Vec<_> = p.conferences.iter().map(|c| c.date.as_deref()).collect();
    assert_eq!(dates, [Some("2024-12-16"), Some("2024-12-17")]);
    assert_eq!(shape(&p.conferences[1]), ["CCTV→CCTV"]);
}

#[test]
fn a_bilingual_page_gives_a_chinese_and_an_english_conference() {
    let p = parse(
        "2025年6月27日外交部发言人郭嘉昆\n主持例行记者会\nForeign Ministry Spokesperson Guo Jiakun’s\nRegular Press Conference on June 27, 2025\n总台央视记者:中方对王毅外长访问有何期待?\nCCTV: What does China expect from the visit?\n郭嘉昆:今年是中欧建交50周年。\nGuo Jiakun: This year marks the 50th anniversary.",
    );
    let langs: Vec<_> = p.conferences.iter().map(|c| c.language.as_str()).collect();
    assert_eq!(langs, ["zh", "en"]);
    assert_eq!(
        p.conferences[0].title.as_deref(),
        Some("2025年6月27日外交部发言人郭嘉昆主持例行记者会")
    );
    assert_eq!(shape(&p.conferences[0]), ["总台央视记者→CCTV"]);
    assert_eq!(shape(&p.conferences[1]), ["CCTV→CCTV"]);
}

#[test]
fn an_excerpt_cut_mid_answer_is_kept_with_a_warning() {
    let p = parse("Q: Will he come?\nA: The Chinese side has submitted the implementa");
    assert_eq!(
        p.conferences[0].turns[0].answer,
        ["The Chinese side has submitted the implementa"]
    );
    assert!(p.warnings.iter().any(|w| w.message.contains("cut")));
    assert_eq!(
        p.conferences[0].turns[0].cut,
        Some(Cut::End),
        "kept for the reader"
    );
    let q = parse("Q: Will he come?\nA: Yes.\nQ: And then the");
    assert_eq!(shape(&q.conferences[0]), ["Q→-", "Q→-?"]);
    assert!(!q.warnings.is_empty());
    let cuts: Vec<_> = q.conferences[0].turns.iter().map(|t| t.cut).collect();
    assert_eq!(cuts, [None, Some(Cut::End)]);
    let whole = parse("Q: Will he come?\nA: Yes, he will.");
    assert_eq!(whole.conferences[0].turns[0].cut, None);
}

#[test]
fn a_text_starting_mid_answer_begins_with_an_empty_question() {
    let p = parse(
        "中国是世界上最大的发展中国家。\n\n《中国日报》记者:可否予以证实?\n\n毛宁:应邀访华。",
    );
    assert_eq!(
        shape(&p.conferences[0]),
        ["→-", "《中国日报》记者→China Daily"]
    );
    assert!(p.conferences[0].turns[0].question.is_empty());
    assert!(
        p.warnings
            .iter()
            .any(|w| w.message.contains("middle of an answer"))
    );
    assert_eq!(p.conferences[0].turns[0].cut, Some(Cut::Start));
    assert_eq!(p.conferences[0].turns[1].cut, None);
}

#[test]
fn a_question_calling_itself_a_follow_up_is_one() {
    let c = one(
        "Q: I want to follow up on that question about the reporters. Are they gone?\nA: Yes.\nQ: Another question. We follow up later?\nA: No.",
    );
    assert_eq!(shape(&c), ["Q→-+", "Q→-"]);
}

#[test]
fn closing_remarks_are_a_statement_only_after_a_separator() {
    let sep = one("Q: a?\nA: b.\n***\nSee you in 2020.");
    assert_eq!(shape(&sep), ["Q→-", "S"]);
    let zh = one("问：a？\n答：b。\n　　***********\n　　耿爽：后会有期！");
    assert_eq!(shape(&zh), ["问→-", "S"]);
    assert_eq!(zh.turns[1].speaker.as_deref(), Some("Geng Shuang"));
    let none = one("Q: a?\nA: b.\nFarewell. Thank you all.");
    assert_eq!(none.turns[0].answer, ["b.", "Farewell. Thank you all."]);
}

#[test]
fn unlabelled_text_between_a_question_and_its_answer_continues_the_question() {
    let c = one(
        "CCTV : Le Président assistera au sommet.\n  • Qu’attend la Chine ?\nPrécision.\nGuo Jiakun : Beaucoup.",
    );
    assert_eq!(
        c.turns[0].question,
        [
            "Le Président assistera au sommet.",
            "• Qu’attend la Chine ?",
            "Précision."
        ]
    );
    let unlabelled_answer = one(
        "Q: a?\nJournalist: I did mention the US.\nOur position is very clear: no.\nQ: b?\nA: c.",
    );
    assert_eq!(shape(&unlabelled_answer), ["Q→-?", "Journalist→-", "Q→-"]);
}

#[test]
fn control_characters_and_escapes_never_survive() {
    let c = one("Q\u{1b}[31m: a\u{7}?\nA: b\u{1b}]52;c;aGk=\u{7}.");
    assert_eq!(c.turns[0].question, ["a?"]);
    assert_eq!(c.turns[0].answer, ["b."]);
}

/// Issue 13's classes of messy copies, one test group per class.
mod messy;

/// Copies of the held-out evaluation's kinds (issue 13, second pass).
mod copies;

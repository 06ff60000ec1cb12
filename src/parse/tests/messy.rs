//! Messy copies (issue 13): reprints, forum posts and pastes, read as a person reads them.
//! Each class has examples in the languages it occurs in, written for these tests.

use super::{one, parse, shape};

// Class: a headline with a colon at the top of a reprint is not a turn.

#[test]
fn a_headline_with_a_colon_is_not_an_asker() {
    for (text, want) in [
        (
            "Droits de douane : la Chine demande aux États-Unis de revenir sur leur décision\n\nAFP : Quelle est votre réaction ?\nMao Ning : Nous nous y opposons.",
            vec!["AFP→AFP"],
        ),
        (
            "Taiwan: China urges the US to stop arms sales\n\nAFP: What is your comment on the arms sale?\nMao Ning: We firmly oppose it.",
            vec!["AFP→AFP"],
        ),
        (
            "Hong Kong : la Chine dénonce une « ingérence grossière » de Londres\nReuters : Quelle est votre réponse ?\nLin Jian : Ce sont des affaires intérieures.",
            vec!["Reuters→Reuters"],
        ),
        (
            "外交部：中方敦促美方立即停止对台湾地区的军售并撤销相关计划，停止武装台湾\n法新社记者：你对军售有何评论？\n毛宁：我们坚决反对。",
            vec!["法新社记者→AFP"],
        ),
    ] {
        let parsed = parse(text);
        assert_eq!(parsed.conferences.len(), 1, "{text}");
        assert_eq!(shape(&parsed.conferences[0]), want, "{text}");
        // Not read as an answer's tail either: no "starts in the middle" warning.
        assert!(parsed.warnings.is_empty(), "{text}: {:?}", parsed.warnings);
    }
}

#[test]
fn a_lead_sentence_under_a_headline_dates_the_conference() {
    let c = one(
        "Hong Kong : la Chine dénonce une ingérence\nMardi 9 avril 2024, le porte-parole Lin Jian répondait aux questions des journalistes étrangers.\nReuters : Quelle est votre réponse ?\nLin Jian : Ce sont des affaires intérieures.",
    );
    assert_eq!(c.date.as_deref(), Some("2024-04-09"));
    assert_eq!(shape(&c), ["Reuters→Reuters"]);
    let c = one(
        "South China Sea: Beijing rejects Manila's claims\nOn June 18, 2024, Foreign Ministry Spokesperson Mao Ning took questions from the press.\nAFP: What's your response?\nMao Ning: China's door for dialogue is open.",
    );
    assert_eq!(c.date.as_deref(), Some("2024-06-18"));
    assert_eq!(shape(&c), ["AFP→AFP"]);
}

#[test]
fn a_first_question_by_an_unknown_outlet_is_still_a_question() {
    let c = one(
        "Rudaw Media Network: How does China view the elections in the Kurdistan region?\nMao Ning: We respect the choice of the people.",
    );
    assert_eq!(shape(&c), ["Rudaw Media Network→Rudaw"]);
}

// Class: an unlabelled question right before the spokesperson's labelled answer is a question.

#[test]
fn unlabelled_questions_before_a_labelled_answer_are_questions() {
    let en = one(
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 7, 2024\n\nWhat is China's comment on the report?\nWang Wenbin: We have noted the report.\n\nXinhua: What are China's expectations?\nWang Wenbin: New impetus.\n\nThere are reports of new EU investigations. Do you have anything to say?\nWang Wenbin: We hope the EU will avoid protectionism.",
    );
    assert_eq!(shape(&en), ["→-", "Xinhua→Xinhua", "→-"]);
    assert_eq!(
        en.turns[2].question,
        ["There are reports of new EU investigations. Do you have anything to say?"]
    );
    assert_eq!(en.turns[1].answer, ["New impetus."]);
    let fr = one(
        "Conférence de presse du 7 mai 2024 tenue par le porte-parole Wang Wenbin\nAFP : La visite aura-t-elle lieu ?\nWang Wenbin : Oui.\nQuel est votre commentaire sur le rapport publié hier ?\nR : Nous l'avons noté.",
    );
    assert_eq!(shape(&fr), ["AFP→AFP", "→-"]);
    let zh = one(
        "2024年5月8日外交部发言人汪文斌主持例行记者会\n中方如何看待美方最新发布的报告？\n汪文斌：我们注意到有关报告。\n我是路透社记者。中方是否会回应欧盟的调查？\n答：我们将坚决维护中国企业的合法权益。",
    );
    // The outlet named inside the question is kept; the asker stays anonymous.
    assert_eq!(shape(&zh), ["→-", "→Reuters"]);
}

#[test]
fn a_question_mark_without_a_labelled_answer_next_stays_where_it_is() {
    // A rhetorical question inside an answer, then the next question: still the answer.
    let en = one(
        "AFP: Any comment?\nMao Ning: We oppose it.\nIs this the way to treat a partner?\nReuters: Will the talks resume?\nMao Ning: Yes.",
    );
    assert_eq!(shape(&en), ["AFP→AFP", "Reuters→Reuters"]);
    assert_eq!(
        en.turns[0].answer,
        ["We oppose it.", "Is this the way to treat a partner?"]
    );
    // A question's second paragraph ending in `?` continues that question.
    let fr = one(
        "AFP : Le rapport accuse la Chine.\nQuelle est votre réaction ?\nMao Ning : Nous le rejetons.",
    );
    assert_eq!(shape(&fr), ["AFP→AFP"]);
    assert_eq!(fr.turns[0].question.len(), 2);
}

// Class: one paragraph running several turns together is split at the askers' labels.

#[test]
fn run_together_turns_split_at_known_labels_followed_by_a_question() {
    let en = one(
        "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on January 15, 2024\nCCTV: What is your comment? Mao Ning: We have nothing to offer at the moment. Batong News Agency: The China-ASEAN Expo opens next week. What does China expect? Mao Ning: A success.",
    );
    assert_eq!(shape(&en), ["CCTV→CCTV", "Batong News Agency→APP"]);
    assert_eq!(
        en.turns[0].answer,
        ["We have nothing to offer at the moment."]
    );
    let fr = one(
        "AFP : La visite aura-t-elle lieu ? Mao Ning : Oui, elle aura lieu. Reuters : Quand les discussions reprendront-elles ? Mao Ning : Bientôt.",
    );
    assert_eq!(shape(&fr), ["AFP→AFP", "Reuters→Reuters"]);
    let zh = one(
        "路透社记者：中方是否会回应？毛宁：我们会适时发布消息的。法新社记者：中方对此有何评论？毛宁：我们坚决反对。",
    );
    assert_eq!(shape(&zh), ["路透社记者→Reuters", "法新社记者→AFP"]);
    assert_eq!(zh.turns[0].answer, ["我们会适时发布消息的。"]);
}

#[test]
fn a_name_or_an_outlet_quoted_inside_an_answer_splits_nothing() {
    for (text, asker, answer) in [
        (
            "AFP: Any comment? Mao Ning: As President Xi said: we stand together. We noted the statement. Xinhua: the two sides agreed to deepen cooperation.",
            "AFP→AFP",
            "As President Xi said: we stand together. We noted the statement. Xinhua: the two sides agreed to deepen cooperation.",
        ),
        (
            "AFP : Un commentaire ? Mao Ning : Comme l'a dit le président Xi : « nous sommes ensemble ». Nous avons vu la dépêche. Xinhua : les deux parties ont convenu de renforcer leur coopération.",
            "AFP→AFP",
            "Comme l'a dit le président Xi : « nous sommes ensemble ». Nous avons vu la dépêche. Xinhua : les deux parties ont convenu de renforcer leur coopération.",
        ),
        (
            "法新社记者：有何评论？毛宁：正如习近平主席所说：我们站在一起。我们注意到了有关报道。新华社记者：双方同意加强合作。",
            "法新社记者→AFP",
            "正如习近平主席所说：我们站在一起。我们注意到了有关报道。新华社记者：双方同意加强合作。",
        ),
    ] {
        let c = one(text);
        assert_eq!(shape(&c), [asker], "{text}");
        assert_eq!(c.turns[0].answer, [answer], "{text}");
    }
}

// Class: a numbered table of contents above the transcript is not turns.

#[test]
fn a_table_of_contents_is_neither_turns_nor_statement() {
    let zh = one(
        "2024年7月10日外交部发言人毛宁主持例行记者会\n本期要点：\n1. 中方对北约峰会有何回应？\n2. 王毅外长将出席东盟系列外长会吗？\n毛宁：各位记者朋友，下午好。首先发布一条消息：王毅外长将出席东盟系列外长会。\n新华社记者：北约峰会发表宣言指责中国。中方有何回应？\n毛宁：毫无根据。",
    );
    assert_eq!(shape(&zh), ["S", "新华社记者→Xinhua"]);
    assert_eq!(zh.turns[0].answer.len(), 1, "{:?}", zh.turns[0].answer);
    let en = one(
        "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on July 10, 2024\nQuestions answered today:\n1. CCTV: NATO summit declaration\n2. Reuters: Second Thomas Shoal\nCCTV: The NATO declaration criticised China. What's your response?\nMao Ning: Groundless.\nReuters: Any progress on Ren'ai Jiao?\nMao Ning: We stay in communication.",
    );
    assert_eq!(shape(&en), ["CCTV→CCTV", "Reuters→Reuters"]);
    let fr = one(
        "Conférence de presse du 10 juillet 2024 tenue par la porte-parole Mao Ning\n1. La Chine répond-elle à l'OTAN ?\n2. Le ministre Wang Yi ira-t-il au Laos ?\nAFP : La Chine répond-elle à l'OTAN ?\nMao Ning : Oui.\nReuters : Wang Yi ira-t-il au Laos ?\nMao Ning : Nous publierons les informations en temps voulu.",
    );
    assert_eq!(shape(&fr), ["AFP→AFP", "Reuters→Reuters"]);
}

// Class: the conference's date, not the reprint's publishing date; the spokesperson from
// an English title or a `原标题：` line.

#[test]
fn a_title_without_its_year_takes_it_from_the_publishing_date_not_the_day() {
    for (text, date, published) in [
        (
            "外交部发言人林剑主持例行记者会（9月30日）\n发布时间:2024-10-01 08:02\n问：有报道称，某国将关闭在华领事馆。你能否证实？\n答：我不掌握相关情况。",
            "2024-09-30",
            "2024-10-01 08:02",
        ),
        (
            "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on September 30\nPublished: 2024-10-01\nQ: Can you confirm the report?\nA: I'm not aware of it.",
            "2024-09-30",
            "2024-10-01",
        ),
        (
            "Conférence de presse du 30 septembre tenue par le porte-parole Lin Jian\nPublié le 1er octobre 2024\nQ : Pouvez-vous confirmer ?\nR : Je ne suis pas au courant.",
            "2024-09-30",
            "1er octobre 2024",
        ),
        (
            // Across a new year: the conference is in the year before its reprint.
            "外交部发言人毛宁主持例行记者会（12月31日）\n发布时间：2025-01-02\n问：有何评论？\n答：没有。",
            "2024-12-31",
            "2025-01-02",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.date.as_deref(), Some(date), "{text}");
        assert_eq!(c.published.as_deref(), Some(published), "{text}");
        assert!(c.spokesperson.is_some(), "{text}");
    }
}

#[test]
fn the_spokesperson_from_an_english_title_or_an_original_title_line() {
    let c = one(
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on September 3, 2024\n问：中方如何评价峰会的筹备工作？\n答：筹备工作进展顺利。",
    );
    assert_eq!(
        (
            c.language.as_str(),
            c.date.as_deref(),
            c.spokesperson.as_deref()
        ),
        ("zh", Some("2024-09-03"), Some("Lin Jian"))
    );
    let c = one(
        "首页 > 国际 > 正文\n原标题：2024年9月30日外交部发言人林剑主持例行记者会\n发布时间:2024-10-01 09:15:22 来源：外交部网站\n问：中方有何回应？\n答：我们感谢各国朋友的美好祝愿。",
    );
    assert_eq!(
        (c.date.as_deref(), c.spokesperson.as_deref()),
        (Some("2024-09-30"), Some("Lin Jian"))
    );
    let c = one(
        "Titre original : Conférence de presse du 18 juin 2024 tenue par la porte-parole Mao Ning\nPublié le 19 juin 2024\nAFP : Un commentaire ?\nR : Non.",
    );
    assert_eq!(
        (c.date.as_deref(), c.spokesperson.as_deref()),
        (Some("2024-06-18"), Some("Mao Ning"))
    );
}

// Class: interleaved bilingual pages labelled in one language only.

/// The Chinese and the English conference of a bilingual page, as shapes.
fn halves(text: &str) -> (Vec<String>, Vec<String>) {
    let p = parse(text);
    let lang = |l: &str| {
        let found: Vec<_> = p.conferences.iter().filter(|c| c.language == l).collect();
        assert_eq!(found.len(), 1, "{l}: {:#?}", p.conferences);
        shape(found[0])
    };
    (lang("zh"), lang("en"))
}

#[test]
fn a_translation_after_a_labelled_paragraph_belongs_to_the_same_turn() {
    let (zh, en) = halves(
        "2024年6月5日外交部发言人林剑主持例行记者会\nForeign Ministry Spokesperson Lin Jian's Regular Press Conference on June 5, 2024\n法新社记者：欧盟将征收临时关税。中方将如何回应？\nThe EU will impose provisional tariffs. How will China respond?\n林剑：中方将采取一切必要措施。\nChina will take all necessary measures.\n彭博社记者：中方是否会举行新一轮磋商？\nWill China hold a new round of talks?\n林剑：双方保持着沟通。\nThe two sides maintain communication.",
    );
    assert_eq!(zh, ["法新社记者→AFP", "彭博社记者→Bloomberg"]);
    assert_eq!(en, ["AFP→AFP", "Bloomberg→Bloomberg"]);
    // Labels in English only, and anonymous ones.
    let (zh, en) = halves(
        "Q: Will the visit take place as planned?\n访问会如期举行吗？\nMao Ning: Yes, the visit will take place.\n是的，访问将如期举行。\nReuters: What about the trade talks next week?\n下周的经贸磋商情况如何？\nA: The teams stay in communication.\n双方团队保持沟通。",
    );
    assert_eq!(zh, ["问→-", "Reuters→Reuters"]);
    assert_eq!(en, ["Q→-", "Reuters→Reuters"]);
    let (zh, en) = halves(
        "问：中方对此有何评论？\nWhat is China's comment?\n答：我们注意到了有关报道。\nWe have noted the report.\n问：会谈何时举行？\nWhen will the talks be held?\n答：我们会适时发布消息。\nWe will release information in due course.",
    );
    assert_eq!(zh, ["问→-", "问→-"]);
    assert_eq!(en, ["Q→-", "Q→-"]);
}

#[test]
fn english_quoted_in_a_chinese_page_is_no_translation() {
    let c = one(
        "法新社记者：美方官员称“we will respond”。中方有何回应？\nThe official said: we will respond in kind.\n毛宁：我们坚决反对。\n路透社记者：会谈何时举行？\n毛宁：我们会适时发布消息。\n彭博社记者：中方是否证实？\n毛宁：我不掌握相关情况。",
    );
    assert_eq!(c.language, "zh");
    assert_eq!(
        shape(&c),
        [
            "法新社记者→AFP",
            "路透社记者→Reuters",
            "彭博社记者→Bloomberg"
        ]
    );
}

// Class: an editorial quoting one answer, with no labels, is one turn dated by its lead.

#[test]
fn an_editorial_quoting_one_answer_is_one_dated_statement() {
    for (text, date, who) in [
        (
            "Pékin appelle Tokyo à la prudence\nLe 12 août 2015, interrogé sur le discours du Premier ministre japonais, le porte-parole Hong Lei a répondu : « Nous espérons que le Japon reconnaîtra l'histoire. »\nLa déclaration intervient à quelques jours de l'anniversaire.",
            Some("2015-08-12"),
            "Hong Lei",
        ),
        (
            "China urges restraint\nOn March 7, 2017, asked about the missile test, Foreign Ministry Spokesperson Geng Shuang said: \"We call on all parties to exercise restraint.\"\nAnalysts say Beijing's tone has hardened.",
            Some("2017-03-07"),
            "Geng Shuang",
        ),
        (
            "外交部回应导弹试射\n2017年3月7日，外交部发言人耿爽就导弹试射表示：中方呼吁各方保持克制。\n分析人士认为，中方的语气有所加强。",
            Some("2017-03-07"),
            "Geng Shuang",
        ),
        (
            "China urges restraint\nAsked about the test, Foreign Ministry Spokesperson Hua Chunying said: \"Dialogue is the only way out.\"",
            None,
            "Hua Chunying",
        ),
    ] {
        let parsed = parse(text);
        assert_eq!(parsed.conferences.len(), 1, "{text}");
        let c = &parsed.conferences[0];
        assert_eq!(shape(c), ["S"], "{text}");
        // Only the spokesperson's words: not the headline above, nor the commentary after
        // a closed quotation.
        let answer = c.turns[0].answer.join(" ");
        for prose in [
            "Pékin appelle",
            "La déclaration",
            "China urges",
            "Analysts",
            "外交部回应",
        ] {
            assert!(!answer.contains(prose), "{prose} in {answer}");
        }
        assert_eq!(
            (c.date.as_deref(), c.spokesperson.as_deref()),
            (date, Some(who)),
            "{text}"
        );
    }
}

//! Third-party copies of transcripts (issue 13, second pass): the kinds of text a held-out
//! set of real copies still got wrong, one group of tests per class, with examples written
//! for these tests in the languages each class occurs in.

use super::{one, parse, shape};

// Class: list markers of every kind before labels (`a)`, `b.`, `(c)`, `①`, `⑴`, `一、`, `（二）`).

#[test]
fn letters_before_labels_are_list_markers() {
    let en = one(
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 8, 2024\na) Reuters: Will the talks resume next week?\nLin Jian: The two sides stay in communication.\nb. Bloomberg: Is the visit confirmed?\nLin Jian: I have no information to offer.\n(c) AFP: Any comment on the report?\nLin Jian: We have noted it.\niv. Xinhua: What are China's expectations?\nLin Jian: New impetus.",
    );
    assert_eq!(
        shape(&en),
        [
            "Reuters→Reuters",
            "Bloomberg→Bloomberg",
            "AFP→AFP",
            "Xinhua→Xinhua"
        ]
    );
    let fr = one(
        "Conférence de presse du 8 mai 2024 tenue par le porte-parole Lin Jian\na) AFP : La visite aura-t-elle lieu ?\nLin Jian : Oui.\nb) Reuters : Quand ?\nLin Jian : Bientôt.\n(1) Agence de presse Xinhua : Quelles attentes ?\nLin Jian : De grandes attentes.",
    );
    assert_eq!(
        shape(&fr),
        [
            "AFP→AFP",
            "Reuters→Reuters",
            "Agence de presse Xinhua→Xinhua"
        ]
    );
}

#[test]
fn circled_and_chinese_numbers_before_labels_are_list_markers() {
    let zh = one(
        "2024年5月8日外交部发言人林剑主持例行记者会\n①路透社记者：会谈下周是否恢复？\n林剑：双方保持沟通。\n② 彭博社记者：访问是否已经确定？\n林剑：我没有可以提供的信息。\n一、法新社记者：你对报道有何评论？\n林剑：我们注意到了。\n（二）问：中方有何回应？\n答：我们坚决反对。\n⑴ 新华社记者：中方有何期待？\n林剑：注入新动力。",
    );
    assert_eq!(
        shape(&zh),
        [
            "路透社记者→Reuters",
            "彭博社记者→Bloomberg",
            "法新社记者→AFP",
            "问→-",
            "新华社记者→Xinhua"
        ]
    );
    let en = one("① Q: Will he come?\nA: Yes.\n② Q: When?\nA: Soon.");
    assert_eq!(shape(&en), ["Q→-", "Q→-"]);
}

// Class: answer labels by office, numbered pairs, bracketed labels, the outlet in parentheses.

#[test]
fn the_spokesperson_by_office_labels_an_answer() {
    for text in [
        "2024年5月8日外交部发言人林剑主持例行记者会\n法新社记者：你对报道有何评论？\n发言人：我们注意到了有关报道。",
        "Conférence de presse du 8 mai 2024 tenue par le porte-parole Lin Jian\nAFP : Un commentaire ?\nPorte-parole : Nous avons pris note du rapport.",
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 8, 2024\nAFP: Any comment?\nSpokesperson: We have noted the report.",
    ] {
        let c = one(text);
        assert_eq!(c.turns.len(), 1, "{text}");
        assert!(!c.turns[0].answer.is_empty(), "{text}");
        assert!(
            c.turns[0]
                .question
                .iter()
                .all(|q| !q.contains(':') && !q.contains('：')),
            "{text}"
        );
        assert_eq!(c.turns[0].speaker.as_deref(), Some("Lin Jian"), "{text}");
    }
}

#[test]
fn numbered_question_and_answer_pairs() {
    let zh = one(
        "问1：中方有何评论？\n答1：我们注意到了。\n问2：会谈何时举行？\n答2：我们会适时发布消息。",
    );
    assert_eq!(shape(&zh), ["问1→-", "问2→-"]);
    assert_eq!(zh.turns[1].answer, ["我们会适时发布消息。"]);
    let en = one(
        "Q1: Any comment?\nA1: We have noted it.\nQ 2: When will the talks be held?\nA 2: In due course.",
    );
    assert_eq!(shape(&en), ["Q1→-", "Q 2→-"]);
    let fr =
        one("Q1 : Un commentaire ?\nR1 : Nous l'avons noté.\nQ2 : Quand ?\nR2 : En temps voulu.");
    assert_eq!(shape(&fr), ["Q1→-", "Q2→-"]);
}

#[test]
fn bracketed_labels_with_or_without_a_colon() {
    let zh = one(
        "【问】中方有何评论？\n【答】我们注意到了。\n【问】：会谈何时举行？\n【答】：我们会适时发布消息。",
    );
    assert_eq!(shape(&zh), ["问→-", "问→-"]);
    assert_eq!(zh.turns[0].question, ["中方有何评论？"]);
    assert_eq!(zh.turns[1].answer, ["我们会适时发布消息。"]);
    let en = one("[Q] Any comment?\n[A] We have noted it.\n[Q]: When?\n[A]: In due course.");
    assert_eq!(shape(&en), ["Q→-", "Q→-"]);
    // A bracketed word that is no label stays text.
    let photo =
        one("Q: Any comment?\nA: We have noted it.\n[Photo] The spokesperson at the podium.");
    assert_eq!(photo.turns[0].answer.len(), 2);
}

#[test]
fn the_outlet_in_parentheses_after_a_question_label() {
    let zh = one(
        "问（法新社）：中方有何评论？\n答：我们注意到了。\n问(路透社)：会谈何时举行？\n答：适时发布。",
    );
    assert_eq!(shape(&zh), ["问（法新社）→AFP", "问(路透社)→Reuters"]);
    let en = one(
        "Q (AFP): Any comment?\nA: We have noted it.\nQ (Bloomberg): When?\nA: In due course.\nReuters (follow-up): And then?\nA: Nothing more.",
    );
    assert_eq!(
        shape(&en),
        [
            "Q (AFP)→AFP",
            "Q (Bloomberg)→Bloomberg",
            "Reuters (follow-up)→Reuters+"
        ]
    );
    let fr = one(
        "Question (Reuters) : Un commentaire ?\nR : Aucun.\nJournaliste (AFP) : Quand ?\nR : Bientôt.",
    );
    assert_eq!(
        shape(&fr),
        ["Question (Reuters)→Reuters", "Journaliste (AFP)→AFP"]
    );
}

// Class: Markdown emphasis around labels; a long text read as one turn is warned about.

#[test]
fn markdown_bold_labels_are_labels() {
    let en = one(
        "## Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on June 18, 2024\n\n**Bloomberg:** Will the talks resume?\n\n**Mao Ning:** The two sides stay in communication.\n\n**Q:** Any comment on the report?\n\n__A:__ We have noted it.\n\n**Reuters**: When will he visit?\n\n**Mao Ning**: In due course.",
    );
    assert_eq!(
        shape(&en),
        ["Bloomberg→Bloomberg", "Q→-", "Reuters→Reuters"]
    );
    assert_eq!(en.date.as_deref(), Some("2024-06-18"));
    assert_eq!(en.turns[1].answer, ["We have noted it."]);
    let fr = one(
        "**AFP :** La visite aura-t-elle lieu ?\n**Mao Ning :** Oui.\n**Reuters :** Quand ?\n**Mao Ning :** Bientôt.",
    );
    assert_eq!(shape(&fr), ["AFP→AFP", "Reuters→Reuters"]);
    let zh = one(
        "**法新社记者：**中方有何评论？\n**毛宁：**我们注意到了。\n**中方对会谈有何期待？**\n毛宁：希望取得成果。",
    );
    assert_eq!(shape(&zh), ["法新社记者→AFP", "→-"]);
}

#[test]
fn a_long_text_read_as_one_turn_is_warned_about() {
    let text = "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on June 18, 2024\n~Bloomberg~ Will the talks resume?\nThe two sides stay in communication.\n~Reuters~ Any comment on the report?\nWe have noted it.\n~AFP~ When will he visit?\nIn due course.";
    let p = parse(text);
    assert_eq!(p.conferences[0].turns.len(), 1);
    assert!(
        p.warnings.iter().any(|w| w.message.contains("single turn")),
        "{:?}",
        p.warnings
    );
    let short = parse(
        "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on June 18, 2024\nGood afternoon. The minister will visit Laos.",
    );
    assert!(
        short
            .warnings
            .iter()
            .all(|w| !w.message.contains("single turn"))
    );
}

// Class: colons inside a sentence are no labels.

#[test]
fn a_known_outlet_inside_a_sentence_is_no_label() {
    let en = one(
        "Reuters: Have you read the report?\nLin Jian: We read the article. The Washington Post: has it ever checked the facts? We doubt it.\nAFP: Any comment?\nLin Jian: No.",
    );
    assert_eq!(shape(&en), ["Reuters→Reuters", "AFP→AFP"]);
    assert!(en.turns[0].answer[0].contains("The Washington Post: has it"));
    let en = one(
        "Reuters: Have you read the report?\nLin Jian: We read it.\nThe Washington Post: has it ever checked the facts? We doubt it.\nAFP: Any comment?\nLin Jian: No.",
    );
    assert_eq!(shape(&en), ["Reuters→Reuters", "AFP→AFP"]);
}

#[test]
fn lower_case_words_before_a_colon_are_no_labels() {
    let fr = one(
        "AFP : Quelle est la position de la Chine ?\nMao Ning : La Chine reste attachée\nà : premièrement, la souveraineté ; deuxièmement, le dialogue.\nReuters : Le ministre viendra-t-il ?\nMao Ning : J'ai bien noté vos deux\nquestions : la première porte sur le commerce.",
    );
    assert_eq!(shape(&fr), ["AFP→AFP", "Reuters→Reuters"]);
    // The lines broken mid-sentence read as one sentence again.
    assert_eq!(
        fr.turns[0].answer,
        ["La Chine reste attachée à : premièrement, la souveraineté ; deuxièmement, le dialogue."]
    );
    assert_eq!(
        fr.turns[1].answer,
        ["J'ai bien noté vos deux questions : la première porte sur le commerce."]
    );
}

// Class: outlets named with their country in front.

#[test]
fn outlets_with_their_country_in_front_resolve() {
    let zh = one(
        "土耳其阿纳多卢通讯社记者：中方对停火有何评论？\n毛宁：我们欢迎停火。\n日本共同社记者：会谈何时举行？\n毛宁：适时发布。\n英国路透社记者：是否证实？\n毛宁：不掌握。",
    );
    assert_eq!(
        shape(&zh),
        [
            "土耳其阿纳多卢通讯社记者→Anadolu Agency",
            "日本共同社记者→Kyodo News",
            "英国路透社记者→Reuters"
        ]
    );
    let en = one(
        "Turkey's Anadolu Agency: Any comment on the ceasefire?\nMao Ning: We welcome it.\nJapanese broadcaster NHK: When will the talks be held?\nMao Ning: In due course.\nRussia's TASS: Can you confirm?\nMao Ning: I'm not aware of it.",
    );
    assert_eq!(
        shape(&en),
        [
            "Turkey's Anadolu Agency→Anadolu Agency",
            "Japanese broadcaster NHK→NHK",
            "Russia's TASS→TASS"
        ]
    );
    let fr = one(
        "L'agence turque Anadolu : Un commentaire sur le cessez-le-feu ?\nMao Ning : Nous le saluons.\nLa chaîne publique japonaise NHK : Quand ?\nMao Ning : En temps voulu.\nl'agence de presse russe TASS : Pouvez-vous confirmer ?\nMao Ning : Non.",
    );
    assert_eq!(
        shape(&fr),
        [
            "L'agence turque Anadolu→Anadolu Agency",
            "La chaîne publique japonaise NHK→NHK",
            "l'agence de presse russe TASS→TASS"
        ]
    );
    // The name itself is tried first: `The Paper` and `Global Times` stay themselves,
    // and an unknown outlet keeps its label.
    let own =
        one("The Paper: Any comment?\nMao Ning: No.\nTurkish Daily Nowhere: And?\nMao Ning: No.");
    assert_eq!(
        shape(&own),
        [
            "The Paper→The Paper",
            "Turkish Daily Nowhere→Turkish Daily Nowhere"
        ]
    );
}

#[test]
fn an_outlet_named_with_its_country_in_the_question() {
    let c = one("Q: Je suis de l'agence turque Anadolu. La visite aura-t-elle lieu ?\nR : Oui.");
    assert_eq!(shape(&c), ["Q→Anadolu Agency"]);
    let c = one("问：我是土耳其阿纳多卢通讯社记者。访问会如期举行吗？\n答：会。");
    assert_eq!(shape(&c), ["问→Anadolu Agency"]);
}

// Class: a paragraph saying the questions after it came after the conference.

#[test]
fn a_sentence_on_its_own_marks_the_questions_after_it_as_after_the_conference() {
    for text in [
        "2024年5月8日外交部发言人林剑主持例行记者会\n法新社记者：有何评论？\n林剑：没有。\n会后，有记者问及以下问题：\n问：中方是否证实？\n答：不掌握。\n问：会谈何时举行？\n答：适时发布。",
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 8, 2024\nAFP: Any comment?\nLin Jian: No.\nThe following questions were raised after the press conference.\nQ: Can you confirm?\nA: I'm not aware.\nQ: When will the talks be held?\nA: In due course.",
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 8, 2024\nAFP: Any comment?\nLin Jian: No.\nThe following questions were raised after the press conference:\nReuters: Can you confirm?\nLin Jian: I'm not aware.\nQ: When will the talks be held?\nA: In due course.",
        "Conférence de presse du 8 mai 2024 tenue par le porte-parole Lin Jian\nAFP : Un commentaire ?\nLin Jian : Non.\nAprès la conférence de presse, les questions suivantes ont été posées :\nQ : Pouvez-vous confirmer ?\nR : Non.\nQ : Quand ?\nR : En temps voulu.",
    ] {
        let c = one(text);
        assert_eq!(c.turns.len(), 3, "{text}: {:#?}", c.turns);
        let after: Vec<bool> = c.turns.iter().map(|t| t.after_conference).collect();
        assert_eq!(after, [false, true, true], "{text}");
        assert!(c.turns.iter().all(|t| !t.answer.is_empty()), "{text}");
        let all = format!("{:?}", c.turns);
        assert!(
            !all.contains("会后") && !all.contains("raised") && !all.contains("Après"),
            "{text}"
        );
    }
    // The phrase as a label with its question behind it is that question.
    let c = one("Q: Any comment?\nA: No.\n会后，有记者问及：中方是否证实？\n答：不掌握。");
    assert_eq!(shape(&c), ["Q→-", "会后，有记者问及→-"]);
    assert!(c.turns[1].after_conference);
}

// Class: share, print and copyright lines at the end are not the last answer's.

#[test]
fn boilerplate_after_the_last_answer_is_left_out() {
    for (text, last) in [
        (
            "法新社记者：有何评论？\n毛宁：我们注意到了。\n【打印】【关闭】\n责任编辑：张三",
            "我们注意到了。",
        ),
        (
            "问：有何评论？\n答：我们注意到了。\n分享到：微信 微博 QQ空间\n（责任编辑：李四）\n相关报道\n外交部：中方坚决反对",
            "我们注意到了。",
        ),
        (
            "AFP: Any comment?\nMao Ning: We have noted it.\nPrint | Close\nRelated news\nChina urges the US to stop arms sales",
            "We have noted it.",
        ),
        (
            "AFP: Any comment?\nMao Ning: We have noted it.\nShare: Facebook Twitter Email\nAll rights reserved. Reproduction forbidden.",
            "We have noted it.",
        ),
        (
            "AFP : Un commentaire ?\nMao Ning : Nous l'avons noté.\nImprimer | Partager\nÀ lire aussi\nLa Chine dénonce les sanctions",
            "Nous l'avons noté.",
        ),
        (
            "AFP : Un commentaire ?\nMao Ning : Nous l'avons noté.\n© 2024 Le Quotidien. Tous droits réservés.",
            "Nous l'avons noté.",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.turns.len(), 1, "{text}");
        assert_eq!(c.turns[0].answer, [last], "{text}");
    }
}

// Class: the conference's date from a lead sentence or a dateline, not the reprint's date.

#[test]
fn a_lead_sentence_gives_the_conference_date() {
    for (text, date) in [
        (
            "China urges restraint\nPublished: 2023-03-04 09:12\nForeign Ministry Spokesperson Wang Wenbin hosted the regular press conference on March 3, 2023.\nAFP: Any comment on the report?\nWang Wenbin: We have noted it.",
            "2023-03-03",
        ),
        (
            "La Chine appelle à la retenue\nPublié le 4 mars 2023\nLe porte-parole du ministère des Affaires étrangères a tenu le 3 mars 2023 la conférence de presse régulière.\nAFP : Un commentaire ?\nWang Wenbin : Nous l'avons noté.",
            "2023-03-03",
        ),
        (
            // The year from the page's date line.
            "外交部发言人汪文斌3月3日主持例行记者会\n发布时间：2023-03-04 08:00\n法新社记者：有何评论？\n汪文斌：我们注意到了。",
            "2023-03-03",
        ),
        (
            "中方呼吁克制\n发布时间：2023-03-04 08:00\n外交部发言人汪文斌3月3日主持例行记者会，回答了中外记者提问。\n法新社记者：有何评论？\n汪文斌：我们注意到了。",
            "2023-03-03",
        ),
        (
            "China urges restraint\nUpdated: 2023-03-04\nForeign Ministry Spokesperson Wang Wenbin hosted the regular press conference on March 3.\nAFP: Any comment on the report?\nWang Wenbin: We have noted it.",
            "2023-03-03",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.date.as_deref(), Some(date), "{text}");
        assert_eq!(shape(&c).len(), 1, "{text}: {:?}", shape(&c));
        assert!(!shape(&c).contains(&"S".to_string()), "{text}");
    }
}

#[test]
fn a_dateline_gives_the_conference_date() {
    for (text, date) in [
        (
            "China urges restraint\n2023-03-04 10:15\nBEIJING, March 3 (Xinhua) -- The following is the transcript of the regular press conference.\nAFP: Any comment?\nWang Wenbin: We have noted it.",
            "2023-03-03",
        ),
        (
            "La Chine appelle à la retenue\nPublié le 4 mars 2023\nPÉKIN, 3 mars (Xinhua) --\nAFP : Un commentaire ?\nWang Wenbin : Nous l'avons noté.",
            "2023-03-03",
        ),
        (
            "中方呼吁克制\n2023-03-04 10:15\n新华社北京3月3日电 外交部发言人汪文斌回答了记者提问。\n法新社记者：有何评论？\n汪文斌：我们注意到了。",
            "2023-03-03",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.date.as_deref(), Some(date), "{text}");
    }
}

// Class: text pasted from a PDF.

#[test]
fn a_pdf_paste_is_joined_back_as_it_reads() {
    let en = one(
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press\nConference on March 3, 2023\n\nAFP: What is China's comment on the report that the two sides\nwill resume talks next week?\nWang Wenbin: We have noted the report. China and the EU will continue to strengthen coopera-\n\n- 3 -\n\ntion in trade and investment, and we hope the talks\nwill be productive.\nReuters: Will the minister attend?\nWang Wenbin: I have no information to offer.\nPage 4 of 7\n",
    );
    assert_eq!(en.date.as_deref(), Some("2023-03-03"));
    assert_eq!(en.spokesperson.as_deref(), Some("Wang Wenbin"));
    assert_eq!(shape(&en), ["AFP→AFP", "Reuters→Reuters"]);
    assert_eq!(
        en.turns[0].question,
        ["What is China's comment on the report that the two sides will resume talks next week?"]
    );
    assert_eq!(
        en.turns[0].answer,
        [
            "We have noted the report. China and the EU will continue to strengthen cooperation in trade and investment, and we hope the talks will be productive."
        ]
    );
    assert_eq!(en.turns[1].answer, ["I have no information to offer."]);
    let fr = one(
        "Conférence de presse du 3 mars 2023 tenue par le porte-parole du\nministère des Affaires étrangères Wang Wenbin\nAFP : La Chine et l'Union européenne vont-elles reprendre les négocia-\ntions la semaine prochaine ?\nWang Wenbin : Nous avons pris note de ces informations et nous espérons\nque les discussions seront fructueuses.\n3\nReuters : Le ministre sera-t-il présent ?\nWang Wenbin : Je n'ai pas d'information à ce sujet.",
    );
    assert_eq!(fr.spokesperson.as_deref(), Some("Wang Wenbin"));
    assert_eq!(shape(&fr), ["AFP→AFP", "Reuters→Reuters"]);
    assert_eq!(
        fr.turns[0].question,
        [
            "La Chine et l'Union européenne vont-elles reprendre les négociations la semaine prochaine ?"
        ]
    );
    assert_eq!(fr.turns[0].answer.len(), 1, "{:?}", fr.turns[0].answer);
}

#[test]
fn a_chinese_pdf_paste_wrapped_at_a_fixed_width_is_joined_back() {
    let zh = one(
        "2023年3月3日外交部发言人汪文斌主持例\n行记者会\n法新社记者：有报道称，中欧双方将于下周恢复经贸磋商，并就投资协定\n的后续安排交换意见。中方能否证实？\n汪文斌：我们注意到有关报道。中方愿同欧方一道，继续加强在贸易和投资\n领域的合作，推动双边关系持续健康稳定发展，为世界经济复苏注入更多\n确定性和正能量。\n第 3 页 共 7 页\n路透社记者：部长是否会出席有关会议？请问中方对此有何安排和考虑？\n汪文斌：我目前没有可以提供的信息，中方将适时发布相关消息，请大家\n保持关注。",
    );
    assert_eq!(zh.date.as_deref(), Some("2023-03-03"));
    assert_eq!(shape(&zh), ["法新社记者→AFP", "路透社记者→Reuters"]);
    assert_eq!(zh.turns[0].question.len(), 1, "{:?}", zh.turns[0].question);
    assert_eq!(zh.turns[0].answer.len(), 1, "{:?}", zh.turns[0].answer);
    assert!(zh.turns[0].answer[0].contains("在贸易和投资领域的合作"));
    assert_eq!(zh.turns[1].answer.len(), 1, "{:?}", zh.turns[1].answer);
}

#[test]
fn a_text_with_a_paragraph_a_line_is_left_as_it_is() {
    let c = one(
        "AFP: Any comment on the report\nA: No.\nReuters: Will the minister attend?\nWang Wenbin: The minister will attend the meeting\nas announced earlier.\nI have nothing more to add.",
    );
    assert_eq!(shape(&c), ["AFP→AFP", "Reuters→Reuters"]);
    assert_eq!(c.turns[0].question, ["Any comment on the report"]);
    assert_eq!(
        c.turns[1].answer,
        [
            "The minister will attend the meeting as announced earlier.",
            "I have nothing more to add."
        ]
    );
}

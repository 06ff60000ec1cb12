//! A small corpus in three languages, Chinese included, built from `Conference` values for the browser's tests.

use super::action::Action;
use super::app::{App, Source};
use crate::corpus::Entry;
use crate::model::{Conference, Turn};
use crate::outlets::Outlets;

pub(crate) fn q(asker: &str, outlet: Option<&str>, question: &str, answer: &[&str]) -> Turn {
    let mut t = Turn::question(
        asker.into(),
        outlet.map(String::from),
        vec![question.into()],
    );
    t.answer = answer.iter().map(|s| (*s).to_string()).collect();
    t
}

fn conf(id: &str, language: &str, spokesperson: &str, title: &str, turns: Vec<Turn>) -> Conference {
    let mut c: Conference = serde_json::from_value(serde_json::json!({
        "id": id, "date": &id[..10], "language": language, "spokesperson": spokesperson, "title": title
    }))
    .expect("fixture conference");
    c.turns = turns;
    c
}

/// Three conferences, newest first: French, Chinese, English.
pub(crate) fn conferences() -> Vec<Conference> {
    let mut follow = q(
        "AFP",
        Some("AFP"),
        "Une question de suivi : le Cambodge a-t-il répondu ?",
        &["Je n'ai pas d'information à ce sujet."],
    );
    follow.follow_up = true;
    vec![
        conf(
            "2025-07-29-fr",
            "fr",
            "Guo Jiakun",
            "Conférence de presse du 29 juillet 2025 tenue par le porte-parole Guo Jiakun",
            vec![
                Turn::statement(Some("Guo Jiakun".into()), vec!["À l'invitation du gouvernement, le ministre effectuera une visite officielle.".into()]),
                q("Shenzhen TV", Some("Shenzhen TV"), "La Conférence mondiale sur l'IA 2025 s'est ouverte. Quel est votre commentaire ?", &["La Conférence mondiale sur l'intelligence artificielle est une plateforme de coopération internationale."]),
                q("Agence France-Presse", Some("AFP"), "Aujourd'hui, l'armée thaïlandaise a accusé le Cambodge d'avoir violé le cessez-le-feu. Quelle est la position de la Chine ?", &["Ces derniers jours, la communauté internationale, en particulier la Malaisie, a fait des efforts pour la paix.", "La Chine soutient le dialogue et la sécurité régionale."]),
                follow,
                q("Bloomberg", Some("Bloomberg"), "Le Financial Times rapporte des discussions commerciales. Pouvez-vous confirmer ?", &["Je vous renvoie aux autorités compétentes."]),
            ],
        ),
        conf(
            "2025-07-28-zh",
            "zh",
            "Guo Jiakun",
            "2025年7月28日外交部发言人郭嘉昆主持例行记者会",
            vec![
                q("总台央视记者", Some("CCTV"), "据报道，第二届中国—中亚峰会即将举行。你能否介绍有关情况？", &["中方高度重视同中亚国家的关系，愿同各方一道，推动构建更加紧密的命运共同体。双方将在峰会期间签署多项合作文件，涵盖经贸、能源、交通、人文等领域。"]),
                q("法新社记者", Some("AFP"), "关于台湾问题，中方有何回应？", &["台湾是中国领土不可分割的一部分。我们敦促有关方面恪守一个中国原则，停止向“台独”分裂势力发出错误信号。"]),
            ],
        ),
        conf(
            "2025-07-25-en",
            "en",
            "Lin Jian",
            "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on July 25, 2025",
            vec![
                q("Reuters", Some("Reuters"), "Can you confirm the dates of the visit?", &["We will release information in due course."]),
                q("AFP", Some("AFP"), "What is China's response to the new tariffs announced yesterday?", &["China firmly opposes unilateral tariffs. There are no winners in a trade war."]),
            ],
        ),
    ]
}

/// A browser over the fixture at `width`×`height`, as after start-up.
pub(crate) fn app(width: u16, height: u16) -> App {
    app_over(conferences(), width, height)
}

/// A browser over `confs` at `width`×`height`, as after start-up.
pub(crate) fn app_over(confs: Vec<Conference>, width: u16, height: u16) -> App {
    let entries = confs.iter().map(Entry::of).collect();
    app_of(confs, entries, width, height)
}

/// A browser over `confs` (listed as `entries`) at `width`×`height`, as after start-up.
pub(crate) fn app_of(confs: Vec<Conference>, entries: Vec<Entry>, width: u16, height: u16) -> App {
    let mut app = App::new(
        Source::Memory(confs),
        entries,
        Vec::new(),
        Vec::new(),
        Outlets::builtin(),
    );
    app.update(Action::Resize(width, height));
    app
}

/// Answers every query the app asked for, in order, as the search worker would (and those
/// the answers lead to); returns the app's other effects, the answers' included.
pub(super) fn pump(app: &mut App, index: &crate::search::SearchIndex) -> Vec<super::app::Effect> {
    let mut others = Vec::new();
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return others;
        }
        for e in effects {
            if let super::app::Effect::Submit(generation, q) = e {
                let outcome = index.search(&q).map_err(|e| e.to_string());
                app.update(Action::Delivered(super::action::Delivery {
                    generation,
                    outcome,
                }));
            } else {
                others.push(e);
            }
        }
    }
}

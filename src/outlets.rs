//! The alias table that maps a printed asker label to a canonical outlet.
//!
//! The table ships in `assets/outlets.tsv` (compiled into the binary); a user
//! file with the same format in the config directory adds to it or overrides it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const BUILTIN: &str = include_str!("../assets/outlets.tsv");

/// Canonical name in the table that means "this label names no outlet".
const ANONYMOUS: &str = "~";

/// What a label resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// A known outlet, by canonical name.
    Outlet(String),
    /// A label that names nobody (`Q`, `问`, `Journaliste`).
    Anonymous,
    /// Not in the table.
    Unknown,
}

/// Alias table: normalised alias → canonical name (or [`ANONYMOUS`]).
#[derive(Debug, Clone)]
pub struct Outlets {
    aliases: HashMap<String, String>,
    canonical: Vec<String>,
}

impl Default for Outlets {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Outlets {
    /// The table shipped in `assets/`.
    pub fn builtin() -> Self {
        let mut o = Outlets {
            aliases: HashMap::new(),
            canonical: Vec::new(),
        };
        // The bundled table is tested; a malformed line there is a build bug, not user input.
        o.extend_from(BUILTIN, Path::new("assets/outlets.tsv"))
            .unwrap_or_default();
        o
    }

    /// The shipped table plus `<config dir>/briefings/outlets.tsv` when present.
    /// Returns the table and a problem with the user file, if any, to report.
    pub(crate) fn with_user_file() -> (Self, Option<String>) {
        let mut o = Self::builtin();
        let Some(path) = user_file() else {
            return (o, None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let warn = o.extend_from(&text, &path).err();
                (o, warn)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (o, None),
            Err(e) => (o, Some(format!("{}: cannot read: {e}", path.display()))),
        }
    }

    /// Adds the lines of a table; later entries override earlier ones.
    /// Malformed lines are skipped and the first is reported as `PATH:LINE: message`.
    pub(crate) fn extend_from(&mut self, text: &str, path: &Path) -> Result<(), String> {
        let mut first_error = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t').map(str::trim).filter(|f| !f.is_empty());
            let Some(canonical) = fields.next() else {
                continue;
            };
            let aliases: Vec<&str> = fields.collect();
            if aliases.is_empty()
                && canonical != ANONYMOUS
                && line.contains(char::is_whitespace)
                && !line.contains('\t')
            {
                first_error.get_or_insert_with(|| {
                    format!(
                        "{}:{}: expected tab-separated fields: canonical name, then aliases",
                        path.display(),
                        n + 1
                    )
                });
                continue;
            }
            if canonical != ANONYMOUS && !self.canonical.iter().any(|c| c == canonical) {
                self.canonical.push(canonical.to_string());
            }
            for alias in std::iter::once(canonical).chain(aliases) {
                if alias != ANONYMOUS {
                    self.aliases.insert(normalise(alias), canonical.to_string());
                }
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Resolves a printed label.
    pub(crate) fn resolve(&self, label: &str) -> Resolved {
        for key in candidates(label) {
            if let Some(c) = self.aliases.get(&key) {
                return if c == ANONYMOUS {
                    Resolved::Anonymous
                } else {
                    Resolved::Outlet(c.clone())
                };
            }
        }
        Resolved::Unknown
    }

    /// The outlet for an asker label: the canonical name, `None` for
    /// anonymous labels, and the label itself (tidied) for outlets the table
    /// does not know yet, so they can still be followed.
    pub(crate) fn outlet_for(&self, label: &str) -> Option<String> {
        match self.resolve(label) {
            Resolved::Outlet(c) => Some(c),
            Resolved::Anonymous => None,
            Resolved::Unknown => {
                let tidy = label.split_whitespace().collect::<Vec<_>>().join(" ");
                (!tidy.is_empty()).then_some(tidy)
            }
        }
    }

    /// Every spelling the table knows (normalised: lowercase, unaccented, no spaces or
    /// punctuation) with its canonical outlet, anonymous labels left out.
    pub(crate) fn spellings(&self) -> impl Iterator<Item = (&str, &str)> {
        self.aliases
            .iter()
            .filter(|(_, c)| c.as_str() != ANONYMOUS)
            .map(|(a, c)| (a.as_str(), c.as_str()))
    }

    /// `name` as the table keys its spellings (see [`Outlets::spellings`]).
    pub(crate) fn spelling_key(name: &str) -> String {
        normalise(name)
    }

    /// The canonical name a user means when typing `outlet:NAME`: an alias or
    /// canonical name (any case); else the input itself, so unknown outlets still filter.
    pub(crate) fn canonical_for_query(&self, name: &str) -> String {
        match self.resolve(name) {
            Resolved::Outlet(c) => c,
            _ => self
                .canonical
                .iter()
                .find(|c| c.eq_ignore_ascii_case(name.trim()))
                .cloned()
                .unwrap_or_else(|| name.trim().to_string()),
        }
    }
}

fn user_file() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("briefings").join("outlets.tsv"))
}

/// The keys to try for a label: whole, without a "reporter" suffix, inside 《》; then the
/// outlet in parentheses and the name before them (`Q (AFP)`, `英国广播公司（BBC）记者`); then
/// the label without the country or the kind of outlet in front (`土耳其阿纳多卢通讯社记者`,
/// `Turkey's Anadolu Agency`, `l'agence turque Anadolu`).
fn candidates(label: &str) -> Vec<String> {
    let mut out = Vec::new();
    forms(label, &mut out);
    if let Some(body) = label.trim().strip_suffix([')', '）'])
        && let Some(open) = body.rfind(['(', '（'])
    {
        forms(body[open..].trim_start_matches(['(', '（']), &mut out);
        forms(&body[..open], &mut out);
    }
    for bare in without_origin(label) {
        forms(bare, &mut out);
    }
    out
}

/// `label` whole, without a "reporter" suffix, and inside 《》, as keys.
fn forms(label: &str, out: &mut Vec<String>) {
    let whole = normalise(label);
    if whole.is_empty() {
        return;
    }
    out.push(whole.clone());
    for suffix in [
        "驻华记者",
        "驻京记者",
        "记者",
        "reporter",
        "journalist",
        "correspondent",
        "journaliste",
    ] {
        if let Some(stripped) = whole.strip_suffix(suffix)
            && !stripped.is_empty()
        {
            out.push(stripped.to_string());
        }
    }
    if let (Some(a), Some(b)) = (label.find('《'), label.find('》'))
        && a < b
    {
        out.push(normalise(&label[a + '《'.len_utf8()..b]));
    }
}

/// Countries and regions printed before a Chinese outlet's name (`土耳其阿纳多卢通讯社`).
const ZH_ORIGINS: &[&str] = &[
    "阿根廷",
    "澳大利亚",
    "巴西",
    "加拿大",
    "法国",
    "德国",
    "印度尼西亚",
    "印尼",
    "印度",
    "意大利",
    "日本",
    "韩国",
    "墨西哥",
    "俄罗斯",
    "沙特阿拉伯",
    "沙特",
    "南非",
    "土耳其",
    "英国",
    "美国",
    "欧盟",
    "欧洲",
    "西班牙",
    "荷兰",
    "比利时",
    "瑞士",
    "瑞典",
    "挪威",
    "丹麦",
    "芬兰",
    "波兰",
    "奥地利",
    "希腊",
    "葡萄牙",
    "爱尔兰",
    "新西兰",
    "新加坡",
    "马来西亚",
    "泰国",
    "越南",
    "菲律宾",
    "巴基斯坦",
    "孟加拉国",
    "斯里兰卡",
    "尼泊尔",
    "蒙古",
    "朝鲜",
    "哈萨克斯坦",
    "乌兹别克斯坦",
    "伊朗",
    "伊拉克",
    "以色列",
    "埃及",
    "卡塔尔",
    "阿联酋",
    "尼日利亚",
    "肯尼亚",
    "埃塞俄比亚",
    "古巴",
    "智利",
    "秘鲁",
    "哥伦比亚",
    "委内瑞拉",
    "乌克兰",
    "白俄罗斯",
    "中国香港",
    "香港",
    "中国澳门",
    "澳门",
    "中国",
];

/// Words in front of a Latin-script outlet's name that say where it is from or what it is
/// (`Turkish`, `state broadcaster`, `l'agence de presse japonaise`), accents folded.
const ORIGIN_WORDS: &[&str] = &[
    // Articles and small words.
    "the",
    "le",
    "la",
    "les",
    "l",
    "de",
    "du",
    "d",
    "des",
    "a",
    "an",
    "un",
    "une",
    // Kinds of outlet.
    "agency",
    "news",
    "press",
    "wire",
    "service",
    "broadcaster",
    "newspaper",
    "daily",
    "outlet",
    "media",
    "television",
    "tv",
    "radio",
    "channel",
    "network",
    "public",
    "state",
    "state-run",
    "state-owned",
    "official",
    "national",
    "agence",
    "presse",
    "chaine",
    "quotidien",
    "journal",
    "hebdomadaire",
    "publique",
    "officielle",
    "officiel",
    "nationale",
    "etat",
    "privee",
    "prive",
    // Nationalities of the G20 and frequent askers, English then French (both genders).
    "argentine",
    "argentinian",
    "australian",
    "brazilian",
    "canadian",
    "french",
    "german",
    "indian",
    "indonesian",
    "italian",
    "japanese",
    "korean",
    "south",
    "mexican",
    "russian",
    "saudi",
    "african",
    "turkish",
    "british",
    "uk",
    "us",
    "u.s.",
    "american",
    "european",
    "spanish",
    "dutch",
    "swiss",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "polish",
    "austrian",
    "greek",
    "portuguese",
    "irish",
    "singaporean",
    "malaysian",
    "thai",
    "vietnamese",
    "filipino",
    "pakistani",
    "bangladeshi",
    "iranian",
    "iraqi",
    "israeli",
    "egyptian",
    "qatari",
    "emirati",
    "nigerian",
    "kenyan",
    "cuban",
    "chilean",
    "peruvian",
    "colombian",
    "venezuelan",
    "ukrainian",
    "kazakh",
    "mongolian",
    "argentin",
    "australien",
    "australienne",
    "bresilien",
    "bresilienne",
    "canadien",
    "canadienne",
    "francais",
    "francaise",
    "allemand",
    "allemande",
    "indien",
    "indienne",
    "indonesien",
    "indonesienne",
    "italien",
    "italienne",
    "japonais",
    "japonaise",
    "coreen",
    "coreenne",
    "sud-coreen",
    "sud-coreenne",
    "mexicain",
    "mexicaine",
    "russe",
    "saoudien",
    "saoudienne",
    "sud-africain",
    "sud-africaine",
    "turc",
    "turque",
    "britannique",
    "americain",
    "americaine",
    "europeen",
    "europeenne",
    "espagnol",
    "espagnole",
    "neerlandais",
    "neerlandaise",
    "suisse",
    "suedois",
    "suedoise",
    "norvegien",
    "norvegienne",
    "danois",
    "danoise",
    "polonais",
    "polonaise",
    "grec",
    "grecque",
    "portugais",
    "portugaise",
    "singapourien",
    "singapourienne",
    "malaisien",
    "malaisienne",
    "thailandais",
    "thailandaise",
    "vietnamien",
    "vietnamienne",
    "philippin",
    "philippine",
    "pakistanais",
    "pakistanaise",
    "iranien",
    "iranienne",
    "israelien",
    "israelienne",
    "egyptien",
    "egyptienne",
    "qatarie",
    "cubain",
    "cubaine",
    "ukrainien",
    "ukrainienne",
    "kazakhe",
];

/// The label without what its first words say of the outlet's country and kind, each shorter
/// form in turn: `Turkey's Anadolu Agency` → `Anadolu Agency`; `土耳其阿纳多卢通讯社记者` →
/// `阿纳多卢通讯社记者`. Only tried after the whole label, so `The Paper` stays itself.
fn without_origin(label: &str) -> Vec<&str> {
    let t = label.trim();
    let mut out: Vec<&str> = ZH_ORIGINS
        .iter()
        .filter_map(|c| t.strip_prefix(c))
        .map(|rest| rest.trim_start_matches(['的', ' ']))
        .filter(|rest| !rest.is_empty())
        .collect();
    let mut rest = t;
    loop {
        let word_end = rest
            .find(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let mut next = rest[word_end..].trim_start_matches(['\'', '’']);
        // `Turkey's`: a possessive names where the outlet is from.
        let possessive = next.starts_with(['s', 'S'])
            && next[1..].starts_with(char::is_whitespace)
            && rest[word_end..].starts_with(['\'', '’']);
        if possessive {
            next = &next[1..];
        }
        let folded: String = word.to_lowercase().chars().map(fold_accent).collect();
        if !(possessive || ORIGIN_WORDS.contains(&folded.as_str())) || word.is_empty() {
            break;
        }
        rest = next.trim_start();
        if rest.is_empty() {
            break;
        }
        out.push(rest);
    }
    out
}

/// Lowercase, accents folded, spacing, quotes and 《》 removed.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '《' | '》' | '"' | '“' | '”' | '\'' | '’' | '«' | '»' | '.' | '-' | '‐'
                )
        })
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_in_three_languages_meet() {
        let o = Outlets::builtin();
        for label in ["AFP", "Agence France-Presse", "法新社记者", "afp"] {
            assert_eq!(o.outlet_for(label).as_deref(), Some("AFP"), "{label}");
        }
        for label in [
            "总台央视记者",
            "中央广播电视总台央视记者",
            "CCTV reporter",
            "CCTV",
        ] {
            assert_eq!(o.outlet_for(label).as_deref(), Some("CCTV"), "{label}");
        }
        assert_eq!(
            o.outlet_for("Agence de presse Xinhua").as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            o.outlet_for("巴西《圣保罗页报》记者").as_deref(),
            Some("Folha de S.Paulo")
        );
        assert_eq!(
            o.outlet_for("《中国日报》记者").as_deref(),
            Some("China Daily")
        );
    }

    #[test]
    fn broadcasters_and_agencies_known_in_three_languages() {
        let o = Outlets::builtin();
        for (label, want) in [
            ("丹麦广播公司记者", "DR"),
            ("RT TV", "RT"),
            ("今日俄罗斯电视台记者", "RT"),
            ("Deutsche Welle", "DW"),
            ("德国之声记者", "DW"),
            ("Radio France Internationale", "RFI"),
            ("Agence de presse Yonhap", "Yonhap"),
            ("澳大利亚广播公司记者", "ABC Australia"),
            ("Saudi Press Agency", "SPA"),
            ("南非广播公司记者", "SABC"),
            ("土耳其广播电视台记者", "TRT"),
            ("La Presse canadienne", "Canadian Press"),
            ("美国之音记者", "VOA"),
        ] {
            assert_eq!(o.outlet_for(label).as_deref(), Some(want), "{label}");
        }
    }

    #[test]
    fn anonymous_labels_name_no_outlet() {
        let o = Outlets::builtin();
        for label in ["Q", "问", "追问", "Journaliste", "Follow-up", "問"] {
            assert_eq!(o.outlet_for(label), None, "{label}");
        }
    }

    #[test]
    fn unknown_outlets_keep_their_label() {
        let o = Outlets::builtin();
        assert_eq!(
            o.outlet_for("Radio  Nowhere").as_deref(),
            Some("Radio Nowhere")
        );
    }

    #[test]
    fn user_lines_override_and_bad_lines_are_reported() {
        let mut o = Outlets::builtin();
        let err = o
            .extend_from("AFP\tMy AFP\nbad line without tabs\n", Path::new("u.tsv"))
            .unwrap_err();
        assert_eq!(
            err,
            "u.tsv:2: expected tab-separated fields: canonical name, then aliases"
        );
        assert_eq!(o.outlet_for("my afp").as_deref(), Some("AFP"));
    }

    #[test]
    fn query_names_resolve_to_canonical() {
        let o = Outlets::builtin();
        assert_eq!(o.canonical_for_query("afp"), "AFP");
        assert_eq!(o.canonical_for_query("kyodo"), "Kyodo News");
        assert_eq!(o.canonical_for_query("Nowhere"), "Nowhere");
    }
}

//! Who speaks: outlets drawn with a skewed (Zipf-like) frequency, and spokespersons by era.

use super::rng::Rng;

/// Outlets from most to least frequent, each with the labels French transcripts print for it.
/// The first label is the usual one; the others appear now and then.
const OUTLETS: &[&[&str]] = &[
    &["CCTV"],
    &["AFP", "AFP", "AFP", "Agence France-Presse"],
    &["Reuters"],
    &["Bloomberg"],
    &[
        "Agence de presse Xinhua",
        "Agence de presse Xinhua",
        "Agence Xinhua",
    ],
    &["China News Service"],
    &["Global Times"],
    &["Kyodo News"],
    &["NHK"],
    &["The Paper"],
    &["Phoenix TV"],
    &["TASS"],
    &["Shenzhen TV"],
    &["RIA Novosti"],
    &["Yonhap"],
    &["Al Jazeera"],
    &["Anadolu Agency"],
    &["Rudaw"],
];

/// Spokespersons in the order they took the podium.
const SPOKESPERSONS: &[&str] = &[
    "Kong Quan",
    "Zhang Qiyue",
    "Liu Jianchao",
    "Qin Gang",
    "Jiang Yu",
    "Ma Zhaoxu",
    "Hong Lei",
    "Hua Chunying",
    "Lu Kang",
    "Geng Shuang",
    "Zhao Lijian",
    "Wang Wenbin",
    "Mao Ning",
    "Lin Jian",
    "Guo Jiakun",
];

/// Picks outlet labels: outlet of rank r (1-based) with weight 1 / r^1.2,
/// so CCTV asks about forty times as often as Rudaw.
#[derive(Debug, Clone)]
pub struct OutletPicker {
    cumulative: Vec<f64>,
}

impl Default for OutletPicker {
    fn default() -> Self {
        let mut total = 0.0;
        let cumulative = (1..=OUTLETS.len())
            .map(|r| {
                total += 1.0 / (r as f64).powf(1.2);
                total
            })
            .collect();
        OutletPicker { cumulative }
    }
}

impl OutletPicker {
    /// One asker label, as printed before ` : `.
    pub fn pick(&self, rng: &mut Rng) -> &'static str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let rank = self
            .cumulative
            .partition_point(|c| *c <= x)
            .min(OUTLETS.len() - 1);
        rng.pick(OUTLETS[rank])
    }
}

/// The spokesperson of conference `i` of `count`: the era's holder, sometimes the next one
/// (terms overlap), so every spokesperson appears and the order stays historical.
pub fn spokesperson(i: usize, count: usize, rng: &mut Rng) -> &'static str {
    let era = i * SPOKESPERSONS.len() / count.max(1);
    let era = if rng.chance(0.3) {
        (era + 1).min(SPOKESPERSONS.len() - 1)
    } else {
        era
    };
    SPOKESPERSONS[era]
}

#[cfg(test)]
mod tests {
    use super::super::rng::Rng;
    use super::{OutletPicker, spokesperson};

    #[test]
    fn outlets_are_skewed_and_spokespersons_follow_history() {
        let p = OutletPicker::default();
        let mut rng = Rng::new(3);
        let labels: Vec<&str> = (0..20_000).map(|_| p.pick(&mut rng)).collect();
        let count = |l: &str| labels.iter().filter(|x| **x == l).count();
        assert!(
            count("CCTV") > 10 * count("Rudaw"),
            "{} vs {}",
            count("CCTV"),
            count("Rudaw")
        );
        assert!(count("Rudaw") > 0 && count("Agence France-Presse") > 0);
        assert!(["Kong Quan", "Zhang Qiyue"].contains(&spokesperson(0, 100, &mut Rng::new(1))));
        assert_eq!(spokesperson(99, 100, &mut rng), "Guo Jiakun");
    }
}

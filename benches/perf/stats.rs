//! Medians and percentiles of timing samples.

/// Nearest-rank percentile (`p` in 0–100) of unsorted samples; `NaN` when there are none.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median (lower middle for an even count, so it is always a measured value).
pub fn median(samples: &[f64]) -> f64 {
    percentile(samples, 50.0)
}

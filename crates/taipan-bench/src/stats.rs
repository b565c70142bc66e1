//! Summary statistics over a handful of timings: median, min, max, spread and geometric mean.
//!
//! The harness takes few samples (5 by default), so it reports robust, simple figures rather
//! than means and standard deviations: the median of the runs, the min–max range, and the
//! spread `(max - min) / median` as a fraction. Ratios between implementations are combined
//! with the geometric mean, the usual way to average speedups (a 2× win and a 2× loss cancel).
//! Non-finite or non-positive inputs are ignored rather than poisoning a result.

/// Median, range and spread of a set of samples, all in the samples' unit (seconds here).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Middle sample; the mean of the two middle ones for an even count.
    pub median: f64,
    /// Smallest sample.
    pub min: f64,
    /// Largest sample.
    pub max: f64,
    /// `(max - min) / median`, a unitless fraction (0.05 = 5 %).
    pub spread: f64,
}

/// Summarises `samples`, ignoring NaN and infinite values; `None` when none remain.
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let mid = n / 2;
    let median = if n % 2 == 1 {
        *sorted.get(mid)?
    } else {
        (*sorted.get(mid - 1)? + *sorted.get(mid)?) / 2.0
    };
    let min = *sorted.first()?;
    let max = *sorted.last()?;
    let spread = if median > 0.0 { (max - min) / median } else { 0.0 };
    Some(Summary {
        median,
        min,
        max,
        spread,
    })
}

/// Geometric mean of the positive, finite values; `None` when there are none.
pub fn geomean(values: &[f64]) -> Option<f64> {
    let logs: Vec<f64> = values
        .iter()
        .copied()
        .filter(|x| x.is_finite() && *x > 0.0)
        .map(f64::ln)
        .collect();
    if logs.is_empty() {
        return None;
    }
    let count = logs.len() as f64;
    Some((logs.iter().sum::<f64>() / count).exp())
}

/// Median of arbitrary values (used for the machine-wide noise figure); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    summarize(values).map(|s| s.median)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_count_median_and_range() {
        let s = summarize(&[3.0, 1.0, 2.0]).expect("non-empty");
        assert_eq!(s.median, 2.0);
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 3.0);
        assert_eq!(s.spread, 1.0);
    }

    #[test]
    fn even_count_median_is_mean_of_middle() {
        let s = summarize(&[4.0, 1.0, 2.0, 3.0]).expect("non-empty");
        assert_eq!(s.median, 2.5);
    }

    #[test]
    fn ignores_non_finite_samples() {
        assert!(summarize(&[f64::NAN, f64::INFINITY]).is_none());
        let s = summarize(&[f64::NAN, 5.0]).expect("one sample");
        assert_eq!(s.median, 5.0);
        assert_eq!(s.spread, 0.0);
    }

    #[test]
    fn geomean_of_reciprocals_is_one() {
        let g = geomean(&[2.0, 0.5]).expect("non-empty");
        assert!((g - 1.0).abs() < 1e-12);
        assert!(geomean(&[]).is_none());
        assert!(geomean(&[0.0, -1.0]).is_none());
        let g = geomean(&[4.0, 0.0, 1.0]).expect("zero ignored");
        assert!((g - 2.0).abs() < 1e-12);
    }
}

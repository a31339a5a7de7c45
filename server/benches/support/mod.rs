//! What the benchmarks share: the percentiles of the latencies they measured.

use std::time::Duration;

/// The `p`-th percentile (0.0–1.0) of `sorted` in milliseconds (nearest rank).
pub fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1);
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

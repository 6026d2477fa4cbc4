//! Small numeric rules every engine shares: arithmetic conventions, and the standard normal
//! distribution ([`normal`]) that the closed forms, the deployment copula and the quasi-random
//! paths all draw on. Finance lives in the engines.

pub mod normal;

/// a ÷ b, or 0 when b is 0 (a share of nothing is reported as nothing, not NaN).
pub fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// Sorts a short list in place, stably: an insertion sort, so that equal items keep their
/// order, as with `slice::sort_by`. For lists of tens of items (phases, parties, a ramp's
/// ends, a warrant's tranches; a portfolio's few thousand parties at most): std's sort adds
/// about 4 KB of Wasm for each type and comparison it is used with, which the core build's
/// 80 KB gzip budget and the simulation build's download cannot carry, and on lists this
/// short it is no faster. The simulation's percentiles, over every path, keep std's sort.
pub fn sort_short<T: Copy>(list: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..list.len() {
        let item = list[i];
        let mut j = i;
        while j > 0 && less(&item, &list[j - 1]) {
            list[j] = list[j - 1];
            j -= 1;
        }
        list[j] = item;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sort_is_stable_and_agrees_with_std() {
        // Pairs sorted by their first number only: the second shows the order kept.
        let mut state = 7u64;
        for len in 0..40 {
            let list: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((state >> 60) as u8, i)
                })
                .collect();
            let (mut ours, mut std) = (list.clone(), list);
            sort_short(&mut ours, |a, b| a.0 < b.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{len} items");
        }
    }

    #[test]
    fn a_share_of_nothing_is_nothing() {
        assert_eq!(ratio(3.0, 0.0), 0.0);
        assert_eq!(ratio(3.0, 2.0), 1.5);
    }
}

//! Sorting machine words by value with an LSD radix sort (the cycle collector's snapshot of
//! object addresses, `gc.rs`).
//!
//! Only the bits that differ between the words are sorted on (`or ^ and` of all of them),
//! in digits of [`DIGIT_BITS`] bits, least significant first; each pass is a stable
//! counting sort into a second buffer. For 100,000 heap addresses that vary in about 24
//! bits this is 3 passes of a count and a scatter, against the ~17 levels of comparisons
//! of a quicksort (bm_float, session 20: the collector's `sort_unstable` was 80% of its
//! time).

/// Bits per digit: 2^11 counters (16 KiB) fit in the L1 cache.
const DIGIT_BITS: u32 = 11;

/// Below this length a comparison sort is cheaper than the counting passes.
const SMALL: usize = 256;

/// Sorts `words` ascending (not stable: equal words are indistinguishable anyway).
pub fn sort_words(words: &mut Vec<u64>) {
    sort_by_word(words, |&w| w);
}

/// Sorts `items` ascending by `key` (a word per item; items with equal keys keep their
/// order). The cycle collector sorts object pointers by address (`key`: `p.addr()`), which
/// keeps the pointers themselves (and their provenance) in the vector.
pub fn sort_by_word<T: Copy + Default>(words: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if words.len() < SMALL {
        words.sort_by_key(&key);
        return;
    }
    let (or, and) = words
        .iter()
        .map(&key)
        .fold((0u64, u64::MAX), |(o, a), w| (o | w, a & w));
    let varying = or ^ and;
    if varying == 0 {
        return;
    }
    let low = varying.trailing_zeros();
    let high = 64 - varying.leading_zeros();
    let mut src = std::mem::take(words);
    let mut dst = vec![T::default(); src.len()];
    let mut shift = low;
    let mask = (1u64 << DIGIT_BITS) - 1;
    let mut counts = vec![0usize; 1 << DIGIT_BITS];
    while shift < high {
        counts.fill(0);
        for w in &src {
            let d = ((key(w) >> shift) & mask) as usize;
            if let Some(c) = counts.get_mut(d) {
                *c += 1;
            }
        }
        let mut total = 0usize;
        for c in counts.iter_mut() {
            let n = *c;
            *c = total;
            total += n;
        }
        for &w in &src {
            let d = ((key(&w) >> shift) & mask) as usize;
            if let Some(c) = counts.get_mut(d) {
                if let Some(slot) = dst.get_mut(*c) {
                    *slot = w;
                }
                *c += 1;
            }
        }
        std::mem::swap(&mut src, &mut dst);
        shift += DIGIT_BITS;
    }
    *words = src;
}

#[cfg(test)]
mod tests {
    use super::sort_words;

    fn check(mut v: Vec<u64>) {
        let mut want = v.clone();
        want.sort_unstable();
        sort_words(&mut v);
        assert_eq!(v, want);
    }

    #[test]
    fn sorts_like_sort_unstable() {
        check(Vec::new());
        check(vec![5, 3, 9]);
        // heap-like addresses: 16-aligned, spread over a few MiB, with duplicates
        let mut x: u64 = 0x1234_5678;
        let mut v = Vec::new();
        for _ in 0..5000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            v.push(0x7f00_0000_0000 + ((x >> 20) & 0x3f_fff0));
        }
        v.extend_from_slice(&v.clone()[..100]);
        check(v.clone());
        // all bits varying, and words all equal
        check(v.iter().map(|w| w.wrapping_mul(0x9e37_79b9_7f4a_7c15)).collect());
        check(vec![42; 1000]);
    }
}

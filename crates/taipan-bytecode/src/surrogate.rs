//! How taipan's UTF-8 `str` holds lone surrogates (design: docs/decisions/str-surrogates.md).
//!
//! Python strs are sequences of code points U+0000..U+10FFFF *including* the surrogates
//! U+D800..U+DFFF (made by `chr(0xD800)`, `'\ud800'`, or decoding with `surrogateescape` /
//! `surrogatepass`). Rust's `str` cannot hold surrogates, so taipan stores the surrogate
//! U+D800+k as the Plane-16 private-use code point U+10F800+k (the last 2048 code points),
//! its *stand-in*. Every generic string algorithm (length, slicing, find, split, hashing
//! of equal strings, equality) then works unchanged; the mapping is undone wherever a code
//! point value becomes visible: `ord`/`chr`, `repr`/`ascii`, ordering comparisons, codecs,
//! writing to streams. Genuine U+10F800..U+10FFFF characters cannot be represented: they
//! are taken as the surrogate of the same offset (a documented limitation).

/// First stand-in code point: U+10F800 stands for U+D800.
pub const STANDIN_BASE: u32 = 0x10_F800;

/// First surrogate code point.
pub const SURROGATE_FIRST: u32 = 0xD800;

/// Last surrogate code point.
pub const SURROGATE_LAST: u32 = 0xDFFF;

/// True for a surrogate code point U+D800..U+DFFF.
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (SURROGATE_FIRST..=SURROGATE_LAST).contains(&cp)
}

/// True when `c` is the stand-in of a lone surrogate.
#[inline]
pub fn is_standin(c: char) -> bool {
    u32::from(c) >= STANDIN_BASE
}

/// The Python code point of a stored char (`ord`): stand-ins map back to U+D800..U+DFFF.
#[inline]
pub fn code_point(c: char) -> u32 {
    let n = u32::from(c);
    if n >= STANDIN_BASE {
        n - STANDIN_BASE + SURROGATE_FIRST
    } else {
        n
    }
}

/// The stored char for a Python code point (`chr`): surrogates become their stand-in,
/// anything else its own char. `None` beyond U+10FFFF. U+10F800..U+10FFFF map to
/// themselves, i.e. they read back as surrogates (the limitation).
#[inline]
pub fn char_for(cp: u32) -> Option<char> {
    if is_surrogate(cp) {
        char::from_u32(cp - SURROGATE_FIRST + STANDIN_BASE)
    } else {
        char::from_u32(cp)
    }
}

/// True when the text holds at least one stand-in (UTF-8 lead bytes F4 8F A0..BF).
pub fn has_standin(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.contains(&0xF4) {
        return false;
    }
    b.windows(3).any(|w| matches!(w, [0xF4, 0x8F, 0xA0..=0xBF]))
}

/// Compares two strs by Python code points (stand-ins order as U+D800..U+DFFF).
///
/// UTF-8 byte order is code point order, so only the first differing character matters:
/// find the first differing byte, back up to the start of its character (the common
/// prefix has the same character boundaries in both strings) and compare the two
/// characters' Python code points. One pass over the common prefix, no allocation.
pub fn cmp_code_points(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let mut common = 0;
    for (x, y) in a.as_bytes().chunks(32).zip(b.as_bytes().chunks(32)) {
        if x == y {
            common += x.len();
        } else {
            common += x.iter().zip(y).take_while(|(p, q)| p == q).count();
            break;
        }
    }
    let mut start = common;
    while start > 0 && !a.is_char_boundary(start) {
        start -= 1;
    }
    let first = |s: &str| s.get(start..).and_then(|t| t.chars().next());
    match (first(a), first(b)) {
        (Some(c), Some(d)) => code_point(c).cmp(&code_point(d)),
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for cp in [0u32, 0x41, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0x10_F7FF] {
            let c = char_for(cp).unwrap_or('?');
            assert_eq!(code_point(c), cp);
        }
        assert!(char_for(0x11_0000).is_none());
        assert!(is_standin(char_for(0xD800).unwrap_or('a')));
    }

    #[test]
    fn ordering() {
        let s = String::from(char_for(0xD800).unwrap_or('a'));
        assert!(has_standin(&s));
        assert!(!has_standin("\u{10F7FF}abc"));
        assert_eq!(cmp_code_points(&s, "\u{E000}"), std::cmp::Ordering::Less);
        assert_eq!(cmp_code_points(&s, "\u{D7FF}"), std::cmp::Ordering::Greater);
        assert_eq!(cmp_code_points("a", "b"), std::cmp::Ordering::Less);
        assert_eq!(cmp_code_points("ab", "ab"), std::cmp::Ordering::Equal);
        assert_eq!(cmp_code_points("ab", "abc"), std::cmp::Ordering::Less);
        assert_eq!(cmp_code_points("x\u{e9}", "x\u{e8}z"), std::cmp::Ordering::Greater);
        assert_eq!(cmp_code_points("\u{10f7ff}", "\u{10f800}"), std::cmp::Ordering::Greater);
        let t = format!("k{s}");
        assert_eq!(cmp_code_points(&t, "k\u{ffff}"), std::cmp::Ordering::Less);
        assert_eq!(cmp_code_points(&t, "k\u{d7ff}"), std::cmp::Ordering::Greater);
    }
}

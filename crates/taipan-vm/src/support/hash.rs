//! CPython-compatible `hash()` values for numbers, strings, bytes, tuples and frozensets.
//!
//! Sources of the algorithms: CPython `Python/pyhash.c`, `Objects/longobject.c`
//! (`long_hash`), `Objects/tupleobject.c` (`tuplehash`), `Objects/setobject.c`
//! (`frozenset_hash`), `Objects/complexobject.c` (`complex_hash`), all as of 3.11, 64-bit.
//!
//! - Numbers hash by value modulo the Mersenne prime `P = 2**61 - 1`: a rational `n/d`
//!   hashes to `n * d**-1 mod P`, with the sign of the number applied afterwards, so
//!   `hash(2) == hash(2.0)` and `hash(0.5) == hash(Fraction(1, 2))`. For a float
//!   `m * 2**e` that is `m * 2**(e mod 61) mod P` because `2**61 == 1 (mod P)`.
//!   `±inf` hash to `±314159`; a NaN hashes by object identity (3.10+).
//! - No hash is ever -1 (CPython's error value): -1 becomes -2.
//! - Tuples use the xxHash64-based combination of 3.8+; frozensets XOR a bit-shuffled
//!   version of each element hash (so the result is independent of the table layout).
//! - str and bytes use SipHash-1-3 over the bytes of CPython's internal representation
//!   (Latin-1, UCS-2 or UCS-4, little-endian, chosen by the largest code point), so
//!   `hash('a') == hash(b'a')` as in CPython. CPython draws a random 128-bit key per
//!   process; we use the all-zero key, which is exactly what CPython uses under
//!   `PYTHONHASHSEED=0`, so our str/bytes hashes (and set/dict orders that depend on
//!   them) equal `PYTHONHASHSEED=0 python3`. Empty str/bytes hash to 0.

use dashu_int::IBig;
use dashu_int::ops::UnsignedAbs;

use super::int::PyInt;

/// The hash modulus `2**61 - 1` (`sys.hash_info.modulus`).
pub const MODULUS: u64 = (1 << 61) - 1;
/// Number of bits of [`MODULUS`].
const MODULUS_BITS: u32 = 61;
/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314_159;
/// Multiplier of the imaginary part in `hash(complex)` (`sys.hash_info.imag`).
pub const HASH_IMAG: u64 = 1_000_003;

/// Maps CPython's reserved error value -1 to -2.
fn fix_minus_one(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// Applies a sign to a residue in `[0, P)` and fixes -1.
fn signed_residue(negative: bool, r: u64) -> i64 {
    // r < 2^61, so the conversion is lossless.
    let v = r as i64;
    fix_minus_one(if negative { -v } else { v })
}

/// `hash(v)` for an int in `i64` range.
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    // (an int in [0, P) is its own hash, as CPython's `long_hash` of a one-digit int)
    if (v as u64) < MODULUS {
        return v;
    }
    signed_residue(v < 0, v.unsigned_abs() % MODULUS)
}

/// `hash(v)` for a big int (any size).
pub fn hash_bigint(v: &IBig) -> i64 {
    let negative = v.sign() == dashu_int::Sign::Negative;
    let r: u64 = v.unsigned_abs() % MODULUS;
    signed_residue(negative, r)
}

/// `hash(v)` for a [`PyInt`].
pub fn hash_int(v: &PyInt) -> i64 {
    match v {
        PyInt::Small(s) => hash_i64(*s),
        PyInt::Big(b) => hash_bigint(b),
    }
}

/// `hash(b)` for a bool (same as the int 0 or 1).
pub fn hash_bool(b: bool) -> i64 {
    i64::from(b)
}

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits (`id` is the object's
/// identity as an address-like number).
pub fn hash_pointer(id: usize) -> i64 {
    let y = (id as u64).rotate_right(4);
    fix_minus_one(y as i64)
}

/// `hash(x)` for a float (CPython `_Py_HashDouble`). `id` is the identity of the float
/// object, used only for NaN (which hashes like `object.__hash__` since 3.10).
pub fn hash_f64(x: f64, id: usize) -> i64 {
    if x.is_nan() {
        return hash_pointer(id);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // |x| = m * 2^e exactly, m < 2^53 < P.
    let (m, e) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let shift = e.rem_euclid(i64::from(MODULUS_BITS)) as u32;
    let r = mul_pow2_mod(m, shift);
    signed_residue(negative, r)
}

/// `m * 2**shift mod P` for `m < P`, `shift < 61`: a rotation within 61 bits.
fn mul_pow2_mod(m: u64, shift: u32) -> u64 {
    let product = u128::from(m) << shift;
    (product % u128::from(MODULUS)) as u64
}

/// `hash(complex(re, im))`; `id` is used when a part is NaN.
pub fn hash_complex(re: f64, im: f64, id: usize) -> i64 {
    let hr = hash_f64(re, id) as u64;
    let hi = hash_f64(im, id) as u64;
    fix_minus_one(hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64)
}

/// `hash(t)` for a tuple, given the hashes of its items in order (CPython 3.8+ xxHash
/// based `tuplehash`).
pub fn hash_tuple<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    let mut len: u64 = 0;
    for h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
        len = len.wrapping_add(1);
    }
    acc = acc.wrapping_add(len ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// Spreads the bits of one element hash before it is XORed into a frozenset hash.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(frozenset(...))`, given the hashes of its (distinct) elements in any order.
pub fn hash_frozenset<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    let mut hash: u64 = 0;
    let mut len: u64 = 0;
    for h in item_hashes {
        hash ^= shuffle_bits(h as u64);
        len = len.wrapping_add(1);
    }
    hash ^= len.wrapping_add(1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

/// The 128-bit SipHash key. CPython's is random per process unless `PYTHONHASHSEED` is
/// set; ours defaults to zero (= `PYTHONHASHSEED=0`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HashKey {
    /// First key word.
    pub k0: u64,
    /// Second key word.
    pub k1: u64,
}

struct SipState {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
}

impl SipState {
    fn new(key: HashKey) -> Self {
        SipState {
            v0: key.k0 ^ 0x736f_6d65_7073_6575,
            v1: key.k1 ^ 0x646f_7261_6e64_6f6d,
            v2: key.k0 ^ 0x6c79_6765_6e65_7261,
            v3: key.k1 ^ 0x7465_6462_7974_6573,
        }
    }

    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v2 = self.v2.rotate_left(32);
    }

    /// One compression round (SipHash-1-3 has c = 1).
    fn absorb(&mut self, m: u64) {
        self.v3 ^= m;
        self.round();
        self.v0 ^= m;
    }

    /// Finalization with d = 3 rounds.
    fn finish(mut self) -> u64 {
        self.v2 ^= 0xff;
        self.round();
        self.round();
        self.round();
        self.v0 ^ self.v1 ^ self.v2 ^ self.v3
    }
}

/// SipHash-1-3 of a byte sequence given as an iterator (so str encodings need no buffer).
fn siphash13<I: Iterator<Item = u8>>(key: HashKey, bytes: I) -> u64 {
    let mut state = SipState::new(key);
    let mut block: u64 = 0;
    let mut filled: u32 = 0;
    let mut total: u64 = 0;
    for b in bytes {
        block |= u64::from(b) << (8 * filled);
        filled += 1;
        total = total.wrapping_add(1);
        if filled == 8 {
            state.absorb(block);
            block = 0;
            filled = 0;
        }
    }
    state.absorb(block | (total << 56));
    state.finish()
}

/// `hash(b)` for bytes/bytearray-like data with the given key.
pub fn hash_bytes_with_key(data: &[u8], key: HashKey) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13_slice(key, data) as i64)
}

/// [`siphash13`] over a byte slice, a little-endian 8-byte word at a time.
fn siphash13_slice(key: HashKey, data: &[u8]) -> u64 {
    let mut state = SipState::new(key);
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        state.absorb(u64::from_le_bytes(w));
    }
    // the last 0..=7 bytes, little-endian (a byte loop: a variable-length copy into a
    // buffer costs a memcpy call, most of the work for a short key)
    let block = chunks
        .remainder()
        .iter()
        .enumerate()
        .fold(0u64, |w, (i, &b)| w | (u64::from(b) << (8 * i)));
    state.absorb(block | ((data.len() as u64) << 56));
    state.finish()
}

/// `hash(b)` for bytes with the default (zero) key.
pub fn hash_bytes(data: &[u8]) -> i64 {
    hash_bytes_with_key(data, HashKey::default())
}

/// `hash(s)` for a str with the given key: SipHash-1-3 over CPython's compact
/// representation (1, 2 or 4 bytes per code point, by the largest code point).
pub fn hash_str_with_key(s: &str, key: HashKey) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return hash_bytes_with_key(s.as_bytes(), key);
    }
    // Python code points: a lone surrogate's stand-in hashes as U+D800..U+DFFF.
    let cp = taipan_bytecode::surrogate::code_point;
    let max = s.chars().map(cp).max().unwrap_or(0);
    let h = if max < 0x100 {
        siphash13(key, s.chars().map(|c| cp(c) as u8))
    } else if max < 0x1_0000 {
        siphash13(key, s.chars().flat_map(|c| (cp(c) as u16).to_le_bytes()))
    } else {
        siphash13(key, s.chars().flat_map(|c| cp(c).to_le_bytes()))
    };
    fix_minus_one(h as i64)
}

/// `hash(s)` for a str with the default (zero) key.
pub fn hash_str(s: &str) -> i64 {
    hash_str_with_key(s, HashKey::default())
}

/// A fast, non-cryptographic `std::hash::Hasher` for Rust-side tables keyed by short
/// program text (the VM's interned-string table). Not used for Python `hash()` values.
///
/// Algorithm: multiply-rotate over 8-byte words (the "Fx" scheme of the Firefox and rustc
/// hash tables), then a final xor-shift so that the low bits (hashbrown's bucket index)
/// depend on every input bit.
#[derive(Default, Clone, Copy)]
pub struct NameHasher(u64);

/// Odd multiplier with well-spread bits.
const NAME_MUL: u64 = 0x517c_c1b7_2722_0a95;

impl NameHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(NAME_MUL);
    }
}

impl std::hash::Hasher for NameHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(dst) = w.get_mut(..rest.len()) {
                dst.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::super::int::parse_int;
    use super::*;

    fn hi(s: &str) -> i64 {
        hash_int(&parse_int(s, 10, 0).expect("literal"))
    }

    // Expected values: `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'` (CPython 3.11).
    #[test]
    fn siphash_slice_matches_bytewise() {
        let data: Vec<u8> = (0u8..40).map(|b| b.wrapping_mul(37)).collect();
        for n in 0..data.len() {
            let d = &data[..n];
            assert_eq!(
                siphash13_slice(HashKey::default(), d),
                siphash13(HashKey::default(), d.iter().copied())
            );
        }
        assert_eq!(hash_str("abc"), hash_bytes(b"abc"));
    }

    #[test]
    fn ints() {
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hi("2305843009213693950"), 2305843009213693950);
        assert_eq!(hi("2305843009213693951"), 0);
        assert_eq!(hi("2305843009213693952"), 1);
        assert_eq!(hi("-2305843009213693952"), -2);
        assert_eq!(hash_i64(i64::MAX), 3);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hi("18446744073709551616"), 8);
        assert_eq!(hi("-18446744073709551613"), -5);
        assert_eq!(hi("1000000000000000000000000000000"), 465258685558744706);
        assert_eq!(hi("-1000000000000000000000000000000"), -465258685558744706);
        let two200 = PyInt::ONE.lshift(&PyInt::Small(200)).expect("shift");
        assert_eq!(hash_int(&two200.add(&PyInt::Small(12345))), 143417);
        assert_eq!(hash_bool(true), 1);
    }

    #[test]
    fn floats() {
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(-1.5, 0), -1152921504606846977);
        assert_eq!(hash_f64(0.1, 0), 230584300921369408);
        assert_eq!(hash_f64(-0.1, 0), -230584300921369408);
        assert_eq!(hash_f64(1e300, 0), 1224995262755759164);
        assert_eq!(hash_f64(5e-324, 0), 16777216);
        assert_eq!(hash_f64(1.5e-323, 0), 50331648);
        assert_eq!(hash_f64(1e-300, 0), 482449582752280463);
        assert_eq!(hash_f64(-0.0, 0), 0);
        assert_eq!(hash_f64(2f64.powi(61), 0), 1);
        assert_eq!(hash_f64(2f64.powi(62), 0), 2);
        assert_eq!(hash_f64(123456789.125, 0), 288230376275168533);
        assert_eq!(hash_f64(-1.0, 0), -2);
        assert_eq!(hash_f64(2f64.powi(-61), 0), 1);
        assert_eq!(hash_f64(f64::INFINITY, 0), 314159);
        assert_eq!(hash_f64(f64::NEG_INFINITY, 0), -314159);
        assert_eq!(hash_f64(f64::NAN, 0x1000), 0x100);
        assert_eq!(hash_f64(f64::NAN, 0xf), -1152921504606846976);
        // Integral floats hash like the equal int.
        for v in [3.0, -7.0, 1e15, 2f64.powi(63), -1e300] {
            let i = PyInt::from_f64(v).expect("finite");
            assert_eq!(hash_f64(v, 0), hash_int(&i), "{v}");
        }
        assert_eq!(hash_complex(1.0, 2.0, 0), 2000007);
        assert_eq!(hash_complex(0.0, 1.5, 0), 3458764513821540931);
        assert_eq!(hash_complex(-1.0, 0.0, 0), -2);
    }

    #[test]
    fn tuples_and_frozensets() {
        assert_eq!(hash_tuple([1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple([]), 5740354900026072187);
        assert_eq!(hash_tuple([1]), -6644214454873602895);
        assert_eq!(hash_tuple([1, 2, 3]), 529344067295497451);
        let inner = [hash_tuple([1, 2]), hash_tuple([3, 4])];
        assert_eq!(hash_tuple(inner), -1467267874458550984);
        assert_eq!(hash_tuple([hash_i64(-1)]), 8078679518589016365);
        assert_eq!(hash_tuple([hash_f64(0.5, 0), hash_str("x")]), -7055147765670147066);
        assert_eq!(hash_frozenset([1, 2]), -1826646154956904602);
        assert_eq!(hash_frozenset([2, 1]), -1826646154956904602);
        assert_eq!(hash_frozenset([]), 133146708735736);
        assert_eq!(hash_frozenset([1]), -558064481276695278);
        assert_eq!(hash_frozenset([hash_i64(-1)]), 6776983852052281967);
        assert_eq!(hash_frozenset(0..100), 4411996150312757951);
        let nested = [hash_frozenset([1]), 2];
        assert_eq!(hash_frozenset(nested), -1248503628839622056);
        assert_eq!(hash_frozenset([hash_str("a"), hash_str("b")]), 1679668661828516449);
    }

    #[test]
    fn strings_and_bytes() {
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_bytes(b""), 0);
        assert_eq!(hash_str("a"), 4644417185603328019);
        assert_eq!(hash_bytes(b"a"), 4644417185603328019);
        assert_eq!(hash_str("abc"), -4594863902769663758);
        assert_eq!(hash_str("abcdefgh"), 4574395652268504554);
        assert_eq!(hash_str("abcdefghi"), -532774252720507163);
        assert_eq!(hash_str("hello world, this is a longer string!"), 2736673927254547960);
        assert_eq!(hash_str("é"), 6047309291227476195);
        assert_eq!(hash_str("€"), -5529981157763016009);
        assert_eq!(hash_str("😀"), -3536540696076613844);
        assert_eq!(hash_str("aé"), -4100377394409680542);
        assert_eq!(hash_str("a€"), 5181483246891551849);
        assert_eq!(hash_str("a😀b"), -7541021549821082252);
        assert_eq!(hash_bytes(b"\xff\x00"), 7217110220190950386);
        let other = HashKey { k0: 1, k1: 2 };
        assert_ne!(hash_str_with_key("a", other), hash_str("a"));
        assert_eq!(hash_str_with_key("a", other), hash_bytes_with_key(b"a", other));
        assert_eq!(hash_str_with_key("", other), 0);
    }
}

//! Python `float` operations with CPython 3.11 semantics, independent of the object model.
//!
//! Covers what IEEE arithmetic alone does not give: floor division, modulo and `divmod`
//! with Python's sign rules, `**` with CPython's special cases, `round()` (half to even,
//! with `ndigits`), `is_integer`, `as_integer_ratio`, `hex`/`fromhex`, `float(str)` parsing,
//! and truncation to ints. Source of the behaviour: CPython `Objects/floatobject.c` and
//! `Python/pystrtod.c`.
//!
//! Algorithms:
//! - `%`/`//`/`divmod` start from C's exact `fmod` (Rust's `%` on `f64`) and adjust the
//!   sign of the remainder to the divisor's, as `float_divmod` does.
//! - `round(x, n)` is computed exactly: `x` is an integer times a power of two, so
//!   `x * 10**n` is rounded half-even with big integers, then divided back by `10**n` with
//!   one correct rounding. This equals CPython's dtoa-based `double_round`.
//! - `fromhex` builds the exact value as big integer times power of two and rounds once,
//!   half to even ([`ldexp`] is exact bit manipulation, also in the subnormal range).
//! - `float(str)` validates the Python grammar (underscores only between digits,
//!   `inf`/`infinity`/`nan` in any case) and hands the cleaned text to Rust's correctly
//!   rounded parser.

use std::borrow::Cow;

use dashu_int::ops::{BitTest, DivRem};
use dashu_int::{IBig, UBig};

use super::int::{NumError, NumResult, PyInt, is_ascii_space, overflow, to_ascii_numeric, value_err, zero_div};

/// `x / y`. Error: ZeroDivisionError "float division by zero".
pub fn truediv(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// `x % y` (result has the sign of `y`). Error: ZeroDivisionError "float modulo".
pub fn modulo(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(zero_div("float modulo"));
    }
    Ok(mod_nonzero(x, y))
}

fn mod_nonzero(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m == 0.0 {
        0.0f64.copysign(y)
    } else if (y < 0.0) != (m < 0.0) {
        m + y
    } else {
        m
    }
}

fn divmod_nonzero(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    // x - m is an exact multiple of y up to rounding; div is close to the true quotient.
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x // y`. Error: ZeroDivisionError "float floor division by zero".
pub fn floordiv(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(zero_div("float floor division by zero"));
    }
    Ok(divmod_nonzero(x, y).0)
}

/// `divmod(x, y)`. Error: ZeroDivisionError "float divmod()".
pub fn divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(zero_div("float divmod()"));
    }
    Ok(divmod_nonzero(x, y))
}

/// True when `y` is an odd integer (finite).
fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.abs() % 2.0 == 1.0
}

/// `x ** y` for floats (CPython `float_pow`). Errors: ZeroDivisionError "0.0 cannot be
/// raised to a negative power"; OverflowError "(34, 'Numerical result out of range')"
/// (CPython raises it with args `(34, 'Numerical result out of range')`);
/// [`NumError::ComplexResult`] for a negative base and non-integer exponent, where Python
/// returns a complex number.
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if x > 0.0 {
            if y > 0.0 { x } else { 0.0 }
        } else if y > 0.0 {
            if odd { x } else { -x }
        } else if odd {
            -0.0
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(NumError::ComplexResult);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(NumError::Overflow(Cow::Borrowed(
            "(34, 'Numerical result out of range')",
        )));
    }
    Ok(if negate { -r } else { r })
}

/// `x * 2**e`, correctly rounded (half to even) in the subnormal range; ±inf on overflow.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() || e == 0 {
        return x;
    }
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // x = m * 2^(exp) with m a 53-bit (or smaller, if subnormal) integer.
    let (m, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let r = scale_u64(m, exp.saturating_add(e));
    if negative { -r } else { r }
}

/// `m * 2**e` for an integer `m`, correctly rounded.
fn scale_u64(m: u64, e: i64) -> f64 {
    round_scaled(&UBig::from(m), e).unwrap_or(f64::INFINITY)
}

/// `m * 2**e` correctly rounded (half to even); `None` if it overflows.
pub(crate) fn round_scaled(m: &UBig, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bit_len() as i64;
    let top = bits.saturating_add(e) - 1; // m * 2^e lies in [2^top, 2^(top+1))
    if top > 1023 {
        return None;
    }
    if top < -1075 {
        return Some(0.0);
    }
    // Weight of the lowest bit we keep.
    let low = (top - 52).max(-1074);
    let shift = low - e;
    let q: u64 = if shift <= 0 {
        // Exact: fewer than 53 significant bits.
        u64::try_from(&(m << (shift.unsigned_abs() as usize))).ok()?
    } else {
        let s = shift as usize;
        let kept = u64::try_from(&(m >> s)).ok()?;
        let half_bit = m.bit(s - 1);
        let sticky = m.trailing_zeros().is_some_and(|tz| tz < s - 1);
        if half_bit && (sticky || kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    // q <= 2^53 and the exponent `low` is in [-1074, 971]: build the float from its bits.
    let q_bits = 64 - i64::from(q.leading_zeros());
    if low + q_bits > 1024 {
        return None;
    }
    Some(compose(q, low))
}

/// Exact `q * 2^low` where the result is representable (`q <= 2^53`, `low >= -1074`).
fn compose(mut q: u64, mut low: i64) -> f64 {
    if q == 0 {
        return 0.0;
    }
    // Normalize to a 53-bit mantissa when possible.
    while q < (1u64 << 52) && low > -1074 {
        q <<= 1;
        low -= 1;
    }
    while q >= (1u64 << 53) {
        q >>= 1; // only reached when q == 2^53 exactly, no bits lost
        low += 1;
    }
    if q < (1u64 << 52) {
        // Subnormal: low == -1074.
        return f64::from_bits(q);
    }
    let biased = (low + 1075) as u64;
    if biased >= 0x7ff {
        return f64::INFINITY;
    }
    f64::from_bits((biased << 52) | (q & ((1u64 << 52) - 1)))
}

/// Splits a finite, nonzero float into `(negative, mantissa, exponent)` with
/// `|x| = mantissa * 2**exponent` exactly.
fn decompose(x: f64) -> (bool, u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    (bits >> 63 == 1, m, e)
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `float.as_integer_ratio()`: lowest terms, positive denominator. Errors: OverflowError
/// "cannot convert Infinity to integer ratio", ValueError "cannot convert NaN to integer
/// ratio".
pub fn as_integer_ratio(x: f64) -> NumResult<(PyInt, PyInt)> {
    if x.is_infinite() {
        return Err(overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_err("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((PyInt::ZERO, PyInt::ONE));
    }
    let (negative, mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let signed = if negative { -(m as i128) } else { m as i128 };
    let num = PyInt::from_i128(signed);
    if e >= 0 {
        let n = PyInt::from_ibig(IBig::from(signed) << (e as usize));
        Ok((n, PyInt::ONE))
    } else {
        let d = PyInt::from_ibig(IBig::ONE << (e.unsigned_abs() as usize));
        Ok((num, d))
    }
}

/// `math.trunc(x)` / `int(x)`. Errors as [`PyInt::from_f64`].
pub fn trunc_to_int(x: f64) -> NumResult<PyInt> {
    PyInt::from_f64(x)
}

/// `math.floor(x)` for a float. Errors as [`PyInt::from_f64`].
pub fn floor_to_int(x: f64) -> NumResult<PyInt> {
    PyInt::from_f64(x.floor())
}

/// `math.ceil(x)` for a float. Errors as [`PyInt::from_f64`].
pub fn ceil_to_int(x: f64) -> NumResult<PyInt> {
    PyInt::from_f64(x.ceil())
}

/// Round half to even to an integral float.
fn round_half_even(x: f64) -> f64 {
    let r = x.round(); // half away from zero
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `round(x)` with no `ndigits`: nearest int, ties to even. Errors: OverflowError "cannot
/// convert float infinity to integer", ValueError "cannot convert float NaN to integer".
pub fn round_to_int(x: f64) -> NumResult<PyInt> {
    PyInt::from_f64(round_half_even(x))
}

/// `round(x, ndigits)` (CPython `float.__round__`): exact decimal rounding, half to even.
/// `ndigits` is the int argument saturated to `i64`. Error: OverflowError "rounded value
/// too large to represent".
pub fn round_ndigits(x: f64, ndigits: i64) -> NumResult<f64> {
    // Beyond these limits the result is x itself, or a zero of x's sign (CPython's
    // NDIGITS_MAX = 323 and NDIGITS_MIN = -308 for IEEE doubles).
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (negative, m, e) = decompose(x);
    let ten = UBig::from(10u8);
    let p = ten.pow(ndigits.unsigned_abs() as usize);
    // |x| * 10^ndigits = num / den exactly.
    let (mut num, mut den) = (UBig::from(m), UBig::ONE);
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= e.unsigned_abs() as usize;
    }
    if ndigits >= 0 {
        num *= &p;
    } else {
        den *= &p;
    }
    let (q, r) = (&num).div_rem(&den);
    let twice = r << 1;
    let round_up = twice > den || (twice == den && q.bit(0));
    let q = if round_up { q + UBig::ONE } else { q };
    let magnitude = if q.is_zero() {
        0.0
    } else if ndigits >= 0 {
        let n = PyInt::from_ibig(IBig::from(q));
        n.truediv(&PyInt::from_ibig(IBig::from(p)))
            .map_err(|_| overflow("rounded value too large to represent"))?
    } else {
        let v = q * p;
        round_scaled(&v, 0).ok_or_else(|| overflow("rounded value too large to represent"))?
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// `float.hex()`: `'0x1.999999999999ap-4'`, `'-0x0.0p+0'`, `'inf'`, `'nan'`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

/// `float.fromhex(s)`. Errors: ValueError "invalid hexadecimal floating-point string",
/// OverflowError "hexadecimal value too large to represent as a float".
pub fn from_hex(s: &str) -> NumResult<f64> {
    let invalid = || value_err("invalid hexadecimal floating-point string");
    let b = s.as_bytes();
    let mut i = 0;
    while b.get(i).copied().is_some_and(is_ascii_space) {
        i += 1;
    }
    let mut end = b.len();
    while end > i && b.get(end - 1).copied().is_some_and(is_ascii_space) {
        end -= 1;
    }
    let body = b.get(i..end).ok_or_else(invalid)?;
    let (negative, rest) = match body.first() {
        Some(b'-') => (true, body.get(1..).unwrap_or(&[])),
        Some(b'+') => (false, body.get(1..).unwrap_or(&[])),
        _ => (false, body),
    };
    if let Some(special) = parse_inf_nan(rest) {
        return Ok(if negative { -special } else { special });
    }
    let mut j = 0;
    if rest.len() >= 2 && rest[0] == b'0' && (rest[1] | 0x20) == b'x' {
        j = 2;
    }
    let mut digits = String::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    let mut any_digit = false;
    while let Some(&c) = rest.get(j) {
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if c.is_ascii_hexdigit() {
            any_digit = true;
            if !(digits.is_empty() && c == b'0') {
                digits.push(c as char);
            }
            if seen_point {
                frac_digits = frac_digits.saturating_add(1);
            }
        } else {
            break;
        }
        j += 1;
    }
    if !any_digit {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if let Some(&c) = rest.get(j) {
        if c | 0x20 != b'p' {
            return Err(invalid());
        }
        j += 1;
        let mut exp_negative = false;
        match rest.get(j) {
            Some(b'-') => {
                exp_negative = true;
                j += 1;
            }
            Some(b'+') => j += 1,
            _ => {}
        }
        let start = j;
        while let Some(&d) = rest.get(j) {
            if !d.is_ascii_digit() {
                break;
            }
            exp = exp.saturating_mul(10).saturating_add(i64::from(d - b'0'));
            j += 1;
        }
        if j == start || j != rest.len() {
            return Err(invalid());
        }
        if exp_negative {
            exp = -exp;
        }
    }
    let m = if digits.is_empty() {
        UBig::ZERO
    } else {
        UBig::from_str_radix(&digits, 16).map_err(|_| invalid())?
    };
    let e = exp.saturating_sub(frac_digits.saturating_mul(4));
    let v = round_scaled(&m, e).ok_or_else(|| overflow("hexadecimal value too large to represent as a float"))?;
    Ok(if negative { -v } else { v })
}

/// `inf`, `infinity` or `nan` in any case (no sign).
fn parse_inf_nan(s: &[u8]) -> Option<f64> {
    if s.eq_ignore_ascii_case(b"inf") || s.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if s.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// `float(s)` for a str: surrounding whitespace (Unicode too), Unicode decimal digits,
/// underscores between digits, `inf`/`infinity`/`nan` in any case with a sign. `None` if
/// invalid; build the exception with [`float_parse_error`].
pub fn parse_float(s: &str) -> Option<f64> {
    parse_float_bytes(&to_ascii_numeric(s))
}

/// `float(b)` for bytes: like [`parse_float`] on ASCII text.
pub fn parse_float_bytes(s: &[u8]) -> Option<f64> {
    let mut start = 0;
    let mut end = s.len();
    while start < end && is_ascii_space(*s.get(start)?) {
        start += 1;
    }
    while end > start && is_ascii_space(*s.get(end - 1)?) {
        end -= 1;
    }
    let body = s.get(start..end)?;
    let (negative, rest) = match body.first() {
        Some(b'-') => (true, body.get(1..)?),
        Some(b'+') => (false, body.get(1..)?),
        _ => (false, body),
    };
    if let Some(special) = parse_inf_nan(rest) {
        return Some(if negative { -special } else { special });
    }
    // Grammar: digits [. [digits]] | . digits, then optional exponent. Underscores only
    // between two digits.
    let mut clean = String::with_capacity(rest.len() + 1);
    if negative {
        clean.push('-');
    }
    let mut i = 0;
    let digit_at = |k: usize| rest.get(k).is_some_and(u8::is_ascii_digit);
    let scan_digits = |i: &mut usize, clean: &mut String| -> Option<usize> {
        let mut n = 0;
        while let Some(&c) = rest.get(*i) {
            if c.is_ascii_digit() {
                clean.push(c as char);
                n += 1;
            } else if c == b'_' {
                if n == 0 || !digit_at(*i + 1) {
                    return None;
                }
            } else {
                break;
            }
            *i += 1;
        }
        Some(n)
    };
    let mut mantissa_digits = scan_digits(&mut i, &mut clean)?;
    if rest.get(i) == Some(&b'.') {
        clean.push('.');
        i += 1;
        mantissa_digits += scan_digits(&mut i, &mut clean)?;
    }
    if mantissa_digits == 0 {
        return None;
    }
    if let Some(&c) = rest.get(i) {
        if c | 0x20 != b'e' {
            return None;
        }
        clean.push('e');
        i += 1;
        if let Some(&sign) = rest.get(i)
            && (sign == b'+' || sign == b'-')
        {
            clean.push(sign as char);
            i += 1;
        }
        if scan_digits(&mut i, &mut clean)? == 0 {
            return None;
        }
    }
    if i != rest.len() {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// The ValueError for a failed `float(s)`: "could not convert string to float: 'x'", where
/// `repr` is `repr()` of the original argument (not truncated).
pub fn float_parse_error(repr: &str) -> NumError {
    NumError::Value(Cow::Owned(format!("could not convert string to float: {repr}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(r: NumResult<f64>) -> Option<u64> {
        r.ok().map(f64::to_bits)
    }

    #[test]
    fn division_family() {
        assert_eq!(floordiv(7.0, 2.0), Ok(3.0));
        assert_eq!(floordiv(-7.0, 2.0), Ok(-4.0));
        assert_eq!(modulo(-7.0, 2.0), Ok(1.0));
        assert_eq!(modulo(7.0, -2.0), Ok(-1.0));
        assert_eq!(bits(modulo(-0.0, 5.0)), Some(0.0f64.to_bits()));
        assert_eq!(bits(modulo(0.0, -5.0)), Some((-0.0f64).to_bits()));
        assert_eq!(bits(modulo(4.0, -2.0)), Some((-0.0f64).to_bits()));
        // python3: -1e-100 % 1e100 == 1e100; divmod(1, 0.1) == (9.0, 0.09999999999999995)
        assert_eq!(modulo(-1e-100, 1e100), Ok(1e100));
        assert_eq!(divmod(1.0, 0.1), Ok((9.0, 0.09999999999999995)));
        assert_eq!(divmod(-1.0, 0.1), Ok((-10.0, 5.551115123125783e-17)));
        assert_eq!(floordiv(1.0, 0.1), Ok(9.0));
        let d = divmod(-0.0, 3.0).ok();
        assert_eq!(
            d.map(|(q, r)| (q.to_bits(), r.to_bits())),
            Some(((-0.0f64).to_bits(), 0))
        );
        assert_eq!(floordiv(5.0, f64::INFINITY), Ok(0.0));
        assert_eq!(floordiv(-5.0, f64::INFINITY), Ok(-1.0));
        assert!(floordiv(f64::INFINITY, 2.0).is_ok_and(f64::is_nan));
        assert_eq!(truediv(1.0, 0.0).unwrap_err().message(), "float division by zero");
        assert_eq!(
            floordiv(1.0, 0.0).unwrap_err().message(),
            "float floor division by zero"
        );
        assert_eq!(modulo(1.0, -0.0).unwrap_err().message(), "float modulo");
        assert_eq!(divmod(1.0, 0.0).unwrap_err().message(), "float divmod()");
    }

    #[test]
    fn powers() {
        assert_eq!(pow(f64::NAN, 0.0), Ok(1.0));
        assert_eq!(pow(1.0, f64::NAN), Ok(1.0));
        assert!(pow(2.0, f64::NAN).is_ok_and(f64::is_nan));
        assert_eq!(pow(0.5, f64::INFINITY), Ok(0.0));
        assert_eq!(pow(0.5, f64::NEG_INFINITY), Ok(f64::INFINITY));
        assert_eq!(pow(-1.0, f64::INFINITY), Ok(1.0));
        assert_eq!(pow(f64::NEG_INFINITY, 3.0), Ok(f64::NEG_INFINITY));
        assert_eq!(pow(f64::NEG_INFINITY, 2.0), Ok(f64::INFINITY));
        assert_eq!(bits(pow(f64::NEG_INFINITY, -3.0)), Some((-0.0f64).to_bits()));
        assert_eq!(bits(pow(-0.0, 3.0)), Some((-0.0f64).to_bits()));
        assert_eq!(bits(pow(-0.0, 2.0)), Some(0));
        let z = pow(0.0, -1.0).unwrap_err();
        assert_eq!(z.message(), "0.0 cannot be raised to a negative power");
        assert_eq!(z.type_name(), "ZeroDivisionError");
        assert!(pow(-0.0, -1.5).is_err());
        assert_eq!(pow(-8.0, 1.0 / 3.0), Err(NumError::ComplexResult));
        assert_eq!(pow(-2.0, 3.0), Ok(-8.0));
        assert_eq!(pow(-1.0, 1e300), Ok(1.0));
        assert_eq!(pow(2.0, -2000.0), Ok(0.0));
        let o = pow(10.0, 400.0).unwrap_err();
        assert_eq!(o.message(), "(34, 'Numerical result out of range')");
        assert_eq!(o.type_name(), "OverflowError");
        assert_eq!(pow(2.0, 0.5), Ok(std::f64::consts::SQRT_2));
    }

    #[test]
    fn rounding() {
        assert_eq!(round_ndigits(2.675, 2), Ok(2.67));
        assert_eq!(round_to_int(0.5), Ok(PyInt::ZERO));
        assert_eq!(round_to_int(1.5), Ok(PyInt::Small(2)));
        assert_eq!(round_to_int(2.5), Ok(PyInt::Small(2)));
        assert_eq!(round_to_int(-0.5), Ok(PyInt::ZERO));
        assert_eq!(round_to_int(-1.5), Ok(PyInt::Small(-2)));
        assert_eq!(round_to_int(0.49999999999999994), Ok(PyInt::ZERO));
        assert_eq!(round_to_int(4503599627370497.0), Ok(PyInt::Small(4503599627370497)));
        assert_eq!(
            round_to_int(f64::INFINITY).unwrap_err().message(),
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            round_to_int(f64::NAN).unwrap_err().message(),
            "cannot convert float NaN to integer"
        );
        assert_eq!(bits(round_ndigits(-0.5, 0)), Some((-0.0f64).to_bits()));
        assert_eq!(bits(round_ndigits(0.5, 0)), Some(0));
        assert_eq!(round_ndigits(1.5, 0), Ok(2.0));
        assert_eq!(round_ndigits(1e300, 400), Ok(1e300));
        assert_eq!(round_ndigits(1.23456, -1), Ok(0.0));
        assert_eq!(round_ndigits(f64::INFINITY, 2), Ok(f64::INFINITY));
        assert_eq!(round_ndigits(123.456, -400), Ok(0.0));
        assert_eq!(bits(round_ndigits(-123.456, -400)), Some((-0.0f64).to_bits()));
        assert_eq!(round_ndigits(5e-324, 400), Ok(5e-324));
        // Values from python3.
        assert_eq!(round_ndigits(0.125, 2), Ok(0.12));
        assert_eq!(round_ndigits(0.375, 2), Ok(0.38));
        assert_eq!(round_ndigits(1234.5678, -2), Ok(1200.0));
        assert_eq!(round_ndigits(1250.0, -2), Ok(1200.0));
        assert_eq!(round_ndigits(1350.0, -2), Ok(1400.0));
        assert_eq!(round_ndigits(5e-324, 323), Ok(0.0));
        assert_eq!(round_ndigits(1.5e-323, 323), Ok(1e-323));
        assert_eq!(round_ndigits(0.1 + 0.2, 15), Ok(0.3));
        assert_eq!(round_ndigits(1.7976931348623157e308, -300), Ok(1.79769313e308));
        assert_eq!(
            round_ndigits(1.7e308, -308).unwrap_err().message(),
            "rounded value too large to represent"
        );
        assert_eq!(round_ndigits(2.5e-308, 308), Ok(2e-308));
        assert_eq!(round_ndigits(-2.675, 2), Ok(-2.67));
        assert_eq!(round_ndigits(1e22, -22), Ok(1e22));
    }

    #[test]
    fn ratios_and_truncation() {
        assert_eq!(as_integer_ratio(1.5), Ok((PyInt::Small(3), PyInt::Small(2))));
        assert_eq!(
            as_integer_ratio(-0.1),
            Ok((PyInt::Small(-3602879701896397), PyInt::Small(36028797018963968)))
        );
        assert_eq!(as_integer_ratio(0.0), Ok((PyInt::ZERO, PyInt::ONE)));
        assert_eq!(
            as_integer_ratio(1e20).map(|(n, d)| (n.to_string(), d)),
            Ok(("100000000000000000000".to_string(), PyInt::ONE))
        );
        assert_eq!(
            as_integer_ratio(5e-324).map(|(n, d)| (n, d.bit_length())),
            Ok((PyInt::ONE, 1075))
        );
        assert_eq!(
            as_integer_ratio(f64::INFINITY).unwrap_err().message(),
            "cannot convert Infinity to integer ratio"
        );
        assert_eq!(
            as_integer_ratio(f64::NAN).unwrap_err().message(),
            "cannot convert NaN to integer ratio"
        );
        assert!(is_integer(3.0) && !is_integer(3.5) && !is_integer(f64::INFINITY));
        assert!(!is_integer(f64::NAN) && is_integer(-0.0) && is_integer(1e300));
        assert_eq!(floor_to_int(-2.5), Ok(PyInt::Small(-3)));
        assert_eq!(ceil_to_int(-2.5), Ok(PyInt::Small(-2)));
        assert_eq!(trunc_to_int(-2.5), Ok(PyInt::Small(-2)));
        assert!(floor_to_int(f64::NAN).is_err());
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(to_hex(f64::MAX), "0x1.fffffffffffffp+1023");
        assert_eq!(to_hex(-f64::INFINITY), "-inf");
        assert_eq!(to_hex(f64::NAN), "nan");
        assert_eq!(from_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(from_hex("inf"), Ok(f64::INFINITY));
        assert_eq!(from_hex(" -Infinity "), Ok(f64::NEG_INFINITY));
        assert_eq!(from_hex(" -0X1.FFFFFFFFFFFFFp+1023 "), Ok(-f64::MAX));
        assert_eq!(
            from_hex("x").unwrap_err().message(),
            "invalid hexadecimal floating-point string"
        );
        let o = from_hex("0x1p10000").unwrap_err();
        assert_eq!(o.message(), "hexadecimal value too large to represent as a float");
        assert!(from_hex("0x1.fffffffffffff8p1023").is_err());
        assert_eq!(from_hex("0x1.fffffffffffff7p1023"), Ok(f64::MAX));
        assert_eq!(from_hex("1p-1074"), Ok(5e-324));
        assert_eq!(from_hex("1p-1075"), Ok(0.0));
        assert_eq!(from_hex("3p-1076"), Ok(5e-324));
        assert_eq!(from_hex("0x.8"), Ok(0.5));
        assert_eq!(from_hex("1."), Ok(1.0));
        assert_eq!(from_hex("0x10"), Ok(16.0));
        assert_eq!(from_hex("0x1p-99999999999999999999999"), Ok(0.0));
        assert!(from_hex("0x1p99999999999999999999999").is_err());
        assert!(from_hex("0x1p1.5").is_err());
        assert!(from_hex("0x.p1").is_err());
        assert!(from_hex("0x1p").is_err());
        assert!(from_hex("").is_err());
        assert!(from_hex("0x1 1").is_err());
        assert_eq!(from_hex("0x0p0").map(f64::to_bits), Ok(0));
        assert_eq!(from_hex("-0x0p0").map(f64::to_bits), Ok((-0.0f64).to_bits()));
        assert_eq!(from_hex("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(from_hex("0x1.00000000000018p0"), Ok(1.0000000000000004));
        for x in [0.1, 1e300, 5e-324, 2.2250738585072014e-308, 123.456, -7.0] {
            assert_eq!(from_hex(&to_hex(x)), Ok(x));
        }
    }

    #[test]
    fn ldexp_exact() {
        assert_eq!(ldexp(1.0, 1023), 8.98846567431158e307);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(3.0, -1076), 5e-324);
        assert_eq!(ldexp(-3.0, -1075), -1e-323);
        assert_eq!(ldexp(5e-324, 1074), 1.0);
        assert_eq!(ldexp(1.5, i64::MIN), 0.0);
        assert_eq!(ldexp(1.5, i64::MAX), f64::INFINITY);
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_float(" 1_0.5 "), Some(10.5));
        assert_eq!(parse_float("infinity"), Some(f64::INFINITY));
        assert_eq!(parse_float("-iNf"), Some(f64::NEG_INFINITY));
        assert!(parse_float("+nan").is_some_and(f64::is_nan));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("1e5"), Some(1e5));
        assert_eq!(parse_float("1E+0_5"), Some(1e5));
        assert_eq!(parse_float("-1.5e-3"), Some(-1.5e-3));
        assert_eq!(parse_float("1e999"), Some(f64::INFINITY));
        assert_eq!(parse_float("1e-999"), Some(0.0));
        assert_eq!(parse_float("\u{663}.\u{665}"), Some(3.5));
        assert_eq!(parse_float("\u{2003}1.5\u{3000}"), Some(1.5));
        assert_eq!(parse_float("0.1"), Some(0.1));
        assert_eq!(parse_float("2.2250738585072011e-308"), Some(2.225073858507201e-308));
        for bad in [
            "x", "1__0", "1e", "", "  ", "0x10", "1_e5", "1e_5", ".", "1._5", "_1", "1_", "\x1c1.5", "in f", "nana",
            "--1", "+-1", "1.5.", "e5", "1 5", "infinit", "1e5_",
        ] {
            assert_eq!(parse_float(bad), None, "{bad:?}");
        }
        assert_eq!(
            float_parse_error("'x'").message(),
            "could not convert string to float: 'x'"
        );
        assert_eq!(parse_float_bytes(b" 2.5\n"), Some(2.5));
    }
}

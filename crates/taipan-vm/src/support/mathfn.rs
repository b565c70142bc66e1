//! The functions and constants of Python 3.11's `math` module, over `f64` and [`PyInt`].
//!
//! Source of the behaviour: CPython `Modules/mathmodule.c` (3.11) on Linux/glibc, which is
//! what `python3` on our machines runs. Error rules, as CPython's `math_1`/`math_2`:
//! a NaN result from non-NaN input is ValueError("math domain error"); an infinite result
//! from finite input is OverflowError("math range error") for functions that can overflow
//! (exp, exp2, expm1, cosh, sinh, pow, ...) and ValueError("math domain error") for the
//! others (log(0), atanh(1), ...); underflow is never an error.
//!
//! Bit-exactness with CPython: most functions call the same glibc libm routines through
//! Rust's `f64` methods (sin, exp, log, pow, cbrt, ...). Rust implements `asinh`, `acosh`
//! and `atanh` itself and has no `erf`/`erfc`, so those follow glibc 2.36's algorithms
//! (fdlibm-derived) here, built on the same libm primitives. `gamma`/`lgamma` are CPython's
//! own Lanczos approximation, `hypot`/`dist` CPython's `vector_norm` (scaling, Veltkamp
//! splitting, compensated sums, one correction step), `fsum` CPython's exact `msum` with
//! half-even correction; `factorial`, `comb`, `perm`, `gcd`, `lcm`, `isqrt` are exact big
//! integer computations. `prod` is left to the VM (it multiplies arbitrary objects).
//!
//! Argument conversion (`__float__`, `__index__`, "must be real number" TypeErrors) is the
//! caller's job: functions here take `f64`, [`PyInt`] or [`Real`] (an int or a float,
//! for the `log` family, which handles huge ints without converting them).

use std::borrow::Cow;

use dashu_int::ops::{BitTest, Gcd, SquareRoot, UnsignedAbs};
use dashu_int::{IBig, UBig};

use super::float_ops::{self, round_scaled};
use super::int::{MAX_RESULT_BITS, NumError, NumResult, PyInt, overflow, value_err, zero_div};

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan`.
pub const NAN: f64 = f64::NAN;

/// A numeric argument that may be a (possibly huge) int or a float.
#[derive(Clone, Copy, Debug)]
pub enum Real<'a> {
    /// A float argument.
    Float(f64),
    /// An int (or bool) argument.
    Int(&'a PyInt),
}

fn domain() -> NumError {
    value_err("math domain error")
}

fn range() -> NumError {
    overflow("math range error")
}

/// CPython's `math_1` check of a one-argument libm result.
fn check_1(x: f64, r: f64, can_overflow: bool) -> NumResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

/// CPython's `math_2` check of a two-argument libm result.
fn check_2(x: f64, y: f64, r: f64) -> NumResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(r)
}

/// High 32 bits of a float (fdlibm's `GET_HIGH_WORD`), sign included.
fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

macro_rules! libm_1 {
    ($(#[$doc:meta] $name:ident => $f:expr, $can_overflow:expr;)*) => {$(
        #[$doc]
        pub fn $name(x: f64) -> NumResult<f64> {
            let f: fn(f64) -> f64 = $f;
            check_1(x, f(x), $can_overflow)
        }
    )*};
}

libm_1! {
    /// `math.acos(x)`.
    acos => f64::acos, false;
    /// `math.acosh(x)`.
    acosh => glibc_acosh, false;
    /// `math.asin(x)`.
    asin => f64::asin, false;
    /// `math.asinh(x)`.
    asinh => glibc_asinh, false;
    /// `math.atan(x)`.
    atan => f64::atan, false;
    /// `math.atanh(x)`.
    atanh => glibc_atanh, false;
    /// `math.cbrt(x)`.
    cbrt => glibc_cbrt, false;
    /// `math.cos(x)`.
    cos => f64::cos, false;
    /// `math.cosh(x)`.
    cosh => f64::cosh, true;
    /// `math.exp(x)`.
    exp => f64::exp, true;
    /// `math.exp2(x)`.
    exp2 => f64::exp2, true;
    /// `math.expm1(x)`.
    expm1 => f64::exp_m1, true;
    /// `math.log1p(x)`.
    log1p => f64::ln_1p, false;
    /// `math.sin(x)`.
    sin => f64::sin, false;
    /// `math.sinh(x)`.
    sinh => f64::sinh, true;
    /// `math.sqrt(x)`.
    sqrt => f64::sqrt, false;
    /// `math.tan(x)`.
    tan => f64::tan, false;
    /// `math.tanh(x)`.
    tanh => f64::tanh, false;
}

/// `math.fabs(x)`.
pub fn fabs(x: f64) -> f64 {
    x.abs()
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.degrees(x)` (no overflow check, as CPython).
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `math.erf(x)` (never an error).
pub fn erf(x: f64) -> f64 {
    glibc_erf(x)
}

/// `math.erfc(x)` (never an error; underflow gives 0.0).
pub fn erfc(x: f64) -> f64 {
    glibc_erfc(x)
}

/// `math.floor(x)` for a float. Errors: OverflowError "cannot convert float infinity to
/// integer", ValueError "cannot convert float NaN to integer".
pub fn floor(x: f64) -> NumResult<PyInt> {
    float_ops::floor_to_int(x)
}

/// `math.ceil(x)` for a float (errors as [`floor`]).
pub fn ceil(x: f64) -> NumResult<PyInt> {
    float_ops::ceil_to_int(x)
}

/// `math.trunc(x)` for a float (errors as [`floor`]).
pub fn trunc(x: f64) -> NumResult<PyInt> {
    float_ops::trunc_to_int(x)
}

/// `math.atan2(y, x)` with C99 special values (the JIT's `m_atan2`, so both tiers compute
/// the same value: `taipan_jit::ir::mathfn`).
pub fn atan2(y: f64, x: f64) -> NumResult<f64> {
    check_2(y, x, taipan_jit::ir::mathfn::m_atan2(y, x))
}

/// `math.fmod(x, y)` (C `fmod`: result has the sign of `x`).
pub fn fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: IEEE 754 remainder, ties to the even multiple; exact.
pub fn remainder(x: f64, y: f64) -> NumResult<f64> {
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let (ax, ay) = (x.abs(), y.abs());
            let m = ax % ay;
            let c = ay - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (ax - m)) % ay)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    check_2(x, y, r)
}

/// `math.pow(x, y)`: no complex results. Errors: ValueError "math domain error" for
/// `0.0 ** negative` and `negative ** non-integer`, OverflowError "math range error".
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain() } else { range() });
    }
    Ok(r)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e`, `0.5 <= |m| < 1`; `(x, 0)` for zeros,
/// infinities and NaN.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

/// `math.ldexp(x, i)` for an int exponent. Error: OverflowError "math range error".
pub fn ldexp(x: f64, i: &PyInt) -> NumResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = i.to_i64_saturating();
    if e > i64::from(i32::MAX) {
        return Err(range());
    }
    if e < i64::from(i32::MIN) {
        return Ok(0.0f64.copysign(x));
    }
    let r = float_ops::ldexp(x, e);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int = x.trunc();
    ((x - int).copysign(x), int)
}

/// `math.nextafter(x, y)`: the next float after `x` towards `y`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away_from_zero = (y > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`: the value of the least significant bit of `x`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}

/// `math.isclose(a, b, rel_tol=, abs_tol=)` (defaults 1e-09 and 0.0). Error: ValueError
/// "tolerances must be non-negative".
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NumResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_err("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

// ---------------------------------------------------------------------------------------
// Logarithms.

/// Log of a positive int, also beyond float range: `func(m) + func(2) * e` for
/// `n == m * 2**e` with `m` correctly rounded to 53 bits (CPython `loghelper`).
fn log_int(n: &PyInt, func: fn(f64) -> f64) -> NumResult<f64> {
    if n.is_negative() || n.is_zero() {
        return Err(domain());
    }
    if let Ok(x) = n.to_f64() {
        return Ok(func(x));
    }
    let magnitude = n.to_ibig().unsigned_abs();
    let mut e = magnitude.bit_len() as i64;
    let mut m = round_scaled(&magnitude, -e).unwrap_or(1.0);
    if m >= 1.0 {
        m = 0.5;
        e += 1;
    }
    Ok(func(m) + func(2.0) * e as f64)
}

/// Log of a float with CPython's `m_log`-style special values.
fn log_float(x: f64, func: fn(f64) -> f64) -> NumResult<f64> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x > 0.0 {
        return Ok(func(x));
    }
    Err(domain())
}

fn log_real(x: Real<'_>, func: fn(f64) -> f64) -> NumResult<f64> {
    match x {
        Real::Float(f) => log_float(f, func),
        Real::Int(i) => log_int(i, func),
    }
}

/// `math.log(x[, base])`. Errors: ValueError "math domain error" for `x <= 0` or
/// `base <= 0`, ZeroDivisionError "float division by zero" for base 1.
pub fn log(x: Real<'_>, base: Option<Real<'_>>) -> NumResult<f64> {
    let num = log_real(x, f64::ln)?;
    let Some(base) = base else {
        return Ok(num);
    };
    let den = log_real(base, f64::ln)?;
    if den == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(num / den)
}

/// `math.log2(x)`.
pub fn log2(x: Real<'_>) -> NumResult<f64> {
    log_real(x, f64::log2)
}

/// `math.log10(x)`.
pub fn log10(x: Real<'_>) -> NumResult<f64> {
    log_real(x, f64::log10)
}

// ---------------------------------------------------------------------------------------
// Summation and norms.

/// CPython's `math.fsum` accumulator (exact partial sums). Feed it with [`Fsum::add`] so
/// an intermediate overflow is reported before later items are converted, as in CPython.
#[derive(Clone, Debug, Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    /// An empty sum.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one item. Error: OverflowError "intermediate overflow in fsum".
    pub fn add(&mut self, item: f64) -> NumResult<()> {
        let mut x = item;
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if item.is_finite() {
                    return Err(overflow("intermediate overflow in fsum"));
                }
                if item.is_infinite() {
                    self.inf_sum += item;
                }
                self.special_sum += item;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum. Error: ValueError "-inf + inf in fsum".
    pub fn finish(&self) -> NumResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(value_err("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        let Some(&top) = p.last() else {
            return Ok(0.0);
        };
        n -= 1;
        let mut hi = top;
        let mut lo = 0.0;
        while n > 0 {
            n -= 1;
            let (x, y) = (hi, p[n]);
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials: if the next partial has the same sign as
        // the rounding error, the true sum is past the halfway point.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        Ok(hi)
    }
}

/// `math.fsum(values)` over already converted floats.
pub fn fsum<I: IntoIterator<Item = f64>>(values: I) -> NumResult<f64> {
    let mut acc = Fsum::new();
    for v in values {
        acc.add(v)?;
    }
    acc.finish()
}

/// CPython's `vector_norm`: `sqrt(sum(x*x))` of non-negative finite-or-special values,
/// with `max` their maximum and `found_nan` whether any is NaN.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0; // 2**27 + 1, Veltkamp splitting constant
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    // Neumaier step with |csum| >= |x| guaranteed.
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    let (_, max_e) = frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0, 0.0, 0.0, 0.0);
    if max_e >= -1023 {
        let scale = float_ops::ldexp(1.0, -max_e);
        for &v in vec {
            let (hi, lo) = split(v * scale);
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let (hi, lo) = split(h);
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coords: &[f64]) -> f64 {
    let abs: Vec<f64> = coords.iter().map(|c| c.abs()).collect();
    let max = abs.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    let found_nan = abs.iter().any(|x| x.is_nan());
    vector_norm(&abs, max, found_nan)
}

/// `math.dist(p, q)`. Error: ValueError "both points must have the same number of
/// dimensions".
pub fn dist(p: &[f64], q: &[f64]) -> NumResult<f64> {
    if p.len() != q.len() {
        return Err(value_err("both points must have the same number of dimensions"));
    }
    let diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let max = diffs.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    let found_nan = diffs.iter().any(|x| x.is_nan());
    Ok(vector_norm(&diffs, max, found_nan))
}

// ---------------------------------------------------------------------------------------
// Gamma functions (CPython's Lanczos approximation, N = 13, g = 6.02468004077673).

const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
#[rustfmt::skip]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076, 42919803642.6491, 35711959237.35567,
    17921034426.03721, 6039542586.352028, 1439720407.3117216,
    248874557.86205417, 31426415.585400194, 2876370.6289353725,
    186056.26539522348, 8071.672002365816, 210.82427775157936,
    2.5066282746310002,
];
/// Coefficients of x*(x+1)*...*(x+11).
#[rustfmt::skip]
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0,
    150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0,
    1.0,
];
/// `log(pi)`.
const LOG_PI: f64 = 1.1447298858494002;

/// The Lanczos sum as a rational function, for `x > 0`.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for (n, d) in LANCZOS_NUM.iter().zip(&LANCZOS_DEN).rev() {
            num = num * x + n;
            den = den * x + d;
        }
    } else {
        // Divide through by x**12 to avoid overflow for large x.
        for (n, d) in LANCZOS_NUM.iter().zip(&LANCZOS_DEN) {
            num = num / x + n;
            den = den / x + d;
        }
    }
    num / den
}

/// `sin(pi * x)` for finite `x`, exact at integers and half-integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// `math.gamma(x)`. Errors: ValueError "math domain error" at 0, negative integers and
/// -inf; OverflowError "math range error" when the result overflows.
pub fn gamma(x: f64) -> NumResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain());
    }
    if x == 0.0 {
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= 23.0 {
            // Exact: (x-1)! for x in 1..=23 is representable.
            let mut r = 1.0;
            let mut k = 2.0;
            while k < x {
                r *= k;
                k += 1.0;
            }
            return Ok(r);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range()) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(range());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // Error in the computation of y, as a correction factor.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.lgamma(x)`: `log(abs(gamma(x)))`. Errors: ValueError "math domain error" at
/// integers <= 0; OverflowError "math range error" on overflow.
pub fn lgamma(x: f64) -> NumResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------
// glibc 2.36 algorithms for functions Rust does not take from libm (fdlibm heritage).

const LN2: f64 = std::f64::consts::LN_2;

fn glibc_asinh(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x + x;
    }
    if ix < 0x3e30_0000 {
        return x; // |x| < 2**-28
    }
    let xa = x.abs();
    let w = if ix > 0x41b0_0000 {
        xa.ln() + LN2
    } else if ix > 0x4000_0000 {
        (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
    } else {
        let t = xa * xa;
        (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn glibc_acosh(x: f64) -> f64 {
    let hx = x.to_bits() as i64;
    if hx < 0x3ff0_0000_0000_0000 {
        return f64::NAN; // x < 1 (or negative)
    }
    if hx >= 0x41b0_0000_0000_0000 {
        if hx >= 0x7ff0_0000_0000_0000 {
            return x + x;
        }
        return x.ln() + LN2;
    }
    if hx == 0x3ff0_0000_0000_0000 {
        return 0.0;
    }
    if hx > 0x4000_0000_0000_0000 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948732;
    const SQR_CBRT2: f64 = 1.5874010519681996;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    // Polynomial first guess on [0.5, 1), then one Halley step.
    let u = 0.354_895_765_043_919_86
        + (1.508191937815849
            + (-2.114994941673713
                + (2.446_931_225_635_344_3
                    + (-1.8346927748361308 + (0.7849323449766392 - 0.14526389938548637 * xm) * xm) * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    // C semantics: remainder and quotient truncate toward zero.
    let factor = FACTOR.get((2 + xe % 3) as usize).copied().unwrap_or(1.0);
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * factor;
    float_ops::ldexp(if x > 0.0 { ym } else { -ym }, xe / 3)
}

fn glibc_atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < f64::from_bits(0x3e30_0000_0000_0000) {
            return x; // |x| < 2**-28
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else {
        return x / 0.0; // ±inf at ±1, NaN for NaN
    };
    t.copysign(x)
}

/// Coefficients of glibc's `erf`/`erfc` rational approximations (fdlibm `s_erf.c`).
mod erf_coeffs {
    pub const ERX: f64 = 0.8450629115104675;
    pub const EFX: f64 = 0.1283791670955126;
    #[rustfmt::skip]
    pub const PP: [f64; 5] = [
        0.12837916709551256, -0.3250421072470015, -0.02848174957559851,
        -0.005770270296489442, -2.3763016656650163e-05,
    ];
    #[rustfmt::skip]
    pub const QQ: [f64; 6] = [
        0.0, 0.39791722395915535, 0.0650222499887673,
        0.005081306281875766, 0.00013249473800432164, -3.960228278775368e-06,
    ];
    #[rustfmt::skip]
    pub const PA: [f64; 7] = [
        -0.0023621185607526594, 0.41485611868374833, -0.3722078760357013,
        0.31834661990116175, -0.11089469428239668, 0.035478304325618236,
        -0.002166375594868791,
    ];
    #[rustfmt::skip]
    pub const QA: [f64; 7] = [
        0.0, 0.10642088040084423, 0.540397917702171,
        0.07182865441419627, 0.12617121980876164, 0.01363708391202905,
        0.011984499846799107,
    ];
    #[rustfmt::skip]
    pub const RA: [f64; 8] = [
        -0.009864944034847148, -0.6938585727071818, -10.558626225323291,
        -62.375332450326006, -162.39666946257347, -184.60509290671104,
        -81.2874355063066, -9.814329344169145,
    ];
    #[rustfmt::skip]
    pub const SA: [f64; 9] = [
        0.0, 19.651271667439257, 137.65775414351904,
        434.56587747522923, 645.3872717332679, 429.00814002756783,
        108.63500554177944, 6.570249770319282, -0.0604244152148581,
    ];
    #[rustfmt::skip]
    pub const RB: [f64; 7] = [
        -0.0098649429247001, -0.799283237680523, -17.757954917754752,
        -160.63638485582192, -637.5664433683896, -1025.0951316110772,
        -483.5191916086514,
    ];
    #[rustfmt::skip]
    pub const SB: [f64; 8] = [
        0.0, 30.33806074348246, 325.7925129965739,
        1536.729586084437, 3199.8582195085955, 2553.0504064331644,
        474.52854120695537, -22.44095244658582,
    ];
}

/// `r/s` of the [0, 0.84375) approximation, evaluated in glibc's pairwise order.
fn erf_small_ratio(z: f64) -> f64 {
    use erf_coeffs::{PP, QQ};
    let (z2, z4) = (z * z, z * z * (z * z));
    let r = (PP[0] + z * PP[1]) + z2 * (PP[2] + z * PP[3]) + z4 * PP[4];
    let s = (1.0 + z * QQ[1]) + z2 * (QQ[2] + z * QQ[3]) + z4 * (QQ[4] + z * QQ[5]);
    r / s
}

/// `P/Q` of the [0.84375, 1.25) approximation in `s = |x| - 1`.
fn erf_mid_ratio(s: f64) -> f64 {
    use erf_coeffs::{PA, QA};
    let s2 = s * s;
    let s4 = s2 * s2;
    let s6 = s4 * s2;
    let p = (PA[0] + s * PA[1]) + s2 * (PA[2] + s * PA[3]) + s4 * (PA[4] + s * PA[5]) + s6 * PA[6];
    let q = (1.0 + s * QA[1]) + s2 * (QA[2] + s * QA[3]) + s4 * (QA[4] + s * QA[5]) + s6 * QA[6];
    p / q
}

/// `exp(-x*x - 0.5625 + R/S) / x`-style tail for `|x| >= 1.25` (`x` positive), where the
/// rational function depends on whether `x < 1/0.35` (`near`).
fn erfc_tail(x: f64, near: bool) -> f64 {
    use erf_coeffs::{RA, RB, SA, SB};
    let s = 1.0 / (x * x);
    let s2 = s * s;
    let s4 = s2 * s2;
    let s6 = s4 * s2;
    let (r, q) = if near {
        let s8 = s4 * s4;
        let r = (RA[0] + s * RA[1]) + s2 * (RA[2] + s * RA[3]) + s4 * (RA[4] + s * RA[5]) + s6 * (RA[6] + s * RA[7]);
        let q = (1.0 + s * SA[1])
            + s2 * (SA[2] + s * SA[3])
            + s4 * (SA[4] + s * SA[5])
            + s6 * (SA[6] + s * SA[7])
            + s8 * SA[8];
        (r, q)
    } else {
        let r = (RB[0] + s * RB[1]) + s2 * (RB[2] + s * RB[3]) + s4 * (RB[4] + s * RB[5]) + s6 * RB[6];
        let q = (1.0 + s * SB[1]) + s2 * (SB[2] + s * SB[3]) + s4 * (SB[4] + s * SB[5]) + s6 * (SB[6] + s * SB[7]);
        (r, q)
    };
    // z is x with the low 32 bits cleared, so z*z is exact.
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - x) * (z + x) + r / q).exp() / x
}

fn glibc_erf(x: f64) -> f64 {
    use erf_coeffs::{EFX, ERX};
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return 1.0f64.copysign(x);
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * erf_small_ratio(x * x);
    }
    if ix < 0x3ff4_0000 {
        let pq = erf_mid_ratio(x.abs() - 1.0);
        return if hx >= 0 { ERX + pq } else { -ERX - pq };
    }
    if ix >= 0x4018_0000 {
        return if hx >= 0 { 1.0 - 1e-300 } else { 1e-300 - 1.0 };
    }
    let tail = erfc_tail(x.abs(), ix < 0x4006_DB6E);
    if hx >= 0 { 1.0 - tail } else { tail - 1.0 }
}

fn glibc_erfc(x: f64) -> f64 {
    use erf_coeffs::ERX;
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return if x > 0.0 { 0.0 } else { 2.0 };
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = erf_small_ratio(x * x);
        if hx < 0x3fd0_0000 {
            return 1.0 - (x + x * y);
        }
        let r = x * y + (x - 0.5);
        return 0.5 - r;
    }
    if ix < 0x3ff4_0000 {
        let pq = erf_mid_ratio(x.abs() - 1.0);
        return if hx >= 0 { (1.0 - ERX) - pq } else { 1.0 + (ERX + pq) };
    }
    if ix < 0x403c_0000 {
        if hx < 0 && ix >= 0x4018_0000 {
            return 2.0 - 1e-300;
        }
        let tail = erfc_tail(x.abs(), ix < 0x4006_DB6D);
        return if hx > 0 { tail } else { 2.0 - tail };
    }
    if hx > 0 { 0.0 } else { 2.0 - 1e-300 }
}

// ---------------------------------------------------------------------------------------
// Integer functions.

fn index_too_large(what: &str) -> NumError {
    NumError::Overflow(Cow::Owned(format!("{what} must not exceed {}", i64::MAX)))
}

/// Product of `count` consecutive integers starting at `start`, by binary splitting.
fn range_product(start: &IBig, count: u64) -> IBig {
    if count == 0 {
        return IBig::ONE;
    }
    if count <= 16 {
        let mut acc = start.clone();
        let mut k = start.clone();
        for _ in 1..count {
            k += IBig::ONE;
            acc *= &k;
        }
        return acc;
    }
    let half = count / 2;
    let upper_start = start + IBig::from(half);
    range_product(start, half) * range_product(&upper_start, count - half)
}

/// Estimated bits of a product of `count` integers of at most `bits` bits each.
fn guard_bits(count: u64, bits: u64) -> NumResult<()> {
    if count.saturating_mul(bits) > MAX_RESULT_BITS.saturating_mul(2) {
        return Err(NumError::Memory);
    }
    Ok(())
}

/// `math.factorial(n)`. Errors: ValueError "factorial() not defined for negative
/// values", OverflowError "factorial() argument should not exceed 9223372036854775807".
pub fn factorial(n: &PyInt) -> NumResult<PyInt> {
    if n.is_negative() {
        return Err(value_err("factorial() not defined for negative values"));
    }
    let Some(v) = n.as_i64() else {
        return Err(NumError::Overflow(Cow::Owned(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        ))));
    };
    let v = v.unsigned_abs();
    if v < 2 {
        return Ok(PyInt::ONE);
    }
    guard_bits(v, 64 - u64::from(v.leading_zeros()))?;
    Ok(PyInt::from_ibig(range_product(&IBig::from(2u8), v - 1)))
}

/// `math.perm(n, k)` (`k = None` is `factorial(n)`). Errors: ValueError "n must be a
/// non-negative integer" / "k must be a non-negative integer", OverflowError "k must not
/// exceed 9223372036854775807".
pub fn perm(n: &PyInt, k: Option<&PyInt>) -> NumResult<PyInt> {
    let Some(k) = k else {
        return factorial(n);
    };
    if n.is_negative() {
        return Err(value_err("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_err("k must be a non-negative integer"));
    }
    if n < k {
        return Ok(PyInt::ZERO);
    }
    let Some(kv) = k.as_i64() else {
        return Err(index_too_large("k"));
    };
    let kv = kv.unsigned_abs();
    guard_bits(kv, n.bit_length())?;
    let start = n.sub(k).add(&PyInt::ONE).into_ibig();
    Ok(PyInt::from_ibig(range_product(&start, kv)))
}

/// `math.comb(n, k)`. Errors: ValueError "n must be a non-negative integer" / "k must be
/// a non-negative integer", OverflowError "min(n - k, k) must not exceed
/// 9223372036854775807".
pub fn comb(n: &PyInt, k: &PyInt) -> NumResult<PyInt> {
    if n.is_negative() {
        return Err(value_err("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_err("k must be a non-negative integer"));
    }
    let rest = n.sub(k);
    if rest.is_negative() {
        return Ok(PyInt::ZERO);
    }
    let k = if rest < *k { &rest } else { k };
    let Some(kv) = k.as_i64() else {
        return Err(index_too_large("min(n - k, k)"));
    };
    let kv = kv.unsigned_abs();
    if kv == 0 {
        return Ok(PyInt::ONE);
    }
    guard_bits(kv, n.bit_length())?;
    let start = n.sub(k).add(&PyInt::ONE).into_ibig();
    let numerator = range_product(&start, kv);
    let denominator = range_product(&IBig::ONE, kv);
    Ok(PyInt::from_ibig(numerator / denominator))
}

/// `gcd(a, b)` of two ints (non-negative).
pub fn gcd2(a: &PyInt, b: &PyInt) -> PyInt {
    if let (PyInt::Small(x), PyInt::Small(y)) = (a, b) {
        let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
        while y != 0 {
            (x, y) = (y, x % y);
        }
        return PyInt::from_u64(x);
    }
    let g: UBig = a.to_ibig().gcd(b.to_ibig());
    PyInt::from_ibig(IBig::from(g))
}

/// `math.gcd(*integers)`: 0 for no arguments.
pub fn gcd(args: &[PyInt]) -> PyInt {
    let mut acc = PyInt::ZERO;
    for (i, a) in args.iter().enumerate() {
        acc = if i == 0 { a.abs() } else { gcd2(&acc, a) };
    }
    acc
}

/// `lcm(a, b)` of two ints (non-negative).
pub fn lcm2(a: &PyInt, b: &PyInt) -> PyInt {
    if a.is_zero() || b.is_zero() {
        return PyInt::ZERO;
    }
    let g = gcd2(a, b);
    // g divides a exactly, so floordiv cannot fail or round.
    let f = a.floordiv(&g).unwrap_or(PyInt::ZERO);
    f.mul(b).abs()
}

/// `math.lcm(*integers)`: 1 for no arguments.
pub fn lcm(args: &[PyInt]) -> PyInt {
    let mut acc = PyInt::ONE;
    for (i, a) in args.iter().enumerate() {
        acc = if i == 0 { a.abs() } else { lcm2(&acc, a) };
    }
    acc
}

/// `math.isqrt(n)`: floor of the square root. Error: ValueError "isqrt() argument must be
/// nonnegative".
pub fn isqrt(n: &PyInt) -> NumResult<PyInt> {
    if n.is_negative() {
        return Err(value_err("isqrt() argument must be nonnegative"));
    }
    if let PyInt::Small(v) = n {
        let v = v.unsigned_abs();
        let mut r = (v as f64).sqrt() as u64;
        // Correct the float estimate by at most a step or two.
        while r.checked_mul(r).is_none_or(|sq| sq > v) {
            r -= 1;
        }
        while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= v) {
            r += 1;
        }
        return Ok(PyInt::from_u64(r));
    }
    let root = n.to_ibig().unsigned_abs().sqrt();
    Ok(PyInt::from_ibig(IBig::from(root)))
}

#[cfg(test)]
#[path = "mathfn_tests.rs"]
mod tests;

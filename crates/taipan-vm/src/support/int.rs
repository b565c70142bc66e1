//! Python `int` arithmetic with CPython 3.11 semantics, independent of the object model.
//!
//! [`PyInt`] is either a machine integer (`Small(i64)`) or an arbitrary-precision one
//! (`Big(IBig)`, from `dashu-int`). The representation is *normalized*: `Big` only holds
//! values outside the `i64` range, so the derived `PartialEq` is value equality and the
//! fast paths only need to test for `Small`.
//!
//! Semantics follow CPython `Objects/longobject.c` (3.11):
//! - `//` and `%` round toward negative infinity; the remainder takes the divisor's sign.
//! - `/` (true division) is correctly rounded even for huge operands: both operands are
//!   scaled so that the integer quotient carries 55–56 significant bits plus a sticky bit,
//!   then rounded once, half to even, to 53 bits (fewer in the subnormal range).
//! - `**` with a negative exponent is float power; three-argument `pow` with a negative
//!   exponent uses the modular inverse.
//! - Bitwise operators on negatives behave as infinite two's complement.
//! - Comparisons with floats are exact (no rounding of the int), as `float_richcompare`.
//! - `str()` / `int(str)` enforce the integer-string-conversion digit limit
//!   (`sys.set_int_max_str_digits`, default 4300) for non-power-of-two bases.
//!
//! Errors are [`NumError`] values that carry the exception kind and CPython's exact message;
//! the VM turns them into exception objects. Results that would need more than
//! [`MAX_RESULT_BITS`] bits raise `MemoryError` instead of exhausting the machine.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use dashu_int::fast_div::ConstDivisor;
use dashu_int::ops::{BitTest, DivRem, UnsignedAbs};
use dashu_int::{IBig, Sign, UBig};

use super::float_ops;

/// Largest number of bits an int result may have before we raise `MemoryError`
/// (2^32 bits = 512 MiB). CPython would try the allocation; we refuse earlier.
pub const MAX_RESULT_BITS: u64 = 1 << 32;

/// Results below this many bytes are computed without the allocation check of
/// [`check_allocatable`].
const CHECK_FROM_BYTES: u64 = 1 << 20;

/// Scratch memory dashu-int may need for a product (or square, or radix conversion) whose
/// result has `n` bytes: its NTT multiplication allocates up to about 49 words per result
/// word (two lanes and three residues per coefficient, four coefficients per word, rounded
/// up to a power of two), plus the result itself and the operands.
const SCRATCH_PER_RESULT_BYTE: u64 = 52;

/// Fails with `MemoryError` when about `bytes` of memory cannot be allocated right now.
///
/// dashu-int panics ("out of memory") when an allocation fails, e.g. under `ulimit -v`
/// (crashhunt finding 011), where CPython raises MemoryError. So before an operation whose
/// result can be huge, the estimated need is reserved with `Vec::try_reserve_exact` (address
/// space only: the pages are never touched) and released at once. Small needs are not
/// checked. This is an estimate: an allocation can still fail later if memory runs out
/// between the check and the computation.
pub fn check_allocatable(bytes: u64) -> NumResult<()> {
    if bytes < CHECK_FROM_BYTES {
        return Ok(());
    }
    let n = usize::try_from(bytes).map_err(|_| NumError::Memory)?;
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(n).map_err(|_| NumError::Memory)
}

/// [`check_allocatable`] for a multiplication-like operation with a `result_bits` result.
fn check_product_bits(result_bits: u64) -> NumResult<()> {
    let bytes = result_bits / 8 + 8;
    if bytes < CHECK_FROM_BYTES {
        return Ok(());
    }
    check_allocatable(bytes.saturating_mul(SCRATCH_PER_RESULT_BYTE))
}

/// CPython's default for `sys.set_int_max_str_digits` (0 disables the limit).
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// A numeric error: the Python exception class plus its exact CPython message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// `ZeroDivisionError(msg)`.
    ZeroDivision(Cow<'static, str>),
    /// `OverflowError(msg)`.
    Overflow(Cow<'static, str>),
    /// `ValueError(msg)`.
    Value(Cow<'static, str>),
    /// `TypeError(msg)`.
    Type(Cow<'static, str>),
    /// `MemoryError()` (no message): the result would be unreasonably large.
    Memory,
    /// Not an error in Python: `negative ** non-integer` float power yields a complex
    /// number. The VM must compute the complex power instead.
    ComplexResult,
}

/// Result type of the numeric support functions.
pub type NumResult<T> = Result<T, NumError>;

impl NumError {
    /// Name of the Python exception class (`"ZeroDivisionError"`, ...). `ComplexResult`
    /// reports `"ValueError"` (what `math.pow` and friends raise in that situation).
    pub fn type_name(&self) -> &'static str {
        match self {
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Overflow(_) => "OverflowError",
            NumError::Value(_) | NumError::ComplexResult => "ValueError",
            NumError::Type(_) => "TypeError",
            NumError::Memory => "MemoryError",
        }
    }

    /// The exception message (`str(exc)` in Python); empty for `MemoryError`.
    pub fn message(&self) -> &str {
        match self {
            NumError::ZeroDivision(m) | NumError::Overflow(m) | NumError::Value(m) | NumError::Type(m) => m,
            NumError::Memory => "",
            NumError::ComplexResult => "math domain error",
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

pub(crate) fn zero_div(msg: &'static str) -> NumError {
    NumError::ZeroDivision(Cow::Borrowed(msg))
}
pub(crate) fn overflow(msg: &'static str) -> NumError {
    NumError::Overflow(Cow::Borrowed(msg))
}
pub(crate) fn value_err(msg: &'static str) -> NumError {
    NumError::Value(Cow::Borrowed(msg))
}

const MSG_DIVMOD_ZERO: &str = "integer division or modulo by zero";
const MSG_MOD_ZERO: &str = "integer modulo by zero";
const MSG_TOO_LARGE_FLOAT: &str = "int too large to convert to float";
const MSG_STR_LIMIT: &str = "Exceeds the limit (4300 digits) for integer string conversion; \
                             use sys.set_int_max_str_digits() to increase the limit";

/// A Python int: normalized so that `Big` never holds a value that fits in `i64`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyInt {
    /// A value in `i64` range.
    Small(i64),
    /// A value outside `i64` range.
    Big(IBig),
}

/// Result of `int ** int`: an int, or a float when the exponent is negative.
#[derive(Clone, Debug, PartialEq)]
pub enum PowResult {
    /// Non-negative exponent.
    Int(PyInt),
    /// Negative exponent: CPython computes `float(a) ** float(b)`.
    Float(f64),
}

impl From<i64> for PyInt {
    fn from(v: i64) -> Self {
        PyInt::Small(v)
    }
}

impl From<IBig> for PyInt {
    fn from(v: IBig) -> Self {
        PyInt::from_ibig(v)
    }
}

impl From<bool> for PyInt {
    fn from(v: bool) -> Self {
        PyInt::Small(i64::from(v))
    }
}

impl fmt::Display for PyInt {
    /// Decimal digits without the 4300-digit limit (internal and debug use).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyInt::Small(v) => write!(f, "{v}"),
            PyInt::Big(b) => write!(f, "{b}"),
        }
    }
}

impl PartialOrd for PyInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyInt {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => a.cmp(b),
            // Normalization: a Big is below i64::MIN when negative, above i64::MAX otherwise.
            (PyInt::Big(a), PyInt::Small(_)) => big_sign_order(a),
            (PyInt::Small(_), PyInt::Big(b)) => big_sign_order(b).reverse(),
            (PyInt::Big(a), PyInt::Big(b)) => a.cmp(b),
        }
    }
}

fn big_sign_order(b: &IBig) -> Ordering {
    if b.sign() == Sign::Negative {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

/// Magnitude of an `IBig` as a `UBig`.
fn mag(b: &IBig) -> UBig {
    b.unsigned_abs()
}

/// The `f64` nearest to `b`, ties to even, infinite beyond the float range (see
/// [`ubig_to_f64`]).
pub fn ibig_to_f64(b: &IBig) -> f64 {
    let m = ubig_to_f64(&mag(b));
    if b.sign() == Sign::Negative { -m } else { m }
}

/// The `f64` nearest to `m`, ties to even (CPython `PyLong_AsDouble`); infinity when it
/// is at least 2^1024 after rounding. The top 53 bits are kept; the bit below them and
/// whether any lower bit is set decide the rounding (dashu's own conversion rounded some
/// ties above one half down: `float(2**200 + 2**147 + 2**146)`).
fn ubig_to_f64(m: &UBig) -> f64 {
    let n = m.bit_len();
    if n <= 53 {
        return u64::try_from(m).map_or(0.0, |v| v as f64);
    }
    let shift = n - 53;
    let top: UBig = m >> shift;
    let mut q = u64::try_from(&top).unwrap_or(0);
    let half = m.bit(shift - 1);
    let sticky = m.trailing_zeros().is_some_and(|z| z < shift - 1);
    if half && (sticky || q & 1 == 1) {
        q += 1;
    }
    // q <= 2^53 is exact as an f64, and scaling by a power of two is exact up to overflow
    let scale = i32::try_from(shift).map_or(f64::INFINITY, |k| 2f64.powi(k));
    q as f64 * scale
}

impl PyInt {
    /// Zero.
    pub const ZERO: PyInt = PyInt::Small(0);
    /// One.
    pub const ONE: PyInt = PyInt::Small(1);

    /// Builds a normalized `PyInt` from a big integer.
    pub fn from_ibig(v: IBig) -> PyInt {
        match i64::try_from(&v) {
            Ok(s) => PyInt::Small(s),
            Err(_) => PyInt::Big(v),
        }
    }

    /// Builds a `PyInt` from an `i128`.
    pub fn from_i128(v: i128) -> PyInt {
        match i64::try_from(v) {
            Ok(s) => PyInt::Small(s),
            Err(_) => PyInt::Big(IBig::from(v)),
        }
    }

    /// Builds a `PyInt` from a `u64`.
    pub fn from_u64(v: u64) -> PyInt {
        match i64::try_from(v) {
            Ok(s) => PyInt::Small(s),
            Err(_) => PyInt::Big(IBig::from(v)),
        }
    }

    /// The value as an `IBig` (allocates only for large values).
    pub fn to_ibig(&self) -> IBig {
        match self {
            PyInt::Small(v) => IBig::from(*v),
            PyInt::Big(b) => b.clone(),
        }
    }

    /// The value as an `IBig`, borrowed when it already is one.
    pub fn big(&self) -> Cow<'_, IBig> {
        match self {
            PyInt::Small(v) => Cow::Owned(IBig::from(*v)),
            PyInt::Big(b) => Cow::Borrowed(b),
        }
    }

    /// Consumes the value into an `IBig`.
    pub fn into_ibig(self) -> IBig {
        match self {
            PyInt::Small(v) => IBig::from(v),
            PyInt::Big(b) => b,
        }
    }

    /// The value as `i64`, if it fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            PyInt::Small(v) => Some(*v),
            PyInt::Big(_) => None,
        }
    }

    /// The value as `usize`, if it is non-negative and fits.
    pub fn as_usize(&self) -> Option<usize> {
        match self {
            PyInt::Small(v) => usize::try_from(*v).ok(),
            PyInt::Big(b) => usize::try_from(b).ok(),
        }
    }

    /// The value clamped to `i64` (how CPython reads an `ndigits` or index argument with
    /// `PyNumber_AsSsize_t(x, NULL)`).
    pub fn to_i64_saturating(&self) -> i64 {
        match self {
            PyInt::Small(v) => *v,
            PyInt::Big(_) => {
                if self.is_negative() {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
        }
    }

    /// `round(self, ndigits)` for ints: `self` when `ndigits >= 0`, else rounded to a
    /// multiple of `10**-ndigits`, ties to even (CPython `long_round`).
    pub fn round_ndigits(&self, ndigits: i64) -> PyInt {
        if ndigits >= 0 {
            return self.clone();
        }
        let places = ndigits.unsigned_abs();
        // 10**places exceeds 2 * |self| once places > digits(self) + 1: the result is 0.
        let max_digits = (self.bit_length() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
        if places > max_digits {
            return PyInt::ZERO;
        }
        let Ok(places) = usize::try_from(places) else {
            return PyInt::ZERO;
        };
        let pow = UBig::from(10u8).pow(places);
        let magnitude = mag(&self.big());
        let (q, r) = (&magnitude).div_rem(&pow);
        let twice = r << 1;
        let q = if twice > pow || (twice == pow && q.bit(0)) {
            q + UBig::ONE
        } else {
            q
        };
        let rounded = IBig::from(q * pow);
        PyInt::from_ibig(if self.is_negative() { -rounded } else { rounded })
    }

    /// True for 0.
    pub fn is_zero(&self) -> bool {
        matches!(self, PyInt::Small(0))
    }

    /// True for values below 0.
    pub fn is_negative(&self) -> bool {
        match self {
            PyInt::Small(v) => *v < 0,
            PyInt::Big(b) => b.sign() == Sign::Negative,
        }
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i64 {
        match self {
            PyInt::Small(v) => v.signum(),
            PyInt::Big(b) => {
                if b.sign() == Sign::Negative {
                    -1
                } else {
                    1
                }
            }
        }
    }

    /// `-self`.
    pub fn neg(&self) -> PyInt {
        match self {
            PyInt::Small(v) => match v.checked_neg() {
                Some(n) => PyInt::Small(n),
                None => PyInt::Big(-IBig::from(*v)),
            },
            PyInt::Big(b) => PyInt::from_ibig(-b),
        }
    }

    /// `abs(self)`.
    pub fn abs(&self) -> PyInt {
        if self.is_negative() { self.neg() } else { self.clone() }
    }

    /// `self + other`.
    pub fn add(&self, other: &PyInt) -> PyInt {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && let Some(r) = a.checked_add(*b)
        {
            return PyInt::Small(r);
        }
        PyInt::from_ibig(&*self.big() + &*other.big())
    }

    /// `self - other`.
    pub fn sub(&self, other: &PyInt) -> PyInt {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && let Some(r) = a.checked_sub(*b)
        {
            return PyInt::Small(r);
        }
        PyInt::from_ibig(&*self.big() - &*other.big())
    }

    /// `self * other`.
    pub fn mul(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => match a.checked_mul(*b) {
                Some(r) => PyInt::Small(r),
                None => PyInt::from_i128(i128::from(*a) * i128::from(*b)),
            },
            (PyInt::Small(0), _) | (_, PyInt::Small(0)) => PyInt::ZERO,
            (PyInt::Big(a), PyInt::Small(b)) | (PyInt::Small(b), PyInt::Big(a)) => PyInt::from_ibig(a * IBig::from(*b)),
            (PyInt::Big(a), PyInt::Big(b)) => PyInt::from_ibig(a * b),
        }
    }

    /// `self * other`, refusing (`MemoryError`) a product too large for the memory
    /// available (see [`check_allocatable`]).
    pub fn checked_mul(&self, other: &PyInt) -> NumResult<PyInt> {
        if let (PyInt::Big(_), _) | (_, PyInt::Big(_)) = (self, other) {
            let bits = self.bit_length().saturating_add(other.bit_length());
            if bits > MAX_RESULT_BITS {
                return Err(NumError::Memory);
            }
            check_product_bits(bits)?;
        }
        Ok(self.mul(other))
    }

    /// Floor quotient and remainder; `None` when `other` is zero.
    fn floor_divmod(&self, other: &PyInt) -> Option<(PyInt, PyInt)> {
        if other.is_zero() {
            return None;
        }
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other) {
            let (a, b) = (i128::from(*a), i128::from(*b));
            let (mut q, mut r) = (a / b, a % b);
            if r != 0 && ((r < 0) != (b < 0)) {
                q -= 1;
                r += b;
            }
            return Some((PyInt::from_i128(q), PyInt::from_i128(r)));
        }
        let b = other.big();
        let (mut q, mut r) = (&*self.big()).div_rem(&*b);
        if !r.is_zero() && (r.sign() != b.sign()) {
            q -= IBig::ONE;
            r += &*b;
        }
        Some((PyInt::from_ibig(q), PyInt::from_ibig(r)))
    }

    /// `self // other` (floor division). Error: ZeroDivisionError
    /// "integer division or modulo by zero".
    pub fn floordiv(&self, other: &PyInt) -> NumResult<PyInt> {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && *b != 0
            && *b != -1
        {
            let q = a / b;
            let adjust = (a % b != 0) && ((*a < 0) != (*b < 0));
            return Ok(PyInt::Small(if adjust { q - 1 } else { q }));
        }
        self.floor_divmod(other)
            .map(|(q, _)| q)
            .ok_or_else(|| zero_div(MSG_DIVMOD_ZERO))
    }

    /// `self % other` (result has the sign of `other`). Error: ZeroDivisionError
    /// "integer modulo by zero".
    pub fn modulo(&self, other: &PyInt) -> NumResult<PyInt> {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && *b != 0
            && *b != -1
        {
            let r = a % b;
            return Ok(PyInt::Small(if r != 0 && ((r < 0) != (*b < 0)) { r + b } else { r }));
        }
        self.floor_divmod(other)
            .map(|(_, r)| r)
            .ok_or_else(|| zero_div(MSG_MOD_ZERO))
    }

    /// `divmod(self, other)`. Error: ZeroDivisionError "integer division or modulo by zero".
    pub fn divmod(&self, other: &PyInt) -> NumResult<(PyInt, PyInt)> {
        self.floor_divmod(other).ok_or_else(|| zero_div(MSG_DIVMOD_ZERO))
    }

    /// `self / other`, correctly rounded. Errors: ZeroDivisionError "division by zero",
    /// OverflowError "integer division result too large for a float".
    pub fn truediv(&self, other: &PyInt) -> NumResult<f64> {
        const EXACT: i64 = 1 << 53;
        if other.is_zero() {
            return Err(zero_div("division by zero"));
        }
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && (-EXACT..=EXACT).contains(a)
            && (-EXACT..=EXACT).contains(b)
        {
            return Ok(*a as f64 / *b as f64);
        }
        let negative = self.is_negative() != other.is_negative();
        let q = true_div_magnitude(&mag(&self.big()), &mag(&other.big()))
            .ok_or_else(|| overflow("integer division result too large for a float"))?;
        Ok(if negative { -q } else { q })
    }

    /// `self ** exp` (two-argument pow). A negative exponent gives
    /// `PowResult::Float(float(self) ** float(exp))` with float-power errors
    /// (ZeroDivisionError "0.0 cannot be raised to a negative power", OverflowError
    /// "int too large to convert to float"). Huge results raise `MemoryError`.
    pub fn pow(&self, exp: &PyInt) -> NumResult<PowResult> {
        if exp.is_negative() {
            let base = self.to_f64()?;
            let e = exp.to_f64()?;
            return float_ops::pow(base, e).map(PowResult::Float);
        }
        // Bases whose powers stay small, for any exponent.
        match self {
            PyInt::Small(0) => {
                return Ok(PowResult::Int(PyInt::Small(i64::from(exp.is_zero()))));
            }
            PyInt::Small(1) => return Ok(PowResult::Int(PyInt::ONE)),
            PyInt::Small(-1) => {
                let odd = match exp {
                    PyInt::Small(e) => e & 1 == 1,
                    PyInt::Big(b) => b.bit(0),
                };
                return Ok(PowResult::Int(PyInt::Small(if odd { -1 } else { 1 })));
            }
            _ => {}
        }
        let Some(e) = exp.as_i64().and_then(|e| u64::try_from(e).ok()) else {
            return Err(NumError::Memory);
        };
        if let PyInt::Small(b) = self
            && let Some(r) = pow_i64_checked(*b, e)
        {
            return Ok(PowResult::Int(PyInt::Small(r)));
        }
        let bits = self.bit_length().saturating_sub(1).saturating_mul(e);
        if bits > MAX_RESULT_BITS {
            return Err(NumError::Memory);
        }
        // Powers of two are a single bit set; others square their way up.
        let is_power_of_two = self.bit_count() == 1;
        if is_power_of_two {
            check_allocatable(self.bit_length().saturating_mul(e) / 8)?;
        } else {
            check_product_bits(self.bit_length().saturating_mul(e))?;
        }
        let e = usize::try_from(e).map_err(|_| NumError::Memory)?;
        Ok(PowResult::Int(PyInt::from_ibig(self.big().pow(e))))
    }

    /// `pow(self, exp, modulus)`. Errors: ValueError "pow() 3rd argument cannot be 0",
    /// ValueError "base is not invertible for the given modulus" (negative `exp`).
    /// The result has the sign of `modulus` (or is 0).
    pub fn pow_mod(&self, exp: &PyInt, modulus: &PyInt) -> NumResult<PyInt> {
        if modulus.is_zero() {
            return Err(value_err("pow() 3rd argument cannot be 0"));
        }
        let negative_output = modulus.is_negative();
        let m_abs = modulus.abs();
        if m_abs == PyInt::ONE {
            return Ok(PyInt::ZERO);
        }
        const NOT_INVERTIBLE: &str = "base is not invertible for the given modulus";
        let positive = match (self, exp, &m_abs) {
            (PyInt::Small(b), PyInt::Small(e), PyInt::Small(m)) => {
                let m = m.unsigned_abs();
                let mut base = i128::from(*b).rem_euclid(i128::from(m)) as u64;
                if *e < 0 {
                    base = modinv_u64(base, m).ok_or_else(|| value_err(NOT_INVERTIBLE))?;
                }
                PyInt::from_u64(powmod_u64(base, e.unsigned_abs(), m))
            }
            _ => {
                let m_u = mag(&m_abs.to_ibig());
                let ring = ConstDivisor::new(m_u);
                let mut base = ring.reduce(self.to_ibig());
                if exp.is_negative() {
                    base = base.inv().ok_or_else(|| value_err(NOT_INVERTIBLE))?;
                }
                let e = mag(&exp.big());
                PyInt::from_ibig(IBig::from(base.pow(&e).residue()))
            }
        };
        if negative_output && !positive.is_zero() {
            Ok(positive.sub(&m_abs))
        } else {
            Ok(positive)
        }
    }

    /// `self << count`. Errors: ValueError "negative shift count"; `MemoryError` for
    /// results beyond [`MAX_RESULT_BITS`].
    pub fn lshift(&self, count: &PyInt) -> NumResult<PyInt> {
        if count.is_negative() {
            return Err(value_err("negative shift count"));
        }
        if self.is_zero() {
            return Ok(PyInt::ZERO);
        }
        let Some(c) = count.as_i64().and_then(|c| u64::try_from(c).ok()) else {
            return Err(NumError::Memory);
        };
        if let PyInt::Small(v) = self
            && c < 64
        {
            let shifted = i128::from(*v) << c;
            return Ok(PyInt::from_i128(shifted));
        }
        if self.bit_length().saturating_add(c) > MAX_RESULT_BITS {
            return Err(NumError::Memory);
        }
        // The shifted copy plus the original.
        check_allocatable(self.bit_length().saturating_add(c) / 8 * 2)?;
        let c = usize::try_from(c).map_err(|_| NumError::Memory)?;
        Ok(PyInt::from_ibig(&*self.big() << c))
    }

    /// `self >> count` (arithmetic, rounds toward negative infinity). Error: ValueError
    /// "negative shift count".
    pub fn rshift(&self, count: &PyInt) -> NumResult<PyInt> {
        if count.is_negative() {
            return Err(value_err("negative shift count"));
        }
        let all_gone = PyInt::Small(if self.is_negative() { -1 } else { 0 });
        let Some(c) = count.as_i64().and_then(|c| u64::try_from(c).ok()) else {
            return Ok(all_gone);
        };
        if c >= self.bit_length() {
            return Ok(all_gone);
        }
        match self {
            // c < bit_length <= 64 here.
            PyInt::Small(v) => Ok(PyInt::Small(v >> c)),
            PyInt::Big(b) => {
                let c = usize::try_from(c).map_err(|_| NumError::Memory)?;
                Ok(PyInt::from_ibig(b >> c))
            }
        }
    }

    /// `self & other` (two's complement semantics for negatives).
    pub fn bitand(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => PyInt::Small(a & b),
            _ => PyInt::from_ibig(&*self.big() & &*other.big()),
        }
    }

    /// `self | other` (two's complement semantics for negatives).
    pub fn bitor(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => PyInt::Small(a | b),
            _ => PyInt::from_ibig(&*self.big() | &*other.big()),
        }
    }

    /// `self ^ other` (two's complement semantics for negatives).
    pub fn bitxor(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => PyInt::Small(a ^ b),
            _ => PyInt::from_ibig(&*self.big() ^ &*other.big()),
        }
    }

    /// `~self` (= `-self - 1`).
    pub fn invert(&self) -> PyInt {
        match self {
            PyInt::Small(v) => PyInt::Small(!v),
            PyInt::Big(b) => PyInt::from_ibig(!b),
        }
    }

    /// `int.bit_length()`: bits of `abs(self)`, 0 for 0.
    pub fn bit_length(&self) -> u64 {
        match self {
            PyInt::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            PyInt::Big(b) => b.bit_len() as u64,
        }
    }

    /// `int.bit_count()`: number of ones in `abs(self)`.
    pub fn bit_count(&self) -> u64 {
        match self {
            PyInt::Small(v) => u64::from(v.unsigned_abs().count_ones()),
            PyInt::Big(b) => mag(b).count_ones() as u64,
        }
    }

    /// `float(self)`, correctly rounded (half to even). Error: OverflowError
    /// "int too large to convert to float".
    pub fn to_f64(&self) -> NumResult<f64> {
        match self {
            PyInt::Small(v) => Ok(*v as f64),
            PyInt::Big(b) => {
                let f = ibig_to_f64(b);
                if f.is_finite() {
                    Ok(f)
                } else {
                    Err(overflow(MSG_TOO_LARGE_FLOAT))
                }
            }
        }
    }

    /// `int(x)` for a float: truncates toward zero. Errors: ValueError "cannot convert
    /// float NaN to integer", OverflowError "cannot convert float infinity to integer".
    pub fn from_f64(x: f64) -> NumResult<PyInt> {
        if x.is_nan() {
            return Err(value_err("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(overflow("cannot convert float infinity to integer"));
        }
        Ok(PyInt::from_integral_f64(x.trunc()))
    }

    /// Exact conversion of a finite float with no fractional part.
    fn from_integral_f64(t: f64) -> PyInt {
        const TWO63: f64 = 9_223_372_036_854_775_808.0;
        if (-TWO63..TWO63).contains(&t) {
            return PyInt::Small(t as i64);
        }
        // |t| >= 2^63: the unbiased exponent is >= 63, so the value is mantissa << shift.
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as usize;
        let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        let shift = exp.saturating_sub(1075);
        let m = IBig::from(mantissa) << shift;
        PyInt::from_ibig(if t < 0.0 { -m } else { m })
    }

    /// Exact comparison of `self` with a float, as CPython's `float_richcompare`.
    /// `None` when `x` is NaN (every ordering comparison is false, `!=` is true).
    pub fn cmp_f64(&self, x: f64) -> Option<Ordering> {
        if x.is_nan() {
            return None;
        }
        if x.is_infinite() {
            return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
        }
        if let PyInt::Small(v) = self
            && v.unsigned_abs() <= 1 << 53
        {
            return (*v as f64).partial_cmp(&x);
        }
        let floor = x.floor();
        let ord = self.cmp(&PyInt::from_integral_f64(floor));
        if ord == Ordering::Equal && floor != x {
            Some(Ordering::Less)
        } else {
            Some(ord)
        }
    }

    /// `self == x` for a float, exact.
    pub fn eq_f64(&self, x: f64) -> bool {
        self.cmp_f64(x) == Some(Ordering::Equal)
    }

    /// Digits of `abs(self)` in `radix` (2..=36, lowercase), no sign or prefix.
    pub fn magnitude_digits(&self, radix: u32) -> String {
        let radix = radix.clamp(2, 36);
        match self {
            PyInt::Small(v) => {
                let mut n = v.unsigned_abs();
                if n == 0 {
                    return "0".to_string();
                }
                let mut buf = Vec::with_capacity(64);
                while n > 0 {
                    let d = (n % u64::from(radix)) as u32;
                    buf.push(char::from_digit(d, radix).unwrap_or('?'));
                    n /= u64::from(radix);
                }
                buf.iter().rev().collect()
            }
            PyInt::Big(b) => mag(b).in_radix(radix).to_string(),
        }
    }

    /// `bin(self)`: `'-0b101'` style.
    pub fn to_bin(&self) -> String {
        self.prefixed(2, "0b")
    }

    /// `oct(self)`: `'-0o17'` style.
    pub fn to_oct(&self) -> String {
        self.prefixed(8, "0o")
    }

    /// `hex(self)`: `'-0xff'` style (lowercase).
    pub fn to_hex(&self) -> String {
        self.prefixed(16, "0x")
    }

    fn prefixed(&self, radix: u32, prefix: &str) -> String {
        let digits = self.magnitude_digits(radix);
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{prefix}{digits}")
    }

    /// `str(self)` with the digit limit `max_str_digits` (0 = unlimited). Error: ValueError
    /// "Exceeds the limit (4300 digits) for integer string conversion; use
    /// sys.set_int_max_str_digits() to increase the limit" (the number is the limit).
    pub fn to_decimal_string(&self, max_str_digits: usize) -> NumResult<String> {
        match self {
            PyInt::Small(v) => Ok(v.to_string()),
            PyInt::Big(b) => {
                if max_str_digits > 0 {
                    // Lower bound on the digit count: floor((bits - 1) * log10(2)) + 1.
                    let bits = b.bit_len() as f64;
                    let min_digits = ((bits - 1.0) * std::f64::consts::LOG10_2).floor() + 1.0;
                    if min_digits > max_str_digits as f64 + 1.0 {
                        return Err(str_limit_error(max_str_digits));
                    }
                }
                // Radix conversion divides and conquers with big multiplications; the text
                // itself takes about 0.3 bytes per bit.
                check_product_bits(b.bit_len() as u64)?;
                let s = b.to_string();
                let digits = s.len() - usize::from(b.sign() == Sign::Negative);
                if max_str_digits > 0 && digits > max_str_digits {
                    return Err(str_limit_error(max_str_digits));
                }
                Ok(s)
            }
        }
    }

    /// `int.to_bytes(length, byteorder, signed=signed)`. Errors: OverflowError
    /// "can't convert negative int to unsigned", OverflowError "int too big to convert".
    pub fn to_bytes(&self, length: usize, little_endian: bool, signed: bool) -> NumResult<Vec<u8>> {
        if !signed && self.is_negative() {
            return Err(overflow("can't convert negative int to unsigned"));
        }
        let too_big = || overflow("int too big to convert");
        // Bits needed: for signed, values in [-2^(8n-1), 2^(8n-1)).
        let needed = if signed {
            if self.is_negative() {
                self.invert().bit_length() + 1
            } else {
                self.bit_length() + 1
            }
        } else {
            self.bit_length()
        };
        let available = (length as u64).checked_mul(8).ok_or_else(too_big)?;
        // CPython quirk: -1 fits in zero bytes when signed.
        if needed > available && !(signed && *self == PyInt::Small(-1) && length == 0) {
            return Err(too_big());
        }
        let fill = if self.is_negative() { 0xff } else { 0 };
        let mut out = vec![fill; length];
        let le: Vec<u8> = match self {
            PyInt::Small(v) => v.to_le_bytes().to_vec(),
            PyInt::Big(b) => b.to_le_bytes().into_vec(),
        };
        for (dst, src) in out.iter_mut().zip(le.iter()) {
            *dst = *src;
        }
        if !little_endian {
            out.reverse();
        }
        Ok(out)
    }

    /// `int.from_bytes(bytes, byteorder, signed=signed)`.
    pub fn from_bytes(bytes: &[u8], little_endian: bool, signed: bool) -> PyInt {
        let mut le = bytes.to_vec();
        if !little_endian {
            le.reverse();
        }
        let negative = signed && le.last().is_some_and(|b| b & 0x80 != 0);
        let unsigned = IBig::from(UBig::from_le_bytes(&le));
        if negative {
            let bits = le.len().saturating_mul(8);
            PyInt::from_ibig(unsigned - (IBig::ONE << bits))
        } else {
            PyInt::from_ibig(unsigned)
        }
    }
}

fn str_limit_error(limit: usize) -> NumError {
    if limit == DEFAULT_MAX_STR_DIGITS {
        return value_err(MSG_STR_LIMIT);
    }
    NumError::Value(Cow::Owned(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )))
}

/// `base ** e` with overflow detection; never squares more often than needed.
fn pow_i64_checked(base: i64, mut e: u64) -> Option<i64> {
    let mut result: i64 = 1;
    let mut b = base;
    loop {
        if e & 1 == 1 {
            result = result.checked_mul(b)?;
        }
        e >>= 1;
        if e == 0 {
            return Some(result);
        }
        b = b.checked_mul(b)?;
    }
}

fn powmod_u64(mut base: u64, mut e: u64, m: u64) -> u64 {
    let m128 = u128::from(m);
    let mut result: u64 = 1 % m;
    base %= m;
    while e > 0 {
        if e & 1 == 1 {
            result = (u128::from(result) * u128::from(base) % m128) as u64;
        }
        base = (u128::from(base) * u128::from(base) % m128) as u64;
        e >>= 1;
    }
    result
}

/// Inverse of `a` modulo `m` (`m >= 2`), by the extended Euclidean algorithm.
fn modinv_u64(a: u64, m: u64) -> Option<u64> {
    let (mut old_r, mut r) = (i128::from(a), i128::from(m));
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    if old_r != 1 {
        return None;
    }
    Some(old_s.rem_euclid(i128::from(m)) as u64)
}

/// Correctly rounded `a / b` for magnitudes (`b != 0`); `None` on overflow.
fn true_div_magnitude(a: &UBig, b: &UBig) -> Option<f64> {
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021; // C's DBL_MIN_EXP
    const MAX_EXP: i64 = 1024; // C's DBL_MAX_EXP
    if a.is_zero() {
        return Some(0.0);
    }
    let a_bits = a.bit_len() as i64;
    let b_bits = b.bit_len() as i64;
    let diff = a_bits - b_bits;
    // a/b lies in [2^(diff-1), 2^(diff+1)).
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT - 1 {
        return Some(0.0);
    }
    // Scale so that the quotient has MANT+2 or MANT+3 bits (fewer if subnormal).
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let (x, mut inexact) = if shift <= 0 {
        (a << (shift.unsigned_abs() as usize), false)
    } else {
        let s = shift as usize;
        let lost = a.trailing_zeros().is_some_and(|tz| tz < s);
        (a >> s, lost)
    };
    let (q, r) = (&x).div_rem(b);
    inexact |= !r.is_zero();
    let q_bits = q.bit_len() as i64;
    let extra = (q_bits.max(MIN_EXP - shift) - MANT).clamp(1, 62);
    let mut q = u64::try_from(&q).ok()?;
    let half = 1u64 << (extra - 1);
    let low = q & ((1u64 << extra) - 1);
    q >>= extra;
    if low > half || (low == half && (inexact || q & 1 == 1)) {
        q += 1;
    }
    let exp = shift + extra;
    if exp + i64::from(64 - q.leading_zeros()) > MAX_EXP {
        return None;
    }
    Some(float_ops::ldexp(q as f64, exp))
}

/// Why `int(str, base)` failed; turn it into the exception with
/// [`IntParseError::into_num_error`], which needs the `repr()` of the original argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// The base is not 0 or 2..=36.
    InvalidBase,
    /// Not a valid literal; `base` is the base as given (0 stays 0).
    InvalidLiteral {
        /// The base argument.
        base: u32,
    },
    /// More decimal (non-power-of-two base) digits than the limit allows.
    TooManyDigits {
        /// Number of digits in the string.
        digits: usize,
        /// The limit in force.
        limit: usize,
    },
}

impl IntParseError {
    /// The Python exception. `repr` is `repr(original_argument)` (str or bytes), which CPython
    /// truncates to 200 characters: "invalid literal for int() with base 10: 'abc'".
    pub fn into_num_error(self, repr: &str) -> NumError {
        let msg = match self {
            IntParseError::InvalidBase => {
                return value_err("int() base must be >= 2 and <= 36, or 0");
            }
            IntParseError::InvalidLiteral { base } => {
                let shown: String = repr.chars().take(200).collect();
                format!("invalid literal for int() with base {base}: {shown}")
            }
            IntParseError::TooManyDigits { digits, limit } => format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has \
                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        };
        NumError::Value(Cow::Owned(msg))
    }
}

/// Value of a Unicode decimal digit (general category Nd, Unicode 14.0 as CPython 3.11),
/// or `None`. Every Nd block is ten consecutive code points starting at one of these zeros.
pub fn unicode_decimal_value(c: char) -> Option<u32> {
    const ZEROS: [u32; 66] = [
        0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
        0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
        0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
        0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
        0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
    ];
    let cp = u32::from(c);
    let idx = ZEROS.partition_point(|&z| z <= cp);
    let zero = *ZEROS.get(idx.checked_sub(1)?)?;
    let d = cp - zero;
    (d < 10).then_some(d)
}

/// True for the non-ASCII characters Python's `str.isspace()` accepts.
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Rewrites a str as CPython does before numeric parsing: non-ASCII decimal digits become
/// ASCII digits, non-ASCII whitespace becomes a space, any other non-ASCII character
/// becomes `?` (which no parser accepts). Borrowed when the input is ASCII.
pub fn to_ascii_numeric(s: &str) -> Cow<'_, [u8]> {
    if s.is_ascii() {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some(d) = unicode_decimal_value(c) {
            out.push(b'0' + d as u8);
        } else if is_unicode_space(c) {
            out.push(b' ');
        } else {
            out.push(b'?');
        }
    }
    Cow::Owned(out)
}

/// ASCII whitespace as C's `isspace` (CPython's `Py_ISSPACE`).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `int(s, base)` for a str (Unicode digits and spaces accepted). `max_str_digits` is the
/// `sys.set_int_max_str_digits` limit (0 = unlimited), applied to non-power-of-two bases.
pub fn parse_int(s: &str, base: u32, max_str_digits: usize) -> Result<PyInt, IntParseError> {
    parse_int_ascii(&to_ascii_numeric(s), base, max_str_digits)
}

/// `int(b, base)` for bytes/bytearray: like [`parse_int`] but only ASCII is meaningful.
pub fn parse_int_bytes(b: &[u8], base: u32, max_str_digits: usize) -> Result<PyInt, IntParseError> {
    parse_int_ascii(b, base, max_str_digits)
}

fn parse_int_ascii(s: &[u8], base: u32, max_str_digits: usize) -> Result<PyInt, IntParseError> {
    if base == 1 || base > 36 {
        return Err(IntParseError::InvalidBase);
    }
    let invalid = IntParseError::InvalidLiteral { base };
    let mut i = 0;
    while s.get(i).copied().is_some_and(is_ascii_space) {
        i += 1;
    }
    let mut negative = false;
    match s.get(i) {
        Some(b'-') => {
            negative = true;
            i += 1;
        }
        Some(b'+') => i += 1,
        _ => {}
    }
    let mut radix = base;
    let mut prefixed = false;
    let mut zero_check = false;
    let first = s.get(i).copied();
    let second = s.get(i + 1).map(|c| c.to_ascii_lowercase());
    if first == Some(b'0') {
        let prefix_radix = match second {
            Some(b'x') => 16,
            Some(b'o') => 8,
            Some(b'b') => 2,
            _ => 0,
        };
        if base == 0 {
            if prefix_radix != 0 {
                radix = prefix_radix;
                prefixed = true;
            } else {
                radix = 10;
                zero_check = true;
            }
        } else if prefix_radix == base {
            prefixed = true;
        }
    } else if base == 0 {
        radix = 10;
    }
    if prefixed {
        i += 2;
    }
    // Digits, with single underscores between digits (one may follow the prefix).
    let mut digits = Vec::with_capacity(s.len().saturating_sub(i));
    let mut underscore_ok = prefixed;
    let mut last_underscore = false;
    while let Some(&c) = s.get(i) {
        if c == b'_' {
            if !underscore_ok {
                return Err(invalid);
            }
            underscore_ok = false;
            last_underscore = true;
        } else {
            match (c as char).to_digit(36) {
                Some(d) if d < radix => digits.push(c),
                _ => break,
            }
            underscore_ok = true;
            last_underscore = false;
        }
        i += 1;
    }
    if digits.is_empty() || last_underscore {
        return Err(invalid);
    }
    if !radix.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(IntParseError::TooManyDigits {
            digits: digits.len(),
            limit: max_str_digits,
        });
    }
    while s.get(i).copied().is_some_and(is_ascii_space) {
        i += 1;
    }
    if i != s.len() {
        return Err(invalid);
    }
    let value = digits_value(&digits, radix).ok_or(invalid.clone())?;
    if zero_check && !value.is_zero() {
        return Err(invalid);
    }
    Ok(if negative { value.neg() } else { value })
}

/// Value of validated ASCII digits in `radix`.
fn digits_value(digits: &[u8], radix: u32) -> Option<PyInt> {
    if digits.len() <= 12 {
        let mut v: i64 = 0;
        for &c in digits {
            v = v * i64::from(radix) + i64::from((c as char).to_digit(radix)?);
        }
        return Some(PyInt::Small(v));
    }
    let text = std::str::from_utf8(digits).ok()?;
    UBig::from_str_radix(text, radix)
        .ok()
        .map(|u| PyInt::from_ibig(IBig::from(u)))
}

#[cfg(test)]
#[path = "int_tests.rs"]
mod tests;

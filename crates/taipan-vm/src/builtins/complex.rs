//! The `complex` type: constructor (numbers, `__complex__`, strings such as `'1+2j'`),
//! arithmetic, comparison, hashing, `repr`/`str` and `format()`. Source of the
//! behaviour: CPython 3.11 `Objects/complexobject.c` (arithmetic, constructor, string
//! parsing) and `Python/formatter_unicode.c` (`format_complex_internal`).
//!
//! Representation: `ObjKind::Complex(real, imag)`; exact complexes have class
//! `vm.types.complex`, subclass instances carry the same payload (`Layout::Complex`).
//!
//! Algorithms (all as CPython 3.11, which converts every int/float operand to a complex
//! with a zero imaginary part before operating — no mixed-mode arithmetic):
//! - `*` is the textbook product; `/` is Smith's algorithm (divide numerator and
//!   denominator by the larger-magnitude component of the divisor), a zero divisor is
//!   ZeroDivisionError "complex division by zero".
//! - `**`: an exponent with a zero imaginary part and an integral real part of magnitude
//!   at most 100 uses binary exponentiation by squaring (negative exponents divide 1 by
//!   the positive power); otherwise the polar form `|a|**b.re / exp(arg(a)*b.im)` with
//!   phase `arg(a)*b.re + b.im*log|a|`. `0` to a negative or complex power, a division by
//!   zero inside the integral path, or a cosine/sine of an infinite phase (C's `EDOM`)
//!   is ZeroDivisionError "0.0 to a negative or complex power"; otherwise an infinite
//!   component is OverflowError "complex exponentiation".
//! - `abs` is `hypot` (C99 rules for infinities and NaNs), OverflowError "absolute value
//!   too large" when it overflows.
//! - `repr`: shortest round-trip digits for each part without a forced `.0`; a real part
//!   of `+0.0` is omitted (`1j`), otherwise the imaginary part always has a sign and the
//!   whole is parenthesized (`(-0-1j)`, `(nan+infj)`).
//! - String parsing: Unicode digits/spaces are mapped to ASCII, underscores are only
//!   allowed between digits, then one of `<float>`, `<float>j`, `<float><signed float>j`,
//!   `<float><sign>j`, `<sign>j`, `j` is accepted, optionally in parentheses with
//!   surrounding whitespace (no whitespace inside the number).

use taipan_bytecode::BinaryOperator as B;

use crate::builtins::args::parse_args;
use crate::numops::{num_err, to_pyint};
use crate::object::{NativeFn, ObjKind, Object};
use crate::support::float_repr::{self, FloatFormat, FloatKind};
use crate::support::format_spec::{self as fs, Align, FormatError, FormatSpec, Grouping, Sign};
use crate::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// A complex number as `(real, imag)`.
pub type C64 = (f64, f64);

/// Message of the ZeroDivisionError raised by `/`.
const MSG_DIV_ZERO: &str = "complex division by zero";
/// Message of the ZeroDivisionError raised by `**`.
const MSG_POW_ZERO: &str = "0.0 to a negative or complex power";
/// Message of the OverflowError raised by `**`.
const MSG_POW_OVERFLOW: &str = "complex exponentiation";

// ---------------------------------------------------------------------------
// Pure arithmetic
// ---------------------------------------------------------------------------

/// `a * b` (CPython `_Py_c_prod`).
pub fn c_prod(a: C64, b: C64) -> C64 {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by Smith's algorithm (CPython `_Py_c_quot`); `None` when `b` is zero.
pub fn c_quot(a: C64, b: C64) -> Option<C64> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one component of b is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a complex power failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowError {
    /// C's `EDOM`: ZeroDivisionError "0.0 to a negative or complex power".
    Domain,
    /// C's `ERANGE`: OverflowError "complex exponentiation".
    Range,
}

/// `x ** n` for `n >= 0` by repeated squaring (CPython `c_powu`).
fn c_powu(x: C64, n: i64) -> C64 {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask = match mask.checked_shl(1) {
            Some(m) => m,
            None => break,
        };
        p = c_prod(p, p);
    }
    r
}

/// `x ** n` for a small integer `n` (CPython `c_powi`); `Err` on a division by zero.
fn c_powi(x: C64, n: i64) -> Result<C64, PowError> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, n.saturating_neg())).ok_or(PowError::Domain)
    }
}

/// `a ** b` in polar form (CPython `_Py_c_pow`); `Err(Domain)` for zero to a negative or
/// complex power and for an infinite phase (where C's `cos`/`sin` report `EDOM`).
fn c_pow_polar(a: C64, b: C64) -> Result<C64, PowError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        return Err(PowError::Domain);
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` with CPython's `complex_pow` error rules (see the module docs).
pub fn c_pow(a: C64, b: C64) -> Result<C64, PowError> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        // |b.0| <= 100 and integral: the conversion is exact.
        c_powi(a, b.0 as i64)?
    } else {
        c_pow_polar(a, b)?
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(PowError::Range);
    }
    Ok(p)
}

/// `abs(z)`; `None` when the result overflows.
pub fn c_abs(z: C64) -> Option<f64> {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return Some(z.0.abs());
        }
        if z.1.is_infinite() {
            return Some(z.1.abs());
        }
        return Some(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() { None } else { Some(r) }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// One part in `repr` style (shortest digits, no forced `.0`), with a leading `+` for
/// non-negative values when `sign` is set (NaN never shows `-`).
fn repr_part(x: f64, sign: bool) -> String {
    let spec = FloatFormat {
        kind: FloatKind::Repr,
        precision: 0,
        upper: false,
        alt: false,
        add_dot_0: false,
    };
    let (negative, body) = float_repr::format_f64_parts(x, &spec);
    if negative {
        format!("-{body}")
    } else if sign {
        format!("+{body}")
    } else {
        body
    }
}

/// `repr(z)` / `str(z)` exactly as CPython: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", repr_part(im, false))
    } else {
        format!("({}{}j)", repr_part(re, false), repr_part(im, true))
    }
}

/// Inserts `sep` every three digits (from the right) into a run of ASCII digits.
fn group_digits(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// One formatted part for `format()`: sign, grouped integer digits, the rest.
fn format_part(x: f64, req: &FloatFormat, sign: Option<Sign>, no_neg_zero: bool, grouping: Option<Grouping>) -> String {
    let (mut negative, body) = float_repr::format_f64_parts(x, req);
    if negative && no_neg_zero && x.is_finite() && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        negative = false;
    }
    let mut out = String::with_capacity(body.len() + 8);
    if negative {
        out.push('-');
    } else {
        match sign {
            Some(Sign::Plus) => out.push('+'),
            Some(Sign::Space) => out.push(' '),
            _ => {}
        }
    }
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(int_len);
    match grouping {
        Some(Grouping::Comma) => out.push_str(&group_digits(digits, ',')),
        Some(Grouping::Underscore) => out.push_str(&group_digits(digits, '_')),
        None => out.push_str(digits),
    }
    out.push_str(rest);
    out
}

/// The quoted presentation type of an "Unknown format code" message.
fn quote_code(c: char) -> String {
    if c > ' ' && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `format(z, spec)` (CPython `format_complex_internal`). Errors (ValueError): spec
/// parse errors, "Zero padding is not allowed in complex format specifier", "'='
/// alignment flag is not allowed in complex format specifier", "Unknown format code 'X'
/// for object of type 'complex'", "precision too big".
pub fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(complex_repr(re, im));
    }
    let spec: FormatSpec = fs::parse_format_spec(spec, "complex", None)?;
    if spec.fill == Some('0') || (spec.fill.is_none() && spec.zero_pad) {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (mut kind, mut upper) = match spec.ty {
        None => (FloatKind::Repr, false),
        Some('e') => (FloatKind::Exp, false),
        Some('E') => (FloatKind::Exp, true),
        Some('f') => (FloatKind::Fixed, false),
        Some('F') => (FloatKind::Fixed, true),
        Some('g' | 'n') => (FloatKind::General, false),
        Some('G') => (FloatKind::General, true),
        Some(other) => {
            return Err(FormatError::value(format!(
                "Unknown format code {} for object of type 'complex'",
                quote_code(other)
            )));
        }
    };
    let mut skip_re = false;
    let mut parens = false;
    if spec.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let precision = match spec.precision {
        None => {
            if kind == FloatKind::Repr {
                0
            } else {
                6
            }
        }
        Some(p) => {
            if kind == FloatKind::Repr {
                kind = FloatKind::General;
                upper = false;
            }
            p
        }
    };
    if precision > i32::MAX as usize {
        return Err(FormatError::value("precision too big"));
    }
    let req = FloatFormat {
        kind,
        precision,
        upper,
        alt: spec.alternate,
        add_dot_0: false,
    };
    let grouping = if spec.ty == Some('n') { None } else { spec.grouping };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&format_part(re, &req, spec.sign, spec.no_neg_zero, grouping));
    }
    let im_sign = if skip_re { spec.sign } else { Some(Sign::Plus) };
    body.push_str(&format_part(im, &req, im_sign, spec.no_neg_zero, grouping));
    body.push('j');
    if parens {
        body.push(')');
    }
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return Ok(body);
    }
    let pad = width - len;
    let fill = spec.fill.unwrap_or(' ');
    let (left, right) = match spec.align.unwrap_or(Align::Right) {
        Align::Left => (0, pad),
        Align::Center => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut out = String::with_capacity(body.len() + pad * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Why a string is not a complex number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// "complex() arg is a malformed string".
    Malformed,
    /// Misplaced underscore: "could not convert string to complex: '...'".
    Underscore,
}

/// The length of a case-insensitive `inf`/`infinity`/`nan` at the start of `b`, with
/// its value.
fn scan_inf_nan(b: &[u8]) -> Option<(f64, usize)> {
    let lower = |n: usize| -> Option<Vec<u8>> { b.get(..n).map(|s| s.to_ascii_lowercase()) };
    if lower(8).as_deref() == Some(b"infinity") {
        return Some((f64::INFINITY, 8));
    }
    if lower(3).as_deref() == Some(b"inf") {
        return Some((f64::INFINITY, 3));
    }
    if lower(3).as_deref() == Some(b"nan") {
        return Some((f64::NAN, 3));
    }
    None
}

/// The longest float at `b[pos..]` (C's `strtod` on Python's grammar: optional sign,
/// digits with an optional point, optional exponent, or inf/nan); `None` if none.
/// Returns the value and the end position.
fn scan_float(b: &[u8], pos: usize) -> Option<(f64, usize)> {
    let mut i = pos;
    let negative = match b.get(i) {
        Some(b'+') => {
            i += 1;
            false
        }
        Some(b'-') => {
            i += 1;
            true
        }
        _ => false,
    };
    let apply = |v: f64| if negative { -v } else { v };
    if let Some((v, n)) = b.get(i..).and_then(scan_inf_nan) {
        return Some((apply(v), i + n));
    }
    let start = i;
    let is_digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    let mut ndigits = 0usize;
    while is_digit(i) {
        i += 1;
        ndigits += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while is_digit(i) {
            i += 1;
            ndigits += 1;
        }
    }
    if ndigits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if is_digit(j) {
            while is_digit(j) {
                j += 1;
            }
            i = j;
        }
    }
    let text = std::str::from_utf8(b.get(start..i)?).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((apply(v), i))
}

/// Removes underscores, which are only allowed between two digits
/// (CPython `_Py_string_to_number_with_underscores`).
fn strip_underscores(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' { None } else { Some(out) }
}

/// Parses ASCII text without underscores (CPython `complex_from_string_inner`).
fn parse_ascii(b: &[u8]) -> Option<C64> {
    let space = |j: usize| b.get(j).is_some_and(|&c| crate::support::int::is_ascii_space(c));
    let is_j = |j: usize| matches!(b.get(j), Some(b'j' | b'J'));
    let mut i = 0usize;
    while space(i) {
        i += 1;
    }
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        while space(i) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    match scan_float(b, i) {
        Some((z, end)) => {
            i = end;
            match b.get(i) {
                Some(&s @ (b'+' | b'-')) => {
                    x = z;
                    match scan_float(b, i) {
                        Some((w, e2)) => {
                            y = w;
                            i = e2;
                        }
                        None => {
                            y = if s == b'+' { 1.0 } else { -1.0 };
                            i += 1;
                        }
                    }
                    if !is_j(i) {
                        return None;
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    i += 1;
                    y = z;
                }
                _ => x = z,
            }
        }
        None => {
            match b.get(i) {
                Some(b'+') => {
                    y = 1.0;
                    i += 1;
                }
                Some(b'-') => {
                    y = -1.0;
                    i += 1;
                }
                _ => y = 1.0,
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        }
    }
    while space(i) {
        i += 1;
    }
    if bracket {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        while space(i) {
            i += 1;
        }
    }
    if i == b.len() { Some((x, y)) } else { None }
}

/// `complex(s)` for a str `s`.
pub fn parse_complex(s: &str) -> Result<C64, ParseError> {
    let ascii = crate::support::int::to_ascii_numeric(s);
    if ascii.contains(&b'_') {
        let stripped = strip_underscores(&ascii).ok_or(ParseError::Underscore)?;
        return parse_ascii(&stripped).ok_or(ParseError::Malformed);
    }
    parse_ascii(&ascii).ok_or(ParseError::Malformed)
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// The payload of a complex (or complex subclass) value.
#[inline]
pub fn complex_of(v: &Value) -> Option<C64> {
    match v {
        Value::Obj(o) => match o.kind {
            ObjKind::Complex(re, im) => Some((re, im)),
            _ => None,
        },
        _ => None,
    }
}

/// A new exact `complex` value.
pub fn complex_value(vm: &Vm, re: f64, im: f64) -> Value {
    Value::new_obj(&vm.types.complex, ObjKind::Complex(re, im))
}

/// An int, bool, float or complex (or subclass instance) as a complex operand (CPython
/// `TO_COMPLEX`); `None` for other kinds, OverflowError for ints too large for a float.
fn operand(vm: &mut Vm, v: &Value) -> Option<PyResult<C64>> {
    match v {
        Value::Float(f) => Some(Ok((*f, 0.0))),
        Value::Int(i) => Some(Ok((*i as f64, 0.0))),
        Value::Bool(b) => Some(Ok((f64::from(u8::from(*b)), 0.0))),
        Value::Obj(o) => match &o.kind {
            ObjKind::Complex(re, im) => Some(Ok((*re, *im))),
            ObjKind::Float(f) => Some(Ok((*f, 0.0))),
            ObjKind::Int(_) => to_pyint(v).map(|i| i.to_f64().map(|f| (f, 0.0)).map_err(|e| num_err(vm, e))),
            _ => None,
        },
        Value::None => None,
    }
}

fn pow_error(vm: &mut Vm, e: PowError) -> PyErr {
    match e {
        PowError::Domain => vm.zero_division_error(MSG_POW_ZERO),
        PowError::Range => vm.overflow_error(MSG_POW_OVERFLOW),
    }
}

/// `a ** b` for complex operands, as a value (also used for a negative float to a
/// fractional power, which CPython's float `**` hands to complex `**`).
pub fn pow_value(vm: &mut Vm, a: C64, b: C64) -> PyResult<Value> {
    match c_pow(a, b) {
        Ok((re, im)) => Ok(complex_value(vm, re, im)),
        Err(e) => Err(pow_error(vm, e)),
    }
}

/// `a op b` on two complex operands; `None` for operators complex does not have.
fn arith(vm: &mut Vm, a: C64, b: C64, op: B) -> Option<PyResult<Value>> {
    let r = match op {
        B::Add => (a.0 + b.0, a.1 + b.1),
        B::Subtract => (a.0 - b.0, a.1 - b.1),
        B::Multiply => c_prod(a, b),
        B::TrueDivide => match c_quot(a, b) {
            Some(q) => q,
            None => return Some(Err(vm.zero_division_error(MSG_DIV_ZERO))),
        },
        B::Power => return Some(pow_value(vm, a, b)),
        _ => return None,
    };
    Some(Ok(complex_value(vm, r.0, r.1)))
}

/// The built-in `a op b` (`op` not in-place) when either operand is a complex and the
/// other a number; `None` otherwise (other kinds, or operators complex does not
/// support, so the caller reports "unsupported operand type(s)").
pub fn complex_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> Option<PyResult<Value>> {
    if complex_of(a).is_none() && complex_of(b).is_none() {
        return None;
    }
    if !matches!(op, B::Add | B::Subtract | B::Multiply | B::TrueDivide | B::Power) {
        return None;
    }
    let x = match operand(vm, a)? {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match operand(vm, b)? {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    arith(vm, x, y, op)
}

/// `abs(z)`. Error: OverflowError "absolute value too large".
pub fn abs_value(vm: &mut Vm, z: C64) -> PyResult<f64> {
    c_abs(z).ok_or_else(|| vm.overflow_error("absolute value too large"))
}

// ---------------------------------------------------------------------------
// Constructor
// ---------------------------------------------------------------------------

/// True if `v` can be converted by `float()` as a number (CPython: has `nb_float` or
/// `nb_index`), or is a complex.
fn is_number(vm: &Vm, v: &Value) -> bool {
    complex_of(v).is_some()
        || crate::builtins::float::float_of(v).is_some()
        || to_pyint(v).is_some()
        || vm.lookup_special(v, "__float__").is_some()
        || vm.lookup_special(v, "__index__").is_some()
}

/// A complex (exact, or an instance of the subclass `cls`).
fn new_of_class(vm: &mut Vm, cls: &Obj, re: f64, im: f64) -> Value {
    if std::rc::Rc::ptr_eq(cls, &vm.types.complex) {
        return complex_value(vm, re, im);
    }
    let dict = if crate::types::tdata(cls).heap_type {
        Some(vm.new_dict_obj())
    } else {
        None
    };
    Value::Obj(crate::gc::alloc(Object::with(
        Some(cls.clone()),
        dict,
        ObjKind::Complex(re, im),
    )))
}

/// `complex(s)` for a str value.
fn from_str_value(vm: &mut Vm, v: &Value, s: &str) -> PyResult<C64> {
    match parse_complex(s) {
        Ok(z) => Ok(z),
        Err(ParseError::Malformed) => Err(vm.value_error("complex() arg is a malformed string")),
        Err(ParseError::Underscore) => {
            let r = vm.repr(v)?;
            Err(vm.value_error(format!("could not convert string to complex: {r}")))
        }
    }
}

/// A number argument of `complex()` as a complex: its payload, or `(float(v), 0)`.
fn to_parts(vm: &mut Vm, v: &Value) -> PyResult<(C64, bool)> {
    if let Some(z) = complex_of(v) {
        return Ok((z, true));
    }
    let f = crate::builtins::constructors::float_from_value(vm, v)?;
    Ok(((f, 0.0), false))
}

/// `complex(real=0, imag=0)` (`complex.__new__`).
fn complex_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => c.clone(),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("complex.__new__(X): X is not a type object ({tn})")));
        }
        None => return Err(vm.type_error("complex.__new__(): not enough arguments")),
    };
    let complex_t = vm.types.complex.clone();
    if !crate::types::is_subtype(&cls, &complex_t) {
        let n = crate::types::tdata(&cls).name.borrow().to_string();
        return Err(vm.type_error(format!("complex.__new__({n}): {n} is not a subtype of complex")));
    }
    for k in kwnames {
        let ks = k.as_str().unwrap_or("");
        if ks != "real" && ks != "imag" {
            return Err(vm.type_error(format!("'{ks}' is an invalid keyword argument for complex()")));
        }
    }
    let a = parse_args(
        vm,
        "complex",
        args.get(1..).unwrap_or(&[]),
        kwnames,
        &["real", "imag"],
        0,
    )?;
    let r = a[0].clone().unwrap_or(Value::Int(0));
    let i = a[1].clone();
    let exact_cls = std::rc::Rc::ptr_eq(&cls, &complex_t);
    if i.is_none()
        && exact_cls
        && r.as_obj()
            .is_some_and(|o| o.class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, &complex_t)))
    {
        return Ok(r);
    }
    if let Some(s) = r.as_str() {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = s.to_string();
        let (re, im) = from_str_value(vm, &r, &s)?;
        return Ok(new_of_class(vm, &cls, re, im));
    }
    if i.as_ref().is_some_and(|v| v.as_str().is_some()) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let mut r = r;
    if let Some(m) = vm.lookup_special(&r, "__complex__") {
        let res = vm.call(&m, std::slice::from_ref(&r))?;
        if complex_of(&res).is_none() {
            let tn = vm.type_name(&res);
            return Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")));
        }
        r = res;
    }
    if !is_number(vm, &r) {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{tn}'"
        )));
    }
    if let Some(iv) = &i
        && !is_number(vm, iv)
    {
        let tn = vm.type_name(iv);
        return Err(vm.type_error(format!("complex() second argument must be a number, not '{tn}'")));
    }
    let (cr, cr_is_complex) = to_parts(vm, &r)?;
    let (mut re, mut im) = (cr.0, cr.1);
    if let Some(iv) = &i {
        let (ci, ci_is_complex) = to_parts(vm, iv)?;
        im = ci.0;
        if ci_is_complex {
            re -= ci.1;
        }
        if cr_is_complex {
            im += cr.1;
        }
    }
    Ok(new_of_class(vm, &cls, re, im))
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

/// The receiver of a slot wrapper, with CPython's descriptor errors; checks that exactly
/// `nargs` further arguments were given.
fn slot_self(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, nargs: usize) -> PyResult<C64> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of 'complex' object needs an argument")));
    };
    let Some(z) = complex_of(s) else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'complex' object but received a '{tn}'"
        )));
    };
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    if given != nargs {
        let s = if nargs == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {nargs} argument{s}, got {given}")));
    }
    Ok(z)
}

/// The receiver of a named method taking no arguments.
fn method_self(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<C64> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("unbound method complex.{name}() needs an argument")));
    };
    let Some(z) = complex_of(s) else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{tn}' object"
        )));
    };
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("complex.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "complex.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(z)
}

fn binop(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: B, reflected: bool) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, name, 1)?;
    let Some(y) = args.get(1).and_then(|v| operand(vm, v)) else {
        return Ok(vm.not_implemented.clone());
    };
    let y = y?;
    let (a, b) = if reflected { (y, x) } else { (x, y) };
    arith(vm, a, b, op).unwrap_or_else(|| Ok(vm.not_implemented.clone()))
}

macro_rules! complex_binops {
    ($($f:ident, $rf:ident, $op:ident, $name:literal, $rname:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                binop(vm, args, kwnames, $name, B::$op, false)
            }
            fn $rf(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                binop(vm, args, kwnames, $rname, B::$op, true)
            }
        )*
        /// The binary slot wrappers, by name.
        const BINOPS: &[(&str, NativeFn)] = &[$(($name, $f as NativeFn), ($rname, $rf as NativeFn),)*];
    };
}

complex_binops! {
    complex_add, complex_radd, Add, "__add__", "__radd__";
    complex_sub, complex_rsub, Subtract, "__sub__", "__rsub__";
    complex_mul, complex_rmul, Multiply, "__mul__", "__rmul__";
    complex_truediv, complex_rtruediv, TrueDivide, "__truediv__", "__rtruediv__";
}

/// `__pow__`/`__rpow__`: a modulus other than None is ValueError "complex modulo".
fn pow_slot(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, reflected: bool) -> PyResult<Value> {
    let given = args.len().saturating_sub(1);
    if given == 2 {
        let x = slot_self(vm, &args[..2], kwnames, name, 1)?;
        let Some(y) = operand(vm, &args[1]) else {
            return Ok(vm.not_implemented.clone());
        };
        let y = y?;
        if !args[2].is_none() {
            return Err(vm.value_error("complex modulo"));
        }
        let (a, b) = if reflected { (y, x) } else { (x, y) };
        return pow_value(vm, a, b);
    }
    if given != 1 && args.first().is_some_and(|s| complex_of(s).is_some()) && kwnames.is_empty() {
        // CPython's ternary slot wrapper unpacks its arguments under an empty name.
        let msg = if given == 0 {
            " expected at least 1 argument, got 0".to_string()
        } else {
            format!(" expected at most 2 arguments, got {given}")
        };
        return Err(vm.type_error(msg));
    }
    binop(vm, args, kwnames, name, B::Power, reflected)
}

fn complex_pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pow_slot(vm, args, kwnames, "__pow__", false)
}

fn complex_rpow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pow_slot(vm, args, kwnames, "__rpow__", true)
}

/// `__eq__`/`__ne__` (CPython `complex_richcompare`): an int compares exactly with the
/// real part when the imaginary part is zero.
fn equal_to(vm: &mut Vm, z: C64, other: &Value) -> Option<bool> {
    if to_pyint(other).is_some() {
        if z.1 != 0.0 {
            return Some(false);
        }
        return crate::numops::compare_numbers(
            vm,
            &Value::Float(z.0),
            other,
            taipan_bytecode::ComparisonOperator::Equal,
        );
    }
    if let Some(f) = crate::builtins::float::float_of(other) {
        return Some(z.0 == f && z.1 == 0.0);
    }
    complex_of(other).map(|w| z.0 == w.0 && z.1 == w.1)
}

fn complex_eq(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = slot_self(vm, args, kwnames, "__eq__", 1)?;
    Ok(match equal_to(vm, z, &args[1]) {
        Some(e) => Value::Bool(e),
        None => vm.not_implemented.clone(),
    })
}

fn complex_ne(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = slot_self(vm, args, kwnames, "__ne__", 1)?;
    Ok(match equal_to(vm, z, &args[1]) {
        Some(e) => Value::Bool(!e),
        None => vm.not_implemented.clone(),
    })
}

macro_rules! ordering_slots {
    ($($f:ident, $name:literal;)*) => {
        $(
            /// Ordering is not defined for complex numbers: always NotImplemented.
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                slot_self(vm, args, kwnames, $name, 1)?;
                Ok(vm.not_implemented.clone())
            }
        )*
    };
}

ordering_slots! {
    complex_lt, "__lt__";
    complex_le, "__le__";
    complex_gt, "__gt__";
    complex_ge, "__ge__";
}

macro_rules! unary_slots {
    ($($f:ident, $name:literal, |$vm:ident, $z:ident, $args:ident| $body:expr;)*) => {
        $(
            fn $f($vm: &mut Vm, $args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let $z = slot_self($vm, $args, kwnames, $name, 0)?;
                $body
            }
        )*
    };
}

unary_slots! {
    complex_neg, "__neg__", |vm, z, _a| Ok(complex_value(vm, -z.0, -z.1));
    complex_pos, "__pos__", |vm, z, _a| Ok(complex_value(vm, z.0, z.1));
    complex_abs, "__abs__", |vm, z, _a| abs_value(vm, z).map(Value::Float);
    complex_bool, "__bool__", |vm, z, _a| Ok(Value::Bool(z.0 != 0.0 || z.1 != 0.0));
    complex_hash, "__hash__", |vm, z, a| Ok(Value::Int(crate::support::hash::hash_complex(z.0, z.1, a[0].id() as usize)));
    complex_repr_slot, "__repr__", |vm, z, _a| Ok(vm.new_str(complex_repr(z.0, z.1)));
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = method_self(vm, args, kwnames, "conjugate")?;
    Ok(complex_value(vm, z.0, -z.1))
}

fn complex_complex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = method_self(vm, args, kwnames, "__complex__")?;
    Ok(complex_value(vm, z.0, z.1))
}

fn complex_getnewargs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = method_self(vm, args, kwnames, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::Float(z.0), Value::Float(z.1)]))
}

fn complex_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(z) = args.first().and_then(complex_of) else {
        let tn = args.first().map(|v| vm.type_name(v)).unwrap_or_default();
        return Err(vm.type_error(format!(
            "descriptor '__format__' for 'complex' objects doesn't apply to a '{tn}' object"
        )));
    };
    crate::builtins::args::no_kwargs(vm, "__format__", kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "complex.__format__() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let Some(spec) = args[1].as_str() else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("complex.__format__() argument must be str, not {tn}")));
    };
    let spec = spec.to_string();
    let text = if spec.is_empty() {
        vm.str(&args[0])?
    } else {
        format_complex(z.0, z.1, &spec).map_err(|e| crate::builtins::format::fmt_err(vm, e))?
    };
    Ok(vm.new_str(text))
}

fn get_real(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    match args.first().and_then(complex_of) {
        Some(z) => Ok(Value::Float(z.0)),
        None => Err(vm.type_error("descriptor 'real' for 'complex' objects doesn't apply to this object")),
    }
}

fn get_imag(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    match args.first().and_then(complex_of) {
        Some(z) => Ok(Value::Float(z.1)),
        None => Err(vm.type_error("descriptor 'imag' for 'complex' objects doesn't apply to this object")),
    }
}

/// Setter and deleter of the read-only `real`/`imag` members.
fn readonly(vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Err(vm.attribute_error("readonly attribute"))
}

/// Installs a read-only data descriptor with a native getter (assignment and deletion
/// raise AttributeError "readonly attribute", as CPython's member descriptors).
fn add_getter(vm: &mut Vm, ty: &Obj, name: &'static str, get: NativeFn) {
    let fget = vm.new_native(name, get);
    let fset = vm.new_native(name, readonly);
    let fdel = vm.new_native(name, readonly);
    let p = Value::new_obj(
        &vm.types.property,
        ObjKind::Property {
            fget,
            fset,
            fdel,
            doc: Value::None,
            name: std::cell::RefCell::new(Some(Box::new(vm.new_str(name)))),
        },
    );
    vm.set_attr_str(ty, name, p);
}

/// Registers the constructor, methods and attributes of `complex`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    crate::builtins::add_new(vm, &t, complex_new);
    for (name, f) in BINOPS {
        vm.add_method(&t, name, *f);
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__pow__", complex_pow),
        ("__rpow__", complex_rpow),
        ("__eq__", complex_eq),
        ("__ne__", complex_ne),
        ("__lt__", complex_lt),
        ("__le__", complex_le),
        ("__gt__", complex_gt),
        ("__ge__", complex_ge),
        ("__neg__", complex_neg),
        ("__pos__", complex_pos),
        ("__abs__", complex_abs),
        ("__bool__", complex_bool),
        ("__hash__", complex_hash),
        ("__repr__", complex_repr_slot),
        ("__format__", complex_format),
        ("__complex__", complex_complex),
        ("__getnewargs__", complex_getnewargs),
        ("conjugate", complex_conjugate),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    add_getter(vm, &t, "real", get_real);
    add_getter(vm, &t, "imag", get_imag);
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by python3 (CPython 3.11.7).
    use super::*;

    #[test]
    fn repr_forms() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(-0.0, -0.0), "(-0-0j)");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(complex_repr(1.0, -f64::NAN), "(1+nanj)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr(1.5, 0.0), "(1.5+0j)");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_complex(" ( 1+2j ) "), Ok((1.0, 2.0)));
        assert_eq!(parse_complex("j"), Ok((0.0, 1.0)));
        assert_eq!(parse_complex("-j"), Ok((0.0, -1.0)));
        assert_eq!(parse_complex("1-j"), Ok((1.0, -1.0)));
        assert_eq!(parse_complex("1_0+2_0j"), Ok((10.0, 20.0)));
        assert_eq!(parse_complex("+1.e-3-2.5E2J"), Ok((0.001, -250.0)));
        assert_eq!(parse_complex("1e500"), Ok((f64::INFINITY, 0.0)));
        assert_eq!(parse_complex("\u{661}+2j"), Ok((1.0, 2.0)));
        for bad in ["1 + 2j", "1e", "1+", "(1+2j", "1+2jj", "", "  ", "0x10"] {
            assert_eq!(parse_complex(bad), Err(ParseError::Malformed), "{bad:?}");
        }
        assert_eq!(parse_complex("_1"), Err(ParseError::Underscore));
        assert_eq!(parse_complex("1__0"), Err(ParseError::Underscore));
    }

    #[test]
    fn arithmetic() {
        assert_eq!(c_quot((1.0, 1.0), (0.0, 0.0)), None);
        assert_eq!(c_pow((1.0, 2.0), (-3.0, 0.0)), Ok((-0.08800000000000001, 0.016)));
        assert_eq!(c_pow((0.0, 0.0), (-1.0, 0.0)), Err(PowError::Domain));
        assert_eq!(c_pow((1e200, 0.0), (2.0, 0.0)), Err(PowError::Range));
        assert_eq!(c_pow((-1.0, 0.0), (1.5e308, 0.0)), Err(PowError::Domain));
        assert_eq!(c_abs((3.0, 4.0)), Some(5.0));
        assert_eq!(c_abs((1e308, 1e308)), Some(1.4142135623730951e308));
        assert_eq!(c_abs((1.5e308, 1.5e308)), None);
    }

    #[test]
    fn formatting() {
        let f = |re: f64, im: f64, s: &str| format_complex(re, im, s).map_err(|e| e.message);
        assert_eq!(f(1.0, 2.0, "10").as_deref(), Ok("    (1+2j)"));
        assert_eq!(f(1.0, 2.0, ".2f").as_deref(), Ok("1.00+2.00j"));
        assert_eq!(f(12345.678, 1e6, ",.2f").as_deref(), Ok("12,345.68+1,000,000.00j"));
        assert_eq!(f(0.0, 1.0, "+").as_deref(), Ok("+1j"));
        assert_eq!(f(1.0, 2.0, "*^20").as_deref(), Ok("*******(1+2j)*******"));
        assert_eq!(f(-0.0, -0.0, "z.1f").as_deref(), Ok("0.0+0.0j"));
        assert_eq!(f(f64::NAN, f64::INFINITY, "F").as_deref(), Ok("NAN+INFj"));
        assert!(f(0.0, 1.0, "010").is_err());
    }
}

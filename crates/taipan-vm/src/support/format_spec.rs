//! The format-spec mini-language (PEP 3101) for `str`, `int` and `float`, and
//! the `str.format` template parser, as CPython 3.11
//! (`Python/formatter_unicode.c`, `Objects/stringlib/unicode_format.h`).
//!
//! Spec grammar: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//! [`parse_format_spec`] reads it with CPython's checks and messages (a `0`
//! right before the width, with no explicit fill, means fill `0` and, for
//! numbers without an explicit alignment, `=` alignment). The typed
//! formatters ([`format_str`], [`format_int`], [`format_i64`],
//! [`format_float`]) then apply the per-type rules:
//!
//! * numbers are split into sign, prefix (`0x`...), integer digits and the
//!   rest (fraction, exponent, `%`). Grouping inserts `,`/`_` every 3 digits
//!   (every 4 for `_` with `b`/`o`/`x`/`X`); with fill `0` and `=` alignment
//!   the zero padding is itself grouped, and a group never starts with a
//!   separator (`format(1234, '08,') == '0,001,234'`);
//! * padding: `<` left, `>` right, `^` centre (extra space on the right), `=`
//!   between sign/prefix and digits;
//! * float conversions use [`super::float_repr`]; no type means `repr` (or
//!   `g` with at least one fractional digit when a precision is given).
//!
//! The `str.format` template side (re-exported here) lives in the child
//! module `template` (`format_spec/template.rs`): [`TemplateParser`],
//! [`parse_field_name`], [`render_format`] with a VM-supplied
//! [`FieldResolver`].
//!
//! Errors carry the Python exception class and CPython's exact message.
//! Decimal conversions of huge ints do not check `sys.int_max_str_digits`:
//! callers do that before calling. Nothing here panics.

use std::fmt;

use dashu_int::IBig;

use super::float_repr::{self, FloatFormat, FloatKind};
use super::strmethods::decimal_value;

#[path = "format_spec/template.rs"]
mod template;

pub use template::{
    Conversion, FieldAccess, FieldKey, FieldNumbering, FieldPath, FieldResolver, RawField, TemplateParser,
    TemplatePiece, parse_conversion, parse_field_name, render_format, replacement_index_error,
};

/// Longest result (in characters) a width may ask for before the request is
/// refused with `MemoryError` instead of attempting the allocation.
const MAX_WIDTH: usize = 1 << 32;

/// Python exception class of a [`FormatError`] (variants named after the
/// Python classes).
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`.
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `OverflowError`.
    OverflowError,
    /// `IndexError`.
    IndexError,
    /// `KeyError`: the message is the missing key itself (a `str`), to be
    /// passed as the exception's argument.
    KeyError,
    /// `MemoryError` (empty message).
    MemoryError,
}

/// A formatting error: exception class plus CPython's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Exception class to raise.
    pub kind: ErrorKind,
    /// Exception message (for `KeyError`, the key).
    pub message: String,
}

impl FormatError {
    /// A `ValueError`.
    pub fn value(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::ValueError,
            message: message.into(),
        }
    }

    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::TypeError,
            message: message.into(),
        }
    }

    /// An `OverflowError`.
    pub fn overflow(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::OverflowError,
            message: message.into(),
        }
    }

    fn memory() -> Self {
        FormatError {
            kind: ErrorKind::MemoryError,
            message: String::new(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for FormatError {}

/// Render a presentation character for an error message the way CPython
/// does: `'x'` when it is in `!`..=DEL, else `'\xNN'` (lower-case hex, no
/// padding).
pub(crate) fn quote_code(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

/// `%.200s` for a type name.
fn short_name(type_name: &str) -> &str {
    match type_name.char_indices().nth(200) {
        Some((i, _)) => type_name.get(..i).unwrap_or(type_name),
        None => type_name,
    }
}

/// The "Unknown format code" error.
fn unknown_code(c: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code {} for object of type '{}'",
        quote_code(c),
        short_name(type_name)
    ))
}

// ---------------------------------------------------------------------------
// Spec parsing
// ---------------------------------------------------------------------------

/// Alignment option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between sign/prefix and digits.
    AfterSign,
}

/// Sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`: sign on every number.
    Plus,
    /// `-`: sign on negatives only (the default behaviour, but an explicit
    /// `-` still counts as "a sign" for the string checks).
    Minus,
    /// ` `: space on non-negatives.
    Space,
}

/// Digit grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

impl Grouping {
    fn char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format spec, as written (defaults that depend on the object
/// type are applied by the formatters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only with an explicit alignment).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Sign option.
    pub sign: Option<Sign>,
    /// `z`: turn negative zero (after rounding) into zero.
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width (with no explicit fill).
    pub zero_pad: bool,
    /// Minimum width in characters.
    pub width: Option<usize>,
    /// Thousands separator.
    pub grouping: Option<Grouping>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Fill character in effect.
    fn fill_char(&self) -> char {
        self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' })
    }

    /// Alignment in effect for a number (default right, `=` with `0`).
    fn number_align(&self) -> Align {
        self.align
            .unwrap_or(if self.zero_pad { Align::AfterSign } else { Align::Right })
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Read a run of decimal digits (any script) at `chars[*pos..]`. `None` when
/// there is none. Error: "Too many decimal digits in format string" past
/// `i64::MAX` (CPython's `Py_ssize_t`).
fn read_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut value: i64 = 0;
    let mut any = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d)))
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        any = true;
        *pos += 1;
    }
    Ok(if any {
        Some(usize::try_from(value).unwrap_or(usize::MAX))
    } else {
        None
    })
}

/// Parse a format spec. `type_name` is the object's type name (for the
/// "Invalid format specifier" message); `default_type` is the type assumed
/// when none is written (`Some('s')` for str, `Some('d')` for int, `None` for
/// float), which matters for the grouping check. Errors (all ValueError): "Too many
/// decimal digits in format string", "Cannot specify both ',' and '_'.",
/// "Format specifier missing precision", "Invalid format specifier '...' for
/// object of type '...'", "Cannot specify ',' with 'x'.".
pub fn parse_format_spec(spec: &str, type_name: &str, default_type: Option<char>) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec::default();
    let mut pos = 0usize;
    let at = |i: usize| chars.get(i).copied();

    if let (Some(fill), Some(align)) = (at(0), at(1).and_then(align_of)) {
        out.fill = Some(fill);
        out.align = Some(align);
        pos = 2;
    } else if let Some(align) = at(0).and_then(align_of) {
        out.align = Some(align);
        pos = 1;
    }
    match at(pos) {
        Some('+') => out.sign = Some(Sign::Plus),
        Some('-') => out.sign = Some(Sign::Minus),
        Some(' ') => out.sign = Some(Sign::Space),
        _ => {}
    }
    if out.sign.is_some() {
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && at(pos) == Some('0') {
        out.zero_pad = true;
        pos += 1;
    }
    out.width = read_count(&chars, &mut pos)?;
    if at(pos) == Some(',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some(Grouping::Underscore) {
        return Err(FormatError::value("Cannot specify both ',' and '_'."));
    }
    if at(pos) == Some('.') {
        pos += 1;
        out.precision = read_count(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }
    let remaining = chars.len().saturating_sub(pos);
    if remaining > 1 {
        return Err(FormatError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            short_name(type_name)
        )));
    }
    out.ty = at(pos).or(default_type);
    if let Some(group) = out.grouping {
        let ok = match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => group == Grouping::Underscore,
            _ => false,
        };
        if !ok {
            let ty = out.ty.unwrap_or(' ');
            return Err(FormatError::value(format!(
                "Cannot specify '{}' with {}.",
                group.char(),
                quote_code(ty)
            )));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Padding and number layout
// ---------------------------------------------------------------------------

/// Split `total_pad` into (left, right) for an alignment (`=` counts as left
/// alignment here; callers handle it).
fn split_pad(total_pad: usize, align: Align) -> (usize, usize) {
    match align {
        Align::Right => (total_pad, 0),
        Align::Center => (total_pad / 2, total_pad - total_pad / 2),
        Align::Left | Align::AfterSign => (0, total_pad),
    }
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

fn check_width(width: Option<usize>) -> Result<usize, FormatError> {
    match width {
        Some(w) if w > MAX_WIDTH => Err(FormatError::memory()),
        Some(w) => Ok(w),
        None => Ok(0),
    }
}

/// Insert separators into ASCII `digits` every `group` digits from the
/// right, padding with zeros until the result has at least `min_width`
/// characters, never starting with a separator (CPython's
/// `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, min_width: usize, sep: char, group: usize) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len();
    let mut min_width = min_width as i64;
    // Built right to left, reversed at the end.
    let mut rev: Vec<u8> = Vec::with_capacity(bytes.len() + bytes.len() / group + 4);
    let mut first = true;
    loop {
        let wanted = (remaining as i64).max(min_width).max(1) as usize;
        let len = group.min(wanted);
        let take = remaining.min(len);
        if !first {
            rev.push(sep as u8);
        }
        first = false;
        for i in 0..take {
            rev.push(bytes.get(remaining - 1 - i).copied().unwrap_or(b'0'));
        }
        rev.extend(std::iter::repeat_n(b'0', len - take));
        remaining -= take;
        min_width -= len as i64;
        if remaining == 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}

/// A number split for layout.
struct NumberParts<'a> {
    sign: Option<char>,
    prefix: &'a str,
    /// ASCII integer digits (empty for `inf`/`nan`).
    digits: &'a str,
    /// Everything after the integer digits.
    rest: &'a str,
}

/// Lay out a number per `spec` (fill, alignment, width, grouping).
fn layout_number(
    parts: &NumberParts<'_>,
    spec: &FormatSpec,
    grouping: Option<(char, usize)>,
) -> Result<String, FormatError> {
    let width = check_width(spec.width)?;
    let fill = spec.fill_char();
    let align = spec.number_align();
    let fixed = usize::from(parts.sign.is_some()) + parts.prefix.len() + parts.rest.chars().count();
    let body = match grouping {
        Some((sep, group)) if !parts.digits.is_empty() => {
            let min_width = if fill == '0' && align == Align::AfterSign {
                width.saturating_sub(fixed)
            } else {
                0
            };
            group_digits(parts.digits, min_width, sep, group)
        }
        _ => parts.digits.to_string(),
    };
    let total = fixed + body.len();
    let pad = width.saturating_sub(total);
    let mut out = String::with_capacity(total + pad * fill.len_utf8());
    let (left, right) = split_pad(pad, align);
    if align != Align::AfterSign {
        push_fill(&mut out, fill, left);
    }
    if let Some(s) = parts.sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    if align == Align::AfterSign {
        push_fill(&mut out, fill, pad);
    }
    out.push_str(&body);
    out.push_str(parts.rest);
    if align != Align::AfterSign {
        push_fill(&mut out, fill, right);
    }
    Ok(out)
}

fn sign_char(negative: bool, sign: Option<Sign>) -> Option<char> {
    if negative {
        return Some('-');
    }
    match sign {
        Some(Sign::Plus) => Some('+'),
        Some(Sign::Space) => Some(' '),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// str
// ---------------------------------------------------------------------------

/// `format(s, spec)` for a `str` (`type_name` is the object's type name, for
/// messages). Errors (ValueError): spec parse errors, "Unknown format code",
/// "Sign not allowed in string format specifier", "Space not allowed in
/// string format specifier", "Negative zero coercion (z) not allowed in
/// string format specifier", "Alternate form (#) not allowed in string
/// format specifier", "'=' alignment not allowed in string format
/// specifier".
pub fn format_str(s: &str, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str_with(s, &parse_format_spec(spec, type_name, Some('s'))?, type_name)
}

/// [`format_str`] with an already parsed spec.
pub fn format_str_with(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    if let Some(ty) = spec.ty
        && ty != 's'
    {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value("Space not allowed in string format specifier"));
        }
        Some(_) => {
            return Err(FormatError::value("Sign not allowed in string format specifier"));
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let width = check_width(spec.width)?;
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => s.get(..i).unwrap_or(s),
            None => s,
        },
        None => s,
    };
    let len = text.chars().count();
    if len >= width {
        return Ok(text.to_string());
    }
    let fill = spec.fill_char();
    let (left, right) = split_pad(width - len, spec.align.unwrap_or(Align::Left));
    let mut out = String::with_capacity(text.len() + (width - len) * fill.len_utf8());
    push_fill(&mut out, fill, left);
    out.push_str(text);
    push_fill(&mut out, fill, right);
    Ok(out)
}

// ---------------------------------------------------------------------------
// int
// ---------------------------------------------------------------------------

/// An int argument, small or big.
#[derive(Clone, Copy)]
enum IntArg<'a> {
    Small(i64),
    Big(&'a IBig),
}

impl IntArg<'_> {
    /// `(negative, magnitude digits)` in `radix` (2, 8, 10 or 16).
    fn digits(self, radix: u32, upper: bool) -> (bool, String) {
        match self {
            IntArg::Small(v) => {
                let m = v.unsigned_abs();
                let s = match (radix, upper) {
                    (2, _) => format!("{m:b}"),
                    (8, _) => format!("{m:o}"),
                    (16, false) => format!("{m:x}"),
                    (16, true) => format!("{m:X}"),
                    _ => m.to_string(),
                };
                (v < 0, s)
            }
            IntArg::Big(v) => {
                let s = match (radix, upper) {
                    (2, _) => format!("{v:b}"),
                    (8, _) => format!("{v:o}"),
                    (16, false) => format!("{v:x}"),
                    (16, true) => format!("{v:X}"),
                    _ => v.to_string(),
                };
                match s.strip_prefix('-') {
                    Some(m) => (true, m.to_string()),
                    None => (false, s),
                }
            }
        }
    }

    /// `float(v)`. Error (OverflowError): "int too large to convert to
    /// float".
    fn to_f64(self) -> Result<f64, FormatError> {
        let x = match self {
            IntArg::Small(v) => v as f64,
            IntArg::Big(v) => super::int::ibig_to_f64(&v),
        };
        if x.is_finite() {
            Ok(x)
        } else {
            Err(FormatError::overflow("int too large to convert to float"))
        }
    }

    /// The value as a code point for `c`. Errors (OverflowError): "%c arg not
    /// in range(0x110000)", "Python int too large to convert to C long".
    fn to_char(self) -> Result<char, FormatError> {
        let cp = match self {
            IntArg::Small(v) => u32::try_from(v).ok(),
            IntArg::Big(v) => match i64::try_from(v) {
                Ok(small) => u32::try_from(small).ok(),
                Err(_) => {
                    return Err(FormatError::overflow("Python int too large to convert to C long"));
                }
            },
        };
        let err = || FormatError::overflow("%c arg not in range(0x110000)");
        match cp {
            Some(cp) if cp < 0x110000 => {
                // Surrogates cannot be a Rust `char`; CPython would build a
                // lone-surrogate string. Substitute U+FFFD.
                Ok(taipan_bytecode::surrogate::char_for(cp).unwrap_or('\u{fffd}'))
            }
            _ => Err(err()),
        }
    }
}

/// `format(v, spec)` for an `int` (`type_name` for messages, e.g. `int` or
/// `bool`). An empty spec gives `str(v)` for a plain int; `bool` and other
/// subclasses must use their own `str()` for an empty spec. Errors: spec
/// parse errors, "Unknown format code" (ValueError), "Precision not allowed
/// in integer format specifier", "Negative zero coercion (z) not allowed in
/// integer format specifier", "Sign not allowed with integer format specifier
/// 'c'", "Alternate form (#) not allowed with integer format specifier 'c'"
/// (ValueError), "%c arg not in range(0x110000)" and "int too large to
/// convert to float" (OverflowError).
pub fn format_int(v: &IBig, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    format_int_with(v, &parse_format_spec(spec, type_name, Some('d'))?, type_name)
}

/// [`format_int`] for a machine-sized int (no big-integer work).
pub fn format_i64(v: i64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    format_i64_with(v, &parse_format_spec(spec, type_name, Some('d'))?, type_name)
}

/// [`format_int`] with an already parsed spec.
pub fn format_int_with(v: &IBig, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    format_int_arg(IntArg::Big(v), spec, type_name)
}

/// [`format_i64`] with an already parsed spec.
pub fn format_i64_with(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    format_int_arg(IntArg::Small(v), spec, type_name)
}

fn format_int_arg(v: IntArg<'_>, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let radix = match spec.ty {
        None | Some('d' | 'n' | 'c') => 10,
        Some('b') => 2,
        Some('o') => 8,
        Some('x' | 'X') => 16,
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_with(v.to_f64()?, spec, type_name);
        }
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    if spec.precision.is_some() {
        return Err(FormatError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if spec.ty == Some('c') {
        if spec.sign.is_some() {
            return Err(FormatError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let mut buf = [0u8; 4];
        let c = v.to_char()?;
        let parts = NumberParts {
            sign: None,
            prefix: "",
            digits: "",
            rest: c.encode_utf8(&mut buf),
        };
        return layout_number(&parts, spec, None);
    }
    let upper = spec.ty == Some('X');
    let (negative, digits) = v.digits(radix, upper);
    let prefix = match (spec.alternate, radix, upper) {
        (false, _, _) | (_, 10, _) => "",
        (true, 2, _) => "0b",
        (true, 8, _) => "0o",
        (true, _, false) => "0x",
        (true, _, true) => "0X",
    };
    let grouping = spec.grouping.map(|g| {
        let group = if g == Grouping::Underscore && radix != 10 { 4 } else { 3 };
        (g.char(), group)
    });
    let parts = NumberParts {
        sign: sign_char(negative, spec.sign),
        prefix,
        digits: &digits,
        rest: "",
    };
    layout_number(&parts, spec, grouping)
}

// ---------------------------------------------------------------------------
// float
// ---------------------------------------------------------------------------

/// `format(x, spec)` for a `float` (`type_name` for messages). Errors: spec
/// parse errors, "Unknown format code" and "precision too big"
/// (ValueError).
pub fn format_float(x: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_repr::repr_f64(x));
    }
    format_float_with(x, &parse_format_spec(spec, type_name, None)?, type_name)
}

/// [`format_float`] with an already parsed spec.
pub fn format_float_with(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let mut value = x;
    let mut percent = false;
    let (kind, upper, default_dot_0) = match spec.ty {
        None => {
            if spec.precision.is_some() {
                (FloatKind::General, false, true)
            } else {
                (FloatKind::Repr, false, true)
            }
        }
        Some('e') => (FloatKind::Exp, false, false),
        Some('E') => (FloatKind::Exp, true, false),
        Some('f') => (FloatKind::Fixed, false, false),
        Some('F') => (FloatKind::Fixed, true, false),
        Some('g' | 'n') => (FloatKind::General, false, false),
        Some('G') => (FloatKind::General, true, false),
        Some('%') => {
            value *= 100.0;
            percent = true;
            (FloatKind::Fixed, false, false)
        }
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    let precision = spec.precision.unwrap_or(if kind == FloatKind::Repr { 0 } else { 6 });
    if precision > i32::MAX as usize {
        return Err(FormatError::value("precision too big"));
    }
    let request = FloatFormat {
        kind,
        precision,
        upper,
        alt: spec.alternate,
        add_dot_0: default_dot_0,
    };
    let (mut negative, mut body) = float_repr::format_f64_parts(value, &request);
    if negative && spec.no_neg_zero && value.is_finite() && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        negative = false;
    }
    if percent {
        body.push('%');
    }
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(int_len);
    let grouping = match spec.ty {
        Some('n') => None,
        _ => spec.grouping.map(|g| (g.char(), 3)),
    };
    let parts = NumberParts {
        sign: sign_char(negative, spec.sign),
        prefix: "",
        digits,
        rest,
    };
    layout_number(&parts, spec, grouping)
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by python3 (CPython 3.11.7).
    use super::*;

    fn show(r: Result<String, FormatError>) -> String {
        match r {
            Ok(s) => format!("OK:{s}"),
            Err(e) => format!("{:?}:{}", e.kind, e.message),
        }
    }

    #[test]
    fn format_values() {
        #[rustfmt::skip]
        let ints: &[(&str, &str, &str)] = &[
            ("1234", "010,", "OK:00,001,234"),
            ("1234", "08,", "OK:0,001,234"),
            ("1234", "09,", "OK:0,001,234"),
            ("1234", "0=10,", "OK:00,001,234"),
            ("1234", "x<10,", "OK:1,234xxxxx"),
            ("1234", "*=10,", "OK:*****1,234"),
            ("1234", "_x", "OK:4d2"),
            ("123456789", "_o", "OK:7_2674_6425"),
            ("11259375", "#012_x", "OK:0x0_00ab_cdef"),
            ("-1234", "+012,", "OK:-000,001,234"),
            ("-5", "#x", "OK:-0x5"),
            ("255", "#X", "OK:0XFF"),
            ("0", "#b", "OK:0b0"),
            ("65", "^5c", "OK:  A  "),
            ("65", "05c", "OK:0000A"),
            ("1114112", "c", "OverflowError:%c arg not in range(0x110000)"),
            ("-1", "c", "OverflowError:%c arg not in range(0x110000)"),
            ("1000000000000000000000000000000", "c", "OverflowError:Python int too large to convert to C long"),
            ("1", ".2", "ValueError:Precision not allowed in integer format specifier"),
            ("1", "z", "ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
            ("1", "+c", "ValueError:Sign not allowed with integer format specifier 'c'"),
            ("1", "#c", "ValueError:Alternate form (#) not allowed with integer format specifier 'c'"),
            ("1", ",x", "ValueError:Cannot specify ',' with 'x'."),
            ("1", ",,", "ValueError:Cannot specify ',' with ','."),
            ("1", ",_", "ValueError:Cannot specify both ',' and '_'."),
            ("1", "_,", "ValueError:Cannot specify both ',' and '_'."),
            ("1", "abc", "ValueError:Invalid format specifier 'abc' for object of type 'int'"),
            ("1", "\u{1}", "ValueError:Unknown format code '\\x1' for object of type 'int'"),
            ("1", "\u{e9}", "ValueError:Unknown format code '\\xe9' for object of type 'int'"),
            ("1", "5 ", "ValueError:Unknown format code '\\x20' for object of type 'int'"),
            ("1", "99999999999999999999", "ValueError:Too many decimal digits in format string"),
            ("1", ".", "ValueError:Format specifier missing precision"),
            ("1", "\u{665}", "OK:    1"),
            ("12", "0=+10b", "OK:+000001100"),
            ("-12", "#010o", "OK:-0o0000014"),
            ("5", "%", "OK:500.000000%"),
            ("5", ".2e", "OK:5.00e+00"),
            ("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "e", "OverflowError:int too large to convert to float"),
            ("1000000000000000000000000000000", ",", "OK:1,000,000,000,000,000,000,000,000,000,000"),
            ("-1000000000000000000000000000000", "_x", "OK:-c_9f2c_9cd0_4674_edea_4000_0000"),
            ("-9223372036854775808", "d", "OK:-9223372036854775808"),
            ("18446744073709551616", "X", "OK:10000000000000000"),
            ("1234567", "n", "OK:1234567"),
            ("12345", "^+12,", "OK:  +12,345   "),
            ("-12345", " =12,", "OK:-     12,345"),
            ("1", "<05", "OK:10000"),
            ("1", "^05", "OK:00100"),
            ("1", "0^5", "OK:00100"),
        ];
        #[rustfmt::skip]
        let floats: &[(f64, &str, &str)] = &[
            (1.0, "", "OK:1.0"),
            (1e+16, "", "OK:1e+16"),
            (1.5, ".3", "OK:1.5"),
            (1.0, ".3", "OK:1.0"),
            (123.0, ".3", "OK:1.23e+02"),
            (0.0, ".0", "OK:0e+00"),
            (2.675, ".2f", "OK:2.67"),
            (0.5, ".0f", "OK:0"),
            (-0.5, ".0f", "OK:-0"),
            (1234.5, ",", "OK:1,234.5"),
            (-1234567.5, "_", "OK:-1_234_567.5"),
            (1e+16, ",.0f", "OK:10,000,000,000,000,000"),
            (1234.5678, "015,.2f", "OK:0,000,001,234.57"),
            (1234.5678, "016,.2f", "OK:0,000,001,234.57"),
            (0.0, "010,", "OK:0,000,000.0"),
            (f64::INFINITY, "010,", "OK:0000000inf"),
            (f64::INFINITY, ",", "OK:inf"),
            (f64::NAN, "+010", "OK:+000000nan"),
            (f64::NAN, "", "OK:nan"),
            (-0.0, "z", "OK:0.0"),
            (-0.0001, "z.1f", "OK:0.0"),
            (-0.0001, "z.1e", "OK:-1.0e-04"),
            (f64::NEG_INFINITY, "z010", "OK:-000000inf"),
            (1.5, "%", "OK:150.000000%"),
            (0.5, "#.0%", "OK:50.%"),
            (12345.678, ",.2%", "OK:1,234,567.80%"),
            (1234567.0, "n", "OK:1.23457e+06"),
            (1.5, "x", "ValueError:Unknown format code 'x' for object of type 'float'"),
            (1.5, "c", "ValueError:Unknown format code 'c' for object of type 'float'"),
            (1.5, ".2147483648f", "ValueError:precision too big"),
            (1.0, "=+10", "OK:+      1.0"),
            (-1.5, "08", "OK:-00001.5"),
            (1.0, "#", "OK:1.0"),
            (12.0, "#.0", "OK:1.e+01"),
            (1.0, "#g", "OK:1.00000"),
            (1e-05, ",", "OK:1e-05"),
            (123456789.0, ",e", "OK:1.234568e+08"),
            (1e+22, ".0", "OK:1e+22"),
            (1.5, "_n", "ValueError:Cannot specify '_' with 'n'."),
            (0.1, ".20", "OK:0.10000000000000000555"),
            (1e+100, "E", "OK:1.000000E+100"),
            (3.0, ".3G", "OK:3"),
            (-1.5, "=^10", "OK:===-1.5==="),
        ];
        #[rustfmt::skip]
        let strs: &[(&str, &str, &str)] = &[
            ("abc", ".2", "OK:ab"),
            ("abc", "5.1", "OK:a    "),
            ("ab", "05", "OK:ab000"),
            ("ab", ">05", "OK:000ab"),
            ("ab", "^5", "OK: ab  "),
            ("ab", "*^6", "OK:**ab**"),
            ("abc", "x^7.2", "OK:xxabxxx"),
            ("h\u{e9}llo", ">8.3", "OK:     h\u{e9}l"),
            ("a", "+", "ValueError:Sign not allowed in string format specifier"),
            ("a", " ", "ValueError:Space not allowed in string format specifier"),
            ("a", "-", "ValueError:Sign not allowed in string format specifier"),
            ("a", "#", "ValueError:Alternate form (#) not allowed in string format specifier"),
            ("a", "=", "ValueError:'=' alignment not allowed in string format specifier"),
            ("a", "z", "ValueError:Negative zero coercion (z) not allowed in string format specifier"),
            ("a", ",", "ValueError:Cannot specify ',' with 's'."),
            ("a", "_", "ValueError:Cannot specify '_' with 's'."),
            ("a", "d", "ValueError:Unknown format code 'd' for object of type 'str'"),
            ("a", ",d", "ValueError:Unknown format code 'd' for object of type 'str'"),
            ("a", "ss", "ValueError:Invalid format specifier 'ss' for object of type 'str'"),
            ("a", "\u{1f600}<5", "OK:a\u{1f600}\u{1f600}\u{1f600}\u{1f600}"),
            ("", "5", "OK:     "),
            ("abc", "<", "OK:abc"),
            ("abc", "^2", "OK:abc"),
        ];
        for &(v, spec, want) in ints {
            let big: IBig = v.parse().unwrap_or_default();
            assert_eq!(show(format_int(&big, spec, "int")), want, "format({v}, {spec:?})");
            if let Ok(small) = v.parse::<i64>() {
                assert_eq!(show(format_i64(small, spec, "int")), want, "format({v}, {spec:?})");
            }
        }
        for &(v, spec, want) in floats {
            assert_eq!(show(format_float(v, spec, "float")), want, "format({v:e}, {spec:?})");
        }
        for &(v, spec, want) in strs {
            assert_eq!(show(format_str(v, spec, "str")), want, "format({v:?}, {spec:?})");
        }
        assert_eq!(
            show(format_i64(1, "s", "bool")),
            "ValueError:Unknown format code 's' for object of type 'bool'"
        );
        assert_eq!(show(format_str("a", "9223372036854775807", "str")), "MemoryError:");
    }

    #[test]
    fn spec_fields() {
        let spec = parse_format_spec("*^+z#012_.3e", "float", None);
        let want = FormatSpec {
            fill: Some('*'),
            align: Some(Align::Center),
            sign: Some(Sign::Plus),
            no_neg_zero: true,
            alternate: true,
            zero_pad: false,
            width: Some(12),
            grouping: Some(Grouping::Underscore),
            precision: Some(3),
            ty: Some('e'),
        };
        assert_eq!(spec, Ok(want));
        let spec = parse_format_spec("010", "int", Some('d'));
        assert_eq!(
            spec.map(|s| (s.zero_pad, s.width, s.ty)),
            Ok((true, Some(10), Some('d')))
        );
    }
}

//! printf-style `str % args` formatting, as CPython 3.11
//! (`Objects/unicodeobject.c`, `PyUnicode_Format` and helpers).
//!
//! [`percent_format`] is the whole operator: it walks the template, parses
//! each `%[(key)][flags][width][.precision][length]conversion` spec and pulls
//! arguments from a VM-supplied [`PercentArgs`] in CPython's order:
//!
//! 1. `(key)`: the right operand must be a mapping ("format requires a
//!    mapping"); the value is looked up at once and becomes the only
//!    pending argument;
//! 2. flags `-` `+` ` ` `#` `0`; width (digits or `*`, which takes an
//!    argument; a negative `*` width means left-justify); precision (digits
//!    or `*`; a negative `*` precision is 0); one length modifier `h`/`l`/`L`
//!    is skipped;
//! 3. the argument for the conversion is fetched *before* the conversion
//!    character is checked ("not enough arguments for format string" wins
//!    over "unsupported format character");
//! 4. at the end, unused positional arguments are an error unless the
//!    operand is a mapping.
//!
//! `%%` (with nothing in between) is a literal `%`. Conversions themselves
//! (`str()`, `int()`, `float()` of an object) are the VM's, through
//! [`PercentArgs::convert`]; it then calls the formatters here
//! ([`format_int_percent`], [`format_float_percent`], [`format_str_percent`],
//! [`format_char_percent`]) which implement CPython's padding rules: numbers
//! are padded with `0` (after sign and `0x` prefix) when the `0` flag is set,
//! everything else with spaces, `-` pads on the right; integer precision
//! pads the digits with zeros.
//!
//! Errors are [`FormatError`]s with CPython's class and message.

use dashu_int::IBig;

use super::float_repr::{self, FloatFormat, FloatKind};
use super::format_spec::{ErrorKind, FormatError};

/// Widths above this are refused with `MemoryError` rather than attempting
/// the allocation.
const MAX_WIDTH: usize = 1 << 32;

/// One parsed conversion spec.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    /// `(key)` mapping key, if any.
    pub key: Option<&'a str>,
    /// `-`: left-justify (also set by a negative `*` width).
    pub ljust: bool,
    /// `+`: always show a sign.
    pub sign: bool,
    /// ` `: a space before non-negative numbers.
    pub blank: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding for numbers.
    pub zero: bool,
    /// Minimum width (0 when absent).
    pub width: usize,
    /// Precision.
    pub precision: Option<usize>,
    /// Conversion character.
    pub conversion: char,
    /// Code-point index of the conversion character in the template.
    pub index: usize,
}

/// What the VM supplies to [`percent_format`]: the right operand and the
/// per-conversion work.
pub trait PercentArgs {
    /// A Python object.
    type Value;
    /// The VM's exception type.
    type Error: From<FormatError>;

    /// The operand is a mapping for `%(key)` purposes: it supports
    /// `__getitem__` and is neither a tuple nor a str (CPython's rule; a list
    /// counts).
    fn is_mapping(&self) -> bool;

    /// `Some(len)` when the operand is a tuple (its items are the
    /// arguments), `None` when it is a single argument.
    fn tuple_len(&self) -> Option<usize>;

    /// Item `i` of the tuple operand.
    fn tuple_item(&mut self, i: usize) -> Self::Value;

    /// The (non-tuple) operand itself.
    fn whole(&mut self) -> Self::Value;

    /// `operand[key]` for `%(key)`.
    fn lookup(&mut self, key: &str) -> Result<Self::Value, Self::Error>;

    /// The int value of a `*` argument: `Some(v)`, or `None` for an int
    /// outside `i64` (the caller picks CPython's overflow message). Non-ints
    /// (bool is an int): [`star_wants_int`].
    fn star(&mut self, value: Self::Value) -> Result<Option<i64>, Self::Error>;

    /// Convert `value` for `spec.conversion` (one of `sradiuoxXeEfFgGc`) and
    /// append the padded result, using the formatters of this module and
    /// the error helpers ([`real_number_required`] ...) for wrong types.
    fn convert(&mut self, value: Self::Value, spec: &PercentSpec<'_>, out: &mut String) -> Result<(), Self::Error>;
}

/// Where pending arguments come from.
enum Source<V> {
    /// Tuple operand: next index and length.
    Tuple { next: usize, len: usize },
    /// Single operand or looked-up mapping value, until taken.
    One(Option<V>),
}

fn value_error(message: &str) -> FormatError {
    FormatError::value(message)
}

fn next_arg<A: PercentArgs>(args: &mut A, source: &mut Source<A::Value>) -> Result<A::Value, FormatError> {
    let missing = || FormatError::type_error("not enough arguments for format string");
    match source {
        Source::Tuple { next, len } => {
            if *next < *len {
                let v = args.tuple_item(*next);
                *next += 1;
                Ok(v)
            } else {
                Err(missing())
            }
        }
        Source::One(slot) => slot.take().ok_or_else(missing),
    }
}

/// Template cursor over code points.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    index: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.byte..).and_then(|t| t.chars().next())
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.byte += c.len_utf8();
        self.index += 1;
        Some(c)
    }

    fn incomplete() -> FormatError {
        value_error("incomplete format")
    }

    /// Next character of a spec; the template ending here is "incomplete
    /// format".
    fn need(&mut self) -> Result<char, FormatError> {
        self.bump().ok_or_else(Self::incomplete)
    }
}

/// Read ASCII digits starting with `first`; returns the number and the next
/// character. Overflow past `limit` is `error`.
fn read_digits(cur: &mut Cursor<'_>, first: char, limit: u64, error: &str) -> Result<(u64, char), FormatError> {
    let mut value: u64 = 0;
    let mut c = first;
    while let Some(d) = c.to_digit(10) {
        if value > (limit - u64::from(d)) / 10 {
            return Err(value_error(error));
        }
        value = value * 10 + u64::from(d);
        c = cur.need()?;
    }
    Ok((value, c))
}

/// `fmt % args`. Errors: "incomplete format", "incomplete format key",
/// "width too big", "precision too big", "unsupported format character 'y'
/// (0x79) at index 1" (ValueError); "format requires a mapping", "not enough
/// arguments for format string", "not all arguments converted during string
/// formatting" (TypeError); "Python int too large to convert to C ssize_t"
/// (`*` width) and "Python int too large to convert to C int" (`*`
/// precision) (OverflowError); and whatever the VM callbacks return.
pub fn percent_format<A: PercentArgs>(fmt: &str, args: &mut A) -> Result<String, A::Error> {
    let mapping = args.is_mapping();
    let mut source = match args.tuple_len() {
        Some(len) => Source::Tuple { next: 0, len },
        None => Source::One(Some(args.whole())),
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut cur = Cursor {
        text: fmt,
        byte: 0,
        index: 0,
    };
    loop {
        let start = cur.byte;
        let rest = fmt.get(start..).unwrap_or("");
        let literal_len = rest.find('%').unwrap_or(rest.len());
        let literal = rest.get(..literal_len).unwrap_or("");
        out.push_str(literal);
        cur.byte += literal_len;
        cur.index += literal.chars().count();
        if cur.bump().is_none() {
            break;
        }
        if cur.peek() == Some('%') {
            cur.bump();
            out.push('%');
            continue;
        }
        let mut spec = PercentSpec::default();
        let mut c = cur.need()?;
        if c == '(' {
            if !mapping {
                return Err(FormatError::type_error("format requires a mapping").into());
            }
            let key_start = cur.byte;
            let mut depth = 1usize;
            let mut key_end = key_start;
            while depth > 0 {
                let Some(k) = cur.bump() else {
                    return Err(value_error("incomplete format key").into());
                };
                match k {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                key_end = cur.byte - k.len_utf8();
            }
            let key = fmt.get(key_start..key_end).unwrap_or("");
            spec.key = Some(key);
            source = Source::One(Some(args.lookup(key)?));
            c = cur.need()?;
        }
        loop {
            match c {
                '-' => spec.ljust = true,
                '+' => spec.sign = true,
                ' ' => spec.blank = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            c = cur.need()?;
        }
        if c == '*' {
            let v = next_arg(args, &mut source)?;
            let w = args
                .star(v)?
                .ok_or_else(|| FormatError::overflow("Python int too large to convert to C ssize_t"))?;
            if w < 0 {
                spec.ljust = true;
            }
            spec.width = usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX);
            c = cur.need()?;
        } else {
            let (w, next) = read_digits(&mut cur, c, i64::MAX as u64, "width too big")?;
            spec.width = usize::try_from(w).unwrap_or(usize::MAX);
            c = next;
        }
        if c == '.' {
            c = cur.need()?;
            if c == '*' {
                let v = next_arg(args, &mut source)?;
                let p = args
                    .star(v)?
                    .and_then(|p| i32::try_from(p).ok())
                    .ok_or_else(|| FormatError::overflow("Python int too large to convert to C int"))?;
                spec.precision = Some(usize::try_from(p).unwrap_or(0));
                c = cur.need()?;
            } else {
                let (p, next) = read_digits(&mut cur, c, i32::MAX as u64, "precision too big")?;
                spec.precision = Some(usize::try_from(p).unwrap_or(usize::MAX));
                c = next;
            }
        }
        if matches!(c, 'h' | 'l' | 'L') {
            c = cur.need()?;
        }
        spec.conversion = c;
        spec.index = cur.index - 1;
        let value = next_arg(args, &mut source)?;
        if !"sradiuoxXeEfFgGc".contains(c) {
            return Err(unsupported_character(c, spec.index).into());
        }
        args.convert(value, &spec, &mut out)?;
    }
    let unused = match &source {
        Source::Tuple { next, len } => next < len,
        Source::One(slot) => slot.is_some(),
    };
    if unused && !mapping {
        return Err(FormatError::type_error("not all arguments converted during string formatting").into());
    }
    Ok(out)
}

/// "unsupported format character 'y' (0x79) at index 1" (ValueError);
/// characters outside ASCII 31..=126 show as `?`.
pub fn unsupported_character(c: char, index: usize) -> FormatError {
    let cp = c as u32;
    let shown = if (31..=126).contains(&cp) { c } else { '?' };
    value_error(&format!(
        "unsupported format character '{shown}' (0x{cp:x}) at index {index}"
    ))
}

/// TypeError for `%d`/`%i`/`%u` of a non-number: "%d format: a real number
/// is required, not str".
pub fn real_number_required(conversion: char, type_name: &str) -> FormatError {
    FormatError::type_error(format!(
        "%{conversion} format: a real number is required, not {type_name}"
    ))
}

/// TypeError for `%o`/`%x`/`%X` of a non-integer: "%x format: an integer is
/// required, not float".
pub fn integer_required(conversion: char, type_name: &str) -> FormatError {
    FormatError::type_error(format!("%{conversion} format: an integer is required, not {type_name}"))
}

/// TypeError for a float conversion of a non-number: "must be real number,
/// not str".
pub fn float_required(type_name: &str) -> FormatError {
    FormatError::type_error(format!("must be real number, not {type_name}"))
}

/// TypeError for `%c` of something that is neither an int nor a
/// one-character str: "%c requires int or char".
pub fn char_required() -> FormatError {
    FormatError::type_error("%c requires int or char")
}

/// OverflowError for `%c` of an int outside `range(0x110000)`.
pub fn char_out_of_range() -> FormatError {
    FormatError::overflow("%c arg not in range(0x110000)")
}

/// TypeError for a `*` argument that is not an int: "* wants int".
pub fn star_wants_int() -> FormatError {
    FormatError::type_error("* wants int")
}

/// The code point of an int argument of `%c`. Error (OverflowError): "%c
/// arg not in range(0x110000)". Surrogates, which a Rust `char` cannot hold,
/// become U+FFFD.
pub fn char_from_int(v: &IBig) -> Result<char, FormatError> {
    match u32::try_from(v) {
        Ok(cp) if cp < 0x110000 => Ok(taipan_bytecode::surrogate::char_for(cp).unwrap_or('\u{fffd}')),
        _ => Err(char_out_of_range()),
    }
}

/// Pad `text` for a non-numeric conversion (`s`, `r`, `a`, `c`): spaces,
/// on the right when left-justified.
fn pad_text(text: &str, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    if spec.width > MAX_WIDTH {
        return Err(FormatError {
            kind: ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    let len = text.chars().count();
    let pad = spec.width.saturating_sub(len);
    let mut out = String::with_capacity(text.len() + pad);
    if !spec.ljust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out.push_str(text);
    if spec.ljust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    Ok(out)
}

/// `%s`/`%r`/`%a` of the already converted text: truncated to the precision
/// (code points), then padded.
pub fn format_str_percent(text: &str, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let text = match spec.precision.and_then(|p| text.char_indices().nth(p)) {
        Some((i, _)) => text.get(..i).unwrap_or(text),
        None => text,
    };
    pad_text(text, spec)
}

/// `%c` of a character (precision ignored).
pub fn format_char_percent(c: char, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let mut buf = [0u8; 4];
    pad_text(c.encode_utf8(&mut buf), spec)
}

/// Lay out a number whose text is `sign? prefix? body` (`prefix` being the
/// `0x`/`0X`/`0o` of alternate `x`/`X`/`o`), per CPython's rules.
fn pad_number(negative: bool, prefix: &str, body: &str, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    if spec.width > MAX_WIDTH {
        return Err(FormatError {
            kind: ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    let zero_fill = spec.zero && !spec.ljust;
    let sign = if negative {
        Some('-')
    } else if spec.sign {
        Some('+')
    } else if spec.blank {
        Some(' ')
    } else {
        None
    };
    let used = usize::from(sign.is_some()) + prefix.len() + body.chars().count();
    let pad = spec.width.saturating_sub(used);
    let mut out = String::with_capacity(used + pad);
    if spec.ljust {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if zero_fill {
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(out)
}

/// Integer conversions `d i u o x X` of an int: precision zero-pads the
/// digits, `#` adds `0o`/`0x`/`0X`.
pub fn format_int_percent(v: &IBig, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let text = match spec.conversion {
        'o' => format!("{v:o}"),
        'x' => format!("{v:x}"),
        'X' => format!("{v:X}"),
        _ => v.to_string(),
    };
    int_layout(&text, spec)
}

/// [`format_int_percent`] for a machine-sized int.
pub fn format_i64_percent(v: i64, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let text = match spec.conversion {
        'o' => format!("{:o}", v.unsigned_abs()),
        'x' => format!("{:x}", v.unsigned_abs()),
        'X' => format!("{:X}", v.unsigned_abs()),
        _ => v.unsigned_abs().to_string(),
    };
    let text = if v < 0 { format!("-{text}") } else { text };
    int_layout(&text, spec)
}

/// Shared tail of the int formatters; `text` is `-?digits`.
fn int_layout(text: &str, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text),
    };
    let prefix = match (spec.alt, spec.conversion) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let body = match spec.precision {
        Some(p) if p > digits.len() => {
            if p > MAX_WIDTH {
                return Err(FormatError {
                    kind: ErrorKind::MemoryError,
                    message: String::new(),
                });
            }
            let mut s = String::with_capacity(p);
            s.extend(std::iter::repeat_n('0', p - digits.len()));
            s.push_str(digits);
            s
        }
        _ => digits.to_string(),
    };
    pad_number(negative, prefix, &body, spec)
}

/// Float conversions `e E f F g G` (precision default 6; `#` keeps the
/// point and, for `g`, trailing zeros).
pub fn format_float_percent(x: f64, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let (kind, upper) = match spec.conversion {
        'e' => (FloatKind::Exp, false),
        'E' => (FloatKind::Exp, true),
        'f' => (FloatKind::Fixed, false),
        'F' => (FloatKind::Fixed, true),
        'G' => (FloatKind::General, true),
        _ => (FloatKind::General, false),
    };
    let request = FloatFormat {
        kind,
        precision: spec.precision.unwrap_or(6),
        upper,
        alt: spec.alt,
        add_dot_0: false,
    };
    let (negative, body) = float_repr::format_f64_parts(x, &request);
    pad_number(negative, "", &body, spec)
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by python3 (CPython 3.11.7).
    use super::super::{float_repr, strrepr};
    use super::*;

    /// A tiny object model: ints (small `I`, big `B`), floats, strs, tuples
    /// and dicts.
    #[derive(Clone, Debug)]
    enum V {
        I(i64),
        B(&'static str),
        F(f64),
        S(&'static str),
        T(Vec<V>),
        D(Vec<(&'static str, V)>),
    }
    use V::{B, D, F, I, S, T};

    fn type_name(v: &V) -> &'static str {
        match v {
            I(_) | B(_) => "int",
            F(_) => "float",
            S(_) => "str",
            T(_) => "tuple",
            D(_) => "dict",
        }
    }

    fn repr(v: &V) -> String {
        match v {
            I(i) => i.to_string(),
            B(b) => b.to_string(),
            F(x) => float_repr::repr_f64(*x),
            S(s) => strrepr::repr_str(s),
            T(items) => format!("({})", items.iter().map(repr).collect::<Vec<_>>().join(", ")),
            D(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", strrepr::repr_str(k), repr(v)))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }

    fn int_of(v: &V) -> Option<IBig> {
        match v {
            I(i) => Some(IBig::from(*i)),
            B(b) => b.parse().ok(),
            _ => None,
        }
    }

    struct Mock(V);

    impl PercentArgs for Mock {
        type Value = V;
        type Error = FormatError;

        fn is_mapping(&self) -> bool {
            matches!(self.0, D(_))
        }

        fn tuple_len(&self) -> Option<usize> {
            if let T(items) = &self.0 {
                Some(items.len())
            } else {
                None
            }
        }

        fn tuple_item(&mut self, i: usize) -> V {
            match &self.0 {
                T(items) => items.get(i).cloned().unwrap_or(I(0)),
                _ => I(0),
            }
        }

        fn whole(&mut self) -> V {
            self.0.clone()
        }

        fn lookup(&mut self, key: &str) -> Result<V, FormatError> {
            let found = match &self.0 {
                D(items) => items.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()),
                _ => None,
            };
            found.ok_or_else(|| FormatError {
                kind: ErrorKind::KeyError,
                message: format!("'{key}'"),
            })
        }

        fn star(&mut self, v: V) -> Result<Option<i64>, FormatError> {
            match int_of(&v) {
                Some(i) => Ok(i64::try_from(&i).ok()),
                None => Err(star_wants_int()),
            }
        }

        fn convert(&mut self, v: V, spec: &PercentSpec<'_>, out: &mut String) -> Result<(), FormatError> {
            let c = spec.conversion;
            let text = match c {
                's' => format_str_percent(&if let S(s) = v { s.to_string() } else { repr(&v) }, spec)?,
                'r' => format_str_percent(&repr(&v), spec)?,
                'a' => format_str_percent(&strrepr::ascii_escape(&repr(&v)), spec)?,
                'c' => match (&v, int_of(&v)) {
                    (_, Some(i)) => format_char_percent(char_from_int(&i)?, spec)?,
                    (S(s), _) if s.chars().count() == 1 => format_char_percent(s.chars().next().unwrap_or(' '), spec)?,
                    _ => return Err(char_required()),
                },
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                    let i = match (&v, int_of(&v)) {
                        (_, Some(i)) => i,
                        (F(x), _) if !"oxX".contains(c) => IBig::from(x.trunc() as i64),
                        _ if "oxX".contains(c) => return Err(integer_required(c, type_name(&v))),
                        _ => return Err(real_number_required(c, type_name(&v))),
                    };
                    let text = format_int_percent(&i, spec)?;
                    if let Ok(small) = i64::try_from(&i) {
                        assert_eq!(format_i64_percent(small, spec)?, text);
                    }
                    text
                }
                _ => {
                    let x = match (&v, int_of(&v)) {
                        (F(x), _) => *x,
                        (_, Some(i)) => i.to_f64().value(),
                        _ => return Err(float_required(type_name(&v))),
                    };
                    format_float_percent(x, spec)?
                }
            };
            out.push_str(&text);
            Ok(())
        }
    }

    #[test]
    fn percent_cases() {
        #[rustfmt::skip]
        let cases: Vec<(&str, V, &str)> = vec![
            ("%5.2f", F(3.14158), "OK: 3.14"),
            ("%-5d|", I(42), "OK:42   |"),
            ("%+d", I(5), "OK:+5"),
            ("%x", I(255), "OK:ff"),
            ("%#o", I(8), "OK:0o10"),
            ("%e", F(12345.678), "OK:1.234568e+04"),
            ("%g", F(0.0001), "OK:0.0001"),
            ("%c", I(65), "OK:A"),
            ("%c", S("x"), "OK:x"),
            ("%c", S("xy"), "TypeError:%c requires int or char"),
            ("%c", I(1114112), "OverflowError:%c arg not in range(0x110000)"),
            ("%y", I(1), "ValueError:unsupported format character 'y' (0x79) at index 1"),
            ("%d", T(vec![]), "TypeError:not enough arguments for format string"),
            ("%d %d", T(vec![I(1)]), "TypeError:not enough arguments for format string"),
            ("%d", T(vec![I(1), I(2)]), "TypeError:not all arguments converted during string formatting"),
            ("%", I(1), "ValueError:incomplete format"),
            ("abc%", T(vec![]), "ValueError:incomplete format"),
            ("%(a)s", D(vec![("a", I(1))]), "OK:1"),
            ("%(a)s", I(1), "TypeError:format requires a mapping"),
            ("%(a", D(vec![("a", I(1))]), "ValueError:incomplete format key"),
            ("%(a(b)c)s", D(vec![("a(b)c", I(2))]), "OK:2"),
            ("%(zz)s", D(vec![("a", I(1))]), "KeyError:'zz'"),
            ("%d", S("s"), "TypeError:%d format: a real number is required, not str"),
            ("%x", S("s"), "TypeError:%x format: an integer is required, not str"),
            ("%x", F(1.5), "TypeError:%x format: an integer is required, not float"),
            ("%f", S("s"), "TypeError:must be real number, not str"),
            ("%d", F(1.7), "OK:1"),
            ("%o", I(-8), "OK:-10"),
            ("%#x", I(-255), "OK:-0xff"),
            ("%#X", I(255), "OK:0XFF"),
            ("%05d", I(-42), "OK:-0042"),
            ("%-05d", I(-42), "OK:-42  "),
            ("% d", I(42), "OK: 42"),
            ("%+ d", I(42), "OK:+42"),
            ("% 5d", I(42), "OK:   42"),
            ("%.3d", I(-7), "OK:-007"),
            ("%5.3d", I(-7), "OK: -007"),
            ("%05.3d", I(7), "OK:00007"),
            ("%#.3o", I(8), "OK:0o010"),
            ("%#5x", I(255), "OK: 0xff"),
            ("%#05x", I(255), "OK:0x0ff"),
            ("%-#8x|", I(255), "OK:0xff    |"),
            ("%*d", T(vec![I(5), I(42)]), "OK:   42"),
            ("%-*d|", T(vec![I(5), I(42)]), "OK:42   |"),
            ("%*d", T(vec![I(-5), I(42)]), "OK:42   "),
            ("%.*f", T(vec![I(2), F(3.14158)]), "OK:3.14"),
            ("%.*f", T(vec![I(-2), F(3.14158)]), "OK:3"),
            ("%*d", T(vec![S("a"), I(1)]), "TypeError:* wants int"),
            ("%*d", T(vec![B("1180591620717411303424"), I(1)]), "OverflowError:Python int too large to convert to C ssize_t"),
            ("%.*d", T(vec![I(1099511627776), I(1)]), "OverflowError:Python int too large to convert to C int"),
            ("%ld", I(5), "OK:5"),
            ("%Lf", F(1.5), "OK:1.500000"),
            ("%5%", T(vec![]), "TypeError:not enough arguments for format string"),
            ("%(a)%", D(vec![("a", I(1))]), "ValueError:unsupported format character '%' (0x25) at index 4"),
            ("%%%d", I(5), "OK:%5"),
            ("%s", T(vec![I(1), I(2)]), "TypeError:not all arguments converted during string formatting"),
            ("%r", S("x"), "OK:'x'"),
            ("%a", S("\u{e9}"), "OK:'\\xe9'"),
            ("%5s|", S("ab"), "OK:   ab|"),
            ("%-5s|", S("ab"), "OK:ab   |"),
            ("%.1s", S("ab"), "OK:a"),
            ("%05s", S("ab"), "OK:   ab"),
            ("%5c", S("a"), "OK:    a"),
            ("%05c", I(65), "OK:    A"),
            ("%E", F(1e+100), "OK:1.000000E+100"),
            ("%G", F(1e-10), "OK:1E-10"),
            ("%#g", F(1.0), "OK:1.00000"),
            ("%#.0f", F(1.0), "OK:1."),
            ("%F", F(f64::INFINITY), "OK:INF"),
            ("%010f", F(-f64::INFINITY), "OK:-000000inf"),
            ("%+.2f", F(-0.0), "OK:-0.00"),
            ("%f", F(f64::NAN), "OK:nan"),
            ("%d", B("1000000000000000000000000000000"), "OK:1000000000000000000000000000000"),
            ("%x", B("-1000000000000000000000000000000"), "OK:-c9f2c9cd04674edea40000000"),
            ("%#x", I(0), "OK:0x0"),
            ("%.0d", I(0), "OK:0"),
            ("%\u{e9}", I(1), "ValueError:unsupported format character '?' (0xe9) at index 1"),
            ("%\u{0}", I(1), "ValueError:unsupported format character '?' (0x0) at index 1"),
            ("%5", I(1), "ValueError:incomplete format"),
            ("%.", I(1), "ValueError:incomplete format"),
            ("%(x)d %d", D(vec![("x", I(1))]), "TypeError:not enough arguments for format string"),
            ("abc", I(5), "TypeError:not all arguments converted during string formatting"),
            ("abc", D(vec![]), "OK:abc"),
            ("%s %s", D(vec![("a", I(1))]), "TypeError:not enough arguments for format string"),
            ("%.f", F(2.5), "OK:2"),
            ("%99999999999999999999d", I(1), "ValueError:width too big"),
            ("%.99999999999d", I(1), "ValueError:precision too big"),
            ("%s", S(""), "OK:"),
            ("%i", I(-3), "OK:-3"),
        ];
        for (fmt, args, want) in cases {
            let what = format!("{fmt:?} % {args:?}");
            let got = match percent_format(fmt, &mut Mock(args)) {
                Ok(s) => format!("OK:{s}"),
                Err(e) => format!("{:?}:{}", e.kind, e.message),
            };
            assert_eq!(got, want, "{what}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(
            unsupported_character('y', 1).message,
            "unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(
            real_number_required('d', "str").message,
            "%d format: a real number is required, not str"
        );
        let spec = PercentSpec {
            conversion: 'x',
            alt: true,
            zero: true,
            width: 8,
            ..PercentSpec::default()
        };
        assert_eq!(format_i64_percent(-255, &spec), Ok("-0x000ff".to_string()));
        assert_eq!(
            format_i64_percent(
                i64::MIN,
                &PercentSpec {
                    conversion: 'd',
                    ..spec
                }
            ),
            Ok(i64::MIN.to_string())
        );
    }
}

//! Python `str` methods over `&str`, counting in code points, as CPython 3.11
//! (`Objects/unicodeobject.c`, `Objects/unicodectype.c`).
//!
//! Character classes come from `tables::CHAR_CLASSES`, generated from CPython
//! 3.11 (Unicode 14.0) by asking `str.isalpha`, `isdigit`, `isnumeric`,
//! `isprintable`, `isspace`, `isidentifier`, `islower`, `isupper` and the
//! lowercasing of a final sigma for every code point: each entry is
//! `(first code point << 11) | flags` and holds until the next entry, so a
//! lookup is one binary search. Case *mappings* come from Rust's `char`
//! methods, which follow a newer Unicode version; a mapping is used only when
//! the source is cased in Unicode 14.0 and every result character is assigned
//! there (printable), which makes them agree with CPython 3.11 on every code
//! point. Title case is the upper-case mapping except for a generated
//! exception list; case folding is lower(upper(c)) except for Cherokee,
//! dotless i and capital sharp s.
//!
//! Index arguments (`start`, `end`) are raw Python integers (`None` =
//! `Option::None`) normalised with slice rules: negative values count from
//! the end, then clamp to `0..=len`. Results are code-point indices. ASCII
//! strings take byte-indexed fast paths.
//!
//! Errors: functions that can fail return `Err(message)` for a `ValueError`
//! ("empty separator"), or a [`FormatError`] when the class varies
//! ([`repeat_str`]). `str.index`/`rindex` are [`find`]/[`rfind`] with `None`
//! mapped to ValueError "substring not found".
//!
//! Invariants: nothing here panics on any input; all index arithmetic is
//! checked or clamped.

#[path = "strmethods/tables.rs"]
mod tables;

use super::format_spec::{ErrorKind, FormatError};

use tables::{CHAR_CLASSES, DECIMAL_ZEROS, TITLE_EXCEPTIONS};

/// Flag: `str.isalpha` (general category L*).
const ALPHA: u32 = 1;
/// Flag: `str.isdigit` (numeric type Decimal or Digit).
const DIGIT: u32 = 1 << 1;
/// Flag: `str.isnumeric` (any numeric type).
const NUMERIC: u32 = 1 << 2;
/// Flag: `str.isprintable` (not C*, Z* except space); also marks every
/// character assigned in Unicode 14.0 that a case mapping may produce.
const PRINTABLE: u32 = 1 << 3;
/// Flag: `str.isspace` (bidi WS/B/S or category Zs).
const SPACE: u32 = 1 << 4;
/// Flag: may continue an identifier (XID_Continue).
const XID_CONTINUE: u32 = 1 << 5;
/// Flag: may start an identifier (XID_Start or `_`).
const XID_START: u32 = 1 << 6;
/// Flag: `str.islower` (Lowercase property).
const LOWER: u32 = 1 << 7;
/// Flag: `str.isupper` (Uppercase property).
const UPPER: u32 = 1 << 8;
/// Flag: case-ignorable (skipped by the final-sigma rule).
const CASE_IGNORABLE: u32 = 1 << 9;
/// Flag: titlecase letter (category Lt).
const TITLE: u32 = 1 << 10;
/// Cased: Lowercase, Uppercase or titlecase.
const CASED: u32 = LOWER | UPPER | TITLE;
/// Class flags of `c` (bits above).
fn class_flags(c: char) -> u32 {
    let cp = c as u32;
    let idx = CHAR_CLASSES.partition_point(|&e| (e >> 11) <= cp);
    match idx.checked_sub(1).and_then(|i| CHAR_CLASSES.get(i)) {
        Some(&e) => e & 0x7ff,
        None => 0,
    }
}

// ---------------------------------------------------------------------------
// Character predicates
// ---------------------------------------------------------------------------

/// Python whitespace (`str.isspace`, `str.split()` separators): Unicode
/// White_Space plus U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    class_flags(c) & SPACE != 0
}

/// `str.isalpha` for one character (category L*).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    class_flags(c) & ALPHA != 0
}

/// `str.isdecimal` for one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character (decimal digits, superscripts, ...).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    class_flags(c) & DIGIT != 0
}

/// `str.isnumeric` for one character (digits, fractions, numerals, ...).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    class_flags(c) & NUMERIC != 0
}

/// `str.isalnum` for one character: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    class_flags(c) & (ALPHA | DIGIT | NUMERIC) != 0
}

/// `str.isprintable` for one character: everything but categories Cc, Cf,
/// Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space. `repr()` escapes
/// exactly the non-printable characters.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    class_flags(c) & PRINTABLE != 0
}

/// Cased character (Lowercase, Uppercase or titlecase letter).
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    class_flags(c) & CASED != 0
}

/// Case-ignorable character (skipped when deciding whether a capital sigma
/// ends a word).
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    class_flags(c) & CASE_IGNORABLE != 0
}

/// Titlecase letter (category Lt: `ǅ`, `ᾈ`, ...).
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && class_flags(c) & TITLE != 0
}

/// Python's `str.isupper` for one character (Unicode Uppercase property).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    class_flags(c) & UPPER != 0
}

/// Python's `str.islower` for one character (Unicode Lowercase property).
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    class_flags(c) & LOWER != 0
}

/// Can start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphabetic();
    }
    class_flags(c) & XID_START != 0
}

/// Can continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    class_flags(c) & XID_CONTINUE != 0
}

/// Value 0..=9 of a decimal digit of any script (category Nd), as accepted
/// by `int()`, `float()` and format-spec widths; `None` otherwise.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    let value = cp - zero;
    (value < 10).then_some(value)
}

/// A line boundary for `str.splitlines`: `\n \r \v \f \x1c \x1d \x1e \x85
/// U+2028 U+2029` (`\r\n` counts as one boundary).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

// ---------------------------------------------------------------------------
// String predicates
// ---------------------------------------------------------------------------

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isalpha()`: non-empty and every character alphabetic.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

/// `str.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

/// `str.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

/// `str.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

/// `str.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}

/// `str.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `str.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `str.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue (no keyword
/// check, no normalisation).
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if is_xid_start(first) => chars.all(is_xid_continue),
        _ => false,
    }
}

/// `str.isupper()`: at least one cased character and no lower-case or
/// titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `str.islower()`: at least one cased character and no upper-case or
/// titlecase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `str.istitle()`: upper/titlecase characters only after uncased ones,
/// lower-case ones only after cased ones, and at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------

/// Append Rust's mapping `mapped` of `c` if CPython 3.11 has it too (the
/// source is cased and every result character exists in Unicode 14.0),
/// else `c` itself.
fn push_mapped(c: char, mapped: impl Iterator<Item = char> + Clone, out: &mut String) {
    if c.is_ascii()
        || (is_cased(c)
            && mapped
                .clone()
                .all(|m| m.is_ascii() || class_flags(m) & PRINTABLE != 0))
    {
        out.extend(mapped);
    } else {
        out.push(c);
    }
}

/// Full lower-case mapping of one character (no final-sigma context).
pub fn push_lowercase(c: char, out: &mut String) {
    push_mapped(c, c.to_lowercase(), out);
}

/// Full upper-case mapping of one character (`ß` -> `SS`).
pub fn push_uppercase(c: char, out: &mut String) {
    push_mapped(c, c.to_uppercase(), out);
}

/// Lower-case mapping of the character at `chars[i]`, with the final-sigma
/// rule for U+03A3: `ς` when preceded by a cased character and not followed by
/// one (case-ignorable characters skipped both ways).
fn push_lower_at(chars: &[char], i: usize, c: char, out: &mut String) {
    if c != '\u{3a3}' {
        push_lowercase(c, out);
        return;
    }
    let before = chars
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|&&p| !is_case_ignorable(p));
    let mut final_sigma = before.is_some_and(|&p| is_cased(p));
    if final_sigma {
        let after = chars
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .find(|&&n| !is_case_ignorable(n));
        final_sigma = after.is_none_or(|&n| !is_cased(n));
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

/// Full title-case mapping of one character.
pub fn push_titlecase(c: char, out: &mut String) {
    let cp = c as u32;
    if (0x10d0..=0x10ff).contains(&cp) {
        out.push(c);
        return;
    }
    if cp >= 0xdf
        && let Ok(i) = TITLE_EXCEPTIONS.binary_search_by_key(&cp, |&(k, _)| k)
        && let Some(&(_, mapped)) = TITLE_EXCEPTIONS.get(i)
    {
        out.push_str(mapped);
        return;
    }
    push_uppercase(c, out);
}

/// Full case folding of one character (`str.casefold`).
pub fn push_casefold(c: char, out: &mut String) {
    let cp = c as u32;
    let mapped = match cp {
        0x131 => Some(cp),
        0x13a0..=0x13f5 => Some(cp),
        0x13f8..=0x13fd => Some(cp - 8),
        0xab70..=0xabbf => Some(cp - 0xab70 + 0x13a0),
        0x1e9e => {
            out.push_str("ss");
            return;
        }
        _ => None,
    };
    if let Some(m) = mapped.and_then(char::from_u32) {
        out.push(m);
        return;
    }
    let mut upper = String::new();
    push_uppercase(c, &mut upper);
    for u in upper.chars() {
        push_lowercase(u, out);
    }
}

/// `str.lower()` (full mappings, final sigma).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        push_lower_at(&chars, i, c, &mut out);
    }
    out
}

/// `str.upper()` (full mappings: `ß` -> `SS`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_uppercase(c, &mut out);
    }
    out
}

/// `str.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(c, &mut out);
    }
    out
}

/// `str.swapcase()`: upper-case characters lowered (final sigma applies),
/// lower-case ones uppered, others (titlecase included) unchanged.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        let swapped = s
            .bytes()
            .map(|b| if b.is_ascii_alphabetic() { b ^ 0x20 } else { b });
        return swapped.map(char::from).collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower_at(&chars, i, c, &mut out);
        } else if is_lower(c) {
            push_uppercase(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title()`: a character after a cased one is lowered, any other is
/// title-cased (`"they're" -> "They'Re"`).
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        let mut previous_cased = false;
        for b in s.bytes() {
            out.push(char::from(if previous_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }));
            previous_cased = b.is_ascii_alphabetic();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            push_lower_at(&chars, i, c, &mut out);
        } else {
            push_titlecase(c, &mut out);
        }
        previous_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()`: first character title-cased, the rest lowered.
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_titlecase(c, &mut out);
        } else {
            push_lower_at(&chars, i, c, &mut out);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Indices
// ---------------------------------------------------------------------------

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `index` (`s.len()` when `index >= char_len`).
pub fn byte_offset(s: &str, index: usize) -> usize {
    if s.is_ascii() {
        return index.min(s.len());
    }
    s.char_indices().nth(index).map_or(s.len(), |(b, _)| b)
}

/// The code point at `index` (already non-negative), if any.
pub fn char_at(s: &str, index: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_bytes().get(index).map(|&b| b as char);
    }
    s.chars().nth(index)
}

/// Normalise a `start`/`end` pair the way `str.find` & co. do: negative
/// values count from the end and clamp at 0, `end` clamps at `len`; `start`
/// may stay above `len` (then nothing matches).
fn adjust_range(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let fix = |v: i64| -> i64 {
        if v < 0 {
            v.saturating_add(len_i).max(0)
        } else {
            v
        }
    };
    let start = start.map_or(0, fix);
    let end = end.map_or(len_i, fix).min(len_i);
    (
        usize::try_from(start).unwrap_or(usize::MAX),
        usize::try_from(end).unwrap_or(0),
    )
}

/// Code-point index of byte offset `b` in `s` (`b` on a char boundary).
fn char_index_of(s: &str, b: usize, ascii: bool) -> usize {
    if ascii {
        b
    } else {
        s.get(..b).map_or(0, |p| p.chars().count())
    }
}

/// `s[start:end]` in code points (indices already adjusted, `start <= end`),
/// plus the byte offset where it begins.
fn sub_range(s: &str, start: usize, end: usize, ascii: bool) -> (&str, usize) {
    if ascii {
        let from = start.min(s.len());
        return (s.get(from..end.min(s.len())).unwrap_or(""), from);
    }
    let from = byte_offset(s, start);
    let rest = s.get(from..).unwrap_or("");
    let to = byte_offset(rest, end.saturating_sub(start));
    (rest.get(..to).unwrap_or(""), from)
}

/// `str.find(sub, start, end)`: lowest code-point index of `sub` in
/// `s[start:end]`, or `None` (Python's -1).
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, end) = adjust_range(len, start, end);
    if start > end {
        return None;
    }
    let (hay, base) = sub_range(s, start, end, ascii);
    let pos = hay.find(sub)?;
    Some(char_index_of(s, base + pos, ascii))
}

/// `str.rfind(sub, start, end)`: highest code-point index, or `None`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, end) = adjust_range(len, start, end);
    if start > end {
        return None;
    }
    let (hay, base) = sub_range(s, start, end, ascii);
    let pos = hay.rfind(sub)?;
    Some(char_index_of(s, base + pos, ascii))
}

/// `str.count(sub, start, end)`: non-overlapping occurrences; an empty
/// `sub` counts every position (`len + 1` for the whole string).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, end) = adjust_range(len, start, end);
    if start > end {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let (hay, _) = sub_range(s, start, end, ascii);
    hay.matches(sub).count()
}

/// `str.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, end) = adjust_range(len, start, end);
    if start > end {
        return false;
    }
    sub_range(s, start, end, ascii).0.starts_with(prefix)
}

/// `str.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, end) = adjust_range(len, start, end);
    if start > end {
        return false;
    }
    sub_range(s, start, end, ascii).0.ends_with(suffix)
}

/// Python's slice-index adjustment (`PySlice_AdjustIndices`): given a
/// sequence length and the slice's `start`/`stop` (`None` = omitted) and a
/// non-zero `step`, return `(start, stop, slice_length)` ready for
/// [`slice_str`]. A zero step is the caller's error ("slice step cannot be
/// zero"); it is treated as 1 here.
pub fn adjust_slice(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> (i64, i64, usize) {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let step = if step == 0 { 1 } else { step };
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => v.saturating_add(len).max(lower),
            Some(v) => v.min(upper),
        }
    };
    let start = fix(start, if step < 0 { upper } else { lower });
    let stop = fix(stop, if step < 0 { lower } else { upper });
    (start, stop, slice_length(start, stop, step))
}

/// Number of items in `range(start, stop, step)` (`step != 0`).
fn slice_length(start: i64, stop: i64, step: i64) -> usize {
    let (span, by) = if step > 0 {
        (i128::from(stop) - i128::from(start), i128::from(step))
    } else {
        (i128::from(start) - i128::from(stop), -i128::from(step))
    };
    if span <= 0 || by <= 0 {
        return 0;
    }
    usize::try_from((span - 1) / by + 1).unwrap_or(usize::MAX)
}

/// `s[start:stop:step]` in code points, with indices already normalised by
/// [`adjust_slice`] (out-of-range positions are skipped, never a panic).
pub fn slice_str(s: &str, start: i64, stop: i64, step: i64) -> String {
    let step = if step == 0 { 1 } else { step };
    let n = slice_length(start, stop, step);
    if n == 0 {
        return String::new();
    }
    if step == 1 {
        let from = usize::try_from(start.max(0)).unwrap_or(0);
        let to = usize::try_from(stop.max(0)).unwrap_or(0);
        if s.is_ascii() {
            return s
                .get(from.min(s.len())..to.min(s.len()).max(from.min(s.len())))
                .unwrap_or("")
                .to_string();
        }
        let b0 = byte_offset(s, from);
        let rest = s.get(b0..).unwrap_or("");
        let b1 = byte_offset(rest, to.saturating_sub(from));
        return rest.get(..b1).unwrap_or("").to_string();
    }
    let mut out = String::with_capacity(n.min(s.len()));
    let positions = (0..n).map(|k| i128::from(start) + i128::from(step) * k as i128);
    if s.is_ascii() {
        let bytes = s.as_bytes();
        for p in positions {
            if let Some(&b) = usize::try_from(p).ok().and_then(|p| bytes.get(p)) {
                out.push(b as char);
            }
        }
    } else {
        let chars: Vec<char> = s.chars().collect();
        for p in positions {
            if let Some(&c) = usize::try_from(p).ok().and_then(|p| chars.get(p)) {
                out.push(c);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Splitting, stripping, replacing
// ---------------------------------------------------------------------------

/// `str.split(sep)` with a `None`-like separator: runs of whitespace split,
/// leading/trailing whitespace ignored; after `maxsplit` splits (None = no
/// limit) the rest, with its leading whitespace stripped, is the last item.
pub fn split_whitespace(s: &str, maxsplit: Option<usize>) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    let mut splits = 0usize;
    while !rest.is_empty() {
        if maxsplit.is_some_and(|m| splits >= m) {
            out.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(i) => {
                out.push(rest.get(..i).unwrap_or(""));
                rest = rest.get(i..).unwrap_or("").trim_start_matches(is_space);
                splits += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `str.rsplit()` with no separator: as [`split_whitespace`] from the right.
pub fn rsplit_whitespace(s: &str, maxsplit: Option<usize>) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    let mut splits = 0usize;
    while !rest.is_empty() {
        if maxsplit.is_some_and(|m| splits >= m) {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let ws_len = rest
                    .get(i..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8);
                out.push(rest.get(i + ws_len..).unwrap_or(""));
                rest = rest.get(..i).unwrap_or("").trim_end_matches(is_space);
                splits += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

/// `str.split(sep, maxsplit)` with a string separator. Error (ValueError):
/// "empty separator".
pub fn split_sep<'a>(
    s: &'a str,
    sep: &str,
    maxsplit: Option<usize>,
) -> Result<Vec<&'a str>, String> {
    if sep.is_empty() {
        return Err("empty separator".to_string());
    }
    Ok(match maxsplit {
        None => s.split(sep).collect(),
        Some(m) => s.splitn(m.saturating_add(1), sep).collect(),
    })
}

/// `str.rsplit(sep, maxsplit)` with a string separator. Error (ValueError):
/// "empty separator".
pub fn rsplit_sep<'a>(
    s: &'a str,
    sep: &str,
    maxsplit: Option<usize>,
) -> Result<Vec<&'a str>, String> {
    if sep.is_empty() {
        return Err("empty separator".to_string());
    }
    let mut out: Vec<&str> = match maxsplit {
        None => s.rsplit(sep).collect(),
        Some(m) => s.rsplitn(m.saturating_add(1), sep).collect(),
    };
    out.reverse();
    Ok(out)
}

/// `str.splitlines(keepends)`: split at [`is_line_break`] boundaries, `\r\n`
/// as one; no empty last item for a trailing boundary.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut line_start = 0usize;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && iter.next_if(|&(_, n)| n == '\n').is_some() {
            end += 1;
        }
        out.push(
            s.get(line_start..if keepends { end } else { i })
                .unwrap_or(""),
        );
        line_start = end;
    }
    if line_start < s.len() {
        out.push(s.get(line_start..).unwrap_or(""));
    }
    out
}

/// `str.partition(sep)`: `(before, sep, after)`, or `(s, "", "")` when `sep`
/// is absent. Error (ValueError): "empty separator".
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), String> {
    if sep.is_empty() {
        return Err("empty separator".to_string());
    }
    Ok(match s.find(sep) {
        Some(i) => (
            s.get(..i).unwrap_or(""),
            s.get(i..i + sep.len()).unwrap_or(""),
            s.get(i + sep.len()..).unwrap_or(""),
        ),
        None => (s, "", ""),
    })
}

/// `str.rpartition(sep)`: split at the last `sep`, or `("", "", s)`.
/// Error (ValueError): "empty separator".
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), String> {
    if sep.is_empty() {
        return Err("empty separator".to_string());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (
            s.get(..i).unwrap_or(""),
            s.get(i..i + sep.len()).unwrap_or(""),
            s.get(i + sep.len()..).unwrap_or(""),
        ),
        None => ("", "", s),
    })
}

/// `str.strip(chars)`: `None` strips Python whitespace, `Some(set)` strips
/// any character of `set`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `str.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c: char| set.contains(c)),
    }
}

/// `str.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c: char| set.contains(c)),
    }
}

/// `str.replace(old, new, count)`: `count` None (Python: negative) replaces
/// all. An empty `old` inserts `new` before every character and at the end
/// (`'abc' -> '-a-b-c-'`), up to `count` times.
pub fn replace(s: &str, old: &str, new: &str, count: Option<usize>) -> String {
    let limit = count.unwrap_or(usize::MAX);
    if limit == 0 {
        return s.to_string();
    }
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len());
        let mut done = 0usize;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    if limit == usize::MAX {
        return s.replace(old, new);
    }
    s.replacen(old, new, limit)
}

// ---------------------------------------------------------------------------
// Padding, tabs, repetition
// ---------------------------------------------------------------------------

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Padding needed to reach `width` code points (0 when already that wide).
fn missing(s: &str, width: i64) -> usize {
    let len = char_len(s);
    usize::try_from(width).map_or(0, |w| w.saturating_sub(len))
}

/// `str.center(width, fill)`: extra odd padding goes right, except when
/// both the padding and `width` are odd (CPython's rule).
pub fn center(s: &str, width: i64, fill: char) -> String {
    let marg = missing(s, width);
    if marg == 0 {
        return s.to_string();
    }
    let w = usize::try_from(width).unwrap_or(0);
    let left = marg / 2 + (marg & w & 1);
    pad(s, left, marg - left, fill)
}

/// `str.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    pad(s, 0, missing(s, width), fill)
}

/// `str.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    pad(s, missing(s, width), 0, fill)
}

/// `str.zfill(width)`: zeros on the left, after a leading `+`/`-`.
pub fn zfill(s: &str, width: i64) -> String {
    let fill = missing(s, width);
    if fill == 0 {
        return s.to_string();
    }
    let mut out = pad(s, fill, 0, '0');
    if let Some(sign) = s.chars().next().filter(|c| *c == '+' || *c == '-') {
        // Move the sign in front of the zeros.
        out.replace_range(fill..fill + 1, "0");
        out.replace_range(0..1, sign.encode_utf8(&mut [0; 4]));
    }
    out
}

/// `str.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple
/// of `tabsize` (no spaces when `tabsize <= 0`); `\n` and `\r` reset the
/// column.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let tab = usize::try_from(tabsize).unwrap_or(0);
    let mut out = String::with_capacity(s.len());
    let mut column = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - column % tab;
                    out.extend(std::iter::repeat_n(' ', n));
                    column = column.saturating_add(n);
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column = column.saturating_add(1);
            }
        }
    }
    out
}

/// `s * n`: empty for `n <= 0`. Errors: OverflowError "repeated string is
/// too long" when the byte length overflows `isize`, MemoryError (empty
/// message) when the allocation fails.
pub fn repeat_str(s: &str, n: i64) -> Result<String, FormatError> {
    let Ok(n) = usize::try_from(n) else {
        return Ok(String::new());
    };
    let total = match s.len().checked_mul(n) {
        Some(total) if isize::try_from(total).is_ok() => total,
        _ => return Err(FormatError::overflow("repeated string is too long")),
    };
    let mut out = String::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(FormatError {
            kind: ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    for _ in 0..n {
        out.push_str(s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by python3 (CPython 3.11.7).
    #![allow(clippy::type_complexity)]
    use super::*;

    #[test]
    fn case_mappings() {
        // (input, lower, upper, title, capitalize, swapcase, casefold)
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
            ("abc", "abc", "ABC", "Abc", "Abc", "ABC", "abc"),
            ("Hello World", "hello world", "HELLO WORLD", "Hello World", "Hello world", "hELLO wORLD", "hello world"),
            ("they're bill's", "they're bill's", "THEY'RE BILL'S", "They'Re Bill'S", "They're bill's", "THEY'RE BILL'S", "they're bill's"),
            ("\u{391}\u{3a3} \u{391}\u{3a3}\u{391}", "\u{3b1}\u{3c2} \u{3b1}\u{3c3}\u{3b1}", "\u{391}\u{3a3} \u{391}\u{3a3}\u{391}", "\u{391}\u{3c2} \u{391}\u{3c3}\u{3b1}", "\u{391}\u{3c2} \u{3b1}\u{3c3}\u{3b1}", "\u{3b1}\u{3c2} \u{3b1}\u{3c3}\u{3b1}", "\u{3b1}\u{3c3} \u{3b1}\u{3c3}\u{3b1}"),
            ("\u{1c6}emal", "\u{1c6}emal", "\u{1c4}EMAL", "\u{1c5}emal", "\u{1c5}emal", "\u{1c4}EMAL", "\u{1c6}emal"),
            ("\u{df}tra\u{df}e", "\u{df}tra\u{df}e", "SSTRASSE", "Sstra\u{df}e", "Sstra\u{df}e", "SSTRASSE", "sstrasse"),
            ("\u{fb01}sh \u{fb02}y", "\u{fb01}sh \u{fb02}y", "FISH FLY", "Fish Fly", "Fish \u{fb02}y", "FISH FLY", "fish fly"),
            ("\u{130}stanbul", "i\u{307}stanbul", "\u{130}STANBUL", "\u{130}stanbul", "\u{130}stanbul", "i\u{307}STANBUL", "i\u{307}stanbul"),
            ("hello wORLD 123", "hello world 123", "HELLO WORLD 123", "Hello World 123", "Hello world 123", "HELLO World 123", "hello world 123"),
            ("\u{38c}\u{3a3}\u{39f}\u{3a3}", "\u{3cc}\u{3c3}\u{3bf}\u{3c2}", "\u{38c}\u{3a3}\u{39f}\u{3a3}", "\u{38c}\u{3c3}\u{3bf}\u{3c2}", "\u{38c}\u{3c3}\u{3bf}\u{3c2}", "\u{3cc}\u{3c3}\u{3bf}\u{3c2}", "\u{3cc}\u{3c3}\u{3bf}\u{3c3}"),
            ("a\u{3a3}.", "a\u{3c2}.", "A\u{3a3}.", "A\u{3c2}.", "A\u{3c2}.", "A\u{3c2}.", "a\u{3c3}."),
            ("a\u{301}\u{3a3} b", "a\u{301}\u{3c2} b", "A\u{301}\u{3a3} B", "A\u{301}\u{3a3} B", "A\u{301}\u{3c2} b", "A\u{301}\u{3c2} B", "a\u{301}\u{3c3} b"),
            ("\u{1c5}ungla", "\u{1c6}ungla", "\u{1c4}UNGLA", "\u{1c5}ungla", "\u{1c5}ungla", "\u{1c5}UNGLA", "\u{1c6}ungla"),
            ("\u{1ff3} \u{1fb3}", "\u{1ff3} \u{1fb3}", "\u{3a9}\u{399} \u{391}\u{399}", "\u{1ffc} \u{1fbc}", "\u{1ffc} \u{1fb3}", "\u{3a9}\u{399} \u{391}\u{399}", "\u{3c9}\u{3b9} \u{3b1}\u{3b9}"),
            ("\u{13a0}\u{ab70}", "\u{ab70}\u{ab70}", "\u{13a0}\u{13a0}", "\u{13a0}\u{ab70}", "\u{13a0}\u{ab70}", "\u{ab70}\u{13a0}", "\u{13a0}\u{13a0}"),
            ("\u{131}", "\u{131}", "I", "I", "I", "I", "\u{131}"),
            ("\u{1e9e}", "\u{df}", "\u{1e9e}", "\u{1e9e}", "\u{1e9e}", "\u{df}", "ss"),
            ("\u{1c5}1", "\u{1c6}1", "\u{1c4}1", "\u{1c5}1", "\u{1c5}1", "\u{1c5}1", "\u{1c6}1"),
            ("A1 B2", "a1 b2", "A1 B2", "A1 B2", "A1 b2", "a1 b2", "a1 b2"),
        ];
        for &(s, lo, up, ti, ca, sw, cf) in cases {
            assert_eq!(lower(s), lo, "lower {s:?}");
            assert_eq!(upper(s), up, "upper {s:?}");
            assert_eq!(title(s), ti, "title {s:?}");
            assert_eq!(capitalize(s), ca, "capitalize {s:?}");
            assert_eq!(swapcase(s), sw, "swapcase {s:?}");
            assert_eq!(casefold(s), cf, "casefold {s:?}");
        }
    }

    #[test]
    fn predicates() {
        // Flags: isalpha isdecimal isdigit isnumeric isalnum isspace isupper islower istitle isidentifier isprintable isascii, T/F each.
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            ("", "FFFFFFFFFFTT"),
            (" ", "FFFFFTFFFFTT"),
            ("\u{9}\u{a}\u{b}\u{c}\u{d}\u{1c}\u{1f} \u{85}\u{a0}\u{1680}\u{2000}\u{2028}\u{3000}", "FFFFFTFFFFFF"),
            ("\u{200b}", "FFFFFFFFFFFF"),
            ("\u{b2}\u{b3}\u{b9}", "FFTTTFFFFFTF"),
            ("\u{bd}\u{2153}", "FFFTTFFFFFTF"),
            ("\u{2163}", "FFFTTFTFTTTF"),
            ("\u{e53}", "FTTTTFFFFFTF"),
            ("\u{1d7d8}\u{1d7d9}", "FTTTTFFFFFTF"),
            ("_x", "FFFFFFFTFTTT"),
            ("x_1", "FFFFFFFTFTTT"),
            ("1x", "FFFFTFFTFFTT"),
            ("a-b", "FFFFFFFTFFTT"),
            ("\u{3b1}\u{3b2}\u{3b3}", "TFFFTFFTFTTF"),
            ("\u{301}a", "FFFFFFFTFFTF"),
            ("a\u{301}", "FFFFFFFTFTTF"),
            ("\u{7f}", "FFFFFFFFFFFT"),
            ("\u{ad}", "FFFFFFFFFFFF"),
            ("\u{feff}", "FFFFFFFFFFFF"),
            ("\u{1f600}", "FFFFFFFFFFTF"),
            ("\u{e000}", "FFFFFFFFFFFF"),
            ("\u{aa}", "TFFFTFFTFTTF"),
            ("\u{2b0}", "TFFFTFFTFTTF"),
            ("\u{1c5}\u{1c6}", "TFFFTFFFTTTF"),
            ("AbC", "TFFFTFFFFTTT"),
            ("ABC", "TFFFTFTFFTTT"),
            ("abc", "TFFFTFFTFTTT"),
            ("Hello World", "FFFFFFFFTFTT"),
            ("Hello world", "FFFFFFFFFFTT"),
            ("\u{1c5}a", "TFFFTFFFTTTF"),
            ("A1", "FFFFTFTFTTTT"),
            ("1", "FTTTTFFFFFTT"),
            ("HELLO1", "FFFFTFTFFTTT"),
            ("\u{663}", "FTTTTFFFFFTF"),
            ("123abc", "FFFFTFFTFFTT"),
        ];
        for &(s, want) in cases {
            let got: String = [
                isalpha(s),
                isdecimal(s),
                isdigit(s),
                isnumeric(s),
                isalnum(s),
                isspace(s),
                isupper(s),
                islower(s),
                istitle(s),
                isidentifier(s),
                isprintable(s),
                isascii(s),
            ]
            .iter()
            .map(|&b| if b { 'T' } else { 'F' })
            .collect();
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn find_count_affixes() {
        // (s, sub, start, end, find, rfind, count, startswith, endswith)
        #[rustfmt::skip]
        let cases: &[(&str, &str, Option<i64>, Option<i64>, Option<usize>, Option<usize>, usize, bool, bool)] = &[
            ("hello world hello", "", Some(2), Some(10), Some(2), Some(10), 9, true, true),
            ("hello world hello", "", Some(5), Some(2), None, None, 0, false, false),
            ("hello world hello", "l", Some(-3), None, Some(14), Some(15), 2, true, false),
            ("hello world hello", "l", Some(-100), Some(100), Some(2), Some(15), 5, false, false),
            ("hello world hello", "lo", Some(100), None, None, None, 0, false, false),
            ("hello world hello", "lo", Some(4), None, Some(15), Some(15), 1, false, true),
            ("hello world hello", "hello", Some(100), None, None, None, 0, false, false),
            ("hello world hello", "hello", Some(1), None, Some(12), Some(12), 1, false, true),
            ("hello world hello", "aa", Some(4), None, None, None, 0, false, false),
            ("hello world hello", "aa", Some(0), Some(-1), None, None, 0, false, false),
            ("aaaa", "", Some(4), None, Some(4), Some(4), 1, true, true),
            ("aaaa", "", Some(5), Some(2), None, None, 0, false, false),
            ("aaaa", "l", Some(4), None, None, None, 0, false, false),
            ("aaaa", "l", Some(3), Some(3), None, None, 0, false, false),
            ("aaaa", "aa", Some(5), Some(2), None, None, 0, false, false),
            ("aaaa", "aa", Some(3), Some(3), None, None, 0, false, false),
            ("aaaa", "x", Some(1), None, None, None, 0, false, false),
            ("aaaa", "x", Some(-3), None, None, None, 0, false, false),
            ("aaaa", "\u{65e5}\u{672c}", Some(100), None, None, None, 0, false, false),
            ("aaaa", "\u{65e5}\u{672c}", None, None, None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "", Some(0), Some(-1), Some(0), Some(16), 17, true, true),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "", None, None, Some(0), Some(17), 18, true, true),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "l", Some(0), Some(-1), Some(2), Some(15), 5, false, true),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "l", Some(4), None, Some(9), Some(15), 3, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "lo", Some(100), None, None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "lo", Some(3), Some(3), None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "hello", Some(3), Some(3), None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "hello", Some(100), None, None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "\u{f6}", Some(100), None, None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "\u{f6}", Some(4), None, Some(7), Some(7), 1, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "aa", Some(-3), None, None, None, 0, false, false),
            ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "aa", Some(-100), Some(100), None, None, 0, false, false),
            ("", "", Some(2), Some(10), None, None, 0, false, false),
            ("", "", Some(0), Some(-1), Some(0), Some(0), 1, true, true),
            ("", "l", Some(3), Some(3), None, None, 0, false, false),
            ("", "l", Some(0), Some(-1), None, None, 0, false, false),
            ("", "hello", Some(100), None, None, None, 0, false, false),
            ("", "hello", Some(-100), Some(100), None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "", None, None, Some(0), Some(5), 6, true, true),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "", Some(0), Some(-1), Some(0), Some(4), 5, true, true),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "l", Some(-3), None, None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "l", Some(-100), Some(100), None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "lo", Some(100), None, None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "lo", Some(1), None, None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "hello", Some(2), Some(10), None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "hello", Some(0), Some(-1), None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "x", Some(4), None, None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "x", Some(1), None, None, None, 0, false, false),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "\u{65e5}\u{672c}", Some(-100), Some(100), Some(0), Some(3), 2, true, true),
            ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "\u{65e5}\u{672c}", Some(1), None, Some(3), Some(3), 1, false, true),
        ];
        for &(s, sub, st, en, f, rf, n, sw, ew) in cases {
            let what = format!("{s:?}.x({sub:?}, {st:?}, {en:?})");
            assert_eq!(find(s, sub, st, en), f, "find {what}");
            assert_eq!(rfind(s, sub, st, en), rf, "rfind {what}");
            assert_eq!(count(s, sub, st, en), n, "count {what}");
            assert_eq!(startswith(s, sub, st, en), sw, "startswith {what}");
            assert_eq!(endswith(s, sub, st, en), ew, "endswith {what}");
        }
    }

    #[test]
    fn splitting() {
        // (s, maxsplit, split(), rsplit())
        #[rustfmt::skip]
        let ws: &[(&str, Option<usize>, &[&str], &[&str])] = &[
            ("", None, &[], &[]),
            ("", Some(0), &[], &[]),
            ("", Some(1), &[], &[]),
            ("  ", None, &[], &[]),
            ("  ", Some(0), &[], &[]),
            ("  ", Some(1), &[], &[]),
            (" a  b ", None, &["a", "b"], &["a", "b"]),
            (" a  b ", Some(0), &["a  b "], &[" a  b"]),
            (" a  b ", Some(1), &["a", "b "], &[" a", "b"]),
            ("a b c d", None, &["a", "b", "c", "d"], &["a", "b", "c", "d"]),
            ("a b c d", Some(0), &["a b c d"], &["a b c d"]),
            ("a b c d", Some(1), &["a", "b c d"], &["a b c", "d"]),
            ("\u{3000}x\u{1c}y\u{85}z  ", None, &["x", "y", "z"], &["x", "y", "z"]),
            ("\u{3000}x\u{1c}y\u{85}z  ", Some(0), &["x\u{1c}y\u{85}z  "], &["\u{3000}x\u{1c}y\u{85}z"]),
            ("\u{3000}x\u{1c}y\u{85}z  ", Some(1), &["x", "y\u{85}z  "], &["\u{3000}x\u{1c}y", "z"]),
            ("a,b,,c,", None, &["a,b,,c,"], &["a,b,,c,"]),
            ("a,b,,c,", Some(0), &["a,b,,c,"], &["a,b,,c,"]),
            ("a,b,,c,", Some(1), &["a,b,,c,"], &["a,b,,c,"]),
            ("a::b::c", None, &["a::b::c"], &["a::b::c"]),
            ("a::b::c", Some(0), &["a::b::c"], &["a::b::c"]),
            ("a::b::c", Some(1), &["a::b::c"], &["a::b::c"]),
            ("h\u{e9}llo w\u{f6}rld", None, &["h\u{e9}llo", "w\u{f6}rld"], &["h\u{e9}llo", "w\u{f6}rld"]),
            ("h\u{e9}llo w\u{f6}rld", Some(0), &["h\u{e9}llo w\u{f6}rld"], &["h\u{e9}llo w\u{f6}rld"]),
            ("h\u{e9}llo w\u{f6}rld", Some(1), &["h\u{e9}llo", "w\u{f6}rld"], &["h\u{e9}llo", "w\u{f6}rld"]),
        ];
        for &(s, m, sp, rsp) in ws {
            assert_eq!(split_whitespace(s, m), sp, "{s:?}.split(None, {m:?})");
            assert_eq!(rsplit_whitespace(s, m), rsp, "{s:?}.rsplit(None, {m:?})");
        }
        // (s, sep, maxsplit, split(sep), rsplit(sep))
        #[rustfmt::skip]
        let by_sep: &[(&str, &str, Option<usize>, &[&str], &[&str])] = &[
            ("a,b,,c,", ",", None, &["a", "b", "", "c", ""], &["a", "b", "", "c", ""]),
            ("a,b,,c,", ",", Some(0), &["a,b,,c,"], &["a,b,,c,"]),
            ("a,b,,c,", ",", Some(1), &["a", "b,,c,"], &["a,b,,c", ""]),
            (",", ",", None, &["", ""], &["", ""]),
            (",", ",", Some(0), &[","], &[","]),
            (",", ",", Some(1), &["", ""], &["", ""]),
            ("a::b::c", "::", None, &["a", "b", "c"], &["a", "b", "c"]),
            ("a::b::c", "::", Some(0), &["a::b::c"], &["a::b::c"]),
            ("a::b::c", "::", Some(1), &["a", "b::c"], &["a::b", "c"]),
            ("h\u{e9}llo w\u{f6}rld", "\u{f6}", None, &["h\u{e9}llo w", "rld"], &["h\u{e9}llo w", "rld"]),
            ("h\u{e9}llo w\u{f6}rld", "\u{f6}", Some(0), &["h\u{e9}llo w\u{f6}rld"], &["h\u{e9}llo w\u{f6}rld"]),
            ("h\u{e9}llo w\u{f6}rld", "\u{f6}", Some(1), &["h\u{e9}llo w", "rld"], &["h\u{e9}llo w", "rld"]),
            ("", ",", None, &[""], &[""]),
            ("", ",", Some(0), &[""], &[""]),
            ("", ",", Some(1), &[""], &[""]),
            ("", "::", None, &[""], &[""]),
            ("", "::", Some(0), &[""], &[""]),
            ("", "::", Some(1), &[""], &[""]),
            ("", "\u{f6}", None, &[""], &[""]),
            ("", "\u{f6}", Some(0), &[""], &[""]),
            ("", "\u{f6}", Some(1), &[""], &[""]),
        ];
        for &(s, sep, m, sp, rsp) in by_sep {
            assert_eq!(
                split_sep(s, sep, m).as_deref(),
                Ok(sp),
                "{s:?}.split({sep:?}, {m:?})"
            );
            assert_eq!(
                rsplit_sep(s, sep, m).as_deref(),
                Ok(rsp),
                "{s:?}.rsplit({sep:?}, {m:?})"
            );
        }
        // (s, splitlines(), splitlines(True))
        #[rustfmt::skip]
        let lines: &[(&str, &[&str], &[&str])] = &[
            ("", &[], &[]),
            ("a", &["a"], &["a"]),
            ("\u{a}", &[""], &["\u{a}"]),
            ("a\u{d}\u{a}b\u{d}c\u{a}\u{a}d", &["a", "b", "c", "", "d"], &["a\u{d}\u{a}", "b\u{d}", "c\u{a}", "\u{a}", "d"]),
            ("x\u{b}y\u{c}z\u{1c}\u{1d}\u{1e}\u{85}\u{2028}\u{2029}e", &["x", "y", "z", "", "", "", "", "", "e"], &["x\u{b}", "y\u{c}", "z\u{1c}", "\u{1d}", "\u{1e}", "\u{85}", "\u{2028}", "\u{2029}", "e"]),
            ("a\u{d}", &["a"], &["a\u{d}"]),
            ("\u{d}\u{a}\u{d}\u{a}", &["", ""], &["\u{d}\u{a}", "\u{d}\u{a}"]),
            ("trail\u{a}", &["trail"], &["trail\u{a}"]),
        ];
        for &(s, plain, keep) in lines {
            assert_eq!(splitlines(s, false), plain, "{s:?}");
            assert_eq!(splitlines(s, true), keep, "{s:?} keepends");
        }
        // (s, sep, partition, rpartition)
        #[rustfmt::skip]
        let parts: &[(&str, &str, (&str, &str, &str), (&str, &str, &str))] = &[
            ("", "-", ("", "", ""), ("", "", "")),
            ("", "--", ("", "", ""), ("", "", "")),
            ("", "\u{f6}", ("", "", ""), ("", "", "")),
            ("a-b-c", "-", ("a", "-", "b-c"), ("a-b", "-", "c")),
            ("a-b-c", "--", ("a-b-c", "", ""), ("", "", "a-b-c")),
            ("a-b-c", "\u{f6}", ("a-b-c", "", ""), ("", "", "a-b-c")),
            ("-", "-", ("", "-", ""), ("", "-", "")),
            ("-", "--", ("-", "", ""), ("", "", "-")),
            ("-", "\u{f6}", ("-", "", ""), ("", "", "-")),
            ("abc", "-", ("abc", "", ""), ("", "", "abc")),
            ("abc", "--", ("abc", "", ""), ("", "", "abc")),
            ("abc", "\u{f6}", ("abc", "", ""), ("", "", "abc")),
            ("a--b", "-", ("a", "-", "-b"), ("a-", "-", "b")),
            ("a--b", "--", ("a", "--", "b"), ("a", "--", "b")),
            ("a--b", "\u{f6}", ("a--b", "", ""), ("", "", "a--b")),
            ("h\u{e9}llo-w\u{f6}rld-x", "-", ("h\u{e9}llo", "-", "w\u{f6}rld-x"), ("h\u{e9}llo-w\u{f6}rld", "-", "x")),
            ("h\u{e9}llo-w\u{f6}rld-x", "--", ("h\u{e9}llo-w\u{f6}rld-x", "", ""), ("", "", "h\u{e9}llo-w\u{f6}rld-x")),
            ("h\u{e9}llo-w\u{f6}rld-x", "\u{f6}", ("h\u{e9}llo-w", "\u{f6}", "rld-x"), ("h\u{e9}llo-w", "\u{f6}", "rld-x")),
        ];
        for &(s, sep, p, rp) in parts {
            assert_eq!(partition(s, sep), Ok(p), "{s:?}.partition({sep:?})");
            assert_eq!(rpartition(s, sep), Ok(rp), "{s:?}.rpartition({sep:?})");
        }
        assert_eq!(partition("a", ""), Err("empty separator".to_string()));
        assert_eq!(split_sep("a", "", None), Err("empty separator".to_string()));
    }

    #[test]
    fn strip_replace() {
        // (s, chars, strip, lstrip, rstrip)
        #[rustfmt::skip]
        let strips: &[(&str, Option<&str>, &str, &str, &str)] = &[
            ("", None, "", "", ""),
            ("", Some("x"), "", "", ""),
            ("", Some("h\u{e9}"), "", "", ""),
            ("", Some("cba"), "", "", ""),
            ("  a b  ", None, "a b", "a b  ", "  a b"),
            ("  a b  ", Some("x"), "  a b  ", "  a b  ", "  a b  "),
            ("  a b  ", Some("h\u{e9}"), "  a b  ", "  a b  ", "  a b  "),
            ("  a b  ", Some("cba"), "  a b  ", "  a b  ", "  a b  "),
            ("\u{9}\u{a} x\u{3000}", None, "x", "x\u{3000}", "\u{9}\u{a} x"),
            ("\u{9}\u{a} x\u{3000}", Some("x"), "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}"),
            ("\u{9}\u{a} x\u{3000}", Some("h\u{e9}"), "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}"),
            ("\u{9}\u{a} x\u{3000}", Some("cba"), "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}"),
            ("xxhixx", None, "xxhixx", "xxhixx", "xxhixx"),
            ("xxhixx", Some("x"), "hi", "hixx", "xxhi"),
            ("xxhixx", Some("h\u{e9}"), "xxhixx", "xxhixx", "xxhixx"),
            ("xxhixx", Some("cba"), "xxhixx", "xxhixx", "xxhixx"),
            ("h\u{e9}h", None, "h\u{e9}h", "h\u{e9}h", "h\u{e9}h"),
            ("h\u{e9}h", Some("x"), "h\u{e9}h", "h\u{e9}h", "h\u{e9}h"),
            ("h\u{e9}h", Some("h\u{e9}"), "", "", ""),
            ("h\u{e9}h", Some("cba"), "h\u{e9}h", "h\u{e9}h", "h\u{e9}h"),
            ("abc", None, "abc", "abc", "abc"),
            ("abc", Some("x"), "abc", "abc", "abc"),
            ("abc", Some("h\u{e9}"), "abc", "abc", "abc"),
            ("abc", Some("cba"), "", "", ""),
        ];
        for &(s, chars, both, left, right) in strips {
            assert_eq!(strip(s, chars), both, "{s:?}.strip({chars:?})");
            assert_eq!(lstrip(s, chars), left, "{s:?}.lstrip({chars:?})");
            assert_eq!(rstrip(s, chars), right, "{s:?}.rstrip({chars:?})");
        }
        // (s, old, new, count, result)
        #[rustfmt::skip]
        let repl: &[(&str, &str, &str, Option<usize>, &str)] = &[
            ("", "", "-", None, "-"),
            ("", "", "-", Some(0), ""),
            ("", "", "-", Some(2), "-"),
            ("", "a", "xy", None, ""),
            ("", "a", "xy", Some(0), ""),
            ("", "aa", "b", None, ""),
            ("", "aa", "b", Some(0), ""),
            ("", ".", "", None, ""),
            ("", ".", "", Some(0), ""),
            ("", "\u{e9}", "e", None, ""),
            ("", "\u{e9}", "e", Some(0), ""),
            ("abc", "", "-", None, "-a-b-c-"),
            ("abc", "", "-", Some(0), "abc"),
            ("abc", "", "-", Some(2), "-a-bc"),
            ("abc", "a", "xy", None, "xybc"),
            ("abc", "a", "xy", Some(0), "abc"),
            ("abc", "a", "xy", Some(2), "xybc"),
            ("abc", "aa", "b", None, "abc"),
            ("abc", "aa", "b", Some(0), "abc"),
            ("abc", ".", "", None, "abc"),
            ("abc", ".", "", Some(0), "abc"),
            ("abc", "\u{e9}", "e", None, "abc"),
            ("abc", "\u{e9}", "e", Some(0), "abc"),
            ("aaa", "", "-", None, "-a-a-a-"),
            ("aaa", "", "-", Some(0), "aaa"),
            ("aaa", "", "-", Some(2), "-a-aa"),
            ("aaa", "a", "xy", None, "xyxyxy"),
            ("aaa", "a", "xy", Some(0), "aaa"),
            ("aaa", "a", "xy", Some(2), "xyxya"),
            ("aaa", "aa", "b", None, "ba"),
            ("aaa", "aa", "b", Some(0), "aaa"),
            ("aaa", "aa", "b", Some(2), "ba"),
            ("aaa", ".", "", None, "aaa"),
            ("aaa", ".", "", Some(0), "aaa"),
            ("aaa", "\u{e9}", "e", None, "aaa"),
            ("aaa", "\u{e9}", "e", Some(0), "aaa"),
            ("h\u{e9}llo", "", "-", None, "-h-\u{e9}-l-l-o-"),
            ("h\u{e9}llo", "", "-", Some(0), "h\u{e9}llo"),
            ("h\u{e9}llo", "", "-", Some(2), "-h-\u{e9}llo"),
            ("h\u{e9}llo", "a", "xy", None, "h\u{e9}llo"),
            ("h\u{e9}llo", "a", "xy", Some(0), "h\u{e9}llo"),
            ("h\u{e9}llo", "aa", "b", None, "h\u{e9}llo"),
            ("h\u{e9}llo", "aa", "b", Some(0), "h\u{e9}llo"),
            ("h\u{e9}llo", ".", "", None, "h\u{e9}llo"),
            ("h\u{e9}llo", ".", "", Some(0), "h\u{e9}llo"),
            ("h\u{e9}llo", "\u{e9}", "e", None, "hello"),
            ("h\u{e9}llo", "\u{e9}", "e", Some(0), "h\u{e9}llo"),
            ("h\u{e9}llo", "\u{e9}", "e", Some(2), "hello"),
            ("a.b.c", "", "-", None, "-a-.-b-.-c-"),
            ("a.b.c", "", "-", Some(0), "a.b.c"),
            ("a.b.c", "", "-", Some(2), "-a-.b.c"),
            ("a.b.c", "a", "xy", None, "xy.b.c"),
            ("a.b.c", "a", "xy", Some(0), "a.b.c"),
            ("a.b.c", "a", "xy", Some(2), "xy.b.c"),
            ("a.b.c", "aa", "b", None, "a.b.c"),
            ("a.b.c", "aa", "b", Some(0), "a.b.c"),
            ("a.b.c", ".", "", None, "abc"),
            ("a.b.c", ".", "", Some(0), "a.b.c"),
            ("a.b.c", ".", "", Some(2), "abc"),
            ("a.b.c", "\u{e9}", "e", None, "a.b.c"),
            ("a.b.c", "\u{e9}", "e", Some(0), "a.b.c"),
        ];
        for &(s, old, new, n, want) in repl {
            assert_eq!(
                replace(s, old, new, n),
                want,
                "{s:?}.replace({old:?}, {new:?}, {n:?})"
            );
        }
    }

    #[test]
    fn padding_tabs() {
        // (s, width, fill, center, ljust, rjust, zfill)
        #[rustfmt::skip]
        let pads: &[(&str, i64, char, &str, &str, &str, &str)] = &[
            ("", -1, '*', "", "", "", ""),
            ("", 4, '\u{e9}', "\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}", "0000"),
            ("", 5, '*', "*****", "*****", "*****", "00000"),
            ("", 6, '\u{e9}', "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "000000"),
            ("a", -1, '*', "a", "a", "a", "a"),
            ("a", 4, '\u{e9}', "\u{e9}a\u{e9}\u{e9}", "a\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}a", "000a"),
            ("a", 5, '*', "**a**", "a****", "****a", "0000a"),
            ("a", 6, '\u{e9}', "\u{e9}\u{e9}a\u{e9}\u{e9}\u{e9}", "a\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}a", "00000a"),
            ("ab", -1, '*', "ab", "ab", "ab", "ab"),
            ("ab", 4, '\u{e9}', "\u{e9}ab\u{e9}", "ab\u{e9}\u{e9}", "\u{e9}\u{e9}ab", "00ab"),
            ("ab", 5, '*', "**ab*", "ab***", "***ab", "000ab"),
            ("ab", 6, '\u{e9}', "\u{e9}\u{e9}ab\u{e9}\u{e9}", "ab\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}ab", "0000ab"),
            ("abc", -1, '*', "abc", "abc", "abc", "abc"),
            ("abc", 4, '\u{e9}', "abc\u{e9}", "abc\u{e9}", "\u{e9}abc", "0abc"),
            ("abc", 5, '*', "*abc*", "abc**", "**abc", "00abc"),
            ("abc", 6, '\u{e9}', "\u{e9}abc\u{e9}\u{e9}", "abc\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}abc", "000abc"),
            ("h\u{e9}llo", -1, '*', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
            ("h\u{e9}llo", 4, '\u{e9}', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
            ("h\u{e9}llo", 5, '*', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
            ("h\u{e9}llo", 6, '\u{e9}', "h\u{e9}llo\u{e9}", "h\u{e9}llo\u{e9}", "\u{e9}h\u{e9}llo", "0h\u{e9}llo"),
            ("-42", -1, '*', "-42", "-42", "-42", "-42"),
            ("-42", 4, '\u{e9}', "-42\u{e9}", "-42\u{e9}", "\u{e9}-42", "-042"),
            ("-42", 5, '*', "*-42*", "-42**", "**-42", "-0042"),
            ("-42", 6, '\u{e9}', "\u{e9}-42\u{e9}\u{e9}", "-42\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}-42", "-00042"),
            ("+a", -1, '*', "+a", "+a", "+a", "+a"),
            ("+a", 4, '\u{e9}', "\u{e9}+a\u{e9}", "+a\u{e9}\u{e9}", "\u{e9}\u{e9}+a", "+00a"),
            ("+a", 5, '*', "**+a*", "+a***", "***+a", "+000a"),
            ("+a", 6, '\u{e9}', "\u{e9}\u{e9}+a\u{e9}\u{e9}", "+a\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}+a", "+0000a"),
            ("-", -1, '*', "-", "-", "-", "-"),
            ("-", 4, '\u{e9}', "\u{e9}-\u{e9}\u{e9}", "-\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}-", "-000"),
            ("-", 5, '*', "**-**", "-****", "****-", "-0000"),
            ("-", 6, '\u{e9}', "\u{e9}\u{e9}-\u{e9}\u{e9}\u{e9}", "-\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}-", "-00000"),
        ];
        for &(s, w, f, c, l, r, z) in pads {
            assert_eq!(center(s, w, f), c, "{s:?}.center({w}, {f:?})");
            assert_eq!(ljust(s, w, f), l, "{s:?}.ljust({w}, {f:?})");
            assert_eq!(rjust(s, w, f), r, "{s:?}.rjust({w}, {f:?})");
            assert_eq!(zfill(s, w), z, "{s:?}.zfill({w})");
        }
        // (s, tabsize, expandtabs)
        #[rustfmt::skip]
        let tabs: &[(&str, i64, &str)] = &[
            ("\u{9}", -1, ""),
            ("\u{9}", 0, ""),
            ("\u{9}", 3, "   "),
            ("\u{9}", 8, "        "),
            ("a\u{9}b", -1, "ab"),
            ("a\u{9}b", 0, "ab"),
            ("a\u{9}b", 3, "a  b"),
            ("a\u{9}b", 8, "a       b"),
            ("abcdefgh\u{9}i", -1, "abcdefghi"),
            ("abcdefgh\u{9}i", 0, "abcdefghi"),
            ("abcdefgh\u{9}i", 3, "abcdefgh i"),
            ("abcdefgh\u{9}i", 8, "abcdefgh        i"),
            ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", -1, "ab\u{a}c\u{d}d"),
            ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", 0, "ab\u{a}c\u{d}d"),
            ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", 3, "a  b\u{a}   c\u{d}   d"),
            ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", 8, "a       b\u{a}        c\u{d}        d"),
            ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", -1, "h\u{e9}llow\u{f6}rld!"),
            ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", 0, "h\u{e9}llow\u{f6}rld!"),
            ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", 3, "h\u{e9}llo w\u{f6}rld !"),
            ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", 8, "h\u{e9}llo   w\u{f6}rld   !"),
        ];
        for &(s, t, want) in tabs {
            assert_eq!(expandtabs(s, t), want, "{s:?}.expandtabs({t})");
        }
    }

    #[test]
    fn slicing() {
        // (s, start, stop, step, adjusted (start, stop, len), s[start:stop:step])
        #[rustfmt::skip]
        let cases: &[(&str, Option<i64>, Option<i64>, i64, (i64, i64, usize), &str)] = &[
            ("abcdefghij", Some(0), Some(3), 3, (0, 3, 1), "a"),
            ("abcdefghij", Some(-3), Some(-100), 2, (7, 0, 0), ""),
            ("abcdefghij", Some(100), Some(8), 1, (10, 8, 0), ""),
            ("abcdefghij", Some(-3), Some(3), -1, (7, 3, 4), "hgfe"),
            ("abcdefghij", Some(2), None, 3, (2, 10, 3), "cfi"),
            ("abcdefghij", Some(2), Some(3), -3, (2, 3, 0), ""),
            ("abcdefghij", None, Some(8), -1, (9, 8, 1), "j"),
            ("abcdefghij", Some(-100), Some(8), -1, (-1, 8, 0), ""),
            ("abcdefghij", Some(5), Some(0), 2, (5, 0, 0), ""),
            ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(-100), 1, (0, 0, 0), ""),
            ("h\u{e9}llo w\u{f6}rld", None, Some(-100), -2, (10, -1, 6), "drwolh"),
            ("h\u{e9}llo w\u{f6}rld", Some(100), Some(3), 1, (11, 3, 0), ""),
            ("h\u{e9}llo w\u{f6}rld", Some(100), Some(8), -1, (10, 8, 2), "dl"),
            ("h\u{e9}llo w\u{f6}rld", Some(100), Some(8), 1, (11, 8, 0), ""),
            ("h\u{e9}llo w\u{f6}rld", Some(-3), Some(-100), -3, (8, -1, 3), "r l"),
            ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(8), -1, (-1, 8, 0), ""),
            ("h\u{e9}llo w\u{f6}rld", None, Some(100), 3, (0, 11, 4), "hlwl"),
            ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(0), 3, (0, 0, 0), ""),
            ("", Some(-3), Some(100), 1, (0, 0, 0), ""),
            ("", Some(-100), Some(8), 1, (0, 0, 0), ""),
            ("", Some(0), None, -1, (-1, -1, 0), ""),
            ("", Some(100), Some(0), 2, (0, 0, 0), ""),
            ("", None, Some(-100), -1, (-1, -1, 0), ""),
            ("", Some(5), Some(100), 1, (0, 0, 0), ""),
            ("", Some(2), None, 1, (0, 0, 0), ""),
            ("", Some(100), Some(3), 2, (0, 0, 0), ""),
            ("", Some(100), Some(-100), 3, (0, 0, 0), ""),
        ];
        for &(s, start, stop, step, adjusted, want) in cases {
            let n = char_len(s);
            assert_eq!(
                adjust_slice(n, start, stop, step),
                adjusted,
                "{s:?}[{start:?}:{stop:?}:{step}]"
            );
            let (a, b, _) = adjusted;
            assert_eq!(
                slice_str(s, a, b, step),
                want,
                "{s:?}[{start:?}:{stop:?}:{step}]"
            );
        }
        assert_eq!(slice_str("abc", -5, 99, 1), "abc");
        assert_eq!(slice_str("abc", 99, -5, -1), "cba");
    }

    #[test]
    fn char_classes() {
        assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('x'), None);
        assert_eq!(decimal_value('\u{b2}'), None);
        assert!(is_printable('\u{e9}') && !is_printable('\u{a0}') && !is_printable('\u{378}'));
        assert!(is_xid_start('\u{3b1}') && !is_xid_start('1') && is_xid_continue('1'));
        assert_eq!(repeat_str("ab", 3), Ok("ababab".to_string()));
        assert_eq!(repeat_str("ab", -2), Ok(String::new()));
        assert_eq!(
            repeat_str("ab", i64::MAX).map_err(|e| e.kind),
            Err(ErrorKind::OverflowError)
        );
        assert_eq!(char_at("h\u{e9}llo", 1), Some('\u{e9}'));
        assert_eq!(char_at("abc", 3), None);
        assert_eq!(char_len("h\u{e9}llo"), 5);
        assert_eq!(byte_offset("h\u{e9}llo", 2), 3);
    }
}

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
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
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
    if c.is_ascii() || (is_cased(c) && mapped.clone().all(|m| m.is_ascii() || class_flags(m) & PRINTABLE != 0)) {
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
        let swapped = s.bytes().map(|b| if b.is_ascii_alphabetic() { b ^ 0x20 } else { b });
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
    if s.is_ascii() { s.len() } else { s.chars().count() }
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
    let fix = |v: i64| -> i64 { if v < 0 { v.saturating_add(len_i).max(0) } else { v } };
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
pub fn adjust_slice(len: usize, start: Option<i64>, stop: Option<i64>, step: i64) -> (i64, i64, usize) {
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
    if s.is_ascii() {
        return split_whitespace_ascii(s, maxsplit);
    }
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

/// [`split_whitespace`] for ASCII text: a scan over bytes.
fn split_whitespace_ascii(s: &str, maxsplit: Option<usize>) -> Vec<&str> {
    let is_ws = |b: u8| matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ');
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut splits = 0usize;
    loop {
        while bytes.get(i).is_some_and(|&b| is_ws(b)) {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if maxsplit.is_some_and(|m| splits >= m) {
            // the rest as is (trailing whitespace kept, as CPython)
            out.push(s.get(i..).unwrap_or(""));
            break;
        }
        let start = i;
        while bytes.get(i).is_some_and(|&b| !is_ws(b)) {
            i += 1;
        }
        out.push(s.get(start..i).unwrap_or(""));
        splits += 1;
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
                let ws_len = rest.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
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
pub fn split_sep<'a>(s: &'a str, sep: &str, maxsplit: Option<usize>) -> Result<Vec<&'a str>, String> {
    if sep.is_empty() {
        return Err("empty separator".to_string());
    }
    let mut sep_chars = sep.chars();
    if let (Some(c), None) = (sep_chars.next(), sep_chars.next()) {
        // one-character separator: a char pattern (memchr) instead of a substring search
        return Ok(match maxsplit {
            None => s.split(c).collect(),
            Some(m) => s.splitn(m.saturating_add(1), c).collect(),
        });
    }
    Ok(match maxsplit {
        None => s.split(sep).collect(),
        Some(m) => s.splitn(m.saturating_add(1), sep).collect(),
    })
}

/// `str.rsplit(sep, maxsplit)` with a string separator. Error (ValueError):
/// "empty separator".
pub fn rsplit_sep<'a>(s: &'a str, sep: &str, maxsplit: Option<usize>) -> Result<Vec<&'a str>, String> {
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
        out.push(s.get(line_start..if keepends { end } else { i }).unwrap_or(""));
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
    // an all-ASCII `chars` (the common `strip(",.;")`): one mask, one pass from each end
    if let Some(m) = chars.and_then(AsciiSet::new) {
        let b = s.as_bytes();
        let mut i = 0;
        let mut j = b.len();
        while i < j && m.has(b[i]) {
            i += 1;
        }
        while j > i && m.has(b[j - 1]) {
            j -= 1;
        }
        // an ASCII byte of UTF-8 text is always a whole character, so `i..j` are
        // character boundaries
        return s.get(i..j).unwrap_or("");
    }
    rstrip(lstrip(s, chars), chars)
}

/// `str.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => match AsciiSet::new(set) {
            // an ASCII byte of UTF-8 text is always a whole character
            Some(m) => {
                let n = s.bytes().take_while(|&b| m.has(b)).count();
                s.get(n..).unwrap_or("")
            }
            None => s.trim_start_matches(|c: char| set.contains(c)),
        },
    }
}

/// A set of ASCII bytes as a 128-bit mask (the `chars` argument of strip).
#[derive(Copy, Clone)]
struct AsciiSet(u128);

impl AsciiSet {
    /// The set of the characters of `set`, or None if one is not ASCII.
    fn new(set: &str) -> Option<AsciiSet> {
        let mut m = 0u128;
        for b in set.bytes() {
            if b >= 0x80 {
                return None;
            }
            m |= 1u128 << b;
        }
        Some(AsciiSet(m))
    }

    #[inline]
    fn has(self, b: u8) -> bool {
        b < 0x80 && (self.0 >> b) & 1 == 1
    }
}

/// `str.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => match AsciiSet::new(set) {
            Some(m) => {
                let n = s.bytes().rev().take_while(|&b| m.has(b)).count();
                s.get(..s.len() - n).unwrap_or("")
            }
            None => s.trim_end_matches(|c: char| set.contains(c)),
        },
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
    push_fill(&mut out, fill, left);
    out.push_str(s);
    push_fill(&mut out, fill, right);
    out
}

/// Appends `n` copies of `fill` a block of 64 at a time (a copy per block instead of an
/// encoding per character: a padding of 2**31 characters takes about as long as CPython's
/// `memset`).
fn push_fill(out: &mut String, fill: char, n: usize) {
    const BLOCK: usize = 64;
    let block: String = std::iter::repeat_n(fill, BLOCK.min(n)).collect();
    let mut left = n;
    while left >= BLOCK {
        out.push_str(&block);
        left -= BLOCK;
    }
    out.extend(std::iter::repeat_n(fill, left));
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
    // (an empty str repeated any number of times is empty: no loop over the count)
    if s.is_empty() {
        return Ok(String::new());
    }
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
#[path = "strmethods/tests.rs"]
mod tests;

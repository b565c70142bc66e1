//! `repr()` of `str` and `bytes`, and `ascii()`, exactly as CPython 3.11
//! (`Objects/unicodeobject.c` `unicode_repr`, `Objects/bytesobject.c`).
//!
//! Quote choice (both types): single quotes, unless the text contains a
//! single quote and no double quote. Escapes:
//!
//! * `\\`, the chosen quote, `\t`, `\n`, `\r`;
//! * str: other ASCII controls and DEL as `\xNN`; non-ASCII characters are
//!   kept when printable (Python's `str.isprintable`, see
//!   [`super::strmethods::is_printable`]) and otherwise written `\xNN`,
//!   `\uNNNN` or `\UNNNNNNNN` (lower-case hex) by size;
//! * `ascii()`: as `repr()`, then every non-ASCII character escaped the same
//!   way;
//! * bytes: everything outside 0x20..0x7F as `\xNN`.
//!
//! Invariant: the output is valid Python source for an equal literal.

use std::fmt::Write as _;

use super::strmethods::is_printable;

/// Append the `\x`/`\u`/`\U` escape of `c`.
fn push_escape(out: &mut String, c: char) {
    // Stand-ins of lone surrogates print as the surrogate (`\ud800`).
    let cp = taipan_bytecode::surrogate::code_point(c);
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// The length in bytes of the `\x`/`\u`/`\U` escape of `c`.
fn escape_len(c: char) -> usize {
    match taipan_bytecode::surrogate::code_point(c) {
        0..=0xff => 4,
        0x100..=0xffff => 6,
        _ => 10,
    }
}

/// The exact length in bytes of `repr_impl(s, ascii_only)`.
fn repr_len(s: &str, quote: char, ascii_only: bool) -> usize {
    let body: usize = s
        .chars()
        .map(|c| match c {
            '\\' | '\t' | '\n' | '\r' => 2,
            _ if c == quote => 2,
            ' '..='~' => 1,
            _ if c.is_ascii() => 4,
            _ if !ascii_only && is_printable(c) => c.len_utf8(),
            _ => escape_len(c),
        })
        .sum();
    body.saturating_add(2)
}

/// Texts longer than this (bytes) get their `repr()` buffer reserved fallibly, exactly.
const LARGE: usize = 1 << 16;

fn repr_impl(s: &str, ascii_only: bool) -> Option<String> {
    let quote = quote_for(s.contains('\''), s.contains('"'));
    let mut out = String::new();
    if s.len() > LARGE {
        // CPython raises MemoryError when the result cannot be allocated (a 2 GiB string
        // under an address-space limit); an infallible `String` would abort
        out.try_reserve_exact(repr_len(s, quote, ascii_only)).ok()?;
    } else {
        out.reserve(s.len() + 2);
    }
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if c.is_ascii() => push_escape(&mut out, c),
            _ if !ascii_only && is_printable(c) => out.push(c),
            _ => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    Some(out)
}

/// `repr(s)` for a `str`: `'abc'`, `"it's"`, `'\n\x00\u200b'`. Aborts (as any Rust
/// allocation) when the result cannot be allocated; see [`try_repr_str`].
pub fn repr_str(s: &str) -> String {
    try_repr_str(s).unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<u8>()))
}

/// [`repr_str`], or `None` when the result of a large text cannot be allocated (the
/// caller raises `MemoryError`).
pub fn try_repr_str(s: &str) -> Option<String> {
    repr_impl(s, false)
}

/// `ascii(s)` for a `str`: its `repr()` with every non-ASCII character
/// escaped (`'h\xe9\u20ac\U0001f600'`).
pub fn ascii_str(s: &str) -> String {
    repr_impl(s, true).unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<u8>()))
}

/// Escape the non-ASCII characters of an already computed `repr()` (what
/// `ascii(obj)` does with `repr(obj)` for any object).
pub fn ascii_escape(repr: &str) -> String {
    if repr.is_ascii() {
        return repr.to_string();
    }
    let mut out = String::with_capacity(repr.len() + 8);
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// `repr(b)` for `bytes`: `b'...'` with `\xNN` for bytes outside printable
/// ASCII (the caller wraps it for `bytearray(...)`).
pub fn repr_bytes(b: &[u8]) -> String {
    try_repr_bytes(b).unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<u8>()))
}

/// [`repr_bytes`], or `None` when the result of a large text cannot be allocated.
pub fn try_repr_bytes(b: &[u8]) -> Option<String> {
    let quote = quote_for(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::new();
    if b.len() > LARGE {
        let body: usize = b
            .iter()
            .map(|&byte| match byte {
                b'\\' | b'\t' | b'\n' | b'\r' => 2,
                _ if byte == quote as u8 => 2,
                0x20..=0x7e => 1,
                _ => 4,
            })
            .sum();
        out.try_reserve_exact(body.saturating_add(3)).ok()?;
    } else {
        out.reserve(b.len() + 3);
    }
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
    Some(out)
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by python3 (CPython 3.11.7).
    use super::*;

    #[test]
    fn str_repr() {
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            ("", "''"),
            ("abc", "'abc'"),
            ("a'b", "\"a'b\""),
            ("a\"b", "'a\"b'"),
            ("a'\"b", "'a\\'\"b'"),
            ("\t\n\r\\", "'\\t\\n\\r\\\\'"),
            ("\x00\x07\x1b\x7f", "'\\x00\\x07\\x1b\\x7f'"),
            ("\u{80}\u{9f}\u{a0}\u{ad}\u{ff}\u{100}", "'\\x80\\x9f\\xa0\\xadÿĀ'"),
            ("\u{200b}\u{2028}\u{feff}\u{e000}", "'\\u200b\\u2028\\ufeff\\ue000'"),
            ("\u{1f600}\u{e0001}\u{10f7ff}", "'😀\\U000e0001\\U0010f7ff'"),
            // U+10F800.. hold lone surrogates (taipan_bytecode::surrogate)
            ("\u{10f800}\u{10ffff}", "'\\ud800\\udfff'"),
            ("héllo wörld 日本", "'héllo wörld 日本'"),
            ("\u{378}\u{3000}", "'\\u0378\\u3000'"),
            ("it's \"x\"", "'it\\'s \"x\"'"),
        ];
        for &(s, want) in cases {
            assert_eq!(repr_str(s), want, "repr({s:?})");
        }
    }

    #[test]
    fn ascii_repr() {
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            ("héllo\u{20ac}\u{1f600}\x7f", "'h\\xe9llo\\u20ac\\U0001f600\\x7f'"),
            ("a'\"", "'a\\'\"'"),
            ("plain", "'plain'"),
            ("\u{a0}", "'\\xa0'"),
        ];
        for &(s, want) in cases {
            assert_eq!(ascii_str(s), want, "ascii({s:?})");
        }
        assert_eq!(ascii_escape("['é', 1]"), "['\\xe9', 1]");
    }

    #[test]
    fn bytes_repr() {
        let all: Vec<u8> = (0..=255u8).step_by(7).collect();
        #[rustfmt::skip]
        let cases: &[(&[u8], &str)] = &[
            (b"", "b''"),
            (b"a'b", "b\"a'b\""),
            (b"a\"b", "b'a\"b'"),
            (b"a'\"b", "b'a\\'\"b'"),
            (b"\t\n\r\\", "b'\\t\\n\\r\\\\'"),
            (&all, "b'\\x00\\x07\\x0e\\x15\\x1c#*18?FMT[bipw~\\x85\\x8c\\x93\\x9a\\xa1\\xa8\\xaf\\xb6\\xbd\\xc4\\xcb\\xd2\\xd9\\xe0\\xe7\\xee\\xf5\\xfc'"),
            (b"\x7f\xff", "b'\\x7f\\xff'"),
        ];
        for &(b, want) in cases {
            assert_eq!(repr_bytes(b), want, "repr({b:?})");
        }
    }
}

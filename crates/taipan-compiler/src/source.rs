//! Source bytes → text: the UTF-8 byte-order mark and PEP 263 encoding declarations, as
//! CPython's tokenizer decodes a program file or standard input (`Parser/tokenizer.c`:
//! `check_bom`, `check_coding_spec`, `get_normal_name`, `ensure_utf8`).
//!
//! Algorithm:
//! 1. A leading UTF-8 BOM (`EF BB BF`) is removed and fixes the encoding to UTF-8.
//! 2. An encoding declaration is searched in line 1, and in line 2 when line 1 is blank or
//!    a comment: a comment line (only spaces, tabs and form feeds before `#`) containing
//!    `coding[:=]` followed by optional spaces/tabs and a name of letters, digits, `-`,
//!    `_` and `.`. The name is normalized as CPython's `get_normal_name` (`utf-8*` →
//!    `utf-8`, `latin-1*`/`iso-8859-1*`/`iso-latin-1*` → `iso-8859-1`).
//! 3. With a BOM, any declaration other than UTF-8 is `encoding problem: NAME with BOM`.
//! 4. Decoding: UTF-8 and Latin-1 (with their Python aliases) are decoded here; another
//!    ASCII-compatible Python codec (ASCII, cp1252, koi8-r, euc-jp...) is accepted when
//!    the file is pure ASCII (those codecs decode it identically); anything else is
//!    `encoding problem: NAME`, CPython's message for unknown codecs and undecodable
//!    bytes (CPython would decode non-ASCII text with the codec: a limitation).
//! 5. Undeclared UTF-8 that does not decode is CPython's `Non-UTF-8 code starting with
//!    '\xNN' in file F on line N, but no encoding declared; ...` (no location: CPython
//!    prints only the message). Declared (or BOM-marked) UTF-8 that does not decode is
//!    CPython's located `(unicode error) 'utf-8' codec can't decode byte 0xNN in position
//!    P: REASON`, except inside comments, which CPython's tokenizer skips undecoded (the
//!    bytes become U+FFFD here). Approximation: the comment test and the position `P`
//!    (bytes from the opening quote of a string literal on that line, else 0) look at
//!    the offending line only.

use std::borrow::Cow;

use crate::error::{CompileError, CompileErrorKind};

/// Why source bytes could not be turned into text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// An error CPython reports as a bare `SyntaxError: MESSAGE` with no location (the
    /// message is complete, e.g. `encoding problem: foo`).
    Message(String),
    /// A located `SyntaxError` (`(unicode error) ...`), printed with the source line.
    Located(CompileError),
}

/// Decodes a program's bytes as CPython does before tokenizing (see the module docs).
/// `filename` appears in the `Non-UTF-8 code ...` message (CPython uses the absolute path
/// of a script, `<stdin>` for standard input).
///
/// Returns the text without its BOM; borrowed when the bytes are BOM-less UTF-8.
pub fn decode_source<'a>(bytes: &'a [u8], filename: &str) -> Result<Cow<'a, str>, DecodeError> {
    let (body, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let declared = declared_encoding(body);
    if let Some(name) = declared.as_deref().filter(|n| bom && !is_utf8(n)) {
        return Err(DecodeError::Message(format!("encoding problem: {name} with BOM")));
    }
    match declared.as_deref() {
        None if !bom => match std::str::from_utf8(body) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => {
                let at = e.valid_up_to();
                let byte = body.get(at).copied().unwrap_or(0);
                let line = 1 + body.get(..at).map_or(0, |p| p.iter().filter(|&&b| b == b'\n').count());
                Err(DecodeError::Message(format!(
                    "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, but no \
                     encoding declared; see https://peps.python.org/pep-0263/ for details"
                )))
            }
        },
        None => decode_declared_utf8(body, filename, false),
        Some(name) if is_utf8(name) => decode_declared_utf8(body, filename, false),
        Some(name) if is_latin1(name) => Ok(Cow::Owned(body.iter().map(|&b| char::from(b)).collect())),
        // any ASCII-compatible codec decodes pure ASCII identically
        Some(name) if is_ascii_compatible(name) && body.is_ascii() => match std::str::from_utf8(body) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(_) => Err(DecodeError::Message(format!("encoding problem: {name}"))),
        },
        Some(name) => Err(DecodeError::Message(format!("encoding problem: {name}"))),
    }
}

/// Decodes the bytes given to `compile()`, `exec()` or `eval()` as CPython's string
/// tokenizer does; differs from [`decode_source`] in three ways:
/// - undeclared UTF-8 that does not decode is the located `(unicode error) ...` of
///   declared UTF-8 files (CPython checks each token), not `Non-UTF-8 code ...`;
/// - a declared encoding decodes the whole text at once, so bad bytes are a bare
///   `'CODEC' codec can't decode byte 0xNN in position P: REASON` (P counts bytes after
///   the BOM, comments included) — for UTF-8, Latin-1 and ASCII; other known codecs on
///   non-ASCII text stay `encoding problem: NAME` (a limitation);
/// - an unknown codec is `unknown encoding: NAME`.
///
/// `Message` errors are raised as `SyntaxError(msg, (filename, 0, -1, None))`.
pub fn decode_compile_source<'a>(bytes: &'a [u8], filename: &str) -> Result<Cow<'a, str>, DecodeError> {
    let (body, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let Some(name) = declared_encoding(body) else {
        return decode_declared_utf8(body, filename, true);
    };
    // Exactly `utf-8` (after normalization) is read as is, token by token; other UTF-8
    // aliases (`utf8`) go through the codec.
    if name == "utf-8" {
        return decode_declared_utf8(body, filename, false);
    }
    if bom && !is_utf8(&name) {
        return Err(DecodeError::Message(format!("encoding problem: {name} with BOM")));
    }
    let codec_error = |at: usize, codec: &str, reason: &str| {
        let byte = body.get(at).copied().unwrap_or(0);
        DecodeError::Message(format!(
            "'{codec}' codec can't decode byte 0x{byte:02x} in position {at}: {reason}"
        ))
    };
    if is_utf8(&name) {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => {
                let at = e.valid_up_to();
                Err(codec_error(at, "utf-8", utf8_reason(body, at, e.error_len())))
            }
        };
    }
    if is_latin1(&name) {
        return Ok(Cow::Owned(body.iter().map(|&b| char::from(b)).collect()));
    }
    if !is_ascii_compatible(&name) {
        return Err(DecodeError::Message(format!("unknown encoding: {name}")));
    }
    if let Some(at) = body.iter().position(|b| !b.is_ascii()) {
        return Err(if name == "ascii" || name == "us-ascii" {
            codec_error(at, "ascii", "ordinal not in range(128)")
        } else {
            DecodeError::Message(format!("encoding problem: {name}"))
        });
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => Err(DecodeError::Message(format!("encoding problem: {name}"))),
    }
}

/// UTF-8 after a BOM or an explicit declaration: invalid bytes in comments are replaced,
/// elsewhere they are a located `(unicode error)`.
fn decode_declared_utf8<'a>(body: &'a [u8], filename: &str, string_input: bool) -> Result<Cow<'a, str>, DecodeError> {
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut consumed = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(Cow::Owned(out));
            }
            Err(e) => {
                let good = e.valid_up_to();
                let at = consumed + good;
                if !in_comment(body, at) {
                    // CPython decodes a string literal's body alone: a sequence cut by
                    // the closing quote is "unexpected end of data"
                    // Outside literals, compile()'s tokenizer decodes an identifier-like token
                    // alone (its non-ASCII bytes and ASCII letters, digits and underscores);
                    // the file tokenizer decodes the rest of the line.
                    let token_end = || {
                        if !string_input {
                            return body.len();
                        }
                        let run = body.get(at..).unwrap_or_default();
                        at + run
                            .iter()
                            .position(|&b| b < 0x80 && !b.is_ascii_alphanumeric() && b != b'_')
                            .unwrap_or(run.len())
                    };
                    let literal_end = string_end(body, at).unwrap_or_else(token_end);
                    let cut = body.get(at..literal_end).map(std::str::from_utf8);
                    let error_len = match cut {
                        Some(Err(e2)) if e2.valid_up_to() == 0 => e2.error_len(),
                        _ => e.error_len(),
                    };
                    let reason = utf8_reason(body, at, error_len);
                    return Err(DecodeError::Located(unicode_error(
                        body,
                        at,
                        filename,
                        "utf-8",
                        reason,
                        string_input,
                    )));
                }
                out.push_str(std::str::from_utf8(rest.get(..good).unwrap_or_default()).unwrap_or_default());
                out.push('\u{fffd}');
                let skip = good + e.error_len().unwrap_or(rest.len() - good).max(1);
                consumed += skip;
                rest = rest.get(skip..).unwrap_or_default();
            }
        }
    }
}

/// Python's UTF-8 decoder's reason for the bad sequence starting at `at`.
fn utf8_reason(body: &[u8], at: usize, error_len: Option<usize>) -> &'static str {
    match error_len {
        None => "unexpected end of data",
        Some(_) => match body.get(at) {
            Some(0xc2..=0xf4) => "invalid continuation byte",
            _ => "invalid start byte",
        },
    }
}

/// The bounds of the line containing byte `at`.
fn line_bounds(body: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(body.len());
    let start = body
        .get(..at)
        .and_then(|p| p.iter().rposition(|&b| b == b'\n'))
        .map_or(0, |i| i + 1);
    let end = body
        .get(at..)
        .and_then(|p| p.iter().position(|&b| b == b'\n'))
        .map_or(body.len(), |i| at + i + 1);
    (start, end)
}

/// Whether byte `at` follows a `#` outside quotes on its line (a rough comment test).
fn in_comment(body: &[u8], at: usize) -> bool {
    let (start, _) = line_bounds(body, at);
    let mut quote: Option<u8> = None;
    for &b in body.get(start..at).unwrap_or_default() {
        match (quote, b) {
            (None, b'#') => return true,
            (None, b'\'' | b'"') => quote = Some(b),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    false
}

/// Where the string literal containing byte `at` ends (its closing quote), if `at` is
/// inside quotes on its line.
fn string_end(body: &[u8], at: usize) -> Option<usize> {
    let (start, end) = line_bounds(body, at);
    let mut quote: Option<u8> = None;
    for &b in body.get(start..at).unwrap_or_default() {
        match (quote, b) {
            (None, b'\'' | b'"') => quote = Some(b),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    let q = quote?;
    body.get(at..end)?.iter().position(|&b| b == q).map(|i| at + i)
}

/// A located `(unicode error)` SyntaxError for the undecodable byte at `at`.
/// `string_input`: compile()/exec() of undeclared bytes, which point past a literal's
/// closing quote.
fn unicode_error(
    body: &[u8],
    at: usize,
    filename: &str,
    codec: &str,
    reason: &str,
    string_input: bool,
) -> CompileError {
    let (start, end) = line_bounds(body, at);
    let lineno = 1 + body
        .get(..start)
        .map_or(0, |p| p.iter().filter(|&&b| b == b'\n').count());
    let before = String::from_utf8_lossy(body.get(start..at).unwrap_or_default())
        .chars()
        .count();
    let mut quote_pos = None;
    let mut quote: Option<u8> = None;
    for (i, &b) in body.get(start..at).unwrap_or_default().iter().enumerate() {
        match (quote, b) {
            (None, b'\'' | b'"') => {
                quote = Some(b);
                quote_pos = Some(i + 1);
            }
            (Some(q), c) if c == q => {
                quote = None;
                quote_pos = None;
            }
            _ => {}
        }
    }
    let position = quote_pos.map_or(0, |q| (at - start).saturating_sub(q));
    let byte = body.get(at).copied().unwrap_or(0);
    let msg =
        format!("(unicode error) '{codec}' codec can't decode byte 0x{byte:02x} in position {position}: {reason}");
    let text = String::from_utf8_lossy(body.get(start..end).unwrap_or_default()).into_owned();
    // In a string literal CPython points just past the literal's closing quote.
    let column = match string_end(body, at) {
        Some(close) if string_input && quote_pos.is_some() => {
            String::from_utf8_lossy(body.get(start..close).unwrap_or_default())
                .chars()
                .count()
                + 1
        }
        // ... and at the last character of an identifier-like token.
        _ if string_input => {
            let run = body.get(at..end).unwrap_or_default();
            let token_end = at
                + run
                    .iter()
                    .position(|&b| b < 0x80 && !b.is_ascii_alphanumeric() && b != b'_')
                    .unwrap_or(run.len());
            String::from_utf8_lossy(body.get(start..token_end).unwrap_or_default())
                .chars()
                .count()
                .saturating_sub(1)
        }
        _ => before,
    };
    let offset = u32::try_from(column + 1).unwrap_or(u32::MAX);
    CompileError {
        kind: CompileErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno: u32::try_from(lineno).unwrap_or(u32::MAX),
        offset,
        end_lineno: u32::try_from(lineno).unwrap_or(u32::MAX),
        end_offset: offset,
        text: Some(text),
    }
}

/// The normalized encoding name declared in line 1 or 2, if any.
fn declared_encoding(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    for _ in 0..2 {
        let line = lines.next()?;
        let trimmed: &[u8] = {
            let skip = line
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))
                .unwrap_or(line.len());
            line.get(skip..).unwrap_or_default()
        };
        match trimmed.first() {
            Some(b'#') => {
                if let Some(name) = coding_name(trimmed) {
                    return Some(normal_name(&name));
                }
            }
            None | Some(b'\r') => {}
            Some(_) => return None,
        }
    }
    None
}

/// The name after `coding:` / `coding=` in a comment line.
fn coding_name(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i + 6 < line.len() {
        if line.get(i..i + 6) == Some(b"coding") && matches!(line.get(i + 6), Some(b':' | b'=')) {
            let mut j = i + 7;
            while matches!(line.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            let start = j;
            while matches!(line.get(j), Some(c) if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')) {
                j += 1;
            }
            if j > start {
                return Some(String::from_utf8_lossy(line.get(start..j).unwrap_or_default()).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`.
fn normal_name(name: &str) -> String {
    let lower: String = name
        .chars()
        .take(12)
        .map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == latin || lower.strip_prefix(latin).is_some_and(|r| r.starts_with('-')) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

fn is_utf8(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace(['-', '_', ' '], "");
    matches!(n.as_str(), "utf8" | "u8" | "utf" | "cp65001" | "utf8sig")
}

fn is_latin1(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace(['-', '_'], "");
    matches!(
        n.as_str(),
        "iso88591" | "latin1" | "latin" | "l1" | "cp819" | "8859" | "iso8859" | "ibm819"
    )
}

/// Python codec names (after removing `-`/`_` and lowercasing) that map ASCII to itself;
/// files declaring them are accepted when they are pure ASCII. Others (UTF-16/32,
/// unknown names) are `encoding problem: NAME`.
fn is_ascii_compatible(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace(['-', '_', ' '], "");
    const SINGLE: &[&str] = &[
        "ascii",
        "usascii",
        "646",
        "us",
        "cp367",
        "utf8sig",
        "u8",
        "utf",
        "cp65001",
        "latin2",
        "latin3",
        "latin4",
        "latin5",
        "latin6",
        "latin7",
        "latin8",
        "latin9",
        "latin10",
        "cyrillic",
        "arabic",
        "greek",
        "hebrew",
        "koi8r",
        "koi8u",
        "koi8t",
        "macroman",
        "maccyrillic",
        "macgreek",
        "maciceland",
        "maclatin2",
        "macturkish",
        "eucjp",
        "shiftjis",
        "sjis",
        "cp932",
        "ms932",
        "gbk",
        "gb2312",
        "gb18030",
        "big5",
        "big5hkscs",
        "cp950",
        "euckr",
        "cp949",
        "johab",
        "eucjis2004",
        "eucjisx0213",
        "shiftjis2004",
        "shiftjisx0213",
        "hz",
        "ptcp154",
        "tis620",
        "cp037",
        "utf7",
    ];
    SINGLE.contains(&n.as_str())
        || n.strip_prefix("iso8859")
            .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()))
        || n.strip_prefix("cp")
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
        || n.strip_prefix("windows")
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(r: Result<Cow<'_, str>, DecodeError>) -> String {
        match r {
            Ok(s) => format!("ok:{s}"),
            Err(DecodeError::Message(m)) => m,
            Err(DecodeError::Located(e)) => format!("{}:{}:{}", e.lineno, e.offset, e.msg),
        }
    }

    #[test]
    fn plain_and_bom() {
        assert_eq!(msg(decode_source(b"x = 1\n", "f")), "ok:x = 1\n");
        assert_eq!(msg(decode_source(b"\xef\xbb\xbfx = 1\n", "f")), "ok:x = 1\n");
        assert_eq!(msg(decode_source(b"\xef\xbb\xbf", "f")), "ok:");
        assert_eq!(msg(decode_source(b"", "f")), "ok:");
    }

    #[test]
    fn undeclared_invalid() {
        assert_eq!(
            msg(decode_source(b"x = 1\n\nprint('\xc3')\n", "/a/b.py")),
            "Non-UTF-8 code starting with '\\xc3' in file /a/b.py on line 3, but no encoding declared; \
             see https://peps.python.org/pep-0263/ for details"
        );
    }

    #[test]
    fn declarations() {
        assert_eq!(
            msg(decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f")),
            "ok:# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
        assert!(
            msg(decode_source(
                b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n\xff\n",
                "f"
            ))
            .ends_with(":\n\u{ff}\n")
        );
        assert_eq!(
            msg(decode_source(b"# coding: nope\nx = '\xe9'\n", "f")),
            "encoding problem: nope"
        );
        assert_eq!(
            msg(decode_source(b"# coding: nope\nx = 1\n", "f")),
            "encoding problem: nope"
        );
        assert_eq!(
            msg(decode_source(b"\xef\xbb\xbf# coding: latin-1\n", "f")),
            "encoding problem: iso-8859-1 with BOM"
        );
        assert!(msg(decode_source(b"x = 1 # coding: latin-1\n\xff\n", "f")).starts_with("Non-UTF-8"));
        assert_eq!(
            msg(decode_source(b"# coding: ascii\nx = '\xe9'\n", "f")),
            "encoding problem: ascii"
        );
        assert_eq!(
            msg(decode_source(b"# coding: cp1252\nx = 1\n", "f")),
            "ok:# coding: cp1252\nx = 1\n"
        );
        assert_eq!(
            msg(decode_source(b"# coding: utf-16\nx = 1\n", "f")),
            "encoding problem: utf-16"
        );
    }

    #[test]
    fn declared_utf8_invalid() {
        assert_eq!(
            msg(decode_source(b"# coding: utf-8\nx = \"a\xff\"\n", "f")),
            "2:7:(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
        );
        assert_eq!(
            msg(decode_source(b"\xef\xbb\xbf# \xff\nx = 1\n", "f")),
            "ok:# \u{fffd}\nx = 1\n"
        );
        assert_eq!(
            msg(decode_source(b"\xef\xbb\xbfx = '\xe2\x82", "f")),
            "1:6:(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data"
        );
        assert_eq!(
            msg(decode_source(b"\xef\xbb\xbfprint(\"a\xc3\")\n", "f")),
            "1:9:(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"
        );
        assert_eq!(
            msg(decode_source(b"\xef\xbb\xbf\xe2\x28\n", "f")),
            "1:1:(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"
        );
    }

    #[test]
    fn compile_source_rules() {
        let d = decode_compile_source;
        assert_eq!(
            msg(d(b"# coding: latin-1\nx = '\xe9'\n", "f")),
            "ok:# coding: latin-1\nx = '\u{e9}'\n"
        );
        assert_eq!(msg(d(b"# coding: foo\nx = 1\n", "f")), "unknown encoding: foo");
        assert_eq!(
            msg(d(b"# coding: ascii\nx = '\xe9'\n", "f")),
            "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)"
        );
        assert_eq!(
            msg(d(b"# coding=utf8\nx = \"\xe9\"\n", "f")),
            "'utf-8' codec can't decode byte 0xe9 in position 19: invalid continuation byte"
        );
        assert_eq!(
            msg(d(b"x = 1\ny = \"a\xffb\"\n", "f")),
            "2:10:(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
        );
        assert_eq!(
            msg(d(b"x = 1 + \xe9\xe9 + 2\n", "f")),
            "1:10:(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte"
        );
        assert_eq!(
            msg(d(b"\xe9 = 2\n", "f")),
            "1:1:(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data"
        );
        assert_eq!(msg(d(b"x = 1 # \xff\n", "f")), "ok:x = 1 # \u{fffd}\n");
    }
}

//! CPython 3.11's f-string scanner errors, which ruff (a PEP 701 parser) reports differently
//! or not at all.
//!
//! CPython 3.11 tokenizes an f-string as one ordinary string token and only then splits its
//! body into literal text and `{...}` replacement fields (`Parser/string_parser.c`,
//! `fstring_find_literal` and `fstring_find_expr`). That scan rejects, before any
//! expression is parsed: a single `}`, a backslash or `#` inside a field, brackets that do
//! not match (`{(1}`), a string left open inside a field, a field that never ends, an
//! empty field, a conversion other than `!s`/`!r`/`!a`, and fields nested more than two
//! levels (a field in the format spec of a field in a format spec). Every such error is
//! located at the token after the string atom.
//!
//! Algorithm: for each f-string token that starts before ruff's first error, find the end
//! of the string as CPython's tokenizer does (prefix, quote, backslash escapes, the matching
//! closing quote) and run the same scan over its body; the first message found wins.

/// The deepest nesting of brackets inside one replacement field (CPython's `MAXLEVEL`).
const MAX_BRACKETS: usize = 200;

/// A scanner error: its message and where CPython reports it.
pub(crate) struct FStringError {
    /// CPython's message (`f-string: ...`).
    pub msg: String,
    /// Byte offsets of the token after the string atom (start, end).
    pub at: u32,
    /// See `at`.
    pub at_end: u32,
}

/// Scans the f-string token starting at byte offset `start` of `source` (its prefix
/// letters, then the quote). Returns CPython 3.11's scanner error for it, if any; `None`
/// when the scan finds nothing or the token does not look like an f-string.
pub(crate) fn scan_at(source: &str, start: u32) -> Option<FStringError> {
    let bytes = source.as_bytes();
    let (prefix_end, body_start, body_end, end) = string_token(bytes, start as usize)?;
    let prefix = source.get(start as usize..prefix_end)?;
    if !prefix.contains(['f', 'F']) {
        return None;
    }
    let body = bytes.get(body_start..body_end)?;
    let mut pos = 0;
    let msg = scan_literal_and_fields(body, &mut pos, 0).err()?;
    let (at, at_end) = token_after_atom(bytes, end);
    Some(FStringError {
        msg,
        at: u32::try_from(at).ok()?,
        at_end: u32::try_from(at_end).ok()?,
    })
}

/// The string token at byte `start` (prefix letters, then a quote): the end of its prefix,
/// the start and end of its body, and its end, as CPython's tokenizer finds them.
fn string_token(bytes: &[u8], start: usize) -> Option<(usize, usize, usize, usize)> {
    let mut i = start;
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) && i - start < 2 {
        i += 1;
    }
    let quote = *bytes.get(i)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let triple = bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote);
    let body_start = if triple { i + 3 } else { i + 1 };
    let mut j = body_start;
    loop {
        match bytes.get(j) {
            None => return None,
            Some(b'\\') => j += 2,
            Some(b'\n') if !triple => return None,
            Some(&c) if c == quote => {
                if !triple {
                    return Some((i, body_start, j, j + 1));
                }
                if bytes.get(j + 1) == Some(&quote) && bytes.get(j + 2) == Some(&quote) {
                    return Some((i, body_start, j, j + 3));
                }
                j += 1;
            }
            Some(_) => j += 1,
        }
    }
}

/// Where CPython 3.11 reports an error found while reducing a string atom: the token after
/// the atom (adjacent string literals belong to the atom), as a byte range. A comment
/// before the line's end is the range of the comment; the end of the line is empty.
fn token_after_atom(bytes: &[u8], mut end: usize) -> (usize, usize) {
    loop {
        while matches!(bytes.get(end), Some(b' ' | b'\t' | b'\x0c')) {
            end += 1;
        }
        match string_token(bytes, end) {
            Some((.., next_end)) if bytes.get(end).is_some_and(|c| !c.is_ascii_digit()) => end = next_end,
            _ => break,
        }
    }
    if bytes.get(end) == Some(&b'#') {
        let mut e = end;
        while bytes.get(e).is_some_and(|&c| c != b'\n' && c != b'\r') {
            e += 1;
        }
        return (end, e);
    }
    (end, end)
}

/// Scans literal text and fields from `*pos` to the end of `s` (`level` 0) or to the `}`
/// that ends a format spec (`level` 1 and 2, left unconsumed).
fn scan_literal_and_fields(s: &[u8], pos: &mut usize, level: u32) -> Result<(), String> {
    while let Some(&c) = s.get(*pos) {
        match c {
            b'{' if level == 0 && s.get(*pos + 1) == Some(&b'{') => *pos += 2,
            b'}' if level == 0 => {
                if s.get(*pos + 1) == Some(&b'}') {
                    *pos += 2;
                } else {
                    return Err("f-string: single '}' is not allowed".into());
                }
            }
            b'}' => return Ok(()),
            b'{' => scan_field(s, pos, level)?,
            _ => *pos += 1,
        }
    }
    Ok(())
}

/// Scans one replacement field starting at the `{` at `*pos`; leaves `*pos` after its `}`.
fn scan_field(s: &[u8], pos: &mut usize, level: u32) -> Result<(), String> {
    if level >= 2 {
        return Err("f-string: expressions nested too deeply".into());
    }
    *pos += 1;
    let expr_start = *pos;
    let mut brackets: Vec<u8> = Vec::new();
    let mut quote: Option<(u8, bool)> = None;
    while let Some(&c) = s.get(*pos) {
        if c == b'\\' {
            return Err("f-string expression part cannot include a backslash".into());
        }
        if let Some((q, triple)) = quote {
            if c == q {
                if !triple {
                    quote = None;
                } else if s.get(*pos + 1) == Some(&q) && s.get(*pos + 2) == Some(&q) {
                    *pos += 2;
                    quote = None;
                }
            }
            *pos += 1;
            continue;
        }
        match c {
            b'\'' | b'"' => {
                let triple = s.get(*pos + 1) == Some(&c) && s.get(*pos + 2) == Some(&c);
                if triple {
                    *pos += 2;
                }
                quote = Some((c, triple));
            }
            b'[' | b'{' | b'(' => {
                if brackets.len() >= MAX_BRACKETS {
                    return Err("f-string: too many nested parenthesis".into());
                }
                brackets.push(c);
            }
            b'#' => return Err("f-string expression part cannot include '#'".into()),
            b'!' | b':' | b'}' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                let next = s.get(*pos + 1).copied();
                // `!=`, `==`, `<=`, `>=` are operators, and so are lone `<`, `>`
                if next == Some(b'=') && matches!(c, b'!' | b'=' | b'<' | b'>') {
                    *pos += 2;
                    continue;
                }
                if c == b'<' || c == b'>' {
                    *pos += 1;
                    continue;
                }
                break;
            }
            b']' | b'}' | b')' => {
                let Some(open) = brackets.pop() else {
                    return Err(format!("f-string: unmatched '{}'", c as char));
                };
                let matches = matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    return Err(format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, open as char
                    ));
                }
            }
            _ => {}
        }
        *pos += 1;
    }
    if quote.is_some() {
        return Err("f-string: unterminated string".into());
    }
    if let Some(&open) = brackets.last() {
        return Err(format!("f-string: unmatched '{}'", open as char));
    }
    if *pos >= s.len() {
        return Err("f-string: expecting '}'".into());
    }
    let expr = s.get(expr_start..*pos).unwrap_or_default();
    if expr.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
        return Err("f-string: empty expression not allowed".into());
    }
    // the self-documenting `=`, then ASCII whitespace
    if s.get(*pos) == Some(&b'=') {
        *pos += 1;
        while s.get(*pos).is_some_and(u8::is_ascii_whitespace) {
            *pos += 1;
        }
    }
    if *pos >= s.len() {
        return Err("f-string: expecting '}'".into());
    }
    if s.get(*pos) == Some(&b'!') {
        *pos += 1;
        let Some(&conv) = s.get(*pos) else {
            return Err("f-string: expecting '}'".into());
        };
        *pos += 1;
        if !matches!(conv, b's' | b'r' | b'a') {
            return Err("f-string: invalid conversion character: expected 's', 'r', or 'a'".into());
        }
    }
    if *pos >= s.len() {
        return Err("f-string: expecting '}'".into());
    }
    if s.get(*pos) == Some(&b':') {
        *pos += 1;
        scan_literal_and_fields(s, pos, level + 1)?;
    }
    if s.get(*pos) != Some(&b'}') {
        return Err("f-string: expecting '}'".into());
    }
    *pos += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::scan_at;

    fn msg(src: &str) -> Option<(String, u32)> {
        scan_at(src, 0).map(|e| (e.msg, e.at))
    }

    #[test]
    fn cpython_messages() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "f\"{(1}\"",
                Some("f-string: closing parenthesis '}' does not match opening parenthesis '('"),
            ),
            ("f\"{1)}\"", Some("f-string: unmatched ')'")),
            ("f\"{\"", Some("f-string: expecting '}'")),
            (
                "f\"{x!z}\"",
                Some("f-string: invalid conversion character: expected 's', 'r', or 'a'"),
            ),
            (
                "f\"{x!}\"",
                Some("f-string: invalid conversion character: expected 's', 'r', or 'a'"),
            ),
            ("f\"{x!rr}\"", Some("f-string: expecting '}'")),
            ("f\"{x:{y:{z}}}\"", Some("f-string: expressions nested too deeply")),
            ("f\"}\"", Some("f-string: single '}' is not allowed")),
            ("f\"{ }\"", Some("f-string: empty expression not allowed")),
            ("f\"{a#}\"", Some("f-string expression part cannot include '#'")),
            ("f\"{'a}\"", Some("f-string: unterminated string")),
            ("f\"{x:{{}\"", Some("f-string: expecting '}'")),
            ("f\"{x!r:}}\"", Some("f-string: single '}' is not allowed")),
            ("f\"{a!=b} {x=!r:>{w}} {{}} {d['k']}\"", None),
            ("rf'{a}\\n'", None),
            ("'{'", None),
        ];
        for (src, want) in cases {
            assert_eq!(msg(src).map(|m| m.0), want.map(str::to_string), "{src}");
        }
        assert_eq!(msg("f\"{(1}\"  + 1").map(|m| m.1), Some(9));
        assert_eq!(msg("f\"{(1}\" 'a'\n").map(|m| m.1), Some(11));
    }
}

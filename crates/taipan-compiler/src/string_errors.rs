//! CPython's messages and locations for bad string literals, which ruff reports only as
//! `UnicodeError`, `InvalidByteLiteral`, `MissingUnicodeLbrace/Rbrace` or an unterminated
//! f-string.
//!
//! Source of the behaviour: CPython 3.11 `Parser/string_parser.c` (`decode_unicode_with_escapes`,
//! which first rewrites every non-ASCII character as a 10-byte `\UXXXXXXXX`, then runs the
//! `unicodeescape` codec, whose error positions count in that rewritten buffer) and
//! `Parser/action_helpers.c` (errors raised while reducing the string atom: the location is
//! the token after the atom; NEWLINE counts as zero-width).
//!
//! Algorithm: find the string token holding ruff's error location, rescan its body for the
//! first escape that the codec rejects (`\x`, `\u`, `\U` with missing digits, `\U` beyond
//! U+10FFFF, malformed `\N`), else take the `\N{...}` around ruff's location as an unknown
//! name; bytes literals report CPython's `(value error) invalid \x escape at position N`.

use ruff_python_ast::Mod;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType, Parsed};
use ruff_text_size::Ranged;

use crate::ast::Range;
use crate::error::{CompileError, CompileErrorKind, SourceMap};

/// CPython's error for a string-literal error from ruff, if `err` is one.
pub(crate) fn string_error(
    map: &SourceMap<'_>,
    parsed: &Parsed<Mod>,
    err: &LexicalErrorType,
    range: Range,
) -> Option<Box<CompileError>> {
    match err {
        LexicalErrorType::InvalidByteLiteral => {
            let tok = string_token_at(parsed, range.start)?;
            Some(map.error_at(
                CompileErrorKind::SyntaxError,
                "bytes can only contain ASCII literal characters",
                tok,
            ))
        }
        LexicalErrorType::UnicodeError
        | LexicalErrorType::MissingUnicodeLbrace
        | LexicalErrorType::MissingUnicodeRbrace => {
            let tok = string_token_at(parsed, range.start)?;
            let text = map.source().get(tok.start as usize..tok.end as usize)?;
            let kind = parsed
                .tokens()
                .iter()
                .find(|t| t.range().start().to_u32() == tok.start)
                .map(|t| t.kind());
            let (body_start, is_bytes) = match kind {
                Some(TokenKind::FStringMiddle) => (0, false),
                _ => body_offset(text)?,
            };
            let body = body_of(text, body_start);
            let at = range.start.saturating_sub(tok.start) as usize;
            let msg = if is_bytes {
                let p = bad_escape(body, at.saturating_sub(body_start), true).map_or(0, |e| e.start);
                format!("(value error) invalid \\x escape at position {p}")
            } else {
                let e = bad_escape(body, at.saturating_sub(body_start), false)?;
                format!(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                    e.start, e.end, e.reason
                )
            };
            // an f-string's literal part: the atom ends with the f-string
            let atom_end = match kind {
                Some(TokenKind::FStringMiddle) => fstring_end(parsed, tok.end).unwrap_or(tok.end),
                _ => tok.end,
            };
            let after = token_after_atom(parsed, atom_end).unwrap_or(Range {
                start: map.source().len() as u32,
                end: map.source().len() as u32,
            });
            Some(map.error_at(CompileErrorKind::SyntaxError, msg, after))
        }
        LexicalErrorType::FStringError(
            kind @ (InterpolatedStringErrorType::UnterminatedString
            | InterpolatedStringErrorType::UnterminatedTripleQuotedString),
        ) => {
            let start = parsed
                .tokens()
                .iter()
                .rfind(|t| t.kind() == TokenKind::FStringStart && t.range().start().to_u32() <= range.start)?
                .range()
                .start()
                .to_u32();
            let msg = if matches!(kind, InterpolatedStringErrorType::UnterminatedTripleQuotedString) {
                let (line, _) = map.line_col((map.source().len() as u32).saturating_sub(1));
                format!("unterminated triple-quoted string literal (detected at line {line})")
            } else {
                let (line, _) = map.line_col(start);
                format!("unterminated string literal (detected at line {line})")
            };
            Some(map.error_at(CompileErrorKind::SyntaxError, msg, Range { start, end: start }))
        }
        _ => None,
    }
}

/// The String or FStringMiddle token containing `offset` (its end inclusive).
fn string_token_at(parsed: &Parsed<Mod>, offset: u32) -> Option<Range> {
    parsed
        .tokens()
        .iter()
        .filter(|t| matches!(t.kind(), TokenKind::String | TokenKind::FStringMiddle))
        .find(|t| t.range().start().to_u32() <= offset && offset <= t.range().end().to_u32())
        .map(|t| Range {
            start: t.range().start().to_u32(),
            end: t.range().end().to_u32(),
        })
}

/// Where the body of a string token starts (after prefix and quotes), and whether it is
/// a bytes literal.
fn body_offset(text: &str) -> Option<(usize, bool)> {
    let prefix = text.find(['\'', '"'])?;
    let lower = text.get(..prefix)?.to_ascii_lowercase();
    let rest = text.get(prefix..)?;
    let quote = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    Some((prefix + quote, lower.contains('b')))
}

/// The body: from `start` to before the closing quotes (if present).
fn body_of(text: &str, start: usize) -> &str {
    let body = text.get(start..).unwrap_or("");
    let quotes = start.saturating_sub(text.find(['\'', '"']).unwrap_or(start));
    let closing = text.get(start.saturating_sub(quotes)..start).unwrap_or("");
    match body.strip_suffix(closing) {
        Some(b) if !closing.is_empty() => b,
        _ => body,
    }
}

/// One rejected escape: positions (inclusive, in CPython's rewritten buffer) and reason.
struct BadEscape {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// The first escape of `body` the codec rejects. `hint` (a byte offset into the body) picks
/// the `\N{...}` whose name is unknown when no escape is malformed. For bytes only `\x` counts.
fn bad_escape(body: &str, hint: usize, bytes: bool) -> Option<BadEscape> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    // CPython's position of each char: non-ASCII chars take 10 bytes (\UXXXXXXXX)
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut p = 0usize;
    for &(_, c) in &chars {
        pos.push(p);
        p += if c.is_ascii() || bytes { 1 } else { 10 };
    }
    pos.push(p);
    let at = |i: usize| pos.get(i).copied().unwrap_or(p);
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut unknown_name = None;
    let mut i = 0;
    while i < chars.len() {
        if ch(i) != Some('\\') {
            i += 1;
            continue;
        }
        let digits = match ch(i + 1) {
            Some('x') => 2,
            Some('u') if !bytes => 4,
            Some('U') if !bytes => 8,
            Some('N') if !bytes => {
                if ch(i + 2) != Some('{') {
                    return Some(BadEscape {
                        start: at(i),
                        end: at(i + 1),
                        reason: "malformed \\N character escape",
                    });
                }
                match (i + 3..chars.len()).find(|&k| ch(k) == Some('}')) {
                    Some(close) if close > i + 3 => {
                        let (b0, b1) = (chars.get(i).map_or(0, |c| c.0), chars.get(close).map_or(0, |c| c.0));
                        if unknown_name.is_none() && b0 <= hint && hint <= b1 + 1 {
                            unknown_name = Some(BadEscape {
                                start: at(i),
                                end: at(close),
                                reason: "unknown Unicode character name",
                            });
                        }
                        i = close + 1;
                        continue;
                    }
                    // `\N{}` ends before its `}`; an unclosed `\N{` at the end of the body
                    found => {
                        return Some(BadEscape {
                            start: at(i),
                            end: at(found.unwrap_or(chars.len())).saturating_sub(1),
                            reason: "malformed \\N character escape",
                        });
                    }
                }
            }
            _ => {
                i += 2;
                continue;
            }
        };
        let found = (0..digits)
            .take_while(|k| ch(i + 2 + k).is_some_and(|c| c.is_ascii_hexdigit()))
            .count();
        if found < digits {
            let reason = match digits {
                2 => "truncated \\xXX escape",
                4 => "truncated \\uXXXX escape",
                _ => "truncated \\UXXXXXXXX escape",
            };
            return Some(BadEscape {
                start: at(i),
                end: at(i + 1 + found),
                reason,
            });
        }
        if digits == 8 {
            let hex: String = (0..8).filter_map(|k| ch(i + 2 + k)).collect();
            if u32::from_str_radix(&hex, 16).map_or(true, |v| v > 0x10ffff) {
                return Some(BadEscape {
                    start: at(i),
                    end: at(i + 9),
                    reason: "illegal Unicode character",
                });
            }
        }
        i += 2 + digits;
    }
    unknown_name
}

/// The end of the f-string whose literal part ends at `from` (the matching FStringEnd).
fn fstring_end(parsed: &Parsed<Mod>, from: u32) -> Option<u32> {
    let mut depth = 0u32;
    for t in parsed.tokens().iter().filter(|t| t.range().start().to_u32() >= from) {
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd if depth == 0 => return Some(t.range().end().to_u32()),
            TokenKind::FStringEnd => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The first token after the string atom ending at `end` (CPython raises the error while
/// reducing the atom, so the parser is at that token); NEWLINE is zero-width.
fn token_after_atom(parsed: &Parsed<Mod>, end: u32) -> Option<Range> {
    let t = parsed
        .tokens()
        .iter()
        .filter(|t| t.range().start().to_u32() >= end)
        .find(|t| {
            !matches!(
                t.kind(),
                TokenKind::String
                    | TokenKind::FStringStart
                    | TokenKind::FStringMiddle
                    | TokenKind::FStringEnd
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
            )
        })?;
    let start = t.range().start().to_u32();
    let end = if matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
        start
    } else {
        t.range().end().to_u32()
    };
    Some(Range { start, end })
}

#[cfg(test)]
mod tests {
    use crate::{CompileError, Mode, compile};

    fn err(src: &str) -> (String, u32, u32, u32, u32) {
        let e: CompileError = match compile(src, "<test>", Mode::Exec) {
            Ok(_) => panic!("expected an error for {src:?}"),
            Err(e) => e,
        };
        (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    }

    /// Expected values checked against CPython 3.11's `compile()`.
    #[test]
    fn escapes_and_bytes() {
        let u = |a: usize, b: usize, r: &str| {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{b}: {r}")
        };
        assert_eq!(
            err("print(\"\\N{NO SUCH NAME}\")\n"),
            (u(0, 15, "unknown Unicode character name"), 1, 25, 1, 26)
        );
        assert_eq!(
            err("x = \"\\U0011ffff\"\n"),
            (u(0, 9, "illegal Unicode character"), 1, 17, 1, 17)
        );
        assert_eq!(
            err("x = 'a\u{e9}\\x4'\n"),
            (u(11, 13, "truncated \\xXX escape"), 1, 12, 1, 12)
        );
        assert_eq!(
            err("x = '\\u12'\n"),
            (u(0, 3, "truncated \\uXXXX escape"), 1, 11, 1, 11)
        );
        assert_eq!(
            err("x = \"\\N{BULLET\"\n"),
            (u(0, 8, "malformed \\N character escape"), 1, 16, 1, 16)
        );
        assert_eq!(
            err("x = '\\N{}'\n"),
            (u(0, 2, "malformed \\N character escape"), 1, 11, 1, 11)
        );
        assert_eq!(
            err("x = 'ab' 'c\\x1' \n"),
            (u(1, 3, "truncated \\xXX escape"), 1, 17, 1, 17)
        );
        assert_eq!(
            err("x = '''\nab\\x\n'''\n"),
            (u(3, 4, "truncated \\xXX escape"), 3, 4, 3, 4)
        );
        assert_eq!(
            err("x = f'\\x4{1}'\n"),
            (u(0, 2, "truncated \\xXX escape"), 1, 14, 1, 14)
        );
        assert_eq!(
            err("x = b'\\x4'\n"),
            ("(value error) invalid \\x escape at position 0".into(), 1, 11, 1, 11)
        );
        let b = "bytes can only contain ASCII literal characters".to_string();
        assert_eq!(err("x = b'a' b'\u{e9}'\n"), (b.clone(), 1, 10, 1, 14));
        assert_eq!(err("x = 1; y = rb'\u{e9}\u{e9}'\n"), (b, 1, 12, 1, 18));
    }

    #[test]
    fn unterminated_fstrings() {
        assert_eq!(
            err("print(f'{x\n"),
            ("unterminated string literal (detected at line 1)".into(), 1, 7, 1, 7)
        );
        assert_eq!(
            err("x = f'''{1}\n"),
            (
                "unterminated triple-quoted string literal (detected at line 1)".into(),
                1,
                5,
                1,
                5
            )
        );
    }
}

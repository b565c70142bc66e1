//! Parser-level errors: ruff's `ParseError`s mapped to CPython's wording and class where
//! known, checks CPython's tokenizer makes that ruff does not (more than 200 nested
//! brackets → "too many nested parentheses"; 100 indentation levels →
//! `IndentationError: too many levels of indentation`), and `from __future__` rules
//! (CPython `Python/future.c`).

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{self as r, Mod};
use ruff_python_parser::{LexicalErrorType, ParseErrorType, Parsed, UnsupportedSyntaxErrorKind};
use ruff_text_size::Ranged;

use crate::ast::{Range, Stmt, StmtKind};
use crate::error::{CompileError, CompileErrorKind, SourceMap, StackGuard};

/// CPython's tokenizer `MAXLEVEL`.
const MAX_PAREN_LEVEL: u32 = 200;
/// CPython's tokenizer `MAXINDENT`.
const MAX_INDENT: u32 = 100;

fn rng(r: ruff_text_size::TextRange) -> Range {
    Range {
        start: r.start().to_u32(),
        end: r.end().to_u32(),
    }
}

/// The first error of a parse, if any, as CPython would report it.
pub fn check(map: &SourceMap<'_>, parsed: &Parsed<Mod>, guard: StackGuard) -> Option<Box<CompileError>> {
    let first_parse = parsed.errors().iter().min_by_key(|e| e.location.start());
    let limit = first_parse.map_or(u32::MAX, |e| e.location.start().to_u32());
    let first_unsupported = parsed.unsupported_syntax_errors().first().map(|u| rng(u.range).start);
    // CPython 3.11 scans each f-string's body when it reduces the string atom, so a scan
    // error comes first unless ruff found an error before the f-string starts.
    let at = first_parse.map(|e| e.location.start().to_u32()).or(first_unsupported);
    if let Some(err) = fstring_scan_error(map, parsed, at.unwrap_or(u32::MAX)) {
        return Some(err);
    }
    if let Some(err) = token_limits(map, parsed, limit) {
        return Some(err);
    }
    if let Some(err) = tab_check(map, parsed, limit) {
        return Some(err);
    }
    if let Some(e) = first_parse {
        let mut err = map_parse_error(map, parsed, &e.error, rng(e.location), guard);
        if matches!(e.error, ParseErrorType::InvalidAnnotatedAssignmentTarget) {
            // `f(x):` with nothing after the colon is not an annotation for CPython's
            // grammar, just invalid syntax where the annotation should start.
            let missing = parsed.errors().iter().find(|x| {
                x.location.start() > e.location.start() && matches!(x.error, ParseErrorType::ExpectedExpression)
            });
            if let Some(x) = missing {
                err = map.error_at(CompileErrorKind::SyntaxError, "invalid syntax", rng(x.location));
            }
        }
        if !matches!(e.error, ParseErrorType::Lexical(_)) {
            // CPython then tokenizes the rest of the file: a later tokenizer error wins, and
            // so does a bracket left open on a line before the error.
            let later = parsed
                .errors()
                .iter()
                .filter(|x| x.location.start() > e.location.start())
                .filter(|x| matches!(x.error, ParseErrorType::Lexical(ref l) if !matches!(l, LexicalErrorType::Eof)))
                .min_by_key(|x| x.location.start());
            let later_lex = later.map(|x| {
                (
                    x.location.start().to_u32(),
                    map_parse_error(map, parsed, &x.error, rng(x.location), guard),
                )
            });
            let later_tok = token_limits(map, parsed, u32::MAX).map(|t| {
                let start = map_offset(map, &t);
                (start, t)
            });
            let first = match (later_lex, later_tok) {
                (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
                (a, b) => a.or(b).map(|x| x.1),
            };
            if let Some(x) = first {
                return Some(x);
            }
            if let Some((ch, r)) = unclosed_bracket(parsed) {
                if map.line_col(r.start).0 < map.line_col(e.location.start().to_u32()).0.max(err.lineno) {
                    return Some(map.error_at(CompileErrorKind::SyntaxError, format!("'{ch}' was never closed"), r));
                }
            }
        }
        return Some(err);
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        let mut range = rng(u.range);
        let msg = match u.kind {
            UnsupportedSyntaxErrorKind::TypeParameterList => "expected '('",
            UnsupportedSyntaxErrorKind::TypeAliasStatement => {
                // `type X = ...` is `type` followed by a name: CPython points at the name.
                if let Some(t) = parsed.tokens().iter().find(|t| t.range().start().to_u32() >= range.end) {
                    range = rng(t.range());
                }
                "invalid syntax"
            }
            UnsupportedSyntaxErrorKind::Pep701FString(kind) => {
                // The kind's type is not exported by ruff; its Debug name is stable enough.
                let msg = match format!("{kind:?}").as_str() {
                    "Backslash" => "f-string expression part cannot include a backslash",
                    "Comment" => "f-string expression part cannot include '#'",
                    _ => "f-string: expecting '}'",
                };
                return Some(fstring_error(map, parsed, msg, range));
            }
            _ => "invalid syntax",
        };
        return Some(map.error_at(CompileErrorKind::SyntaxError, msg, range));
    }
    None
}

/// CPython 3.11 reports f-string errors just past the end of the f-string (the string
/// token containing the error).
fn fstring_error(map: &SourceMap<'_>, parsed: &Parsed<Mod>, msg: &str, range: Range) -> Box<CompileError> {
    let end = parsed
        .tokens()
        .iter()
        .find(|t| t.kind() == TokenKind::FStringEnd && t.range().end().to_u32() >= range.end)
        .map_or(range.end, |t| t.range().end().to_u32());
    let mut e = map.error_at(CompileErrorKind::SyntaxError, msg, Range { start: end, end });
    let (line, _) = map.line_col(range.start);
    e.lineno = line;
    e.end_lineno = line;
    e.text = map.line_text(line);
    e
}

/// CPython 3.11's f-string scanner error (`crate::fstring_scan`) of the first f-string that
/// starts at or before byte offset `at` and has one, located at the token after the string
/// atom (on the f-string's first line).
fn fstring_scan_error(map: &SourceMap<'_>, parsed: &Parsed<Mod>, at: u32) -> Option<Box<CompileError>> {
    parsed
        .tokens()
        .iter()
        .take_while(|t| t.range().start().to_u32() <= at)
        .filter(|t| t.kind() == TokenKind::FStringStart)
        .find_map(|t| {
            let start = t.range().start().to_u32();
            let found = crate::fstring_scan::scan_at(map.source(), start)?;
            let mut e = map.error_at(
                CompileErrorKind::SyntaxError,
                found.msg,
                Range {
                    start: found.at,
                    end: found.at_end,
                },
            );
            let (line, _) = map.line_col(start);
            e.lineno = line;
            e.end_lineno = line;
            e.text = map.line_text(line);
            Some(e)
        })
}

/// Approximate byte offset of an error (for ordering errors by position).
fn map_offset(map: &SourceMap<'_>, e: &CompileError) -> u32 {
    let mut offset = 0u32;
    for (i, line) in map.source().split_inclusive('\n').enumerate() {
        if i + 1 == e.lineno as usize {
            let col: usize = line
                .chars()
                .take(e.offset.saturating_sub(1) as usize)
                .map(char::len_utf8)
                .sum();
            return offset + col as u32;
        }
        offset += line.len() as u32;
    }
    offset
}

fn closer_of(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn token_limits<T>(map: &SourceMap<'_>, parsed: &Parsed<T>, limit: u32) -> Option<Box<CompileError>> {
    let mut stack: Vec<(char, Range)> = Vec::new();
    let mut indent: u32 = 0;
    let mut fstring: u32 = 0;
    for tok in parsed.tokens().iter() {
        let start = tok.range().start().to_u32();
        if start > limit {
            break;
        }
        let open = match tok.kind() {
            TokenKind::Lpar => Some('('),
            TokenKind::Lsqb => Some('['),
            TokenKind::Lbrace => Some('{'),
            _ => None,
        };
        let close = match tok.kind() {
            TokenKind::Rpar => Some(')'),
            TokenKind::Rsqb => Some(']'),
            TokenKind::Rbrace => Some('}'),
            _ => None,
        };
        match tok.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => fstring += 1,
            TokenKind::FStringEnd | TokenKind::TStringEnd => fstring = fstring.saturating_sub(1),
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    let (line, _) = map.line_col(tok.range().end().to_u32());
                    let mut e = map.error_at(
                        CompileErrorKind::IndentationError,
                        "too many levels of indentation",
                        rng(tok.range()),
                    );
                    e.lineno = line;
                    e.end_lineno = line;
                    e.offset = 1;
                    e.end_offset = 1;
                    e.text = map.line_text(line);
                    return Some(e);
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
        if fstring > 0 {
            continue;
        }
        if let Some(o) = open {
            stack.push((o, rng(tok.range())));
            if stack.len() as u32 > MAX_PAREN_LEVEL {
                return Some(map.error_at(
                    CompileErrorKind::SyntaxError,
                    "too many nested parentheses",
                    rng(tok.range()),
                ));
            }
        }
        if let Some(c) = close {
            match stack.pop() {
                None => {
                    return Some(map.error_at(
                        CompileErrorKind::SyntaxError,
                        format!("unmatched '{c}'"),
                        rng(tok.range()),
                    ));
                }
                Some((o, orange)) if closer_of(o) != c => {
                    let (oline, _) = map.line_col(orange.start);
                    let (cline, _) = map.line_col(start);
                    let msg = if oline == cline {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
                    } else {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {oline}")
                    };
                    return Some(map.error_at(CompileErrorKind::SyntaxError, msg, rng(tok.range())));
                }
                Some(_) => {}
            }
        }
    }
    None
}

/// CPython's tokenizer compares each logical line's indentation measured with tabs to
/// multiples of 8 and with tabs as 1 column; if the two orders disagree it raises
/// `TabError: inconsistent use of tabs and spaces in indentation`.
fn tab_check<T>(map: &SourceMap<'_>, parsed: &Parsed<T>, limit: u32) -> Option<Box<CompileError>> {
    let src = map.source();
    if !src.contains('\t') {
        return None;
    }
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    for tok in parsed.tokens().iter() {
        match tok.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent | TokenKind::Dedent => continue,
            _ => {}
        }
        if !at_line_start {
            continue;
        }
        at_line_start = false;
        let start = tok.range().start().to_u32();
        if start > limit {
            break;
        }
        let (line, col_bytes) = map.line_col(start);
        let line_start = start.saturating_sub(col_bytes) as usize;
        let indent = src.get(line_start..start as usize).unwrap_or("");
        let (mut col, mut alt) = (0u32, 0u32);
        for ch in indent.chars() {
            match ch {
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                _ => {}
            }
        }
        let tab_error = || {
            let mut e = map.error_at(
                CompileErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                Range { start, end: start },
            );
            e.lineno = line;
            e.end_lineno = line;
            e.offset = 1;
            e.end_offset = 1;
            e
        };
        let (top_col, top_alt) = stack.last().copied().unwrap_or((0, 0));
        if col == top_col {
            if alt != top_alt {
                return Some(tab_error());
            }
        } else if col > top_col {
            if alt <= top_alt {
                return Some(tab_error());
            }
            stack.push((col, alt));
        } else {
            while stack.len() > 1 && stack.last().is_some_and(|&(c, _)| col < c) {
                stack.pop();
            }
            if let Some(&(c, a)) = stack.last() {
                if col == c && alt != a {
                    return Some(tab_error());
                }
            }
        }
    }
    None
}

/// The keyword that starts the line containing `offset` (for "expected an indented block").
fn header_of_line(map: &SourceMap<'_>, offset: u32) -> Option<(String, u32)> {
    let (line, _) = map.line_col(offset);
    let text = map.line_text(line)?;
    let word: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let msg = match word.as_str() {
        "if" | "elif" | "else" | "for" | "while" | "with" | "try" | "except" | "finally" => {
            format!("'{word}' statement")
        }
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "async" => {
            let rest = text.trim_start().trim_start_matches("async").trim_start();
            if rest.starts_with("def") {
                "function definition".to_string()
            } else if rest.starts_with("for") {
                "'for' statement".to_string()
            } else {
                "'with' statement".to_string()
            }
        }
        "match" => "'match' statement".to_string(),
        "case" => "'case' statement".to_string(),
        _ => return None,
    };
    Some((msg, line))
}

fn map_parse_error(
    map: &SourceMap<'_>,
    parsed: &Parsed<Mod>,
    err: &ParseErrorType,
    range: Range,
    guard: StackGuard,
) -> Box<CompileError> {
    use CompileErrorKind::*;
    let syntax = |msg: &str| map.error_at(SyntaxError, msg, range);
    let found = || find_node(parsed, range, guard);
    match err {
        ParseErrorType::UnexpectedIndentation => {
            let mut e = map.error_at(IndentationError, "unexpected indent", range);
            e.offset = e.end_offset.saturating_sub(1).max(1);
            e
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected an indented block") => {
            expected_indented_block(map, parsed, range)
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking")
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument"),
        ParseErrorType::SimpleStatementsOnSameLine if number_before(map, parsed, range.start).is_some() => {
            let (start, kind) = number_before(map, parsed, range.start).unwrap_or((range.start, "decimal"));
            let next = map.source().get(range.start as usize..).and_then(|t| t.chars().next());
            match next {
                // CPython's tokenizer names a stray digit of an octal or binary literal and
                // points at it
                Some(d) if d.is_ascii_digit() && (kind == "octal" || kind == "binary") => map.error_at(
                    SyntaxError,
                    format!("invalid digit '{d}' in {kind} literal"),
                    Range {
                        start: range.start,
                        end: range.start,
                    },
                ),
                // a `_` that no digit follows: at the `_`; otherwise at the number's last
                // character
                Some('_') => map.error_at(
                    SyntaxError,
                    format!("invalid {kind} literal"),
                    Range {
                        start: range.start,
                        end: range.end,
                    },
                ),
                _ => map.error_at(
                    SyntaxError,
                    format!("invalid {kind} literal"),
                    Range {
                        start: range.start.saturating_sub(1).max(start),
                        end: range.end,
                    },
                ),
            }
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let (line, _) = map.line_col(range.start);
            let text = map.line_text(line).unwrap_or_default();
            let trimmed = text.trim_start();
            if trimmed.starts_with("print ") || trimmed.starts_with("exec ") {
                let word = if trimmed.starts_with("print") { "print" } else { "exec" };
                let indent = (text.len() - trimmed.len()) as u32;
                let start = map.line_col(range.start).1;
                let line_start = range.start.saturating_sub(start);
                let r = Range {
                    start: line_start + indent,
                    end: range.end,
                };
                map.error_at(
                    SyntaxError,
                    format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
                    r,
                )
            } else {
                syntax("invalid syntax")
            }
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let (node, here) = match found() {
                Some((e, direct)) => (expr_name(e), direct && here_suffix_applies(e)),
                None => ("expression", false),
            };
            if here {
                syntax(&format!(
                    "cannot assign to {node} here. Maybe you meant '==' instead of '='?"
                ))
            } else {
                syntax(&format!("cannot assign to {node}"))
            }
        }
        ParseErrorType::InvalidDeleteTarget => syntax(&format!(
            "cannot delete {}",
            found().map_or("expression", |(e, _)| expr_name(e))
        )),
        ParseErrorType::InvalidAugmentedAssignmentTarget => syntax(&format!(
            "'{}' is an illegal expression for augmented assignment",
            found().map_or("expression", |(e, _)| expr_name(e))
        )),
        ParseErrorType::InvalidNamedAssignmentTarget => syntax(&format!(
            "cannot use assignment expressions with {}",
            found().map_or("expression", |(e, _)| expr_name(e))
        )),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => match found() {
            Some((r::Expr::Tuple(_), _)) => syntax("only single target (not tuple) can be annotated"),
            Some((r::Expr::List(_), _)) => syntax("only single target (not list) can be annotated"),
            _ => syntax("illegal target for annotation"),
        },
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Else,
            ..
        } => match enclosing_if_exp(parsed, range, guard) {
            Some(start) => map.error_at(
                SyntaxError,
                "expected 'else' after 'if' expression",
                Range { start, end: range.end },
            ),
            None => syntax("invalid syntax"),
        },
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized"),
        ParseErrorType::ExpectedKeywordParam => syntax("named arguments must follow bare *"),
        ParseErrorType::PositionalAfterKeywordArgument | ParseErrorType::PositionalAfterKeywordUnpacking => {
            let msg = if matches!(err, ParseErrorType::PositionalAfterKeywordArgument) {
                "positional argument follows keyword argument"
            } else {
                "positional argument follows keyword argument unpacking"
            };
            // CPython points at the token after the arguments (the closing parenthesis).
            let close = closing_bracket_after(parsed, range.start).unwrap_or(range);
            map.error_at(SyntaxError, msg, close)
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => {
            syntax("expected 'except' or 'finally' block")
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            let code = *tok as u32;
            let invisible =
                tok.is_control() || matches!(code, 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff);
            if invisible {
                syntax(&format!("invalid non-printable character U+{code:04X}"))
            } else {
                syntax(&format!("invalid character '{tok}' (U+{code:04X})"))
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::OtherError(msg)) if &**msg == "Invalid decimal integer literal" => {
            syntax("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
            found: TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
        } => token_limits(map, parsed, u32::MAX).unwrap_or_else(|| syntax("invalid syntax")),
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
            found,
        } if starts_expression(*found) => match element_start_before(parsed, range.start) {
            Some(start) => map.error_at(
                SyntaxError,
                "invalid syntax. Perhaps you forgot a comma?",
                Range { start, end: range.end },
            ),
            None => syntax("invalid syntax"),
        },
        ParseErrorType::ExpectedExpression if in_fstring(parsed, range.start) => {
            fstring_error(map, parsed, "f-string: empty expression not allowed", range)
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let mut e = map.error_at(
                IndentationError,
                "unindent does not match any outer indentation level",
                range,
            );
            let line_len = e
                .text
                .as_deref()
                .map_or(0, |t| t.trim_end_matches('\n').chars().count() as u32);
            e.offset = line_len + 1;
            e.end_offset = line_len + 1;
            e
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Indent,
            ..
        } => {
            // Find the header: the last token before the error that ends a logical line.
            let prev = parsed
                .tokens()
                .iter()
                .take_while(|t| t.range().start().to_u32() < range.start)
                .filter(|t| {
                    !matches!(
                        t.kind(),
                        TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment
                    )
                })
                .last()
                .map(|t| t.range().start().to_u32());
            match prev.and_then(|p| header_of_line(map, p)) {
                Some((what, line)) => map.error_at(
                    IndentationError,
                    format!("expected an indented block after {what} on line {line}"),
                    range,
                ),
                None => map.error_at(IndentationError, "expected an indented block", range),
            }
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } => {
            if bracket_depth_at(parsed, range.start) == 0 && header_of_line(map, range.start).is_some() {
                syntax("expected ':'")
            } else {
                syntax("invalid syntax")
            }
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Lpar,
            ..
        } => {
            let prev: Vec<TokenKind> = parsed
                .tokens()
                .iter()
                .take_while(|t| t.range().start().to_u32() < range.start)
                .map(|t| t.kind())
                .collect();
            if prev.len() >= 2 && prev[prev.len() - 2] == TokenKind::Def {
                syntax("expected '('")
            } else {
                syntax("invalid syntax")
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let text = map.source().get(range.start as usize..).unwrap_or("");
            let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            if body.starts_with(&"\"".repeat(3)) || body.starts_with(&"'".repeat(3)) {
                let (line, _) = map.line_col(range.end.saturating_sub(1).max(range.start));
                syntax(&format!(
                    "unterminated triple-quoted string literal (detected at line {line})"
                ))
            } else {
                let (line, _) = map.line_col(range.start);
                syntax(&format!("unterminated string literal (detected at line {line})"))
            }
        }
        ParseErrorType::Lexical(
            l @ (LexicalErrorType::UnicodeError
            | LexicalErrorType::InvalidByteLiteral
            | LexicalErrorType::MissingUnicodeLbrace
            | LexicalErrorType::MissingUnicodeRbrace
            | LexicalErrorType::FStringError(
                ruff_python_parser::InterpolatedStringErrorType::UnterminatedString
                | ruff_python_parser::InterpolatedStringErrorType::UnterminatedTripleQuotedString,
            )),
        ) => match crate::string_errors::string_error(map, parsed, l, range) {
            Some(e) => e,
            None => syntax("invalid syntax"),
        },
        ParseErrorType::Lexical(LexicalErrorType::Eof) => match unclosed_bracket(parsed) {
            Some((ch, r)) => map.error_at(SyntaxError, format!("'{ch}' was never closed"), r),
            None => syntax("unexpected EOF while parsing"),
        },
        ParseErrorType::Lexical(LexicalErrorType::OtherError(msg)) if msg.contains("tabs") => {
            map.error_at(TabError, "inconsistent use of tabs and spaces in indentation", range)
        }
        _ => {
            if let Some((ch, r)) = unclosed_bracket(parsed) {
                if matches!(
                    err,
                    ParseErrorType::ExpectedToken {
                        found: TokenKind::EndOfFile,
                        ..
                    }
                ) || range.start as usize >= map.source().trim_end().len()
                {
                    return map.error_at(SyntaxError, format!("'{ch}' was never closed"), r);
                }
            }
            syntax("invalid syntax")
        }
    }
}

/// A number token ending exactly at `offset` (`1abc`): its start and CPython's name for its
/// kind (`decimal`, `hexadecimal`, `octal`, `binary`, `imaginary`).
fn number_before<T>(map: &SourceMap<'_>, parsed: &Parsed<T>, offset: u32) -> Option<(u32, &'static str)> {
    let tok = parsed
        .tokens()
        .iter()
        .take_while(|t| t.range().start().to_u32() < offset)
        .last()?;
    if tok.range().end().to_u32() != offset
        || !matches!(tok.kind(), TokenKind::Int | TokenKind::Float | TokenKind::Complex)
    {
        return None;
    }
    let start = tok.range().start().to_u32();
    let text = map.source().get(start as usize..offset as usize).unwrap_or_default();
    let kind = if tok.kind() == TokenKind::Complex {
        "imaginary"
    } else if text.starts_with("0x") || text.starts_with("0X") {
        "hexadecimal"
    } else if text.starts_with("0o") || text.starts_with("0O") {
        "octal"
    } else if text.starts_with("0b") || text.starts_with("0B") {
        "binary"
    } else {
        "decimal"
    };
    Some((start, kind))
}

/// Number of brackets open just before `offset`.
fn bracket_depth_at<T>(parsed: &Parsed<T>, offset: u32) -> u32 {
    let mut depth = 0u32;
    for t in parsed
        .tokens()
        .iter()
        .take_while(|t| t.range().start().to_u32() < offset)
    {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Can a token of this kind begin an expression (for "Perhaps you forgot a comma?")?
fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
            | TokenKind::Lambda
            | TokenKind::Not
            | TokenKind::Tilde
    )
}

/// Is `offset` inside an f-string?
fn in_fstring<T>(parsed: &Parsed<T>, offset: u32) -> bool {
    let mut depth = 0u32;
    for t in parsed.tokens().iter() {
        if t.range().start().to_u32() >= offset {
            break;
        }
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// The closing bracket that closes the bracket enclosing `offset`.
fn closing_bracket_after<T>(parsed: &Parsed<T>, offset: u32) -> Option<Range> {
    let mut depth = 0i32;
    for t in parsed.tokens().iter().filter(|t| t.range().start().to_u32() >= offset) {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    return Some(rng(t.range()));
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Start of the list element just before `offset` inside brackets (for CPython's
/// "Perhaps you forgot a comma?"); `None` outside brackets.
fn element_start_before<T>(parsed: &Parsed<T>, offset: u32) -> Option<u32> {
    // One entry per open bracket: the start of the element being read at that level.
    let mut stack: Vec<Option<u32>> = Vec::new();
    for t in parsed.tokens().iter() {
        let start = t.range().start().to_u32();
        if start >= offset {
            break;
        }
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                // The bracket itself belongs to the enclosing element.
                if let Some(top) = stack.last_mut() {
                    top.get_or_insert(start);
                }
                stack.push(None);
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            TokenKind::Comma | TokenKind::Colon => {
                if let Some(top) = stack.last_mut() {
                    *top = None;
                }
            }
            TokenKind::NonLogicalNewline | TokenKind::Newline | TokenKind::Comment => {}
            _ => {
                if let Some(top) = stack.last_mut() {
                    top.get_or_insert(start);
                }
            }
        }
    }
    stack.last().copied().flatten()
}

/// The innermost bracket still open at the end of the token stream.
fn expected_indented_block(map: &SourceMap<'_>, parsed: &Parsed<Mod>, range: Range) -> Box<CompileError> {
    let prev = parsed
        .tokens()
        .iter()
        .take_while(|t| t.range().start().to_u32() < range.start)
        .filter(|t| {
            !matches!(
                t.kind(),
                TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Dedent
            )
        })
        .last()
        .map(|t| t.range().start().to_u32());
    match prev.and_then(|p| header_of_line(map, p)) {
        Some((what, line)) => map.error_at(
            CompileErrorKind::IndentationError,
            format!("expected an indented block after {what} on line {line}"),
            range,
        ),
        None => map.error_at(CompileErrorKind::IndentationError, "expected an indented block", range),
    }
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &r::Expr) -> &'static str {
    use r::Expr as E;
    match e {
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::Call(_) => "function call",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::Generator(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::FString(_) | E::TString(_) => "f-string expression",
        E::NoneLiteral(_) => "None",
        E::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        E::EllipsisLiteral(_) => "ellipsis",
        E::StringLiteral(_) | E::BytesLiteral(_) | E::NumberLiteral(_) => "literal",
        E::Compare(_) => "comparison",
        E::If(_) => "conditional expression",
        E::Named(_) => "named expression",
        E::Slice(_) | E::IpyEscapeCommand(_) => "expression",
    }
}

/// CPython's `invalid_named_expression` rule adds "here. Maybe you meant '==' instead of
/// '='?" when the whole target is a `bitwise_or`-level expression other than a display.
fn here_suffix_applies(e: &r::Expr) -> bool {
    use r::Expr as E;
    !matches!(
        e,
        E::Compare(_)
            | E::BoolOp(_)
            | E::Lambda(_)
            | E::If(_)
            | E::Named(_)
            | E::Yield(_)
            | E::YieldFrom(_)
            | E::Starred(_)
            | E::Tuple(_)
            | E::List(_)
            | E::Generator(_)
            | E::NoneLiteral(_)
            | E::BooleanLiteral(_)
    ) && !matches!(e, E::UnaryOp(u) if u.op == r::UnaryOp::Not)
}

/// Finds the expression whose range is exactly `range`; `true` if it is a whole target of
/// a single-target assignment.
fn find_node<'a>(parsed: &'a Parsed<Mod>, range: Range, guard: StackGuard) -> Option<(&'a r::Expr, bool)> {
    struct Finder<'a> {
        range: Range,
        found: Option<(&'a r::Expr, bool)>,
        guard: StackGuard,
    }
    impl<'a> Visitor<'a> for Finder<'a> {
        fn visit_stmt(&mut self, stmt: &'a r::Stmt) {
            if self.found.is_some() || self.guard.exceeded() {
                return;
            }
            if let r::Stmt::Assign(a) = stmt {
                if let [t] = a.targets.as_slice() {
                    if rng(t.range()) == self.range {
                        self.found = Some((t, true));
                        return;
                    }
                }
            }
            walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a r::Expr) {
            if self.found.is_some() || self.guard.exceeded() {
                return;
            }
            if rng(expr.range()) == self.range {
                self.found = Some((expr, false));
                return;
            }
            walk_expr(self, expr);
        }
    }
    let mut f = Finder {
        range,
        found: None,
        guard,
    };
    match parsed.syntax() {
        Mod::Module(m) => {
            for s in &m.body {
                f.visit_stmt(s);
            }
        }
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found
}

/// Start of the innermost conditional expression containing `range`.
fn enclosing_if_exp(parsed: &Parsed<Mod>, range: Range, guard: StackGuard) -> Option<u32> {
    struct Finder {
        range: Range,
        found: Option<u32>,
        guard: StackGuard,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a r::Expr) {
            if self.guard.exceeded() {
                return;
            }
            let r = rng(expr.range());
            if let r::Expr::If(x) = expr {
                if r.start <= self.range.start && self.range.start <= r.end.max(self.range.end) {
                    let _ = x;
                    self.found = Some(r.start);
                }
            }
            walk_expr(self, expr);
        }
    }
    let mut f = Finder {
        range,
        found: None,
        guard,
    };
    if let Mod::Module(m) = parsed.syntax() {
        for s in &m.body {
            f.visit_stmt(s);
        }
    }
    f.found
}

fn unclosed_bracket<T>(parsed: &Parsed<T>) -> Option<(char, Range)> {
    let mut stack: Vec<(char, Range)> = Vec::new();
    for tok in parsed.tokens().iter() {
        match tok.kind() {
            TokenKind::Lpar => stack.push(('(', rng(tok.range()))),
            TokenKind::Lsqb => stack.push(('[', rng(tok.range()))),
            TokenKind::Lbrace => stack.push(('{', rng(tok.range()))),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// Checks `from __future__ import ...` placement and names (CPython `future.c`); returns
/// whether `annotations` is enabled.
pub fn future_features(map: &SourceMap<'_>, body: &[Stmt]) -> Result<bool, Box<CompileError>> {
    let mut annotations = false;
    let mut done = false;
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
            } if &**m == "__future__" => {
                if done {
                    return Err(map.error_at_bytes(
                        "from __future__ imports must occur at the beginning of the file",
                        s.range,
                    ));
                }
                for a in names {
                    match &*a.name.name {
                        "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                        | "print_function" | "unicode_literals" | "barry_as_FLUFL" | "generator_stop" => {}
                        "annotations" => annotations = true,
                        "braces" => return Err(map.error_at_bytes("not a chance", s.range)),
                        other => {
                            return Err(map.error_at_bytes(format!("future feature {other} is not defined"), s.range));
                        }
                    }
                }
            }
            StmtKind::Expr(e)
                if i == 0
                    && matches!(
                        e.kind,
                        crate::ast::ExprKind::Constant(taipan_bytecode::Constant::Str(_))
                    ) => {}
            _ => done = true,
        }
    }
    Ok(annotations)
}

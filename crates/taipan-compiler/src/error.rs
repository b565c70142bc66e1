//! Compile errors and source positions.
//!
//! [`CompileError`] carries what CPython's `SyntaxError` exposes (`msg`, `filename`,
//! `lineno`, `offset`, `end_lineno`, `end_offset`, `text`). [`SourceMap`] turns UTF-8 byte
//! offsets (ruff's `TextSize`) into 1-based lines and 0-based byte columns (for code object
//! positions, as CPython's `co_positions`) or 1-based character columns (for parser errors,
//! as CPython's `_PyPegen_byte_offset_to_character_offset`). Errors raised by CPython's
//! compiler and symbol table use `col_offset + 1` in bytes; [`SourceMap::error_at_bytes`]
//! mirrors that.

use std::fmt;

use taipan_bytecode::Position;

use crate::ast::Range;

/// The Python exception class a compile error becomes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a `SyntaxError` subclass).
    IndentationError,
    /// `TabError` (an `IndentationError` subclass).
    TabError,
    /// `RecursionError` (`maximum recursion depth exceeded during compilation`); the
    /// position fields are 0 and `text` is `None`, as CPython gives no location.
    RecursionError,
}

/// A compile-time error, with CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Exception class.
    pub kind: CompileErrorKind,
    /// The message (`SyntaxError.msg`).
    pub msg: String,
    /// The file name as given to [`crate::compile`].
    pub filename: String,
    /// 1-based line (0 if unknown).
    pub lineno: u32,
    /// 1-based column in characters (0 if unknown), as CPython's `SyntaxError.offset`.
    pub offset: u32,
    /// 1-based end line (0 if unknown).
    pub end_lineno: u32,
    /// 1-based end column (exclusive, in characters; 0 if unknown).
    pub end_offset: u32,
    /// The offending source line including its newline, if known.
    pub text: Option<String>,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
            CompileErrorKind::RecursionError => "RecursionError",
        };
        write!(f, "{kind}: {} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for CompileError {}

/// Line starts of a source text, for offset → line/column conversion.
pub struct SourceMap<'a> {
    source: &'a str,
    filename: &'a str,
    /// Byte offset of the start of each line (line 1 at index 0).
    line_starts: Vec<u32>,
}

impl<'a> SourceMap<'a> {
    /// Indexes `source`. Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(source: &'a str, filename: &'a str) -> Self {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(to_u32(i + 1)),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(to_u32(i + 1));
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            source,
            filename,
            line_starts,
        }
    }

    /// The source text.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(idx).copied().unwrap_or(0);
        (to_u32(idx + 1), offset.saturating_sub(start))
    }

    /// The code-object position of a source range.
    pub fn position(&self, range: Range) -> Position {
        let (line, col) = self.line_col(range.start);
        let (end_line, end_col) = self.line_col(range.end.max(range.start));
        Position {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// Text of line `line` (1-based) including its line terminator, if it exists.
    pub fn line_text(&self, line: u32) -> Option<String> {
        let idx = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)? as usize;
        let end = self.line_starts.get(idx + 1).map_or(self.source.len(), |&e| e as usize);
        let text = self.source.get(start..end)?;
        let mut text = text.trim_end_matches(['\r', '\n']).to_string();
        text.push('\n');
        Some(text)
    }

    /// Number of characters between the start of `line` and byte column `col`.
    fn char_col(&self, line: u32, col: u32) -> u32 {
        let idx = (line as usize).saturating_sub(1);
        let start = self.line_starts.get(idx).copied().unwrap_or(0) as usize;
        let end = (start + col as usize).min(self.source.len());
        match self.source.get(start..end) {
            Some(s) => to_u32(s.chars().count()),
            None => col,
        }
    }

    /// An error at a byte range, with character offsets (as CPython's parser errors).
    pub fn error_at(&self, kind: CompileErrorKind, msg: impl Into<String>, range: Range) -> Box<CompileError> {
        let (lineno, col) = self.line_col(range.start);
        let (end_lineno, end_col) = self.line_col(range.end.max(range.start));
        Box::new(CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            offset: self.char_col(lineno, col) + 1,
            end_lineno,
            end_offset: self.char_col(end_lineno, end_col) + 1,
            text: self.line_text(lineno),
        })
    }

    /// A `SyntaxError` at a byte range with byte-based offsets (`col_offset + 1`), as
    /// CPython's compiler and symbol table report them.
    pub fn error_at_bytes(&self, msg: impl Into<String>, range: Range) -> Box<CompileError> {
        let (lineno, col) = self.line_col(range.start);
        let (end_lineno, end_col) = self.line_col(range.end.max(range.start));
        Box::new(CompileError {
            kind: CompileErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            offset: col + 1,
            end_lineno,
            end_offset: end_col + 1,
            text: self.line_text(lineno),
        })
    }

    /// A `RecursionError` (no location).
    pub fn recursion_error(&self) -> Box<CompileError> {
        Box::new(CompileError {
            kind: CompileErrorKind::RecursionError,
            msg: "maximum recursion depth exceeded during compilation".to_string(),
            filename: self.filename.to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        })
    }
}

/// Converts a length to `u32`, saturating (sources are limited to 4 GiB by the parser).
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Native stack budget for the recursive passes (lowering, symbol table, codegen).
///
/// Deeply nested expressions recurse once per level in every pass; debug builds use a few
/// KiB of stack per level. The guard records the stack address at [`crate::compile`] entry
/// and reports when the passes have used more than `budget` bytes below it, so the compiler
/// raises `RecursionError` instead of overflowing the thread's stack. Only addresses are
/// compared; nothing is dereferenced.
#[derive(Copy, Clone, Debug)]
pub struct StackGuard {
    base: usize,
    budget: usize,
}

impl StackGuard {
    /// A guard allowing `budget` bytes of stack below the caller's frame.
    #[inline(never)]
    pub fn new(budget: usize) -> Self {
        let probe = 0u8;
        StackGuard {
            base: std::ptr::addr_of!(probe) as usize,
            budget,
        }
    }

    /// True once the current frame is more than `budget` bytes away from the base.
    #[inline(never)]
    pub fn exceeded(&self) -> bool {
        let probe = 0u8;
        let here = std::ptr::addr_of!(probe) as usize;
        self.base.abs_diff(here) > self.budget
    }
}

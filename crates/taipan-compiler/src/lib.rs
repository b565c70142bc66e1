//! taipan's compiler: Python 3.11 source → [`CodeObject`]s.
//!
//! Pipeline (one module per phase, as CPython's `Parser/` + `Python/symtable.c` +
//! `Python/compile.c`):
//! 1. `ruff_python_parser` parses the source (target version 3.11); `parse_errors.rs` maps
//!    its errors and checks what CPython's tokenizer rejects but ruff accepts (more than 200
//!    nested brackets, 100 indentation levels);
//! 2. `lower.rs` converts ruff's AST into taipan's (`ast.rs`) — the only module that reads
//!    ruff's AST;
//! 3. `symtable.rs` resolves every name's scope;
//! 4. `codegen/` emits instructions per code unit, `assemble.rs` resolves jumps, computes
//!    stack depths and builds the exception table.
//!
//! Errors are [`CompileError`]s carrying CPython's `SyntaxError` attributes.
//! [`decode_source`] turns a program file's bytes into text first (BOM, PEP 263).

mod assemble;
mod ast;
mod codegen;
mod error;
mod fstring_scan;
mod lower;
mod parse_errors;
mod source;
mod string_errors;
mod surrogates;
mod symtable;
mod unparse;
mod warnings;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode as RuffMode, ParseOptions, parse_unchecked};
pub use taipan_bytecode::CodeObject;

pub use error::{CompileError, CompileErrorKind};
pub use source::{DecodeError, decode_compile_source, decode_source};
pub use warnings::{CompileWarning, take_warnings};

use error::SourceMap;

/// What the source is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or an `exec()` string: a sequence of statements.
    Exec,
    /// An `eval()` expression: the code returns its value.
    Eval,
    /// One interactive statement (compiled like `Exec`; values are not printed).
    Single,
}

/// Compile options beyond the source, name and mode.
#[derive(Copy, Clone, Debug)]
pub struct Options {
    /// `sys.get_int_max_str_digits()`: decimal int literals with more digits are a
    /// `SyntaxError` (0 disables the limit). Default 4300, as CPython.
    pub int_max_str_digits: usize,
    /// Native stack (bytes) the compiler may use below its entry frame before reporting
    /// `RecursionError` for deeply nested code. Default 1.5 MiB, safe on 2 MiB threads.
    pub max_stack_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            int_max_str_digits: lower::DEFAULT_INT_MAX_STR_DIGITS,
            max_stack_bytes: 3 << 19,
        }
    }
}

/// Compiles `source` (named `filename` in tracebacks) into a code object.
///
/// Errors: `SyntaxError`/`IndentationError`/`TabError` with CPython's location fields, or
/// `RecursionError` for expressions nested deeper than CPython accepts.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, CompileError> {
    compile_with_options(source, filename, mode, &Options::default())
}

/// [`compile`] with explicit [`Options`].
pub fn compile_with_options(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &Options,
) -> Result<Rc<CodeObject>, CompileError> {
    let guard = error::StackGuard::new(options.max_stack_bytes);
    let map = SourceMap::new(source, filename);
    let ruff_mode = match mode {
        Mode::Eval => RuffMode::Expression,
        Mode::Exec | Mode::Single => RuffMode::Module,
    };
    let parse_options = ParseOptions::from(ruff_mode).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, parse_options);
    if let Some(err) = parse_errors::check(&map, &parsed, guard) {
        // A tree with errors may be arbitrarily deep; dropping it recursively could
        // overflow the stack, so it is leaked (only on this error path).
        std::mem::forget(parsed);
        let mut err = *err;
        tokenizer_caret_width(&mut err);
        return Err(err);
    }
    let mut lowerer = lower::Lowerer::new(&map, options.int_max_str_digits, guard);
    let (body, expr) = match parsed.syntax() {
        ruff_python_ast::Mod::Module(m) => match lowerer.module(&m.body) {
            Ok(b) => (b, None),
            Err(e) => {
                std::mem::forget(parsed);
                return Err(*e);
            }
        },
        ruff_python_ast::Mod::Expression(e) => match lowerer.expression(&e.body) {
            Ok(x) => (Vec::new(), Some(x)),
            Err(err) => {
                std::mem::forget(parsed);
                return Err(*err);
            }
        },
    };
    drop(parsed);
    let future_annotations = parse_errors::future_features(&map, &body).map_err(|e| *e)?;
    let table = symtable::build(
        &map,
        &body,
        expr.as_ref(),
        lowerer.scope_count(),
        future_annotations,
        guard,
    )
    .map_err(|e| *e)?;
    let compiler = codegen::Compiler::new(&map, &table, filename, guard);
    let result = match &expr {
        Some(e) => compiler.compile_expression(e),
        None => compiler.compile_module(&body),
    };
    result.map_err(|e| *e)
}

/// CPython's tokenizer reports some errors at a single column (`end_offset == offset`, or
/// one past it for leading zeros), so the SyntaxError display shows one caret.
fn tokenizer_caret_width(e: &mut CompileError) {
    let m = e.msg.as_str();
    if m == "invalid decimal literal"
        || m == "invalid hexadecimal literal"
        || m == "invalid octal literal"
        || m == "invalid binary literal"
        || m == "invalid imaginary literal"
        || m.starts_with("unterminated string literal")
        || m.starts_with("unterminated triple-quoted string literal")
    {
        e.end_lineno = e.lineno;
        e.end_offset = e.offset;
    } else if m.starts_with("leading zeros in decimal integer literals") {
        e.end_lineno = e.lineno;
        e.end_offset = e.offset + 1;
    }
}

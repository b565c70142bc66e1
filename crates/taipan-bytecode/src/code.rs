//! Code objects: the compiler's output and the interpreter's input.
//!
//! A [`CodeObject`] mirrors CPython 3.11's `PyCodeObject`: instructions, constants, names,
//! the layout of the frame's local slots, an exception table (zero-cost `try`, PEP 654's
//! 3.11 layout) and a position for every instruction (PEP 657), used by tracebacks.
//!
//! Frame slot layout ("localsplus"): `varnames` (arguments first, in the order positional,
//! keyword-only, `*args`, `**kwargs`), then one slot per `cellvars` entry, then one per
//! `freevars` entry. `LOAD_DEREF i` addresses `cellvars ++ freevars`.

use std::fmt;
use std::rc::Rc;

use crate::opcode::Instruction;

/// A compile-time constant (`LOAD_CONST` operand).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// An int that does not fit in 64 bits.
    BigInt(dashu_int::IBig),
    /// A float.
    Float(f64),
    /// A complex literal's imaginary part (`2j` is `Complex(0.0, 2.0)`).
    Complex(f64, f64),
    /// A str.
    Str(Rc<str>),
    /// A bytes literal.
    Bytes(Rc<[u8]>),
    /// A tuple of constants (keyword-name tuples, folded constant tuples).
    Tuple(Rc<[Constant]>),
    /// A frozenset of constants, in source order (CPython folds a set display of three or
    /// more constants into one; the run-time layout follows CPython's construction).
    FrozenSet(Rc<[Constant]>),
    /// A nested code object (function, lambda, comprehension or class body).
    Code(Rc<CodeObject>),
    /// `...`.
    Ellipsis,
}

/// Source range of one instruction, as CPython's `co_positions()`: 1-based lines and
/// 0-based columns counted in UTF-8 bytes. `end_col` is exclusive. A value of 0 in `line`
/// means "no position" (the traceback shows no source line).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// First line (1-based).
    pub line: u32,
    /// Last line (1-based).
    pub end_line: u32,
    /// Start column (UTF-8 bytes, 0-based).
    pub col: u32,
    /// End column (UTF-8 bytes, exclusive).
    pub end_col: u32,
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..end` unwinds the operand stack to `depth` items, pushes the exception and
/// jumps to `target`. Rows are searched in order; the first match wins, so inner
/// handlers come first.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// Handler instruction index.
    pub target: u32,
    /// Operand stack depth to keep (items below the handler's pushes).
    pub depth: u32,
}

/// Code object flags, as CPython's `CO_*` bits.
pub mod flags {
    /// Locals live in fast slots (functions).
    pub const OPTIMIZED: u32 = 0x1;
    /// A new locals dict is used (module and class bodies have this clear and OPTIMIZED clear).
    pub const NEWLOCALS: u32 = 0x2;
    /// The function takes `*args`.
    pub const VARARGS: u32 = 0x4;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x8;
    /// The function is nested in another.
    pub const NESTED: u32 = 0x10;
    /// Calling it makes a generator.
    pub const GENERATOR: u32 = 0x20;
    /// A coroutine (`async def`; not supported yet).
    pub const COROUTINE: u32 = 0x80;
}

/// A compiled unit: module, function, lambda, comprehension or class body.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, class name...
    pub name: Rc<str>,
    /// `co_qualname` (PEP 3155), e.g. `Outer.method.<locals>.inner`.
    pub qualname: Rc<str>,
    /// The file name as given on the command line (tracebacks print it verbatim).
    pub filename: Rc<str>,
    /// Line of the `def`/`class` (or 1 for a module).
    pub first_line: u32,
    /// Number of positional parameters (including positional-only).
    pub arg_count: u32,
    /// Number of positional-only parameters.
    pub posonly_arg_count: u32,
    /// Number of keyword-only parameters.
    pub kwonly_arg_count: u32,
    /// `flags::*` bits.
    pub flags: u32,
    /// The instructions.
    pub instructions: Vec<Instruction>,
    /// One position per instruction (same length as `instructions`).
    pub positions: Vec<Position>,
    /// Constants referenced by `LOAD_CONST`.
    pub constants: Vec<Constant>,
    /// Names referenced by name, global and attribute instructions.
    pub names: Vec<Rc<str>>,
    /// Fast local names; parameters first.
    pub varnames: Vec<Rc<str>>,
    /// Names of cells created by this code (captured by inner functions).
    pub cellvars: Vec<Rc<str>>,
    /// Names of cells received through the closure.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar, the parameter index whose value initializes it, if it is a parameter.
    pub cell2arg: Vec<Option<u32>>,
    /// The exception table.
    pub exception_table: Vec<ExceptionTableEntry>,
    /// Maximum operand stack depth (items).
    pub max_stack: u32,
    /// The docstring of a function (its first statement, if a str literal); becomes `__doc__`.
    pub doc: Option<Rc<str>>,
}

impl CodeObject {
    /// Number of parameters including `*args` and `**kwargs` slots.
    pub fn total_arg_count(&self) -> usize {
        let mut n = (self.arg_count + self.kwonly_arg_count) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// True if calling this code makes a generator.
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    /// The handler for an exception raised at instruction `index`, if any.
    pub fn find_handler(&self, index: u32) -> Option<&ExceptionTableEntry> {
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }

    /// The line of instruction `index` (0 if it has none).
    pub fn line_at(&self, index: usize) -> u32 {
        self.positions.get(index).map_or(0, |p| p.line)
    }
}

impl fmt::Display for Constant {
    /// Python `repr` of the constant (for the disassembler).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => write!(f, "None"),
            Constant::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::BigInt(i) => write!(f, "{i}"),
            Constant::Float(x) => write!(f, "{x:?}"),
            Constant::Complex(re, im) => write!(f, "({re:?}+{im:?}j)"),
            Constant::Str(s) => write!(f, "{s:?}"),
            Constant::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Constant::Tuple(items) => {
                write!(f, "(")?;
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{c}")?;
                }
                if items.len() == 1 {
                    write!(f, ",")?;
                }
                write!(f, ")")
            }
            Constant::FrozenSet(items) => {
                write!(f, "frozenset({{")?;
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{c}")?;
                }
                write!(f, "}})")
            }
            Constant::Code(c) => write!(f, "<code object {}>", c.name),
            Constant::Ellipsis => write!(f, "Ellipsis"),
        }
    }
}

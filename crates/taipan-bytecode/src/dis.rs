//! Text disassembly of code objects, in the spirit of CPython's `dis` module.
//!
//! Format, one instruction per line: `line  index OPNAME  arg (meaning)`, nested code
//! objects printed after their parent, then the exception table. Specialized forms (which
//! only the interpreter's private instruction copy holds) print under their own name with
//! their base opcode's argument meaning.

use std::fmt::Write;

use crate::code::CodeObject;
use crate::opcode::{ArgKind, BinaryOperator, ComparisonOperator};

/// Disassembles `code` and every nested code object into a string.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_one(code, &mut out);
    out
}

fn dis_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} line {}>:",
        code.qualname, code.first_line
    );
    let mut last_line = 0;
    for (i, ins) in code.instructions.iter().enumerate() {
        let line = code.line_at(i);
        let line_col = if line != last_line && line != 0 {
            last_line = line;
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let meaning = arg_meaning(code, ins);
        let _ = writeln!(out, "{line_col} {i:>6} {:<22} {meaning}", ins.op.name()).map(|_| ());
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(out, "  {} to {} -> {} [{}]", e.start, e.end, e.target, e.depth);
        }
    }
    for c in &code.constants {
        if let crate::code::Constant::Code(inner) = c {
            out.push('\n');
            dis_one(inner, out);
        }
    }
}

/// The argument of `ins` (an instruction of `code`) as the disassembly prints it: the
/// number and, where it has one, its meaning (`3 (x)`, `to 12`, `0 (+)`); empty for an
/// instruction without an argument.
pub fn arg_meaning(code: &CodeObject, ins: &crate::opcode::Instruction) -> String {
    match ins.op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Count => format!("{}", ins.arg),
        ArgKind::Const => format!(
            "{} ({})",
            ins.arg,
            code.constants
                .get(ins.arg as usize)
                .map_or("?".into(), |c| c.to_string())
        ),
        ArgKind::Name => format!("{} ({})", ins.arg, name(&code.names, ins.arg as usize)),
        ArgKind::Local => format!("{} ({})", ins.arg, name(&code.varnames, ins.arg as usize)),
        ArgKind::Deref => {
            let i = ins.arg as usize;
            let n = if i < code.cellvars.len() {
                name(&code.cellvars, i)
            } else {
                name(&code.freevars, i - code.cellvars.len())
            };
            format!("{} ({})", ins.arg, n)
        }
        ArgKind::Jump => format!("to {}", ins.arg),
        ArgKind::BinOp => format!(
            "{} ({})",
            ins.arg,
            BinaryOperator::from_arg(ins.arg).map_or("?", |o| o.symbol())
        ),
        ArgKind::CmpOp => format!(
            "{} ({})",
            ins.arg,
            ComparisonOperator::from_arg(ins.arg).map_or("?", |o| o.symbol())
        ),
    }
}

/// One instruction as the disassembly prints it, without line and index: the opcode name
/// and [`arg_meaning`] (`LOAD_FAST 3 (x)`).
pub fn instruction_text(code: &CodeObject, ins: &crate::opcode::Instruction) -> String {
    let meaning = arg_meaning(code, ins);
    if meaning.is_empty() {
        ins.op.name().to_string()
    } else {
        format!("{} {meaning}", ins.op.name())
    }
}

fn name(names: &[std::rc::Rc<str>], i: usize) -> &str {
    names.get(i).map_or("?", |s| s)
}

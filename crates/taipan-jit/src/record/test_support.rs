//! Shared pieces of the recorder's unit tests (`tests.rs`, `list_tests.rs`,
//! `link_tests.rs`): a frame's locals and stack as the `Observe` trait reads them, a code
//! description and an instruction constructor.

use taipan_bytecode::{Instruction, Opcode};

use crate::record::{CodeInfo, ConstVal, Observed};

/// `Observe::local` over a hand-written list of locals (missing ones are unbound).
pub(super) fn local_of(locals: &[Observed], n: u32) -> Observed {
    locals.get(n as usize).copied().unwrap_or(Observed::Unbound)
}

/// `Observe::stack` over a hand-written stack, bottom first (missing entries read as
/// objects).
pub(super) fn stack_of(stack: &[Observed], depth: u32) -> Observed {
    let i = stack.len().checked_sub(depth as usize + 1);
    i.and_then(|i| stack.get(i)).copied().unwrap_or(Observed::Obj)
}

/// A code object `t` with `nlocals` locals and the constants `1` and `0.5`.
pub(super) fn code(nlocals: u32) -> CodeInfo {
    CodeInfo {
        name: "t".into(),
        nlocals,
        consts: vec![ConstVal::Int(1), ConstVal::Float(0.5)],
    }
}

/// One instruction.
pub(super) fn ins(op: Opcode, arg: u32) -> Instruction {
    Instruction::new(op, arg)
}

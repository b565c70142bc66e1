//! Common-subexpression elimination over the whole trace.
//!
//! A trace is one block in SSA form, so an earlier instruction dominates every later one and
//! hashing is enough (no value numbering across joins is needed; a value defined before the
//! `loop` is the same value in every iteration). Candidates are instructions with no memory
//! effect: pure ops, `call`s declared `pure`, and also:
//! - ops that can exit and define a value (`int_add_ov`, `int_floordiv`, ...): if an
//!   identical one ran before and did not exit, this one would not exit either and gives the
//!   same value;
//! - guards: a guard identical to an earlier one (same op, operands and immediate — the
//!   snapshot does not matter) always passes and is dropped;
//! - `call`s declared `reads`, with an identical one since the last instruction that may
//!   write memory (a `Writes` op, a `call` declared `writes`) or control flow (`loop`):
//!   nothing changed what they read. bm_richards' traces read attributes of the same
//!   object one after another, each behind its own `@attr_base` (the shape-checked
//!   attribute storage, ~18 machine instructions inline) — `reads`, not `pure`, because
//!   the trace makes Python calls.
//!
//! The key is (op, operands, immediate, result type), with the operands of commutative ops
//! sorted. Loads are not candidates (memory may change between them): see `forward`.
//! `phi`s are never merged (their back-edge operands are not final during the walk).

use hashbrown::HashMap;

use crate::ir::{CallEffect, Effect, Func, Imm, Insn, InsnId, Op, Type};
use crate::opt::rewrite::{Action, Rewriter, rewrite};

type Key = (Op, crate::ir::Args, Imm, Type);

fn candidate(insn: &Insn) -> bool {
    match insn.op.info().effect {
        Effect::Pure => !matches!(insn.op, Op::Phi | Op::Param),
        Effect::Call => matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Pure),
        _ => false,
    }
}

/// Whether `insn` is a `call` declared `reads`.
fn reading_call(insn: &Insn) -> bool {
    matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Reads) && insn.op == Op::Call
}

/// Whether `insn` may change what a `reads` call reads: it writes (`Writes` ops, `call`s
/// declared `writes`), or is control flow (at `loop`, memory is what the previous
/// iteration left).
fn clobbers(insn: &Insn) -> bool {
    match insn.op.info().effect {
        Effect::Writes | Effect::Control => true,
        Effect::Call => matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes),
        Effect::Pure | Effect::Reads => false,
    }
}

/// Runs CSE over `f`.
pub fn cse(f: &Func) -> Func {
    let mut seen: HashMap<Key, InsnId> = HashMap::new();
    // `reads` calls since the last instruction that clobbers memory
    let mut reads: HashMap<Key, InsnId> = HashMap::new();
    rewrite(f, |rw: &mut Rewriter<'_>, _old, insn| {
        if clobbers(insn) {
            reads.clear();
        }
        let table = if candidate(insn) {
            &mut seen
        } else if reading_call(insn) {
            &mut reads
        } else {
            return Action::Keep;
        };
        let mut args = insn.args.clone();
        if insn.op.is_commutative() {
            args.sort();
        }
        let key = (insn.op, args, insn.imm.clone(), insn.ty);
        match table.get(&key) {
            Some(_) if insn.ty == Type::Void => Action::Drop,
            Some(&prev) => Action::Replace(prev),
            None => {
                table.insert(key, rw.b.next_id());
                Action::Keep
            }
        }
    })
}

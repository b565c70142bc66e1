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
//!   snapshot does not matter) always passes and is dropped.
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

/// Runs CSE over `f`.
pub fn cse(f: &Func) -> Func {
    let mut seen: HashMap<Key, InsnId> = HashMap::new();
    rewrite(f, |rw: &mut Rewriter<'_>, _old, insn| {
        if !candidate(insn) {
            return Action::Keep;
        }
        let mut args = insn.args.clone();
        if insn.op.is_commutative() {
            args.sort();
        }
        let key = (insn.op, args, insn.imm.clone(), insn.ty);
        match seen.get(&key) {
            Some(_) if insn.ty == Type::Void => Action::Drop,
            Some(&prev) => Action::Replace(prev),
            None => {
                seen.insert(key, rw.b.next_id());
                Action::Keep
            }
        }
    })
}

//! Type propagation and guard elimination: a value's type (tag) is checked once.
//!
//! A forward walk keeps three kinds of facts, each true at the current point of the trace:
//! - *value tags*: a tag word value (an `i64`) known to equal a tag, learned from a
//!   `guard_tag` that passed or a constant;
//! - *slot tags*: slot `n` of base `b` known to hold a tag, learned from a `guard_tag` on a
//!   `load_tag b, n` or from a store (`store_int` writes `int`, ...);
//! - *conditions*: a `bool` known true or false after `guard_true` / `guard_false`.
//!
//! Uses: a `guard_tag` whose tag is known equal is dropped (known different: kept, it always
//! exits); a `load_tag` of a slot whose tag is known becomes a constant (so later folds see
//! the type); `guard_true c` / `guard_false c` with `c` known is dropped when it passes.
//!
//! Invalidation: a store to `(b, n)` replaces that slot's fact and forgets every fact about
//! other bases (they may alias `b`); a `call` declared `writes` forgets all slot facts; the
//! `loop` marker forgets the slot facts the loop body may invalidate ([`crate::opt::LoopWrites`]:
//! memory on the back edge comes from the loop body).
//! Value facts and conditions survive the loop marker: an SSA value defined before the loop
//! is the same in every iteration, and the guard that checked it ran before the loop.

use std::collections::HashMap;

use crate::ir::{CallEffect, Func, Imm, InsnId, Op, Tag};
use crate::opt::loop_writes;
use crate::opt::rewrite::{Action, Rewriter, rewrite};

#[derive(Default)]
struct Facts {
    val_tag: HashMap<InsnId, Tag>,
    slot_tag: HashMap<(InsnId, u32), Tag>,
    cond: HashMap<InsnId, bool>,
}

/// The (base, slot) a new `load_tag` instruction reads, if `t` is one.
fn tag_load(rw: &Rewriter<'_>, t: InsnId) -> Option<(InsnId, u32)> {
    let i = rw.insn(t)?;
    match (i.op, &i.imm, i.args.first()) {
        (Op::LoadTag, Imm::Slot(s), Some(&b)) => Some((b, *s)),
        _ => None,
    }
}

/// Runs type propagation and guard elimination over `f`.
pub fn guards(f: &Func) -> Func {
    let mut k = Facts::default();
    let writes = loop_writes(f);
    rewrite(f, |rw: &mut Rewriter<'_>, _old, insn| {
        let arg0 = insn.args.first().copied();
        match insn.op {
            Op::GuardTag => {
                let (Some(t), Imm::Tag(want)) = (arg0, &insn.imm) else {
                    return Action::Keep;
                };
                let slot = tag_load(rw, t);
                let known = k
                    .val_tag
                    .get(&t)
                    .copied()
                    .or_else(|| rw.new_func().const_int(t).and_then(Tag::from_word))
                    .or_else(|| slot.and_then(|s| k.slot_tag.get(&s).copied()));
                if known == Some(*want) {
                    return Action::Drop;
                }
                k.val_tag.insert(t, *want);
                if let Some(s) = slot {
                    k.slot_tag.insert(s, *want);
                }
                Action::Keep
            }
            Op::LoadTag => {
                if let (Some(b), Imm::Slot(s)) = (arg0, &insn.imm)
                    && let Some(&t) = k.slot_tag.get(&(b, *s))
                {
                    return Action::Replace(rw.b.const_i64(t.word()));
                }
                Action::Keep
            }
            Op::GuardTrue | Op::GuardFalse => {
                let Some(c) = arg0 else { return Action::Keep };
                let want = insn.op == Op::GuardTrue;
                if k.cond.get(&c) == Some(&want) {
                    return Action::Drop;
                }
                k.cond.insert(c, want);
                Action::Keep
            }
            Op::StoreInt | Op::StoreFloat | Op::StoreBool | Op::StoreNone => {
                if let (Some(b), Imm::Slot(s), Some(tag)) = (arg0, &insn.imm, insn.op.slot_tag()) {
                    k.slot_tag.retain(|&(base, _), _| base == b);
                    k.slot_tag.insert((b, *s), tag);
                }
                Action::Keep
            }
            Op::Call => {
                if matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes) {
                    k.slot_tag.clear();
                }
                Action::Keep
            }
            Op::Loop => {
                // Keep the slot facts the loop body cannot invalidate.
                let w = writes.renamed(|b| rw.map(b));
                k.slot_tag.retain(|&(b, s), _| w.preserves(b, s));
                Action::Keep
            }
            _ => Action::Keep,
        }
    })
}

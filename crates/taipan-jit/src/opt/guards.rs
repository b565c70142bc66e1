//! Type propagation and guard elimination: a value's type (tag) is checked once.
//!
//! A forward walk keeps three kinds of facts, each true at the current point of the trace:
//! - *value tags*: a tag word value (an `i64`) known to equal a tag, learned from a
//!   `guard_tag` that passed or a constant;
//! - *slot tags*: slot `n` of base `b` known to hold a tag, learned from a `guard_tag` on a
//!   `load_tag b, n` or from a store (`store_int` writes `int`, ...);
//! - *conditions*: a `bool` known true or false after `guard_true` / `guard_false`;
//! - *order*: from a passing guard on a strict integer comparison (`x < y`, or the negation
//!   of `x >= y`), `x` is below `i64::MAX` and `y` above `i64::MIN`.
//!
//! Uses: a `guard_tag` whose tag is known equal is dropped (known different: kept, it always
//! exits); a `load_tag` of a slot whose tag is known becomes a constant (so later folds see
//! the type); `guard_true c` / `guard_false c` with `c` known is dropped when it passes; an
//! `int_add_ov x, 1` with `x` below the maximum becomes a plain `int_add` (no exit), and
//! `int_sub_ov x, 1` with `x` above the minimum a plain `int_sub` — the overflow check of a
//! loop counter compared against a bound goes (LuaJIT narrows such counters likewise).
//!
//! Invalidation: a store to `(b, n)` replaces that slot's fact and forgets every fact about
//! other bases (they may alias `b`); a `call` declared `writes` forgets all slot facts; the
//! `loop` marker forgets the slot facts the loop body may invalidate (memory on the back edge
//! comes from the loop body; see [`crate::opt::memory`]).
//! Value facts and conditions survive the loop marker: an SSA value defined before the loop
//! is the same in every iteration, and the guard that checked it ran before the loop.

use std::collections::{HashMap, HashSet};

use crate::ir::{CallEffect, Func, Imm, Insn, InsnId, Op, Tag};
use crate::opt::loop_writes;
use crate::opt::rewrite::{Action, Rewriter, emit_new, rewrite};

#[derive(Default)]
struct Facts {
    val_tag: HashMap<InsnId, Tag>,
    slot_tag: HashMap<(InsnId, u32), Tag>,
    cond: HashMap<InsnId, bool>,
    /// Values known to be strictly less than some `i64` (so `x + 1` cannot overflow).
    below_max: HashSet<InsnId>,
    /// Values known to be strictly greater than some `i64` (so `x - 1` cannot overflow).
    above_min: HashSet<InsnId>,
}

impl Facts {
    /// Learns the integer order a passing `guard_true c` (`holds`) or `guard_false c`
    /// (`!holds`) implies, when `c` is an `int_lt`/`int_gt`/`int_le`/`int_ge`.
    fn learn_order(&mut self, cmp: &Insn, holds: bool) {
        let [a, b] = cmp.args[..] else { return };
        // Normalize to "lo < hi" when the comparison (or its negation) is strict.
        let strict = match (cmp.op, holds) {
            (Op::IntLt, true) | (Op::IntGe, false) => Some((a, b)),
            (Op::IntGt, true) | (Op::IntLe, false) => Some((b, a)),
            _ => None,
        };
        if let Some((lo, hi)) = strict {
            self.below_max.insert(lo);
            self.above_min.insert(hi);
        }
    }
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
                if let Some(cmp) = rw.insn(c).cloned() {
                    k.learn_order(&cmp, want);
                }
                Action::Keep
            }
            Op::IntAddOv | Op::IntSubOv => {
                // x + 1 with x < y, x - 1 with x > y: the overflow check cannot fire.
                let (known, plain) = if insn.op == Op::IntAddOv {
                    (&k.below_max, Op::IntAdd)
                } else {
                    (&k.above_min, Op::IntSub)
                };
                let one = |v: InsnId| rw.new_func().const_int(v) == Some(1);
                let safe = match insn.args[..] {
                    [x, c] if one(c) && known.contains(&x) => true,
                    [c, x] if plain == Op::IntAdd && one(c) && known.contains(&x) => true,
                    _ => false,
                };
                if safe {
                    let mut i = insn.clone();
                    i.op = plain;
                    i.snap = None;
                    return Action::Replace(emit_new(rw, i));
                }
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
                k.slot_tag.retain(|&(b, s), t| w.preserves_tag(b, s, *t));
                Action::Keep
            }
            _ => Action::Keep,
        }
    })
}

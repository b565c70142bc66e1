//! Type propagation and guard elimination: a value's type (tag) is checked once.
//!
//! A forward walk keeps three kinds of facts, each true at the current point of the trace:
//! - *value tags*: a tag word value (an `i64`) known to equal a tag, learned from a
//!   `guard_tag` that passed or a constant;
//! - *slot tags*: slot `n` of base `b` known to hold a tag, learned from a `guard_tag` on a
//!   `load_tag b, n` or from a store (`store_int` writes `int`, ...);
//! - *element tags*: element `i` of the items at `b` (a list's or tuple's, `load_tag_at b,
//!   i`) known to hold a tag, learned the same way from `guard_tag` and element stores;
//!   any element store forgets the others (two pairs may name one element), as do calls
//!   declared `writes` and the `loop` marker;
//! - *conditions*: a `bool` known true or false after `guard_true` / `guard_false`;
//! - *order*: from a passing guard on a strict integer comparison (`x < y`, or the negation
//!   of `x >= y`), `x` is below `i64::MAX` and `y` above `i64::MIN`;
//! - *non-negative ints*: from `guard_true x >= c` (`x > c`) with a constant `c >= 0`
//!   (`c >= -1`), constants, sums of non-negative values (`int_add`, which does not wrap by
//!   the IR's contract, or an `int_add_ov` that did not exit), and a `phi` whose entry is
//!   non-negative and whose back-edge value is the phi plus a non-negative constant (a
//!   counting-up index; its back edge is seen in the old trace, where it is still a
//!   forward reference).
//!
//! Uses: a `guard_tag` whose tag is known equal is dropped (known different: kept, it always
//! exits); a `load_tag` of a slot (`load_tag_at` of an element) whose tag is known becomes
//! a constant (so later folds see the type: `a[i] = a[i] + x` checks the element's type once,
//! not again for the store's "holds no object" guard); `guard_true c` / `guard_false c` with `c` known is dropped when it passes; an
//! `int_add_ov x, 1` with `x` below the maximum becomes a plain `int_add` (no exit), and
//! `int_sub_ov x, 1` with `x` above the minimum a plain `int_sub` — the overflow check of a
//! loop counter compared against a bound goes (LuaJIT narrows such counters likewise); a
//! `guard_true x >= c` with `c <= 0` on a non-negative `x` is dropped (a list subscript's
//! `i >= 0` on a `for i in range(n)` index, in the loop after peeling); an int/float element
//! store over an element known to hold that type writes the payload only
//! (`store_int_keep_at`, `store_float_keep_at`: `row_c[j] += ...` stores no tag word).
//!
//! Invalidation: a store to `(b, n)` replaces that slot's fact and forgets every fact about
//! other bases (they may alias `b`); a `call` declared `writes` forgets all slot facts; the
//! `loop` marker forgets the slot facts the loop body may invalidate (memory on the back edge
//! comes from the loop body; see [`crate::opt::memory`]).
//! Value facts and conditions survive the loop marker: an SSA value defined before the loop
//! is the same in every iteration, and the guard that checked it ran before the loop.

use hashbrown::{HashMap, HashSet};

use crate::ir::{CallEffect, Func, Imm, Insn, InsnId, Op, Tag};
use crate::opt::loop_writes;
use crate::opt::rewrite::{Action, Rewriter, emit_new, rewrite};

#[derive(Default)]
struct Facts {
    val_tag: HashMap<InsnId, Tag>,
    slot_tag: HashMap<(InsnId, u32), Tag>,
    /// Element `i` of the items at `base` known to hold a tag: `(base, i)`.
    item_tag: HashMap<(InsnId, InsnId), Tag>,
    cond: HashMap<InsnId, bool>,
    /// Values known to be strictly less than some `i64` (so `x + 1` cannot overflow).
    below_max: HashSet<InsnId>,
    /// Values known to be strictly greater than some `i64` (so `x - 1` cannot overflow).
    above_min: HashSet<InsnId>,
    /// `i64` values known to be `>= 0`.
    nonneg: HashSet<InsnId>,
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

/// Whether new value `v` is known `>= 0`: a fact, a constant, or an `int_add` of such
/// values (looked through a few levels: a sum computed before the guard that proved its
/// operand non-negative is still non-negative after it).
fn nonneg(k: &Facts, rw: &Rewriter<'_>, v: InsnId) -> bool {
    nonneg_depth(k, rw, v, 3)
}

fn nonneg_depth(k: &Facts, rw: &Rewriter<'_>, v: InsnId, depth: u32) -> bool {
    if k.nonneg.contains(&v) || rw.new_func().const_int(v).is_some_and(|c| c >= 0) {
        return true;
    }
    match rw.insn(v) {
        Some(i) if depth > 0 && i.op == Op::IntAdd => i.args.iter().all(|&a| nonneg_depth(k, rw, a, depth - 1)),
        _ => false,
    }
}

/// `x >= c` or `x > c` (`cmp`, new ids) with `c` a constant, as `(x, b)`: `x >= b`.
fn lower_bound(rw: &Rewriter<'_>, cmp: &Insn) -> Option<(InsnId, i64)> {
    let [x, c] = cmp.args[..] else { return None };
    let c = rw.new_func().const_int(c)?;
    match cmp.op {
        Op::IntGe => Some((x, c)),
        Op::IntGt => Some((x, c.checked_add(1)?)),
        _ => None,
    }
}

/// Whether the `phi` being visited (entry operand `entry`, a new id; back-edge operand
/// `back`, an old id; `old` its own old id) never goes below 0: its entry is `>= 0` and its
/// back-edge value is itself plus a constant `>= 0` (`int_add`, which by the IR's contract
/// does not wrap, or `int_add_ov`, which exits instead) — an index counting up.
fn nonneg_phi(k: &Facts, rw: &Rewriter<'_>, old: InsnId, entry: InsnId, back: InsnId) -> bool {
    let Some(b) = rw.old.insns.get(back.index()) else {
        return false;
    };
    if !matches!(b.op, Op::IntAdd | Op::IntAddOv) || !nonneg(k, rw, entry) {
        return false;
    }
    match b.args[..] {
        [x, c] | [c, x] if x == old => rw.old.const_int(c).is_some_and(|c| c >= 0),
        _ => false,
    }
}

/// The (items, index) a new `load_tag_at` instruction reads, if `t` is one.
fn item_load(rw: &Rewriter<'_>, t: InsnId) -> Option<(InsnId, InsnId)> {
    let i = rw.insn(t)?;
    match (i.op, &i.args[..]) {
        (Op::LoadTagAt, &[b, x]) => Some((b, x)),
        _ => None,
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
    rewrite(f, |rw: &mut Rewriter<'_>, old, insn| {
        let arg0 = insn.args.first().copied();
        match insn.op {
            Op::GuardTag => {
                let (Some(t), Imm::Tag(want)) = (arg0, &insn.imm) else {
                    return Action::Keep;
                };
                let slot = tag_load(rw, t);
                let item = item_load(rw, t);
                let known = k
                    .val_tag
                    .get(&t)
                    .copied()
                    .or_else(|| rw.new_func().const_int(t).and_then(Tag::from_word))
                    .or_else(|| slot.and_then(|s| k.slot_tag.get(&s).copied()))
                    .or_else(|| item.and_then(|e| k.item_tag.get(&e).copied()));
                if known == Some(*want) {
                    return Action::Drop;
                }
                k.val_tag.insert(t, *want);
                if let Some(s) = slot {
                    k.slot_tag.insert(s, *want);
                }
                if let Some(e) = item {
                    k.item_tag.insert(e, *want);
                }
                Action::Keep
            }
            Op::LoadTagAt => {
                if let [b, x] = insn.args[..]
                    && let Some(&t) = k.item_tag.get(&(b, x))
                {
                    return Action::Replace(rw.b.const_i64(t.word()));
                }
                Action::Keep
            }
            Op::StoreIntAt
            | Op::StoreFloatAt
            | Op::StoreBoolAt
            | Op::StoreNoneAt
            | Op::StoreIntKeepAt
            | Op::StoreFloatKeepAt => {
                // an int/float store over an element known to hold that type already
                // writes the payload only
                let keep = match (insn.op, &insn.args[..]) {
                    (Op::StoreIntAt, [b, x, _]) if k.item_tag.get(&(*b, *x)) == Some(&Tag::Int) => {
                        Some(Op::StoreIntKeepAt)
                    }
                    (Op::StoreFloatAt, [b, x, _]) if k.item_tag.get(&(*b, *x)) == Some(&Tag::Float) => {
                        Some(Op::StoreFloatKeepAt)
                    }
                    _ => None,
                };
                // another (items, index) pair may name the same element: forget them all
                k.item_tag.clear();
                if let ([b, x, ..], Some(tag)) = (&insn.args[..], insn.op.item_tag()) {
                    k.item_tag.insert((*b, *x), tag);
                }
                match keep {
                    Some(op) => Action::Replace(emit_new(rw, Insn { op, ..insn.clone() })),
                    None => Action::Keep,
                }
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
                let cmp = rw.insn(c).cloned();
                if let Some((x, b)) = cmp.as_ref().filter(|_| want).and_then(|i| lower_bound(rw, i)) {
                    if b <= 0 && nonneg(&k, rw, x) {
                        return Action::Drop; // `x >= b` holds: x >= 0
                    }
                    if b >= 0 {
                        k.nonneg.insert(x);
                    }
                }
                k.cond.insert(c, want);
                if let Some(cmp) = cmp {
                    k.learn_order(&cmp, want);
                }
                Action::Keep
            }
            Op::IntAdd => {
                if insn.args.iter().all(|&a| nonneg(&k, rw, a)) {
                    k.nonneg.insert(rw.b.next_id());
                }
                Action::Keep
            }
            Op::Phi => {
                if let [entry, back] = insn.args[..]
                    && nonneg_phi(&k, rw, old, entry, back)
                {
                    k.nonneg.insert(rw.b.next_id());
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
                // a sum of two values >= 0 that did not overflow is >= 0
                let sum_nonneg = insn.op == Op::IntAddOv && insn.args.iter().all(|&a| nonneg(&k, rw, a));
                if safe {
                    let mut i = insn.clone();
                    i.op = plain;
                    i.snap = None;
                    let id = emit_new(rw, i);
                    if sum_nonneg {
                        k.nonneg.insert(id);
                    }
                    return Action::Replace(id);
                }
                if sum_nonneg {
                    k.nonneg.insert(rw.b.next_id());
                }
                Action::Keep
            }
            Op::StoreInt | Op::StoreFloat | Op::StoreBool | Op::StoreNone | Op::StorePtr => {
                if let (Some(b), Imm::Slot(s), Some(tag)) = (arg0, &insn.imm, insn.op.slot_tag()) {
                    k.slot_tag.retain(|&(base, _), _| base == b);
                    k.slot_tag.insert((b, *s), tag);
                }
                Action::Keep
            }
            Op::Call => {
                if matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes) {
                    k.slot_tag.clear();
                    k.item_tag.clear();
                }
                Action::Keep
            }
            Op::Loop => {
                // Keep the slot facts the loop body cannot invalidate; element facts go
                // (the body may store elements; not analyzed).
                let w = writes.renamed(|b| rw.map(b));
                k.slot_tag.retain(|&(b, s), t| w.preserves_tag(b, s, *t));
                k.item_tag.clear();
                Action::Keep
            }
            _ => Action::Keep,
        }
    })
}

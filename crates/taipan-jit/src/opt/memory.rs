//! What a trace's loop body may write: the analysis that decides which memory facts the
//! `forward` and `guards` passes may carry across the `loop` marker.
//!
//! Those passes walk the trace once, forward. At the `loop` marker they hold facts about
//! memory established before the loop; on the back edge, memory is what the loop body left.
//! A fact about slot `(b, n)` therefore survives the marker if the body never writes that
//! slot — or, for a *tag* fact, if the body's last store to that slot writes the same tag
//! (the trace is linear, so every iteration that reaches the `jump` executed that store).
//! Aliasing is handled conservatively: stores through two different base values, or any
//! `call` declared `writes`, make the body write "anything".

use crate::ir::{CallEffect, Effect, Func, Imm, InsnId, Op, Tag};

/// What the loop body (from the `loop` marker to the end) may write.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum LoopWrites {
    /// No store and no writing call.
    Nothing,
    /// Stores only, all through one base value, and no writing call.
    Slots {
        /// The one base the body stores through (an id of the analyzed function, or of a
        /// rewrite after [`LoopWrites::renamed`]).
        base: InsnId,
        /// Each slot stored to, with the tag of the last store to it.
        slots: Vec<(u32, Tag)>,
    },
    /// Stores through several bases, or a call declared `writes`.
    Anything,
}

impl LoopWrites {
    /// The same with the base renamed (from the analyzed function's ids to a rewrite's).
    pub fn renamed(&self, map: impl Fn(InsnId) -> InsnId) -> LoopWrites {
        match self {
            LoopWrites::Slots { base, slots } => LoopWrites::Slots {
                base: map(*base),
                slots: slots.clone(),
            },
            w => w.clone(),
        }
    }

    /// Whether slot `slot` of `base` keeps its whole content across the loop body.
    pub fn preserves(&self, base: InsnId, slot: u32) -> bool {
        match self {
            LoopWrites::Nothing => true,
            LoopWrites::Slots { base: b, slots } => *b == base && !slots.iter().any(|&(s, _)| s == slot),
            LoopWrites::Anything => false,
        }
    }

    /// Whether slot `slot` of `base`, holding tag `tag` before the loop, holds it again
    /// on every back edge.
    pub fn preserves_tag(&self, base: InsnId, slot: u32, tag: Tag) -> bool {
        match self {
            LoopWrites::Nothing => true,
            LoopWrites::Slots { base: b, slots } => *b == base && slots.iter().all(|&(s, t)| s != slot || t == tag),
            LoopWrites::Anything => false,
        }
    }
}

/// Scans the loop body of `f` ([`LoopWrites::Nothing`] if `f` has no loop).
pub fn loop_writes(f: &Func) -> LoopWrites {
    let Some(lp) = f.loop_pos() else {
        return LoopWrites::Nothing;
    };
    let mut out = LoopWrites::Nothing;
    for insn in f.insns.iter().skip(lp) {
        if insn.op == Op::Call && matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes) {
            return LoopWrites::Anything;
        }
        let (Some(tag), Imm::Slot(slot), Some(&b)) = (insn.op.slot_tag(), &insn.imm, insn.args.first()) else {
            continue;
        };
        if insn.op.info().effect != Effect::Writes {
            continue;
        }
        out = match out {
            LoopWrites::Nothing => LoopWrites::Slots {
                base: b,
                slots: vec![(*slot, tag)],
            },
            LoopWrites::Slots { base, mut slots } if base == b => {
                slots.retain(|&(s, _)| s != *slot);
                slots.push((*slot, tag));
                LoopWrites::Slots { base, slots }
            }
            _ => return LoopWrites::Anything,
        };
    }
    out
}

/// The last store of the loop body to each slot, when the body stores through one base
/// only and has no writing call ([`LoopWrites::Slots`]): `(slot, store op, stored value)`
/// for the stores that write a value (`store_none` is left out), in slot order. On every
/// back edge, that slot holds exactly that value.
pub fn last_stores(f: &Func) -> Vec<(u32, Op, InsnId)> {
    let (Some(lp), LoopWrites::Slots { .. }) = (f.loop_pos(), loop_writes(f)) else {
        return Vec::new();
    };
    let mut out: Vec<(u32, Op, InsnId)> = Vec::new();
    for insn in f.insns.iter().skip(lp) {
        if insn.op.info().effect != Effect::Writes {
            continue;
        }
        let Imm::Slot(slot) = insn.imm else { continue };
        out.retain(|&(s, _, _)| s != slot);
        if let Some(&v) = insn.args.get(1) {
            out.push((slot, insn.op, v));
        }
    }
    out.sort_by_key(|&(s, _, _)| s);
    out
}

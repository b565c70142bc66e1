//! Load/store forwarding for frame slots.
//!
//! A forward walk keeps, for each (base, slot, field) — field being the tag word or the
//! payload read as int, float, bool or pointer — the SSA value known to be in memory there:
//! - a load whose field is known is replaced by the known value; otherwise it is kept and
//!   its result becomes the known value (so a second load of the same field is removed);
//! - a store `store_int b, n, v` makes the slot's tag `int` (a constant, emitted when first
//!   needed) and its int payload `v`, forgets its other payload views, and forgets every
//!   field of every other base (a different base value may still be the same address);
//! - a `call` declared `writes` forgets everything; the `loop` marker forgets what the loop
//!   body may overwrite (see [`crate::opt::memory`]: on the back edge memory comes from the
//!   loop body, and this walk is not iterative).
//!
//! Loop-carried slots: when the loop body stores through one base only (no writing call),
//! a slot whose payload is known before the loop and which the body stores gets a new
//! `phi known, last-stored-value` after the `loop` marker, and loads in the loop before the
//! body's store read the phi — the slot's value travels in a register from one iteration to
//! the next (stores stay: memory is still up to date at every exit).
//!
//! Elements (`load_{int,float,bool,ptr}_at items, i`, session 20; tag loads are the guard
//! pass's, see [`load_at_field`]): a second load of the same field at the same (base,
//! index) *values* is the first one's value, until anything may write memory — an
//! element store (`store_*_at`, whatever its base and index: two values may be the same
//! address), a slot store, a `writes` call or the `loop` marker forget every known element.
//! (nbody's `bodies[j][0]`, `bodies[j][1]`, `bodies[j][2]` loaded `bodies[j]` three times,
//! and its length and items pointer with it.) Stores are not forwarded to element loads.
//!
//! Guards and exits neither read nor write memory as far as this pass is concerned: a
//! snapshot only names SSA values. Dead-store elimination is not done (every exit reads
//! the frame, so it needs exit-aware liveness of slots).

use hashbrown::HashMap;

use crate::ir::{CallEffect, Func, Imm, InsnId, Op, Tag};
use crate::opt::memory::{LoopWrites, last_stores, loop_writes};
use crate::opt::rewrite::{Action, Rewriter, emit_new, rewrite};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Field {
    Tag,
    Int,
    Float,
    Bool,
    Ptr,
}

#[derive(Clone, Copy, Debug)]
enum Known {
    Value(InsnId),
    TagConst(Tag),
}

fn load_field(op: Op) -> Option<Field> {
    Some(match op {
        Op::LoadTag => Field::Tag,
        Op::LoadInt => Field::Int,
        Op::LoadFloat => Field::Float,
        Op::LoadBool => Field::Bool,
        Op::LoadPtr => Field::Ptr,
        _ => return None,
    })
}

fn store_field(op: Op) -> Option<Option<Field>> {
    Some(match op {
        Op::StoreInt => Some(Field::Int),
        Op::StoreFloat => Some(Field::Float),
        Op::StoreBool => Some(Field::Bool),
        Op::StoreNone => None,
        Op::StorePtr => Some(Field::Ptr),
        _ => return None,
    })
}

/// The payload field an element load (`load_*_at base, index`) reads. Not `load_tag_at`:
/// the guard pass turns a repeated tag load of a checked element into its constant, which
/// folds the "holds no object" check of a later store over it (`a[i] = a[i] + x`); a
/// forwarded tag value would keep that check (measured: nbody's trace grew by 12 guards).
fn load_at_field(op: Op) -> Option<Field> {
    Some(match op {
        Op::LoadIntAt => Field::Int,
        Op::LoadFloatAt => Field::Float,
        Op::LoadBoolAt => Field::Bool,
        Op::LoadPtrAt => Field::Ptr,
        _ => return None,
    })
}

/// Runs load/store forwarding over `f`.
pub fn forward(f: &Func) -> Func {
    let mut mem: HashMap<(InsnId, u32, Field), Known> = HashMap::new();
    // known elements: (base, index, field) -> the value loaded there
    let mut elems: HashMap<(InsnId, InsnId, Field), InsnId> = HashMap::new();
    let writes = loop_writes(f);
    let carried = last_stores(f);
    rewrite(f, |rw: &mut Rewriter<'_>, _old, insn| {
        let (base, slot) = match (insn.args.first(), &insn.imm) {
            (Some(&b), Imm::Slot(s)) => (b, *s),
            _ => {
                if let (Some(field), [base, index]) = (load_at_field(insn.op), insn.args.as_slice()) {
                    return match elems.get(&(*base, *index, field)) {
                        Some(&v) => Action::Replace(v),
                        None => {
                            elems.insert((*base, *index, field), rw.b.next_id());
                            Action::Keep
                        }
                    };
                }
                if insn.op.info().effect == crate::ir::Effect::Writes {
                    elems.clear();
                }
                match insn.op {
                    Op::Loop => {
                        elems.clear();
                        let w = writes.renamed(|b| rw.map(b));
                        let before = mem.clone();
                        mem.retain(|&(b, s, _), k| match k {
                            Known::TagConst(t) => w.preserves_tag(b, s, *t),
                            Known::Value(_) => w.preserves(b, s),
                        });
                        // Loop-carried slots: known before the loop, stored by the body.
                        let LoopWrites::Slots { base, .. } = w else {
                            return Action::Keep;
                        };
                        let marker = emit_new(rw, insn.clone());
                        for &(slot, op, back) in &carried {
                            let Some(field) = store_field(op).flatten() else {
                                continue;
                            };
                            if let Some(Known::Value(entry)) = before.get(&(base, slot, field)) {
                                let phi = rw.phi(*entry, back);
                                mem.insert((base, slot, field), Known::Value(phi));
                            }
                        }
                        return Action::Replace(marker);
                    }
                    Op::Call if matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes) => {
                        mem.clear();
                        elems.clear();
                    }
                    _ => {}
                }
                return Action::Keep;
            }
        };
        if let Some(field) = load_field(insn.op) {
            return match mem.get(&(base, slot, field)).copied() {
                Some(Known::Value(v)) => Action::Replace(v),
                Some(Known::TagConst(t)) => {
                    let c = rw.b.const_i64(t.word());
                    mem.insert((base, slot, field), Known::Value(c));
                    Action::Replace(c)
                }
                None => {
                    mem.insert((base, slot, field), Known::Value(rw.b.next_id()));
                    Action::Keep
                }
            };
        }
        if insn.op.info().effect == crate::ir::Effect::Writes {
            elems.clear();
        }
        if let (Some(field), Some(tag)) = (store_field(insn.op), insn.op.slot_tag()) {
            mem.retain(|&(b, s, _), _| b == base && s != slot);
            mem.insert((base, slot, Field::Tag), Known::TagConst(tag));
            if let (Some(field), Some(&v)) = (field, insn.args.get(1)) {
                mem.insert((base, slot, field), Known::Value(v));
            }
        }
        Action::Keep
    })
}

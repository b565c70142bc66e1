//! Running compiled loop traces on interpreter frames: the recorder's view of a frame
//! ([`FrameObs`]), the entry buffer, the call into machine code and the deoptimizer that
//! writes an exit's snapshot back into the frame.
//!
//! # Entry buffer (`docs/jit.md`, "Frame model" and "Entry stack")
//! `nlocals + 3*d` slots of two words (tag, payload), where `d` is the operand stack depth
//! at the loop header: local `n` is slot `n` (None → tag 0, bool → 1 and 0/1, int → 2 and
//! the two's-complement bits, float → 3 and the IEEE bits, any object → 4 with payload 0,
//! unbound → 5); stack entry `i < d` is slot `nlocals + i` (a range iterator: tag int and
//! its `next`; anything else: tag object), and slots `nlocals + d + 2i`, `+ 1` are that
//! iterator's `stop` and `step` (tag int; tag object when it is not a range iterator). The
//! buffer is built in safe code from the frame and is the only memory the trace reads.
//!
//! # Deoptimization
//! An exit returns its snapshot's values (one word per entry, boxed by the IR type of the
//! entry's value: `i64` → int, `f64` → float, `bool` → bool; a `none` entry is `None`).
//! Slot `n < nlocals` is stored into local `n`; slot `nlocals + i` with `i < d` is the new
//! `next` of range iterator `i` (the frame still holds the `d` entries: the trace never
//! pops them); slots from `nlocals + d` on are pushed in slot order. The interpreter then
//! continues at the snapshot's `pc`. The compile step (`snapshots_restorable`) guaranteed
//! these shapes, so a mismatch here is only skipped, never a panic.

use std::rc::Rc;

use taipan_jit::backend::TraceOutcome;
use taipan_jit::ir::{SnapVal, Type};
use taipan_jit::record::{Observe, Observed};

use super::{MAX_ENTRY_FAILS, Trace};
use crate::interp::Frame;
use crate::object::{IterState, ObjKind};
use crate::value::Value;
use crate::vm::Vm;

/// The tag words of the frame model (`taipan_jit::ir::Tag` plus 5 = unbound).
const TAG_NONE: u64 = 0;
const TAG_BOOL: u64 = 1;
const TAG_INT: u64 = 2;
const TAG_FLOAT: u64 = 3;
const TAG_OBJ: u64 = 4;
const TAG_UNBOUND: u64 = 5;

/// What the recorder observes of a frame before an instruction executes.
pub(crate) struct FrameObs<'a> {
    locals: &'a [Option<Value>],
    stack: &'a [Value],
}

impl<'a> FrameObs<'a> {
    /// The view of `f`.
    pub(crate) fn new(f: &'a Frame) -> FrameObs<'a> {
        FrameObs {
            locals: &f.locals,
            stack: &f.stack,
        }
    }
}

/// A value as the recorder sees it (range iterators with their state).
fn observe(v: &Value) -> Observed {
    match v {
        Value::None => Observed::None,
        Value::Bool(b) => Observed::Bool(*b),
        Value::Int(i) => Observed::Int(*i),
        Value::Float(x) => Observed::Float(*x),
        Value::Obj(o) => match &o.kind {
            ObjKind::Iter(cell) => match cell.try_borrow().as_deref() {
                Ok(IterState::Range { next, stop, step }) if *step != 0 => Observed::RangeIter {
                    next: *next,
                    stop: *stop,
                    step: *step,
                },
                _ => Observed::Obj,
            },
            _ => Observed::Obj,
        },
    }
}

impl Observe for FrameObs<'_> {
    fn local(&self, n: u32) -> Observed {
        match self.locals.get(n as usize) {
            Some(Some(v)) => match observe(v) {
                // a local holding an iterator is just an object to the recorder
                Observed::RangeIter { .. } => Observed::Obj,
                o => o,
            },
            _ => Observed::Unbound,
        }
    }

    fn stack(&self, depth: u32) -> Observed {
        self.stack
            .len()
            .checked_sub(depth as usize + 1)
            .and_then(|i| self.stack.get(i))
            .map_or(Observed::Obj, observe)
    }

    fn stack_len(&self) -> u32 {
        u32::try_from(self.stack.len()).unwrap_or(u32::MAX)
    }
}

/// The two words of a local (see the module docs).
fn slot_words(v: Option<&Value>) -> [u64; 2] {
    match v {
        None => [TAG_UNBOUND, 0],
        Some(Value::None) => [TAG_NONE, 0],
        Some(Value::Bool(b)) => [TAG_BOOL, u64::from(*b)],
        Some(Value::Int(i)) => [TAG_INT, *i as u64],
        Some(Value::Float(x)) => [TAG_FLOAT, x.to_bits()],
        Some(Value::Obj(_)) => [TAG_OBJ, 0],
    }
}

/// Writes the entry buffer of `f` into `buf`: exactly `nlocals` local slots (the numbering
/// the trace was recorded with; a missing local reads as unbound), then the whole operand
/// stack as the entry stack.
fn fill_entry_buffer(buf: &mut Vec<u64>, f: &Frame, nlocals: usize) {
    buf.clear();
    for k in 0..nlocals {
        buf.extend_from_slice(&slot_words(f.locals.get(k).and_then(Option::as_ref)));
    }
    let mut bounds = Vec::with_capacity(4 * f.stack.len());
    for v in &f.stack {
        match observe(v) {
            Observed::RangeIter { next, stop, step } => {
                buf.extend_from_slice(&[TAG_INT, next as u64]);
                bounds.extend_from_slice(&[TAG_INT, stop as u64, TAG_INT, step as u64]);
            }
            _ => {
                buf.extend_from_slice(&[TAG_OBJ, 0]);
                bounds.extend_from_slice(&[TAG_OBJ, 0, TAG_OBJ, 0]);
            }
        }
    }
    buf.extend_from_slice(&bounds);
}

/// Stores `next` into the range iterator `v` (anything else is left alone).
fn set_range_next(v: &Value, new_next: i64) {
    if let Value::Obj(o) = v
        && let ObjKind::Iter(cell) = &o.kind
        && let Ok(mut st) = cell.try_borrow_mut()
        && let IterState::Range { next, .. } = &mut *st
    {
        *next = new_next;
    }
}

impl Vm {
    /// Runs trace `t` on frame `f` (at the loop header, with the trace's entry stack depth)
    /// and writes the exit's snapshot back. Returns the index to resume at and whether the
    /// trace should be dropped (its entry guards keep failing, or the run failed: then
    /// nothing was changed and the interpreter resumes at the header).
    pub(crate) fn jit_enter(&mut self, f: &mut Frame, t: &Rc<Trace>) -> (usize, bool) {
        let header = t.header as usize;
        let nlocals = f.code.nlocalsplus;
        let mut buf = std::mem::take(&mut self.jit.buf);
        fill_entry_buffer(&mut buf, f, nlocals);
        let args = [buf.as_ptr() as u64];
        self.jit.counters.entries += 1;
        // SAFETY: `t.compiled` was compiled by this Vm's `TraceSet`, which is never flushed
        // or dropped before the Vm (the code is live, the `CompiledTrace` clone keeps its
        // exit data alive). Its one parameter is a pointer to the entry buffer; the trace
        // only reads slots below `nlocalsplus + 3 * depth` (locals the recorder loaded, the
        // range iterators' virtual slots), and `buf` holds exactly that many 16-byte slots
        // (`fill_entry_buffer`: `nlocalsplus` locals, then 3 per stack entry, and the stack
        // depth equals the trace's `depth`, checked by the caller). The
        // trace calls no helpers (compiled with an empty helper table).
        let outcome = unsafe { t.compiled.run(&args) };
        self.jit.buf = buf;
        let (exit, values) = match outcome {
            Ok(TraceOutcome::Exit { exit, values }) => (exit, values),
            // a loop trace never returns; a run error changed nothing
            Ok(TraceOutcome::Ret(_)) | Err(_) => return (header, true),
        };
        self.jit.counters.exits += 1;
        let Some(snap) = t
            .compiled
            .exits
            .get(exit.index())
            .and_then(|x| t.func.snaps.get(x.snap.index()))
        else {
            return (header, true);
        };
        let pc = snap.pc as usize;
        if pc == header && snap.entries.is_empty() {
            self.jit.counters.entry_fails += 1;
            let n = t.entry_fails.get().saturating_add(1);
            t.entry_fails.set(n);
            if n >= MAX_ENTRY_FAILS {
                return (header, true);
            }
            return (header, false);
        }
        t.entry_fails.set(0);
        let depth = t.depth;
        f.stack.truncate(depth);
        for (e, &w) in snap.entries.iter().zip(values.iter()) {
            let v = match e.val {
                SnapVal::None => Value::None,
                SnapVal::Value(id) => match t.func.ty(id) {
                    Type::I64 => Value::Int(w as i64),
                    Type::F64 => Value::Float(f64::from_bits(w)),
                    Type::Bool => Value::Bool(w != 0),
                    // excluded when the trace was compiled
                    Type::Ptr | Type::Void => continue,
                },
            };
            self.jit.counters.restored += 1;
            let slot = e.slot as usize;
            if slot < nlocals {
                if let Some(l) = f.locals.get_mut(slot) {
                    *l = Some(v);
                }
            } else if slot - nlocals < depth {
                if let (Some(it), Value::Int(k)) = (f.stack.get(slot - nlocals), &v) {
                    set_range_next(it, *k);
                }
            } else {
                f.stack.push(v);
            }
        }
        (pc, false)
    }
}

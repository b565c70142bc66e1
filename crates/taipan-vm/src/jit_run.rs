//! Running compiled loop traces on interpreter frames: the recorder's view of a frame
//! ([`FrameObs`]), the entry buffer, the call into machine code and the deoptimizer that
//! writes an exit's snapshot back into the frame.
//!
//! # Entry buffer (`docs/jit.md`, "Frame model" and "Entry stack")
//! `nlocals + 3*d` slots of two words (tag, payload), where `d` is the operand stack depth
//! at the loop header: local `n` is slot `n` (None → tag 0, bool → 1 and 0/1, int → 2 and
//! the two's-complement bits, float → 3 and the IEEE bits, any object → 4 and its object
//! word (`jit_helpers.rs`), unbound → 5); stack entry `i < d` is slot `nlocals + i` (a range
//! iterator: tag int and its `next`; a list or tuple iterator: tag int and its index;
//! anything else: tag object, payload 0), and slots `nlocals + d + 2i`, `+ 1` are that
//! iterator's `stop` and `step` (tag int; for a list or tuple iterator: tag object with the
//! sequence's object word, then tag None for a list or tag bool for a tuple; tag object
//! otherwise). Besides the buffer, a trace reads and writes the items of lists and tuples
//! reachable from it, through the helpers of `jit_helpers.rs`.
//!
//! # Deoptimization
//! An exit returns its snapshot's values (one word per entry, boxed by the IR type of the
//! entry's value: `i64` → int, `f64` → float, `bool` → bool, `ptr` → a new reference to
//! the object word's object, made before any local is written; a `none` entry is `None`).
//! Slot `n < nlocals` is stored into local `n`; slot `nlocals + i` with `i < d` is the new
//! `next` of range iterator `i`, or the new index of list/tuple iterator `i` (the frame still holds the `d` entries: the trace never
//! pops them); slots from `nlocals + d` on are pushed in slot order. The interpreter then
//! continues at the snapshot's `pc`. The compile step (`snapshots_restorable`) guaranteed
//! these shapes, so a mismatch here is only skipped, never a panic.

use std::rc::Rc;

use taipan_jit::backend::TraceOutcome;
use taipan_jit::ir::{SnapVal, Type};
use taipan_jit::record::{CodeInfo, Known, KnownObj, Observe, Observed, SeqObs};

use super::globals::PinCtx;
use super::helpers::{obj_word, obj_word_rc, restore_obj};
use super::{MAX_ENTRY_FAILS, Trace};
use crate::interp::Frame;
use crate::object::{IterState, ObjKind};
use crate::value::{Obj, Value};
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
    /// Globals and module attributes (`jit_globals.rs`), when recording.
    pins: Option<PinCtx<'a>>,
}

impl<'a> FrameObs<'a> {
    /// The view of `f`.
    pub(crate) fn new(f: &'a Frame) -> FrameObs<'a> {
        FrameObs {
            locals: &f.locals,
            stack: &f.stack,
            pins: None,
        }
    }

    /// The view of `f` that also answers globals and module attributes through `pins`.
    pub(crate) fn with_pins(f: &'a Frame, pins: PinCtx<'a>) -> FrameObs<'a> {
        FrameObs {
            pins: Some(pins),
            ..FrameObs::new(f)
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

    fn stack_seq(&self, depth: u32, index: i64) -> Option<SeqObs> {
        let v = self
            .stack
            .len()
            .checked_sub(depth as usize + 1)
            .and_then(|i| self.stack.get(i))?;
        let Value::Obj(o) = v else { return None };
        if o.class.as_ref().is_none_or(|c| c.kind.is_heap_type()) {
            return None; // a subclass instance may override __getitem__/__setitem__
        }
        seq_obs(v, usize::try_from(index).ok())
    }

    fn stack_seq_iter(&self, depth: u32) -> Option<(u64, SeqObs)> {
        let v = self
            .stack
            .len()
            .checked_sub(depth as usize + 1)
            .and_then(|i| self.stack.get(i))?;
        with_seq_iter(v, |seq, index, _| {
            Some((index as u64, seq_obs(&Value::Obj(seq.clone()), Some(index))?))
        })?
    }

    fn global(&self, name: u32) -> Option<Known> {
        self.pins.as_ref()?.global(name)
    }

    fn module_attr(&self, name: u32) -> Option<Known> {
        self.pins.as_ref()?.module_attr(self.stack.last(), name)
    }

    fn null(&self) -> Option<KnownObj> {
        self.pins.as_ref()?.null()
    }

    fn list_method(&self, name: u32) -> Option<KnownObj> {
        self.pins.as_ref()?.list_method(self.stack.last(), name)
    }

    fn stack_len_of(&self, depth: u32) -> Option<u64> {
        let i = self.stack.len().checked_sub(depth as usize + 1)?;
        super::helpers::len_of(self.stack.get(i)?)
    }

    fn inline_target(&self, key: u32, nargs: u32) -> Option<CodeInfo> {
        self.pins.as_ref()?.inline_target(key, nargs)
    }
}

/// A list or tuple `v` as the recorder sees it, with its element `index`.
fn seq_obs(v: &Value, index: Option<usize>) -> Option<SeqObs> {
    let Value::Obj(o) = v else { return None };
    let item = |x: Option<&Value>| {
        x.map(|x| match observe(x) {
            Observed::RangeIter { .. } => Observed::Obj,
            o => o,
        })
    };
    match &o.kind {
        ObjKind::List(l) => {
            let l = l.try_borrow().ok()?;
            Some(SeqObs {
                list: true,
                len: l.len() as u64,
                item: item(index.and_then(|k| l.get(k))),
            })
        }
        ObjKind::Tuple(t) => Some(SeqObs {
            list: false,
            len: t.len() as u64,
            item: item(index.and_then(|k| t.get(k))),
        }),
        _ => None,
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
        Some(v @ Value::Obj(_)) => [TAG_OBJ, obj_word(v).unwrap_or(0)],
    }
}

/// Runs `f` on a list or tuple iterator's state: the sequence, the next index, and whether
/// the sequence is a list (else a tuple); `None` for any other value.
fn with_seq_iter<R>(v: &Value, f: impl FnOnce(&Obj, usize, bool) -> R) -> Option<R> {
    let Value::Obj(o) = v else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    match &*cell.try_borrow().ok()? {
        IterState::List { seq, index } => Some(f(seq, *index, true)),
        IterState::Tuple { seq, index } => Some(f(seq, *index, false)),
        _ => None,
    }
}

/// Writes the entry buffer of `f` into `buf`: exactly `nlocals` local slots (the numbering
/// the trace was recorded with; a missing local reads as unbound), then the whole operand
/// stack as the entry stack.
fn fill_entry_buffer(buf: &mut Vec<u64>, f: &Frame, nlocals: usize) {
    let d = f.stack.len();
    buf.clear();
    buf.resize(2 * (nlocals + 3 * d), 0);
    let mut put = |slot: usize, words: &[u64]| {
        if let Some(s) = buf.get_mut(2 * slot..2 * slot + words.len()) {
            s.copy_from_slice(words);
        }
    };
    for k in 0..nlocals {
        put(k, &slot_words(f.locals.get(k).and_then(Option::as_ref)));
    }
    for (i, v) in f.stack.iter().enumerate() {
        let (next, bounds) = match observe(v) {
            Observed::RangeIter { next, stop, step } => {
                ([TAG_INT, next as u64], [TAG_INT, stop as u64, TAG_INT, step as u64])
            }
            // the sequence stays alive: the iterator (an entry-stack entry) holds it
            _ => match with_seq_iter(v, |seq, index, list| (obj_word_rc(seq), index, list)) {
                Some((word, index, list)) => {
                    let kind = if list { TAG_NONE } else { TAG_BOOL };
                    ([TAG_INT, index as u64], [TAG_OBJ, word, kind, 0])
                }
                None => ([TAG_OBJ, 0], [TAG_OBJ, 0, TAG_OBJ, 0]),
            },
        };
        put(nlocals + i, &next);
        put(nlocals + d + 2 * i, &bounds);
    }
}

/// Stores `next` into the range iterator `v`, or the index of the list or tuple iterator
/// `v` (anything else is left alone).
fn set_range_next(v: &Value, new_next: i64) {
    if let Value::Obj(o) = v
        && let ObjKind::Iter(cell) = &o.kind
        && let Ok(mut st) = cell.try_borrow_mut()
    {
        match &mut *st {
            IterState::Range { next, .. } => *next = new_next,
            IterState::List { index, .. } | IterState::Tuple { index, .. } => {
                if let Ok(k) = usize::try_from(new_next) {
                    *index = k;
                }
            }
            _ => {}
        }
    }
}

/// Writes one restored snapshot value: local `slot`, the position of entry-stack iterator
/// `slot - nlocals`, or a push (see the module docs).
fn restore_slot(f: &mut Frame, slot: usize, nlocals: usize, depth: usize, v: Value) {
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
        // depth equals the trace's `depth`, checked by the caller). Its other memory
        // accesses are list and tuple items of live objects, within the bounds the helpers
        // of `jit_helpers.rs` report, and no borrow of a list is held here (the dispatch
        // loop holds none across this call); see that module's docs.
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
        let func = &t.func;
        let boxed = |e: &taipan_jit::ir::SnapEntry, w: u64| match e.val {
            SnapVal::None => Some(Value::None),
            // alive: each known object is pinned as a binding of a dict that holds it (or is
            // the NULL marker); the pins held at the entry and the trace runs no Python code
            SnapVal::Obj(k) => t.pins.obj(k),
            SnapVal::Value(id) => match func.ty(id) {
                Type::I64 => Some(Value::Int(w as i64)),
                Type::F64 => Some(Value::Float(f64::from_bits(w))),
                Type::Bool => Some(Value::Bool(w != 0)),
                // SAFETY: a `ptr` snapshot value is an object word the trace held: a local's
                // or entry-stack entry's at entry, or an item loaded out of a list or tuple
                // reachable from them; the frame still holds all of them unchanged (the trace
                // writes no frame and drops nothing, and no local is written before every
                // object is boxed, below), so the object is alive (`jit_helpers`' docs).
                Type::Ptr => unsafe { restore_obj(w) },
                // excluded when the trace was compiled
                Type::Void => None,
            },
        };
        let has_obj = snap
            .entries
            .iter()
            .any(|e| matches!(e.val, SnapVal::Value(id) if func.ty(id) == Type::Ptr));
        if has_obj {
            // Box every value first: an object word becomes a counted reference before any
            // local is overwritten (overwriting one may free what only it kept alive).
            let vals: Vec<Option<Value>> = snap
                .entries
                .iter()
                .zip(values.iter())
                .map(|(e, &w)| boxed(e, w))
                .collect();
            for (e, v) in snap.entries.iter().zip(vals) {
                if let Some(v) = v {
                    self.jit.counters.restored += 1;
                    restore_slot(f, e.slot as usize, nlocals, depth, v);
                }
            }
        } else {
            for (e, &w) in snap.entries.iter().zip(values.iter()) {
                if let Some(v) = boxed(e, w) {
                    self.jit.counters.restored += 1;
                    restore_slot(f, e.slot as usize, nlocals, depth, v);
                }
            }
        }
        (pc, false)
    }
}

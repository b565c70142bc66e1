//! Running compiled loop traces on interpreter frames: the recorder's view of a frame
//! ([`FrameObs`]), the entry buffer, the call into machine code and the deoptimizer that
//! writes an exit's snapshot back into the frame.
//!
//! # Entry buffer (`docs/jit.md`, "Frame model" and "Entry stack")
//! Slots of two words (tag, payload): local `n` is slot `n` (None → tag 0, bool → 1 and
//! 0/1, int → 2 and the two's-complement bits, float → 3 and the IEEE bits, any object → 4
//! and its object word (`jit_helpers.rs`), unbound → 5); slot `nlocals` is the pop mark
//! (tag int; the entry stack depth `d` at entry, lowered by paths that popped entries and
//! linked); then `ENTRY_SLOTS` slots per entry-stack entry `i` from [`entry_slot`]: a range
//! iterator's `next`, `stop`, `step` (tag int), a list or tuple iterator's index (tag int),
//! the sequence's object word (tag object) and tag None for a list or tag bool for a
//! tuple; anything else tag object, payload 0; the fourth slot is the entry's own object
//! word; an `enumerate`/`zip` has its own layout (`jit_wrap.rs`). `ENTRY_SLOTS` more slots (zeros) take the entry a link into an inner loop's trace writes
//! ([`buffer_words`]). Besides the buffer, a trace reads and writes the items of lists and
//! tuples reachable from it, through the helpers of `jit_helpers.rs`.
//!
//! # Deoptimization
//! An exit returns its snapshot's values (one word per entry, boxed by the IR type of the
//! entry's value: `i64` → int, `f64` → float, `bool` → bool, `ptr` → a new reference to
//! the object word's object, made before any local is written; a `none` entry is `None`).
//! Slot `n < nlocals` is stored into local `n`; slot `nlocals + i` with `i < d` is the new
//! `next` of range iterator `i`, or the new index of list/tuple iterator `i` — or `none`:
//! the path popped entry `i`, the stack is truncated there; slots from `nlocals + d` on are
//! pushed in slot order. After a run with links, entries that linked traces got through
//! the buffer (virtual iterators of nested loops, the recorder's `virtual.rs`) are first
//! made into iterator objects (`materialize`), and entries popped on the way dropped. The interpreter then
//! continues at the snapshot's `pc`. The compile step (`snapshots_restorable`) guaranteed
//! these shapes, so a mismatch here is only skipped, never a panic.

use std::rc::Rc;

use taipan_jit::backend::{STATUS_INVALIDATED, STATUS_LINK, STATUS_OUT_OF_FUEL, STATUS_RET};
use taipan_jit::ir::{SnapVal, Type};
use taipan_jit::record::{
    AttrObs, CodeInfo, ENTRY_SLOTS, Known, KnownObj, LinkTarget, MAX_ZIP, Observe, Observed, SeqObs, WRAP_ENUMERATE,
    WrapObs, part_slot,
};

use super::globals::PinCtx;
use super::helpers::{obj_word, obj_word_rc, restore_obj};
use super::{CodeLoops, MAX_ENTRY_FAILS, MAX_FIRST_FAILS, MAX_SIDE_ABORTS, MAX_SIDE_LEVEL, SWITCH_IP, Trace};
use crate::code::Code;
use crate::interp::Frame;
use crate::object::{IterState, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::Vm;

#[path = "jit_wrap.rs"]
mod wrap;

#[path = "jit_loop_call.rs"]
mod loop_call;

#[path = "jit_mframe.rs"]
mod mframe;
pub(crate) use loop_call::{ExitReturn, LoopCallEnd, ReturnOf, return_at};

/// The tag words of the frame model (`taipan_jit::ir::Tag` plus 5 = unbound).
const TAG_NONE: u64 = 0;
const TAG_BOOL: u64 = 1;
const TAG_INT: u64 = 2;
const TAG_FLOAT: u64 = 3;
pub(super) const TAG_OBJ: u64 = 4;
pub(super) const TAG_UNBOUND: u64 = taipan_jit::ir::TAG_UNBOUND_WORD as u64;

/// What the recorder observes of a frame before an instruction executes.
pub(crate) struct FrameObs<'a> {
    locals: &'a [Option<Value>],
    /// The number of fast locals of the frame's code (cell `i` is slot `nvarnames + i`).
    nvarnames: usize,
    stack: &'a [Value],
    /// The frame's code's constants (`LOAD_CONST` of an object: `Observe::const_word`).
    consts: &'a [Value],
    /// Globals and module attributes (`jit_globals.rs`), when recording.
    pins: Option<PinCtx<'a>>,
    /// The loop table of the frame's code (link targets), when recording in that frame.
    loops: Option<&'a CodeLoops>,
    /// Where the attribute of the instruction's object is (`jit_attrs.rs`), if it applies.
    attr: Option<AttrObs>,
    /// `isinstance(x, C)` folded (`Vm::jit_isinstance_probe`), if it applies.
    inst: Option<taipan_jit::record::InstObs>,
    /// `==`/`!=` by identity (`Vm::jit_identity_eq_probe`), if it applies.
    eq: Option<taipan_jit::record::EqObs>,
    /// A consumer's sink (`generator::GenSink`) is installed for the frame.
    sink: bool,
    /// The instruction calls a plain class with a Python `__init__` (`Vm::jit_init_probe`).
    init: Option<taipan_jit::record::InitTarget>,
}

impl<'a> FrameObs<'a> {
    /// Operand stack entry `depth` (0 = top), if the stack is that deep.
    fn at(&self, depth: u32) -> Option<&'a Value> {
        let stack: &'a [Value] = self.stack;
        stack.len().checked_sub(depth as usize + 1).and_then(|i| stack.get(i))
    }

    /// The view of `f`.
    pub(crate) fn new(f: &'a Frame) -> FrameObs<'a> {
        FrameObs {
            locals: &f.locals,
            nvarnames: f.code.raw.varnames.len(),
            stack: &f.stack,
            consts: &f.code.consts,
            pins: None,
            loops: None,
            attr: None,
            inst: None,
            eq: None,
            sink: false,
            init: None,
        }
    }

    /// The view of `f` that also answers globals and module attributes through `pins`.
    /// and the link targets of `loops` (the recorded frame's loop table).
    pub(crate) fn with_pins(f: &'a Frame, pins: PinCtx<'a>, loops: Option<&'a CodeLoops>) -> FrameObs<'a> {
        FrameObs {
            pins: Some(pins),
            loops,
            ..FrameObs::new(f)
        }
    }

    /// The same view answering [`Observe::attr`] with `attr`.
    pub(crate) fn with_attr(self, attr: Option<AttrObs>) -> FrameObs<'a> {
        FrameObs { attr, ..self }
    }

    /// The same view answering [`Observe::isinstance`] with `inst`.
    pub(crate) fn with_isinstance(self, inst: Option<taipan_jit::record::InstObs>) -> FrameObs<'a> {
        FrameObs { inst, ..self }
    }

    /// The same view answering [`Observe::sink`] with `sink`.
    pub(crate) fn with_sink(self, sink: bool) -> FrameObs<'a> {
        FrameObs { sink, ..self }
    }

    /// The same view answering [`Observe::init_target`] with `init`.
    pub(crate) fn with_init(self, init: Option<taipan_jit::record::InitTarget>) -> FrameObs<'a> {
        FrameObs { init, ..self }
    }

    /// The same view answering [`Observe::identity_eq`] with `eq`.
    pub(crate) fn with_identity_eq(self, eq: Option<taipan_jit::record::EqObs>) -> FrameObs<'a> {
        FrameObs { eq, ..self }
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

    fn sink(&self) -> bool {
        self.sink
    }

    fn deref(&self, idx: u32) -> Option<(u32, Observed)> {
        let slot = self.nvarnames.checked_add(idx as usize)?;
        let Some(Some(Value::Obj(c))) = self.locals.get(slot) else {
            return None;
        };
        let ObjKind::Cell(cell) = &c.kind else { return None };
        let o = match cell.try_borrow().ok()?.as_ref() {
            // (an iterator in a cell is just an object to the recorder)
            Some(v) => match observe(v) {
                Observed::RangeIter { .. } => Observed::Obj,
                o => o,
            },
            None => Observed::Unbound,
        };
        Some((u32::try_from(slot).ok()?, o))
    }

    fn stack(&self, depth: u32) -> Observed {
        self.at(depth).map_or(Observed::Obj, observe)
    }

    fn stack_len(&self) -> u32 {
        u32::try_from(self.stack.len()).unwrap_or(u32::MAX)
    }

    fn stack_seq(&self, depth: u32, index: i64) -> Option<SeqObs> {
        let v = self.at(depth)?;
        let Value::Obj(o) = v else { return None };
        if o.class.as_ref().is_none_or(|c| c.kind.is_heap_type()) {
            return None; // a subclass instance may override __getitem__/__setitem__
        }
        seq_obs(v, Some(index))
    }

    fn stack_list_sub(&self, depth: u32, dunder: &str, index: i64) -> Option<(u64, SeqObs)> {
        let v = self.at(depth)?;
        let cls = self.pins.as_ref()?.list_sub_class(v, dunder)?;
        Some((cls, seq_obs(v, Some(index))?))
    }

    fn stack_seq_iter(&self, depth: u32) -> Option<(u64, SeqObs)> {
        let v = self.at(depth)?;
        with_seq_iter(v, |seq, index, _| {
            Some((
                index as u64,
                seq_obs(&Value::Obj(seq.clone()), i64::try_from(index).ok())?,
            ))
        })?
    }

    fn stack_wrap_iter(&self, depth: u32) -> Option<WrapObs> {
        let v = self.at(depth)?;
        wrap::wrap_obs(v)
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
        Some(self.pins.as_ref()?.list_method_of(self.stack.last(), name)?.0)
    }

    fn list_subclass(&self, name: u32) -> Option<(u64, u32)> {
        self.pins.as_ref()?.list_method_of(self.stack.last(), name)?.1
    }

    fn const_word(&self, idx: u32) -> Option<u64> {
        super::helpers::obj_word(self.consts.get(idx as usize)?)
    }

    fn local_str(&self, n: u32) -> bool {
        self.locals
            .get(n as usize)
            .and_then(Option::as_ref)
            .is_some_and(super::helpers::exact_str)
    }

    fn stack_str(&self, depth: u32) -> bool {
        self.at(depth).is_some_and(super::helpers::exact_str)
    }

    fn stack_dict(&self, dict: u32, key: u32) -> Option<taipan_jit::record::DictObs> {
        super::dicts::dict_obs(self.at(dict)?, self.at(key)?, observe)
    }

    fn stack_len_of(&self, depth: u32) -> Option<u64> {
        super::helpers::len_of(self.at(depth)?)
    }

    fn inline_target(&self, key: u32, nargs: u32) -> Option<CodeInfo> {
        self.pins.as_ref()?.inline_target(key, nargs)
    }

    fn call_target(&self, key: u32, nargs: u32) -> Option<u64> {
        self.pins.as_ref()?.call_target(key, nargs)
    }

    fn loop_call_target(&self, key: u32, nargs: u32) -> Option<(CodeInfo, u32, u64)> {
        self.pins.as_ref()?.loop_call_target(key, nargs)
    }

    fn known_word(&self, key: u32) -> Option<u64> {
        self.pins.as_ref()?.known_word(key)
    }

    fn init_target(&self, key: u32, nargs: u32) -> Option<taipan_jit::record::InitTarget> {
        // (the probe looked at the callable the interpreter calls: the recorder's `key`)
        let t = self.init.as_ref().filter(|t| t.nargs == nargs)?;
        let argc = self.stack.len().checked_sub(nargs as usize + 1)?;
        let same = self.pins.as_ref()?.known_word(key) == Some(t.cls)
            && matches!(self.stack.get(argc), Some(Value::Obj(o)) if super::helpers::obj_word_rc(o) == t.cls);
        same.then(|| t.clone())
    }

    fn attr(&self) -> Option<AttrObs> {
        self.attr
    }

    fn super_method(&self, name: u32) -> Option<taipan_jit::record::SuperObs> {
        self.pins.as_ref()?.super_method_of(self.stack.last(), name)
    }

    fn isinstance(&self) -> Option<taipan_jit::record::InstObs> {
        self.inst
    }

    fn identity_eq(&self) -> Option<taipan_jit::record::EqObs> {
        self.eq
    }

    fn link_target(&self, pc: u32) -> Option<LinkTarget> {
        let loops = self.loops?;
        let t = loops.compiled(pc)?;
        Some(LinkTarget {
            name: t.func.name.clone(),
            depth: u32::try_from(t.depth).ok()?,
            entry: t.entry_tags.clone(),
            // (any trace of the code: a side trace of the target's tree may make the calls)
            calls: loops.calls.get(),
        })
    }
}

/// A list or tuple `v` as the recorder sees it, with its element `index`.
fn seq_obs(v: &Value, index: Option<i64>) -> Option<SeqObs> {
    let Value::Obj(o) = v else { return None };
    // a negative index counts from the end, as `list[k]` does
    let at = |len: usize| {
        let k = index?;
        usize::try_from(if k < 0 {
            k.checked_add(i64::try_from(len).ok()?)?
        } else {
            k
        })
        .ok()
    };
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
                item: item(at(l.len()).and_then(|k| l.get(k))),
            })
        }
        ObjKind::Tuple(t) => Some(SeqObs {
            list: false,
            len: t.len() as u64,
            item: item(at(t.len()).and_then(|k| t.get(k))),
        }),
        _ => None,
    }
}

/// The two words of a local (see the module docs).
pub(super) fn slot_words(v: Option<&Value>) -> [u64; 2] {
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

/// The length in words of an entry buffer for a trace with `depth` entry-stack entries:
/// `nlocals` locals, the pop mark, `ENTRY_SLOTS` slots per entry, and as many for the entry a link into a
/// deeper loop's trace writes (`virtual.rs` of the recorder).
fn buffer_words(nlocals: usize, depth: usize) -> usize {
    2 * entry_slot(nlocals, depth + 1)
}

/// The entry-buffer slot of entry-stack entry `i`'s counter (its `stop`, `step` and
/// object word follow): after the locals and the *pop mark* slot
/// (`taipan_jit::record::buffer_slot`).
fn entry_slot(nlocals: usize, i: usize) -> usize {
    nlocals + 1 + ENTRY_SLOTS as usize * i
}

/// Writes the entry buffer of `f` into `buf`: exactly `nlocals` local slots (the numbering
/// the trace was recorded with; a missing local reads as unbound), then the whole operand
/// stack as the entry stack (three slots per entry), then zeros (tag None) for one more
/// entry.
fn fill_entry_buffer(buf: &mut Vec<u64>, f: &Frame, nlocals: usize) {
    let d = f.stack.len();
    // Every slot a trace reads unguarded is written below; the parts of an entry that is
    // no `enumerate`/`zip` keep stale words (only read behind the kind guards, which pass
    // only where a fill or a link wrote the parts), so only the extra entry's region is
    // zeroed (a reused buffer is not cleared: fewer stores per entry for deep stacks).
    let want = buffer_words(nlocals, d);
    buf.resize(want, 0);
    buf.truncate(want);
    if let Some(extra) = buf.get_mut(2 * entry_slot(nlocals, d)..) {
        extra.fill(0);
    }
    let mut put = |slot: usize, words: &[u64]| {
        if let Some(s) = buf.get_mut(2 * slot..2 * slot + words.len()) {
            s.copy_from_slice(words);
        }
    };
    for k in 0..nlocals {
        put(k, &slot_words(f.locals.get(k).and_then(Option::as_ref)));
    }
    for (i, v) in f.stack.iter().enumerate() {
        let e = entry_slot(nlocals, i);
        match wrap::wrap_fill(v) {
            // an `enumerate`/`zip`: the lead, the kind code, its parts (`jit_wrap.rs`)
            Some(w) => {
                put(e, &[TAG_INT, w.lead as u64]);
                put(e + 1, &[TAG_OBJ, 0, TAG_INT, w.code as u64]);
                for (k, (off, bounds)) in w.parts().iter().enumerate() {
                    let at = part_slot(e as u32, k as u32) as usize;
                    put(at, &[TAG_INT, *off as u64]);
                    put(at + 1, bounds);
                }
            }
            None => {
                let (next, bounds) = iter_words(v);
                put(e, &next);
                put(e + 1, &bounds);
            }
        }
        // the iterator object itself (a path that pops it checks that nothing else holds it)
        put(e + 3, &[TAG_OBJ, obj_word(v).unwrap_or(0)]);
    }
    // the pop mark: no entry popped yet
    put(nlocals, &[TAG_INT, d as u64]);
}

/// The entry-buffer words of entry-stack entry `v`: its counter slot, then its `stop` and
/// `step` slots (see the module docs).
fn iter_words(v: &Value) -> ([u64; 2], [u64; 4]) {
    if let Some(w) = wrap::wrap_fill(v) {
        return ([TAG_INT, w.lead as u64], [TAG_OBJ, 0, TAG_INT, w.code as u64]);
    }
    match observe(v) {
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
    }
}

/// Stores `next` into the range iterator `v`, or the index of the list or tuple iterator
/// `v` (anything else is left alone).
fn set_range_next(v: &Value, new_next: i64) {
    if wrap::set_wrap_lead(v, new_next) {
        return;
    }
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
        match (f.stack.get(slot - nlocals), &v) {
            (Some(it), Value::Int(k)) => set_range_next(it, *k),
            // the trace's path popped this iterator (it ended that loop): `none`
            (Some(_), Value::None) => f.stack.truncate(slot - nlocals),
            _ => {}
        }
    } else {
        f.stack.push(v);
    }
}

/// The id of the trace that returned the link status word `status` (bits 32..63 below
/// [`STATUS_LINK`]; `backend::lower`'s `link`).
fn link_source(status: u64) -> u32 {
    ((status & !STATUS_LINK) >> 32) as u32
}

/// How a run of linked traces ended.
enum End {
    /// Trace `.0` left through its exit `.1`.
    Exit(Rc<Trace>, usize),
    /// Resume in the interpreter at header `.0`, whose entry stack is `.1` deep (a link
    /// found no trace to enter, or a run failed after a link).
    Resume(usize, usize),
    /// The first trace failed to run (nothing changed): drop it.
    Failed,
}

/// A value from the two words of an entry-buffer slot (`None` for an unbound slot).
///
/// # Safety
/// An object slot's word names a live object (a word a trace stored: see `jit_helpers.rs`).
pub(super) unsafe fn slot_value(tag: u64, w: u64) -> Option<Value> {
    match tag {
        TAG_NONE => Some(Value::None),
        TAG_BOOL => Some(Value::Bool(w != 0)),
        TAG_INT => Some(Value::Int(w as i64)),
        TAG_FLOAT => Some(Value::Float(f64::from_bits(w))),
        // SAFETY: the caller's contract.
        TAG_OBJ => unsafe { restore_obj(w) },
        _ => None,
    }
}

/// The slots of the entry buffer `buf` that differ from frame `f` (a linking trace stored
/// them: the buffer is newer than the frame), as `(slot, value)` in slot order, appended to
/// `out`: locals `0..nlocals`, then entry-stack iterator counters (snapshot numbering).
///
/// # Safety
/// Every object word in `buf` names a live object: the frame's own words, or words a trace
/// stored from values it held (alive by the invariant of `jit_helpers.rs`: no trace frees
/// anything, and the frame still holds everything it held at the entry).
unsafe fn buffer_changes(buf: &[u64], f: &Frame, nlocals: usize, depth: usize, out: &mut Vec<(usize, Value)>) {
    let words = |slot: usize| -> Option<[u64; 2]> {
        let s = buf.get(2 * slot..2 * slot + 2)?;
        Some([*s.first()?, *s.get(1)?])
    };
    for k in 0..nlocals {
        let Some(w) = words(k) else { break };
        if w != slot_words(f.locals.get(k).and_then(Option::as_ref)) {
            // SAFETY: the caller's contract.
            if let Some(v) = unsafe { slot_value(w[0], w[1]) } {
                out.push((k, v));
            }
        }
    }
    for (i, v) in f.stack.iter().enumerate().take(depth) {
        let Some(w) = words(entry_slot(nlocals, i)) else { break };
        if w[0] == TAG_INT && w != iter_words(v).0 {
            out.push((nlocals + i, Value::Int(w[1] as i64)));
        }
    }
}

/// The value snapshot entry value `val` restores from its exit word `w` (boxed by the IR
/// type of the value in `func`; a known object from `pins`' table, alive because each one is
/// pinned as a binding of a dict that holds it, or is the NULL marker); `None` for a `void`
/// value (excluded when the trace was compiled).
///
/// # Safety
/// For a `ptr` value, `w` must be the object word of a live object (the callers' contracts:
/// the trace held it and nothing dropped it since; see `jit_helpers`).
pub(crate) unsafe fn snapshot_value(
    val: SnapVal,
    w: u64,
    func: &taipan_jit::ir::Func,
    pins: &super::globals::Pins,
) -> Option<Value> {
    match val {
        SnapVal::None => Some(Value::None),
        SnapVal::Obj(k) => pins.obj(k),
        SnapVal::Value(id) => match func.ty(id) {
            Type::I64 => Some(Value::Int(w as i64)),
            Type::F64 => Some(Value::Float(f64::from_bits(w))),
            Type::Bool => Some(Value::Bool(w != 0)),
            // SAFETY: the caller's contract.
            Type::Ptr => unsafe { restore_obj(w) },
            Type::Void => None,
        },
    }
}

/// Turns exit words `out` of snapshot `snap` into values: each entry's `(slot, value)` is
/// appended to `restore` ([`snapshot_value`]; an *owned* value — `Func::owns`, see
/// `docs/decisions/owned-references-in-traces.md` — is taken, not incremented, at its first
/// entry, and gets a new reference at any further one), and each value of the snapshot's
/// `release` list (owned, not listed) to `release`, which the caller drops after it has
/// written the frame (`buffer_changes`' order: box everything, write, then drop).
/// `owned`: whether the trace may hold owned values (it makes opaque calls); without,
/// nothing is looked up per entry.
///
/// # Safety
/// As [`snapshot_value`] for borrowed words; each owned value's word is a count the trace
/// holds and hands over here, once (the verifier's ownership walk).
pub(crate) unsafe fn restore_snapshot(
    snap: &taipan_jit::ir::Snapshot,
    out: &[u64],
    func: &taipan_jit::ir::Func,
    pins: &super::globals::Pins,
    restore: &mut Vec<(usize, Value)>,
    release: &mut Vec<Value>,
    owned: bool,
) {
    if !owned {
        // (a trace without owning ops: every word is borrowed)
        for (e, &w) in snap.entries.iter().zip(out.iter()) {
            // SAFETY: the caller's contract.
            if let Some(v) = unsafe { snapshot_value(e.val, w, func, pins) } {
                restore.push((e.slot as usize, v));
            }
        }
        return;
    }
    for (i, (e, &w)) in snap.entries.iter().zip(out.iter()).enumerate() {
        let v = match e.val {
            // (taken at its first entry: no earlier entry lists it; no allocation, exits
            // are hot)
            SnapVal::Value(id) if func.owns(id) && !snap.entries[..i].iter().any(|p| p.val == e.val) => {
                // SAFETY: the caller's contract: the trace's count on `w` moves here.
                unsafe { super::helpers::take_obj(w) }
            }
            // SAFETY: the caller's contract (an owned value already taken is alive: the
            // value taken above holds it).
            val => unsafe { snapshot_value(val, w, func, pins) },
        };
        if let Some(v) = v {
            restore.push((e.slot as usize, v));
        }
    }
    for (&w, _) in out.iter().skip(snap.entries.len()).zip(&snap.release) {
        // SAFETY: the caller's contract.
        if let Some(v) = unsafe { super::helpers::take_obj(w) } {
            release.push(v);
        }
    }
}

/// A link in a run that uses the call area (`CodeLoops::area`): marks the run when the
/// link stored a word only its container keeps alive (`foreign`: no opaque call or slice
/// store for the rest of the run), and says whether the run must end here (a marked run
/// that gathered more than `KEPT_OLD_MAX` replaced kept objects). Out of line: the link
/// loop of runs without it stays small.
#[inline(never)]
fn link_marks(area: &mut [u64], kept_old: &[Value], foreign: bool) -> bool {
    if foreign && let Some(w) = area.get_mut(4) {
        *w = 1;
    }
    kept_old.len() > super::KEPT_OLD_MAX
}

impl Vm {
    /// Runs root trace `t` on frame `f` (at its loop header, with its entry stack depth,
    /// entry checked by [`Vm::jit_may_enter`]), following links into other root traces of
    /// the same code (resolved through the loop table: a dropped or replaced trace is never
    /// entered) and side traces, and writes the final exit's snapshot back. Returns the
    /// index to resume at, or `SWITCH_IP` when a side recording starts at a hot exit (then
    /// `f.ip` is where it starts). Traces whose entry guards keep failing, whose pins fail
    /// at a link, or whose run fails are dropped here. `first`: entered at the loop's first
    /// arrival (`LOOP_ENTRY`), not at a back-edge.
    pub(crate) fn jit_enter(&mut self, f: &mut Frame, code: &Rc<Code>, t: &Rc<Trace>, first: bool) -> usize {
        let nlocals = f.code.nlocalsplus;
        let mut buf = std::mem::take(&mut self.jit.buf);
        fill_entry_buffer(&mut buf, f, nlocals);
        // only a code with a trace that uses the call area (opaque calls, slices, kept
        // link words) pays for its context and per-link work (`CodeLoops::area`)
        let py = self.jit.opts.py_calls && code.loops.area.get();
        // (an outer run's kept objects, when this run is nested in its opaque call)
        if py {
            let outer = (
                std::mem::take(&mut self.jit.kept),
                std::mem::take(&mut self.jit.kept_old),
            );
            self.jit.kept_outer.push(outer);
        }
        let mut out = std::mem::take(&mut self.jit.out);
        out.clear();
        out.resize(self.jit.out_words.max(1), 0);
        #[cfg(debug_assertions)]
        let owned_before = super::helpers::owned_balance();
        // (the values object stores replace wait for the run's end: `helpers::store_val`)
        let deferred_mark = super::helpers::deferred_mark();
        self.jit.counters.entries += 1;
        t.tree.runs.set(t.tree.runs.get().saturating_add(1));
        // the trace to run next, by id (`by_id` keeps every trace alive while the Vm lives:
        // no reference count changes per link)
        let mut cur = t.compiled.id;
        let mut links = 0u64;
        // links that entered a trace (the others ended the run)
        let mut entered = 0u64;
        // the shallowest entry stack a trace of the run linked to: entries from there on
        // may have been popped and replaced by ones only the buffer holds
        let mut low = f.stack.len();
        // The trees whose entry check (`jit_may_enter`: pins, recursion room) passed in this
        // run (the entry's was made by the caller) carry this run's number. A trace runs no
        // Python code and the run stays in one frame, so nothing can change the outcome
        // until the run ends: a link into one of these trees needs no new check (the check
        // was 14% of `bench/programs/nbody.py`'s time, whose nests link about a million
        // times; a 4-entry cache of checked trees missed on fannkuch's 7 trees).
        self.jit.runs = self.jit.runs.wrapping_add(1);
        let mut run = self.jit.runs;
        t.tree.checked_run.set(run);
        // the call area's context for opaque calls (`func::py_call`): this Vm, the frame's
        // code and globals, the running tree (updated at each link below)
        // (only with `--jit-py-calls`: no trace makes opaque calls without it, and a run
        // links up to millions of times)
        let vm_addr = self as *mut Vm as u64;
        if py && let [w0, w1, w2, w3, w4, w5, ..] = &mut self.jit.call_area[..] {
            *w0 = vm_addr;
            *w1 = Rc::as_ptr(code) as u64;
            *w2 = super::helpers::obj_word_rc(&f.globals);
            *w3 = Rc::as_ptr(&t.tree) as u64;
            // no link yet: every object word in the buffer is the frame's
            *w4 = 0;
            // the running frame (compared by address only: `helpers::sink_put`)
            *w5 = &*f as *const Frame as u64;
        }
        // room for the entry's entries and the one its links into deeper loops write
        let want = buffer_words(nlocals, t.depth);
        if buf.len() < want {
            buf.resize(want, 0);
        }
        // where to resume after a run that failed after links: the header of the trace
        // entered last (`cur`)
        let resume = |vm: &Vm, cur: u32| match vm.jit.by_id.get(&cur) {
            Some(x) => End::Resume(x.header as usize, x.depth),
            None => End::Resume(t.header as usize, t.depth),
        };
        let end = 'run: {
            // (the entry was checked against `out`'s length; so is each link target below)
            let Some(mut entry) = taipan_jit::backend::link::entry_of(&t.compiled, 1, out.len()) else {
                break 'run End::Failed;
            };
            loop {
                let args = [buf.as_ptr() as u64];
                // SAFETY: every trace of `by_id` was compiled by this Vm's `TraceSet`, which
                // is never flushed or dropped before the Vm (the code is live, the
                // `CompiledTrace` clone keeps its exit data alive); `entry` is the entry of
                // trace `cur`, checked by `entry_of` to take one parameter and to write no
                // more than `out.len()` words. Its one parameter is a pointer to the entry
                // buffer; a trace reads slots below `nlocalsplus + 3 * depth` (locals the
                // recorder loaded, the entry-stack iterators' slots) and stores only into
                // local and iterator slots below `nlocalsplus + 3 * (depth + 1)` before a
                // link (the entry one deeper: a link into an inner loop's trace), and `buf`
                // holds that many 16-byte slots (`buffer_words`: resized before the first
                // trace of a tree runs in this run — at the entry or at the first link into
                // it below — and never shrunk during a run; `depth` is the trace's, and every
                // trace of its tree has at most that many entries). Slots the frame does not
                // fill are zeros or ints a link stored: no object word but the frame's. Its
                // other memory accesses are list and tuple items of live objects, within the
                // bounds the helpers of `jit_helpers.rs` report, and no borrow of a list is
                // held here (the dispatch loop holds none across this call); see that
                // module's docs.
                let status = unsafe { entry(args.as_ptr(), out.as_mut_ptr()) };
                if status & STATUS_LINK != 0 && status < STATUS_INVALIDATED {
                    links += 1;
                    // an opaque call ran Python code (or a nested run) since: the checks
                    // made in this run no longer count (`func::py_call` moves `runs`)
                    if py {
                        run = self.jit.runs;
                    }
                    // the linking trace (`link_source`): a trace of the tree that ran
                    let Some(src) = self.jit.by_id.get(&link_source(status)) else {
                        break 'run resume(self, cur);
                    };
                    let full = py && link_marks(&mut self.jit.call_area, &self.jit.kept_old, src.link_foreign);
                    // this link site was resolved and checked in this run: the same target
                    // (nothing installs, drops or replaces a trace during a run), its checks
                    // still hold (see `checked_run`), the buffer already has its room and
                    // `low` is already at most its depth
                    if src.link_run.get() == run
                        && !full
                        && let Some(e) = src.link_entry.get()
                    {
                        entered += 1;
                        cur = src.link_to.get();
                        entry = e;
                        if py && let Some(w) = self.jit.call_area.get_mut(3) {
                            *w = src.link_tree.get() as u64;
                        }
                        continue;
                    }
                    let id = (status & 0xffff_ffff) as u32;
                    let (sh, sd) = (src.header as usize, src.depth);
                    let Some((h, hd)) = self.jit.by_id.get(&id).map(|x| (x.header, x.depth)) else {
                        break 'run End::Resume(sh, sd);
                    };
                    // a link goes to a loop whose entry stack is at most one entry deeper (an
                    // inner `for` loop over a virtual range) or shallower (a side trace that
                    // ended inner loops); the recorder wrote the entries in between
                    if hd > sd.saturating_add(1) {
                        self.jit.counters.link_misses += 1;
                        break 'run End::Resume(sh, sd);
                    }
                    let src = src.clone();
                    low = low.min(hd);
                    if full {
                        break 'run End::Resume(h as usize, hd);
                    }
                    let next = code.loops.compiled(h);
                    let may = |vm: &mut Vm, n: &Rc<Trace>| {
                        if n.tree.checked_run.get() == run {
                            return true;
                        }
                        let ok = vm.jit_may_enter(f, code, n);
                        if ok {
                            n.tree.checked_run.set(run);
                        }
                        ok
                    };
                    match next {
                        Some(n) if n.depth == hd && may(self, &n) => {
                            let Some(e) = taipan_jit::backend::link::entry_of(&n.compiled, 1, out.len()) else {
                                break 'run End::Resume(h as usize, hd);
                            };
                            // room for `n`'s entries and the one its links into deeper
                            // loops write
                            let want = buffer_words(nlocals, n.depth);
                            if buf.len() < want {
                                buf.resize(want, 0);
                            }
                            entered += 1;
                            src.link_to.set(n.compiled.id);
                            src.link_entry.set(Some(e));
                            src.link_run.set(run);
                            src.link_tree.set(Rc::as_ptr(&n.tree) as usize);
                            if py && let Some(w) = self.jit.call_area.get_mut(3) {
                                *w = Rc::as_ptr(&n.tree) as u64;
                            }
                            cur = n.compiled.id;
                            entry = e;
                            continue;
                        }
                        _ => {
                            self.jit.counters.link_misses += 1;
                            break 'run End::Resume(h as usize, hd);
                        }
                    }
                }
                if status == STATUS_RET || status == STATUS_OUT_OF_FUEL || status == STATUS_INVALIDATED {
                    // a loop trace never returns; nothing is ever invalidated under a run
                    break 'run if links == 0 { End::Failed } else { resume(self, cur) };
                }
                let id = (status >> 32) as u32;
                let n = (status & 0xffff_ffff).wrapping_sub(1) as usize;
                break 'run match self.jit.by_id.get(&id) {
                    Some(x) => End::Exit(x.clone(), n),
                    None if links == 0 => End::Failed,
                    None => resume(self, cur),
                };
            }
        };
        self.jit.counters.links += links;
        self.jit.counters.entries += entered;
        self.jit.buf = buf;
        // (dropped after the frame is written: the buffer's words are boxed first)
        let kept = if py {
            self.jit.kept_outer.pop().map(|(k, o)| {
                (
                    std::mem::replace(&mut self.jit.kept, k),
                    std::mem::replace(&mut self.jit.kept_old, o),
                )
            })
        } else {
            None
        };
        let mut restore = std::mem::take(&mut self.jit.restore);
        restore.clear();
        let mut release: Vec<Value> = Vec::new();
        // the entry stack where the run ended (`depth`): the frame keeps its entries below
        // `keep` (no trace of the run popped them); the others are dropped (after every
        // value is boxed) and entries up to `depth` are made from the buffer, where links
        // into inner loops' traces wrote them (`materialize`)
        let depth = match &end {
            End::Exit(x, _) => x.depth,
            End::Resume(_, d) => *d,
            End::Failed => f.stack.len(),
        };
        // (a side trace that popped entries and then linked into a deeper loop lowered the
        // pop mark: the entries from there were replaced)
        if let (Some(&TAG_INT), Some(&m)) = (self.jit.buf.get(2 * nlocals), self.jit.buf.get(2 * nlocals + 1)) {
            low = low.min(usize::try_from(m).unwrap_or(0));
        }
        let keep = low.min(depth).min(f.stack.len());
        let mut fresh = std::mem::take(&mut self.jit.fresh);
        fresh.clear();
        if links > 0 {
            // SAFETY: the words a trace stored into the buffer name live objects (see
            // `buffer_changes`); nothing was freed since (no local is written and no stack
            // entry dropped before every value is boxed, below).
            unsafe { buffer_changes(&self.jit.buf, f, nlocals, keep, &mut restore) };
            // SAFETY: as above (the sequences of list and tuple iterators are words a
            // trace stored from values it held).
            unsafe { self.materialize(nlocals, keep, depth, &mut fresh) };
        }
        let pc = match end {
            End::Failed => {
                self.jit.counters.dropped += 1;
                self.jit_drop(code, t.header);
                t.header as usize
            }
            End::Resume(h, _) => h,
            End::Exit(x, n) => {
                let first = first && links == 0;
                self.jit_exit(f, code, &x, n, first, &out, &mut restore, &mut release)
            }
        };
        // (every value is boxed: popped entries may go now, before the snapshot's
        // counters and pushes are written)
        f.stack.truncate(keep);
        f.stack.append(&mut fresh);
        self.jit.fresh = fresh;
        for (slot, v) in restore.drain(..) {
            self.jit.counters.restored += 1;
            restore_slot(f, slot, nlocals, depth, v);
        }
        self.jit.restore = restore;
        // (the owned values the exit did not transfer go after the frame is written)
        drop(release);
        drop(kept);
        drop(super::helpers::deferred_take(deferred_mark));
        #[cfg(debug_assertions)]
        {
            let now = super::helpers::owned_balance();
            debug_assert_eq!(now, owned_before, "a trace run leaked or double-released owned values");
        }
        self.jit.out = out;
        if pc == SWITCH_IP {
            // (a side recording starts where the exit resumes, after the restore)
            return SWITCH_IP;
        }
        pc
    }

    /// Root trace `x` was not entered after all: an entry guard failed, or a local dead at
    /// its entry holds another type ([`Vm::jit_dead_tags_hold`]). Counted; at a back-edge
    /// ([`MAX_ENTRY_FAILS`] in a row: a type-unstable loop) it is dropped or swapped with
    /// the loop's previous trace; at a first arrival (`first`: the types before the loop
    /// need not be its types) only the first arrivals stop, after [`MAX_FIRST_FAILS`] in a
    /// row.
    pub(crate) fn jit_entry_failed(&mut self, code: &Rc<Code>, x: &Rc<Trace>, first: bool) {
        self.jit.counters.entry_fails += 1;
        if first {
            let k = x.first_fails.get().saturating_add(1);
            x.first_fails.set(k);
            if k >= MAX_FIRST_FAILS {
                code.loops.set_first(x.header, false);
            }
            return;
        }
        let k = x.entry_fails.get().saturating_add(1);
        x.entry_fails.set(k);
        if k >= MAX_ENTRY_FAILS {
            self.jit.counters.dropped += 1;
            self.jit_drop_unstable(code, x);
        } else if self.jit_swap_prev(code, x) {
            self.jit.counters.swaps += 1;
        }
    }

    /// Whether every local dead at root trace `t`'s entry holds the type the trace gives it
    /// or nothing (see `Recorder::dead_tags`): checked when the interpreter enters `t`, not at
    /// links.
    pub(crate) fn jit_dead_tags_hold(f: &Frame, t: &Trace) -> bool {
        // (dead locals are ints, floats or bools: `Recorder::write_local`)
        t.dead_tags
            .iter()
            .all(|&(slot, tag)| match f.locals.get(slot as usize) {
                Some(Some(v)) => matches!(
                    (v, tag),
                    (Value::Int(_), taipan_jit::ir::Tag::Int)
                        | (Value::Float(_), taipan_jit::ir::Tag::Float)
                        | (Value::Bool(_), taipan_jit::ir::Tag::Bool)
                ),
                _ => true,
            })
    }

    /// The exit `n` of trace `x` ended a run: appends the snapshot's values to `restore`
    /// (after the buffer's changes, so they win; the caller truncates the stack to `x`'s
    /// entry stack and writes them), and returns the index to resume at — or `SWITCH_IP` when a side recording starts
    /// there (the exit is hot; `f.ip` set). `first`: the run was entered at the loop's first
    /// arrival (`LOOP_ENTRY`) and made no link (an entry guard failing then does not count
    /// towards a type-unstable drop).
    #[allow(clippy::too_many_arguments)]
    fn jit_exit(
        &mut self,
        f: &mut Frame,
        code: &Rc<Code>,
        x: &Rc<Trace>,
        n: usize,
        first: bool,
        out: &[u64],
        restore: &mut Vec<(usize, Value)>,
        release: &mut Vec<Value>,
    ) -> usize {
        self.jit.counters.exits += 1;
        if !x.root {
            self.jit.counters.side_exits += 1;
        }
        let Some(info) = x.compiled.exits.get(n) else {
            return x.header as usize;
        };
        let Some(snap) = x.func.snaps.get(info.snap.index()) else {
            return x.header as usize;
        };
        let pc = snap.pc as usize;
        if x.root && pc == x.header as usize && snap.entries.is_empty() && snap.release.is_empty() {
            // an entry guard failed: nothing of an iteration done
            self.jit_entry_failed(code, x, first);
            return pc;
        }
        x.entry_fails.set(0);
        if first {
            x.first_fails.set(0);
        }
        if self.jit_redo_heavy(code, x, n, pc) {
            self.jit.counters.dropped += 1;
            self.jit_drop(code, x.header);
        }
        let func = &x.func;
        if !snap.frames.is_empty() {
            // an exit inside inlined calls that resumes mid-callee (`jit_mframe.rs`); no side
            // trace starts there
            // SAFETY: as below.
            unsafe { restore_snapshot(snap, out, func, &x.pins, restore, release, x.py_calls) };
            return self.jit_exit_frames(x, snap, restore);
        }
        // (the stack entries the snapshot lists above the entry stack)
        let pushed = snap
            .entries
            .iter()
            .filter(|e| e.slot as usize >= f.code.nlocalsplus + x.depth)
            .count();
        let is_call = x.py_calls
            && self
                .jit
                .fx
                .calls
                .get(&x.compiled.id)
                .is_some_and(|c| c.contains(&snap.pc))
            && self
                .jit
                .fx
                .loop_heights
                .get(&x.compiled.id)
                .is_none_or(|v| v.iter().all(|&(p, h)| p != snap.pc || h as usize != pushed));
        // SAFETY: a borrowed `ptr` snapshot value is an object word the trace held: a
        // local's or entry-stack entry's at entry, or an item loaded out of a list or tuple
        // reachable from them; the frame still holds all of them unchanged (the trace
        // writes no frame and drops nothing it does not own, and no local is written before
        // every value is boxed: the caller writes `restore` after this), so the object is
        // alive (`jit_helpers`' docs); owned values are the trace's counts, handed over once.
        unsafe { restore_snapshot(snap, out, func, &x.pins, restore, release, x.py_calls) };
        if is_call {
            // an exit through an opaque call's snapshot (`func::py_call`): the call was made;
            // its result is pushed after the snapshot's stack entries, or its exception is
            // raised at the `CALL` (the frame's `ip` past it: the traceback line and the
            // handler are the call's)
            match self.jit.fx.outcome.take() {
                Some(super::func::Outcome::Value(v)) => {
                    restore.push((f.code.nlocalsplus + x.depth + pushed, v));
                }
                Some(super::func::Outcome::Raised(e)) => self.jit.raise = Some(e),
                Some(super::func::Outcome::Redo(c, args)) => {
                    // not made (the run linked): the interpreter makes it
                    let base = f.code.nlocalsplus + x.depth + pushed;
                    restore.push((base, c));
                    for (k, a) in args.into_iter().enumerate() {
                        restore.push((base + 1 + k, a));
                    }
                    return pc;
                }
                _ => self.jit.raise = Some(self.jit_internal("an opaque call's exit without an outcome")),
            }
            return pc + 1;
        }
        let at_yield = code.loops.area.get() && Self::jit_at_yield(code, pc);
        if at_yield && self.jit_sink_taken() {
            // the guard after a `@sink_put` that stored the value, taken under deopt stress
            // (`record/sink.rs`): the value on top of the snapshot's stack is replaced by the
            // sent None and the interpreter resumes after the yield
            let pushed = snap
                .entries
                .iter()
                .filter(|e| e.slot as usize >= f.code.nlocalsplus + x.depth)
                .count();
            let top = pushed.checked_sub(1).map(|k| f.code.nlocalsplus + x.depth + k);
            // (stack entries are pushed in order: the value's entry itself becomes None)
            match restore.iter_mut().rev().find(|(slot, _)| Some(*slot) == top) {
                Some((_, v)) => *v = Value::None,
                None => self.jit.raise = Some(self.jit_internal("a sink exit without the value")),
            }
            return pc + 1;
        }
        // (no side trace at a yield: a bridge there would redo a `@sink_put` that stored
        // its value when deopt stress takes the guard after it)
        if !at_yield && self.jit_side_wanted(x, n) && self.jit_start_side(f, code, x, n, snap.pc, &snap.entries) {
            f.ip = pc;
            return SWITCH_IP;
        }
        pc
    }

    /// Whether instruction `pc` of `code` is a `YIELD_VALUE`.
    fn jit_at_yield(code: &Code, pc: usize) -> bool {
        code.raw
            .instructions
            .get(pc)
            .is_some_and(|i| i.op == taipan_bytecode::Opcode::YieldValue)
    }

    /// Whether an exit resuming at a `YIELD_VALUE` follows a `@sink_put` that stored the
    /// value (`record/sink.rs`): the call area's sink mark is 1. Clears the mark.
    fn jit_sink_taken(&mut self) -> bool {
        let at = 2 * taipan_jit::record::AREA_SINK as usize + 1;
        self.jit
            .call_area
            .get_mut(at)
            .is_some_and(|w| std::mem::replace(w, 0) == 1)
    }

    /// Makes an iterator object for each entry-stack entry `from..depth` (entries a link
    /// gave a deeper loop's trace through the entry buffer, see the recorder's
    /// `virtual.rs`), into `out`: a range iterator from the buffer's three int slots of
    /// the entry (`next`, `stop`, `step`), or a list or tuple iterator from its index, the
    /// sequence's object word and the kind tag (None: list, bool: tuple). The exit's
    /// snapshot may then update the counter.
    ///
    /// # Safety
    /// Every object word in the buffer names a live object (see `buffer_changes`).
    unsafe fn materialize(&mut self, nlocals: usize, from: usize, depth: usize, out: &mut Vec<Value>) {
        for i in from..depth {
            let slot = |k: usize| -> (u64, u64) {
                let at = 2 * (entry_slot(nlocals, i) + k);
                (
                    self.jit.buf.get(at).copied().unwrap_or(TAG_UNBOUND),
                    self.jit.buf.get(at + 1).copied().unwrap_or(0),
                )
            };
            let (c, b, s) = (slot(0), slot(1), slot(2));
            // an `enumerate` or `zip` a link made (`record/wrap.rs`): list or tuple
            // iterators at `off + lead`, an enumerate's count `lead`
            let code = s.1 as i64;
            if (c.0, b.0, s.0) == (TAG_INT, TAG_OBJ, TAG_INT) && (WRAP_ENUMERATE..=1 + MAX_ZIP as i64).contains(&code) {
                let n = if code == WRAP_ENUMERATE { 1 } else { (code - 1) as usize };
                let mut its = Vec::with_capacity(n);
                for k in 0..n {
                    let part = part_slot(0, k as u32) as usize;
                    let (off, seq, kind) = (slot(part), slot(part + 1), slot(part + 2));
                    let index = (c.1 as i64)
                        .checked_add(off.1 as i64)
                        .and_then(|x| usize::try_from(x).ok());
                    // SAFETY: the caller's contract (the sequence's word was stored by a trace).
                    let it = match (seq.0, kind.0, index, unsafe { restore_obj(seq.1) }) {
                        (TAG_OBJ, TAG_NONE, Some(index), Some(Value::Obj(seq))) => {
                            Some((IterState::List { seq, index }, &self.types.list_iterator))
                        }
                        (TAG_OBJ, TAG_BOOL, Some(index), Some(Value::Obj(seq))) => {
                            Some((IterState::Tuple { seq, index }, &self.types.tuple_iterator))
                        }
                        _ => None,
                    };
                    if let Some((st, ty)) = it {
                        its.push(Value::new_obj(ty, ObjKind::Iter(std::cell::RefCell::new(st))));
                    }
                }
                let (st, ty) = if its.len() != n {
                    // (never: the recorder writes the whole entry)
                    (IterState::Exhausted, &self.types.enumerate)
                } else if code == WRAP_ENUMERATE {
                    let it = its.pop().unwrap_or(Value::None);
                    let count = Value::Int(c.1 as i64);
                    (IterState::Enumerate { it, count }, &self.types.enumerate)
                } else {
                    (IterState::Zip { its, strict: false }, &self.types.zip)
                };
                self.jit.counters.materialized += 1;
                out.push(Value::new_obj(ty, ObjKind::Iter(std::cell::RefCell::new(st))));
                continue;
            }
            let (st, ty) = match (c.0, b.0, s.0) {
                (TAG_INT, TAG_INT, TAG_INT) if s.1 != 0 => (
                    IterState::Range {
                        next: c.1 as i64,
                        stop: b.1 as i64,
                        step: s.1 as i64,
                    },
                    &self.types.range_iterator,
                ),
                // SAFETY: the caller's contract.
                (TAG_INT, TAG_OBJ, kind @ (TAG_NONE | TAG_BOOL)) => match unsafe { restore_obj(b.1) } {
                    Some(Value::Obj(seq)) => {
                        let index = usize::try_from(c.1 as i64).unwrap_or(usize::MAX);
                        if kind == TAG_NONE {
                            (IterState::List { seq, index }, &self.types.list_iterator)
                        } else {
                            (IterState::Tuple { seq, index }, &self.types.tuple_iterator)
                        }
                    }
                    _ => (IterState::Exhausted, &self.types.range_iterator),
                },
                // (never: the recorder writes the entry before any such link)
                _ => (IterState::Exhausted, &self.types.range_iterator),
            };
            self.jit.counters.materialized += 1;
            out.push(Value::new_obj(ty, ObjKind::Iter(std::cell::RefCell::new(st))));
        }
    }

    /// Counts a run of `x`'s tree that ends at exit `n` (resuming at `pc`) when that exit is
    /// left to the interpreter (its side recordings kept aborting) and redoes an inlined
    /// call (`pc` is a call instruction: the interpreter repeats the whole call the trace
    /// ran part of). True when, over the last [`super::REDO_WINDOW`] runs of the root, more
    /// than half ended so: the trace then costs an entry, a partial call and an exit per
    /// iteration and saves nothing (pyperformance's bm_richards `schedule` loop, whose
    /// `t.runTask()` stores objects into attributes), so the caller drops it as it drops a
    /// type-unstable one (after `MAX_DROPS` drops the loop stays interpreted).
    fn jit_redo_heavy(&self, code: &Code, x: &Trace, n: usize, pc: usize) -> bool {
        let tree = &x.tree;
        let abandoned = x.tries.borrow().get(n).is_some_and(|&t| t >= MAX_SIDE_ABORTS);
        // (the raw instructions: never quickened)
        let call = code.raw.instructions.get(pc).is_some_and(|i| {
            matches!(
                i.op,
                taipan_bytecode::Opcode::Call | taipan_bytecode::Opcode::CallMethod
            )
        });
        if abandoned && call {
            tree.redone.set(tree.redone.get().saturating_add(1));
        }
        let runs = tree.runs.get();
        if runs < super::REDO_WINDOW {
            return false;
        }
        let mut heavy = tree.redone.get().saturating_mul(2) > runs;
        if let Some((counter, mark)) = &tree.passes {
            let now = counter.load(std::sync::atomic::Ordering::Relaxed);
            let passes = now.wrapping_sub(mark.get());
            mark.set(now);
            // (the first window starts at 0: it includes the entries before it)
            heavy |= passes < 2 * u64::from(runs);
        }
        tree.runs.set(0);
        tree.redone.set(0);
        heavy
    }

    /// Whether a side trace should be recorded at exit `n` of `x` now: it
    /// is hot (its count reached the hot-exit threshold, higher after each failed attempt),
    /// has no side trace, no recording is running, and the tree's caps allow one more.
    pub(super) fn jit_side_wanted(&self, x: &Trace, n: usize) -> bool {
        // (an exit at a root's header that restores nothing is an entry guard: the caller
        // does not ask; a path that links exits at its `FOR_ITER` header with the counter
        // listed, and its side trace ends that loop, see `virtual.rs`)
        // (an invalidated tree is never entered again: no side trace for it)
        if self.jit.busy()
            || x.level >= MAX_SIDE_LEVEL
            || x.tree.sides.get() >= self.jit.opts.max_side
            || x.tree.inval.invalid()
        {
            return false;
        }

        let tries = x.tries.borrow().get(n).copied().unwrap_or(u8::MAX);
        if tries >= MAX_SIDE_ABORTS {
            return false;
        }
        let hot = u64::from(self.jit.opts.hot_exit.min(self.jit.opts.threshold).max(1));
        let want = hot.saturating_mul(1u64 << (2 * u32::from(tries)));
        let count = x
            .compiled
            .exit_data
            .get(n)
            .map_or(0, |c| c.load(std::sync::atomic::Ordering::Relaxed));
        let bridged = x
            .compiled
            .exit_data
            .get(x.compiled.exits.len() + n)
            .is_none_or(|c| c.load(std::sync::atomic::Ordering::Relaxed) != 0);
        if count < want || bridged {
            return false;
        }
        // A bridge would continue with the exit's values without the deoptimizer: owned
        // ones would need owned parameters, which side traces do not have yet (stage 4 of
        // the owned-references decision), so such exits stay exits.
        !(x.py_calls
            && x.compiled
                .exits
                .get(n)
                .and_then(|e| x.func.snaps.get(e.snap.index()))
                .is_none_or(|s| {
                    !s.release.is_empty()
                        || s.entries
                            .iter()
                            .any(|e| matches!(e.val, SnapVal::Value(v) if x.func.owns(v)))
                }))
    }
}

//! Slices of sequences in loop traces (issue 5; allocations and transferring stores of
//! `docs/decisions/owned-references-in-traces.md`): `xs[a:b:c]` as an owned new object and
//! `xs[a:b:c] = ys` on an exact list, as bm_fannkuch's `perm[:k + 1] = perm[k::-1]`.
//!
//! `BUILD_SLICE n` of None/int parts makes a [`PyVal::VSlice`] (no slice object: the
//! interpreter's fused `BUILD_SLICE` + subscript path does not make one either); the next
//! instruction must be the subscript that consumes it. The subscript's exits resume at the
//! `BUILD_SLICE` with the container (and the stored value) and the parts on the stack, so
//! the interpreter redoes the whole slice operation, errors included.
//!
//! - `BINARY_SUBSCR` (made when a pending slice is, below): `%r = call @seq_slice(area, xs, start, stop, step, mask) -> own ptr
//!   writes` — the slice of an exact list, tuple or str (CPython `list_subscript`,
//!   `tuple_subscript`, `unicode_subscript`) as a new reference, or 0 for anything else
//!   (or a zero step), guarded `!= 0`. The result is an owned value (`pycall.rs`' owned
//!   values: released once nothing holds it, transferred at an exit that holds it).
//! - `STORE_SUBSCR`: `%t = call @store_slice_ok(area, xs, start, stop, step, mask, ys) ->
//!   i64 reads` guarded `!= 0`, then `call @store_slice(...same...) writes` with no exit
//!   after it (as an append: an exit would redo the store, which is not idempotent when it
//!   changes the length) — CPython's `list_ass_subscript` where it can neither raise nor
//!   run Python code: `xs` an exact list, `ys` an exact list or tuple, a step of 1 or as
//!   many items as the slice selects, in a run not marked by a link (`link.rs`: a link
//!   that hands over a word it does not keep). The store drops the replaced items, which
//!   may free objects: as across an opaque call, every object word the recorder holds must
//!   be a local's value at the loop entry or owned (`ObjectAcrossCall` otherwise), and the
//!   list read helpers become `reads`.
//!
//! # Pending slices
//! `BINARY_SUBSCR` makes no call at first: it pushes [`PyVal::VSliceOf`] and keeps the
//! sequence, the bounds and the snapshot at its `BUILD_SLICE` as the recorder's pending
//! slice. While one is pending, only instructions without effects whose exits may simply
//! be redone are recorded as they are — `LOAD_FAST`, `LOAD_CONST`, `BUILD_SLICE`, a
//! `BINARY_OP` of two ints — and every snapshot taken is the pending one, so any exit
//! resumes at the slice's `BUILD_SLICE` and the interpreter redoes the slice and them (as
//! an exit inside an inlined call redoes the call). Nothing the trace could observe
//! changes in between: the slice taken later is the same one.
//! - A `STORE_SUBSCR` of the pending value into a slice of an exact list (bm_fannkuch's
//!   `perm[:k + 1] = perm[k::-1]`) consumes it without making it: `%t = call
//!   @store_slice_from_ok(area, xs, start, stop, step, ys, start2, stop2, step2, masks) ->
//!   i64 reads` guarded `!= 0` (the pending snapshot), then `call @store_slice_from(...)
//!   writes` with no exit after it (`masks`: the store's bits, the source's shifted by
//!   [`SLICE_FROM_SHIFT`]). The VM copies the source's items into a reused buffer and
//!   stores them as `list_ass_subscript` does; a list given a slice of itself over the
//!   same range backwards is reversed in place. Conditions as `@store_slice` (`ys` an
//!   exact list or tuple, no zero step, an extended slice of the right length, the run not
//!   marked); the same `ObjectAcrossCall` rule.
//! - Any other instruction first *makes* the pending slice (`@seq_slice` as below,
//!   guarded through a snapshot at the slice's `BUILD_SLICE` that also releases the
//!   result), in place of the [`PyVal::VSliceOf`] on the stack, then is recorded as usual.
//!   A slice of an owned value (`xs[:][::-1]`) is made at once: the owned sequence is
//!   released once the stack no longer holds it.
//!
//! `mask` says which parts are present ([`SLICE_HAS_START`], ...; an absent part is None).
//! Both helpers need the VM (word 0 of the call area), so they are recorded only where an
//! opaque call may be (`--jit-py-calls`, the trace's own frame of a loop trace: an exit in
//! an inlined call would redo the whole call, and the store with it).

use crate::ir::{CallEffect, InsnId, Op, SnapId, Type};
use crate::record::list::LIST_READS;
use taipan_bytecode::Opcode;

use crate::record::{Abort, AbortReason, PyVal, Recorder, VirtSlice};

/// A slice of a list not made yet (see the module docs): the sequence's object word, the
/// helpers' `start, stop, step, mask` and the snapshot at its `BUILD_SLICE`.
#[derive(Clone, Debug)]
pub(crate) struct PendingSlice {
    /// The sliced sequence's object word.
    seq: InsnId,
    /// `start, stop, step, mask` as [`Recorder::slice_args`] makes them.
    args: [InsnId; 4],
    /// Resume at the slice's `BUILD_SLICE`, its sequence and parts on the stack.
    pub(crate) snap: SnapId,
    /// The recorded stack at the subscript (the slice on top), and the slice: the guard
    /// of the slice made later takes a snapshot like `snap` that also releases it.
    stack: Vec<PyVal>,
    vs: VirtSlice,
}

/// `seq_slice(area: ptr, seq: ptr, start: i64, stop: i64, step: i64, mask: i64) -> own
/// ptr` (see the module docs).
pub const SEQ_SLICE_HELPER: &str = "seq_slice";
/// `store_slice_ok(area: ptr, list: ptr, start: i64, stop: i64, step: i64, mask: i64,
/// value: ptr) -> i64`: 1 when [`STORE_SLICE_HELPER`] can store (see the module docs).
pub const STORE_SLICE_OK_HELPER: &str = "store_slice_ok";
/// `store_slice(area: ptr, list: ptr, start: i64, stop: i64, step: i64, mask: i64, value:
/// ptr)`: the store [`STORE_SLICE_OK_HELPER`] allowed (see the module docs).
pub const STORE_SLICE_HELPER: &str = "store_slice";
/// `store_slice_from_ok(area: ptr, list: ptr, start: i64, stop: i64, step: i64, seq: ptr,
/// start2: i64, stop2: i64, step2: i64, masks: i64) -> i64`: 1 when
/// [`STORE_SLICE_FROM_HELPER`] can store `list[start:stop:step] =
/// seq[start2:stop2:step2]`; `masks` is the store's mask with the source slice's shifted
/// left by [`SLICE_FROM_SHIFT`] (see the module docs).
pub const STORE_SLICE_FROM_OK_HELPER: &str = "store_slice_from_ok";
/// `store_slice_from(...)` (the arguments of [`STORE_SLICE_FROM_OK_HELPER`]): the store
/// it allowed just before.
pub const STORE_SLICE_FROM_HELPER: &str = "store_slice_from";
/// Where the source slice's bits sit in [`STORE_SLICE_FROM_HELPER`]'s `masks`.
pub const SLICE_FROM_SHIFT: i64 = 3;
/// Bit of the helpers' `mask`: the start is an int (else None).
pub const SLICE_HAS_START: i64 = 1;
/// Bit of the helpers' `mask`: the stop is an int (else None).
pub const SLICE_HAS_STOP: i64 = 2;
/// Bit of the helpers' `mask`: the step is an int (else None: 1).
pub const SLICE_HAS_STEP: i64 = 4;

impl Recorder {
    /// `BUILD_SLICE n`: a [`PyVal::VSlice`] of None/int parts.
    pub(crate) fn build_slice(&mut self, pc: u32, arg: u32) -> Result<(), Abort> {
        if !self.py_call_allowed() {
            return Err(self.abort(AbortReason::UnsupportedOpcode, pc, "BUILD_SLICE"));
        }
        let n: u8 = if arg == 3 { 3 } else { 2 };
        let mut parts = [None; 3];
        for (i, part) in parts.iter_mut().enumerate().take(n as usize) {
            *part = match self.peek(n as usize - 1 - i, pc)? {
                PyVal::None => None,
                PyVal::Int(x) => Some(x),
                v => {
                    let d = format!("a slice bound of type {}", v.tag().name());
                    return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
                }
            };
        }
        for _ in 0..n {
            self.pop(pc)?;
        }
        self.push(PyVal::VSlice(VirtSlice { pc, n, parts }));
        Ok(())
    }

    /// The snapshot of a subscript by the slice `vs` on top of the stack: at the
    /// `BUILD_SLICE`, its parts on the stack instead of the slice.
    fn slice_snap(&mut self, vs: VirtSlice) -> SnapId {
        let saved = self.stack.clone();
        self.stack.pop();
        for p in &vs.parts[..vs.n as usize] {
            self.stack.push(p.map_or(PyVal::None, PyVal::Int));
        }
        let s = self.snap(vs.pc);
        self.stack = saved;
        s
    }

    /// The helpers' `start, stop, step, mask` arguments for `vs`.
    fn slice_args(&mut self, vs: VirtSlice) -> [InsnId; 4] {
        let zero = self.b.const_i64(0);
        let bits = [SLICE_HAS_START, SLICE_HAS_STOP, SLICE_HAS_STEP];
        let mut mask = 0;
        let mut out = [zero; 4];
        for (i, p) in vs.parts.iter().enumerate() {
            if let Some(x) = p {
                out[i] = *x;
                mask |= bits[i];
            }
        }
        out[3] = self.b.const_i64(mask);
        out
    }

    /// Makes the list read helpers `reads` at the first call declared `writes`.
    fn before_writes(&mut self) {
        if !self.b.has_writes_call() {
            self.b.set_call_effects(|h| LIST_READS.contains(&h), CallEffect::Reads);
        }
    }

    /// `BINARY_SUBSCR` of `[xs, slice]`: a pending slice (see the module docs), made by
    /// [`Recorder::make_pending_slice`] unless a slice store consumes it first.
    pub(crate) fn subscr_slice(&mut self, pc: u32, vs: VirtSlice) -> Result<(), Abort> {
        let c = self.peek(1, pc)?;
        let PyVal::Obj(p) = c else {
            let d = format!("a slice of a {}", c.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        let s = self.slice_snap(vs);
        let args = self.slice_args(vs);
        let stack = self.stack.clone();
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(PyVal::VSliceOf);
        self.pending_slice = Some(PendingSlice {
            seq: p,
            args,
            snap: s,
            stack,
            vs,
        });
        if self.owned.contains(&p) {
            // (the sequence is released once nothing holds it, after this instruction: the
            // slice is made now)
            self.make_pending_slice();
        }
        Ok(())
    }

    /// Whether instruction `op` may be recorded while a slice is pending (see the module
    /// docs): an instruction without effects, whose exits may redo it (a local or constant
    /// pushed, a slice built, int arithmetic), or the slice store that consumes it.
    pub(crate) fn pending_slice_allows(&self, op: Opcode) -> bool {
        let top = |d: usize| {
            self.stack
                .len()
                .checked_sub(d + 1)
                .and_then(|i| self.stack.get(i))
                .copied()
        };
        match op {
            Opcode::LoadFast | Opcode::LoadConst | Opcode::BuildSlice => true,
            Opcode::BinaryOp => matches!((top(1), top(0)), (Some(PyVal::Int(_)), Some(PyVal::Int(_)))),
            Opcode::StoreSubscr => matches!(
                (top(2), top(1), top(0)),
                (Some(PyVal::VSliceOf), Some(PyVal::Obj(_)), Some(PyVal::VSlice(_)))
            ),
            _ => false,
        }
    }

    /// Makes the pending slice: `%r = call @seq_slice(area, xs, start, stop, step, mask)
    /// -> own ptr writes`, guarded `!= 0` (exit: the interpreter redoes the slice and the
    /// instructions since), in place of the [`PyVal::VSliceOf`] on the stack.
    pub(crate) fn make_pending_slice(&mut self) {
        let Some(ps) = self.pending_slice.take() else { return };
        self.before_writes();
        let area = self.area_ptr();
        let [start, stop, step, mask] = ps.args;
        let r = self
            .b
            .call_owned(SEQ_SLICE_HELPER, &[area, ps.seq, start, stop, step, mask]);
        // (listed in the exit's release list: 0 when the guard fails, which is skipped)
        self.owned.push(r);
        // the snapshot at the slice's `BUILD_SLICE` as the subscript took it (nothing the
        // instructions since did is kept: they are redone), now also releasing `r`
        let now = std::mem::replace(&mut self.stack, ps.stack);
        let s = self.slice_snap(ps.vs);
        self.stack = now;
        let null = self.b.const_ptr(0);
        let none = self.b.binary(Op::PtrEq, r, null);
        self.guard(false, none, s);
        for v in self.stack.iter_mut().filter(|v| **v == PyVal::VSliceOf) {
            *v = PyVal::Obj(r);
        }
    }

    /// `STORE_SUBSCR` of `[ys, xs, slice]`: `xs[slice] = ys` (see the module docs).
    pub(crate) fn store_slice(&mut self, pc: u32, vs: VirtSlice) -> Result<(), Abort> {
        let (v, c) = (self.peek(2, pc)?, self.peek(1, pc)?);
        if let (PyVal::VSliceOf, PyVal::Obj(p), Some(ps)) = (v, c, self.pending_slice.clone()) {
            return self.store_pending_slice(pc, vs, p, ps);
        }
        let (PyVal::Obj(x), PyVal::Obj(p)) = (v, c) else {
            let d = format!("{}[slice] = {}", c.tag().name(), v.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        let live_ok = self.live_words_survive();
        if !live_ok {
            let d = "an object word is live across a slice store (it drops items)";
            return Err(self.abort(AbortReason::ObjectAcrossCall, pc, d));
        }
        let s = self.slice_snap(vs);
        self.before_writes();
        let area = self.area_ptr();
        let [start, stop, step, mask] = self.slice_args(vs);
        let args = [area, p, start, stop, step, mask, x];
        let ok = self.b.call(STORE_SLICE_OK_HELPER, CallEffect::Reads, &args, Type::I64);
        let zero = self.b.const_i64(0);
        let can = self.b.binary(Op::IntNe, ok, zero);
        self.guard(true, can, s);
        self.b.call(STORE_SLICE_HELPER, CallEffect::Writes, &args, Type::Void);
        for _ in 0..3 {
            self.pop(pc)?;
        }
        Ok(())
    }

    /// `STORE_SUBSCR` of `[ys[d:e:f], xs, slice]` with the slice of `ys` pending:
    /// `guard_true @store_slice_from_ok(area, xs, start, stop, step, ys, d, e, f, masks) !=
    /// 0` (the exit redoes the statement from the pending slice's `BUILD_SLICE`), then
    /// `call @store_slice_from(...same...) writes`: the whole assignment without the slice
    /// object (see the module docs).
    fn store_pending_slice(&mut self, pc: u32, vs: VirtSlice, p: InsnId, ps: PendingSlice) -> Result<(), Abort> {
        if !self.live_words_survive() {
            let d = "an object word is live across a slice store (it drops items)";
            return Err(self.abort(AbortReason::ObjectAcrossCall, pc, d));
        }
        self.before_writes();
        let area = self.area_ptr();
        let [start, stop, step, mask] = self.slice_args(vs);
        let [d, e, f, from_mask] = ps.args;
        let shift = self.b.const_i64(SLICE_FROM_SHIFT);
        let from_bits = self.b.binary(Op::IntShl, from_mask, shift);
        let masks = self.b.binary(Op::IntOr, mask, from_bits);
        let args = [area, p, start, stop, step, ps.seq, d, e, f, masks];
        let can = self
            .b
            .call(STORE_SLICE_FROM_OK_HELPER, CallEffect::Reads, &args, Type::I64);
        let zero = self.b.const_i64(0);
        let ok = self.b.binary(Op::IntNe, can, zero);
        self.guard(true, ok, ps.snap);
        // (no exit after it: the store is not idempotent)
        self.b
            .call(STORE_SLICE_FROM_HELPER, CallEffect::Writes, &args, Type::Void);
        self.pending_slice = None;
        for _ in 0..3 {
            self.pop(pc)?;
        }
        Ok(())
    }
}

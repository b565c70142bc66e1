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
//! - `BINARY_SUBSCR`: `%r = call @seq_slice(area, xs, start, stop, step, mask) -> own ptr
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
//! `mask` says which parts are present ([`SLICE_HAS_START`], ...; an absent part is None).
//! Both helpers need the VM (word 0 of the call area), so they are recorded only where an
//! opaque call may be (`--jit-py-calls`, the trace's own frame of a loop trace: an exit in
//! an inlined call would redo the whole call, and the store with it).

use crate::ir::{CallEffect, InsnId, Op, SnapId, Type};
use crate::record::list::LIST_READS;
use crate::record::{Abort, AbortReason, PyVal, Recorder, VirtSlice};

/// `seq_slice(area: ptr, seq: ptr, start: i64, stop: i64, step: i64, mask: i64) -> own
/// ptr` (see the module docs).
pub const SEQ_SLICE_HELPER: &str = "seq_slice";
/// `store_slice_ok(area: ptr, list: ptr, start: i64, stop: i64, step: i64, mask: i64,
/// value: ptr) -> i64`: 1 when [`STORE_SLICE_HELPER`] can store (see the module docs).
pub const STORE_SLICE_OK_HELPER: &str = "store_slice_ok";
/// `store_slice(area: ptr, list: ptr, start: i64, stop: i64, step: i64, mask: i64, value:
/// ptr)`: the store [`STORE_SLICE_OK_HELPER`] allowed (see the module docs).
pub const STORE_SLICE_HELPER: &str = "store_slice";
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

    /// `BINARY_SUBSCR` of `[xs, slice]`: an owned new object (see the module docs).
    pub(crate) fn subscr_slice(&mut self, pc: u32, vs: VirtSlice) -> Result<(), Abort> {
        let c = self.peek(1, pc)?;
        let PyVal::Obj(p) = c else {
            let d = format!("a slice of a {}", c.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        self.before_writes();
        let area = self.area_ptr();
        let [start, stop, step, mask] = self.slice_args(vs);
        let r = self.b.call_owned(SEQ_SLICE_HELPER, &[area, p, start, stop, step, mask]);
        // (listed in the exit's release list: 0 when the guard fails, which is skipped)
        self.owned.push(r);
        let s = self.slice_snap(vs);
        let null = self.b.const_ptr(0);
        let none = self.b.binary(Op::PtrEq, r, null);
        self.guard(false, none, s);
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(PyVal::Obj(r));
        Ok(())
    }

    /// `STORE_SUBSCR` of `[ys, xs, slice]`: `xs[slice] = ys` (see the module docs).
    pub(crate) fn store_slice(&mut self, pc: u32, vs: VirtSlice) -> Result<(), Abort> {
        let (v, c) = (self.peek(2, pc)?, self.peek(1, pc)?);
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
}

//! `FOR_ITER` over a range iterator of the entry stack (`for i in range(...)`).
//!
//! The iterator is the top entry of the operand stack the trace started with (the loop
//! header of a `for` loop is its `FOR_ITER`); its state lives in the VM's entry buffer
//! (`docs/jit.md`, "Entry stack"): `next` at slot `nlocals + i`, `stop` and `step` at slots
//! `nlocals + d + 2i` and `nlocals + d + 2i + 1`. Before the loop the trace loads the three
//! (each behind `guard_tag int`: the VM writes tag obj for any other iterator) and guards
//! the step's sign as recorded — exactly `1` or `-1` when that is what was recorded, so the
//! advance is `next ± 1` and the optimizer's range facts drop its overflow check. `next` is
//! a pseudo-local (loop-carried by a `phi`, see the parent module). Per iteration:
//! 1. `guard_true next < stop` (`next > stop` for a negative step): exhausted → exit at the
//!    `FOR_ITER` with `next` as it is, and the interpreter ends the loop;
//! 2. `int_add_ov next, step` (or `int_sub_ov next, 1`) with the same snapshot: on
//!    overflow the interpreter redoes the `FOR_ITER` (CPython's range iterator yields the
//!    value and is exhausted afterwards), nothing has advanced;
//! 3. push `next` (an int) and make `next + step` the iterator's new `next`.
//!
//! A `FOR_ITER` observed exhausted ends the loop: the recording aborts with
//! [`AbortReason::LoopExhausted`] (the interpreter may try again at the loop's next start). One whose advance overflows now aborts with
//! [`AbortReason::BigIntResult`] (its guard would fail at once). Any other iterator, or one
//! made inside the trace, aborts (`UnsupportedOperand`, `StackAtStart`); `enumerate` and
//! `zip` entries are `wrap.rs`'s.
//! (CPython `Objects/rangeobject.c`, `rangeiter_next`.)

use crate::ir::{InsnId, Op};
use crate::record::{Abort, AbortReason, BASE, Observe, Observed, PyVal, RangeState, Recorder};

impl Recorder {
    /// `FOR_ITER arg` on the top entry of the entry stack; returns the next index.
    pub(crate) fn for_iter(&mut self, pc: u32, _arg: u32, obs: &dyn Observe) -> Result<u32, Abort> {
        if let [PyVal::VIter(_) | PyVal::VSeqIter(..) | PyVal::VEnum(..) | PyVal::VZip(_)] = self.stack.as_slice()
            && self.inl.is_empty()
        {
            // an inner loop over a range made here, without a trace to link into yet:
            // record that loop first (see `virtual.rs`)
            let d = "FOR_ITER over a virtual range: the inner loop has no trace";
            return Err(self.inner_abort(pc, pc, d.to_string()));
        }
        if !self.stack.is_empty() {
            let d = "FOR_ITER on an iterator the trace pushed";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        let Some(i) = self.live_depth().checked_sub(1) else {
            return Err(self.abort(AbortReason::Desync, pc, "FOR_ITER on an empty stack"));
        };
        if let Some(w) = obs.stack_wrap_iter(0) {
            return self.for_iter_wrap(pc, _arg, i, w);
        }
        if let Some((index, seq)) = obs.stack_seq_iter(0) {
            return self.for_iter_seq(pc, _arg, i, index, seq);
        }
        let (next, stop, step) = match obs.stack(0) {
            Observed::RangeIter { next, stop, step } if step != 0 => (next, stop, step),
            o => {
                let d = format!("FOR_ITER over {o:?} (only range iterators are recorded)");
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        let up = step > 0;
        if (up && next >= stop) || (!up && next <= stop) {
            if self.is_side() {
                return self.for_iter_end_range(pc, _arg, i, next, step);
            }
            return Err(self.abort(AbortReason::LoopExhausted, pc, "FOR_ITER: the iterator is exhausted"));
        }
        if next.checked_add(step).is_none() {
            let d = format!("range iterator: {next} + {step} overflows");
            return Err(self.abort(AbortReason::BigIntResult, pc, d));
        }
        let nlocals = self.code.nlocals;
        let slot = nlocals.saturating_add(i);
        let r = self.range_state(i, step, pc)?;
        let x = self.iter_counter(slot, next, pc)?;
        // (listed by the exits even before the advance, unchanged: an exhausted exit of a
        // path that links, whose snapshot would otherwise be empty, is no entry guard)
        self.written[slot as usize] = true;
        let s = self.snap(pc);
        let more = self.b.binary(if r.up { Op::IntLt } else { Op::IntGt }, x, r.stop);
        self.guard(true, more, s);
        let advanced = match r.unit {
            Some(-1) => {
                let one = self.b.const_i64(1);
                self.b.exiting(Op::IntSubOv, &[x, one], s)
            }
            _ => self.b.exiting(Op::IntAddOv, &[x, r.step], s),
        };
        self.locals[slot as usize] = Some(PyVal::Int(advanced));
        self.written[slot as usize] = true;
        self.push(PyVal::Int(x));
        Ok(pc.saturating_add(1))
    }

    /// The loop-carried counter of the entry-stack iterator at pseudo-local `slot` (a range
    /// iterator's `next`, a list/tuple iterator's index): loaded from the entry buffer at
    /// its first use (observed value `observed`), the current SSA value after that.
    ///
    /// # Errors
    /// `Desync` when the slot is outside the recorder's locals or does not hold an int.
    pub(crate) fn iter_counter(&mut self, slot: u32, observed: i64, pc: u32) -> Result<InsnId, Abort> {
        let cur = match self.locals.get(slot as usize).copied() {
            Some(Some(v)) => v,
            Some(None) => {
                let v = self.entry_load(slot, Observed::Int(observed), pc)?;
                self.locals[slot as usize] = Some(v);
                v
            }
            None => return Err(self.abort(AbortReason::Desync, pc, "no iterator slot")),
        };
        match cur {
            PyVal::Int(x) => Ok(x),
            _ => Err(self.abort(AbortReason::Desync, pc, "iterator counter is not an int")),
        }
    }

    /// The `stop` and `step` of entry-stack iterator `i`, loaded before the loop on first
    /// use (guarded: both ints, the step's sign — or value, for ±1 — as observed).
    pub(crate) fn range_state(&mut self, i: u32, step: i64, pc: u32) -> Result<RangeState, Abort> {
        if let Some(Some(r)) = self.iters.get(i as usize) {
            return Ok(*r);
        }
        let base = self.bounds_slot(i, pc)?;
        let from = self.b.next_id();
        let s = self.entry_snapshot();
        let stop = self.entry_int(base, s);
        let step_v = self.entry_int(base + 1, s);
        let up = step > 0;
        let unit = (step == 1 || step == -1).then_some(step);
        let step_id = match unit {
            Some(k) => {
                let c = self.b.const_i64(k);
                let same = self.b.binary(Op::IntEq, step_v, c);
                self.guard(true, same, s);
                c
            }
            None => {
                let z = self.b.const_i64(0);
                let sign = self.b.binary(if up { Op::IntGt } else { Op::IntLt }, step_v, z);
                self.guard(true, sign, s);
                step_v
            }
        };
        self.hoist_from(from);
        let r = RangeState {
            stop,
            step: step_id,
            up,
            unit,
        };
        match self.iters.get_mut(i as usize) {
            Some(e) => *e = Some(r),
            None => return Err(self.abort(AbortReason::Desync, pc, "no entry-stack iterator")),
        }
        Ok(r)
    }

    /// The entry-buffer slot of entry-stack iterator `i`'s `stop` (its `step` is the next
    /// one; [`crate::record::buffer_slot`]).
    pub(crate) fn bounds_slot(&self, i: u32, pc: u32) -> Result<u32, Abort> {
        let nlocals = self.code.nlocals;
        nlocals
            .checked_add(i)
            .map(|s| crate::record::buffer_slot(nlocals, s))
            .and_then(|b| b.checked_add(1))
            .filter(|b| *b < u32::MAX - 1)
            .ok_or_else(|| self.abort(AbortReason::Desync, pc, "entry buffer too large"))
    }

    /// `load_tag` + `guard_tag int` + `load_int` of entry-buffer slot `n` (the caller
    /// hoists them).
    pub(crate) fn entry_int(&mut self, n: u32, s: crate::ir::SnapId) -> InsnId {
        let t = self.b.load(Op::LoadTag, BASE, n);
        self.b.guard_tag(t, crate::ir::Tag::Int, s);
        self.b.load(Op::LoadInt, BASE, n)
    }
}

//! Nested `for` loops over ranges made in the outer loop's body (`for j in range(i + 1,
//! n)` inside a traced loop): a *virtual range iterator* handed to the inner loop's trace
//! through a link, and side traces that end the inner loop and go back to the outer one
//! (`docs/jit.md`, "Nested `for` loops").
//!
//! # Virtual ranges
//! `range(a[, b[, c]])` (the builtin `range`, a known object pinned like the other
//! builtins, called with 64-bit ints) makes no object: the recorder pushes
//! [`PyVal::VRange`] with its `start`, `stop` and `step` as SSA ints (a step that is not a
//! constant is guarded `!= 0` with an exit at the call, where the interpreter raises
//! `ValueError`). `GET_ITER` turns it into [`PyVal::VIter`] (`next = start`, as CPython's
//! `range_iter` and the VM's `IterState::Range`: the same three numbers). Nothing else may
//! consume a virtual value: storing it, passing it to a call, a snapshot taken while one is
//! on the stack (it could not be restored) abort the recording.
//!
//! `GET_ITER` of an object observed as an exact list or tuple (`for body in bodies`) makes
//! no iterator either: `guard_true @list_len(p) >= 0` (`@tuple_len`: -1 for anything else,
//! a subclass included, whose `__iter__` may be overridden; the exit is at the `GET_ITER`)
//! and [`PyVal::VSeqIter`] (the sequence's object word, index 0).
//!
//! # Linking into the inner loop
//! When the next instruction is the header (`FOR_ITER`) of a compiled trace whose entry
//! stack is one entry deeper than the recording's and the recorded stack holds just the
//! virtual iterator, the recording ends with a link (`link.rs`): the iterator's `next`,
//! `stop` and `step` (for a list or tuple iterator: index 0, the sequence's object word,
//! tag None for a list or tag bool for a tuple, as the VM writes a real one) are stored
//! into the entry buffer's slots of that entry (its three slots are together,
//! [`crate::record::buffer_slot`], so nothing else moves). The VM's
//! frame does not hold that iterator while the linked traces run: at the end of a run whose
//! last trace's entry stack is deeper than the frame's stack (or whose side traces popped
//! entries that later links replaced), the deoptimizer *materializes* an iterator object
//! (range, list or tuple iterator) for each such entry from the buffer's three slots (then
//! the snapshot's counter, if listed, updates it). A `FOR_ITER` over a virtual
//! iterator whose loop has no trace aborts with [`AbortReason::InnerLoop`] naming that
//! header, so the inner loop is recorded first.
//!
//! # Ending the inner loop
//! A side recording (started at the inner trace's "exhausted" exit, at its `FOR_ITER`) that
//! observes the entry-stack iterator exhausted records the end of the loop instead of
//! aborting: `guard_false next < stop` (`>` for a negative step; for a list or tuple
//! iterator `index < len`), exiting at the `FOR_ITER` with the iterator as it is; then the
//! entry is *popped* ([`Recorder::pop_entry`]) and recording goes on after the loop — the
//! rest of the outer body — until the outer loop's header, where it links into the outer
//! loop's trace (one entry shallower). Snapshots after the pop list each popped entry's
//! counter slot as `none`: the deoptimizer truncates the frame's stack there (before it
//! pushes the snapshot's stack entries, numbered from the trace's entry depth as always).
//! (CPython `Objects/rangeobject.c`: `range_new`, `range_iter`, `rangeiter_next`.)

use crate::ir::{Op, Type};
use crate::record::{Abort, AbortReason, Observe, Observed, PyVal, Recorder, VirtRange};

impl Recorder {
    /// `range(args)` with int arguments: a [`PyVal::VRange`] (see the module docs). `args`
    /// are the call's arguments, first first; the observed ones are on the stack.
    pub(crate) fn range_call(&mut self, pc: u32, args: &[PyVal], obs: &dyn Observe) -> Result<PyVal, Abort> {
        let ints: Option<Vec<_>> = args
            .iter()
            .map(|a| match a {
                PyVal::Int(x) => Some(*x),
                _ => None,
            })
            .collect();
        let unsupported = |r: &Recorder| {
            let types: Vec<&str> = args.iter().map(|a| a.tag().name()).collect();
            let d = format!("range({})", types.join(", "));
            r.abort(AbortReason::UnsupportedCall, pc, d)
        };
        let Some(ints) = ints else {
            return Err(unsupported(self));
        };
        let (start, stop, step) = match *ints.as_slice() {
            [stop] => (self.b.const_i64(0), stop, self.b.const_i64(1)),
            [start, stop] => (start, stop, self.b.const_i64(1)),
            [start, stop, step] => {
                if obs.stack(0) == Observed::Int(0) {
                    return Err(self.abort(AbortReason::RaisesNow, pc, "range() with step 0"));
                }
                let z = self.b.const_i64(0);
                let nz = self.b.binary(Op::IntNe, step, z);
                let s = self.snap(pc);
                self.guard(true, nz, s);
                (start, stop, step)
            }
            _ => return Err(unsupported(self)),
        };
        Ok(PyVal::VRange(VirtRange {
            next: start,
            stop,
            step,
        }))
    }

    /// `GET_ITER`: of a virtual range, or of an object observed as an exact list or tuple
    /// (guarded: `@list_len`/`@tuple_len` is -1 for anything else, which exits at the
    /// `GET_ITER`; a subclass may override `__iter__`), or as an instance of a `list`
    /// subclass that does not (its class guarded). Any other operand aborts.
    pub(crate) fn get_iter(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        if let PyVal::Obj(p) = self.peek(0, pc)?
            && let Some(seq) = obs.stack_seq(0, 0)
        {
            let name = if seq.list { "list_len" } else { "tuple_len" };
            let n = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
            let z = self.b.const_i64(0);
            let ok = self.b.binary(Op::IntGe, n, z);
            let s = self.snap(pc);
            self.guard(true, ok, s);
            self.pop(pc)?;
            self.push(PyVal::VSeqIter(p, seq.list));
            return Ok(());
        }
        if let PyVal::Obj(p) = self.peek(0, pc)?
            && let Some((cls, _)) = obs.stack_list_sub(0, "__iter__", 0)
        {
            // an instance of a `list` subclass that keeps `list.__iter__`: its class
            let s = self.snap(pc);
            self.guard_class(p, cls, s);
            self.pop(pc)?;
            self.push(PyVal::VSeqIter(p, true));
            return Ok(());
        }
        match self.pop(pc)? {
            PyVal::VRange(r) => {
                self.push(PyVal::VIter(r));
                Ok(())
            }
            // (an enumerate is its own iterator)
            e @ (PyVal::VEnum(..) | PyVal::VZip(_)) => {
                self.push(e);
                Ok(())
            }
            v => {
                let d = format!("GET_ITER of a {} (only range(...) made in the trace)", v.tag().name());
                Err(self.abort(AbortReason::UnsupportedOperand, pc, d))
            }
        }
    }

    /// `FOR_ITER` (jump target `arg`) observed exhausted on range iterator `i` of the entry
    /// stack (the top one) in a side recording: guards it exhausted, pops it and continues
    /// after the loop (see the module docs).
    pub(crate) fn for_iter_end_range(&mut self, pc: u32, arg: u32, i: u32, next: i64, step: i64) -> Result<u32, Abort> {
        let slot = self.code.nlocals.saturating_add(i);
        let r = self.range_state(i, step, pc)?;
        let x = self.iter_counter(slot, next, pc)?;
        let s = self.snap(pc);
        let more = self.b.binary(if r.up { Op::IntLt } else { Op::IntGt }, x, r.stop);
        self.guard(false, more, s);
        self.pop_entry(pc, arg)
    }

    /// Pops the top entry of the entry stack (a `FOR_ITER` that ends its loop, or the
    /// `POP_TOP` of a `break`, at `pc`); returns `arg`, the index after the loop. Later
    /// snapshots list its counter slot as `none`, so its counter is never written back:
    /// first `guard_true @iter_unshared(obj) != 0` on the entry's object word (0 for an
    /// iterator a link made), exiting at `pc` with the counter listed when anything else
    /// holds the iterator (`it = iter(xs); for x in it: ... break`): the interpreter then
    /// pops it with its position written back.
    pub(crate) fn pop_entry(&mut self, pc: u32, arg: u32) -> Result<u32, Abort> {
        let Some(i) = self.live_depth().checked_sub(1) else {
            return Err(self.abort(AbortReason::Desync, pc, "pop of an empty entry stack"));
        };
        let obj = self.bounds_slot(i, pc)?.saturating_add(2);
        let w = self.b.load(Op::LoadPtr, crate::record::BASE, obj);
        let u = self
            .b
            .call("iter_unshared", crate::ir::CallEffect::Pure, &[w], Type::I64);
        let z = self.b.const_i64(0);
        let ok = self.b.binary(Op::IntNe, u, z);
        let s = self.snap(pc);
        self.guard(true, ok, s);
        self.popped = self.popped.saturating_add(1);
        Ok(arg)
    }
}

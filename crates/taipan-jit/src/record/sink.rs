//! `YIELD_VALUE` of a generator whose values a consumer stores (`docs/jit.md`, "Generator
//! expressions into consumers"): `tuple(g)`, `list(g)`, `set(g)`, `sum(g)`, `any(g)` and
//! `all(g)` run the generator with a *sink* installed (the VM's `generator::GenSink`): the
//! interpreter's `YIELD_VALUE` of that generator's frame stores the value and goes on with
//! None as the sent value, or, when the sink does not take the value (an unhashable value
//! for a set, an int sum that would overflow, the value that decides `any`/`all`), yields it
//! normally.
//!
//! A loop trace of such a generator (its own frame: bm_nqueens's `set(vec[i] + i for i in
//! cols)`) records the yield as
//! - the value stored into the call area's first argument slot, then
//!   `%t = call @sink_put(area) -> i64 writes`: 1 when the sink installed for the running
//!   frame (the area's context word 5, written at every entry) took the value, 0 when there
//!   is no sink for this frame (a generator resumed by `next()` or a `for` loop) or the sink
//!   does not take it: nothing was stored then. The helper also writes that answer into the
//!   payload word of the area's [`AREA_SINK`] slot;
//! - `guard_true %t != 0` resuming at the `YIELD_VALUE` with the value on the stack (the
//!   interpreter then tries the sink itself and yields the value normally);
//! - `store_int area, AREA_SINK, 0` (the value is stored: the mark is cleared);
//! - None pushed as the sent value.
//!
//! An exit that resumes at a `YIELD_VALUE` while the mark is 1 can only be the guard's,
//! taken under deopt stress although the value was stored: the VM then replaces the value
//! on the stack by the sent None and resumes after the yield (`jit_run.rs`' `jit_exit`), so
//! the value is never stored twice (the same care as the `@list_push` helpers, which have no
//! exit after them).
//!
//! The helper runs no Python code (the sinks take only values whose storing runs none). Not
//! recorded (`UnsupportedOpcode`): a yield with no sink installed for the frame while
//! recording, inside an inlined call or a function trace, or without the call area
//! (`--jit-py-calls=off`).

use crate::ir::{CallEffect, Op, Type};
use crate::record::{AREA_ARGS, AREA_SINK, Abort, AbortReason, Observe, PyVal, Recorder};

/// The sink helper (see the module docs).
pub const SINK_PUT_HELPER: &str = "sink_put";

impl Recorder {
    /// Whether the trace stores yielded values into a consumer's sink: it is worth entering
    /// only while such a sink is installed for the frame (the VM checks at each entry and
    /// link; without one every yield would exit).
    pub fn yields_to_sink(&self) -> bool {
        self.sink_used
    }

    /// `YIELD_VALUE` into the consumer's sink (see the module docs).
    pub(crate) fn yield_to_sink(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        if !self.inl.is_empty() || self.func.is_some() || self.area == 0 || !obs.sink() {
            let d = "YIELD_VALUE without a consumer's sink in the trace's own frame";
            return Err(self.abort(AbortReason::UnsupportedOpcode, pc, d));
        }
        let v = self.peek(0, pc)?;
        if !matches!(
            v,
            PyVal::None | PyVal::Bool(_) | PyVal::Int(_) | PyVal::Float(_) | PyVal::Obj(_)
        ) {
            let d = format!("yielding a {}", v.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        // (resume at the yield with the value on the stack: the interpreter yields it)
        let s = self.snap(pc);
        self.pop(pc)?;
        let area = self.area_ptr();
        self.store_call_args(pc, area, AREA_ARGS, &[v])?;
        let t = self.b.call(SINK_PUT_HELPER, CallEffect::Writes, &[area], Type::I64);
        let zero = self.b.const_i64(0);
        let ok = self.b.binary(Op::IntNe, t, zero);
        self.guard(true, ok, s);
        self.sink_used = true;
        let area = self.area_ptr();
        self.b.store(Op::StoreInt, area, AREA_SINK, Some(zero));
        self.push(PyVal::None);
        Ok(())
    }
}

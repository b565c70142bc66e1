//! `LOAD_DEREF`: reading a cell or free variable in a loop trace's own frame (a generator
//! expression's free variables, a closure's captured values; `docs/jit.md`, "Cells").
//!
//! The cell object is a frame slot like a local (`varnames` first, then cells, then free
//! variables, CPython 3.11's "localsplus"), loaded from the entry buffer and kept alive by
//! the frame. Its content is read through
//! - `@cell_addr(cell) -> ptr`: the address of the cell's 16-byte `Option<Value>` (the
//!   entry-buffer format, empty = tag 5), 0 when the word is not a cell. Declared `pure`
//!   while the trace makes no call that runs Python code (a cell object's content slot never
//!   moves), `reads` after one, like the attribute helpers.
//!
//! then like an attribute or a list element: `load_tag_at addr, 0` behind `guard_tag` on the
//! observed type, then the payload, every guard resuming at the `LOAD_DEREF` (an emptied
//! cell or a value of another type: the interpreter raises or goes on). An object content is
//! a borrowed word, as an attribute's: the cell holds it, and only Python code (an opaque
//! call) can rebind the cell, which the recorder's rule on objects held across calls covers.
//! Not recorded: `LOAD_DEREF` inside an inlined call or in a function trace (the frame's
//! cells are not in the entry buffer there), `LOAD_CLOSURE`, `STORE_DEREF`, `DELETE_DEREF`,
//! `LOAD_CLASSDEREF` (they abort with `UnsupportedOpcode`).

use crate::ir::{Op, Type};
use crate::record::{Abort, AbortReason, Observe, PyVal, Recorder};

/// The cell content address helper (see the module docs).
pub const CELL_ADDR: &str = "cell_addr";

impl Recorder {
    /// `LOAD_DEREF idx` in the trace's own frame (see the module docs).
    pub(crate) fn load_deref(&mut self, pc: u32, idx: u32, obs: &dyn Observe) -> Result<(), Abort> {
        if !self.inl.is_empty() || self.func.is_some() {
            let d = "LOAD_DEREF in an inlined call or a function trace";
            return Err(self.abort(AbortReason::UnsupportedOpcode, pc, d));
        }
        let Some((slot, o)) = obs.deref(idx) else {
            return Err(self.abort(AbortReason::UnsupportedOpcode, pc, "LOAD_DEREF of no cell"));
        };
        if o == crate::record::Observed::Unbound {
            return Err(self.abort(AbortReason::UnboundLocal, pc, format!("cell {idx} is empty")));
        }
        let cell = match self.read_local(slot, obs, pc)? {
            PyVal::Obj(c) => c,
            v => {
                let d = format!("LOAD_DEREF of a {}", v.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        let s = self.snap(pc);
        let eff = self.read_effect();
        let addr = self.b.call(CELL_ADDR, eff, &[cell], Type::Ptr);
        let null = self.b.const_ptr(0);
        let none = self.b.binary(Op::PtrEq, addr, null);
        self.guard(false, none, s);
        let zero = self.b.const_i64(0);
        let v = self.load_item(addr, zero, o, s, pc)?;
        self.push(v);
        Ok(())
    }
}

//! `super().name(...)` in inlined methods: zero-argument `super` as a virtual object.
//!
//! Our bytecode calls `super().f(x)` as `LOAD_GLOBAL super; CALL 0; LOAD_METHOD f; ...;
//! CALL_METHOD 1`; the interpreter's `super()` binds the method's `__class__` cell and its
//! first local. Inside an inlined method (a known function: its closure, and so its
//! `__class__`, is fixed; taipan has no `cell_contents` assignment) the recorder makes no
//! `super` object:
//! - `CALL 0` of the builtin `super` pushes [`PyVal::VSuper`]: the method's first local
//!   (an object) and a snapshot of the `CALL` (its exits resume there, `super` not called);
//! - the `LOAD_METHOD name` right after asks the interpreter what `super(C, obj).name` is
//!   ([`Observe::super_method`]: a plain Python function found along `type(obj).__mro__`
//!   after `C`, `type(obj)`'s version tag pinned, which covers every class of its MRO),
//!   guards `obj`'s class (`@obj_class`, through the `CALL`'s snapshot) and pushes `[f, obj]`
//!   like a method load, so `CALL_METHOD` inlines `f` with `obj` as `self`.
//!
//! Anything else (`super()` in the trace's own frame, whose code object may belong to
//! several functions with different `__class__` cells; a first local that is not an object;
//! an attribute that is not a plain function; any other use of the `super` object) aborts
//! with [`AbortReason::UnsupportedCall`]. (CPython `Objects/typeobject.c`, `super_init`,
//! `super_getattro`.)

use crate::record::{Abort, AbortReason, Observe, PyVal, Recorder};

impl Recorder {
    /// `[super] CALL 0` (the builtin `super`, no arguments) at `pc`: pushes a
    /// [`PyVal::VSuper`] in place of the callable (see the module docs).
    pub(crate) fn super_call(&mut self, pc: u32, n: usize, extra: usize, obs: &dyn Observe) -> Result<u32, Abort> {
        if n != 0 || extra != 0 || self.inl.is_empty() || self.func.is_some() {
            let d = "super() outside an inlined method, or with arguments";
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        let PyVal::Obj(obj) = self.read_local(0, obs, pc)? else {
            return Err(self.abort(
                AbortReason::UnsupportedCall,
                pc,
                "super() with a first local that is no object",
            ));
        };
        let s = self.snap(pc);
        self.pop(pc)?;
        self.push(PyVal::VSuper(obj, s));
        Ok(pc.saturating_add(1))
    }

    /// `LOAD_METHOD name` on a [`PyVal::VSuper`] `(obj, s)` at `pc`: the method `super`
    /// finds, as `[f, obj]` behind a guard on `obj`'s class (see the module docs).
    pub(crate) fn super_method(&mut self, pc: u32, name: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let PyVal::VSuper(obj, s) = self.peek(0, pc)? else {
            return Err(self.abort(AbortReason::Desync, pc, "no super() on the stack"));
        };
        let Some(m) = obs.super_method(name) else {
            let d = format!("super().{name} is not a plain Python function");
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        self.guard_class(obj, m.cls, s);
        self.pop(pc)?;
        self.push(PyVal::Known(m.func));
        self.push(PyVal::Obj(obj));
        Ok(())
    }
}

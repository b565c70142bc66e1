//! Recording `LOAD_GLOBAL` and attribute loads from modules (`math.sqrt`, `math.pi`).
//!
//! The value is a constant of the trace: the interpreter answers what the instruction
//! pushes now ([`Observe::global`], [`Observe::module_attr`]) and, by answering, promises
//! to check before every entry of the trace that the binding still holds (the dict that
//! held the name is the same, the name is at the same position with the same value; for
//! a builtin, the globals dict's key set has not changed either: `docs/jit.md`,
//! "Globals"). The trace runs no Python code, so nothing can rebind a global while it
//! runs; `STORE_GLOBAL` and `DELETE_GLOBAL` are not recorded (they abort), and a rebinding
//! by code that runs between two entries fails the entry check.
//!
//! None, bool, 64-bit int and float values become IR constants; objects become
//! [`PyVal::Known`], a number in the recording's object table that snapshots name when the
//! object is on the operand stack (`objK`). `LOAD_ATTR` / `LOAD_METHOD` are recorded only
//! on a known module: `LOAD_METHOD` on a module pushes `[attr, NULL]` (the NULL marker is
//! a known object too, [`Observe::null`]); `LOAD_METHOD` on an exact list is `list.rs`'s
//! (`xs.append`). CPython: `LOAD_GLOBAL` and `LOAD_ATTR` in
//! `Python/ceval.c`, module attribute lookup in `Objects/moduleobject.c`.

use crate::record::{Abort, AbortReason, Known, ObjInfo, Observe, Observed, PyVal, Recorder};

impl Recorder {
    /// The trace value of a known global or attribute.
    pub(crate) fn known_val(&mut self, k: Known, pc: u32) -> Result<PyVal, Abort> {
        Ok(match k {
            Known::Scalar(Observed::None) => PyVal::None,
            Known::Scalar(Observed::Bool(b)) => PyVal::Bool(self.b.const_bool(b)),
            Known::Scalar(Observed::Int(k)) => PyVal::Int(self.b.const_i64(k)),
            Known::Scalar(Observed::Float(x)) => PyVal::Float(self.b.const_f64(x)),
            Known::Scalar(o) => {
                return Err(self.abort(AbortReason::UnsupportedGlobal, pc, format!("value {o:?}")));
            }
            Known::Obj(o) => PyVal::Known(o),
        })
    }

    /// `LOAD_GLOBAL name`: pushes the global's value as a constant.
    pub(crate) fn load_global(&mut self, pc: u32, name: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let Some(k) = obs.global(name) else {
            return Err(self.abort(AbortReason::UnsupportedGlobal, pc, format!("global {name} not pinned")));
        };
        let v = self.known_val(k, pc)?;
        self.push(v);
        Ok(())
    }

    /// `LOAD_ATTR name` (`method = false`) or `LOAD_METHOD name` on a known module: pops
    /// it, pushes the attribute's value (and, for `LOAD_METHOD`, the NULL marker).
    pub(crate) fn load_module_attr(
        &mut self,
        pc: u32,
        name: u32,
        obs: &dyn Observe,
        method: bool,
    ) -> Result<(), Abort> {
        let top = self.peek(0, pc)?;
        if method && let PyVal::Obj(_) = top {
            // a method of an object: an exact list's `append` (`list.rs`)
            return self.load_list_method(pc, name, obs);
        }
        if !matches!(top, PyVal::Known(o) if o.info == ObjInfo::Module) {
            let d = format!("attribute {name} of a {}", top.tag().name());
            return Err(self.abort(AbortReason::UnsupportedGlobal, pc, d));
        }
        let Some(k) = obs.module_attr(name) else {
            return Err(self.abort(
                AbortReason::UnsupportedGlobal,
                pc,
                format!("attribute {name} not pinned"),
            ));
        };
        let null = if method {
            match obs.null() {
                Some(n) => Some(n),
                None => return Err(self.abort(AbortReason::UnsupportedGlobal, pc, "no NULL marker")),
            }
        } else {
            None
        };
        let v = self.known_val(k, pc)?;
        self.pop(pc)?;
        self.push(v);
        if let Some(n) = null {
            self.push(PyVal::Known(n));
        }
        Ok(())
    }
}

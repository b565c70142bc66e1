//! Recording `math.sin(x)`, `math.exp(x)`, ... (one argument; the table in `ir/mathfn.rs`).
//!
//! `[f, NULL, x] CALL_METHOD 1` (`math.sin(x)`) or `[f, x] CALL 1` (`from math import
//! sin; sin(x)`), with `f` a known object whose [`ObjInfo`](crate::record::ObjInfo) is
//! [`Builtin::Math`], and `x` an int or a float:
//!
//! - an int is converted as `float(x)` (`int_to_float`: round half to even, as the
//!   interpreter's `PyFloat_AsDouble` of an int does, so ints beyond 2**53 convert to the
//!   same float in both tiers and need no guard);
//! - the row's op (`float_sin`, ...) computes the libm result and exits where CPython's
//!   `math_1` raises (`ValueError("math domain error")`, `OverflowError("math range
//!   error")`): the exit resumes at the call with the callable, the NULL marker and the
//!   argument on the stack, and the interpreter redoes the call and raises, traceback
//!   included. `math.fabs` is `float_abs` (it never raises).
//!
//! `math.atan2(y, x)` and `math.copysign(x, y)` of two ints or floats are `float_atan2` and
//! `float_copysign` (they never raise).
//!
//! A call that raises while it is being recorded aborts the recording
//! ([`AbortReason::RaisesNow`]: the recording cannot follow the exception). Any other
//! argument (a bool, a big int, an object, two arguments as in `math.log(x, base)`) is an
//! opaque call where one is allowed (`call.rs`), as for `math.sqrt`.

use crate::ir::Op;
use crate::ir::mathfn::{MathFn, MathFn2};
use crate::record::{Abort, AbortReason, Builtin, Observe, Observed, PyVal, Recorder};

impl Recorder {
    /// The result of `math.<m>(a)`, `a` the call's one argument (still on the recorded
    /// stack, for the snapshot of the op's exit).
    pub(crate) fn math_call(&mut self, pc: u32, m: MathFn, a: PyVal, obs: &dyn Observe) -> Result<PyVal, Abort> {
        let x = match a {
            PyVal::Int(x) => self.b.unary(Op::IntToFloat, x),
            PyVal::Float(x) => x,
            _ => {
                let d = format!("{:?}({})", Builtin::Math(m), a.tag().name());
                return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
            }
        };
        let now = match obs.stack(0) {
            Observed::Int(k) => k as f64,
            Observed::Float(v) => v,
            o => return Err(self.abort(AbortReason::Desync, pc, format!("math.{} of {o:?}", m.py_name()))),
        };
        if m.eval(now).is_none() {
            let d = format!("math.{}({now}) raises", m.py_name());
            return Err(self.abort(AbortReason::RaisesNow, pc, d));
        }
        if !m.can_raise() {
            return Ok(PyVal::Float(self.b.unary(m.op(), x)));
        }
        let s = self.snap(pc);
        Ok(PyVal::Float(self.b.exiting(m.op(), &[x], s)))
    }

    /// The result of `math.<m>(a, b)` (no exit: these never raise).
    pub(crate) fn math2_call(&mut self, pc: u32, m: MathFn2, a: PyVal, b: PyVal) -> Result<PyVal, Abort> {
        let num = |v: PyVal| matches!(v, PyVal::Int(_) | PyVal::Float(_));
        let (true, true) = (num(a), num(b)) else {
            let d = format!("{:?}({}, {})", Builtin::Math2(m), a.tag().name(), b.tag().name());
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        let (Some(x), Some(y)) = (self.as_float(a), self.as_float(b)) else {
            return Err(self.abort(AbortReason::Desync, pc, "math2 argument"));
        };
        Ok(PyVal::Float(self.b.binary(m.op(), x, y)))
    }
}

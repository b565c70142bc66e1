//! Int and float operators: `BINARY_OP`, `COMPARE_OP` and the unary operators.
//!
//! Python semantics on 64-bit ints, or an exit: `+ - *` and unary `-` are
//! overflow-checked (`_ov` ops; on overflow the interpreter redoes the instruction with big
//! ints); `//` and `%` round toward negative infinity and exit on a zero divisor (the
//! interpreter raises `ZeroDivisionError`); `<<` and `>>` guard `0 <= b < 64` and `<<`
//! guards that shifting back gives the operand (no bits lost); int `/` guards both operands
//! within ±2^53 (exact as floats, so one IEEE division is correctly rounded, as CPython's
//! int true division) and a non-zero divisor. Float `+ - * /` are IEEE, `/` guarded against
//! a zero divisor; mixed int/float operands convert the int with `int_to_float` (Python's
//! `float(int)`). Comparisons of an int with a float guard the int within ±2^53, where the
//! conversion is exact (Python compares the exact values). (CPython
//! `Objects/longobject.c`, `Objects/floatobject.c`.)
//!
//! While recording, the observed operands decide: an operation that raises or overflows
//! now aborts ([`AbortReason::RaisesNow`], [`AbortReason::BigIntResult`]) instead of
//! recording a guard that fails at once. Every exit resumes at the instruction with its
//! operands on the stack.

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator as C, Opcode};

use crate::ir::{CallEffect, InsnId, Op, SnapId, Type};
use crate::record::{
    Abort, AbortReason, INT_STR_HELPER, Observe, Observed, PyVal, Recorder, STR_CONCAT_HELPER, STR_EQ_HELPER,
};

/// Ints within ±2^53 convert to `f64` exactly.
const EXACT: i64 = 1 << 53;

impl Recorder {
    /// The observed int operand (after [`Recorder::check`] said it is an int).
    fn obs_int(&self, o: Observed, pc: u32) -> Result<i64, Abort> {
        match o {
            Observed::Int(k) => Ok(k),
            _ => Err(self.abort(AbortReason::Desync, pc, format!("expected an int, observed {o:?}"))),
        }
    }

    /// `guard lo <= v <= hi`.
    fn guard_range(&mut self, v: InsnId, lo: i64, hi: i64, s: SnapId) {
        let l = self.b.const_i64(lo);
        let c = self.b.binary(Op::IntGe, v, l);
        self.guard(true, c, s);
        let h = self.b.const_i64(hi);
        let c = self.b.binary(Op::IntLe, v, h);
        self.guard(true, c, s);
    }

    /// The `f64` of an int or float operand.
    pub(crate) fn as_float(&mut self, v: PyVal) -> Option<InsnId> {
        match v {
            PyVal::Int(x) => Some(self.b.unary(Op::IntToFloat, x)),
            PyVal::Float(x) => Some(x),
            _ => None,
        }
    }

    /// `BINARY_OP arg`: `[a, b] -> [a op b]`.
    pub(crate) fn binary_op(&mut self, pc: u32, arg: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let op = B::from_arg(arg)
            .ok_or_else(|| self.abort(AbortReason::Desync, pc, format!("operator {arg}")))?
            .non_inplace();
        let (a, b) = (self.peek(1, pc)?, self.peek(0, pc)?);
        let (oa, ob) = (obs.stack(1), obs.stack(0));
        self.check(a, oa, pc)?;
        self.check(b, ob, pc)?;
        let r = match (a, b) {
            (PyVal::Int(x), PyVal::Int(y)) => {
                let (va, vb) = (self.obs_int(oa, pc)?, self.obs_int(ob, pc)?);
                self.int_binary(pc, op, (x, va), (y, vb))?
            }
            (PyVal::Int(_) | PyVal::Float(_), PyVal::Int(_) | PyVal::Float(_)) => {
                let zero = match ob {
                    Observed::Int(k) => k == 0,
                    Observed::Float(y) => y == 0.0,
                    _ => false,
                };
                if op == B::Power {
                    self.float_power(pc, (a, oa), (b, ob))?
                } else {
                    self.float_binary(pc, op, a, b, zero)?
                }
            }
            (PyVal::Obj(x), PyVal::Obj(y)) if op == B::Add && obs.stack_str(1) && obs.stack_str(0) => {
                self.str_concat(pc, x, y)?
            }
            _ => {
                let d = format!("{} {} {}", a.tag().name(), op.symbol(), b.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(r);
        Ok(())
    }

    /// `str(x)` of an int: `%s = call @int_str(area, x) -> own ptr writes`, guarded
    /// non-zero; the same conditions as [`Recorder::str_concat`] (else `UnsupportedCall`:
    /// the caller makes the call opaquely).
    pub(crate) fn int_str(&mut self, pc: u32, x: InsnId) -> Result<PyVal, Abort> {
        if self.area == 0 || self.func.is_some() {
            let d = "str(int) without the call area or in a function trace";
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        self.owned_str(pc, INT_STR_HELPER, &[x])
    }

    /// `%t = call @helper(area, args...) -> own ptr writes` making a str (`owned_alloc`:
    /// a str holds no object, so it may be released while borrowed words are held).
    fn owned_str(&mut self, pc: u32, helper: &str, args: &[InsnId]) -> Result<PyVal, Abort> {
        let area = self.area_ptr();
        let mut all = vec![area];
        all.extend_from_slice(args);
        Ok(PyVal::Obj(self.owned_alloc(pc, helper, &all, true)))
    }

    /// `a + b` of two exact strs (observed so; `+=` too: strs are immutable):
    /// `%s = call @str_concat(area, a, b) -> own ptr writes`, guarded non-zero (0: either is
    /// no exact str, whose `__add__` the interpreter then calls). An owned value like any
    /// allocation. Loop traces with the call area only (as `BUILD_TUPLE`).
    fn str_concat(&mut self, pc: u32, x: InsnId, y: InsnId) -> Result<PyVal, Abort> {
        if self.area == 0 || self.func.is_some() {
            let d = "str + str without the call area or in a function trace";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        self.owned_str(pc, STR_CONCAT_HELPER, &[x, y])
    }

    fn int_binary(&mut self, pc: u32, op: B, (x, va): (InsnId, i64), (y, vb): (InsnId, i64)) -> Result<PyVal, Abort> {
        let big = |r: &Recorder| r.abort(AbortReason::BigIntResult, pc, format!("{va} {} {vb}", op.symbol()));
        let raises = |r: &Recorder, what: &str| r.abort(AbortReason::RaisesNow, pc, what.to_string());
        let checked = |op: Op, ok: bool, r: &mut Recorder| -> Result<PyVal, Abort> {
            if !ok {
                return Err(big(r));
            }
            let s = r.snap(pc);
            Ok(PyVal::Int(r.b.exiting(op, &[x, y], s)))
        };
        Ok(match op {
            B::Add => checked(Op::IntAddOv, va.checked_add(vb).is_some(), self)?,
            B::Subtract => checked(Op::IntSubOv, va.checked_sub(vb).is_some(), self)?,
            B::Multiply => checked(Op::IntMulOv, va.checked_mul(vb).is_some(), self)?,
            B::FloorDivide | B::Remainder => {
                if vb == 0 {
                    return Err(raises(self, "division by zero"));
                }
                let ir = if op == B::FloorDivide {
                    Op::IntFloorDiv
                } else {
                    Op::IntMod
                };
                checked(ir, va.checked_div(vb).is_some() || op == B::Remainder, self)?
            }
            B::And => PyVal::Int(self.b.binary(Op::IntAnd, x, y)),
            B::Or => PyVal::Int(self.b.binary(Op::IntOr, x, y)),
            B::Xor => PyVal::Int(self.b.binary(Op::IntXor, x, y)),
            B::Lshift | B::Rshift => {
                if vb < 0 {
                    return Err(raises(self, "negative shift count"));
                }
                let left = op == B::Lshift;
                let fits = vb < 64 && (!left || va.checked_shl(vb as u32).is_some_and(|r| r >> vb == va));
                if !fits {
                    return Err(if left {
                        big(self)
                    } else {
                        self.abort(AbortReason::UnsupportedOperand, pc, format!("shift by {vb}"))
                    });
                }
                let s = self.snap(pc);
                self.guard_range(y, 0, 63, s);
                if left {
                    let r = self.b.binary(Op::IntShl, x, y);
                    let back = self.b.binary(Op::IntShr, r, y);
                    let same = self.b.binary(Op::IntEq, back, x);
                    self.guard(true, same, s);
                    PyVal::Int(r)
                } else {
                    PyVal::Int(self.b.binary(Op::IntShr, x, y))
                }
            }
            B::TrueDivide => {
                if vb == 0 {
                    return Err(raises(self, "division by zero"));
                }
                if !(-EXACT..=EXACT).contains(&va) || !(-EXACT..=EXACT).contains(&vb) {
                    return Err(self.abort(AbortReason::UnsupportedOperand, pc, "int / int beyond 2**53"));
                }
                let s = self.snap(pc);
                self.guard_range(x, -EXACT, EXACT, s);
                self.guard_range(y, -EXACT, EXACT, s);
                let z = self.b.const_i64(0);
                let nz = self.b.binary(Op::IntNe, y, z);
                self.guard(true, nz, s);
                let fx = self.b.unary(Op::IntToFloat, x);
                let fy = self.b.unary(Op::IntToFloat, y);
                PyVal::Float(self.b.binary(Op::FloatDiv, fx, fy))
            }
            _ => {
                return Err(self.abort(AbortReason::UnsupportedOperator, pc, format!("int {} int", op.symbol())));
            }
        })
    }

    /// `a ** b` with a float operand: `guard_true a > 0.0`, `float_pow`, then
    /// `guard_true |r| < inf`; both guards resume at the `BINARY_OP`, where the interpreter
    /// returns a complex number (negative base), raises (`0.0 ** -1`, overflow) or handles
    /// NaN. Recording aborts when the observed operands are such a case.
    fn float_power(&mut self, pc: u32, (a, oa): (PyVal, Observed), (b, ob): (PyVal, Observed)) -> Result<PyVal, Abort> {
        let num = |o: Observed| match o {
            Observed::Int(k) => Some(k as f64),
            Observed::Float(x) => Some(x),
            _ => None,
        };
        let (Some(va), Some(vb)) = (num(oa), num(ob)) else {
            return Err(self.abort(AbortReason::Desync, pc, "power operands"));
        };
        if !(va > 0.0 && va.powf(vb).is_finite()) {
            let d = format!("{va:?} ** {vb:?}: base not positive or result not finite");
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        let s = self.snap(pc);
        let (Some(x), Some(y)) = (self.as_float(a), self.as_float(b)) else {
            return Err(self.abort(AbortReason::Desync, pc, "float operands"));
        };
        let zero = self.b.const_f64(0.0);
        let positive = self.b.binary(Op::FloatGt, x, zero);
        self.guard(true, positive, s);
        let r = self.b.binary(Op::FloatPow, x, y);
        let m = self.b.unary(Op::FloatAbs, r);
        let inf = self.b.const_f64(f64::INFINITY);
        let finite = self.b.binary(Op::FloatLt, m, inf);
        self.guard(true, finite, s);
        Ok(PyVal::Float(r))
    }

    fn float_binary(&mut self, pc: u32, op: B, a: PyVal, b: PyVal, zero_divisor: bool) -> Result<PyVal, Abort> {
        let ir = match op {
            B::Add => Op::FloatAdd,
            B::Subtract => Op::FloatSub,
            B::Multiply => Op::FloatMul,
            B::TrueDivide => Op::FloatDiv,
            _ => {
                let d = format!("{} {} {}", a.tag().name(), op.symbol(), b.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperator, pc, d));
            }
        };
        if ir == Op::FloatDiv && zero_divisor {
            return Err(self.abort(AbortReason::RaisesNow, pc, "float division by zero"));
        }
        let s = (ir == Op::FloatDiv).then(|| self.snap(pc));
        let (Some(x), Some(y)) = (self.as_float(a), self.as_float(b)) else {
            return Err(self.abort(AbortReason::Desync, pc, "float operands"));
        };
        if let Some(s) = s {
            let z = self.b.const_f64(0.0);
            let c = self.b.binary(Op::FloatEq, y, z);
            self.guard(false, c, s);
        }
        Ok(PyVal::Float(self.b.binary(ir, x, y)))
    }

    /// `COMPARE_OP arg`: `[a, b] -> [a op b]` (a bool).
    pub(crate) fn compare_op(&mut self, pc: u32, arg: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let op = C::from_arg(arg).ok_or_else(|| self.abort(AbortReason::Desync, pc, format!("comparison {arg}")))?;
        let (a, b) = (self.peek(1, pc)?, self.peek(0, pc)?);
        let (oa, ob) = (obs.stack(1), obs.stack(0));
        self.check(a, oa, pc)?;
        self.check(b, ob, pc)?;
        let pick = |i: [Op; 6]| match op {
            C::Less => i[0],
            C::LessEqual => i[1],
            C::Equal => i[2],
            C::NotEqual => i[3],
            C::Greater => i[4],
            C::GreaterEqual => i[5],
        };
        if let (C::Equal | C::NotEqual, PyVal::Obj(x), PyVal::Obj(y)) = (op, a, b)
            && obs.stack_str(1)
            && obs.stack_str(0)
        {
            return self.str_compare(pc, op == C::NotEqual, x, y);
        }
        if matches!(op, C::Equal | C::NotEqual)
            && matches!(
                (a, b),
                (PyVal::Obj(_), PyVal::Obj(_) | PyVal::None) | (PyVal::None, PyVal::Obj(_))
            )
        {
            return self.identity_compare(pc, op == C::NotEqual, a, b, obs);
        }
        let r = match (a, b) {
            (PyVal::Int(x), PyVal::Int(y)) => {
                let ir = pick([Op::IntLt, Op::IntLe, Op::IntEq, Op::IntNe, Op::IntGt, Op::IntGe]);
                self.b.binary(ir, x, y)
            }
            (PyVal::Int(_) | PyVal::Float(_), PyVal::Int(_) | PyVal::Float(_)) => {
                // Mixed: the int side must convert exactly.
                let mut s = None;
                for (v, o) in [(a, oa), (b, ob)] {
                    if let (PyVal::Int(x), Observed::Int(k)) = (v, o) {
                        if !(-EXACT..=EXACT).contains(&k) {
                            return Err(self.abort(
                                AbortReason::UnsupportedOperand,
                                pc,
                                "int beyond 2**53 compared with a float",
                            ));
                        }
                        let snap = *s.get_or_insert_with(|| self.snap(pc));
                        self.guard_range(x, -EXACT, EXACT, snap);
                    }
                }
                let (Some(x), Some(y)) = (self.as_float(a), self.as_float(b)) else {
                    return Err(self.abort(AbortReason::Desync, pc, "float operands"));
                };
                let ir = pick([
                    Op::FloatLt,
                    Op::FloatLe,
                    Op::FloatEq,
                    Op::FloatNe,
                    Op::FloatGt,
                    Op::FloatGe,
                ]);
                self.b.binary(ir, x, y)
            }
            _ => {
                let d = format!("{} {} {}", a.tag().name(), op.symbol(), b.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(PyVal::Bool(r));
        Ok(())
    }

    /// `a == b` / `a != b` (`ne`) of objects (or an object and None) whose classes compare
    /// by identity ([`Observe::identity_eq`]): each object's class guarded by its word
    /// (`@obj_class`, exit at the comparison), then `ptr_eq` (a constant against None).
    /// `a == b` / `a != b` of two exact strs (observed so): `@str_eq(a, b)` answers 1 or 0,
    /// or -1 when either is no exact str (a subclass may override `__eq__`), which exits at
    /// the comparison with its operands on the stack. Pure: a str never changes, so `cse`
    /// merges repeated comparisons and `peel` hoists invariant ones. (CPython
    /// `Objects/unicodeobject.c` `PyUnicode_RichCompare`: equal code points.)
    fn str_compare(&mut self, pc: u32, ne: bool, a: InsnId, b: InsnId) -> Result<(), Abort> {
        let s = self.snap(pc);
        let r = self.b.call(STR_EQ_HELPER, CallEffect::Pure, &[a, b], Type::I64);
        let zero = self.b.const_i64(0);
        let known = self.b.binary(Op::IntGe, r, zero);
        self.guard(true, known, s);
        let one = self.b.const_i64(1);
        let eq = self.b.binary(if ne { Op::IntNe } else { Op::IntEq }, r, one);
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(PyVal::Bool(eq));
        Ok(())
    }

    fn identity_compare(&mut self, pc: u32, ne: bool, a: PyVal, b: PyVal, obs: &dyn Observe) -> Result<(), Abort> {
        let Some(e) = obs.identity_eq() else {
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, "== of objects with __eq__"));
        };
        let s = self.snap(pc);
        for (v, cls) in [(a, e.a), (b, e.b)] {
            match v {
                PyVal::Obj(w) if cls != 0 => {
                    let c = self.b.const_ptr(cls);
                    let k = self.b.call(
                        crate::record::OBJ_CLASS_HELPER,
                        crate::ir::CallEffect::Pure,
                        &[w],
                        crate::ir::Type::Ptr,
                    );
                    let same = self.b.binary(Op::PtrEq, k, c);
                    self.guard(true, same, s);
                }
                PyVal::None if cls == 0 => {}
                _ => return Err(self.abort(AbortReason::Desync, pc, "identity_eq operands")),
            }
        }
        let same = match (a, b) {
            (PyVal::Obj(x), PyVal::Obj(y)) => self.b.binary(Op::PtrEq, x, y),
            _ => self.b.const_bool(false),
        };
        let r = if ne { self.b.unary(Op::BoolNot, same) } else { same };
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(PyVal::Bool(r));
        Ok(())
    }

    /// `UNARY_NEGATIVE`, `UNARY_POSITIVE`, `UNARY_NOT`, `UNARY_INVERT`: `[x] -> [op x]`.
    pub(crate) fn unary_op(&mut self, pc: u32, op: Opcode, obs: &dyn Observe) -> Result<(), Abort> {
        let v = self.peek(0, pc)?;
        let o = obs.stack(0);
        self.check(v, o, pc)?;
        let r = match (op, v) {
            (Opcode::UnaryNegative, PyVal::Int(x)) => {
                if o == Observed::Int(i64::MIN) {
                    return Err(self.abort(AbortReason::BigIntResult, pc, "-(-2**63)"));
                }
                let s = self.snap(pc);
                let z = self.b.const_i64(0);
                PyVal::Int(self.b.exiting(Op::IntSubOv, &[z, x], s))
            }
            (Opcode::UnaryNegative, PyVal::Float(x)) => PyVal::Float(self.b.unary(Op::FloatNeg, x)),
            (Opcode::UnaryPositive, PyVal::Int(_) | PyVal::Float(_)) => v,
            (Opcode::UnaryInvert, PyVal::Int(x)) => {
                let m = self.b.const_i64(-1);
                PyVal::Int(self.b.binary(Op::IntXor, x, m))
            }
            (Opcode::UnaryNot, PyVal::None) => PyVal::Bool(self.b.const_bool(true)),
            (Opcode::UnaryNot, PyVal::Bool(c)) => PyVal::Bool(self.b.unary(Op::BoolNot, c)),
            (Opcode::UnaryNot, PyVal::Int(x)) => {
                let z = self.b.const_i64(0);
                PyVal::Bool(self.b.binary(Op::IntEq, x, z))
            }
            (Opcode::UnaryNot, PyVal::Float(x)) => {
                let z = self.b.const_f64(0.0);
                PyVal::Bool(self.b.binary(Op::FloatEq, x, z))
            }
            _ => {
                let d = format!("{} of {}", op.name(), v.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        self.pop(pc)?;
        self.push(r);
        Ok(())
    }
}

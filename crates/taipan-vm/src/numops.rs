//! Binary and unary operators: built-in fast paths (ints, floats, sequences, sets, dicts)
//! and the special-method protocol with reflected operands, as CPython's
//! `Objects/abstract.c` (`binary_op1`, `binary_iop1`).

use std::rc::Rc;

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator};

use crate::object::ObjKind;
use crate::support::int::{NumError, PowResult, PyInt};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The int value of `v` if it is an int or bool (including int subclass instances).
pub fn to_pyint(v: &Value) -> Option<PyInt> {
    match v {
        Value::Int(i) => Some(PyInt::Small(*i)),
        Value::Bool(b) => Some(PyInt::Small(*b as i64)),
        Value::Obj(o) => match &o.kind {
            ObjKind::Int(b) => Some(PyInt::from_ibig(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// The float value of an int, bool or float (`None` for other kinds); ints too large
/// for a float give an OverflowError.
pub fn to_f64_lossy(vm: &mut Vm, v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        Value::Obj(o) if matches!(o.kind, ObjKind::Float(_)) => match o.kind {
            ObjKind::Float(f) => Some(Ok(f)),
            _ => None,
        },
        _ => to_pyint(v).map(|i| i.to_f64().map_err(|e| num_err(vm, e))),
    }
}

/// Converts a numeric support error into a Python exception.
pub fn num_err(vm: &mut Vm, e: NumError) -> PyErr {
    let ty = match &e {
        NumError::ZeroDivision(_) => vm.exc.zero_division_error.clone(),
        NumError::Overflow(_) => vm.exc.overflow_error.clone(),
        NumError::Value(_) | NumError::ComplexResult => vm.exc.value_error.clone(),
        NumError::Type(_) => vm.exc.type_error.clone(),
        NumError::Memory => vm.exc.memory_error.clone(),
    };
    if let NumError::Memory = e {
        return PyErr(vm.new_exception(&ty, vec![]));
    }
    vm.new_error(&ty, e.message().to_string())
}

/// An int value from a `PyInt`.
pub fn int_value(vm: &Vm, i: PyInt) -> Value {
    match i {
        PyInt::Small(s) => Value::Int(s),
        PyInt::Big(b) => vm.new_bigint(b),
    }
}

fn is_heap(vm: &Vm, v: &Value) -> bool {
    vm.class_of(v).kind.is_heap_type()
}

/// Exact comparison of two numbers (int, bool, float); `None` if either is not a number.
pub fn compare_numbers(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> Option<bool> {
    use std::cmp::Ordering;
    // boxed floats (NaN objects, float subclass instances) compare as their value
    let unbox = |v: &Value| match v {
        Value::Obj(o) => match o.kind {
            ObjKind::Float(f) => Value::Float(f),
            _ => v.clone(),
        },
        _ => v.clone(),
    };
    let (a, b) = (&unbox(a), &unbox(b));
    let ord: Option<Ordering> = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), _) => {
            let i = to_pyint(b)?;
            i.cmp_f64(*x).map(|o| o.reverse())
        }
        (_, Value::Float(y)) => {
            let i = to_pyint(a)?;
            i.cmp_f64(*y)
        }
        _ => {
            let x = to_pyint(a)?;
            let y = to_pyint(b)?;
            Some(x.cmp(&y))
        }
    };
    Some(match ord {
        None => op == ComparisonOperator::NotEqual,
        Some(o) => match op {
            ComparisonOperator::Less => o.is_lt(),
            ComparisonOperator::LessEqual => o.is_le(),
            ComparisonOperator::Equal => o.is_eq(),
            ComparisonOperator::NotEqual => o.is_ne(),
            ComparisonOperator::Greater => o.is_gt(),
            ComparisonOperator::GreaterEqual => o.is_ge(),
        },
    })
}

/// `x op y` on two machine ints when the result is a machine int (`None`: the general
/// path, e.g. on overflow, a negative shift count or exponent, division by zero).
/// The interpreter computes `+ - * // % & | ^` in place already; this catches the
/// rest (shifts, powers) before the big-int machinery.
#[inline]
fn small_int_binary(x: i64, y: i64, op: B) -> Option<i64> {
    match op {
        B::Add => x.checked_add(y),
        B::Subtract => x.checked_sub(y),
        B::Multiply => x.checked_mul(y),
        B::And => Some(x & y),
        B::Or => Some(x | y),
        B::Xor => Some(x ^ y),
        // floor: shifting right by 63 or more leaves only the sign
        B::Rshift if y >= 0 => Some(x >> y.min(63)),
        B::Lshift if (0..64).contains(&y) => {
            let r = x << y;
            // exact only if shifting back restores x (no bits or sign lost)
            (r >> y == x).then_some(r)
        }
        B::Power if y >= 0 => x.checked_pow(u32::try_from(y).ok()?),
        B::FloorDivide => {
            let q = x.checked_div(y)?;
            let r = x.checked_rem(y)?;
            Some(if r != 0 && ((r < 0) != (y < 0)) { q - 1 } else { q })
        }
        B::Remainder => {
            let r = x.checked_rem(y)?;
            Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
        }
        _ => None,
    }
}

impl Vm {
    /// `a op b` for any binary operator, including in-place forms.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: B) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b)
            && let Some(r) = small_int_binary(*x, *y, op.non_inplace())
        {
            return Ok(Value::Int(r));
        }
        // two exact strs (`w + ","`): concatenated without the generic dispatch (CPython
        // 3.11 `BINARY_OP_ADD_UNICODE`); the code point count is the sum of the two
        if let (Value::Obj(x), Value::Obj(y)) = (a, b)
            && let (ObjKind::Str(s), ObjKind::Str(t)) = (&x.kind, &y.kind)
            && matches!(op.non_inplace(), B::Add)
            && x.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &self.types.str))
            && y.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &self.types.str))
        {
            return Ok(Value::new_obj(
                &self.types.str,
                ObjKind::Str(crate::object::PyStr::concat(s, t)),
            ));
        }
        // two exact lists (`xs[i + 1:] + xs[i:i + 1]`): a new list of the two item runs
        // (`list_concat` in CPython's Objects/listobject.c), without the float/complex probes
        // of the generic path; `+=` keeps going to the in-place path below
        if let (Value::Obj(x), Value::Obj(y)) = (a, b)
            && let (ObjKind::List(l), ObjKind::List(r)) = (&x.kind, &y.kind)
            && matches!(op, B::Add)
            && x.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &self.types.list))
            && y.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &self.types.list))
        {
            let (l, r) = (l.borrow(), r.borrow());
            let mut items = Vec::with_capacity(l.len().saturating_add(r.len()));
            items.extend_from_slice(&l);
            items.extend_from_slice(&r);
            drop((l, r));
            return Ok(self.new_list(items));
        }
        let heap = is_heap(self, a) || is_heap(self, b);
        if !heap {
            if let Some(r) = self.builtin_binary(a, b, op) {
                return r;
            }
        }
        if op.is_inplace() {
            if let Some(m) = self.lookup_special(a, op.dunder()) {
                if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                    let r = self.call(&m, &[a.clone(), b.clone()])?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
        }
        let nop = op.non_inplace();
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        let mut reflected_done = false;
        if !Rc::ptr_eq(&ta, &tb) && crate::types::is_subtype(&tb, &ta) {
            if let Some(m) = self.lookup_special(b, nop.reflected_dunder()) {
                reflected_done = true;
                let r = self.call(&m, &[b.clone(), a.clone()])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = self.lookup_special(a, nop.dunder()) {
            let r = self.call(&m, &[a.clone(), b.clone()])?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !reflected_done && !Rc::ptr_eq(&ta, &tb) {
            if let Some(m) = self.lookup_special(b, nop.reflected_dunder()) {
                let r = self.call(&m, &[b.clone(), a.clone()])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if heap {
            if let Some(r) = self.builtin_binary(a, b, op) {
                return r;
            }
        }
        if nop == B::Add {
            let seq_name = match a.kind() {
                Some(ObjKind::Str(_)) => Some("str"),
                Some(ObjKind::List(_)) => Some("list"),
                Some(ObjKind::Tuple(_)) => Some("tuple"),
                Some(ObjKind::Bytes(_)) => Some("bytes"),
                _ => None,
            };
            if let Some(sn) = seq_name {
                if !matches!(a.kind(), Some(ObjKind::Bytes(_))) {
                    let msg = format!("can only concatenate {sn} (not \"{}\") to {sn}", self.type_name(b));
                    return Err(self.type_error(msg));
                }
                let msg = format!("can't concat {} to {sn}", self.type_name(b));
                return Err(self.type_error(msg));
            }
        }
        if nop == B::Multiply {
            let seq = matches!(
                a.kind(),
                Some(ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_))
            ) || matches!(
                b.kind(),
                Some(ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_))
            );
            let other = if matches!(
                a.kind(),
                Some(ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_))
            ) {
                b
            } else {
                a
            };
            if seq && !matches!(other, Value::Int(_) | Value::Bool(_)) && crate::numops::to_pyint(other).is_none() {
                let msg = format!("can't multiply sequence by non-int of type '{}'", self.type_name(other));
                return Err(self.type_error(msg));
            }
        }
        let sym = if nop == B::Power {
            "** or pow()".to_string()
        } else {
            op.symbol().to_string()
        };
        let msg = format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        );
        if op == B::Remainder || op == B::InplaceRemainder {
            // str % non-tuple handled in builtin_binary; fall through to the generic message
        }
        Err(self.type_error(msg))
    }

    /// Built-in implementations; `None` when the operand kinds have none.
    fn builtin_binary(&mut self, a: &Value, b: &Value, op: B) -> Option<PyResult<Value>> {
        let nop = op.non_inplace();
        // bool & | ^ bool stays bool
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match nop {
                B::And => return Some(Ok(Value::Bool(*x & *y))),
                B::Or => return Some(Ok(Value::Bool(*x | *y))),
                B::Xor => return Some(Ok(Value::Bool(*x ^ *y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (to_pyint(a), to_pyint(b)) {
            return Some(self.int_binary(&x, &y, nop));
        }
        if matches!(nop, B::Lshift | B::Rshift | B::And | B::Or | B::Xor | B::MatrixMultiply) {
            return crate::builtins::seqops::sequence_binary(self, a, b, op);
        }
        let af = self.float_operand(a);
        let bf = self.float_operand(b);
        if let (Some(x), Some(y)) = (af, bf) {
            let x = match x {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            let y = match y {
                Ok(y) => y,
                Err(e) => return Some(Err(e)),
            };
            return Some(self.float_binary(x, y, nop));
        }
        if let Some(r) = crate::builtins::complex::complex_binary(self, a, b, nop) {
            return Some(r);
        }
        crate::builtins::seqops::sequence_binary(self, a, b, op)
    }

    fn float_operand(&mut self, v: &Value) -> Option<PyResult<f64>> {
        match v {
            Value::Float(f) => Some(Ok(*f)),
            Value::Obj(o) => match &o.kind {
                ObjKind::Float(f) => Some(Ok(*f)),
                ObjKind::Int(_) => to_f64_lossy(self, v),
                _ => None,
            },
            Value::Int(_) | Value::Bool(_) => to_f64_lossy(self, v),
            _ => None,
        }
    }

    fn int_binary(&mut self, x: &PyInt, y: &PyInt, op: B) -> PyResult<Value> {
        let r: Result<PyInt, NumError> = match op {
            B::Add => Ok(x.add(y)),
            B::Subtract => Ok(x.sub(y)),
            B::Multiply => x.checked_mul(y),
            B::FloorDivide => x.floordiv(y),
            B::Remainder => x.modulo(y),
            B::TrueDivide => return x.truediv(y).map(Value::Float).map_err(|e| num_err(self, e)),
            B::Power => {
                return match x.pow(y) {
                    Ok(PowResult::Int(i)) => Ok(int_value(self, i)),
                    Ok(PowResult::Float(f)) => Ok(Value::Float(f)),
                    Err(e) => Err(num_err(self, e)),
                };
            }
            B::Lshift => x.lshift(y),
            B::Rshift => x.rshift(y),
            B::And => Ok(x.bitand(y)),
            B::Or => Ok(x.bitor(y)),
            B::Xor => Ok(x.bitxor(y)),
            B::MatrixMultiply => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
            }
            _ => return Err(self.type_error("bad operator")),
        };
        match r {
            Ok(i) => Ok(int_value(self, i)),
            Err(e) => Err(num_err(self, e)),
        }
    }

    fn float_binary(&mut self, x: f64, y: f64, op: B) -> PyResult<Value> {
        use crate::support::float_ops as fo;
        let r = match op {
            B::Add => Ok(x + y),
            B::Subtract => Ok(x - y),
            B::Multiply => Ok(x * y),
            B::TrueDivide => {
                if y == 0.0 {
                    return Err(self.zero_division_error("float division by zero"));
                }
                Ok(x / y)
            }
            B::FloorDivide => fo::floordiv(x, y),
            B::Remainder => fo::modulo(x, y),
            B::Power => fo::pow(x, y),
            _ => {
                let msg = format!("unsupported operand type(s) for {}: 'float' and 'float'", op.symbol());
                return Err(self.type_error(msg));
            }
        };
        match r {
            Ok(f) => Ok(Value::Float(f)),
            // CPython's float_pow hands a negative base with a fractional exponent to complex **.
            Err(NumError::ComplexResult) => crate::builtins::complex::pow_value(self, (x, 0.0), (y, 0.0)),
            Err(e) => Err(num_err(self, e)),
        }
    }

    /// Unary `-`, `+`, `~` (by special method name).
    pub fn unary_op(&mut self, v: &Value, dunder: &str) -> PyResult<Value> {
        if !is_heap(self, v) {
            if let Some(i) = to_pyint(v) {
                return Ok(match dunder {
                    "__neg__" => int_value(self, i.neg()),
                    "__pos__" => int_value(self, i),
                    _ => int_value(self, i.invert()),
                });
            }
            if let Value::Float(x) = v {
                match dunder {
                    "__neg__" => return Ok(Value::Float(-x)),
                    "__pos__" => return Ok(Value::Float(*x)),
                    _ => {}
                }
            }
        }
        if let Some(r) = self.call_special(v, dunder, &[])? {
            return Ok(r);
        }
        if let Some(i) = to_pyint(v) {
            return Ok(match dunder {
                "__neg__" => int_value(self, i.neg()),
                "__pos__" => int_value(self, i),
                _ => int_value(self, i.invert()),
            });
        }
        let sym = match dunder {
            "__neg__" => "-",
            "__pos__" => "+",
            _ => "~",
        };
        Err(self.type_error(format!("bad operand type for unary {}: '{}'", sym, self.type_name(v))))
    }
}

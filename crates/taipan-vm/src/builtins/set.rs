//! `set` / `frozenset` operators and helpers (CPython `Objects/setobject.c`).

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator};

use crate::object::ObjKind;
use crate::set::Set;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The items of a set or frozenset value.
pub fn set_items(v: &Value) -> Vec<Value> {
    match v.kind() {
        Some(ObjKind::Set(s)) => s.borrow().iter().cloned().collect(),
        Some(ObjKind::FrozenSet(s)) => s.iter().cloned().collect(),
        _ => vec![],
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::FrozenSet(_)))
}

/// Builds a set (or frozenset) value from items.
pub fn make_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = vm.new_set(Set::new());
    let Value::Obj(o) = &s else { return Ok(s) };
    for it in items {
        vm.set_add(o, it)?;
    }
    if frozen {
        let inner = match &o.kind {
            ObjKind::Set(c) => c.borrow().clone(),
            _ => Set::new(),
        };
        return Ok(Value::new_obj(&vm.types.frozenset, ObjKind::FrozenSet(inner)));
    }
    Ok(s)
}

fn contains(vm: &mut Vm, s: &Value, x: &Value) -> PyResult<bool> {
    match s {
        Value::Obj(o) => vm.set_contains(o, x),
        _ => Ok(false),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (and in-place forms) for sets.
pub fn set_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Value> {
    let xa = set_items(a);
    let xb = set_items(b);
    let mut out = Vec::new();
    match op.non_inplace() {
        B::Or => {
            out.extend(xa);
            out.extend(xb);
        }
        B::And => {
            for x in xa {
                if contains(vm, b, &x)? {
                    out.push(x);
                }
            }
        }
        B::Subtract => {
            for x in xa {
                if !contains(vm, b, &x)? {
                    out.push(x);
                }
            }
        }
        _ => {
            for x in xa {
                if !contains(vm, b, &x)? {
                    out.push(x);
                }
            }
            for x in xb {
                if !contains(vm, a, &x)? {
                    out.push(x);
                }
            }
        }
    }
    if op.is_inplace() && !is_frozen(a) {
        if let Value::Obj(o) = a {
            if let ObjKind::Set(c) = &o.kind {
                c.borrow_mut().clear();
            }
            for x in out {
                vm.set_add(o, x)?;
            }
        }
        return Ok(a.clone());
    }
    make_set(vm, out, is_frozen(a))
}

/// Comparisons between sets (subset/superset/equality).
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let la = set_items(a).len();
    let lb = set_items(b).len();
    let a_in_b = subset(vm, a, b)?;
    let b_in_a = subset(vm, b, a)?;
    use ComparisonOperator::*;
    Ok(Value::Bool(match op {
        Equal => la == lb && a_in_b,
        NotEqual => !(la == lb && a_in_b),
        LessEqual => a_in_b,
        Less => a_in_b && la < lb,
        GreaterEqual => b_in_a,
        Greater => b_in_a && la > lb,
    }))
}

fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    for x in set_items(a) {
        if !contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The set object inside a value (for methods).
pub fn set_obj(v: &Value) -> Option<&Obj> {
    v.as_obj()
}

/// Registers this module's methods.
pub fn init(vm: &mut Vm) {
    let _ = vm;
}

//! `tuple` methods (CPython 3.11 `Objects/tupleobject.c`): `index`, `count` and the dunder
//! methods callable explicitly (`__len__`, `__getitem__`, `__contains__`, `__iter__`,
//! `__hash__`, comparisons). Searches compare the stored item (left) with `==`, identity
//! first.

use std::cell::RefCell;

use taipan_bytecode::ComparisonOperator;

use crate::builtins::args::{check_count, no_kwargs};
use crate::builtins::seqops::{check_positional, descr_error, index_bounds};
use crate::object::{IterState, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The receiver and its items, or CPython's descriptor error.
fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<(&'a Obj, &'a [Value])> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Tuple(t) = &o.kind {
            return Ok((o, t));
        }
    }
    Err(descr_error(vm, name, "tuple", args.first()))
}

/// Receiver plus a `METH_O` / `METH_NOARGS` count check.
fn this_n<'a>(vm: &mut Vm, args: &'a [Value], kw: &[Value], name: &str, n: usize) -> PyResult<(&'a Obj, &'a [Value])> {
    let r = this(vm, args, name)?;
    if kw.is_empty() && args.len() - 1 == n {
        return Ok(r);
    }
    let full = format!("tuple.{name}");
    no_kwargs(vm, &full, kw)?;
    check_count(vm, &full, args.len() - 1, n, n)?;
    Ok(r)
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, t) = this(vm, args, "index")?;
    no_kwargs(vm, "tuple.index", kw)?;
    check_positional(vm, "index", args.len() - 1, 1, 3)?;
    let x = &args[1];
    let (start, stop) = index_bounds(vm, &args[2..], t.len())?;
    for (i, v) in t.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, t) = this_n(vm, args, kw, "count", 1)?;
    let x = &args[1];
    let mut n = 0i64;
    for v in t {
        if vm.eq(v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn dunder_len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, t) = this_n(vm, args, kw, "__len__", 0)?;
    Ok(Value::Int(t.len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, t) = this_n(vm, args, kw, "__contains__", 1)?;
    for v in t {
        if vm.eq(v, &args[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn dunder_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, _) = this_n(vm, args, kw, "__iter__", 0)?;
    let st = IterState::Tuple {
        seq: o.clone(),
        index: 0,
    };
    Ok(Value::new_obj(
        &vm.types.tuple_iterator,
        ObjKind::Iter(RefCell::new(st)),
    ))
}

fn dunder_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, _) = this_n(vm, args, kw, "__getitem__", 1)?;
    match crate::builtins::seqops::builtin_getitem(vm, o, &args[1]) {
        Some(r) => r,
        None => Ok(Value::None),
    }
}

fn dunder_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, _) = this_n(vm, args, kw, "__hash__", 0)?;
    let mut hs = Vec::new();
    if let ObjKind::Tuple(items) = &o.kind {
        for it in items.iter() {
            hs.push(vm.hash(it)?);
        }
    }
    Ok(Value::Int(crate::support::hash::hash_tuple(hs)))
}

/// `tuple.__eq__` etc.: lexicographic comparison with another tuple, else NotImplemented.
fn compare(vm: &mut Vm, args: &[Value], name: &str, op: ComparisonOperator) -> PyResult<Value> {
    let (_, t) = this(vm, args, name)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    let Some(ObjKind::Tuple(r)) = args[1].kind() else {
        return Ok(vm.not_implemented.clone());
    };
    let (x, y) = (t.to_vec(), r.to_vec());
    vm.compare_sequences(&x, &y, op)
}

macro_rules! cmp_methods {
    ($( $f:ident, $name:literal, $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                compare(vm, args, $name, $op)
            }
        )*
    };
}

cmp_methods! {
    dunder_eq, "__eq__", ComparisonOperator::Equal;
    dunder_ne, "__ne__", ComparisonOperator::NotEqual;
    dunder_lt, "__lt__", ComparisonOperator::Less;
    dunder_le, "__le__", ComparisonOperator::LessEqual;
    dunder_gt, "__gt__", ComparisonOperator::Greater;
    dunder_ge, "__ge__", ComparisonOperator::GreaterEqual;
}

/// Registers the methods of `tuple`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__getitem__", dunder_getitem),
        ("__hash__", dunder_hash),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    crate::builtins::seqops::add_class_getitem(vm, &t);
}

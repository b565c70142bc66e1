//! `range` methods (CPython 3.11 `Objects/rangeobject.c`): `index`, `count`, `__len__`
//! (OverflowError when the length does not fit in 64 bits), `__contains__` (arithmetic for
//! ints, a `==` scan for anything else), `__getitem__`, `__iter__`, `__reversed__`.

use std::cell::RefCell;

use crate::builtins::args::{check_count, no_kwargs};
use crate::builtins::seqops::descr_error;
use crate::object::{IterState, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The receiver and its (start, stop, step), or CPython's descriptor error; plus a
/// `METH_O` / `METH_NOARGS` count check.
fn this<'a>(vm: &mut Vm, args: &'a [Value], kw: &[Value], name: &str, n: usize) -> PyResult<(&'a Obj, i64, i64, i64)> {
    let Some(Value::Obj(o)) = args.first() else {
        return Err(descr_error(vm, name, "range", args.first()));
    };
    let ObjKind::Range { start, stop, step } = &o.kind else {
        return Err(descr_error(vm, name, "range", args.first()));
    };
    let full = format!("range.{name}");
    no_kwargs(vm, &full, kw)?;
    check_count(vm, &full, args.len() - 1, n, n)?;
    Ok((o, *start, *stop, *step))
}

/// Exact number of items (may exceed `i64`).
fn length(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    }
}

/// Position of the int `x` in the range, if present.
fn int_position(x: i64, start: i64, stop: i64, step: i64) -> Option<i64> {
    let (x, s, e, st) = (x as i128, start as i128, stop as i128, step as i128);
    let inside = if st > 0 { x >= s && x < e } else { x <= s && x > e };
    if inside && (x - s) % st == 0 {
        i64::try_from((x - s) / st).ok()
    } else {
        None
    }
}

/// True for an exact `int` (CPython `PyLong_CheckExact`: not bool, not subclasses).
fn exact_int(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) => true,
        Value::Obj(o) => {
            matches!(o.kind, ObjKind::Int(_)) && o.class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types.int))
        }
        _ => false,
    }
}

/// Scans the range comparing each item with `x` (CPython `_PySequence_IterSearch`);
/// returns the count and the first position.
fn scan(vm: &mut Vm, x: &Value, start: i64, stop: i64, step: i64, first_only: bool) -> PyResult<(i64, Option<i64>)> {
    let n = length(start, stop, step);
    let mut count = 0;
    let mut first = None;
    let mut i: i128 = 0;
    while i < n {
        let v = start as i128 + i * step as i128;
        let item = Value::Int(v as i64);
        if vm.eq(&item, x)? {
            count += 1;
            if first.is_none() {
                first = Some(i as i64);
                if first_only {
                    break;
                }
            }
        }
        i += 1;
    }
    Ok((count, first))
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, start, stop, step) = this(vm, args, kw, "index", 1)?;
    let x = &args[1];
    if exact_int(vm, x) {
        if let Value::Int(i) = x {
            if let Some(p) = int_position(*i, start, stop, step) {
                return Ok(Value::Int(p));
            }
        }
        let r = vm.repr(x)?;
        return Err(vm.value_error(format!("{r} is not in range")));
    }
    match scan(vm, x, start, stop, step, true)?.1 {
        Some(p) => Ok(Value::Int(p)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, start, stop, step) = this(vm, args, kw, "count", 1)?;
    let x = &args[1];
    if exact_int(vm, x) {
        let hit = matches!(x, Value::Int(i) if int_position(*i, start, stop, step).is_some());
        return Ok(Value::Int(hit as i64));
    }
    Ok(Value::Int(scan(vm, x, start, stop, step, false)?.0))
}

fn dunder_len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, start, stop, step) = this(vm, args, kw, "__len__", 0)?;
    match i64::try_from(length(start, stop, step)) {
        Ok(n) => Ok(Value::Int(n)),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn dunder_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, start, stop, step) = this(vm, args, kw, "__contains__", 1)?;
    let x = &args[1];
    if exact_int(vm, x) || matches!(x, Value::Bool(_)) {
        let i = match x {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        };
        return Ok(Value::Bool(
            i.is_some_and(|i| int_position(i, start, stop, step).is_some()),
        ));
    }
    Ok(Value::Bool(scan(vm, x, start, stop, step, true)?.1.is_some()))
}

fn dunder_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, ..) = this(vm, args, kw, "__getitem__", 1)?;
    match crate::builtins::seqops::builtin_getitem(vm, o, &args[1]) {
        Some(r) => r,
        None => Ok(Value::None),
    }
}

fn dunder_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, start, stop, step) = this(vm, args, kw, "__iter__", 0)?;
    let st = IterState::Range {
        next: start,
        stop,
        step,
    };
    Ok(Value::new_obj(
        &vm.types.range_iterator,
        ObjKind::Iter(RefCell::new(st)),
    ))
}

fn dunder_reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, start, stop, step) = this(vm, args, kw, "__reversed__", 0)?;
    let n = length(start, stop, step);
    let st = if n == 0 {
        IterState::Range {
            next: 0,
            stop: 0,
            step: 1,
        }
    } else {
        let last = start as i128 + (n - 1) * step as i128;
        let new_stop = (start as i128 - step as i128).clamp(i64::MIN as i128, i64::MAX as i128);
        let new_step = (-(step as i128)).clamp(i64::MIN as i128, i64::MAX as i128);
        IterState::Range {
            next: last as i64,
            stop: new_stop as i64,
            step: new_step as i64,
        }
    };
    Ok(Value::new_obj(
        &vm.types.range_iterator,
        ObjKind::Iter(RefCell::new(st)),
    ))
}

/// Registers the methods of `range`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.range.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__getitem__", dunder_getitem),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
}

// ----- ranges beyond 64 bits -----

/// Number of items of a big range (CPython's `compute_range_length`).
pub fn big_len(start: &dashu_int::IBig, stop: &dashu_int::IBig, step: &dashu_int::IBig) -> dashu_int::IBig {
    use dashu_int::IBig;
    let (lo, hi, st) = if *step > IBig::ZERO {
        (start.clone(), stop.clone(), step.clone())
    } else {
        (stop.clone(), start.clone(), -step.clone())
    };
    if lo >= hi {
        return IBig::ZERO;
    }
    (hi - lo - IBig::ONE) / st + IBig::ONE
}

/// `r[key]` for a big range with an int key.
pub fn big_getitem(vm: &mut Vm, r: &Value, key: &Value) -> PyResult<Value> {
    use dashu_int::IBig;
    let Some(ObjKind::BigRange { start, stop, step }) = r.kind() else {
        return Err(vm.type_error("not a range"));
    };
    let Some(i) = crate::numops::to_pyint(key) else {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("range indices must be integers or slices, not {tn}")));
    };
    let len = big_len(start, stop, step);
    let mut i = i.to_ibig();
    if i < IBig::ZERO {
        i += len.clone();
    }
    if i < IBig::ZERO || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    let v = start.clone() + i * step.clone();
    Ok(vm.new_bigint(v))
}

/// `x in r` for a big range (ints only; other values compare by equality).
pub fn big_contains(vm: &mut Vm, r: &Value, x: &Value) -> PyResult<bool> {
    use dashu_int::IBig;
    let Some(ObjKind::BigRange { start, stop, step }) = r.kind() else {
        return Ok(false);
    };
    let Some(i) = crate::numops::to_pyint(x) else {
        return Ok(false);
    };
    let _ = vm;
    let i = i.to_ibig();
    let inside = if *step > IBig::ZERO {
        i >= *start && i < *stop
    } else {
        i <= *start && i > *stop
    };
    if !inside {
        return Ok(false);
    }
    let d = i - start.clone();
    Ok((d % step.clone()) == IBig::ZERO)
}

//! `list` methods (CPython 3.11 `Objects/listobject.c`): append, extend, insert, pop,
//! remove, index, count, reverse, sort, copy, clear and the dunder methods (so that
//! subclasses can call `super().__getitem__(i)` etc.).
//!
//! Searches (`index`, `count`, `remove`, `in`) compare the stored item (left) with the
//! argument using `==` with the identity shortcut, re-reading the list at every step as
//! CPython does, so an `__eq__` that mutates the list is safe. Argument errors use
//! CPython's messages (`_PyArg_CheckPositional`, `METH_O`, `METH_NOARGS`).

use std::cell::RefCell;

use taipan_bytecode::ComparisonOperator;

use crate::builtins::args::{check_count, no_kwargs};
use crate::builtins::seqops::{check_positional, descr_error, index_bounds, ssize_arg};
use crate::object::{IterState, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The receiver's object and list cell, or CPython's descriptor error.
fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<(&'a Obj, &'a RefCell<Vec<Value>>)> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::List(l) = &o.kind {
            return Ok((o, l));
        }
    }
    Err(descr_error(vm, name, "list", args.first()))
}

/// Receiver plus a `METH_O` / `METH_NOARGS` argument-count check ("list.append() takes
/// exactly one argument (0 given)").
fn this_n<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kw: &[Value],
    name: &str,
    n: usize,
) -> PyResult<(&'a Obj, &'a RefCell<Vec<Value>>)> {
    let r = this(vm, args, name)?;
    if kw.is_empty() && args.len() - 1 == n {
        return Ok(r);
    }
    let full = format!("list.{name}");
    no_kwargs(vm, &full, kw)?;
    check_count(vm, &full, args.len() - 1, n, n)?;
    Ok(r)
}

/// Receiver plus a positional-range check ("pop expected at most 1 argument, got 2").
fn this_pos<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kw: &[Value],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Obj, &'a RefCell<Vec<Value>>)> {
    let r = this(vm, args, name)?;
    if kw.is_empty() && (min..=max).contains(&(args.len() - 1)) {
        return Ok(r);
    }
    no_kwargs(vm, &format!("list.{name}"), kw)?;
    check_positional(vm, name, args.len() - 1, min, max)?;
    Ok(r)
}

fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "append", 1)?;
    push_fallible(vm, l, args[1].clone())?;
    Ok(Value::None)
}

/// Appends `x`, growing the vector fallibly: a list that outgrows memory is a
/// MemoryError (as CPython's), not Rust's abort on a failed allocation.
fn push_fallible(vm: &mut Vm, l: &RefCell<Vec<Value>>, x: Value) -> PyResult<()> {
    let mut list = l.borrow_mut();
    let n = list.len();
    if n == list.capacity() && list.try_reserve(n.max(4)).is_err() {
        drop(list);
        let t = vm.exc.memory_error.clone();
        return Err(crate::vm::PyErr(vm.new_exception(&t, vec![])));
    }
    list.push(x);
    Ok(())
}

/// Appends every item of `it` to the list cell (`list.extend`, `+=`).
pub fn extend_from(vm: &mut Vm, l: &RefCell<Vec<Value>>, it: &Value) -> PyResult<()> {
    // exact lists and tuples are read directly (CPython's list_extend); a subclass may
    // override __iter__
    let exact = !vm.class_of(it).kind.is_heap_type();
    match it.kind() {
        Some(ObjKind::List(src)) if exact => {
            let items = src.borrow().clone();
            l.borrow_mut().extend(items);
        }
        Some(ObjKind::Tuple(t)) if exact => l.borrow_mut().extend(t.iter().cloned()),
        _ => {
            let iter = vm.iter(it)?;
            // CPython's length hint: list.extend(range(2**64)) is an OverflowError at once
            vm.builtin_length_hint(it, &iter)?;
            while let Some(x) = vm.next(&iter)? {
                push_fallible(vm, l, x)?;
            }
        }
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "extend", 1)?;
    extend_from(vm, l, &args[1])?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_pos(vm, args, kw, "insert", 2, 2)?;
    let i = ssize_arg(vm, &args[1])?;
    let mut list = l.borrow_mut();
    let n = list.len() as i64;
    let j = if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
    list.insert(j as usize, args[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_pos(vm, args, kw, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let n = l.borrow().len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i.saturating_add(n) } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = l.borrow_mut().remove(j as usize);
    Ok(v)
}

/// The item at `i`, if the list (re-read now) still has one.
fn item(l: &RefCell<Vec<Value>>, i: usize) -> Option<Value> {
    l.borrow().get(i).cloned()
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "remove", 1)?;
    let x = &args[1];
    let mut i = 0;
    while let Some(v) = item(l, i) {
        if vm.eq(&v, x)? {
            let mut list = l.borrow_mut();
            if i < list.len() {
                let removed = list.remove(i);
                drop(list);
                drop(removed);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_pos(vm, args, kw, "index", 1, 3)?;
    let x = &args[1];
    let len = l.borrow().len();
    let (start, stop) = index_bounds(vm, &args[2..], len)?;
    let mut i = start;
    while i < stop {
        let Some(v) = item(l, i) else { break };
        if vm.eq(&v, x)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "count", 1)?;
    let x = &args[1];
    let mut n = 0i64;
    let mut i = 0;
    while let Some(v) = item(l, i) {
        if vm.eq(&v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "reverse", 0)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "copy", 0)?;
    let items = l.borrow().clone();
    Ok(vm.new_list(items))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "clear", 0)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn sort(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    this(vm, args, "sort")?;
    crate::builtins::list_sort::list_sort(vm, args, kw)
}

fn dunder_len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "__len__", 0)?;
    Ok(Value::Int(l.borrow().len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, l) = this_n(vm, args, kw, "__contains__", 1)?;
    let x = &args[1];
    let mut i = 0;
    while let Some(v) = item(l, i) {
        if vm.eq(&v, x)? {
            return Ok(Value::Bool(true));
        }
        i += 1;
    }
    Ok(Value::Bool(false))
}

fn dunder_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, _) = this_n(vm, args, kw, "__iter__", 0)?;
    let st = IterState::List {
        seq: o.clone(),
        index: 0,
    };
    Ok(Value::new_obj(&vm.types.list_iterator, ObjKind::Iter(RefCell::new(st))))
}

fn dunder_reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, l) = this_n(vm, args, kw, "__reversed__", 0)?;
    let n = l.borrow().len() as isize;
    let st = IterState::Reversed {
        seq: Value::Obj(o.clone()),
        index: n - 1,
    };
    // CPython's list_reverseiterator: reads the items directly, even of a subclass
    // that overrides __getitem__
    Ok(Value::new_obj(
        &vm.types.list_reverseiterator,
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

fn dunder_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, _) = this(vm, args, "__setitem__")?;
    no_kwargs(vm, "list.__setitem__", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(" expected 2 arguments, got {}", args.len() - 1)));
    }
    match crate::builtins::seqops::builtin_setitem(vm, o, &args[1], &args[2]) {
        Some(r) => r.map(|_| Value::None),
        None => Ok(Value::None),
    }
}

fn dunder_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (o, _) = this(vm, args, "__delitem__")?;
    no_kwargs(vm, "list.__delitem__", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    match crate::builtins::seqops::builtin_delitem(vm, o, &args[1]) {
        Some(r) => r.map(|_| Value::None),
        None => Ok(Value::None),
    }
}

/// `list.__eq__` etc.: lexicographic comparison with another list, else NotImplemented.
fn compare(vm: &mut Vm, args: &[Value], name: &str, op: ComparisonOperator) -> PyResult<Value> {
    let (_, l) = this(vm, args, name)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    let Some(ObjKind::List(r)) = args[1].kind() else {
        return Ok(vm.not_implemented.clone());
    };
    let (x, y) = (l.borrow().clone(), r.borrow().clone());
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

/// Registers the methods of `list`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.list.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("sort", sort),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
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
    vm.set_attr_str(&t, "__hash__", Value::None);
}

//! `dict` methods and views (CPython 3.11 `Objects/dictobject.c`).
//!
//! - Methods: `keys`/`values`/`items` (views), `get`, `pop`, `popitem` (LIFO), `setdefault`,
//!   `update` (mapping, iterable of pairs, keywords), `clear`, `copy`, `fromkeys`
//!   (classmethod: `cls()` then item assignment for subclasses), and the dunders
//!   (`__getitem__` with `__missing__` for subclasses, `__setitem__`, `__delitem__`,
//!   `__contains__`, `__len__`, `__iter__`, `__reversed__`, `__eq__`/`__ne__`) so that
//!   subclasses can call `super().__setitem__(k, v)`.
//! - Views: `len`, iteration, `in` (items: `(k, v)` pairs compared by value), `reversed`,
//!   `isdisjoint`, set comparisons (`dictview_richcompare`: lengths, then containment) and
//!   the set operators (`dictviews_or`/`_sub`/`_xor`/`_PyDictView_Intersect`: the left
//!   operand made a set, then updated by the right one; `&` iterates the smaller side;
//!   items `^` items follows `dictitems_xor`).
//!
//! Python code (`__eq__`, `__hash__`) never runs while a dict is borrowed: entries are
//! cloned out first.

use std::cell::RefCell;
use std::rc::Rc;

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator};

use crate::builtins::args::{check_count, no_kwargs};
use crate::builtins::seqops::{check_positional, descr_error};
use crate::object::{DictViewKind, IterState, ObjKind};
use crate::set::Set;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// `a == b` for two dict objects (CPython `dict_equal`: lengths, then each key of `a`
/// looked up in `b` and the values compared with `==`, `a`'s value on the left).
pub fn dict_equal(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    let (ObjKind::Dict(x), ObjKind::Dict(y)) = (&a.kind, &b.kind) else {
        return Ok(false);
    };
    if x.borrow().len() != y.borrow().len() {
        return Ok(false);
    }
    let items: Vec<(i64, Value, Value)> = x
        .borrow()
        .iter_hashed()
        .map(|(h, k, v)| (h, k.clone(), v.clone()))
        .collect();
    for (h, k, v) in items {
        match vm.dict_get_hashed(b, &k, h)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// (key, value) pairs of any mapping: a dict, or an object with `keys()` and `__getitem__`.
pub fn mapping_items(vm: &mut Vm, m: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(ObjKind::Dict(d)) = m.kind() {
        if !vm.class_of(m).kind.is_heap_type() {
            return Ok(d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect());
        }
    }
    let Some(keys) = vm.get_attr_opt_str(m, "keys")? else {
        let tn = vm.type_name(m);
        return Err(vm.type_error(format!("'{tn}' object is not a mapping")));
    };
    let keys = vm.call(&keys, &[])?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.getitem(m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// `DICT_UPDATE` / `DICT_MERGE` (merge = duplicate keys are an error, for `f(**a, **b)`).
pub fn dict_update_from(vm: &mut Vm, d: &Obj, m: &Value, merge: bool) -> PyResult<()> {
    let items = match mapping_items(vm, m) {
        Ok(i) => i,
        Err(e) => {
            if merge && vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                let tn = vm.type_name(m);
                return Err(vm.type_error(format!("argument after ** must be a mapping, not {tn}")));
            }
            if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                let tn = vm.type_name(m);
                return Err(vm.type_error(format!("'{tn}' object is not a mapping")));
            }
            return Err(e);
        }
    };
    for (k, v) in items {
        if merge && vm.dict_get(d, &k)?.is_some() {
            let ks = vm.str(&k)?;
            return Err(vm.type_error(format!("got multiple values for keyword argument '{ks}'")));
        }
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

/// `a | b` and `a |= b` for dicts (`dict_or` / `dict_ior`): a copy of `a` updated with `b`.
pub fn dict_or(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    let Value::Obj(ao) = a else {
        return Ok(vm.not_implemented.clone());
    };
    if inplace {
        crate::builtins::constructors::dict_fill(vm, ao, b)?;
        return Ok(a.clone());
    }
    if !matches!(b.kind(), Some(ObjKind::Dict(_))) {
        return Ok(vm.not_implemented.clone());
    }
    let n = vm.new_dict_obj();
    if let (ObjKind::Dict(src), ObjKind::Dict(dst)) = (&ao.kind, &n.kind) {
        let t = src.borrow().copy();
        *dst.borrow_mut() = t;
    }
    dict_update_from(vm, &n, b, false)?;
    Ok(Value::Obj(n))
}

// ----- receivers and argument checks -----

/// The receiver (a dict or subclass instance), or CPython's descriptor error.
fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a Obj> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Dict(_) = &o.kind {
            return Ok(o);
        }
    }
    Err(descr_error(vm, name, "dict", args.first()))
}

/// Receiver plus a `METH_O` / `METH_NOARGS` count check.
fn this_n<'a>(vm: &mut Vm, args: &'a [Value], kw: &[Value], name: &str, n: usize) -> PyResult<&'a Obj> {
    let o = this(vm, args, name)?;
    // the qualified name is only formatted for an error message
    if !kw.is_empty() || args.len() - 1 != n {
        let full = format!("dict.{name}");
        no_kwargs(vm, &full, kw)?;
        check_count(vm, &full, args.len() - 1, n, n)?;
    }
    Ok(o)
}

/// Receiver plus a positional-range check ("get expected at least 1 argument, got 0").
fn this_pos<'a>(vm: &mut Vm, args: &'a [Value], kw: &[Value], name: &str, min: usize, max: usize) -> PyResult<&'a Obj> {
    let o = this(vm, args, name)?;
    if !kw.is_empty() {
        no_kwargs(vm, &format!("dict.{name}"), kw)?;
    }
    check_positional(vm, name, args.len() - 1, min, max)?;
    Ok(o)
}

fn cell(o: &Obj) -> Option<&RefCell<crate::dict::Dict>> {
    match &o.kind {
        ObjKind::Dict(d) => Some(d),
        _ => None,
    }
}

fn dict_len(o: &Obj) -> usize {
    cell(o).map_or(0, |d| d.borrow().len())
}

/// A view object of `which` kind over the dict `o`.
fn new_view(vm: &Vm, o: &Obj, which: DictViewKind) -> Value {
    let ty = match which {
        DictViewKind::Keys => &vm.types.dict_keys,
        DictViewKind::Values => &vm.types.dict_values,
        DictViewKind::Items => &vm.types.dict_items,
    };
    Value::new_obj(ty, ObjKind::DictView { dict: o.clone(), which })
}

// ----- dict methods -----

fn keys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "keys", 0)?;
    Ok(new_view(vm, o, DictViewKind::Keys))
}

fn values(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "values", 0)?;
    Ok(new_view(vm, o, DictViewKind::Values))
}

fn items(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "items", 0)?;
    Ok(new_view(vm, o, DictViewKind::Items))
}

fn get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_pos(vm, args, kw, "get", 1, 2)?;
    Ok(vm
        .dict_get(o, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_pos(vm, args, kw, "pop", 1, 2)?;
    match vm.dict_del(o, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "popitem", 0)?;
    let last = cell(o).and_then(|d| d.borrow_mut().pop_last());
    match last {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(msg))
        }
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_pos(vm, args, kw, "setdefault", 1, 2)?;
    let key = &args[1];
    let hash = vm.hash(key)?;
    if let Some(v) = vm.dict_get_hashed(o, key, hash)? {
        return Ok(v);
    }
    let dflt = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set_hashed(o, key.clone(), dflt.clone(), hash)?;
    Ok(dflt)
}

fn update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let o = this(vm, args, "update")?;
    let npos = args.len() - kwnames.len() - 1;
    check_positional(vm, "update", npos, 0, 1)?;
    if npos == 1 {
        crate::builtins::constructors::dict_fill(vm, o, &args[1])?;
    }
    for (k, v) in kwnames.iter().zip(args[npos + 1..].iter()) {
        vm.dict_set(o, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "clear", 0)?;
    if let Some(d) = cell(o) {
        d.borrow_mut().clear();
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "copy", 0)?;
    let t = cell(o).map(|d| d.borrow().copy()).unwrap_or_default();
    Ok(vm.new_dict_from(t))
}

/// `dict.fromkeys(iterable, value=None)` (classmethod): `cls()` filled by item assignment.
fn fromkeys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "dict.fromkeys", kw)?;
    let n = args.len().saturating_sub(1);
    check_positional(vm, "fromkeys", n, 1, 2)?;
    let cls = args[0].clone();
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let d = vm.call(&cls, &[])?;
    let exact = matches!(d.kind(), Some(ObjKind::Dict(_))) && !vm.class_of(&d).kind.is_heap_type();
    let it = vm.iter(&args[1])?;
    while let Some(k) = vm.next(&it)? {
        match (&d, exact) {
            (Value::Obj(o), true) => vm.dict_set(o, k, value.clone())?,
            _ => vm.setitem(&d, k, value.clone())?,
        }
    }
    Ok(d)
}

fn dunder_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "__contains__", 1)?;
    Ok(Value::Bool(vm.dict_get(o, &args[1])?.is_some()))
}

fn dunder_len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "__len__", 0)?;
    Ok(Value::Int(dict_len(o) as i64))
}

/// A key/value/item iterator over the dict `o`.
fn iter_of(vm: &Vm, o: &Obj, which: DictViewKind) -> Value {
    let len = dict_len(o);
    let ty = match which {
        DictViewKind::Keys => &vm.types.dict_keyiterator,
        DictViewKind::Values => &vm.types.dict_valueiterator,
        DictViewKind::Items => &vm.types.dict_itemiterator,
    };
    Value::new_obj(
        ty,
        ObjKind::Iter(RefCell::new(IterState::Dict {
            dict: o.clone(),
            pos: 0,
            len,
            which,
        })),
    )
}

/// A reverse iterator: a snapshot of the keys/values/items in reverse order.
fn reversed_of(vm: &mut Vm, o: &Obj, which: DictViewKind) -> Value {
    let entries: Vec<(Value, Value)> = match cell(o) {
        Some(d) => d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        None => vec![],
    };
    let mut out = Vec::with_capacity(entries.len());
    for (k, v) in entries.into_iter().rev() {
        out.push(match which {
            DictViewKind::Keys => k,
            DictViewKind::Values => v,
            DictViewKind::Items => vm.new_tuple(vec![k, v]),
        });
    }
    let l = vm.new_list(out);
    let Value::Obj(lo) = l else { return Value::None };
    let st = IterState::List { seq: lo, index: 0 };
    Value::new_obj(&vm.types.list_iterator, ObjKind::Iter(RefCell::new(st)))
}

fn dunder_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "__iter__", 0)?;
    Ok(iter_of(vm, o, DictViewKind::Keys))
}

fn dunder_reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "__reversed__", 0)?;
    Ok(reversed_of(vm, o, DictViewKind::Keys))
}

fn dunder_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this_n(vm, args, kw, "__getitem__", 1)?;
    match crate::builtins::seqops::builtin_getitem(vm, o, &args[1]) {
        Some(r) => r,
        None => Ok(Value::None),
    }
}

fn dunder_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this(vm, args, "__setitem__")?;
    no_kwargs(vm, "dict.__setitem__", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(" expected 2 arguments, got {}", args.len() - 1)));
    }
    vm.dict_set(o, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = this(vm, args, "__delitem__")?;
    no_kwargs(vm, "dict.__delitem__", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    match vm.dict_del(o, &args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1].clone())),
    }
}

fn dict_compare(vm: &mut Vm, args: &[Value], name: &str, negate: bool) -> PyResult<Value> {
    let o = this(vm, args, name)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    let Some(Value::Obj(other)) = args.get(1).filter(|v| matches!(v.kind(), Some(ObjKind::Dict(_)))) else {
        return Ok(vm.not_implemented.clone());
    };
    let e = dict_equal(vm, o, other)?;
    Ok(Value::Bool(e != negate))
}

fn dunder_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dict_compare(vm, args, "__eq__", false)
}

fn dunder_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dict_compare(vm, args, "__ne__", true)
}

// ----- views -----

/// The dict and kind of a view receiver, or CPython's descriptor error.
fn view_this(vm: &mut Vm, args: &[Value], name: &str, owner: &str) -> PyResult<(Obj, DictViewKind)> {
    if let Some(ObjKind::DictView { dict, which }) = args.first().and_then(|a| a.kind()) {
        return Ok((dict.clone(), *which));
    }
    Err(descr_error(vm, name, owner, args.first()))
}

fn view_len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let owner = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    let (d, _) = view_this(vm, args, "__len__", &owner)?;
    check_count(vm, &format!("{owner}.__len__"), args.len() - 1, 0, 0)?;
    no_kwargs(vm, "__len__", kw)?;
    Ok(Value::Int(dict_len(&d) as i64))
}

fn view_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let owner = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    let (d, which) = view_this(vm, args, "__iter__", &owner)?;
    no_kwargs(vm, "__iter__", kw)?;
    Ok(iter_of(vm, &d, which))
}

fn view_reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let owner = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    let (d, which) = view_this(vm, args, "__reversed__", &owner)?;
    no_kwargs(vm, "__reversed__", kw)?;
    Ok(reversed_of(vm, &d, which))
}

/// `x in view`: keys by lookup; items as `(key, value)` pairs (`dictitems_contains`);
/// values by a `==` scan.
fn view_contains_value(vm: &mut Vm, d: &Obj, which: DictViewKind, x: &Value) -> PyResult<bool> {
    match which {
        DictViewKind::Keys => Ok(vm.dict_get(d, x)?.is_some()),
        DictViewKind::Items => {
            let Some(ObjKind::Tuple(t)) = x.kind() else {
                return Ok(false);
            };
            let (Some(k), Some(v), 2) = (t.first(), t.get(1), t.len()) else {
                return Ok(false);
            };
            match vm.dict_get(d, k)? {
                Some(found) => vm.eq(&found, v),
                None => Ok(false),
            }
        }
        DictViewKind::Values => {
            let vals: Vec<Value> = match cell(d) {
                Some(c) => c.borrow().iter().map(|(_, v)| v.clone()).collect(),
                None => vec![],
            };
            for v in vals {
                if vm.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let owner = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    let (d, which) = view_this(vm, args, "__contains__", &owner)?;
    no_kwargs(vm, "__contains__", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    Ok(Value::Bool(view_contains_value(vm, &d, which, &args[1])?))
}

/// True for a keys or items view (CPython `PyDictViewSet_Check`).
fn is_set_view(v: &Value) -> bool {
    matches!(
        v.kind(),
        Some(ObjKind::DictView {
            which: DictViewKind::Keys | DictViewKind::Items,
            ..
        })
    )
}

fn is_anyset(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)))
}

/// `x in container` for the view-comparison helpers.
fn contains_any(vm: &mut Vm, container: &Value, x: &Value) -> PyResult<bool> {
    if let Some(ObjKind::DictView { dict, which }) = container.kind() {
        let (d, w) = (dict.clone(), *which);
        return view_contains_value(vm, &d, w, x);
    }
    vm.contains(container, x)
}

/// Every item of `a` is in `b` (CPython `all_contained_in`).
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !contains_any(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare`.
fn view_compare(vm: &mut Vm, args: &[Value], name: &str, op: ComparisonOperator) -> PyResult<Value> {
    let owner = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    view_this(vm, args, name, &owner)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    let (a, b) = (&args[0], &args[1]);
    if !is_anyset(b) && !is_set_view(b) {
        return Ok(vm.not_implemented.clone());
    }
    let la = vm.len(a)?;
    let lb = vm.len(b)?;
    use ComparisonOperator::*;
    let r = match op {
        Equal | NotEqual => {
            let e = la == lb && all_contained_in(vm, a, b)?;
            if op == Equal { e } else { !e }
        }
        Less => la < lb && all_contained_in(vm, a, b)?,
        LessEqual => la <= lb && all_contained_in(vm, a, b)?,
        Greater => la > lb && all_contained_in(vm, b, a)?,
        GreaterEqual => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(Value::Bool(r))
}

macro_rules! view_cmp_methods {
    ($( $f:ident, $name:literal, $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                view_compare(vm, args, $name, $op)
            }
        )*
    };
}

view_cmp_methods! {
    view_eq, "__eq__", ComparisonOperator::Equal;
    view_ne, "__ne__", ComparisonOperator::NotEqual;
    view_lt, "__lt__", ComparisonOperator::Less;
    view_le, "__le__", ComparisonOperator::LessEqual;
    view_gt, "__gt__", ComparisonOperator::Greater;
    view_ge, "__ge__", ComparisonOperator::GreaterEqual;
}

/// `view.isdisjoint(other)` (CPython `dictviews_isdisjoint`).
fn view_isdisjoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let owner = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    let (d, _) = view_this(vm, args, "isdisjoint", &owner)?;
    no_kwargs(vm, &format!("{owner}.isdisjoint"), kw)?;
    check_count(vm, &format!("{owner}.isdisjoint"), args.len() - 1, 1, 1)?;
    let (mut this_v, mut other) = (args[0].clone(), args[1].clone());
    if this_v.is(&other) {
        return Ok(Value::Bool(dict_len(&d) == 0));
    }
    if is_anyset(&other) || is_set_view(&other) {
        let lo = vm.len(&other)?;
        if lo > dict_len(&d) {
            std::mem::swap(&mut this_v, &mut other);
        }
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if contains_any(vm, &this_v, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `dictviews_to_set`: a keys view of an exact dict converts as the dict (one resize, stored
/// hashes); anything else as an iterable.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<RefCell<Set>> {
    let src = match v.kind() {
        Some(ObjKind::DictView {
            dict,
            which: DictViewKind::Keys,
        }) if Rc::ptr_eq(vm.class_of(&Value::Obj(dict.clone())), &vm.types.dict) => Value::Obj(dict.clone()),
        _ => v.clone(),
    };
    let cell = RefCell::new(Set::new());
    crate::builtins::set::update_internal(vm, &cell, &src)?;
    Ok(cell)
}

/// `_PyDictView_Intersect(view, other)`.
fn view_intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let len_self = vm.len(&view)?;
    let exact_set = matches!(other.kind(), Some(ObjKind::Set(_))) && Rc::ptr_eq(vm.class_of(&other), &vm.types.set);
    if exact_set && len_self <= vm.len(&other)? {
        let r = crate::builtins::set::intersection(vm, &other, &view)?;
        return Ok(vm.new_set(r));
    }
    if is_set_view(&other) && vm.len(&other)? > len_self {
        std::mem::swap(&mut view, &mut other);
    }
    let result = vm.new_set(Set::new());
    let Value::Obj(ro) = &result else { return Ok(result) };
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if contains_any(vm, &view, &x)? {
            vm.set_add(ro, x)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: both operands items views.
fn items_xor(vm: &mut Vm, d1: &Obj, d2: &Obj) -> PyResult<Value> {
    let temp = vm.new_dict_obj();
    if let (Some(src), ObjKind::Dict(dst)) = (cell(d1), &temp.kind) {
        let t = src.borrow().copy();
        *dst.borrow_mut() = t;
    }
    let result = RefCell::new(Set::new());
    let entries: Vec<(i64, Value, Value)> = match cell(d2) {
        Some(c) => c
            .borrow()
            .iter_hashed()
            .map(|(h, k, v)| (h, k.clone(), v.clone()))
            .collect(),
        None => vec![],
    };
    for (h, k, v2) in entries {
        let to_delete = match vm.dict_get_hashed(&temp, &k, h)? {
            Some(v1) => vm.eq(&v1, &v2)?,
            None => false,
        };
        if to_delete {
            vm.dict_del(&temp, &k)?;
        } else {
            let pair = vm.new_tuple(vec![k, v2]);
            let ph = vm.hash(&pair)?;
            crate::support::settable::set_add(&result, pair, ph, &mut crate::set::PyKeyEq(vm))?;
        }
    }
    let remaining = new_view(vm, &temp, DictViewKind::Items);
    crate::builtins::set::update_internal(vm, &result, &remaining)?;
    Ok(vm.new_set(result.into_inner()))
}

/// `a op b` where either operand is a keys or items view (`dictviews_or`, `_sub`, `_xor`,
/// `_PyDictView_Intersect`); the result is a `set`.
pub fn view_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Value> {
    match op.non_inplace() {
        B::And => view_intersect(vm, a, b),
        B::Or => {
            let r = to_set(vm, a)?;
            crate::builtins::set::update_internal(vm, &r, b)?;
            Ok(vm.new_set(r.into_inner()))
        }
        B::Subtract => {
            let r = to_set(vm, a)?;
            crate::builtins::set::difference_update_internal(vm, &r, None, b)?;
            Ok(vm.new_set(r.into_inner()))
        }
        B::Xor => {
            if let (
                Some(ObjKind::DictView {
                    dict: d1,
                    which: DictViewKind::Items,
                }),
                Some(ObjKind::DictView {
                    dict: d2,
                    which: DictViewKind::Items,
                }),
            ) = (a.kind(), b.kind())
            {
                let (d1, d2) = (d1.clone(), d2.clone());
                return items_xor(vm, &d1, &d2);
            }
            let r = to_set(vm, a)?;
            crate::builtins::set::symmetric_difference_update(vm, &r, None, b)?;
            Ok(vm.new_set(r.into_inner()))
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}

/// True if `a op b` is a dict-view set operation (for `seqops::sequence_binary`).
pub fn is_view_operation(a: &Value, b: &Value, op: B) -> bool {
    matches!(op.non_inplace(), B::And | B::Or | B::Subtract | B::Xor) && (is_set_view(a) || is_set_view(b))
}

/// Registers the methods of `dict` and of its views.
pub fn init(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("pop", pop),
        ("popitem", popitem),
        ("setdefault", setdefault),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
        ("__contains__", dunder_contains),
        ("__len__", dunder_len),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    crate::builtins::seqops::add_class_getitem(vm, &t);
    vm.set_attr_str(&t, "__hash__", Value::None);
    let fk = vm.new_native("fromkeys", fromkeys);
    let cm = Value::new_obj(&vm.types.classmethod, ObjKind::ClassMethod(fk));
    vm.set_attr_str(&t, "fromkeys", cm);

    let views = [
        vm.types.dict_keys.clone(),
        vm.types.dict_values.clone(),
        vm.types.dict_items.clone(),
    ];
    for (i, v) in views.iter().enumerate() {
        vm.add_method(v, "__len__", view_len);
        vm.add_method(v, "__iter__", view_iter);
        vm.add_method(v, "__reversed__", view_reversed);
        vm.add_method(v, "__contains__", view_contains);
        if i != 1 {
            let cmp: &[(&'static str, crate::object::NativeFn)] = &[
                ("__eq__", view_eq),
                ("__ne__", view_ne),
                ("__lt__", view_lt),
                ("__le__", view_le),
                ("__gt__", view_gt),
                ("__ge__", view_ge),
                ("isdisjoint", view_isdisjoint),
            ];
            for (name, f) in cmp {
                vm.add_method(v, name, *f);
            }
            vm.set_attr_str(v, "__hash__", Value::None);
        }
    }
}

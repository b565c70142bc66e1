//! `set` / `frozenset` methods, operators and constructors (CPython 3.11
//! `Objects/setobject.c`).
//!
//! Every operation follows the CPython function it is named after, so that the slot layout
//! of results (hence iteration order) matches CPython: the table-level steps are the generic
//! drivers of [`crate::support::settable`] (run with [`PyKeyEq`] so `__eq__` may be Python
//! code), and this file adds what needs the VM: hashing and iterating arbitrary iterables,
//! exact-dict operands, argument checking and error messages.
//!
//! Frozensets are immutable and stored without a `RefCell`; when one is an operand of a
//! driver it is given as a snapshot (`Set::clone` keeps the layout). Identical operands are
//! passed as the same cell so the drivers' `a is b` shortcuts apply.

use std::cell::RefCell;
use std::rc::Rc;

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator};

use crate::builtins::args::{check_count, no_kwargs};
use crate::object::{ObjKind, Object};
use crate::set::{PyKeyEq, Set};
use crate::support::settable as st;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The items of a set or frozenset value, in iteration order.
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

fn is_anyset(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)))
}

/// Wraps a table as a new `set` (or `frozenset`) value.
pub fn wrap_set(vm: &Vm, s: Set, frozen: bool) -> Value {
    if frozen {
        Value::new_obj(&vm.types.frozenset, ObjKind::FrozenSet(s))
    } else {
        vm.new_set(s)
    }
}

/// Builds a set (or frozenset) value from items, adding them in order (`PySet_Add`).
/// Errors: unhashable items, `__eq__` errors.
pub fn make_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let cell = RefCell::new(Set::new());
    for it in items {
        add_key(vm, &cell, it)?;
    }
    Ok(wrap_set(vm, cell.into_inner(), frozen))
}

/// The table cell of a set or frozenset value: a set's own cell, or a snapshot of a
/// frozenset kept in `snap`.
fn cell_of<'a>(v: &'a Value, snap: &'a mut Option<RefCell<Set>>) -> Option<&'a RefCell<Set>> {
    match v.kind()? {
        ObjKind::Set(c) => Some(c),
        ObjKind::FrozenSet(s) => {
            *snap = Some(RefCell::new(s.clone()));
            snap.as_ref()
        }
        _ => None,
    }
}

fn len_of(v: &Value) -> usize {
    match v.kind() {
        Some(ObjKind::Set(s)) => s.borrow().len(),
        Some(ObjKind::FrozenSet(s)) => s.len(),
        _ => 0,
    }
}

/// `python set(s)` of a set value as CPython's `set_copy` (`set_merge` into a new set).
fn copy_of(v: &Value) -> Set {
    match v.kind() {
        Some(ObjKind::Set(s)) => s.borrow().copy(),
        Some(ObjKind::FrozenSet(s)) => s.copy(),
        _ => Set::new(),
    }
}

/// True for an exact `dict` (CPython `PyDict_CheckExact`).
fn is_exact_dict(vm: &Vm, v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Dict(_)))
        && v.as_obj()
            .and_then(|o| o.class.as_ref())
            .is_some_and(|c| Rc::ptr_eq(c, &vm.types.dict))
}

/// (hash, key) of an exact dict's entries in order.
fn dict_keys_hashed(v: &Value) -> Vec<(i64, Value)> {
    match v.kind() {
        Some(ObjKind::Dict(d)) => d.borrow().iter_hashed().map(|(h, k, _)| (h, k.clone())).collect(),
        _ => vec![],
    }
}

/// `PySet_Add`: hashes `key` and adds it. Errors: unhashable key, `__eq__` errors.
fn add_key(vm: &mut Vm, cell: &RefCell<Set>, key: Value) -> PyResult<()> {
    let h = vm.hash(&key)?;
    st::set_add(cell, key, h, &mut PyKeyEq(vm))?;
    Ok(())
}

/// CPython `set_update_internal`: adds the items of any iterable (set: `set_merge`; exact
/// dict: one resize, then the keys with their stored hashes; else one add per item).
pub(crate) fn update_internal(vm: &mut Vm, dst: &RefCell<Set>, other: &Value) -> PyResult<()> {
    if is_anyset(other) {
        let mut snap = None;
        let src = match other.kind() {
            Some(ObjKind::Set(c)) => c,
            _ => match cell_of(other, &mut snap) {
                Some(c) => c,
                None => return Ok(()),
            },
        };
        return st::set_update_from_set(dst, src, &mut PyKeyEq(vm));
    }
    if is_exact_dict(vm, other) {
        let keys = dict_keys_hashed(other);
        dst.borrow_mut().table_mut().reserve_for_merge(keys.len());
        for (h, k) in keys {
            st::set_add(dst, k, h, &mut PyKeyEq(vm))?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    // `set(x for ...)`: resume a generator directly
    let is_gen = matches!(it.kind(), Some(ObjKind::Generator(_)));
    loop {
        let x = if is_gen {
            crate::generator::gen_next(vm, &it)?
        } else {
            vm.next(&it)?
        };
        let Some(x) = x else { break };
        add_key(vm, dst, x)?;
    }
    Ok(())
}

/// [`update_internal`] for the set object `s` (whose table is `dst`): a generator's plain
/// values (`generator::SinkDest::Set`) are added by the dispatch loop as it yields them,
/// in order; other values are yielded and added here.
fn update_object(vm: &mut Vm, s: &Value, dst: &RefCell<Set>, other: &Value) -> PyResult<()> {
    use crate::generator::{SinkDest, gen_next_into};
    if !matches!(other.kind(), Some(ObjKind::Generator(_))) {
        return update_internal(vm, dst, other);
    }
    loop {
        let (_, r) = gen_next_into(vm, other, SinkDest::Set(s.clone()));
        match r? {
            Some(x) => add_key(vm, dst, x)?,
            None => return Ok(()),
        }
    }
}

/// `make_new_set(type, iterable)`: a fresh table filled by `set_update_internal`.
fn new_set_from(vm: &mut Vm, other: &Value) -> PyResult<Set> {
    let cell = RefCell::new(Set::new());
    if matches!(other.kind(), Some(ObjKind::Generator(_))) {
        // `set(x for ...)`: the set is not visible to the generator yet, so values whose
        // hashing runs no code are buffered by the dispatch loop (`GenSink`) and added
        // after each step, in order
        use crate::generator::{SinkAccept, SinkDest, gen_next_into};
        let mut buf = Vec::new();
        loop {
            let (dest, r) = gen_next_into(vm, other, SinkDest::Items(buf, SinkAccept::PlainHashable));
            buf = match dest {
                SinkDest::Items(items, _) => items,
                _ => Vec::new(),
            };
            for x in buf.drain(..) {
                add_key(vm, &cell, x)?;
            }
            let r = r?;
            match r {
                Some(x) => add_key(vm, &cell, x)?,
                None => break,
            }
        }
        return Ok(cell.into_inner());
    }
    update_internal(vm, &cell, other)?;
    Ok(cell.into_inner())
}

/// A key for `__contains__` / `remove` / `discard`: a set key that is unhashable is
/// retried as a frozenset (CPython `set_contains` etc.). Returns (key, hash).
fn hashed_key(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            if let Some(ObjKind::Set(c)) = key.kind() {
                if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                    let s = c.borrow().copy();
                    let h = s.frozenset_hash();
                    return Ok((wrap_set(vm, s, true), h));
                }
            }
            Err(e)
        }
    }
}

/// `key in s` for a set or frozenset object, as CPython's `set_contains`: an unhashable
/// `set` key is looked up as a frozenset. (For `crate::ops::Vm::contains`.)
pub fn set_contains_key(vm: &mut Vm, s: &Obj, key: &Value) -> PyResult<bool> {
    let (key, h) = hashed_key(vm, key)?;
    Ok(vm.set_find(s, &key, h)?.is_some())
}

/// `key in s` with a precomputed hash, for any set value.
fn contains_hashed(vm: &mut Vm, s: &Value, key: &Value, hash: i64) -> PyResult<bool> {
    match s {
        Value::Obj(o) => Ok(vm.set_find(o, key, hash)?.is_some()),
        _ => Ok(false),
    }
}

/// CPython `set_intersection(so, other)` for any iterable `other`.
pub(crate) fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Set> {
    let (mut sa, mut sb) = (None, None);
    let Some(ca) = cell_of(so, &mut sa) else {
        return Ok(Set::new());
    };
    if so.is(other) {
        return Ok(ca.borrow().copy());
    }
    if is_anyset(other) {
        let Some(cb) = cell_of(other, &mut sb) else {
            return Ok(Set::new());
        };
        let t = st::set_intersection(ca, cb, &mut PyKeyEq(vm))?;
        return Ok(Set::from_table(t));
    }
    let result = RefCell::new(Set::new());
    let it = vm.iter(other)?;
    let so_len = len_of(so);
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if st::set_contains(ca, &x, h, &mut PyKeyEq(vm))? {
            st::set_add(&result, x, h, &mut PyKeyEq(vm))?;
            if result.borrow().len() >= so_len {
                break;
            }
        }
    }
    Ok(result.into_inner())
}

/// CPython `set_difference_update_internal(so, other)` for a mutable set cell `so`.
pub(crate) fn difference_update_internal(
    vm: &mut Vm,
    so: &RefCell<Set>,
    so_val: Option<&Value>,
    other: &Value,
) -> PyResult<()> {
    if so_val.is_some_and(|v| v.is(other)) {
        let old = so.borrow_mut().take_all();
        drop(old);
        return Ok(());
    }
    if is_anyset(other) {
        let mut snap = None;
        let Some(cb) = cell_of(other, &mut snap) else {
            return Ok(());
        };
        return st::set_difference_update(so, cb, &mut PyKeyEq(vm));
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        st::set_discard(so, &x, h, &mut PyKeyEq(vm))?;
    }
    so.borrow_mut().table_mut().shrink_after_discards();
    Ok(())
}

/// CPython `set_difference(so, other)` for any iterable `other`.
fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Set> {
    let other_size = if is_anyset(other) {
        len_of(other)
    } else if is_exact_dict(vm, other) {
        vm.len(other)?
    } else {
        return copy_and_difference(vm, so, other);
    };
    if (len_of(so) >> 2) > other_size {
        return copy_and_difference(vm, so, other);
    }
    let (mut sa, mut sb) = (None, None);
    let Some(ca) = cell_of(so, &mut sa) else {
        return Ok(Set::new());
    };
    if is_anyset(other) {
        let cb = if so.is(other) {
            ca
        } else {
            match cell_of(other, &mut sb) {
                Some(c) => c,
                None => return Ok(Set::new()),
            }
        };
        return Ok(Set::from_table(st::set_difference(ca, cb, &mut PyKeyEq(vm))?));
    }
    // exact dict: keys of `so` (slot order) not in the dict
    let Some(Value::Obj(d)) = Some(other) else {
        return Ok(Set::new());
    };
    let result = RefCell::new(Set::new());
    let mut pos = 0;
    loop {
        let next = {
            let t = ca.borrow();
            t.next_active(pos)
                .and_then(|p| t.entry_hashed(p).map(|(h, k)| (p, h, k.clone())))
        };
        let Some((p, h, k)) = next else { break };
        pos = p + 1;
        if vm.dict_get_hashed(d, &k, h)?.is_none() {
            st::set_add(&result, k, h, &mut PyKeyEq(vm))?;
        }
    }
    Ok(result.into_inner())
}

/// CPython `set_copy_and_difference`.
fn copy_and_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Set> {
    let result = RefCell::new(copy_of(so));
    difference_update_internal(vm, &result, None, other)?;
    Ok(result.into_inner())
}

/// CPython `set_symmetric_difference_update(so, other)` for a mutable set cell.
pub(crate) fn symmetric_difference_update(
    vm: &mut Vm,
    so: &RefCell<Set>,
    so_val: Option<&Value>,
    other: &Value,
) -> PyResult<()> {
    if so_val.is_some_and(|v| v.is(other)) {
        let old = so.borrow_mut().take_all();
        drop(old);
        return Ok(());
    }
    if is_exact_dict(vm, other) {
        for (h, k) in dict_keys_hashed(other) {
            if st::set_discard(so, &k, h, &mut PyKeyEq(vm))?.is_none() {
                st::set_add(so, k, h, &mut PyKeyEq(vm))?;
            }
        }
        return Ok(());
    }
    if is_anyset(other) {
        let mut snap = None;
        let Some(cb) = cell_of(other, &mut snap) else {
            return Ok(());
        };
        return st::set_symmetric_difference_update(so, cb, &mut PyKeyEq(vm));
    }
    let tmp = RefCell::new(new_set_from(vm, other)?);
    st::set_symmetric_difference_update(so, &tmp, &mut PyKeyEq(vm))
}

/// CPython `set_issubset(so, other)` for a set `other` (any iterable is first made a set).
fn issubset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if !is_anyset(other) {
        let tmp = RefCell::new(new_set_from(vm, other)?);
        let mut sa = None;
        let Some(ca) = cell_of(so, &mut sa) else {
            return Ok(false);
        };
        return st::set_issubset(ca, &tmp, &mut PyKeyEq(vm));
    }
    let (mut sa, mut sb) = (None, None);
    let Some(ca) = cell_of(so, &mut sa) else {
        return Ok(false);
    };
    let cb = if so.is(other) {
        ca
    } else {
        match cell_of(other, &mut sb) {
            Some(c) => c,
            None => return Ok(false),
        }
    };
    st::set_issubset(ca, cb, &mut PyKeyEq(vm))
}

/// CPython `set_issuperset(so, other)`.
fn issuperset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(vm, other, so);
    }
    let t = new_set_from(vm, other)?;
    let tmp = wrap_set(vm, t, false);
    issubset(vm, &tmp, so)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (and in-place forms) for two sets/frozensets
/// (`set_or`, `set_and`, `set_sub`, `set_xor`, `set_ior`, ...). The result has `a`'s base
/// type; in-place forms on a frozenset build a new frozenset.
pub fn set_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(vm.not_implemented.clone());
    }
    let frozen = is_frozen(a);
    if op.is_inplace() && !frozen {
        if let Some(ObjKind::Set(ca)) = a.kind() {
            let mut sb = None;
            let cb = if a.is(b) {
                ca
            } else {
                match cell_of(b, &mut sb) {
                    Some(c) => c,
                    None => return Ok(vm.not_implemented.clone()),
                }
            };
            match op.non_inplace() {
                B::Or => st::set_update_from_set(ca, cb, &mut PyKeyEq(vm))?,
                B::And => {
                    let t = st::set_intersection(ca, cb, &mut PyKeyEq(vm))?;
                    let old = ca.borrow_mut().table_mut().replace_body(t);
                    drop(old);
                }
                B::Subtract => st::set_difference_update(ca, cb, &mut PyKeyEq(vm))?,
                _ => st::set_symmetric_difference_update(ca, cb, &mut PyKeyEq(vm))?,
            }
            return Ok(a.clone());
        }
    }
    let (mut sa, mut sb) = (None, None);
    let Some(ca) = cell_of(a, &mut sa) else {
        return Ok(vm.not_implemented.clone());
    };
    let cb = if a.is(b) {
        ca
    } else {
        match cell_of(b, &mut sb) {
            Some(c) => c,
            None => return Ok(vm.not_implemented.clone()),
        }
    };
    let t = match op.non_inplace() {
        B::Or => st::set_union(ca, cb, &mut PyKeyEq(vm))?,
        B::And => st::set_intersection(ca, cb, &mut PyKeyEq(vm))?,
        B::Subtract => st::set_difference(ca, cb, &mut PyKeyEq(vm))?,
        B::Xor => st::set_symmetric_difference(ca, cb, &mut PyKeyEq(vm))?,
        _ => return Ok(vm.not_implemented.clone()),
    };
    Ok(wrap_set(vm, Set::from_table(t), frozen))
}

/// Comparisons between sets (CPython `set_richcompare`: subset/superset/equality).
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !is_anyset(b) {
        return Ok(vm.not_implemented.clone());
    }
    let (la, lb) = (len_of(a), len_of(b));
    use ComparisonOperator::*;
    let r = match op {
        Equal => la == lb && issubset(vm, a, b)?,
        NotEqual => !(la == lb && issubset(vm, a, b)?),
        LessEqual => issubset(vm, a, b)?,
        GreaterEqual => issubset(vm, b, a)?,
        Less => la < lb && issubset(vm, a, b)?,
        Greater => la > lb && issubset(vm, b, a)?,
    };
    Ok(Value::Bool(r))
}

/// `SET_UPDATE` (`{*a, *b}`, and `{1, 2, 3}` built from a frozenset constant): adds the items
/// of `iterable` to the set object `s` as CPython's `_PySet_Update` (`set_update_internal`).
pub fn set_update(vm: &mut Vm, s: &Obj, iterable: &Value) -> PyResult<()> {
    match &s.kind {
        ObjKind::Set(c) => update_internal(vm, c, iterable),
        _ => Ok(()),
    }
}

/// A frozenset constant folded by the compiler from a set literal's constant items (in
/// source order), laid out as CPython 3.11's compiler lays it out (see `Set::constant`).
/// Errors: unhashable items (never for constants).
pub fn frozenset_constant(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mut hashed = Vec::with_capacity(items.len());
    for it in items {
        let h = vm.hash(&it)?;
        hashed.push((h, it));
    }
    Ok(wrap_set(vm, Set::constant(hashed), true))
}

/// The set object inside a value (for methods).
pub fn set_obj(v: &Value) -> Option<&Obj> {
    v.as_obj()
}

// ----- methods -----

/// Checks the receiver of a `set` (or `frozenset`) method; CPython's descriptor error.
fn check_self(vm: &mut Vm, args: &[Value], name: &str, frozen: bool) -> PyResult<Value> {
    let owner = if frozen { "frozenset" } else { "set" };
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("unbound method {owner}.{name}() needs an argument")));
    };
    let ok = if frozen {
        is_frozen(s)
    } else {
        matches!(s.kind(), Some(ObjKind::Set(_)))
    };
    if !ok {
        let tn = vm.type_name(s);
        // a type slot's wrapper (CPython `wrapperdescr_call`) words it differently from a
        // method of the type's method table (`descr_check`)
        return Err(vm.type_error(if is_slot(name) {
            format!("descriptor '{name}' requires a '{owner}' object but received a '{tn}'")
        } else {
            format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{tn}' object")
        }));
    }
    Ok(s.clone())
}

/// Whether `name` is one of the type slots `set`/`frozenset` fill (CPython `set_as_sequence`,
/// `tp_hash`, `tp_iter`, `tp_richcompare`, `tp_init`), exposed as slot wrappers rather than
/// methods (`__contains__` is a method of `set_methods`).
fn is_slot(name: &str) -> bool {
    matches!(
        name,
        "__len__"
            | "__iter__"
            | "__hash__"
            | "__init__"
            | "__eq__"
            | "__ne__"
            | "__lt__"
            | "__le__"
            | "__gt__"
            | "__ge__"
    )
}

/// Receiver check plus positional-count check for a fixed-arity method.
fn fixed(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, frozen: bool, n: usize) -> PyResult<Value> {
    let s = check_self(vm, args, name, frozen)?;
    // the qualified name is only formatted for an error message
    if !kwnames.is_empty() || args.len() - 1 != n {
        if is_slot(name) {
            // slot wrapper messages (CPython `wrapperdescr_call`, `check_num_args`)
            if !kwnames.is_empty() {
                return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
            }
            let plural = if n == 1 { "" } else { "s" };
            return Err(vm.type_error(format!("expected {n} argument{plural}, got {}", args.len() - 1)));
        }
        let owner = if frozen { "frozenset" } else { "set" };
        let full = format!("{owner}.{name}");
        no_kwargs(vm, &full, kwnames)?;
        check_count(vm, &full, args.len() - 1, n, n)?;
    }
    Ok(s)
}

/// Receiver check for a `*others` method (no keywords).
fn varargs(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, frozen: bool) -> PyResult<Value> {
    let s = check_self(vm, args, name, frozen)?;
    if !kwnames.is_empty() {
        let owner = if frozen { "frozenset" } else { "set" };
        no_kwargs(vm, &format!("{owner}.{name}"), kwnames)?;
    }
    Ok(s)
}

/// The mutable cell of a `set` receiver (checked by the caller).
fn live(s: &Value) -> Option<&RefCell<Set>> {
    match s.kind() {
        Some(ObjKind::Set(c)) => Some(c),
        _ => None,
    }
}

fn m_add(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "add", false, 1)?;
    if let Some(c) = live(&s) {
        add_key(vm, c, args[1].clone())?;
    }
    Ok(Value::None)
}

fn m_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "remove", false, 1)?;
    let (key, h) = hashed_key(vm, &args[1])?;
    if let Some(c) = live(&s) {
        if st::set_discard(c, &key, h, &mut PyKeyEq(vm))?.is_none() {
            return Err(vm.key_error(args[1].clone()));
        }
    }
    Ok(Value::None)
}

fn m_discard(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "discard", false, 1)?;
    let (key, h) = hashed_key(vm, &args[1])?;
    if let Some(c) = live(&s) {
        let removed = st::set_discard(c, &key, h, &mut PyKeyEq(vm))?;
        drop(removed);
    }
    Ok(Value::None)
}

fn m_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "pop", false, 0)?;
    let popped = live(&s).and_then(|c| c.borrow_mut().pop());
    match popped {
        Some(v) => Ok(v),
        None => {
            let msg = vm.new_str("pop from an empty set");
            Err(vm.key_error(msg))
        }
    }
}

fn m_clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "clear", false, 0)?;
    let old = live(&s).map(|c| c.borrow_mut().take_all());
    drop(old);
    Ok(Value::None)
}

fn copy_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "copy", frozen, 0)?;
    if frozen && !vm.class_of(&s).kind.is_heap_type() {
        return Ok(s);
    }
    Ok(wrap_set(vm, copy_of(&s), frozen))
}

fn union_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = varargs(vm, args, kw, "union", frozen)?;
    let result = RefCell::new(copy_of(&s));
    for other in &args[1..] {
        if other.is(&s) {
            continue;
        }
        update_internal(vm, &result, other)?;
    }
    Ok(wrap_set(vm, result.into_inner(), frozen))
}

/// CPython `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, s: &Value, others: &[Value], frozen: bool) -> PyResult<Set> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy_of(s));
    };
    let mut result = intersection(vm, s, first)?;
    for other in rest {
        let cur = wrap_set(vm, result, frozen);
        result = intersection(vm, &cur, other)?;
    }
    Ok(result)
}

fn intersection_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = varargs(vm, args, kw, "intersection", frozen)?;
    let r = intersection_multi(vm, &s, &args[1..], frozen)?;
    Ok(wrap_set(vm, r, frozen))
}

fn m_intersection_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = varargs(vm, args, kw, "intersection_update", false)?;
    let r = intersection_multi(vm, &s, &args[1..], false)?;
    if let Some(c) = live(&s) {
        let old = c.borrow_mut().table_mut().replace_body(r.table().clone());
        drop(old);
    }
    Ok(Value::None)
}

fn difference_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = varargs(vm, args, kw, "difference", frozen)?;
    let Some((first, rest)) = args[1..].split_first() else {
        return Ok(wrap_set(vm, copy_of(&s), frozen));
    };
    let result = RefCell::new(difference(vm, &s, first)?);
    for other in rest {
        difference_update_internal(vm, &result, None, other)?;
    }
    Ok(wrap_set(vm, result.into_inner(), frozen))
}

fn m_difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = varargs(vm, args, kw, "difference_update", false)?;
    if let Some(c) = live(&s) {
        for other in &args[1..] {
            difference_update_internal(vm, c, Some(&s), other)?;
        }
    }
    Ok(Value::None)
}

fn symmetric_difference_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "symmetric_difference", frozen, 1)?;
    let other = &args[1];
    let result = RefCell::new(new_set_from(vm, other)?);
    let mut sa = None;
    if let Some(ca) = cell_of(&s, &mut sa) {
        st::set_symmetric_difference_update(&result, ca, &mut PyKeyEq(vm))?;
    }
    Ok(wrap_set(vm, result.into_inner(), frozen))
}

fn m_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "symmetric_difference_update", false, 1)?;
    if let Some(c) = live(&s) {
        symmetric_difference_update(vm, c, Some(&s), &args[1])?;
    }
    Ok(Value::None)
}

fn m_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = varargs(vm, args, kw, "update", false)?;
    if let Some(c) = live(&s) {
        for other in &args[1..] {
            update_object(vm, &s, c, other)?;
        }
    }
    Ok(Value::None)
}

fn issubset_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "issubset", frozen, 1)?;
    Ok(Value::Bool(issubset(vm, &s, &args[1])?))
}

fn issuperset_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "issuperset", frozen, 1)?;
    Ok(Value::Bool(issuperset(vm, &s, &args[1])?))
}

/// CPython `set_isdisjoint`.
fn isdisjoint_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "isdisjoint", frozen, 1)?;
    let other = &args[1];
    if s.is(other) {
        return Ok(Value::Bool(len_of(&s) == 0));
    }
    let exact = |vm: &Vm, v: &Value| {
        let c = vm.class_of(v);
        Rc::ptr_eq(c, &vm.types.set) || Rc::ptr_eq(c, &vm.types.frozenset)
    };
    if exact(vm, other) && is_anyset(other) {
        let (mut sa, mut sb) = (None, None);
        let (Some(ca), Some(cb)) = (cell_of(&s, &mut sa), cell_of(other, &mut sb)) else {
            return Ok(Value::Bool(true));
        };
        return Ok(Value::Bool(st::set_isdisjoint(ca, cb, &mut PyKeyEq(vm))?));
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if contains_hashed(vm, &s, &x, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn contains_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "__contains__", frozen, 1)?;
    let (key, h) = hashed_key(vm, &args[1])?;
    Ok(Value::Bool(contains_hashed(vm, &s, &key, h)?))
}

fn len_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "__len__", frozen, 0)?;
    Ok(Value::Int(len_of(&s) as i64))
}

/// `frozenset.__hash__(self)` (CPython `frozenset_hash`, the `tp_hash` slot's wrapper): the
/// hash `hash(fs)` gives; `frozenset` has its own, not `object.__hash__`'s identity hash.
fn f_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "__hash__", true, 0)?;
    // computed from the items, not through `vm.hash` (which calls this method for an
    // instance of a frozenset subclass)
    let hs: Vec<i64> = match s.kind() {
        Some(ObjKind::FrozenSet(t)) => t.iter_hashed().map(|(x, _)| x).collect(),
        _ => Vec::new(),
    };
    Ok(Value::Int(crate::support::hash::hash_frozenset(hs)))
}

fn iter_impl(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let s = fixed(vm, args, kw, "__iter__", frozen, 0)?;
    let len = len_of(&s);
    let Value::Obj(o) = &s else { return vm.iter(&s) };
    let st = crate::object::IterState::Set {
        set: o.clone(),
        pos: 0,
        len,
    };
    Ok(Value::new_obj(&vm.types.set_iterator, ObjKind::Iter(RefCell::new(st))))
}

fn compare_dunder(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    frozen: bool,
    op: ComparisonOperator,
) -> PyResult<Value> {
    let s = check_self(vm, args, name, frozen)?;
    if !kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        // slot wrapper message, as CPython's wrap_richcmpfunc
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    set_compare(vm, &s, &args[1], op)
}

/// Defines a `set` and a `frozenset` variant of a method implemented by `$imp(vm, args,
/// kw, frozen)`.
macro_rules! both {
    ($s:ident, $f:ident, $imp:ident) => {
        fn $s(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            $imp(vm, args, kw, false)
        }
        fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            $imp(vm, args, kw, true)
        }
    };
}

both!(s_copy, f_copy, copy_impl);
both!(s_union, f_union, union_impl);
both!(s_intersection, f_intersection, intersection_impl);
both!(s_difference, f_difference, difference_impl);
both!(
    s_symmetric_difference,
    f_symmetric_difference,
    symmetric_difference_impl
);
both!(s_issubset, f_issubset, issubset_impl);
both!(s_issuperset, f_issuperset, issuperset_impl);
both!(s_isdisjoint, f_isdisjoint, isdisjoint_impl);
both!(s_contains, f_contains, contains_impl);
both!(s_len, f_len, len_impl);
both!(s_iter, f_iter, iter_impl);

macro_rules! cmpops {
    ($( $s:ident, $f:ident, $name:literal, $op:expr; )*) => {
        $(
            fn $s(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                compare_dunder(vm, args, kw, $name, false, $op)
            }
            fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                compare_dunder(vm, args, kw, $name, true, $op)
            }
        )*
    };
}

cmpops! {
    s_eq, f_eq, "__eq__", ComparisonOperator::Equal;
    s_ne, f_ne, "__ne__", ComparisonOperator::NotEqual;
    s_lt, f_lt, "__lt__", ComparisonOperator::Less;
    s_le, f_le, "__le__", ComparisonOperator::LessEqual;
    s_gt, f_gt, "__gt__", ComparisonOperator::Greater;
    s_ge, f_ge, "__ge__", ComparisonOperator::GreaterEqual;
}

/// `set.__init__(self, iterable=(), /)` (CPython `set_init`): clears, then
/// `set_update_internal`.
fn set_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = check_self(vm, args, "__init__", false)?;
    no_kwargs(vm, "set", kwnames)?;
    let n = args.len() - 1;
    if n > 1 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {n}")));
    }
    if let Some(c) = live(&s) {
        // (CPython: `if (self->fill) set_clear_internal(self)`; a new set's table stays)
        if c.borrow().table().fill() != 0 {
            let old = c.borrow_mut().take_all();
            drop(old);
        }
        if let Some(x) = args.get(1) {
            update_object(vm, &s, c, x)?;
        }
    }
    Ok(Value::None)
}

/// `frozenset.__new__(cls, iterable=(), /)`: an exact frozenset argument is returned as is
/// (for `frozenset` itself); else a new table filled by `set_update_internal`.
fn frozenset_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(vm.type_error("frozenset.__new__(): not enough arguments"));
    };
    let cls = cls.clone();
    if !matches!(cls.kind, ObjKind::Type(_)) {
        let tn = vm.type_name(&args[0]);
        return Err(vm.type_error(format!("frozenset.__new__(X): X is not a type object ({tn})")));
    }
    if !crate::types::is_subtype(&cls, &vm.types.frozenset) {
        let name = crate::types::tdata(&cls).name.borrow().to_string();
        return Err(vm.type_error(format!(
            "frozenset.__new__({name}): {name} is not a subtype of frozenset"
        )));
    }
    let exact_cls = Rc::ptr_eq(&cls, &vm.types.frozenset);
    if exact_cls {
        no_kwargs(vm, "frozenset", kwnames)?;
    }
    let npos = args.len() - kwnames.len() - 1;
    if npos > 1 {
        return Err(vm.type_error(format!("frozenset expected at most 1 argument, got {npos}")));
    }
    let iterable = if npos == 1 { args.get(1).cloned() } else { None };
    if exact_cls {
        if let Some(x) = &iterable {
            if is_frozen(x) && Rc::ptr_eq(vm.class_of(x), &vm.types.frozenset) {
                return Ok(x.clone());
            }
        }
    }
    let set = match &iterable {
        Some(x) => new_set_from(vm, x)?,
        None => Set::new(),
    };
    if exact_cls {
        return Ok(wrap_set(vm, set, true));
    }
    let tmp = crate::builtins::object::new_instance(vm, &cls);
    let dict = tmp.as_obj().and_then(|o| o.dict.clone());
    Ok(Value::Obj(Rc::new(Object::with(
        Some(cls),
        dict,
        ObjKind::FrozenSet(set),
    ))))
}

/// Registers the methods of `set` and `frozenset` (and overrides `set.__init__` and
/// `frozenset.__new__` with CPython's update algorithm).
pub fn init(vm: &mut Vm) {
    let s = vm.types.set.clone();
    let f = vm.types.frozenset.clone();
    vm.add_method(&s, "__init__", set_init);
    crate::builtins::add_new(vm, &f, frozenset_new);
    let set_methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("add", m_add),
        ("remove", m_remove),
        ("discard", m_discard),
        ("pop", m_pop),
        ("clear", m_clear),
        ("copy", s_copy),
        ("union", s_union),
        ("intersection", s_intersection),
        ("intersection_update", m_intersection_update),
        ("difference", s_difference),
        ("difference_update", m_difference_update),
        ("symmetric_difference", s_symmetric_difference),
        ("symmetric_difference_update", m_symmetric_difference_update),
        ("update", m_update),
        ("issubset", s_issubset),
        ("issuperset", s_issuperset),
        ("isdisjoint", s_isdisjoint),
        ("__contains__", s_contains),
        ("__len__", s_len),
        ("__iter__", s_iter),
        ("__eq__", s_eq),
        ("__ne__", s_ne),
        ("__lt__", s_lt),
        ("__le__", s_le),
        ("__gt__", s_gt),
        ("__ge__", s_ge),
    ];
    for (name, func) in set_methods {
        vm.add_method(&s, name, *func);
    }
    // a set is unhashable: `set.__hash__ is None` (CPython `PyObject_HashNotImplemented`)
    vm.set_attr_str(&s, "__hash__", Value::None);
    let frozen_methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("copy", f_copy),
        ("union", f_union),
        ("intersection", f_intersection),
        ("difference", f_difference),
        ("symmetric_difference", f_symmetric_difference),
        ("issubset", f_issubset),
        ("issuperset", f_issuperset),
        ("isdisjoint", f_isdisjoint),
        ("__contains__", f_contains),
        ("__len__", f_len),
        ("__iter__", f_iter),
        ("__hash__", f_hash),
        ("__eq__", f_eq),
        ("__ne__", f_ne),
        ("__lt__", f_lt),
        ("__le__", f_le),
        ("__gt__", f_gt),
        ("__ge__", f_ge),
    ];
    for (name, func) in frozen_methods {
        vm.add_method(&f, name, *func);
    }
    crate::builtins::seqops::add_class_getitem(vm, &s);
    crate::builtins::seqops::add_class_getitem(vm, &f);
}

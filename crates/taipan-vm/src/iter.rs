//! `next()` for the built-in iterator kinds (`IterState`), as CPython's `tp_iternext` of
//! `listiterator`, `tupleiterator`, `rangeiterator`, `str` / `bytes` / dict / set iterators
//! (`Objects/listobject.c`, `rangeobject.c`, ...): list, tuple and range steps are inlined
//! into the callers, the rest is out of line.

use crate::object::{DictViewKind, IterState, ObjKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Advances a built-in iterator; `Ok(None)` when exhausted.
///
/// Inlined into its callers for the hot steps (a list, tuple or range iterator with an
/// item left); everything else (exhaustion included) is [`next_builtin_slow`].
#[inline]
pub fn next_builtin(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if let Some(v) = next_plain(it) {
        return Ok(Some(v));
    }
    next_builtin_slow(vm, it)
}

/// [`next_builtin`] for every other iterator kind and for exhaustion.
#[inline(never)]
fn next_builtin_slow(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(ObjKind::Iter(cell)) = it.kind() else {
        return Ok(None);
    };
    // Steps that need Python code take the state out first (no borrow across calls).
    let mut st = cell.borrow_mut();
    match &mut *st {
        IterState::List { seq, index } => {
            if let ObjKind::List(l) = &seq.kind {
                let l = l.borrow();
                if let Some(v) = l.get(*index) {
                    *index += 1;
                    return Ok(Some(v.clone()));
                }
            }
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::Tuple { seq, index } => {
            if let ObjKind::Tuple(t) = &seq.kind {
                if let Some(v) = t.get(*index) {
                    *index += 1;
                    return Ok(Some(v.clone()));
                }
            }
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::Str { s, byte_pos } => {
            if let ObjKind::Str(ps) = &s.kind {
                let text = ps.as_str();
                if let Some(c) = text.get(*byte_pos..).and_then(|t| t.chars().next()) {
                    *byte_pos += c.len_utf8();
                    drop(st);
                    let mut buf = [0u8; 4];
                    return Ok(Some(vm.intern_char(c.encode_utf8(&mut buf))));
                }
            }
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::Bytes { seq, index } => {
            let b = match &seq.kind {
                ObjKind::Bytes(b) => b.get(*index).copied(),
                ObjKind::ByteArray(b) => b.borrow().get(*index).copied(),
                _ => None,
            };
            match b {
                Some(b) => {
                    *index += 1;
                    Ok(Some(Value::Int(b as i64)))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                match next.checked_add(*step) {
                    Some(n) => *next = n,
                    None => *next = *stop,
                }
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        IterState::Dict { dict, pos, len, which } => {
            let ObjKind::Dict(d) = &dict.kind else { return Ok(None) };
            let d = d.borrow();
            if d.len() != *len {
                *len = usize::MAX;
                drop(d);
                drop(st);
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            while *pos < d.end() {
                let p = *pos;
                *pos += 1;
                if let Some((k, v)) = d.entry(p) {
                    let (k, v) = (k.clone(), v.clone());
                    let which = *which;
                    drop(d);
                    drop(st);
                    return Ok(Some(match which {
                        DictViewKind::Keys => k,
                        DictViewKind::Values => v,
                        DictViewKind::Items => vm.new_tuple(vec![k, v]),
                    }));
                }
            }
            Ok(None)
        }
        IterState::Set { set, pos, len } => {
            let n = match &set.kind {
                ObjKind::Set(s) => s.borrow().len(),
                ObjKind::FrozenSet(s) => s.len(),
                _ => 0,
            };
            if n != *len {
                *len = usize::MAX;
                drop(st);
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            loop {
                let p = *pos;
                let (item, end) = match &set.kind {
                    ObjKind::Set(s) => {
                        let s = s.borrow();
                        (s.entry(p).cloned(), s.end())
                    }
                    ObjKind::FrozenSet(s) => (s.entry(p).cloned(), s.end()),
                    _ => (None, 0),
                };
                if p >= end {
                    return Ok(None);
                }
                *pos += 1;
                if let Some(v) = item {
                    return Ok(Some(v));
                }
            }
        }
        // reversed() of an exact list or tuple reads the items directly (CPython's
        // list_reverseiterator); once out of range it stays exhausted
        IterState::Reversed {
            seq: Value::Obj(seq),
            index,
        } if reads_directly(vm, it, seq) => {
            let item = match (&seq.kind, usize::try_from(*index)) {
                (ObjKind::List(l), Ok(i)) => l.borrow().get(i).cloned(),
                (ObjKind::Tuple(t), Ok(i)) => t.get(i).cloned(),
                _ => None,
            };
            match item {
                Some(v) => {
                    *index -= 1;
                    Ok(Some(v))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Exhausted => Ok(None),
        _ => {
            // composite iterators (map, zip, ...) recurse into their sources: deep
            // nestings must end in RecursionError, not a native stack overflow
            vm.check_stack()?;
            let state = std::mem::replace(&mut *st, IterState::Exhausted);
            drop(st);
            let (result, state) = crate::builtins::iterators::next_composite(vm, state);
            if let Some(state) = state {
                if let Some(ObjKind::Iter(cell)) = it.kind() {
                    *cell.borrow_mut() = state;
                }
            }
            result
        }
    }
}

/// True if a `reversed` iterator over `seq` reads the items directly: a list through
/// `list.__reversed__` (CPython's `list_reverseiterator`, which ignores a subclass's
/// `__getitem__`), or an exact tuple (no `__getitem__` to honour).
fn reads_directly(vm: &Vm, it: &Value, seq: &crate::value::Obj) -> bool {
    match &seq.kind {
        ObjKind::List(_) => it
            .as_obj()
            .and_then(|o| o.class.as_ref())
            .is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types.list_reverseiterator)),
        ObjKind::Tuple(_) => seq
            .class
            .as_ref()
            .is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types.tuple)),
        _ => false,
    }
}

/// The next item of a list, tuple or range iterator that has one, advancing it; `None`
/// in every other case (another kind, exhaustion, a busy cell): then call [`Vm::next`].
/// The inlined step of [`next_builtin`], usable by any caller that wants no result
/// wrapper.
#[inline(always)]
pub fn next_plain(it: &Value) -> Option<Value> {
    let Some(ObjKind::Iter(cell)) = it.kind() else {
        return None;
    };
    let mut st = cell.try_borrow_mut().ok()?;
    match &mut *st {
        IterState::List { seq, index } => {
            let ObjKind::List(l) = &seq.kind else { return None };
            let v = l.try_borrow().ok()?.get(*index)?.clone();
            *index += 1;
            Some(v)
        }
        IterState::Tuple { seq, index } => {
            let ObjKind::Tuple(t) = &seq.kind else { return None };
            let v = t.get(*index)?.clone();
            *index += 1;
            Some(v)
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.checked_add(*step).unwrap_or(*stop);
                Some(Value::Int(v))
            } else {
                None
            }
        }
        _ => None,
    }
}

fn iter_next_method(vm: &mut Vm, args: &[crate::value::Value], _kw: &[crate::value::Value]) -> PyResult<Value> {
    let Some(it) = args.first() else {
        return Err(vm.type_error("__next__ needs self"));
    };
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    }
}

fn iter_iter_method(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// Registers `__next__` and `__iter__` on every built-in iterator type.
pub fn init(vm: &mut Vm) {
    let t = vm.types.clone_refs();
    for ty in [
        &t.list_iterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.range_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.set_iterator,
        &t.reversed,
        &t.list_reverseiterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.callable_iterator,
        &t.iterator,
    ] {
        vm.add_method(ty, "__next__", iter_next_method);
        vm.add_method(ty, "__iter__", iter_iter_method);
    }
}

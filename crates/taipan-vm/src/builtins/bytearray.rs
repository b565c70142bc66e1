//! `bytearray` mutators (CPython 3.11 `Objects/bytearrayobject.c`): append, extend, insert,
//! pop, remove, reverse, clear, copy and slice assignment.

use crate::builtins::str::{Style, check_pos, ssize_arg};
use crate::numops::to_pyint;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

use super::bytes::*;

// ---------------------------------------------------------------------------
// bytearray mutators
// ---------------------------------------------------------------------------

/// The bytearray cell of `self`.
pub(crate) fn array<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    match args.first().and_then(|v| v.kind()) {
        Some(ObjKind::ByteArray(b)) => Ok(b),
        _ => {
            let tn = args.first().map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

pub(crate) fn ba_append(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "append")?;
    check_pos(vm, "bytearray", "append", &args[1..], kwnames, 1, 1, Style::One)?;
    let b = byte_arg(vm, &args[1])?;
    cell.borrow_mut().push(b);
    Ok(Value::None)
}

pub(crate) fn ba_extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "extend")?;
    check_pos(vm, "bytearray", "extend", &args[1..], kwnames, 1, 1, Style::One)?;
    let src = &args[1];
    let add = if let Some(d) = data_of(src) {
        d.into_owned()
    } else {
        let it = match vm.iter(src) {
            Ok(it) => it,
            Err(e) => {
                if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                    let tn = vm.type_name(src);
                    return Err(vm.type_error(format!("can't extend bytearray with {tn}")));
                }
                return Err(e);
            }
        };
        let mut out = Vec::new();
        while let Some(x) = vm.next(&it)? {
            out.push(byte_arg(vm, &x)?);
        }
        out
    };
    cell.borrow_mut().extend_from_slice(&add);
    Ok(Value::None)
}

pub(crate) fn ba_pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "pop")?;
    check_pos(vm, "bytearray", "pop", &args[1..], kwnames, 0, 1, Style::Clinic)?;
    let idx = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let len = cell.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = if idx < 0 {
        idx.checked_add(i64::try_from(len).unwrap_or(i64::MAX))
    } else {
        Some(idx)
    };
    match i.and_then(|i| usize::try_from(i).ok()).filter(|i| *i < len) {
        Some(i) => {
            let b = cell.borrow_mut().remove(i);
            Ok(Value::Int(i64::from(b)))
        }
        None => Err(vm.index_error("pop index out of range")),
    }
}

pub(crate) fn ba_insert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "insert")?;
    check_pos(vm, "bytearray", "insert", &args[1..], kwnames, 2, 2, Style::Clinic)?;
    let idx = ssize_arg(vm, &args[1])?;
    let b = byte_arg(vm, &args[2])?;
    let len = i64::try_from(cell.borrow().len()).unwrap_or(i64::MAX);
    let i = if idx < 0 {
        idx.saturating_add(len).max(0)
    } else {
        idx.min(len)
    };
    let i = usize::try_from(i).unwrap_or(0);
    cell.borrow_mut().insert(i, b);
    Ok(Value::None)
}

pub(crate) fn ba_remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "remove")?;
    check_pos(vm, "bytearray", "remove", &args[1..], kwnames, 1, 1, Style::One)?;
    let b = byte_arg(vm, &args[1])?;
    let pos = cell.borrow().iter().position(|x| *x == b);
    match pos {
        Some(p) => {
            cell.borrow_mut().remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

pub(crate) fn ba_reverse(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "reverse")?;
    check_pos(vm, "bytearray", "reverse", &args[1..], kwnames, 0, 0, Style::NoArgs)?;
    cell.borrow_mut().reverse();
    Ok(Value::None)
}

pub(crate) fn ba_clear(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "clear")?;
    check_pos(vm, "bytearray", "clear", &args[1..], kwnames, 0, 0, Style::NoArgs)?;
    cell.borrow_mut().clear();
    Ok(Value::None)
}

pub(crate) fn ba_copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "copy")?;
    check_pos(vm, "bytearray", "copy", &args[1..], kwnames, 0, 0, Style::NoArgs)?;
    let d = cell.borrow().clone();
    Ok(make(vm, true, d))
}

/// `ba[key] = value` for a bytearray `ba` (CPython `bytearray_ass_subscript`):
/// an index takes an int in `range(256)`; a slice takes bytes-like data or
/// an iterable of such ints (an extended slice needs the same length).
/// Errors: IndexError "bytearray index out of range", ValueError "byte must
/// be in range(0, 256)", TypeError "can assign only bytes, buffers, or
/// iterables of ints in range(0, 256)", ValueError "attempt to assign bytes
/// of size 2 to extended slice of size 3", TypeError "bytearray indices must
/// be integers or slices, not str".
pub fn bytearray_setitem(vm: &mut Vm, target: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let Some(ObjKind::ByteArray(cell)) = target.kind() else {
        return Ok(());
    };
    let len = cell.borrow().len();
    if !matches!(key.kind(), Some(ObjKind::Slice { .. })) {
        let i = vm.seq_index(key, len, "bytearray")?;
        let b = byte_arg(vm, value)?;
        if let Some(slot) = cell.borrow_mut().get_mut(i) {
            *slot = b;
        }
        return Ok(());
    }
    let data = if to_pyint(value).is_some() || value.as_str().is_some() {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    } else if let Some(d) = data_of(value) {
        d.into_owned()
    } else {
        from_source(vm, value, true)?
    };
    // The source may have run Python code that resized the target.
    let len = cell.borrow().len();
    let si = vm.slice_indices(key, len)?;
    if si.step == 1 {
        // __index__ of the bounds may have resized it too: clamp to the current length
        let len = cell.borrow().len();
        let start = usize::try_from(si.start).unwrap_or(0).min(len);
        let end = start.saturating_add(si.len).min(len);
        cell.borrow_mut().splice(start..end, data);
        return Ok(());
    }
    if data.len() != si.len {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            data.len(),
            si.len
        )));
    }
    let mut b = cell.borrow_mut();
    for (i, v) in si.indices().zip(data) {
        if let Some(slot) = b.get_mut(i) {
            *slot = v;
        }
    }
    Ok(())
}

/// `del ba[key]` for a bytearray `ba`. Errors: IndexError "bytearray index
/// out of range", TypeError "bytearray indices must be integers or slices,
/// not str".
pub fn bytearray_delitem(vm: &mut Vm, target: &Value, key: &Value) -> PyResult<()> {
    let Some(ObjKind::ByteArray(cell)) = target.kind() else {
        return Ok(());
    };
    let len = cell.borrow().len();
    if !matches!(key.kind(), Some(ObjKind::Slice { .. })) {
        let i = vm.seq_index(key, len, "bytearray")?;
        let mut b = cell.borrow_mut();
        if i < b.len() {
            b.remove(i);
        }
        return Ok(());
    }
    let si = vm.slice_indices(key, len)?;
    let mut drop = vec![false; len];
    for i in si.indices() {
        if let Some(d) = drop.get_mut(i) {
            *d = true;
        }
    }
    let mut b = cell.borrow_mut();
    let mut k = 0usize;
    b.retain(|_| {
        let keep = !drop.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
    Ok(())
}

pub(crate) fn ba_setitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    array(vm, args, "__setitem__")?;
    check_pos(
        vm,
        "bytearray",
        "__setitem__",
        &args[1..],
        kwnames,
        2,
        2,
        Style::Wrapper,
    )?;
    bytearray_setitem(vm, &args[0], &args[1], &args[2])?;
    Ok(Value::None)
}

pub(crate) fn ba_delitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    array(vm, args, "__delitem__")?;
    check_pos(
        vm,
        "bytearray",
        "__delitem__",
        &args[1..],
        kwnames,
        1,
        1,
        Style::Wrapper,
    )?;
    bytearray_delitem(vm, &args[0], &args[1])?;
    Ok(Value::None)
}

pub(crate) fn ba_iadd(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cell = array(vm, args, "__iadd__")?;
    check_pos(vm, "bytearray", "__iadd__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    match data_of(&args[1]) {
        Some(d) => {
            let d = d.into_owned();
            cell.borrow_mut().extend_from_slice(&d);
            Ok(args[0].clone())
        }
        None => {
            let tn = vm.type_name(&args[1]);
            Err(vm.type_error(format!("can't concat {tn} to bytearray")))
        }
    }
}

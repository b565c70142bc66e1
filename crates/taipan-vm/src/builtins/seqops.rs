//! Operators and subscription of the built-in sequences and containers: `+`, `*`, `%`
//! on str/list/tuple/bytes, set algebra, dict `|`, and `x[i]`, `x[i:j:k]` for
//! list/tuple/str/bytes/bytearray/range/dict (CPython's `sq_*`/`mp_*` slots).

use std::cell::RefCell;

use taipan_bytecode::BinaryOperator as B;

use crate::numops::to_pyint;
use crate::object::ObjKind;
use crate::subscript::{SliceBounds, SliceIndices};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Largest sequence a repetition may build (items); larger requests raise MemoryError.
const MAX_REPEAT_ITEMS: usize = 1 << 31;

/// An int, or an object with `__index__` (usable as a repeat count).
fn is_index_like(vm: &Vm, v: &Value) -> bool {
    to_pyint(v).is_some()
        || (matches!(v.kind(), Some(ObjKind::Instance(_))) && vm.lookup_special(v, "__index__").is_some())
}

/// Whether `len * count` is beyond `isize::MAX` (CPython's `PY_SSIZE_T_MAX`): a str or
/// bytes repeated that often raises OverflowError ("repeated string is too long",
/// `unicode_repeat` and `bytes_repeat` in CPython's `Objects/`), where a list, tuple or
/// bytearray raises MemoryError.
pub(crate) fn repeat_too_long(len: usize, count: usize) -> bool {
    count > 0 && len > isize::MAX as usize / count
}

/// The count of `seq * n` for a sequence of `len` items: `too_long`, for strs and bytes,
/// is the OverflowError message when `len * n` is beyond `isize::MAX`.
fn repeat_count(vm: &mut Vm, n: &Value, len: usize, too_long: Option<&str>) -> Option<PyResult<usize>> {
    let i = match to_pyint(n) {
        Some(i) => i,
        None => match vm.to_index(n) {
            Ok(i) => crate::support::int::PyInt::Small(i),
            Err(e) => return Some(Err(e)),
        },
    };
    let count = match i.as_i64() {
        Some(c) if c <= 0 => 0usize,
        Some(c) => c as usize,
        None => return Some(Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))),
    };
    // an empty sequence repeated any number of times is empty (no loop over the count)
    let count = if len == 0 { 0 } else { count };
    if let Some(msg) = too_long
        && repeat_too_long(len, count)
    {
        return Some(Err(vm.overflow_error(msg)));
    }
    if len > 0 && count > 0 && len.saturating_mul(count) > MAX_REPEAT_ITEMS {
        if count == usize::MAX || i.as_i64().is_none() {
            return Some(Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")));
        }
        let t = vm.exc.memory_error.clone();
        return Some(Err(crate::vm::PyErr(vm.new_exception(&t, vec![]))));
    }
    Some(Ok(count))
}

/// A new str, `x` followed by `y` (`str + str`; also the traces' `@str_concat`).
pub(crate) fn concat_strs(vm: &Vm, x: &str, y: &str) -> Value {
    let mut s = String::with_capacity(x.len() + y.len());
    s.push_str(x);
    s.push_str(y);
    vm.new_str(s)
}

/// `a op b` for built-in containers; `None` if the kinds have no such operator.
pub fn sequence_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> Option<PyResult<Value>> {
    let nop = op.non_inplace();
    let ka = a.kind();
    let kb = b.kind();
    match (nop, ka, kb) {
        (B::Add, Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) => Some(Ok(concat_strs(vm, x.as_str(), y.as_str()))),
        (B::Add, Some(ObjKind::List(x)), Some(ObjKind::List(y))) => {
            if op.is_inplace() {
                // `a += a` copies first (one cell cannot be borrowed twice); a list
                // subclass on the right is iterated (it may override __iter__)
                let add = match vm.class_of(b).kind.is_heap_type() {
                    false => y.borrow().clone(),
                    true => match vm.collect(b) {
                        Ok(items) => items,
                        Err(e) => return Some(Err(e)),
                    },
                };
                x.borrow_mut().extend(add);
                return Some(Ok(a.clone()));
            }
            let (x, y) = (x.borrow(), y.borrow());
            let mut v = Vec::with_capacity(x.len().saturating_add(y.len()));
            v.extend_from_slice(&x);
            v.extend_from_slice(&y);
            drop((x, y));
            Some(Ok(vm.new_list(v)))
        }
        (B::Add, Some(ObjKind::List(x)), _) if op.is_inplace() => {
            let items = match vm.collect(b) {
                Ok(i) => i,
                Err(e) => return Some(Err(e)),
            };
            x.borrow_mut().extend(items);
            Some(Ok(a.clone()))
        }
        (B::Add, Some(ObjKind::Tuple(x)), Some(ObjKind::Tuple(y))) => {
            let mut v = Vec::with_capacity(x.len().saturating_add(y.len()));
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            Some(Ok(vm.new_tuple(v)))
        }
        (B::Add, Some(ObjKind::Bytes(x)), Some(ObjKind::Bytes(y))) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Some(Ok(vm.new_bytes(v)))
        }
        (B::Add, Some(ObjKind::ByteArray(x)), Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_))) => {
            let other = crate::builtins::bytes::bytes_data(b).unwrap_or_default();
            if op.is_inplace() {
                x.borrow_mut().extend_from_slice(&other);
                return Some(Ok(a.clone()));
            }
            let mut v = x.borrow().clone();
            v.extend_from_slice(&other);
            Some(Ok(Value::new_obj(
                &vm.types.bytearray,
                ObjKind::ByteArray(RefCell::new(v)),
            )))
        }
        (B::Add, Some(ObjKind::Bytes(x)), Some(ObjKind::ByteArray(y))) => {
            let mut v = x.to_vec();
            v.extend_from_slice(&y.borrow());
            Some(Ok(vm.new_bytes(v)))
        }
        (B::Multiply, Some(k), _) if is_seq(k) && is_index_like(vm, b) => Some(repeat(vm, a, b, op.is_inplace())),
        (B::Multiply, _, Some(k)) if is_seq(k) && is_index_like(vm, a) => Some(repeat(vm, b, a, false)),
        (B::Remainder, Some(ObjKind::Str(_)), _) => Some(crate::builtins::format::percent_format(vm, a, b)),
        (
            B::Or | B::And | B::Subtract | B::Xor,
            Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)),
            Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)),
        ) => Some(crate::builtins::set::set_binary(vm, a, b, op)),
        _ if crate::builtins::dict::is_view_operation(a, b, op) => {
            Some(crate::builtins::dict::view_binary(vm, a, b, op))
        }
        (B::Or, Some(ObjKind::Dict(_)), Some(ObjKind::Dict(_))) => {
            Some(crate::builtins::dict::dict_or(vm, a, b, op.is_inplace()))
        }
        (B::Or, Some(ObjKind::Dict(_)), _) if op.is_inplace() => Some(crate::builtins::dict::dict_or(vm, a, b, true)),
        _ => None,
    }
}

fn is_seq(k: &ObjKind) -> bool {
    matches!(
        k,
        ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_)
    )
}

/// MemoryError for an allocation that failed (instead of Rust's abort).
fn no_memory(vm: &mut Vm) -> crate::vm::PyErr {
    let t = vm.exc.memory_error.clone();
    crate::vm::PyErr(vm.new_exception(&t, vec![]))
}

/// `b * count`, or `None` when the result cannot be allocated (a MemoryError).
pub(crate) fn repeat_bytes(b: &[u8], count: usize) -> Option<Vec<u8>> {
    // (empty bytes repeated any number of times are empty: no loop over the count)
    let count = if b.is_empty() { 0 } else { count };
    let mut out = Vec::new();
    out.try_reserve_exact(b.len().checked_mul(count)?).ok()?;
    for _ in 0..count {
        out.extend_from_slice(b);
    }
    Some(out)
}

fn repeat(vm: &mut Vm, seq: &Value, n: &Value, inplace: bool) -> PyResult<Value> {
    let len = vm.len(seq)?;
    let too_long = match seq.kind() {
        Some(ObjKind::Str(_)) => Some("repeated string is too long"),
        Some(ObjKind::Bytes(_)) => Some("repeated bytes are too long"),
        _ => None,
    };
    let count = match repeat_count(vm, n, len, too_long) {
        Some(r) => r?,
        None => 0,
    };
    Ok(match seq.kind() {
        Some(ObjKind::Str(s)) => {
            // grow fallibly: an impossible size is a MemoryError, not an abort
            let text = s.as_str();
            let mut out = String::new();
            if text
                .len()
                .checked_mul(count)
                .is_none_or(|n| out.try_reserve_exact(n).is_err())
            {
                return Err(no_memory(vm));
            }
            for _ in 0..count {
                out.push_str(text);
            }
            vm.new_str(out)
        }
        Some(ObjKind::List(l)) => {
            let items = l.borrow().clone();
            let mut v = Vec::new();
            if v.try_reserve(items.len().saturating_mul(count)).is_err() {
                return Err(no_memory(vm));
            }
            for _ in 0..count {
                v.extend(items.iter().cloned());
            }
            if inplace {
                *l.borrow_mut() = v;
                return Ok(seq.clone());
            }
            vm.new_list(v)
        }
        Some(ObjKind::Tuple(t)) => {
            let mut v = Vec::new();
            if v.try_reserve(t.len().saturating_mul(count)).is_err() {
                return Err(no_memory(vm));
            }
            for _ in 0..count {
                v.extend(t.iter().cloned());
            }
            vm.new_tuple(v)
        }
        Some(ObjKind::Bytes(b)) => match repeat_bytes(b, count) {
            Some(v) => vm.new_bytes(v),
            None => return Err(no_memory(vm)),
        },
        Some(ObjKind::ByteArray(b)) => {
            let Some(v) = repeat_bytes(&b.borrow(), count) else {
                return Err(no_memory(vm));
            };
            if inplace {
                *b.borrow_mut() = v;
                return Ok(seq.clone());
            }
            Value::new_obj(&vm.types.bytearray, ObjKind::ByteArray(RefCell::new(v)))
        }
        _ => Value::None,
    })
}

/// `o[key]` for built-in kinds; `None` if `o` has no built-in subscription.
pub fn builtin_getitem(vm: &mut Vm, o: &Obj, key: &Value) -> Option<PyResult<Value>> {
    let is_slice = matches!(key.kind(), Some(ObjKind::Slice { .. }));
    Some(match &o.kind {
        ObjKind::List(l) => {
            if is_slice {
                // bounds first (their __index__ may change the list), then the length
                match vm.slice_unpack(key) {
                    Ok(b) => Ok(list_slice(vm, l, &b)),
                    Err(e) => Err(e),
                }
            } else {
                let len = l.borrow().len();
                match vm.seq_index(key, len, "list") {
                    Ok(i) => match l.borrow().get(i) {
                        Some(v) => Ok(v.clone()),
                        None => Err(vm.index_error("list index out of range")),
                    },
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::Tuple(t) => {
            if is_slice {
                match vm.slice_unpack(key) {
                    Ok(b) => Ok(tuple_slice(vm, o, t, &b)),
                    Err(e) => Err(e),
                }
            } else {
                match vm.seq_index(key, t.len(), "tuple") {
                    Ok(i) => match t.get(i) {
                        Some(v) => Ok(v.clone()),
                        None => Err(vm.index_error("tuple index out of range")),
                    },
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::Str(s) => {
            if is_slice {
                match vm.slice_unpack(key) {
                    Ok(b) => Ok(str_slice(vm, o, s, &b)),
                    Err(e) => Err(e),
                }
            } else {
                match vm.seq_index(key, s.char_len(), "string") {
                    Ok(i) => {
                        let text = s.as_str();
                        let c = if s.is_ascii() {
                            text.get(i..i + 1)
                        } else {
                            text.char_indices()
                                .nth(i)
                                .and_then(|(p, c)| text.get(p..p + c.len_utf8()))
                        };
                        Ok(match c {
                            Some(c) => vm.intern_char(c),
                            None => vm.new_str(""),
                        })
                    }
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::Bytes(data) => {
            if is_slice {
                match vm.slice_indices(key, data.len()) {
                    Ok(si) => Ok(vm.new_bytes(copy_slice(data, &si))),
                    Err(e) => Err(e),
                }
            } else {
                match vm.seq_index_or(key, data.len(), "index", Some("index out of range")) {
                    Ok(i) => match data.get(i) {
                        Some(b) => Ok(Value::Int(*b as i64)),
                        None => Err(vm.index_error("index out of range")),
                    },
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::ByteArray(data) => {
            if is_slice {
                let b = match vm.slice_unpack(key) {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                let v = {
                    let data = data.borrow();
                    copy_slice(&data, &b.adjust(data.len()))
                };
                Ok(Value::new_obj(&vm.types.bytearray, ObjKind::ByteArray(RefCell::new(v))))
            } else {
                let len = data.borrow().len();
                match vm.seq_index(key, len, "bytearray") {
                    // __index__ may have shrunk the bytearray: read it again
                    Ok(i) => match data.borrow().get(i).copied() {
                        Some(b) => Ok(Value::Int(b as i64)),
                        None => Err(vm.index_error("bytearray index out of range")),
                    },
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::Range { start, stop, step } => {
            let len = crate::ops::range_len(*start, *stop, *step) as usize;
            if is_slice {
                match vm.slice_indices(key, len) {
                    Ok(si) => {
                        let nstart = *start as i128 + si.start as i128 * *step as i128;
                        let nstep = *step as i128 * si.step as i128;
                        let nstop = *start as i128 + si.stop as i128 * *step as i128;
                        let clamp = |x: i128| x.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
                        Ok(Value::new_obj(
                            &vm.types.range,
                            ObjKind::Range {
                                start: clamp(nstart),
                                stop: clamp(nstop),
                                step: clamp(nstep),
                            },
                        ))
                    }
                    Err(e) => Err(e),
                }
            } else {
                match vm.seq_index(key, len, "range object") {
                    // in i128: i * step alone may overflow even when the element fits
                    Ok(i) => match i64::try_from(*start as i128 + i as i128 * *step as i128) {
                        Ok(x) => Ok(Value::Int(x)),
                        Err(_) => Err(vm.overflow_error("range element out of range")),
                    },
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::BigRange { .. } => crate::builtins::range::big_getitem(vm, &Value::Obj(o.clone()), key),
        ObjKind::Dict(_) => match vm.dict_get(o, key) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                // __missing__ for dict subclasses
                let ov = Value::Obj(o.clone());
                if vm.class_of(&ov).kind.is_heap_type() {
                    if let Some(m) = vm.lookup_special(&ov, "__missing__") {
                        return Some(vm.call(&m, &[ov, key.clone()]));
                    }
                }
                Err(vm.key_error(key.clone()))
            }
            Err(e) => Err(e),
        },
        _ => return None,
    })
}

/// True if `o`'s class is exactly `ty` (not a subclass).
#[inline]
fn is_exact(o: &Obj, ty: &Obj) -> bool {
    o.class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, ty))
}

/// The items of `items` selected by `si` (computed against `items.len()`): a plain copy
/// for step 1, a reversed copy for step -1, else every `step`-th item.
fn copy_slice<T: Clone>(items: &[T], si: &SliceIndices) -> Vec<T> {
    let mut out = Vec::new();
    extend_slice(&mut out, items, si);
    out
}

/// Appends the items of `items` selected by `si` (computed against `items.len()`) to
/// `out`, as [`copy_slice`] selects them.
pub(crate) fn extend_slice<T: Clone>(out: &mut Vec<T>, items: &[T], si: &SliceIndices) {
    if si.len == 0 || si.start < 0 {
        return;
    }
    let start = si.start as usize;
    match si.step {
        1 => {
            if let Some(part) = items.get(start..start.saturating_add(si.len)) {
                out.extend_from_slice(part);
            }
        }
        -1 => {
            let low = start.saturating_add(1).saturating_sub(si.len);
            if let Some(part) = items.get(low..=start) {
                out.extend(part.iter().rev().cloned());
            }
        }
        _ => {
            out.reserve(si.len);
            out.extend(si.indices().filter_map(|i| items.get(i).cloned()));
        }
    }
}

/// `list[b] = items` where it cannot fail (CPython `list_ass_subscript`, whose value it
/// has already copied, as CPython copies a list assigned into itself): step 1 replaces the
/// selected range by the items (the list grows fallibly), another step needs exactly one
/// item per selected slot. The items are moved out of `items`. False, with nothing
/// changed, when it would fail (the caller's exit lets the interpreter raise) or the list
/// is borrowed. The replaced items are dropped (no Python code runs).
pub(crate) fn list_assign_items(l: &RefCell<Vec<Value>>, b: &SliceBounds, items: &mut Vec<Value>) -> bool {
    let Ok(mut list) = l.try_borrow_mut() else { return false };
    let si = b.adjust(list.len());
    if si.step == 1 {
        let n = list.len();
        let low = usize::try_from(si.start).unwrap_or(0).min(n);
        let high = usize::try_from(si.stop).unwrap_or(0).min(n).max(low);
        if high - low == items.len() {
            if let Some(dst) = list.get_mut(low..high) {
                for (slot, v) in dst.iter_mut().zip(items.drain(..)) {
                    *slot = v;
                }
            }
        } else {
            if list.try_reserve(items.len().saturating_sub(high - low)).is_err() {
                return false;
            }
            list.splice(low..high, items.drain(..));
        }
        return true;
    }
    if items.len() != si.len {
        return false;
    }
    for (i, v) in si.indices().zip(items.drain(..)) {
        if let Some(slot) = list.get_mut(i) {
            *slot = v;
        }
    }
    true
}

/// `src[b]` for an exact list `src`, written into the list object `dst` (emptied first)
/// instead of a new list: for the trace helper `@seq_slice`, which reuses a list a trace
/// released (`jit_helpers.rs`' spare list). False (nothing done) when `src` is not an
/// exact list or `dst` is not a list, is `src`, or is borrowed.
pub(crate) fn list_slice_into(vm: &Vm, src: &Value, b: &SliceBounds, dst: &Obj) -> bool {
    let (Value::Obj(o), ObjKind::List(d)) = (src, &dst.kind) else {
        return false;
    };
    let ObjKind::List(l) = &o.kind else { return false };
    if !is_exact(o, &vm.types.list) || std::rc::Rc::ptr_eq(o, dst) {
        return false;
    }
    let (Ok(items), Ok(mut out)) = (l.try_borrow(), d.try_borrow_mut()) else {
        return false;
    };
    // (the spare list is empty: the release that kept it emptied it)
    out.clear();
    extend_slice(&mut out, &items, &b.adjust(items.len()));
    true
}

/// `list[b]` as a new list.
fn list_slice(vm: &mut Vm, l: &RefCell<Vec<Value>>, b: &SliceBounds) -> Value {
    let v = {
        let items = l.borrow();
        copy_slice(&items, &b.adjust(items.len()))
    };
    vm.new_list(v)
}

/// `tuple[b]`: the tuple itself for a full slice of an exact tuple (as CPython), else a
/// new tuple.
fn tuple_slice(vm: &mut Vm, o: &Obj, t: &[Value], b: &SliceBounds) -> Value {
    let si = b.adjust(t.len());
    if si.step == 1 && si.len == t.len() && is_exact(o, &vm.types.tuple) {
        return Value::Obj(o.clone());
    }
    vm.new_tuple(copy_slice(t, &si))
}

/// `str[b]` (`b` counts code points): the str itself for a full slice of an exact str
/// (as CPython), else a new str.
fn str_slice(vm: &mut Vm, o: &Obj, s: &crate::object::PyStr, b: &SliceBounds) -> Value {
    let si = b.adjust(s.char_len());
    if si.step == 1 && si.len == s.char_len() && is_exact(o, &vm.types.str) {
        return Value::Obj(o.clone());
    }
    let text = s.as_str();
    if s.is_ascii() {
        let bytes = copy_slice(text.as_bytes(), &si);
        return vm.new_str(String::from_utf8(bytes).unwrap_or_default());
    }
    if si.len == 0 || si.start < 0 {
        return vm.new_str("");
    }
    let start = si.start as usize;
    let out: String = if si.step == 1 {
        // byte offsets of the first and one-past-last selected code points
        let mut offsets = text.char_indices().map(|(p, _)| p).skip(start);
        let from = offsets.next().unwrap_or(text.len());
        let to = offsets.nth(si.len.saturating_sub(1)).unwrap_or(text.len());
        text.get(from..to).unwrap_or("").to_string()
    } else {
        let chars: Vec<char> = text.chars().collect();
        si.indices().filter_map(|i| chars.get(i).copied()).collect()
    };
    vm.new_str(out)
}

/// `o[key] = value` for built-in kinds; `None` if not supported natively.
pub fn builtin_setitem(vm: &mut Vm, o: &Obj, key: &Value, value: &Value) -> Option<PyResult<()>> {
    Some(match &o.kind {
        ObjKind::List(l) => {
            if matches!(key.kind(), Some(ObjKind::Slice { .. })) {
                match vm.slice_unpack(key) {
                    Ok(b) => list_set_slice(vm, o, l, b, value),
                    Err(e) => Err(e),
                }
            } else {
                let len = l.borrow().len();
                match vm.seq_index_or(key, len, "list", Some("list assignment index out of range")) {
                    Ok(i) => {
                        if let Some(slot) = l.borrow_mut().get_mut(i) {
                            *slot = value.clone();
                            return Some(Ok(()));
                        }
                        // __index__ shrank the list
                        Err(vm.index_error("list assignment index out of range"))
                    }
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::Dict(_) if is_mappingproxy(vm, o) => {
            Err(vm.type_error("'mappingproxy' object does not support item assignment"))
        }
        ObjKind::Dict(_) => vm.dict_set(o, key.clone(), value.clone()),
        ObjKind::ByteArray(_) => crate::builtins::bytes::bytearray_setitem(vm, &Value::Obj(o.clone()), key, value),
        _ => return None,
    })
}

/// Where the items of a slice assignment come from.
enum Source<'a> {
    /// An exact list other than the target: read in place.
    List(&'a RefCell<Vec<Value>>),
    /// An exact tuple: read in place.
    Tuple(&'a [Value]),
    /// Anything else (and the target itself), copied or iterated first.
    Owned(Vec<Value>),
}

/// `c[start:stop:step]` for an exact list, tuple or str with plain bounds (see
/// [`SliceBounds::plain`]), without a slice object: for the interpreter's fused
/// `BUILD_SLICE` + `BINARY_SUBSCR` (CPython 3.12's `BINARY_SLICE`). `None`: build the
/// slice and take the general path.
pub fn get_slice_plain(vm: &mut Vm, c: &Value, b: &SliceBounds) -> Option<Value> {
    let Value::Obj(o) = c else { return None };
    match &o.kind {
        ObjKind::List(l) if is_exact(o, &vm.types.list) => Some(list_slice(vm, l, b)),
        ObjKind::Tuple(t) if is_exact(o, &vm.types.tuple) => Some(tuple_slice(vm, o, t, b)),
        ObjKind::Str(s) if is_exact(o, &vm.types.str) => Some(str_slice(vm, o, s, b)),
        _ => None,
    }
}

/// `c[start:stop:step] = value` for an exact list with plain bounds, without a slice
/// object (the store side of [`get_slice_plain`], CPython 3.12's `STORE_SLICE`). `None`:
/// build the slice and take the general path.
pub fn set_slice_plain(vm: &mut Vm, c: &Value, b: &SliceBounds, value: &Value) -> Option<PyResult<()>> {
    let Value::Obj(o) = c else { return None };
    match &o.kind {
        ObjKind::List(l) if is_exact(o, &vm.types.list) => Some(list_set_slice(vm, o, l, *b, value)),
        _ => None,
    }
}

/// `target[slice] = value` on a list (CPython `list_ass_subscript`): the slice's bounds
/// (already unpacked) first, then the items of `value` (read in place for an exact list or tuple, as
/// `PySequence_Fast`, else iterated), then the replacement: step 1 replaces a range by
/// any number of items; any other step needs exactly one item per selected slot.
fn list_set_slice(vm: &mut Vm, o: &Obj, l: &RefCell<Vec<Value>>, bounds: SliceBounds, value: &Value) -> PyResult<()> {
    let si = bounds.adjust(l.borrow().len());
    let src = match value {
        Value::Obj(v) if std::rc::Rc::ptr_eq(v, o) => Source::Owned(l.borrow().clone()),
        Value::Obj(v) => match &v.kind {
            ObjKind::List(items) if is_exact(v, &vm.types.list) => Source::List(items),
            ObjKind::Tuple(items) if is_exact(v, &vm.types.tuple) => Source::Tuple(items),
            _ => Source::Owned(iterate_source(vm, value, si.step == 1)?),
        },
        _ => Source::Owned(iterate_source(vm, value, si.step == 1)?),
    };
    let src_len = match &src {
        Source::List(items) => items.borrow().len(),
        Source::Tuple(items) => items.len(),
        Source::Owned(items) => items.len(),
    };
    if si.step == 1 {
        // clamped to the current length: iterating the value may have resized the list
        // (CPython's list_ass_slice clamps the same way)
        let mut list = l.borrow_mut();
        let n = list.len();
        let low = usize::try_from(si.start).unwrap_or(0).min(n);
        let high = usize::try_from(si.stop).unwrap_or(0).min(n).max(low);
        if high - low == src_len {
            if let Some(dst) = list.get_mut(low..high) {
                match src {
                    Source::List(items) => {
                        for (slot, v) in dst.iter_mut().zip(items.borrow().iter()) {
                            *slot = v.clone();
                        }
                    }
                    Source::Tuple(items) => {
                        for (slot, v) in dst.iter_mut().zip(items.iter()) {
                            *slot = v.clone();
                        }
                    }
                    Source::Owned(items) => {
                        for (slot, v) in dst.iter_mut().zip(items) {
                            *slot = v;
                        }
                    }
                }
            }
        } else {
            if list.try_reserve(src_len.saturating_sub(high - low)).is_err() {
                drop(list);
                return Err(no_memory(vm));
            }
            match src {
                Source::List(items) => {
                    list.splice(low..high, items.borrow().iter().cloned());
                }
                Source::Tuple(items) => {
                    list.splice(low..high, items.iter().cloned());
                }
                Source::Owned(items) => {
                    list.splice(low..high, items);
                }
            }
        }
        return Ok(());
    }
    if src_len != si.len {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {src_len} to extended slice of size {}",
            si.len
        )));
    }
    let mut list = l.borrow_mut();
    let mut put = |i: usize, v: Value| {
        if let Some(slot) = list.get_mut(i) {
            *slot = v;
        }
    };
    match src {
        Source::List(items) => {
            for (i, v) in si.indices().zip(items.borrow().iter()) {
                put(i, v.clone());
            }
        }
        Source::Tuple(items) => {
            for (i, v) in si.indices().zip(items.iter()) {
                put(i, v.clone());
            }
        }
        Source::Owned(items) => {
            for (i, v) in si.indices().zip(items) {
                put(i, v);
            }
        }
    }
    Ok(())
}

/// The items of a slice assignment's value that is not an exact list or tuple; a
/// non-iterable is CPython's TypeError ("can only assign an iterable" for step 1).
fn iterate_source(vm: &mut Vm, value: &Value, simple: bool) -> PyResult<Vec<Value>> {
    let it = match vm.iter(value) {
        Ok(it) => it,
        Err(e) => {
            if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                return Err(vm.type_error(if simple {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                }));
            }
            return Err(e);
        }
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        if out.len() == out.capacity() && out.try_reserve(out.len().max(4)).is_err() {
            return Err(no_memory(vm));
        }
        out.push(x);
    }
    Ok(out)
}

/// `del target[slice]` on a list: a contiguous range for steps 1 and -1, else every
/// selected index (bounds resolved before the length is read, as CPython).
fn list_del_slice(vm: &mut Vm, l: &RefCell<Vec<Value>>, key: &Value) -> PyResult<()> {
    let bounds = vm.slice_unpack(key)?;
    let mut list = l.borrow_mut();
    let si = bounds.adjust(list.len());
    if si.len == 0 || si.start < 0 {
        return Ok(());
    }
    let start = si.start as usize;
    let step = si.step.unsigned_abs();
    // the lowest selected index, then every `step`-th one upwards
    let first = if si.step > 0 {
        start
    } else {
        start.saturating_sub(step.saturating_mul(si.len - 1))
    };
    if step == 1 {
        let end = first.saturating_add(si.len).min(list.len());
        let first = first.min(end);
        list.drain(first..end);
        return Ok(());
    }
    let mut k = 0usize;
    list.retain(|_| {
        let gone = k >= first && (k - first) % step == 0 && (k - first) / step < si.len;
        k += 1;
        !gone
    });
    Ok(())
}

/// `del o[key]` for built-in kinds; `None` if not supported natively.
pub fn builtin_delitem(vm: &mut Vm, o: &Obj, key: &Value) -> Option<PyResult<()>> {
    Some(match &o.kind {
        ObjKind::List(l) => {
            let len = l.borrow().len();
            if matches!(key.kind(), Some(ObjKind::Slice { .. })) {
                list_del_slice(vm, l, key)
            } else {
                match vm.seq_index_or(key, len, "list", Some("list assignment index out of range")) {
                    // __index__ may have shrunk the list: check the index again
                    Ok(i) if i < l.borrow().len() => {
                        let removed = l.borrow_mut().remove(i);
                        drop(removed);
                        Ok(())
                    }
                    Ok(_) => Err(vm.index_error("list assignment index out of range")),
                    Err(e) => Err(e),
                }
            }
        }
        ObjKind::Dict(_) if is_mappingproxy(vm, o) => {
            Err(vm.type_error("'mappingproxy' object does not support item deletion"))
        }
        ObjKind::Dict(_) => match vm.dict_del(o, key) {
            Ok(Some(_)) => Ok(()),
            Ok(None) => Err(vm.key_error(key.clone())),
            Err(e) => Err(e),
        },
        ObjKind::ByteArray(_) => crate::builtins::bytes::bytearray_delitem(vm, &Value::Obj(o.clone()), key),
        _ => return None,
    })
}

// ----- argument helpers shared by the container methods -----

/// CPython's error for a method descriptor applied to the wrong type:
/// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object" (methods) or
/// "descriptor '__len__' requires a 'list' object but received a 'int'" (slot wrappers).
pub fn descr_error(vm: &mut Vm, name: &str, owner: &str, got: Option<&Value>) -> crate::vm::PyErr {
    let Some(got) = got else {
        return vm.type_error(format!("unbound method {owner}.{name}() needs an argument"));
    };
    let tn = vm.type_name(got);
    let method_like = !name.starts_with("__")
        || matches!(
            name,
            "__getitem__" | "__contains__" | "__reversed__" | "__sizeof__" | "__class_getitem__"
        );
    if method_like {
        vm.type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{tn}' object"
        ))
    } else {
        vm.type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{tn}'"
        ))
    }
}

/// CPython `_PyArg_CheckPositional`: "insert expected 2 arguments, got 1",
/// "pop expected at most 1 argument, got 2", "get expected at least 1 argument, got 0".
pub fn check_positional(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let q = if min == max { "" } else { "at least " };
        return Err(vm.type_error(format!("{name} expected {q}{min} argument{}, got {n}", plural(min))));
    }
    if n > max {
        let q = if min == max { "" } else { "at most " };
        return Err(vm.type_error(format!("{name} expected {q}{max} argument{}, got {n}", plural(max))));
    }
    Ok(())
}

/// An index argument as a C `Py_ssize_t` (`PyNumber_AsSsize_t` with OverflowError):
/// TypeError for non-integers, OverflowError beyond 64 bits.
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            if let Some(i) = to_pyint(v) {
                return match i.as_i64() {
                    Some(x) => Ok(x),
                    None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
                };
            }
            vm.to_index(v)
        }
    }
}

/// A slice-style index argument (`_PyEval_SliceIndexNotNone`): big ints clamp; other
/// types raise "slice indices must be integers or have an __index__ method".
pub fn clamped_index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Float(_) | Value::None => {
            Err(vm.type_error("slice indices must be integers or have an __index__ method"))
        }
        _ => match vm.to_index(v) {
            Ok(i) => Ok(i),
            Err(e) => {
                if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                    Err(vm.type_error("slice indices must be integers or have an __index__ method"))
                } else {
                    Err(e)
                }
            }
        },
    }
}

/// `start`/`stop` of `index(x, start, stop)` normalized against `len` as CPython's
/// `list.index` / `tuple.index` do (negative from the end, then clamped at 0).
pub fn index_bounds(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let norm = |i: i64| -> usize {
        let j = if i < 0 { i.saturating_add(n) } else { i };
        j.max(0) as usize
    };
    let start = match args.first() {
        Some(v) => norm(clamped_index_arg(vm, v)?),
        None => 0,
    };
    let stop = match args.get(1) {
        Some(v) => norm(clamped_index_arg(vm, v)?),
        None => usize::MAX,
    };
    Ok((start, stop))
}

/// `list[int]`, `dict[str, int]`, ... (`__class_getitem__`, classmethod): so that
/// annotations evaluate. Simplification: returns the class itself instead of a
/// `types.GenericAlias` (so `print(list[int])` shows `<class 'list'>`).
pub fn class_getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "__class_getitem__", kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(args[0].clone())
}

/// Installs [`class_getitem`] as the classmethod `__class_getitem__` of `ty`.
pub fn add_class_getitem(vm: &mut Vm, ty: &Obj) {
    let f = vm.new_native("__class_getitem__", class_getitem);
    let cm = Value::new_obj(&vm.types.classmethod, ObjKind::ClassMethod(f));
    vm.set_attr_str(ty, "__class_getitem__", cm);
}

/// True for the read-only class namespace views returned by `Class.__dict__`.
pub fn is_mappingproxy(vm: &Vm, o: &Obj) -> bool {
    o.class
        .as_ref()
        .is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types.mappingproxy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Vec<Value> {
        v.iter().map(|i| Value::Int(*i)).collect()
    }

    fn list_items(v: &Value) -> Vec<i64> {
        match v.kind() {
            Some(ObjKind::List(l)) => l
                .borrow()
                .iter()
                .map(|x| if let Value::Int(i) = x { *i } else { -1 })
                .collect(),
            _ => vec![],
        }
    }

    #[test]
    fn plain_slices_match_the_general_path() {
        let mut vm = Vm::new(vec![]);
        let l = vm.new_list(ints(&[0, 1, 2, 3, 4, 5]));
        let b = |start: Value, stop: Value, step: Value| SliceBounds::plain(&start, &stop, &step);
        // l[4::-1]
        let bounds = b(Value::Int(4), Value::None, Value::Int(-1));
        let got = bounds.and_then(|b| get_slice_plain(&mut vm, &l, &b));
        assert_eq!(got.map(|v| list_items(&v)), Some(vec![4, 3, 2, 1, 0]));
        // l[:3] = [9] (shrinks), then l[::2] = (7, 7) on the shorter list
        let nine = vm.new_list(ints(&[9]));
        let r = b(Value::None, Value::Int(3), Value::None).and_then(|b| set_slice_plain(&mut vm, &l, &b, &nine));
        assert!(matches!(r, Some(Ok(()))));
        assert_eq!(list_items(&l), vec![9, 3, 4, 5]);
        let sevens = vm.new_tuple(ints(&[7, 7]));
        let r = b(Value::None, Value::None, Value::Int(2)).and_then(|b| set_slice_plain(&mut vm, &l, &b, &sevens));
        assert!(matches!(r, Some(Ok(()))));
        assert_eq!(list_items(&l), vec![7, 3, 7, 5]);
        // self-assignment through a reversed extended slice
        let r = b(Value::None, Value::None, Value::Int(-1)).and_then(|b| set_slice_plain(&mut vm, &l, &b, &l));
        assert!(matches!(r, Some(Ok(()))));
        assert_eq!(list_items(&l), vec![5, 7, 3, 7]);
        // a length mismatch on an extended slice is the ValueError
        let r = b(Value::None, Value::None, Value::Int(3)).and_then(|b| set_slice_plain(&mut vm, &l, &b, &nine));
        assert!(matches!(r, Some(Err(_))));
        // zero steps and non-int bounds are left to the general path
        assert!(b(Value::None, Value::None, Value::Int(0)).is_none());
        assert!(b(Value::Float(1.0), Value::None, Value::None).is_none());
        // a full slice of a tuple is the tuple itself
        let t = vm.new_tuple(ints(&[1, 2]));
        let full = b(Value::None, Value::None, Value::None).and_then(|b| get_slice_plain(&mut vm, &t, &b));
        assert!(matches!((&full, &t), (Some(Value::Obj(x)), Value::Obj(y)) if std::rc::Rc::ptr_eq(x, y)));
    }
}

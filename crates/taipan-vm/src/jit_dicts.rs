//! The runtime helpers of dict operations in traces (the recorder's `record/dict.rs`):
//! `k in d`, `d[k]` and `d[k] = v` on an exact `dict` with an int or exact-`str` key.
//!
//! Each helper takes the dict's object word, the key's tag word (`Tag::Int`: the payload is
//! the int; `Tag::Obj`: the payload is an object word, which must be an exact `str`) and
//! the key's payload. It looks the key up with [`Dict::find`], the native lookup the
//! interpreter's `Vm::dict_get` / `dict_contains` / `dict_set` try first, and answers "cannot"
//! whenever the interpreter would have to run Python code (not an exact dict, a key that is
//! no exact str, a probe that meets a stored key needing a Python `__eq__`:
//! [`Lookup::Slow`]), or the dict is borrowed (never while a trace runs). A store changes the
//! dict only through [`Dict`]'s methods, and refuses a key its JIT watchers watch
//! ([`Dict::watches`]), which the interpreter's store then reports (`jit_inval.rs`).
//!
//! The hash of a str key is its cached hash, computed and cached as `Vm::hash` does when
//! not yet known; an int's is `hash_i64`, as `Vm::hash`.

use std::cell::RefCell;

use taipan_jit::ir::Tag;
use taipan_jit::record::{DictObs, Observed};

use super::helpers::{defer_drop, exact, restore_obj, with_obj};
use crate::dict::{Dict, Lookup};
use crate::object::ObjKind;
use crate::support::hash;
use crate::value::Value;

/// The hash of `key` when it is an int or an exact `str` (else `None`), caching a str's.
fn key_hash(key: &Value) -> Option<i64> {
    match key {
        Value::Int(i) => Some(hash::hash_i64(*i)),
        Value::Obj(o) => {
            let ObjKind::Str(s) = &o.kind else { return None };
            if !exact(o) {
                return None;
            }
            let c = s.cached_hash();
            if c != -1 {
                return Some(c);
            }
            let h = hash::hash_str(s.as_str());
            s.set_hash(h);
            Some(h)
        }
        _ => None,
    }
}

/// The key a trace passes as (`ktag`, `k`) with its hash, or `None` when it is neither an
/// int nor an exact `str`.
///
/// # Safety
/// With `ktag` `Tag::Obj`, `k` is the object word of a live object (traces pass those).
unsafe fn key_of(ktag: i64, k: u64) -> Option<(i64, Value)> {
    let key = if ktag == Tag::Int.word() {
        Value::Int(k as i64)
    } else if ktag == Tag::Obj.word() {
        // SAFETY: the caller's contract.
        unsafe { restore_obj(k) }?
    } else {
        return None;
    };
    Some((key_hash(&key)?, key))
}

/// Runs `f` on the table of the exact dict whose word is `d` (`None` for anything else).
///
/// # Safety
/// `d` is the object word of a live object.
unsafe fn with_dict<R>(d: u64, f: impl FnOnce(&RefCell<Dict>) -> Option<R>) -> Option<R> {
    // SAFETY: the caller's contract.
    unsafe {
        with_obj(d, |o| match &o.kind {
            ObjKind::Dict(c) if exact(o) => f(c),
            _ => None,
        })
    }
    .flatten()
}

/// `@dict_exact(d) -> i64`: 1 for an exact `dict` (whose `get` is the builtin one: the
/// `dict` type is immutable and its instances have no `__dict__`), else 0.
pub(crate) extern "C" fn dict_exact(d: u64) -> i64 {
    // SAFETY: traces pass object words of live objects (`jit_helpers.rs`).
    i64::from(unsafe { with_dict(d, |_| Some(())) }.is_some())
}

/// `@dict_contains(d, ktag, k) -> i64`: `k in d` as 1 / 0, -1 when it cannot answer
/// without Python code (see the module docs).
pub(crate) extern "C" fn dict_contains(d: u64, ktag: i64, k: u64) -> i64 {
    // SAFETY: traces pass object words of live objects (`jit_helpers.rs`).
    let r = unsafe {
        with_dict(d, |c| {
            let (h, key) = key_of(ktag, k)?;
            match c.try_borrow().ok()?.find(h, &key) {
                Lookup::Found(_) => Some(1),
                Lookup::Absent => Some(0),
                Lookup::Slow => None,
            }
        })
    };
    r.unwrap_or(-1)
}

/// `@dict_item(d, ktag, k) -> ptr`: the address of the value bound to `k` in `d` (a
/// `Value`, good until the dict's next insertion), 0 when absent or when it cannot answer.
pub(crate) extern "C" fn dict_item(d: u64, ktag: i64, k: u64) -> u64 {
    // SAFETY: as in `dict_contains`.
    let r = unsafe {
        with_dict(d, |c| {
            let (h, key) = key_of(ktag, k)?;
            let t = c.try_borrow().ok()?;
            match t.find(h, &key) {
                Lookup::Found(p) => t.entry(p).map(|(_, v)| std::ptr::from_ref::<Value>(v) as u64),
                Lookup::Absent | Lookup::Slow => None,
            }
        })
    };
    r.unwrap_or(0)
}

/// Stores `new` under the key (`ktag`, `k`) of dict `d`: -1 when it cannot (nothing done),
/// else 1, or 0 when the deferred drops are full (see `record/dict.rs`).
///
/// # Safety
/// As [`with_dict`] and [`key_of`].
unsafe fn store(d: u64, ktag: i64, k: u64, new: impl FnOnce() -> Option<Value>) -> i64 {
    // SAFETY: the caller's contract.
    let r = unsafe {
        with_dict(d, |c| {
            let (h, key) = key_of(ktag, k)?;
            let mut t = c.try_borrow_mut().ok()?;
            if t.watches(h) {
                return None;
            }
            match t.find(h, &key) {
                Lookup::Found(p) => {
                    let v = new()?;
                    let old = std::mem::replace(t.value_at_mut(p)?, v);
                    drop(t);
                    Some(defer_drop(old))
                }
                Lookup::Absent => {
                    let v = new()?;
                    t.insert_new(h, key, v);
                    Some(1)
                }
                Lookup::Slow => None,
            }
        })
    };
    r.unwrap_or(-1)
}

/// `@dict_store(d, ktag, k, vtag, v) -> i64`: `d[k] = v` for `v` None (`vtag` `Tag::None`),
/// a bool or an int (its i64) or an object (its word, stored as a new reference); see
/// [`store`].
pub(crate) extern "C" fn dict_store(d: u64, ktag: i64, k: u64, vtag: i64, v: u64) -> i64 {
    let new = || match Tag::from_word(vtag)? {
        Tag::None => Some(Value::None),
        Tag::Bool => Some(Value::Bool(v != 0)),
        Tag::Int => Some(Value::Int(v as i64)),
        Tag::Float => Some(Value::Float(f64::from_bits(v))),
        // SAFETY: traces pass object words of live objects.
        Tag::Obj => unsafe { restore_obj(v) },
    };
    // SAFETY: as in `dict_contains`.
    unsafe { store(d, ktag, k, new) }
}

/// `@dict_store_float(d, ktag, k, x) -> i64`: `d[k] = x` for a float `x` (see [`store`]).
pub(crate) extern "C" fn dict_store_float(d: u64, ktag: i64, k: u64, x: f64) -> i64 {
    // SAFETY: as in `dict_contains`.
    unsafe { store(d, ktag, k, || Some(Value::Float(x))) }
}

/// What the recorder's `Observe::stack_dict` answers for container `d` and key `key` (see
/// there): `None` unless `d` is an exact dict and `key` an int or an exact str whose
/// lookup is native.
pub(crate) fn dict_obs(d: &Value, key: &Value, observe: impl Fn(&Value) -> Observed) -> Option<DictObs> {
    let Value::Obj(o) = d else { return None };
    let ObjKind::Dict(c) = &o.kind else { return None };
    if !exact(o) {
        return None;
    }
    let h = key_hash(key)?;
    let t = c.try_borrow().ok()?;
    let item = match t.find(h, key) {
        Lookup::Found(p) => Some(t.entry(p).map(|(_, v)| observe(v))?),
        Lookup::Absent => None,
        Lookup::Slow => return None,
    };
    let item = item.map(|o| match o {
        Observed::RangeIter { .. } => Observed::Obj,
        o => o,
    });
    Some(DictObs { item })
}

/// Adds the dict helpers to a trace's helper table (`jit_helpers.rs`).
pub(crate) fn add_helpers(h: &mut taipan_jit::backend::HelperTable) {
    use taipan_jit::record as r;
    h.add(r::DICT_EXACT_HELPER, dict_exact as extern "C" fn(u64) -> i64 as usize);
    h.add(
        r::DICT_CONTAINS_HELPER,
        dict_contains as extern "C" fn(u64, i64, u64) -> i64 as usize,
    );
    h.add(
        r::DICT_ITEM_HELPER,
        dict_item as extern "C" fn(u64, i64, u64) -> u64 as usize,
    );
    h.add(
        r::DICT_STORE_HELPER,
        dict_store as extern "C" fn(u64, i64, u64, i64, u64) -> i64 as usize,
    );
    h.add(
        r::DICT_STORE_FLOAT_HELPER,
        dict_store_float as extern "C" fn(u64, i64, u64, f64) -> i64 as usize,
    );
}

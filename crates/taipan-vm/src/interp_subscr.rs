//! Bodies of the subscript superinstructions of the tier-0 dispatch loop
//! (`quicken::superinstructions`): `c[k]` and `c[k] = v` with `c` a local and `k` a local
//! or a constant, and the two halves of `c[k] op= x`.
//!
//! Each body handles an exact list (or, for loads, an exact tuple) indexed by an int in
//! range (negative indices count from the end, as `list_subscript` in CPython's
//! `Objects/listobject.c`) and returns `false` otherwise, touching nothing: the dispatch loop
//! then does the work of the first two instructions and runs the subscript instruction
//! itself, generic or specialized, so every other case (subclasses, `__index__`, slices,
//! `IndexError`, unbound locals) keeps the generic path's behaviour and error location.
//! The container is read where it lies (local or stack slot), so a hit moves no reference
//! count of it, and a load pushes only the item.
//!
//! The two local-operand bodies are inlined into the dispatch loop (measured: out of line
//! they cost fannkuch 4.4% and binary_trees 1.2% more instructions, and inlining moved no
//! other benchmark); the rarer augmented-assignment halves stay out of line
//! (`#[inline(never)]`, see docs/architecture.md, "Tier 0", on code added inline).

use std::rc::Rc;

use super::Frame;
use super::fast::push_clone;
use crate::code::Code;
use crate::object::ObjKind;
use crate::value::{Obj, Value};

/// `c[i]` for an exact list or tuple `c` (classes `list_ty`, `tuple_ty`) and a small int
/// `i` in range (`None` otherwise, or while the list is mutably borrowed).
#[inline(always)]
fn seq_item(c: &Value, key: &Value, list_ty: &Obj, tuple_ty: &Obj) -> Option<Value> {
    // SAFETY: the item is cloned at once
    unsafe { seq_item_place(c, key, list_ty, tuple_ty) }.cloned()
}

/// The place of `c[i]` that [`seq_item`] clones (the same checks), for a caller that
/// clones it straight into its destination: the item travels as one pointer, never as a
/// 16-byte value returned through memory.
///
/// # Safety
///
/// A list is read without counting a borrow: the caller must be done with the reference
/// (have cloned the item) before anything can mutate the list (no Python code, no list
/// operation in between).
#[inline(always)]
unsafe fn seq_item_place<'a>(c: &'a Value, key: &Value, list_ty: &Obj, tuple_ty: &Obj) -> Option<&'a Value> {
    let (Value::Obj(o), &Value::Int(i)) = (c, key) else {
        return None;
    };
    let class = o.class.as_ref()?;
    match &o.kind {
        ObjKind::List(l) if Rc::ptr_eq(class, list_ty) => {
            // SAFETY: this function's contract; a list being mutated (flag set) is
            // refused as `try_borrow` would
            let l = unsafe { l.try_borrow_unguarded() }.ok()?;
            let j = if i < 0 { i.checked_add(l.len() as i64)? } else { i };
            l.get(usize::try_from(j).ok()?)
        }
        ObjKind::Tuple(t) if Rc::ptr_eq(class, tuple_ty) => {
            let j = if i < 0 { i.checked_add(t.len() as i64)? } else { i };
            t.get(usize::try_from(j).ok()?)
        }
        _ => None,
    }
}

/// `c[i] = v` for an exact list `c` and a small int `i` in range; `Err(v)` gives the value
/// back otherwise. The old item is dropped after the list's borrow ends (its destructor may
/// run code that reads the list).
#[inline(always)]
fn list_store(c: &Value, key: &Value, v: Value, list_ty: &Obj) -> Result<(), Value> {
    let (Value::Obj(o), &Value::Int(i)) = (c, key) else {
        return Err(v);
    };
    let ObjKind::List(l) = &o.kind else { return Err(v) };
    if !o.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, list_ty)) {
        return Err(v);
    }
    let Ok(mut l) = l.try_borrow_mut() else { return Err(v) };
    let n = l.len() as i64;
    let j = if i < 0 { i.checked_add(n) } else { Some(i) };
    let Some(slot) = j.and_then(|j| usize::try_from(j).ok()).and_then(|j| l.get_mut(j)) else {
        return Err(v);
    };
    let old = std::mem::replace(slot, v);
    drop(l);
    drop(old);
    Ok(())
}

/// The key operand of a `LOAD_FAST c; LOAD_FAST|LOAD_CONST k` head: local `a2` or
/// constant `a2`.
#[inline(always)]
fn key_of<'a>(f: &'a Frame, code: &'a Code, a2: usize, key_is_local: bool) -> Option<&'a Value> {
    if key_is_local {
        f.locals.get(a2)?.as_ref()
    } else {
        code.consts.get(a2)
    }
}

/// `LOAD_FAST__LOAD_{FAST,CONST}__BINARY_SUBSCR`: pushes `local[a1][key]` (key: local or
/// constant `a2`). `false`: nothing done.
#[inline(always)]
pub(super) fn load_fast_subscr(
    f: &mut Frame,
    code: &Code,
    a1: usize,
    a2: usize,
    key_is_local: bool,
    list_ty: &Obj,
    tuple_ty: &Obj,
) -> bool {
    let key = if key_is_local {
        f.locals.get(a2).and_then(Option::as_ref)
    } else {
        code.consts.get(a2)
    };
    let (Some(Some(c)), Some(key)) = (f.locals.get(a1), key) else {
        return false;
    };
    // SAFETY: the item is cloned at once (onto the operand stack, no code runs)
    let Some(item) = (unsafe { seq_item_place(c, key, list_ty, tuple_ty) }) else {
        return false;
    };
    push_clone(&mut f.stack, item);
    true
}

/// `LOAD_FAST__LOAD_{FAST,CONST}__STORE_SUBSCR`: `local[a1][key] = top`, popping the top.
/// `false`: nothing done.
#[inline(always)]
pub(super) fn store_fast_subscr(
    f: &mut Frame,
    code: &Code,
    a1: usize,
    a2: usize,
    key_is_local: bool,
    list_ty: &Obj,
) -> bool {
    let Some(v) = f.stack.pop() else { return false };
    let r = match (f.locals.get(a1), key_of(f, code, a2, key_is_local)) {
        (Some(Some(c)), Some(key)) => list_store(c, key, v, list_ty),
        _ => Err(v),
    };
    match r {
        Ok(()) => true,
        Err(v) => {
            f.stack.push(v);
            false
        }
    }
}

/// `COPY__COPY__BINARY_SUBSCR`: `[c, k] -> [c, k, c[k]]`. `false`: nothing done.
#[inline(never)]
pub(super) fn copy_subscr(stack: &mut Vec<Value>, list_ty: &Obj, tuple_ty: &Obj) -> bool {
    let item = match stack.as_slice() {
        [.., c, k] => match seq_item(c, k, list_ty, tuple_ty) {
            Some(v) => v,
            None => return false,
        },
        _ => return false,
    };
    stack.push(item);
    true
}

/// `SWAP__SWAP__STORE_SUBSCR`: `[c, k, v] -> []` with `c[k] = v`. `false`: nothing done.
#[inline(never)]
pub(super) fn swap_store_subscr(stack: &mut Vec<Value>, list_ty: &Obj) -> bool {
    let n = stack.len();
    if n < 3 {
        return false;
    }
    let Some(v) = stack.pop() else { return false };
    let r = match stack.get(n - 3..) {
        Some([c, k]) => list_store(c, k, v, list_ty),
        _ => Err(v),
    };
    match r {
        Ok(()) => {
            // (`c` and `k`: one slice drop, no per-item pops)
            stack.truncate(n - 3);
            true
        }
        Err(v) => {
            stack.push(v);
            false
        }
    }
}

//! Fast paths of the tier-0 dispatch loop that need no `Vm`: small-int and float arithmetic
//! with Python's semantics (floor division and modulo signs, correctly rounded true
//! division; CPython `Objects/longobject.c`, `floatobject.c`), int/float comparison, and
//! in-place steps of built-in iterators (range, list, tuple, `enumerate`, dict items) for
//! `FOR_ITER`. Each returns `None` when the generic path must run instead.

use std::rc::Rc;

use crate::object::ObjKind;
use crate::value::{Obj, Value};

/// `COMPARE_OP` (argument 0..=5: `< <= == != > >=`) on two ints or two floats.
#[inline(always)]
pub(super) fn compare_fast<T: PartialOrd>(arg: usize, x: &T, y: &T) -> bool {
    match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// `stack.push(v.clone())` for the dispatch loop's loads (`LOAD_FAST`, `LOAD_CONST`):
/// the room is checked before the value is read, so the growth call (out of line, never
/// taken in practice: frames reserve their code's maximum stack depth) holds no value
/// across it. `Vec::push` of a cloned value kept the clone in a 16-byte stack temporary
/// around its inlined growth path, a store and a reload on every load (callgrind,
/// bm_deltablue).
#[inline(always)]
pub(super) fn push_clone(stack: &mut Vec<Value>, v: &Value) {
    if stack.len() == stack.capacity() {
        grow_stack(stack);
    }
    let len = stack.len();
    debug_assert!(len < stack.capacity());
    // SAFETY: `len < capacity` (just ensured), so the slot at `len` lies inside the
    // allocation and holds no initialized value; it is written once, then counted.
    unsafe {
        stack.as_mut_ptr().add(len).write(v.clone());
        stack.set_len(len + 1);
    }
}

/// Removes the top `k` values of `stack`, which the caller knows to own nothing (ints,
/// floats, bools, None: anything but `Value::Obj`), without dropping them: `Vec::pop` read
/// the value back through a stack temporary and tested its variant for the drop (~12
/// instructions per pop on the int/float arithmetic and comparison paths).
#[inline(always)]
pub(super) fn pop_scalars(stack: &mut Vec<Value>, k: usize) {
    let n = stack.len();
    debug_assert!(n >= k && stack[n - k..].iter().all(|v| !matches!(v, Value::Obj(_))));
    // SAFETY: `k <= len` (the caller saw those values), and they own nothing (no
    // `Value::Obj`), so forgetting them leaks nothing
    unsafe { stack.set_len(n - k) };
}

/// The growth path of [`push_clone`]: room for one more value.
#[cold]
#[inline(never)]
fn grow_stack(stack: &mut Vec<Value>) {
    stack.reserve(1);
}

/// The next item of a built-in iterator, from [`for_iter_fast`].
pub(super) enum ForItem {
    /// A range item.
    Int(i64),
    /// A list or tuple item.
    Value(Value),
    /// The iterator is exhausted (and now marked so where the generic path would).
    Done,
}

impl ForItem {
    /// The item as a value (`Done`: None, never asked for).
    #[inline(always)]
    pub(super) fn into_value(self) -> Value {
        match self {
            ForItem::Int(i) => Value::Int(i),
            ForItem::Value(v) => v,
            ForItem::Done => Value::None,
        }
    }

    /// Pushes the item (an int written whole, [`push_int`]); `Done` pushes nothing.
    #[inline(always)]
    pub(super) fn push(self, stack: &mut Vec<Value>) {
        match self {
            ForItem::Int(i) => push_int(stack, i),
            ForItem::Value(v) => stack.push(v),
            ForItem::Done => {}
        }
    }
}

/// `FOR_ITER` fast path: the next item of a built-in range, list or tuple iterator, or
/// its end (`None`: another iterator kind or a busy borrow; take the generic path).
#[inline(always)]
pub(super) fn for_iter_fast(it: &Value) -> Option<ForItem> {
    let Value::Obj(o) = it else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    let mut st = cell.try_borrow_mut().ok()?;
    match &mut *st {
        crate::object::IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.checked_add(*step).unwrap_or(*stop);
                return Some(ForItem::Int(v));
            }
            Some(ForItem::Done)
        }
        crate::object::IterState::List { seq, index } => {
            let ObjKind::List(l) = &seq.kind else { return None };
            // SAFETY: the item is cloned at once, before anything can mutate the list (no
            // count of the borrow needed); a list being mutated (flag set) is refused as
            // `try_borrow` would
            let item = unsafe { l.try_borrow_unguarded() }.ok()?.get(*index).cloned();
            match item {
                Some(v) => {
                    *index += 1;
                    Some(ForItem::Value(v))
                }
                None => {
                    // as the generic step: the exhausted iterator drops its list
                    *st = crate::object::IterState::Exhausted;
                    Some(ForItem::Done)
                }
            }
        }
        crate::object::IterState::Tuple { seq, index } => {
            let ObjKind::Tuple(t) = &seq.kind else { return None };
            match t.get(*index) {
                Some(v) => {
                    let v = v.clone();
                    *index += 1;
                    Some(ForItem::Value(v))
                }
                None => {
                    *st = crate::object::IterState::Exhausted;
                    Some(ForItem::Done)
                }
            }
        }
        _ => None,
    }
}

/// `FOR_ITER` fused with `UNPACK_SEQUENCE 2`: pushes the two items of the next step of an
/// `enumerate` ([`enumerate_step`]) or of a dict items iterator ([`dict_items_step`]),
/// the second item first (as the unpack leaves them); false: neither applies (nothing
/// pushed, the generic step follows).
#[inline(always)]
pub(super) fn unpack2_step(stack: &mut Vec<Value>) -> bool {
    if let Some((c, v)) = stack.last().and_then(enumerate_step) {
        stack.push(v);
        push_int(stack, c);
        return true;
    }
    if let Some((k, v)) = stack.last().and_then(dict_items_step) {
        stack.push(v);
        stack.push(k);
        return true;
    }
    false
}

/// One step of `enumerate(it)` with an int count over a built-in list/tuple/range iterator:
/// `(count, item)` without building the tuple. `None`: another case, or the inner iterator
/// is exhausted — the generic path then does the same step (and ends the loop).
#[inline]
pub(super) fn enumerate_step(it: &Value) -> Option<(i64, Value)> {
    let Value::Obj(o) = it else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    let mut st = cell.try_borrow_mut().ok()?;
    let crate::object::IterState::Enumerate { it: inner, count } = &mut *st else {
        return None;
    };
    let Value::Int(c) = *count else { return None };
    let c1 = c.checked_add(1)?;
    let v = crate::iter::next_plain(inner)?;
    count.set_int(c1);
    Some((c, v))
}

/// One step of a dict items iterator: the next `(key, value)` without building the tuple.
/// `None`: another iterator, a size change (the generic step raises the RuntimeError) or
/// the end (the generic step ends the loop).
#[inline]
pub(super) fn dict_items_step(it: &Value) -> Option<(Value, Value)> {
    let Value::Obj(o) = it else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    let mut st = cell.try_borrow_mut().ok()?;
    let crate::object::IterState::Dict {
        dict,
        pos,
        len,
        which: crate::object::DictViewKind::Items,
    } = &mut *st
    else {
        return None;
    };
    let ObjKind::Dict(d) = &dict.kind else { return None };
    let d = d.try_borrow().ok()?;
    if d.len() != *len {
        return None;
    }
    while *pos < d.end() {
        let p = *pos;
        *pos += 1;
        if let Some((k, v)) = d.entry(p) {
            return Some((k.clone(), v.clone()));
        }
    }
    None
}

/// The truth of the top of `stack` when it is a bool, None or a small int (`None`: an
/// object, whose truth may run code, or an empty stack).
#[inline(always)]
pub(super) fn scalar_truth(stack: &[Value]) -> Option<bool> {
    match stack.last() {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::None) => Some(false),
        Some(Value::Int(i)) => Some(*i != 0),
        _ => None,
    }
}

/// Pushes `Value::Int(i)` written with one store (see `Value::set_int`).
///
/// The value is built whole before the push: pushing `Value::None` first and overwriting
/// it made the compiler write the None tag as an 8-byte store to a temporary and copy it
/// with a 16-byte load, a stall on every `FOR_ITER` over a range (`perf annotate`: a
/// quarter of the samples of an empty counting loop).
#[inline(always)]
pub(super) fn push_int(stack: &mut Vec<Value>, i: i64) {
    let mut v = Value::None;
    v.set_int(i);
    stack.push(v);
}

/// Result of [`int_arith`].
pub(super) enum IntResult {
    /// An int result.
    Int(i64),
    /// A float result (true division).
    Float(f64),
}

/// `BINARY_OP` on two small ints without overflow or errors (`None`: generic path).
#[inline(always)]
pub(super) fn int_arith(arg: usize, x: i64, y: i64) -> Option<IntResult> {
    let r = match arg {
        0 | 13 => x.checked_add(y)?,
        10 | 23 => x.checked_sub(y)?,
        5 | 18 => x.checked_mul(y)?,
        1 | 14 => x & y,
        7 | 20 => x | y,
        12 | 25 => x ^ y,
        // shifts by a non-negative count (a negative one raises ValueError: generic path)
        9 | 22 if y >= 0 => x >> y.min(63),
        3 | 16 if (0..63).contains(&y) => {
            // only when no bit (sign included) is shifted out
            let r = x << y;
            if r >> y != x {
                return None;
            }
            r
        }
        2 | 15 => {
            // floor division: round toward negative infinity
            let q = x.checked_div(y)?;
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) { q - 1 } else { q }
        }
        6 | 19 => {
            // modulo takes the sign of the divisor
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }
        }
        11 | 24 => {
            // both exactly representable: one correctly rounded division, as CPython
            const EXACT: i64 = 1 << 53;
            if y != 0 && (-EXACT..=EXACT).contains(&x) && (-EXACT..=EXACT).contains(&y) {
                return Some(IntResult::Float(x as f64 / y as f64));
            }
            return None;
        }
        _ => return None,
    };
    Some(IntResult::Int(r))
}

/// `BINARY_OP` `+ - * / **` on two floats (`None`: generic path, e.g. division by zero).
///
/// `**` only for a positive finite base and a finite exponent with a finite result: there
/// CPython's `float_pow` is the C library's `pow` (which `powf` calls) with no special
/// case, an underflow to zero included; every other case (negative or zero base, infinities,
/// NaN, overflow) takes the generic path.
#[inline(always)]
pub(super) fn float_arith(arg: usize, x: f64, y: f64) -> Option<f64> {
    match arg {
        0 | 13 => Some(x + y),
        10 | 23 => Some(x - y),
        5 | 18 => Some(x * y),
        11 | 24 if y != 0.0 => Some(x / y),
        8 | 21 if x > 0.0 && x.is_finite() && y.is_finite() => Some(x.powf(y)).filter(|r| r.is_finite()),
        _ => None,
    }
}

/// `STORE_FAST`: `v` into local slot `arg` (ignored when out of range: only malformed
/// bytecode could ask for that).
#[inline(always)]
pub(super) fn store_local(locals: &mut [Option<Value>], arg: usize, v: Value) {
    if let Some(slot) = locals.get_mut(arg) {
        if matches!(slot, Some(Value::Obj(_))) {
            // store first, drop the old object after: `v` goes straight from the stack to
            // the slot instead of living across the destructor
            let old = std::mem::replace(slot, Some(v));
            drop(old);
        } else {
            // no destructor to run: a plain overwrite
            // SAFETY: `slot` is a valid, initialized `Option<Value>` that holds no object
            // (checked just above), so its old value owns nothing and skipping its drop
            // leaks nothing; `write` only avoids re-testing its tag (drop glue) and the
            // stack copy of `v` that a drop-then-move assignment makes.
            unsafe { std::ptr::write(slot, Some(v)) };
        }
    }
}

/// `BINARY_SUBSCR` of an exact list or tuple (classes `list_ty`, `tuple_ty`) by an int in
/// range, computed in place on the operand stack: the item replaces the container with one
/// 16-byte store and the key is popped. False (stack untouched): take the generic path.
///
/// In place rather than returning `Option<Value>`: a returned value travels in two
/// registers and is spilled as two narrow stores, whose later 16-byte reload stalls
/// (measured: 11% of `run_until_error` in the n-body loop).
#[inline(always)]
pub(super) fn subscr_seq_in_place(stack: &mut [Value], list_ty: &Obj, tuple_ty: &Obj) -> bool {
    let n = stack.len();
    let (Some(ci), Some(&Value::Int(i))) = (n.checked_sub(2), stack.last()) else {
        return false;
    };
    let item = {
        let Some(Value::Obj(o)) = stack.get(ci) else {
            return false;
        };
        let Some(class) = o.class.as_ref() else { return false };
        match &o.kind {
            ObjKind::List(l) if Rc::ptr_eq(class, list_ty) => {
                let Ok(l) = l.try_borrow() else { return false };
                let j = if i < 0 { i.checked_add(l.len() as i64) } else { Some(i) };
                match j.and_then(|j| usize::try_from(j).ok()).and_then(|j| l.get(j)) {
                    Some(v) => v.clone(),
                    None => return false,
                }
            }
            ObjKind::Tuple(t) if Rc::ptr_eq(class, tuple_ty) => {
                let j = if i < 0 { i.checked_add(t.len() as i64) } else { Some(i) };
                match j.and_then(|j| usize::try_from(j).ok()).and_then(|j| t.get(j)) {
                    Some(v) => v.clone(),
                    None => return false,
                }
            }
            _ => return false,
        }
    };
    match stack.get_mut(ci) {
        Some(slot) => {
            let old = std::mem::replace(slot, item);
            drop(old);
            true
        }
        None => false,
    }
}

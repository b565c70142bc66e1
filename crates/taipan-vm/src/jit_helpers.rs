//! Objects inside traces: the object word, and the runtime helpers traces call to reach
//! a list's or tuple's items, to append to a list and to take `len` of a sequence.
//!
//! # The object word
//! A trace holds an object as one `ptr` value, its *object word*: the payload word of a
//! `Value::Obj` as it lies in memory (`Value` is `repr(C, u64)`: tag word 4, then the `Rc`'s
//! pointer). It is what the entry buffer holds for an object local ([`obj_word`]) and what
//! a trace loads inline out of a list's items (`load_ptr_at`), so both sources agree
//! without knowing how `Rc` lays out its pointer. [`with_obj`] borrows the object back,
//! [`restore_obj`] makes a new counted reference to it (the deoptimizer).
//!
//! # Why an object word stays valid while a trace runs
//! The trace never frees an object during a run and never writes the frame: its inline
//! element and attribute stores (`jit_attrs.rs`) only overwrite values guarded to hold no
//! object; object stores ([`store_val`]) keep the value they replace alive until the run
//! ends ([`DEFERRED`]); appending, [`list_push_obj`], adds a new counted reference and drops
//! nothing; it runs no Python code outside opaque calls (`func::py_call`, across which the
//! recorder keeps only words the frame or the trace owns) and calls only the helpers below. So the frame's locals and entry stack keep every object they held at
//! entry alive, and every object reachable from them through lists and tuples the trace
//! reads stays reachable (an append only adds references): each word the trace holds (a
//! local's, an item it loaded) names a live object until the trace returns. The
//! deoptimizer turns the exit's words into counted references ([`restore_obj`]) *before*
//! it writes any local, so overwriting a local cannot free an object a later snapshot entry
//! names.
//!
//! # Lists and their `RefCell`
//! A list's items are `RefCell<Vec<Value>>`: 16-byte slots, the same format as the entry
//! buffer, so a trace reads and writes them inline at `items + 16 * i`. The helpers give
//! it the items pointer and the length ([`HELPERS`]); Rust's layout of `Object`, `RefCell`
//! and `Vec` is not fixed, so the trace never computes them itself. The helpers take the
//! `RefCell` borrow only for their own access; the trace's inline accesses happen without
//! a borrow, which is sound because while a trace runs no Python code and no Rust code
//! holding a borrow of any list runs (the interpreter enters traces only from its dispatch
//! loop, holding no borrows). Only the append helpers change a list's length or move its
//! items (`@list_reserve` grows the buffer, `@list_push_*` push into the room it made); the
//! recorder declares them `writes` and, in a trace that contains one, declares the length
//! and items helpers `reads` instead of `pure`, so the optimizer neither hoists them out of
//! the loop nor reuses one across an append (`taipan_jit::record`'s `list.rs`). In a trace
//! without an append the pointer and length stay valid for the whole run and are hoisted.

use std::mem::ManuallyDrop;

use taipan_jit::backend::{DictLayout, HelperTable, InlineHelper};

use taipan_jit::record;

use crate::object::ObjKind;
use crate::subscript::SliceBounds;
use crate::value::{Obj, Value};

/// The tag word of `Value::Obj`.
const TAG_OBJ: u64 = 4;

/// An `Obj` is one pointer word (checked at compile time), so a `Value::Obj`'s payload word
/// is exactly the `Obj`'s bytes.
const _: () = assert!(std::mem::size_of::<Obj>() == 8);

/// The object word of `o` (see the module docs).
pub(crate) fn obj_word_rc(o: &Obj) -> u64 {
    // SAFETY: `Obj` is 8 bytes (the assertion above): the `Rc`'s pointer, initialized; `o`
    // is a live, aligned reference to it. In a `Value::Obj` (`repr(C, u64)`) these same
    // bytes are the payload word at bytes 8..16, which is what a trace loads from a list.
    unsafe { (o as *const Obj as *const u64).read() }
}

/// The object word of `v` when it is an object (its payload word; see the module docs).
pub(crate) fn obj_word(v: &Value) -> Option<u64> {
    match v {
        Value::Obj(o) => Some(obj_word_rc(o)),
        _ => None,
    }
}

/// Runs `f` on the object whose object word is `w`, without changing its count.
///
/// # Safety
/// `w` must be the object word of a live object (see the module docs: every word a trace
/// holds or returns is one, until the trace's run is over and its exit restored).
pub(crate) unsafe fn with_obj<R>(w: u64, f: impl FnOnce(&Obj) -> R) -> Option<R> {
    // SAFETY: `Value` is `repr(C, u64)`: `[4, w]` is the memory of `Value::Obj` whose `Rc`
    // pointer is `w`, a pointer of a live `Rc` (the caller's contract), so the value is
    // valid; `ManuallyDrop` keeps it from releasing a count it never owned.
    let v = ManuallyDrop::new(unsafe { std::mem::transmute::<[u64; 2], Value>([TAG_OBJ, w]) });
    match &*v {
        Value::Obj(o) => Some(f(o)),
        _ => None,
    }
}

/// A new counted reference to the object whose word is `w` (`None` for a zero word).
///
/// # Safety
/// As [`with_obj`]: `w` names a live object.
pub(crate) unsafe fn restore_obj(w: u64) -> Option<Value> {
    if w == 0 {
        return None;
    }
    // SAFETY: the caller's contract.
    unsafe { with_obj(w, |o| Value::Obj(o.clone())) }
}

/// Takes over the counted reference the object word `w` stands for (an *owned* value of a
/// trace: `docs/decisions/owned-references-in-traces.md`): no increment; the returned
/// value drops it. `None` for a zero word (an owning call that raised).
///
/// # Safety
/// `w` names a live object and the caller owns one count on it (a word a helper returned
/// as a new reference, not consumed since), which moves into the returned value.
pub(crate) unsafe fn take_obj(w: u64) -> Option<Value> {
    if w == 0 {
        return None;
    }
    OWNED.with(|c| c.set(c.get() - 1));
    // SAFETY: `Value` is `repr(C, u64)`: `[4, w]` is the memory of a `Value::Obj` whose
    // `Rc` pointer is `w`, alive (the caller's contract); the caller's count becomes this
    // value's, so nothing is counted twice.
    Some(unsafe { std::mem::transmute::<[u64; 2], Value>([TAG_OBJ, w]) })
}

/// Hands a counted reference to a trace as an owned object word (the count moves into the
/// word; [`take_obj`] or `@obj_release` takes it back).
pub(crate) fn give_obj(o: Obj) -> u64 {
    let w = obj_word_rc(&o);
    std::mem::forget(o);
    OWNED.with(|c| c.set(c.get() + 1));
    w
}

thread_local! {
    /// Owned object words handed to traces ([`give_obj`], `@obj_incref`) minus those taken
    /// back ([`take_obj`], `@obj_release`): the *owned balance*. Every run of a trace leaves
    /// it as it found it (each owned value is consumed exactly once; the VM checks it after
    /// each run in debug builds and `--jit-stats` prints it), so a leak or a double release
    /// of an owned value shows even though reference counts are not observable from Python.
    static OWNED: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

thread_local! {
    /// An empty exact list a trace released while nothing else referred to it
    /// ([`obj_release`]), reused by the next [`seq_slice`] of a list: a trace that slices a
    /// list and drops the slice in each iteration (`perm[:k + 1] = perm[k::-1]`) then
    /// allocates, tracks, untracks and frees no list object per iteration. It stays a
    /// tracked object with one count (the collector sees it as reachable, holding nothing).
    static SPARE_LIST: std::cell::Cell<Option<Obj>> = const { std::cell::Cell::new(None) };
}

/// The owned balance (see [`OWNED`]).
pub(crate) fn owned_balance() -> i64 {
    OWNED.with(|c| c.get())
}

/// `@obj_incref(w) -> w`: one more count on the object (an `obj_incref`: the trace now owns
/// a copy of a borrowed word).
extern "C" fn obj_incref(w: u64) -> u64 {
    // SAFETY: the trace passes the word of a live object (`jit_helpers`' invariant).
    match unsafe { with_obj(w, |o| o.clone()) } {
        Some(o) => give_obj(o),
        None => w,
    }
}

/// `@obj_release(w)`: drops the count an owned word holds (`obj_release`). taipan runs no
/// finalizers, so no Python code runs here (the decision's "Releases never run Python code").
///
/// An exact list that nothing else refers to (the trace held its only count: a slice the
/// trace made and consumed, bm_fannkuch's `perm[k::-1]`) is emptied and kept as the
/// [`SPARE_LIST`] instead of freed, for the next [`seq_slice`] of a list to fill.
extern "C" fn obj_release(w: u64) {
    // SAFETY: the trace releases an owned value it holds, exactly once (the verifier's
    // ownership walk): the count is the trace's to drop.
    if let Some(v) = unsafe { take_obj(w) } {
        drop_or_spare(v);
    }
}

/// Drops `v`, but keeps an exact list that nothing else refers to, emptied, as the
/// [`SPARE_LIST`] (see [`obj_release`]).
fn drop_or_spare(v: Value) {
    let Value::Obj(o) = v else { return };
    if std::rc::Rc::strong_count(&o) != 1 || std::rc::Rc::weak_count(&o) != 0 || o.dict.is_some() || !exact(&o) {
        return;
    }
    let ObjKind::List(l) = &o.kind else { return };
    // Empty it as dropping it would (no Python code runs: taipan has no finalizers),
    // outside the list's borrow (nothing reaches the list: its count is ours alone); the
    // buffer is kept for the next slice.
    let Ok(mut items) = l.try_borrow_mut().map(|mut v| std::mem::take(&mut *v)) else {
        return;
    };
    items.clear();
    match l.try_borrow_mut() {
        Ok(mut v) if v.is_empty() => *v = items,
        _ => return,
    }
    // (a list kept before is dropped: empty, it frees nothing but itself)
    let _ = SPARE_LIST.try_with(|s| s.replace(Some(o)));
}

/// Whether `o`'s class is built in (not a `class` statement's): an object of kind `List`
/// is then exactly a `list`, of kind `Tuple` exactly a `tuple`.
pub(crate) fn exact(o: &Obj) -> bool {
    o.class.as_ref().is_some_and(|c| !c.kind.is_heap_type())
}

/// Whether `v` is an exact `str` (not a subclass instance, which may override its methods
/// and operators).
pub(crate) fn exact_str(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Str(_)) && exact(o))
}

/// The length of a list or tuple object, `-1` for anything else; `exact_only` also
/// refuses instances of subclasses (which may override `__getitem__`/`__setitem__`).
fn seq_len(o: &Obj, list: bool, exact_only: bool) -> i64 {
    if exact_only && !exact(o) {
        return -1;
    }
    let n = match (&o.kind, list) {
        (ObjKind::List(l), true) => l.try_borrow().map_or(None, |v| Some(v.len())),
        (ObjKind::Tuple(t), false) => Some(t.len()),
        _ => None,
    };
    n.and_then(|n| i64::try_from(n).ok()).unwrap_or(-1)
}

/// `@list_len(obj) -> i64`: the length of an exact `list`, `-1` for anything else (a
/// trace guards `0 <= i < len`, so a non-list fails the bounds guard).
extern "C" fn list_len(w: u64) -> i64 {
    // SAFETY: traces pass object words of live objects (module docs).
    unsafe { with_obj(w, |o| seq_len(o, true, true)) }.unwrap_or(-1)
}

/// `@tuple_len(obj) -> i64`: the length of an exact `tuple`, `-1` for anything else.
extern "C" fn tuple_len(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    unsafe { with_obj(w, |o| seq_len(o, false, true)) }.unwrap_or(-1)
}

/// `@iter_list_len(obj) -> i64`: the length of any object of kind `List` (a list iterator's
/// sequence, which may be a subclass instance: iterating reads the items directly).
extern "C" fn iter_list_len(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    unsafe { with_obj(w, |o| seq_len(o, true, false)) }.unwrap_or(-1)
}

/// `@iter_tuple_len(obj) -> i64`: the length of any object of kind `Tuple`.
extern "C" fn iter_tuple_len(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    unsafe { with_obj(w, |o| seq_len(o, false, false)) }.unwrap_or(-1)
}

/// `@list_items(obj) -> ptr`: the address of a list's first item (16-byte slots), 0 for
/// anything but an object of kind `List`. Only meaningful after a length guard passed.
extern "C" fn list_items(w: u64) -> u64 {
    // SAFETY: as in `list_len`.
    let p = unsafe {
        with_obj(w, |o| match &o.kind {
            ObjKind::List(l) => l.try_borrow().map_or(0, |v| v.as_ptr() as u64),
            _ => 0,
        })
    };
    p.unwrap_or(0)
}

/// `@tuple_items(obj) -> ptr`: the address of a tuple's first item, 0 for anything but an
/// object of kind `Tuple`. Only meaningful after a length guard passed.
extern "C" fn tuple_items(w: u64) -> u64 {
    // SAFETY: as in `list_len`.
    let p = unsafe {
        with_obj(w, |o| match &o.kind {
            ObjKind::Tuple(t) => t.as_ptr() as u64,
            _ => 0,
        })
    };
    p.unwrap_or(0)
}

/// `len(o)` when `o` is an exact `list`, `tuple`, `str` or `dict` (a subclass may override
/// `__len__`), else `None`.
fn exact_len(o: &Obj) -> Option<usize> {
    if !exact(o) {
        return None;
    }
    match &o.kind {
        ObjKind::List(l) => l.try_borrow().ok().map(|v| v.len()),
        ObjKind::Tuple(t) => Some(t.len()),
        ObjKind::Str(s) => Some(s.char_len()),
        ObjKind::Dict(d) => d.try_borrow().ok().map(|d| d.len()),
        _ => None,
    }
}

/// What `@obj_len` returns for `v` (`Observe::stack_len_of`): `len(v)` of an exact list,
/// tuple, str or dict.
pub(crate) fn len_of(v: &Value) -> Option<u64> {
    match v {
        Value::Obj(o) => exact_len(o).map(|n| n as u64),
        _ => None,
    }
}

/// `@obj_len(obj) -> i64`: `len(obj)` of an exact `list`, `tuple`, `str` or `dict`, `-1`
/// for anything else (a subclass may override `__len__`; the trace exits at the call and
/// the interpreter calls `len`).
extern "C" fn obj_len(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    let n = unsafe { with_obj(w, exact_len) };
    n.flatten().and_then(|n| i64::try_from(n).ok()).unwrap_or(-1)
}

/// `@str_eq(a, b) -> i64`: 1 when `a` and `b` are exact strs with the same text, 0 when
/// their texts differ, -1 when either is no exact str (a subclass may override `__eq__`).
/// The text is UTF-8 with surrogates as distinct stand-in characters
/// (`docs/decisions/str-surrogates.md`), so equal bytes are equal code points, as
/// CPython's `unicode_compare_eq` decides.
extern "C" fn str_eq(a: u64, b: u64) -> i64 {
    // SAFETY: as in `list_len`: both are object words of live objects the trace holds.
    let r = unsafe {
        with_obj(a, |x| {
            with_obj(b, |y| match (&x.kind, &y.kind) {
                (ObjKind::Str(p), ObjKind::Str(q)) if exact(x) && exact(y) => i64::from(p.as_str() == q.as_str()),
                _ => -1,
            })
        })
    };
    r.flatten().unwrap_or(-1)
}

/// `@str_exact(obj) -> i64`: 1 for an exact `str`, else 0.
extern "C" fn str_exact(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    let r = unsafe { with_obj(w, |o| exact(o) && matches!(o.kind, ObjKind::Str(_))) };
    i64::from(r.unwrap_or(false))
}

/// `@list_exact(obj) -> i64`: 1 for an exact `list` (whose `append` is the builtin one:
/// the `list` type is immutable and its instances have no `__dict__`), else 0.
extern "C" fn list_exact(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    let r = unsafe { with_obj(w, |o| exact(o) && matches!(o.kind, ObjKind::List(_))) };
    i64::from(r.unwrap_or(false))
}

/// `@list_reserve(obj) -> i64`: makes room for one more item in list `obj` (growing its
/// buffer as `list.append` does, fallibly) and returns 1, or 0 when the allocation failed
/// or `obj` is not a list (the trace then exits at the call; the interpreter raises
/// `MemoryError`). Growing moves the items: the trace declares this call `writes`.
extern "C" fn list_reserve(w: u64) -> i64 {
    // SAFETY: as in `list_len`.
    let r = unsafe {
        with_obj(w, |o| {
            let ObjKind::List(l) = &o.kind else { return false };
            let Ok(mut v) = l.try_borrow_mut() else { return false };
            let n = v.len();
            n < v.capacity() || v.try_reserve(n.max(4)).is_ok()
        })
    };
    i64::from(r.unwrap_or(false))
}

/// Appends `x` to list object `w` if it has room (`@list_reserve` returned 1 just before,
/// and nothing ran in between, so it has: the push never allocates).
///
/// # Safety
/// As [`with_obj`]: `w` names a live object.
unsafe fn push(w: u64, x: Value) {
    // SAFETY: the caller's contract.
    unsafe {
        with_obj(w, |o| {
            if let ObjKind::List(l) = &o.kind
                && let Ok(mut v) = l.try_borrow_mut()
                && v.len() < v.capacity()
            {
                v.push(x);
            }
        })
    };
}

/// `@list_push_none(obj)`: `obj.append(None)` after `@list_reserve`.
extern "C" fn list_push_none(w: u64) {
    // SAFETY: as in `list_len`.
    unsafe { push(w, Value::None) }
}

/// `@list_push_bool(obj, b)`: `obj.append(b != 0)`.
extern "C" fn list_push_bool(w: u64, b: i64) {
    // SAFETY: as in `list_len`.
    unsafe { push(w, Value::Bool(b != 0)) }
}

/// `@list_push_int(obj, k)`: `obj.append(k)`.
extern "C" fn list_push_int(w: u64, k: i64) {
    // SAFETY: as in `list_len`.
    unsafe { push(w, Value::Int(k)) }
}

/// `@list_push_float(obj, x)`: `obj.append(x)`.
/// `@float_trunc(x) -> i64`: `x` truncated toward zero (`int(x)` of a float in i64's
/// range: the trace guards the range first; out of it `as` saturates, never used).
extern "C" fn float_trunc(x: f64) -> i64 {
    x.trunc() as i64
}

extern "C" fn list_push_float(w: u64, x: f64) {
    // SAFETY: as in `list_len`.
    unsafe { push(w, Value::Float(x)) }
}

/// `@list_push_obj(obj, x)`: `obj.append(x)` for the object whose word is `x`, as a new
/// counted reference (appending drops nothing: the trace still frees no object).
extern "C" fn list_push_obj(w: u64, x: u64) {
    // SAFETY: traces pass object words of live objects (module docs), `x` included.
    unsafe {
        if let Some(v) = restore_obj(x) {
            push(w, v);
        }
    }
}

thread_local! {
    /// The values object stores of running traces replaced (`@store_val`): kept alive
    /// until the run that replaced them ends (the *deferred drops*). A trace holds borrowed
    /// words of objects reachable from the ones it read (`t = t.link`, `msg = self.input;
    /// self.input = msg.link`), which dropping a replaced value at once could free; kept
    /// here, every word a trace holds stays valid for the whole run, as before object
    /// stores (`docs/jit.md`, "Object stores"). `Vm::jit_enter` notes
    /// the length at a run's start ([`deferred_mark`]) and drops what the run added after
    /// its exit is written into the frame ([`deferred_take`]); a nested run (in an opaque
    /// call) drops only its own.
    static DEFERRED: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The number of deferred drops (see [`DEFERRED`]) after which `@store_val` answers 0: the
/// trace then exits right after the store, ending the run, which drops them.
pub(crate) const DEFERRED_MAX: usize = 4096;

/// The deferred drops' length now (a run's start, see [`DEFERRED`]).
pub(crate) fn deferred_mark() -> usize {
    DEFERRED.with(|d| d.borrow().len())
}

/// The deferred drops added since `mark`, taken out (their owner drops them after the
/// frame is written).
pub(crate) fn deferred_take(mark: usize) -> Vec<Value> {
    DEFERRED.with(|d| {
        let mut d = d.borrow_mut();
        if d.len() > mark { d.split_off(mark) } else { Vec::new() }
    })
}

/// Drops the deferred drops added since `mark` (as `drop(deferred_take(mark))`); `true`
/// when there were none (the run replaced no value).
pub(crate) fn deferred_drop_since(mark: usize) -> bool {
    if DEFERRED.with(|d| d.borrow().len()) <= mark {
        return true;
    }
    drop(deferred_take(mark));
    false
}

/// Keeps `old`, a value a trace's store replaced, among the deferred drops ([`DEFERRED`])
/// when it is an object; returns 1, or 0 when [`DEFERRED_MAX`] are waiting (as
/// [`store_val`]; the dict helpers of `jit_dicts.rs`).
pub(crate) fn defer_drop(old: Value) -> i64 {
    DEFERRED.with(|d| {
        let mut d = d.borrow_mut();
        if let old @ Value::Obj(_) = old {
            d.push(old);
        }
        i64::from(d.len() < DEFERRED_MAX)
    })
}

/// `@store_val(base, index, slot, w) -> i64`: stores the object whose word is `w` (as a new
/// counted reference; None when `w` is 0) into the 16-byte value at `base + 16 * index` —
/// a `__slots__` slot (`Option<Value>`) when `slot` is not 0, else an instance dict's value
/// or a list item (`Value`) — and keeps the value it replaces among the deferred drops
/// ([`DEFERRED`]) until the run ends. Returns 1, or 0 when [`DEFERRED_MAX`] deferred drops
/// are waiting (the store is made; the trace exits after it). The recorder's `attr.rs` and
/// `list.rs`: the address is the one `@attr_addr`/`@attr_slots`/`@list_items` gave under
/// the guards of the same trace, with no key added, dict resized or list grown since.
pub(crate) extern "C" fn store_val(base: u64, index: i64, slot: i64, w: u64) -> i64 {
    // SAFETY: the trace passes the word of a live object (module docs) or 0.
    let new = if w == 0 {
        Value::None
    } else {
        match unsafe { restore_obj(w) } {
            Some(v) => v,
            None => return 1,
        }
    };
    let at = base.wrapping_add((index as u64).wrapping_mul(16));
    // SAFETY: `at` is the address of a live 16-byte value of the kind `slot` says (the
    // helper's contract above), aligned; no borrow of its dict, slots or list is held while
    // a trace runs (module docs), so writing it in place is as the trace's inline stores.
    let old = unsafe {
        if slot != 0 {
            std::ptr::replace(at as *mut Option<Value>, Some(new))
        } else {
            Some(std::ptr::replace(at as *mut Value, new))
        }
    };
    DEFERRED.with(|d| {
        let mut d = d.borrow_mut();
        if let Some(old @ Value::Obj(_)) = old {
            d.push(old);
        }
        i64::from(d.len() < DEFERRED_MAX)
    })
}

/// `@run_pin(w) -> i64`: keeps a counted reference to the object whose word is `w` among
/// the deferred drops ([`DEFERRED`]) until the run ends (the recorder's `mframe.rs`,
/// "Pinned words": a word an inlined callee holds across an opaque call). Returns 1, or 0
/// when [`DEFERRED_MAX`] deferred drops are waiting (the reference is kept; the trace
/// exits before the call).
pub(crate) extern "C" fn run_pin(w: u64) -> i64 {
    // SAFETY: the trace passes the word of an object it holds: alive (module docs).
    let Some(v) = (unsafe { restore_obj(w) }) else { return 1 };
    DEFERRED.with(|d| {
        let mut d = d.borrow_mut();
        d.push(v);
        i64::from(d.len() < DEFERRED_MAX)
    })
}

/// `@run_keep(area, slot, w)`: keeps a counted reference to the object whose word `w` a
/// link stores into entry-buffer slot `slot`, for the rest of the run (`JitState::kept`;
/// the object it replaces there waits in `kept_old` for `@run_kept`).
pub(crate) extern "C" fn run_keep(area: u64, slot: i64, w: u64) {
    // SAFETY: as in `seq_slice`: word 0 of the call area is the running Vm's address.
    let vm = unsafe { &mut *((area as *const u64).read() as *mut crate::vm::Vm) };
    // SAFETY: the linking trace holds `w`: a live object (module docs).
    let Some(v) = (unsafe { restore_obj(w) }) else { return };
    let Ok(slot) = usize::try_from(slot) else { return };
    let kept = &mut vm.jit.kept;
    if kept.len() <= slot {
        kept.resize(slot + 1, None);
    }
    if let Some(old) = kept[slot].replace(v) {
        vm.jit.kept_old.push(old);
    }
}

/// `@run_kept(area)`: the link's words are all kept: drops what they replaced — unless the
/// run is marked (word 4 of the call area: a word only its container keeps alive is in the
/// buffer, and that container may be one of them; they wait for the run's end).
pub(crate) extern "C" fn run_kept(area: u64) {
    let a = area as *const u64;
    // SAFETY: as in `run_keep`; word 4 is the run's mark (`jit_enter`).
    let (vm, marked) = unsafe { (&mut *(a.read() as *mut crate::vm::Vm), a.add(4).read() != 0) };
    if !marked {
        // (a list a link replaced, bm_fannkuch's `perm = perm1[:]` of the last iteration,
        // may become the spare list, as at `@obj_release`)
        let mut old = std::mem::take(&mut vm.jit.kept_old);
        for v in old.drain(..) {
            drop_or_spare(v);
        }
        vm.jit.kept_old = old;
    }
}

/// The bounds of a trace's slice (`taipan_jit::record`'s `slice.rs`: each part an int when
/// its bit of `mask` is set, else None); `None` for a zero step.
fn slice_bounds(start: i64, stop: i64, step: i64, mask: i64) -> Option<SliceBounds> {
    let part = |bit: i64, x: i64| (mask & bit != 0).then_some(x);
    let step = part(record::SLICE_HAS_STEP, step).unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(SliceBounds {
        start: part(record::SLICE_HAS_START, start),
        stop: part(record::SLICE_HAS_STOP, stop),
        step: step.max(-(isize::MAX as i64)) as isize,
    })
}

/// `@sink_put(area) -> i64 writes` (`taipan_jit::record::SINK_PUT_HELPER`, `record/sink.rs`):
/// a generator's `YIELD_VALUE` in a trace. When the consumer's sink (`generator::GenSink`)
/// is installed for the running frame (word 5 of the call area, written at each entry) and
/// takes the value in the area's first argument slot (`generator::sink_yield`, as the
/// interpreter's `YIELD_VALUE`), returns 1; else 0 and nothing is stored (the trace exits at
/// the yield and the interpreter yields the value). Writes the answer into the payload word
/// of the area's `AREA_SINK` slot too (the trace clears it after its guard). Runs no Python
/// code.
pub(crate) extern "C" fn sink_put(area: u64) -> i64 {
    let a = area as *const u64;
    // SAFETY: word 0 of the call area is the running Vm's address and word 5 the running
    // frame's (written at each entry, `JitState::call_area`); the trace runs inside that
    // Vm's dispatch loop, which holds no borrow of it across the run.
    let (vm, frame) = unsafe { (&mut *(a.read() as *mut crate::vm::Vm), a.add(5).read()) };
    let took = vm.gen_sink.as_ref().is_some_and(|s| s.frame as u64 == frame) && {
        let s = 2 * record::AREA_ARGS as usize;
        // SAFETY: the trace stored the value into the area's first argument slot (an
        // object word of a value it holds: alive, see the module docs).
        match unsafe { super::run::slot_value(a.add(s).read(), a.add(s + 1).read()) } {
            Some(v) => crate::generator::sink_yield(vm, v).is_ok(),
            None => false,
        }
    };
    // the mark an exit at the yield reads (`jit_run.rs`' `jit_exit`), cleared by the trace
    // after its guard
    // SAFETY: the area's sink slot (`AREA_SLOTS` slots).
    unsafe {
        (area as *mut u64)
            .add(2 * record::AREA_SINK as usize + 1)
            .write(u64::from(took))
    };
    i64::from(took)
}

/// `@seq_slice(area, seq, start, stop, step, mask) -> own ptr`: `seq[start:stop:step]` of
/// an exact list, tuple or str (the interpreter's fused `BUILD_SLICE` + `BINARY_SUBSCR`,
/// `seqops::get_slice_plain`) as a new reference handed to the trace, or 0 for anything
/// else and for a zero step (the trace exits at the `BUILD_SLICE`; nothing was done).
pub(crate) extern "C" fn seq_slice(area: u64, w: u64, start: i64, stop: i64, step: i64, mask: i64) -> u64 {
    // SAFETY: word 0 of the call area is the running Vm's address (written at each entry,
    // `JitState::call_area`); the trace runs inside that Vm's dispatch loop, which holds
    // no borrow of it across the run.
    let vm = unsafe { &mut *((area as *const u64).read() as *mut crate::vm::Vm) };
    let Some(b) = slice_bounds(start, stop, step, mask) else {
        return 0;
    };
    // SAFETY: traces pass object words of live objects (module docs).
    let Some(seq) = (unsafe { restore_obj(w) }) else {
        return 0;
    };
    if let Some(spare) = SPARE_LIST.try_with(|s| s.take()).ok().flatten() {
        if crate::builtins::seqops::list_slice_into(vm, &seq, &b, &spare) {
            return give_obj(spare);
        }
        let _ = SPARE_LIST.try_with(|s| s.replace(Some(spare)));
    }
    match crate::builtins::seqops::get_slice_plain(vm, &seq, &b) {
        Some(Value::Obj(o)) => give_obj(o),
        _ => 0,
    }
}

/// `list[start:stop:step] = value` (`seqops::set_slice_plain`, CPython
/// `list_ass_subscript`) when it can neither raise nor run Python code — `list` an exact
/// list, `value` an exact list or tuple, a step of 1 or exactly one item per selected
/// slot — and word 4 of the call area is 0 (`JitState::call_area`: links keep what they
/// store into the buffer, so dropping the replaced items frees no word it holds); with `apply`
/// false only whether it can: 1 or 0. With `apply` true it stores when it can (the
/// trace's `@store_slice_ok` said so just before, nothing in between) and returns 0.
///
/// # Safety
/// `area` is the VM's call area with its context words written by `jit_enter`; `w` and `x`
/// name live objects (module docs).
unsafe fn slice_store(area: u64, w: u64, b: Option<SliceBounds>, x: u64, apply: bool) -> i64 {
    let a = area as *const u64;
    // SAFETY: the caller's contract: word 0 of the call area is the running Vm's address,
    // word 4 whether the run linked; the trace runs inside that Vm's dispatch loop, which
    // holds no borrow of it across the run.
    let (vm, linked) = unsafe { (&mut *(a.read() as *mut crate::vm::Vm), a.add(4).read() != 0) };
    let Some(b) = b else { return 0 };
    if !linked && b.step == 1 {
        // SAFETY: the caller's contract: `w` and `x` name live objects.
        let done = unsafe { with_obj(w, |lo| with_obj(x, |vo| store_same_len(lo, vo, &b, apply))) };
        if let Some(Some(Some(r))) = done {
            return r;
        }
    }
    // SAFETY: the caller's contract.
    let (Some(list), Some(value)) = (unsafe { restore_obj(w) }, unsafe { restore_obj(x) }) else {
        return 0;
    };
    let (Value::Obj(lo), Value::Obj(vo)) = (&list, &value) else {
        return 0;
    };
    let ObjKind::List(l) = &lo.kind else { return 0 };
    let src_len = match &vo.kind {
        _ if linked || !exact(lo) || !exact(vo) => return 0,
        ObjKind::List(items) => match items.try_borrow() {
            Ok(items) => items.len(),
            Err(_) => return 0,
        },
        ObjKind::Tuple(items) => items.len(),
        _ => return 0,
    };
    if b.step != 1 {
        let Ok(items) = l.try_borrow() else { return 0 };
        if b.adjust(items.len()).len != src_len {
            return 0;
        }
    }
    if !apply {
        return 1;
    }
    // (cannot fail: checked above; an error would change nothing)
    let _ = crate::builtins::seqops::set_slice_plain(vm, &list, &b, &value);
    0
}

/// The common case of [`slice_store`] without counted references or a temporary: `lo` an
/// exact list, `vo` another exact list, step 1 (`b`) and as many items in `vo` as the
/// slice selects in `lo` (CPython's `list_ass_slice` then copies the items over in place);
/// `None` when it is not that case (the caller takes the general path). With `apply` it
/// stores (the items replaced are dropped: no Python code runs) and returns `Some(0)`,
/// else `Some(1)`.
fn store_same_len(lo: &Obj, vo: &Obj, b: &SliceBounds, apply: bool) -> Option<i64> {
    let (ObjKind::List(l), ObjKind::List(v)) = (&lo.kind, &vo.kind) else {
        return None;
    };
    if !exact(lo) || !exact(vo) || std::rc::Rc::ptr_eq(lo, vo) {
        return None;
    }
    let (Ok(mut dst), Ok(src)) = (l.try_borrow_mut(), v.try_borrow()) else {
        return None;
    };
    let si = b.adjust(dst.len());
    let low = usize::try_from(si.start).ok()?.min(dst.len());
    let high = usize::try_from(si.stop).unwrap_or(0).min(dst.len()).max(low);
    if high - low != src.len() {
        return None;
    }
    if apply {
        dst.get_mut(low..high)?.clone_from_slice(&src);
        return Some(0);
    }
    Some(1)
}

/// `@store_slice_ok(area, list, start, stop, step, mask, value) -> i64`: 1 when
/// `list[start:stop:step] = value` can be done by `@store_slice` (see [`slice_store`]),
/// else 0 (the trace exits at the `BUILD_SLICE` and the interpreter does the store).
pub(crate) extern "C" fn store_slice_ok(area: u64, w: u64, start: i64, stop: i64, step: i64, mask: i64, x: u64) -> i64 {
    // SAFETY: traces pass the call area and object words of live objects (module docs).
    unsafe { slice_store(area, w, slice_bounds(start, stop, step, mask), x, false) }
}

/// `@store_slice(area, list, start, stop, step, mask, value)`: the store
/// `@store_slice_ok` allowed just before (see [`slice_store`]). The replaced items are
/// dropped (no finalizers run; the recorder allows it only when every object word the
/// trace still holds is kept alive by the frame or owned).
pub(crate) extern "C" fn store_slice(area: u64, w: u64, start: i64, stop: i64, step: i64, mask: i64, x: u64) {
    // SAFETY: as in `store_slice_ok`.
    unsafe { slice_store(area, w, slice_bounds(start, stop, step, mask), x, true) };
}

thread_local! {
    /// The items of the source slice of a [`store_slice_from`], reused (empty between
    /// calls) so that the fused store allocates nothing once it has grown.
    static SLICE_SCRATCH: std::cell::Cell<Vec<Value>> = const { std::cell::Cell::new(Vec::new()) };
    /// The last in-place range store `@store_slice_from_ok` allowed ([`SamePlan`]), which
    /// the `@store_slice_from` right after it carries out without computing it again.
    static SAME_PLAN: std::cell::Cell<SamePlan> = const { std::cell::Cell::new(SamePlan::NONE) };
}

/// An in-place store of a list's slice of itself over the same range (see
/// [`same_range_store`]): the list's word, the range and whether it is reversed. The plan
/// is only a shortcut: [`store_slice_from`] uses it when its list word and the list's
/// length still match, else computes the store again.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct SamePlan {
    /// The list's object word (0: no plan).
    w: u64,
    /// The list's length when the plan was made.
    len: usize,
    /// The first index of the range.
    low: usize,
    /// The number of items in the range.
    n: usize,
    /// Reversed (else nothing changes).
    reverse: bool,
}

impl SamePlan {
    const NONE: SamePlan = SamePlan {
        w: 0,
        len: 0,
        low: 0,
        n: 0,
        reverse: false,
    };
}

/// `list[start:stop:step] = seq[start2:stop2:step2]` without the slice object
/// (`taipan_jit::record`'s `slice.rs`, pending slices; bm_fannkuch's `perm[:k + 1] =
/// perm[k::-1]`) where it can neither raise nor run Python code: `list` an exact list,
/// `seq` an exact list or tuple, no zero step, an extended slice of as many items as the
/// source gives, and the run not marked (word 4 of the call area, as [`slice_store`]).
/// With `apply` false only whether it can: 1 or 0. With `apply` true it stores when it can
/// (the trace's `@store_slice_from_ok` said so just before, nothing in between): the
/// source's selected items are copied first (CPython makes the slice first too), then
/// stored as `list_ass_subscript` stores them (`seqops::list_assign_items`); returns 0.
/// `masks`: the store's bounds' bits, the source's shifted left by
/// `record::SLICE_FROM_SHIFT`.
///
/// # Safety
/// `area` is the VM's call area with its context words written by `jit_enter`; `w` and `x`
/// name live objects (module docs).
#[allow(clippy::too_many_arguments)]
unsafe fn slice_store_from(area: u64, w: u64, b: [i64; 3], x: u64, from: [i64; 3], masks: i64, apply: bool) -> i64 {
    // the plan of the check just before (taken in any case: it serves one store at most;
    // a plan left by a check whose store never came must not serve a later one)
    let plan = SAME_PLAN
        .try_with(|p| p.replace(SamePlan::NONE))
        .unwrap_or(SamePlan::NONE);
    if apply && plan.w == w && w == x {
        // SAFETY: the caller's contract.
        if let Some(Some(r)) = unsafe { with_obj(w, |lo| run_plan(lo, &plan)) } {
            return r;
        }
    }
    // SAFETY: the caller's contract: word 4 of the call area is the run's mark.
    if unsafe { (area as *const u64).add(4).read() } != 0 {
        return 0;
    }
    let bounds = slice_bounds(b[0], b[1], b[2], masks & 7);
    let from = slice_bounds(from[0], from[1], from[2], masks >> record::SLICE_FROM_SHIFT & 7);
    let (Some(b), Some(from)) = (bounds, from) else {
        return 0;
    };
    if w == x {
        // SAFETY: the caller's contract.
        if let Some(Some(r)) = unsafe { with_obj(w, |lo| same_range_store(lo, w, &b, &from, apply)) } {
            return r;
        }
    }
    // SAFETY: the caller's contract.
    unsafe { slice_store_general(w, &b, x, &from, apply) }
}

/// [`slice_store_from`] for every store but the in-place one of a list's slice of itself
/// over the same range (out of line: its buffer and closures made the in-place case's
/// frame larger than the work).
///
/// # Safety
/// As [`slice_store_from`]: `w` and `x` name live objects.
#[inline(never)]
unsafe fn slice_store_general(w: u64, b: &SliceBounds, x: u64, from: &SliceBounds, apply: bool) -> i64 {
    let mut tmp = Vec::new();
    if apply {
        tmp = SLICE_SCRATCH.try_with(|s| s.take()).unwrap_or_default();
    }
    // the source's items (copied when storing), or only their number
    let mut take = |items: &[Value]| {
        let si = from.adjust(items.len());
        if apply {
            crate::builtins::seqops::extend_slice(&mut tmp, items, &si);
        }
        si.len
    };
    // SAFETY: the caller's contract.
    let n = unsafe {
        with_obj(x, |so| match &so.kind {
            _ if !exact(so) => None,
            ObjKind::List(l) => l.try_borrow().ok().map(|items| take(&items)),
            ObjKind::Tuple(t) => Some(take(t)),
            _ => None,
        })
    }
    .flatten();
    // SAFETY: the caller's contract.
    let r = unsafe {
        with_obj(w, |lo| match (&lo.kind, n) {
            (ObjKind::List(l), Some(n)) if exact(lo) => {
                if apply {
                    // (cannot fail but for an allocation failure: checked just before)
                    crate::builtins::seqops::list_assign_items(l, b, &mut tmp);
                    0
                } else {
                    match l.try_borrow() {
                        Ok(items) => {
                            let si = b.adjust(items.len());
                            i64::from(si.step == 1 || si.len == n)
                        }
                        Err(_) => 0,
                    }
                }
            }
            _ => 0,
        })
    };
    if apply {
        tmp.clear();
        let _ = SLICE_SCRATCH.try_with(|s| s.set(tmp));
    }
    r.unwrap_or(0)
}

/// The case of [`slice_store_from`] where the list is assigned a slice of itself over the
/// same range, forwards (nothing changes) or backwards (bm_fannkuch's `perm[:k + 1] =
/// perm[k::-1]`: the range is reversed in place, moving the items: no copy, no count
/// changed, nothing dropped); `None` for anything else. With `apply` it does it and
/// returns `Some(0)` (through the plan the check just made, when it is this list's, session
/// 20: the check and the store each computed both slices' bounds before), else it makes the
/// plan and returns `Some(1)`.
fn same_range_store(lo: &Obj, w: u64, b: &SliceBounds, from: &SliceBounds, apply: bool) -> Option<i64> {
    let ObjKind::List(l) = &lo.kind else { return None };
    if !exact(lo) {
        return None;
    }
    let mut items = l.try_borrow_mut().ok()?;
    let (d, s) = (b.adjust(items.len()), from.adjust(items.len()));
    if d.step != 1 || s.len != d.len || !matches!(s.step, 1 | -1) {
        return None;
    }
    if d.len == 0 {
        // (nothing selected, nothing given: no change)
        return Some(i64::from(!apply));
    }
    let low = usize::try_from(d.start).ok()?;
    let src_low = if s.step == 1 {
        usize::try_from(s.start).ok()?
    } else {
        usize::try_from(s.start).ok()?.checked_add(1)?.checked_sub(s.len)?
    };
    if low != src_low {
        return None;
    }
    let n = d.len;
    if apply {
        if s.step == -1 {
            items.get_mut(low..low.checked_add(n)?)?.reverse();
        }
        return Some(0);
    }
    let plan = SamePlan {
        w,
        len: items.len(),
        low,
        n,
        reverse: s.step == -1,
    };
    let _ = SAME_PLAN.try_with(|p| p.set(plan));
    Some(1)
}

/// Carries out `plan` on list `lo` (its word) when the list still has the plan's length:
/// `Some(0)`, as [`same_range_store`] with `apply`; `None` (nothing done) else.
fn run_plan(lo: &Obj, plan: &SamePlan) -> Option<i64> {
    let ObjKind::List(l) = &lo.kind else { return None };
    let mut items = l.try_borrow_mut().ok()?;
    if items.len() != plan.len {
        return None;
    }
    if plan.reverse {
        items.get_mut(plan.low..plan.low.checked_add(plan.n)?)?.reverse();
    }
    Some(0)
}

/// `@store_slice_from_ok(area, list, start, stop, step, seq, start2, stop2, step2, masks)
/// -> i64`: 1 when `list[start:stop:step] = seq[start2:stop2:step2]` can be done by
/// `@store_slice_from` (see [`slice_store_from`]), else 0 (the trace exits and the
/// interpreter redoes the statement from the source slice).
#[allow(clippy::too_many_arguments)]
pub(crate) extern "C" fn store_slice_from_ok(
    area: u64,
    w: u64,
    start: i64,
    stop: i64,
    step: i64,
    x: u64,
    start2: i64,
    stop2: i64,
    step2: i64,
    masks: i64,
) -> i64 {
    // SAFETY: traces pass the call area and object words of live objects (module docs).
    unsafe { slice_store_from(area, w, [start, stop, step], x, [start2, stop2, step2], masks, false) }
}

/// `@store_slice_from(area, list, start, stop, step, seq, start2, stop2, step2, masks)`:
/// the store `@store_slice_from_ok` allowed just before (see [`slice_store_from`]). The
/// replaced items are dropped (no finalizers run; the recorder allows it only when every
/// object word the trace still holds is kept alive by the frame or owned).
#[allow(clippy::too_many_arguments)]
pub(crate) extern "C" fn store_slice_from(
    area: u64,
    w: u64,
    start: i64,
    stop: i64,
    step: i64,
    x: u64,
    start2: i64,
    stop2: i64,
    step2: i64,
    masks: i64,
) {
    // SAFETY: as in `store_slice_from_ok`.
    unsafe { slice_store_from(area, w, [start, stop, step], x, [start2, stop2, step2], masks, true) };
}

/// `@iter_unshared(obj) -> i64`: 1 when `obj` is 0 (an iterator a link made, held by no
/// object) or only one reference to it exists (the frame's operand stack: nothing else can
/// observe its position), else 0 (a path that pops the entry exits; the recorder's
/// `virtual.rs`).
extern "C" fn iter_unshared(w: u64) -> i64 {
    if w == 0 {
        return 1;
    }
    // SAFETY: as in `list_len` (the word is an entry-stack entry's, which the frame holds).
    let v = unsafe { restore_obj(w) };
    match v {
        // (ours and the frame's)
        Some(Value::Obj(o)) => i64::from(std::rc::Rc::strong_count(&o) <= 2),
        _ => 0,
    }
}

/// The helpers traces may call, by the names the recorder emits (`taipan_jit::record`'s
/// `list.rs`): `(name, address)`.
pub(crate) const HELPERS: [(&str, extern "C" fn(u64) -> i64); 8] = [
    ("iter_unshared", iter_unshared),
    ("list_len", list_len),
    ("tuple_len", tuple_len),
    ("iter_list_len", iter_list_len),
    ("iter_tuple_len", iter_tuple_len),
    ("obj_len", obj_len),
    ("list_exact", list_exact),
    ("list_reserve", list_reserve),
];

/// Where an object's class word, a list's items pointer and length and a tuple's are,
/// as byte offsets from the object word, and the class words of `list` and `tuple`:
/// measured at run time on a list and a tuple made for the purpose, since Rust does not
/// fix the layout of `Rc`, `Object`, `RefCell`, `Vec` or a boxed slice. Every list and
/// tuple object has the same layout as the measured ones (same types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ObjLayout {
    class_off: i32,
    list_class: u64,
    list_len_off: i32,
    list_ptr_off: i32,
    tuple_class: u64,
    tuple_len_off: i32,
    tuple_ptr_off: i32,
    /// Where `@attr_base` and `@attr_absent` read (`attrs::measure_dict_layout`).
    dict: Option<DictLayout>,
}

impl ObjLayout {
    /// Measures the layout (see the type's docs) with `list` and `tuple`, the VM's `list`
    /// and `tuple` types; `None` when a measurement is ambiguous (the traces then call the
    /// helpers instead).
    pub(crate) fn measure(types: &crate::types::Types) -> Option<ObjLayout> {
        let (list, tuple) = (&types.list, &types.tuple);
        let l = Value::new_obj(list, ObjKind::List(std::cell::RefCell::new(Vec::with_capacity(5))));
        let t = Value::new_obj(
            tuple,
            ObjKind::Tuple(vec![Value::None, Value::None, Value::None].into_boxed_slice()),
        );
        let (Value::Obj(lo), Value::Obj(to)) = (&l, &t) else {
            return None;
        };
        let off = |o: &Obj, addr: usize| i32::try_from(addr.wrapping_sub(obj_word_rc(o) as usize) as isize).ok();
        let class_field = |o: &Obj| &o.class as *const Option<Obj> as usize;
        let class_off = off(lo, class_field(lo))?;
        if off(to, class_field(to))? != class_off {
            return None;
        }
        let ObjKind::List(cell) = &lo.kind else { return None };
        {
            let mut v = cell.try_borrow_mut().ok()?;
            v.extend([Value::None, Value::None, Value::None]);
        }
        let v = cell.try_borrow().ok()?;
        if v.capacity() == v.len() {
            return None;
        }
        let vec_addr = cell.as_ptr() as usize;
        // SAFETY: `vec_addr` is the address of a live `Vec<Value>` (three words: pointer,
        // capacity and length in an unspecified order, checked below), read as plain words
        // while the borrow `v` keeps it unchanged.
        let words = unsafe { (vec_addr as *const [u64; 3]).read() };
        const _: () = assert!(std::mem::size_of::<Vec<Value>>() == 24);
        let find = |words: &[u64], x: u64| {
            let mut at = words.iter().enumerate().filter(|(_, w)| **w == x).map(|(k, _)| k);
            match (at.next(), at.next()) {
                (Some(k), None) => Some(k),
                _ => None,
            }
        };
        let lp = find(&words, v.as_ptr() as u64)?;
        let ll = find(&words, v.len() as u64)?;
        let list_ptr_off = off(lo, vec_addr + 8 * lp)?;
        let list_len_off = off(lo, vec_addr + 8 * ll)?;
        drop(v);
        let ObjKind::Tuple(items) = &to.kind else { return None };
        let box_addr = items as *const Box<[Value]> as usize;
        const _: () = assert!(std::mem::size_of::<Box<[Value]>>() == 16);
        // SAFETY: `box_addr` is the address of a live `Box<[Value]>`: a pointer and a
        // length, two words in an unspecified order (checked below).
        let twords = unsafe { (box_addr as *const [u64; 2]).read() };
        let tp = find(&twords, items.as_ptr() as u64)?;
        let tl = find(&twords, items.len() as u64)?;
        Some(ObjLayout {
            class_off,
            list_class: obj_word_rc(list),
            list_len_off,
            list_ptr_off,
            tuple_class: obj_word_rc(tuple),
            tuple_len_off: off(to, box_addr + 8 * tl)?,
            tuple_ptr_off: off(to, box_addr + 8 * tp)?,
            dict: super::attrs::measure_dict_layout(&types.dict, &types.object, lo),
        })
    }
}

/// The helper table every trace is compiled with; with `layout`, the exact-class length
/// checks, the lengths of iterated sequences and the items pointers are expanded inline
/// (`InlineHelper`).
pub(crate) fn helper_table(layout: Option<&ObjLayout>) -> HelperTable {
    let mut h = HelperTable::new();
    for (name, f) in HELPERS {
        h.add(name, f as usize);
    }
    if let Some(l) = layout {
        let exact_len = |class, len_off| InlineHelper::ExactLen {
            class_off: l.class_off,
            class,
            len_off,
        };
        h.add_inline("list_len", exact_len(l.list_class, l.list_len_off));
        h.add_inline("tuple_len", exact_len(l.tuple_class, l.tuple_len_off));
        h.add_inline(
            "list_exact",
            InlineHelper::IsExact {
                class_off: l.class_off,
                class: l.list_class,
            },
        );
        // a list or tuple iterator's sequence: its kind is guarded at the trace's entry (the
        // entry buffer's kind tag), so only the length is loaded
        h.add_inline("iter_list_len", InlineHelper::LoadWord { off: l.list_len_off });
        h.add_inline("iter_tuple_len", InlineHelper::LoadWord { off: l.tuple_len_off });
        h.add_inline("list_items", InlineHelper::LoadWord { off: l.list_ptr_off });
        // (an object's class word; taipan has no `__class__` assignment)
        h.add_inline(record::OBJ_CLASS_HELPER, InlineHelper::LoadWord { off: l.class_off });
        h.add_inline("tuple_items", InlineHelper::LoadWord { off: l.tuple_ptr_off });
        if let Some(d) = l.dict {
            h.add_inline(record::ATTR_BASE, InlineHelper::DictEntries(d));
            h.add_inline(record::ATTR_ABSENT, InlineHelper::DictAbsent(d));
        }
    }
    h.add("list_items", list_items as extern "C" fn(u64) -> u64 as usize);
    h.add("tuple_items", tuple_items as extern "C" fn(u64) -> u64 as usize);
    h.add("list_push_none", list_push_none as extern "C" fn(u64) as usize);
    h.add("list_push_bool", list_push_bool as extern "C" fn(u64, i64) as usize);
    h.add("list_push_int", list_push_int as extern "C" fn(u64, i64) as usize);
    h.add("list_push_float", list_push_float as extern "C" fn(u64, f64) as usize);
    h.add("list_push_obj", list_push_obj as extern "C" fn(u64, u64) as usize);
    h.add("obj_incref", obj_incref as extern "C" fn(u64) -> u64 as usize);
    h.add(
        taipan_jit::record::PY_CALL_HELPER,
        super::func::py_call as extern "C" fn(u64, u64, i64) -> i64 as usize,
    );
    h.add(
        taipan_jit::record::LOOP_CALL_HELPER,
        super::func::loop_call as extern "C" fn(u64, u64, i64) -> i64 as usize,
    );
    h.add(
        taipan_jit::record::PY_TAKE_HELPER,
        super::func::py_take as extern "C" fn(u64) -> u64 as usize,
    );
    h.add("obj_release", obj_release as extern "C" fn(u64) as usize);
    h.add(
        record::STORE_VAL_HELPER,
        store_val as extern "C" fn(u64, i64, i64, u64) -> i64 as usize,
    );
    h.add(
        record::RUN_KEEP_HELPER,
        run_keep as extern "C" fn(u64, i64, u64) as usize,
    );
    h.add(record::RUN_KEPT_HELPER, run_kept as extern "C" fn(u64) as usize);
    h.add(record::RUN_PIN_HELPER, run_pin as extern "C" fn(u64) -> i64 as usize);
    h.add(
        record::SEQ_SLICE_HELPER,
        seq_slice as extern "C" fn(u64, u64, i64, i64, i64, i64) -> u64 as usize,
    );
    h.add(
        record::STORE_SLICE_HELPER,
        store_slice as extern "C" fn(u64, u64, i64, i64, i64, i64, u64) as usize,
    );
    h.add(
        record::STORE_SLICE_FROM_OK_HELPER,
        store_slice_from_ok as extern "C" fn(u64, u64, i64, i64, i64, u64, i64, i64, i64, i64) -> i64 as usize,
    );
    h.add(
        record::STORE_SLICE_FROM_HELPER,
        store_slice_from as extern "C" fn(u64, u64, i64, i64, i64, u64, i64, i64, i64, i64) as usize,
    );
    h.add(
        record::STORE_SLICE_OK_HELPER,
        store_slice_ok as extern "C" fn(u64, u64, i64, i64, i64, i64, u64) -> i64 as usize,
    );
    h.add(
        taipan_jit::record::ATTR_ADDR,
        super::attrs::attr_addr as extern "C" fn(u64, u64, i64, i64) -> u64 as usize,
    );
    h.add(
        taipan_jit::record::ATTR_BASE,
        super::attrs::attr_base as extern "C" fn(u64, u64, i64) -> u64 as usize,
    );
    h.add(
        taipan_jit::record::ATTR_SLOTS,
        super::attrs::attr_slots as extern "C" fn(u64, u64, i64) -> u64 as usize,
    );
    h.add(
        record::OBJ_CLASS_HELPER,
        super::attrs::obj_class as extern "C" fn(u64) -> u64 as usize,
    );
    super::dicts::add_helpers(&mut h);
    super::alloc::add_helpers(&mut h);
    h.add(record::STR_EQ_HELPER, str_eq as extern "C" fn(u64, u64) -> i64 as usize);
    h.add(
        record::STR_EXACT_HELPER,
        str_exact as extern "C" fn(u64) -> i64 as usize,
    );
    h.add(
        record::FLOAT_TRUNC_HELPER,
        float_trunc as extern "C" fn(f64) -> i64 as usize,
    );
    h.add(record::SINK_PUT_HELPER, sink_put as extern "C" fn(u64) -> i64 as usize);
    h.add(
        taipan_jit::record::CELL_ADDR,
        super::attrs::cell_addr as extern "C" fn(u64) -> u64 as usize,
    );
    h.add(
        taipan_jit::record::ATTR_ABSENT,
        super::attrs::attr_absent as extern "C" fn(u64, u64, i64) -> i64 as usize,
    );
    h.add(
        taipan_jit::record::CALL_HELPER,
        super::func::fn_call as extern "C" fn(u64, u64, u64, i64, i64) -> i64 as usize,
    );
    h.add(
        super::func::FN_EXIT_HELPER,
        super::func::fn_exit as extern "C" fn(u64, u64, u64, u64, u64, i64) -> i64 as usize,
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The measured layout reads what the helpers compute, for lists and tuples of other
    /// sizes than the measured ones, and never matches another class.
    #[test]
    fn measured_layout_agrees_with_the_helpers() {
        let vm = crate::vm::Vm::new(Vec::new());
        let layout = ObjLayout::measure(&vm.types).expect("layout");
        // SAFETY: `w` is the object word of a live object and `off` a measured offset
        // inside it (the objects below stay alive until the end of the test).
        let word = |w: u64, off: i32| unsafe { ((w as i64 + i64::from(off)) as *const u64).read() };
        for n in [0usize, 1, 7, 100] {
            let l = vm.new_list(vec![Value::Int(1); n]);
            let t = vm.new_tuple(vec![Value::Float(2.0); n]);
            let (lw, tw) = (obj_word(&l).expect("list"), obj_word(&t).expect("tuple"));
            assert_eq!(word(lw, layout.class_off), layout.list_class);
            assert_eq!(word(lw, layout.list_len_off) as i64, list_len(lw));
            assert_eq!(word(lw, layout.list_len_off) as i64, iter_list_len(lw));
            assert_eq!(word(tw, layout.tuple_len_off) as i64, iter_tuple_len(tw));
            assert_eq!(word(lw, layout.list_ptr_off), list_items(lw));
            assert_eq!(word(tw, layout.class_off), layout.tuple_class);
            assert_eq!(word(tw, layout.tuple_len_off) as i64, tuple_len(tw));
            assert_eq!(word(tw, layout.tuple_ptr_off), tuple_items(tw));
        }
        let d = vm.new_dict_obj();
        let dw = obj_word_rc(&d);
        assert_ne!(word(dw, layout.class_off), layout.list_class);
        assert_ne!(word(dw, layout.class_off), layout.tuple_class);
    }

    #[test]
    fn object_words_round_trip() {
        let v = Value::Int(3);
        assert_eq!(obj_word(&v), None);
        let vm = crate::vm::Vm::new(Vec::new());
        let l = vm.new_list(vec![Value::Int(1), Value::Float(2.5)]);
        let w = obj_word(&l).expect("object");
        assert_eq!(list_len(w), 2);
        assert_eq!(tuple_len(w), -1);
        assert_ne!(list_items(w), 0);
        assert_eq!(tuple_items(w), 0);
        // SAFETY: `l` keeps the list alive.
        let back = unsafe { restore_obj(w) }.expect("restored");
        assert_eq!(obj_word(&back), Some(w));
        // the payload word of the value in memory is the same word
        // SAFETY: `l` is a live 16-byte `Value`; its second word is initialized.
        let payload = unsafe { (&l as *const Value as *const u64).add(1).read() };
        assert_eq!(payload, w);
    }

    #[test]
    fn append_helpers_grow_a_list() {
        let vm = crate::vm::Vm::new(Vec::new());
        let l = vm.new_list(Vec::new());
        let w = obj_word(&l).expect("object");
        let x = vm.new_list(vec![Value::Int(7)]);
        let xw = obj_word(&x).expect("object");
        assert_eq!(list_exact(w), 1);
        assert_eq!(obj_len(w), 0);
        for k in 0..100 {
            assert_eq!(list_reserve(w), 1);
            match k % 5 {
                0 => list_push_int(w, k),
                1 => list_push_float(w, 0.5),
                2 => list_push_bool(w, 1),
                3 => list_push_none(w),
                _ => list_push_obj(w, xw),
            }
        }
        assert_eq!(obj_len(w), 100);
        assert_eq!(list_len(w), 100);
        let Value::Obj(o) = &l else { panic!("a list") };
        let ObjKind::List(items) = &o.kind else {
            panic!("a list")
        };
        let items = items.borrow();
        assert!(matches!(items[0], Value::Int(0)));
        assert!(matches!(items[1], Value::Float(x) if x == 0.5));
        assert!(matches!(items[2], Value::Bool(true)));
        assert!(matches!(items[3], Value::None));
        assert_eq!(obj_word(&items[4]), Some(xw));
        // a tuple is no list: nothing is reserved, `len` still answers
        let t = vm.new_tuple(vec![Value::Int(1), Value::Int(2)]);
        let tw = obj_word(&t).expect("object");
        assert_eq!((list_exact(tw), list_reserve(tw), obj_len(tw)), (0, 0, 2));
    }
}

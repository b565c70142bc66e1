//! The guard probes of the inline caches (part of `specialize.rs`): reading a dict entry
//! at a cached position, checking an instance dict's shape, module and class attribute
//! hits. Each is one check of a version, shape or key identity, inlined into the fast
//! paths of `specialize.rs` (CPython 3.11 `Python/specialize.c` guards; shapes: `shape.rs`).

use std::rc::{Rc, Weak};

use super::{How, same};
use crate::object::{ObjKind, Object};
use crate::ops::str_value_hash;
use crate::shape::ShapeId;
use crate::value::{Obj, Value};

/// The value at entry `index` of dict object `d` if its key is `name` (by identity).
#[inline(always)]
pub(super) fn dict_at(d: &Obj, index: usize, name: &Value) -> Option<Value> {
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    match t.entry(index) {
        Some((k, v)) if same_name(k, name) => Some(v.clone()),
        _ => None,
    }
}

/// As [`dict_at`], pushing the value onto `stack` (false: nothing pushed); see
/// [`shaped_dict_into`] for why the hit paths write rather than return the value. A full
/// `stack` also gives false (never in practice: frames reserve their code's maximum stack
/// depth), so that no growth call sits between the read of the value and its store (the
/// value was kept in a stack temporary around it). The dict's `RefCell` is read without
/// counting a borrow, as in [`shaped_dict_into`].
#[inline(always)]
pub(super) fn dict_push(d: &Obj, index: usize, name: &Value, stack: &mut Vec<Value>) -> bool {
    let ObjKind::Dict(c) = &d.kind else { return false };
    // SAFETY: `t` is used for reading one entry and cloning its value (a count increment,
    // no code runs), so no mutable borrow of the dict can start while it lives; a dict
    // being mutated (flag set) is refused here as `try_borrow` would.
    let Ok(t) = (unsafe { c.try_borrow_unguarded() }) else {
        return false;
    };
    match t.entry(index) {
        Some((k, v)) if same_name(k, name) => push_clone_in_room(stack, v),
        _ => false,
    }
}

/// `stack.push(v.clone())` when `stack` has room, else false (nothing pushed, nothing
/// cloned): the hit paths give up on a full stack rather than grow it (never in practice:
/// frames reserve their code's maximum stack depth), so that no growth call sits between
/// the read of the value and its store (the value was kept in a stack temporary around
/// it).
#[inline(always)]
pub(super) fn push_clone_in_room(stack: &mut Vec<Value>, v: &Value) -> bool {
    let len = stack.len();
    if len == stack.capacity() {
        return false;
    }
    // SAFETY: `len < capacity` (checked above), so the slot at `len` lies inside the
    // allocation and holds no initialized value; it is written once, then counted.
    unsafe {
        stack.as_mut_ptr().add(len).write(v.clone());
        stack.set_len(len + 1);
    }
    true
}

/// True if `k` is the (str) object `name` itself: a pointer comparison, cheaper than
/// [`Value::is`]'s match over every kind of value (a jump table on the hit paths).
#[inline(always)]
pub(super) fn same_name(k: &Value, name: &Value) -> bool {
    match (k, name) {
        (Value::Obj(a), Value::Obj(b)) => std::rc::Rc::ptr_eq(a, b),
        _ => k.is(name),
    }
}

/// Position of `name` in dict object `d`, only if the stored key is `name` itself.
pub(super) fn identical_pos(d: &Obj, name: &Value) -> Option<usize> {
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    let pos = t.find_name(str_value_hash(name), name)?;
    match t.entry(pos) {
        Some((k, _)) if k.is(name) => Some(pos),
        _ => None,
    }
}

/// True if dict object `d` has the str key `name`.
#[inline]
pub(super) fn dict_has(d: &Obj, name: &Value) -> bool {
    let ObjKind::Dict(c) = &d.kind else { return true };
    match c.try_borrow() {
        Ok(t) => t.find_name(str_value_hash(name), name).is_some(),
        Err(_) => true,
    }
}

/// The instance attribute `name` of `o` from its dict (cached shape and position first).
#[inline]
pub(super) fn instance_dict_get(o: &Obj, index: usize, shape: ShapeId, name: &Value) -> Option<Value> {
    let d = o.dict.as_ref()?;
    if let Some(v) = shaped_dict_at(d, index, shape, name) {
        return Some(v);
    }
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    t.get_name(str_value_hash(name), name).cloned()
}

/// [`not_shadowed`] for the dispatch loop's `LOAD_METHOD` hit path: the common answers (no
/// instance dict, or a dict of the recorded shape) inline, the lookup out of line.
#[inline(always)]
pub(super) fn not_shadowed_inline(obj: &Value, name: &Value, absent: ShapeId) -> bool {
    if let Value::Obj(o) = obj {
        match &o.dict {
            None => return true,
            Some(d) => {
                // SAFETY: only the shape word is read while the reference lives
                if let ObjKind::Dict(c) = &d.kind
                    && let Ok(t) = unsafe { c.try_borrow_unguarded() }
                    && t.shape() == absent
                {
                    return true;
                }
            }
        }
    }
    not_shadowed(obj, name, absent)
}

/// True if the instance `obj` has no dict entry `name` (so a class attribute is visible):
/// its dict has shape `absent` (recorded without the name), or a lookup says so.
#[inline(never)]
pub(super) fn not_shadowed(obj: &Value, name: &Value, absent: ShapeId) -> bool {
    match obj {
        Value::Obj(o) => match &o.dict {
            Some(d) => {
                if let ObjKind::Dict(c) = &d.kind
                    && let Ok(t) = c.try_borrow()
                    && t.shape() == absent
                {
                    return true;
                }
                !dict_has(d, name)
            }
            None => true,
        },
        _ => true,
    }
}

/// The value of instance dict `d` at `index`: without looking at the key if the dict has
/// shape `shape`, else if the key there is `name` itself.
#[inline(always)]
pub(super) fn shaped_dict_at(d: &Obj, index: usize, shape: ShapeId, name: &Value) -> Option<Value> {
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    if t.shape() == shape {
        return t.entry(index).map(|(_, v)| v.clone());
    }
    match t.entry(index) {
        Some((k, v)) if same_name(k, name) => Some(v.clone()),
        _ => None,
    }
}

/// As [`shaped_dict_at`], writing the value into `out` (false: `out` untouched).
///
/// The `LOAD_ATTR` hit path writes rather than returns the value: an `Option<Value>`
/// result is built in halves (tag word, payload word) in a stack slot and read back whole,
/// a 16-byte load the CPU cannot forward from the two narrow stores (a stall of ~10
/// cycles on every hit; `perf annotate` showed it as the hottest spot of `bm_richards`).
/// Cloned from its place, the value is copied with one 16-byte load. It writes into the
/// operand-stack slot of the object rather than pushing: a push after a pop is a call of
/// the out-of-line `Vec::push_mut` in the dispatch loop (~20 instructions per hit).
///
/// `out` must hold `Value::None` (the hit paths take the receiver out of the slot first):
/// the write skips the old value's drop (see [`write_into_taken`]). The dict's `RefCell`
/// is read without counting a borrow (no store to its flag and back).
#[inline(always)]
pub(super) fn shaped_dict_into(d: &Obj, index: usize, shape: ShapeId, name: &Value, out: &mut Value) -> bool {
    // SAFETY: the value is cloned at once (a count increment, no code runs)
    let Some(v) = (unsafe { shaped_dict_place(d, index, shape, name) }) else {
        return false;
    };
    write_into_taken(out, v.clone());
    true
}

/// The place of the value that [`shaped_dict_into`] reads (the same checks), for a caller
/// that writes its clone elsewhere (`None`: the checks failed). A reference is one
/// register: nothing is spilled in halves.
///
/// # Safety
///
/// The dict's `RefCell` is read without counting a borrow: the caller must be done with
/// the reference (typically, have cloned the value) before anything can mutate the dict
/// (no Python code, no dict operation in between).
#[inline(always)]
pub(super) unsafe fn shaped_dict_place<'a>(
    d: &'a Obj,
    index: usize,
    shape: ShapeId,
    name: &Value,
) -> Option<&'a Value> {
    let ObjKind::Dict(c) = &d.kind else { return None };
    // SAFETY: the caller's contract (the reference is used before any mutation); a dict
    // being mutated (flag set) is refused here as `try_borrow` would.
    let t = unsafe { c.try_borrow_unguarded() }.ok()?;
    match t.entry(index) {
        Some((k, v)) if t.shape() == shape || same_name(k, name) => Some(v),
        _ => None,
    }
}

/// Writes `v` into `out`, an operand-stack slot whose value was taken out (it holds
/// `Value::None`), without dropping what was there: a plain `*out = v` does not know the
/// slot's variant and calls the out-of-line `drop_in_place::<Value>` on every hit
/// (callgrind, bm_deltablue `--loops 5`: ~680K calls from the `LOAD_ATTR` hits). Forgetting a `None`
/// leaks nothing; were `out` something else, a reference would leak (never undefined
/// behaviour), which the debug assertion catches in the dev profile.
#[inline(always)]
pub(super) fn write_into_taken(out: &mut Value, v: Value) {
    debug_assert!(matches!(out, Value::None), "write_into_taken: the slot was not taken");
    std::mem::forget(std::mem::replace(out, v));
}

/// Drops `v` with the reference-count decrement inline: a plain drop of a `Value` of
/// unknown variant is a call of the out-of-line `drop_in_place::<Value>` (the
/// `STORE_ATTR` hit paths' replaced value). Only a count reaching zero calls out.
#[inline(always)]
pub(super) fn drop_inline(v: Value) {
    if let Value::Obj(o) = v {
        drop(o);
    }
}

/// The shape of the instance dict of `obj` ([`ShapeId::UNSHAPED`] if it has none).
pub(super) fn instance_shape(obj: &Value) -> ShapeId {
    match obj {
        Value::Obj(o) => match o.dict.as_ref().map(|d| &d.kind) {
            Some(ObjKind::Dict(c)) => c.try_borrow().map(|t| t.shape()).unwrap_or(ShapeId::UNSHAPED),
            _ => ShapeId::UNSHAPED,
        },
        _ => ShapeId::UNSHAPED,
    }
}

/// The shape to record for "`name` is not in the instance dict of `obj`":
/// [`ShapeId::NEVER`] if it is there or the dict is unshaped.
pub(super) fn absent_shape(obj: &Value, name: &Value) -> ShapeId {
    match obj {
        Value::Obj(o) => match &o.dict {
            Some(d) if dict_has(d, name) => ShapeId::NEVER,
            Some(_) => instance_shape(obj).for_cache(),
            None => ShapeId::NEVER,
        },
        _ => ShapeId::NEVER,
    }
}

/// The case for an attribute in instance dict `d`: its position (for an unshaped dict,
/// only if the key stored is the name object itself) and the dict's shape.
pub(super) fn instance_dict_case(d: &Obj, name: &Value) -> How {
    let ObjKind::Dict(c) = &d.kind else {
        return How::InstanceDict {
            index: usize::MAX,
            shape: ShapeId::NEVER,
        };
    };
    let (pos, shape) = match c.try_borrow() {
        Ok(t) => (t.find_name(str_value_hash(name), name), t.shape()),
        Err(_) => (None, ShapeId::UNSHAPED),
    };
    let index = if shape.is_shaped() { pos } else { identical_pos(d, name) };
    How::InstanceDict {
        index: index.unwrap_or(usize::MAX),
        shape: shape.for_cache(),
    }
}

/// A module attribute through a `ModuleAttr` entry: `o` must be a module whose dict is
/// `dict` with the interned `name` still at `index`.
#[inline]
pub(super) fn module_attr_hit(o: &Obj, dict: &Weak<Object>, index: usize, name: &Value) -> Option<Value> {
    if !matches!(o.kind, ObjKind::Module) {
        return None;
    }
    let d = o.dict.as_ref()?;
    if !same(dict, d) {
        return None;
    }
    dict_at(d, index, name)
}

/// The receiver for a `SuperMethod` entry's function when `o` is an exact `super` object
/// (class `super_t`) with the entry's `this` and `start` classes, `start` still at
/// `version`, and an instance (not `start` itself) as its object.
#[inline(always)]
pub(super) fn super_receiver(
    o: &Obj,
    this: &Weak<Object>,
    start: &Weak<Object>,
    version: u32,
    super_t: &Obj,
) -> Option<Value> {
    let ObjKind::Super { this: t, obj, start: s } = &o.kind else {
        return None;
    };
    if !(same(this, t) && same(start, s) && o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, super_t))) {
        return None;
    }
    if !matches!(&s.kind, ObjKind::Type(td) if td.version.get() == version) {
        return None;
    }
    if matches!(obj, Value::Obj(x) if Rc::ptr_eq(x, s)) {
        return None;
    }
    Some(obj.clone())
}

/// True if `o` is the class `ty` at version `version`.
#[inline]
pub(super) fn type_attr_hit(o: &Obj, ty: &Weak<Object>, version: u32) -> bool {
    same(ty, o) && matches!(&o.kind, ObjKind::Type(td) if td.version.get() == version)
}

/// [`type_attr_hit`] for a `TypeAttr` entry's `value`, which must also still be a plain
/// value ([`obj_still_plain`]).
#[inline(always)]
pub(super) fn type_value_hit(o: &Obj, ty: &Weak<Object>, version: u32, value: &Value) -> bool {
    type_attr_hit(o, ty, version) && (!matches!(value, Value::Obj(v) if !obj_still_plain(v)))
}

/// False for an instance of a Python class (a class attribute cached by
/// `Vm::type_attr_entry` when its class had no `__get__`) whose class's remembered facts
/// ([`Vm::class_facts`]) are not those of its current version tag or include a `__get__`
/// (adding one to the class or a base bumps the tag): the generic read then calls
/// `__get__` (`Vm::type_get_attr`). True for any other object (the cached kinds that are
/// not instances never become descriptors).
#[inline(always)]
pub(super) fn obj_still_plain(v: &Obj) -> bool {
    if !matches!(v.kind, ObjKind::Instance(_)) {
        return true;
    }
    match v.class.as_ref().map(|c| &c.kind) {
        Some(ObjKind::Type(td)) => {
            matches!(td.facts.get(), Some((ver, f)) if ver == td.version.get() && f & crate::vm::Vm::FACT_NO_GET != 0)
        }
        _ => false,
    }
}

/// Plain class attributes that are not descriptors and whose reads never run code.
pub(super) fn is_plain_class_value(v: &Value) -> bool {
    match v {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => true,
        Value::Obj(o) => matches!(
            o.kind,
            ObjKind::Str(_) | ObjKind::Int(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_)
        ),
    }
}

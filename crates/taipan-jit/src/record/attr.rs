//! Instance attributes and method calls: `LOAD_ATTR`, `LOAD_METHOD` and `STORE_ATTR` on an
//! instance of a plain class (`docs/jit.md`, "Instance attributes").
//!
//! The interpreter says where the attribute is ([`Observe::attr`], from the same probing as
//! its inline caches, CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE` / `LOAD_ATTR_SLOT` /
//! `LOAD_METHOD_WITH_VALUES` idea) and pins the class's version tag: a trace runs no Python
//! code, so a class can only change between two entries of the trace, where the pin is
//! checked (any change of a class or of a base bumps the tag; a data descriptor, a
//! `__getattribute__` or `__setattr__` added since fails it). The object's own class is
//! checked in the trace, by its class word:
//! - `@attr_addr(obj, cls, shape, pos) -> ptr`: the address of the 16-byte value of entry
//!   `pos` of `obj`'s instance dict when `obj`'s class word is `cls` and its dict has shape
//!   `shape`, or of `__slots__` slot `pos` when `shape` is 0; 0 otherwise (another class,
//!   another shape, no such slot). The recorder guards it non-zero, then reads the value as
//!   a list element (`load_tag_at addr, 0` behind `guard_tag` on the observed type, then the
//!   payload). Declared `pure`: a trace never adds or removes keys, so the address is the
//!   same for a whole run, and `peel` + `cse` hoist it for a loop-invariant object; the
//!   loads themselves are `reads` and stay in place relative to the stores.
//! - `@attr_slots(obj, cls, n) -> ptr`: for `__slots__` attributes, the address of the
//!   first of `obj`'s `n` slots when its class word is `cls` (and it has `n` slots), else
//!   0: slots are 16-byte values in a row, so slot `pos` is read as element `pos` of it
//!   (`load_tag_at slots, pos`), and all the slots of one object share one call.
//! - `@attr_absent(obj, cls, absent) -> i64`: 1 when `obj`'s class word is `cls` and its
//!   dict has shape `absent` (a shape without the name), or it has no dict when `absent`
//!   is 0: a class attribute (a method, a plain value) is then not shadowed.
//!
//! `LOAD_METHOD` of a plain Python function found on the class pushes the function as a
//! known object (kept alive by the class, which the version pin keeps unchanged) and the
//! receiver; the `CALL_METHOD` that follows inlines it with the receiver as the first
//! argument (`call.rs`). `LOAD_ATTR` of a None/bool/int/float class attribute pushes it as a
//! constant.
//!
//! **Stores** (`STORE_ATTR` of None/bool/int/float over an attribute holding one of those):
//! in the trace's own frame, `guard_true tag < obj` on the old value and an inline
//! `store_*_at addr, 0` (the old value is no object, so the store frees nothing, as for a
//! list element). Inside an inlined call an exit redoes the whole call (`call.rs`), so a
//! store made there must not have happened yet at any exit: it is kept *pending* in the
//! recorder, and its memory write is emitted when the outermost inlined call returns (after
//! which no exit can redo it). While pending, a load of the same attribute (same class,
//! shape and position) of the same object value reads the pending value; of another object
//! value it first guards the two objects different (`ptr_eq` false: exit and redo the call
//! when they are the same object); a store to the same attribute of another object value
//! guards the same. Other attributes never share memory with a pending one.
//!
//! **Object stores** (an object, or None over an attribute observed holding an object):
//! `@store_val(base, index, slot, w) -> i64 writes` (the VM's `jit_helpers.rs`) stores a new
//! counted reference to `w` (None for 0) and keeps the replaced value alive until the run
//! ends, so no word the trace holds is freed under it; no guard on the old value. It answers
//! 0 once the VM's deferred drops are full: the recorder guards that with a snapshot after
//! the store (`docs/jit.md`, "Object stores"). Pending inside an inlined call like scalar
//! stores.
//!
//! Aborts ([`AbortReason::UnsupportedAttr`]): anything the probing does not place, absent
//! attributes (the interpreter raises), unbound slots (loads), a bool/int/float over an object,
//! new attributes (shape transitions), and attributes of objects in function traces (an
//! opaque call runs Python code that may change the dict between two reads).

use crate::ir::{CallEffect, InsnId, Op, Tag, Type};
use crate::record::{Abort, AbortReason, AttrObs, Known, ObjInfo, Observe, Observed, PyVal, Recorder};

/// The attribute address helper (see the module docs).
pub const ATTR_ADDR: &str = "attr_addr";
/// `attr_base(obj: ptr, cls: i64, shape: i64) -> ptr`: the address of the first entry of
/// `obj`'s instance dict when its class word is `cls` and the dict has shape `shape`, else
/// 0; entry `pos`'s value is `ptr_add` `pos * stride + value_offset` from it
/// (`Recorder::set_dict_layout`).
pub const ATTR_BASE: &str = "attr_base";
/// The `__slots__` helper (see the module docs).
pub const ATTR_SLOTS: &str = "attr_slots";
/// The "class attribute not shadowed" helper (see the module docs).
pub const ATTR_ABSENT: &str = "attr_absent";
/// The counted store helper (`store_val(base: ptr, index: i64, slot: i64, w: ptr) -> i64
/// writes`, see the module docs).
pub const STORE_VAL_HELPER: &str = "store_val";

/// Where an attribute is for objects of one class: the class word, the dict's shape (0: a
/// `__slots__` slot, of `nslots`) and the position.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct AttrKey {
    cls: u64,
    pub(crate) shape: u32,
    pub(crate) pos: u32,
    nslots: u32,
}

impl AttrKey {
    /// `__slots__` slot `pos` of `nslots` of instances of class `cls`.
    pub(crate) fn slot(cls: u64, pos: u32, nslots: u32) -> AttrKey {
        AttrKey {
            cls,
            shape: 0,
            pos,
            nslots,
        }
    }

    /// Entry `pos` of the instance dict of shape `shape` of instances of class `cls`.
    pub(crate) fn dict(cls: u64, shape: u32, pos: u32) -> AttrKey {
        AttrKey {
            cls,
            shape,
            pos,
            nslots: 0,
        }
    }
}

/// A store made inside an inlined call, written when the outermost call returns.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pending {
    obj: InsnId,
    key: AttrKey,
    /// The base and the index of the value's slot (`load_tag_at base, index`).
    addr: (InsnId, InsnId),
    val: PyVal,
    /// Written through [`STORE_VAL_HELPER`] (an object, or None over a possible object).
    counted: bool,
}

impl Recorder {
    /// `LOAD_ATTR name` (`method = false`) or `LOAD_METHOD name`: on a module
    /// (`global.rs`), an exact list's `append` (`list.rs`) or an instance (here).
    pub(crate) fn load_attr(&mut self, pc: u32, name: u32, obs: &dyn Observe, method: bool) -> Result<(), Abort> {
        let top = self.peek(0, pc)?;
        if let PyVal::VSuper(..) = top {
            if method {
                return self.super_method(pc, name, obs);
            }
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, "an attribute of super()"));
        }
        // a known class (a pinned global), or its word (a classmethod's `cls`)
        let known = match top {
            PyVal::Known(k) if k.info == ObjInfo::Other => Some(k.key),
            PyVal::Obj(p) => self.known_ptrs.iter().find(|&&(_, id)| id == p).map(|&(k, _)| k),
            _ => None,
        };
        if let Some(key) = known {
            match (obs.attr(), method) {
                (Some(AttrObs::TypeValue { value }), false) => {
                    let v = self.known_val(Known::Scalar(value), pc)?;
                    self.pop(pc)?;
                    self.push(v);
                    return Ok(());
                }
                (Some(AttrObs::TypeFunc { func, bound }), true) => {
                    let second = if bound {
                        PyVal::Obj(self.known_ptr(key, pc, obs)?)
                    } else {
                        match obs.null() {
                            Some(null) => PyVal::Known(null),
                            None => return Err(self.abort(AbortReason::UnsupportedAttr, pc, "no NULL marker")),
                        }
                    };
                    self.pop(pc)?;
                    self.push(PyVal::Known(func));
                    self.push(second);
                    return Ok(());
                }
                _ => {}
            }
        }
        let p = match top {
            PyVal::Obj(p) => p,
            PyVal::Known(k) if k.info == ObjInfo::Other && self.func.is_none() && obs.attr().is_some() => {
                self.known_ptr(k.key, pc, obs)?
            }
            _ => return self.load_module_attr(pc, name, obs, method),
        };
        if method && obs.list_method(name).is_some() {
            return self.load_list_method(pc, name, obs);
        }
        if self.func.is_some() {
            let d = "attribute of an object in a function trace";
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
        }
        let Some(a) = obs.attr() else {
            // (a method the recorder does not know: a call it cannot make)
            let (r, d) = if method {
                (AbortReason::UnsupportedCall, format!("method {name} of an object"))
            } else {
                (
                    AbortReason::UnsupportedAttr,
                    format!("attribute {name}: not placed by the inline caches"),
                )
            };
            return Err(self.abort(r, pc, d));
        };
        match (a, method) {
            (AttrObs::Dict { value, .. } | AttrObs::Slot { value, .. }, false) => {
                let key = attr_key(a).ok_or_else(|| self.abort(AbortReason::Desync, pc, "attr key"))?;
                let v = self.read_attr(pc, p, key, value)?;
                self.pop(pc)?;
                self.push(v);
            }
            (AttrObs::Method { cls, absent, func }, true) => {
                self.guard_not_shadowed(pc, p, cls, absent);
                self.pop(pc)?;
                self.push(PyVal::Known(func));
                // (a known instance becomes its word: the inlined method's `self`)
                self.push(PyVal::Obj(p));
            }
            (AttrObs::ClassValue { cls, absent, value }, false) => {
                let v = self.known_val(Known::Scalar(value), pc)?;
                self.guard_not_shadowed(pc, p, cls, absent);
                self.pop(pc)?;
                self.push(v);
            }
            (a, _) => {
                let d = format!("{a:?} for {}", if method { "LOAD_METHOD" } else { "LOAD_ATTR" });
                return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
            }
        }
        Ok(())
    }

    /// `STORE_ATTR name`: `[value, obj]` over an existing attribute: a None/bool/int/float
    /// value over one of those inline, an object or None over anything through
    /// [`STORE_VAL_HELPER`] (see the module docs).
    pub(crate) fn store_attr(&mut self, pc: u32, name: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let (v, o) = (self.peek(1, pc)?, self.peek(0, pc)?);
        let p = match o {
            PyVal::Obj(p) => p,
            PyVal::Known(k) if k.info == ObjInfo::Other && self.func.is_none() && obs.attr().is_some() => {
                self.known_ptr(k.key, pc, obs)?
            }
            _ => {
                let d = format!("attribute {name} of a {}", o.tag().name());
                return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
            }
        };
        if !matches!(
            v,
            PyVal::None | PyVal::Bool(_) | PyVal::Int(_) | PyVal::Float(_) | PyVal::Obj(_)
        ) {
            let d = "stores a known or virtual object into an attribute (no word for it)";
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
        }
        if self.func.is_some() {
            let d = "attribute of an object in a function trace";
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
        }
        let Some(a) = obs.attr() else {
            let d = format!("attribute {name}: store not placed by the inline caches");
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
        };
        if let Some(k) = self.fresh_private(p) {
            // an instance the trace made (`alloc.rs`)
            return self.store_fresh(pc, k, p, v, a);
        }
        let (AttrObs::Dict { value: old, .. } | AttrObs::Slot { value: old, .. }) = a else {
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, format!("store to {a:?}")));
        };
        let scalar_old = matches!(
            old,
            Observed::None | Observed::Bool(_) | Observed::Int(_) | Observed::Float(_)
        );
        // a counted store: an object, or None over what may be an object
        let counted = matches!(v, PyVal::Obj(_)) || (v == PyVal::None && !scalar_old);
        if !counted && !scalar_old {
            let d = format!("STORE_ATTR of a {} over {old:?}", v.tag().name());
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
        }
        let key = attr_key(a).ok_or_else(|| self.abort(AbortReason::Desync, pc, "attr key"))?;
        let s = self.snap(pc);
        self.guard_unaliased(p, key, s);
        let addr = self.attr_addr(p, key, s);
        if !counted {
            let tag = self.b.binary(Op::LoadTagAt, addr.0, addr.1);
            let obj = self.b.const_i64(Tag::Obj.word());
            let scalar = self.b.binary(Op::IntLt, tag, obj);
            self.guard(true, scalar, s);
        }
        // (after an opaque call inside the inlined call exits resume mid-callee, after
        // the store: it happens now, `mframe.rs`)
        let pending = !self.inl.is_empty() && !self.mframe;
        if pending {
            self.pending.retain(|q| !(q.obj == p && q.key == key));
            self.pending.push(Pending {
                obj: p,
                key,
                addr,
                val: v,
                counted,
            });
        }
        if matches!(v, PyVal::Obj(_)) {
            self.fresh_stored_object(p);
        }
        self.fresh_forget(p);
        self.pop(pc)?;
        self.pop(pc)?;
        if !pending {
            if counted {
                let room = self.emit_counted_store(addr, key.shape == 0, v);
                self.guard_room(pc.saturating_add(1), room);
            } else {
                self.emit_attr_store(addr, v);
            }
        }
        Ok(())
    }

    /// The object word of known object `key` (an instance held by a pinned global, such as
    /// bm_richards' `taskWorkArea`) as a constant of the trace, one per object (so a pending
    /// store and a load through it see the same value). The pinned binding keeps the object
    /// alive between entries, and nothing rebinds a global while a trace runs (an opaque
    /// call re-checks the pins after it returns).
    pub(crate) fn known_ptr(&mut self, key: u32, pc: u32, obs: &dyn Observe) -> Result<InsnId, Abort> {
        if let Some(&(_, id)) = self.known_ptrs.iter().find(|(k, _)| *k == key) {
            return Ok(id);
        }
        let Some(w) = obs.known_word(key) else {
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, "a known object without a word"));
        };
        let id = self.b.const_ptr(w);
        self.known_ptrs.push((key, id));
        Ok(id)
    }

    /// Whether a pending store's value is object value `id` (an owned value stays alive
    /// until the store is written).
    pub(crate) fn pending_holds(&self, id: InsnId) -> bool {
        self.pending.iter().any(|q| q.val == PyVal::Obj(id))
    }

    /// After the outermost inlined call returned (its result pushed; the caller resumes at
    /// `ret_pc`): the memory writes of its pending stores.
    pub(crate) fn flush_pending(&mut self, ret_pc: u32) {
        let mut room = None;
        for q in std::mem::take(&mut self.pending) {
            if q.counted {
                room = Some(self.emit_counted_store(q.addr, q.key.shape == 0, q.val));
            } else {
                self.emit_attr_store(q.addr, q.val);
            }
        }
        // (the deferred drops only grow: the last store's answer covers the others)
        if let Some(room) = room {
            self.guard_room(ret_pc, room);
        }
    }

    /// `@store_val(base, index, slot, w)` storing `v` (an object, or None: word 0) into the
    /// value at `(base, index)` (a `__slots__` slot when `slot`); returns the helper's
    /// answer (0: the deferred drops are full).
    pub(crate) fn emit_counted_store(&mut self, (base, index): (InsnId, InsnId), slot: bool, v: PyVal) -> InsnId {
        if let PyVal::Obj(w) = v {
            self.note_stored(w);
        }
        let w = match v {
            PyVal::Obj(w) => w,
            _ => self.b.const_ptr(0),
        };
        let slot = self.b.const_i64(i64::from(slot));
        self.b
            .call(STORE_VAL_HELPER, CallEffect::Writes, &[base, index, slot, w], Type::I64)
    }

    /// Exits (resuming at `next`, the instruction after the store, with the state as now)
    /// when a counted store's answer `room` is 0: the run ends and drops what it deferred.
    pub(crate) fn guard_room(&mut self, next: u32, room: InsnId) {
        let s = self.snap(next);
        let zero = self.b.const_i64(0);
        let ok = self.b.binary(Op::IntNe, room, zero);
        self.guard(true, ok, s);
    }

    /// The value of attribute `key` of object `p` (observed as `o`): a pending store's
    /// value, or a load behind the class/shape and type guards.
    fn read_attr(&mut self, pc: u32, p: InsnId, key: AttrKey, o: Observed) -> Result<PyVal, Abort> {
        if o == Observed::Unbound {
            return Err(self.abort(AbortReason::UnsupportedAttr, pc, "unbound slot"));
        }
        if let Some(v) = self.fresh_field(p, key.shape == 0, key.pos) {
            // (a number the trace stored into an instance it made: `alloc.rs`)
            self.check(v, o, pc)?;
            return Ok(v);
        }
        let s = self.snap(pc);
        self.guard_unaliased(p, key, s);
        if let Some(q) = self.pending.iter().find(|q| q.obj == p && q.key == key) {
            let v = q.val;
            self.check(v, o, pc)?;
            return Ok(v);
        }
        let (base, index) = self.attr_addr(p, key, s);
        self.load_item(base, index, o, s, pc)
    }

    /// Guards `p` to be none of the other objects with a pending store to `key`.
    fn guard_unaliased(&mut self, p: InsnId, key: AttrKey, s: crate::ir::SnapId) {
        let others: Vec<InsnId> = self
            .pending
            .iter()
            .filter(|q| q.key == key && q.obj != p)
            .map(|q| q.obj)
            .collect();
        for q in others {
            let same = self.b.binary(Op::PtrEq, p, q);
            self.guard(false, same, s);
        }
    }

    /// Where attribute `key` of `p` is, as (base, index) for `load_tag_at`: `@attr_addr(p,
    /// key)` and 0, or for a slot `@attr_slots(p, cls, n)` and the slot's index; the helper's
    /// result guarded non-zero through `s`.
    pub(crate) fn attr_addr(&mut self, p: InsnId, key: AttrKey, s: crate::ir::SnapId) -> (InsnId, InsnId) {
        let cls = self.b.const_i64(key.cls as i64);
        let pos = self.b.const_i64(i64::from(key.pos));
        let (base, index) = if key.shape == 0 {
            let n = self.b.const_i64(i64::from(key.nslots));
            let eff = self.read_effect();
            let base = self.b.call(ATTR_SLOTS, eff, &[p, cls, n], Type::Ptr);
            (base, pos)
        } else if let Some((stride, value_off)) = self.dict_layout {
            // (one `@attr_base` per object and shape: CSE shares it between attributes)
            let shape = self.b.const_i64(i64::from(key.shape));
            let eff = self.read_effect();
            let base = self.b.call(ATTR_BASE, eff, &[p, cls, shape], Type::Ptr);
            let null = self.b.const_ptr(0);
            let none = self.b.binary(Op::PtrEq, base, null);
            self.guard(false, none, s);
            let off = i64::from(key.pos) * i64::from(stride) + i64::from(value_off);
            let addr = self.b.op(Op::PtrAdd, &[base], crate::ir::Imm::Int(off), None);
            return (addr, self.b.const_i64(0));
        } else {
            let shape = self.b.const_i64(i64::from(key.shape));
            let eff = self.read_effect();
            let addr = self.b.call(ATTR_ADDR, eff, &[p, cls, shape, pos], Type::Ptr);
            (addr, self.b.const_i64(0))
        };
        let null = self.b.const_ptr(0);
        let none = self.b.binary(Op::PtrEq, base, null);
        self.guard(false, none, s);
        (base, index)
    }

    /// Guards that `p`'s class word is `cls` and its dict has shape `absent` (no dict: 0).
    pub(crate) fn guard_not_shadowed(&mut self, pc: u32, p: InsnId, cls: u64, absent: u32) {
        if self.fresh_unshadowed(p, cls, absent) {
            return;
        }
        let s = self.snap(pc);
        let c = self.b.const_i64(cls as i64);
        let a = self.b.const_i64(i64::from(absent));
        let eff = self.read_effect();
        let ok = self.b.call(ATTR_ABSENT, eff, &[p, c, a], Type::I64);
        let zero = self.b.const_i64(0);
        let yes = self.b.binary(Op::IntNe, ok, zero);
        self.guard(true, yes, s);
    }

    /// The inline store of scalar `v` into the attribute at `(addr, zero)` (base, index).
    pub(crate) fn emit_attr_store(&mut self, (addr, zero): (InsnId, InsnId), v: PyVal) {
        let none = crate::ir::Imm::None;
        match v {
            PyVal::Bool(x) => self.b.op(Op::StoreBoolAt, &[addr, zero, x], none, None),
            PyVal::Int(x) => self.b.op(Op::StoreIntAt, &[addr, zero, x], none, None),
            PyVal::Float(x) => self.b.op(Op::StoreFloatAt, &[addr, zero, x], none, None),
            _ => self.b.binary(Op::StoreNoneAt, addr, zero),
        };
    }
}

/// The key of a dict or slot attribute.
fn attr_key(a: AttrObs) -> Option<AttrKey> {
    match a {
        AttrObs::Dict { cls, shape, pos, .. } if shape != 0 => Some(AttrKey {
            cls,
            shape,
            pos,
            nslots: 0,
        }),
        AttrObs::Slot { cls, pos, nslots, .. } if pos < nslots => Some(AttrKey {
            cls,
            shape: 0,
            pos,
            nslots,
        }),
        _ => None,
    }
}

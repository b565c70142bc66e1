//! Instances made in loop traces: a call of a plain class with a Python `__init__`
//! (issue 5, "Allocation in traces"; `docs/jit.md`, "Instances made in traces").
//!
//! `[cls, a1..an] CALL n` where `cls` is a known class (a pinned global) and the
//! interpreter answers [`Observe::init_target`] (a heap class whose metaclass is `type`,
//! with `object.__new__` and `object.__setattr__`, and a plain Python `__init__` taking the
//! instance and exactly the `n` arguments; its version tag pinned) is recorded as
//! - `%o = call @new_instance(area, cls, layout) -> own ptr writes`: a bare instance of
//!   the class as `object.__new__` makes it (CPython `object_new`; an empty shaped
//!   `__dict__` when instances have one, every `__slots__` slot unbound), a new reference
//!   the trace owns; `layout` is the dict's presized capacity (bits 0..8), whether there is
//!   a dict (bit 8) and the number of slots (bits 16..);
//! - `__init__` inlined (`call.rs`) with `%o` as its first argument; its return pushes
//!   `%o` instead of `__init__`'s None (a return of anything else aborts: the interpreter
//!   raises `TypeError`), as the interpreter's `init_call` frames do.
//!
//! Every exit inside the inlined `__init__` resumes at the outermost inlined call, with
//! its operands on the stack, and drops `%o` (listed in the snapshot's `release` list):
//! the interpreter redoes the call and makes its own instance. The exit snapshot of an
//! outermost inlined call is derived again ([`Recorder::resnap_outer`]) whenever the set
//! of owned values changed since it was made (an instance made, or released, inside the
//! call).
//!
//! # Stores into a fresh instance
//! A *fresh* instance is one the trace made; while it is private to the code being
//! recorded (made inside the current outermost inlined call: `__init__` is one itself),
//! `STORE_ATTR` on it is written at once (never pending: an exit inside the call drops the
//! instance, so nothing can observe the store) and
//! - into an unbound `__slots__` slot needs no guard on the old value (there is none);
//! - of a name its dict does not have ([`AttrObs::DictAdd`]) appends the key:
//!   `%a = call @attr_add(obj, name, before, after) -> ptr writes` inserts `name` with the
//!   value None, moving the dict from shape `before` (the one the recorder tracks) to
//!   `after`, and returns the
//!   new value's address (0 when the dict is not at the expected shape: guarded, the exit
//!   redoes the call); the value is then stored there as into any attribute. The dict
//!   never has to grow while `__init__` runs when the helper presized it.
//!
//! Opaque calls are not made inside an inlined `__init__` (an exit after one would have
//! to rebuild the interpreter's `init_call` frame: not built), so `__init__` must inline
//! entirely. A recording that aborts while an `__init__` is open makes the VM give up
//! inlining that `__init__` ([`Recorder::init_call_fn`]): later recordings make the call
//! opaquely, as before.

use crate::ir::{CallEffect, InsnId, Op, SnapId, Type};
use crate::record::{Abort, AbortReason, AttrObs, InitTarget, Observed, PyVal, Recorder};

/// `new_instance(area: ptr, cls: ptr, layout: i64) -> own ptr writes` (see the module
/// docs).
pub const NEW_INSTANCE_HELPER: &str = "new_instance";
/// `attr_add(obj: ptr, name: ptr, before: i64, after: i64) -> ptr writes` (see the module
/// docs).
pub const ATTR_ADD_HELPER: &str = "attr_add";

/// An instance the trace made.
#[derive(Clone, Debug)]
pub(crate) struct Fresh {
    /// Its object word.
    pub(crate) obj: InsnId,
    /// Its class's word.
    pub(crate) cls: u64,
    /// Its dict's shape as the trace's stores left it (0: no dict).
    pub(crate) shape: u32,
    /// The trace stored an object into it: releasing it may then free other objects
    /// (Python code an opaque call runs can reach it only once it escaped:
    /// [`Recorder::escaped`]).
    pub(crate) objects: bool,
    /// The keys its dict has (the next one appended is entry `keys`).
    pub(crate) keys: u32,
    /// The numbers (and None) the trace stored into it: (a slot?, position, value).
    pub(crate) fields: Vec<(bool, u32, PyVal)>,
    /// Made inside outermost inlined call number `outer` ([`Recorder`]'s `outer_calls`:
    /// `__init__` is always an inlined call).
    pub(crate) outer: u32,
}

/// The shape of an empty instance dict (the VM's `ShapeId::EMPTY`).
const EMPTY_SHAPE: u32 = 1;

impl Recorder {
    /// `[cls, a1..an] CALL n` of a plain class (see the module docs); returns the index
    /// the recording continues at (`__init__`'s first).
    pub(crate) fn init_call(&mut self, pc: u32, n: usize, t: InitTarget) -> Result<u32, Abort> {
        if self.inl.len() >= self.max_inline as usize {
            let d = format!("inlining deeper than {}", self.max_inline);
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        if self.area == 0 || self.func.is_some() {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "a class call without the call area"));
        }
        let area = self.area_ptr();
        let cls = self.b.const_ptr(t.cls);
        let layout = t.presize.clamp(0, 255) | i64::from(t.has_dict) << 8 | i64::from(t.nslots) << 16;
        let layout = self.b.const_i64(layout);
        let obj = self.b.call_owned(NEW_INSTANCE_HELPER, &[area, cls, layout]);
        self.owned.push(obj);
        // (exits inside `__init__` resume at the call and drop the instance)
        let snap = if self.inl.is_empty() { Some(self.snap(pc)) } else { None };
        // `[cls, args]` -> `[cls, obj, args]`: `__init__`'s arguments
        let at = self.stack.len().checked_sub(n).ok_or_else(|| self.below(n, pc))?;
        self.stack.insert(at, PyVal::Obj(obj));
        let next = self.inline_with(pc, n + 1, 0, t.code, None, t.init.key, snap)?;
        if let Some(i) = self.inl.last_mut() {
            i.init = Some(obj);
        }
        let shape = if t.has_dict { EMPTY_SHAPE } else { 0 };
        self.fresh.push(Fresh {
            obj,
            cls: t.cls,
            shape,
            objects: false,
            keys: 0,
            fields: Vec::new(),
            outer: self.outer_calls,
        });
        Ok(next)
    }

    /// Whether `STORE_ATTR` on `p` takes the fresh-instance path (see the module docs).
    pub(crate) fn fresh_private(&self, p: InsnId) -> Option<usize> {
        let k = self.fresh.iter().position(|f| f.obj == p)?;
        let f = self.fresh.get(k)?;
        (!self.inl.is_empty() && f.outer == self.outer_calls).then_some(k)
    }

    /// `STORE_ATTR` of `v` on fresh instance `fresh[k]` (word `p`), attribute `a` as the
    /// interpreter placed it (see the module docs).
    pub(crate) fn store_fresh(&mut self, pc: u32, k: usize, p: InsnId, v: PyVal, a: AttrObs) -> Result<(), Abort> {
        let s = self.snap(pc);
        let mut pos_of = 0u32;
        let (addr, slot) = match a {
            AttrObs::Slot {
                cls,
                pos,
                nslots,
                value,
            } if pos < nslots => {
                let key = super::attr::AttrKey::slot(cls, pos, nslots);
                let addr = self.attr_addr(p, key, s);
                pos_of = pos;
                if !matches!(
                    value,
                    Observed::Unbound | Observed::None | Observed::Bool(_) | Observed::Int(_) | Observed::Float(_)
                ) && !matches!(v, PyVal::Obj(_) | PyVal::None)
                {
                    // (a scalar over an object the trace stored: the old value must be dropped)
                    let d = format!("STORE_ATTR of a {} over {value:?}", v.tag().name());
                    return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
                }
                (addr, true)
            }
            AttrObs::DictAdd {
                before, after, name, ..
            } => {
                let shape = self.fresh.get(k).map_or(0, |f| f.shape);
                if shape != before {
                    let d = format!("a fresh instance's dict at shape {shape}, observed {before}");
                    return Err(self.abort(AbortReason::Desync, pc, d));
                }
                let name = self.b.const_ptr(name);
                let before_c = self.b.const_i64(i64::from(before));
                let after_c = self.b.const_i64(i64::from(after));
                let args = [p, name, before_c, after_c];
                let a = self.b.call(ATTR_ADD_HELPER, CallEffect::Writes, &args, Type::Ptr);
                let null = self.b.const_ptr(0);
                let none = self.b.binary(Op::PtrEq, a, null);
                self.guard(false, none, s);
                if let Some(f) = self.fresh.get_mut(k) {
                    f.shape = after;
                    pos_of = f.keys;
                    f.keys = f.keys.saturating_add(1);
                }
                ((a, self.b.const_i64(0)), false)
            }
            AttrObs::Dict { cls, shape, pos, value } if shape != 0 => {
                if value == Observed::Obj && !matches!(v, PyVal::Obj(_) | PyVal::None) {
                    let d = format!("STORE_ATTR of a {} over an object", v.tag().name());
                    return Err(self.abort(AbortReason::UnsupportedAttr, pc, d));
                }
                let key = super::attr::AttrKey::dict(cls, shape, pos);
                pos_of = pos;
                (self.attr_addr(p, key, s), false)
            }
            other => return Err(self.abort(AbortReason::UnsupportedAttr, pc, format!("store to {other:?}"))),
        };
        self.pop(pc)?;
        self.pop(pc)?;
        if matches!(v, PyVal::Obj(_)) {
            self.fresh_stored_object(p);
        }
        if let Some(f) = self.fresh.get_mut(k) {
            f.fields.retain(|&(sl, ps, _)| (sl, ps) != (slot, pos_of));
            if !matches!(v, PyVal::Obj(_)) {
                f.fields.push((slot, pos_of, v));
            }
        }
        match v {
            PyVal::Obj(_) | PyVal::None => {
                // (a counted store: the old value, if an object, is dropped when the run ends)
                let room = self.emit_counted_store(addr, slot, v);
                self.guard_room(pc.saturating_add(1), room);
            }
            _ => self.emit_attr_store(addr, v),
        }
        Ok(())
    }

    /// Notes that a container took a counted reference to object value `w` (a counted
    /// store, an append): the container keeps it alive for the rest of the run (a replaced
    /// value's drop is deferred to the run's end), so releasing the trace's own count frees
    /// nothing.
    pub(crate) fn note_stored(&mut self, w: InsnId) {
        if self.owned.contains(&w) && !self.stored.contains(&w) {
            self.stored.push(w);
        }
    }

    /// Notes that an object was stored into `p` if it is an instance the trace made.
    pub(crate) fn fresh_stored_object(&mut self, p: InsnId) {
        for f in self.fresh.iter_mut().filter(|f| f.obj == p) {
            f.objects = true;
        }
    }

    /// The number (or None) the trace last stored into attribute (`slot`, `pos`) of
    /// instance `p` it made, while nothing else can have changed it (`p` never left the
    /// recorded state: [`Recorder::escaped`]).
    pub(crate) fn fresh_field(&self, p: InsnId, slot: bool, pos: u32) -> Option<PyVal> {
        let f = self.fresh.iter().find(|f| f.obj == p)?;
        let v = f.fields.iter().find(|&&(sl, ps, _)| (sl, ps) == (slot, pos))?.2;
        (!self.escaped(p)).then_some(v)
    }

    /// Whether `p` is an instance the trace made, of class `cls`, whose dict is at shape
    /// `absent` (0: it has none) and that nothing else can have changed: a class attribute
    /// is then not shadowed, without a guard (`attr.rs`, methods of a fresh instance).
    pub(crate) fn fresh_unshadowed(&self, p: InsnId, cls: u64, absent: u32) -> bool {
        self.fresh
            .iter()
            .any(|f| f.obj == p && f.cls == cls && f.shape == absent)
            && !self.escaped(p)
    }

    /// Forgets the stored fields of `p` (a store the fresh-instance path did not make).
    pub(crate) fn fresh_forget(&mut self, p: InsnId) {
        for f in self.fresh.iter_mut().filter(|f| f.obj == p) {
            f.fields.clear();
        }
    }

    /// Whether `id` is an instance the trace made that holds no object (only numbers and
    /// None were stored into it): dropping it frees nothing but itself and its dict.
    pub(crate) fn fresh_scalars_only(&self, id: InsnId) -> bool {
        self.stored.contains(&id) || (self.fresh.iter().any(|f| f.obj == id && !f.objects) && !self.escaped(id))
    }

    /// Whether object value `id` may be referred to from elsewhere than the recorder's
    /// state: an instruction other than its own attribute helpers, a comparison or a count
    /// change uses it (a store of its word into a list, an attribute, the call area).
    fn escaped(&self, id: InsnId) -> bool {
        const OWN: [&str; 6] = [
            ATTR_ADD_HELPER,
            super::ATTR_ADDR,
            super::ATTR_BASE,
            super::ATTR_SLOTS,
            super::ATTR_ABSENT,
            super::OBJ_CLASS_HELPER,
        ];
        self.b.func().insns.iter().any(|i| {
            let Some(k) = i.args.iter().position(|&a| a == id) else {
                return false;
            };
            let own = match (&i.op, &i.imm) {
                (Op::Call, crate::ir::Imm::Call(c)) => k == 0 && OWN.contains(&c.name.as_str()),
                (Op::PtrEq | Op::ObjRelease | Op::ObjIncref, _) => true,
                _ => false,
            };
            !own
        })
    }

    /// Makes the exit snapshot of the outermost inlined call again, for the owned values
    /// held now: the same resume point and entries, a `release` list of every owned value
    /// they do not list (see the module docs).
    pub(crate) fn resnap_outer(&mut self) -> SnapId {
        let Some(s) = self.inl.first().map(|i| i.snap) else {
            return SnapId(0);
        };
        let (pc, entries) = match self.b.func().snaps.get(s.index()) {
            Some(old) => (old.pc, old.entries.clone()),
            None => return s,
        };
        let release: Vec<InsnId> = self
            .owned
            .iter()
            .copied()
            .filter(|&id| !entries.iter().any(|e| e.val == crate::ir::SnapVal::Value(id)))
            .collect();
        let ns = self.b.snapshot_release(pc, entries, release);
        if let Some(i) = self.inl.first_mut() {
            i.snap = ns;
        }
        self.inl_snap_owned = self.owned.clone();
        ns
    }

    /// Whether an owned value may be released inside the current inlined call without an
    /// exit redoing the call from a state that still lists it: true when the outermost
    /// call's snapshot entries do not list `id` (it is then in the `release` list, which
    /// [`Recorder::resnap_outer`] derives again).
    pub(crate) fn releasable_inside(&self, id: InsnId) -> bool {
        let Some(s) = self.inl.first().map(|i| i.snap) else {
            return true;
        };
        self.b
            .func()
            .snaps
            .get(s.index())
            .is_some_and(|old| !old.entries.iter().any(|e| e.val == crate::ir::SnapVal::Value(id)))
    }

    /// The known object number of the outermost inlined `__init__` still open (a recording
    /// that aborts then makes the VM give up inlining it; see the module docs).
    pub fn init_call_fn(&self) -> Option<u32> {
        self.inl.iter().find(|i| i.init.is_some()).map(|i| i.func)
    }
}

// Owned phis: locals that carry an owned value across the back edge.
impl Recorder {
    /// Makes the trace own the loop-entry values of the locals in `mask` (bit `n`: local
    /// `n`), so each can be carried across the back edge by an owned phi (see "Owned
    /// phis" in the module docs). The VM sets it when it records a loop again after
    /// [`Recorder::owned_locals_hint`] named such locals.
    pub fn set_owned_locals(&mut self, mask: u64) {
        self.owned_locals = mask;
    }

    /// Whether the trace owns local `n`'s loop-entry value (a root loop trace only).
    pub(crate) fn owns_entry(&self, n: u32) -> bool {
        n < 64 && self.owned_locals & (1 << n) != 0 && self.side.is_none() && self.func.is_none()
    }

    /// After an [`AbortReason::OwnedValue`] at the back edge: the locals (bit `n`: local
    /// `n`) that held an owned value there (0: none, or not that abort). A recording with
    /// [`Recorder::set_owned_locals`] of them may close.
    pub fn owned_locals_hint(&self) -> u64 {
        self.owned_hint
    }

    /// At the back edge of a loop trace: every owned value still live must be the value of
    /// exactly one assigned local whose entry value the trace owns (it moves into that
    /// local's owned phi), and nothing else may hold it; otherwise the recording aborts
    /// with [`AbortReason::OwnedValue`], naming the locals that held owned values
    /// ([`Recorder::owned_locals_hint`]).
    pub(crate) fn check_owned_back_edge(&mut self, pc: u32) -> Result<(), Abort> {
        let mut hint = 0u64;
        let mut ok = true;
        for &id in &self.owned {
            let holders: Vec<usize> = self
                .locals
                .iter()
                .enumerate()
                .filter(|(_, v)| **v == Some(PyVal::Obj(id)))
                .map(|(n, _)| n)
                .collect();
            // (each holder's phi gets a count of its own: `close.rs`)
            let carried = !holders.is_empty()
                && holders.iter().all(|&n| {
                    self.written.get(n).copied().unwrap_or(false)
                        && self.owned_entries.iter().any(|&(l, _)| l as usize == n)
                });
            if !carried {
                ok = false;
                for n in holders.into_iter().filter(|&n| n < 64) {
                    hint |= 1 << n;
                }
            }
        }
        if ok {
            return Ok(());
        }
        self.owned_hint = hint;
        let d = format!("owned values live at the back edge in locals {hint:#x} (no owned phi for them)");
        Err(self.abort(AbortReason::OwnedValue, pc, d))
    }
}

/// `new_tuple(area: ptr, n: i64) -> own ptr writes`: a new tuple of the `n` values in the
/// call area's argument slots (see [`Recorder::build_seq`]).
pub const NEW_TUPLE_HELPER: &str = "new_tuple";
/// `new_list(area: ptr, n: i64) -> own ptr writes`: a new list of the `n` values in the call
/// area's argument slots (see [`Recorder::build_seq`]).
pub const NEW_LIST_HELPER: &str = "new_list";

// Tuples and lists made in loop traces.
impl Recorder {
    /// `%t = call @helper(args) -> own ptr writes`, a new object the trace owns (released
    /// once nothing holds it, transferred at exits), guarded non-zero through the snapshot
    /// at `pc` (0: the helper made nothing; the exit redoes the instruction). `leaf`: the
    /// object holds no other object (a str), so releasing it frees nothing else and may
    /// happen while borrowed words are held ([`Recorder::fresh_scalars_only`]).
    pub(crate) fn owned_alloc(&mut self, pc: u32, helper: &str, args: &[InsnId], leaf: bool) -> InsnId {
        let t = self.b.call_owned(helper, args);
        self.owned.push(t);
        if leaf {
            self.stored.push(t);
        }
        let s = self.snap(pc);
        let null = self.b.const_ptr(0);
        let none = self.b.binary(Op::PtrEq, t, null);
        self.guard(false, none, s);
        t
    }

    /// `BUILD_TUPLE n` (`list = false`) or `BUILD_LIST n`: the `n` items (at most
    /// [`super::PY_MAX_ARGS`]; numbers, None and object words — known objects by their
    /// words) are stored into the call area's argument slots as an opaque call's arguments
    /// are, then `%t = call @new_tuple(area, n) -> own ptr writes` (or `@new_list`) makes
    /// the sequence with a new reference to each object item (CPython `BUILD_TUPLE` /
    /// `BUILD_LIST`), owned by the trace like any allocation: released once nothing holds
    /// it, transferred at exits. A loop trace's own frame or inlined calls only (the call
    /// area), never a function trace.
    pub(crate) fn build_seq(&mut self, pc: u32, n: u32, list: bool, obs: &dyn super::Observe) -> Result<(), Abort> {
        if self.area == 0 || self.func.is_some() || n > super::PY_MAX_ARGS {
            let op = if list { "BUILD_LIST" } else { "BUILD_TUPLE" };
            let d = format!(
                "{op} of {n} items without the call area, in a function trace or over {}",
                super::PY_MAX_ARGS
            );
            return Err(self.abort(AbortReason::UnsupportedOpcode, pc, d));
        }
        let mut items = Vec::with_capacity(n as usize);
        for i in (0..n as usize).rev() {
            let v = match self.peek(i, pc)? {
                PyVal::Known(k) => match obs.known_word(k.key) {
                    Some(w) => PyVal::Obj(self.b.const_ptr(w)),
                    None => return Err(self.abort(AbortReason::UnsupportedOperand, pc, "a known item without a word")),
                },
                v => v,
            };
            items.push(v);
        }
        let area = self.area_ptr();
        self.store_call_args(pc, area, super::AREA_ARGS, &items)?;
        let k = self.b.const_i64(i64::from(n));
        let helper = if list { NEW_LIST_HELPER } else { NEW_TUPLE_HELPER };
        // (0: never for the values a trace stores; the exit redoes the instruction)
        let t = self.owned_alloc(pc, helper, &[area, k], false);
        for v in items {
            if let PyVal::Obj(w) = v {
                // (the sequence holds a counted reference for the rest of its life)
                self.note_stored(w);
            }
        }
        for _ in 0..n {
            self.pop(pc)?;
        }
        self.push(PyVal::Obj(t));
        Ok(())
    }
}

//! Lists and tuples: `BINARY_SUBSCR` / `STORE_SUBSCR` with an int index, and `FOR_ITER`
//! over a list or tuple iterator of the entry stack.
//!
//! An object is a `ptr` value, its *object word* (the payload word of a `Value::Obj`; see
//! `docs/jit.md`, "Objects"). A list's or tuple's items are 16-byte slots in the `Value`
//! layout; the trace gets their address and count from runtime helpers (the layout of
//! the VM's object is not fixed), declared `pure`: a trace never resizes a list, so both
//! are invariant for a whole run and the optimizer hoists them out of the loop:
//! - `@list_len(obj) -> i64` / `@tuple_len(obj) -> i64`: the length of an exact list /
//!   tuple, `-1` for anything else (a subclass instance may override `__getitem__`);
//! - `@iter_list_len(obj)` / `@iter_tuple_len(obj)`: the same for any object of that kind
//!   (a list iterator over a subclass instance reads its items directly);
//! - `@list_items(obj) -> ptr` / `@tuple_items(obj) -> ptr`: the address of the first item
//!   of an object of kind `List` / `Tuple` (the VM expands these two, `list_len`,
//!   `tuple_len` and `list_exact` inline as loads at offsets it measured, so a trace's
//!   preamble makes no call for them: `backend::InlineHelper`).
//!
//! `a[i]` (`BINARY_SUBSCR`): `guard_true i >= 0`, `guard_true i < len` (which also fails for
//! a non-list, whose "length" is -1), then `load_tag_at items, i` guarded to the observed
//! element type and the payload loaded inline. Every guard resumes at the subscript with
//! its operands on the stack, so a negative index, an `IndexError`, another container type
//! or another element type is the interpreter's business, exactly. Recording aborts on a
//! negative or out-of-range index now (`UnsupportedOperand`).
//!
//! `a[i] = v` (`STORE_SUBSCR`, lists only, `v` None/bool/int/float): the same bounds
//! guards, then `guard_true tag < obj` on the old element — overwriting a non-object drops
//! nothing, so the store is inline (`store_int_at`, ...). An object `v`, or None over an
//! object, is a counted store (`@store_val`, `attr.rs`): the replaced element stays alive
//! until the run ends, so the trace still frees no object while it runs, which keeps every
//! object word it holds valid (the VM's `jit_helpers.rs`). Recording aborts on a
//! bool/int/float over an object and inside an inlined call (an exit later in the call
//! would redo the store).
//!
//! `FOR_ITER` over a list/tuple iterator `i` of the entry stack: its index is the
//! pseudo-local `nlocals + i` (as a range iterator's `next`), its sequence the object word
//! in the entry buffer's `stop` slot, guarded before the loop together with the kind in the
//! `step` slot (tag None: list, tag bool: tuple). Per iteration: `guard_true index < len`
//! (exhausted: exit at the `FOR_ITER` with the index unchanged, the interpreter ends the
//! loop), the element loaded and guarded as for `a[i]` (same snapshot), pushed, and the
//! index advanced by one (no overflow: it is below a length). (CPython
//! `Objects/listobject.c` `listiter_next`, `Objects/tupleobject.c` `tupleiter_next`.)
//!
//! # Growing lists: `xs.append(v)`
//! Our bytecode calls a method as `[xs] LOAD_METHOD append` → `[list.append, xs]`, then
//! `[list.append, xs, v] CALL_METHOD 1`. `LOAD_METHOD` on an object is recorded when the
//! interpreter observes an exact `list` and names the method ([`Observe::list_method`]):
//! the recorder guards `@list_exact(xs) != 0` (pure: an object's class never changes),
//! exiting at the `LOAD_METHOD` with `xs` on the stack, so a subclass instance (which may
//! override `append`) is the interpreter's; on an exact list the method is always the
//! builtin one (the `list` type is immutable, its instances have no `__dict__`). The method
//! is a known object (restored from the object table at an exit), the receiver its word.
//! `CALL_METHOD 1` then emits `guard_true @list_reserve(xs) != 0` (room for one more item,
//! growing the buffer fallibly; an allocation failure exits at the call and the interpreter
//! raises `MemoryError`) and `@list_push_<kind>(xs, v)` — `writes`, without an exit: it
//! cannot fail once there is room, so the deoptimizer never redoes an append that happened.
//! `v` is None, a bool (as `bool_to_int`), an int, a float or an object (its word: the
//! helper takes a new counted reference; appending drops nothing, so the trace still frees
//! no object). Recording aborts on appending a known object (a global function: no word)
//! and in an inlined call (an exit there redoes the whole call, and with it the append).
//!
//! Appending moves a list's items when it grows, and changes its length: once a trace
//! contains a call declared `writes`, every list read helper of the trace (`list_len`,
//! `iter_list_len`, `list_items`, `obj_len`, [`LIST_READS`]) is declared `reads` instead of
//! `pure` — the ones recorded before it are changed too — so `cse` never merges two of them
//! and `peel` + `cse` never hoist one out of the loop: each access asks the helper again
//! after any append (aliasing is not analyzed; the rule is per trace).
//!
//! `len(x)` (`[len, x] CALL 1`, `x` observed as an exact list, tuple, str or dict,
//! [`Observe::stack_len_of`]): `@obj_len(x)`, `-1` for anything else, guarded `>= 0`
//! (exit at the call: the interpreter calls `len` itself, `__len__` overrides included).

use crate::ir::{CallEffect, InsnId, Op, SnapId, Tag, Type};
use crate::record::{Abort, AbortReason, BASE, Builtin, KnownObj, ObjInfo, Observe, Observed, PyVal, Recorder, SeqObs};

/// The helpers that read a list's length or items: `pure` until the trace mutates a list,
/// then `reads` (see the module docs).
pub(crate) const LIST_READS: [&str; 4] = ["list_len", "iter_list_len", "list_items", "obj_len"];

impl Recorder {
    /// `BINARY_SUBSCR` on a list or tuple with an int index.
    pub(crate) fn binary_subscr(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let (c, k) = (self.peek(1, pc)?, self.peek(0, pc)?);
        let (p, i) = match (c, k) {
            (PyVal::Obj(p), PyVal::Int(i)) => (p, i),
            // a list or tuple held by a pinned global (wordcount's `VOCABULARY[j]`): its
            // word, alive through the pinned binding (`attr.rs`, `known_ptr`)
            (PyVal::Known(o), PyVal::Int(i)) if o.info == ObjInfo::Other => (self.known_ptr(o.key, pc, obs)?, i),
            _ => {
                let d = format!("{}[{}]", c.tag().name(), k.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        let (seq, sub, neg) = self.observed_seq(1, "__getitem__", pc, obs)?;
        let item = self.item_observed(seq, pc)?;
        let s = self.snap(pc);
        let (items, i) = self.bounded_items(p, i, neg, seq.list, s, sub);
        let v = self.load_item(items, i, item, s, pc)?;
        if let (false, PyVal::Obj(w)) = (seq.list, v) {
            self.note_tuple_item(w, p);
        }
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(v);
        Ok(())
    }

    /// `STORE_SUBSCR` into an exact list with an int index: a None/bool/int/float value over
    /// one of those inline, an object or None over anything through `@store_val` (`attr.rs`).
    pub(crate) fn store_subscr(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let (v, c, k) = (self.peek(2, pc)?, self.peek(1, pc)?, self.peek(0, pc)?);
        let (PyVal::Obj(p), PyVal::Int(i)) = (c, k) else {
            let d = format!("{}[{}] = ...", c.tag().name(), k.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        if !self.inl.is_empty() {
            // an exit later in the call redoes the whole call, and with it this store (an
            // `xs[i] = xs[i] + 1` would then count twice)
            let d = "STORE_SUBSCR in an inlined call (an exit there would redo it)";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        let (seq, sub, neg) = self.observed_seq(1, "__setitem__", pc, obs)?;
        if !seq.list {
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, "item assignment to a tuple"));
        }
        let old_obj = matches!(self.item_observed(seq, pc)?, Observed::Obj | Observed::RangeIter { .. });
        // a counted store (`attr.rs`): an object, or None over what may be an object
        let counted = matches!(v, PyVal::Obj(_)) || (v == PyVal::None && old_obj);
        if old_obj && !counted {
            let d = format!("STORE_SUBSCR of a {} over an object", v.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        let s = self.snap(pc);
        let (items, i) = self.bounded_items(p, i, neg, true, s, sub);
        if counted {
            for _ in 0..3 {
                self.pop(pc)?;
            }
            let room = self.emit_counted_store((items, i), false, v);
            self.guard_room(pc.saturating_add(1), room);
            return Ok(());
        }
        let tag = self.b.binary(Op::LoadTagAt, items, i);
        let obj = self.b.const_i64(Tag::Obj.word());
        let scalar = self.b.binary(Op::IntLt, tag, obj);
        self.guard(true, scalar, s);
        match v {
            PyVal::None => self.b.binary(Op::StoreNoneAt, items, i),
            PyVal::Bool(x) => self.b.op(Op::StoreBoolAt, &[items, i, x], crate::ir::Imm::None, None),
            PyVal::Int(x) => self.b.op(Op::StoreIntAt, &[items, i, x], crate::ir::Imm::None, None),
            PyVal::Float(x) => self.b.op(Op::StoreFloatAt, &[items, i, x], crate::ir::Imm::None, None),
            PyVal::Obj(_)
            | PyVal::Known(_)
            | PyVal::VRange(_)
            | PyVal::VIter(_)
            | PyVal::VSeqIter(..)
            | PyVal::VTuple
            | PyVal::VEnum(..)
            | PyVal::VZip(_)
            | PyVal::VSlice(_)
            | PyVal::VSliceOf
            | PyVal::VSuper(..) => {
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, "object store"));
            }
        };
        for _ in 0..3 {
            self.pop(pc)?;
        }
        Ok(())
    }

    /// `FOR_ITER` on entry-stack entry `i` (the top one), a list or tuple iterator observed
    /// at `index` of `seq`; returns the next instruction index.
    pub(crate) fn for_iter_seq(&mut self, pc: u32, arg: u32, i: u32, index: u64, seq: SeqObs) -> Result<u32, Abort> {
        let exhausted = index >= seq.len;
        let item = match seq.item.filter(|_| !exhausted) {
            Some(item) => Some(item),
            None if exhausted && self.is_side() => None,
            None => {
                return Err(self.abort(AbortReason::LoopExhausted, pc, "FOR_ITER: the iterator is exhausted"));
            }
        };
        let slot = self.code.nlocals.saturating_add(i);
        let stop = self.bounds_slot(i, pc)?;
        let start = i64::try_from(index).map_err(|_| self.abort(AbortReason::Desync, pc, "index"))?;
        // The sequence and the iterator's kind, before the loop.
        let from = self.b.next_id();
        let es = self.entry_snapshot();
        let t = self.b.load(Op::LoadTag, BASE, stop);
        self.b.guard_tag(t, Tag::Obj, es);
        let p = self.b.load(Op::LoadPtr, BASE, stop);
        let kt = self.b.load(Op::LoadTag, BASE, stop + 1);
        self.b.guard_tag(kt, if seq.list { Tag::None } else { Tag::Bool }, es);
        self.hoist_from(from);
        let x = self.iter_counter(slot, start, pc)?;
        self.written[slot as usize] = true; // (see `iter.rs`)
        let s = self.snap(pc);
        let name = if seq.list { "iter_list_len" } else { "iter_tuple_len" };
        let len = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
        let more = self.b.binary(Op::IntLt, x, len);
        let Some(item) = item else {
            // a side trace ending the loop (`virtual.rs`)
            self.guard(false, more, s);
            return self.pop_entry(pc, arg);
        };
        self.guard(true, more, s);
        let items_helper = if seq.list { "list_items" } else { "tuple_items" };
        let items = self.b.call(items_helper, self.list_read_effect(), &[p], Type::Ptr);
        let v = self.load_item(items, x, item, s, pc)?;
        let one = self.b.const_i64(1);
        let advanced = self.b.binary(Op::IntAdd, x, one);
        self.locals[slot as usize] = Some(PyVal::Int(advanced));
        self.written[slot as usize] = true;
        self.push(v);
        Ok(pc.saturating_add(1))
    }

    /// The exact list or tuple at stack depth `depth` (the index at depth 0 observed as an
    /// int in range, counted from the end when negative) — or an instance of a `list`
    /// subclass that does not override `dunder`, with its class word —, or an abort; and
    /// whether the index was negative.
    fn observed_seq(
        &self,
        depth: u32,
        dunder: &str,
        pc: u32,
        obs: &dyn Observe,
    ) -> Result<(SeqObs, Option<u64>, bool), Abort> {
        let Observed::Int(k) = obs.stack(0) else {
            return Err(self.abort(AbortReason::Desync, pc, "index not observed as an int"));
        };
        let Some((seq, sub)) = obs
            .stack_seq(depth, k)
            .map(|s| (s, None))
            .or_else(|| obs.stack_list_sub(depth, dunder, k).map(|(c, s)| (s, Some(c))))
        else {
            let d = "subscript of something other than an exact list or tuple";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        if seq.item.is_none() {
            let d = format!("index {k} of a sequence of {} (out of range)", seq.len);
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        Ok((seq, sub, k < 0))
    }

    /// The observed element of `seq` (present: [`Recorder::observed_seq`] checked it).
    fn item_observed(&self, seq: SeqObs, pc: u32) -> Result<Observed, Abort> {
        seq.item
            .ok_or_else(|| self.abort(AbortReason::Desync, pc, "no element observed"))
    }

    /// Guards `0 <= i < len(p)` (exiting through `s`) and returns `p`'s items pointer and
    /// `i`; for an instance of `list` subclass `sub` (its class word), its class first. With
    /// `neg` (the index was observed negative, as `xs[-1]`): guards `i < 0` and `0 <= i +
    /// len(p)`, and returns `i + len(p)`, the element `seq[i]` means (a length of -1, the
    /// answer of `list_len`/`tuple_len` for another class, fails the guard).
    fn bounded_items(
        &mut self,
        p: InsnId,
        i: InsnId,
        neg: bool,
        list: bool,
        s: SnapId,
        sub: Option<u64>,
    ) -> (InsnId, InsnId) {
        if let Some(cls) = sub {
            self.guard_class(p, cls, s);
        }
        let zero = self.b.const_i64(0);
        let sign = self.b.binary(Op::IntGe, i, zero);
        self.guard(!neg, sign, s);
        let name = match (list, sub) {
            (true, Some(_)) => "iter_list_len",
            (true, None) => "list_len",
            (false, _) => "tuple_len",
        };
        let len = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
        let i = if neg {
            let j = self.b.binary(Op::IntAdd, i, len);
            let inside = self.b.binary(Op::IntGe, j, zero);
            self.guard(true, inside, s);
            j
        } else {
            let below = self.b.binary(Op::IntLt, i, len);
            self.guard(true, below, s);
            i
        };
        let items = if list { "list_items" } else { "tuple_items" };
        (self.b.call(items, self.list_read_effect(), &[p], Type::Ptr), i)
    }

    /// Guards (through `s`) that object `p`'s class word is `cls` (`@obj_class`, pure: an
    /// object's class never changes).
    pub(crate) fn guard_class(&mut self, p: InsnId, cls: u64, s: SnapId) {
        let c = self.b.const_ptr(cls);
        let k = self
            .b
            .call(crate::record::OBJ_CLASS_HELPER, CallEffect::Pure, &[p], Type::Ptr);
        let same = self.b.binary(Op::PtrEq, k, c);
        self.guard(true, same, s);
    }

    /// Loads element `i` of `items`, guarded (through `s`) to have the observed type.
    pub(crate) fn load_item(
        &mut self,
        items: InsnId,
        i: InsnId,
        o: Observed,
        s: SnapId,
        pc: u32,
    ) -> Result<PyVal, Abort> {
        let Some(tag) = o.tag() else {
            return Err(self.abort(AbortReason::Desync, pc, "unbound element"));
        };
        let t = self.b.binary(Op::LoadTagAt, items, i);
        self.b.guard_tag(t, tag, s);
        Ok(match tag {
            Tag::None => PyVal::None,
            Tag::Bool => PyVal::Bool(self.b.binary(Op::LoadBoolAt, items, i)),
            Tag::Int => PyVal::Int(self.b.binary(Op::LoadIntAt, items, i)),
            Tag::Float => PyVal::Float(self.b.binary(Op::LoadFloatAt, items, i)),
            Tag::Obj => PyVal::Obj(self.b.binary(Op::LoadPtrAt, items, i)),
        })
    }

    /// The effect list read helpers get now: `pure` while the trace contains no call
    /// declared `writes`, `reads` after one (see the module docs).
    pub(crate) fn list_read_effect(&self) -> CallEffect {
        if self.b.has_writes_call() {
            CallEffect::Reads
        } else {
            CallEffect::Pure
        }
    }

    /// `LOAD_METHOD name` on an object: an exact list's `append` (guarded), pushed as
    /// `[list.append, xs]`.
    pub(crate) fn load_list_method(&mut self, pc: u32, name: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let top = self.peek(0, pc)?;
        let PyVal::Obj(p) = top else {
            let d = format!("method {name} of a {}", top.tag().name());
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        let Some(k) = obs.list_method(name) else {
            let d = format!("method {name} of an object (not an exact list's append)");
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        if k.info == ObjInfo::Builtin(Builtin::DictGet) {
            return self.load_dict_get(pc, p, k);
        }
        if let ObjInfo::Builtin(Builtin::StrMethod(_)) = k.info {
            // (`str_method_call`, `call.rs`)
            return self.push_method_of_exact(pc, p, super::STR_EXACT_HELPER, k);
        }
        if k.info == ObjInfo::Builtin(Builtin::ListAppend) {
            if !self.inl.is_empty() && !self.py_call_allowed() {
                // (allowed where opaque calls are: see `list_append`)
                let d = "list.append in an inlined call (an exit there would redo it)";
                return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
            }
        } else if k.info != ObjInfo::Other || !self.py_call_allowed() {
            // (another method of a list is `[method, xs]`, called opaquely with `xs` first,
            // `call.rs`)
            return Err(self.abort(AbortReason::UnsupportedCall, pc, format!("list method {:?}", k.info)));
        }
        if let Some((cls, absent)) = obs.list_subclass(name) {
            // a subclass instance whose method is `list`'s: its class and that the instance
            // dict does not shadow the name (`attr.rs`)
            self.guard_not_shadowed(pc, p, cls, absent);
            self.pop(pc)?;
            self.push(PyVal::Known(k));
            self.push(PyVal::Obj(p));
            return Ok(());
        }
        self.push_method_of_exact(pc, p, "list_exact", k)
    }

    /// `LOAD_METHOD` of method `k` on `p` (on top of the stack), an object of an exact
    /// built-in type: guards `@exact(p) != 0` (`list_exact`, `dict_exact`: pure helpers
    /// answering 0 for anything else) and replaces `p` by `[k, p]`.
    pub(crate) fn push_method_of_exact(&mut self, pc: u32, p: InsnId, exact: &str, k: KnownObj) -> Result<(), Abort> {
        let s = self.snap(pc);
        let e = self.b.call(exact, CallEffect::Pure, &[p], Type::I64);
        let zero = self.b.const_i64(0);
        let c = self.b.binary(Op::IntNe, e, zero);
        self.guard(true, c, s);
        self.pop(pc)?;
        self.push(PyVal::Known(k));
        self.push(PyVal::Obj(p));
        Ok(())
    }

    /// `[list.append, xs, v] CALL_METHOD n`: appends `v` to `xs` (guarded an exact list by
    /// its `LOAD_METHOD`); returns the next instruction index.
    pub(crate) fn list_append(&mut self, pc: u32, n: usize) -> Result<u32, Abort> {
        if n != 1 {
            let d = format!("list.append with {n} arguments");
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        let (recv, v) = (self.peek(1, pc)?, self.peek(0, pc)?);
        let PyVal::Obj(p) = recv else {
            return Err(self.abort(AbortReason::Desync, pc, "list.append without a list receiver"));
        };
        if let PyVal::Known(_) = v {
            let d = "list.append of a known object (the trace holds no word for it)";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        if !self.inl.is_empty() {
            if !self.py_call_allowed() {
                let d = "list.append in an inlined call (an exit there would redo it)";
                return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
            }
            // an effect inside an inlined call, as an opaque call (`mframe.rs`): from here
            // on exits resume mid-callee, so the append is never redone; the room guard's
            // snapshot below resumes at this `CALL_METHOD` in the innermost frame (the
            // interpreter then appends). It runs no Python code: no words to pin.
            self.enter_mframe(pc);
        }
        let s = self.snap(pc);
        // from here on the trace mutates a list: earlier list reads are no longer pure (done
        // at the first mutation only: later reads are declared `reads` when emitted)
        if !self.b.has_writes_call() {
            self.b.set_call_effects(|h| LIST_READS.contains(&h), CallEffect::Reads);
        }
        let room = self.b.call("list_reserve", CallEffect::Writes, &[p], Type::I64);
        let zero = self.b.const_i64(0);
        let c = self.b.binary(Op::IntNe, room, zero);
        self.guard(true, c, s);
        let (name, args) = match v {
            PyVal::None => ("list_push_none", vec![p]),
            PyVal::Bool(x) => ("list_push_bool", vec![p, self.b.unary(Op::BoolToInt, x)]),
            PyVal::Int(x) => ("list_push_int", vec![p, x]),
            PyVal::Float(x) => ("list_push_float", vec![p, x]),
            PyVal::Obj(x) => {
                self.note_stored(x);
                ("list_push_obj", vec![p, x])
            }
            PyVal::Known(_) => return Err(self.abort(AbortReason::Desync, pc, "known object")),
            PyVal::VRange(_)
            | PyVal::VIter(_)
            | PyVal::VSeqIter(..)
            | PyVal::VTuple
            | PyVal::VEnum(..)
            | PyVal::VZip(_)
            | PyVal::VSlice(_)
            | PyVal::VSliceOf
            | PyVal::VSuper(..) => {
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, "appending a virtual object"));
            }
        };
        self.b.call(name, CallEffect::Writes, &args, Type::Void);
        for _ in 0..3 {
            self.pop(pc)?;
        }
        self.push(PyVal::None);
        Ok(pc.saturating_add(1))
    }

    /// `len(x)` of an object `x` at stack depth 0 (the call's operands still on the
    /// stack): `@obj_len(x)`, guarded not negative.
    pub(crate) fn builtin_len(&mut self, pc: u32, x: InsnId, obs: &dyn Observe) -> Result<PyVal, Abort> {
        if obs.stack_len_of(0).is_none()
            && let Some((cls, _)) = obs.stack_list_sub(0, "__len__", 0)
        {
            // an instance of a `list` subclass that keeps `list.__len__`: its class, then
            // the length of any list
            let s = self.snap(pc);
            self.guard_class(x, cls, s);
            let n = self.b.call("iter_list_len", self.list_read_effect(), &[x], Type::I64);
            return Ok(PyVal::Int(n));
        }
        if obs.stack_len_of(0).is_none() {
            let d = "len of something other than an exact list, tuple, str or dict";
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        let s = self.snap(pc);
        let n = self.b.call("obj_len", self.list_read_effect(), &[x], Type::I64);
        let zero = self.b.const_i64(0);
        let c = self.b.binary(Op::IntGe, n, zero);
        self.guard(true, c, s);
        Ok(PyVal::Int(n))
    }
}

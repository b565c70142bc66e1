//! Dicts: `k in d` / `k not in d` (`CONTAINS_OP`), `d[k]` (`BINARY_SUBSCR`) and `d[k] = v`
//! (`STORE_SUBSCR`) on an exact `dict` with a key that is an int (its i64 payload) or an
//! exact `str` (its object word).
//!
//! The recorder translates them when the interpreter observes an exact dict and a key whose
//! lookup needs no Python code ([`Observe::stack_dict`]); the trace asks runtime helpers,
//! which look the key up with the dict's own methods (the VM's `jit_dicts.rs`). Each takes
//! the dict's word, the key's tag word (`Tag::Int` or `Tag::Obj`) and the key's payload, and
//! answers for anything it cannot do without running Python code (not an exact dict — a
//! subclass may override `__contains__`/`__getitem__`/`__setitem__` —, a key no exact str,
//! a probe meeting a stored key whose `__eq__` could run Python code) by a value the trace
//! guards, exiting *before* any change, at the instruction with its operands on the stack:
//! the interpreter then does it, exactly.
//!
//! - [`DICT_CONTAINS_HELPER`] `(d, ktag, k) -> i64`: 1 / 0, -1 when it cannot answer;
//!   declared `reads`. The trace guards `>= 0`; `in` is `r != 0`, `not in` `r == 0`.
//! - [`DICT_ITEM_HELPER`] `(d, ktag, k) -> ptr`: the address of the value bound to `k` (a
//!   16-byte `Value`, read as a list item: `load_tag_at` guarded to the observed type, then
//!   the payload), 0 when absent or when it cannot answer: the trace guards it non-zero (an
//!   absent key: the interpreter raises `KeyError`). An address is good only until the next
//!   store into a dict (an insertion may grow the table and move every entry): the helper
//!   is declared `reads`, so `cse` never merges two of them across a `writes` call, and
//!   each `d[k]` asks again.
//! - [`DICT_STORE_HELPER`] `(d, ktag, k, vtag, v) -> i64` (`v` None: 0, a bool/int: its
//!   i64, an object: its word) and [`DICT_STORE_FLOAT_HELPER`] `(d, ktag, k, x)`: a counted
//!   store (as `@store_val`, `attr.rs`: a new reference to an object value; the value it
//!   replaces is kept among the deferred drops until the run ends, so the trace still frees
//!   no object while it runs), inserting the key when absent. -1: nothing done (also for a
//!   key the dict's JIT watchers watch, `Dict::watches`: the interpreter's store reports
//!   it); 0: stored, but the deferred drops are full (the trace exits after the store,
//!   ending the run); 1: stored. Declared `writes`: once a trace contains one, list and
//!   dict read helpers are `reads`, not `pure` (`list.rs`, [`super::list::LIST_READS`]:
//!   `len(d)` is `@obj_len`). Recording aborts inside an inlined call (an exit later in the
//!   call would redo the store).
//!
//! `d.get(k)` / `d.get(k, default)`: `LOAD_METHOD get` on an exact dict
//! ([`Observe::list_method`] answers `Builtin::DictGet`) guards `@dict_exact(d) != 0` (pure:
//! an object's class never changes; a subclass may override `get`) and pushes `[dict.get,
//! d]`; `CALL_METHOD 1|2` reads as `d[k]` when the key is bound (`@dict_item`, guarded
//! non-zero, the value guarded to the observed type) and, when it is absent, guards
//! `@dict_contains(d, k) == 0` (exit at the call when bound or unanswerable) and pushes the
//! default (None without one). (CPython `dict_get_impl`.)
//!
//! Sources: CPython `Objects/dictobject.c` (`dict_subscript`, `dict_ass_sub`,
//! `dict_contains`): the same lookups, which compare keys by identity, then hash, then
//! `==` (native for ints and exact strs).

use crate::ir::{CallEffect, InsnId, Op, SnapId, Tag, Type};
use crate::record::list::LIST_READS;
use crate::record::{Abort, AbortReason, KnownObj, ObjInfo, Observe, Observed, PyVal, Recorder};

/// `@dict_contains(d, ktag, k) -> i64` (see the module docs).
pub const DICT_CONTAINS_HELPER: &str = "dict_contains";
/// `@dict_item(d, ktag, k) -> ptr` (see the module docs).
pub const DICT_ITEM_HELPER: &str = "dict_item";
/// `@dict_store(d, ktag, k, vtag, v) -> i64` (see the module docs).
pub const DICT_STORE_HELPER: &str = "dict_store";
/// `@dict_store_float(d, ktag, k, x) -> i64` (see the module docs).
pub const DICT_STORE_FLOAT_HELPER: &str = "dict_store_float";
/// `@dict_exact(d) -> i64`: 1 for an exact `dict`, else 0 (see the module docs).
pub const DICT_EXACT_HELPER: &str = "dict_exact";

/// What [`Observe::stack_dict`] answers: the dict is an exact `dict`, the key an int or an
/// exact `str`, and its lookup needed no Python code.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct DictObs {
    /// The value bound to the key (`None`: the key is absent).
    pub item: Option<Observed>,
}

impl Recorder {
    /// Whether the instruction's container (stack depth `dict`) and key (depth `key`) are
    /// a dict subscript this module records.
    pub(crate) fn is_dict_op(obs: &dyn Observe, dict: u32, key: u32) -> bool {
        obs.stack_dict(dict, key).is_some()
    }

    /// The key at stack depth `depth` as the helpers take it: (tag word, payload).
    fn dict_key(&mut self, pc: u32, depth: usize, obs: &dyn Observe) -> Result<(InsnId, InsnId), Abort> {
        match self.peek(depth, pc)? {
            PyVal::Int(k) => Ok((self.b.const_i64(Tag::Int.word()), k)),
            PyVal::Obj(w) if obs.stack_str(depth as u32) => Ok((self.b.const_i64(Tag::Obj.word()), w)),
            k => {
                let d = format!("dict key of type {}", k.tag().name());
                Err(self.abort(AbortReason::UnsupportedOperand, pc, d))
            }
        }
    }

    /// The dict at stack depth `depth` (its word; a dict held by a pinned global is a known
    /// object whose word its pin keeps alive, `attr.rs`' `known_ptr`).
    fn dict_word(&mut self, pc: u32, depth: usize, obs: &dyn Observe) -> Result<InsnId, Abort> {
        match self.peek(depth, pc)? {
            PyVal::Obj(d) => Ok(d),
            PyVal::Known(o) if o.info == ObjInfo::Other => self.known_ptr(o.key, pc, obs),
            c => {
                let d = format!("dict operation on a {}", c.tag().name());
                Err(self.abort(AbortReason::UnsupportedOperand, pc, d))
            }
        }
    }

    /// `[k, d] CONTAINS_OP invert` with `d` an exact dict.
    pub(crate) fn dict_contains(&mut self, pc: u32, invert: bool, obs: &dyn Observe) -> Result<(), Abort> {
        if obs.stack_dict(0, 1).is_none() {
            let d = "`in` of something other than an int or str key in an exact dict";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        let d = self.dict_word(pc, 0, obs)?;
        let (ktag, k) = self.dict_key(pc, 1, obs)?;
        let s = self.snap(pc);
        let r = self
            .b
            .call(DICT_CONTAINS_HELPER, CallEffect::Reads, &[d, ktag, k], Type::I64);
        let zero = self.b.const_i64(0);
        let known = self.b.binary(Op::IntGe, r, zero);
        self.guard(true, known, s);
        let res = self.b.binary(if invert { Op::IntEq } else { Op::IntNe }, r, zero);
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(PyVal::Bool(res));
        Ok(())
    }

    /// `[d, k] BINARY_SUBSCR` with `d` an exact dict and `k` bound in it.
    pub(crate) fn dict_subscr(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let Some(o) = obs.stack_dict(1, 0) else {
            return Err(self.abort(AbortReason::Desync, pc, "dict subscript not observed"));
        };
        let Some(item) = o.item else {
            return Err(self.abort(AbortReason::RaisesNow, pc, "d[k] of an absent key raises KeyError"));
        };
        let d = self.dict_word(pc, 1, obs)?;
        let (ktag, k) = self.dict_key(pc, 0, obs)?;
        let s = self.snap(pc);
        let v = self.dict_bound_value(pc, (d, ktag, k), item, s)?;
        self.pop(pc)?;
        self.pop(pc)?;
        self.push(v);
        Ok(())
    }

    /// The value bound to key `(ktag, k)` in dict `d`, observed as `item`: `@dict_item`'s
    /// address guarded non-zero (absent or unanswerable: exit through `s`), then the value
    /// loaded as a list item behind a guard on its type.
    fn dict_bound_value(
        &mut self,
        pc: u32,
        (d, ktag, k): (InsnId, InsnId, InsnId),
        item: Observed,
        s: SnapId,
    ) -> Result<PyVal, Abort> {
        let a = self
            .b
            .call(DICT_ITEM_HELPER, CallEffect::Reads, &[d, ktag, k], Type::Ptr);
        let null = self.b.const_ptr(0);
        let absent = self.b.binary(Op::PtrEq, a, null);
        self.guard(false, absent, s);
        let zero = self.b.const_i64(0);
        self.load_item(a, zero, item, s, pc)
    }

    /// `[v, d, k] STORE_SUBSCR` with `d` an exact dict.
    pub(crate) fn dict_store(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        if !self.inl.is_empty() {
            let d = "dict store in an inlined call (an exit there would redo it)";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        let d = self.dict_word(pc, 1, obs)?;
        let (ktag, k) = self.dict_key(pc, 0, obs)?;
        let v = self.peek(2, pc)?;
        let s = self.snap(pc);
        let (name, args) = match v {
            PyVal::None => {
                let (t, z) = (self.b.const_i64(Tag::None.word()), self.b.const_i64(0));
                (DICT_STORE_HELPER, vec![d, ktag, k, t, z])
            }
            PyVal::Bool(x) => {
                let t = self.b.const_i64(Tag::Bool.word());
                (DICT_STORE_HELPER, vec![d, ktag, k, t, self.b.unary(Op::BoolToInt, x)])
            }
            PyVal::Int(x) => (
                DICT_STORE_HELPER,
                vec![d, ktag, k, self.b.const_i64(Tag::Int.word()), x],
            ),
            PyVal::Float(x) => (DICT_STORE_FLOAT_HELPER, vec![d, ktag, k, x]),
            PyVal::Obj(w) => {
                self.note_stored(w);
                (
                    DICT_STORE_HELPER,
                    vec![d, ktag, k, self.b.const_i64(Tag::Obj.word()), w],
                )
            }
            _ => {
                let d = format!("storing a {} into a dict", v.tag().name());
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
        };
        // from here on the trace mutates a dict: earlier list/dict length reads are no
        // longer pure (`list.rs`)
        if !self.b.has_writes_call() {
            self.b.set_call_effects(|h| LIST_READS.contains(&h), CallEffect::Reads);
        }
        let r = self.b.call(name, CallEffect::Writes, &args, Type::I64);
        let zero = self.b.const_i64(0);
        let done = self.b.binary(Op::IntGe, r, zero);
        self.guard(true, done, s);
        for _ in 0..3 {
            self.pop(pc)?;
        }
        self.guard_room(pc.saturating_add(1), r);
        Ok(())
    }

    /// `LOAD_METHOD get` on the exact dict `p` (`k`: `dict.get`): guards `p` an exact dict
    /// and pushes `[dict.get, p]`.
    pub(crate) fn load_dict_get(&mut self, pc: u32, p: InsnId, k: KnownObj) -> Result<(), Abort> {
        self.push_method_of_exact(pc, p, DICT_EXACT_HELPER, k)
    }

    /// `[dict.get, d, k(, default)] CALL_METHOD n`; returns the next instruction index.
    pub(crate) fn dict_get(&mut self, pc: u32, n: usize, obs: &dyn Observe) -> Result<u32, Abort> {
        if !(1..=2).contains(&n) {
            let d = format!("dict.get with {n} arguments");
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        let Some(o) = obs.stack_dict(n as u32, n as u32 - 1) else {
            let d = "dict.get of something other than an int or str key";
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        let d = self.dict_word(pc, n, obs)?;
        let (ktag, k) = self.dict_key(pc, n - 1, obs)?;
        let s = self.snap(pc);
        let v = match o.item {
            Some(item) => self.dict_bound_value(pc, (d, ktag, k), item, s)?,
            None => {
                let r = self
                    .b
                    .call(DICT_CONTAINS_HELPER, CallEffect::Reads, &[d, ktag, k], Type::I64);
                let zero = self.b.const_i64(0);
                let absent = self.b.binary(Op::IntEq, r, zero);
                self.guard(true, absent, s);
                if n == 2 { self.peek(0, pc)? } else { PyVal::None }
            }
        };
        for _ in 0..n + 2 {
            self.pop(pc)?;
        }
        self.push(v);
        Ok(pc.saturating_add(1))
    }
}

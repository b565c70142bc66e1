//! Opaque calls in loop traces (issue 5; stage 3 of
//! `docs/decisions/owned-references-in-traces.md`): a call of a callable the recorder does
//! not know better — an object held in a local or on the stack (a bound method such as a
//! bound `list.pop`, a class, any callable object), a known object that is neither an
//! inlinable Python function nor a builtin with an IR translation (a class read from a
//! global), or a known Python function that cannot be inlined — is made by the helper
//! [`PY_CALL_HELPER`] through the interpreter's `Vm::call`.
//!
//! # Shape
//! The arguments go into the VM's *call area* (a per-VM block of 16-byte slots whose
//! address is a constant of the trace, [`Recorder::set_call_area`]; slots from
//! [`AREA_ARGS`], typed stores as into a frame), then
//! `%t = call @py_call(area, callable, n | extra << 8) -> i64 writes`: the helper boxes the
//! arguments (new references for object words), calls, writes the result into slot
//! [`AREA_RESULT`] and returns its tag — or -1 when the call raised or was not made, -2 when
//! Python code ran and the calling trace's pins (global bindings, class versions) no longer
//! hold; the outcome is kept by the VM. The helper does not make the call in a run that
//! linked (a link may have handed the running trace object words its frame does not hold,
//! which the callee could free): the exit then gives the callable, the NULL marker when
//! `extra` is 1, and the arguments back to the interpreter, which makes the call. The recorder does not follow the callee (the VM's record hook ignores
//! deeper frames while the call is open, as for a function trace's opaque call) and, back
//! in its frame at `pc + 1`, emits `guard_true %t == <observed tag>` through the *call
//! snapshot* (resume at the `CALL` with the callable and the arguments popped): at an exit
//! through it the VM pushes the kept result and continues at `pc + 1`, or raises the kept
//! exception at the `CALL` (so the traceback line and the handler are the call's); the call
//! is never made twice. Then a None/bool/int/float result is loaded from the area; an
//! object is taken out of the kept outcome as an *owned* value by
//! `%r = call @py_take(area) -> own ptr writes`.
//!
//! # Owned results
//! The recorder keeps the set of live owned values ([`Recorder`]'s `owned`). After each
//! instruction, an owned value no longer held by the recorded stack or locals is released
//! (`obj_release`). Snapshots list the owned values on the stack and in assigned locals
//! (the deoptimizer takes them) and name any other live one in their `release` list. A
//! release is allowed only when every object word the recorder still holds is kept alive
//! by something else (a local's value at the loop entry, or owned): else the recording
//! aborts ([`AbortReason::OwnedValue`]), as it does when an owned value would live across
//! the back edge (it would need an owned phi: not built yet) or reach a link.
//!
//! # What stays alive across the call
//! Any Python code may run in the call: it may free an object the trace holds a borrowed
//! word of (an item of a list the callee empties). Every object value the recorder holds
//! when the call is made must be a local's value at the loop entry (the frame keeps those)
//! or owned (`ObjectAcrossCall` otherwise). The attribute and list helpers are declared
//! `reads` from the first call on (never hoisted or merged across it).

//!
//! # Loop calls
//! A call, in the trace's own frame, of a plain Python function whose first loop (the
//! instruction after its first `LOOP_ENTRY`) has a compiled root trace with no entry stack
//! that takes first arrivals ([`Observe::loop_call_target`]: `bench/programs/mandelbrot.py`'s
//! `escape_count(cr, ci, limit)`) is inlined up to that loop's header: its prologue
//! (`zr = zi = 0.0`, `i = 0`, the first `i < limit` test) becomes IR of the calling trace,
//! with the inlined call's exits (resume at the `CALL`). At the header the callee's bound
//! locals (numbers and None only; an object local aborts) are stored into the call area
//! from [`AREA_LOOP`] and the call's arguments from [`AREA_ARGS`], then `%t = call
//! @loop_call(area, function, k) -> i64 writes` runs the loop's trace and the rest of the
//! call (VM: `func::loop_call`) and the recording goes on after the `CALL` as after an
//! opaque call (the interpreter runs the callee meanwhile; the result guard, the call
//! snapshot and the kept outcome are the opaque call's). The inlined call's exits resume at
//! the same `CALL` as the call snapshot but list the callable and the arguments too: the VM
//! tells them apart by that stack height ([`Recorder::loop_call_heights`]). A recording that
//! aborts while inlining a loop call (before the helper call is emitted) makes the VM give
//! up loop calls of that function (they are opaque calls from then on).

use crate::ir::{CallEffect, InsnId, Op, SnapId, Tag, Type};
use crate::record::{Abort, AbortReason, Observe, PyVal, Recorder};

/// The opaque-call helper of loop traces (`py_call(area: ptr, callable: ptr, n: i64) ->
/// i64`, see the module docs).
pub const PY_CALL_HELPER: &str = "py_call";
/// The helper taking an object result out of the kept outcome as a new reference
/// (`py_take(area: ptr) -> own ptr`).
pub const PY_TAKE_HELPER: &str = "py_take";
/// The call area's first argument slot (slots 0 to 2 hold the VM's context words).
pub const AREA_ARGS: u32 = 3;
/// The most arguments a loop trace's opaque call passes.
pub const PY_MAX_ARGS: u32 = 8;
/// The call area's result slot.
pub const AREA_RESULT: u32 = AREA_ARGS + PY_MAX_ARGS;
/// The call area's sink slot: its payload word is 1 from a `@sink_put` that stored its
/// value until the trace clears it right after its guard (`record/sink.rs`).
pub const AREA_SINK: u32 = AREA_RESULT + 1;
/// The number of 16-byte slots of the call area.
pub const AREA_SLOTS: usize = (AREA_LOOP + LOOP_MAX_LOCALS) as usize;
/// The call area's first slot of a loop call's locals (see "Loop calls" in the module docs).
pub const AREA_LOOP: u32 = AREA_SINK + 1;
/// The most frame slots of a function a loop call calls.
pub const LOOP_MAX_LOCALS: u32 = 32;
/// The loop-call helper (`loop_call(area: ptr, function: ptr, k: i64) -> i64`, see the
/// module docs).
pub const LOOP_CALL_HELPER: &str = "loop_call";

/// An opaque call made, its result not yet observed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PyPending {
    /// The `CALL`'s index.
    pc: u32,
    /// The helper's status.
    status: InsnId,
    /// The call snapshot.
    snap: SnapId,
}

/// The helpers whose results may change when Python code runs: declared `reads` in a trace
/// that makes an opaque call.
const MUTABLE_READS: [&str; 8] = [
    "list_len",
    "iter_list_len",
    "list_items",
    "obj_len",
    crate::record::ATTR_ADDR,
    crate::record::ATTR_BASE,
    crate::record::ATTR_SLOTS,
    crate::record::ATTR_ABSENT,
];

impl Recorder {
    /// Tells the recorder where an instance dict entry's value is: `stride` bytes per entry,
    /// the value `value_offset` bytes into it. Attribute loads and stores then take one
    /// `@attr_base` per object and shape (shared by all its attributes through CSE) plus a
    /// `ptr_add`, instead of one `@attr_addr` call each. Without it (stride 0, the default)
    /// they call `@attr_addr`.
    pub fn set_dict_layout(&mut self, (stride, value_offset): (u32, u32)) {
        self.dict_layout = (stride > 0).then_some((stride, value_offset));
    }

    /// Lets loop traces make opaque calls, with the VM's call area at address `area`
    /// ([`AREA_SLOTS`] 16-byte slots, alive as long as the traces). Without it (0, the
    /// default) such calls abort with [`AbortReason::UnsupportedCall`].
    pub fn set_call_area(&mut self, area: u64) {
        self.area = area;
    }

    /// The call area's address as a constant of the trace (noting that the trace uses it).
    pub(crate) fn area_ptr(&mut self) -> InsnId {
        self.area_used = true;
        self.b.const_ptr(self.area)
    }

    /// Whether the trace calls a helper that needs the VM's call area (an opaque call, a
    /// slice, a link that keeps what it stores): its runs must write the area's context.
    pub fn uses_call_area(&self) -> bool {
        self.area_used
    }

    /// Whether the trace makes an opaque call ([`PY_CALL_HELPER`]).
    pub fn makes_py_calls(&self) -> bool {
        !self.py_calls.is_empty()
    }

    /// Whether the trace does what a marked run may not (an opaque call, a loop call or a
    /// slice store: they exit instead, word 4 of the call area): links into its code then
    /// keep the borrowed words they store rather than mark the run (`link.rs`).
    pub fn checks_run_mark(&self) -> bool {
        self.makes_py_calls()
            || self.b.func().insns.iter().any(|i| {
                matches!(&i.imm, crate::ir::Imm::Call(c)
                    if c.name == super::slice::STORE_SLICE_HELPER || c.name == super::slice::STORE_SLICE_FROM_HELPER)
            })
    }

    /// Whether the trace may hold owned values (an opaque call, or another helper call
    /// declared `-> own ptr`, such as a slice's `@seq_slice`): the deoptimizer then takes
    /// its owned snapshot values and drops its `release` lists.
    pub fn holds_owned(&self) -> bool {
        self.makes_py_calls()
            || self
                .b
                .func()
                .insns
                .iter()
                .any(|i| matches!(&i.imm, crate::ir::Imm::Call(c) if c.owns))
    }

    /// Whether an opaque call may be recorded here.
    pub(crate) fn py_call_allowed(&self) -> bool {
        // (inside inlined calls too when allowed, except a loop call's prologue: exits after
        // the call resume mid-callee through multi-frame snapshots, `mframe.rs`)
        self.area != 0
            && self.func.is_none()
            && (self.inl.is_empty()
                || (self.inlined_py_calls && self.inl.iter().all(|i| i.loop_at.is_none() && i.init.is_none())))
    }

    /// Whether helper reads of lists and attributes must be `reads` (Python code may run).
    pub(crate) fn runs_python(&self) -> bool {
        !self.py_calls.is_empty()
    }

    /// The effect of a list or attribute read helper recorded now: `pure` unless the trace
    /// makes an opaque call or mutates a list.
    pub(crate) fn read_effect(&self) -> CallEffect {
        if self.runs_python() {
            CallEffect::Reads
        } else {
            CallEffect::Pure
        }
    }

    /// An opaque call of `callable` (`Known(k)` with word `word`, or an object value) with
    /// the top `n` entries as its arguments; `extra` entries (a NULL marker) lie between
    /// the callable and them. Returns the next index.
    pub(crate) fn py_call(&mut self, pc: u32, n: usize, extra: usize, word: Option<u64>) -> Result<u32, Abort> {
        let nargs = u32::try_from(n).unwrap_or(u32::MAX);
        if nargs > PY_MAX_ARGS {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, format!("{n} arguments")));
        }
        let callable = self.peek(n + extra, pc)?;
        let mut args = Vec::with_capacity(n);
        for i in (0..n).rev() {
            args.push(self.peek(i, pc)?);
        }
        // inside an inlined call: from here on exits resume mid-callee (the call must never
        // be redone), and the call's pending attribute stores happen before it
        let inlined = self.enter_mframe(pc);
        if inlined {
            self.pin_frame_words(pc);
        }
        for _ in 0..n + extra + 1 {
            self.pop(pc)?;
        }
        let live_ok = self.live_words_survive();
        if !live_ok {
            return Err(self.abort(
                AbortReason::ObjectAcrossCall,
                pc,
                "an object word is live across an opaque call",
            ));
        }
        // owned arguments (and an owned callable) the state no longer holds are consumed by
        // the call: released after it, before its status is checked, so the call snapshot
        // does not list them
        let consumed: Vec<InsnId> = self
            .owned
            .iter()
            .copied()
            .filter(|&id| {
                let holds = |v: &PyVal| *v == PyVal::Obj(id);
                !self.stack.iter().any(holds)
                    && !self.locals.iter().flatten().any(holds)
                    && !self.inl.iter().any(|i| i.holds(id))
            })
            .collect();
        self.owned.retain(|id| !consumed.contains(id));
        let snap = self.snap(pc);
        if inlined {
            self.note_frame_call(pc);
        }
        if self.py_calls.is_empty() {
            self.b
                .set_call_effects(|h| MUTABLE_READS.contains(&h), CallEffect::Reads);
        }
        if !self.py_calls.contains(&pc) {
            self.py_calls.push(pc);
        }
        let area = self.area_ptr();
        self.store_call_args(pc, area, AREA_ARGS, &args)?;
        let f = match (word, callable) {
            (Some(w), _) => self.b.const_ptr(w),
            (None, PyVal::Obj(x)) => x,
            _ => return Err(self.abort(AbortReason::UnsupportedCall, pc, "a callable without a word")),
        };
        // (the helper needs `extra` only to give a call it does not make back to the
        // interpreter with the NULL marker; `pc + 1` from bit 16 lets it use the call's
        // inline cache: a class call specialized by the interpreter)
        // (inside inlined calls: no inline cache — `pc` is the callee's —, and the number of
        // frames the interpreter would have above the trace's own, from bit 48, so the
        // callee runs at the interpreter's recursion depth)
        let cache = if inlined { 0 } else { i64::from(pc) + 1 };
        let frames = self.inl.len() as i64;
        let k = self
            .b
            .const_i64(i64::from(nargs) | (extra as i64) << 8 | cache << 16 | frames << 48);
        let status = self
            .b
            .call(PY_CALL_HELPER, CallEffect::Writes, &[area, f, k], Type::I64);
        for id in consumed {
            self.b.op(Op::ObjRelease, &[id], crate::ir::Imm::None, None);
        }
        self.py_pending = Some(PyPending { pc, status, snap });
        Ok(pc.saturating_add(1))
    }

    /// A loop call's callee (the one inlined call, its function's object word `word`)
    /// reached the header `pc` of its loop: its locals go into the call area (typed stores;
    /// unbound ones named by a mask), the helper [`LOOP_CALL_HELPER`] runs the loop's trace
    /// and the rest of the call, and the recording continues in the caller after the
    /// `CALL` as after an opaque call (the interpreter runs the callee meanwhile). Returns
    /// the caller's next index.
    pub(crate) fn loop_call(&mut self, pc: u32, word: u64) -> Result<u32, Abort> {
        let Some(i) = self.inl.last() else {
            return Err(self.abort(AbortReason::Desync, pc, "a loop call without its call"));
        };
        if !self.stack.is_empty() {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "a loop call with a stack"));
        }
        if !self.pending.is_empty() {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "attribute stores before a loop call"));
        }
        let locals = i.locals.clone();
        let args = i.call_args.clone();
        let extra = i.call_extra as i64;
        if pc >= 1 << 24 {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "a loop call's header is too far"));
        }
        if locals.len() > LOOP_MAX_LOCALS as usize {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "a loop call with too many locals"));
        }
        // (only numbers, None and unbound: no object word is handed to the callee's frame)
        let mut mask = 0i64;
        let mut vals = Vec::new();
        let mut slots = Vec::new();
        for (k, v) in locals.iter().enumerate() {
            match v {
                None => {}
                Some(v @ (PyVal::None | PyVal::Bool(_) | PyVal::Int(_) | PyVal::Float(_))) => {
                    mask |= 1 << k;
                    vals.push(v);
                    slots.push(k as u32);
                }
                Some(_) => {
                    return Err(self.abort(AbortReason::UnsupportedCall, pc, "a loop call with an object local"));
                }
            }
        }
        // back in the caller: the callee's frame is popped (its result is pushed by
        // `py_resume` when the interpreter returns to the caller)
        let Some(i) = self.inl.pop() else {
            return Err(self.abort(AbortReason::Desync, pc, "a loop call without its call"));
        };
        self.code = i.caller_code;
        self.stack = i.caller_stack;
        let call_pc = i.ret_pc.saturating_sub(1);
        if !self.live_words_survive() {
            return Err(self.abort(
                AbortReason::ObjectAcrossCall,
                pc,
                "an object word is live across a loop call",
            ));
        }
        let snap = self.snap(call_pc);
        if self.py_calls.is_empty() {
            self.b
                .set_call_effects(|h| MUTABLE_READS.contains(&h), CallEffect::Reads);
        }
        if !self.py_calls.contains(&call_pc) {
            self.py_calls.push(call_pc);
        }
        // (the inlined call's snapshot lists the callable, the NULL marker and the
        // arguments above the call snapshot's entries)
        let inline_height = self.stack.len() + args.len() + extra as usize + 1;
        self.loop_heights
            .push((call_pc, u32::try_from(inline_height).unwrap_or(u32::MAX)));
        let area = self.area_ptr();
        for (v, k) in vals.iter().zip(&slots) {
            self.store_call_args(pc, area, AREA_LOOP + k, std::slice::from_ref(v))?;
        }
        // (the arguments too: a call the helper does not make goes back to the
        // interpreter with them, as an opaque call's)
        self.store_call_args(pc, area, AREA_ARGS, &args)?;
        let f = self.b.const_ptr(word);
        let nargs = args.len() as i64;
        let k = self.b.const_i64(i64::from(pc) | nargs << 24 | extra << 30 | mask << 32);
        let status = self
            .b
            .call(LOOP_CALL_HELPER, CallEffect::Writes, &[area, f, k], Type::I64);
        self.py_pending = Some(PyPending {
            pc: call_pc,
            status,
            snap,
        });
        // (made: a later abort is not the loop call's)
        self.loop_call_fn = None;
        Ok(i.ret_pc)
    }

    /// The loop calls' `CALL` indices with the number of stack entries above the entry
    /// stack their inlined calls' snapshots list (the prologue's exits resume at the same
    /// index as the call snapshot's, with the callable and the arguments on the stack: the
    /// VM tells them apart by this height, see `func.rs`' `call_pcs`).
    pub fn loop_call_heights(&self) -> Vec<(u32, u32)> {
        self.loop_heights.clone()
    }

    /// The function word of the loop call this recording is inlining, if any: an abort
    /// before the call is made (in the callee's prologue, or at its loop's header) makes
    /// the VM stop recording loop calls of that function (they become opaque calls).
    pub fn loop_call_fn(&self) -> Option<u64> {
        self.loop_call_fn
    }

    /// Whether every object word on the recorded stack and in the locals stays alive
    /// whatever Python code runs (see [`Recorder::survives`]): before an opaque call or a
    /// store that may drop objects.
    pub(crate) fn live_words_survive(&self) -> bool {
        // (and every inlined call's frame: its locals, its caller's stack and callable)
        let frames = self.inl.iter().flat_map(|i| {
            i.caller_stack
                .iter()
                .chain(i.locals.iter().flatten())
                .chain(std::iter::once(&i.callable))
        });
        self.stack
            .iter()
            .chain(self.locals.iter().flatten())
            .chain(frames)
            .all(|v| self.survives(v))
    }

    /// Whether the object word `v` holds stays alive whatever Python code runs: a local's
    /// value at the loop entry (the frame keeps it), an owned value, or no object word.
    pub(crate) fn survives(&self, v: &PyVal) -> bool {
        match v {
            PyVal::Obj(id) => self.word_alive(*id),
            PyVal::VSeqIter(id, _) | PyVal::VEnum(id, _, _) => self.frame_keeps(*id),
            PyVal::VZip(_) => false,
            _ => true,
        }
    }

    /// Whether object word `id` stays alive whatever Python code runs: a local's value at
    /// the loop or function entry (in a function trace's side recording also a parameter
    /// the parent loaded from a local's buffer slot), an owned value, a word pinned until
    /// the run ends (`@run_pin`, `mframe.rs`), or an item of a tuple whose word does (a
    /// tuple's items never change; a word read from a list or from an object a pinned
    /// global holds does not count: the callee may replace the item or rebind the global).
    pub(crate) fn word_alive(&self, id: InsnId) -> bool {
        let mut w = id;
        // each step goes to the tuple an item was read from, an earlier value
        for _ in 0..=self.tuple_items.len() {
            if self.frame_keeps(w)
                || self.owned.contains(&w)
                || self.pinned.contains(&w)
                || self.frame_words.contains(&w)
            {
                return true;
            }
            match self.tuple_items.iter().find(|(item, _)| *item == w) {
                Some(&(_, tuple)) => w = tuple,
                None => return false,
            }
        }
        false
    }

    /// Whether object word `w` is a local's value at the loop entry that the frame keeps
    /// for the whole run (not one whose entry value the trace owns, `alloc.rs`: after the
    /// first iteration that local's phi holds the last iteration's value).
    pub(crate) fn frame_keeps(&self, w: InsnId) -> bool {
        self.entry
            .iter()
            .enumerate()
            .any(|(n, e)| *e == Some(PyVal::Obj(w)) && !self.owns_entry(n as u32))
    }

    /// Records that object word `item` was read from an item of the exact tuple `tuple`.
    pub(crate) fn note_tuple_item(&mut self, item: InsnId, tuple: InsnId) {
        if !self.tuple_items.iter().any(|(i, _)| *i == item) {
            self.tuple_items.push((item, tuple));
        }
    }

    /// Whether an opaque call is open (the interpreter runs the callee).
    pub(crate) fn py_call_open(&self) -> bool {
        self.py_pending.is_some()
    }

    /// Before recording `pc` in the trace's frame: resolves an opaque call just returned
    /// (its result is on the observed stack).
    pub(crate) fn py_resume(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let Some(p) = self.py_pending.take() else {
            return Ok(());
        };
        if pc != p.pc.saturating_add(1) {
            // (the call raised: the interpreter continues in a handler, or leaves)
            return Err(self.abort(AbortReason::RaisesNow, pc, format!("the call at {} raised", p.pc)));
        }
        let Some(tag) = obs.stack(0).tag() else {
            return Err(self.abort(AbortReason::Desync, pc, "a call result of no type"));
        };
        let want = self.b.const_i64(tag as i64);
        let ok = self.b.binary(Op::IntEq, p.status, want);
        self.guard(true, ok, p.snap);
        let area = self.area_ptr();
        let v = match tag {
            Tag::None => PyVal::None,
            Tag::Bool => PyVal::Bool(self.b.load(Op::LoadBool, area, AREA_RESULT)),
            Tag::Int => PyVal::Int(self.b.load(Op::LoadInt, area, AREA_RESULT)),
            Tag::Float => PyVal::Float(self.b.load(Op::LoadFloat, area, AREA_RESULT)),
            Tag::Obj => {
                let r = self.b.call_owned(PY_TAKE_HELPER, &[area]);
                self.owned.push(r);
                PyVal::Obj(r)
            }
        };
        self.push(v);
        Ok(())
    }

    /// After an instruction: releases the owned values the recorded state no longer holds
    /// (see the module docs).
    pub(crate) fn release_dropped(&mut self, pc: u32) -> Result<(), Abort> {
        if self.owned.is_empty() {
            return Ok(());
        }
        let held = |r: &Recorder, id: InsnId| {
            let holds = |v: &PyVal| *v == PyVal::Obj(id);
            r.stack.iter().any(holds)
                || r.locals.iter().flatten().any(holds)
                || r.inl.iter().any(|i| i.holds(id))
                || r.pending_holds(id)
        };
        let dropped: Vec<InsnId> = self.owned.iter().copied().filter(|&id| !held(self, id)).collect();
        if dropped.is_empty() {
            return Ok(());
        }
        self.owned.retain(|id| !dropped.contains(id));
        // (releasing an instance the trace made that holds no object frees nothing else)
        let safe = self.live_words_survive() || dropped.iter().all(|&id| self.fresh_scalars_only(id));
        // (inside an inlined call: only values the exit snapshot of the outermost call
        // drops, `alloc.rs`; the next exit's snapshot is made again without them)
        let inside = !self.inl.is_empty() && !self.mframe;
        if !safe || (inside && !dropped.iter().all(|&id| self.releasable_inside(id))) {
            return Err(self.abort(
                AbortReason::OwnedValue,
                pc,
                "a call result released while a word it may keep alive is held",
            ));
        }
        for id in dropped {
            self.b.op(Op::ObjRelease, &[id], crate::ir::Imm::None, None);
        }
        Ok(())
    }
}

//! Function traces (issue 5: "hot functions that are not loops get traces too, from
//! function entry"): recording a plain Python function from its first instruction to its
//! `RETURN_VALUE` in the same frame, with calls of Python functions made as opaque calls.
//!
//! # Shape
//! `func @NAME(%0: ptr) -> i64`: `%0` points at a *function buffer*: the frame's locals in
//! the entry-buffer format (slots `0..nlocals`; the arguments in `0..argc`, every other
//! local unbound), then slot [`vm_slot`] (`nlocals`: payload = the VM's address, for the
//! call helper), slot [`result_slot`] (`nlocals + 1`: the result, written by the trace
//! before `ret`) and scratch slots from [`args_slot`] on (`nlocals + 2 + i`: the arguments
//! of an opaque call, the callee's result). The trace ends with `store_<type> %0,
//! result_slot, v` and `ret 0` (status 0): the VM reads the result's tag and payload from
//! the buffer, so one trace tree may return different types on different paths.
//! Locals are loaded behind `guard_tag` on first use (resume at pc 0 with nothing to
//! restore: the frame as the call built it); nothing is loop-carried (a backward jump
//! aborts with `InnerLoop`: functions with loops are left to loop traces). Snapshots are
//! the loop traces' (written locals, every stack entry; `d = 0`).
//!
//! # Opaque calls
//! `[callable, a1..an] CALL n` of a known Python function in the trace's own frame stores
//! the arguments into the scratch slots (typed stores), then
//! `%t = call @fn_call(%vm, const_ptr <function>, %0, args_slot, n) -> i64 writes`: the
//! helper runs the callee (its function trace natively, or the interpreter) and writes its
//! result into slot `args_slot` (tag and payload), returning the tag, or -1 when the call
//! raised. The recorder does not follow the callee (the VM runs it without recording) and
//! resolves the call when the interpreter is back at `pc + 1` in this frame: it observes
//! the result's type `T` and emits `guard_true %t == T` with the *call snapshot* (resume at
//! the `CALL` with the callable and the arguments popped), then the payload load. At an
//! exit through that snapshot the VM finds the call's outcome it kept (the result, pushed,
//! continuing at `pc + 1`; or the pending exception, raised at the `CALL`): the call is
//! never made twice. The VM lists the `CALL` indices ([`Recorder::call_pcs`]).
//! The helper may run any Python code, so it re-checks the calling trace's global pins
//! after the call (a failure is reported like an unexpected type: the trace leaves through
//! the call snapshot); and no object word the callee could free may be live across the
//! call: every object value held then must be a local's value at the entry (the caller's
//! stack or the helper keeps those alive), else the recording aborts (`ObjectAcrossCall`).

use crate::ir::verify::verify;
use crate::ir::{CallEffect, Func, Imm, InsnId, Op, SnapId, Tag, Type};
use crate::record::{Abort, AbortReason, BASE, Observe, PyVal, Recorder};

/// The buffer slot holding the VM's address in a function trace (`nlocals`).
pub fn vm_slot(nlocals: u32) -> u32 {
    nlocals
}

/// The buffer slot of a function trace's result (`nlocals + 1`).
pub fn result_slot(nlocals: u32) -> u32 {
    nlocals.saturating_add(1)
}

/// The first scratch slot of a function trace's buffer (`nlocals + 2`): an opaque call's
/// arguments, then its result.
pub fn args_slot(nlocals: u32) -> u32 {
    nlocals.saturating_add(2)
}

/// The most arguments an opaque call passes (the buffer has this many scratch slots).
pub const MAX_CALL_ARGS: u32 = 8;

/// The control slot of a function trace's buffer (`nlocals + 2 + MAX_CALL_ARGS`, after the
/// scratch slots): tag word = the number of nested direct calls still allowed (the *depth
/// budget*: the recursion limit and the native stack left, counted by the VM at the
/// entry), payload = the address of the VM's call depth (a `usize`), which a direct call
/// increments around the callee (`backend::SelfCall`).
pub fn ctl_slot(nlocals: u32) -> u32 {
    nlocals.saturating_add(2 + MAX_CALL_ARGS)
}

/// The number of 16-byte slots of a function trace's buffer for `nlocals` locals.
pub fn buffer_slots(nlocals: u32) -> usize {
    (ctl_slot(nlocals) as usize).saturating_add(1)
}

/// The name of the opaque-call helper (`(vm: ptr, func: ptr, buf: ptr, base: i64, n:
/// i64) -> i64`).
pub const CALL_HELPER: &str = "fn_call";

/// The state of a function recording.
#[derive(Debug, Default)]
pub(crate) struct FuncRec {
    /// An opaque call made, its result not yet observed.
    pending: Option<Pending>,
    /// The `CALL` indices of the opaque calls recorded.
    calls: Vec<u32>,
}

/// An opaque call whose result the next instruction observes.
#[derive(Debug, Clone, Copy)]
struct Pending {
    /// The `CALL`'s index.
    pc: u32,
    /// The helper's status (the result's tag, or -1).
    status: InsnId,
    /// The call snapshot (callable and arguments popped).
    snap: SnapId,
}

impl Recorder {
    /// A recorder for the function trace of `code` (see the module docs), started at the
    /// function's first instruction (index 0) in a frame holding just the arguments.
    pub fn new_func(code: crate::record::CodeInfo) -> Recorder {
        let mut r = Recorder::new(code, 0);
        r.func = Some(Box::default());
        r
    }

    /// Makes a side recorder (`Recorder::new_side`) record a path of a function trace: it
    /// ends at the function's `RETURN_VALUE` with the function trace's `ret`.
    pub fn set_func(&mut self) {
        self.func = Some(Box::default());
    }

    /// Whether this recorder records a function trace (or a side trace of one).
    pub fn is_func(&self) -> bool {
        self.func.is_some()
    }

    /// The `CALL` indices of the opaque calls recorded (see the module docs).
    pub fn call_pcs(&self) -> Vec<u32> {
        let mut v = self.func.as_ref().map(|f| f.calls.clone()).unwrap_or_default();
        v.extend(&self.py_calls);
        v
    }

    /// Whether an opaque call is being made: the interpreter runs the callee without
    /// calling [`Recorder::record`] for its frames.
    pub fn in_opaque_call(&self) -> bool {
        self.func.as_ref().is_some_and(|f| f.pending.is_some()) || self.py_call_open()
    }

    /// Before recording `pc` in the trace's frame: resolves an opaque call just returned
    /// (its result is on the observed stack).
    pub(crate) fn func_resume(&mut self, pc: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let Some(p) = self.func.as_mut().and_then(|f| f.pending.take()) else {
            return Ok(());
        };
        if pc != p.pc.saturating_add(1) {
            return Err(self.abort(
                AbortReason::Desync,
                pc,
                format!("the call at {} did not return here", p.pc),
            ));
        }
        let tag = match obs.stack(0).tag() {
            Some(t) if t != Tag::Obj => t,
            _ => return Err(self.abort(AbortReason::UnsupportedCall, pc, "a call returned an object")),
        };
        let want = self.b.const_i64(tag as i64);
        let ok = self.b.binary(Op::IntEq, p.status, want);
        self.guard(true, ok, p.snap);
        let slot = args_slot(self.code.nlocals);
        let v = match tag {
            Tag::None => PyVal::None,
            Tag::Bool => PyVal::Bool(self.b.load(Op::LoadBool, BASE, slot)),
            Tag::Int => PyVal::Int(self.b.load(Op::LoadInt, BASE, slot)),
            Tag::Float => PyVal::Float(self.b.load(Op::LoadFloat, BASE, slot)),
            Tag::Obj => return Err(self.abort(AbortReason::UnsupportedCall, pc, "a call returned an object")),
        };
        self.push(v);
        Ok(())
    }

    /// An opaque call of known Python function `key` with the top `n` entries as its
    /// arguments (`extra` = 1: a NULL marker below them). Returns the next index.
    pub(crate) fn opaque_call(
        &mut self,
        pc: u32,
        n: usize,
        extra: usize,
        key: u32,
        obs: &dyn Observe,
    ) -> Result<u32, Abort> {
        let nargs = u32::try_from(n).unwrap_or(u32::MAX);
        if nargs > MAX_CALL_ARGS {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, format!("{n} arguments")));
        }
        let Some(word) = obs.call_target(key, nargs) else {
            let d = format!("function {key} with {n} arguments cannot be called from a trace");
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        let mut args = Vec::with_capacity(n);
        for i in (0..n).rev() {
            args.push(self.peek(i, pc)?);
        }
        for _ in 0..n + extra + 1 {
            self.pop(pc)?;
        }
        // every object word held across the call must stay alive whatever the callee does
        let entry_obj = |r: &Recorder, v: &PyVal| match v {
            PyVal::Obj(id) => r.word_alive(*id),
            _ => true,
        };
        let live_ok = self.stack.iter().chain(args.iter()).all(|v| entry_obj(self, v))
            && self.locals.iter().flatten().all(|v| entry_obj(self, v));
        if !live_ok {
            return Err(self.abort(
                AbortReason::ObjectAcrossCall,
                pc,
                "an object word is live across a call",
            ));
        }
        let snap = self.snap(pc);
        let base = args_slot(self.code.nlocals);
        self.store_call_args(pc, BASE, base, &args)?;
        let vm = self.b.load(Op::LoadPtr, BASE, vm_slot(self.code.nlocals));
        let f = self.b.const_ptr(word);
        let b = self.b.const_i64(i64::from(base));
        let k = self.b.const_i64(i64::from(nargs));
        let status = self
            .b
            .call(CALL_HELPER, CallEffect::Writes, &[vm, f, BASE, b, k], Type::I64);
        if let Some(fr) = self.func.as_mut() {
            fr.pending = Some(Pending { pc, status, snap });
            if !fr.calls.contains(&pc) {
                fr.calls.push(pc);
            }
        }
        Ok(pc.saturating_add(1))
    }

    /// `RETURN_VALUE` in the trace's own frame: stores the result and ends the trace.
    pub(crate) fn func_close(&mut self, pc: u32) -> Result<Func, Abort> {
        let v = self.pop(pc)?;
        let slot = result_slot(self.code.nlocals);
        match v {
            PyVal::None => self.b.store(Op::StoreNone, BASE, slot, None),
            PyVal::Bool(x) => self.b.store(Op::StoreBool, BASE, slot, Some(x)),
            PyVal::Int(x) => self.b.store(Op::StoreInt, BASE, slot, Some(x)),
            PyVal::Float(x) => self.b.store(Op::StoreFloat, BASE, slot, Some(x)),
            PyVal::Obj(x) => self.b.store(Op::StorePtr, BASE, slot, Some(x)),
            PyVal::Known(_) => return Err(self.abort(AbortReason::UnsupportedCall, pc, "returns a known object")),
            _ => return Err(self.abort(AbortReason::UnsupportedCall, pc, "returns a virtual object")),
        };
        let zero = self.b.const_i64(0);
        self.b.op(Op::Ret, &[zero], Imm::None, None);
        if let Some(s) = &self.side {
            self.b.set_parent(Some((s.parent.clone(), crate::ir::ExitId(s.exit))));
        }
        let params = self.b.func().params.clone();
        let mut f = std::mem::replace(&mut self.b, crate::ir::Builder::new("f", &params, Type::I64)).finish();
        f.ret = Type::I64;
        f.name = match &self.side {
            Some(_) => format!("{}_fn_side", ir_name(&self.code.name)),
            None => format!("{}_fn", ir_name(&self.code.name)),
        };
        verify(&f).map_err(|e| self.abort(AbortReason::Invalid, pc, e.to_string()))?;
        Ok(f)
    }
}

/// A name usable in the IR text (`[A-Za-z0-9_]`).
fn ir_name(code: &str) -> String {
    code.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' })
        .collect()
}

impl Recorder {
    /// Stores the arguments of an opaque call (`fn_call`'s scratch slots, `py_call`'s
    /// call area) as typed stores into slots `first..` of the buffer at `base`.
    ///
    /// # Errors
    /// `UnsupportedCall` for a known object or a virtual object as an argument (the
    /// helper needs each argument as a word).
    pub(crate) fn store_call_args(&mut self, pc: u32, base: InsnId, first: u32, args: &[PyVal]) -> Result<(), Abort> {
        for (i, a) in args.iter().enumerate() {
            let slot = first.saturating_add(i as u32);
            match *a {
                PyVal::None => self.b.store(Op::StoreNone, base, slot, None),
                PyVal::Bool(x) => self.b.store(Op::StoreBool, base, slot, Some(x)),
                PyVal::Int(x) => self.b.store(Op::StoreInt, base, slot, Some(x)),
                PyVal::Float(x) => self.b.store(Op::StoreFloat, base, slot, Some(x)),
                PyVal::Obj(x) => self.b.store(Op::StorePtr, base, slot, Some(x)),
                PyVal::Known(_) => {
                    return Err(self.abort(AbortReason::UnsupportedCall, pc, "a known object as an argument"));
                }
                _ => return Err(self.abort(AbortReason::UnsupportedCall, pc, "a virtual object as an argument")),
            };
        }
        Ok(())
    }
}

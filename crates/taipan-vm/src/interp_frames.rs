//! Frames ([`Frame`], and how a frame stops running: [`FrameExit`]) and the frame switches
//! of the dispatch loop (`interp.rs`): the frame of an in-loop call of a Python function,
//! and the ends of in-loop frames — a return to the caller, the return of
//! an `__init__` frame of a class call, and the yield and return of a generator resumed by
//! `FOR_ITER` (CPython 3.11's inlined calls; 3.12's `FOR_ITER_GEN`).

use super::*;

/// An executing (or suspended) Python frame.
pub struct Frame {
    /// The code being run.
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Local slots: varnames, then cells, then free cells (cells as cell objects).
    pub locals: Vec<Option<Value>>,
    /// The operand stack.
    pub stack: Vec<Value>,
    /// The module globals dict.
    pub globals: Obj,
    /// The locals dict for module and class bodies (name-based scopes).
    pub locals_dict: Option<Value>,
    /// For a frame run inside its caller's dispatch loop: the next frame of the chain
    /// towards the entry frame of that `run_frame` invocation (`None`: the caller is the
    /// entry frame). Always `None` for entry frames and pooled frames.
    pub back: Option<Box<Frame>>,
    /// For a frame run inside its caller's dispatch loop: the exception being handled at
    /// the call (`Vm::handled_exc`), restored when the frame returns or raises. For a
    /// suspended generator's frame: the generator's own handled exception, kept across
    /// `yield` (traversed by the cycle collector).
    pub saved_exc: Option<Value>,
    /// For an in-loop frame running `__init__` for a class call (`CALL_CLASS`): its
    /// caller's slot of the call already holds the new instance, so `RETURN_VALUE` checks
    /// that the result is None (else TypeError at the caller's call) and leaves the slot
    /// as it is. Always false for other frames and pooled frames.
    pub init_call: bool,
}

/// How a frame stopped running: `return value` or `yield value`.
///
/// A struct with the value first rather than an enum around the value: the result travels
/// through memory from the dispatch loop to the caller, and an enum is written as a
/// discriminant word plus the value but read back with a 16-byte load that straddles both,
/// which the CPU cannot store-forward (measured: 35-45% of `run_frame` and of the call path
/// in a call-heavy loop).
#[repr(C)]
pub struct FrameExit {
    /// The returned or yielded value.
    pub value: Value,
    /// Return or yield.
    pub kind: ExitKind,
}

/// Whether a frame returned or yielded.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// `return` (the frame is finished).
    Return,
    /// `yield` (the frame can be resumed).
    Yield,
}

impl FrameExit {
    /// `return value`.
    #[inline(always)]
    pub fn ret(value: Value) -> FrameExit {
        FrameExit {
            value,
            kind: ExitKind::Return,
        }
    }
}

impl Vm {
    /// `SEND`'s step once `v` is popped: sends `v` to the receiver below it
    /// (`generator::send_to`); a yielded value is pushed (false), a return value replaces the
    /// receiver (true: the caller jumps to the instruction's target). Errors are the
    /// receiver's.
    pub(super) fn send_step(&mut self, f: &mut Frame, v: Value) -> PyResult<bool> {
        let recv = f.stack.last().cloned().unwrap_or(Value::None);
        match crate::generator::send_to(self, &recv, v)? {
            crate::generator::SendResult::Yielded(y) => {
                f.stack.push(y);
                Ok(false)
            }
            crate::generator::SendResult::Returned(r) => {
                f.stack.pop();
                f.stack.push(r);
                Ok(true)
            }
        }
    }

    /// The frame of a call of `callable` with the positional arguments `args`, bound for
    /// this loop, when `callable` is a Python function that runs to its return (not a
    /// generator) or a bound method of one; `None` for any other callable. Errors are
    /// argument-binding errors. On the fast binding path the argument values move out of
    /// `args`.
    ///
    /// # Safety
    ///
    /// When it returns `Some`, the values of `args` are moved out or `None` (as after
    /// [`Vm::fast_frame`]): the caller must forget them (`Vec::set_len`) without dropping
    /// or reading them.
    #[inline(always)]
    pub(super) unsafe fn py_call_frame(
        &mut self,
        callable: &Value,
        args: &mut [Value],
    ) -> Option<PyResult<Box<Frame>>> {
        let Value::Obj(o) = callable else { return None };
        match &o.kind {
            ObjKind::Function(func) => {
                // SAFETY: (both) this function's contract passes on to the caller
                if func.code.fast_argcount == Some(args.len()) {
                    return Some(Ok(unsafe { self.fast_frame(func, None, args) }));
                }
                if func.code.runs_to_return {
                    return Some(unsafe { self.bind_positional_moving(func, args) });
                }
                None
            }
            ObjKind::BoundMethod { func: m, receiver } => {
                let Some(ObjKind::Function(func)) = m.kind() else {
                    return None;
                };
                if func.code.fast_argcount == Some(args.len() + 1) {
                    // SAFETY: this function's contract passes on to the caller
                    return Some(Ok(unsafe { self.fast_frame(func, Some(receiver.clone()), args) }));
                }
                if func.code.runs_to_return {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(receiver.clone());
                    full.extend_from_slice(args);
                    let r = self.bind_arguments(func, &full, &[]);
                    crate::call::clear_args(args);
                    return Some(r);
                }
                None
            }
            _ => None,
        }
    }

    /// `RETURN_VALUE` of an in-loop frame: pops it (restoring the exception being handled
    /// at the call, giving the frame back to the pool) and stores `v` in the caller's
    /// operand stack, in the slot of the callable.
    #[inline(always)]
    pub(super) fn return_to_caller(&mut self, entry: &mut Frame, top: &mut Option<Box<Frame>>, v: Value) {
        let Some(mut done) = top.take() else { return };
        *top = done.back.take();
        self.handled_exc = done.saved_exc.take();
        self.depth -= 1;
        self.recycle_returned_frame(done);
        let caller: &mut Frame = match top.as_deref_mut() {
            Some(t) => t,
            None => entry,
        };
        match caller.stack.last_mut() {
            Some(slot) => *slot = v,
            None => caller.stack.push(v),
        }
    }

    /// `YIELD_VALUE` of an in-loop generator frame (resumed by `FOR_ITER`, see
    /// `generator::take_loop_frame`): pops it, gives the generator its frame back and
    /// pushes `v` on the resumer's stack as the loop's next item; the resumer continues
    /// after its `FOR_ITER`.
    #[inline(never)]
    pub(super) fn yield_to_loop(&mut self, entry: &mut Frame, top: &mut Option<Box<Frame>>, v: Value) {
        let Some(mut done) = top.take() else { return };
        *top = done.back.take();
        let caller: &mut Frame = match top.as_deref_mut() {
            Some(t) => t,
            None => entry,
        };
        crate::generator::suspend_from_loop(self, caller.stack.last(), done);
        caller.stack.push(v);
    }

    /// `RETURN_VALUE` of an in-loop generator frame (resumed by `FOR_ITER`): pops it and
    /// finishes the generator; the resumer pops the exhausted generator and continues at
    /// its `FOR_ITER`'s target (the returned value is dropped, as `for` does).
    #[inline(never)]
    pub(super) fn return_to_loop(&mut self, entry: &mut Frame, top: &mut Option<Box<Frame>>) {
        let Some(mut done) = top.take() else { return };
        *top = done.back.take();
        let caller: &mut Frame = match top.as_deref_mut() {
            Some(t) => t,
            None => entry,
        };
        let g = caller.stack.pop();
        let _ = crate::generator::finish_from_loop(self, g.as_ref(), done, None);
        let at = caller.ip.saturating_sub(1);
        if let Some(ins) = caller.code.raw.instructions.get(at)
            && ins.op == Opcode::ForIter
        {
            caller.ip = ins.arg as usize;
        }
    }

    /// `RETURN_VALUE` of an in-loop `__init__` frame of a class call: pops it as
    /// [`Vm::return_to_caller`] does but leaves the caller's slot (the new instance) as it
    /// is; a result other than None raises TypeError, reported at the caller's call
    /// instruction (the frame is already gone, as in CPython).
    #[inline(never)]
    pub(super) fn return_from_init(&mut self, top: &mut Option<Box<Frame>>, v: Value) -> PyResult<()> {
        let Some(mut done) = top.take() else { return Ok(()) };
        *top = done.back.take();
        done.init_call = false;
        self.handled_exc = done.saved_exc.take();
        self.depth -= 1;
        self.recycle_returned_frame(done);
        if v.is_none() {
            return Ok(());
        }
        let tn = self.type_name(&v);
        Err(self.type_error(format!("__init__() should return None, not '{tn}'")))
    }
}

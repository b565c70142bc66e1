//! The exception path of the dispatch loop: unwinding a frame to its handler (or to its
//! caller), traceback entries and the implicit `__context__` chain (CPython 3.11
//! `Python/ceval.c` `exception_unwind`, `Python/errors.c` `_PyErr_SetObject`).

use std::rc::Rc;

use super::*;

impl Vm {
    /// The exception path of [`Vm::run_frame`]: records the traceback entry of the frame
    /// that raised, finds the handler in its exception table and resumes there; without a
    /// handler, an in-loop frame is popped and the exception continues at its caller's
    /// call instruction, and the entry frame propagates it.
    #[inline(never)]
    pub(super) fn unwind_frame(
        &mut self,
        entry: &mut Frame,
        top: &mut Option<Box<Frame>>,
        first: PyErr,
        saved_exc: Option<Value>,
    ) -> PyResult<FrameExit> {
        let mut r: PyResult<FrameExit> = Err(first);
        loop {
            match r {
                Ok(exit) => {
                    if exit.kind == ExitKind::Return {
                        self.handled_exc = saved_exc;
                    }
                    return Ok(exit);
                }
                Err(e) => {
                    let frame: &mut Frame = match top.as_deref_mut() {
                        Some(t) => t,
                        None => &mut *entry,
                    };
                    let index = frame.ip.saturating_sub(1);
                    let e = self.fix_error(e);
                    // RERAISE and a bare `raise` keep the traceback as it is (CPython jumps
                    // straight to exception_unwind for them)
                    let reraise = frame
                        .code
                        .raw
                        .instructions
                        .get(index)
                        .is_some_and(|i| i.op == Opcode::Reraise || (i.op == Opcode::RaiseVarargs && i.arg == 0));
                    if !reraise {
                        self.add_traceback(&e, &frame.code, index);
                    }
                    match frame.code.raw.find_handler(index as u32) {
                        Some(h) => {
                            frame.stack.truncate(h.depth as usize);
                            frame.stack.push(e.0);
                            frame.ip = h.target as usize;
                            r = self.run_until_error(entry, top);
                        }
                        None => match top.take() {
                            // an in-loop frame: popped, the caller's call instruction raises
                            Some(mut done) => {
                                *top = done.back.take();
                                if !done.code.runs_to_return {
                                    // a generator resumed by `FOR_ITER`: finished, the
                                    // exception (PEP 479 applied) raised at the resumer's
                                    // `FOR_ITER`
                                    let caller: &Frame = match top.as_deref() {
                                        Some(t) => t,
                                        None => &*entry,
                                    };
                                    let g = caller.stack.last().cloned();
                                    let raised = crate::generator::finish_from_loop(self, g.as_ref(), done, Some(e));
                                    r = Err(raised.unwrap_or_else(|| PyErr(Value::None)));
                                    continue;
                                }
                                done.init_call = false;
                                self.handled_exc = done.saved_exc.take();
                                self.depth -= 1;
                                self.release_frame(done);
                                r = Err(e);
                            }
                            None => {
                                self.handled_exc = saved_exc;
                                return Err(e);
                            }
                        },
                    }
                }
            }
        }
    }

    /// Replaces the internal "stack underflow" marker with a SystemError.
    fn fix_error(&mut self, e: PyErr) -> PyErr {
        if e.0.is_none() {
            let t = self.exc.system_error.clone();
            return self.new_error(&t, "bad bytecode: operand stack underflow");
        }
        e
    }

    /// Records `(code, index)` in the traceback of `e`, and sets `__context__` from the
    /// exception being handled when `e` is fresh (CPython's `_PyErr_SetObject`).
    pub fn add_traceback(&mut self, e: &PyErr, code: &Rc<Code>, index: usize) {
        if let Some(data) = Vm::exc_data(&e.0) {
            let fresh = data.borrow().traceback.is_empty();
            if fresh
                && let Some(h) = &self.handled_exc
                && !h.is(&e.0)
                && data.borrow().context.is_none()
                && !self.context_cycle(h, &e.0)
            {
                data.borrow_mut().context = Some(h.clone());
            }
            data.borrow_mut().traceback.push((code.clone(), index));
        }
    }

    fn context_cycle(&self, start: &Value, target: &Value) -> bool {
        let mut cur = Some(start.clone());
        let mut steps = 0;
        while let Some(c) = cur {
            if c.is(target) {
                return true;
            }
            steps += 1;
            if steps > 1000 {
                return true;
            }
            cur = Vm::exc_data(&c).and_then(|d| d.borrow().context.clone());
        }
        false
    }
}

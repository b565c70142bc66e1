//! Entering the dispatch loop (`interp.rs`): `Vm::run_frame`, the trampoline that switches
//! between the plain and the recording instance of the loop, and the JIT's back-edge stop.

use super::{ExitKind, Frame, FrameExit};
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// Runs `frame` until it returns or yields. If `throw` is given, it is raised at the
    /// current instruction first (generator `throw()`). Python functions it calls run in
    /// the same loop (see the module documentation); they have all returned or been
    /// unwound when this returns.
    #[inline]
    pub fn run_frame(&mut self, frame: &mut Frame, throw: Option<PyErr>) -> PyResult<FrameExit> {
        self.run_frame_on(frame, throw, None)
    }

    /// [`Vm::run_frame`] for a frame a trace ran on whose exit rebuilt the frames of inlined
    /// calls (`JitState::mframes`, `jit_mframe.rs`): they are linked on top of `frame` and
    /// the interpreter resumes in the innermost one.
    #[inline(never)]
    pub(crate) fn run_frame_resumed(&mut self, frame: &mut Frame, throw: Option<PyErr>) -> PyResult<FrameExit> {
        let mut top: Option<Box<Frame>> = None;
        // (drained, not taken: the vector is reused by the next such exit)
        for fr in self.jit.mframes.drain(..) {
            super::link_frame(&mut top, fr);
        }
        self.run_frame_on(frame, throw, top)
    }

    /// [`Vm::run_frame`] with `top` (the frames of calls made from `frame`, innermost
    /// last) already on the frame chain.
    #[inline(always)]
    fn run_frame_on(
        &mut self,
        frame: &mut Frame,
        throw: Option<PyErr>,
        mut top: Option<Box<Frame>>,
    ) -> PyResult<FrameExit> {
        let saved_exc = crate::value::clone_opt(&self.handled_exc);
        let r = match throw {
            Some(e) => Err(e),
            None => self.run_until_error(frame, &mut top),
        };
        match r {
            Ok(exit) => {
                if exit.kind == ExitKind::Return {
                    self.handled_exc = saved_exc;
                }
                Ok(exit)
            }
            Err(e) => self.unwind_frame(frame, &mut top, e, saved_exc),
        }
    }

    /// The dispatch loop's trampoline: runs the plain instance, or the recording one while
    /// the JIT records a trace (`crate::jit`), switching when an instance returns only to
    /// switch ([`crate::jit::JitState::switch`]); a back-edge the JIT must see also returns
    /// here ([`crate::jit::JitState::back_edge`]). Returns when the entry frame returns or
    /// yields, or with the error of the current innermost frame (which
    /// [`Vm::unwind_frame`] then handles).
    pub(super) fn run_until_error(&mut self, entry: &mut Frame, top: &mut Option<Box<Frame>>) -> PyResult<FrameExit> {
        loop {
            let r = if self.jit.recording.is_some() {
                self.dispatch::<true, false>(entry, top)
            } else if self.jit.opts.stats || self.spec.print_stats {
                self.dispatch::<false, true>(entry, top)
            } else {
                self.dispatch::<false, false>(entry, top)
            };
            if !self.jit.switch {
                return r;
            }
            self.jit.switch = false;
            if self.jit.back_edge {
                self.jit.back_edge = false;
                self.jit_back_edge_top(entry, top)?;
            }
            if self.jit.fn_entry {
                self.jit.fn_entry = false;
                self.jit.switch = false;
                self.jit_func_entry_top(top)?;
            }
        }
    }

    /// A back-edge of the innermost frame left the plain dispatch loop (see `jump_to!`):
    /// its `ip` is the loop header. Runs the JIT's part ([`Vm::jit_back_edge`]: counting,
    /// starting a recording, running a trace) and leaves `ip` where to continue; the
    /// trampoline then picks the instance (a recording started: the recording one).
    #[inline(never)]
    fn jit_back_edge_top(&mut self, entry: &mut Frame, top: &mut Option<Box<Frame>>) -> PyResult<()> {
        let f: &mut Frame = match top.as_deref_mut() {
            Some(t) => t,
            None => entry,
        };
        let code = f.code.clone();
        let next = self.jit_back_edge(f, &code, f.ip);
        // (a recording that starts leaves `f.ip` at the header and sets `switch`, which the
        // trampoline does not need: it checks for a recording itself)
        self.jit.switch = false;
        if next != crate::jit::SWITCH_IP {
            f.ip = next;
        }
        // an exit that resumes mid-callee: the frames it rebuilt go on top (`jit_mframe.rs`)
        if !self.jit.mframes.is_empty() {
            for fr in self.jit.mframes.drain(..) {
                super::link_frame(top, fr);
            }
        }
        // an exit through an opaque call's snapshot whose call raised: raised at the `CALL`
        // (`f.ip` is past it)
        match self.jit.raise.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

//! Exits through multi-frame snapshots (`taipan_jit::record`'s `mframe.rs`): an exit inside
//! inlined calls after an opaque call made in them resumes mid-callee. The deoptimizer
//! writes the trace's own frame as for any exit (its stack then holds the outermost call's
//! callable slot, its `pc` is after that `CALL`) and builds one interpreter frame per
//! inlined call of the snapshot, outermost first, each chained to the previous one as the
//! interpreter's in-loop calls chain them (`Frame::back`, one level of `Vm::depth` each,
//! the exception being handled saved as at a call). The frames wait in
//! [`super::JitState::mframes`] until the caller of the run links them on top of the
//! frame chain (`Vm::jit_back_edge_top`, or `Vm::run_frame_resumed` for a loop call's
//! frame); the interpreter then resumes in the innermost one and returns flow back through
//! them normally.
//!
//! The call snapshot of an opaque call made inside inlined calls is known by its innermost
//! frame's shape (`Trace::frame_calls`, the recorder's `FrameCall`): the call was made, so
//! its kept result is pushed on that frame's stack and it resumes after the `CALL`, or the
//! kept exception is raised at the `CALL` (its `ip` past it, as the interpreter raises a
//! call's exception: the traceback gets every rebuilt frame's line); a call the helper did
//! not make (a run that linked) goes back to the interpreter with its callable and
//! arguments, at the `CALL`.

use std::rc::Rc;

use taipan_jit::ir::{FRAME_STRIDE, Snapshot, slot_frame};

use super::super::Trace;
use super::super::func::Outcome;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The rest of exit `snap` of trace `x` when it is a multi-frame snapshot: `restore` holds
    /// every entry's value (root slots and the extra frames' slots, [`FRAME_STRIDE`] apart);
    /// the extra frames' values are taken out and made into frames (left in
    /// `JitState::mframes`), the root's stay for the caller to write. Returns the index the
    /// trace's own frame resumes at (after the outermost inlined call). A snapshot that does
    /// not fit its functions' code (never: the recorder made it from the frames it followed)
    /// raises an internal error instead.
    pub(super) fn jit_exit_frames(
        &mut self,
        x: &Rc<Trace>,
        snap: &Snapshot,
        restore: &mut Vec<(usize, Value)>,
    ) -> usize {
        self.jit.counters.frame_exits += 1;
        let n = snap.frames.len();
        // (the root's values stay at the front of `restore`, in order; the extra frames' go
        // to `vals`, sorted by frame and slot; both buffers are reused: exits are hot)
        let mut kept = 0;
        for r in 0..restore.len() {
            if restore[r].0 < FRAME_STRIDE as usize {
                restore.swap(kept, r);
                kept += 1;
            }
        }
        let mut vals = std::mem::take(&mut self.jit.frame_vals);
        vals.clear();
        for (s, v) in restore.drain(kept..) {
            let (k, slot) = slot_frame(u32::try_from(s).unwrap_or(u32::MAX));
            vals.push((k, slot, v));
        }
        vals.sort_unstable_by_key(|&(k, slot, _)| (k, slot));
        let mut frames = std::mem::take(&mut self.jit.mframes);
        frames.clear();
        frames.reserve(n);
        let mut next = vals.drain(..).peekable();
        for (k, sf) in (1usize..).zip(&snap.frames) {
            let built = match x.pins.obj(sf.func) {
                Some(Value::Obj(o)) => match &o.kind {
                    ObjKind::Function(fun) => {
                        let code = fun.code.clone();
                        let mut fr = self.acquire_frame(&code, &fun.globals);
                        fr.locals.clear();
                        fr.locals.resize(code.nlocalsplus, None);
                        // (a method using `super()`: its `__class__` cell, as a call copies
                        // the closure, `Vm::finish_frame`)
                        let free = code.raw.varnames.len() + code.raw.cellvars.len();
                        for (slot, c) in fr.locals.iter_mut().skip(free).zip(fun.closure.iter()) {
                            *slot = Some(Value::Obj(c.clone()));
                        }
                        fr.stack.clear();
                        fr.stack.reserve(code.raw.max_stack as usize);
                        fr.ip = sf.pc as usize;
                        let mut fits = true;
                        // (slot order: locals, then the stack from its bottom)
                        while let Some((_, slot, v)) = next.next_if(|e| e.0 <= k) {
                            let slot = slot as usize;
                            if slot < code.nlocalsplus {
                                if let Some(l) = fr.locals.get_mut(slot) {
                                    *l = Some(v);
                                }
                            } else if slot == code.nlocalsplus + fr.stack.len() {
                                fr.stack.push(v);
                            } else {
                                fits = false;
                            }
                        }
                        fits.then_some(fr)
                    }
                    _ => None,
                },
                _ => None,
            };
            match built {
                Some(fr) => frames.push(fr),
                None => {
                    drop(next);
                    self.jit.frame_vals = vals;
                    self.jit.raise = Some(self.jit_internal("a multi-frame exit that does not fit its frames"));
                    return snap.pc as usize;
                }
            }
        }
        // (values of frames the snapshot does not have: none, the recorder made both)
        drop(next);
        self.jit.frame_vals = vals;
        // the call snapshot of an opaque call made in the innermost frame: the call was made
        if let (Some(inner), Some(sf)) = (frames.last_mut(), snap.frames.last())
            && x.frame_calls.iter().any(|c| {
                c.frames as usize == n && c.func == sf.func && c.pc == sf.pc && c.height as usize == inner.stack.len()
            })
        {
            match self.jit.fx.outcome.take() {
                Some(Outcome::Value(v)) => {
                    inner.stack.push(v);
                    inner.ip = sf.pc as usize + 1;
                }
                Some(Outcome::Raised(e)) => {
                    inner.ip = sf.pc as usize + 1;
                    self.jit.raise = Some(e);
                }
                Some(Outcome::Redo(c, args)) => {
                    // not made (the run linked): the interpreter makes it
                    inner.stack.push(c);
                    inner.stack.extend(args);
                }
                _ => self.jit.raise = Some(self.jit_internal("an opaque call's exit without an outcome")),
            }
        }
        // entered as the interpreter's calls enter them (`Vm::enter_frame`: the recursion
        // room was checked when the run started, for the trace's deepest inlining)
        for fr in &mut frames {
            self.depth += 1;
            fr.saved_exc = crate::value::clone_opt(&self.handled_exc);
        }
        self.jit.mframes = frames;
        snap.pc as usize
    }
}
